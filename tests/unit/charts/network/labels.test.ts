import { describe, expect, it } from 'vitest';
import { calloutDir } from '../../../../src/charts/network/labels';

describe('calloutDir(at, w, h, reach, obstacles, frame)', () => {
  const frame = { w: 400, h: 300 };
  const at = { x: 200, y: 150, rim: 10 };
  it('goes up and right when nothing is in the way', () => {
    expect(calloutDir(at, 80, 14, 20, [], frame)).toEqual([1, -1]);
  });
  it('turns away from a label above right, and from the frame’s edge', () => {
    const label = { x: 215, y: 100, w: 120, h: 30 };
    expect(calloutDir(at, 80, 14, 20, [label], frame)).toEqual([-1, -1]);
    expect(calloutDir({ x: 390, y: 10, rim: 5 }, 80, 14, 20, [], frame)).toEqual([-1, 1]);
  });
});
