import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  DAY_PATTERN,
  MONTH_PATTERN,
  dayTime,
  daysBetween,
  isoDay,
  isoMonth,
} from '../../src/lib/calendar';

describe('the calendar', () => {
  it('reads a day as its UTC midnight, ignoring a time after it', () => {
    expect(dayTime('1956-03-12')).toBe(Date.UTC(1956, 2, 12));
    expect(dayTime('1956-03-12T18:30')).toBe(Date.UTC(1956, 2, 12));
  });
  it('names the UTC day and month of an instant, whatever the local zone', () => {
    const lateOnNewYearsEve = Date.UTC(1956, 11, 31, 23, 59);
    expect(isoDay(lateOnNewYearsEve)).toBe('1956-12-31');
    expect(isoMonth(lateOnNewYearsEve)).toBe('1956-12');
    expect(isoDay(dayTime('1957-01-01') + DAY_MS - 1)).toBe('1957-01-01');
  });
  it('counts whole days across a leap day', () => {
    expect(daysBetween(dayTime('1956-02-28'), dayTime('1956-03-01'))).toBe(2);
  });
  it('accepts only real months and plausible days', () => {
    expect(['1956-01', '1956-12'].every((m) => MONTH_PATTERN.test(m))).toBe(true);
    expect(['1956-13', '1956-1', '56-01', '1956-00'].some((m) => MONTH_PATTERN.test(m))).toBe(
      false,
    );
    expect(DAY_PATTERN.test('1956-02-29')).toBe(true);
    expect(['1956-02-32', '1956-2-03', '1956-02-00'].some((d) => DAY_PATTERN.test(d))).toBe(false);
  });
});
