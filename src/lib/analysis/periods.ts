/** How finely a time axis is bucketed. */
export type Interval = 'month' | 'quarter' | 'year';

/** The intervals, finest first. */
export const INTERVALS: readonly Interval[] = ['month', 'quarter', 'year'];

/**
 * The bucket a month `YYYY-MM` falls in: `1956-08` (month), `1956-Q3`
 * (quarter) or `1956` (year). Throws a TypeError for anything but `YYYY-MM`.
 */
export function bucketOf(month: string, interval: Interval): string {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month))
    throw new TypeError(`Expected a month YYYY-MM, got ${JSON.stringify(month)}`);
  if (interval === 'month') return month;
  const y = month.slice(0, 4);
  return interval === 'year' ? y : `${y}-Q${Math.floor((+month.slice(5, 7) - 1) / 3) + 1}`;
}

/** The first and last month `YYYY-MM` of a bucket from {@link bucketOf}; throws a TypeError for another string. */
export function bucketMonths(bucket: string): [string, string] {
  let m: RegExpMatchArray | null;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(bucket)) return [bucket, bucket];
  if ((m = bucket.match(/^(\d{4})-Q([1-4])$/))) {
    const first = (+m[2] - 1) * 3 + 1;
    return [
      `${m[1]}-${String(first).padStart(2, '0')}`,
      `${m[1]}-${String(first + 2).padStart(2, '0')}`,
    ];
  }
  if ((m = bucket.match(/^(\d{4})$/))) return [`${m[1]}-01`, `${m[1]}-12`];
  throw new TypeError(`Not a period bucket: ${JSON.stringify(bucket)}`);
}

/** Epoch ms (UTC) of the first instant of a month `YYYY-MM`, or of the month after it with `after`. */
export function monthTime(month: string, after = false): number {
  return Date.UTC(+month.slice(0, 4), +month.slice(5, 7) - 1 + (after ? 1 : 0), 1);
}

/** A bucket's time span in epoch ms (UTC): [start, end), end being the start of the next bucket. */
export function bucketSpan(bucket: string): [number, number] {
  const [first, last] = bucketMonths(bucket);
  return [monthTime(first), monthTime(last, true)];
}

/**
 * A period's place on an even scale: months since year 0 (y·12 + m), quarters (y·4 + q) or
 * years, from a time (epoch ms, UTC) inside it. Consecutive periods differ by 1.
 */
export function periodIndex(time: number, interval: Interval): number {
  const d = new Date(time);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return interval === 'month' ? y * 12 + m : interval === 'quarter' ? y * 4 + Math.floor(m / 3) : y;
}

/** The bucket label (as {@link bucketOf}) of a {@link periodIndex}. */
export function periodLabel(index: number, interval: Interval): string {
  if (interval === 'year') return String(index);
  if (interval === 'quarter') return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The grain of a period label as rollups keep it: `1956-08` a month (day lots roll up into
 * their month), `1956-Q3` a quarter, `1956` a year. Throws a TypeError for another string.
 */
export function labelGrain(label: string): Interval {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(label)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(label)) return 'quarter';
  if (/^\d{4}$/.test(label)) return 'year';
  throw new TypeError(`Not a period label: ${JSON.stringify(label)}`);
}

/**
 * The bucket a period falls in at `interval`, or null when the period is coarser than the
 * interval: a lot reported for a quarter has no month to be drawn in, so a monthly view leaves
 * it out rather than put it in the quarter's first month.
 */
export function periodBucket(label: string, interval: Interval): string | null {
  const grain = labelGrain(label);
  if (INTERVALS.indexOf(grain) > INTERVALS.indexOf(interval)) return null;
  return grain === interval ? label : bucketOf(bucketMonths(label)[0], interval);
}

/** True when a period lies wholly within the months `from`..`to` (inclusive; absent = open). */
export function periodWithin(label: string, from?: string, to?: string): boolean {
  const [first, last] = bucketMonths(label);
  return !(from && first < from) && !(to && last > to);
}
