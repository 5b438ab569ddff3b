import type { RollupChunk } from '../schema/rollups';
import {
  bucketMonths,
  bucketSpan,
  labelGrain,
  periodBucket,
  periodWithin,
  type Interval,
} from './periods';
import { wilsonInterval } from './stats';

/** What a trend shows: the interval, what a series is, and filters (absent = everything). */
export interface RateQuery {
  interval: Interval;
  /** One series per factory, per product, or per factory × product (keyed `factory\u0001product`). */
  by: 'factory' | 'product' | 'pair';
  factories?: readonly string[];
  products?: readonly string[];
  /** First and last month `YYYY-MM`, inclusive. */
  from?: string;
  to?: string;
}

/** A pooled defect rate for one series and period, with its 95% Wilson interval. */
export interface RatePoint {
  /** Bucket label: `1956-08`, `1956-Q3` or `1956`. */
  period: string;
  /** Epoch ms (UTC) of the period's start and of the next period's start. */
  start: number;
  end: number;
  inspected: number;
  defective: number;
  /** Σdefective / Σinspected, in [0, 1]. */
  rate: number;
  lo: number;
  hi: number;
}

/** A point's period and counts, without its interval: what a chart built on it copies. */
export type PeriodCounts = Pick<
  RatePoint,
  'period' | 'start' | 'end' | 'inspected' | 'defective' | 'rate'
>;

export const periodCounts = (p: PeriodCounts): PeriodCounts => ({
  period: p.period,
  start: p.start,
  end: p.end,
  inspected: p.inspected,
  defective: p.defective,
  rate: p.rate,
});

/** One line of a trend chart: a factory or a product, its points in time order, and its totals. */
export interface RateSeries {
  key: string;
  points: RatePoint[];
  inspected: number;
  defective: number;
}

/**
 * Defect rates by period from rollup chunks: for each series and period the
 * rate is pooled, Σdefective / Σinspected over every lot in the group, never
 * a mean of rates. Reads the chunks' columns (dictionary codes), so its cost
 * grows with rollup cells, not raw rows. Periods with nothing inspected are
 * left out; series come sorted by key, points by time.
 *
 * The pass over the cells gives monthly sums per series ({@link monthCube}),
 * which are kept for the same chunks array and the same series filter: changing
 * only the interval or the date range re-buckets those sums and reads no cell.
 */
export function defectRateByPeriod(chunks: readonly RollupChunk[], q: RateQuery): RateSeries[] {
  return remember(keptFor(chunks).series, periodKey(q), () => seriesOf(periodCube(chunks, q)));
}

/**
 * The pooled counts behind {@link defectRateByPeriod}, column by column: every series over the
 * same buckets, with zeros where a series inspected nothing. For views that summarise hundreds
 * of series at once and need no point objects. Kept like the series.
 */
export function periodCube(chunks: readonly RollupChunk[], q: RateQuery): PeriodCube {
  const kept = keptFor(chunks);
  const cubeKey = JSON.stringify([q.by, q.factories ?? [], q.products ?? []]);
  return remember(kept.periods, periodKey(q), () =>
    bucketCube(
      remember(kept.cubes, cubeKey, () => monthCube(chunks, q)),
      q,
    ),
  );
}

/**
 * The lots a view at `q.interval` leaves out because they were reported for a coarser period
 * (a quarter's lots in a monthly view), within the range: for the caption that says so.
 */
export function leftOutLots(
  chunks: readonly RollupChunk[],
  q: RateQuery,
): { quarter: number; year: number } {
  return periodCube(chunks, q).leftOut;
}

/**
 * The months the rollups cover, sorted: each month's own, and the first and last months of
 * quarters and years reported as such (for pickers of a date range).
 */
export function rollupMonths(chunks: readonly RollupChunk[]): string[] {
  const months = new Set<string>();
  for (const c of chunks)
    for (const p of c.month.dict) {
      if (p === '') continue;
      const [first, last] = bucketMonths(p);
      months.add(first).add(last);
    }
  return [...months].sort();
}

const periodKey = (q: RateQuery) =>
  JSON.stringify([q.by, q.factories ?? [], q.products ?? [], q.interval, q.from ?? '', q.to ?? '']);

/**
 * Sums per series and rollup period: `inspected[k * months.length + m]` for series `keys[k]`
 * in `months[m]`. A period is a month, or the quarter or year of lots reported that coarsely.
 */
export interface MonthCube {
  /** Series keys, sorted. */
  keys: string[];
  /** Periods present in the data (`1956-08`, `1956-Q3`, `1956`), sorted as strings. */
  months: string[];
  inspected: Float64Array;
  defective: Float64Array;
  /** Lots per period, over all the series. */
  lots: Float64Array;
}

/** The series part of a query: what a series is and which factories and products count. */
export type CubeQuery = Pick<RateQuery, 'by' | 'factories' | 'products'>;

/** Sums rollup cells per series and period, for the factories and products that pass `q`. */
export function monthCube(chunks: readonly RollupChunk[], q: CubeQuery): MonthCube {
  const factories = q.factories?.length ? new Set(q.factories) : null;
  const products = q.products?.length ? new Set(q.products) : null;
  const byFactory = q.by === 'factory';
  const byPair = q.by === 'pair';
  const keep = byFactory ? factories : products;
  const keySet = new Set<string>();
  const monthSet = new Set<string>();
  const passes = (f: string, p: string) =>
    f !== '' && p !== '' && (!factories || factories.has(f)) && (!products || products.has(p));
  for (const c of chunks) {
    for (const m of c.month.dict) if (m) monthSet.add(m);
    if (byPair) {
      // The pairs present in this chunk, as codes f·|products| + p, named once each.
      const np = c.product.dict.length;
      const seen = new Set<number>();
      for (let i = 0; i < c.count; i++) seen.add(c.factory.codes[i] * np + c.product.codes[i]);
      for (const code of seen) {
        const f = c.factory.dict[Math.floor(code / np)];
        const p = c.product.dict[code % np];
        if (passes(f, p)) keySet.add(`${f}\u0001${p}`);
      }
    } else
      for (const v of byFactory ? c.factory.dict : c.product.dict)
        if (v && (!keep || keep.has(v))) keySet.add(v);
  }
  const keys = [...keySet].sort((a, b) => a.localeCompare(b));
  const months = [...monthSet].sort();
  const keyId = new Map(keys.map((k, i) => [k, i]));
  const monthId = new Map(months.map((m, i) => [m, i]));
  const width = months.length;
  const inspected = new Float64Array(keys.length * width);
  const defective = new Float64Array(keys.length * width);
  const lots = new Float64Array(width);
  for (const c of chunks) {
    const mCol = Int32Array.from(c.month.dict, (m) => (m === '' ? -1 : monthId.get(m)!));
    const fc = c.factory.codes;
    const pc = c.product.codes;
    const mc = c.month.codes;
    const ins = c.inspected;
    const def = c.defective;
    // A row offset into the cube (-1 = filtered out) per factory and product code: summed for
    // one key per factory or product, or looked up in a table of pairs.
    let fRow: Int32Array;
    let pRow: Int32Array;
    let pairRow: Int32Array | null = null;
    const np = c.product.dict.length;
    if (byPair) {
      pairRow = new Int32Array(c.factory.dict.length * np);
      c.factory.dict.forEach((f, fi) =>
        c.product.dict.forEach((p, pi) => {
          const id = keyId.get(`${f}\u0001${p}`);
          pairRow![fi * np + pi] = id === undefined ? -1 : id * width;
        }),
      );
      fRow = pRow = new Int32Array(0);
    } else {
      fRow = Int32Array.from(c.factory.dict, (f) =>
        f === '' || (factories && !factories.has(f)) ? -1 : byFactory ? keyId.get(f)! * width : 0,
      );
      pRow = Int32Array.from(c.product.dict, (p) =>
        p === '' || (products && !products.has(p)) ? -1 : byFactory ? 0 : keyId.get(p)! * width,
      );
    }
    for (let i = 0; i < c.count; i++) {
      const m = mCol[mc[i]];
      if (m < 0) continue;
      let row: number;
      if (pairRow) row = pairRow[fc[i] * np + pc[i]];
      else {
        const f = fRow[fc[i]];
        const p = pRow[pc[i]];
        row = f < 0 || p < 0 ? -1 : f + p;
      }
      if (row < 0) continue;
      inspected[row + m] += ins[i];
      defective[row + m] += def[i];
      lots[m] += c.lots[i];
    }
  }
  return { keys, months, inspected, defective, lots };
}

/**
 * Sums per interval bucket and series, `inspected[k * periods.length + b]` for series `keys[k]`
 * in bucket `periods[b]`: a {@link MonthCube} re-bucketed.
 */
export interface PeriodCube {
  keys: string[];
  /** Bucket labels in time order (`1956-08`, `1956-Q3` or `1956`), only those with data. */
  periods: string[];
  /** Epoch ms (UTC) of each bucket's start and of the next bucket's start. */
  start: Float64Array;
  end: Float64Array;
  inspected: Float64Array;
  defective: Float64Array;
  /**
   * Lots within the range reported for a period coarser than the interval, by that grain: a
   * monthly view leaves a quarter's lots out, and says so, rather than draw them as one month.
   */
  leftOut: { quarter: number; year: number };
}

/**
 * Re-buckets sums per period by `q.interval`, for the periods wholly within `q.from`..`q.to`.
 * A period coarser than the interval is left out and counted in `leftOut`.
 */
export function bucketCube(
  cube: MonthCube,
  q: Pick<RateQuery, 'interval' | 'from' | 'to'>,
): PeriodCube {
  const { keys, months } = cube;
  const leftOut = { quarter: 0, year: 0 };
  // The bucket of each period in range, or -1; buckets are then put in time order.
  const bucketLabel: (string | null)[] = months.map((m, i) => {
    if (!periodWithin(m, q.from, q.to)) return null;
    const b = periodBucket(m, q.interval);
    if (b === null) leftOut[labelGrain(m) as 'quarter' | 'year'] += cube.lots[i];
    return b;
  });
  const spans = new Map<string, [number, number]>();
  for (const b of bucketLabel) if (b !== null && !spans.has(b)) spans.set(b, bucketSpan(b));
  const periods = [...spans.keys()].sort((a, b) => spans.get(a)![0] - spans.get(b)![0]);
  const bucketId = new Map(periods.map((b, i) => [b, i]));
  const bucketOfMonth = Int32Array.from(bucketLabel, (b) => (b === null ? -1 : bucketId.get(b)!));
  const width = periods.length;
  const start = new Float64Array(width);
  const end = new Float64Array(width);
  periods.forEach((b, i) => ([start[i], end[i]] = spans.get(b)!));
  const inspected = new Float64Array(keys.length * width);
  const defective = new Float64Array(keys.length * width);
  for (let k = 0; k < keys.length; k++) {
    const from = k * months.length;
    const to = k * width;
    for (let m = 0; m < months.length; m++) {
      const b = bucketOfMonth[m];
      if (b < 0) continue;
      inspected[to + b] += cube.inspected[from + m];
      defective[to + b] += cube.defective[from + m];
    }
  }
  return { keys, periods, start, end, inspected, defective, leftOut };
}

/** The series of a period cube, each with its points where something was inspected. */
function seriesOf(cube: PeriodCube): RateSeries[] {
  const { periods, start, end } = cube;
  const width = periods.length;
  const out: RateSeries[] = [];
  cube.keys.forEach((key, k) => {
    const points: RatePoint[] = [];
    let inspected = 0;
    let defective = 0;
    for (let b = 0; b < width; b++) {
      const n = cube.inspected[k * width + b];
      if (!(n > 0)) continue;
      const d = cube.defective[k * width + b];
      const [lo, hi] = wilsonInterval(d, n);
      points.push({
        period: periods[b],
        start: start[b],
        end: end[b],
        inspected: n,
        defective: d,
        rate: d / n,
        lo,
        hi,
      });
      inspected += n;
      defective += d;
    }
    if (points.length) out.push({ key, points, inspected, defective });
  });
  return out;
}

// Per chunks array, the last few cubes and results: a view switches among a handful of
// filters and intervals, and switching back is then free. Results are shared, never mutated.
const KEPT = 12;
const kept = new WeakMap<
  readonly RollupChunk[],
  {
    cubes: Map<string, MonthCube>;
    periods: Map<string, PeriodCube>;
    series: Map<string, RateSeries[]>;
  }
>();

function keptFor(chunks: readonly RollupChunk[]) {
  let k = kept.get(chunks);
  if (!k) kept.set(chunks, (k = { cubes: new Map(), periods: new Map(), series: new Map() }));
  return k;
}

/** `map.get(key)`, or `make()` stored under it, keeping the `KEPT` most recently used. */
function remember<T>(map: Map<string, T>, key: string, make: () => T): T {
  let v = map.get(key);
  if (v !== undefined)
    map.delete(key); // re-inserted below as the most recent
  else v = make();
  map.set(key, v);
  if (map.size > KEPT) map.delete(map.keys().next().value!);
  return v;
}
