import { describe, expect, it } from 'vitest';
import { NoticeError, explain, notice, placed, quoteList } from '../../../src/lib/i18n/notice';
import { decksFromJson } from '../../../src/lib/db/decks';
import { analyzeCsv } from '../../../src/lib/import';
import { scanCsv } from '../../../src/lib/import/scan';

describe('notice(code, params)', () => {
  it('keeps the code and values, and words them in English', () => {
    expect(notice('not-a-number', { cell: 'abc' })).toEqual({
      code: 'not-a-number',
      params: { cell: 'abc' },
      message: '“abc” is not a number.',
    });
  });
});

describe('explain(lang, code, params)', () => {
  it('words a row problem in Chinese', () => {
    expect(explain('zh', 'not-a-number', { cell: 'abc' })).toBe('“abc”不是数字。');
    expect(
      explain('zh', 'ambiguous-date', { cell: '8/6/1956', a: '1956-06-08', b: '1956-08-06' }),
    ).toBe('“8/6/1956”既可能是 1956-06-08，也可能是 1956-08-06；请写成 YYYY-MM-DD。');
  });

  it('writes numbers in the language’s locale', () => {
    const params = { bad: 1234, rows: 5000, width: 5, delimiter: ';' };
    expect(explain('en', 'fatal-ragged', params)).toMatch(/^1,234 of the first 5,000 rows/);
    expect(explain('zh', 'fatal-ragged', params)).toMatch(/^前 5,000 行中有 1,234 行/);
  });

  it('names a record kind and a tab delimiter in the language', () => {
    const fields = quoteList(['inspected']);
    expect(explain('en', 'needs-mapping', { fields, kind: 'production' })).toBe(
      'No column for “inspected”, which production files need. Map a column to each.',
    );
    expect(explain('zh', 'needs-mapping', { fields, kind: 'production' })).toContain('生产文件');
    const ragged = { bad: 20, rows: 40, width: 5, delimiter: '\t' };
    expect(explain('en', 'fatal-ragged', ragged)).toContain('(“tab”)');
    expect(explain('zh', 'fatal-ragged', ragged)).toContain('（“制表符”）');
  });

  it('names a field in Chinese by its Chinese name, and in English by its column id', () => {
    const fields = quoteList(['inspected', 'product_zh']);
    expect(explain('zh', 'needs-mapping', { fields, kind: 'production' })).toBe(
      '没有对应 “检验数”, “产品（中文）” 的列，而生产文件需要它们。请为每一项指定一列。',
    );
    expect(explain('zh', 'missing', { field: 'product' })).toBe('“产品”为空；每一行都需要填写。');
    expect(explain('en', 'missing', { field: 'product' })).toBe(
      '“product” is empty; every row needs one.',
    );
    // A field Loom does not know keeps its name.
    expect(explain('zh', 'missing', { field: 'colour' })).toBe('“colour”为空；每一行都需要填写。');
  });

  it('is null for a code that has no words', () => {
    expect(explain('en', 'no-such-code', {})).toBeNull();
  });
});

describe('problems found by the importer', () => {
  it('carry codes and values that read the same in English as their message', async () => {
    const csv = 'factory_id,product,period,inspected,defective\nzhenya,satin,1956-08,12.5,1\n';
    const scan = await scanCsv(csv, { kind: 'production' });
    const [error] = scan.errors;
    expect(error).toMatchObject({ row: 2, column: 'inspected', code: 'not-whole' });
    expect(explain('en', error.code, error.params)).toBe(error.message);
    expect(explain('zh', error.code, error.params)).toBe('“12.5”不是整数。');
  });

  it('leave the public analyzeCsv shape as it was: errors of four fields, warnings as sentences', async () => {
    const a = await analyzeCsv('factory_id,name,extra\nzhenya,Zhenya,x\n');
    expect(a.warnings).toEqual(['Columns Loom does not use: “extra”.']);
    const b = await analyzeCsv('factory_id,product,period,inspected,defective\nz,s,1956-08,x,1\n');
    expect(Object.keys(b.errors[0]).sort()).toEqual(['code', 'column', 'message', 'row']);
  });
});

describe('placed(lang, problem)', () => {
  it('puts the row and column before the problem, in the language', () => {
    const e = { row: 3, column: 'period', ...notice('impossible-date', { cell: '1956-02-30' }) };
    expect(placed('en', e)).toBe('Row 3, column “period”: “1956-02-30” is not a real date.');
    expect(placed('zh', e)).toBe('第 3 行，“period”列：“1956-02-30”不是真实存在的日期。');
  });
});

describe('NoticeError', () => {
  it('is thrown for a broken deck file, and words itself in either language', () => {
    let caught: unknown;
    try {
      decksFromJson('{', 'notes.json');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(NoticeError);
    const { notice: n, message } = caught as NoticeError;
    expect(message).toBe('notes.json is not a Loom deck file: it is not JSON.');
    expect(explain('zh', n.code, n.params)).toBe('notes.json 不是 Loom 演示稿文件：它不是 JSON。');
  });

  it('adds the row problem behind it to its English message', () => {
    const detail = { row: 2, column: null, ...notice('field-count', { fields: 4, width: 5 }) };
    const e = new NoticeError(notice('bundle-import', { bundle: 'B', file: 'p.csv' }), detail);
    expect(e.message).toBe(
      'B: p.csv could not be imported. Row 2: This row has 4 fields; the header has 5.',
    );
  });
});
