import { describe, expect, it } from 'vitest';
import { adoptionsOf, firstAdoptions } from '../../../src/lib/analysis/adoptions';
import type { ExchangeRecord } from '../../../src/lib/schema/types';

const ex = (
  date: string,
  source: string,
  target: string,
  experience: string,
  adopted_on?: string,
): ExchangeRecord => ({
  date,
  source_factory: source,
  target_factory: target,
  experience,
  ...(adopted_on ? { adopted_on } : {}),
});

const exchanges = [
  ex('1956-05-18', 'zhenya', 'guangming', 'Daily inspection', '1956-06-01'),
  ex('1956-08-26', 'zhenya', 'guangming', 'Daily inspection', '1956-09-01'), // a second visit: not a second adoption
  ex('1956-03-12', 'zhenya', 'dongwu', 'Daily inspection', '1956-04-01'),
  ex('1956-08-26', 'guangming', 'xinsu', 'Key defect'),
];

describe('adoptionsOf(exchanges, factories)', () => {
  it('gives one adoption per factory and experience, at its earliest date, in time order', () => {
    expect(adoptionsOf(exchanges, []).map((a) => [a.factory_id, a.experience, a.date])).toEqual([
      ['dongwu', 'Daily inspection', '1956-04-01'],
      ['guangming', 'Daily inspection', '1956-06-01'],
      ['xinsu', 'Key defect', '1956-08-26'],
    ]);
  });

  it('keeps only the factories asked for, and falls back to the exchange date', () => {
    const [a] = adoptionsOf(exchanges, ['xinsu']);
    expect(a).toEqual({
      factory_id: 'xinsu',
      experience: 'Key defect',
      source: 'guangming',
      date: '1956-08-26',
      time: Date.UTC(1956, 7, 26),
    });
  });

  it('is empty without exchanges', () => {
    expect(adoptionsOf([], ['zhenya'])).toEqual([]);
  });
});

describe('firstAdoptions(exchanges)', () => {
  it('gives each factory its earliest adoption of any experience, by adoption day, in time order', () => {
    const first = firstAdoptions([
      ...exchanges,
      ex('1956-02-01', 'dongwu', 'guangming', 'Key defect', '1956-05-20'), // earlier than its Daily inspection
    ]);
    expect([...first.values()].map((a) => [a.factory_id, a.experience, a.date])).toEqual([
      ['dongwu', 'Daily inspection', '1956-04-01'],
      ['guangming', 'Key defect', '1956-05-20'],
      ['xinsu', 'Key defect', '1956-08-26'],
    ]);
    expect(first.get('guangming')?.source).toBe('dongwu');
  });
  it('keeps the exchange listed first when two fall on the same day, and never counts a teacher as adopting', () => {
    const first = firstAdoptions([
      ex('1956-03-01', 'zhenya', 'dongwu', 'B'),
      ex('1956-03-01', 'zhenya', 'dongwu', 'A'),
    ]);
    expect(first.get('dongwu')?.experience).toBe('B');
    expect(first.has('zhenya')).toBe(false);
  });
});
