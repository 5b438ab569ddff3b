import { describe, expect, it } from 'vitest';
import { RollupAccumulator, defectRollupRows, rollupRows } from '../../../src/lib/db/rollups';
import type { ProductionRecord } from '../../../src/lib/schema/types';

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
    const acc = new RollupAccumulator();
    acc.add(lot('guangming', '1956-08-01', 100, 10, '断经'));
    acc.add(lot('guangming', '1956-08-01', 300, 6, '跳花'));
    acc.add(lot('guangming', '1956-09-01', 50, 1, '断经'));
    acc.add(lot('zhenya', '1956-08-01', 200, 2));
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
    const acc = new RollupAccumulator();
    acc.add(lot('a', '1956-01-01', 1000, 10)); // 1%
    acc.add(lot('a', '1956-01-01', 10, 5)); // 50%
    const [r] = rollupRows(acc.chunks(1).rollups[0]);
    expect(r.defective / r.inspected).toBeCloseTo(15 / 1010, 10);
  });

  it('splits many cells into chunks of 65,536 rows', () => {
    const acc = new RollupAccumulator();
    for (let i = 0; i < 70_000; i++) acc.add(lot(`f${i}`, '1956-01-01', 10, 1, 'x'));
    const { rollups, defectRollups } = acc.chunks(1);
    expect(rollups.map((c) => c.count)).toEqual([65_536, 70_000 - 65_536]);
    expect(defectRollups.map((c) => c.count)).toEqual([65_536, 70_000 - 65_536]);
  });

  it('is empty when nothing was added', () => {
    expect(new RollupAccumulator().chunks(1)).toEqual({ rollups: [], defectRollups: [] });
  });
});
