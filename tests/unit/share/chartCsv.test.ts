import { describe, expect, it } from 'vitest';
import { paretoCsv, trendCsv } from '../../../src/lib/share/chartCsv';
import type { RatePoint } from '../../../src/lib/analysis/defectRate';

const point = (period: string, inspected: number, defective: number): RatePoint => ({
  period,
  start: 0,
  end: 1,
  inspected,
  defective,
  rate: defective / inspected,
  lo: 0.01,
  hi: 0.2,
});

describe('trendCsv(series, label, by)', () => {
  it('has one row per series and period, with names, not ids, and formula-like names escaped', () => {
    const lines = trendCsv(
      [
        {
          key: 'guangming',
          inspected: 200,
          defective: 15,
          points: [point('1956-08', 100, 10), point('1956-09', 100, 5)],
        },
        { key: 'evil', inspected: 1, defective: 0, points: [point('1956-08', 1, 0)] },
      ],
      (k) => (k === 'evil' ? '=HYPERLINK("x")' : '光明丝织厂'),
      'factory',
    );
    expect(lines).toEqual([
      'factory,period,inspected,defective,rate,ci95_low,ci95_high',
      '光明丝织厂,1956-08,100,10,0.1,0.01,0.2',
      '光明丝织厂,1956-09,100,5,0.05,0.01,0.2',
      `"'=HYPERLINK(""x"")",1956-08,1,0,0,0.01,0.2`,
    ]);
  });
});

describe('paretoCsv(bars)', () => {
  it('lists bars with shares', () => {
    expect(
      paretoCsv([
        { label: '断经', count: 3, share: 0.75, cumulative: 0.75 },
        { label: '-x', count: 1, share: 0.25, cumulative: 1 },
      ]),
    ).toEqual(['defect_type,defective,share,cumulative', '断经,3,0.75,0.75', "'-x,1,0.25,1"]);
  });
});
