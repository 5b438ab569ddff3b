import {
  callouts,
  choice,
  day,
  month,
  positions,
  queryCodec,
  text,
  type Callout,
  type Positions,
} from './queryParams';

/** What node size shows on the network. */
export type NodeSize = 'out' | 'reach' | 'pagerank' | 'betweenness' | 'workers';
export const NODE_SIZES: readonly NodeSize[] = [
  'out',
  'reach',
  'pagerank',
  'betweenness',
  'workers',
];

/** What node colour shows: the factory's industry, or its Louvain community. */
export type NodeColour = 'industry' | 'community';

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
  colour: NodeColour;
  /** Force-directed graph, or the diffusion tree of the chosen experience. */
  layout: 'force' | 'tree';
  /** Playback position `YYYY-MM-DD` ('' = the end: everything shown). */
  at: string;
  /** The factory whose panel is open ('' = none). */
  factory: string;
  /**
   * Nodes the user dragged into place, by factory id, in layout units. They are part of what
   * the view shows, so a link, a slide or a bundle shows the graph as it was arranged.
   */
  pins: Positions;
  /** Callouts on the graph: `at` a factory id, an arrow to its node. */
  callouts: Callout[];
}

export const DEFAULT_NETWORK: NetworkState = {
  experience: '',
  topic: '',
  industry: '',
  from: '',
  to: '',
  size: 'out',
  colour: 'industry',
  layout: 'force',
  at: '',
  factory: '',
  pins: {},
  callouts: [],
};

const codec = queryCodec<NetworkState>(DEFAULT_NETWORK, {
  experience: text('experience'),
  topic: text('topic'),
  industry: text('industry'),
  from: month('from'),
  to: month('to'),
  size: choice('size', NODE_SIZES),
  colour: choice('colour', ['industry', 'community']),
  layout: choice('layout', ['force', 'tree']),
  at: day('at'),
  factory: text('factory'),
  pins: positions('pins'),
  callouts: callouts('call', (at) => at.trim() !== ''),
});

/** Reads the Network state from a query string; malformed values fall back to the defaults. */
export const parseNetworkQuery = (query: string | undefined): NetworkState => codec.parse(query);

/** The query string for a Network state, defaults left out. */
export const networkQueryString = (s: NetworkState): string => codec.write(s);
