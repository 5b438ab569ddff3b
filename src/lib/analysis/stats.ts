/** One sample for a p-chart: pieces inspected and found defective. */
export interface PSample {
  inspected: number;
  defective: number;
}

/** A p-chart point: its rate and its own 3-sigma limits. */
export interface PChartPoint {
  rate: number;
  ucl: number;
  lcl: number;
  outOfControl: boolean;
}

function checkSample(defective: number, inspected: number): void {
  if (!(inspected >= 0) || !(defective >= 0) || defective > inspected)
    throw new TypeError(
      `Expected 0 <= defective <= inspected, got defective=${defective}, inspected=${inspected}`,
    );
}

/**
 * The Wilson score interval for a proportion `defective / inspected`, at
 * `z` (1.96 for 95%). Stays inside [0, 1], unlike the normal approximation,
 * and is honest at 0 and at small counts: 0 of 100 gives [0, 0.0370].
 * With nothing inspected it is [0, 1]: no information. Throws a TypeError
 * for negative counts or defective > inspected.
 */
export function wilsonInterval(defective: number, inspected: number, z = 1.96): [number, number] {
  checkSample(defective, inspected);
  if (inspected === 0) return [0, 1];
  const p = defective / inspected;
  const z2 = z * z;
  const denom = 1 + z2 / inspected;
  const centre = (p + z2 / (2 * inspected)) / denom;
  const half =
    (z * Math.sqrt((p * (1 - p)) / inspected + z2 / (4 * inspected * inspected))) / denom;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/**
 * A p-chart: the centre line at the pooled rate Σdefective / Σinspected, and
 * for each point 3-sigma limits from its own sample size,
 * centre ± 3·sqrt(centre·(1 − centre) / n), the LCL floored at 0 and the UCL
 * capped at 1. A point beyond a limit is out of control. With no points, or
 * nothing inspected, the centre is NaN and no point is out of control.
 */
export function pChart(points: readonly PSample[]): { center: number; points: PChartPoint[] } {
  let d = 0;
  let n = 0;
  for (const p of points) {
    checkSample(p.defective, p.inspected);
    d += p.defective;
    n += p.inspected;
  }
  const center = n > 0 ? d / n : NaN;
  return {
    center,
    points: points.map((p) => {
      const rate = p.inspected > 0 ? p.defective / p.inspected : NaN;
      const sigma = p.inspected > 0 ? Math.sqrt((center * (1 - center)) / p.inspected) : NaN;
      const ucl = Math.min(1, center + 3 * sigma);
      const lcl = Math.max(0, center - 3 * sigma);
      return { rate, ucl, lcl, outOfControl: rate > ucl || rate < lcl };
    }),
  };
}

// Student's t, 97.5th percentile, for 1..30 degrees of freedom.
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145,
  2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048,
  2.045, 2.042,
];

/**
 * The 97.5th percentile of Student's t with `df` degrees of freedom (the
 * multiplier of a two-sided 95% interval): a table to 30, interpolated in
 * 1/df for fractional df (Welch), and a Cornish–Fisher expansion beyond.
 * Throws a RangeError for df < 1.
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) throw new RangeError(`Degrees of freedom must be >= 1, got ${df}`);
  if (df <= 30) {
    const lo = Math.floor(df);
    const hi = Math.ceil(df);
    if (lo === hi) return T975[lo - 1];
    const w = (1 / lo - 1 / df) / (1 / lo - 1 / hi);
    return T975[lo - 1] + w * (T975[hi - 1] - T975[lo - 1]);
  }
  const z = 1.959964;
  return (
    z +
    (z ** 3 + z) / (4 * df) +
    (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) +
    (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3)
  );
}

/** Mean and sample variance (n − 1) of numbers; the variance is NaN below two. */
export function meanVar(xs: readonly number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}
