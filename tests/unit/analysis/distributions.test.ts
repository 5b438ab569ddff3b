import { describe, expect, it } from 'vitest';
import {
  betaI,
  chiSquareUpper,
  fUpper,
  holm,
  logGamma,
  normalTwoSided,
  studentTwoSided,
} from '../../../src/lib/analysis/distributions';

// Reference values from R 4 (pt, pnorm, pchisq, lgamma, pbeta, p.adjust), printed to 15 digits.
describe('distributions', () => {
  it('gives two-sided Student t p-values as R: 2·pt(−|t|, df)', () => {
    expect(studentTwoSided(2.5, 3)).toBeCloseTo(0.0877066470080655, 12);
    expect(studentTwoSided(-1.2, 17.5)).toBeCloseTo(0.246133254983686, 12);
    expect(studentTwoSided(8, 40) / 7.90508411010452e-10).toBeCloseTo(1, 9);
    expect(studentTwoSided(0, 5)).toBe(1);
    expect(studentTwoSided(Infinity, 5)).toBe(0);
    expect(studentTwoSided(1, 0)).toBeNaN();
  });

  it('gives two-sided normal p-values as R: 2·pnorm(−|z|)', () => {
    expect(normalTwoSided(1.96)).toBeCloseTo(0.0499957902964409, 13);
    expect(normalTwoSided(-5) / 5.73303143758388e-7).toBeCloseTo(1, 9);
  });

  it('gives upper χ² tails as R: pchisq(x, df, lower.tail = FALSE)', () => {
    expect(chiSquareUpper(7.77, 5)).toBeCloseTo(0.169375221495326, 12);
    expect(chiSquareUpper(0.3, 1)).toBeCloseTo(0.583882420770365, 12);
    expect(chiSquareUpper(120, 100)).toBeCloseTo(0.0844066810936918, 12);
    expect(chiSquareUpper(0, 3)).toBe(1);
  });

  it('gives upper F tails as R: pf(x, d1, d2, lower.tail = FALSE)', () => {
    expect(fUpper(3.22, 6, 10)).toBeCloseTo(0.0498781698797575, 12);
    expect(fUpper(0.5, 2, 30)).toBeCloseTo(0.611495708208455, 12);
    expect(fUpper(0, 2, 30)).toBe(1);
  });

  it('has ln Γ and the incomplete beta of R: lgamma, pbeta', () => {
    expect(logGamma(0.3)).toBeCloseTo(1.09579799481808, 12);
    expect(logGamma(50.5)).toBeCloseTo(146.519255490721, 10);
    expect(betaI(0.3, 2.5, 7)).toBeCloseTo(0.641222462971721, 12);
  });

  it("adjusts by Holm's method as R's p.adjust(p, 'holm'), leaving NaN out of the count", () => {
    const r = holm([0.01, 0.04, 0.03, 0.005, NaN, 0.2]);
    expect(r.slice(0, 4)).toEqual([0.04, 0.09, 0.09, 0.025].map((v) => expect.closeTo(v, 14)));
    expect(r[4]).toBeNaN();
    expect(r[5]).toBeCloseTo(0.2, 14);
    expect(holm([0.6, 0.5])).toEqual([1, 1]);
  });
});
