import { quadtree, type Quadtree } from 'd3-quadtree';

/** A node as drawn: radius, colour, whether it has adopted (filled) and whether it is shown. */
export interface DrawNode {
  id: string;
  label: string;
  r: number;
  color: string;
  adopted: boolean;
  visible: boolean;
}

/** An edge as drawn, by node index. */
export interface DrawEdge {
  s: number;
  t: number;
  width: number;
  color: string;
  visible: boolean;
}

/** Pan and zoom: screen = layout * k + (x, y). */
export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

/**
 * Draws a large graph on a 2D canvas, batched so that the cost is a handful of
 * paths, not one draw call per mark: edges grouped by colour and width, nodes
 * by colour and fill. With `focus`, everything outside it is drawn faint.
 * Labels are drawn only where zoomed in far enough to read them.
 */
export function drawNetwork(
  ctx: CanvasRenderingContext2D,
  nodes: readonly DrawNode[],
  edges: readonly DrawEdge[],
  xy: Float64Array,
  view: ViewTransform & { width: number; height: number; dpr: number },
  focus: ReadonlySet<number> | null = null,
): void {
  const { k, dpr } = view;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, view.width, view.height);
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * view.x, dpr * view.y);
  const faint = (i: number) => focus !== null && !focus.has(i);

  const groups = new Map<string, number[]>();
  edges.forEach((e, i) => {
    if (!e.visible || !nodes[e.s].visible || !nodes[e.t].visible) return;
    const key = `${e.color}|${e.width}|${faint(e.s) || faint(e.t) ? 1 : 0}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  });
  for (const [key, list] of groups) {
    const [color, width, dim] = key.split('|');
    ctx.strokeStyle = color;
    ctx.globalAlpha = dim === '1' ? 0.08 : 0.55;
    ctx.lineWidth = Number(width) / k;
    ctx.beginPath();
    for (const i of list) {
      const e = edges[i];
      ctx.moveTo(xy[2 * e.s], xy[2 * e.s + 1]);
      ctx.lineTo(xy[2 * e.t], xy[2 * e.t + 1]);
    }
    ctx.stroke();
  }

  const nodeGroups = new Map<string, number[]>();
  nodes.forEach((n, i) => {
    if (!n.visible) return;
    const key = `${n.color}|${n.adopted ? 1 : 0}|${faint(i) ? 1 : 0}`;
    let g = nodeGroups.get(key);
    if (!g) nodeGroups.set(key, (g = []));
    g.push(i);
  });
  ctx.lineWidth = 1.5 / k;
  for (const [key, list] of nodeGroups) {
    const [color, adopted, dim] = key.split('|');
    ctx.globalAlpha = dim === '1' ? 0.15 : 1;
    ctx.beginPath();
    for (const i of list) {
      const x = xy[2 * i];
      const y = xy[2 * i + 1];
      ctx.moveTo(x + nodes[i].r, y);
      ctx.arc(x, y, nodes[i].r, 0, 2 * Math.PI);
    }
    ctx.fillStyle = adopted === '1' ? color : '#ffffff';
    ctx.fill();
    ctx.strokeStyle = color;
    ctx.stroke();
  }

  // Labels once a 12 px label is at least 9 px on screen, and only for nodes in view.
  ctx.globalAlpha = 1;
  if (k >= 0.75) {
    ctx.fillStyle = '#1b2733';
    ctx.font = `${12 / k}px system-ui, sans-serif`;
    ctx.textAlign = 'center';
    const [x0, y0] = [-view.x / k, -view.y / k];
    const [x1, y1] = [x0 + view.width / k, y0 + view.height / k];
    nodes.forEach((n, i) => {
      const x = xy[2 * i];
      const y = xy[2 * i + 1];
      if (!n.visible || faint(i) || x < x0 || x > x1 || y < y0 || y > y1) return;
      ctx.fillText(n.label, x, y + n.r + 12 / k);
    });
  }
}

/** A spatial index of node positions, for finding the node under the pointer. */
export function nodeIndex(xy: Float64Array, count: number): Quadtree<number> {
  return quadtree<number>()
    .x((i) => xy[2 * i])
    .y((i) => xy[2 * i + 1])
    .addAll(Array.from({ length: count }, (_, i) => i));
}

/** The visible node under a screen point (within its radius plus `slop` px), or -1. */
export function hitNode(
  index: Quadtree<number>,
  nodes: readonly DrawNode[],
  view: ViewTransform,
  sx: number,
  sy: number,
  slop = 4,
): number {
  const x = (sx - view.x) / view.k;
  const y = (sy - view.y) / view.k;
  const maxR = 40;
  const found = index.find(x, y, (maxR + slop) / Math.min(1, view.k));
  if (found === undefined || !nodes[found].visible) return -1;
  const d = Math.hypot(index.x()(found) - x, index.y()(found) - y) * view.k;
  return d <= nodes[found].r * view.k + slop ? found : -1;
}

/** Node `i` and every node an edge (shown) joins it to. */
export function neighbourhood(edges: readonly DrawEdge[], i: number): Set<number> {
  const set = new Set([i]);
  for (const e of edges) if (e.visible && (e.s === i || e.t === i)) set.add(e.s).add(e.t);
  return set;
}
