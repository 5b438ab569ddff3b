import { describe, expect, it } from 'vitest';
import { defectRateByPeriod, leftOutLots } from '../../../src/lib/analysis/defectRate';
import { lot, rollupsOf } from '../records';

const data = rollupsOf([
  lot('guangming', 'crepe satin', '1956-07', 1000, 100),
  lot('guangming', 'crepe satin', '1956-08', 100, 50),
  lot('guangming', 'crepe satin', '1956-09', 900, 45),
  lot('guangming', 'soft satin', '1956-08', 500, 25),
  lot('zhenya', 'crepe satin', '1956-08', 2000, 40),
  lot('zhenya', 'crepe satin', '1956-10', 1000, 10),
]).rollups;

describe('defectRateByPeriod(chunks, query)', () => {
  it('pools Σdefective / Σinspected per factory and month, with a Wilson band', () => {
    const series = defectRateByPeriod(data, { interval: 'month', by: 'factory' });
    expect(series.map((s) => s.key)).toEqual(['guangming', 'zhenya']);
    const g = series[0];
    expect(g.points.map((p) => [p.period, p.inspected, p.defective])).toEqual([
      ['1956-07', 1000, 100],
      ['1956-08', 600, 75],
      ['1956-09', 900, 45],
    ]);
    expect(g.points[1].rate).toBeCloseTo(75 / 600, 12); // not the mean of 50% and 5%
    expect(g.points[1].lo).toBeLessThan(g.points[1].rate);
    expect(g.points[1].hi).toBeGreaterThan(g.points[1].rate);
    expect([g.inspected, g.defective]).toEqual([2500, 220]);
  });

  it('buckets by quarter in UTC and divides the points', () => {
    const [g, z] = defectRateByPeriod(data, { interval: 'quarter', by: 'factory' });
    expect(g.points.map((p) => [p.period, p.inspected, p.defective])).toEqual([
      ['1956-Q3', 2500, 220],
    ]);
    expect(z.points.map((p) => p.period)).toEqual(['1956-Q3', '1956-Q4']);
    expect(g.points[0].start).toBe(Date.UTC(1956, 6, 1));
    expect(g.points[0].end).toBe(Date.UTC(1956, 9, 1));
  });

  it('makes one series per product, and filters factories, products and months', () => {
    const byProduct = defectRateByPeriod(data, {
      interval: 'year',
      by: 'product',
      factories: ['guangming'],
    });
    expect(byProduct.map((s) => [s.key, s.inspected, s.defective])).toEqual([
      ['crepe satin', 2000, 195],
      ['soft satin', 500, 25],
    ]);
    const window = defectRateByPeriod(data, {
      interval: 'month',
      by: 'factory',
      products: ['crepe satin'],
      from: '1956-08',
      to: '1956-09',
    });
    expect(window.map((s) => [s.key, s.points.map((p) => p.period)])).toEqual([
      ['guangming', ['1956-08', '1956-09']],
      ['zhenya', ['1956-08']],
    ]);
  });

  it('makes one series per factory × product, keyed factory\u0001product, and filters them', () => {
    const pairs = defectRateByPeriod(data, { interval: 'month', by: 'pair' });
    expect(pairs.map((s) => [s.key, s.inspected, s.defective])).toEqual([
      ['guangming\u0001crepe satin', 2000, 195],
      ['guangming\u0001soft satin', 500, 25],
      ['zhenya\u0001crepe satin', 3000, 50],
    ]);
    const some = defectRateByPeriod(data, {
      interval: 'month',
      by: 'pair',
      products: ['crepe satin'],
    });
    expect(some.map((s) => s.key)).toEqual([
      'guangming\u0001crepe satin',
      'zhenya\u0001crepe satin',
    ]);
  });

  it('is empty when nothing matches', () => {
    expect(
      defectRateByPeriod(data, { interval: 'month', by: 'factory', factories: ['nobody'] }),
    ).toEqual([]);
    expect(defectRateByPeriod([], { interval: 'month', by: 'factory' })).toEqual([]);
  });

  it('does not mutate the chunks or the query', () => {
    const q = { interval: 'month' as const, by: 'factory' as const, factories: ['zhenya'] };
    const before = structuredClone({ data, q });
    defectRateByPeriod(data, q);
    expect({ data, q }).toEqual(before);
  });

  it('sums across imports, and a new set of chunks is never answered from an old one', () => {
    const more = rollupsOf([lot('zhenya', 'crepe satin', '1956-08', 1000, 60)]).rollups;
    const q = { interval: 'month' as const, by: 'factory' as const, factories: ['zhenya'] };
    const before = defectRateByPeriod(data, q)[0].points[0];
    expect([before.inspected, before.defective]).toEqual([2000, 40]);
    const after = defectRateByPeriod([...data, ...more], q)[0].points[0];
    expect([after.period, after.inspected, after.defective]).toEqual(['1956-08', 3000, 100]);
    // The first set still gives its own numbers, at any interval.
    expect(defectRateByPeriod(data, { ...q, interval: 'year' })[0].inspected).toBe(3000);
    expect(defectRateByPeriod(data, q)[0].points[0].inspected).toBe(2000);
  });
});

describe('lots reported by quarter or year (mixed periods)', () => {
  const coarse = (period: string, periodStart: string, grain: 'quarter' | 'year', n: number) => ({
    ...lot('dongwu', 'crepe satin', periodStart.slice(0, 7), n, n / 10),
    period,
    periodStart,
    grain,
  });
  const mixed = rollupsOf([
    lot('dongwu', 'crepe satin', '1956-07', 1000, 80),
    lot('dongwu', 'crepe satin', '1956-08', 1000, 70),
    coarse('1956-Q3', '1956-07-01', 'quarter', 3000),
    coarse('1956-Q3', '1956-07-01', 'quarter', 600),
    coarse('1956', '1956-01-01', 'year', 12000),
  ]).rollups;

  it('leaves a quarter’s and a year’s lots out of a monthly view, and counts them', () => {
    const [s] = defectRateByPeriod(mixed, { interval: 'month', by: 'factory' });
    // July is July's own lot: the quarter's 3,600 pieces are not drawn as July.
    expect(s.points.map((p) => [p.period, p.inspected])).toEqual([
      ['1956-07', 1000],
      ['1956-08', 1000],
    ]);
    expect(leftOutLots(mixed, { interval: 'month', by: 'factory' })).toEqual({
      quarter: 2,
      year: 1,
    });
  });

  it('pools the quarter with its months in a quarterly view, and all of them by year', () => {
    const [q] = defectRateByPeriod(mixed, { interval: 'quarter', by: 'factory' });
    expect(q.points.map((p) => [p.period, p.inspected, p.defective])).toEqual([
      ['1956-Q3', 5600, 510],
    ]);
    expect(leftOutLots(mixed, { interval: 'quarter', by: 'factory' })).toEqual({
      quarter: 0,
      year: 1,
    });
    const [y] = defectRateByPeriod(mixed, { interval: 'year', by: 'factory' });
    expect(y.points.map((p) => [p.period, p.inspected])).toEqual([['1956', 17600]]);
    expect(leftOutLots(mixed, { interval: 'year', by: 'factory' })).toEqual({
      quarter: 0,
      year: 0,
    });
  });

  it('counts a coarse lot in a range only when its whole period lies in it', () => {
    const q = { interval: 'quarter' as const, by: 'factory' as const, from: '1956-08' };
    expect(defectRateByPeriod(mixed, q)[0].points.map((p) => [p.period, p.inspected])).toEqual([
      ['1956-Q3', 1000],
    ]);
    expect(leftOutLots(mixed, { ...q, interval: 'month' })).toEqual({ quarter: 0, year: 0 });
  });
});
