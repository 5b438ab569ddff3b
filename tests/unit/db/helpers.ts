import { LoomDB } from '../../../src/lib/db/database';
import { bytesSource } from '../../../src/lib/import/decode';
import { importCsv, type ImportOptions } from '../../../src/lib/import/importer';

let n = 0;

/** A fresh, empty database on fake-indexeddb. */
export function freshDb(): LoomDB {
  return new LoomDB(`loom-test-${++n}-${Math.random()}`);
}

/** Imports CSV text as a file called `fileName`. */
export function importText(
  db: LoomDB,
  text: string,
  fileName = 'file.csv',
  options: Partial<ImportOptions> = {},
) {
  return importCsv(db, bytesSource(new TextEncoder().encode(text)), { fileName, ...options });
}

/** Row counts of every table, to show that nothing was left behind. */
export async function counts(db: LoomDB) {
  return {
    imports: await db.imports.count(),
    chunks: await db.chunks.count(),
    factories: await db.factories.count(),
    exchanges: await db.exchanges.count(),
    rollups: await db.rollups.count(),
    defectRollups: await db.defectRollups.count(),
  };
}

export const EMPTY = {
  imports: 0,
  chunks: 0,
  factories: 0,
  exchanges: 0,
  rollups: 0,
  defectRollups: 0,
};
