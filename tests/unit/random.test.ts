import { describe, expect, it } from 'vitest';
import { seeded } from '../../src/lib/random';

describe('seeded(seed)', () => {
  it('repeats its stream for a seed, differs across seeds, and stays in [0, 1)', () => {
    const a = seeded(1956);
    const b = seeded(1956);
    const xs = Array.from({ length: 10000 }, () => a());
    expect(Array.from({ length: 10000 }, () => b())).toEqual(xs);
    expect(seeded(1957)()).not.toBe(xs[0]);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    // Uniform enough for bootstrap weights: the mean within 0.01 of ½.
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.01);
  });
});
