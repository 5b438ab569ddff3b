// The Impact page's view model: did defect rates fall because factories adopted an experience?
// From per-factory rate series and adoption dates it derives everything the page shows: which
// method answers, the event-time curve with its intervals, the pre-trend check, the overall
// effect, each factory's verdict, the chart of adopters against comparison factories, and why
// a claim cannot be made when it cannot. Pure and synchronous; the page runs it in a worker.

import { periodCounts, type PeriodCounts, type RateSeries } from '../analysis/defectRate';
import { attGt, type AttGt, type Control, type PanelRow } from '../analysis/did';
import { holm, normalTwoSided, studentTwoSided } from '../analysis/distributions';
import { tQuantile975 } from '../analysis/stats';
import { interruptedTimeSeries } from '../analysis/its';
import { comparesWith, indexPanel } from '../analysis/panel';
import { periodIndex, periodLabel } from '../analysis/periods';
import { MIN_COMPARISON, MIN_PERIODS, unitEffects, type UnitEffect } from '../analysis/unitEffects';
import { firstAdoptions } from '../analysis/adoptions';
import { csvLine } from '../csv';
import { formatPoints } from '../format';
import type { Translate } from '../i18n/translate';
import type { ExchangeRecord } from '../schema/types';
import type { EventLine } from '../../charts/eventChart';
import type { ImpactState } from '../state/impactQuery';

export { MIN_COMPARISON, MIN_PERIODS };
/** Fewer adopters than this support no claim about their average. */
export const MIN_ADOPTERS = 2;
/** Bootstrap draws for the simultaneous band. */
export const DRAWS = 999;
const Z = 1.959964;
/** Tests are two-sided at 5%; the per-factory ones after Holm's adjustment. */
export const ALPHA = 0.05;

export type Verdict = 'fell' | 'no clear change' | 'rose';
export type Method = 'did' | 'its';

/** A number that is too small for a claim: what it counts, how many there are, how many are needed. */
export interface Shortfall {
  what: 'adopters' | 'comparison' | 'periodsBefore' | 'periodsAfter' | 'factories';
  have: number;
  need: number;
}

/** One point of the event-time curve, in percentage points. */
export interface CurvePoint {
  e: number;
  effect: number;
  lo: number;
  hi: number;
  /** The simultaneous band (NaN without bootstrap draws). */
  bandLo: number;
  bandHi: number;
}

/** Adopters against comparison factories at one event time: mean rates in %, and counts. */
export interface AlignedPoint {
  e: number;
  adopters: number | null;
  comparison: number | null;
  /** The comparison shifted to the adopters' level before adoption: where they would be without an effect. */
  expected: number | null;
  nAdopters: number;
  nComparison: number;
}

/**
 * One adopter's row in the table. `before`, `after` (mean rates in %) and `change` (points) are
 * its own, not adjusted; `effect`, `lo` and `hi` are points against the comparison (did), or a
 * rate ratio against its own trend (its).
 */
export type FactoryRow = Pick<
  UnitEffect,
  | 'before'
  | 'after'
  | 'change'
  | 'effect'
  | 'lo'
  | 'hi'
  | 'p'
  | 'pAdjusted'
  | 'pre'
  | 'post'
  | 'controls'
> & {
  factory_id: string;
  /** The period that holds the adoption. */
  period: string;
  verdict: Verdict | null;
  /** Why there is no verdict. */
  noVerdict: 'periods' | 'comparison' | null;
};

/** The interrupted time series of one factory, for the chart. */
export interface ItsChart {
  factory_id: string;
  /** Each period's counts and observed rate, with the fitted and counterfactual (no step) rates. */
  points: (PeriodCounts & {
    fitted: number;
    counterfactual: number;
    after: boolean;
  })[];
  rateRatio: number;
  lo: number;
  hi: number;
  dispersion: number;
  harmonics: number;
}

export interface ImpactView {
  method: Method;
  /** Why the time series is used when `auto` asked for the best: null when did was chosen or asked for. */
  fallback: 'no-comparison' | 'one-factory' | null;
  /** The comparison used, and whether "never adopted" can be offered (enough factories never adopt). */
  control: Control;
  neverOffered: boolean;
  /** Factories with production data; adopters among them; never adopters. */
  factories: number;
  adopters: number;
  never: number;
  /** Adopters per adoption period (did's groups). */
  groups: { period: string; units: number }[];
  /** The most comparison factories any post-adoption estimate rests on. */
  comparison: number;
  /** Why the average effect supports no claim; empty when it does. */
  shortfalls: Shortfall[];
  /** The average effect over e = 0…k (points, did) with its 95% interval and verdict. */
  overall: { effect: number; lo: number; hi: number; p: number; verdict: Verdict | null } | null;
  /** Wald test that the event-time effects before adoption are zero. */
  pretest: { p: number; df: number; passed: boolean } | null;
  curve: CurvePoint[];
  /** The band's critical value (NaN without draws). */
  crit: number;
  /** Each adoption period's mean effect over its periods in the window, and their size-weighted mean (points, 95%). */
  byGroup: { period: string; units: number; effect: number; lo: number; hi: number }[];
  groupOverall: { effect: number; lo: number; hi: number } | null;
  aligned: AlignedPoint[];
  rows: FactoryRow[];
  its: ItsChart | null;
}

/** What the view model needs: per-factory rate series at the interval, and one adoption per factory. */
export interface ImpactInput {
  series: readonly RateSeries[];
  adoptions: readonly { factory_id: string; time: number }[];
  state: ImpactState;
  /** Bootstrap draws for the band; 0 for none. */
  draws?: number;
}

/** The panel: one row per factory and period, outcomes in %, groups as period indices. */
function panelOf(input: ImpactInput) {
  const { interval } = input.state;
  const groupOf = new Map(
    input.adoptions.map((a) => [a.factory_id, periodIndex(a.time, interval)]),
  );
  const rows: PanelRow[] = [];
  for (const s of input.series)
    for (const p of s.points)
      rows.push({
        unit: s.key,
        time: periodIndex(p.start, interval),
        y: p.rate * 100,
        group: groupOf.get(s.key) ?? null,
      });
  return { rows, groupOf };
}

const verdictOf = (p: number, sign: number): Verdict =>
  p < ALPHA ? (sign < 0 ? 'fell' : 'rose') : 'no clear change';

/** Everything the Impact page shows, from its data and state. */
export function impactView(input: ImpactInput): ImpactView {
  const { state } = input;
  const { k, interval } = state;
  const { rows, groupOf } = panelOf(input);
  const times = [...new Set(rows.map((r) => r.time))].sort((a, b) => a - b);
  const last = times[times.length - 1] ?? -Infinity;
  const withData = new Set(input.series.map((s) => s.key));
  const adopting = input.adoptions.filter((a) => withData.has(a.factory_id));
  const neverCount = input.series.filter((s) => {
    const g = groupOf.get(s.key);
    return g === undefined || g > last;
  }).length;
  const neverOffered = neverCount >= MIN_COMPARISON;
  const control: Control = state.control === 'never' && neverOffered ? 'never' : 'notYet';

  const did = attGt(rows, {
    control,
    minE: -k,
    maxE: k,
    draws: input.draws ?? 0,
    cellPretest: false,
  });
  const postCells = did.cells.filter((c) => c.time >= c.group && c.time - c.group <= k);
  const hasComparison = postCells.length > 0;
  const fallback =
    state.method !== 'auto'
      ? null
      : input.series.length < 2
        ? 'one-factory'
        : !hasComparison
          ? 'no-comparison'
          : null;
  const method: Method = state.method === 'its' || fallback ? 'its' : 'did';

  const shortfalls: Shortfall[] = [];
  const comparison = postCells.reduce((m, c) => Math.max(m, c.controls), 0);
  const adoptersIn = did.sizes.reduce((s, g) => s + g.units, 0);
  if (method === 'did') {
    if (adoptersIn < MIN_ADOPTERS)
      shortfalls.push({ what: 'adopters', have: adoptersIn, need: MIN_ADOPTERS });
    if (comparison < MIN_COMPARISON)
      shortfalls.push({ what: 'comparison', have: comparison, need: MIN_COMPARISON });
    const before = Math.max(0, ...did.sizes.map((g) => times.filter((t) => t < g.group).length));
    const after = Math.max(0, ...did.sizes.map((g) => times.filter((t) => t >= g.group).length));
    if (before < MIN_PERIODS)
      shortfalls.push({ what: 'periodsBefore', have: before, need: MIN_PERIODS });
    if (after < MIN_PERIODS)
      shortfalls.push({ what: 'periodsAfter', have: after, need: MIN_PERIODS });
  } else if (!adopting.length) shortfalls.push({ what: 'adopters', have: 0, need: 1 });

  const view: ImpactView = {
    method,
    fallback,
    control,
    neverOffered,
    factories: input.series.length,
    adopters: adopting.length,
    never: neverCount,
    groups: did.sizes.map((g) => ({ period: periodLabel(g.group, interval), units: g.units })),
    comparison,
    shortfalls,
    overall: null,
    pretest: null,
    curve: [],
    crit: NaN,
    byGroup: [],
    groupOverall: null,
    aligned: [],
    rows: [],
    its: null,
  };
  if (method === 'did') Object.assign(view, didParts(did, rows, input, control));
  else Object.assign(view, itsParts(input, groupOf));
  if (shortfalls.length && view.overall) view.overall.verdict = null;
  // With one adopter the influence function sees only the comparison's noise: its intervals
  // and pre-test would look sure of what they cannot know, so none are given.
  if (method === 'did' && adoptersIn < MIN_ADOPTERS) {
    view.pretest = null;
    view.curve = view.curve.map((c) => ({ ...c, lo: NaN, hi: NaN, bandLo: NaN, bandHi: NaN }));
    if (view.overall) Object.assign(view.overall, { lo: NaN, hi: NaN, p: NaN });
    view.byGroup = view.byGroup.map((g) => ({ ...g, lo: NaN, hi: NaN }));
    if (view.groupOverall) Object.assign(view.groupOverall, { lo: NaN, hi: NaN });
  }
  return view;
}

function didParts(did: AttGt, rows: readonly PanelRow[], input: ImpactInput, control: Control) {
  const { k, interval } = input.state;
  // With few factories, intervals use t with n − 1 degrees of freedom, as cluster-robust errors
  // are read with few clusters; with hundreds of factories this is the normal's 1.96.
  const df = Math.max(1, did.n - 1);
  const t = tQuantile975(df);
  const crit = Math.max(t, did.crit);
  const curve: CurvePoint[] = did.dynamic.map((d) => ({
    e: d.e,
    effect: d.att,
    lo: d.att - t * d.se,
    hi: d.att + t * d.se,
    bandLo: d.att - crit * d.se,
    bandHi: d.att + crit * d.se,
  }));
  const p = studentTwoSided(did.overall / did.overallSe, df);
  const half = t * did.overallSe;
  const overall = Number.isFinite(did.overall)
    ? {
        effect: did.overall,
        lo: did.overall - half,
        hi: did.overall + half,
        p,
        verdict: Number.isNaN(p) ? null : verdictOf(p, did.overall),
      }
    : null;
  const test = did.eventPretest;
  const pretest = test ? { p: test.pSmall, df: test.df, passed: test.pSmall >= ALPHA } : null;
  const effects = unitEffects(rows, { k, control });
  const tableRows: FactoryRow[] = effects.map((u) => ({
    factory_id: u.unit,
    period: periodLabel(u.group, interval),
    before: u.before,
    after: u.after,
    change: u.change,
    effect: u.effect,
    lo: u.lo,
    hi: u.hi,
    p: u.p,
    pAdjusted: u.pAdjusted,
    verdict: u.noTest ? null : verdictOf(u.pAdjusted, u.effect),
    noVerdict: u.noTest,
    pre: u.pre,
    post: u.post,
    controls: u.controls,
  }));
  const interval95 = (att: number, se: number) => ({
    effect: att,
    lo: att - t * se,
    hi: att + t * se,
  });
  const periodOf = new Map(did.sizes.map((g) => [g.group, g.units]));
  return {
    curve,
    crit: Number.isNaN(did.crit) ? NaN : crit,
    byGroup: did.byGroup.map((g) => ({
      period: periodLabel(g.group, interval),
      units: periodOf.get(g.group) ?? 0,
      ...interval95(g.att, g.se),
    })),
    groupOverall: Number.isFinite(did.groupOverall)
      ? interval95(did.groupOverall, did.groupOverallSe)
      : null,
    overall,
    pretest,
    aligned: alignedOf(rows, k, control),
    rows: tableRows,
  };
}

/**
 * Adopters' mean rate against their comparison factories' mean rate at each event time −k…k.
 * Each adopter is compared with the factories not adopting through its window (or never), at
 * the same calendar periods; both means are taken over adopters, with equal weight.
 */
function alignedOf(rows: readonly PanelRow[], k: number, control: Control): AlignedPoint[] {
  const { units, last } = indexPanel(rows);
  const sums = Array.from({ length: 2 * k + 1 }, () => ({
    a: 0,
    na: 0,
    c: 0,
    nc: 0,
    pairs: 0,
    gap: 0,
  }));
  // The comparison's mean at g + e depends only on the group g: one pass per group.
  const comparisonOf = new Map<number, (number | null)[]>();
  const comparison = (g: number) => {
    let means = comparisonOf.get(g);
    if (means) return means;
    const controls = units.filter((c) => comparesWith(c, g, k, last, control === 'notYet'));
    means = [];
    for (let e = -k; e <= k; e++) {
      let c = 0;
      let nc = 0;
      for (const x of controls) {
        const v = x.y.get(g + e);
        if (v !== undefined) [c, nc] = [c + v, nc + 1];
      }
      means.push(nc ? c / nc : null);
    }
    comparisonOf.set(g, means);
    return means;
  };
  for (const u of units) {
    const g = u.group;
    if (g === null || g > last) continue;
    const means = comparison(g);
    for (let e = -k; e <= k; e++) {
      const s = sums[e + k];
      const own = u.y.get(g + e);
      const c = means[e + k];
      if (own !== undefined) [s.a, s.na] = [s.a + own, s.na + 1];
      if (c !== null) [s.c, s.nc] = [s.c + c, s.nc + 1];
      if (own !== undefined && c !== null) [s.gap, s.pairs] = [s.gap + own - c, s.pairs + 1];
    }
  }
  // The adopters' gap to the comparison before adoption, averaged over their pre-periods.
  let gap = 0;
  let pre = 0;
  for (let e = -k; e < 0; e++)
    if (sums[e + k].pairs) [gap, pre] = [gap + sums[e + k].gap / sums[e + k].pairs, pre + 1];
  return sums.map((s, i) => {
    const comparison = s.nc ? s.c / s.nc : null;
    return {
      e: i - k,
      adopters: s.na ? s.a / s.na : null,
      comparison,
      expected: comparison !== null && pre ? comparison + gap / pre : null,
      nAdopters: s.na,
      nComparison: s.nc,
    };
  });
}

/** Each adopter's own interrupted time series; the chart for the chosen factory. */
function itsParts(input: ImpactInput, groupOf: Map<string, number>) {
  const { interval, season } = input.state;
  const period = interval === 'month' ? 12 : 4;
  const fits = input.series
    .filter((s) => groupOf.has(s.key))
    .map((s) => {
      const start = groupOf.get(s.key)!;
      const pts = s.points.map((p) => ({
        time: periodIndex(p.start, interval),
        events: p.defective,
        exposure: p.inspected,
      }));
      const pre = pts.filter((p) => p.time < start).length;
      const post = pts.length - pre;
      // One pair of harmonics once two full seasons are seen, unless the state says otherwise.
      const harmonics = season ?? (pts.length >= 2 * period ? 1 : 0);
      const fit = interruptedTimeSeries(pts, { start, harmonics, period });
      const enough = pre >= MIN_PERIODS && post >= MIN_PERIODS && Number.isFinite(fit.rateRatio);
      const se = (Math.log(fit.hi) - Math.log(fit.lo)) / (2 * Z);
      const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
      const before = mean(s.points.filter((p, i) => pts[i].time < start).map((p) => p.rate * 100));
      const after = mean(s.points.filter((p, i) => pts[i].time >= start).map((p) => p.rate * 100));
      return {
        s,
        start,
        fit,
        harmonics,
        enough,
        pre,
        post,
        before,
        after,
        p: enough ? normalTwoSided(Math.log(fit.rateRatio) / se) : NaN,
      };
    });
  const adjusted = holm(fits.map((f) => f.p));
  const rows: FactoryRow[] = fits.map((f, i) => ({
    factory_id: f.s.key,
    period: periodLabel(f.start, interval),
    before: f.before,
    after: f.after,
    change: f.after - f.before,
    effect: f.fit.rateRatio,
    lo: f.fit.lo,
    hi: f.fit.hi,
    p: f.p,
    pAdjusted: adjusted[i],
    verdict: f.enough ? verdictOf(adjusted[i], Math.log(f.fit.rateRatio)) : null,
    noVerdict: f.enough ? null : 'periods',
    pre: f.pre,
    post: f.post,
    controls: 0,
  }));
  const chosen =
    fits.find((f) => f.s.key === input.state.factory) ?? fits.find((f) => f.enough) ?? fits[0];
  let its: ItsChart | null = null;
  if (chosen && chosen.fit.coefficients.length) {
    const rr = chosen.fit.rateRatio;
    its = {
      factory_id: chosen.s.key,
      points: chosen.s.points.map((p, i) => {
        const after = periodIndex(p.start, interval) >= chosen.start;
        const cf = chosen.fit.counterfactual[i];
        return {
          ...periodCounts(p),
          fitted: after ? cf * rr : cf,
          counterfactual: cf,
          after,
        };
      }),
      rateRatio: rr,
      lo: chosen.fit.lo,
      hi: chosen.fit.hi,
      dispersion: chosen.fit.dispersion,
      harmonics: chosen.harmonics,
    };
  }
  return { rows, its };
}

/** Lines of a CSV of what the Impact chart plots. */
export function impactCsv(view: ImpactView): string[] {
  if (view.method === 'its' && view.its) {
    const lines = [
      csvLine(['period', 'inspected', 'defective', 'rate', 'fitted', 'counterfactual']),
    ];
    for (const p of view.its.points)
      lines.push(csvLine([p.period, p.inspected, p.defective, p.rate, p.fitted, p.counterfactual]));
    return lines;
  }
  const lines = [
    csvLine([
      'event_time',
      'adopters_rate_pct',
      'comparison_rate_pct',
      'expected_without_effect_pct',
      'adopters',
      'comparison_factories',
      'effect_points',
      'ci95_low',
      'ci95_high',
      'band95_low',
      'band95_high',
    ]),
  ];
  const byE = new Map(view.curve.map((c) => [c.e, c]));
  for (const a of view.aligned) {
    const c = byE.get(a.e);
    lines.push(
      csvLine([
        a.e,
        a.adopters,
        a.comparison,
        a.expected,
        a.nAdopters,
        a.nComparison,
        c?.effect ?? null,
        c?.lo ?? null,
        c?.hi ?? null,
        c && Number.isFinite(c.bandLo) ? c.bandLo : null,
        c && Number.isFinite(c.bandHi) ? c.bandHi : null,
      ]),
    );
  }
  return lines;
}

// What the page draws from the view: pure, and worded through the `tr` it is given.

/** The adopters' and the comparison's colours (Okabe–Ito vermilion and blue). */
export const IMPACT_COLORS = { adopters: '#D55E00', comparison: '#0072B2', observed: '#555' };

/** A key of a chart's legend: a line (solid or dashed) or a dot, as the chart draws it. */
export interface ImpactKey {
  label: string;
  color: string;
  mark: 'line' | 'dashed' | 'dot';
}

/** The experiences the exchanges name, sorted: the page's experience choice. */
export const experiencesOf = (exchanges: readonly ExchangeRecord[]): string[] =>
  [...new Set(exchanges.map((e) => e.experience))].sort();

/**
 * When each factory adopted, for the estimate: its first adoption of `experience`, or of any
 * experience when none is chosen. In time order.
 */
export function impactAdoptions(
  exchanges: readonly ExchangeRecord[],
  experience: string,
): { factory_id: string; time: number }[] {
  const chosen = experience ? exchanges.filter((e) => e.experience === experience) : exchanges;
  return [...firstAdoptions(chosen).values()].map((a) => ({
    factory_id: a.factory_id,
    time: a.time,
  }));
}

/** The slide title a deck gives this view. */
export const impactSlideTitle = (
  tr: Translate,
  state: ImpactState,
  experience: (e: string) => string = (e) => e,
): string =>
  state.experience
    ? tr('impact.slideExperience', { experience: experience(state.experience) })
    : tr('impact.slide');

/** A mean rate in %, "4.2%", or a dash when there is none. */
export const percent = (v: number | null): string => (v === null ? '–' : `${v.toFixed(1)}%`);

/** An effect in percentage points (the view's effects are in %). */
export const points = (v: number): string => formatPoints(v / 100);

/** The legend of the adopters-against-comparison chart. */
export const alignedKeys = (tr: Translate): ImpactKey[] => [
  { label: tr('impact.legend.adopters'), color: IMPACT_COLORS.adopters, mark: 'line' },
  { label: tr('impact.legend.comparison'), color: IMPACT_COLORS.comparison, mark: 'line' },
  { label: tr('impact.legend.expected'), color: IMPACT_COLORS.adopters, mark: 'dashed' },
];

/** The legend of the interrupted time series. */
export const itsKeys = (tr: Translate): ImpactKey[] => [
  { label: tr('impact.legend.observed'), color: IMPACT_COLORS.observed, mark: 'dot' },
  { label: tr('impact.legend.fitted'), color: IMPACT_COLORS.comparison, mark: 'line' },
  { label: tr('impact.legend.counterfactual'), color: IMPACT_COLORS.comparison, mark: 'dashed' },
];

/**
 * The adopters-against-comparison chart's lines. The expected line starts the period before
 * adoption, where it meets the adopters by construction, so that it reads as a forecast.
 */
export function alignedLines(tr: Translate, aligned: readonly AlignedPoint[]): EventLine[] {
  // Each line is drawn as its key shows it.
  const [adopters, comparison, expected] = alignedKeys(tr).map(({ label, color, mark }) => ({
    label,
    color,
    dashed: mark === 'dashed',
  }));
  return [
    { key: 'adopters', ...adopters, values: aligned.map((a) => a.adopters), dots: true },
    { key: 'comparison', ...comparison, values: aligned.map((a) => a.comparison), dots: true },
    {
      key: 'expected',
      ...expected,
      values: aligned.map((a) => (a.e >= -1 ? a.expected : null)),
    },
  ];
}

/** The band drawn around the effect curve: pointwise 95% intervals, or the simultaneous band. */
export const effectBand = (
  curve: readonly CurvePoint[],
  band: ImpactState['band'],
): { lo: number[]; hi: number[] } =>
  band === 'simultaneous'
    ? { lo: curve.map((c) => c.bandLo), hi: curve.map((c) => c.bandHi) }
    : { lo: curve.map((c) => c.lo), hi: curve.map((c) => c.hi) };

/** What was adopted, for the effect summary: the experience quoted, or "any experience". */
export const adoptingWhat = (
  tr: Translate,
  state: ImpactState,
  experience: (e: string) => string = (e) => e,
): string =>
  state.experience
    ? tr('impact.quoted', { experience: experience(state.experience) })
    : tr('impact.any');

/** A verdict in words. */
export const verdictText = (tr: Translate, v: Verdict): string =>
  tr(v === 'fell' ? 'verdict.fell' : v === 'rose' ? 'verdict.rose' : 'verdict.none');

/**
 * The estimate's headline: the adopters' average change against the comparison over the
 * window, with its 95% interval and verdict; null when there is no claim to make (no
 * difference-in-differences, or too little data for a verdict).
 */
export function overallSentence(
  tr: Translate,
  view: ImpactView,
  state: ImpactState,
): string | null {
  if (view.method !== 'did' || !view.overall?.verdict) return null;
  const pp = (v: number) => formatPoints(v / 100);
  return tr('impact.overall', {
    k: state.k,
    units: tr(`intervals.${state.interval}`),
    adopters: view.groups.reduce((s, g) => s + g.units, 0),
    effect: pp(view.overall.effect),
    lo: pp(view.overall.lo),
    hi: pp(view.overall.hi),
    verdict: verdictText(tr, view.overall.verdict),
  });
}
