/**
 * Okabe & Ito's colour-blind-safe palette (black dropped for lines), then a few darker extras.
 * A view with more series than colours greys the rest as context (see {@link CONTEXT}) rather
 * than give two series one colour.
 */
export const PALETTE = [
  '#0072B2',
  '#D55E00',
  '#009E73',
  '#CC79A7',
  '#E69F00',
  '#56B4E9',
  '#8C6D1F',
  '#5B5B9F',
  '#A6761D',
  '#1B7F79',
] as const;

/** The colour of series number `i` (0-based). */
export function seriesColor(i: number): string {
  return PALETTE[((i % PALETTE.length) + PALETTE.length) % PALETTE.length];
}

/** The grey of context series: behind the coloured ones, legible on every theme's ground. */
export const CONTEXT = '#b4bcc4';
