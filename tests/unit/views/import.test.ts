import { en, zh } from '../words';
import { describe, expect, it } from 'vitest';
import type { ImportReport } from '../../../src/lib/import/importer';
import type { RowError } from '../../../src/lib/import/types';
import {
  countsText,
  delimiterChoices,
  encodingChoices,
  errorReportName,
  headerRowFrom,
  importedText,
  importLabel,
  overlapText,
  replaceLabel,
  splitErrors,
  struckRows,
} from '../../../src/lib/views/import';

const err = (code: string, row = 3): RowError => ({
  code,
  message: code,
  row,
  column: null,
});

const report = (patch: Partial<ImportReport> = {}): ImportReport => ({
  status: 'imported',
  fileName: 'zhenya.csv',
  kind: 'production',
  encoding: 'gb18030',
  rowsAccepted: 1200,
  rowsRejected: 0,
  errors: [],
  errorCount: 0,
  warnings: [],
  rejectedCsv: [],
  ms: 2500,
  ...patch,
});

describe('splitErrors', () => {
  it('puts what stops the file apart from what skips one row, keeping each in order', () => {
    const { blocking, rows } = splitErrors([
      err('bad-number', 4),
      err('needs-mapping', 1),
      err('missing-value', 9),
      err('fatal-encoding', 1),
    ]);
    expect(blocking.map((e) => e.code)).toEqual(['needs-mapping', 'fatal-encoding']);
    expect(rows.map((e) => e.row)).toEqual([4, 9]);
  });
});

describe('struckRows', () => {
  const a = {
    totals: [
      { row: 14, match: {} },
      { row: 30, match: {} },
    ],
  } as never;
  it('strikes the totals rows out of the preview', () => {
    expect([...struckRows(a, false)]).toEqual([14, 30]);
  });
  it('strikes nothing when the user keeps the totals', () => {
    expect(struckRows(a, true).size).toBe(0);
  });
});

describe('errorReportName', () => {
  it('names the report after the file, whatever its extension', () => {
    expect(errorReportName('1956 振亚.csv')).toBe('1956 振亚-errors.csv');
    expect(errorReportName('report.v2.xlsx')).toBe('report.v2-errors.csv');
    expect(errorReportName('noext')).toBe('noext-errors.csv');
  });
});

describe('headerRowFrom', () => {
  it('takes a whole row from 1 to the last row Loom looks in', () => {
    expect(headerRowFrom('3')).toBe(3);
    expect(headerRowFrom('1000')).toBe(1000);
  });
  it('refuses what is not such a row, so the file is not re-read against nothing', () => {
    for (const v of ['', ' ', '0', '-2', '2.5', '1001', 'abc']) expect(headerRowFrom(v)).toBeNull();
  });
});

describe('choices', () => {
  it('offers every encoding once, the legacy ones named by what writes them', () => {
    const choices = encodingChoices(en);
    expect(choices.map((c) => c.value)).toEqual([
      'utf-8',
      'gb18030',
      'windows-1252',
      'utf-16le',
      'utf-16be',
    ]);
    expect(choices[1].label).toBe(en('import.gb18030'));
    expect(encodingChoices(zh)[1].label).toBe(zh('import.gb18030'));
    expect(choices[0].label).toBe('UTF-8');
  });
  it('offers a detected delimiter that is not among the usual ones, and names a tab', () => {
    expect(delimiterChoices(en, ',').map((d) => d.value)).toEqual([',', ';', '\t', '|']);
    const odd = delimiterChoices(en, '^');
    expect(odd.map((d) => d.value)).toEqual([',', ';', '\t', '|', '^']);
    expect(odd.find((d) => d.value === '\t')?.label).toBe(en('common.tab'));
    expect(odd.at(-1)?.label).toBe('“^”');
  });
});

describe('sentences', () => {
  const a = { rows: 1204, accepted: 1200, rejected: 3, totalsCount: 1 };
  it('counts rows, valid and bad, and says when totals rows are left out', () => {
    expect(countsText(en, a, false)).toBe(
      '1,204 rows · 1,200 valid · 3 with errors · 1 totals row left out',
    );
    expect(countsText(en, a, true)).toBe('1,204 rows · 1,200 valid · 3 with errors');
    expect(countsText(zh, a, false)).toBe('1,204 行 · 1,200 行有效 · 3 行有错误 · 1 行合计未导入');
  });
  it('labels the import button with the rows it writes', () => {
    expect(importLabel(en, 1)).toBe('Import 1 row');
    expect(importLabel(en, 1200)).toBe('Import 1,200 rows');
    expect(importLabel(zh, 1200)).toBe('导入 1,200 行');
  });
  it('names the one import a revision replaces, and counts several', () => {
    expect(replaceLabel(en, [{ fileName: 'v1.csv' }])).toBe('Replace v1.csv');
    expect(replaceLabel(en, [{ fileName: 'a.csv' }, { fileName: 'b.csv' }])).toBe(
      'Replace the 2 imports',
    );
  });
  it('says what an import did: rows and kind, what it replaced, what it skipped, how long', () => {
    expect(importedText(en, report())).toBe(
      `Imported 1,200 ${en('kind.production')} rows from zhenya.csv, in 2.5 s.`,
    );
    const full = importedText(en, report({ replaced: ['v1.csv'], rowsRejected: 2 }));
    expect(full).toContain(', replacing v1.csv');
    expect(full).toContain('; 2 rows with errors were skipped');
    expect(importedText(zh, report())).toBe(
      `已从 zhenya.csv 导入 1,200 行${zh('kind.production')}数据，用时 2.5 s。`,
    );
  });
  it('warns what else replacing an overlapping import removes, only when there is more', () => {
    const o = {
      importId: 1,
      fileName: 'v1.csv',
      importedAt: 1_700_000_000_000,
      rows: 1200,
      of: 1204,
      theirs: 1200,
    };
    expect(overlapText(en, o)).toMatch(
      /^1,200 of 1,204 rows match rows of v1\.csv, imported .+\.$/,
    );
    expect(overlapText(en, { ...o, theirs: 1210 })).toContain('also removes its 10 other rows');
  });
});
