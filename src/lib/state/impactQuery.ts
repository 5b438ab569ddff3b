/** Everything the Impact view shows, as it lives in the URL hash (`#/impact?…`). */
export interface ImpactState {
  /** One experience ('' = each factory's first adoption of any). */
  experience: string;
  /** Periods each side of adoption, 2..24. */
  k: number;
  interval: 'month' | 'quarter';
}

export const DEFAULT_IMPACT: ImpactState = { experience: '', k: 6, interval: 'month' };

/** Reads the Impact state from a query string; malformed values fall back to the defaults. */
export function parseImpactQuery(query: string | undefined): ImpactState {
  const p = new URLSearchParams(query ?? '');
  const k = Number(p.get('k'));
  return {
    experience: p.get('experience')?.trim() ?? '',
    k: Number.isInteger(k) && k >= 2 && k <= 24 ? k : DEFAULT_IMPACT.k,
    interval: p.get('interval') === 'quarter' ? 'quarter' : 'month',
  };
}

/** The query string for an Impact state, defaults left out. */
export function impactQueryString(s: ImpactState): string {
  const p = new URLSearchParams();
  if (s.experience) p.set('experience', s.experience);
  if (s.k !== DEFAULT_IMPACT.k) p.set('k', String(s.k));
  if (s.interval !== DEFAULT_IMPACT.interval) p.set('interval', s.interval);
  return p.toString();
}
