// A seeded fuzzer over analyzeCsv. Every case is a pure function of its seed: a failure names
// the seed, and `FUZZ_SEEDS=1234,5678 npm run test:unit -- fuzz` replays just those seeds
// (`FUZZ_SCALE=10` runs ten times as many). It fails on any throw, any call over 5 s, any
// change to a prototype, any record that breaks the data contract of DESIGN.md, and any
// difference from the oracle of a generated file.
import { describe, expect, it } from 'vitest';
import { analyzeCsv, type CsvAnalysis } from '../../../src/lib/import';
import type { CsvOptions } from '../../../src/lib/import/types';
import { CHUNK_BYTES, PARSE_BYTES } from '../../../src/lib/import/reader';
import { FIELDS } from '../../../src/lib/schema/fields';
import {
  chance,
  encode,
  int,
  monthDays,
  mutate,
  nastyCount,
  nastyDate,
  pick,
  rng,
  soup,
  validCase,
  type Rng,
} from './fuzz/generate';

const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const REPLAY = process.env.FUZZ_SEEDS?.split(',').map(Number);
/** `n` seeds for one family of cases (or the replayed ones), fixed so that CI runs the same cases. */
const seeds = (family: number, n: number) =>
  REPLAY ?? Array.from({ length: Math.round(n * SCALE) }, (_, i) => family * 100_000 + i);

const PROTOTYPES = [Object.prototype, Array.prototype, String.prototype, Function.prototype];
const snapshot = () => PROTOTYPES.map((p) => Object.getOwnPropertyNames(p).sort().join());
const before = snapshot();

type Input = string | Uint8Array | ArrayBuffer | Blob;

/** The bytes handed over as a Uint8Array, an ArrayBuffer or a Blob, chosen by the seed. */
function asInput(r: Rng, bytes: Uint8Array): Input {
  const form = int(r, 0, 2);
  if (form === 0) return bytes;
  if (form === 1) return bytes.slice().buffer;
  return new Blob([bytes as Uint8Array<ArrayBuffer>]);
}

/** analyzeCsv, held to the invariants that hold for every input. */
async function analyse(input: Input, options: CsvOptions = {}): Promise<CsvAnalysis> {
  const t0 = performance.now();
  const a = await analyzeCsv(input, options);
  const ms = performance.now() - t0;
  expect(ms, 'one call of analyzeCsv takes under 5 s').toBeLessThan(5000);
  expect(snapshot(), 'no prototype changes').toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  checkContract(a);
  return a;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
function isRealDay(s: unknown): boolean {
  const m = typeof s === 'string' ? DAY.exec(s) : null;
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  return y >= 1000 && mo >= 1 && mo <= 12 && d >= 1 && d <= monthDays(y, mo);
}
const LABEL: Record<string, RegExp> = {
  day: /^\d{4}-\d{2}-\d{2}$/,
  month: /^\d{4}-\d{2}$/,
  quarter: /^\d{4}-Q[1-4]$/,
  year: /^\d{4}$/,
};
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0 && !Object.is(v, -0);
const INVISIBLE_EDGE = /^[\s\u200B-\u200D\u2060\u180E]|[\s\u200B-\u200D\u2060\u180E]$/;

/** The data contract: what every record, error and warning of any analysis must be. */
function checkContract(a: CsvAnalysis) {
  expect(Array.isArray(a.records) && Array.isArray(a.errors) && Array.isArray(a.warnings)).toBe(
    true,
  );
  for (const e of a.errors) {
    expect(Number.isInteger(e.row) && e.row >= 1, `error row ${e.row} is 1-based`).toBe(true);
    expect(e.column === null || a.headers.includes(e.column)).toBe(true);
    expect(typeof e.code).toBe('string');
    expect(e.message).toMatch(/\S/);
    // Values quoted from the file (“…”) may say anything; the wording around them may not.
    expect(e.message.replace(/“[^”]*”?/g, '')).not.toMatch(/\{\w+\}|undefined|NaN/);
    expect(Object.keys(e).sort()).toEqual(['code', 'column', 'message', 'row']);
  }
  for (const w of a.warnings) expect(w.replace(/“[^”]*”?/g, '')).not.toMatch(/\{\w+\}|undefined/);
  if (a.errors.some((e) => /^(fatal|needs)-/.test(e.code))) expect(a.records).toEqual([]);
  if (!a.records.length) return;
  expect(a.kind).not.toBeNull();
  // Plain checks per record, one assertion at the end: a million expect() calls would be slow.
  const defs = FIELDS[a.kind!];
  const allowed = new Set([...defs.map((d) => d.name), 'periodStart', 'grain']);
  const broken: string[] = [];
  a.records.forEach((record, i) => {
    const rec = record as unknown as Record<string, unknown>;
    const bad = (why: string) => broken.length < 5 && broken.push(`record ${i}: ${why}`);
    if (Object.getPrototypeOf(rec) !== Object.prototype) bad('not a plain object');
    for (const k of Object.keys(rec)) if (!allowed.has(k)) bad(`unknown field ${k}`);
    for (const d of defs) {
      const v = rec[d.name];
      if (v === undefined) {
        if (d.required) bad(`${d.name} is required`);
      } else if (d.type === 'text') {
        if (typeof v !== 'string' || v === '' || INVISIBLE_EDGE.test(v))
          bad(`${d.name} ${JSON.stringify(v)} is not trimmed text`);
      } else if (d.type === 'count') {
        if (!isCount(v)) bad(`${d.name} ${String(v)} is not a count`);
      } else if (d.type === 'date') {
        if (!isRealDay(v)) bad(`${d.name} ${String(v)} is not a real day`);
      } else if (!LABEL[rec.grain as string]?.test(v as string) || !isRealDay(rec.periodStart))
        bad(`period ${String(v)} / ${String(rec.periodStart)} / ${String(rec.grain)}`);
    }
    if (
      a.kind === 'production' &&
      !((rec.inspected as number) >= 1 && (rec.defective as number) <= (rec.inspected as number))
    )
      bad('inspected < 1 or defective > inspected');
  });
  expect(broken, 'records keep the data contract').toEqual([]);
}

describe('analyzeCsv fuzzed: generated files with a known result', () => {
  it.each(seeds(1, 200))('seed %i reads exactly the records written', async (seed) => {
    const r = rng(seed);
    const c = validCase(r);
    const options: CsvOptions = c.tellEncoding ? { encoding: c.encoding } : {};
    if (chance(r, 0.2)) options.delimiter = c.delimiter;
    const input = chance(r, 0.15) ? c.text : asInput(r, encode(c.text, c.encoding, c.bom));
    const a = await analyse(input, options);
    expect(a.errors).toEqual([]);
    expect(a.kind).toBe(c.kind);
    expect(a.delimiter).toBe(c.delimiter);
    // ASCII-only text reads the same as UTF-8, which is what Loom then says it is.
    const ascii = ![...c.text].some((ch) => ch.charCodeAt(0) > 0x7f);
    if (typeof input !== 'string' && !ascii) expect(a.encoding).toBe(c.encoding);
    expect(a.records).toEqual(c.records);
  });
});

describe('analyzeCsv fuzzed: counts and dates against an exact oracle', () => {
  it.each(seeds(2, 20))('seed %i reads every count cell exactly, or refuses it', async (seed) => {
    const r = rng(seed);
    const cells = Array.from({ length: 200 }, () => nastyCount(r));
    const max = String(Number.MAX_SAFE_INTEGER);
    const text =
      'factory_id,product,period,inspected,defective\n' +
      cells.map((c) => `zhenya,crepe,1956-08,${max},"${c.cell.replace(/"/g, '""')}"`).join('\n');
    const a = await analyse(asInput(r, encode(text, 'utf-8')));
    const expected = cells.flatMap((c) => (c.value === null ? [] : [c.value]));
    expect(a.records.map((x) => (x as { defective: number }).defective)).toEqual(expected);
    // Every refused cell is an error naming its row and column.
    const refused = cells.flatMap((c, i) => (c.value === null ? [i + 2] : []));
    expect(a.errors.map((e) => [e.row, e.column])).toEqual(
      refused.map((row) => [row, 'defective']),
    );
  });

  it.each(seeds(3, 20))('seed %i reads every date as its real day, or refuses it', async (seed) => {
    const r = rng(seed);
    const dates = Array.from({ length: 200 }, () => nastyDate(r));
    const text =
      'date,source_factory,target_factory,experience\n' +
      dates.map((d) => `${d.cell},zhenya,dongwu,daily rounds`).join('\n');
    const a = await analyse(asInput(r, encode(text, 'utf-8')));
    const expected = dates.flatMap((d) => (d.day === null ? [] : [d.day]));
    expect(a.records.map((x) => (x as { date: string }).date)).toEqual(expected);
    expect(a.errors.map((e) => e.row)).toEqual(
      dates.flatMap((d, i) => (d.day === null ? [i + 2] : [])),
    );
  });
});

describe('analyzeCsv fuzzed: broken input', () => {
  it.each(seeds(4, 150))(
    'seed %i: mutated bytes never throw or break the contract',
    async (seed) => {
      const r = rng(seed);
      const c = validCase(r, 30);
      const options: CsvOptions = chance(r, 0.3) ? { encoding: c.encoding } : {};
      if (chance(r, 0.1)) options.kind = pick(r, ['factories', 'production', 'exchanges'] as const);
      await analyse(asInput(r, mutate(r, encode(c.text, c.encoding, c.bom))), options);
    },
  );

  it.each(seeds(5, 150))(
    'seed %i: token soup never throws or breaks the contract',
    async (seed) => {
      const r = rng(seed);
      const text = soup(r);
      await analyse(chance(r, 0.5) ? text : asInput(r, encode(text, 'utf-8')));
    },
  );
});

describe('analyzeCsv fuzzed: options', () => {
  const junk = [
    undefined,
    null,
    '',
    'utf8',
    'UTF-8',
    'latin1',
    'constructor',
    '__proto__',
    0,
    {},
    [],
  ];
  it.each(seeds(6, 100))(
    'seed %i: any combination of options is read or refused, worded',
    async (seed) => {
      const r = rng(seed);
      const c = validCase(r, 10);
      const options: Record<string, unknown> = {};
      if (chance(r, 0.5)) options.kind = pick(r, ['factories', 'production', 'exchanges', ...junk]);
      if (chance(r, 0.5))
        options.encoding = pick(r, [
          'utf-8',
          'gb18030',
          'windows-1252',
          'utf-16le',
          'utf-16be',
          ...junk,
        ]);
      if (chance(r, 0.5))
        options.delimiter = pick(r, [',', ';', '\t', '|', '"', '\n', ',,', ...junk]);
      if (chance(r, 0.5))
        options.mapping = pick(r, [
          {},
          { factory_id: 'no such column' },
          { factory_id: '', name: '' },
          { __proto__: 'x' },
          Object.create(null),
          { product: 'factory_id', factory_id: 'product' },
          ...junk,
        ]);
      for (const k of Object.keys(options)) if (options[k] === undefined) delete options[k];
      await analyse(asInput(r, encode(c.text, c.encoding, c.bom)), options as CsvOptions);
    },
  );
});

describe('analyzeCsv fuzzed: structural extremes', () => {
  const header = 'factory_id,product,period,inspected,defective';
  const MiB = 1 << 20;
  it.each([
    ['16,384 repeated headers', () => Array(16_384).fill('factory_id').join(',') + '\nzhenya\n'],
    ['16,385 columns', () => Array.from({ length: 16_385 }, (_, i) => `c${i}`).join(',') + '\n'],
    ['a field over 1 MiB', () => `${header}\nzhenya,"${'x'.repeat(MiB + 10)}",1956-08,1,0\n`],
    ['only line breaks', () => '\n\r\n\n'.repeat(100_000)],
    ['a header and 100,000 blank rows', () => header + ',,,,\n'.repeat(100_000)],
    ['one row of 100,000 fields', () => `${header}\n${'1,'.repeat(100_000)}\n`],
    ['10,000 rows each of the wrong width', () => header + '\nzhenya,1\n'.repeat(10_000)],
    ['a quote opened and never closed', () => `${header}\nzhenya,"crepe${'\n1,2'.repeat(50_000)}`],
  ])('%s: no throw, under 5 s, within the contract', { timeout: 30_000 }, async (_, make) => {
    await analyse(make());
    await analyse(new TextEncoder().encode(make()));
  });

  // A character, a CRLF or a quoted line break cut by the 1 MiB read boundary, or by the end of
  // a slice of the second read, which is decoded slice by slice.
  it.each([
    ['UTF-8 丝', 'utf-8', '丝'],
    ['GB18030 丝', 'gb18030', '丝'],
    ['UTF-16LE 丝', 'utf-16le', '丝'],
    ['UTF-8 é', 'utf-8', 'é'],
    ['Windows-1252 é', 'windows-1252', 'é'],
  ] as const)(
    'reads %s cut by the 1 MiB boundary or a slice end',
    { timeout: 60_000 },
    async (_, encoding, ch) => {
      for (const boundary of [MiB, MiB + PARSE_BYTES])
        for (let shift = -3; shift <= 3; shift++) {
          const unit = encoding.startsWith('utf-16') ? 2 : 1;
          const line = 'zhenya,crepe,1956-08,10,1\n';
          const fill = Math.floor(boundary / unit / line.length) - 2;
          const head = header + '\n' + line.repeat(fill);
          // The row `xxx…,"a⏎<ch>",1956-08,10,1` puts <ch> about `shift` units from the boundary.
          const pad = boundary / unit - head.length - ',"a\n'.length - 1 + shift;
          const text = head + 'x'.repeat(pad) + `,"a\n${ch}",1956-08,10,1\n` + line;
          const bytes = encode(
            text,
            encoding,
            encoding !== 'windows-1252' && encoding !== 'gb18030',
          );
          const a = await analyse(new Blob([bytes as Uint8Array<ArrayBuffer>]), { encoding });
          expect(a.errors).toEqual([]);
          expect(a.records).toHaveLength(fill + 2);
          expect((a.records.at(-2) as { product: string }).product).toBe(`a\n${ch}`);
        }
    },
  );

  // A read is decoded and parsed in slices of PARSE_BYTES bytes: a row cut by a slice's end, inside
  // quotes, at a CRLF or at a delimiter, reads whole, and the rows after it keep their numbers.
  it.each([
    ['a quoted line break', ',"a\r\nb",1956-08,10,1\r\n', 'a\r\nb'],
    ['a CRLF', ',crepe,1956-08,10,1\r\n', 'crepe'],
    ['a doubled quote', ',"say ""a""",1956-08,10,1\r\n', 'say "a"'],
  ])('reads %s cut by the end of a parse slice', { timeout: 60_000 }, async (_, row, product) => {
    const line = 'zhenya,crepe,1956-08,10,1\r\n';
    // The first read (CHUNK_BYTES) is parsed whole, with the header; the second in slices.
    const boundary = CHUNK_BYTES + 2 * PARSE_BYTES;
    const fill = Math.floor((boundary - PARSE_BYTES) / line.length);
    const head = header + '\r\n' + line.repeat(fill);
    for (let shift = -4; shift <= 4; shift++) {
      const pad = boundary - head.length - Math.floor(row.length / 2) + shift;
      const text = head + 'x'.repeat(pad) + row + line + 'zhenya,crepe,1956-08,ten,1\r\n';
      const a = await analyse(new TextEncoder().encode(text));
      expect(a.records).toHaveLength(fill + 2);
      // Not a character lost or read twice: every lot as written.
      const lots = a.records as { factory_id: string; product: string; inspected: number }[];
      expect(lots.at(-2)).toMatchObject({ factory_id: 'x'.repeat(pad), product, inspected: 10 });
      lots.splice(-2, 1);
      expect(lots.every((l) => l.factory_id === 'zhenya' && l.product === 'crepe')).toBe(true);
      expect(lots.reduce((n, l) => n + l.inspected, 0)).toBe(10 * (fill + 1));
      // Header on row 1, `fill` lines, the cut row, one more: the bad count is on row fill + 4.
      expect(a.errors.map((e) => [e.row, e.code])).toEqual([[fill + 4, 'not-a-number']]);
    }
  });
});
