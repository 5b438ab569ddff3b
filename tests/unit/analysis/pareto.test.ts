import { describe, expect, it } from 'vitest';
import {
  defectiveTotal,
  defectsByMonth,
  defectsByType,
  pareto,
} from '../../../src/lib/analysis/pareto';
import { lot, rollupsOf } from '../records';

describe('pareto(items)', () => {
  it('sums per label, sorts largest first and accumulates shares to 1', () => {
    const bars = pareto([
      { label: '跳花', count: 20 },
      { label: '断经', count: 50 },
      { label: '污渍', count: 10 },
      { label: '跳花', count: 20 },
    ]);
    expect(bars.map((b) => [b.label, b.count])).toEqual([
      ['断经', 50],
      ['跳花', 40],
      ['污渍', 10],
    ]);
    expect(bars.map((b) => b.share)).toEqual([0.5, 0.4, 0.1]);
    expect(bars.map((b) => b.cumulative)).toEqual([0.5, 0.9, 1]);
  });

  it('breaks ties by label and drops zero counts', () => {
    expect(
      pareto([
        { label: 'b', count: 5 },
        { label: 'a', count: 5 },
        { label: 'z', count: 0 },
      ]).map((b) => b.label),
    ).toEqual(['a', 'b']);
  });

  it('is empty for no items or only zeros', () => {
    expect(pareto([])).toEqual([]);
    expect(pareto([{ label: 'a', count: 0 }])).toEqual([]);
  });

  it('throws a TypeError for a negative count', () => {
    expect(() => pareto([{ label: 'a', count: -1 }])).toThrow(TypeError);
  });
});

describe('defectsByType(chunks, filter)', () => {
  const chunks = rollupsOf([
    lot('guangming', 'crepe satin', '1956-07', 1000, 30, '断经'),
    lot('guangming', 'crepe satin', '1956-08', 1000, 20, '跳花'),
    lot('guangming', 'soft satin', '1956-08', 1000, 5, '断经'),
    lot('zhenya', 'crepe satin', '1956-08', 1000, 7, '污渍'),
  ]).defectRollups;

  it('sums defective pieces per type over the cells that pass the filter', () => {
    const sorted = (xs: { label: string; count: number }[]) =>
      [...xs].sort((a, b) => a.label.localeCompare(b.label));
    expect(sorted(defectsByType(chunks, {}))).toEqual(
      sorted([
        { label: '断经', count: 35 },
        { label: '跳花', count: 20 },
        { label: '污渍', count: 7 },
      ]),
    );
    expect(
      defectsByType(chunks, {
        factories: ['guangming'],
        products: ['crepe satin'],
        from: '1956-08',
      }),
    ).toEqual([{ label: '跳花', count: 20 }]);
  });

  it('gives one type by month, for a u chart', () => {
    expect([...defectsByMonth(chunks, { type: '断经' })]).toEqual([
      ['1956-07', 30],
      ['1956-08', 5],
    ]);
    expect([...defectsByMonth(chunks, { type: '断经', products: ['soft satin'] })]).toEqual([
      ['1956-08', 5],
    ]);
    expect(defectsByMonth(chunks, { type: 'none' }).size).toBe(0);
  });

  it('is empty when no cell passes, or there are no defect types', () => {
    expect(defectsByType(chunks, { factories: ['nobody'] })).toEqual([]);
    expect(defectsByType([], {})).toEqual([]);
  });
});

describe('lots with no defect type', () => {
  const data = rollupsOf([
    lot('guangming', 'crepe satin', '1956-07', 1000, 30, '断经'),
    lot('guangming', 'crepe satin', '1956-08', 1000, 20, '跳花'),
    lot('guangming', 'crepe satin', '1956-09', 1000, 50),
  ]);

  it('are counted in the total the shares are measured against, not dropped', () => {
    const typed = defectsByType(data.defectRollups, {});
    expect(typed.reduce((s, x) => s + x.count, 0)).toBe(50);
    expect(defectiveTotal(data.rollups, {})).toBe(100);
    expect(defectiveTotal(data.rollups, { from: '1956-09' })).toBe(50);
  });

  it('stand as a bar of their own, last, so the 80% line is of all defective pieces', () => {
    const bars = pareto(
      [...defectsByType(data.defectRollups, {}), { label: 'no type', count: 50 }],
      {
        last: 'no type',
      },
    );
    expect(bars.map((b) => [b.label, b.share, b.cumulative])).toEqual([
      ['断经', 0.3, 0.3],
      ['跳花', 0.2, 0.5],
      ['no type', 0.5, 1],
    ]);
  });
});
