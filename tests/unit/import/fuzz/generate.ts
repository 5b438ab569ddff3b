// Seeded generators for the analyzeCsv fuzzer: files with a known expected result, nasty
// numbers and dates with an exact oracle, byte mutations and token soup. Everything here is
// a pure function of its seed, so that a failure is replayed by its seed alone.
import type { Encoding } from '../../../../src/lib/import/types';
import type { AnyRecord, RecordKind } from '../../../../src/lib/schema/types';
import { rng } from '../../../../bench/generate.mjs';

/** A seeded generator of numbers in [0, 1): the bench's mulberry32. */
export type Rng = () => number;
export { rng };

export const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
export const chance = (r: Rng, p: number) => r() < p;

// Encoders. GB18030 and Windows-1252 tables are built from the platform's own decoders.
let gbTable: Map<string, number[]> | null = null;
function gbOf(ch: string): number[] {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let a = 0x81; a <= 0xfe; a++)
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const c = dec.decode(new Uint8Array([a, b]));
        if (c.length === 1 && c !== '\uFFFD' && !gbTable.has(c)) gbTable.set(c, [a, b]);
      }
  }
  const bytes = gbTable.get(ch);
  if (!bytes) throw new Error(`no two-byte GB18030 code for ${ch}`);
  return bytes;
}

let cp1252: Map<string, number> | null = null;
function cp1252Of(ch: string): number {
  if (!cp1252) {
    cp1252 = new Map();
    const dec = new TextDecoder('windows-1252');
    for (let b = 0x80; b <= 0xff; b++) cp1252.set(dec.decode(new Uint8Array([b])), b);
  }
  const b = cp1252.get(ch);
  if (b === undefined) throw new Error(`no Windows-1252 code for ${ch}`);
  return b;
}

/** Text as bytes in `encoding`, with a BOM where asked (UTF-8 and UTF-16 only). */
export function encode(text: string, encoding: Encoding, bom = false): Uint8Array {
  if (encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    return bom ? new Uint8Array([0xef, 0xbb, 0xbf, ...body]) : body;
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const le = new Uint8Array(Buffer.from((bom ? '\uFEFF' : '') + text, 'utf16le'));
    return encoding === 'utf-16le' ? le : le.map((_, i, a) => a[i ^ 1]);
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (encoding === 'gb18030') out.push(...gbOf(ch));
    else out.push(cp1252Of(ch));
  }
  return new Uint8Array(out);
}

// Text pools: Chinese (GB2312, so GB18030 has two-byte codes), Latin with one accented letter
// between ASCII (so Windows-1252 never looks like UTF-8), and plain ASCII.
const CJK = [
  '振亚丝织厂',
  '东吴丝织厂',
  '光明丝织厂',
  '绉缎',
  '软缎',
  '断经',
  '跳花',
  '色差',
  '破洞',
];
const LATIN = ['Zürich', 'Soierie Lyonnaise', 'Sedería', 'Rubans Étienne', 'crêpe', 'naïf'];
const ASCII = ['zhenya', 'dongwu', 'guangming', 'crepe satin', 'soft satin', 'broken warp'];

/** The characters `encoding` can hold among the pools. */
function textPool(encoding: Encoding | 'string'): string[] {
  if (encoding === 'windows-1252') return [...LATIN, ...ASCII];
  if (encoding === 'gb18030') return [...CJK, ...ASCII];
  return [...CJK, ...LATIN, ...ASCII];
}

const INVISIBLE = ['\u00A0', '\u3000', '\u2003', '\uFEFF', '\u200B'];

/** The invisible characters `encoding` can hold (GB18030 is generated with two-byte codes only). */
const invisibleIn = (encoding: Encoding) =>
  encoding === 'windows-1252' ? ['\u00A0'] : encoding === 'gb18030' ? ['\u3000'] : INVISIBLE;

/** A text cell: a value, sometimes with invisible padding the validator trims. */
function textCell(r: Rng, value: string, encoding: Encoding): string {
  if (!chance(r, 0.15)) return value;
  const inv = invisibleIn(encoding);
  return pick(r, inv) + value + (chance(r, 0.5) ? pick(r, inv) : '');
}

const FULL = (s: string) =>
  s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

/** A whole number written as a person or a spreadsheet might; every form reads back as `v`. */
export function countCell(r: Rng, v: number, encoding: Encoding = 'utf-8'): string {
  const s = String(v);
  switch (int(r, 0, 7)) {
    case 0:
      return v >= 1000 ? s.replace(/\B(?=(\d{3})+$)/g, ',') : s;
    case 1:
      return encoding === 'windows-1252' ? s : FULL(s);
    case 2:
      return s + '.0';
    case 3: {
      const digits = s.replace(/0+$/, '') || '0';
      const exp = s.length - 1;
      return digits.length > 1 ? `${digits[0]}.${digits.slice(1)}e${exp}` : `${digits}e${exp}`;
    }
    case 4:
      return ` ${s}${pick(r, invisibleIn(encoding))}`;
    default:
      return s;
  }
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const CN_Q = ['一', '二', '三', '四'];

/** Is `y` a leap year in the proleptic Gregorian calendar? (The oracle's own calendar.) */
export const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
export const monthDays = (y: number, m: number) =>
  [31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

/** A period cell and what it must read as. */
export function periodCell(
  r: Rng,
  grainOnly?: 'day',
  latin = false,
): { cell: string; label: string; start: string; grain: string } {
  const y = chance(r, 0.8) ? int(r, 1950, 1960) : int(r, 1000, 9999);
  const m = int(r, 1, 12);
  const d = int(r, 1, monthDays(y, m));
  const iso = `${y}-${pad2(m)}-${pad2(d)}`;
  let kind = grainOnly ? int(r, 0, 2) : int(r, 0, 7);
  // Windows-1252 has no 年: those forms become ISO.
  if (latin && (kind === 2 || kind === 4)) kind = 0;
  switch (kind) {
    case 0:
      return { cell: iso, label: iso, start: iso, grain: 'day' };
    case 1:
      return { cell: `${y}/${m}/${d}`, label: iso, start: iso, grain: 'day' };
    case 2:
      return { cell: `${y}年${m}月${d}日`, label: iso, start: iso, grain: 'day' };
    case 3:
      return {
        cell: `${y}-${pad2(m)}`,
        label: `${y}-${pad2(m)}`,
        start: `${y}-${pad2(m)}-01`,
        grain: 'month',
      };
    case 4:
      return {
        cell: `${y}年${m}月`,
        label: `${y}-${pad2(m)}`,
        start: `${y}-${pad2(m)}-01`,
        grain: 'month',
      };
    case 5: {
      const q = int(r, 1, 4);
      const start = `${y}-${pad2((q - 1) * 3 + 1)}-01`;
      return {
        cell: latin || chance(r, 0.5) ? `${y}-Q${q}` : `${y}年第${CN_Q[q - 1]}季度`,
        label: `${y}-Q${q}`,
        start,
        grain: 'quarter',
      };
    }
    case 6:
      return { cell: String(y), label: String(y), start: `${y}-01-01`, grain: 'year' };
    default:
      return { cell: `${pad2(d)}/${pad2(m)}/${y}`, ...dmy(y, m, d) };
  }
}

/** A day-first date is read only when one reading is impossible (or both agree). */
function dmy(y: number, m: number, d: number) {
  const iso = `${y}-${pad2(m)}-${pad2(d)}`;
  return { label: iso, start: iso, grain: d > 12 || d === m ? 'day' : 'ambiguous' };
}

/** One generated file: its text, the records Loom must read from it, and how to hand it over. */
export interface Case {
  text: string;
  kind: RecordKind;
  records: AnyRecord[];
  encoding: Encoding;
  bom: boolean;
  /** Whether to name the encoding in the options (else it must be detected). */
  tellEncoding: boolean;
  delimiter: string;
}

const quote = (cell: string, delimiter: string, r: Rng): string =>
  /["\r\n]/.test(cell) || cell.includes(delimiter) || chance(r, 0.1)
    ? `"${cell.replace(/"/g, '""')}"`
    : cell;

/** A valid file of a random kind, encoding, delimiter, line ending and size, with its records. */
export function validCase(r: Rng, maxRows = 40): Case {
  const encoding = pick<Encoding>(r, [
    'utf-8',
    'utf-8',
    'gb18030',
    'windows-1252',
    'utf-16le',
    'utf-16be',
  ]);
  const bom = (encoding.startsWith('utf-16') || encoding === 'utf-8') && chance(r, 0.5);
  const tellEncoding = (encoding.startsWith('utf-16') && !bom) || chance(r, 0.2);
  const delimiter = pick(r, [',', ',', ';', '\t', '|']);
  const newline = pick(r, ['\n', '\r\n']);
  const kind = pick<RecordKind>(r, ['factories', 'production', 'exchanges']);
  const pool = textPool(encoding);
  const n = int(r, 1, maxRows);
  const rows: string[][] = [];
  const records: AnyRecord[] = [];
  let header: string[];
  if (kind === 'factories') {
    header = ['factory_id', 'name', 'workers'];
    for (let i = 0; i < n; i++) {
      const id = `${pick(r, pool)}-${i}`;
      const name = pick(r, pool) + (chance(r, 0.2) ? ', "Ltd"' : '');
      const workers = chance(r, 0.3) ? null : int(r, 0, 20000);
      rows.push([
        textCell(r, id, encoding),
        textCell(r, name, encoding),
        workers === null ? '' : countCell(r, workers, encoding),
      ]);
      records.push({ factory_id: id, name, ...(workers === null ? {} : { workers }) } as AnyRecord);
    }
  } else if (kind === 'production') {
    header = ['factory_id', 'product', 'period', 'inspected', 'defective', 'defect_type'];
    for (let i = 0; i < n; i++) {
      const f = pick(r, pool);
      const product = pick(r, pool) + (chance(r, 0.1) ? '\nline two' : '');
      const latin = encoding === 'windows-1252';
      let p = periodCell(r, undefined, latin);
      while (p.grain === 'ambiguous') p = periodCell(r, undefined, latin);
      const inspected = chance(r, 0.05) ? int(r, 1, 2 ** 40) : int(r, 1, 20000);
      const defective = int(r, 0, Math.min(inspected, 2 ** 31));
      const type = chance(r, 0.4) ? null : pick(r, pool);
      rows.push([
        textCell(r, f, encoding),
        product,
        p.cell,
        countCell(r, inspected, encoding),
        countCell(r, defective, encoding),
        type === null ? pick(r, ['', '-', 'N/A', ...invisibleIn(encoding)]) : type,
      ]);
      records.push({
        factory_id: f,
        product,
        period: p.label,
        periodStart: p.start,
        grain: p.grain,
        inspected,
        defective,
        ...(type === null ? {} : { defect_type: type }),
      } as AnyRecord);
    }
  } else {
    header = ['date', 'source_factory', 'target_factory', 'experience'];
    for (let i = 0; i < n; i++) {
      const latin = encoding === 'windows-1252';
      let p = periodCell(r, 'day', latin);
      while (p.grain === 'ambiguous') p = periodCell(r, 'day', latin);
      const a = `${pick(r, pool)}-a${i}`;
      const b = `${pick(r, pool)}-b${i}`;
      const x = pick(r, pool);
      rows.push([p.cell, a, b, textCell(r, x, encoding)]);
      records.push({
        date: p.start,
        source_factory: a,
        target_factory: b,
        experience: x,
      } as AnyRecord);
    }
  }
  const lines = [header, ...rows].map((cells) =>
    cells.map((c) => quote(c, delimiter, r)).join(delimiter),
  );
  const text = lines.join(newline) + (chance(r, 0.7) ? newline : '');
  return { text, kind, records, encoding, bom, tellEncoding, delimiter };
}

/** A count cell of any shape, and what an exact reading of its text says it is. */
export function nastyCount(r: Rng): { cell: string; value: number | null } {
  const digits = (k: number) => Array.from({ length: k }, () => int(r, 0, 9)).join('');
  const sign = pick(r, ['', '', '', '+', '-', '\u2212']);
  const intPart = chance(r, 0.1) ? '' : digits(int(r, 1, chance(r, 0.1) ? 25 : 6));
  const frac = chance(r, 0.4)
    ? chance(r, 0.5)
      ? '0'.repeat(int(r, 0, 20))
      : digits(int(r, 0, 20))
    : null;
  const exp = chance(r, 0.2) ? int(r, -450, 450) : null;
  let cell = sign + intPart + (frac !== null ? '.' + frac : '') + (exp !== null ? `e${exp}` : '');
  if (chance(r, 0.05)) cell = pick(r, ['Infinity', 'NaN', '0x10', '1_000', '١٢', '12abc', '']);
  const value = exactWhole(cell);
  if (chance(r, 0.1)) cell = FULL(cell);
  if (chance(r, 0.1)) cell = pick(r, INVISIBLE) + cell + pick(r, INVISIBLE);
  return { cell, value };
}

/**
 * The oracle: the whole number a plain decimal text denotes exactly, by BigInt arithmetic, or
 * null when it is not a whole number from 0 to 2^53 − 1 (a sign of minus, a fraction that
 * does not vanish, text). Written apart from the parser, on purpose.
 */
export function exactWhole(cell: string): number | null {
  const m = /^(\+?)(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/.exec(cell);
  if (!m || (m[2] === '' && !m[3])) return null;
  const frac = m[3] ?? '';
  const e = Number(m[4] ?? 0) - frac.length;
  let n = BigInt((m[2] + frac).replace(/^0+(?=\d)/, '') || '0');
  if (n === 0n) return 0;
  if (e >= 0) {
    if (e > 20) return null;
    n *= 10n ** BigInt(e);
  } else {
    const d = 10n ** BigInt(-e);
    if (n % d !== 0n) return null;
    n /= d;
  }
  return n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(n) : null;
}

/** A date cell of any shape and, by the oracle's own calendar, the day it must be, or null. */
export function nastyDate(r: Rng): { cell: string; day: string | null } {
  const y = pick(r, [int(r, 1000, 9999), int(r, 0, 999), 1956, 1900, 2000, 10000]);
  const m = pick(r, [int(r, 1, 12), 0, 13, int(r, 1, 12)]);
  const d = pick(r, [int(r, 1, 28), 29, 30, 31, 0, 32, int(r, 1, 31)]);
  const ys = chance(r, 0.2) ? String(y).padStart(4, '0') : String(y);
  const real = y >= 1000 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= monthDays(y, m);
  const iso = `${ys}-${pad2(m)}-${pad2(d)}`;
  const day = real && /^\d{4}$/.test(ys) ? `${y}-${pad2(m)}-${pad2(d)}` : null;
  switch (int(r, 0, 3)) {
    case 0:
      return { cell: iso, day };
    case 1:
      return { cell: `${ys}/${m}/${d}`, day };
    case 2:
      return { cell: `${ys}年${m}月${d}日`, day };
    default: {
      const h = int(r, 0, 26);
      const min = int(r, 0, 61);
      const timeOk = (h <= 23 && min <= 59) || (h === 24 && min === 0);
      return { cell: `${iso}T${pad2(h)}:${pad2(min)}`, day: timeOk ? day : null };
    }
  }
}

/** Bytes after a few random edits: flips, inserts of bytes that matter, deletes, repeats. */
export function mutate(r: Rng, bytes: Uint8Array): Uint8Array {
  const out = Array.from(bytes);
  const special = [
    0x00, 0x22, 0x0a, 0x0d, 0x2c, 0x3b, 0x09, 0xff, 0xfe, 0xef, 0xbb, 0xbf, 0x81, 0xa1, 0x80,
  ];
  for (let k = int(r, 1, 8); k > 0; k--) {
    const at = int(r, 0, out.length);
    switch (int(r, 0, 3)) {
      case 0:
        if (out.length) out[Math.min(at, out.length - 1)] ^= 1 << int(r, 0, 7);
        break;
      case 1:
        out.splice(at, 0, pick(r, special));
        break;
      case 2:
        out.splice(at, int(r, 1, 16));
        break;
      default:
        out.splice(at, 0, ...out.slice(at, at + int(r, 1, 64)));
    }
  }
  return new Uint8Array(out);
}

const SOUP = [
  '"',
  '""',
  ',',
  ';',
  '\t',
  '|',
  '\n',
  '\r\n',
  '\r',
  '\uFEFF',
  '\u0000',
  'sep=;',
  'factory_id',
  'product',
  'period',
  'inspected',
  'defective',
  '厂名',
  '次品数',
  '__proto__',
  'constructor',
  '1956-08',
  '1956年第三季度',
  '1,234',
  '１２３',
  '-0',
  '1e309',
  'NaN',
  '\u00A0',
  '\u3000',
  '\u2028',
  '振亚',
  '<img src=x onerror=alert(1)>',
  '=1+1',
  'N/A',
  ' ',
  'x'.repeat(200),
];

/** A file made of tokens that matter to a CSV reader, in random order. */
export function soup(r: Rng): string {
  const n = int(r, 0, 400);
  let s = '';
  for (let i = 0; i < n; i++) s += pick(r, SOUP);
  return s;
}
