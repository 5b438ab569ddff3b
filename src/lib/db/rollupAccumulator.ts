// Sums an import's production rows into rollup cells as they stream past: what every chart
// reads instead of raw rows. Imports only types from the database module, so the database's
// own migrations can use it.
import { MAX_MONTHS_PER_FILE, MAX_PRODUCTS_PER_FILE } from '../schema/limits';
import type { Grain } from '../schema/types';
import { GRAINS } from '../schema/types';
import { dayToIso } from './chunks';
import { PairTable } from './pairTable';
import type { ChunkRow, DefectRollupChunk, DictColumn, RollupChunk } from './database';

/**
 * Cells per rollup chunk. Small enough to store fast, large enough that a
 * million-row file's rollups fit in a few chunks.
 */
export const ROLLUP_CHUNK_ROWS = 65_536;

/** Splits `n` entries into runs of at most ROLLUP_CHUNK_ROWS: [start, end) pairs. */
function runs(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < n; s += ROLLUP_CHUNK_ROWS) out.push([s, Math.min(n, s + ROLLUP_CHUNK_ROWS)]);
  return out;
}

/** Strings to small integer codes, in first-seen order. */
class Codes {
  private readonly map = new Map<string, number>();
  readonly values: string[] = [];

  code(s: string): number {
    let c = this.map.get(s);
    if (c === undefined) {
      c = this.values.length;
      this.values.push(s);
      this.map.set(s, c);
    }
    return c;
  }
}

/** A typed array that doubles when full. */
function grow<T extends Float64Array | Uint32Array | Uint8Array>(a: T, need: number): T {
  if (need <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(need, a.length * 2));
  next.set(a);
  return next;
}

// A cell is keyed by (factory, product x 4096 + month): both stay small integers.
const M_BITS = MAX_MONTHS_PER_FILE;
const P_MAX = MAX_PRODUCTS_PER_FILE;
// The first DENSE defect types of a cell sit in a fixed stride beside it (no hashing);
// rarer ones go through a PairTable.
const DENSE = 8;

/**
 * The period label a rollup cell keeps for a lot starting on `day` (days since the epoch):
 * its month `1956-08` for a day or a month, `1956-Q3` for a quarter, `1956` for a year. A
 * lot keeps its grain: a quarter's counts never stand in for its first month.
 */
export function rollupPeriod(day: number, grain: Grain): string {
  const iso = dayToIso(day);
  if (grain === 'quarter')
    return `${iso.slice(0, 4)}-Q${Math.floor((+iso.slice(5, 7) - 1) / 3) + 1}`;
  if (grain === 'year') return iso.slice(0, 4);
  return iso.slice(0, 7);
}

/**
 * Sums production rows per factory x product x period, and per defect type,
 * chunk by chunk as an import streams past, so that charts never scan raw
 * rows. A period is a month, or the quarter or year a coarser lot was reported
 * for ({@link rollupPeriod}); charts bucket them by interval. Cells live in
 * typed arrays keyed by integer codes in a {@link PairTable}, so a row
 * allocates nothing. Throws a RangeError past {@link MAX_PRODUCTS_PER_FILE} products or
 * {@link MAX_MONTHS_PER_FILE} months in one file, which validation refuses first.
 */
export class RollupAccumulator {
  private readonly factories = new Codes();
  private readonly products = new Codes();
  private readonly months = new Codes();
  private readonly defectTypes = new Codes();
  /** Day number × 4 + grain -> period code; a file repeats few periods. */
  private readonly monthOfDay = new Map<number, number>();
  private readonly cellOf = new PairTable();
  private readonly defectOf = new PairTable();
  private cells = 0;
  private cellF = new Uint32Array(1024);
  private cellPM = new Uint32Array(1024);
  private inspected = new Float64Array(1024);
  private defective = new Float64Array(1024);
  private lots = new Uint32Array(1024);
  private grain = new Uint8Array(1024);
  private denseDefective = new Float64Array(1024 * DENSE);
  private denseLots = new Uint32Array(1024 * DENSE);
  private defects = 0;
  private defectCell = new Uint32Array(1024);
  private defectType = new Uint32Array(1024);
  private defectDefective = new Float64Array(1024);
  private defectLots = new Uint32Array(1024);

  /** Global codes for a chunk's dictionary (-1 for the empty entry), looked up once per chunk. */
  private static recode(dict: readonly string[], codes: Codes): Int32Array {
    return Int32Array.from(dict, (s) => (s === '' ? -1 : codes.code(s)));
  }

  /**
   * Adds every row of a production chunk. It reads the chunk's coded columns,
   * so strings are looked up once per dictionary entry, not once per row.
   */
  addChunk(c: ChunkRow): void {
    const fOf = RollupAccumulator.recode(c.factory.dict, this.factories);
    const pOf = RollupAccumulator.recode(c.product.dict, this.products);
    const tOf = RollupAccumulator.recode(c.defectType.dict, this.defectTypes);
    if (this.products.values.length > P_MAX)
      throw new RangeError('Too many distinct products in one file to roll up.');
    for (let i = 0; i < c.count; i++) {
      const key = c.day[i] * 4 + c.grain[i];
      let m = this.monthOfDay.get(key);
      if (m === undefined) {
        m = this.months.code(rollupPeriod(c.day[i], GRAINS[c.grain[i]]));
        if (m >= M_BITS) throw new RangeError('Too many distinct periods in one file to roll up.');
        this.monthOfDay.set(key, m);
      }
      const pm = pOf[c.product.codes[i]] * M_BITS + m;
      const cell = this.cellOf.index(fOf[c.factory.codes[i]], pm);
      if (cell === this.cells) {
        this.cells++;
        this.cellF = grow(this.cellF, this.cells);
        this.cellPM = grow(this.cellPM, this.cells);
        this.inspected = grow(this.inspected, this.cells);
        this.defective = grow(this.defective, this.cells);
        this.lots = grow(this.lots, this.cells);
        this.grain = grow(this.grain, this.cells);
        this.denseDefective = grow(this.denseDefective, this.cells * DENSE);
        this.denseLots = grow(this.denseLots, this.cells * DENSE);
        this.cellF[cell] = fOf[c.factory.codes[i]];
        this.cellPM[cell] = pm;
      }
      const defective = c.defective[i];
      this.inspected[cell] += c.inspected[i];
      this.defective[cell] += defective;
      this.lots[cell]++;
      if (c.grain[i] > this.grain[cell]) this.grain[cell] = c.grain[i];
      const t = tOf[c.defectType.codes[i]];
      if (t < 0) continue;
      if (t < DENSE) {
        const k = cell * DENSE + t;
        this.denseDefective[k] += defective;
        this.denseLots[k]++;
        continue;
      }
      const d = this.defectOf.index(cell, t);
      if (d === this.defects) {
        this.defects++;
        this.defectCell = grow(this.defectCell, this.defects);
        this.defectType = grow(this.defectType, this.defects);
        this.defectDefective = grow(this.defectDefective, this.defects);
        this.defectLots = grow(this.defectLots, this.defects);
        this.defectCell[d] = cell;
        this.defectType[d] = t;
      }
      this.defectDefective[d] += defective;
      this.defectLots[d]++;
    }
  }

  /**
   * The factory, product and month columns of cells `cells[from..to)` as
   * dictionary columns over the whole file's code tables: no string is looked
   * up, codes are shifted by one because code 0 means "no value".
   */
  private cellColumns(cells: Uint32Array): {
    factory: DictColumn;
    product: DictColumn;
    month: DictColumn;
  } {
    const n = cells.length;
    const f = new Uint32Array(n);
    const p = new Uint32Array(n);
    const m = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const cell = cells[i];
      const pm = this.cellPM[cell];
      const month = pm % M_BITS;
      f[i] = this.cellF[cell] + 1;
      p[i] = (pm - month) / M_BITS + 1;
      m[i] = month + 1;
    }
    const column = (values: string[], codes: Uint32Array): DictColumn => {
      const dict = ['', ...values];
      return { dict, codes: dict.length <= 0x10000 ? Uint16Array.from(codes) : codes };
    };
    return {
      factory: column(this.factories.values, f),
      product: column(this.products.values, p),
      month: column(this.months.values, m),
    };
  }

  /** The sums as columnar chunks of `importId`, ready to store (empty arrays when nothing was added). */
  chunks(importId: number): { rollups: RollupChunk[]; defectRollups: DefectRollupChunk[] } {
    const rollups = runs(this.cells).map(([s, e]): RollupChunk => {
      const cells = new Uint32Array(e - s).map((_, i) => s + i);
      return {
        importId,
        count: e - s,
        ...this.cellColumns(cells),
        inspected: this.inspected.slice(s, e),
        defective: this.defective.slice(s, e),
        lots: this.lots.slice(s, e),
        grain: this.grain.slice(s, e),
      };
    });
    // Dense entries first (cell by cell), then the rare types; each list in a stable order.
    let n = this.defects;
    for (let k = 0; k < this.cells * DENSE; k++) if (this.denseLots[k] !== 0) n++;
    const cellOf = new Uint32Array(n);
    const typeOf = new Uint32Array(n);
    const sums = new Float64Array(n);
    const counts = new Uint32Array(n);
    let j = 0;
    for (let k = 0; k < this.cells * DENSE; k++) {
      if (this.denseLots[k] === 0) continue;
      cellOf[j] = Math.floor(k / DENSE);
      typeOf[j] = (k % DENSE) + 1;
      sums[j] = this.denseDefective[k];
      counts[j++] = this.denseLots[k];
    }
    for (let d = 0; d < this.defects; d++) {
      cellOf[j] = this.defectCell[d];
      typeOf[j] = this.defectType[d] + 1;
      sums[j] = this.defectDefective[d];
      counts[j++] = this.defectLots[d];
    }
    const types = ['', ...this.defectTypes.values];
    const defectRollups = runs(n).map(([s, e]): DefectRollupChunk => ({
      importId,
      count: e - s,
      ...this.cellColumns(cellOf.subarray(s, e)),
      defectType: {
        dict: types,
        codes:
          types.length <= 0x10000 ? Uint16Array.from(typeOf.subarray(s, e)) : typeOf.slice(s, e),
      },
      defective: sums.slice(s, e),
      lots: counts.slice(s, e),
    }));
    return { rollups, defectRollups };
  }
}
