import { quadtree, type Quadtree } from 'd3-quadtree';
import { EDGE_OPACITY, edgeArc, traceArrow, traceEdge } from './edges';
import { placeLabels, type LabelBox } from './labels';

export { placeLabels, type LabelBox };

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
  /** A colour, or a CSS variable of the theme (`var(--ink-2)`), which the canvas reads from CSS. */
  color: string;
  /** Its dash pattern in layout units ('' = solid). */
  dash: string;
  visible: boolean;
}

/** Pan and zoom: screen = layout * k + (x, y). */
export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

/** The theme's colours and the chart text size (CSS px) a canvas draws with, as CSS gives them. */
export interface Paint {
  ground: string;
  ink: string;
  /** The secondary ink (`--ink-2`): edges. */
  ink2: string;
  text: number;
}
const PLAIN: Paint = { ground: '#ffffff', ink: '#1b2733', ink2: '#4a5866', text: 12 };

/** The paint of an element: its theme's `--panel` and `--ink`, and its font size. */
export function paintOf(el: Element): Paint {
  const css = getComputedStyle(el);
  return {
    ground: css.getPropertyValue('--panel').trim() || PLAIN.ground,
    ink: css.getPropertyValue('--ink').trim() || PLAIN.ink,
    ink2: css.getPropertyValue('--ink-2').trim() || PLAIN.ink2,
    text: parseFloat(css.fontSize) || PLAIN.text,
  };
}

/** A view transform with the size of what it is drawn into, in CSS px, the device pixel ratio, and the paint. */
export type DrawView = ViewTransform & {
  width: number;
  height: number;
  dpr: number;
  paint?: Paint;
};

/**
 * Draws a large graph on a 2D canvas, batched so that the cost is a handful of
 * paths, not one draw call per mark: edges grouped by colour and width, nodes
 * by colour and fill. With `only`, just those nodes and edges (by index) are
 * drawn, over what is there.
 * Edges are the SVG graph's arcs with its arrowheads (charts/network/edges). Edges thinner
 * than 1.5 device px are drawn as 1 px hairlines, which Skia rasterises about six times
 * faster than stroked outlines. Labels are drawn only
 * where zoomed in far enough to read them.
 */
export function drawNetwork(
  ctx: CanvasRenderingContext2D,
  nodes: readonly DrawNode[],
  edges: readonly DrawEdge[],
  xy: Float64Array,
  view: DrawView,
  only: { nodes: readonly number[]; edges: readonly number[] } | null = null,
): void {
  const { k, dpr } = view;
  const paint = view.paint ?? PLAIN;
  if (!only) {
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, view.width, view.height);
  }
  ctx.setTransform(dpr * k, 0, 0, dpr * k, dpr * view.x, dpr * view.y);
  const edgeList = only ? only.edges : edges.keys();
  const nodeList = only ? only.nodes : nodes.keys();
  const shown = (i: number) => nodes[i].visible;

  const groups = new Map<string, number[]>();
  for (const i of edgeList) {
    const e = edges[i];
    if (!e.visible || !shown(e.s) || !shown(e.t)) continue;
    const key = `${e.color}|${e.width}|${e.dash}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = []));
    g.push(i);
  }
  for (const [key, list] of groups) {
    const [color, width, dash] = key.split('|');
    const device = Number(width) * dpr;
    const ink = color.startsWith('var(') ? paint.ink2 : color;
    ctx.strokeStyle = ink;
    ctx.fillStyle = ink;
    // Dashes in layout units, but never finer than their pattern in screen px.
    const stretch = Math.max(1, 1 / k);
    ctx.setLineDash(dash ? dash.split(' ').map((d) => Number(d) * stretch) : []);
    ctx.globalAlpha = EDGE_OPACITY;
    ctx.lineWidth = (device <= 1.5 ? 1 : device) / (dpr * k);
    // The same arcs and arrowheads as the SVG graph draws: the arcs in one stroke, the heads in one fill.
    const arcs = list.map((i) => {
      const e = edges[i];
      return edgeArc(xy[2 * e.s], xy[2 * e.s + 1], xy[2 * e.t], xy[2 * e.t + 1], nodes[e.t].r);
    });
    ctx.beginPath();
    for (const a of arcs) traceEdge(ctx, a);
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.globalAlpha = 1;
    ctx.beginPath();
    for (const a of arcs) traceArrow(ctx, a);
    ctx.fill();
  }

  const nodeGroups = new Map<string, number[]>();
  for (const i of nodeList) {
    const n = nodes[i];
    if (!shown(i)) continue;
    const key = `${n.color}|${n.adopted ? 1 : 0}`;
    let g = nodeGroups.get(key);
    if (!g) nodeGroups.set(key, (g = []));
    g.push(i);
  }
  // A ring is two fills (the colour, then the ground inside): Skia fills circles far faster
  // than it strokes them.
  const ring = 0.75 / k;
  ctx.globalAlpha = 1;
  const circles = (list: readonly number[], grow: number) => {
    ctx.beginPath();
    for (const i of list) {
      const x = xy[2 * i];
      const y = xy[2 * i + 1];
      const r = Math.max(0, nodes[i].r + grow);
      ctx.moveTo(x + r, y);
      ctx.arc(x, y, r, 0, 2 * Math.PI);
    }
    ctx.fill();
  };
  for (const [key, list] of nodeGroups) {
    const [color, adopted] = key.split('|');
    ctx.fillStyle = color;
    circles(list, ring);
    if (adopted === '1') continue;
    ctx.fillStyle = paint.ground;
    circles(list, -ring);
  }

  // Labels once a 12 px label is at least 9 px on screen, only for nodes in view, biggest
  // nodes first, and never over another label. An overlay labels its first node (the one
  // hovered) before the rest.
  if (k < 0.75) return;
  const candidates: number[] = [];
  for (const i of only ? only.nodes : nodes.keys()) {
    const sx = xy[2 * i] * k + view.x;
    const sy = xy[2 * i + 1] * k + view.y;
    if (shown(i) && sx >= 0 && sx <= view.width && sy >= 0 && sy <= view.height) candidates.push(i);
  }
  const first = only ? only.nodes[0] : -1;
  candidates.sort(
    (a, b) => (b === first ? 1 : 0) - (a === first ? 1 : 0) || nodes[b].r - nodes[a].r,
  );
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.globalAlpha = 1;
  const fs = paint.text;
  ctx.font = `${fs}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = paint.ground;
  ctx.fillStyle = paint.ink;
  const boxes = candidates.map((i) => {
    const w = ctx.measureText(nodes[i].label).width;
    const x = xy[2 * i] * k + view.x;
    const y = xy[2 * i + 1] * k + view.y + nodes[i].r * k + 2;
    return [{ x: x - w / 2, y, w, h: fs * 1.17 }];
  });
  placeLabels(boxes).forEach((place, j) => {
    if (place < 0) return;
    const i = candidates[j];
    const { x, y, w } = boxes[j][0];
    ctx.strokeText(nodes[i].label, x + w / 2, y + fs * 0.92);
    ctx.fillText(nodes[i].label, x + w / 2, y + fs * 0.92);
  });
}

/** A graph to draw: its nodes, edges and positions by node index. */
export interface Scene {
  nodes: readonly DrawNode[];
  edges: readonly DrawEdge[];
  xy: Float64Array;
}

/**
 * Whether a raster made at `cached` can stand in for `view` while the user pans
 * and zooms: the zoom is within a factor of 2 (beyond that the picture is too
 * blurred or too coarse to stand in), and the cached area, which reaches
 * `margin` CSS px beyond each edge of the frame, still covers the frame.
 */
export function rasterCovers(
  cached: ViewTransform,
  view: ViewTransform,
  width: number,
  height: number,
  margin: number,
): boolean {
  const s = view.k / cached.k;
  if (s > 2 || s < 0.5) return false;
  // The frame's corners in the cached raster's CSS px (its origin at -margin, -margin).
  const left = (0 - view.x) / s + cached.x;
  const top = (0 - view.y) / s + cached.y;
  const right = left + width / s;
  const bottom = top + height / s;
  return left >= -margin && top >= -margin && right <= width + margin && bottom <= height + margin;
}

/** How long one slice of a raster may draw, ms, and how many edges it draws between looks at the clock. */
const SLICE_MS = 24;
const EDGE_SLICE = 1000;

/**
 * The canvas renderer for large graphs. Rasterising thousands of edges takes far
 * longer than a frame on a slow machine, so the scene is rasterised once into an
 * offscreen canvas a little larger than the frame, and every frame of a pan or a
 * zoom (and every hover) blits that raster, transformed, in a few milliseconds. A
 * hovered neighbourhood is drawn over a faded blit. When the view has been still
 * for `settleMs`, the scene is rasterised again, sharp, at the new view.
 */
export class NetworkRenderer {
  private scene: Scene | null = null;
  // Out-edges by node (CSR), to find a lit neighbourhood's edges without a scan.
  private outStart = new Int32Array(1);
  private outEdges = new Int32Array(0);
  private raster: HTMLCanvasElement | OffscreenCanvas | null = null;
  private rasterView: ViewTransform | null = null;
  private last: {
    view: DrawView;
    focus: ReadonlySet<number> | null;
    overlayXy: Float64Array | null;
  } | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly settleMs = 150,
  ) {}

  /** A new scene (data, visibility or positions changed): the next frame rasterises it. */
  setScene(scene: Scene): void {
    this.scene = scene;
    this.stale = true;
    const n = scene.nodes.length;
    this.outStart = new Int32Array(n + 1);
    for (const e of scene.edges) this.outStart[e.s + 1]++;
    for (let i = 0; i < n; i++) this.outStart[i + 1] += this.outStart[i];
    const at = this.outStart.slice(0, n);
    this.outEdges = new Int32Array(scene.edges.length);
    scene.edges.forEach((e, j) => (this.outEdges[at[e.s]++] = j));
  }

  /** The lit nodes and the edges between them. */
  private subset(focus: ReadonlySet<number>): { nodes: number[]; edges: number[] } {
    const edges: number[] = [];
    const { outStart, outEdges } = this;
    const all = this.scene!.edges;
    for (const i of focus)
      for (let j = outStart[i]; j < outStart[i + 1]; j++)
        if (focus.has(all[outEdges[j]].t)) edges.push(outEdges[j]);
    return { nodes: [...focus], edges };
  }

  /**
   * Draws one frame of the current scene at `view`, with `focus` lit and the rest
   * faint. `overlayXy` moves the lit nodes (a node being dragged) without a new raster.
   */
  draw(
    view: DrawView,
    focus: ReadonlySet<number> | null = null,
    overlayXy: Float64Array | null = null,
  ): void {
    const { canvas, scene } = this;
    if (!scene) return;
    const w = Math.round(view.width * view.dpr);
    const h = Math.round(view.height * view.dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    const margin = this.margin(view);
    const fresh =
      !this.stale &&
      this.rasterView !== null &&
      this.last?.view.dpr === view.dpr &&
      this.last.view.width === view.width &&
      this.last.view.height === view.height &&
      rasterCovers(this.rasterView, view, view.width, view.height, margin);
    if (!fresh) this.rasterise(view);
    this.last = { view, focus, overlayXy };
    this.blit();
    const r = this.rasterView!;
    clearTimeout(this.timer);
    if (r.k !== view.k || r.x !== view.x || r.y !== view.y)
      this.timer = setTimeout(() => this.settle(), this.settleMs);
  }

  /** Rasterises the scene sharp at the last view drawn (the view has been still). */
  settle(): void {
    clearTimeout(this.timer);
    if (!this.last || !this.scene) return;
    this.rasterise(this.last.view);
    this.blit();
  }

  /** Stops a pending settle and any raster under way (the canvas is going away). */
  dispose(): void {
    clearTimeout(this.timer);
    clearTimeout(this.sliceTimer);
    this.job++;
  }

  private margin(view: DrawView): number {
    return Math.round(Math.max(view.width, view.height) / 4);
  }

  /**
   * Rasterises the scene at `view` into a fresh offscreen canvas, in slices of edges of about
   * {@link SLICE_MS} each, the nodes and labels last, so that no slice holds the main thread
   * long: 50,000 edges take over a second to draw. The first slice runs at once (a small graph
   * is done in it); the others follow in timeouts, between which input and frames are handled.
   * Meanwhile frames blit the raster there was (or, the first time, the one being drawn); the
   * new one replaces it when complete. A new raster cancels one under way.
   */
  private rasterise(view: DrawView): void {
    const m = this.margin(view);
    const w = Math.round((view.width + 2 * m) * view.dpr);
    const h = Math.round((view.height + 2 * m) * view.dpr);
    const target = this.spareCanvas(w, h);
    const ctx = target.getContext('2d') as CanvasRenderingContext2D;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const { nodes, edges, xy } = this.scene!;
    const at: DrawView = {
      ...view,
      x: view.x + m,
      y: view.y + m,
      width: view.width + 2 * m,
      height: view.height + 2 * m,
    };
    const rasterView = { k: view.k, x: view.x, y: view.y };
    this.stale = false;
    const job = ++this.job;
    clearTimeout(this.sliceTimer);
    if (!this.raster) [this.raster, this.rasterView] = [target, rasterView];
    let next = 0;
    const allNodes = Array.from(nodes.keys());
    const slice = () => {
      if (job !== this.job) return;
      const start = performance.now();
      while (next < edges.length && performance.now() - start < SLICE_MS) {
        const end = Math.min(edges.length, next + EDGE_SLICE);
        const list = Array.from({ length: end - next }, (_, i) => next + i);
        drawNetwork(ctx, nodes, edges, xy, at, { nodes: [], edges: list });
        next = end;
      }
      if (next < edges.length) {
        this.sliceTimer = setTimeout(slice, 0);
        return;
      }
      drawNetwork(ctx, nodes, edges, xy, at, { nodes: allNodes, edges: [] });
      this.spare = this.raster === target ? null : this.raster;
      [this.raster, this.rasterView] = [target, rasterView];
      if (this.last) this.blit();
    };
    slice();
  }

  private job = 0;
  /** The scene changed since the raster on show was begun. */
  private stale = true;
  private sliceTimer: ReturnType<typeof setTimeout> | undefined;
  private spare: HTMLCanvasElement | OffscreenCanvas | null = null;

  /** A canvas of this size to draw the next raster into: not the one on show. */
  private spareCanvas(w: number, h: number): HTMLCanvasElement | OffscreenCanvas {
    let c = this.spare;
    this.spare = null;
    if (!c || c === this.raster) c = null;
    if (c && (c.width !== w || c.height !== h)) [c.width, c.height] = [w, h];
    return (
      c ??
      (typeof OffscreenCanvas === 'function'
        ? new OffscreenCanvas(w, h)
        : Object.assign(document.createElement('canvas'), { width: w, height: h }))
    );
  }

  private blit(): void {
    const { view, focus, overlayXy } = this.last!;
    const ctx = this.canvas.getContext('2d')!;
    const r = this.rasterView!;
    const m = this.margin(view);
    const s = view.k / r.k;
    const { dpr } = view;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.globalAlpha = 1;
    ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    // Cached CSS px (cx, cy) sit at layout ((cx - m - r.x) / r.k); on screen at view.
    ctx.setTransform(s, 0, 0, s, dpr * (view.x - s * (r.x + m)), dpr * (view.y - s * (r.y + m)));
    ctx.imageSmoothingQuality = 'low';
    if (focus) ctx.globalAlpha = 0.15;
    ctx.drawImage(this.raster!, 0, 0);
    ctx.globalAlpha = 1;
    if (focus) {
      const { nodes, edges, xy } = this.scene!;
      drawNetwork(ctx, nodes, edges, overlayXy ?? xy, view, this.subset(focus));
    }
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

/** The visible node under a pointer event on the canvas (see {@link hitNode}), or -1. */
export function hitEvent(
  index: Quadtree<number>,
  nodes: readonly DrawNode[],
  view: ViewTransform,
  e: MouseEvent,
): number {
  const box = (e.target as Element).getBoundingClientRect();
  return hitNode(index, nodes, view, e.clientX - box.left, e.clientY - box.top);
}

/** Node `i` and every node an edge (shown) joins it to. */
export function neighbourhood(edges: readonly DrawEdge[], i: number): Set<number> {
  const set = new Set([i]);
  for (const e of edges) if (e.visible && (e.s === i || e.t === i)) set.add(e.s).add(e.t);
  return set;
}
