import { describe, expect, it } from 'vitest';
import { cochranQ, funnel, momentTau2, Z95, Z998 } from '../../../src/lib/analysis/funnel';
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

describe('cochranQ and momentTau2: the heterogeneity behind the widened limits', () => {
  // The 13 BCG vaccine trials (Colditz et al. 1994), as metafor ships them in dat.bcg:
  // vaccinated cases and non-cases, then unvaccinated cases and non-cases.
  const bcg = [
    [4, 119, 11, 128],
    [6, 300, 29, 274],
    [3, 228, 11, 209],
    [62, 13536, 248, 12619],
    [33, 5036, 47, 5761],
    [180, 1361, 372, 1079],
    [8, 2537, 10, 619],
    [505, 87886, 499, 87892],
    [29, 7470, 45, 7232],
    [17, 1699, 65, 1600],
    [186, 50448, 141, 27197],
    [5, 2493, 3, 2338],
    [27, 16886, 29, 17825],
  ];
  // Log risk ratios and their variances, as metafor's escalc(measure = "RR").
  const y = bcg.map(([a, b, c, d]) => Math.log(a / (a + b) / (c / (c + d))));
  const v = bcg.map(([a, b, c, d]) => 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d));

  it("matches metafor's rma(method = 'DL') on dat.bcg: Q(12) = 152.2330, τ² = 0.3088", () => {
    const { q, mean } = cochranQ(y, v);
    expect(q).toBeCloseTo(152.233, 3);
    // The fixed-effect estimate metafor reports for the same data.
    expect(mean).toBeCloseTo(-0.4303, 4);
    const tau2 = momentTau2(
      q,
      v.map((x) => 1 / x),
    );
    expect(tau2).toBeCloseTo(0.3088, 4);
    // And the random-effects estimate with that τ²: −0.7141 (SE 0.1787).
    const w = v.map((x) => 1 / (x + tau2));
    const sw = w.reduce((a, b) => a + b, 0);
    expect(w.reduce((s, wi, i) => s + wi * y[i], 0) / sw).toBeCloseTo(-0.7141, 4);
    expect(Math.sqrt(1 / sw)).toBeCloseTo(0.1787, 4);
  });

  it('is no heterogeneity when Q is at most its degrees of freedom', () => {
    expect(momentTau2(11.9, new Array(13).fill(50))).toBe(0);
  });

  it("is what the funnel widens by: its φ·I is Cochran's Q of the rates, winsorised", () => {
    // Eight factories with real differences. The pooled rate is the rates' inverse-variance
    // mean, so the funnel's Q is Cochran's; winsorising only pulls the extremes in.
    const units = [0.05, 0.052, 0.061, 0.058, 0.047, 0.066, 0.055, 0.05].map((r, i) => ({
      key: `f${i}`,
      inspected: 20_000 + 1000 * i,
      defective: Math.round(r * (20_000 + 1000 * i)),
    }));
    const f = funnel(units);
    const p = f.center;
    const rates = units.map((u) => u.defective / u.inspected);
    const vars = units.map((u) => (p * (1 - p)) / u.inspected);
    const { q, mean } = cochranQ(rates, vars);
    expect(mean).toBeCloseTo(p, 12);
    expect(f.overDispersed).toBe(true);
    // Winsorising clips the two extremes toward the 10th and 90th percentiles, so φ·I ≤ Q.
    expect(f.phi * units.length).toBeLessThan(q);
    expect(f.tau2).toBeCloseTo(
      momentTau2(
        f.phi * units.length,
        vars.map((x) => 1 / x),
      ),
      15,
    );
  });
});
