import { describe, expect, it } from 'vitest';
import { pChart, wilsonInterval } from '../../../src/lib/analysis/stats';

describe('wilsonInterval(defective, inspected)', () => {
  it.each([
    [5, 100, 0.0215, 0.1118],
    [0, 100, 0, 0.037],
    [100, 100, 0.963, 1],
    [1, 10, 0.0179, 0.4042],
    [50, 100, 0.4038, 0.5962],
  ])('is about [%d/%d] -> [%f, %f]', (d, n, lo, hi) => {
    const [l, h] = wilsonInterval(d, n);
    expect(l).toBeCloseTo(lo, 4);
    expect(h).toBeCloseTo(hi, 4);
  });

  it('is wider at 99% than at 95%', () => {
    const [l95, h95] = wilsonInterval(5, 100);
    const [l99, h99] = wilsonInterval(5, 100, 2.576);
    expect(l99).toBeLessThan(l95);
    expect(h99).toBeGreaterThan(h95);
  });

  it('is [0, 1] when nothing was inspected', () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it.each([
    [5, 4],
    [-1, 10],
    [NaN, 10],
  ])('throws a TypeError for defective=%d, inspected=%d', (d, n) => {
    expect(() => wilsonInterval(d, n)).toThrow(TypeError);
  });
});

describe('pChart(points)', () => {
  it("centres on the pooled rate, not the mean of rates, with limits from each point's own size", () => {
    const { center, points } = pChart([
      { inspected: 1000, defective: 10 },
      { inspected: 100, defective: 10 },
    ]);
    expect(center).toBeCloseTo(20 / 1100, 10);
    const sigma = (n: number) => Math.sqrt((center * (1 - center)) / n);
    expect(points[0].ucl).toBeCloseTo(center + 3 * sigma(1000), 10);
    expect(points[1].ucl).toBeCloseTo(center + 3 * sigma(100), 10);
    expect(points[1].ucl).toBeGreaterThan(points[0].ucl);
  });

  it('floors the LCL at 0 and marks points beyond the limits', () => {
    const samples = [
      ...Array.from({ length: 10 }, () => ({ inspected: 500, defective: 10 })),
      { inspected: 500, defective: 40 }, // 8% against a centre near 2.5%
      { inspected: 50, defective: 0 },
    ];
    const { points } = pChart(samples);
    expect(points.map((p) => p.outOfControl)).toEqual([...Array(10).fill(false), true, false]);
    expect(points[11].lcl).toBe(0);
  });

  it('has a NaN centre and nothing out of control when empty', () => {
    expect(pChart([])).toEqual({ center: NaN, points: [] });
  });

  it('throws a TypeError for defective > inspected', () => {
    expect(() => pChart([{ inspected: 10, defective: 11 }])).toThrow(TypeError);
  });

  it('does not mutate its input', () => {
    const input = [{ inspected: 100, defective: 3 }];
    const copy = structuredClone(input);
    pChart(input);
    expect(input).toEqual(copy);
  });
});
