// Where node labels go. Both renderers place labels greedily, most important first, each in
// the first of its candidate places that overlaps no label or node already placed.

import type { DrawNode } from './canvas';

/** A label's box: left, top, width and height. */
export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Greedy label placement. Each label has one or more places it could go, best first;
 * labels are taken in order (most important first) and each gets the first of its
 * places that overlaps no label already placed. Returns, per label, the index of its
 * place, or -1 where every place is taken. A grid of `cell`-px buckets keeps it near
 * linear in the number of labels.
 */
export function placeLabels(places: readonly (readonly LabelBox[])[], cell = 32): number[] {
  const grid = new Map<number, LabelBox[]>();
  const cells = (b: LabelBox, visit: (key: number) => boolean | void) => {
    for (let gx = Math.floor(b.x / cell); gx <= Math.floor((b.x + b.w) / cell); gx++)
      for (let gy = Math.floor(b.y / cell); gy <= Math.floor((b.y + b.h) / cell); gy++)
        if (visit(gx * 65_536 + gy) === true) return true;
    return false;
  };
  const overlaps = (a: LabelBox, b: LabelBox) =>
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  return places.map((options) => {
    const chosen = options.findIndex(
      (b) => !cells(b, (key) => grid.get(key)?.some((o) => overlaps(o, b))),
    );
    if (chosen >= 0)
      cells(options[chosen], (key) => {
        const list = grid.get(key);
        if (list) list.push(options[chosen]);
        else grid.set(key, [options[chosen]]);
      });
    return chosen;
  });
}

/** An SVG label's place from its node's centre: offset and anchor. */
export interface LabelPlace {
  x: number;
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/**
 * An SVG label's candidate places, best first: below its node, above, right, left, then
 * hanging to one side below or above.
 */
const PLACES: readonly ((r: number, s: number) => LabelPlace)[] = [
  (r, s) => ({ x: 0, y: r + 13 * s, anchor: 'middle' }),
  (r, s) => ({ x: 0, y: -r - 5 * s, anchor: 'middle' }),
  (r, s) => ({ x: r + 4 * s, y: 4 * s, anchor: 'start' }),
  (r, s) => ({ x: -r - 4 * s, y: 4 * s, anchor: 'end' }),
  (r, s) => ({ x: 0, y: r + 13 * s, anchor: 'start' }),
  (r, s) => ({ x: 0, y: r + 13 * s, anchor: 'end' }),
  (r, s) => ({ x: 0, y: -r - 5 * s, anchor: 'start' }),
  (r, s) => ({ x: 0, y: -r - 5 * s, anchor: 'end' }),
];

/**
 * Where each node's label goes around it: bigger nodes first, keeping clear of every node's
 * disc and every label placed before. `measure` gives a label's width in px at 12 px text;
 * `scale` is the text's size over 12 px (larger on a slide). A label with no free place is
 * null: the graph shows it when its node is hovered, focused or selected, never over another.
 */
export function nodeLabelPlaces(
  nodes: readonly DrawNode[],
  xy: Float64Array,
  measure: (text: string) => number,
  scale = 1,
): (LabelPlace | null)[] {
  const order = nodes.map((_, i) => i).filter((i) => nodes[i].visible);
  order.sort((a, b) => nodes[b].r - nodes[a].r);
  const discs = order.map((i) => {
    const r = nodes[i].r + 2;
    return [{ x: xy[2 * i] - r, y: xy[2 * i + 1] - r, w: 2 * r, h: 2 * r }];
  });
  const labels = order.map((i) => {
    const w = measure(nodes[i].label) * scale;
    return PLACES.map((place) => {
      const p = place(nodes[i].r, scale);
      const left = p.anchor === 'middle' ? -w / 2 : p.anchor === 'end' ? -w : 0;
      return { x: xy[2 * i] + p.x + left, y: xy[2 * i + 1] + p.y - 11 * scale, w, h: 14 * scale };
    });
  });
  const chosen = placeLabels([...discs, ...labels]).slice(discs.length);
  const at: (LabelPlace | null)[] = nodes.map(() => null);
  order.forEach((i, j) => (at[i] = chosen[j] < 0 ? null : PLACES[chosen[j]](nodes[i].r, scale)));
  return at;
}

let measurer: CanvasRenderingContext2D | null | undefined;
/** A label's width in the SVG's 12 px text, measured on a canvas (about 6.5 px a character where there is none). */
export function labelWidth(text: string): number {
  if (measurer === undefined) {
    measurer =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
    // The page's own fonts, as the SVG labels are set in them (a CJK face is wider than system-ui).
    if (measurer)
      measurer.font = `12px ${getComputedStyle(document.documentElement).fontFamily || 'system-ui, sans-serif'}`;
  }
  return measurer?.measureText(text).width ?? text.length * 6.5;
}

/**
 * The way from a node to its callout (each ±1: right or left, down or up): of the four
 * diagonals, the one whose text box, `w`×`h` px at `reach` px from the rim, overlaps the
 * least of `obstacles` (nodes and labels, in screen px) and stays inside the frame; ties go
 * to up and right. O(4·obstacles).
 */
export function calloutDir(
  at: { x: number; y: number; rim: number },
  w: number,
  h: number,
  reach: number,
  obstacles: readonly LabelBox[],
  frame: { w: number; h: number },
): [number, number] {
  const area = (a: LabelBox, b: LabelBox) =>
    Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x)) *
    Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  let best: [number, number] = [1, -1];
  let least = Infinity;
  for (const [sx, sy] of [
    [1, -1],
    [-1, -1],
    [1, 1],
    [-1, 1],
  ] as const) {
    const ax = at.x + sx * (at.rim + reach);
    const ay = at.y + sy * (at.rim + reach);
    const box = { x: sx > 0 ? ax : ax - w, y: sy < 0 ? ay - h : ay, w, h };
    const inside = area(box, { x: 0, y: 0, w: frame.w, h: frame.h });
    let cost = (w * h - inside) * 4;
    for (const o of obstacles) cost += area(box, o);
    if (cost < least) [least, best] = [cost, [sx, sy]];
  }
  return best;
}
