import { en } from '../words';
import { describe, expect, it } from 'vitest';
import {
  alignedKeys,
  alignedLines,
  effectBand,
  experiencesOf,
  impactAdoptions,
  impactCsv,
  impactSlideTitle,
  impactView,
  percent,
  type AlignedPoint,
  type CurvePoint,
  type ImpactInput,
} from '../../../src/lib/views/impact';
import type { ExchangeRecord } from '../../../src/lib/schema/types';
import { DEFAULT_IMPACT, type ImpactState } from '../../../src/lib/state/impactQuery';
import { impactPanel } from '../../fixtures/impactPanel';

const input = (
  panel: ReturnType<typeof impactPanel>,
  state: Partial<ImpactState> = {},
  draws = 0,
): ImpactInput => ({
  series: panel.series,
  adoptions: panel.adoptions,
  state: { ...DEFAULT_IMPACT, ...state },
  draws,
});
const fell = (v: ReturnType<typeof impactView>) =>
  v.rows.filter((r) => r.verdict === 'fell').length;

describe('impactView: a common trend is not an effect', () => {
  it('says "fell" for at most 2 of 12 adopters when adopting does nothing, on every seed', () => {
    let falseClaims = 0;
    let overallClaims = 0;
    let pretestFails = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const v = impactView(input(impactPanel({ seed })));
      expect(v.method).toBe('did');
      expect(v.rows).toHaveLength(12);
      expect(fell(v)).toBeLessThanOrEqual(2);
      falseClaims += fell(v);
      // The average effect is about 0, not the old −0.7 points.
      expect(Math.abs(v.overall!.effect)).toBeLessThan(0.7);
      if (v.overall!.verdict !== 'no clear change') overallClaims++;
      if (!v.pretest!.passed) pretestFails++;
    }
    // 480 factory verdicts; 40 overall verdicts and pre-tests at 5% (6% and 7% over 300 seeds).
    expect(falseClaims).toBeLessThanOrEqual(6);
    expect(overallClaims).toBeLessThanOrEqual(6);
    expect(pretestFails).toBeLessThanOrEqual(7);
  });

  it('finds a true effect of −3 points in at least 9 of 12 adopters, and about −3 on average', () => {
    let covered = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const v = impactView(input(impactPanel({ seed, effect: -3 })));
      expect(fell(v)).toBeGreaterThanOrEqual(9);
      expect(v.overall!.effect).toBeGreaterThan(-3.7);
      expect(v.overall!.effect).toBeLessThan(-2.3);
      if (v.overall!.lo < -3 && v.overall!.hi > -3) covered++;
      expect(v.overall!.verdict).toBe('fell');
    }
    expect(covered).toBeGreaterThanOrEqual(17);
  });

  it('counts the groups and the comparison, and passes the pre-trend check when trends are common', () => {
    const v = impactView(input(impactPanel({ seed: 3 })));
    expect(v.groups).toEqual([
      { period: '1956-01', units: 4 },
      { period: '1956-07', units: 4 },
      { period: '1957-01', units: 4 },
    ]);
    expect(v.never).toBe(4);
    expect(v.neverOffered).toBe(true);
    expect(v.control).toBe('notYet');
    expect(v.shortfalls).toEqual([]);
    expect(v.pretest!.df).toBe(6);
    // The group aggregation, in points: one row per adoption month, and a weighted mean.
    expect(v.byGroup.map((g) => [g.period, g.units])).toEqual([
      ['1956-01', 4],
      ['1956-07', 4],
      ['1957-01', 4],
    ]);
    for (const g of v.byGroup) expect(g.lo).toBeLessThan(g.hi);
    expect(v.groupOverall!.effect).toBeCloseTo(v.byGroup.reduce((s, g) => s + g.effect, 0) / 3, 10);
    expect(v.curve.map((c) => c.e)).toEqual([-6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6]);
  });

  it('warns when adopters and comparison factories moved apart before adoption', () => {
    const panel = impactPanel({ seed: 3, noise: 0.1 });
    // Adopters rise 1 point a month against the others from the start: parallel trends fail.
    for (const s of panel.series.slice(0, 12))
      s.points.forEach((p, m) => {
        p.defective = Math.round(p.inspected * (p.rate + 0.01 * m));
        p.rate = p.defective / p.inspected;
      });
    const v = impactView(input(panel));
    expect(v.pretest!.passed).toBe(false);
    expect(v.pretest!.p).toBeLessThan(0.01);
  });

  it('adds a simultaneous band wider than the pointwise intervals with bootstrap draws', () => {
    const v = impactView(input(impactPanel({ seed: 3 }), { band: 'simultaneous' }, 999));
    expect(v.crit).toBeGreaterThan(1.96);
    for (const c of v.curve) {
      expect(c.bandLo).toBeLessThan(c.lo);
      expect(c.bandHi).toBeGreaterThan(c.hi);
    }
  });

  it('compares with never adopters when asked, and falls back to not yet when too few never adopt', () => {
    const panel = impactPanel({ seed: 3 });
    expect(impactView(input(panel, { control: 'never' })).control).toBe('never');
    const fewNever = { ...panel, series: panel.series.slice(0, 14) };
    const v = impactView(input(fewNever, { control: 'never' }));
    expect(v).toMatchObject({ neverOffered: false, control: 'notYet', never: 2 });
  });

  it('aligns adopters and comparison factories on adoption, with the expected path without effect', () => {
    const v = impactView(input(impactPanel({ seed: 3, effect: -3, noise: 0 })));
    const at = (e: number) => v.aligned.find((a) => a.e === e)!;
    expect(at(-1).nAdopters).toBe(12);
    // After adoption the adopters sit about 3 points below where the comparison says they would be.
    expect(at(3).adopters! - at(3).expected!).toBeCloseTo(-3, 0);
    expect(at(-3).adopters! - at(-3).expected!).toBeCloseTo(0, 0);
    const csv = impactCsv(v);
    expect(csv[0]).toMatch(
      /^event_time,adopters_rate_pct,comparison_rate_pct,expected_without_effect_pct/,
    );
    expect(csv).toHaveLength(14);
  });
});

describe('impactView: when a claim cannot be made, it says which number is too small', () => {
  it('names one adopter as the cause, not the periods', () => {
    const panel = impactPanel({ seed: 3 });
    const v = impactView({ ...input(panel), adoptions: panel.adoptions.slice(0, 1) });
    expect(v.shortfalls).toEqual([{ what: 'adopters', have: 1, need: 2 }]);
    expect(v.overall!.verdict).toBeNull();
    // No interval or pre-test that would see only the comparison's noise.
    expect(v.overall!.lo).toBeNaN();
    expect(v.pretest).toBeNull();
    expect(v.curve.every((c) => Number.isNaN(c.lo) && Number.isFinite(c.effect))).toBe(true);
    // The one adopter still gets its own test against 15 comparison factories.
    expect(v.rows).toHaveLength(1);
    expect(v.rows[0].controls).toBe(15);
  });

  it('names too few comparison factories', () => {
    const panel = impactPanel({ seed: 3 });
    // Two never adopters and everyone else at one date: 2 comparison factories.
    const series = panel.series.filter((s, i) => (i % 3 === 0 && i < 12) || i >= 14);
    const v = impactView({ ...input(panel), series });
    expect(v.shortfalls).toContainEqual({ what: 'comparison', have: 2, need: 3 });
    expect(v.rows.every((r) => r.verdict === null && r.noVerdict === 'comparison')).toBe(true);
  });
});

describe('impactView: without a comparison group, an interrupted time series', () => {
  it('uses each factory’s own series when every factory adopts at once, with a counterfactual line', () => {
    const panel = impactPanel({ seed: 3, effect: -3 });
    const series = panel.series.filter((_, i) => i % 3 === 0 && i < 12);
    const v = impactView({ ...input(panel), series });
    expect(v).toMatchObject({ method: 'its', fallback: 'no-comparison' });
    expect(v.rows).toHaveLength(4);
    // −3 points from about 8%: a rate ratio well under 1, and every factory "fell".
    for (const r of v.rows) {
      expect(r.effect).toBeLessThan(0.8);
      expect(r.hi).toBeLessThan(1);
      expect(r.verdict).toBe('fell');
    }
    const its = v.its!;
    expect(its.factory_id).toBe('f01');
    expect(its.harmonics).toBe(1);
    const after = its.points.filter((p) => p.after);
    expect(after[0].period).toBe('1956-01');
    for (const p of after) expect(p.counterfactual).toBeGreaterThan(p.fitted);
    expect(impactCsv(v)[0]).toBe('period,inspected,defective,rate,fitted,counterfactual');
  });

  it('uses it for one factory, and finds no effect in a common trend', () => {
    const panel = impactPanel({ seed: 5 });
    const v = impactView({ ...input(panel), series: panel.series.slice(0, 1) });
    expect(v).toMatchObject({ method: 'its', fallback: 'one-factory' });
    expect(v.rows[0].lo).toBeLessThan(1);
    expect(v.rows[0].hi).toBeGreaterThan(1);
    expect(v.rows[0].verdict).toBe('no clear change');
  });

  it('draws the chosen factory, and is used when asked for', () => {
    const v = impactView(input(impactPanel({ seed: 3 }), { method: 'its', factory: 'f05' }));
    expect(v).toMatchObject({ method: 'its', fallback: null });
    expect(v.its!.factory_id).toBe('f05');
    expect(v.rows).toHaveLength(12);
  });
});

describe('what the Impact page draws', () => {
  const ex = (
    date: string,
    target: string,
    experience: string,
    adopted_on?: string,
  ): ExchangeRecord => ({
    date,
    source_factory: 'zhenya',
    target_factory: target,
    experience,
    ...(adopted_on ? { adopted_on } : {}),
  });
  const exchanges = [
    ex('1956-05-18', 'guangming', 'Daily inspection', '1956-06-01'),
    ex('1956-03-12', 'guangming', 'Key defect'),
    ex('1956-04-02', 'dongwu', 'Daily inspection'),
  ];

  it('estimates from each factory’s first adoption of the chosen experience, or of any', () => {
    const day = (t: number) => new Date(t).toISOString().slice(0, 10);
    expect(impactAdoptions(exchanges, '').map((a) => [a.factory_id, day(a.time)])).toEqual([
      ['guangming', '1956-03-12'],
      ['dongwu', '1956-04-02'],
    ]);
    expect(
      impactAdoptions(exchanges, 'Daily inspection').map((a) => [a.factory_id, day(a.time)]),
    ).toEqual([
      ['dongwu', '1956-04-02'],
      ['guangming', '1956-06-01'],
    ]);
    expect(experiencesOf(exchanges)).toEqual(['Daily inspection', 'Key defect']);
  });

  it('starts the expected line the period before adoption, where it meets the adopters', () => {
    const aligned: AlignedPoint[] = [-3, -2, -1, 0, 1].map((e) => ({
      e,
      adopters: 5 - e * 0.1,
      comparison: 6,
      expected: 5,
      nAdopters: 4,
      nComparison: 8,
    }));
    const [adopters, comparison, expected] = alignedLines(en, aligned);
    expect(adopters.values).toHaveLength(5);
    expect(comparison.values).toEqual([6, 6, 6, 6, 6]);
    expect(expected.values).toEqual([null, null, 5, 5, 5]);
    expect(expected.dashed).toBe(true);
    expect(adopters.color).toBe(expected.color);
    // The key draws each line as the chart does: same colour, dashed where it is dashed.
    const keys = alignedKeys(en);
    [adopters, comparison, expected].forEach((line, i) => {
      expect(keys[i].color).toBe(line.color);
      expect(keys[i].mark).toBe(line.dashed ? 'dashed' : 'line');
    });
  });

  it('draws the band the reader chose around the effect curve', () => {
    const curve: CurvePoint[] = [{ e: 0, effect: -1, lo: -2, hi: 0, bandLo: -3, bandHi: 1 }];
    expect(effectBand(curve, 'pointwise')).toEqual({ lo: [-2], hi: [0] });
    expect(effectBand(curve, 'simultaneous')).toEqual({ lo: [-3], hi: [1] });
  });

  it('titles the slide by the experience, and shows a missing rate as a dash', () => {
    expect(impactSlideTitle(en, { ...DEFAULT_IMPACT, experience: 'Key defect' })).toContain(
      'Key defect',
    );
    expect(impactSlideTitle(en, DEFAULT_IMPACT)).toBe(en('impact.slide'));
    expect(percent(4.25)).toBe('4.3%');
    expect(percent(null)).toBe('–');
  });
});
