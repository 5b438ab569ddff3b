import { oneOf } from './queryParams';
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
};

/** Reads the Impact state from a query string; malformed values fall back to the defaults. */
export function parseImpactQuery(query: string | undefined): ImpactState {
  const p = new URLSearchParams(query ?? '');
  const k = Number(p.get('k'));
  const season = p.get('season');
  return {
    experience: p.get('experience')?.trim() ?? '',
    k: Number.isInteger(k) && k >= 2 && k <= 24 ? k : DEFAULT_IMPACT.k,
    interval: oneOf(p.get('interval'), ['month', 'quarter'], 'month'),
    method: oneOf(p.get('method'), ['auto', 'did', 'its'], 'auto'),
    control: oneOf(p.get('control'), ['notYet', 'never'], 'notYet'),
    band: oneOf(p.get('band'), ['pointwise', 'simultaneous'], 'pointwise'),
    season:
      season === '0' || season === '1' || season === '2' ? (Number(season) as 0 | 1 | 2) : null,
    factory: p.get('factory')?.trim() ?? '',
  };
}

/** The query string for an Impact state, defaults left out. */
export function impactQueryString(s: ImpactState): string {
  const p = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_IMPACT) as (keyof ImpactState)[])
    if (s[key] !== DEFAULT_IMPACT[key] && s[key] !== null) p.set(key, String(s[key]));
  return p.toString();
}
