import { describe, expect, it } from 'vitest';
import { funnel, Z95, Z998 } from '../../../src/lib/analysis/funnel';
import { seeded } from '../../../src/lib/random';

describe('funnel(units)', () => {
  it('works by hand for two units: winsorised φ, the χ² test and τ² by moments', () => {
    // p̄ = 0.1; each z = ±0.01 / √(0.09 / 10,000) = ±3.333. Winsorised at the 10th and 90th
    // percentiles (±0.8 × 3.333): φ = (0.8 × 3.333)² = 7.111. 2φ = 14.2 > χ²₁(0.95).
    // τ² = (2φ − 1) / (Σw − Σw²/Σw) with w = 10,000 / 0.09 each: 13.22 / 111,111.
    const f = funnel([
      { key: 'a', inspected: 10_000, defective: 900 },
      { key: 'b', inspected: 10_000, defective: 1100 },
    ]);
    expect(f.center).toBeCloseTo(0.1, 12);
    expect(f.phi).toBeCloseTo(0.64 * (0.01 / 0.003) ** 2, 9);
    expect(f.overDispersed).toBe(true);
    expect(f.tau2).toBeCloseTo((2 * f.phi - 1) / 111_111.111, 12);
    const [lo, hi] = f.limits(10_000, Z95);
    expect(hi - 0.1).toBeCloseTo(Z95 * Math.sqrt(0.09 / 10_000 + f.tau2), 12);
    expect(lo).toBeCloseTo(0.2 - hi, 12);
  });

  it('keeps the binomial limits when units vary as a binomial does, and names an outlier', () => {
    const r = seeded(11);
    const units = Array.from({ length: 30 }, (_, i) => {
      const inspected = 500 + Math.floor(r() * 4000);
      let defective = 0;
      for (let k = 0; k < inspected; k++) if (r() < 0.05) defective++;
      return { key: `f${i}`, inspected, defective };
    });
    units.push({ key: 'bad', inspected: 4000, defective: 400 });
    const f = funnel(units);
    expect(f.overDispersed).toBe(false);
    expect(f.tau2).toBe(0);
    expect(f.points.find((p) => p.key === 'bad')!.outside).toBe('998');
    // 30 ordinary units at 99.8%: now and then one is out by chance (here one, pushed by the
    // outlier's pull on the pooled rate).
    expect(f.points.filter((p) => p.outside === '998').length).toBeLessThanOrEqual(2);
    const [lo, hi] = f.limits(1000, Z998);
    expect(hi - f.center).toBeCloseTo(Z998 * Math.sqrt((f.center * (1 - f.center)) / 1000), 12);
    expect(lo).toBeLessThan(f.center);
  });

  it('widens the limits for real differences between units, so few of them are called outliers', () => {
    const r = seeded(5);
    const z = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
    const units = Array.from({ length: 40 }, (_, i) => {
      const inspected = 50_000 + Math.floor(r() * 50_000);
      return {
        key: `f${i}`,
        inspected,
        defective: Math.round(inspected * 0.06 * (1 + 0.15 * z())),
      };
    });
    const f = funnel(units);
    expect(f.overDispersed).toBe(true);
    // The units' own spread is 0.9 points. Winsorising, as Spiegelhalter does so that outliers do
    // not set the width, takes the tails off and puts τ somewhat below that.
    expect(Math.sqrt(f.tau2)).toBeGreaterThan(0.003);
    expect(Math.sqrt(f.tau2)).toBeLessThan(0.012);
    const binomial = Z998 * Math.sqrt((f.center * (1 - f.center)) / 75_000);
    expect(f.limits(75_000, Z998)[1] - f.center).toBeGreaterThan(3 * binomial);
    // Binomial limits would call most units outliers; these call a few, since winsorising makes
    // τ² a little small when all the variation is real (a known cost of the published method).
    const byBinomial = f.points.filter(
      (p) =>
        Math.abs(p.rate - f.center) > Z998 * Math.sqrt((f.center * (1 - f.center)) / p.inspected),
    ).length;
    expect(byBinomial).toBeGreaterThanOrEqual(20);
    expect(f.points.filter((p) => p.outside === '998').length).toBeLessThanOrEqual(4);
  });

  it('leaves out units with nothing inspected, and has no width with one unit', () => {
    const f = funnel([
      { key: 'a', inspected: 100, defective: 5 },
      { key: 'b', inspected: 0, defective: 0 },
    ]);
    expect(f.points.map((p) => p.key)).toEqual(['a']);
    expect(f.phi).toBeNaN();
    expect(f.tau2).toBe(0);
  });
});
