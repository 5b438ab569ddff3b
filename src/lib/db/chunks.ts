import { DAY_MS, isoDay } from '../calendar';
import type { ProductionRecord } from '../schema/types';
import { GRAINS } from '../schema/types';
import type { ChunkRow, CountColumn, DictColumn } from './database';

/** The first `n` counts, as 32-bit integers when they all fit (half the bytes to store). */
export function compactCounts(a: Float64Array, n: number): CountColumn {
  for (let i = 0; i < n; i++) if (a[i] > 0xffffffff) return a.slice(0, n);
  return Uint32Array.from(a.subarray(0, n));
}

/** Rows per stored chunk: large enough that IndexedDB's per-record cost vanishes, small enough to page through. */
export const CHUNK_ROWS = 16_384;

/** Days since 1970-01-01 of an ISO date `YYYY-MM-DD` (UTC). */
export function isoToDay(iso: string): number {
  let day = dayMemo.get(iso);
  if (day === undefined) {
    day = Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
    // A file has few distinct periods; the cap keeps a file of many distinct days from growing it forever.
    if (dayMemo.size >= 100_000) dayMemo.clear();
    dayMemo.set(iso, day);
  }
  return day;
}

const dayMemo = new Map<string, number>();

/** The ISO date `YYYY-MM-DD` of a day number. */
export function dayToIso(day: number): string {
  return isoDay(day * DAY_MS);
}

/** Builds a dictionary-encoded column of a fixed capacity; '' and undefined are code 0. */
export class DictBuilder {
  private readonly index = new Map<string, number>([['', 0]]);
  readonly dict: string[] = [''];
  readonly codes: Uint32Array;

  constructor(capacity: number) {
    this.codes = new Uint32Array(capacity);
  }

  set(i: number, value: string | undefined) {
    if (value === undefined || value === '') {
      this.codes[i] = 0;
      return;
    }
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.dict.length;
      this.dict.push(value);
      this.index.set(value, code);
    }
    this.codes[i] = code;
  }

  build(count: number): DictColumn {
    const codes = this.codes.subarray(0, count);
    return {
      dict: this.dict,
      codes: this.dict.length <= 0x10000 ? Uint16Array.from(codes) : codes.slice(),
    };
  }
}

/** Packs production records into columnar chunks of {@link CHUNK_ROWS} rows. */
export class ChunkBuilder {
  private count = 0;
  private seq = 0;
  private cols = ChunkBuilder.fresh();

  constructor(private readonly importId: number) {}

  private static fresh() {
    return {
      factory: new DictBuilder(CHUNK_ROWS),
      product: new DictBuilder(CHUNK_ROWS),
      defectType: new DictBuilder(CHUNK_ROWS),
      shift: new DictBuilder(CHUNK_ROWS),
      workshop: new DictBuilder(CHUNK_ROWS),
      day: new Int32Array(CHUNK_ROWS),
      grain: new Uint8Array(CHUNK_ROWS),
      inspected: new Float64Array(CHUNK_ROWS),
      defective: new Float64Array(CHUNK_ROWS),
      row: new Int32Array(CHUNK_ROWS),
    };
  }

  /** Rows added but not yet taken by {@link take}. */
  get size(): number {
    return this.count;
  }

  /** Adds one record; returns true when the chunk is full and should be taken. */
  add(r: ProductionRecord, row: number): boolean {
    const i = this.count++;
    const c = this.cols;
    c.factory.set(i, r.factory_id);
    c.product.set(i, r.product);
    c.defectType.set(i, r.defect_type);
    c.shift.set(i, r.shift);
    c.workshop.set(i, r.workshop);
    c.day[i] = isoToDay(r.periodStart);
    c.grain[i] = GRAINS.indexOf(r.grain);
    c.inspected[i] = r.inspected;
    c.defective[i] = r.defective;
    c.row[i] = row;
    return this.count === CHUNK_ROWS;
  }

  /** The rows added so far as one chunk record (null when empty), and a fresh start. */
  take(): ChunkRow | null {
    if (this.count === 0) return null;
    const n = this.count;
    const c = this.cols;
    const chunk: ChunkRow = {
      importId: this.importId,
      seq: this.seq++,
      count: n,
      factory: c.factory.build(n),
      product: c.product.build(n),
      defectType: c.defectType.build(n),
      shift: c.shift.build(n),
      workshop: c.workshop.build(n),
      day: c.day.slice(0, n),
      grain: c.grain.slice(0, n),
      inspected: compactCounts(c.inspected, n),
      defective: compactCounts(c.defective, n),
      row: c.row.slice(0, n),
    };
    this.cols = ChunkBuilder.fresh();
    this.count = 0;
    return chunk;
  }
}

/** Value `i` of a dictionary column, or undefined for code 0. */
export const pick = (col: DictColumn, i: number): string | undefined =>
  col.codes[i] ? col.dict[col.codes[i]] : undefined;

/** Row `i` of a chunk as a record again, with its source row number. */
export function chunkRecord(c: ChunkRow, i: number): ProductionRecord & { row: number } {
  if (i < 0 || i >= c.count) throw new TypeError(`Row ${i} is outside a chunk of ${c.count} rows`);
  const grain = GRAINS[c.grain[i]];
  const start = dayToIso(c.day[i]);
  const y = start.slice(0, 4);
  const label =
    grain === 'day'
      ? start
      : grain === 'month'
        ? start.slice(0, 7)
        : grain === 'quarter'
          ? `${y}-Q${Math.floor((+start.slice(5, 7) - 1) / 3) + 1}`
          : y;
  const r: ProductionRecord & { row: number } = {
    factory_id: pick(c.factory, i)!,
    product: pick(c.product, i)!,
    period: label,
    periodStart: start,
    grain,
    inspected: c.inspected[i],
    defective: c.defective[i],
    row: c.row[i],
  };
  const dt = pick(c.defectType, i);
  if (dt !== undefined) r.defect_type = dt;
  const sh = pick(c.shift, i);
  if (sh !== undefined) r.shift = sh;
  const ws = pick(c.workshop, i);
  if (ws !== undefined) r.workshop = ws;
  return r;
}
