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
  const sums = new Map<string, Map<string, [number, number]>>();
  for (const c of chunks) {
    // Per dictionary entry, once per chunk: does it pass the filters, and which series and bucket is it?
    const fOk = c.factory.dict.map((f) => !factories || factories.has(f));
    const pOk = c.product.dict.map((p) => !products || products.has(p));
    const bucket = c.month.dict.map((m) =>
      m === '' || (q.from && m < q.from) || (q.to && m > q.to) ? null : bucketOf(m, q.interval),
    );
    const seriesCodes = q.by === 'factory' ? c.factory : c.product;
    for (let i = 0; i < c.count; i++) {
      const b = bucket[c.month.codes[i]];
      if (b === null || !fOk[c.factory.codes[i]] || !pOk[c.product.codes[i]]) continue;
      const key = seriesCodes.dict[seriesCodes.codes[i]];
      let series = sums.get(key);
      if (!series) sums.set(key, (series = new Map()));
      const s = series.get(b);
      if (s) {
        s[0] += c.inspected[i];
        s[1] += c.defective[i];
      } else series.set(b, [c.inspected[i], c.defective[i]]);
    }
  }
  const out: RateSeries[] = [];
  for (const [key, buckets] of sums) {
    const points: RatePoint[] = [];
    let inspected = 0;
    let defective = 0;
    for (const [period, [n, d]] of buckets) {
      if (n <= 0) continue;
      const [start, end] = bucketSpan(period);
      const [lo, hi] = wilsonInterval(d, n);
      points.push({ period, start, end, inspected: n, defective: d, rate: d / n, lo, hi });
      inspected += n;
      defective += d;
    }
    if (!points.length) continue;
    points.sort((a, b) => a.start - b.start);
    out.push({ key, points, inspected, defective });
  }
  return out.sort((a, b) => a.key.localeCompare(b.key));
}
