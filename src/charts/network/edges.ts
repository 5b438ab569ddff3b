// Directed edges as marks: a gentle arc bending to its left (so A → B and B → A never cover each
// other) that ends on the target's rim, and an arrowhead there. One geometry serves both
// renderers: the SVG twin prints `edgePath` and marks its end with an arrow marker of
// EDGE_ARROW's size; the canvas twin traces the same arc (`traceEdge`) and fills the same
// arrowhead (`traceArrow`), so "who taught whom" reads the same on a graph of any size.

import { path } from 'd3-path';

/** How far the arc bends: its control point is pushed sideways by this share of its length. */
export const EDGE_BEND = 0.12;
/** The arrowhead's length and width, in layout units (they zoom with the graph). */
export const EDGE_ARROW = 7;
/** An edge's stroke opacity (its arrowhead is opaque, as an SVG marker is). */
export const EDGE_OPACITY = 0.6;
/** The gap between an edge's end and its target's rim. */
export const EDGE_GAP = 2;

/** An edge's arc: from (x1, y1) through control (cx, cy) to (ex, ey) on the target's rim, and the direction it arrives in (a unit vector). */
export interface EdgeArc {
  x1: number;
  y1: number;
  cx: number;
  cy: number;
  ex: number;
  ey: number;
  ux: number;
  uy: number;
}

/** The arc from a source at (x1, y1) to a target at (x2, y2) of radius `r`, ending EDGE_GAP off its rim. */
export function edgeArc(x1: number, y1: number, x2: number, y2: number, r: number): EdgeArc {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const cx = (x1 + x2) / 2 + dy * EDGE_BEND;
  const cy = (y1 + y2) / 2 - dx * EDGE_BEND;
  // End on the rim, along the direction the curve arrives from (the control point).
  const dc = Math.hypot(x2 - cx, y2 - cy) || 1;
  const ux = (x2 - cx) / dc;
  const uy = (y2 - cy) / dc;
  const end = r + EDGE_GAP;
  return { x1, y1, cx, cy, ex: x2 - ux * end, ey: y2 - uy * end, ux, uy };
}

/** The path methods the canvas twin uses: a 2D context, or d3-path's recorder in a test. */
export type PathSink = Pick<
  CanvasRenderingContext2D,
  'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'closePath'
>;

/** The arc as an SVG path: `traceEdge` onto d3-path, which prints what a canvas would draw. */
export function edgePath(a: EdgeArc): string {
  const p = path();
  traceEdge(p, a);
  return String(p);
}

/** Traces the arc onto a path (add it to the current path; stroke later). */
export function traceEdge(ctx: PathSink, a: EdgeArc): void {
  ctx.moveTo(a.x1, a.y1);
  ctx.quadraticCurveTo(a.cx, a.cy, a.ex, a.ey);
}

/**
 * The arrowhead at the arc's end, as the SVG marker draws it: a triangle EDGE_ARROW long and
 * wide whose tip is a tenth of its length past the end (the marker's refX of 9 in 10).
 */
export function arrowPoints(a: EdgeArc, size = EDGE_ARROW): [number, number][] {
  const tx = a.ex + a.ux * size * 0.1;
  const ty = a.ey + a.uy * size * 0.1;
  const bx = tx - a.ux * size;
  const by = ty - a.uy * size;
  const h = size / 2;
  return [
    [tx, ty],
    [bx - a.uy * h, by + a.ux * h],
    [bx + a.uy * h, by - a.ux * h],
  ];
}

/** Traces the arrowhead onto a path (add it to the current path; fill later). */
export function traceArrow(ctx: PathSink, a: EdgeArc, size = EDGE_ARROW): void {
  const [tip, left, right] = arrowPoints(a, size);
  ctx.moveTo(tip[0], tip[1]);
  ctx.lineTo(left[0], left[1]);
  ctx.lineTo(right[0], right[1]);
  ctx.closePath();
}
