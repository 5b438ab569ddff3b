// The control chart's view model: which chart fits the data (p, or Laney p′ when the points
// vary more than a binomial explains), the stages and a frozen baseline, each point's limits
// and the rules it breaks, the NHS variation icon, and the summary of every factory × product.

import { dayTime } from '../calendar';
import {
  periodCounts,
  type PeriodCounts,
  type PeriodCube,
  type RatePoint,
  type RateSeries,
} from '../analysis/defectRate';
import {
  dispersion,
  laneyColumns,
  laneyParams,
  unitVariance,
  type Family,
  sigmaZ,
  spcSignals,
  westernElectricSignals,
} from '../analysis/spc';
import { monthTime, periodBucket, type Interval } from '../analysis/periods';
import { funnel, Z95, Z998, type FunnelPoint } from '../analysis/funnel';
import { csvLine } from '../csv';
import { formatInt, formatPct } from '../format';
import type { Translate } from '../i18n/translate';
import type { ControlState, PointNote } from '../state/controlQuery';

/** A stage with fewer points than this gets limits that the chart calls unreliable. */
export const MIN_STAGE_POINTS = 12;
/** The summary table's "recently": the last this many points. */
export const RECENT = 6;

/** p and Laney p′ for defective pieces; u and Laney u′ for defects of one type per 1,000 pieces. */
export type ChartKind = 'p' | 'pprime' | 'u' | 'uprime';
/** A u chart counts defects per this many pieces. */
export const PER = 1000;
export type Rule = 'beyond' | 'shift' | 'trend' | 'twoOfThree' | 'fourOfFive';
/** NHS variation icons: common cause, or special cause improving (fewer defects) or concerning. */
export type Icon = 'common' | 'improving' | 'concerning';

export interface ControlPoint extends PeriodCounts {
  center: number;
  ucl: number;
  lcl: number;
  /** One sigma at this point (binomial, times σ_Z for p′). */
  sigma: number;
  /** The rules this point breaks, in the order of their list. */
  rules: readonly Rule[];
  icon: Icon;
  /** Its stage, and whether it is one of the baseline points the limits came from. */
  stage: number;
  baseline: boolean;
  /** The user's note on this point ('' for none). */
  note: string;
}

export interface ControlStage {
  /** First and last period of the stage. */
  from: string;
  to: string;
  center: number;
  /** σ_Z of the points the limits came from (1 for a p chart). */
  sigmaZ: number;
  /** Points the limits came from: all of the stage, or its baseline. */
  basis: number;
  /** The limits come from a baseline, the first and last period of it ('' when not). */
  frozenFrom: string;
  frozenTo: string;
  points: number;
  /** Fewer than MIN_STAGE_POINTS points behind its limits. */
  unreliable: boolean;
}

export interface ControlView {
  kind: ChartKind;
  /** Whether the kind was chosen from the data (the state said auto). */
  auto: boolean;
  /** σ_Z of the whole series against its stages' centres, and the bound beyond which it is more than chance. */
  dispersion: { ratio: number; bound: number; over: boolean };
  /**
   * The standard deviation of the same z-scores: the overall spread against the binomial's. Far
   * above σ_Z (which compares neighbours only) it means a shift or trend, not noise.
   */
  spread: number;
  /** The spread is beyond chance and more than twice σ_Z: a shift or trend that stages would separate. */
  shiftLikely: boolean;
  points: ControlPoint[];
  stages: ControlStage[];
  /** The points that break a rule, in time order. */
  signals: ControlPoint[];
  /** The icon of the last point; null without points. */
  latest: Icon | null;
}

/** A point that breaks no rule shares this empty list. */
const NO_RULES: readonly Rule[] = Object.freeze([]);

/** The NHS rules, and Western Electric's, in the order they are listed. */
export const RULES: Record<ControlState['rules'], Rule[]> = {
  nhs: ['beyond', 'shift', 'trend', 'twoOfThree'],
  we: ['beyond', 'twoOfThree', 'fourOfFive', 'shift'],
};

/** Whether the `i`th point of stage `k` is in the state's baseline (with none, no point is). */
function baselineOf(
  state: Pick<ControlState, 'baseline'> & Partial<Pick<ControlState, 'bfrom' | 'bto'>>,
): (p: RatePoint, i: number, k: number) => boolean {
  if (state.bfrom && state.bto) {
    const from = monthTime(state.bfrom);
    const to = monthTime(state.bto, true);
    return (p) => p.start >= from && p.start < to;
  }
  return (_, i, k) => k === 0 && i < state.baseline;
}

/** Splits point indices into stages at the first point on or after each stage day. */
function cutsOf(points: readonly RatePoint[], stages: readonly string[]): number[] {
  const cuts = stages
    .map((d) => points.findIndex((p) => p.start >= dayTime(d)))
    .filter((i) => i > 0);
  return [0, ...[...new Set(cuts)].sort((a, b) => a - b), points.length];
}

/**
 * The control chart of one series of pooled rates. Stages start at each day in `state.stages`
 * (the first period on or after it); each has its own centre and σ_Z, unless a baseline freezes
 * them: `state.baseline` the first stage's from its first N points, or the span of months
 * `state.bfrom`..`state.bto` each stage's from its points that start in it (a stage with fewer
 * than two there keeps all of its own). With `kind: 'auto'` the chart is p′ when σ_Z is above
 * the bound for this many points (see {@link dispersion}), else p. Rules are checked within
 * each stage, since its limits are its own.
 */
export function controlView(
  input: readonly RatePoint[],
  state: Pick<ControlState, 'kind' | 'rules' | 'baseline' | 'stages'> &
    Partial<Pick<ControlState, 'bfrom' | 'bto'>> & { notes?: PointNote[] },
  family: Family = 'binomial',
): ControlView {
  // Units: pieces for a p chart; thousands of pieces for a u chart, whose `defective` counts
  // defects of one type, so its rate is defects per 1,000 pieces.
  const points = input.map((p) => {
    const units = family === 'binomial' ? p.inspected : p.inspected / PER;
    return { ...p, units, rate: units > 0 ? p.defective / units : NaN };
  });
  const variance = (c: number) => unitVariance(c, family);
  const cap = family === 'binomial' ? 1 : Infinity;
  const cuts = cutsOf(points, state.stages);
  const spans = cuts.slice(0, -1).map((from, k) => points.slice(from, cuts[k + 1]));
  // Which points of each stage its limits come from.
  const inBaseline = baselineOf(state);
  const frozen = spans.map((span, k) => {
    const marked = span.map((p, i) => inBaseline(p, i, k));
    return marked.filter(Boolean).length >= 2 ? marked : null;
  });
  const basisOf = (k: number) => {
    const marked = frozen[k];
    return marked ? spans[k].filter((_, i) => marked[i]) : spans[k];
  };
  const laney = spans.map((_, k) =>
    laneyParams(
      basisOf(k).map((p) => ({ inspected: p.units, defective: p.defective })),
      family,
    ),
  );
  // Over-dispersion of the whole series, each point against its stage's centre: σ_Z from the
  // moving range, and the plain standard deviation of the same z-scores (the overall spread).
  const z: number[] = [];
  spans.forEach((span, k) => {
    const c = laney[k].center;
    for (const p of span) z.push((p.rate - c) / Math.sqrt(variance(c) / p.units));
  });
  const disp = dispersion(sigmaZ(z), points.length);
  let squares = 0;
  let finite = 0;
  for (const v of z)
    if (Number.isFinite(v)) {
      squares += v * v;
      finite++;
    }
  const spread = finite > 1 ? Math.sqrt(squares / (finite - 1)) : NaN;
  const laneyKind = state.kind === 'auto' ? disp.over : state.kind === 'pprime';
  const kind: ChartKind =
    family === 'binomial' ? (laneyKind ? 'pprime' : 'p') : laneyKind ? 'uprime' : 'u';
  const notes = new Map((state.notes ?? []).map((n) => [n.period, n.text]));
  const rules = RULES[state.rules];
  const out: ControlPoint[] = [];
  const stages: ControlStage[] = [];
  spans.forEach((span, k) => {
    const { center } = laney[k];
    const sz = laneyKind && Number.isFinite(laney[k].sigmaZ) ? laney[k].sigmaZ : 1;
    const values = span.map((p) => p.rate);
    const centers = span.map(() => center);
    const sigmas = span.map((p) =>
      p.units > 0 ? Math.sqrt(variance(center) / p.units) * sz : NaN,
    );
    const flags: Partial<Record<Rule, boolean[]>> =
      state.rules === 'we'
        ? westernElectricSignals(values, centers, sigmas)
        : spcSignals(values, centers, sigmas);
    const basisPoints = basisOf(k);
    const basis = basisPoints.length;
    span.forEach((p, i) => {
      let broken = NO_RULES;
      for (const r of rules) if (flags[r]?.[i]) broken = broken === NO_RULES ? [r] : [...broken, r];
      const sigma = sigmas[i];
      out.push({
        ...periodCounts(p),
        center,
        sigma,
        ucl: Math.min(cap, center + 3 * sigma),
        lcl: Math.max(0, center - 3 * sigma),
        rules: broken,
        icon: iconOf(broken, p.rate, center, values, i),
        stage: k,
        baseline: frozen[k]?.[i] ?? false,
        note: notes.get(p.period) ?? '',
      });
    });
    stages.push({
      from: span[0].period,
      to: span[span.length - 1].period,
      center,
      sigmaZ: sz,
      basis,
      frozenFrom: frozen[k] ? basisPoints[0].period : '',
      frozenTo: frozen[k] ? basisPoints[basis - 1].period : '',
      points: span.length,
      unreliable: basis < MIN_STAGE_POINTS,
    });
  });
  return {
    kind,
    auto: state.kind === 'auto',
    dispersion: disp,
    spread,
    shiftLikely: spread > disp.bound && spread > 2 * disp.ratio,
    points: out,
    stages: points.length ? stages : [],
    signals: out.filter((p) => p.rules.length),
    latest: out.length ? out[out.length - 1].icon : null,
  };
}

/**
 * A point's variation icon: common cause when it breaks no rule; else improving when the rule
 * points down (below the centre, or a falling trend), concerning when it points up. A lower
 * defect rate is better.
 */
function iconOf(
  rules: readonly Rule[],
  rate: number,
  center: number,
  values: ArrayLike<number>,
  i: number,
): Icon {
  if (!rules.length) return 'common';
  let direction = Math.sign(rate - center);
  if (rules.length === 1 && rules[0] === 'trend') {
    const next = values[i + 1];
    const prev = values[i - 1];
    direction = Math.sign(
      prev !== undefined && Number.isFinite(prev) ? rate - prev : (next ?? rate) - rate,
    );
  }
  return direction < 0 ? 'improving' : 'concerning';
}

/**
 * A u chart's input: each period of a production series with `defective` replaced by the
 * defects of one type in its months (from a count per month `YYYY-MM`).
 */
export function defectPoints(
  points: readonly RatePoint[],
  byMonth: ReadonlyMap<string, number>,
  interval: Interval,
): RatePoint[] {
  const byPeriod = new Map<string, number>();
  for (const [m, n] of byMonth) {
    // A coarser period than the interval has no point here, as with the rates.
    const b = periodBucket(m, interval);
    if (b !== null) byPeriod.set(b, (byPeriod.get(b) ?? 0) + n);
  }
  return points.map((p) => ({ ...p, defective: byPeriod.get(p.period) ?? 0 }));
}

/** One row of the summary: a factory × product's latest state. */
export interface SummaryRow {
  factory: string;
  product: string;
  latest: number;
  latestPeriod: string;
  kind: ChartKind;
  icon: Icon;
  /** Rules broken in the last RECENT points, each once, in list order. */
  recent: Rule[];
  /** For a sparkline: the middle of each period the series has (epoch ms), and its rate. */
  times: Float64Array;
  rates: Float64Array;
}

// Whether a point is part of an NHS run (a shift of 7, a trend of 6, 2 of 3) depends on at
// most this many points before it, so the summary judges only the last RECENT points and these.
const LOOKBACK = 6;

/**
 * The summary of every series of a cube (keyed `factory\u0001product`): each as
 * {@link controlView} would chart it with the kind chosen from the data, NHS rules and one
 * stage, but computed on the cube's columns without building chart points, since hundreds of
 * series are summarised at once. Periods a series inspected nothing in are not its points.
 */
export function controlSummary(cube: PeriodCube): SummaryRow[] {
  const width = cube.periods.length;
  const tail = RECENT + LOOKBACK;
  // One series' periods with data, reused from series to series.
  const at = new Int32Array(width);
  const ins = new Float64Array(width);
  const def = new Float64Array(width);
  const sigmas = new Float64Array(tail);
  const centers = new Float64Array(tail);
  const rows: SummaryRow[] = [];
  cube.keys.forEach((key, k) => {
    let n = 0;
    for (let b = 0; b < width; b++) {
      const m = cube.inspected[k * width + b];
      if (!(m > 0)) continue;
      at[n] = b;
      ins[n] = m;
      def[n] = cube.defective[k * width + b];
      n++;
    }
    if (!n) return;
    const times = new Float64Array(n);
    const rates = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      times[i] = (cube.start[at[i]] + cube.end[at[i]]) / 2;
      rates[i] = def[i] / ins[i];
    }
    const { center, sigmaZ: sz } = laneyColumns(ins.subarray(0, n), def.subarray(0, n));
    const kind: ChartKind = dispersion(sz, n).over ? 'pprime' : 'p';
    const scale = kind === 'pprime' && Number.isFinite(sz) ? sz : 1;
    const spread = Math.sqrt(center * (1 - center)) * scale;
    // The rules over the last points only: limits from the whole series, runs from the tail.
    const first = Math.max(0, n - tail);
    const m = n - first;
    for (let i = 0; i < m; i++) sigmas[i] = spread / Math.sqrt(ins[first + i]);
    centers.fill(center);
    const values = rates.subarray(first);
    const flags = spcSignals(values, centers.subarray(0, m), sigmas.subarray(0, m));
    const fired = (r: Rule, i: number) => flags[r as keyof typeof flags][i];
    const recent = RULES.nhs.filter((r) =>
      flags[r as keyof typeof flags].slice(-RECENT).some(Boolean),
    );
    const last = RULES.nhs.filter((r) => fired(r, m - 1));
    const [factory, product] = key.split('\u0001');
    rows.push({
      factory,
      product,
      latest: rates[n - 1],
      latestPeriod: cube.periods[at[n - 1]],
      kind,
      icon: iconOf(last, rates[n - 1], center, values, m - 1),
      recent,
      times,
      rates,
    });
  });
  return rows;
}

/** Sorts summary rows by a column; ties by factory then product. */
export function sortSummary(
  rows: readonly SummaryRow[],
  by: ControlState['sort'],
  desc: boolean,
  label: (factory: string) => string = (f) => f,
): SummaryRow[] {
  const weight: Record<Icon, number> = { concerning: 2, improving: 1, common: 0 };
  const key = (r: SummaryRow): number | string =>
    by === 'factory'
      ? label(r.factory)
      : by === 'product'
        ? r.product
        : by === 'latest'
          ? r.latest
          : weight[r.icon] * 10 + r.recent.length;
  const sign = desc ? -1 : 1;
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = typeof ka === 'number' ? ka - (kb as number) : ka.localeCompare(kb as string);
    return (
      sign * c ||
      label(a.factory).localeCompare(label(b.factory)) ||
      a.product.localeCompare(b.product)
    );
  });
}

/** Lines of a CSV of the control chart: each period's counts, rate, limits, stage, whether it is in the baseline, rules and note. */
export function controlCsv(view: ControlView): string[] {
  const lines = [
    csvLine([
      'period',
      'inspected',
      'defective',
      'rate',
      'center',
      'lcl',
      'ucl',
      'chart',
      'stage',
      'baseline',
      'rules',
      'note',
    ]),
  ];
  for (const p of view.points)
    lines.push(
      csvLine([
        p.period,
        p.inspected,
        p.defective,
        p.rate,
        p.center,
        p.lcl,
        p.ucl,
        { p: 'p', pprime: "p'", u: 'u per 1000', uprime: "u' per 1000" }[view.kind],
        p.stage + 1,
        p.baseline ? 'yes' : '',
        p.rules.join(' '),
        p.note,
      ]),
    );
  return lines;
}

/** What the funnel plot draws: each factory at its volume and rate, and the limit curves. */
export interface FunnelView {
  center: number;
  overDispersed: boolean;
  phi: number;
  points: FunnelPoint[];
  /** Limits sampled along the volume axis: n, and the 95% and 99.8% bands. */
  curve: { n: number; lo95: number; hi95: number; lo998: number; hi998: number }[];
  /** The factories outside the 99.8% limits, highest rate first. */
  outliers: FunnelPoint[];
}

/** The funnel plot of factories' totals (one RateSeries each, over the span wanted). */
export function funnelView(series: readonly RateSeries[]): FunnelView {
  const f = funnel(
    series.map((s) => ({ key: s.key, inspected: s.inspected, defective: s.defective })),
  );
  const sizes = f.points.map((p) => p.inspected);
  const max = Math.max(1, ...sizes);
  const min = Math.max(1, Math.min(max, ...sizes) / 2);
  // Geometric steps, so the curve is smooth where it bends most, at small volumes.
  const curve = Array.from({ length: 80 }, (_, i) => {
    const n = min * (max / min) ** (i / 79);
    const [lo95, hi95] = f.limits(n, Z95);
    const [lo998, hi998] = f.limits(n, Z998);
    return { n, lo95, hi95, lo998, hi998 };
  });
  return {
    center: f.center,
    overDispersed: f.overDispersed,
    phi: f.phi,
    points: f.points,
    curve,
    outliers: f.points.filter((p) => p.outside === '998').sort((a, b) => b.rate - a.rate),
  };
}

/** What one chart is of: the factory's name, the product, and the defect type ('' for all defectives). */
export interface ChartSubject {
  factory: string;
  product: string;
  defect: string;
}

/**
 * The words of one control chart, in the language of `tr`: its title, its rates (a p chart's in
 * %, a u chart's per 1,000 pieces), each rule, each point's tooltip and signal line, the centres
 * of its stages, why this chart was chosen, and the summary a screen reader reads.
 */
export function chartWords(
  tr: Translate,
  state: Pick<ControlState, 'interval' | 'rules'>,
  chart: ControlView | null,
  subject: ChartSubject,
) {
  const unit = tr(`interval.${state.interval}`);
  const chartName = tr(`control.chart.${chart?.kind ?? 'p'}`);
  const { factory, product, defect } = subject;
  const rate = (v: number): string =>
    defect
      ? tr('control.perThousand', { v: Number.isFinite(v) ? v.toFixed(2) : '–' })
      : formatPct(v);
  const rule = (r: Rule): string => tr(`rule.${r}`, { n: state.rules === 'we' ? 8 : 7 });
  const stage = (s: ControlStage): string =>
    tr('control.stage', { center: rate(s.center), from: s.from, to: s.to });
  return {
    unit,
    chartName,
    rate,
    rule,
    title: defect
      ? tr('control.titleU', { chart: chartName, defect, factory, product, unit })
      : tr('control.title', { chart: chartName, factory, product, unit }),
    tooltip: (p: ControlPoint): string =>
      [
        tr('control.tooltip', {
          period: p.period,
          rate: rate(p.rate),
          defective: formatInt(p.defective),
          inspected: formatInt(p.inspected),
          lcl: rate(p.lcl),
          ucl: rate(p.ucl),
        }),
        ...p.rules.map(rule),
        ...(p.note ? [p.note] : []),
      ].join('; '),
    signal: (p: ControlPoint): string =>
      tr('control.signal', {
        period: p.period,
        rate: rate(p.rate),
        rules: p.rules.map(rule).join('; '),
      }),
    centres: !chart
      ? ''
      : chart.stages.length > 1
        ? tr('control.centres', { list: chart.stages.map(stage).join(tr('control.then')) })
        : tr('control.centreOne', { stage: stage(chart.stages[0]) }),
    reason: chart
      ? tr(`control.${chart.auto ? 'reasonAuto' : 'reasonChosen'}.${chart.kind}`, {
          ratio: chart.dispersion.ratio.toFixed(1),
          bound: chart.dispersion.bound.toFixed(2),
          n: chart.points.length,
        })
      : '',
    summary: chart
      ? tr('control.summary', {
          chart: chartName,
          factory,
          product,
          unit,
          centres: chart.stages.map((s) => rate(s.center)).join(tr('control.then')),
          n: chart.signals.length,
        })
      : '',
  };
}
