// A 2D context for tests that records what is stroked and filled, with the style it had. Its
// paths are d3-path's, so a canvas twin's path strings compare with its SVG twin's.
import { path as d3Path } from 'd3-path';

export function recorder() {
  let current = d3Path();
  const drawn: { op: 'fill' | 'stroke'; d: string; style: string; width: number; alpha: number }[] =
    [];
  const ctx = {
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    globalAlpha: 1,
    beginPath: () => (current = d3Path()),
    moveTo: (x: number, y: number) => current.moveTo(x, y),
    lineTo: (x: number, y: number) => current.lineTo(x, y),
    closePath: () => current.closePath(),
    arc: (x: number, y: number, r: number, a0: number, a1: number) => current.arc(x, y, r, a0, a1),
    fill: () =>
      drawn.push({
        op: 'fill',
        d: String(current),
        style: ctx.fillStyle,
        width: 0,
        alpha: ctx.globalAlpha,
      }),
    stroke: () =>
      drawn.push({
        op: 'stroke',
        d: String(current),
        style: ctx.strokeStyle,
        width: ctx.lineWidth,
        alpha: ctx.globalAlpha,
      }),
  };
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn };
}
