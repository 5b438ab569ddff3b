// Baselines for `npm run bench`, in the same browser as Loom: (a) PapaParse's own
// streaming parse with nothing stored, and (c) PapaParse plus one Dexie record per row.
import Papa from 'papaparse';
import Dexie from 'dexie';
import './network';
import './impact';
import './duckdb';

const input = document.getElementById('file') as HTMLInputElement;
const file = () => input.files![0];

/** (a) The floor: PapaParse streams the file in 1 MB chunks and keeps nothing. Resolves to [ms, rows]. */
async function parseFloor(): Promise<[number, number]> {
  const t0 = performance.now();
  let rows = 0;
  await new Promise<void>((resolve, reject) =>
    Papa.parse<string[]>(file(), {
      chunkSize: 1 << 20,
      chunk: (r) => {
        rows += r.data.length;
      },
      complete: () => resolve(),
      error: reject,
    }),
  );
  return [performance.now() - t0, rows];
}

/** (c) Naive: PapaParse with headers, each row its own Dexie record, written per parsed chunk. Resolves to [ms, rows]. */
async function naive(limit: number): Promise<[number, number]> {
  const db = new Dexie(`naive-${Date.now()}`);
  db.version(1).stores({ rows: '++id' });
  await db.open();
  const t0 = performance.now();
  let rows = 0;
  await new Promise<void>((resolve, reject) =>
    Papa.parse<Record<string, string>>(file(), {
      header: true,
      chunkSize: 1 << 20,
      chunk: (r, parser) => {
        parser.pause();
        const batch = r.data.slice(0, limit - rows);
        rows += batch.length;
        db.table('rows')
          .bulkAdd(batch)
          .then(() => (rows >= limit ? (parser.abort(), resolve()) : parser.resume()), reject);
      },
      complete: () => resolve(),
      error: reject,
    }),
  );
  const ms = performance.now() - t0;
  db.close();
  await Dexie.delete(db.name);
  return [ms, rows];
}

Object.assign(window, { parseFloor, naive });
