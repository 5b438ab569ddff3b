import { describe, expect, it } from 'vitest';
import { attGt, type PanelRow } from '../../../src/lib/analysis/did';
import { readFileSync } from 'node:fs';

/** Rows of a panel from unit → [group, outcomes at periods 1, 2, 3, …]. */
const panel = (units: Record<string, [number | null, ...number[]]>): PanelRow[] =>
  Object.entries(units).flatMap(([unit, [group, ...ys]]) =>
    ys.map((y, i) => ({ unit, time: i + 1, y, group })),
  );

// Worked by hand: a first treated at 2, b at 3, c and d never.
//   a: 1 3 4   b: 2 2 5   c: 1 2 2   d: 3 3 5
const HAND = panel({ a: [2, 1, 3, 4], b: [3, 2, 2, 5], c: [null, 1, 2, 2], d: [null, 3, 3, 5] });

describe('attGt(rows, options)', () => {
  it('is ATT(2,2) = 1.5, ATT(2,3) = 1.5, ATT(3,2) = −0.5, ATT(3,3) = 2 against the never treated', () => {
    const r = attGt(HAND, { control: 'never' });
    expect(r.cells.map(({ group, time, att, base }) => [group, time, att, base])).toEqual([
      [2, 2, 1.5, 1],
      [2, 3, 1.5, 1],
      [3, 2, -0.5, 1],
      [3, 3, 2, 2],
    ]);
    expect(r.dynamic.map(({ e, att }) => ({ e, att }))).toEqual([
      { e: -1, att: -0.5 },
      { e: 0, att: 1.75 },
      { e: 1, att: 1.5 },
    ]);
    expect(r.overall).toBeCloseTo(1.625, 12);
    expect(r.byGroup.map(({ group, att }) => ({ group, att }))).toEqual([
      { group: 2, att: 1.5 },
      { group: 3, att: 2 },
    ]);
    expect(r.groupOverall).toBeCloseTo(1.75, 12);
    expect(r.never).toBe(2);
  });

  it('gives each cell the standard error of its comparison mean when one unit is treated', () => {
    // ATT(2,2): a changes by 2; c by 1 and d by 0. With one treated unit only the comparison
    // mean varies: √(mean((Δ − 0.5)²) / 2) = √0.125, which is √(Σ IFᵢ²) / n with IF = (0, −1, 1).
    const r = attGt(HAND, { control: 'never' });
    expect(r.cells[0].se).toBeCloseTo(Math.sqrt(0.125), 12);
  });

  it('compares with the not yet treated by default: b joins the comparison of ATT(2,2)', () => {
    const r = attGt(HAND);
    // (3 − 1) − mean(1, 0, 0) for c, d and b, which is first treated at 3 > 2.
    expect(r.cells[0]).toMatchObject({ group: 2, time: 2, controls: 3 });
    expect(r.cells[0].att).toBeCloseTo(5 / 3, 12);
    expect(r.cells.slice(1).map((c) => c.att)).toEqual([1.5, -0.5, 2]);
  });

  it.each(['never', 'notYet'] as const)(
    'is 0 everywhere under a common trend with no effect, and −3 after adoption with a true −3 (%s)',
    (control) => {
      const rows: PanelRow[] = [];
      for (let u = 0; u < 16; u++) {
        const group = u < 4 ? null : [13, 19, 25][u % 3];
        for (let t = 1; t <= 36; t++) {
          const y = 8 + u * 0.3 - 0.1 * t + (t % 12 < 6 ? 0.4 : -0.4);
          rows.push({ unit: `f${u}`, time: t, y, group });
        }
      }
      const none = attGt(rows, { control });
      for (const c of none.cells) expect(c.att).toBeCloseTo(0, 10);
      const effect = attGt(
        rows.map((r) => ({ ...r, y: r.group !== null && r.time >= r.group ? r.y - 3 : r.y })),
        { control },
      );
      for (const d of effect.dynamic) expect(d.att).toBeCloseTo(d.e >= 0 ? -3 : 0, 10);
      expect(effect.overall).toBeCloseTo(-3, 10);
      expect(effect.groupOverall).toBeCloseTo(-3, 10);
    },
  );

  it('leaves out a unit treated in the first period, and counts one treated after the last as never', () => {
    const r = attGt(panel({ a: [1, 1, 2], b: [2, 1, 3], c: [null, 1, 1], d: [9, 2, 2] }), {
      control: 'never',
    });
    expect(r.sizes).toEqual([{ group: 2, units: 1 }]);
    expect(r.never).toBe(2);
    expect(r.cells).toEqual([
      { group: 2, time: 2, att: 2, base: 1, treated: 1, controls: 2, se: expect.any(Number) },
    ]);
    expect(r.n).toBe(3);
  });

  it('counts only units seen in both periods of a cell', () => {
    const rows = HAND.filter((r) => !(r.unit === 'd' && r.time === 1));
    const r = attGt(rows, { control: 'never' });
    // ATT(2,2) from 1: a +2, and only c (+1) among the never treated.
    expect(r.cells[0]).toMatchObject({ att: 1, controls: 1 });
  });

  it('is empty, with NaN aggregates, when no unit is ever treated', () => {
    const r = attGt(panel({ c: [null, 1, 2], d: [null, 3, 3] }));
    expect(r.cells).toEqual([]);
    expect(r.overall).toBeNaN();
    expect(r.groupOverall).toBeNaN();
  });

  it('throws a TypeError for a unit given two groups, and does not mutate its input', () => {
    expect(() =>
      attGt([
        { unit: 'a', time: 1, y: 1, group: 2 },
        { unit: 'a', time: 2, y: 1, group: 3 },
      ]),
    ).toThrow(TypeError);
    const copy = structuredClone(HAND);
    attGt(HAND);
    expect(HAND).toEqual(copy);
  });
});

describe("attGt on the did package's mpdta panel", () => {
  // The did package's README (version 2.5.1): att_gt(yname = "lemp", tname = "year",
  // idname = "countyreal", gname = "first.treat", xformla = ~1, data = mpdta), never treated
  // as the comparison, varying base period; then aggte(type = "dynamic") and (type = "group").
  const rows: PanelRow[] = readFileSync(
    new URL('../../fixtures/mpdta.csv', import.meta.url),
    'utf8',
  )
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [county, year, lemp, first] = line.split(',').map(Number);
      return { unit: String(county), time: year, y: lemp, group: first === 0 ? null : first };
    });
  const r = attGt(rows, { control: 'never' });
  const round = (x: number) => Number(x.toFixed(4));

  it('matches its ATT(g,t) table to 4 decimals', () => {
    expect(r.cells.map((c) => [c.group, c.time, round(c.att)])).toEqual([
      [2004, 2004, -0.0105],
      [2004, 2005, -0.0704],
      [2004, 2006, -0.1373],
      [2004, 2007, -0.1008],
      [2006, 2004, 0.0065],
      [2006, 2005, -0.0028],
      [2006, 2006, -0.0046],
      [2006, 2007, -0.0412],
      [2007, 2004, 0.0305],
      [2007, 2005, -0.0027],
      [2007, 2006, -0.0311],
      [2007, 2007, -0.0261],
    ]);
  });

  it('matches its dynamic effects (overall −0.0772) and group effects (overall −0.031)', () => {
    expect(r.dynamic.map((d) => [d.e, round(d.att)])).toEqual([
      [-3, 0.0305],
      [-2, -0.0006],
      [-1, -0.0245],
      [0, -0.0199],
      [1, -0.051],
      [2, -0.1373],
      [3, -0.1008],
    ]);
    expect(round(r.overall)).toBe(-0.0772);
    expect(r.byGroup.map((g) => [g.group, round(g.att)])).toEqual([
      [2004, -0.0797],
      [2006, -0.0229],
      [2007, -0.0261],
    ]);
    expect(Number(r.groupOverall.toFixed(3))).toBe(-0.031);
    expect(r.sizes).toEqual([
      { group: 2004, units: 20 },
      { group: 2006, units: 40 },
      { group: 2007, units: 131 },
    ]);
    expect(r.never).toBe(309);
  });

  it('matches its Wald pre-test of parallel trends, p = 0.16812', () => {
    expect(r.pretest?.df).toBe(5);
    expect(r.pretest?.p.toFixed(5)).toBe('0.16812');
  });

  // The README's errors come from did's bootstrap with an unseeded draw, so they are matched
  // within Monte Carlo error, not to the digit: 10% for the bootstrap, and 15% for the analytic
  // errors, which differ from the bootstrap's interquartile estimate by up to 12% for the
  // 20 counties first treated in 2004, whose changes have heavy tails.
  const near = (got: number, published: number, tolerance = 0.1) =>
    expect(Math.abs(got / published - 1)).toBeLessThan(tolerance);
  it('gives analytic errors within 15% of its bootstrap errors', () => {
    const published = [
      0.0246, 0.0332, 0.0397, 0.0357, 0.0229, 0.0197, 0.0179, 0.0192, 0.0154, 0.0164, 0.0184, 0.017,
    ];
    r.cells.forEach((c, k) => near(c.se, published[k], 0.15));
    [0.0154, 0.0132, 0.0153, 0.0123, 0.0167, 0.0413, 0.0351].forEach((se, k) =>
      near(r.dynamic[k].se, se, 0.15),
    );
    near(r.overallSe, 0.0219, 0.15);
    [0.0291, 0.0176, 0.0175].forEach((se, k) => near(r.byGroup[k].se, se, 0.15));
    near(r.groupOverallSe, 0.0126, 0.15);
  });

  it('bootstraps the event-time curve with a seed: errors near its own, a band 2.3–3 wide', () => {
    const b = attGt(rows, { control: 'never', draws: 999 });
    [0.0154, 0.0132, 0.0153, 0.0123, 0.0167, 0.0413, 0.0351].forEach((se, k) =>
      near(b.dynamic[k].se, se),
    );
    // The README's band: (0.0710 − 0.0305) / 0.0154 = 2.63 standard errors.
    expect(b.crit).toBeGreaterThan(2.3);
    expect(b.crit).toBeLessThan(3);
    expect(attGt(rows, { control: 'never', draws: 999 }).crit).toBe(b.crit);
    expect(attGt(rows, { control: 'never', draws: 999, seed: 7 }).crit).not.toBe(b.crit);
  });

  it('keeps event times in a window, as aggte(min_e, max_e)', () => {
    const w = attGt(rows, { control: 'never', minE: -1, maxE: 1 });
    expect(w.dynamic.map((d) => d.e)).toEqual([-1, 0, 1]);
    expect(w.overall).toBeCloseTo((r.dynamic[3].att + r.dynamic[4].att) / 2, 12);
    expect(w.eventPretest?.df).toBe(1);
  });
});
