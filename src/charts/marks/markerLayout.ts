/** A marker label placed in a row above the plot, or left out (row -1) when no row has room. */
export interface PlacedLabel {
  row: number;
  /** Which way the text runs from the rule: to the right, or to the left near the right edge. */
  anchor: 'start' | 'end';
  /** The text as shown: shortened with "…" when even the roomier side is too narrow for all of it. */
  text: string;
}

/** Whether a character is set full width (CJK ideographs, kana, hangul, fullwidth forms). */
const wide = (c: number) =>
  (c >= 0x1100 && c <= 0x115f) ||
  (c >= 0x2e80 && c <= 0xa4cf) ||
  (c >= 0xac00 && c <= 0xd7a3) ||
  (c >= 0xf900 && c <= 0xfaff) ||
  (c >= 0xfe30 && c <= 0xfe4f) ||
  (c >= 0xff00 && c <= 0xff60) ||
  (c >= 0xffe0 && c <= 0xffe6);

/** A label's estimated width at `em` px text: a Chinese character is 1 em, a Latin one about 0.58 em. */
export function textWidth(text: string, em: number): number {
  let w = 0;
  for (const ch of text) w += wide(ch.codePointAt(0)!) ? em : 0.582 * em;
  return w;
}

/** The longest start of `text` that, with "…", fits in `room` px (the whole text if it fits). */
function fitText(text: string, room: number, em: number): string {
  if (textWidth(text, em) <= room) return text;
  const chars = [...text];
  let w = textWidth('…', em);
  let n = 0;
  while (n < chars.length && w + textWidth(chars[n], em) <= room) w += textWidth(chars[n++], em);
  return `${chars.slice(0, n).join('').trimEnd()}…`;
}

/**
 * Places labels at x positions (sorted or not) into at most `rows` rows so that none
 * overlap: each takes the first row whose last label ends `gap` px before it starts. Widths
 * are estimated for `em` px text (Chinese characters a full em). A label runs right of its
 * rule, or left when that overflows the plot's `width` less, and is shortened with "…" to the
 * room that side has; one with no room for 4 characters, or no free row, is left out
 * (row -1), and the chart shows it on hover instead.
 */
export function layoutMarkerLabels(
  items: readonly { x: number; text: string }[],
  width: number,
  rows = 3,
  em = 11,
  gap = 8,
): PlacedLabel[] {
  const order = items.map((_, i) => i).sort((a, b) => items[a].x - items[b].x);
  const rowEnds = new Array<number>(rows).fill(-Infinity);
  const out: PlacedLabel[] = items.map(({ text }) => ({ row: -1, anchor: 'start', text }));
  const least = 4 * 0.582 * em;
  for (const i of order) {
    const { x, text: full } = items[i];
    const whole = textWidth(full, em);
    // Run right unless that overflows and running left overflows less.
    const anchor = x + whole > width && x > width - x ? 'end' : 'start';
    const room = anchor === 'start' ? width - x : x;
    if (room < least && whole > room) continue;
    const text = fitText(full, room, em);
    const w = textWidth(text, em);
    const left = anchor === 'start' ? x : x - w;
    const right = anchor === 'start' ? x + w : x;
    const row = rowEnds.findIndex((end) => end + gap <= left);
    if (row < 0) continue;
    rowEnds[row] = right;
    out[i] = { row, anchor, text };
  }
  return out;
}
