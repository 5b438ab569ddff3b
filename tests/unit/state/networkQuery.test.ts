import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NETWORK,
  networkQueryString,
  parseNetworkQuery,
} from '../../../src/lib/state/networkQuery';

describe('network view state in the URL', () => {
  it('round-trips every field, leaving defaults out', () => {
    const s = {
      experience: 'Find the key defect, promote the advanced method',
      topic: 'quality',
      industry: 'silk',
      from: '1956-01',
      to: '1956-12',
      size: 'betweenness' as const,
      colour: 'community' as const,
      layout: 'tree' as const,
      at: '1956-09-01',
      factory: 'guangming',
      pins: {
        zhenya: [-214, 33] as [number, number],
        'works:7, east': [12, 0] as [number, number],
      },
      callouts: [{ at: 'works:7, east', on: '', text: '学习振亚经验 & more' }],
    };
    expect(parseNetworkQuery(networkQueryString(s))).toEqual(s);
    expect(networkQueryString(DEFAULT_NETWORK)).toBe('');
  });

  it('writes pins as id:x:y in whole layout units, ids sorted, so one arrangement is one link', () => {
    const q = networkQueryString({
      ...DEFAULT_NETWORK,
      pins: { zhenya: [-213.7, 32.5], dongwu: [10.2, -0.4] },
    });
    expect(q).toBe('pins=dongwu:10:0,zhenya:-214:33');
    expect(parseNetworkQuery(q).pins).toEqual({ dongwu: [10, 0], zhenya: [-214, 33] });
    // An id with commas and colons of its own survives; a malformed item is dropped.
    const odd = networkQueryString({ ...DEFAULT_NETWORK, pins: { 'a:b,c': [1, 2] } });
    expect(parseNetworkQuery(odd).pins).toEqual({ 'a:b,c': [1, 2] });
    expect(parseNetworkQuery('pins=zhenya:1,dongwu:x:2,guangming:3:4').pins).toEqual({
      guangming: [3, 4],
    });
  });

  it('falls back to defaults for malformed values, so any link opens something', () => {
    expect(parseNetworkQuery('size=huge&layout=spiral&at=1956-13-01&from=56&pins=,')).toEqual(
      DEFAULT_NETWORK,
    );
  });
});
