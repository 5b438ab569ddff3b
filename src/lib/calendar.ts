// The calendar every layer shares: days and months as ISO text (`YYYY-MM-DD`, `YYYY-MM`) and as
// UTC instants, so a day is the same day in any time zone. Periods and their buckets (quarters,
// years) are analysis/periods.

/** A day in ms. */
export const DAY_MS = 86_400_000;

/** `YYYY-MM`. */
export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
/** `YYYY-MM-DD`. */
export const DAY_PATTERN = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Epoch ms (UTC) of the start of a day `YYYY-MM-DD` (anything after the day is ignored). */
export const dayTime = (day: string): number => Date.parse(`${day.slice(0, 10)}T00:00:00Z`);

/** The UTC day `YYYY-MM-DD` of an instant. */
export const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** The UTC month `YYYY-MM` of an instant. */
export const isoMonth = (time: number): string => new Date(time).toISOString().slice(0, 7);

/** Whole days from `from` to `to`, both epoch ms (UTC). */
export const daysBetween = (from: number, to: number): number => Math.round((to - from) / DAY_MS);
