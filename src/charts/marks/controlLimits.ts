// The geometry of a control chart's limits: per-period steps, runs of one stage (each with its
// own centre line), and runs of baseline periods, from points in time order.

/** What the limits are drawn from: a period's span, its limits, its stage and whether it is a baseline point. */
export interface LimitPoint {
  start: number;
  end: number;
  center: number;
  ucl: number;
  lcl: number;
  stage: number;
  baseline?: boolean;
}

/** One path of steps at a limit: a horizontal line across each period where the limit is finite. */
export function limitSteps<P extends LimitPoint>(
  points: readonly P[],
  limit: (p: P) => number,
  x: (t: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  for (const p of points)
    if (Number.isFinite(limit(p))) d += `M${x(p.start)},${y(limit(p))}H${x(p.end)}`;
  return d;
}

/** Runs of consecutive points in one stage: first and last index, and the stage's centre. */
export function stageRuns(points: readonly LimitPoint[]) {
  const out: { from: number; to: number; center: number }[] = [];
  points.forEach((p, i) => {
    const last = out[out.length - 1];
    if (last && points[last.to].stage === p.stage) last.to = i;
    else out.push({ from: i, to: i, center: p.center });
  });
  return out;
}

/** Runs of consecutive baseline points, as [first, last] indices. */
export function baselineRuns(points: readonly LimitPoint[]): [number, number][] {
  const out: [number, number][] = [];
  points.forEach((p, i) => {
    if (!p.baseline) return;
    const run = out[out.length - 1];
    if (run && run[1] === i - 1) run[1] = i;
    else out.push([i, i]);
  });
  return out;
}
