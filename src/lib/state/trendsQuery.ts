import { INTERVALS, type Interval } from '../analysis/periods';
import { MONTH_PATTERN } from '../calendar';
import { callouts, choice, flag, list, month, queryCodec, type Callout } from './queryParams';

export { listParam, listPart, type Callout } from './queryParams';

/** Everything the Trends view shows, as it lives in the URL hash (`#/trends?…`). */
export interface TrendsState {
  /** Factory ids to show; empty = all. */
  factories: string[];
  /** Product names to show; empty = all. */
  products: string[];
  /** First and last month `YYYY-MM`, or '' for open. */
  from: string;
  to: string;
  interval: Interval;
  by: 'factory' | 'product';
  /** Series hidden through the legend. */
  hidden: string[];
  /** Whether the 95% bands are drawn. */
  band: boolean;
  /** Small multiples: one panel per series, sharing one y scale, instead of one chart. */
  multiples: boolean;
  /**
   * Series picked out in colour when there are more than the palette has colours (the rest are
   * grey context); empty = the story's (the first factories to exchange experience).
   */
  highlight: string[];
  /**
   * Callouts the presenter placed: text with an arrow to a series' point in a month (`at`, `on`),
   * or to the month itself when no series is named. They live in the link, so decks and bundles keep them.
   */
  callouts: Callout[];
}

/** The view with nothing chosen: every factory, monthly, bands on. */
export const DEFAULT_TRENDS: TrendsState = {
  factories: [],
  products: [],
  from: '',
  to: '',
  interval: 'month',
  by: 'factory',
  hidden: [],
  band: true,
  multiples: false,
  highlight: [],
  callouts: [],
};

const codec = queryCodec<TrendsState>(DEFAULT_TRENDS, {
  factories: list('factories'),
  products: list('products'),
  from: month('from'),
  to: month('to'),
  interval: choice('interval', INTERVALS),
  by: choice('by', ['factory', 'product']),
  band: flag('band', 'off', false),
  multiples: flag('layout', 'multiples'),
  hidden: list('hidden'),
  highlight: list('hl'),
  // `call=1956-09|guangming|Finds the key defect`: month, series ('' for the date), text.
  callouts: callouts('call', (at) => MONTH_PATTERN.test(at)),
});

/**
 * Reads the Trends state from a query string (`factories=zhenya,guangming&interval=quarter`).
 * Unknown or malformed values fall back to the defaults, so any shared link opens something.
 */
export const parseTrendsQuery = (query: string | undefined): TrendsState => codec.parse(query);

/** The query string for a Trends state, leaving out defaults, so links stay short. */
export const trendsQueryString = (s: TrendsState): string => codec.write(s);
