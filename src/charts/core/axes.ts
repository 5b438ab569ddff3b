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
const yearLabel = utcFormat('%Y');

/** Steps between time ticks, in months: every month up to every ten years. */
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200];
/** The shortest month: spacing ticks by it keeps every pair of labels at least `minGap` apart. */
const SHORTEST_MONTH_MS = 28 * 86_400_000;

/**
 * A time axis's ticks: the first days of months, a whole number of months apart (1, 2, 3, 6,
 * then years), the smallest step that leaves `minGap` px between labels (a "1955-04" label is
 * about 50 px wide at 12 px text; `scale` is the text's size over 12 px). Steps are counted
 * from January, so a six-month axis ticks January and July. At most one tick a month, so no
 * label repeats, from a span of one month to centuries; ticks a year or more apart say the
 * year alone.
 */
export function timeTicks(x: ScaleTime<number, number>, length: number, scale = 1): Tick[] {
  const [a, b] = x.domain();
  if (!(b >= a)) return [];
  const minGap = 80 * scale;
  const perMonth = length / Math.max(1, (+b - +a) / SHORTEST_MONTH_MS);
  const step = MONTH_STEPS.find((s) => s * perMonth >= minGap) ?? MONTH_STEPS.at(-1)!;
  const dates: Date[] = [];
  let i = Math.ceil((a.getUTCFullYear() * 12 + a.getUTCMonth()) / step) * step;
  for (;;) {
    const d = new Date(Date.UTC(Math.floor(i / 12), i % 12, 1));
    if (d > b) break;
    if (d >= a) dates.push(d);
    i += step;
  }
  const label = step % 12 === 0 ? yearLabel : monthLabel;
  return dates.map((d) => {
    const at = x(d);
    return { at, label: label(d), anchor: edgeAnchor(at, length, 24 * scale) };
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
