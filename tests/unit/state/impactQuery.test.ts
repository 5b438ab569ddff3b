import { describe, expect, it } from 'vitest';
import {
  DEFAULT_IMPACT,
  impactQueryString,
  parseImpactQuery,
  type ImpactState,
} from '../../../src/lib/state/impactQuery';

describe('impact view state in the URL', () => {
  it('round-trips every field, leaving defaults out', () => {
    const s: ImpactState = {
      experience: 'Warp tension control',
      k: 4,
      interval: 'quarter',
      method: 'its',
      control: 'never',
      band: 'simultaneous',
      season: 0,
      factory: 'zhenya',
      callouts: [
        { at: '-2', on: '', text: 'before the meeting' },
        { at: '3', on: 'effect', text: 'the drop | at last' },
      ],
    };
    expect(parseImpactQuery(impactQueryString(s))).toEqual(s);
    expect(impactQueryString(DEFAULT_IMPACT)).toBe('');
    expect(impactQueryString({ ...DEFAULT_IMPACT, control: 'never' })).toBe('control=never');
  });

  it('falls back to defaults for values out of range or unknown', () => {
    expect(parseImpactQuery('k=1&interval=year&method=ols&control=all&band=wide&season=3')).toEqual(
      DEFAULT_IMPACT,
    );
    expect(parseImpactQuery('k=2.5').k).toBe(6);
    expect(
      parseImpactQuery('call=1956-09||a month is no period&call=x|effect|no&call=4||ok').callouts,
    ).toEqual([{ at: '4', on: '', text: 'ok' }]);
  });
});
