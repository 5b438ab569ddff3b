import { describe, expect, it } from 'vitest';
import { RunningSums, totalsLabel } from '../../../src/lib/import/totals';

describe('totalsLabel(cell)', () => {
  it('knows 合计, 小计, 总计, Total, Subtotal and Sum however they are spaced or cased', () => {
    for (const cell of [
      '合计',
      '合\u3000计',
      ' 小计 ',
      '总计：',
      'Total',
      'TOTAL:',
      'Sub-total',
      'SubTotal',
      'sum',
      'Grand Total',
    ])
      expect(totalsLabel(cell), cell).toBe(cell.trim());
  });

  it('leaves names that only contain the word', () => {
    for (const cell of ['Total Silk Works', '合计厂', 'summer', '', undefined])
      expect(totalsLabel(cell as string)).toBeNull();
  });
});

describe('RunningSums: a totals row without a label', () => {
  it('finds a subtotal of the rows since the last total, and a grand total of all rows', () => {
    const s = new RunningSums();
    expect(s.check(3, 100, 10)).toBeNull();
    expect(s.check(4, 200, 15)).toBeNull();
    expect(s.check(5, 300, 25)).toEqual({ by: 'sum', from: 3, to: 4 });
    expect(s.check(6, 50, 5)).toBeNull();
    expect(s.check(7, 70, 6)).toBeNull();
    expect(s.check(8, 120, 11)).toEqual({ by: 'sum', from: 6, to: 7 });
    expect(s.check(9, 420, 36)).toEqual({ by: 'sum', from: 3, to: 8 });
  });

  it('needs both counts and at least two rows: one repeated lot is not a total', () => {
    const s = new RunningSums();
    expect(s.check(2, 100, 10)).toBeNull();
    expect(s.check(3, 100, 10)).toBeNull();
    expect(s.check(4, 200, 19)).toBeNull();
  });
});
