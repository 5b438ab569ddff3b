import { describe, expect, it } from 'vitest';
import {
  isMissing,
  looksDecimalComma,
  parseCount,
  parsePeriod,
} from '../../../src/lib/import/values';

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
    ['1.2e3', 1200],
    ['0.1e1', 1],
    ['1,234.000', 1234],
    ['+7', 7],
    ['\u00A012\u3000', 12],
    ['9007199254740991', 9007199254740991],
    ['0000000000000000000042', 42],
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
    ['2.0000000000000001', 'not-whole'],
    ['1e-400', 'not-whole'],
    ['-0', 'negative'],
    ['\u22123', 'negative'],
    ['1e400', 'too-large'],
    ['9007199254740992', 'too-large'],
    ['99999999999999999999', 'too-large'],
    ['.', 'not-a-number'],
    ['+', 'not-a-number'],
    ['1,234.5', 'not-whole'],
  ])('rejects %j as %s', (cell, problem) => {
    expect(parseCount(cell)).toMatchObject({ ok: false, problem });
  });
});

describe('isMissing(cell)', () => {
  it.each([
    '',
    '  ',
    '-',
    '#N/A',
    'N/A',
    'null',
    'NaN',
    '\u00A0',
    '\u3000',
    '\uFEFF',
    '\u2003',
    '\u2028',
    '\u200B\u00A0',
    ' \u3000N/A\u00A0',
  ])('treats %j as missing', (cell) => {
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
    ['1956-08-26T24:00', '1956-08-26', 'day', '1956-08-26'],
    ['\u00A01956-08\u3000', '1956-08-01', 'month', '1956-08'],
    ['1000-01-01', '1000-01-01', 'day', '1000-01-01'],
    ['9999-12', '9999-12-01', 'month', '9999-12'],
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
    ['0956-08', 'year-range'],
    ['0000-02-29', 'year-range'],
    ['0099-01-01', 'year-range'],
    ['0956', 'year-range'],
    ['0956年第三季度', 'year-range'],
    ['1/13/0956', 'year-range'],
    ['1956-08-26T25:00', 'impossible-date'],
    ['1956-08-26 10:60', 'impossible-date'],
    ['\u00A0', 'bad-date'],
  ])('rejects %j as %s', (cell, problem) => {
    expect(parsePeriod(cell)).toMatchObject({ ok: false, problem });
  });

  it('names both readings of an ambiguous date', () => {
    expect(parsePeriod('8/6/1956')).toMatchObject({
      readings: ['1956-06-08', '1956-08-06'],
    });
  });
});

describe('counts written with a decimal comma', () => {
  it('reads 3.000 as three thousand, and 1.234,0 and 2,0 as whole numbers', () => {
    expect(parseCount('3.000', true)).toEqual({ ok: true, value: 3000 });
    expect(parseCount('1.234.567', true)).toEqual({ ok: true, value: 1234567 });
    expect(parseCount('1.234,0', true)).toEqual({ ok: true, value: 1234 });
    expect(parseCount('2,0', true)).toEqual({ ok: true, value: 2 });
    expect(parseCount('2,5', true)).toEqual({ ok: false, problem: 'not-whole' });
    expect(parseCount('1,234', true)).toEqual({ ok: false, problem: 'not-whole' });
    expect(parseCount('1,2,3', true)).toEqual({ ok: false, problem: 'not-a-number' });
    // Without the convention, as before.
    expect(parseCount('3.000')).toEqual({ ok: true, value: 3 });
  });

  it('is seen in cells such as 3.000 or 2,5, and not where 1,234 or 2.5 says otherwise', () => {
    expect(looksDecimalComma(['120', '3.000', '95'])).toBe(true);
    expect(looksDecimalComma(['1.234,5'])).toBe(true);
    expect(looksDecimalComma(['120', '95'])).toBe(false);
    expect(looksDecimalComma(['3.000', '1,234'])).toBe(false);
    expect(looksDecimalComma(['3.000', '2.5'])).toBe(false);
  });
});
