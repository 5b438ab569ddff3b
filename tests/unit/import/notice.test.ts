import { describe, expect, it } from 'vitest';
import { explain, notice, quoteList } from '../../../src/lib/import/notice';
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
