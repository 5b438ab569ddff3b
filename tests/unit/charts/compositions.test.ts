// Each chart composed from the kit, rendered with svelte/server as a page would mount it: the
// labelled image, its axes, and its marks placed by its scales. (What the pointer and the keys
// do is driven in the e2e tests; what each mark draws is tested beside the marks.)
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ControlChart from '../../../src/charts/ControlChart.svelte';
import EventChart from '../../../src/charts/EventChart.svelte';
import FunnelChart from '../../../src/charts/FunnelChart.svelte';
import NetworkGraph from '../../../src/charts/NetworkGraph.svelte';
import ParetoChart from '../../../src/charts/ParetoChart.svelte';
import TrendChart from '../../../src/charts/TrendChart.svelte';
import type { RatePoint, RateSeries } from '../../../src/lib/analysis/defectRate';

const DAY = 86_400_000;
const month = (i: number) => Date.UTC(1956, i, 1);
const point = (i: number, rate: number): RatePoint => ({
  period: `1956-${String(i + 1).padStart(2, '0')}`,
  start: month(i),
  end: month(i + 1) - DAY,
  inspected: 1000,
  defective: Math.round(rate * 1000),
  rate,
  lo: rate - 0.01,
  hi: rate + 0.01,
});
const series = (key: string, rates: number[]): RateSeries => ({
  key,
  points: rates.map((r, i) => point(i, r)),
  inspected: 1000 * rates.length,
  defective: 0,
});
const count = (html: string, re: RegExp) => html.match(re)?.length ?? 0;
/** Every element carrying class `name` (Svelte adds its own scoping class beside it). */
const cls = (name: string) => new RegExp(`class="(?:[^"]* )?${name}(?: [^"]*)?"`, 'g');

describe('the trend chart', () => {
  const props = {
    series: [series('zhenya', [0.06, 0.05, 0.04]), series('dongwu', [0.03, 0.03, 0.02])],
    label: (k: string) => k,
    color: (k: string) => (k === 'zhenya' ? '#009e73' : '#0072b2'),
    band: true,
    summary: 'Defect rate of 2 factories, 1956-01 to 1956-03',
  };
  it('is a labelled image with a line, a band and a dot per period of each series, in SVG', () => {
    const { body } = render(TrendChart, { props });
    expect(body).toContain('aria-label="Defect rate of 2 factories, 1956-01 to 1956-03"');
    expect(count(body, cls('line'))).toBe(2);
    expect(count(body, cls('band'))).toBe(2);
    expect(count(body, cls('point'))).toBe(6);
    expect(body).not.toContain('<canvas');
    // The band tops out at 7%, so the axis ticks whole percents up to it.
    expect(body).toContain('>2%</text>');
    expect(body).toContain('>7%</text>');
  });
  it('labels adoptions above the plot, and draws on a canvas beyond a thousand points', () => {
    const marked = render(TrendChart, {
      props: {
        ...props,
        markers: [
          {
            time: month(1),
            label: 'Warp tension',
            title: 'Zhenya adopted Warp tension',
            color: '#009e73',
          },
        ],
      },
    }).body;
    expect(marked).toContain('>Warp tension</text>');
    const many = Array.from({ length: 40 }, (_, f) =>
      series(
        `f${f}`,
        Array.from({ length: 30 }, (_, i) => 0.02 + ((f + i) % 5) / 100),
      ),
    );
    const dense = render(TrendChart, { props: { ...props, series: many } }).body;
    expect(dense).toContain('<canvas');
    expect(count(dense, cls('point'))).toBe(0);
  });
});

describe('the control chart', () => {
  it('draws limits, centre and a dot per period, coloured by its variation', () => {
    const points = [0.05, 0.05, 0.09, 0.05].map((rate, i) => ({
      period: `1956-0${i + 1}`,
      start: month(i),
      end: month(i + 1),
      rate,
      center: 0.05,
      ucl: 0.08,
      lcl: 0.02,
      stage: 0,
      icon: (rate > 0.08 ? 'concerning' : 'common') as 'concerning' | 'common',
      title: `1956-0${i + 1}: ${rate * 100}%`,
      note: '',
    }));
    const { body } = render(ControlChart, {
      props: {
        points,
        labels: { center: 'CL 5.0%', ucl: 'UCL 8.0%', lcl: 'LCL 2.0%' },
        summary: 'p-chart',
      },
    });
    expect(body).toContain('aria-label="p-chart"');
    expect(count(body, cls('common'))).toBe(3);
    expect(count(body, cls('concerning'))).toBe(1);
    expect(body).toContain('>UCL 8.0%</text>');
    expect(count(body, cls('limit'))).toBe(2);
  });
});

describe('the event-time chart', () => {
  it('breaks a line where a value is missing and ticks each event time', () => {
    const { body } = render(EventChart, {
      props: {
        es: [-2, -1, 0, 1, 2],
        lines: [
          { key: 'a', label: 'adopters', color: '#d55e00', values: [5, 5, null, 4, 3], dots: true },
          {
            key: 'e',
            label: 'expected',
            color: '#d55e00',
            values: [null, 5, 5, 5, 5],
            dashed: true,
          },
        ],
        format: (v: number) => `${v}%`,
        yTitle: 'Defect rate (%)',
        xTitle: 'months from adoption',
        summary: 'aligned',
      },
    });
    const d = body.match(/<path[^>]*class="line[^"]*"[^>]*d="([^"]+)"/)?.[1] ?? '';
    expect(count(d, /M/g)).toBe(2);
    expect(count(body, cls('dashed'))).toBe(1);
    expect(count(body, /<circle/g)).toBe(4);
    for (const e of ['-2', '-1', '0', '1', '2']) expect(body).toContain(`>${e}</text>`);
    expect(body).toContain('>months from adoption</text>');
  });
});

describe('the funnel and Pareto charts', () => {
  it('name the factories outside the 99.8% limits, and only those', () => {
    const { body } = render(FunnelChart, {
      props: {
        points: [
          {
            key: 'a',
            label: 'Zhenya',
            inspected: 5000,
            rate: 0.09,
            outside: '998' as const,
            title: 'Zhenya',
          },
          {
            key: 'b',
            label: 'Dongwu',
            inspected: 3000,
            rate: 0.05,
            outside: null,
            title: 'Dongwu',
          },
        ],
        curve: [1000, 5000].map((n) => ({ n, lo95: 0.03, hi95: 0.07, lo998: 0.02, hi998: 0.08 })),
        center: 0.05,
        xTitle: 'pieces inspected',
        yTitle: 'defect rate',
        summary: 'funnel',
      },
    });
    expect(body).toContain('>Zhenya</text>');
    expect(body).not.toContain('>Dongwu</text>');
    expect(body).toContain('>5,000</text>');
  });
  it('orders bars as given and puts the cumulative share on a right-hand axis', () => {
    const bars = [
      { label: '断经', count: 60, share: 0.6, cumulative: 0.6 },
      { label: '跳花', count: 40, share: 0.4, cumulative: 1 },
    ];
    const { body } = render(ParetoChart, { props: { bars, summary: 'pareto' } });
    expect(count(body, cls('bar'))).toBe(2);
    expect(body.indexOf('>断经<')).toBeLessThan(body.indexOf('>跳花<'));
    expect(body).toContain('>100%</text>');
  });
  it('keeps ten short Chinese labels level on an 800 px chart, and turns long ones', () => {
    const names = '断头 棉结 断经 粗细节 油污 跳花 纬档 色差 尺寸超差 折痕'.split(' ');
    const bars = names.map((label, i) => ({
      label,
      count: 10 - i,
      share: 0.1,
      cumulative: (i + 1) / 10,
    }));
    const level = render(ParetoChart, { props: { bars, summary: 'pareto' } }).body;
    expect(level).not.toContain('rotate(');
    const long = bars.map((b) => ({ ...b, label: `${b.label} in the warp direction` }));
    expect(render(ParetoChart, { props: { bars: long, summary: 'pareto' } }).body).toContain(
      'rotate(-',
    );
  });
});

describe('the network chart', () => {
  const nodes = ['zhenya', 'dongwu'].map((id) => ({
    id,
    label: id === 'zhenya' ? 'Zhenya Silk Factory' : 'Dongwu Silk Factory',
    r: 10,
    color: '#cc79a7',
    adopted: id === 'zhenya',
    visible: true,
  }));
  const edges = [
    {
      s: 0,
      t: 1,
      width: 2,
      color: '#e69f00',
      dash: '9 4',
      visible: true,
      title: 'Zhenya taught Dongwu',
    },
  ];
  const props = {
    nodes,
    edges,
    selected: '',
    summary: 'Network of 2 factories',
    onselect: () => {},
    onpin: () => {},
  };
  it('draws an arc with an arrowhead and a focusable, labelled node per factory', () => {
    const { body } = render(NetworkGraph, {
      props: { ...props, xy: new Float64Array([0, 0, 120, 40]) },
    });
    expect(count(body, cls('edge'))).toBe(1);
    expect(body).toMatch(/marker-end="url\(#arrow-e69f00\)"/);
    expect(body).toMatch(/stroke-dasharray="9 4"/);
    expect(count(body, cls('node'))).toBe(2);
    expect(body).toContain('>Zhenya Silk Factory</text>');
    expect(body).toContain('<title>Zhenya taught Dongwu</title>');
  });
  it('says it is laying out until positions arrive', () => {
    const { body } = render(NetworkGraph, { props: { ...props, xy: null } });
    expect(count(body, cls('node'))).toBe(0);
    expect(body).toContain('Laying out');
  });
});
