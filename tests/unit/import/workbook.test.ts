import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { analyzeCsv } from '../../../src/lib/import';
import { bytesSource } from '../../../src/lib/import/decode';
import { scanCsv } from '../../../src/lib/import/scan';
import {
  checkPackage,
  dateText,
  numberText,
  pickSheet,
  readWorkbook,
} from '../../../src/lib/import/workbook';
import type { ProductionRecord } from '../../../src/lib/schema/types';
import { lotFields, lotRecords, reportWorkbook, thirdQuarterLots } from '../../fixtures/reports';
import { excelSerial, makeXlsx } from '../../fixtures/xlsx';

const lots = thirdQuarterLots();

describe('analyzeCsv on an Excel workbook', () => {
  it('reads the data sheet past a cover sheet and a merged title: 12 lots, totals left out', async () => {
    const a = await analyzeCsv(reportWorkbook(lots));
    expect(a.kind).toBe('production');
    expect(a.errors).toEqual([]);
    // Month-formatted date cells (each the 1st) are months; numbers are numbers; the formula
    // is its value.
    expect(lotFields(a.records as ProductionRecord[])).toEqual(lotRecords(lots));
    expect(a.warnings).toEqual(
      expect.arrayContaining([
        'Read from sheet “质量报表”, the one of its 2 sheets that looks like data; choose another under Sheet.',
        'Header on row 3; rows 1–2 look like titles.',
        'Row 16 looks like a totals row (合计): left out.',
      ]),
    );
  });

  it('names rows as Excel numbers them, and reads the sheet the options name', async () => {
    const bytes = makeXlsx([
      {
        name: 'Notes',
        rows: [
          ['factory', 'note'],
          ['zhenya', 'visited'],
        ],
      },
      {
        name: 'Lots',
        rows: [
          ['factory_id', 'product', 'period', 'inspected', 'defective'],
          ['zhenya', 'crepe', '1956-07', 100, 7],
          ['zhenya', 'crepe', '1956-08', 100, 'seven'],
        ],
      },
    ]);
    const scan = await scanCsv(bytesSource(bytes), { sheet: 'Lots' });
    expect(scan).toMatchObject({ format: 'xlsx', sheets: ['Notes', 'Lots'], sheet: 'Lots' });
    expect(scan.errors).toEqual([expect.objectContaining({ row: 3, column: 'defective' })]);
    const wrong = await analyzeCsv(bytes, { sheet: 'Lotz' });
    expect(wrong.errors[0]).toMatchObject({
      code: 'fatal-no-sheet',
      message: 'The workbook has no sheet “Lotz”; its sheets are Notes, Lots.',
    });
  });

  it('reads serial days in a date column, rounds formula noise, and fills merged factories', async () => {
    const bytes = makeXlsx([
      {
        name: 'Sheet1',
        rows: [
          ['factory_id', 'product', 'period', 'inspected', 'defective'],
          ['zhenya', 'crepe', excelSerial('1956-07-01'), 1210, 97],
          [
            null,
            'satin',
            { date: '1956-07-15' },
            { formula: 'SUM(B9:B19)', value: 1209.9999999999998 },
            12,
          ],
          [null, 'velvet', '1956年7月', 1210, { formula: 'D4*0.08', value: 96.80000000000001 }],
          [null, 'damask', '1956年7月', 500, true],
        ],
        // The factory is merged down its four products' rows, as reports lay it out.
        merges: ['A2:A5'],
      },
    ]);
    const a = await analyzeCsv(bytes);
    const records = a.records as ProductionRecord[];
    expect(records.map((r) => [r.factory_id, r.period, r.inspected])).toEqual([
      ['zhenya', '1956-07-01', 1210],
      ['zhenya', '1956-07-15', 1210],
    ]);
    expect(a.errors.map((e) => [e.row, e.column, e.code])).toEqual([
      [4, 'defective', 'not-whole'],
      [5, 'defective', 'not-a-number'],
    ]);
  });

  it.each([
    [
      'an Excel 97–2003 .xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'fatal-xls',
    ],
    [
      'a macro-enabled .xlsm',
      makeXlsx(
        [
          {
            name: 'S',
            rows: [
              ['a', 'b'],
              [1, 2],
            ],
          },
        ],
        { macros: true },
      ),
      'fatal-xlsm',
    ],
    [
      'an OpenDocument .ods',
      zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet') }),
      'fatal-ods',
    ],
    [
      'a zip of something else',
      zipSync({ 'word/document.xml': strToU8('<w/>') }),
      'fatal-not-workbook',
    ],
    [
      'a cut-off zip',
      new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]),
      'fatal-bad-workbook',
    ],
  ])('refuses %s with a message that says what to do', async (_, bytes, code) => {
    const a = await analyzeCsv(bytes);
    expect(a.records).toEqual([]);
    expect(a.errors).toHaveLength(1);
    expect(a.errors[0]).toMatchObject({ code, row: 1 });
    if (code !== 'fatal-bad-workbook' && code !== 'fatal-not-workbook')
      expect(a.errors[0].message).toMatch(/save it as an Excel workbook \(\.xlsx\)/);
  });
});

describe('readWorkbook and pickSheet', () => {
  it('keeps blank rows so rows number as in Excel, and drops trailing blank cells', async () => {
    const [, data] = await readWorkbook(reportWorkbook(lots));
    expect(data.rows[0]).toEqual(Array(5).fill('1956年第三季度质量报表'));
    expect(data.rows[1]).toEqual([]);
    expect(data.rows[2]).toEqual(['厂名', '产品', '期间', '检验数', '次品数']);
  });

  it('picks the sheet that names fields over a longer sheet of notes, and skips blank sheets', () => {
    const notes = { name: 'notes', rows: Array.from({ length: 50 }, (_, i) => [`note ${i}`]) };
    const data = {
      name: 'data',
      rows: [
        ['factory_id', 'period', 'inspected', 'defective'],
        ['a', '1956', '1', '0'],
      ],
    };
    expect(pickSheet([notes, data])).toBe(1);
    expect(pickSheet([{ name: 'blank', rows: [[], ['']] }, notes])).toBe(1);
    expect(pickSheet([{ name: 'blank', rows: [] }])).toBe(-1);
  });
});

describe('cell text', () => {
  it.each([
    ['1210', '1210'],
    ['1209.9999999999998', '1210'],
    ['96.80000000000001', '96.8'],
    ['0.1', '0.1'],
    ['-3', '-3'],
    ['1E-3', '0.001'],
  ])('a number cell %s reads %s', (raw, text) => expect(numberText(raw)).toBe(text));

  it('a date reads as its ISO day, with the time when it has one', () => {
    expect(dateText(new Date(Date.UTC(1956, 6, 1)))).toBe('1956-07-01');
    expect(dateText(new Date(Date.UTC(1956, 6, 1, 14, 30)))).toBe('1956-07-01 14:30:00');
    expect(dateText(new Date(NaN))).toBe('');
  });
});

describe('date cells as months', () => {
  it('reads a column of firsts of months as months, and a column with any other day as days', async () => {
    const [sheet] = await readWorkbook(
      makeXlsx([
        {
          name: 'S',
          rows: [
            ['month', 'day', 'one'],
            [{ date: '1956-07-01' }, { date: '1956-07-01' }, { date: '1956-07-01' }],
            [{ date: '1956-08-01' }, { date: '1956-08-15' }, null],
          ],
        },
      ]),
    );
    expect(sheet.rows.slice(1)).toEqual([
      ['1956-07', '1956-07-01', '1956-07-01'],
      ['1956-08', '1956-08-15'],
    ]);
  });
});

describe('checkPackage(bytes, maxSheetBytes)', () => {
  it('refuses sheets past the size Loom reads from a workbook, before reading them', () => {
    const rows = Array.from({ length: 200 }, (_, i) => [`factory ${i}`, i]);
    const bytes = makeXlsx([{ name: 'S', rows }]);
    expect(() => checkPackage(bytes)).not.toThrow();
    expect(() => checkPackage(bytes, 1000)).toThrow(
      expect.objectContaining({
        error: expect.objectContaining({ code: 'fatal-workbook-too-large' }),
      }) as Error,
    );
  });
});
