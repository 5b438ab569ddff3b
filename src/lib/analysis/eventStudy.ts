import type { RatePoint, RateSeries } from './defectRate';
import type { Interval } from './periods';
import { meanVar, tQuantile975 } from './stats';

/** Fewer factories than this at a t, or periods than this on a side, support no claim. */
export const MIN_FACTORIES = 3;
export const MIN_PERIODS = 3;

/** The pooled change in defect rate at one event time t (periods from adoption). */
export interface EventPoint {
  t: number;
  /** Factories contributing at this t. */
  n: number;
  /** Mean over those factories of (rate at t − own pre-adoption rate); null when n = 0. */
  mean: number | null;
  /** 95% t-interval of that mean; null when n < MIN_FACTORIES. */
  lo: number | null;
  hi: number | null;
}

export type Verdict = 'fell' | 'no clear change' | 'rose';

/** One adopting factory, before and after. */
export interface FactoryEffect {
  factory_id: string;
  /** The period that holds the adoption (t = 0). */
  period: string;
  /** Pooled rates Σdefective / Σinspected over t = −k…−1 and t = 1…k; null without data. */
  before: number | null;
  after: number | null;
  /** after − before, with a 95% Welch interval from the period rates on each side. */
  change: number | null;
  lo: number | null;
  hi: number | null;
  periodsBefore: number;
  periodsAfter: number;
  /**
   * Null when no claim is made: either side has fewer than MIN_PERIODS
   * periods, or fewer than MIN_FACTORIES factories take part in the study.
   */
  verdict: Verdict | null;
  /** Why there is no verdict; null when there is one. */
  noVerdict: 'too few periods' | 'too few factories' | null;
}

export interface EventStudy {
  k: number;
  points: EventPoint[];
  factories: FactoryEffect[];
  /** Factories with enough periods before adoption to be aligned at all. */
  contributing: number;
}

/** A period's place on a calendar of intervals: months since year 0, quarters, or years. */
function periodIndex(time: number, interval: Interval): number {
  const d = new Date(time);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return interval === 'month' ? y * 12 + m : interval === 'quarter' ? y * 4 + Math.floor(m / 3) : y;
}

const pooled = (ps: readonly RatePoint[]) => {
  const n = ps.reduce((s, p) => s + p.inspected, 0);
  return n > 0 ? ps.reduce((s, p) => s + p.defective, 0) / n : null;
};

/**
 * An event study: each adopting factory's defect rate aligned on its adoption
 * (t = 0 is the period that holds the adoption day), as the change against its
 * own pre-adoption rate (pooled over t = −k…−1), for t = −k…k.
 *
 * - Per t: the mean change over the factories with data there, its 95%
 *   t-interval across factories, and their number. A factory takes part only
 *   with at least MIN_PERIODS periods before adoption.
 * - Per factory: pooled rates before (t < 0) and after (t > 0; the adoption
 *   period itself is a transition and left out), the change, and a 95% Welch
 *   interval that treats each period's rate as one observation, so it widens
 *   with month-to-month swings rather than shrinking with piece counts. The
 *   verdict says "fell" or "rose" only when the interval excludes 0.
 *
 * `series` are per-factory rates at `interval`; `adoptions` give each
 * factory's adoption time (epoch ms); a factory without a series is skipped.
 */
export function eventStudy(
  series: readonly RateSeries[],
  adoptions: readonly { factory_id: string; time: number }[],
  interval: Interval,
  k: number,
): EventStudy {
  const byKey = new Map(series.map((s) => [s.key, s]));
  const factories: FactoryEffect[] = [];
  const changes = new Map<number, number[]>(); // t -> per-factory changes
  let contributing = 0;
  for (const a of adoptions) {
    const s = byKey.get(a.factory_id);
    if (!s) continue;
    const zero = periodIndex(a.time, interval);
    const at = new Map<number, RatePoint>();
    for (const p of s.points) {
      const t = periodIndex(p.start, interval) - zero;
      if (t >= -k && t <= k) at.set(t, p);
    }
    const pre = [...at].filter(([t]) => t < 0).map(([, p]) => p);
    const post = [...at].filter(([t]) => t > 0).map(([, p]) => p);
    const before = pooled(pre);
    const after = pooled(post);
    let lo: number | null = null;
    let hi: number | null = null;
    let verdict: Verdict | null = null;
    const change = before !== null && after !== null ? after - before : null;
    if (change !== null && pre.length >= MIN_PERIODS && post.length >= MIN_PERIODS) {
      const b = meanVar(pre.map((p) => p.rate));
      const f = meanVar(post.map((p) => p.rate));
      const vb = b.variance / pre.length;
      const va = f.variance / post.length;
      const se = Math.sqrt(vb + va);
      const df =
        se > 0
          ? (vb + va) ** 2 / (vb ** 2 / (pre.length - 1) + va ** 2 / (post.length - 1))
          : Infinity;
      const half = se > 0 ? tQuantile975(Math.max(1, df)) * se : 0;
      lo = change - half;
      hi = change + half;
      verdict = hi < 0 ? 'fell' : lo > 0 ? 'rose' : 'no clear change';
    }
    const zeroPoint = s.points.find((p) => p.start <= a.time && a.time < p.end);
    factories.push({
      factory_id: a.factory_id,
      period: zeroPoint?.period ?? new Date(a.time).toISOString().slice(0, 7),
      before,
      after,
      change,
      lo,
      hi,
      periodsBefore: pre.length,
      periodsAfter: post.length,
      verdict,
      noVerdict: verdict ? null : 'too few periods',
    });
    if (before === null || pre.length < MIN_PERIODS) continue;
    contributing++;
    for (const [t, p] of at) changes.set(t, [...(changes.get(t) ?? []), p.rate - before]);
  }
  // With too few factories in the study, no factory's verdict is drawn either.
  if (contributing < MIN_FACTORIES)
    for (const f of factories)
      if (f.verdict) [f.verdict, f.noVerdict] = [null, 'too few factories'];
  const points: EventPoint[] = [];
  for (let t = -k; t <= k; t++) {
    const xs = changes.get(t) ?? [];
    if (!xs.length) {
      points.push({ t, n: 0, mean: null, lo: null, hi: null });
      continue;
    }
    const { mean, variance } = meanVar(xs);
    const half =
      xs.length >= MIN_FACTORIES
        ? tQuantile975(xs.length - 1) * Math.sqrt(variance / xs.length)
        : null;
    points.push({
      t,
      n: xs.length,
      mean,
      lo: half === null ? null : mean - half,
      hi: half === null ? null : mean + half,
    });
  }
  return { k, points, factories, contributing };
}
