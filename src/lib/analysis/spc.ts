// Statistical process control for counts: Laney's p′ and u′ charts for over-dispersed data,
// the u chart, the ratio of observed to expected variation that tells which chart fits, and
// the run rules that quality teams work by (NHS "Making Data Count", Western Electric).
//
// Laney, "Improved control charts for attributes", Quality Engineering 14(4), 2002: each point's
// z-score against the binomial (or Poisson) sigma, the spread of those z-scores from their
// moving range, σ_Z = mean|zᵢ − zᵢ₋₁| / 1.128, and limits p̄ ± 3·σᵢ·σ_Z. With σ_Z = 1 it is the
// p chart; above 1 the limits widen to the variation between subgroups that the binomial
// cannot see when subgroups hold thousands of pieces.

import type { PChartPoint } from './stats';

export type { PChartPoint };

/** A control-chart point with its own sigma (the distance from the centre to the 1σ line). */
export interface SpcPoint extends PChartPoint {
  sigma: number;
}

/** Defectives out of pieces (p charts), or defects per unit (u charts). */
export type Family = 'binomial' | 'poisson';

/** The variance of one unit at rate c: c(1 − c) for a proportion, c for a Poisson rate. */
export const unitVariance = (c: number, family: Family) =>
  family === 'binomial' ? c * (1 - c) : c;

/** The unbiasing constant d₂ of a moving range of two. */
const D2 = 1.128;

function limitsOf(rate: number, center: number, sigma: number, floor = 0, cap = Infinity) {
  const ucl = Math.min(cap, center + 3 * sigma);
  const lcl = Math.max(floor, center - 3 * sigma);
  return { rate, ucl, lcl, sigma, outOfControl: rate > ucl || rate < lcl };
}

/**
 * σ_Z: the moving-range estimate of the standard deviation of z-scores, mean|zᵢ − zᵢ₋₁| / 1.128,
 * over consecutive finite z. NaN with fewer than two.
 */
export function sigmaZ(z: readonly number[]): number {
  let sum = 0;
  let n = 0;
  let prev = NaN;
  for (const v of z) {
    if (!Number.isFinite(v)) continue;
    if (Number.isFinite(prev)) {
      sum += Math.abs(v - prev);
      n++;
    }
    prev = v;
  }
  return n ? sum / n / D2 : NaN;
}

function checkCounts(count: number, size: number, what: string, bounded: boolean): void {
  if (!(size >= 0) || !(count >= 0) || (bounded && count > size))
    throw new TypeError(`Expected 0 <= ${what}, got count=${count}, size=${size}`);
}

/**
 * Laney's p′ chart: centre p̄ = Σdefective / Σinspected; each point's binomial sigma
 * σᵢ = √(p̄(1 − p̄)/nᵢ); z-scores zᵢ = (pᵢ − p̄)/σᵢ; σ_Z from their moving range; limits
 * p̄ ± 3·σᵢ·σ_Z, clamped to [0, 1]. A subgroup with nothing inspected has NaN rate and limits.
 * Throws a TypeError for negative counts or defective > inspected.
 */
export function laneyPChart(points: readonly { inspected: number; defective: number }[]): {
  center: number;
  sigmaZ: number;
  points: SpcPoint[];
} {
  const { center, sigmaZ: sz } = laneyParams(points);
  return {
    center,
    sigmaZ: sz,
    points: points.map((p) => {
      const rate = p.inspected > 0 ? p.defective / p.inspected : NaN;
      const sigma = p.inspected > 0 ? Math.sqrt((center * (1 - center)) / p.inspected) : NaN;
      return limitsOf(rate, center, sigma * sz, 0, 1);
    }),
  };
}

/**
 * The two numbers behind a p′ (or, for `poisson`, u′) chart, without its points: the pooled
 * centre and σ_Z of the z-scores against it (NaN with fewer than two subgroups). For the
 * Poisson family `inspected` is the units and `defective` the defects. Throws a TypeError
 * for negative counts, or defective > inspected in the binomial family.
 */
export function laneyParams(
  points: readonly { inspected: number; defective: number }[],
  family: Family = 'binomial',
): {
  center: number;
  sigmaZ: number;
} {
  return laneyColumns(
    points.map((p) => p.inspected),
    points.map((p) => p.defective),
    family,
  );
}

/** {@link laneyParams} of counts given column by column (`inspected[i]`, `defective[i]`). */
export function laneyColumns(
  inspected: ArrayLike<number>,
  defective: ArrayLike<number>,
  family: Family = 'binomial',
): { center: number; sigmaZ: number } {
  const len = inspected.length;
  let d = 0;
  let n = 0;
  for (let i = 0; i < len; i++) {
    checkCounts(defective[i], inspected[i], 'defective <= inspected', family === 'binomial');
    d += defective[i];
    n += inspected[i];
  }
  const center = n > 0 ? d / n : NaN;
  const spread = Math.sqrt(unitVariance(center, family));
  let sum = 0;
  let moves = 0;
  let prev = NaN;
  for (let i = 0; i < len; i++) {
    const ni = inspected[i];
    if (!(ni > 0)) continue;
    const z = (defective[i] / ni - center) / (spread / Math.sqrt(ni));
    if (!Number.isFinite(z)) continue;
    if (Number.isFinite(prev)) {
      sum += Math.abs(z - prev);
      moves++;
    }
    prev = z;
  }
  return { center, sigmaZ: moves ? sum / moves / D2 : NaN };
}

/**
 * The u chart of defects per unit: centre ū = Σdefects / Σunits, limits ū ± 3√(ū/nᵢ) with the
 * LCL floored at 0. A subgroup of no units has NaN rate and limits. Throws a TypeError for
 * negative counts.
 */
export function uChart(points: readonly { units: number; defects: number }[]): {
  center: number;
  points: SpcPoint[];
} {
  const { center, poisson, rates } = poissonParts(points);
  return { center, points: rates.map((r, i) => limitsOf(r, center, poisson[i])) };
}

/** Laney's u′ chart: the u chart's Poisson sigma times σ_Z of the points' z-scores. */
export function laneyUChart(points: readonly { units: number; defects: number }[]): {
  center: number;
  sigmaZ: number;
  points: SpcPoint[];
} {
  const { center, poisson, rates } = poissonParts(points);
  const sz = sigmaZ(rates.map((r, i) => (r - center) / poisson[i]));
  return {
    center,
    sigmaZ: sz,
    points: rates.map((r, i) => limitsOf(r, center, poisson[i] * sz)),
  };
}

function poissonParts(points: readonly { units: number; defects: number }[]) {
  let d = 0;
  let n = 0;
  for (const p of points) {
    checkCounts(p.defects, p.units, 'defects and units', false);
    d += p.defects;
    n += p.units;
  }
  const center = n > 0 ? d / n : NaN;
  return {
    center,
    poisson: points.map((p) => (p.units > 0 ? Math.sqrt(center / p.units) : NaN)),
    rates: points.map((p) => (p.units > 0 ? p.defects / p.units : NaN)),
  };
}

/**
 * How much more the points vary than the binomial (or Poisson) predicts: σ_Z, the ratio of the
 * observed spread of the z-scores to the 1 the model expects, with the value above which that
 * is more than chance at 5% for m points: 1 + 1.57/√(m − 1). That is the 95th percentile of
 * σ_Z when the z are independent standard normals, found by simulation (20,000 series each at
 * m = 12, 24, 36, 60 and 120; within 0.01 of the formula at every m).
 */
export function dispersion(sz: number, m: number): { ratio: number; bound: number; over: boolean } {
  const bound = m > 1 ? 1 + 1.57 / Math.sqrt(m - 1) : Infinity;
  return { ratio: sz, bound, over: sz > bound };
}

/** Which points each rule flags, index by index. */
export interface Signals {
  /** Strictly outside centre ± 3σ. */
  beyond: boolean[];
  /** Part of a run of at least `shift` points strictly on one side of the centre. */
  shift: boolean[];
  /** Part of a run of at least `trend` points each strictly above (or below) the one before. */
  trend: boolean[];
  /** Strictly beyond 2σ on a side, with another of its window of three beyond 2σ on that side. */
  twoOfThree: boolean[];
}

/**
 * The NHS "Making Data Count" rules, point by point, with a centre and a sigma per point (so
 * limits may vary). A non-finite value breaks every run and flags nothing. `shift` defaults
 * to 7 and `trend` to 6 points.
 */
export function spcSignals(
  values: ArrayLike<number>,
  center: ArrayLike<number>,
  sigma: ArrayLike<number>,
  options: { shift?: number; trend?: number } = {},
): Signals {
  const n = values.length;
  const shiftLen = options.shift ?? 7;
  const trendLen = options.trend ?? 6;
  // Each point's distance from the centre in sigmas; NaN where a value is missing.
  const dev = deviations(values, center, sigma);
  const beyond = new Array<boolean>(n);
  for (let i = 0; i < n; i++) beyond[i] = Math.abs(dev[i]) > 3;
  const shift = runs(n, shiftLen, (i) => (Number.isNaN(dev[i]) ? 0 : Math.sign(dev[i])));
  // A trend: consecutive steps of one sign; s steps join s + 1 points.
  const trend = new Array<boolean>(n).fill(false);
  for (let i = 1; i < n;) {
    const d =
      Number.isNaN(dev[i]) || Number.isNaN(dev[i - 1]) ? 0 : Math.sign(values[i] - values[i - 1]);
    if (d === 0) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < n && !Number.isNaN(dev[j + 1]) && Math.sign(values[j + 1] - values[j]) === d)
      j++;
    if (j - i + 2 >= trendLen) for (let k = i - 1; k <= j; k++) trend[k] = true;
    i = j + 1;
  }
  return { beyond, shift, trend, twoOfThree: kOfM(dev, 2, 3, 2) };
}

/** (value − centre) / sigma per point; NaN where any of the three is not finite. */
function deviations(
  values: ArrayLike<number>,
  center: ArrayLike<number>,
  sigma: ArrayLike<number>,
): Float64Array {
  const dev = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const ok =
      Number.isFinite(values[i]) && Number.isFinite(center[i]) && Number.isFinite(sigma[i]);
    dev[i] = ok ? (values[i] - center[i]) / sigma[i] : NaN;
  }
  return dev;
}

/**
 * The points strictly beyond `limit` sigmas on one side, in any window of `m` consecutive points
 * holding at least `k` of them on that same side (only those points are flagged).
 */
function kOfM(dev: Float64Array, k: number, m: number, limit: number): boolean[] {
  const n = dev.length;
  const out = new Array<boolean>(n).fill(false);
  for (const s of [1, -1]) {
    for (let w = 0; w + m <= n; w++) {
      let hits = 0;
      for (let i = w; i < w + m; i++) if (s * dev[i] > limit) hits++;
      if (hits >= k) for (let i = w; i < w + m; i++) if (s * dev[i] > limit) out[i] = true;
    }
  }
  return out;
}

/** Western Electric's zone rules beyond the 3σ and 2-of-3 ones: 4 of 5 beyond 1σ, 8 on a side. */
export function westernElectricSignals(
  values: ArrayLike<number>,
  center: ArrayLike<number>,
  sigma: ArrayLike<number>,
): Signals & { fourOfFive: boolean[] } {
  const base = spcSignals(values, center, sigma, { shift: 8, trend: Infinity });
  return { ...base, fourOfFive: kOfM(deviations(values, center, sigma), 4, 5, 1) };
}

/** Flags every point of each maximal run of equal non-zero `key` at least `min` long. */
function runs(n: number, min: number, key: (i: number) => number): boolean[] {
  const out = new Array<boolean>(n).fill(false);
  let start = 0;
  for (let i = 1; i <= n; i++) {
    if (i < n && key(i) !== 0 && key(i) === key(i - 1)) continue;
    if (key(start) !== 0 && i - start >= min) for (let j = start; j < i; j++) out[j] = true;
    start = i;
  }
  return out;
}
