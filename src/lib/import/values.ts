import type { Grain, Period } from '../schema/types';
import { toHalfWidth } from '../text';

/** Why a cell could not be read; the validator turns these into sentences. */
export type ValueProblem =
  'not-a-number' | 'not-whole' | 'negative' | 'bad-date' | 'impossible-date' | 'ambiguous-date';

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

/** True for the cells that mean "no value": empty, `-`, `#N/A`, `N/A`, `null`, `NaN`. */
export function isMissing(cell: string | undefined): boolean {
  if (cell === undefined || cell === '') return true;
  // Fast path: every marker starts with one of these characters (after optional white space).
  const c = cell.charCodeAt(0);
  if (c !== 35 && c !== 45 && c !== 78 && c !== 110 && c !== 0x2013 && c !== 0x2014 && c > 32)
    return false;
  return MISSING.has(cell.trim().toLowerCase());
}

/**
 * Reads a whole number >= 0: `1234`, `1,234`, `1 234`, full-width `１２３４`, and
 * `12.0`. Rejects `12.5` (not-whole), `-3` (negative) and text (not-a-number).
 */
export function parseCount(cell: string): Parsed<number> {
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
  let s = toHalfWidth(cell).trim();
  if (/^\d{1,3}([, \u00A0\u202F]\d{3})+(\.0+)?$/.test(s)) s = s.replace(/[, \u00A0\u202F]/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(s))
    return { ok: false, problem: 'not-a-number' };
  const n = Number(s);
  if (!Number.isFinite(n)) return { ok: false, problem: 'not-a-number' };
  if (n < 0) return { ok: false, problem: 'negative' };
  if (!Number.isSafeInteger(n)) return { ok: false, problem: 'not-whole' };
  return { ok: true, value: n };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function dayPeriod(y: number, m: number, d: number): Parsed<Period> {
  if (m < 1 || m > 12) return { ok: false, problem: 'impossible-date' };
  if (d < 1 || d > daysInMonth(y, m)) return { ok: false, problem: 'impossible-date' };
  const label = `${y}-${pad2(m)}-${pad2(d)}`;
  return { ok: true, value: { start: label, grain: 'day', label } };
}

function monthPeriod(y: number, m: number): Parsed<Period> {
  if (m < 1 || m > 12) return { ok: false, problem: 'impossible-date' };
  const label = `${y}-${pad2(m)}`;
  return { ok: true, value: { start: `${label}-01`, grain: 'month', label } };
}

function quarterPeriod(y: number, q: number): Parsed<Period> {
  if (q < 1 || q > 4) return { ok: false, problem: 'impossible-date' };
  return {
    ok: true,
    value: { start: `${y}-${pad2((q - 1) * 3 + 1)}-01`, grain: 'quarter', label: `${y}-Q${q}` },
  };
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * Reads a period: ISO `1956-08-26`, year-month `1956-08`, quarter `1956-Q3`,
 * slashes `1956/8/26`, Chinese `1956年8月26日` / `1956年8月` / `1956年第三季度`,
 * a bare year `1956`, and day-first or month-first `26/8/1956` when only one
 * reading is possible. `8/6/1956` is ambiguous-date; `1956-02-30` is impossible-date.
 */
export function parsePeriod(cell: string): Parsed<Period> {
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

function parsePeriodUncached(cell: string): Parsed<Period> {
  const s = toHalfWidth(cell).trim();
  let m: RegExpMatchArray | null;
  // Year first: 1956-08-26, 1956/8/26, 1956.8.26, 1956-08, 1956/8, optionally with a time.
  if (
    (m = s.match(
      /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
    ))
  )
    return dayPeriod(+m[1], +m[2], +m[3]);
  if ((m = s.match(/^(\d{4})[-/.](\d{1,2})$/))) return monthPeriod(+m[1], +m[2]);
  if ((m = s.match(/^(\d{4})\s*[-/ ]?\s*Q([1-9])$/i))) return quarterPeriod(+m[1], +m[2]);
  if ((m = s.match(/^Q([1-9])\s*[-/ ]?\s*(\d{4})$/i))) return quarterPeriod(+m[2], +m[1]);
  if ((m = s.match(/^(\d{4})$/)))
    return { ok: true, value: { start: `${m[1]}-01-01`, grain: 'year', label: m[1] } };
  // Chinese: 1956年8月26日, 1956年8月, 1956年第3季度, 1956年第三季度, 1956年.
  if ((m = s.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]$/)))
    return dayPeriod(+m[1], +m[2], +m[3]);
  if ((m = s.match(/^(\d{4})\s*年\s*(\d{1,2})\s*月(份)?$/))) return monthPeriod(+m[1], +m[2]);
  if ((m = s.match(/^(\d{4})\s*年\s*第?\s*([1-4一二三四])\s*季(度)?$/)))
    return quarterPeriod(+m[1], CN_DIGITS[m[2]] ?? +m[2]);
  if ((m = s.match(/^(\d{4})\s*年$/)))
    return { ok: true, value: { start: `${m[1]}-01-01`, grain: 'year', label: m[1] } };
  // Year last: 26/8/1956 or 8/26/1956; accepted only when one reading is impossible.
  if ((m = s.match(/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/))) {
    const a = +m[1];
    const b = +m[2];
    const y = +m[3];
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

/** The grains, finest first. */
export const GRAINS: readonly Grain[] = ['day', 'month', 'quarter', 'year'];
