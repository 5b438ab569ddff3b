import { scaleLinear, scaleUtc } from 'd3-scale';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Grid from '../../../../src/charts/core/Grid.svelte';
import {
  edgeAnchor,
  linearTicks,
  percentTick,
  rateTicks,
  timeTicks,
} from '../../../../src/charts/core/axes';
import { drawGrid } from '../../../../src/charts/core/grid';
import { recorder } from '../recorder';

const month = (y: number, m: number) => Date.UTC(y, m - 1, 1);

describe('time ticks', () => {
  it('ticks a three-year span about every 110 px, each labelled by its month', () => {
    const x = scaleUtc()
      .domain([month(1955, 1), month(1958, 1)])
      .range([0, 660]);
    const ticks = timeTicks(x, 660);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(8);
    expect(ticks[0]).toEqual({ at: 0, label: '1955-01', anchor: 'start' });
    for (const t of ticks) expect(t.label).toMatch(/^\d{4}-\d{2}$/);
  });

  it('ticks the first of each month over a span of a few weeks, never one month twice', () => {
    const x = scaleUtc()
      .domain([Date.UTC(1956, 2, 20), Date.UTC(1956, 4, 10)])
      .range([0, 800]);
    const labels = timeTicks(x, 800).map((t) => t.label);
    expect(labels).toEqual(['1956-04', '1956-05']);
  });

  it('never repeats a label nor crowds them, from one month to fifty years, at any width and text size', () => {
    const spans = [1, 2, 3, 5, 12, 18, 36, 120, 600];
    for (const months of spans)
      for (const length of [280, 660, 1100, 1800])
        for (const scale of [1, 1.68]) {
          const x = scaleUtc()
            .domain([month(1955, 1), Date.UTC(1955, months, 1)])
            .range([0, length]);
          const ticks = timeTicks(x, length, scale);
          const labels = ticks.map((t) => t.label);
          const where = `${months} months over ${length} px at ${scale}×`;
          expect(new Set(labels).size, where).toBe(labels.length);
          expect(ticks.length, where).toBeGreaterThanOrEqual(1);
          for (let i = 1; i < ticks.length; i++)
            expect(ticks[i].at - ticks[i - 1].at, where).toBeGreaterThanOrEqual(80 * scale - 1e-9);
        }
  });

  it('ticks one month once, three months each once, and long spans by the year', () => {
    const label = (from: number, to: number, length = 900) =>
      timeTicks(scaleUtc().domain([from, to]).range([0, length]), length).map((t) => t.label);
    expect(label(month(1956, 7), month(1956, 8))).toEqual(['1956-07', '1956-08']);
    expect(label(month(1956, 7), month(1956, 10))).toEqual([
      '1956-07',
      '1956-08',
      '1956-09',
      '1956-10',
    ]);
    expect(label(month(1950, 1), month(1960, 1), 600)).toEqual([
      '1950',
      '1952',
      '1954',
      '1956',
      '1958',
      '1960',
    ]);
    // A slide's larger text: a three-year axis of 1,100 px ticks every six months, from January.
    const slide = timeTicks(
      scaleUtc()
        .domain([month(1955, 1), month(1958, 1)])
        .range([0, 1100]),
      1100,
      1.68,
    );
    expect(slide.map((t) => t.label)).toEqual([
      '1955-01',
      '1955-07',
      '1956-01',
      '1956-07',
      '1957-01',
      '1957-07',
      '1958-01',
    ]);
  });

  it('hangs the end labels inwards', () => {
    expect(edgeAnchor(3, 500)).toBe('start');
    expect(edgeAnchor(250, 500)).toBe('middle');
    expect(edgeAnchor(490, 500)).toBe('end');
  });
});

describe('rate ticks', () => {
  it('gives short panels fewer ticks, and never more than six', () => {
    const y = scaleLinear().domain([0, 0.1]).range([100, 0]);
    expect(rateTicks(y, 100).length).toBeLessThanOrEqual(3);
    expect(rateTicks(y.copy().range([600, 0]), 600).length).toBeLessThanOrEqual(7);
  });

  it('words rates under 5% with a decimal, so ticks do not repeat', () => {
    const y = scaleLinear().domain([0, 0.02]).range([200, 0]);
    const labels = linearTicks(y, rateTicks(y, 200), percentTick(0.02)).map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toContain('1.0%');
    expect(percentTick(0.3)(0.1)).toBe('10%');
  });
});

describe('grid: the SVG and canvas twins draw the same lines', () => {
  it('puts a line across the plot at each tick', () => {
    const { html } = render(Grid, { props: { ys: [10, 50.5, 90], innerW: 300 } });
    const ys = [...html.matchAll(/<line[^>]*y1="([^"]+)"/g)].map((m) => Number(m[1]));
    expect(ys).toEqual([10, 50.5, 90]);
    const { ctx, drawn } = recorder();
    drawGrid(ctx, [10, 50.5, 90], 300, 1, 12, '#ddd');
    expect(drawn).toHaveLength(1);
    expect(drawn[0]).toMatchObject({ op: 'stroke', style: '#ddd', width: 1 });
    // On a pixel's centre: 10 px below a 12 px margin is 22.5 on the device grid.
    expect(drawn[0].d).toBe('M0,10.5L300,10.5M0,50.5L300,50.5M0,90.5L300,90.5');
  });

  it('stays one device pixel wide at 2×', () => {
    const { ctx, drawn } = recorder();
    drawGrid(ctx, [10], 300, 2, 12, '#ddd');
    expect(drawn[0].width).toBe(0.5);
    expect(drawn[0].d).toBe('M0,10.25L300,10.25');
  });
});
