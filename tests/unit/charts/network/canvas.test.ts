import { describe, expect, it } from 'vitest';
import {
  hitNode,
  neighbourhood,
  nodeIndex,
  placeLabels,
  rasterCovers,
  type DrawEdge,
  type DrawNode,
} from '../../../../src/charts/network/canvas';

const node = (id: string, r = 5): DrawNode => ({
  id,
  label: id,
  r,
  color: '#000',
  adopted: true,
  visible: true,
});
const edge = (s: number, t: number, visible = true): DrawEdge => ({
  s,
  t,
  width: 1,
  color: '#000',
  dash: '',
  visible,
});

describe('placeLabels', () => {
  it('keeps labels in order and drops any that would overlap one already kept', () => {
    const kept = placeLabels(
      [
        { x: 0, y: 0, w: 50, h: 14 },
        { x: 40, y: 5, w: 50, h: 14 }, // overlaps the first
        { x: 60, y: 0, w: 50, h: 14 }, // clear of the first (the second was dropped)
        { x: 0, y: 14, w: 50, h: 14 }, // touches the first's bottom edge: no overlap
        { x: 100, y: 10, w: 5, h: 5 }, // inside the third
      ].map((b) => [b]),
    );
    expect(kept).toEqual([0, -1, 0, 0, -1]);
  });

  it('finds overlaps across grid cells and at negative coordinates', () => {
    expect(
      placeLabels(
        [
          { x: -70, y: -20, w: 200, h: 14 },
          { x: 120, y: -10, w: 20, h: 14 },
          { x: -300, y: -300, w: 20, h: 14 },
        ].map((b) => [b]),
      ),
    ).toEqual([0, -1, 0]);
  });

  it('moves a label to its next place when the first is taken', () => {
    const below = (x: number) => ({ x, y: 10, w: 40, h: 14 });
    const above = (x: number) => ({ x, y: -24, w: 40, h: 14 });
    expect(placeLabels([[below(0)], [below(20), above(20)], [below(30), above(30)]])).toEqual([
      0, 1, -1,
    ]);
  });
});

describe('rasterCovers', () => {
  const at = { k: 1, x: 0, y: 0 };
  it('stands in while the frame stays inside the raster and its margin', () => {
    expect(rasterCovers(at, { k: 1, x: 0, y: 0 }, 800, 600, 200)).toBe(true);
    expect(rasterCovers(at, { k: 1, x: 200, y: -200 }, 800, 600, 200)).toBe(true);
    expect(rasterCovers(at, { k: 1, x: 201, y: 0 }, 800, 600, 200)).toBe(false);
  });

  it('stands in for zooms up to a factor of 2 either way, if the area is covered', () => {
    // Zooming in about the frame's centre shows less of the same area.
    expect(rasterCovers(at, { k: 2, x: -400, y: -300 }, 800, 600, 200)).toBe(true);
    expect(rasterCovers(at, { k: 2.1, x: -440, y: -330 }, 800, 600, 200)).toBe(false);
    // Zooming out shows more than the raster holds without a margin wide enough.
    expect(rasterCovers(at, { k: 0.8, x: 80, y: 60 }, 800, 600, 200)).toBe(true);
    expect(rasterCovers(at, { k: 0.5, x: 200, y: 150 }, 800, 600, 200)).toBe(false);
  });
});

describe('hit-testing and neighbourhoods', () => {
  const nodes = [node('a', 5), node('b', 10), { ...node('c', 5), visible: false }];
  const xy = new Float64Array([0, 0, 100, 0, 50, 50]);
  const index = nodeIndex(xy, nodes.length);

  it('finds the node under a screen point through the zoom, within its radius and slop', () => {
    const view = { k: 2, x: 10, y: 10 };
    expect(hitNode(index, nodes, view, 10, 10)).toBe(0);
    expect(hitNode(index, nodes, view, 10 + 2 * 100 + 2 * 10 + 3, 10)).toBe(1);
    expect(hitNode(index, nodes, view, 10 + 2 * 50, 10)).toBe(-1);
    // A hidden node is not hit.
    expect(hitNode(index, nodes, view, 10 + 100, 10 + 100)).toBe(-1);
  });

  it('a neighbourhood is the node and every node a shown edge joins it to, either way', () => {
    const edges = [edge(0, 1), edge(2, 0), edge(1, 2, false)];
    expect([...neighbourhood(edges, 0)].sort()).toEqual([0, 1, 2]);
    expect([...neighbourhood(edges, 1)].sort()).toEqual([0, 1]);
  });
});

describe('drawNetwork: a large graph keeps its directions', () => {
  it('draws every visible edge as the SVG arc with an arrowhead, above 500 nodes too', async () => {
    const { path: d3Path } = await import('d3-path');
    const { drawNetwork } = await import('../../../../src/charts/network/canvas');
    const { edgeArc, edgePath } = await import('../../../../src/charts/network/edges');
    const n = 600;
    const nodes = Array.from({ length: n }, (_, i) => node(`f${i}`, 4));
    const edges = Array.from({ length: n - 1 }, (_, i) => edge(i, i + 1, i % 50 !== 7));
    const xy = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      xy[2 * i] = (i % 30) * 40;
      xy[2 * i + 1] = Math.floor(i / 30) * 40;
    }
    let current = d3Path();
    const strokes: string[] = [];
    const fills: string[] = [];
    const dashes: number[][] = [];
    const ctx = {
      setTransform() {},
      clearRect() {},
      setLineDash: (d: number[]) => dashes.push(d),
      beginPath: () => (current = d3Path()),
      moveTo: (x: number, y: number) => current.moveTo(x, y),
      lineTo: (x: number, y: number) => current.lineTo(x, y),
      quadraticCurveTo: (a: number, b: number, x: number, y: number) =>
        current.quadraticCurveTo(a, b, x, y),
      arc: (x: number, y: number, r: number, a0: number, a1: number) =>
        current.arc(x, y, r, a0, a1),
      closePath: () => current.closePath(),
      stroke: () => strokes.push(String(current)),
      fill: () => fills.push(String(current)),
    } as unknown as CanvasRenderingContext2D;
    drawNetwork(ctx, nodes, edges, xy, { k: 0.5, x: 0, y: 0, width: 800, height: 600, dpr: 1 });
    const shown = edges.filter((e) => e.visible);
    const arcs = shown.map((e) =>
      edgePath(edgeArc(xy[2 * e.s], xy[2 * e.s + 1], xy[2 * e.t], xy[2 * e.t + 1], 4)),
    );
    // One stroke of every arc, then one fill of every head, before the nodes.
    expect(strokes[0]).toBe(arcs.join(''));
    expect(fills[0].match(/Z/g)).toHaveLength(shown.length);
    // Solid: the dash is cleared before the heads are filled.
    expect(dashes.slice(0, 2)).toEqual([[], []]);
  });

  it('draws a topic’s dash pattern, stretched so that it stays visible when zoomed out', async () => {
    const { drawNetwork } = await import('../../../../src/charts/network/canvas');
    const dashes: number[][] = [];
    const noop = () => {};
    const ctx = new Proxy(
      { setLineDash: (d: number[]) => dashes.push(d) },
      { get: (t, k) => (k in t ? t[k as keyof typeof t] : noop), set: () => true },
    ) as unknown as CanvasRenderingContext2D;
    const nodes = [node('a'), node('b')];
    const edges = [{ ...edge(0, 1), dash: '9 4' }];
    drawNetwork(ctx, nodes, edges, new Float64Array([0, 0, 100, 0]), {
      k: 0.5,
      x: 0,
      y: 0,
      width: 800,
      height: 600,
      dpr: 1,
    });
    expect(dashes[0]).toEqual([18, 8]);
  });
});
