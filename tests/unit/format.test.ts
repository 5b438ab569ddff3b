import { afterEach, describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDay,
  formatPct,
  formatPoints,
  formatTime,
  setFormatLocale,
} from '../../src/lib/format';

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

describe('dates through Intl, in the interface locale', () => {
  afterEach(() => setFormatLocale('en'));

  it('shows a calendar day from the data the same everywhere (UTC), in English and Chinese', () => {
    expect(formatDay('1956-08-26')).toBe('Aug 26, 1956');
    expect(formatDay(Date.UTC(1957, 3, 1))).toBe('Apr 1, 1957');
    setFormatLocale('zh-CN');
    expect(formatDay('1956-08-26')).toBe('1956年8月26日');
  });

  it('leaves what is not a day as it is, and shows a dash for no time', () => {
    expect(formatDay('1956-Q3')).toBe('1956-Q3');
    expect(formatTime(0)).toBe('–');
    expect(formatDate(Number.NaN)).toBe('–');
  });

  it('shows a moment in local time with its date (the tests run at UTC)', () => {
    const t = Date.UTC(2026, 10, 23, 14, 5);
    expect(formatDate(t)).toBe('Nov 23, 2026');
    expect(formatTime(t)).toMatch(/^Nov 23, 2026,? 2:05\s?PM$/);
    setFormatLocale('zh-CN');
    expect(formatTime(t)).toBe('2026年11月23日 14:05');
  });
});
