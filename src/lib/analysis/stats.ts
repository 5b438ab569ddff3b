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

/** A p-chart of one stage: its first and last index in the points, and its own centre line. */
export interface PChartStage {
  from: number;
  to: number;
  center: number;
}

/**
 * A p-chart split into stages, each with limits from its own pooled rate:
 * stage k runs from `breaks[k - 1]` (inclusive) to `breaks[k]` (exclusive),
 * where `breaks` are point indices in increasing order (e.g. the first point
 * on or after an adoption date). Breaks outside (0, length) are ignored.
 */
export function stagedPChart(
  points: readonly PSample[],
  breaks: readonly number[],
): { stages: PChartStage[]; points: PChartPoint[] } {
  const cuts = [
    0,
    ...[...new Set(breaks)].filter((b) => b > 0 && b < points.length).sort((a, b) => a - b),
    points.length,
  ];
  const stages: PChartStage[] = [];
  const out: PChartPoint[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const chart = pChart(points.slice(cuts[k], cuts[k + 1]));
    stages.push({ from: cuts[k], to: cuts[k + 1] - 1, center: chart.center });
    out.push(...chart.points);
  }
  return { stages, points: out };
}
