import { describe, expect, it } from 'vitest';
import { ChunkBuilder } from '../../../src/lib/db/chunks';
import { RollupAccumulator, rollupPeriod } from '../../../src/lib/db/rollupAccumulator';
import { defectRollupRows, rollupRows } from '../../../src/lib/db/rollups';

/** Rolls up records through production chunks of `perChunk` rows, as an import does. */
function accumulate(records: ProductionRecord[], perChunk = 1000): RollupAccumulator {
  const acc = new RollupAccumulator();
  for (let s = 0; s < records.length; s += perChunk) {
    const b = new ChunkBuilder(1);
    records.slice(s, s + perChunk).forEach((r, i) => b.add(r, s + i + 2));
    acc.addChunk(b.take()!);
  }
  return acc;
}
import type { ProductionRecord } from '../../../src/lib/schema/types';
import { MAX_PRODUCTS_PER_FILE } from '../../../src/lib/schema/limits';

const lot = (
  factory_id: string,
  periodStart: string,
  inspected: number,
  defective: number,
  defect_type?: string,
): ProductionRecord => ({
  factory_id,
  product: 'crepe satin',
  period: periodStart.slice(0, 7),
  periodStart,
  grain: 'month',
  inspected,
  defective,
  ...(defect_type ? { defect_type } : {}),
});

describe('RollupAccumulator', () => {
  it('sums inspected and defective per factory x product x month', () => {
    const acc = accumulate([
      lot('guangming', '1956-08-01', 100, 10, '断经'),
      lot('guangming', '1956-08-01', 300, 6, '跳花'),
      lot('guangming', '1956-09-01', 50, 1, '断经'),
      lot('zhenya', '1956-08-01', 200, 2),
    ]);
    const {
      rollups: [chunk],
      defectRollups: [defects],
    } = acc.chunks(3);
    expect(chunk.importId).toBe(3);
    expect([...rollupRows(chunk)]).toEqual([
      {
        factory_id: 'guangming',
        product: 'crepe satin',
        month: '1956-08',
        inspected: 400,
        defective: 16,
        lots: 2,
        grain: 'month',
      },
      {
        factory_id: 'guangming',
        product: 'crepe satin',
        month: '1956-09',
        inspected: 50,
        defective: 1,
        lots: 1,
        grain: 'month',
      },
      {
        factory_id: 'zhenya',
        product: 'crepe satin',
        month: '1956-08',
        inspected: 200,
        defective: 2,
        lots: 1,
        grain: 'month',
      },
    ]);
    expect(
      [...defectRollupRows(defects)].map((d) => [d.month, d.defect_type, d.defective]),
    ).toEqual([
      ['1956-08', '断经', 10],
      ['1956-08', '跳花', 6],
      ['1956-09', '断经', 1],
    ]);
  });

  it('keeps a pooled rate, not a mean of rates', () => {
    const acc = accumulate([
      lot('a', '1956-01-01', 1000, 10), // 1%
      lot('a', '1956-01-01', 10, 5), // 50%
    ]);
    const [r] = rollupRows(acc.chunks(1).rollups[0]);
    expect(r.defective / r.inspected).toBeCloseTo(15 / 1010, 10);
  });

  it('splits many cells into chunks of 65,536 rows', () => {
    const acc = accumulate(
      Array.from({ length: 70_000 }, (_, i) => lot(`f${i}`, '1956-01-01', 10, 1, 'x')),
      16_384,
    );
    const { rollups, defectRollups } = acc.chunks(1);
    expect(rollups.map((c) => c.count)).toEqual([65_536, 70_000 - 65_536]);
    expect(defectRollups.map((c) => c.count)).toEqual([65_536, 70_000 - 65_536]);
  });

  it('sums a cell whose rows fall in different chunks, and keeps a quarter’s lots apart', () => {
    const q = {
      ...lot('a', '1956-07-01', 100, 4, 'x'),
      period: '1956-Q3',
      grain: 'quarter' as const,
    };
    const y = { ...lot('a', '1956-01-01', 900, 9, 'x'), period: '1956', grain: 'year' as const };
    const acc = accumulate(
      [lot('a', '1956-07-01', 100, 1, 'x'), lot('b', '1956-07-01', 5, 0), q, y],
      1,
    );
    const rows = [...rollupRows(acc.chunks(1).rollups[0])];
    // The quarter is its own cell: it never stands in for July.
    expect(
      rows.map((r) => [r.factory_id, r.month, r.inspected, r.defective, r.lots, r.grain]),
    ).toEqual([
      ['a', '1956-07', 100, 1, 1, 'month'],
      ['b', '1956-07', 5, 0, 1, 'month'],
      ['a', '1956-Q3', 100, 4, 1, 'quarter'],
      ['a', '1956', 900, 9, 1, 'year'],
    ]);
    expect(
      [...defectRollupRows(acc.chunks(1).defectRollups[0])].map((d) => [d.month, d.defective]),
    ).toEqual([
      ['1956-07', 1],
      ['1956-Q3', 4],
      ['1956', 9],
    ]);
  });

  it.each([
    ['day', '1956-08-26', '1956-08'],
    ['month', '1956-08-01', '1956-08'],
    ['quarter', '1956-10-01', '1956-Q4'],
    ['year', '1956-01-01', '1956'],
  ] as const)('keeps a %s lot starting %s in the period %s', (grain, day, label) =>
    expect(rollupPeriod(Date.parse(day) / 86_400_000, grain)).toBe(label),
  );

  it('sums rare defect types past the first eight as well as common ones', () => {
    const types = Array.from({ length: 11 }, (_, i) => `type${i}`);
    const records = types.flatMap((t, i) => [
      lot('a', '1956-01-01', 100, i + 1, t),
      lot('a', '1956-01-01', 100, 1, t),
    ]);
    const rows = [...defectRollupRows(accumulate(records, 5).chunks(1).defectRollups[0])];
    expect(rows.map((r) => [r.defect_type, r.defective, r.lots]).sort()).toEqual(
      types.map((t, i) => [t, i + 2, 2]).sort(),
    );
  });

  it('does not mutate the chunks it reads', () => {
    const b = new ChunkBuilder(1);
    b.add(lot('a', '1956-07-01', 100, 1, 'x'), 2);
    const chunk = b.take()!;
    const copy = structuredClone(chunk);
    new RollupAccumulator().addChunk(chunk);
    expect(chunk).toEqual(copy);
  });

  it(`rolls up exactly ${MAX_PRODUCTS_PER_FILE.toLocaleString('en')} distinct products, the limit validation enforces`, () => {
    const records = Array.from({ length: MAX_PRODUCTS_PER_FILE }, (_, i) => ({
      ...lot('zhenya', '1956-08-01', 2, 1),
      product: `p${i}`,
    }));
    const { rollups } = accumulate(records, 16_384).chunks(1);
    const rows = rollups.flatMap((c) => [...rollupRows(c)]);
    expect(rows).toHaveLength(MAX_PRODUCTS_PER_FILE);
    expect(rows.reduce((n, r) => n + r.inspected, 0)).toBe(2 * MAX_PRODUCTS_PER_FILE);
    expect(new Set(rows.map((r) => r.product)).size).toBe(MAX_PRODUCTS_PER_FILE);
  });

  it('is empty when nothing was added', () => {
    expect(new RollupAccumulator().chunks(1)).toEqual({ rollups: [], defectRollups: [] });
  });
});
