import { describe, expect, it } from 'vitest';
import { formatPct, formatPoints } from '../../src/lib/format';

describe('formatPct and formatPoints', () => {
  it('shows a proportion as a percentage, with a dash for nothing', () => {
    expect(formatPct(0.1234)).toBe('12.3%');
    expect(formatPct(0.05, 2)).toBe('5.00%');
    expect(formatPct(null)).toBe('–');
    expect(formatPct(NaN)).toBe('–');
  });

  it('shows a change in signed percentage points, with a true minus sign', () => {
    expect(formatPoints(-0.012)).toBe('−1.2');
    expect(formatPoints(0.003)).toBe('+0.3');
    expect(formatPoints(0)).toBe('0.0');
    expect(formatPoints(null)).toBe('–');
  });
});
