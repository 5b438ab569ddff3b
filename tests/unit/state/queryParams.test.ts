import { describe, expect, it } from 'vitest';
import { oneOf } from '../../../src/lib/state/queryParams';

describe('oneOf(value, values, fallback)', () => {
  it('keeps a listed value and falls back for anything else, a missing parameter included', () => {
    expect(oneOf('quarter', ['month', 'quarter'], 'month')).toBe('quarter');
    expect(oneOf('weekly', ['month', 'quarter'], 'month')).toBe('month');
    expect(oneOf(null, ['month', 'quarter'], 'month')).toBe('month');
  });
});
