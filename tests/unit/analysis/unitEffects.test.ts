import { describe, expect, it } from 'vitest';
import type { PanelRow } from '../../../src/lib/analysis/did';
import { unitEffects } from '../../../src/lib/analysis/unitEffects';
import { seeded } from '../../../src/lib/random';

/** A standard normal from a uniform stream (Box–Muller). */
const normal = (random: () => number) => () =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

/**
 * 16 units over 36 periods: 4 never treated, 12 first treated at 13, 19 or 25; a common trend
 * of −0.1 a period, unit levels, AR(1) noise of standard deviation `sd` with correlation `rho`,
 * and `effect` added from the first treated period on.
 */
function panel(seed: number, effect: number, rho = 0, sd = 0.5): PanelRow[] {
  const z = normal(seeded(seed));
  const rows: PanelRow[] = [];
  for (let u = 0; u < 16; u++) {
    const group = u < 4 ? null : [13, 19, 25][u % 3];
    let e = z() * sd;
    for (let t = 1; t <= 36; t++) {
      e = rho * e + Math.sqrt(1 - rho * rho) * sd * z();
      const y = 8 + u * 0.2 - 0.1 * t + e + (group !== null && t >= group ? effect : 0);
      rows.push({ unit: `f${u}`, time: t, y, group });
    }
  }
  return rows;
}

describe('unitEffects(rows, { k, control })', () => {
  it('takes out a common trend: the effect is the change minus the comparison mean change', () => {
    // No noise: every unit falls 0.1 a period; the treated one also drops 2 at adoption.
    const rows: PanelRow[] = [];
    for (const [unit, group] of [
      ['a', 5],
      ['b', null],
      ['c', null],
      ['d', null],
    ] as const)
      for (let t = 1; t <= 9; t++)
        rows.push({ unit, time: t, y: 10 - 0.1 * t + (unit === 'a' && t >= 5 ? -2 : 0), group });
    const [a] = unitEffects(rows, { k: 3, control: 'never' });
    // Mean over 5..8 minus mean over 2..4: −0.1 × (6.5 − 3) = −0.35 for everyone; −2.35 for a.
    expect(a.change).toBeCloseTo(-2.35, 12);
    expect(a.effect).toBeCloseTo(-2, 12);
    expect(a).toMatchObject({ unit: 'a', group: 5, pre: 3, post: 4, controls: 3, noTest: null });
    expect(a.p).toBe(0);
  });

  it('says "fell" rarely under a common trend with no effect, even with autocorrelated months', () => {
    for (const rho of [0, 0.5]) {
      let tested = 0;
      let rejected = 0;
      for (let seed = 1; seed <= 150; seed++)
        for (const e of unitEffects(panel(seed, 0, rho), { k: 6 })) {
          tested++;
          if (e.p < 0.05) rejected++;
        }
      // 1,800 tests at 5%: a binomial 95% range is about 4–6%; a test that treated months as
      // independent would reject 14% at rho = 0.5.
      expect(tested).toBe(1800);
      expect(rejected / tested).toBeGreaterThan(0.03);
      expect(rejected / tested).toBeLessThan(0.07);
    }
  });

  it('finds a true effect of −3 in most units after Holm, and adjusts p upwards', () => {
    const effects = unitEffects(panel(7, -3), { k: 6 });
    expect(effects.filter((e) => e.pAdjusted < 0.05 && e.effect < 0).length).toBeGreaterThanOrEqual(
      10,
    );
    for (const e of effects) expect(e.pAdjusted).toBeGreaterThanOrEqual(e.p);
    expect(effects.every((e) => e.lo < -3 + 1.5 && e.hi > -3 - 1.5)).toBe(true);
  });

  it('compares with the never treated, and with the not yet treated through the window', () => {
    const rows = panel(3, 0);
    const notYet = unitEffects(rows, { k: 6 });
    const never = unitEffects(rows, { k: 6, control: 'never' });
    // Units first treated at 13 are compared with those at 25 (> 13 + 6) and the 4 never.
    expect(notYet.find((e) => e.group === 13)!.controls).toBe(8);
    expect(notYet.find((e) => e.group === 19)!.controls).toBe(4);
    expect(never.every((e) => e.controls === 4)).toBe(true);
  });

  it('names why a unit has no test: too few periods on a side, or too few comparison units', () => {
    // f4 is first treated at 19; without data before 17 it has 2 periods before.
    const rows = panel(3, 0).filter((r) => !(r.unit === 'f4' && r.time < 17));
    const f4 = unitEffects(rows, { k: 6 }).find((e) => e.unit === 'f4')!;
    expect(f4).toMatchObject({ group: 19, pre: 2, post: 7, noTest: 'periods' });
    expect(f4.p).toBeNaN();
    const few = panel(3, 0).filter((r) => r.unit !== 'f0' && r.unit !== 'f1');
    const e = unitEffects(few, { k: 6, control: 'never' });
    expect(e.every((x) => x.noTest === 'comparison' && x.controls === 2)).toBe(true);
  });
});
