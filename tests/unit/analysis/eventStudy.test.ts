import { describe, expect, it } from 'vitest';
import { eventStudy } from '../../../src/lib/analysis/eventStudy';
import type { RateSeries } from '../../../src/lib/analysis/defectRate';
import { tQuantile975 } from '../../../src/lib/analysis/stats';

/** A monthly series from 1956-01 with 100 pieces inspected each month and these defectives. */
function series(key: string, defectives: number[]): RateSeries {
  const points = defectives.map((d, i) => ({
    period: `1956-${String(i + 1).padStart(2, '0')}`,
    start: Date.UTC(1956, i, 1),
    end: Date.UTC(1956, i + 1, 1),
    inspected: 100,
    defective: d,
    rate: d / 100,
    lo: 0,
    hi: 1,
  }));
  return { key, points, inspected: 100 * points.length, defective: 0 };
}

const april = Date.UTC(1956, 3, 15); // t = 0 is 1956-04

describe('eventStudy(series, adoptions, interval, k)', () => {
  it('compares pooled rates before and after, with a Welch interval on the period rates', () => {
    // t = -3..-1: 10, 12, 11 of 100; t = 0: 30 (left out); t = 1..3: 5, 6, 4.
    const study = eventStudy(
      [series('a', [10, 12, 11, 30, 5, 6, 4])],
      [{ factory_id: 'a', time: april }],
      'month',
      3,
    );
    const [a] = study.factories;
    expect(a.period).toBe('1956-04');
    expect(a.before).toBeCloseTo(0.11, 12);
    expect(a.after).toBeCloseTo(0.05, 12);
    expect(a.change).toBeCloseTo(-0.06, 12);
    // Both sides have sample variance 0.0001 over 3 periods: se = sqrt(2 * 0.0001 / 3), df = 4.
    const half = 2.776 * Math.sqrt(0.0002 / 3);
    expect(a.lo).toBeCloseTo(-0.06 - half, 10);
    expect(a.hi).toBeCloseTo(-0.06 + half, 10);
    // A clear fall, but one factory is too few for the study to make claims.
    expect(a).toMatchObject({ verdict: null, noVerdict: 'too few factories' });
    // One factory: a mean at every t, but no interval.
    expect(study.points.map((p) => p.t)).toEqual([-3, -2, -1, 0, 1, 2, 3]);
    expect(study.points[0]).toMatchObject({ n: 1, lo: null, hi: null });
    expect(study.points[0].mean).toBeCloseTo(-0.01, 12);
    expect(study.points[3].mean).toBeCloseTo(0.19, 12);
  });

  it('pools three factories per t with a t-interval, and counts who contributes', () => {
    const study = eventStudy(
      [
        series('a', [10, 10, 10, 10, 4, 4, 4]),
        series('b', [20, 20, 20, 20, 16, 16, 16]),
        series('c', [30, 30, 30, 30, 25, 25, 25]),
      ],
      ['a', 'b', 'c'].map((factory_id) => ({ factory_id, time: april })),
      'month',
      3,
    );
    expect(study.contributing).toBe(3);
    const t1 = study.points.find((p) => p.t === 1)!;
    // Changes -0.06, -0.04, -0.05: mean -0.05, sd 0.01, n 3, t(2) = 4.303.
    expect(t1.n).toBe(3);
    expect(t1.mean).toBeCloseTo(-0.05, 12);
    expect(t1.lo).toBeCloseTo(-0.05 - (4.303 * 0.01) / Math.sqrt(3), 10);
    expect(t1.hi).toBeCloseTo(-0.05 + (4.303 * 0.01) / Math.sqrt(3), 10);
    const tm1 = study.points.find((p) => p.t === -1)!;
    expect([tm1.mean, tm1.lo, tm1.hi]).toEqual([0, 0, 0]);
    // Each fell by a constant amount: zero variance, so a point interval, and a verdict.
    expect(study.factories.map((f) => f.verdict)).toEqual(['fell', 'fell', 'fell']);
  });

  it('makes no claim with too few periods on a side, and says "no clear change" when the interval holds 0', () => {
    const study = eventStudy(
      [series('short', [10, 10, 12, 5, 5, 5]), series('flat', [10, 12, 11, 10, 11, 10, 12])],
      [
        { factory_id: 'short', time: Date.UTC(1956, 2, 1) }, // t = 0 is 1956-03: two periods before
        { factory_id: 'flat', time: april },
        { factory_id: 'nobody', time: april },
      ],
      'month',
      3,
    );
    const [short, flat] = study.factories;
    expect(study.factories).toHaveLength(2);
    expect(short).toMatchObject({
      periodsBefore: 2,
      periodsAfter: 3,
      verdict: null,
      noVerdict: 'too few periods',
      lo: null,
    });
    expect(short.change).not.toBeNull();
    expect(flat.noVerdict).toBe('too few factories'); // only one factory has 3 periods before
    expect(flat.lo!).toBeLessThan(0);
    expect(flat.hi!).toBeGreaterThan(0);
    expect(study.contributing).toBe(1);
  });

  it('aligns by quarter too', () => {
    const study = eventStudy(
      [
        {
          ...series('q', []),
          points: [0, 1, 2, 3, 4].map((i) => ({
            period: `1956-Q${i + 1}`,
            start: Date.UTC(1956, i * 3, 1),
            end: Date.UTC(1956, i * 3 + 3, 1),
            inspected: 100,
            defective: 10 - i,
            rate: (10 - i) / 100,
            lo: 0,
            hi: 1,
          })),
        },
      ],
      [{ factory_id: 'q', time: Date.UTC(1956, 7, 20) }], // August: Q3, t = 0 at index 2
      'quarter',
      2,
    );
    expect(study.factories[0]).toMatchObject({
      period: '1956-Q3',
      periodsBefore: 2,
      periodsAfter: 2,
    });
  });
});

describe('tQuantile975(df)', () => {
  it('matches tables, interpolates fractional df and tends to 1.96', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(4)).toBe(2.776);
    expect(tQuantile975(4.5)).toBeGreaterThan(2.571);
    expect(tQuantile975(4.5)).toBeLessThan(2.776);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(1e6)).toBeCloseTo(1.96, 3);
    expect(() => tQuantile975(0)).toThrow(RangeError);
  });
});
