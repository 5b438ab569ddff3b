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
  multiples: false,
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/**
 * A list parameter read from the raw query: items are split on a literal comma and each one
 * decoded after, so that `a%2Cb` is the one id `a,b` while `a,b` is two. (URLSearchParams
 * would decode first and lose the difference.) A malformed item is dropped.
 */
export function listParam(query: string, name: string): string[] {
  for (const pair of query.replace(/^\?/, '').split('&')) {
    const eq = pair.indexOf('=');
    if (eq < 0 || decodePart(pair.slice(0, eq)) !== name) continue;
    return pair
      .slice(eq + 1)
      .split(',')
      .map((item) => decodePart(item)?.trim())
      .filter((item): item is string => !!item);
  }
  return [];
}

function decodePart(s: string): string | undefined {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/** A list parameter as `name=a,b%2Cc`: each item encoded (its commas too), joined by commas. */
export const listPart = (name: string, items: readonly string[]): string =>
  `${name}=${items.map((i) => encodeURIComponent(i).replace(/%20/g, '+')).join(',')}`;

/**
 * Reads the Trends state from a query string (`factories=zhenya,guangming&interval=quarter`).
 * Unknown or malformed values fall back to the defaults, so any shared link opens something.
 */
export function parseTrendsQuery(query: string | undefined): TrendsState {
  const raw = query ?? '';
  const p = new URLSearchParams(raw);
  const list = (name: string) => listParam(raw, name);
  const interval = p.get('interval') as Interval;
  const by = p.get('by');
  const from = p.get('from') ?? '';
  const to = p.get('to') ?? '';
  return {
    factories: list('factories'),
    products: list('products'),
    from: MONTH.test(from) ? from : '',
    to: MONTH.test(to) ? to : '',
    interval: INTERVALS.includes(interval) ? interval : DEFAULT_TRENDS.interval,
    by: by === 'product' ? 'product' : 'factory',
    hidden: list('hidden'),
    band: p.get('band') !== 'off',
    multiples: p.get('layout') === 'multiples',
  };
}

/** The query string for a Trends state, leaving out defaults, so links stay short. */
export function trendsQueryString(s: TrendsState): string {
  const lists: string[] = [];
  if (s.factories.length) lists.push(listPart('factories', s.factories));
  if (s.products.length) lists.push(listPart('products', s.products));
  const p = new URLSearchParams();
  if (s.from) p.set('from', s.from);
  if (s.to) p.set('to', s.to);
  if (s.interval !== DEFAULT_TRENDS.interval) p.set('interval', s.interval);
  if (s.by !== DEFAULT_TRENDS.by) p.set('by', s.by);
  if (!s.band) p.set('band', 'off');
  if (s.multiples) p.set('layout', 'multiples');
  if (s.hidden.length) lists.push(listPart('hidden', s.hidden));
  const rest = p.toString();
  return [...lists.slice(0, 2), ...(rest ? [rest] : []), ...lists.slice(2)].join('&');
}
