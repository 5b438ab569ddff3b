// The SVG and canvas twins of the rate-series marks draw the same picture: the same paths from
// the same generators, the same dot radii, the same widths. The canvas twin draws into a
// recording context whose paths are d3-path's, so its path strings compare with the SVG's.
import { path as d3Path } from 'd3-path';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { RatePoint, RateSeries } from '../../../../src/lib/analysis/defectRate';
import { recorder } from '../recorder';
import RateSeriesMarks from '../../../../src/charts/marks/RateSeriesMarks.svelte';
import {
  RATE_STYLE,
  drawRateSeries,
  rateDotsFit,
  rateLineWidth,
  type RateMarks,
  type RateScales,
} from '../../../../src/charts/marks/rateSeries';

const DAY = 86_400_000;
const point = (i: number, rate: number, inspected: number): RatePoint => ({
  period: `1956-${String(i + 1).padStart(2, '0')}`,
  start: i * 30 * DAY,
  end: (i + 1) * 30 * DAY,
  inspected,
  defective: Math.round(rate * inspected),
  rate,
  lo: rate * 0.8,
  hi: rate * 1.2,
});
const series = (key: string, rates: number[]): RateSeries =>
  ({ key, points: rates.map((r, i) => point(i, r, 1000 * (i + 1))) }) as RateSeries;
// 10 px per 30-day period; 1000 px per unit of rate; radius grows with the pieces.
const scales: RateScales = {
  x: (t) => t / (3 * DAY),
  y: (v) => 300 - v * 1000,
  r: (n) => 1.5 + n / 2000,
};
const colors: Record<string, string> = { zhenya: '#0072b2', dongwu: '#d55e00' };

const marks = (patch: Partial<RateMarks> = {}): RateMarks => ({
  series: [series('zhenya', [0.1, 0.08, 0.06]), series('dongwu', [0.05, 0.05, 0.04])],
  color: (k) => colors[k],
  band: true,
  dots: true,
  ...patch,
});
const attr = (html: string, tag: string, name: string) =>
  [...html.matchAll(new RegExp(`<${tag}[^>]*?class="${name}[^"]*"[^>]*>`, 'g'))].map((m) => m[0]);
const value = (el: string, a: string) => el.match(new RegExp(` ${a}="([^"]*)"`))?.[1];

describe('rate-series marks: the SVG and canvas twins agree', () => {
  const m = marks();
  const { html } = render(RateSeriesMarks, { props: { scales, marks: m } });
  const { ctx, drawn } = recorder();
  drawRateSeries(ctx, scales, m);

  it('draw the same line and band paths, in the series’ colours', () => {
    const svgLines = attr(html, 'path', 'line').map((e) => value(e, 'd'));
    const svgBands = attr(html, 'path', 'band').map((e) => value(e, 'd'));
    const canvasLines = drawn.filter((d) => d.op === 'stroke' && d.style !== 'white');
    const canvasBands = drawn.filter((d) => d.op === 'fill' && d.alpha < 1);
    expect(svgLines).toHaveLength(2);
    expect(canvasLines.map((d) => d.d)).toEqual(svgLines);
    expect(canvasBands.map((d) => d.d)).toEqual(svgBands);
    expect(canvasLines.map((d) => d.style)).toEqual(['#0072b2', '#d55e00']);
    expect(canvasBands.every((d) => d.alpha === RATE_STYLE.bandOpacity)).toBe(true);
  });

  it('draw lines equally wide: 2 px in both', () => {
    expect(html).toContain('--w: 2px');
    expect(
      drawn.filter((d) => d.op === 'stroke' && d.style !== 'white').map((d) => d.width),
    ).toEqual([2, 2]);
  });

  it('draw round dots of the same radius at the same places, ringed in white', () => {
    const circles = attr(html, 'circle', 'point').map((e) =>
      ['cx', 'cy', 'r'].map((a) => Number(value(e, a))),
    );
    expect(circles).toHaveLength(6);
    // The canvas' dots of each series are one path of arcs: the same circles, drawn as arcs.
    const dotPaths = drawn.filter((d) => d.op === 'fill' && d.alpha === 1).map((d) => d.d);
    const expected = [0, 1].map((s) => {
      const p = d3Path();
      for (const [cx, cy, r] of circles.slice(s * 3, s * 3 + 3)) {
        p.moveTo(cx + r, cy);
        p.arc(cx, cy, r, 0, 2 * Math.PI);
      }
      return String(p);
    });
    expect(dotPaths).toEqual(expected);
    expect(circles[2][2]).toBeCloseTo(1.5 + 3000 / 2000);
    const rings = drawn.filter((d) => d.style === 'white');
    expect(rings.map((d) => d.width)).toEqual([RATE_STYLE.dotStroke, RATE_STYLE.dotStroke]);
  });

  it('thin their lines together when more than a dozen share the plot', () => {
    const many = marks({
      series: Array.from({ length: 13 }, (_, i) => series(`f${i}`, [0.1, 0.09])),
      color: () => '#333',
      band: false,
      dots: false,
    });
    const { html: thin } = render(RateSeriesMarks, { props: { scales, marks: many } });
    const rec = recorder();
    drawRateSeries(rec.ctx, scales, many);
    expect(rateLineWidth(13)).toBe(RATE_STYLE.thin);
    expect(thin).toContain(`--w: ${RATE_STYLE.thin}px`);
    expect(new Set(rec.drawn.map((d) => d.width))).toEqual(new Set([RATE_STYLE.thin]));
    expect(thin).not.toContain('<circle');
  });

  it('leave out dots that would not fit a period', () => {
    const s = [series('zhenya', [0.1, 0.08])];
    expect(rateDotsFit(s, scales, true)).toBe(true);
    expect(rateDotsFit(s, { ...scales, x: (t) => t / (30 * DAY) }, true)).toBe(false);
    expect(rateDotsFit(s, scales, false)).toBe(false);
  });
});
