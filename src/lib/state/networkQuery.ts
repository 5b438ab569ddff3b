/** What node size shows on the network. */
export type NodeSize = 'out' | 'reach' | 'workers';
export const NODE_SIZES: readonly NodeSize[] = ['out', 'reach', 'workers'];

/** Everything the Network view shows, as it lives in the URL hash (`#/network?…`). */
export interface NetworkState {
  /** One experience ('' = all): playback colours its adopters, the tree draws its cascade. */
  experience: string;
  topic: string;
  industry: string;
  /** Date window on the exchange date, `YYYY-MM` or ''. */
  from: string;
  to: string;
  size: NodeSize;
  /** Force-directed graph, or the diffusion tree of the chosen experience. */
  layout: 'force' | 'tree';
  /** Playback position `YYYY-MM-DD` ('' = the end: everything shown). */
  at: string;
  /** The factory whose panel is open ('' = none). */
  factory: string;
}

export const DEFAULT_NETWORK: NetworkState = {
  experience: '',
  topic: '',
  industry: '',
  from: '',
  to: '',
  size: 'out',
  layout: 'force',
  at: '',
  factory: '',
};

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Reads the Network state from a query string; malformed values fall back to the defaults. */
export function parseNetworkQuery(query: string | undefined): NetworkState {
  const p = new URLSearchParams(query ?? '');
  const get = (k: string) => p.get(k)?.trim() ?? '';
  const size = get('size') as NodeSize;
  return {
    experience: get('experience'),
    topic: get('topic'),
    industry: get('industry'),
    from: MONTH.test(get('from')) ? get('from') : '',
    to: MONTH.test(get('to')) ? get('to') : '',
    size: NODE_SIZES.includes(size) ? size : DEFAULT_NETWORK.size,
    layout: get('layout') === 'tree' ? 'tree' : 'force',
    at: DAY.test(get('at')) ? get('at') : '',
    factory: get('factory'),
  };
}

/** The query string for a Network state, defaults left out. */
export function networkQueryString(s: NetworkState): string {
  const p = new URLSearchParams();
  for (const k of Object.keys(DEFAULT_NETWORK) as (keyof NetworkState)[])
    if (s[k] !== DEFAULT_NETWORK[k]) p.set(k, s[k]);
  return p.toString();
}
