// Funnel plots for comparing units (factories) fairly: each unit's rate against its volume, with
// limits around the pooled rate that narrow as volume grows, widened for over-dispersion by an
// additive random effect (Spiegelhalter, "Handling over-dispersion of performance indicators",
// Qual Saf Health Care 14, 2005: winsorised z-scores, φ = mean z², τ² by DerSimonian–Laird).

import { chiSquareUpper } from './distributions';

/** Two-sided 95% and 99.8% normal quantiles: the funnel's inner and outer limits. */
export const Z95 = 1.959964;
export const Z998 = 3.090232;

export interface FunnelUnit {
  key: string;
  inspected: number;
  defective: number;
}

export interface FunnelPoint extends FunnelUnit {
  rate: number;
  /** Its z-score against the pooled rate, with the random effect when there is one. */
  z: number;
  /** Outside the 99.8% limits (an outlier), or only the 95% ones. */
  outside: '998' | '95' | null;
}

export interface Funnel {
  center: number;
  /** φ: the mean of the squared winsorised z-scores; about 1 without over-dispersion. */
  phi: number;
  /** Whether φ is beyond chance (χ² with I − 1 degrees of freedom at 5%); then τ² > 0. */
  overDispersed: boolean;
  /** The between-unit variance of the additive random effect (0 without over-dispersion). */
  tau2: number;
  points: FunnelPoint[];
  /** The limits at volume n: centre ± z·√(p̄(1 − p̄)/n + τ²), clamped to [0, 1]. */
  limits: (n: number, z: number) => [number, number];
}

/**
 * A funnel plot of units' proportions. Units with nothing inspected are left out. With fewer
 * than two units φ and τ² are NaN and 0. Winsorising sets the z-scores below the 10th and
 * above the 90th percentile to those percentiles before φ is taken, so that the outliers the
 * plot is meant to find do not set its width.
 */
export function funnel(units: readonly FunnelUnit[]): Funnel {
  const kept = units.filter((u) => u.inspected > 0);
  const d = kept.reduce((s, u) => s + u.defective, 0);
  const n = kept.reduce((s, u) => s + u.inspected, 0);
  const center = n > 0 ? d / n : NaN;
  const v = (size: number) => (center * (1 - center)) / size;
  const rates = kept.map((u) => u.defective / u.inspected);
  const z0 = kept.map((u, i) => (rates[i] - center) / Math.sqrt(v(u.inspected)));
  const I = kept.length;
  let phi = NaN;
  let tau2 = 0;
  let overDispersed = false;
  if (I >= 2) {
    const sorted = [...z0].sort((a, b) => a - b);
    const lo = quantile(sorted, 0.1);
    const hi = quantile(sorted, 0.9);
    phi = z0.reduce((s, z) => s + Math.min(hi, Math.max(lo, z)) ** 2, 0) / I;
    overDispersed = chiSquareUpper(I * phi, I - 1) < 0.05;
    // Q is I·φ (winsorised); the weights' mean of the rates is the pooled rate itself.
    if (overDispersed)
      tau2 = momentTau2(
        I * phi,
        kept.map((u) => 1 / v(u.inspected)),
      );
  }
  const limits = (size: number, z: number): [number, number] => {
    const half = z * Math.sqrt(v(size) + tau2);
    return [Math.max(0, center - half), Math.min(1, center + half)];
  };
  return {
    center,
    phi,
    overDispersed,
    tau2,
    points: kept.map((u, i) => {
      const z = (rates[i] - center) / Math.sqrt(v(u.inspected) + tau2);
      const a = Math.abs(z);
      return { ...u, rate: rates[i], z, outside: a > Z998 ? '998' : a > Z95 ? '95' : null };
    }),
    limits,
  };
}

/**
 * Cochran's heterogeneity statistic of estimates `y` with sampling variances `v`:
 * Q = Σ wᵢ(yᵢ − ȳ)², wᵢ = 1/vᵢ, around their inverse-variance weighted mean ȳ (also returned).
 */
export function cochranQ(y: readonly number[], v: readonly number[]): { q: number; mean: number } {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < y.length; i++) {
    sw += 1 / v[i];
    swy += y[i] / v[i];
  }
  const mean = swy / sw;
  let q = 0;
  for (let i = 0; i < y.length; i++) q += (y[i] - mean) ** 2 / v[i];
  return { q, mean };
}

/**
 * The between-unit variance by the method of moments (DerSimonian & Laird 1986), from a
 * heterogeneity statistic `q` over units with weights `w` (1 / variance):
 * τ² = max(0, (q − (k − 1)) / (Σw − Σw²/Σw)).
 */
export function momentTau2(q: number, w: readonly number[]): number {
  const sw = w.reduce((a, b) => a + b, 0);
  const sw2 = w.reduce((a, b) => a + b * b, 0);
  return Math.max(0, (q - (w.length - 1)) / (sw - sw2 / sw));
}

/** The q-quantile of sorted numbers, interpolated linearly between order statistics (R type 7). */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  return (
    sorted[i] + (h - i) * ((sorted[Math.min(i + 1, sorted.length - 1)] ?? sorted[i]) - sorted[i])
  );
}
