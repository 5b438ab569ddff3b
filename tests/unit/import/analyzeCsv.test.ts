import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCsv } from '../../../src/lib/import';
import type {
  ExchangeRecord,
  FactoryRecord,
  ProductionRecord,
} from '../../../src/lib/schema/types';
import { fixture } from '../fixtures';

describe('analyzeCsv(input, options)', () => {
  it('reads Chinese Excel (GB18030) factories with Chinese headers', async () => {
    const a = await analyzeCsv(fixture('factories-gb18030.csv'));
    expect(a).toMatchObject({ kind: 'factories', encoding: 'gb18030', delimiter: ',', errors: [] });
    expect(a.mapping).toMatchObject({
      factory_id: '工厂编号',
      name: '名称',
      name_zh: '中文名',
      industry: '行业',
      workers: '职工人数',
    });
    expect(a.records as FactoryRecord[]).toEqual([
      {
        factory_id: 'zhenya',
        name: 'Zhenya Silk Factory',
        name_zh: '振亚丝织厂',
        industry: '丝绸',
        workers: 1240,
      },
      {
        factory_id: 'dongwu',
        name: 'Dongwu Silk Factory',
        name_zh: '东吴丝织厂',
        industry: '丝绸',
        workers: 980,
      },
      {
        factory_id: 'guangming',
        name: 'Guangming Silk Factory',
        name_zh: '光明丝织厂',
        industry: '丝绸',
        workers: 760,
      },
    ]);
  });

  it('gives the same records for the UTF-8 and GB18030 versions of a file', async () => {
    const [u, g] = await Promise.all([
      analyzeCsv(fixture('factories-utf8.csv')),
      analyzeCsv(fixture('factories-gb18030.csv')),
    ]);
    expect(g.records).toEqual(u.records);
  });

  it('honours sep=, CRLF, quoted newlines, 1,234, full-width digits and #N/A', async () => {
    const a = await analyzeCsv(fixture('production-semicolon.csv'));
    expect(a).toMatchObject({ kind: 'production', delimiter: ';' });
    expect(a.records as ProductionRecord[]).toEqual([
      {
        factory_id: 'zhenya',
        product: 'crepe satin',
        period: '1956-08',
        periodStart: '1956-08-01',
        grain: 'month',
        inspected: 1234,
        defective: 56,
        defect_type: 'broken\r\nwarp',
      },
      {
        factory_id: 'dongwu',
        product: 'soft satin',
        period: '1956-09',
        periodStart: '1956-09-01',
        grain: 'month',
        inspected: 1200,
        defective: 30,
        defect_type: '跳花',
      },
    ]);
    // Row 4 (header = row 1) has #N/A for defective, which is required.
    expect(a.errors).toEqual([
      {
        row: 4,
        column: 'Defective',
        code: 'missing',
        message: expect.stringContaining('defective'),
      },
    ]);
    expect(a.warnings.join(' ')).toMatch(/sep=;/);
  });

  it('names the row, column and rule of every bad row', async () => {
    const a = await analyzeCsv(fixture('production-errors.csv'));
    expect(a.records).toHaveLength(2);
    expect(a.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, 'period', 'impossible-date'],
      [4, 'period', 'ambiguous-date'],
      [5, 'period', 'bad-date'],
      [6, 'inspected', 'out-of-range'],
      [7, 'defective', 'defective-exceeds-inspected'],
      [8, 'inspected', 'not-whole'],
      [9, 'inspected', 'negative'],
      [10, 'product', 'missing'],
      [11, 'inspected', 'not-a-number'],
      [12, null, 'field-count'],
    ]);
    for (const e of a.errors) expect(e.message.length).toBeGreaterThan(10);
  });

  it('reads every date format of the contract and rejects ambiguous, impossible and self exchanges', async () => {
    const a = await analyzeCsv(fixture('exchanges-dates.csv'));
    expect((a.records as ExchangeRecord[]).map((r) => [r.date, r.adopted_on])).toEqual([
      ['1956-08-26', '1956-09-01'],
      ['1956-08-26', '1956-09-01'],
      ['1956-08-26', '1956-10-01'],
      ['1956-08-01', undefined],
      ['1956-08-26', '1956-10-15'],
    ]);
    expect(a.errors.map((e) => [e.row, e.code])).toEqual([
      [7, 'ambiguous-date'],
      [8, 'impossible-date'],
      [9, 'self-exchange'],
    ]);
  });

  it.each([
    ['unclosed-quote.csv', 'fatal-unclosed-quote', 3],
    ['ragged.csv', 'fatal-ragged', 1],
    ['workbook.xlsx', 'fatal-excel', 1],
    ['headers-only.csv', 'fatal-no-rows', 2],
  ])('refuses %s as a whole (%s) and returns no records', async (name, code, row) => {
    const a = await analyzeCsv(fixture(name));
    expect(a.records).toEqual([]);
    expect(a.errors[0]).toMatchObject({ code, row });
  });

  it.each([
    ['', 'fatal-empty'],
    ['\n\n', 'fatal-empty'],
    ['a,b\u0000c\n1,2\n', 'fatal-binary'],
  ])('refuses %j as %s', async (text, code) => {
    const bytes = new TextEncoder().encode(text);
    expect((await analyzeCsv(bytes)).errors[0].code).toBe(code);
  });

  it('refuses more than 16,384 columns', async () => {
    const header = Array.from({ length: 16_385 }, (_, i) => `c${i}`).join(',');
    expect((await analyzeCsv(`${header}\n1\n`)).errors[0].code).toBe('fatal-too-many-columns');
  });

  it('keeps __proto__ and constructor headers as labels, and HTML as text', async () => {
    const a = await analyzeCsv(fixture('xss-factory.csv'));
    expect(a.headers).toEqual(['factory_id', 'name', 'name_zh', '__proto__', 'constructor']);
    expect(a.records).toEqual([
      {
        factory_id: 'xss',
        name: '<img src=x onerror=alert(1)>',
        name_zh: '<script>alert(2)</script>',
      },
    ]);
    expect(Object.getPrototypeOf(a.records[0])).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('asks for the kind when the headers do not say, and accepts it with a mapping', async () => {
    const text = 'first,last\nzhenya,Zhenya\n';
    const unknown = await analyzeCsv(text);
    expect(unknown).toMatchObject({
      kind: null,
      records: [],
      errors: [{ row: 1, column: null, code: 'needs-kind' }],
    });
    const mapped = await analyzeCsv(text, {
      kind: 'factories',
      mapping: { factory_id: 'first', name: 'last' },
    });
    expect(mapped.records).toEqual([{ factory_id: 'zhenya', name: 'Zhenya' }]);
  });

  it('accepts a Blob, an ArrayBuffer, a Uint8Array and a string alike', async () => {
    const bytes = fixture('factories-utf8.csv');
    const text = new TextDecoder().decode(bytes);
    const results = await Promise.all([
      analyzeCsv(new Blob([bytes])),
      analyzeCsv(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
      analyzeCsv(bytes),
      analyzeCsv(text),
    ]);
    for (const r of results) expect(r.records).toEqual(results[0].records);
  });

  it('throws a TypeError for input that is not a file', async () => {
    await expect(analyzeCsv(42 as unknown as string)).rejects.toThrow(TypeError);
  });

  it('does not mutate its options', async () => {
    const options = { kind: 'factories' as const, mapping: { factory_id: 'first', name: 'last' } };
    const copy = structuredClone(options);
    await analyzeCsv('first,last\nzhenya,Zhenya\n', options);
    expect(options).toEqual(copy);
  });
});

// csv-spectrum: the standard CSV edge cases, each with the JSON it must parse to.
const spectrum = dirname(createRequire(import.meta.url).resolve('csv-spectrum/package.json'));
const cases = readdirSync(join(spectrum, 'csvs'))
  .map((f) => f.replace(/\.csv$/, ''))
  .filter((name) => name !== 'location_coordinates'); // its JSON is known to be wrong

describe('analyzeCsv on csv-spectrum', () => {
  it.each(cases)('%s: parses to the expected headers and cells', async (name) => {
    const csv = readFileSync(join(spectrum, 'csvs', `${name}.csv`));
    const expected = JSON.parse(
      readFileSync(join(spectrum, 'json', `${name}.json`), 'utf8'),
    ) as Record<string, string>[];
    const headers = Object.keys(expected[0]);
    // Map the generic columns onto the two required factory fields so that rows come back as records.
    const a = await analyzeCsv(new Uint8Array(csv), {
      kind: 'factories',
      mapping: { factory_id: headers[0], name: headers[headers.length - 1] },
    });
    expect(a.headers).toEqual(headers);
    expect(a.errors.filter((e) => e.code.startsWith('fatal-'))).toEqual([]);
    const got = (a.records as FactoryRecord[]).map((r) => [r.factory_id, r.name]);
    const want = expected
      .map((row) => [row[headers[0]].trim(), row[headers[headers.length - 1]].trim()])
      .filter(([id, name]) => id !== '' && name !== '');
    expect(got).toEqual(want);
  });
});

describe('analyzeCsv on a large file', () => {
  it('reads 300,000 rows as one string, whose first batch is every row', async () => {
    const rows = Array.from(
      { length: 300_000 },
      (_, i) =>
        `f${i % 7},p,1956-${String((i % 12) + 1).padStart(2, '0')},${100 + (i % 9)},${i % 5}`,
    );
    const text = ['factory_id,product,period,inspected,defective', ...rows, ''].join('\n');
    const a = await analyzeCsv(text);
    expect(a.errors).toEqual([]);
    expect(a.records).toHaveLength(300_000);
    expect(a.records[299_999]).toMatchObject({
      factory_id: 'f0',
      period: '1956-12',
      inspected: 100 + (299_999 % 9),
    });
  });
});

describe('analyzeCsv when UTF-8 was only a guess', () => {
  it('switches to GB18030 when Chinese bytes appear after the first megabyte, and says so', async () => {
    const ascii =
      'factory_id,name\n' +
      Array.from({ length: 60_000 }, (_, i) => `f${i},Factory ${i}`).join('\n') +
      '\n';
    const head = new TextEncoder().encode(ascii);
    expect(head.byteLength).toBeGreaterThan(1 << 20);
    const tail = fixture('rows-2col-gb18030.csv');
    const bytes = new Uint8Array(head.byteLength + tail.byteLength);
    bytes.set(head);
    bytes.set(tail, head.byteLength);
    const a = await analyzeCsv(new Blob([bytes]));
    expect(a.encoding).toBe('gb18030');
    expect(a.warnings[0]).toMatch(/not valid utf-8.*read as GB18030/);
    expect(a.errors).toEqual([]);
    expect(a.records.slice(-3)).toEqual([
      { factory_id: 'zhenya', name: '振亚丝织厂' },
      { factory_id: 'dongwu', name: '东吴丝织厂' },
      { factory_id: 'guangming', name: '光明丝织厂' },
    ]);
  });
});
