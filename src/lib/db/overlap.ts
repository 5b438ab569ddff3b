// A revised report holds the same lots as the report it corrects: importing both would count
// every lot twice. This finds, before an import is committed, which active imports already
// hold rows with the same keys as the staged one, and how many.

import type { ChunkRow, DictColumn, ImportRow, LoomDB, RollupCells } from './database';

/** Rows of a staged import that an active import already holds. */
export interface Overlap {
  importId: number;
  fileName: string;
  /** Epoch ms. */
  importedAt: number;
  /** Rows of the staged import whose key the active import also has, and the staged rows in all. */
  rows: number;
  of: number;
  /** Rows of the active import: replacing it removes them all, matched or not. */
  theirs: number;
}

/**
 * The active imports of the same kind that share row keys with the staged import `staged`:
 * for production the lot's factory, product, period, defect type, shift and workshop; for
 * exchanges the date, both factories and the experience. Factories files are left out, since
 * a newer factories file replaces the older one's records without double counting. Production
 * imports are compared only when their factory × product × month cells meet.
 */
export async function findOverlaps(
  db: LoomDB,
  staged: Pick<ImportRow, 'id' | 'kind'>,
): Promise<Overlap[]> {
  if (staged.kind === 'factories') return [];
  const others = (await db.imports.where('kind').equals(staged.kind).toArray()).filter(
    (i) => i.status === 'active' && i.id !== staged.id,
  );
  if (!others.length) return [];
  const out: Overlap[] = [];
  if (staged.kind === 'exchanges') {
    const mine = (await db.exchanges.where('importId').equals(staged.id).toArray()).map(
      exchangeKey,
    );
    for (const other of others) {
      const theirs = new Set(
        (await db.exchanges.where('importId').equals(other.id).toArray()).map(exchangeKey),
      );
      const rows = mine.filter((k) => theirs.has(k)).length;
      if (rows) out.push(overlapOf(other, rows, mine.length));
    }
    return out;
  }
  const myRollups = await db.rollups.where('importId').equals(staged.id).toArray();
  const myCount = myRollups.reduce((n, c) => n + c.count, 0);
  let myCells: Set<string> | null = null;
  let mine: Float64Array[] | null = null;
  for (const other of others) {
    const theirRollups = await db.rollups.where('importId').equals(other.id).toArray();
    // No factory or no product in common: no cell can meet (the dictionaries are small).
    if (
      !shareValue(myRollups, theirRollups, 'factory') ||
      !shareValue(myRollups, theirRollups, 'product')
    )
      continue;
    // The smaller side's cells as a set, the larger side looked up in it.
    const met =
      theirRollups.reduce((n, c) => n + c.count, 0) < myCount
        ? meets(cellsOf(theirRollups), myRollups)
        : meets((myCells ??= cellsOf(myRollups)), theirRollups);
    if (!met) continue;
    mine ??= (await chunksOf(db, staged.id)).map(lotKeys);
    const theirs = new Set<number>();
    for (const c of await chunksOf(db, other.id)) for (const k of lotKeys(c)) theirs.add(k);
    let rows = 0;
    let of = 0;
    for (const keys of mine) {
      of += keys.length;
      for (const k of keys) if (theirs.has(k)) rows++;
    }
    if (rows) out.push(overlapOf(other, rows, of));
  }
  return out;
}

const overlapOf = (i: ImportRow, rows: number, of: number): Overlap => ({
  importId: i.id,
  fileName: i.fileName,
  importedAt: i.importedAt ?? 0,
  rows,
  of,
  theirs: i.rowsAccepted,
});

const exchangeKey = (e: {
  date: string;
  source_factory: string;
  target_factory: string;
  experience: string;
}) => `${e.date}\u0001${e.source_factory}\u0001${e.target_factory}\u0001${e.experience}`;

const chunksOf = (db: LoomDB, importId: number): Promise<ChunkRow[]> =>
  db.chunks.where('importId').equals(importId).toArray();

/** Cell `i` of a rollup chunk as a string: its factory, product and month. */
const cellKey = (c: RollupCells, i: number) =>
  `${c.factory.dict[c.factory.codes[i]]}\u0001${c.product.dict[c.product.codes[i]]}\u0001${c.month.dict[c.month.codes[i]]}`;

/** The factory × product × month cells of rollup chunks. */
function cellsOf(chunks: readonly RollupCells[]): Set<string> {
  const cells = new Set<string>();
  for (const c of chunks) for (let i = 0; i < c.count; i++) cells.add(cellKey(c, i));
  return cells;
}

/** Whether two sets of rollup chunks have a value of `column` in common, by their dictionaries. */
function shareValue(
  a: readonly RollupCells[],
  b: readonly RollupCells[],
  column: 'factory' | 'product',
): boolean {
  const values = new Set(a.flatMap((c) => c[column].dict.filter(Boolean)));
  return b.some((c) => c[column].dict.some((v) => v !== '' && values.has(v)));
}

/** Whether any cell of `chunks` is in `cells`. */
function meets(cells: ReadonlySet<string>, chunks: readonly RollupCells[]): boolean {
  for (const c of chunks)
    for (let i = 0; i < c.count; i++) if (cells.has(cellKey(c, i))) return true;
  return false;
}

/**
 * A key per row of a production chunk, from its factory, product, period (first day and
 * grain), defect type, shift and workshop: two 32-bit hashes folded into 53 bits, so that a
 * million rows compare as numbers. Two different lots share a key with odds of about one in
 * 10¹⁵ per pair.
 */
export function lotKeys(c: ChunkRow): Float64Array {
  const cols = [c.factory, c.product, c.defectType, c.shift, c.workshop].map(dictHashes);
  const out = new Float64Array(c.count);
  let a = 0;
  let b = 0;
  const mix = (x: number, y: number) => {
    a = Math.imul(a ^ x, 0x9e3779b1);
    a ^= a >>> 15;
    b = Math.imul(b ^ y, 0x85ebca6b);
    b ^= b >>> 13;
  };
  for (let i = 0; i < c.count; i++) {
    a = 0x811c9dc5;
    b = 0x01000193;
    mix(cols[0][0][c.factory.codes[i]], cols[0][1][c.factory.codes[i]]);
    mix(cols[1][0][c.product.codes[i]], cols[1][1][c.product.codes[i]]);
    mix(c.day[i], c.day[i] * 31 + 7);
    mix(c.grain[i] + 1, c.grain[i] + 17);
    mix(cols[2][0][c.defectType.codes[i]], cols[2][1][c.defectType.codes[i]]);
    mix(cols[3][0][c.shift.codes[i]], cols[3][1][c.shift.codes[i]]);
    mix(cols[4][0][c.workshop.codes[i]], cols[4][1][c.workshop.codes[i]]);
    out[i] = (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
  }
  return out;
}

/** Two 32-bit FNV-1a hashes (different offsets) of each dictionary value; code 0 (none) hashes to 0. */
function dictHashes(col: DictColumn): [Uint32Array, Uint32Array] {
  const h1 = new Uint32Array(col.dict.length);
  const h2 = new Uint32Array(col.dict.length);
  col.dict.forEach((s, code) => {
    if (code === 0) return;
    let x = 0x811c9dc5;
    let y = 0x050c5d1f;
    for (let k = 0; k < s.length; k++) {
      const ch = s.charCodeAt(k);
      x = Math.imul(x ^ ch, 0x01000193);
      y = Math.imul(y ^ ch, 0x01000193) ^ (y >>> 7);
    }
    h1[code] = x >>> 0;
    h2[code] = y >>> 0;
  });
  return [h1, h2];
}
