import { area, line } from 'd3-shape';

/** One line of an event-time chart (EventChart): a value per event time, null where there is none. */
export interface EventLine {
  key: string;
  label: string;
  color: string;
  values: (number | null)[];
  dashed?: boolean;
  dots?: boolean;
}

/** Whether a value is there to draw. */
export const finite = (v: number | null | undefined): v is number =>
  v !== null && v !== undefined && Number.isFinite(v);

/**
 * The value axis's span over every line, the band and (with `zero`) 0, padded by 5% (or 0.5
 * when flat) so nothing sits on the frame; [−0.5, 1.5] with no values at all.
 */
export function eventDomain(
  lines: readonly EventLine[],
  band: { lo: (number | null)[]; hi: (number | null)[] } | undefined,
  zero: boolean,
): [number, number] {
  let [lo, hi] = [Infinity, -Infinity];
  const take = (v: number | null) => {
    if (!finite(v)) return;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  };
  for (const l of lines) l.values.forEach(take);
  band?.lo.forEach(take);
  band?.hi.forEach(take);
  if (zero) take(0);
  if (lo > hi) [lo, hi] = [0, 1];
  const pad = (hi - lo) * 0.05 || 0.5;
  return [lo - pad, hi + pad];
}

/** A line through the values at `xs`, broken where a value is missing. */
export function gappedLine(
  xs: readonly number[],
  values: readonly (number | null)[],
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  return (
    line<number>()
      .defined((i) => finite(values[i]))
      .x((i) => x(xs[i]))
      .y((i) => y(values[i]!))(xs.map((_, i) => i)) ?? ''
  );
}

/** A band between `lo` and `hi` at `xs`, broken where either is missing. */
export function gappedBand(
  xs: readonly number[],
  lo: readonly (number | null)[],
  hi: readonly (number | null)[],
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  return (
    area<number>()
      .defined((i) => finite(lo[i]) && finite(hi[i]))
      .x((i) => x(xs[i]))
      .y0((i) => y(lo[i]!))
      .y1((i) => y(hi[i]!))(xs.map((_, i) => i)) ?? ''
  );
}
