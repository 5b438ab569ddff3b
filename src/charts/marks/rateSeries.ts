// Rate series as marks: a line through each period's midpoint, an optional 95% band, and a dot
// per period sized by the pieces inspected. One geometry and one style serve both renderers: the
// SVG twin (RateSeriesMarks.svelte) prints the d3 generators' paths, and the canvas twin
// (`drawRateSeries`) hands the same generators a 2D context, so the two cannot draw differently.

import { area, line } from 'd3-shape';
import type { RatePoint, RateSeries } from '../../lib/analysis/defectRate';

/** How rate series look, in CSS pixels, whichever renderer draws them. */
export const RATE_STYLE = {
  /** A line's width… */
  line: 2,
  /** …and its width when more than `thinAbove` lines share the plot, so they stay apart. */
  thin: 1,
  thinAbove: 12,
  /** The band's opacity over the line's colour. */
  bandOpacity: 0.14,
  /** The white ring that keeps touching dots apart. */
  dotStroke: 0.75,
  /** Dots are drawn only when a period is at least this wide: narrower, they merge into a bar. */
  dotMinGap: 6,
} as const;

/** The scales the marks are placed by: time (epoch ms) across, rate up, pieces to a radius. */
export interface RateScales {
  x: (time: number) => number;
  y: (rate: number) => number;
  r: (inspected: number) => number;
}

/** The time a period's mark stands at: its middle. */
export const midTime = (p: Pick<RatePoint, 'start' | 'end'>): number => (p.start + p.end) / 2;

/** A line's width for `count` lines on one plot. */
export const rateLineWidth = (count: number): number =>
  count > RATE_STYLE.thinAbove ? RATE_STYLE.thin : RATE_STYLE.line;

/** Whether dots are drawn: asked for, and the first period is wide enough to hold one. */
export function rateDotsFit(series: readonly RateSeries[], scales: RateScales, asked: boolean) {
  const first = series.find((s) => s.points.length)?.points[0];
  return asked && (!first || scales.x(first.end) - scales.x(first.start) >= RATE_STYLE.dotMinGap);
}

/** The line generator both renderers use. */
export const rateLine = (s: RateScales) =>
  line<RatePoint>()
    .x((p) => s.x(midTime(p)))
    .y((p) => s.y(p.rate));

/** The band generator both renderers use. */
export const rateBand = (s: RateScales) =>
  area<RatePoint>()
    .x((p) => s.x(midTime(p)))
    .y0((p) => s.y(p.lo))
    .y1((p) => s.y(p.hi));

/** What to draw: the series, their colours, and whether bands and dots are on. */
export interface RateMarks {
  series: readonly RateSeries[];
  color: (key: string) => string;
  band: boolean;
  /** Whether dots are drawn (see {@link rateDotsFit}). */
  dots: boolean;
}

/**
 * The canvas twin of RateSeriesMarks: draws the same marks on `ctx`, whose transform already
 * puts the plot's origin at (0, 0) in CSS pixels. Each series' dots are one path, so tens of
 * thousands of them cost a fill and a stroke per series.
 */
export function drawRateSeries(
  ctx: CanvasRenderingContext2D,
  scales: RateScales,
  marks: RateMarks,
) {
  const lineOf = rateLine(scales).context(ctx);
  const bandOf = rateBand(scales).context(ctx);
  const width = rateLineWidth(marks.series.length);
  for (const s of marks.series) {
    const c = marks.color(s.key);
    ctx.fillStyle = c;
    ctx.strokeStyle = c;
    if (marks.band) {
      ctx.globalAlpha = RATE_STYLE.bandOpacity;
      ctx.beginPath();
      bandOf(s.points as RatePoint[]);
      ctx.fill();
      ctx.globalAlpha = 1;
    }
    ctx.lineWidth = width;
    ctx.beginPath();
    lineOf(s.points as RatePoint[]);
    ctx.stroke();
    if (!marks.dots) continue;
    ctx.beginPath();
    for (const p of s.points) {
      const cx = scales.x(midTime(p));
      const cy = scales.y(p.rate);
      const r = scales.r(p.inspected);
      ctx.moveTo(cx + r, cy);
      ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    }
    ctx.fill();
    ctx.strokeStyle = 'white';
    ctx.lineWidth = RATE_STYLE.dotStroke;
    ctx.stroke();
  }
}

/**
 * The series' time span, their highest rate (or band top, with `band`; at least 1%), the most
 * pieces in one period and the number of points, in one pass: there can be tens of thousands
 * of points, too many to spread into Math.max.
 */
export function rateExtent(series: readonly RateSeries[], band: boolean) {
  let [t0, t1, top, most, count] = [Infinity, -Infinity, 0.01, 1, 0];
  for (const s of series)
    for (const p of s.points) {
      count++;
      if (p.start < t0) t0 = p.start;
      if (p.end > t1) t1 = p.end;
      const v = band ? p.hi : p.rate;
      if (v > top) top = v;
      if (p.inspected > most) most = p.inspected;
    }
  return count ? { t0, t1, top, most, count } : { t0: 0, t1: 1, top, most, count };
}
