import { describe, expect, it } from 'vitest';
import { forceLayout } from '../../../../src/charts/network/layout';

const input = () => ({
  nodes: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, radius: 8 })),
  links: [
    { source: 'a', target: 'b' },
    { source: 'a', target: 'c' },
    { source: 'c', target: 'd' },
  ],
});

describe('forceLayout(input)', () => {
  it('is deterministic: two runs give equal positions', () => {
    const one = forceLayout(input());
    const two = forceLayout(input());
    expect([...one]).toEqual([...two]);
    expect(one.every(Number.isFinite)).toBe(true);
  });

  it('keeps pinned nodes where they are and separates every pair', () => {
    const pinned = input();
    pinned.nodes[0] = { id: 'a', radius: 8, fx: 120, fy: -40 } as (typeof pinned.nodes)[0];
    const xy = forceLayout(pinned);
    expect([xy[0], xy[1]]).toEqual([120, -40]);
    for (let i = 0; i < 5; i++)
      for (let j = i + 1; j < 5; j++)
        expect(Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1])).toBeGreaterThan(
          16,
        );
  });

  it('keeps linked nodes near the link distance (110 px for small graphs)', () => {
    const xy = forceLayout(input());
    const d = (i: number, j: number) =>
      Math.hypot(xy[2 * i] - xy[2 * j], xy[2 * i + 1] - xy[2 * j + 1]);
    for (const [i, j] of [
      [0, 1],
      [0, 2],
      [2, 3],
    ]) {
      expect(d(i, j)).toBeGreaterThan(60);
      expect(d(i, j)).toBeLessThan(200);
    }
  });
});
