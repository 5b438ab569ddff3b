import { describe, expect, it } from 'vitest';
import {
  countFromRate,
  isMissing,
  isPercentHeader,
  looksDecimalComma,
  parseCount,
  parsePeriod,
  parseRate,
  rateAgrees,
  serialDay,
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

describe('parseRate(cell, percentColumn)', () => {
  it.each([
    ['0.08', false, { digits: 8, scale: 2 }],
    ['8%', false, { digits: 8, scale: 2 }],
    ['8.0 %', false, { digits: 80, scale: 3 }],
    ['８．０２％', false, { digits: 802, scale: 4 }],
    ['8.02', true, { digits: 802, scale: 4 }],
    ['1', false, { digits: 1, scale: 0 }],
    ['100%', false, { digits: 100, scale: 2 }],
    ['.5', false, { digits: 5, scale: 1 }],
  ])('reads %j (percent column: %s) exactly as written', (cell, percent, rate) =>
    expect(parseRate(cell, percent)).toEqual({ ok: true, value: rate }),
  );

  it.each([
    ['8', false, 'rate-range'],
    ['100.5%', false, 'rate-range'],
    ['120', true, 'rate-range'],
    ['-0.1', false, 'negative'],
    ['high', false, 'not-a-number'],
    ['%', false, 'not-a-number'],
    ['1e-3', false, 'not-a-number'],
  ])('refuses %j (percent column: %s) as %s', (cell, percent, problem) =>
    expect(parseRate(cell, percent)).toMatchObject({ ok: false, problem }),
  );

  it('reads 8,5% with a decimal comma when the file uses one', () =>
    expect(parseRate('8,5%', false, true)).toEqual({ ok: true, value: { digits: 85, scale: 3 } }));

  it('knows a percent column by its header', () => {
    expect(
      ['次品率(%)', '次品率（％）', 'percent defective', '百分比'].map(isPercentHeader),
    ).toEqual([true, true, true, true]);
    expect(isPercentHeader('次品率')).toBe(false);
  });
});

describe('countFromRate and rateAgrees', () => {
  const rate = (cell: string) => {
    const r = parseRate(cell);
    if (!r.ok) throw new Error(cell);
    return r.value;
  };

  it('derives round(rate × inspected), half up, exactly', () => {
    expect(countFromRate(rate('8.02%'), 1210)).toBe(97); // 97.042
    expect(countFromRate(rate('0.125'), 4)).toBe(1); // 0.5 rounds up
    expect(countFromRate(rate('8.25%'), 200)).toBe(17); // 16.5, which floats put at 16.499…
    expect(countFromRate(rate('0'), 5000)).toBe(0);
    expect(countFromRate(rate('100%'), 5000)).toBe(5000);
    expect(countFromRate(rate('0.000000000001'), 9e15)).toBe(9000);
  });

  it('accepts a count that the rate, within its written rounding, can come from', () => {
    // 97 / 1210 = 8.0165…%: 8%, 8.0%, 8.02% and 0.080 all round from it.
    for (const cell of ['8%', '8.0%', '8.02%', '0.080', '0.0802'])
      expect(rateAgrees(rate(cell), 1210, 97), cell).toBe(true);
    // 8.2% is 8.15% to 8.25%, 98.6 to 99.8 pieces of 1210: 99 agrees, 97 and 98 do not.
    expect(rateAgrees(rate('8.2%'), 1210, 99)).toBe(true);
    expect(rateAgrees(rate('8.2%'), 1210, 98)).toBe(false);
    expect(rateAgrees(rate('8.2%'), 1210, 97)).toBe(false);
    // 8.1% reaches down to 8.05% × 1210 = 97.4 pieces, which rounds to 97.
    expect(rateAgrees(rate('8.1%'), 1210, 97)).toBe(true);
    // 8.00% × 1210 is 96.8 pieces, which a count of 97 may have been rounded from.
    expect(rateAgrees(rate('8.00%'), 1210, 97)).toBe(true);
    // A whole percent is coarse: 0% reaches to 0.5%, 6 pieces of 1210; 0.00% only to 0.06.
    expect(rateAgrees(rate('0%'), 1210, 6)).toBe(true);
    expect(rateAgrees(rate('0%'), 1210, 7)).toBe(false);
    expect(rateAgrees(rate('0.00%'), 1210, 0)).toBe(true);
    expect(rateAgrees(rate('0.00%'), 1210, 1)).toBe(false);
  });
});

describe('serialDay(cell)', () => {
  it('reads a five-digit number as Excel’s serial day', () => {
    expect(serialDay('20637')).toBe('1956-07-01');
    expect(serialDay('10000')).toBe('1927-05-18');
    expect(serialDay(' 99999 ')).toBe('2173-10-13');
  });
  it.each(['1956', '123456', '20637.5', '1956-07', ''])('leaves %j alone', (cell) =>
    expect(serialDay(cell)).toBeNull(),
  );
});
