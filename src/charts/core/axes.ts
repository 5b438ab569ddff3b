// Axis ticks as data: where each tick stands along its axis (CSS px inside the plot), what it
// says, and how its label is anchored. Charts pick their ticks here and hand them to AxisX,
// AxisY and Grid, so every chart spaces, words and anchors its ticks the same way.

import type { ScaleLinear, ScaleTime } from 'd3-scale';
import { utcFormat } from 'd3-time-format';

/** One tick: its position along the axis, its label, and how the label hangs from it. */
export interface Tick {
  at: number;
  label: string;
  anchor?: 'start' | 'middle' | 'end';
}

/** A label near either end of an axis `length` px long hangs inwards, so it is not cut off. */
export const edgeAnchor = (at: number, length: number, room = 24): Tick['anchor'] =>
  at < room ? 'start' : at > length - room ? 'end' : 'middle';

const monthLabel = utcFormat('%Y-%m');

/**
 * A time axis's ticks, about one per 110 px at 12 px text (a "1955-04" label is about 50 px
 * wide; `scale` is the text's size over 12 px). A span of a few months would tick days or
 * weeks, each labelled with its month: it ticks the first of each month instead, so no label
 * repeats.
 */
export function timeTicks(x: ScaleTime<number, number>, length: number, scale = 1): Tick[] {
  let dates = x.ticks(Math.max(2, Math.floor(length / (110 * scale))));
  if (!dates.every((d) => d.getUTCDate() === 1 && d.getUTCHours() === 0)) {
    const [a, b] = x.domain();
    dates = [];
    if (b >= a)
      for (let y = a.getUTCFullYear(), m = a.getUTCMonth(); dates.length < 240; m++) {
        const d = new Date(Date.UTC(y, m, 1));
        if (d > b) break;
        if (d >= a) dates.push(d);
      }
  }
  return dates.map((d) => {
    const at = x(d);
    return { at, label: monthLabel(d), anchor: edgeAnchor(at, length, 24 * scale) };
  });
}

/** A rate axis's values: about one per 40 px at 12 px text, at most six, so short panels are not crowded. */
export function rateTicks(y: ScaleLinear<number, number>, length: number, scale = 1): number[] {
  return y.ticks(Math.max(2, Math.min(6, Math.floor(length / (40 * scale)))));
}

/** Rates as percentages, with one decimal when the axis tops out under 5% so ticks never repeat. */
export const percentTick = (top: number) => {
  const digits = top < 0.05 ? 1 : 0;
  return (v: number) => `${(v * 100).toFixed(digits)}%`;
};

/** Ticks of a linear scale at `values`, worded by `format`, anchored as `anchor` (centred by default; edge labels hang inwards when `length` is given). */
export function linearTicks(
  scale: ScaleLinear<number, number>,
  values: readonly number[],
  format: (v: number) => string,
  length?: number,
): Tick[] {
  return values.map((v) => {
    const at = scale(v);
    return {
      at,
      label: format(v),
      anchor: length === undefined ? 'middle' : edgeAnchor(at, length),
    };
  });
}
