import { brushX as d3brushX } from 'd3-brush';
import { select } from 'd3-selection';
import type { Attachment } from 'svelte/attachments';

/**
 * Brushing across a plot `width` × `height`, as an attachment for the `<g>` that holds it:
 * when a drag of more than 4 px ends, `onbrush` gets its pixel span and the brush clears.
 * Written `{@attach brushX(innerW, innerH, onbrush)}`, it is rebuilt only when the plot's size
 * changes, so a redraw of the data leaves a brush in progress alone.
 */
export function brushX(
  width: number,
  height: number,
  onbrush: (from: number, to: number) => void,
): Attachment<SVGGElement> {
  return (node) => {
    const brush = d3brushX<unknown>()
      .extent([
        [0, 0],
        [width, height],
      ])
      .on('end', (e: { selection: [number, number] | null; sourceEvent?: Event }) => {
        if (!e.selection || !e.sourceEvent) return;
        const [a, z] = e.selection;
        select(node).call(brush.move, null);
        if (z - a > 4) onbrush(a, z);
      });
    select(node).call(brush);
    return () => {
      select(node).on('.brush', null).selectAll('*').remove();
    };
  };
}
