import { en, zh } from '../words';
import { describe, expect, it } from 'vitest';
import type { PeriodCube, RatePoint } from '../../../src/lib/analysis/defectRate';
import { pChart } from '../../../src/lib/analysis/stats';
import { seeded } from '../../../src/lib/random';
import {
  chartWords,
  controlCsv,
  controlSummary,
  controlView,
  defectPoints,
  funnelView,
  sortSummary,
} from '../../../src/lib/views/control';

/** Monthly points from 1955-01 with `n` pieces and these rates. */
function series(rates: number[], n: number | ((i: number) => number) = 1000): RatePoint[] {
  return rates.map((r, i) => {
    const size = typeof n === 'number' ? n : n(i);
    const defective = Math.round(r * size);
    return {
      period: `${1955 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      start: Date.UTC(1955, i, 1),
      end: Date.UTC(1955, i + 1, 1),
      inspected: size,
      defective,
      rate: defective / size,
      lo: 0,
      hi: 1,
    };
  });
}
/** The period cube of these series: their periods' union, zeros where a series has none. */
function cubeOf(entries: [string, RatePoint[]][]): PeriodCube {
  const byPeriod = new Map<string, RatePoint>();
  for (const [, pts] of entries) for (const p of pts) byPeriod.set(p.period, p);
  const periods = [...byPeriod.keys()].sort();
  const w = periods.length;
  const cube = {
    keys: entries.map(([k]) => k),
    periods,
    start: Float64Array.from(periods, (b) => byPeriod.get(b)!.start),
    end: Float64Array.from(periods, (b) => byPeriod.get(b)!.end),
    inspected: new Float64Array(entries.length * w),
    defective: new Float64Array(entries.length * w),
    leftOut: { quarter: 0, year: 0 },
  };
  entries.forEach(([, pts], k) =>
    pts.forEach((p) => {
      const b = periods.indexOf(p.period);
      cube.inspected[k * w + b] = p.inspected;
      cube.defective[k * w + b] = p.defective;
    }),
  );
  return cube;
}
const normal = (seed: number) => {
  const r = seeded(seed);
  return () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
};
const AUTO = { kind: 'auto' as const, rules: 'nhs' as const, baseline: 0, stages: [] as string[] };

describe('controlView: the chart that fits the data', () => {
  it('is p′ for 50,000 pieces a month with 10% variation between months, and flags ~none', () => {
    const z = normal(4);
    const pts = series(
      Array.from({ length: 24 }, () => 0.08 * (1 + 0.1 * z())),
      50_000,
    );
    const binomial = pChart(pts).points.filter((p) => p.outOfControl).length;
    expect(binomial).toBeGreaterThan(8);
    const v = controlView(pts, AUTO);
    expect(v).toMatchObject({ kind: 'pprime', auto: true });
    expect(v.dispersion.ratio).toBeGreaterThan(2);
    expect(v.dispersion.over).toBe(true);
    expect(v.points.filter((p) => p.rules.includes('beyond')).length).toBeLessThanOrEqual(1);
    // The stated kind wins over the data.
    expect(controlView(pts, { ...AUTO, kind: 'p' }).kind).toBe('p');
  });

  it('is p when the points vary as a binomial does', () => {
    const r = seeded(9);
    const pts = series(
      Array.from({ length: 36 }, () => 0),
      400,
    ).map((p) => {
      // Binomial counts: 400 pieces, each defective with probability 0.1.
      let d = 0;
      for (let k = 0; k < 400; k++) if (r() < 0.1) d++;
      return { ...p, defective: d, rate: d / 400 };
    });
    const v = controlView(pts, AUTO);
    expect(v.kind).toBe('p');
    expect(v.dispersion.over).toBe(false);
    expect(v.stages[0].sigmaZ).toBe(1);
  });
});

describe('controlView: u and u′ charts of one defect type per 1,000 pieces', () => {
  it("matches qcc's PC-manufacturing u chart when a unit is 1,000 pieces", () => {
    // 5 computers a sample, read as 5,000 pieces: ū = 1.93 per 1,000, limits 0.07 and 3.79.
    const defects = [10, 12, 8, 14, 10, 16, 11, 7, 10, 15, 9, 5, 7, 11, 12, 6, 8, 10, 7, 5];
    const pts = series(
      defects.map(() => 0),
      5000,
    ).map((p, i) => ({ ...p, defective: defects[i] }));
    const v = controlView(pts, { ...AUTO, kind: 'p' }, 'poisson');
    expect(v.kind).toBe('u');
    expect(v.points[0].center).toBeCloseTo(1.93, 10);
    expect(v.points[0].ucl).toBeCloseTo(3.79, 2);
    expect(v.points[0].lcl).toBeCloseTo(0.07, 2);
    expect(v.points[0].rate).toBeCloseTo(2, 12);
  });

  it('sums a defect type over the months of each period', () => {
    const pts = series([0.1, 0.1, 0.1, 0.1], 1000);
    const q = [
      { ...pts[0], period: '1955-Q1', defective: 300 },
      { ...pts[3], period: '1955-Q2', defective: 100 },
    ];
    const counts = new Map([
      ['1955-01', 4],
      ['1955-03', 6],
      ['1955-04', 1],
    ]);
    expect(defectPoints(q, counts, 'quarter').map((p) => p.defective)).toEqual([10, 1]);
  });

  it('is u′ for over-dispersed defects, with limits that do not stop at 1', () => {
    const z = normal(6);
    const pts = series(
      Array.from({ length: 24 }, () => 0),
      200_000,
    ).map((p) => ({
      ...p,
      defective: Math.round(200 * 5 * (1 + 0.2 * z())),
    }));
    const v = controlView(pts, AUTO, 'poisson');
    expect(v.kind).toBe('uprime');
    expect(v.points[0].center).toBeGreaterThan(4);
    expect(v.points[0].ucl).toBeGreaterThan(v.points[0].center);
    expect(controlCsv(v)[1]).toContain(",u' per 1000,");
  });
});

describe('controlView: rules, stages and baselines', () => {
  // 12 months around 12%, then 12 months around 6% after an improvement.
  const z = normal(2);
  const rates = [
    ...Array.from({ length: 12 }, () => 0.12 + 0.004 * z()),
    ...Array.from({ length: 12 }, () => 0.06 + 0.004 * z()),
  ];
  const pts = series(rates, 2000);

  it('names a sustained fall below the centre as a shift, with the improving icon', () => {
    const v = controlView(pts, { ...AUTO, kind: 'p' });
    const late = v.points.slice(12);
    expect(late.every((p) => p.rules.includes('shift'))).toBe(true);
    expect(late.every((p) => p.icon === 'improving')).toBe(true);
    expect(v.points.slice(0, 12).every((p) => p.icon !== 'improving')).toBe(true);
    expect(v.latest).toBe('improving');
    // Neighbours differ as a binomial says, the whole series far more: a shift, not noise.
    expect(v.dispersion.over).toBe(false);
    expect(v.spread).toBeGreaterThan(3 * v.dispersion.ratio);
    expect(v.shiftLikely).toBe(true);
    expect(controlView(pts, { ...AUTO, stages: ['1956-01-01'] }).shiftLikely).toBe(false);
    expect(v.signals.length).toBeGreaterThanOrEqual(12);
  });

  it('recalculates at a stage date: the centre falls from about 12% to 6%, and the shift is gone', () => {
    const v = controlView(pts, { ...AUTO, kind: 'p', stages: ['1956-01-01'] });
    expect(v.stages.map((s) => [s.from, s.to, s.points])).toEqual([
      ['1955-01', '1955-12', 12],
      ['1956-01', '1956-12', 12],
    ]);
    expect(v.stages[0].center).toBeCloseTo(0.12, 2);
    expect(v.stages[1].center).toBeCloseTo(0.06, 2);
    expect(v.points.some((p) => p.rules.includes('shift'))).toBe(false);
    expect(v.points[12]).toMatchObject({ stage: 1, center: v.stages[1].center });
    // 12 points each: enough for limits the chart trusts; 11 would not be.
    expect(v.stages.every((s) => !s.unreliable)).toBe(true);
    expect(controlView(pts, { ...AUTO, stages: ['1955-12-01'] }).stages[0].unreliable).toBe(true);
  });

  it('freezes the limits from a baseline and judges later points against it', () => {
    const v = controlView(pts, { ...AUTO, kind: 'p', baseline: 12 });
    expect(v.stages[0]).toMatchObject({
      basis: 12,
      points: 24,
      frozenFrom: '1955-01',
      frozenTo: '1955-12',
    });
    expect(v.stages[0].center).toBeCloseTo(0.12, 2);
    expect(v.points.filter((p) => p.baseline)).toHaveLength(12);
    // Every later month is far below the frozen centre: beyond 3σ and improving.
    expect(v.points.slice(12).every((p) => p.rules[0] === 'beyond')).toBe(true);
  });

  it('freezes the limits from a span the user picks, and judges the points before it too', () => {
    // The six months 1955-04..09 as the baseline: its centre is the early level.
    const v = controlView(pts, { ...AUTO, kind: 'p', bfrom: '1955-04', bto: '1955-09' });
    const frozen = v.points.filter((p) => p.baseline).map((p) => p.period);
    expect(frozen).toEqual(['1955-04', '1955-05', '1955-06', '1955-07', '1955-08', '1955-09']);
    const mean = pts.slice(3, 9).reduce((a, p) => a + p.defective, 0) / (6 * 2000);
    expect(v.stages[0]).toMatchObject({ basis: 6, frozenFrom: '1955-04', frozenTo: '1955-09' });
    expect(v.stages[0].center).toBeCloseTo(mean, 12);
    expect(v.stages[0].unreliable).toBe(true);
    expect(v.points.slice(12).every((p) => p.rules[0] === 'beyond')).toBe(true);
    // With a stage from 1956, the span lies in the first stage only; the second keeps its own.
    const staged = controlView(pts, {
      ...AUTO,
      kind: 'p',
      bfrom: '1955-04',
      bto: '1955-09',
      stages: ['1956-01-01'],
    });
    expect(staged.stages.map((s) => [s.basis, s.frozenFrom])).toEqual([
      [6, '1955-04'],
      [12, ''],
    ]);
    // A span with fewer than two points of a stage freezes nothing.
    const one = controlView(pts, { ...AUTO, kind: 'p', bfrom: '1955-04', bto: '1955-04' });
    expect(one.stages[0]).toMatchObject({ basis: 24, frozenFrom: '' });
    expect(one.points.some((p) => p.baseline)).toBe(false);
  });

  it('uses Western Electric rules when asked: 8 on a side, 4 of 5 beyond 1σ', () => {
    const v = controlView(pts, { ...AUTO, kind: 'p', rules: 'we' });
    expect(v.points.slice(12).every((p) => p.rules.includes('shift'))).toBe(true);
    expect(v.points.some((p) => p.rules.includes('trend'))).toBe(false);
  });

  it('attaches notes to their period, and writes a CSV of what is drawn', () => {
    const v = controlView(pts, {
      ...AUTO,
      notes: [{ period: '1956-01', text: 'new gauges, "A" & B' }],
    });
    expect(v.points[12].note).toBe('new gauges, "A" & B');
    const csv = controlCsv(v);
    expect(csv[0]).toBe(
      'period,inspected,defective,rate,center,lcl,ucl,chart,stage,baseline,rules,note',
    );
    expect(csv).toHaveLength(25);
    expect(csv[13]).toMatch(/^1956-01,2000,\d+,0\.\d+,.*,"new gauges, ""A"" & B"$/);
    const frozen = controlCsv(controlView(pts, { ...AUTO, kind: 'p', baseline: 12 }));
    expect(frozen.slice(1).map((l) => l.split(',')[9])).toEqual([
      ...Array<string>(12).fill('yes'),
      ...Array<string>(12).fill(''),
    ]);
  });
});

describe('controlSummary and sortSummary', () => {
  const z = normal(5);
  const steady = series(
    Array.from({ length: 24 }, () => 0.1 + 0.002 * z()),
    3000,
  );
  const falling = series(
    Array.from({ length: 24 }, (_, i) => (i < 16 ? 0.1 : 0.05) + 0.002 * z()),
    3000,
  );
  const rising = series(
    Array.from({ length: 24 }, (_, i) => (i < 16 ? 0.1 : 0.16) + 0.002 * z()),
    3000,
  );
  const key = (f: string) => `${f}\u0001crepe satin`;
  const rows = controlSummary(
    cubeOf([
      [key('a'), steady],
      [key('b'), falling],
      [key('c'), rising],
    ]),
  );

  it('gives each factory × product its latest rate, icon and recent rules', () => {
    expect(rows.map((r) => [r.factory, r.product, r.latestPeriod])).toEqual([
      ['a', 'crepe satin', '1956-12'],
      ['b', 'crepe satin', '1956-12'],
      ['c', 'crepe satin', '1956-12'],
    ]);
    expect(rows.map((r) => r.icon)).toEqual(['common', 'improving', 'concerning']);
    expect(rows[1].recent).toContain('shift');
    expect(rows[0].recent).toEqual([]);
    expect(rows[2].rates).toHaveLength(24);
  });

  it('agrees with the full chart of each series on its kind, latest icon and recent rules', () => {
    const z2 = normal(8);
    const noisy = series(
      Array.from({ length: 30 }, () => 0.08 * (1 + 0.15 * z2())),
      40_000,
    );
    for (const pts of [steady, falling, rising, noisy]) {
      const [row] = controlSummary(cubeOf([['f\u0001p', pts]]));
      const v = controlView(pts, { kind: 'auto', rules: 'nhs', baseline: 0, stages: [] });
      expect(row.kind).toBe(v.kind);
      expect(row.icon).toBe(v.latest);
      const recent = new Set(v.points.slice(-6).flatMap((p) => p.rules));
      expect(row.recent).toEqual(
        ['beyond', 'shift', 'trend', 'twoOfThree'].filter((r) => recent.has(r as never)),
      );
    }
  });

  it('charts a series only over the periods it inspected something in', () => {
    // b started a year late and skipped a month; c inspected nothing at all.
    const late = falling.slice(12).filter((_, i) => i !== 3);
    const [a, b, ...rest] = controlSummary(
      cubeOf([
        [key('a'), steady],
        [key('b'), late],
        [key('c'), []],
      ]),
    );
    expect(rest).toEqual([]);
    expect(a.rates).toHaveLength(24);
    expect([...b.times]).toEqual(late.map((p) => (p.start + p.end) / 2));
    expect([...b.rates]).toEqual(late.map((p) => p.rate));
    const v = controlView(late, AUTO);
    expect([b.kind, b.icon]).toEqual([v.kind, v.latest]);
  });

  it('sorts concerning first by default, and by any column either way', () => {
    expect(sortSummary(rows, 'signals', true).map((r) => r.factory)).toEqual(['c', 'b', 'a']);
    expect(sortSummary(rows, 'latest', false).map((r) => r.factory)).toEqual(['b', 'a', 'c']);
    expect(
      sortSummary(rows, 'factory', true, (f) => f.toUpperCase()).map((r) => r.factory),
    ).toEqual(['c', 'b', 'a']);
  });
});

describe('funnelView(series)', () => {
  it('samples the limit curves over the volumes shown, and names the outliers, worst first', () => {
    const totals = (key: string, inspected: number, defective: number) => ({
      key,
      points: [],
      inspected,
      defective,
    });
    const v = funnelView([
      ...Array.from({ length: 12 }, (_, i) =>
        totals(`f${i}`, 10_000 + i * 1000, 500 + (i % 3) * 10),
      ),
      totals('hot', 12_000, 1200),
    ]);
    expect(v.outliers.map((p) => p.key)).toEqual(['hot']);
    expect(v.curve[0].n).toBeCloseTo(5000, 6);
    expect(v.curve.at(-1)!.n).toBeCloseTo(21_000, 6); // the largest volume, f11
    for (const c of v.curve) {
      expect(c.lo998).toBeLessThan(c.lo95);
      expect(c.hi998).toBeGreaterThan(c.hi95);
    }
    // Narrower with volume.
    expect(v.curve.at(-1)!.hi95 - v.center).toBeLessThan(v.curve[0].hi95 - v.center);
  });
});

describe('chartWords: what a control chart says', () => {
  const subject = { factory: 'Zhenya', product: 'Silk', defect: '' };
  const state = { interval: 'month' as const, rules: 'nhs' as const };
  // A fall from 10% to 5% in 1956, staged there.
  const pts = series([...Array(12).fill(0.1), ...Array(12).fill(0.05)], 2000);
  const chart = controlView(pts, { ...AUTO, kind: 'p', stages: ['1956-01'] });

  it('titles the chart by kind, factory, product and interval', () => {
    expect(chartWords(en, state, chart, subject).title).toBe(
      `${en('control.chart.p')}: Zhenya, Silk, per ${en('interval.month')}`,
    );
  });
  it('gives each stage’s centre, in order, with its months', () => {
    expect(chartWords(en, state, chart, subject).centres).toBe(
      'The centre line went from 10.0% (1955-01 to 1955-12) to 5.0% (1956-01 to 1956-12).',
    );
    const one = controlView(pts.slice(0, 12), { ...AUTO, kind: 'p' });
    expect(chartWords(en, state, one, subject).centres).toBe(
      'The centre line is 10.0% (1955-01 to 1955-12).',
    );
  });
  it('states a u chart’s rates per 1,000 pieces, and a p chart’s in %', () => {
    expect(chartWords(en, state, chart, { ...subject, defect: 'Slub' }).rate(3.456)).toBe(
      '3.46 per 1,000',
    );
    expect(chartWords(zh, state, chart, { ...subject, defect: 'Slub' }).rate(3.456)).toBe(
      '每千件 3.46',
    );
    expect(chartWords(en, state, chart, subject).rate(0.0512)).toBe('5.1%');
  });
  it('names the run length of the chosen rules, and lists a signal’s rules after its rate', () => {
    const p = { ...chart.points[0], rules: ['beyond' as const, 'shift' as const] };
    const nhs = chartWords(en, state, chart, subject);
    const we = chartWords(en, { ...state, rules: 'we' }, chart, subject);
    expect(nhs.rule('shift')).not.toBe(we.rule('shift'));
    expect(nhs.rule('shift')).toContain('7');
    expect(we.rule('shift')).toContain('8');
    expect(nhs.signal(p)).toBe(`1955-01: 10.0%, ${nhs.rule('beyond')}; ${nhs.rule('shift')}`);
    expect(nhs.tooltip({ ...p, note: 'New loom' })).toMatch(/; New loom$/);
  });
  it('says nothing of a chart that is not there', () => {
    const none = chartWords(en, state, null, subject);
    expect([none.centres, none.reason, none.summary]).toEqual(['', '', '']);
  });
});
