import { DAY_MS, isoDay } from '../calendar';
import type { Period } from '../schema/types';
import { isInvisible, toHalfWidth, trimInvisible } from '../text';

/** Why a cell could not be read; the validator turns these into sentences. */
export type ValueProblem =
  | 'not-a-number'
  | 'not-whole'
  | 'negative'
  | 'too-large'
  | 'bad-date'
  | 'impossible-date'
  | 'ambiguous-date'
  | 'year-range'
  | 'rate-range';

/** A cell read as a value, or the reason it could not be. */
export type Parsed<T> =
  { ok: true; value: T } | { ok: false; problem: ValueProblem; readings?: [string, string] };

const MISSING = new Set([
  '',
  '-',
  '—',
  '–',
  '#n/a',
  'n/a',
  '#na',
  'null',
  'nan',
  '#value!',
  '#ref!',
]);

/**
 * True for the cells that mean "no value": empty, only white space or invisible characters
 * (U+00A0, U+3000, U+FEFF, U+200B…), `-`, `#N/A`, `N/A`, `null`, `NaN`.
 */
export function isMissing(cell: string | undefined): boolean {
  if (cell === undefined || cell === '') return true;
  // Fast path: a cell that starts with a visible character other than the markers' first
  // characters (# - N n – —) has a value: nearly every cell, Chinese ones included.
  const c = cell.charCodeAt(0);
  if (
    !isInvisible(c) &&
    c !== 35 &&
    c !== 45 &&
    c !== 78 &&
    c !== 110 &&
    c !== 0x2013 &&
    c !== 0x2014
  )
    return false;
  const t = trimInvisible(cell);
  return t === '' || MISSING.has(t.toLowerCase());
}

/** The largest count Loom stores exactly (2^53 − 1). */
const MAX_COUNT = Number.MAX_SAFE_INTEGER;

/**
 * Whether count cells are written with a decimal comma, as in much of Europe: `3.000` for three
 * thousand and `2,5` for two and a half. Only a semicolon-separated file is read this way (a
 * comma-separated one cannot hold an unquoted decimal comma), and only when some cell shows it
 * and none shows the other convention (`1,234` or `2.5`).
 */
export function looksDecimalComma(cells: readonly string[]): boolean {
  let comma = false;
  for (const raw of cells) {
    const c = raw.trim();
    if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(c) || /^\d+\.\d{1,2}$/.test(c) || /^\d+\.\d{4,}$/.test(c))
      return false;
    if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(c) || /^\d+,\d+$/.test(c)) comma = true;
  }
  return comma;
}

/**
 * Reads a whole number >= 0 from its text, exactly: `1234`, `1,234`, `1 234`, full-width
 * `１２３４`, `12.0` and `1.2e3`. The check is on the decimal digits, never on a float, so
 * `2.0000000000000001` and `1e-400` are not-whole, `12.5` is not-whole, `-3` and `-0` are
 * negative, text is not-a-number and anything above 2^53 − 1 is too-large.
 */
export function parseCount(cell: string, decimalComma = false): Parsed<number> {
  // Fast path: plain ASCII digits, which is nearly every cell of a large file.
  const len = cell.length;
  if (len > 0 && len < 16) {
    let n = 0;
    let i = 0;
    for (; i < len; i++) {
      const c = cell.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      n = n * 10 + c;
    }
    if (i === len) return { ok: true, value: n };
  }
  let s = trimInvisible(toHalfWidth(cell));
  if (decimalComma) {
    // `3.000` is three thousand and `1.234,5` or `2,5` have a decimal comma.
    if (/^[+\-\u2212]?\d{1,3}([. \u00A0\u202F]\d{3})+(,\d*)?$/.test(s))
      s = s.replace(/[. \u00A0\u202F]/g, '');
    if (/^[^.]*,\d*$/.test(s)) s = s.replace(',', '.');
    else if (s.includes(',')) return { ok: false, problem: 'not-a-number' };
  } else if (/^[+\-\u2212]?\d{1,3}([, \u00A0\u202F]\d{3})+(\.\d*)?$/.test(s))
    s = s.replace(/[, \u00A0\u202F]/g, '');
  const m = /^([+\-\u2212]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d{1,9}))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { ok: false, problem: 'not-a-number' };
  if (m[1] === '-' || m[1] === '\u2212') return { ok: false, problem: 'negative' };
  // The value is digits × 10^shift, exactly.
  let digits = m[2] + (m[3] ?? '');
  const shift = Number(m[4] ?? 0) - (m[3] ?? '').length;
  if (shift < 0) {
    const dropped = digits.slice(Math.max(0, digits.length + shift));
    if (/[1-9]/.test(dropped)) return { ok: false, problem: 'not-whole' };
    digits = digits.slice(0, Math.max(0, digits.length + shift));
  }
  digits = digits.replace(/^0+/, '');
  if (digits === '') return { ok: true, value: 0 };
  if (shift > 0) {
    if (digits.length + shift > 16) return { ok: false, problem: 'too-large' };
    digits += '0'.repeat(shift);
  }
  if (digits.length > 16) return { ok: false, problem: 'too-large' };
  const n = Number(digits);
  if (n > MAX_COUNT) return { ok: false, problem: 'too-large' };
  return { ok: true, value: n };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A rate as written, exactly: `digits` / 10^`scale` (8.0% is 80 / 10^3). */
export interface Rate {
  digits: number;
  scale: number;
}

/**
 * Reads a defect rate from its text: `0.08`, `8%`, `8.0 %`, full-width `８％`, or `8` in a
 * column whose header says it holds percentages. The digits are kept as written, so the
 * rounding a rate was written with is known (8.0% means 7.95% to 8.05%). Above 1 (100%) is
 * rate-range; a negative rate is negative, text is not-a-number.
 */
export function parseRate(cell: string, percentColumn = false, decimalComma = false): Parsed<Rate> {
  let s = trimInvisible(toHalfWidth(cell));
  let percent = percentColumn;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1).trimEnd();
  }
  if (decimalComma) s = s.replace(',', '.');
  if (/^[-\u2212]/.test(s)) return { ok: false, problem: 'negative' };
  const m = /^\+?(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[1] === '' && !m[2])) return { ok: false, problem: 'not-a-number' };
  // Past 12 decimals the rounding is finer than any count can show.
  const fraction = (m[2] ?? '').slice(0, 12);
  const digits = Number(m[1] + fraction);
  const scale = fraction.length + (percent ? 2 : 0);
  if (!Number.isSafeInteger(digits) || digits > 10 ** scale)
    return { ok: false, problem: 'rate-range' };
  return { ok: true, value: { digits, scale } };
}

/** True when a column of rates holds percentages by its header: `次品率(%)`, `percent`. */
export const isPercentHeader = (header: string): boolean => /[%％]|percent|百分/i.test(header);

/** round(rate × inspected), half up, in exact integer arithmetic. */
export function countFromRate(rate: Rate, inspected: number): number {
  const den = 10n ** BigInt(rate.scale);
  return Number((2n * BigInt(rate.digits) * BigInt(inspected) + den) / (2n * den));
}

/**
 * True when `defective` of `inspected` can be the count a rate was rounded from: some rate
 * within half a unit of the rate's last written digit, times `inspected`, rounds to it.
 */
export function rateAgrees(rate: Rate, inspected: number, defective: number): boolean {
  const den = 10n ** BigInt(rate.scale);
  const m = BigInt(rate.digits);
  const n = BigInt(inspected);
  const d = BigInt(defective);
  return (2n * m - 1n) * n <= (2n * d + 1n) * den && (2n * m + 1n) * n >= (2n * d - 1n) * den;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Loom reads years 1000 to 9999: four digits, so every label sorts and reads as `YYYY`. */
export const MIN_YEAR = 1000;
export const MAX_YEAR = 9999;

const YEAR_RANGE = { ok: false, problem: 'year-range' } as const;
const badYear = (y: number) => !(y >= MIN_YEAR && y <= MAX_YEAR);

function dayPeriod(y: number, m: number, d: number): Parsed<Period> {
  if (badYear(y)) return YEAR_RANGE;
  if (m < 1 || m > 12) return { ok: false, problem: 'impossible-date' };
  if (d < 1 || d > daysInMonth(y, m)) return { ok: false, problem: 'impossible-date' };
  const label = `${y}-${pad2(m)}-${pad2(d)}`;
  return { ok: true, value: { start: label, grain: 'day', label } };
}

function monthPeriod(y: number, m: number): Parsed<Period> {
  if (badYear(y)) return YEAR_RANGE;
  if (m < 1 || m > 12) return { ok: false, problem: 'impossible-date' };
  const label = `${y}-${pad2(m)}`;
  return { ok: true, value: { start: `${label}-01`, grain: 'month', label } };
}

function quarterPeriod(y: number, q: number): Parsed<Period> {
  if (badYear(y)) return YEAR_RANGE;
  if (q < 1 || q > 4) return { ok: false, problem: 'impossible-date' };
  return {
    ok: true,
    value: { start: `${y}-${pad2((q - 1) * 3 + 1)}-01`, grain: 'quarter', label: `${y}-Q${q}` },
  };
}

function yearPeriod(y: number): Parsed<Period> {
  if (badYear(y)) return YEAR_RANGE;
  return { ok: true, value: { start: `${y}-01-01`, grain: 'year', label: String(y) } };
}

/** A time of day after a date, `10:00`, `23:59:59.5`, `24:00`: checked, then dropped. */
function timeOk(h: string | undefined, min: string | undefined, sec: string | undefined): boolean {
  if (h === undefined) return true;
  const hh = +h;
  const mm = +min!;
  const ss = sec === undefined ? 0 : +sec;
  if (hh === 24) return mm === 0 && ss === 0;
  return hh <= 23 && mm <= 59 && ss < 61;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * Reads a period: ISO `1956-08-26`, year-month `1956-08`, quarter `1956-Q3`,
 * slashes `1956/8/26`, Chinese `1956年8月26日` / `1956年8月` / `1956年第三季度`,
 * a bare year `1956`, and day-first or month-first `26/8/1956` when only one
 * reading is possible. `8/6/1956` is ambiguous-date; `1956-02-30` is impossible-date.
 */
export function parsePeriod(cell: string): Parsed<Period> {
  // `YYYY-MM`, the commonest form, read from its digits: no string is hashed.
  if (cell.length === 7 && cell.charCodeAt(4) === 45) {
    const y = digitsAt(cell, 0, 4);
    const m = digitsAt(cell, 5, 2);
    if (y >= 0 && m >= 0) {
      let month = monthMemo.get(y * 100 + m);
      if (month === undefined) monthMemo.set(y * 100 + m, (month = monthPeriod(y, m)));
      return month;
    }
  }
  // A file has few distinct periods and many rows: remember the answers (shared objects: never mutate them).
  let hit = periodMemo.get(cell);
  if (hit === undefined) {
    hit = parsePeriodUncached(cell);
    if (periodMemo.size >= 100_000) periodMemo.clear();
    periodMemo.set(cell, hit);
  }
  return hit;
}

const periodMemo = new Map<string, Parsed<Period>>();
/** `YYYY-MM` periods by y·100 + m: at most 9,000 × 100 entries. */
const monthMemo = new Map<number, Parsed<Period>>();

/** The number the ASCII digits `s[at..at+n)` spell, or -1 when one is not a digit. */
function digitsAt(s: string, at: number, n: number): number {
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function parsePeriodUncached(cell: string): Parsed<Period> {
  const s = trimInvisible(toHalfWidth(cell));
  let m: RegExpMatchArray | null;
  // Year first: 1956-08-26, 1956/8/26, 1956.8.26, 1956-08, 1956/8, optionally with a time.
  if (
    (m = s.match(
      /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
    ))
  )
    return timeOk(m[4], m[5], m[6])
      ? dayPeriod(+m[1], +m[2], +m[3])
      : { ok: false, problem: 'impossible-date' };
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})$/))) return monthPeriod(+m[1], +m[2]);
  if ((m = s.match(/^(\d{4})\s*[-/ ]?\s*Q([1-9])$/i))) return quarterPeriod(+m[1], +m[2]);
  if ((m = s.match(/^Q([1-9])\s*[-/ ]?\s*(\d{4})$/i))) return quarterPeriod(+m[2], +m[1]);
  if ((m = s.match(/^(\d{4})$/))) return yearPeriod(+m[1]);
  // Chinese: 1956年8月26日, 1956年8月, 1956年第3季度, 1956年第三季度, 1956年.
  if ((m = s.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/)))
    return dayPeriod(+m[1], +m[2], +m[3]);
  if ((m = s.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月(份)?$/))) return monthPeriod(+m[1], +m[2]);
  if ((m = s.match(/^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季(度)?$/)))
    return quarterPeriod(+m[1], CN_DIGITS[m[2]] ?? +m[2]);
  if ((m = s.match(/^(\d{4})\s*年$/))) return yearPeriod(+m[1]);
  // Year last: 26/8/1956 or 8/26/1956; accepted only when one reading is impossible.
  if ((m = s.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/))) {
    const a = +m[1];
    const b = +m[2];
    const y = +m[3];
    if (badYear(y)) return YEAR_RANGE;
    if (a > 12 && b <= 12) return dayPeriod(y, b, a);
    if (b > 12 && a <= 12) return dayPeriod(y, a, b);
    if (a === b) return dayPeriod(y, a, b);
    if (a > 12 && b > 12) return { ok: false, problem: 'impossible-date' };
    return {
      ok: false,
      problem: 'ambiguous-date',
      readings: [`${y}-${pad2(b)}-${pad2(a)}`, `${y}-${pad2(a)}-${pad2(b)}`],
    };
  }
  return { ok: false, problem: 'bad-date' };
}

/**
 * Excel's serial day number (days since 1899-12-30, as the 1900 date system counts after
 * February 1900) as an ISO day, for a whole five-digit number: 10000 is 1927-05-18 and 99999
 * is 2173-10-13. A four-digit number is a year, so it is not read here; null otherwise.
 */
export function serialDay(cell: string): string | null {
  const s = cell.trim();
  if (!/^\d{5}$/.test(s)) return null;
  return isoDay(Date.UTC(1899, 11, 30) + +s * DAY_MS);
}

/** The grains, finest first. */
export { GRAINS } from '../schema/types';
