import type { Margin } from './Frame.svelte';

/**
 * Where a tooltip for a point at (`x`, `y`) in the plot goes, as CSS for a box positioned in
 * the frame: beside the point, on whichever side has room, and never above the frame.
 */
export function tooltipPlace(x: number, y: number, width: number, innerW: number, m: Margin) {
  const side =
    x > innerW * 0.6 ? `right:${width - m.left - x + 14}px` : `left:${m.left + x + 14}px`;
  return `${side};top:${Math.max(0, m.top + y - 40)}px`;
}
