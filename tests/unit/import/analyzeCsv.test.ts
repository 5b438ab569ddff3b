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
import {
  gb18030,
  lotFields,
  lotRecords,
  percentText,
  qualityReport,
  thirdQuarterLots,
} from '../../fixtures/reports';
import { MAX_MONTHS_PER_FILE, MAX_PRODUCTS_PER_FILE } from '../../../src/lib/schema/limits';

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
    ['workbook.xlsx', 'fatal-bad-workbook', 1],
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
  const ascii =
    'factory_id,name\n' +
    Array.from({ length: 60_000 }, (_, i) => `f${i},Factory ${i}`).join('\n') +
    '\n';
  const join = (...parts: Uint8Array[]) => {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
    let at = 0;
    for (const p of parts) out.set(p, (at += p.byteLength) - p.byteLength);
    return out;
  };
  const gbTail = fixture('rows-2col-gb18030.csv');

  it.each([
    ['a Blob', (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>])],
    ['an ArrayBuffer', (b: Uint8Array) => b.slice().buffer],
    ['a Uint8Array', (b: Uint8Array) => b],
  ])(
    'reads a GB18030 file whose first MiB is ASCII once, from %s, each row one record',
    async (_, as) => {
      const head = new TextEncoder().encode(ascii);
      expect(head.byteLength).toBeGreaterThan(1 << 20);
      const a = await analyzeCsv(as(join(head, gbTail)));
      expect(a.encoding).toBe('gb18030');
      expect(a.warnings[0]).toMatch(/not valid UTF-8, so the file was read as GB18030/);
      expect(a.errors).toEqual([]);
      expect(a.records).toHaveLength(60_003);
      expect(new Set(a.records.map((r) => (r as FactoryRecord).factory_id)).size).toBe(60_003);
      expect(a.records.slice(-3)).toEqual([
        { factory_id: 'zhenya', name: '振亚丝织厂' },
        { factory_id: 'dongwu', name: '东吴丝织厂' },
        { factory_id: 'guangming', name: '光明丝织厂' },
      ]);
    },
  );

  it('reads the whole file again, forgetting the first read, when non-ASCII came before the GB18030 bytes', async () => {
    // 'é' is valid UTF-8 in the head; the GB18030 names after the first MiB disprove UTF-8.
    const head = new TextEncoder().encode(ascii.replace('Factory 0\n', 'Factory é\n'));
    const a = await analyzeCsv(new Blob([join(head, gbTail)]));
    expect(a.encoding).toBe('gb18030');
    expect(a.errors).toEqual([]);
    expect(a.records).toHaveLength(60_003);
    expect(a.records.at(-1)).toEqual({ factory_id: 'guangming', name: '光明丝织厂' });
  });

  it('refuses, worded, GB18030 bytes read as a chosen UTF-8, naming the row and what they look like', async () => {
    const head = new TextEncoder().encode(ascii);
    const a = await analyzeCsv(new Blob([join(head, gbTail)]), { encoding: 'utf-8' });
    expect(a.records).toEqual([]);
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]).toMatchObject({ code: 'fatal-encoding', column: null });
    // Header at row 1, 60,000 ASCII rows, then “zhenya,振亚丝织厂” at row 60,002.
    expect(a.errors[0].row).toBe(60_002);
    expect(a.errors[0].message).toMatch(/not valid UTF-8; they look like GB18030/);
  });

  it('refuses, worded, GB18030 bytes after a UTF-8 BOM: the BOM declared UTF-8', async () => {
    const head = new TextEncoder().encode('\uFEFF' + ascii);
    const a = await analyzeCsv(new Blob([join(head, gbTail)]));
    expect(a.records).toEqual([]);
    expect(a.errors[0]).toMatchObject({ code: 'fatal-encoding', row: 60_002 });
  });

  it('refuses, worded, a chosen UTF-8 for a small GB18030 file, at row 1 or later', async () => {
    const a = await analyzeCsv(fixture('factories-gb18030.csv'), { encoding: 'utf-8' });
    expect(a.records).toEqual([]);
    expect(a.errors[0].code).toBe('fatal-encoding');
    expect(a.errors[0].row).toBeGreaterThanOrEqual(1);
  });
});

describe('analyzeCsv with options it cannot use', () => {
  const csv = 'factory_id,name\nzhenya,Zhenya Silk Factory\n';
  it.each([
    [{ encoding: 'latin-9' }, 'fatal-unknown-encoding', /does not read the encoding “latin-9”/],
    [{ encoding: '' }, 'fatal-unknown-encoding', /UTF-8, GB18030, Windows-1252/],
    [{ kind: 'constructor' }, 'fatal-unknown-kind', /“constructor” is not a kind/],
    [{ kind: 'toString' }, 'fatal-unknown-kind', /choose factories, production or exchanges/],
    [{ delimiter: '' }, 'fatal-bad-delimiter', /one character/],
    [{ delimiter: '"' }, 'fatal-bad-delimiter', /not a quote/],
    [{ delimiter: ',,' }, 'fatal-bad-delimiter', /one character/],
  ])(
    'gives %j a worded fatal error at row 1, imports nothing, throws nothing',
    async (options, code, message) => {
      for (const input of [csv, new TextEncoder().encode(csv)]) {
        const a = await analyzeCsv(input, options as never);
        expect(a.records).toEqual([]);
        expect(a.errors).toEqual([
          { row: 1, column: null, code, message: expect.stringMatching(message) },
        ]);
      }
    },
  );

  it('ignores a mapping to a header the file lacks, and says which field has no column', async () => {
    const a = await analyzeCsv(csv, { mapping: { name: 'no such header' } });
    expect(a.records).toEqual([]);
    expect(a.errors[0]).toMatchObject({ code: 'needs-mapping', row: 1 });
  });
});

describe('analyzeCsv in Western and UTF-16 encodings', () => {
  it('reads Windows-1252 as such, not as Chinese, and says so', async () => {
    const a = await analyzeCsv(fixture('factories-windows1252.csv'));
    expect(a.encoding).toBe('windows-1252');
    expect(a.warnings[0]).toMatch(/not UTF-8; it was read as Windows-1252/);
    expect(a.errors).toEqual([]);
    expect((a.records as FactoryRecord[]).map((r) => r.name)).toContain('Zürcher Seidenweberei');
    expect((a.records as FactoryRecord[]).map((r) => r.district)).toContain('València');
    expect((a.records as FactoryRecord[]).at(-3)?.industry).toBe('silk £');
  });

  it.each(['utf-16le', 'utf-16be'] as const)(
    'reads %s without a BOM, detected or chosen by hand',
    async (encoding) => {
      let bytes = new Uint8Array(Buffer.from('factory_id,name\nzhenya,振亚丝织厂\n', 'utf16le'));
      if (encoding === 'utf-16be') bytes = bytes.map((_, i, b) => b[i ^ 1]);
      for (const options of [{}, { encoding }]) {
        const a = await analyzeCsv(bytes, options);
        expect(a.encoding).toBe(encoding);
        expect(a.errors).toEqual([]);
        expect(a.records).toEqual([{ factory_id: 'zhenya', name: '振亚丝织厂' }]);
      }
    },
  );
});

describe('analyzeCsv and the limits of one production file', () => {
  it(
    'refuses the row that brings a file past 524,288 distinct products, as the import would',
    { timeout: 30_000 },
    async () => {
      const rows = Array.from(
        { length: MAX_PRODUCTS_PER_FILE + 1 },
        (_, i) => `zhenya,p${i},1956-08,10,1`,
      );
      const a = await analyzeCsv(
        ['factory_id,product,period,inspected,defective', ...rows, ''].join('\n'),
      );
      expect(a.records).toEqual([]);
      expect(a.errors).toEqual([
        {
          row: MAX_PRODUCTS_PER_FILE + 2,
          column: 'product',
          code: 'fatal-too-many-products',
          message: expect.stringMatching(/past 524,288 distinct products/),
        },
      ]);
    },
  );

  it('refuses a file past 4,096 distinct months', async () => {
    const rows = Array.from(
      { length: MAX_MONTHS_PER_FILE + 1 },
      (_, i) =>
        `zhenya,crepe satin,${1000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},10,1`,
    );
    const a = await analyzeCsv(
      ['factory_id,product,period,inspected,defective', ...rows, ''].join('\n'),
    );
    expect(a.errors[0]).toMatchObject({
      code: 'fatal-too-many-months',
      row: MAX_MONTHS_PER_FILE + 2,
    });
  });

  it('counts a quarter reported as such apart from its first month, as the rollups keep it', async () => {
    // 4,095 months and the quarter that starts the first of them: 4,096 periods, then one more.
    const months = Array.from(
      { length: MAX_MONTHS_PER_FILE - 1 },
      (_, i) =>
        `zhenya,crepe satin,${1000 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')},10,1`,
    );
    const head = 'factory_id,product,period,inspected,defective';
    const fits = await analyzeCsv(
      [head, ...months, 'zhenya,crepe satin,1000-Q1,30,3', ''].join('\n'),
    );
    expect(fits.errors).toEqual([]);
    const past = await analyzeCsv(
      [head, ...months, 'zhenya,crepe satin,1000-Q1,30,3', 'zhenya,crepe satin,1000,90,9', ''].join(
        '\n',
      ),
    );
    expect(past.errors[0]).toMatchObject({
      code: 'fatal-too-many-months',
      row: MAX_MONTHS_PER_FILE + 2,
    });
  });
});

describe('analyzeCsv on real reports: a title row above the header', () => {
  const lots = thirdQuarterLots();
  const titled = gb18030(qualityReport(lots, { titles: ['1956年第三季度质量报表,,,,'] }));

  it('finds the header on row 2, says row 1 is a title, and reads the 12 lots', async () => {
    const a = await analyzeCsv(titled);
    expect(a).toMatchObject({ kind: 'production', encoding: 'gb18030', errors: [] });
    expect(a.headers).toEqual(['厂名', '产品', '期间', '检验数', '次品数']);
    expect(a.warnings).toContain('Header on row 2; row 1 looks like a title.');
    expect(lotFields(a.records as ProductionRecord[])).toEqual(lotRecords(lots));
  });

  it('numbers rows as the spreadsheet does: the first lot is row 3', async () => {
    const bad = qualityReport(lots.slice(0, 2), { titles: ['质量报表'] }).replace(
      '1956年8月',
      '1956年13月',
    );
    const a = await analyzeCsv(bad);
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]).toMatchObject({ row: 4, column: '期间' });
  });

  it('passes over several title and blank rows', async () => {
    const a = await analyzeCsv(
      qualityReport(lots, { titles: ['苏州市丝绸工业公司', '1956年第三季度质量报表', ''] }),
    );
    expect(a.records).toHaveLength(12);
    expect(a.warnings).toContain('Header on row 4; rows 1–3 look like titles.');
  });

  it('takes the header row the user names, and never reads rows above it as data', async () => {
    const a = await analyzeCsv(titled, { headerRow: 1 });
    // Row 1 as the header: a title is no header, so the kind cannot be told.
    expect(a.kind).toBeNull();
    expect(a.errors[0]).toMatchObject({ row: 1, code: 'needs-kind' });
    const b = await analyzeCsv(titled, { headerRow: 2 });
    expect(b.records).toHaveLength(12);
    expect(b.warnings.some((w) => w.startsWith('Header on row'))).toBe(false);
    const c = await analyzeCsv(titled, { headerRow: 6 });
    expect(c.headers).toEqual(['东吴丝织厂', '绉缎', '1956年7月', '1,340', '101']);
    expect(c.errors[0].code).toBe('needs-kind');
  });

  it('refuses a header row the file does not have, or one that is not a row number', async () => {
    const short = await analyzeCsv(titled, { headerRow: 99 });
    expect(short.errors[0]).toMatchObject({ code: 'fatal-no-header-row' });
    expect(short.errors[0].message).toBe(
      'The file has only 14 rows, so row 99 cannot be its header.',
    );
    const bad = await analyzeCsv(titled, { headerRow: 1.5 });
    expect(bad.errors[0].code).toBe('fatal-bad-header-row');
  });
});

describe('analyzeCsv on real reports: totals and subtotals', () => {
  const lots = thirdQuarterLots();

  it('leaves out a 合计 row and says so: 12 lots, not 13, and no factory called 合计', async () => {
    const a = await analyzeCsv(gb18030(qualityReport(lots, { totals: '合计' })));
    const records = a.records as ProductionRecord[];
    expect(records).toHaveLength(12);
    expect(records.some((r) => r.factory_id === '合计')).toBe(false);
    expect(a.errors).toEqual([]);
    expect(a.warnings).toContain('Row 14 looks like a totals row (合计): left out.');
  });

  it('leaves out subtotals by label or, unlabelled, by their counts', async () => {
    const labelled = await analyzeCsv(qualityReport(lots, { subtotals: '小计', totals: 'Total' }));
    expect(labelled.records).toHaveLength(12);
    expect(labelled.errors).toEqual([]);
    expect(labelled.warnings.filter((w) => w.includes('totals row'))).toHaveLength(5);
    // A subtotal labelled only with its factory's name: its counts give it away.
    const text = qualityReport(lots.slice(0, 3), { subtotals: '振亚丝织厂' }).replace(
      /\r\n振亚丝织厂,绉缎,,/,
      '\r\n振亚丝织厂,绉缎,1956年9月,',
    );
    const bySum = await analyzeCsv(text);
    expect(bySum.records).toHaveLength(3);
    expect(bySum.warnings).toContain(
      'Row 5 looks like a subtotal: its counts are the sum of rows 2–4. Left out.',
    );
  });

  it('keeps them when asked, as lots, and says how many', async () => {
    const a = await analyzeCsv(qualityReport(lots, { totals: '合计' }), { keepTotals: true });
    expect(a.records).toHaveLength(13);
    expect(a.warnings).toContain(
      '1 row that looks like a total was kept, as chosen: it counts as a lot.',
    );
  });
});

describe('analyzeCsv: decimal commas', () => {
  it('reads a semicolon file whose counts are written 3.000 as thousands, and says so', async () => {
    const a = await analyzeCsv(
      'factory_id;product;period;inspected;defective\nzhenya;crepe satin;1956-07;3.000;120\nzhenya;crepe satin;1956-08;1.250;95\n',
    );
    expect(a.delimiter).toBe(';');
    expect((a.records as ProductionRecord[]).map((r) => r.inspected)).toEqual([3000, 1250]);
    expect(a.warnings).toContain(
      'Numbers are written with a decimal comma: 3.000 is read as three thousand and 2,5 as two and a half.',
    );
  });

  it('keeps 1,234 as a thousands separator, and can be told either way', async () => {
    const text =
      'factory_id;product;period;inspected;defective\nzhenya;crepe satin;1956-07;"1,234";120\n';
    expect(((await analyzeCsv(text)).records as ProductionRecord[])[0].inspected).toBe(1234);
    const told = await analyzeCsv(text.replace('"1,234";120', '3.000;1'), { decimalComma: false });
    expect((told.records as ProductionRecord[])[0].inspected).toBe(3);
    expect(told.warnings.some((w) => w.includes('decimal comma'))).toBe(false);
  });
});

describe('analyzeCsv: a rate column', () => {
  const lots = thirdQuarterLots();

  it('derives the defective count from a rate-only report, and says so', async () => {
    const a = await analyzeCsv(gb18030(qualityReport(lots, { rates: 'only' })));
    expect(a.kind).toBe('production');
    expect(a.errors).toEqual([]);
    expect(a.mapping).toMatchObject({
      defective: null,
      defect_rate: '次品率',
      inspected: '检验数',
    });
    // Rates to 0.01% of lots under 10,000 pieces give back the exact counts.
    expect((a.records as ProductionRecord[]).map((r) => r.defective)).toEqual(
      lots.map((l) => l.defective),
    );
    expect(a.warnings).toContain(
      'The file has no defective count: Loom derives it as “次品率” × “检验数”, rounded to whole pieces. Check a few rows against the report; the Data page marks this import as derived.',
    );
  });

  it('checks a count against the rate beside it: a row where they disagree is a row error', async () => {
    // Row 6 holds the fifth lot: its rate as printed, with 5 more defective pieces.
    const lines = qualityReport(lots, { rates: 'also' }).split('\r\n');
    const wrong = { ...lots[4], defective: lots[4].defective + 5 };
    lines[5] =
      qualityReport([wrong]).split('\r\n')[1] +
      ',' +
      percentText(lots[4].inspected, lots[4].defective);
    const text = lines.join('\r\n');
    const a = await analyzeCsv(gb18030(text));
    expect(a.records).toHaveLength(11);
    expect(a.errors).toEqual([
      {
        row: 6,
        column: '次品率',
        code: 'rate-disagrees',
        message: `The rate ${((100 * lots[4].defective) / lots[4].inspected).toFixed(2)}% does not match ${lots[4].defective + 5} defective of ${lots[4].inspected.toLocaleString('en-US')} inspected (${((100 * (lots[4].defective + 5)) / lots[4].inspected).toFixed(2)}%), even allowing for rounding.`,
      },
    ]);
    expect(a.warnings.join(' ')).not.toContain('derives');
  });

  it('names an empty or impossible rate where it must derive the count', async () => {
    const text = qualityReport(lots.slice(0, 3), { rates: 'only' })
      .replace(`,${((100 * lots[1].defective) / lots[1].inspected).toFixed(2)}%`, ',')
      .replace(`,${((100 * lots[2].defective) / lots[2].inspected).toFixed(2)}%`, ',120%');
    const a = await analyzeCsv(text);
    expect(a.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [3, '次品率', 'missing'],
      [4, '次品率', 'rate-range'],
    ]);
  });
});
