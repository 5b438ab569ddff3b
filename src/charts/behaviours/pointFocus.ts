// A focused point among groups of points (the periods of each series): found under the
// pointer by the nearest-point hit test, moved by the arrow keys as a roving focus, and
// attached to a chart's focusable wrapper as one behaviour.

import type { Attachment } from 'svelte/attachments';

/** A point by its group and its index in the group. */
export interface PointRef {
  s: number;
  i: number;
}

/**
 * The point nearest (`px`, `py`) within `within` px, or null: a linear scan, which at a few
 * thousand points costs well under a millisecond a pointer move.
 */
export function nearestPoint<T>(
  groups: readonly (readonly T[])[],
  x: (p: T) => number,
  y: (p: T) => number,
  px: number,
  py: number,
  within = 24,
): PointRef | null {
  let best: PointRef | null = null;
  let bestD = within * within;
  for (let s = 0; s < groups.length; s++) {
    const ps = groups[s];
    for (let i = 0; i < ps.length; i++) {
      const d = (x(ps[i]) - px) ** 2 + (y(ps[i]) - py) ** 2;
      if (d < bestD) {
        bestD = d;
        best = { s, i };
      }
    }
  }
  return best;
}

/**
 * Where a key moves the focus: Left and Right along the group (the first press of Right
 * focuses the first point), Up and Down to the neighbouring group's point nearest in `time`,
 * Home and End to the group's ends, Escape to none. `undefined` for a key it does not handle.
 */
export function stepFocus<T>(
  key: string,
  focus: PointRef | null,
  groups: readonly (readonly T[])[],
  time: (p: T) => number,
): PointRef | null | undefined {
  if (!groups.length) return undefined;
  const f = focus ?? { s: 0, i: 0 };
  const n = groups[f.s]?.length ?? 0;
  switch (key) {
    case 'ArrowRight':
      return { s: f.s, i: Math.min(n - 1, f.i + (focus ? 1 : 0)) };
    case 'ArrowLeft':
      return { s: f.s, i: Math.max(0, f.i - 1) };
    case 'Home':
      return { s: f.s, i: 0 };
    case 'End':
      return { s: f.s, i: n - 1 };
    case 'Escape':
      return null;
    case 'ArrowDown':
    case 'ArrowUp': {
      const s = (f.s + (key === 'ArrowDown' ? 1 : groups.length - 1)) % groups.length;
      const from = groups[f.s][f.i];
      const t = from === undefined ? 0 : time(from);
      const ps = groups[s];
      let i = 0;
      for (let k = 1; k < ps.length; k++)
        if (Math.abs(time(ps[k]) - t) < Math.abs(time(ps[i]) - t)) i = k;
      return { s, i };
    }
    default:
      return undefined;
  }
}

/** How a chart finds and keeps its focused point. */
export interface FocusModel {
  /** The point under (`px`, `py`), in CSS px from the element's top left. */
  pick: (px: number, py: number) => PointRef | null;
  /** Where `key` moves the focus from `focus` (see {@link stepFocus}). */
  step: (key: string, focus: PointRef | null) => PointRef | null | undefined;
  get: () => PointRef | null;
  set: (focus: PointRef | null) => void;
  /** A click, or Enter, on the focused point: the chart picks its series out. */
  choose?: (focus: PointRef) => void;
}

/** The behaviour on a focusable element: hover focuses the nearest point, keys rove, leaving or blurring clears; a click or Enter picks the focused point. */
export function pointFocus(model: FocusModel): Attachment<HTMLElement> {
  return (node) => {
    const move = (e: PointerEvent) => {
      const rect = node.getBoundingClientRect();
      model.set(model.pick(e.clientX - rect.left, e.clientY - rect.top));
    };
    const clear = () => model.set(null);
    const choose = () => {
      const f = model.get();
      if (f && model.choose) model.choose(f);
    };
    const key = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && model.choose && model.get()) {
        e.preventDefault();
        return choose();
      }
      const next = model.step(e.key, model.get());
      if (next === undefined) return;
      e.preventDefault();
      model.set(next);
    };
    node.addEventListener('pointermove', move);
    node.addEventListener('pointerleave', clear);
    node.addEventListener('keydown', key);
    node.addEventListener('blur', clear);
    node.addEventListener('click', choose);
    return () => {
      node.removeEventListener('click', choose);
      node.removeEventListener('pointermove', move);
      node.removeEventListener('pointerleave', clear);
      node.removeEventListener('keydown', key);
      node.removeEventListener('blur', clear);
    };
  };
}

/** Where a chart's points are drawn, for {@link focusPoints}. */
export interface PointGeometry<T> {
  /** The points, by group; read when the pointer moves or a key is pressed. */
  groups: () => readonly (readonly T[])[];
  /** A point's position in the plot, and its time (for moving between groups). */
  x: (p: T) => number;
  y: (p: T) => number;
  time: (p: T) => number;
  /** The plot's offset in the element (the frame's margin). */
  origin: () => { left: number; top: number };
  get: () => PointRef | null;
  set: (focus: PointRef | null) => void;
  /** A click, or Enter, on the focused point. */
  choose?: (focus: PointRef) => void;
}

/** {@link pointFocus} over points drawn at (`x`, `y`): the nearest one within 24 px, arrow keys by {@link stepFocus}. */
export function focusPoints<T>(g: PointGeometry<T>): Attachment<HTMLElement> {
  return pointFocus({
    pick: (px, py) => {
      const o = g.origin();
      return nearestPoint(g.groups(), g.x, g.y, px - o.left, py - o.top);
    },
    step: (key, f) => stepFocus(key, f, g.groups(), g.time),
    get: g.get,
    set: g.set,
    choose: g.choose,
  });
}
