import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IMPACT,
  impactQueryString,
  parseImpactQuery,
} from '../../../src/lib/state/impactQuery';

describe('impact view state in the URL', () => {
  it('round-trips, leaving defaults out', () => {
    const s = { experience: 'Warp tension control', k: 4, interval: 'quarter' as const };
    expect(parseImpactQuery(impactQueryString(s))).toEqual(s);
    expect(impactQueryString(DEFAULT_IMPACT)).toBe('');
  });

  it('falls back to defaults for a k out of range or an unknown interval', () => {
    expect(parseImpactQuery('k=1&interval=year')).toEqual(DEFAULT_IMPACT);
    expect(parseImpactQuery('k=2.5').k).toBe(6);
  });
});
