import { callouts, choice, int, pair, queryCodec, text, type Callout } from './queryParams';
/** Everything the Impact view shows, as it lives in the URL hash (`#/impact?…`). */
export interface ImpactState {
  /** One experience ('' = each factory's first adoption of any). */
  experience: string;
  /** Periods each side of adoption, 2..24: the window. */
  k: number;
  interval: 'month' | 'quarter';
  /**
   * `auto`: difference-in-differences when comparison factories exist, else an interrupted
   * time series; `did` or `its` to choose one.
   */
  method: 'auto' | 'did' | 'its';
  /** The comparison factories: not yet adopted (default), or never adopted. */
  control: 'notYet' | 'never';
  /** The band around the event-time curve: pointwise 95% intervals, or a simultaneous band. */
  band: 'pointwise' | 'simultaneous';
  /** Harmonic pairs for the season in the time series (null = 1 with two years of data, else 0). */
  season: 0 | 1 | 2 | null;
  /** The factory whose time series is drawn ('' = the first adopter). */
  factory: string;
  /**
   * Callouts on the effect chart: `at` a period from adoption (`-2`, `3`), pointing at the
   * estimate there (`on` = `effect`) or at the period on the axis (`on` = '').
   */
  callouts: Callout[];
}

export const DEFAULT_IMPACT: ImpactState = {
  experience: '',
  k: 6,
  interval: 'month',
  method: 'auto',
  control: 'notYet',
  band: 'pointwise',
  season: null,
  factory: '',
  callouts: [],
};

const codec = queryCodec<ImpactState>(DEFAULT_IMPACT, {
  experience: text('experience'),
  k: int('k', 2, 24),
  interval: choice('interval', ['month', 'quarter']),
  method: choice('method', ['auto', 'did', 'its']),
  control: choice('control', ['notYet', 'never']),
  band: choice('band', ['pointwise', 'simultaneous']),
  season: {
    read: (q) => {
      const v = q.params.get('season');
      return v === '0' || v === '1' || v === '2' ? (Number(v) as 0 | 1 | 2) : undefined;
    },
    write: (v) => (v === null ? [] : [pair('season', v)]),
  },
  factory: text('factory'),
  callouts: callouts('call', (at) => /^-?\d{1,2}$/.test(at)),
});

/** Reads the Impact state from a query string; malformed values fall back to the defaults. */
export const parseImpactQuery = (query: string | undefined): ImpactState => codec.parse(query);

/** The query string for an Impact state, defaults left out. */
export const impactQueryString = (s: ImpactState): string => codec.write(s);
