import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ControlLimits from '../../../../src/charts/marks/ControlLimits.svelte';
import VariationDots from '../../../../src/charts/marks/VariationDots.svelte';
import {
  baselineRuns,
  limitSteps,
  stageRuns,
  type LimitPoint,
} from '../../../../src/charts/marks/controlLimits';

// Six months, ten px each: two stages (a change after month 3), the first three a baseline;
// the fourth month has no lower limit (too few pieces for one).
const pt = (i: number, stage: number, lcl: number, baseline = false): LimitPoint => ({
  start: i,
  end: i + 1,
  center: stage ? 0.04 : 0.06,
  ucl: stage ? 0.07 : 0.09,
  lcl,
  stage,
  baseline,
});
const points = [
  pt(0, 0, 0.03, true),
  pt(1, 0, 0.03, true),
  pt(2, 0, 0.03, true),
  pt(3, 1, Number.NaN),
  pt(4, 1, 0.01),
  pt(5, 1, 0.01),
];
const x = (t: number) => t * 10;
const y = (v: number) => 100 - v * 1000;

describe('control limits', () => {
  it('steps each limit across its period and skips periods without one', () => {
    expect(limitSteps(points, (p) => p.lcl, x, y)).toBe(
      'M0,70H10M10,70H20M20,70H30M40,90H50M50,90H60',
    );
  });
  it('finds the stages with their centres, and the baseline runs', () => {
    expect(stageRuns(points)).toEqual([
      { from: 0, to: 2, center: 0.06 },
      { from: 3, to: 5, center: 0.04 },
    ]);
    expect(baselineRuns(points)).toEqual([[0, 2]]);
    expect(baselineRuns([...points, pt(6, 1, 0.01, true)])).toEqual([
      [0, 2],
      [6, 6],
    ]);
  });
  it('draws a centre per stage, a rule where the second begins, and names the last stage’s lines', () => {
    const { body } = render(ControlLimits, {
      props: {
        points,
        x,
        y,
        innerW: 60,
        innerH: 100,
        labels: { center: 'CL 4.0%', ucl: 'UCL 7.0%', lcl: 'LCL 1.0%' },
        baselineLabel: 'baseline',
      },
    });
    expect(body.match(/class="center[^"]*"/g)).toHaveLength(2);
    expect(body).toMatch(/class="stage[^"]*" x1="30" x2="30"/);
    expect(body).toMatch(/<rect[^>]*x="0"[^>]*width="30"/);
    expect(body).toContain('>baseline<');
    for (const name of ['CL 4.0%', 'UCL 7.0%', 'LCL 1.0%']) expect(body).toContain(`>${name}<`);
  });
});

describe('variation dots', () => {
  it('makes special-cause points bigger, titles every point and hangs notes above', () => {
    const { body } = render(VariationDots, {
      props: {
        points: [
          { period: '1956-01', x: 5, y: 40, icon: 'common', title: 'Jan: 6%', note: '' },
          {
            period: '1956-02',
            x: 15,
            y: 80,
            icon: 'improving',
            title: 'Feb: 2%',
            note: 'new loom',
          },
        ],
      },
    });
    expect(body).toMatch(/class="point common[^"]*"[^>]*r="3.5"/);
    expect(body).toMatch(/class="point improving[^"]*"[^>]*r="5"/);
    expect(body).toContain('<title>Feb: 2%</title>');
    expect(body).toMatch(/translate\(15,70\)[\s\S]*>new loom</);
  });
});
