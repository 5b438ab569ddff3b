// The Trends page's view model: the series it draws and their colours, the adoption markers, the
// summaries a screen reader (and a slide title) reads, the Pareto of defect types for the same
// selection, and the link that opens the control chart. Pure functions over rollups and records;
// text is worded through the `tr` they are given, so they are tested in either language.

import { isoMonth } from '../calendar';
import { adoptionsOf } from '../analysis/adoptions';
import type { RatePoint, RateSeries } from '../analysis/defectRate';
import { wilsonInterval } from '../analysis/stats';
import { defectiveTotal, defectsByType, pareto, type CellFilter } from '../analysis/pareto';
import type { ParetoBar } from '../analysis/pareto';
import type { DefectRollupChunk, RollupChunk } from '../db/database';
import { formatDay, formatInt, formatPct } from '../format';
import type { Translate } from '../i18n/translate';
import type { ExchangeRecord } from '../schema/types';
import { DEFAULT_CONTROL, type ControlState } from '../state/controlQuery';
import type { Callout, TrendsState } from '../state/trendsQuery';
import { CONTEXT, PALETTE, seriesColor } from '../../charts/palette';

/** Bands of many lines overlap into a wash that hides the lines: above this many, lines only. */
export const BAND_MAX_SERIES = 12;
/** Small multiples draw dots on a panel of at most this many points; beyond, the line alone. */
export const PANEL_DOTS_MAX = 60;

/** The list with `value` taken out when it is in, put in when it is not. */
export const toggled = (list: readonly string[], value: string): string[] =>
  list.includes(value) ? list.filter((v) => v !== value) : [...list, value];

/** The products the data has, from the rollups' dictionaries (no row scan), sorted. */
export const productsOf = (rollups: readonly RollupChunk[]): string[] =>
  [...new Set(rollups.flatMap((c) => c.product.dict.filter(Boolean)))].sort();

/**
 * The series a crowded view picks out in colour: the ones the view names (`highlight`), else
 * the story's, the first factories to exchange experience (the origin of the first exchange
 * and those it taught first), at most three, in the order they entered the story.
 */
export function storySeries(
  view: TrendsState,
  exchanges: readonly ExchangeRecord[],
  series: readonly RateSeries[],
  most = 3,
): string[] {
  const keys = new Set(series.map((s) => s.key));
  if (view.highlight.length) return view.highlight.filter((k) => keys.has(k));
  if (view.by !== 'factory') return series.slice(0, most).map((s) => s.key);
  const first: string[] = [];
  for (const e of [...exchanges].sort((a, b) => a.date.localeCompare(b.date)))
    for (const id of [e.source_factory, e.target_factory])
      if (keys.has(id) && !first.includes(id) && first.length < most) first.push(id);
  return first;
}

/** A callout as the chart draws it: where it points (a rate at a time, or a date), its text and colour. */
export interface CalloutMark {
  time: number;
  rate: number | null;
  text: string;
  color: string;
}

/**
 * The view's callouts as the chart draws them: a series' callout points at its period's rate
 * (the period holding the month, at any interval), a date's at the month's first day; one on
 * a series not shown, or a month outside the data, is not drawn.
 */
export function calloutMarks(
  callouts: readonly Callout[],
  visible: readonly RateSeries[],
  color: (key: string) => string,
): CalloutMark[] {
  return callouts.flatMap((c): CalloutMark[] => {
    const time = Date.parse(`${c.at}-01T00:00:00Z`);
    if (!c.on) return [{ time, rate: null, text: c.text, color: 'var(--ink-2)' }];
    const s = visible.find((v) => v.key === c.on);
    const p = s?.points.find((q) => q.start <= time && time < q.end);
    return s && p
      ? [{ time: (p.start + p.end) / 2, rate: p.rate, text: c.text, color: color(s.key) }]
      : [];
  });
}

/**
 * How a view's series are painted: with no more series than colours, each its own colour by
 * its place among all series (so hiding one never repaints the others); past the palette, the
 * story's series in colour, the one `lit` by the pointer after them, and the rest grey context.
 * `picked` are the coloured ones of a crowded view.
 */
export function seriesPaint(
  keys: readonly string[],
  story: readonly string[],
  lit: string | null,
): { crowded: boolean; picked: string[]; colors: Map<string, string> } {
  if (keys.length <= PALETTE.length)
    return { crowded: false, picked: [], colors: new Map(keys.map((k, i) => [k, seriesColor(i)])) };
  const picked = lit && !story.includes(lit) ? [...story, lit] : [...story];
  return {
    crowded: true,
    picked,
    colors: new Map(
      keys.map((k) => [k, picked.includes(k) ? seriesColor(picked.indexOf(k)) : CONTEXT]),
    ),
  };
}

/** The series in drawing order: grey context first, so the coloured ones are drawn over it. */
export const drawOrder = (series: readonly RateSeries[], picked: readonly string[]): RateSeries[] =>
  [...series].sort((a, b) => Number(picked.includes(a.key)) - Number(picked.includes(b.key)));

/** The note over a crowded chart: which series are in colour, and why. */
export function highlightNote(
  view: TrendsState,
  story: readonly string[],
  total: number,
  label: (key: string) => string,
  tr: Translate,
): string {
  const chosen = view.highlight.length > 0 || view.by !== 'factory';
  return tr(chosen ? 'trends.highlightChosen' : 'trends.highlightStory', {
    names: story.map(label).join(tr('common.listSep')),
    n: total - story.length,
  });
}

/** Whether the 95% bands are drawn: asked for, and in panels or over few enough lines. */
export const bandsDrawn = (view: TrendsState, visible: number): boolean =>
  view.band && (view.multiples || visible <= BAND_MAX_SERIES);

/** A brushed span (epoch ms, end exclusive) as the months it covers. */
export function brushedMonths(start: number, end: number): { from: string; to: string } {
  return { from: isoMonth(start), to: isoMonth(end - 1) };
}

/** The top of the y scale small multiples share, so panels compare at a glance. */
export const sharedTop = (visible: readonly RateSeries[], band: boolean): number =>
  visible.reduce(
    (top, s) => s.points.reduce((t, p) => Math.max(t, band ? p.hi : p.rate), top),
    0.01,
  );

export interface Marker {
  factory: string;
  time: number;
  label: string;
  title: string;
  color: string;
}

/**
 * Where each shown factory first adopted each experience: the link between exchanges and defect
 * rates. Only when the series are factories; a product line has no adoption date.
 */
export function adoptionMarkers(
  view: TrendsState,
  exchanges: readonly ExchangeRecord[],
  visible: readonly RateSeries[],
  label: (key: string) => string,
  color: (key: string) => string,
  tr: Translate,
  experience: (e: string) => string = (e) => e,
): Marker[] {
  if (view.by !== 'factory') return [];
  return adoptionsOf(
    exchanges,
    visible.map((s) => s.key),
  ).map((a) => ({
    factory: a.factory_id,
    time: a.time,
    label: experience(a.experience),
    title: tr('trends.markerTitle', {
      name: label(a.factory_id),
      experience: experience(a.experience),
      source: label(a.source),
      date: formatDay(a.date),
    }),
    color: color(a.factory_id),
  }));
}

/** The periods a summary pools at each end of a series: up to six, and never more than half. */
export const POOLED_PERIODS = 6;

/** A span of periods pooled: Σdefective / Σinspected, its 95% Wilson interval, and its first and last period. */
export interface PooledSpan {
  rate: number;
  lo: number;
  hi: number;
  first: string;
  last: string;
}

/** The pooled rates of a series' first and last `n` periods (at most half of them each), or null under two periods. */
export function pooledEnds(
  points: readonly RatePoint[],
  n = POOLED_PERIODS,
): { start: PooledSpan; end: PooledSpan } | null {
  const k = Math.min(n, Math.floor(points.length / 2));
  if (k < 1) return null;
  const pool = (ps: readonly RatePoint[]): PooledSpan => {
    const defective = ps.reduce((s, p) => s + p.defective, 0);
    const inspected = ps.reduce((s, p) => s + p.inspected, 0);
    const [lo, hi] = wilsonInterval(defective, inspected);
    return {
      rate: defective / inspected,
      lo,
      hi,
      first: ps[0].period,
      last: ps[ps.length - 1].period,
    };
  };
  return { start: pool(points.slice(0, k)), end: pool(points.slice(-k)) };
}

/**
 * ", from 11.9% (95% CI 11.4–12.4%) in 1955-01–1955-06 to 4.1% (3.8–4.4%) in 1957-07–1957-12":
 * two pooled spans with their intervals, never two single months; '' under two periods.
 */
export function pooledFromTo(points: readonly RatePoint[], tr: Translate): string {
  const ends = pooledEnds(points);
  if (!ends) return '';
  const span = (p: PooledSpan) => (p.first === p.last ? p.first : `${p.first}–${p.last}`);
  const pct = (v: number) => formatPct(v);
  return tr('trends.summaryFromTo', {
    from: pct(ends.start.rate),
    fromLo: pct(ends.start.lo),
    fromHi: pct(ends.start.hi),
    fromSpan: span(ends.start),
    to: pct(ends.end.rate),
    toLo: pct(ends.end.lo),
    toHi: pct(ends.end.hi),
    toSpan: span(ends.end),
  });
}

/** One small multiple's summary: its name, first and last period, and its pooled ends. */
export function panelSummary(s: RateSeries, label: (key: string) => string, tr: Translate): string {
  return tr('trends.panelSummary', {
    name: label(s.key),
    first: s.points[0].period,
    last: s.points[s.points.length - 1].period,
    fromTo: pooledFromTo(s.points, tr),
  });
}

/**
 * The chart's summary (`full`), and its first part without "from … to …" (`base`), which is a
 * slide's title. With one series the full summary compares its pooled first and last spans.
 */
export function trendSummary(
  view: TrendsState,
  visible: readonly RateSeries[],
  label: (key: string) => string,
  tr: Translate,
  product: (p: string) => string = (p) => p,
): { base: string; full: string } {
  if (!visible.length) return { base: tr('trends.noData'), full: tr('trends.noData') };
  const sep = tr('common.listSep');
  const names = visible.slice(0, 3).map((s) => label(s.key));
  const more = visible.length > 3 ? tr('trends.more', { n: visible.length - 3 }) : '';
  const pts = visible.flatMap((s) => s.points);
  const first = pts.reduce((a, b) => (b.start < a.start ? b : a)).period;
  const last = pts.reduce((a, b) => (b.start > a.start ? b : a)).period;
  const scope =
    view.products.length && view.by === 'factory'
      ? `${tr('common.comma')}${view.products.map(product).join(sep)}`
      : '';
  const base = tr('trends.summary', { names: names.join(sep), more, scope, first, last });
  if (visible.length !== 1) return { base, full: base };
  return { base, full: base + pooledFromTo(visible[0].points, tr) };
}

/** What the view covers, in words: its factories, products and months. */
export function scopeText(
  view: TrendsState,
  factoryLabel: (id: string) => string,
  tr: Translate,
  product: (p: string) => string = (p) => p,
): string {
  const sep = tr('common.listSep');
  return [
    view.factories.length ? view.factories.map(factoryLabel).join(sep) : tr('trends.allFactories'),
    view.products.length ? view.products.map(product).join(sep) : tr('trends.allProducts'),
    view.from || view.to ? `${view.from || tr('common.start')}–${view.to || tr('common.end')}` : '',
  ]
    .filter(Boolean)
    .join(tr('common.comma'));
}

/** The trend chart's title on exports and in print. */
export const trendTitle = (view: TrendsState, scope: string, tr: Translate): string =>
  tr('trends.chartTitle', {
    by: tr(`by.${view.by}`),
    unit: tr(`interval.${view.interval}`),
    scope,
  });

/**
 * The control chart this view opens: its first shown factory (or the first chosen, or the first
 * of all) and its first product, at its interval.
 */
export function controlLink(
  view: TrendsState,
  visible: readonly RateSeries[],
  firstFactory: string,
): ControlState {
  return {
    ...DEFAULT_CONTROL,
    factory: (view.by === 'factory' ? visible[0]?.key : view.factories[0]) || firstFactory || '',
    product: view.products[0] ?? '',
    interval: view.interval,
  };
}

/**
 * The cells the Pareto counts: the view's own filters, unless the legend hides some series, then
 * the ones still shown. So "all factories by factory" and "all factories by product" are one
 * filter, and the interval plays no part. A string, so that equal filters compare equal.
 */
export function paretoFilterKey(view: TrendsState, visible: readonly RateSeries[]): string {
  const hiding = view.hidden.length > 0;
  const shown = visible.map((s) => s.key);
  const filter: CellFilter = {
    factories: view.by === 'factory' && hiding ? shown : view.factories,
    products: view.by === 'product' && hiding ? shown : view.products,
    from: view.from || undefined,
    to: view.to || undefined,
  };
  return JSON.stringify(filter);
}

/**
 * The Pareto bars of a filter: defective pieces by defect type, with the pieces of lots that
 * name no type as a bar of their own (`noType`), last, so shares are of all defective pieces.
 * No bars when no lot names a type: then the data has no defect types to rank.
 */
export function paretoBars(
  defectRollups: readonly DefectRollupChunk[],
  rollups: readonly RollupChunk[],
  filterKey: string,
  noType: string,
  defectType: (d: string) => string = (d) => d,
): ParetoBar[] {
  const filter: CellFilter = JSON.parse(filterKey);
  const typed = defectsByType(defectRollups, filter).map((x) => ({
    ...x,
    label: defectType(x.label),
  }));
  if (!typed.length) return [];
  const typedSum = typed.reduce((s, x) => s + x.count, 0);
  const untyped = Math.max(0, defectiveTotal(rollups, filter) - typedSum);
  return pareto([...typed, { label: noType, count: untyped }], { last: noType });
}

/**
 * The Pareto's summary: the three largest bars, how many types make 80% of the typed pieces (or
 * what share all of them make, when they don't reach 80%), and the untyped bar's share.
 */
export function paretoSummary(bars: readonly ParetoBar[], noType: string, tr: Translate): string {
  const typedBars = bars.filter((b) => b.label !== noType);
  const top = bars
    .slice(0, 3)
    .map((b) => `${b.label} ${formatPct(b.share)}`)
    .join(', ');
  const k = typedBars.findIndex((b) => b.cumulative >= 0.8) + 1;
  const untyped = bars.find((b) => b.label === noType);
  const head = top + (bars.length > 3 ? ', …' : '');
  const main = k
    ? tr('trends.paretoSummary', { top: head, k, n: typedBars.length })
    : tr('trends.paretoShort', {
        top: head,
        n: typedBars.length,
        share: formatPct(typedBars.at(-1)?.cumulative ?? 0),
      });
  const rest = untyped
    ? tr('trends.paretoUntyped', {
        count: formatInt(untyped.count),
        share: formatPct(untyped.share),
      })
    : '';
  return main + rest;
}

/** The caption under the trend chart: what a point is, whether bands are drawn, and the markers. */
export function trendCaption(
  view: TrendsState,
  bands: boolean,
  markers: boolean,
  tr: Translate,
): string {
  const band = bands
    ? tr('trends.captionBand')
    : view.band
      ? tr('trends.captionNoBand', { max: BAND_MAX_SERIES })
      : '';
  return (
    tr('trends.caption', { unit: tr(`interval.${view.interval}`) }) +
    band +
    tr('trends.captionSize') +
    (markers ? tr('trends.captionMarkers') : '')
  );
}
