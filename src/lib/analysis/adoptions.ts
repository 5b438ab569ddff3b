import { dayTime } from '../calendar';
import type { ExchangeRecord } from '../schema/types';

// The one rule for when a factory adopted an experience, used by every page: the exchange's
// `adopted_on` day, else the exchange date; a factory's adoption of an experience is its
// earliest such day, and its first adoption is the earliest over every experience.

/** The day an exchange's target adopted what it learned: `adopted_on`, else the exchange date. */
export const adoptedOn = (e: Pick<ExchangeRecord, 'adopted_on' | 'date'>): string =>
  e.adopted_on ?? e.date;

export { dayTime };

const adoption = (e: ExchangeRecord, date: string): Adoption => ({
  factory_id: e.target_factory,
  experience: e.experience,
  source: e.source_factory,
  date,
  time: dayTime(date),
});

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
    const date = adoptedOn(e);
    const key = `${e.target_factory}\u0001${e.experience}`;
    const prev = first.get(key);
    if (!prev || date < prev.date) first.set(key, adoption(e, date));
  }
  return inTimeOrder([...first.values()]);
}

const inTimeOrder = (list: Adoption[]): Adoption[] =>
  list.sort((a, b) => a.time - b.time || a.factory_id.localeCompare(b.factory_id));

/**
 * Each factory's first adoption of anything in `exchanges` (filter them first for one
 * experience): its earliest adoption day; on a tie, the exchange listed first. Keyed by factory,
 * in time order.
 */
export function firstAdoptions(exchanges: readonly ExchangeRecord[]): Map<string, Adoption> {
  const first = new Map<string, Adoption>();
  for (const e of exchanges) {
    const date = adoptedOn(e);
    const prev = first.get(e.target_factory);
    if (!prev || date < prev.date) first.set(e.target_factory, adoption(e, date));
  }
  return new Map(inTimeOrder([...first.values()]).map((a) => [a.factory_id, a]));
}
