// The peer a user would pick instead of Loom: DuckDB-WASM, in its single-threaded bundle (with
// WebAssembly exceptions), in this page. It reads the chosen CSV with read_csv into an
// in-memory table and computes the factory × product × month rollup that Loom stores, which
// persists nothing. A devDependency of the bench harness only, never of the app.
import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';

let ready: Promise<duckdb.AsyncDuckDB> | null = null;

/** One DuckDB instance for the page; instantiating it is not part of a load's time. */
function instance(): Promise<duckdb.AsyncDuckDB> {
  return (ready ??= (async () => {
    const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), new Worker(workerUrl));
    await db.instantiate(wasmUrl);
    return db;
  })());
}

/**
 * Loads `file` into a fresh table and rolls it up, as Loom's import does. Resolves to [ms from
 * the file handed over to the rollup computed, rows loaded, rollup cells].
 */
async function duckdbLoad(file: File): Promise<[number, number, number]> {
  const db = await instance();
  const name = `load-${Date.now()}.csv`;
  const t0 = performance.now();
  await db.registerFileHandle(name, file, duckdb.DuckDBDataProtocol.BROWSER_FILEREADER, true);
  const conn = await db.connect();
  await conn.query(
    `CREATE OR REPLACE TABLE production AS SELECT * FROM read_csv('${name}', header = true)`,
  );
  const rows = Number((await conn.query('SELECT count(*) AS n FROM production')).toArray()[0].n);
  const cells = await conn.query(
    `CREATE OR REPLACE TABLE rollup AS SELECT factory_id, product, period, sum(inspected) AS inspected,
       sum(defective) AS defective, count(*) AS lots FROM production GROUP BY ALL`,
  );
  void cells;
  const n = Number((await conn.query('SELECT count(*) AS n FROM rollup')).toArray()[0].n);
  const ms = performance.now() - t0;
  await conn.query('DROP TABLE production; DROP TABLE rollup');
  await conn.close();
  await db.dropFile(name);
  return [ms, rows, n];
}

/** Instantiates DuckDB-WASM (fetching and compiling its 34 MB module): resolves to the ms it took. */
async function duckdbInit(): Promise<number> {
  const t0 = performance.now();
  await instance();
  return performance.now() - t0;
}

Object.assign(window, { duckdbLoad, duckdbInit });
