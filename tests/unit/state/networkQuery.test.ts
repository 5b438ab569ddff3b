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
      size: 'reach' as const,
      layout: 'tree' as const,
      at: '1956-09-01',
      factory: 'guangming',
    };
    expect(parseNetworkQuery(networkQueryString(s))).toEqual(s);
    expect(networkQueryString(DEFAULT_NETWORK)).toBe('');
  });

  it('falls back to defaults for malformed values, so any link opens something', () => {
    expect(parseNetworkQuery('size=huge&layout=spiral&at=1956-13-01&from=56')).toEqual(
      DEFAULT_NETWORK,
    );
  });
});
