// Interrupted time series by segmented regression (Lopez Bernal, Cummins & Gasparrini, "Interrupted
// time series regression for the evaluation of public health interventions: a tutorial",
// IJE 2017): a quasi-Poisson GLM with a log link and offset log(exposure), fitted by
// iteratively reweighted least squares, as R's glm(family = quasipoisson) fits it.

import { solveSpd } from './linalg';

/** One period of a series: its time on an even scale, its count, and what the count is out of. */
export interface ItsPoint {
  time: number;
  /** Events counted (defective pieces, acute coronary events), a whole number ≥ 0. */
  events: number;
  /** What the events are out of (pieces inspected, a population), > 0. */
  exposure: number;
}

/** Options: when the intervention starts, and the seasonal terms. */
export interface ItsOptions {
  /** The first time with the intervention in force: the step is 1 from here on. */
  start: number;
  /** Pairs of sin/cos terms of `period` for the season (0 by default). */
  harmonics?: number;
  /** The length of the season in time units (12 by default, for months). */
  period?: number;
}

/** The fitted model: the step as a rate ratio with its Wald 95% interval. */
export interface ItsResult {
  /** exp(step): the rate after the start relative to the trend's prediction without it. */
  rateRatio: number;
  lo: number;
  hi: number;
  /** Pearson χ² / (n − p); the standard errors are scaled by its square root. */
  dispersion: number;
  /** The coefficients in the order intercept, step, time, sin₁, cos₁, …, on the log scale. */
  coefficients: number[];
  /** The expected rate per unit of exposure at each point without the step: the counterfactual. */
  counterfactual: number[];
  /** Iterations IRLS took. */
  iterations: number;
}

const Z = 1.96;

/**
 * Fits events ~ offset(log exposure) + step + time + harmonics by quasi-Poisson regression and
 * gives the step's rate ratio with a Wald 95% interval (z = 1.96) whose standard error is
 * scaled by the Pearson dispersion. NaN everywhere when the series cannot support the model:
 * fewer points than terms plus one, no point on one side of the start, or an exposure ≤ 0.
 * Does not mutate `points`.
 */
export function interruptedTimeSeries(points: readonly ItsPoint[], options: ItsOptions): ItsResult {
  const harmonics = options.harmonics ?? 0;
  const period = options.period ?? 12;
  const n = points.length;
  const row = (p: ItsPoint) => {
    const x = [1, p.time >= options.start ? 1 : 0, p.time];
    for (let k = 1; k <= harmonics; k++) {
      const a = (2 * Math.PI * k * p.time) / period;
      x.push(Math.sin(a), Math.cos(a));
    }
    return x;
  };
  const X = points.map(row);
  const p = 3 + 2 * harmonics;
  const before = points.filter((q) => q.time < options.start).length;
  const fail: ItsResult = {
    rateRatio: NaN,
    lo: NaN,
    hi: NaN,
    dispersion: NaN,
    coefficients: [],
    counterfactual: [],
    iterations: 0,
  };
  if (n <= p || before === 0 || before === n || points.some((q) => !(q.exposure > 0))) return fail;

  const y = points.map((q) => q.events);
  const offset = points.map((q) => Math.log(q.exposure));
  // Start where R's glm does for Poisson: mu = y + 0.1.
  let mu = y.map((v) => v + 0.1);
  let eta = mu.map(Math.log);
  let beta: number[] = new Array(p).fill(0);
  let deviance = Infinity;
  let iterations = 0;
  for (; iterations < 50; iterations++) {
    // Working response and weights; solve (X'WX) β = X'W z.
    const z = eta.map((e, i) => e - offset[i] + (y[i] - mu[i]) / mu[i]);
    const rhs = new Array(p).fill(0);
    for (let i = 0; i < n; i++) for (let a = 0; a < p; a++) rhs[a] += mu[i] * X[i][a] * z[i];
    const next = solveSpd(weightedCross(X, mu), rhs);
    if (!next) return fail;
    beta = next;
    eta = X.map((xi, i) => dot(xi, beta) + offset[i]);
    mu = eta.map(Math.exp);
    const dev = poissonDeviance(y, mu);
    // R's glm stops when |dev − devold| / (|dev| + 0.1) < 1e-8; this is stricter.
    const converged = Math.abs(dev - deviance) / (Math.abs(dev) + 0.1) < 1e-10;
    deviance = dev;
    if (converged) {
      iterations++;
      break;
    }
  }
  // The covariance at the fit: (X'WX)⁻¹ with the final weights, scaled by the dispersion.
  const info = weightedCross(X, mu);
  const e1 = new Array(p).fill(0);
  e1[1] = 1;
  const col = solveSpd(info, e1);
  if (!col) return fail;
  const pearson = y.reduce((s, v, i) => s + (v - mu[i]) ** 2 / mu[i], 0);
  const dispersion = pearson / (n - p);
  const se = Math.sqrt(col[1] * dispersion);
  const step = beta[1];
  return {
    rateRatio: Math.exp(step),
    lo: Math.exp(step - Z * se),
    hi: Math.exp(step + Z * se),
    dispersion,
    coefficients: beta,
    counterfactual: X.map((xi) => Math.exp(dot(xi, beta) - xi[1] * step)),
    iterations,
  };
}

/** X'WX for the rows of X and weights w. */
function weightedCross(X: readonly number[][], w: readonly number[]): number[][] {
  const p = X[0].length;
  const out = Array.from({ length: p }, () => new Array(p).fill(0));
  for (let i = 0; i < X.length; i++)
    for (let a = 0; a < p; a++) for (let b = 0; b <= a; b++) out[a][b] += w[i] * X[i][a] * X[i][b];
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) out[a][b] = out[b][a];
  return out;
}

const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + v * b[i], 0);

/** The Poisson deviance 2 Σ [y log(y/μ) − (y − μ)]. */
function poissonDeviance(y: readonly number[], mu: readonly number[]): number {
  let d = 0;
  for (let i = 0; i < y.length; i++)
    d += 2 * ((y[i] > 0 ? y[i] * Math.log(y[i] / mu[i]) : 0) - (y[i] - mu[i]));
  return d;
}
