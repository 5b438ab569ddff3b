import { describe, expect, it } from 'vitest';
import { RowScanner, PREVIEW_ROWS, type RowTally } from '../../../src/lib/import/rowScan';
import { FileLimits, createValidator } from '../../../src/lib/import/validate';
import { guessMapping } from '../../../src/lib/schema/mapping';
import type { ProductionRecord } from '../../../src/lib/schema/types';

const headers = ['factory_id', 'product', 'period', 'inspected', 'defective'];
const mapping = guessMapping('production', headers);
const tally = (): RowTally => ({
  rows: 0,
  rejected: 0,
  errors: [],
  errorCount: 0,
  totals: [],
  totalsCount: 0,
  preview: [],
  previewRows: [],
  rejectedCsv: [],
});
const scanner = (t: RowTally, keepTotals = false) => {
  const s = new RowScanner(t, {
    kind: 'production',
    headers,
    factoryColumn: 0,
    keepTotals,
    maxErrors: 1000,
    maxRejected: 1000,
    limits: new FileLimits(headers, mapping),
  });
  s.validate = createValidator('production', headers, mapping);
  return s;
};
const lot = (f: string, m: string, n: number, d: number) => [
  f,
  'crepe',
  `1956-${m}`,
  `${n}`,
  `${d}`,
];

describe('RowScanner', () => {
  it('reads a batch into records with their rows, leaving blank rows uncounted', () => {
    const t = tally();
    const out = scanner(t).batch(
      [lot('a', '07', 100, 5), ['', '', '', '', ''], lot('b', '07', 50, 2)],
      2,
    );
    expect('records' in out && out.rows).toEqual([2, 4]);
    expect(
      'records' in out && (out.records as ProductionRecord[]).map((r) => r.factory_id),
    ).toEqual(['a', 'b']);
    expect(t.rows).toBe(2);
  });

  it('leaves out totals rows by label and by sum, and keeps them when asked', () => {
    const rows = [
      lot('a', '07', 100, 5),
      lot('b', '07', 50, 2),
      lot('c', '07', 150, 7),
      lot('合计', '07', 300, 14),
    ];
    const t = tally();
    const out = scanner(t).batch(rows, 2);
    expect('records' in out && out.rows).toEqual([2, 3]);
    expect(t.totals).toEqual([
      { row: 4, match: { by: 'sum', from: 2, to: 3 } },
      { row: 5, match: { by: 'label', label: '合计' } },
    ]);
    const kept = tally();
    const all = scanner(kept, true).batch(rows, 2);
    expect('records' in all && all.rows).toEqual([2, 3, 4, 5]);
    expect(kept.totalsCount).toBe(2);
  });

  it('counts rejected rows, their errors and their lines of the error report', () => {
    const t = tally();
    scanner(t).batch([lot('a', '07', 100, 500), ['a', 'crepe']], 2);
    expect(t.rejected).toBe(2);
    expect(t.errors.map((e) => [e.row, e.code])).toEqual([
      [2, 'defective-exceeds-inspected'],
      [3, 'field-count'],
    ]);
    expect(t.rejectedCsv[0]).toBe('row,column,error,factory_id,product,period,inspected,defective');
    expect(t.rejectedCsv).toHaveLength(3);
  });

  it('keeps the first rows for the preview, validator or not', () => {
    const t = tally();
    const s = scanner(t);
    s.validate = null;
    const rows = Array.from({ length: 30 }, (_, i) => lot('a', '07', 100 + i, 1));
    const out = s.batch(rows, 2);
    expect('records' in out && out.records).toEqual([]);
    expect(t.preview).toHaveLength(PREVIEW_ROWS);
    expect(t.previewRows.at(-1)).toBe(PREVIEW_ROWS + 1);
    expect(t.rows).toBe(30);
  });
});
