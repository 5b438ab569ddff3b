import type { ExchangeRecord } from '../schema/types';

/** A factory's adoption of an experience, for a marker on a time axis. */
export interface Adoption {
  factory_id: string;
  experience: string;
  /** From whom it was learned. */
  source: string;
  /** `YYYY-MM-DD`: the adoption date, or the exchange date when none is given. */
  date: string;
  /** Epoch ms (UTC) of that day. */
  time: number;
}

/**
 * The adoptions of the given factories (all when `factories` is empty): one
 * per factory and experience, at its earliest date (`adopted_on`, falling
 * back to the exchange date), in time order.
 */
export function adoptionsOf(
  exchanges: readonly ExchangeRecord[],
  factories: readonly string[],
): Adoption[] {
  const wanted = factories.length ? new Set(factories) : null;
  const first = new Map<string, Adoption>();
  for (const e of exchanges) {
    if (wanted && !wanted.has(e.target_factory)) continue;
    const date = e.adopted_on ?? e.date;
    const key = `${e.target_factory}\u0001${e.experience}`;
    const prev = first.get(key);
    if (!prev || date < prev.date)
      first.set(key, {
        factory_id: e.target_factory,
        experience: e.experience,
        source: e.source_factory,
        date,
        time: Date.parse(`${date}T00:00:00Z`),
      });
  }
  return [...first.values()].sort(
    (a, b) => a.time - b.time || a.factory_id.localeCompare(b.factory_id),
  );
}
