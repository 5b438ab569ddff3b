import { describe, expect, it } from 'vitest';
import { attGt, type PanelRow } from '../../../src/lib/analysis/did';

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
    expect(r.dynamic).toEqual([
      { e: -1, att: -0.5 },
      { e: 0, att: 1.75 },
      { e: 1, att: 1.5 },
    ]);
    expect(r.overall).toBeCloseTo(1.625, 12);
    expect(r.byGroup).toEqual([
      { group: 2, att: 1.5 },
      { group: 3, att: 2 },
    ]);
    expect(r.groupOverall).toBeCloseTo(1.75, 12);
    expect(r.never).toBe(2);
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
    expect(r.cells).toEqual([{ group: 2, time: 2, att: 2, base: 1, treated: 1, controls: 2 }]);
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
