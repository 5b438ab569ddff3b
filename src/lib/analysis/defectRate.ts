import type { RollupChunk } from '../db/database';
import { bucketOf, bucketSpan, type Interval } from './periods';
import { wilsonInterval } from './stats';

/** What a trend shows: the interval, what a series is, and filters (absent = everything). */
export interface RateQuery {
  interval: Interval;
  /** One series per factory or per product. */
  by: 'factory' | 'product';
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
 */
export function defectRateByPeriod(chunks: readonly RollupChunk[], q: RateQuery): RateSeries[] {
  const factories = q.factories?.length ? new Set(q.factories) : null;
  const products = q.products?.length ? new Set(q.products) : null;
  // Series and buckets get small integer ids, so the inner loop only adds numbers into arrays.
  const seriesId = new Map<string, number>();
  const bucketId = new Map<string, number>();
  const keys: string[] = [];
  const buckets: string[] = [];
  const sums: { inspected: Float64Array; defective: Float64Array }[] = [];
  const idOf = <T>(map: Map<string, number>, list: string[], v: string, onNew?: () => T) => {
    let id = map.get(v);
    if (id === undefined) {
      id = list.length;
      list.push(v);
      map.set(v, id);
      onNew?.();
    }
    return id;
  };
  for (const c of chunks) {
    // Per dictionary entry, once per chunk: its series id (-1 = filtered out) and bucket id.
    const byFactory = q.by === 'factory';
    const fSeries = c.factory.dict.map((f) =>
      f === '' || (factories && !factories.has(f))
        ? -1
        : byFactory
          ? idOf(seriesId, keys, f, () => sums.push(slots()))
          : 0,
    );
    const pSeries = c.product.dict.map((p) =>
      p === '' || (products && !products.has(p))
        ? -1
        : byFactory
          ? 0
          : idOf(seriesId, keys, p, () => sums.push(slots())),
    );
    const mBucket = c.month.dict.map((m) =>
      m === '' || (q.from && m < q.from) || (q.to && m > q.to)
        ? -1
        : idOf(bucketId, buckets, bucketOf(m, q.interval)),
    );
    for (let i = 0; i < c.count; i++) {
      const b = mBucket[c.month.codes[i]];
      const f = fSeries[c.factory.codes[i]];
      const p = pSeries[c.product.codes[i]];
      if (b < 0 || f < 0 || p < 0) continue;
      const s = sums[byFactory ? f : p];
      if (b >= s.inspected.length) grow(s, buckets.length);
      s.inspected[b] += c.inspected[i];
      s.defective[b] += c.defective[i];
    }
  }
  const spans = buckets.map((b) => bucketSpan(b));
  const out: RateSeries[] = [];
  keys.forEach((key, k) => {
    const points: RatePoint[] = [];
    let inspected = 0;
    let defective = 0;
    const s = sums[k];
    for (let b = 0; b < s.inspected.length; b++) {
      const n = s.inspected[b];
      if (!(n > 0)) continue;
      const d = s.defective[b];
      const [lo, hi] = wilsonInterval(d, n);
      points.push({
        period: buckets[b],
        start: spans[b][0],
        end: spans[b][1],
        inspected: n,
        defective: d,
        rate: d / n,
        lo,
        hi,
      });
      inspected += n;
      defective += d;
    }
    if (!points.length) return;
    points.sort((a, b) => a.start - b.start);
    out.push({ key, points, inspected, defective });
  });
  return out.sort((a, b) => a.key.localeCompare(b.key));
}

/** Per-bucket sums of one series, growing as buckets appear. */
function slots(): { inspected: Float64Array; defective: Float64Array } {
  return { inspected: new Float64Array(64), defective: new Float64Array(64) };
}

function grow(s: { inspected: Float64Array; defective: Float64Array }, need: number) {
  const size = Math.max(need, s.inspected.length * 2);
  const i = new Float64Array(size);
  const d = new Float64Array(size);
  i.set(s.inspected);
  d.set(s.defective);
  s.inspected = i;
  s.defective = d;
}
