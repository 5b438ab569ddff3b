import { path as d3Path } from 'd3-path';
import { describe, expect, it } from 'vitest';
import {
  EDGE_ARROW,
  EDGE_GAP,
  arrowPoints,
  edgeArc,
  edgePath,
  traceArrow,
  traceEdge,
} from '../../../../src/charts/network/edges';

describe('edge marks', () => {
  const a = edgeArc(0, 0, 100, 0, 5);

  it('end EDGE_GAP off the target’s rim, so the arrowhead is not under the node', () => {
    expect(Math.hypot(a.ex - 100, a.ey)).toBeCloseTo(5 + EDGE_GAP);
  });

  it('bend A → B and B → A to opposite sides, so the two never cover each other', () => {
    const back = edgeArc(100, 0, 0, 0, 5);
    expect(a.cy).toBeLessThan(0);
    expect(back.cy).toBeGreaterThan(0);
  });

  it('point the arrowhead along the arc’s arrival, its tip a tenth past the end', () => {
    const [tip, left, right] = arrowPoints(a);
    expect(Math.hypot(tip[0] - a.ex, tip[1] - a.ey)).toBeCloseTo(EDGE_ARROW * 0.1);
    // The base is EDGE_ARROW wide and square to the arrival direction.
    expect(Math.hypot(left[0] - right[0], left[1] - right[1])).toBeCloseTo(EDGE_ARROW);
    const mid = [(left[0] + right[0]) / 2, (left[1] + right[1]) / 2];
    const along = [(tip[0] - mid[0]) / EDGE_ARROW, (tip[1] - mid[1]) / EDGE_ARROW];
    expect(along[0]).toBeCloseTo(a.ux);
    expect(along[1]).toBeCloseTo(a.uy);
  });

  it('trace on a canvas the path the SVG prints', () => {
    const p = d3Path();
    traceEdge(p, a);
    expect(String(p)).toBe(edgePath(a));
    const head = d3Path();
    traceArrow(head, a);
    expect(String(head)).toMatch(/^M[^M]+L[^M]+L[^M]+Z$/);
  });
});
