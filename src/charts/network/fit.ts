import type { DrawNode, ViewTransform } from './canvas';

/**
 * The view that fits the visible nodes, and their labels when `labelWidth` gives a label's
 * width (centred under its node, one line of `lineHeight` below it), into `width` × `height`
 * with a 16 px pad, at no more than 2× zoom. With nothing visible, the layout's origin at the
 * centre.
 */
export function fitView(
  nodes: readonly DrawNode[],
  xy: Float64Array,
  width: number,
  height: number,
  labelWidth: ((text: string) => number) | null,
  lineHeight = 16,
  /** Where the labels were placed, in layout units: the view keeps each of them whole. */
  boxes: readonly { x: number; y: number; w: number; h: number }[] = [],
): ViewTransform {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    x1 = Math.max(x1, b.x + b.w);
    y0 = Math.min(y0, b.y);
    y1 = Math.max(y1, b.y + b.h);
  }
  nodes.forEach((n, i) => {
    if (!n.visible) return;
    const half = Math.max(n.r, labelWidth ? labelWidth(n.label) / 2 : 0);
    x0 = Math.min(x0, xy[2 * i] - half);
    x1 = Math.max(x1, xy[2 * i] + half);
    y0 = Math.min(y0, xy[2 * i + 1] - n.r);
    y1 = Math.max(y1, xy[2 * i + 1] + n.r + (labelWidth ? lineHeight : 0));
  });
  if (!Number.isFinite(x0)) return { k: 1, x: width / 2, y: height / 2 };
  const pad = 16;
  const k = Math.min(
    2,
    (width - 2 * pad) / Math.max(1, x1 - x0),
    (height - 2 * pad) / Math.max(1, y1 - y0),
  );
  return { k, x: width / 2 - (k * (x0 + x1)) / 2, y: height / 2 - (k * (y0 + y1)) / 2 };
}
