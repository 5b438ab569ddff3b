import type { RateSeries } from '../lib/analysis/defectRate';

/** What the trend chart draws. */
export interface TrendChartProps {
  /** Series to draw, already filtered; hidden ones are left out by the caller. */
  series: RateSeries[];
  /** A person's name for a series key (factory name or product). */
  label: (key: string) => string;
  color: (key: string) => string;
  /** Whether to draw the 95% bands. */
  band: boolean;
  /** The chart's accessible summary. */
  summary: string;
  /** Vertical rules at dates (adoptions): when, what to print (short), the full text, and a colour. */
  markers?: { time: number; label: string; title: string; color: string }[];
  /** Callouts: text with an arrow to a point (a rate at a time) or to a date (rate null). */
  callouts?: { time: number; rate: number | null; text: string; color: string }[];
  /** Height in CSS pixels; the width follows the container. */
  height?: number;
  /** A y maximum shared with sibling charts (small multiples), instead of this chart's own. */
  yTop?: number;
  /** Whether to draw a dot per point (lines only when false). */
  dots?: boolean;
  /** Called with a time span (epoch ms) brushed across the plot; no brush when absent. */
  onbrush?: (start: number, end: number) => void;
  /** The series under the pointer or the keyboard's focus (null when none): a crowded view lights it. */
  onfocus?: (key: string | null) => void;
  /** A click, or Enter, on a series' point: a crowded view picks the series out. */
  onchoose?: (key: string) => void;
}
