import { INTERVALS, type Interval } from '../analysis/periods';

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
  /** The control chart's factory id and product ('' = the first shown). */
  controlFactory: string;
  controlProduct: string;
  /** Split the control chart into stages at this date `YYYY-MM-DD` ('' = one stage). */
  split: string;
  /** Small multiples: one panel per series, sharing one y scale, instead of one chart. */
  multiples: boolean;
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
  controlFactory: '',
  controlProduct: '',
  split: '',
  multiples: false,
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const list = (v: string | null) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/**
 * Reads the Trends state from a query string (`factories=zhenya,guangming&interval=quarter`).
 * Unknown or malformed values fall back to the defaults, so any shared link opens something.
 */
export function parseTrendsQuery(query: string | undefined): TrendsState {
  const p = new URLSearchParams(query ?? '');
  const interval = p.get('interval') as Interval;
  const by = p.get('by');
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  return {
    factories: list(p.get('factories')),
    products: list(p.get('products')),
    from: MONTH.test(from) ? from : '',
    to: MONTH.test(to) ? to : '',
    interval: INTERVALS.includes(interval) ? interval : DEFAULT_TRENDS.interval,
    by: by === 'product' ? 'product' : 'factory',
    hidden: list(p.get('hidden')),
    band: p.get('band') !== 'off',
    controlFactory: p.get('cf') ?? '',
    controlProduct: p.get('cp') ?? '',
    split: DAY.test(p.get('split') ?? '') ? p.get('split')! : '',
    multiples: p.get('layout') === 'multiples',
  };
}

/** The query string for a Trends state, leaving out defaults, so links stay short. */
export function trendsQueryString(s: TrendsState): string {
  const p = new URLSearchParams();
  if (s.factories.length) p.set('factories', s.factories.join(','));
  if (s.products.length) p.set('products', s.products.join(','));
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.interval !== DEFAULT_TRENDS.interval) p.set('interval', s.interval);
  if (s.by !== DEFAULT_TRENDS.by) p.set('by', s.by);
  if (s.hidden.length) p.set('hidden', s.hidden.join(','));
  if (!s.band) p.set('band', 'off');
  if (s.controlFactory) p.set('cf', s.controlFactory);
  if (s.controlProduct) p.set('cp', s.controlProduct);
  if (s.split) p.set('split', s.split);
  if (s.multiples) p.set('layout', 'multiples');
  // Commas are safe in a hash and easier to read than %2C.
  return p.toString().replace(/%2C/g, ',');
}
