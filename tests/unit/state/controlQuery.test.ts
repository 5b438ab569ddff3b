import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONTROL,
  controlQueryString,
  parseControlQuery,
  type ControlState,
} from '../../../src/lib/state/controlQuery';

describe('control view state in the URL', () => {
  it('round-trips every field, notes with colons and ampersands included, defaults left out', () => {
    const s: ControlState = {
      factory: 'guangming',
      product: 'crepe satin',
      defect: '断经',
      interval: 'quarter',
      kind: 'pprime',
      rules: 'we',
      baseline: 12,
      bfrom: '',
      bto: '',
      stages: ['1956-06-01', '1956-10-01'],
      notes: [{ period: '1956-08', text: 'new loom tension gauges: 3 & <b>' }],
      fproduct: 'soft satin',
      from: '1956-01',
      to: '1956-12',
      sort: 'latest',
      desc: false,
    };
    expect(parseControlQuery(controlQueryString(s))).toEqual(s);
    expect(controlQueryString(DEFAULT_CONTROL)).toBe('');
  });

  it('falls back for values out of range, and drops malformed stages and empty notes', () => {
    expect(
      parseControlQuery(
        'kind=np&rules=x&baseline=1&interval=week&stage=1956-13-01&note=1956-08:&note=x&from=1956&to=soon',
      ),
    ).toEqual(DEFAULT_CONTROL);
    expect(parseControlQuery(`note=1956-01:${'a'.repeat(500)}`).notes[0].text).toHaveLength(200);
  });

  it('keeps a baseline span in place of a count, and drops a reversed or partial one', () => {
    const span = { ...DEFAULT_CONTROL, bfrom: '1955-01', bto: '1955-12' };
    expect(controlQueryString({ ...span, baseline: 6 })).toBe('bfrom=1955-01&bto=1955-12');
    expect(parseControlQuery('baseline=6&bfrom=1955-01&bto=1955-12')).toEqual(span);
    expect(parseControlQuery('baseline=6&bfrom=1955-12&bto=1955-01')).toMatchObject({
      baseline: 6,
      bfrom: '',
      bto: '',
    });
    expect(parseControlQuery('bfrom=1955-01')).toEqual(DEFAULT_CONTROL);
  });
});
