import { describe, expect, it } from 'vitest';
import { controlCsv, paretoCsv, trendCsv } from '../../../src/lib/share/chartCsv';
import { stagedPChart } from '../../../src/lib/analysis/stats';
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

describe('controlCsv(points, chart)', () => {
  it('gives each period its stage centre, limits and verdict', () => {
    const pts = [
      point('a', 1000, 100),
      point('b', 1000, 100),
      point('c', 1000, 30),
      point('d', 1000, 30),
    ];
    const lines = controlCsv(pts, stagedPChart(pts, [2]));
    expect(lines[0]).toBe('period,inspected,defective,rate,center,lcl,ucl,out_of_control');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 5).join(','))).toEqual([
      'a,1000,100,0.1,0.1',
      'b,1000,100,0.1,0.1',
      'c,1000,30,0.03,0.03',
      'd,1000,30,0.03,0.03',
    ]);
    expect(lines.slice(1).every((l) => l.endsWith(',no'))).toBe(true);
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
