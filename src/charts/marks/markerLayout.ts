/** A marker label placed in a row above the plot, or left out (row -1) when no row has room. */
export interface PlacedLabel {
  row: number;
  /** Which way the text runs from the rule: to the right, or to the left near the right edge. */
  anchor: 'start' | 'end';
  /** The text as shown: shortened with "…" when even the roomier side is too narrow for all of it. */
  text: string;
}

/**
 * Places labels at x positions (sorted or not) into at most `rows` rows so
 * that none overlap: each takes the first row whose last label ends `gap`
 * pixels before it starts. Widths are estimated as `charWidth` per character.
 * A label that would overflow `width` runs leftwards when that overflows less,
 * and is shortened to fit the side it runs to (left out below 4 characters).
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
  const out: PlacedLabel[] = items.map(({ text }) => ({ row: -1, anchor: 'start', text }));
  for (const i of order) {
    const { x, text: full } = items[i];
    // Run right unless that overflows and running left overflows less.
    const anchor = x + full.length * charWidth > width && x > width - x ? 'end' : 'start';
    const room = Math.floor((anchor === 'start' ? width - x : x) / charWidth);
    if (room < 4 && full.length > room) continue;
    const text = full.length > room ? `${full.slice(0, room - 1)}…` : full;
    const w = text.length * charWidth;
    const left = anchor === 'start' ? x : x - w;
    const right = anchor === 'start' ? x + w : x;
    const row = rowEnds.findIndex((end) => end + gap <= left);
    if (row < 0) continue;
    rowEnds[row] = right;
    out[i] = { row, anchor, text };
  }
  return out;
}
