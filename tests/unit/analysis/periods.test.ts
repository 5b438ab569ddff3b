import { describe, expect, it } from 'vitest';
import {
  bucketMonths,
  bucketOf,
  bucketSpan,
  labelGrain,
  periodBucket,
  periodIndex,
  periodLabel,
  periodWithin,
} from '../../../src/lib/analysis/periods';

describe('bucketOf(month, interval)', () => {
  it.each([
    ['1956-01', 'month', '1956-01'],
    ['1956-03', 'quarter', '1956-Q1'],
    ['1956-04', 'quarter', '1956-Q2'],
    ['1956-09', 'quarter', '1956-Q3'],
    ['1956-12', 'quarter', '1956-Q4'],
    ['1956-12', 'year', '1956'],
  ] as const)('puts %s in the %s %s', (month, interval, bucket) => {
    expect(bucketOf(month, interval)).toBe(bucket);
  });
  it.each(['1956-13', '1956-8', '1956-08-01', ''])('throws a TypeError for %j', (m) => {
    expect(() => bucketOf(m, 'month')).toThrow(TypeError);
  });
});

describe('bucketMonths(bucket) and bucketSpan(bucket)', () => {
  it.each([
    ['1956-08', '1956-08', '1956-08', '1956-08-01', '1956-09-01'],
    ['1956-Q3', '1956-07', '1956-09', '1956-07-01', '1956-10-01'],
    ['1956-Q4', '1956-10', '1956-12', '1956-10-01', '1957-01-01'],
    ['1956', '1956-01', '1956-12', '1956-01-01', '1957-01-01'],
  ])('%s runs %s..%s, [%s, %s) in UTC', (bucket, first, last, start, end) => {
    expect(bucketMonths(bucket)).toEqual([first, last]);
    expect(bucketSpan(bucket)).toEqual([
      Date.parse(`${start}T00:00:00Z`),
      Date.parse(`${end}T00:00:00Z`),
    ]);
  });
  it('throws a TypeError for a string that is no bucket', () => {
    expect(() => bucketMonths('1956-Q5')).toThrow(TypeError);
  });
});

describe('periodIndex(time, interval) and periodLabel(index, interval)', () => {
  it('numbers consecutive periods by 1 across a year end, and labels them as bucketOf', () => {
    const dec = Date.UTC(1955, 11, 31);
    const jan = Date.UTC(1956, 0, 1);
    expect(periodIndex(jan, 'month') - periodIndex(dec, 'month')).toBe(1);
    expect(periodIndex(jan, 'quarter') - periodIndex(dec, 'quarter')).toBe(1);
    expect(periodIndex(jan, 'year') - periodIndex(dec, 'year')).toBe(1);
    for (const interval of ['month', 'quarter', 'year'] as const)
      expect(periodLabel(periodIndex(Date.UTC(1956, 7, 15), interval), interval)).toBe(
        bucketOf('1956-08', interval),
      );
  });
});

describe('labelGrain, periodBucket and periodWithin', () => {
  it.each([
    ['1956-08', 'month'],
    ['1956-Q3', 'quarter'],
    ['1956', 'year'],
  ])('%s is a %s', (label, grain) => expect(labelGrain(label)).toBe(grain));

  it('refuses what is not a period label', () =>
    expect(() => labelGrain('1956-13')).toThrow(TypeError));

  it.each([
    ['1956-08', 'month', '1956-08'],
    ['1956-08', 'quarter', '1956-Q3'],
    ['1956-08', 'year', '1956'],
    ['1956-Q3', 'month', null],
    ['1956-Q3', 'quarter', '1956-Q3'],
    ['1956-Q3', 'year', '1956'],
    ['1956', 'quarter', null],
    ['1956', 'year', '1956'],
  ] as const)('%s at a %s interval is in %s', (label, interval, bucket) =>
    expect(periodBucket(label, interval)).toBe(bucket),
  );

  it('is within a range when every month of the period is', () => {
    expect(periodWithin('1956-Q3', '1956-07', '1956-09')).toBe(true);
    expect(periodWithin('1956-Q3', '1956-08')).toBe(false);
    expect(periodWithin('1956-Q3', undefined, '1956-08')).toBe(false);
    expect(periodWithin('1956', '1956-01', '1956-12')).toBe(true);
    expect(periodWithin('1956-08')).toBe(true);
  });
});
