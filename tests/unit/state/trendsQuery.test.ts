import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TRENDS,
  parseTrendsQuery,
  trendsQueryString,
} from '../../../src/lib/state/trendsQuery';

describe('parseTrendsQuery(query)', () => {
  it('reads every parameter', () => {
    expect(
      parseTrendsQuery(
        'factories=zhenya,guangming&products=crepe%20satin,%E8%BD%AF%E7%BC%8E&from=1955-01&to=1957-12&interval=quarter&by=product&hidden=zhenya&band=off&layout=multiples&hl=dongwu,zhenya',
      ),
    ).toEqual({
      factories: ['zhenya', 'guangming'],
      products: ['crepe satin', '软缎'],
      from: '1955-01',
      to: '1957-12',
      interval: 'quarter',
      by: 'product',
      hidden: ['zhenya'],
      band: false,
      multiples: true,
      highlight: ['dongwu', 'zhenya'],
      callouts: [],
    });
  });

  it.each([undefined, '', 'interval=weekly&by=shift&from=1956-13&to=soon'])(
    'falls back to defaults for %j',
    (q) => {
      expect(parseTrendsQuery(q)).toEqual(DEFAULT_TRENDS);
    },
  );
});

describe('trendsQueryString(state)', () => {
  it('round-trips, URL-encoding product names', () => {
    const state = {
      ...DEFAULT_TRENDS,
      factories: ['guangming'],
      products: ['crepe satin', '软缎'],
      interval: 'year' as const,
    };
    const q = trendsQueryString(state);
    expect(q).toBe('factories=guangming&products=crepe+satin,%E8%BD%AF%E7%BC%8E&interval=year');
    expect(parseTrendsQuery(q)).toEqual(state);
  });

  it('round-trips every id, commas, plus signs, ampersands and percent signs included', () => {
    const ids = ['a,b', 'c', '1+1', 'x&y=z', '100%', ' 光明,丝织厂', 'satin crepe'];
    const state = { ...DEFAULT_TRENDS, factories: ids, products: ids, hidden: ids };
    const q = trendsQueryString(state);
    expect(q).toContain('factories=a%2Cb,c,');
    expect(parseTrendsQuery(q)).toEqual({
      ...state,
      factories: ids.map((i) => i.trim()),
      products: ids.map((i) => i.trim()),
      hidden: ids.map((i) => i.trim()),
    });
  });

  it('reads a%2Cb as the one factory “a,b” and a,b as two', () => {
    expect(parseTrendsQuery('factories=a%2Cb').factories).toEqual(['a,b']);
    expect(parseTrendsQuery('factories=a,b').factories).toEqual(['a', 'b']);
    expect(parseTrendsQuery('factories=a,%E0%A4%A,b').factories).toEqual(['a', 'b']);
  });

  it('is empty for the defaults', () => {
    expect(trendsQueryString(DEFAULT_TRENDS)).toBe('');
  });
});

describe('callouts in the Trends link', () => {
  it('round-trip a month, a series and a text with any characters, and drop malformed ones', () => {
    const callouts = [
      { at: '1956-09', on: 'guangming', text: 'Finds the key defect | at last & <b>' },
      { at: '1957-01', on: '', text: '全市交流会' },
    ];
    const q = trendsQueryString({ ...DEFAULT_TRENDS, callouts });
    expect(parseTrendsQuery(q).callouts).toEqual(callouts);
    expect(
      parseTrendsQuery('call=1956-13|x|bad month&call=1956-02|x|&call=1956-03||ok').callouts,
    ).toEqual([{ at: '1956-03', on: '', text: 'ok' }]);
  });
});
