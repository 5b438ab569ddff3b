import { describe, expect, it } from 'vitest';
import { isMissing, parseCount, parsePeriod } from '../../../src/lib/import/values';

describe('parseCount(cell)', () => {
  it.each([
    ['1234', 1234],
    ['1,234', 1234],
    ['1,234,567', 1234567],
    [' 42 ', 42],
    ['１２３４', 1234],
    ['１，２３４', 1234],
    ['12.0', 12],
    ['0', 0],
  ])('reads %j as %d', (cell, value) => {
    expect(parseCount(cell)).toEqual({ ok: true, value });
  });

  it.each([
    ['12.5', 'not-whole'],
    ['-3', 'negative'],
    ['abc', 'not-a-number'],
    ['1,23', 'not-a-number'],
    ['12,34,567', 'not-a-number'],
    ['Infinity', 'not-a-number'],
  ])('rejects %j as %s', (cell, problem) => {
    expect(parseCount(cell)).toMatchObject({ ok: false, problem });
  });
});

describe('isMissing(cell)', () => {
  it.each(['', '  ', '-', '#N/A', 'N/A', 'null', 'NaN'])('treats %j as missing', (cell) => {
    expect(isMissing(cell)).toBe(true);
  });
  it.each(['0', 'x', '—x'])('treats %j as a value', (cell) => {
    expect(isMissing(cell)).toBe(false);
  });
});

describe('parsePeriod(cell)', () => {
  it.each([
    ['1956-08-26', '1956-08-26', 'day', '1956-08-26'],
    ['1956-8-6', '1956-08-06', 'day', '1956-08-06'],
    ['1956/8/26', '1956-08-26', 'day', '1956-08-26'],
    ['1956.08.26', '1956-08-26', 'day', '1956-08-26'],
    ['1956-08-26T10:00:00Z', '1956-08-26', 'day', '1956-08-26'],
    ['1956-08', '1956-08-01', 'month', '1956-08'],
    ['1956/8', '1956-08-01', 'month', '1956-08'],
    ['1956-Q3', '1956-07-01', 'quarter', '1956-Q3'],
    ['1956 q4', '1956-10-01', 'quarter', '1956-Q4'],
    ['Q1 1957', '1957-01-01', 'quarter', '1957-Q1'],
    ['1956', '1956-01-01', 'year', '1956'],
    ['1956年8月26日', '1956-08-26', 'day', '1956-08-26'],
    ['1956年8月', '1956-08-01', 'month', '1956-08'],
    ['1956年第三季度', '1956-07-01', 'quarter', '1956-Q3'],
    ['1956年第2季度', '1956-04-01', 'quarter', '1956-Q2'],
    ['１９５６－０８', '1956-08-01', 'month', '1956-08'],
    ['26/8/1956', '1956-08-26', 'day', '1956-08-26'],
    ['8/26/1956', '1956-08-26', 'day', '1956-08-26'],
    ['6/6/1956', '1956-06-06', 'day', '1956-06-06'],
    ['1956-02-29', '1956-02-29', 'day', '1956-02-29'],
  ])('reads %j as a %s period', (cell, start, grain, label) => {
    expect(parsePeriod(cell)).toEqual({ ok: true, value: { start, grain, label } });
  });

  it.each([
    ['1956-02-30', 'impossible-date'],
    ['1955-02-29', 'impossible-date'],
    ['1956-13', 'impossible-date'],
    ['1956-Q5', 'impossible-date'],
    ['32/13/1956', 'impossible-date'],
    ['8/6/1956', 'ambiguous-date'],
    ['08/06/1956', 'ambiguous-date'],
    ['August 1956', 'bad-date'],
    ['56-08', 'bad-date'],
  ])('rejects %j as %s', (cell, problem) => {
    expect(parsePeriod(cell)).toMatchObject({ ok: false, problem });
  });

  it('names both readings of an ambiguous date', () => {
    expect(parsePeriod('8/6/1956')).toMatchObject({
      readings: ['1956-06-08', '1956-08-06'],
    });
  });
});
