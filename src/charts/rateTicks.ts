import type { ScaleLinear } from 'd3-scale';

/** The rate axis's ticks: about one per 40 px, at most six, so short panels are not crowded. */
export function rateTicks(y: ScaleLinear<number, number>, innerH: number): number[] {
  return y.ticks(Math.max(2, Math.min(6, Math.floor(innerH / 40))));
}
