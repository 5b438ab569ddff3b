// Each treated unit's own difference-in-differences against the comparison units, with a test
// that carries the unit's own noise. A group's average effect (attGt) has an interval that
// shrinks with the number of treated units; one unit's effect does not average anything out,
// so its uncertainty is the spread that comparison units show over the same window when
// nothing happens to them (a prediction interval, as in placebo tests of synthetic control).

import type { Control, PanelRow } from './did';
import { holm, studentTwoSided } from './distributions';
import { comparesWith, indexPanel } from './panel';
import { meanVar, tQuantile975 } from './stats';

/** Fewer comparison units than this, or periods than this on a side, support no claim. */
export const MIN_COMPARISON = 3;
export const MIN_PERIODS = 3;

/** Why a unit has no test. */
export type NoTest =
  /** Fewer than MIN_PERIODS observed periods before the adoption, or after it. */
  | 'periods'
  /** Fewer than MIN_COMPARISON comparison units observed on both sides of its window. */
  | 'comparison';

/** One treated unit's effect. */
export interface UnitEffect {
  unit: string;
  group: number;
  /** Periods observed in the window before (g − k … g − 1) and after (g … g + k). */
  pre: number;
  post: number;
  /** Its mean outcome over the periods before and after, and their difference: the before/after change, not adjusted. */
  before: number;
  after: number;
  change: number;
  /** The change minus the comparison units' mean change over the same periods. */
  effect: number;
  /** 95% prediction interval of `effect` under no effect, and its two-sided p. */
  lo: number;
  hi: number;
  p: number;
  /** p adjusted by Holm's method across every tested unit. */
  pAdjusted: number;
  /** Comparison units in its test. */
  controls: number;
  /** Null when tested; else why not (`effect` may still be a number). */
  noTest: NoTest | null;
}

/**
 * For each treated unit with first treated period g: its change D from the mean outcome over
 * g − k … g − 1 to the mean over g … g + k (the periods it is observed), against the same
 * change D_j of each comparison unit over those periods. The comparison units are the never
 * treated (or first treated after the last period), or with `notYet` also those first treated
 * after g + k, so that none is treated in the window. The effect is D − mean(D_j); under no effect it is distributed as t with m − 1
 * degrees of freedom after scaling by s·√(1 + 1/m), where s is the standard deviation of the
 * D_j across the m comparison units: a test that holds whatever the month-to-month
 * correlation, as long as the treated unit is as noisy as the comparison units. The p-values
 * are adjusted by Holm's method across the tested units.
 */
export function unitEffects(
  rows: readonly PanelRow[],
  options: { k: number; control?: Control },
): UnitEffect[] {
  const { k } = options;
  const control = options.control ?? 'notYet';
  const { units, last } = indexPanel(rows);
  /** A unit's observed change over a window, or null below MIN_PERIODS on a side. */
  const changeOf = (y: Map<number, number>, g: number) => {
    const pre: number[] = [];
    const post: number[] = [];
    for (let t = g - k; t <= g + k; t++) {
      const v = y.get(t);
      if (v !== undefined) (t < g ? pre : post).push(v);
    }
    const before = pre.length ? mean(pre) : NaN;
    const after = post.length ? mean(post) : NaN;
    return { d: after - before, before, after, pre: pre.length, post: post.length };
  };
  // The comparison units' changes depend only on the group: one pass per group.
  const comparisonOf = new Map<number, number[]>();
  const comparison = (g: number) => {
    let ds = comparisonOf.get(g);
    if (ds) return ds;
    ds = [];
    for (const c of units) {
      if (!comparesWith(c, g, k, last, control === 'notYet')) continue;
      const ch = changeOf(c.y, g);
      if (ch.pre >= MIN_PERIODS && ch.post >= MIN_PERIODS) ds.push(ch.d);
    }
    comparisonOf.set(g, ds);
    return ds;
  };
  const out: UnitEffect[] = [];
  for (const u of units) {
    // A unit first treated after the last period is never treated within the data, as in attGt.
    if (u.group === null || u.group > last) continue;
    const g = u.group;
    const own = changeOf(u.y, g);
    const ds = comparison(g);
    const m = ds.length;
    const base = m ? mean(ds) : NaN;
    const effect = own.d - base;
    const noTest: NoTest | null =
      own.pre < MIN_PERIODS || own.post < MIN_PERIODS
        ? 'periods'
        : m < MIN_COMPARISON
          ? 'comparison'
          : null;
    let lo = NaN;
    let hi = NaN;
    let p = NaN;
    if (!noTest) {
      const se = Math.sqrt(meanVar(ds).variance * (1 + 1 / m));
      const half = tQuantile975(m - 1) * se;
      lo = effect - half;
      hi = effect + half;
      p = se > 0 ? studentTwoSided(effect / se, m - 1) : effect === 0 ? 1 : 0;
    }
    out.push({
      unit: u.id,
      group: g,
      pre: own.pre,
      post: own.post,
      before: own.before,
      after: own.after,
      change: own.d,
      effect,
      lo,
      hi,
      p,
      pAdjusted: NaN,
      controls: m,
      noTest,
    });
  }
  holm(out.map((e) => e.p)).forEach((p, i) => (out[i].pAdjusted = p));
  return out;
}

const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
