/** A marker label placed in a row above the plot, or left out (row -1) when no row has room. */
export interface PlacedLabel {
  row: number;
  /** Which way the text runs from the rule: to the right, or to the left near the right edge. */
  anchor: 'start' | 'end';
}

/**
 * Places labels at x positions (sorted or not) into at most `rows` rows so
 * that none overlap: each takes the first row whose last label ends `gap`
 * pixels before it starts. Widths are estimated as `charWidth` per character.
 * A label that would overflow `width` runs leftwards when that overflows less.
 */
export function layoutMarkerLabels(
  items: readonly { x: number; text: string }[],
  width: number,
  rows = 3,
  charWidth = 6.4,
  gap = 8,
): PlacedLabel[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a].x - items[b].x);
  const rowEnds = new Array<number>(rows).fill(-Infinity);
  const out: PlacedLabel[] = items.map(() => ({ row: -1, anchor: 'start' }));
  for (const i of order) {
    const w = items[i].text.length * charWidth;
    // Run right unless that overflows and running left overflows less.
    const anchor =
      items[i].x + w > width && items[i].x - w > width - items[i].x - w ? 'end' : 'start';
    const left = anchor === 'start' ? items[i].x : items[i].x - w;
    const right = anchor === 'start' ? items[i].x + w : items[i].x;
    const row = rowEnds.findIndex((end) => end + gap <= left);
    if (row < 0) continue;
    rowEnds[row] = right;
    out[i] = { row, anchor };
  }
  return out;
}
