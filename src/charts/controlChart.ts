import type { LimitPoint } from './marks/controlLimits';

/** One plotted period of a control chart: its span, rate and limits, its icon, a title and a note. */
export interface ControlMark extends LimitPoint {
  period: string;
  rate: number;
  /** One of the points a frozen baseline's limits came from. */
  baseline?: boolean;
  icon: 'common' | 'improving' | 'concerning';
  /** The tooltip: period, rate, counts, limits and rules, already worded. */
  title: string;
  note: string;
}
