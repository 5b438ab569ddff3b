// The control chart's view model: which chart fits the data (p, or Laney p′ when the points
// vary more than a binomial explains), the stages and a frozen baseline, each point's limits
// and the rules it breaks, the NHS variation icon, and the summary of every factory × product.

import type { RatePoint, RateSeries } from '../analysis/defectRate';
import {
  dispersion,
  laneyPChart,
  sigmaZ,
  spcSignals,
  westernElectricSignals,
} from '../analysis/spc';
import { csvLine } from '../share/csv';
import type { ControlState, PointNote } from '../state/controlQuery';

/** A stage with fewer points than this gets limits that the chart calls unreliable. */
export const MIN_STAGE_POINTS = 12;
/** The summary table's "recently": the last this many points. */
export const RECENT = 6;

export type ChartKind = 'p' | 'pprime';
export type Rule = 'beyond' | 'shift' | 'trend' | 'twoOfThree' | 'fourOfFive';
/** NHS variation icons: common cause, or special cause improving (fewer defects) or concerning. */
export type Icon = 'common' | 'improving' | 'concerning';

export interface ControlPoint extends Pick<
  RatePoint,
  'period' | 'start' | 'end' | 'inspected' | 'defective' | 'rate'
> {
  center: number;
  ucl: number;
  lcl: number;
  /** One sigma at this point (binomial, times σ_Z for p′). */
  sigma: number;
  /** The rules this point breaks, in the order of their list. */
  rules: Rule[];
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
  /** Points the limits came from: all of the stage, or the baseline. */
  basis: number;
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

/** The NHS rules, and Western Electric's, in the order they are listed. */
export const RULES: Record<ControlState['rules'], Rule[]> = {
  nhs: ['beyond', 'shift', 'trend', 'twoOfThree'],
  we: ['beyond', 'twoOfThree', 'fourOfFive', 'shift'],
};

/** Splits point indices into stages at the first point on or after each stage day. */
function cutsOf(points: readonly RatePoint[], stages: readonly string[]): number[] {
  const cuts = stages
    .map((d) => points.findIndex((p) => p.start >= Date.parse(`${d}T00:00:00Z`)))
    .filter((i) => i > 0);
  return [0, ...[...new Set(cuts)].sort((a, b) => a - b), points.length];
}

/** Limits for `points` from a centre and σ_Z: centre ± 3·√(p̄(1 − p̄)/nᵢ)·σ_Z in [0, 1]. */
function limits(points: readonly RatePoint[], center: number, sz: number) {
  return points.map((p) => {
    const sigma = p.inspected > 0 ? Math.sqrt((center * (1 - center)) / p.inspected) * sz : NaN;
    return {
      center,
      sigma,
      ucl: Math.min(1, center + 3 * sigma),
      lcl: Math.max(0, center - 3 * sigma),
    };
  });
}

/**
 * The control chart of one series of pooled rates. Stages start at each day in `state.stages`
 * (the first period on or after it); each has its own centre and σ_Z, unless `state.baseline`
 * freezes the first stage's from its first N points. With `kind: 'auto'` the chart is p′ when
 * σ_Z is above the bound for this many points (see {@link dispersion}), else p. Rules are
 * checked within each stage, since its limits are its own.
 */
export function controlView(
  points: readonly RatePoint[],
  state: Pick<ControlState, 'kind' | 'rules' | 'baseline' | 'stages'> & { notes?: PointNote[] },
): ControlView {
  const cuts = cutsOf(points, state.stages);
  const spans = cuts.slice(0, -1).map((from, k) => points.slice(from, cuts[k + 1]));
  // The points each stage's limits come from.
  const basisOf = (k: number) =>
    k === 0 && state.baseline > 0 ? spans[0].slice(0, state.baseline) : spans[k];
  const laney = spans.map((_, k) => laneyPChart(basisOf(k)));
  // Over-dispersion of the whole series, each point against its stage's centre.
  const z = spans.flatMap((span, k) =>
    span.map((p) => {
      const c = laney[k].center;
      return (p.rate - c) / Math.sqrt((c * (1 - c)) / p.inspected);
    }),
  );
  const disp = dispersion(sigmaZ(z), points.length);
  const finite = z.filter(Number.isFinite);
  const spread =
    finite.length > 1
      ? Math.sqrt(finite.reduce((a, v) => a + v * v, 0) / (finite.length - 1))
      : NaN;
  const kind: ChartKind =
    state.kind === 'auto' ? (disp.over ? 'pprime' : 'p') : state.kind === 'pprime' ? 'pprime' : 'p';
  const notes = new Map((state.notes ?? []).map((n) => [n.period, n.text]));
  const rules = RULES[state.rules];
  const out: ControlPoint[] = [];
  const stages: ControlStage[] = [];
  spans.forEach((span, k) => {
    const sz = kind === 'pprime' && Number.isFinite(laney[k].sigmaZ) ? laney[k].sigmaZ : 1;
    const lim = limits(span, laney[k].center, sz);
    const values = span.map((p) => p.rate);
    const centers = lim.map((l) => l.center);
    const sigmas = lim.map((l) => l.sigma);
    const flags: Partial<Record<Rule, boolean[]>> =
      state.rules === 'we'
        ? westernElectricSignals(values, centers, sigmas)
        : spcSignals(values, centers, sigmas);
    const basis = basisOf(k).length;
    span.forEach((p, i) => {
      const broken = rules.filter((r) => flags[r]?.[i]);
      out.push({
        period: p.period,
        start: p.start,
        end: p.end,
        inspected: p.inspected,
        defective: p.defective,
        rate: p.rate,
        ...lim[i],
        rules: broken,
        icon: iconOf(broken, p.rate, lim[i].center, values, i),
        stage: k,
        baseline: k === 0 && state.baseline > 0 && i < basis,
        note: notes.get(p.period) ?? '',
      });
    });
    stages.push({
      from: span[0].period,
      to: span[span.length - 1].period,
      center: laney[k].center,
      sigmaZ: sz,
      basis,
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
  values: readonly number[],
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
  /** The series' points, for a sparkline. */
  points: RatePoint[];
}

/**
 * The summary of every series (keyed `factory\u0001product`), each charted as {@link controlView}
 * with automatic kind and NHS rules, one stage.
 */
export function controlSummary(series: readonly RateSeries[]): SummaryRow[] {
  return series.map((s) => {
    const [factory, product] = s.key.split('\u0001');
    const v = controlView(s.points, { kind: 'auto', rules: 'nhs', baseline: 0, stages: [] });
    const last = v.points[v.points.length - 1];
    const recent = new Set(v.points.slice(-RECENT).flatMap((p) => p.rules));
    return {
      factory,
      product,
      latest: last.rate,
      latestPeriod: last.period,
      kind: v.kind,
      icon: v.latest!,
      recent: RULES.nhs.filter((r) => recent.has(r)),
      points: s.points,
    };
  });
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

/** Lines of a CSV of the control chart: each period's counts, rate, limits, rules and note. */
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
        view.kind === 'pprime' ? "p'" : 'p',
        p.stage + 1,
        p.rules.join(' '),
        p.note,
      ]),
    );
  return lines;
}
