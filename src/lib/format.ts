/** Formats for numbers, sizes and times shown to people, in the interface's locale. */
let int = new Intl.NumberFormat('en');
// Calendar days from the data are UTC dates; moments (an import's time) are shown in local time.
const dayFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
const momentFormat = (locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
let day = dayFormat('en');
let moment = momentFormat('en');
let date = dateFormat('en');

/** Sets the locale of every format here (the interface language calls it). */
export function setFormatLocale(locale: string): void {
  int = new Intl.NumberFormat(locale);
  day = dayFormat(locale);
  moment = momentFormat(locale);
  date = dateFormat(locale);
}

/** `1234567` -> `1,234,567`; NaN -> `–`. */
export function formatInt(n: number): string {
  return Number.isFinite(n) ? int.format(Math.round(n)) : '–';
}

/** Bytes as `512 B`, `3.4 KB`, `12.0 MB`, `1.2 GB` (powers of 1,000, as browsers report quota). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1000) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = bytes / 1000;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[u]}`;
}

/** Seconds as `2.5 s`, `45 s`, `3 min 5 s` or `2 h 10 min`; negative or NaN -> `–`. */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '–';
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  return `${Math.floor(s / 3600)} h ${Math.floor((s % 3600) / 60)} min`;
}

/** Epoch ms as a local date and time: `Nov 23, 2026, 2:05 PM`, `2026年11月23日 14:05`. */
export function formatTime(ms: number): string {
  return Number.isFinite(ms) && ms > 0 ? moment.format(ms) : '–';
}

/** Epoch ms as a local date: `Nov 23, 2026`, `2026年11月23日`. */
export function formatDate(ms: number): string {
  return Number.isFinite(ms) && ms > 0 ? date.format(ms) : '–';
}

/**
 * A calendar day from the data (`1956-08-26`, or epoch ms of its UTC midnight):
 * `Aug 26, 1956`, `1956年8月26日`. Anything else is returned as it is.
 */
export function formatDay(d: string | number): string {
  const ms = typeof d === 'number' ? d : /^\d{4}-\d{2}-\d{2}$/.test(d) ? Date.parse(d) : NaN;
  return Number.isFinite(ms) ? day.format(ms) : String(d);
}

/** A proportion as a percentage: `0.1234` -> `12.3%`; null or NaN -> `–`. */
export function formatPct(v: number | null, digits = 1): string {
  return v !== null && Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : '–';
}

/** A change in a proportion, in signed percentage points: `-0.012` -> `−1.2`; null -> `–`. */
export function formatPoints(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '–';
  return `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v * 100).toFixed(1)}`;
}
