// One declarative codec for every view's URL: a view lists its state's fields, each with the
// parameter it lives in and how it is read and written, and `queryCodec` makes the parser and
// the writer. A malformed or unknown value falls back to the default, so any shared link opens
// something; a value equal to its default is left out, so links stay short and old links keep
// their meaning.

import { DAY_PATTERN, MONTH_PATTERN } from '../calendar';

/** The query being read: its parameters, and the raw text (for lists, see {@link listParam}). */
export interface QueryReader {
  params: URLSearchParams;
  raw: string;
}

/**
 * One field of a view's state in the URL. `read` gives the value, or undefined for the default;
 * `write` gives the `name=value` parts (encoded) for a value that is not left out; `omit` says
 * when it is left out (by default: when it equals the default).
 */
export interface QueryField<S, T> {
  read(q: QueryReader): T | undefined;
  write(value: T, state: S): string[];
  omit?(value: T, state: S): boolean;
}

/** The fields of state `S`, one per key, in the order they are written. */
export type QueryFields<S> = { [K in keyof S]-?: QueryField<S, S[K]> };

/** A view's URL codec: its state from a query string, and the query string for a state. */
export interface QueryCodec<S> {
  parse(query: string | undefined): S;
  write(state: S): string;
}

const same = (a: unknown, b: unknown): boolean =>
  a === b || (Array.isArray(a) && Array.isArray(b) && JSON.stringify(a) === JSON.stringify(b));

/**
 * The codec of a state with these defaults and fields. `normalize` ties fields together (a
 * baseline span replaces a baseline count, a page needs a file): it runs on what was read and
 * on what is written.
 */
export function queryCodec<S extends object>(
  defaults: S,
  fields: QueryFields<S>,
  normalize: (s: S) => S = (s) => s,
): QueryCodec<S> {
  const keys = Object.keys(fields) as (keyof S)[];
  return {
    parse(query) {
      const raw = (query ?? '').replace(/^\?/, '');
      const q = { params: new URLSearchParams(raw), raw };
      const s = { ...defaults };
      for (const k of keys) {
        const v = fields[k].read(q);
        if (v !== undefined) s[k] = v;
      }
      return normalize(s);
    },
    write(state) {
      const s = normalize(state);
      const parts: string[] = [];
      for (const k of keys) {
        const f = fields[k];
        const omit = f.omit ? f.omit(s[k], s) : same(s[k], defaults[k]);
        if (!omit) parts.push(...f.write(s[k], s));
      }
      return parts.join('&');
    },
  };
}

/** One `name=value` part, encoded as URLSearchParams encodes it. */
export const pair = (name: string, value: string | number): string =>
  new URLSearchParams([[name, String(value)]]).toString();

/** A text parameter, trimmed; '' when absent. */
export const text = <S>(name: string): QueryField<S, string> => ({
  read: (q) => q.params.get(name)?.trim(),
  write: (v) => [pair(name, v)],
});

/** A text parameter kept only when it matches `pattern` (a month, a day). */
export const matching = <S>(name: string, pattern: RegExp): QueryField<S, string> => ({
  read: (q) => {
    const v = q.params.get(name)?.trim() ?? '';
    return pattern.test(v) ? v : undefined;
  },
  write: (v) => [pair(name, v)],
});

/** A month `YYYY-MM`. */
export const month = <S>(name: string) => matching<S>(name, MONTH_PATTERN);
/** A day `YYYY-MM-DD`. */
export const day = <S>(name: string) => matching<S>(name, DAY_PATTERN);

/** One of `values`. */
export const choice = <S, T extends string>(
  name: string,
  values: readonly T[],
): QueryField<S, T> => ({
  read: (q) => {
    const v = q.params.get(name);
    return values.includes(v as T) ? (v as T) : undefined;
  },
  write: (v) => [pair(name, v)],
});

/** A whole number from `min` to `max`. */
export const int = <S>(name: string, min: number, max: number): QueryField<S, number> => ({
  read: (q) => {
    const n = Number(q.params.get(name));
    return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  },
  write: (v) => [pair(name, v)],
});

/** A switch written as `name=value`, which means `means` (the default is the other). */
export const flag = <S>(name: string, value: string, means = true): QueryField<S, boolean> => ({
  read: (q) => (q.params.get(name) === value ? means : undefined),
  write: () => [pair(name, value)],
});

/** A list written as `name=a,b%2Cc`: see {@link listParam} and {@link listPart}. */
export const list = <S>(name: string): QueryField<S, string[]> => ({
  read: (q) => listParam(q.raw, name),
  write: (v) => [listPart(name, v)],
});

/**
 * A callout a presenter placed on a chart: text with an arrow to a place. `at` is where (a month
 * on a time chart, a period from adoption on Impact's, a factory on the network) and `on` what
 * it points at there ('' = the place itself: the date on the axis, the factory's node; else a
 * series of the chart). Callouts live in the view's link, so decks and bundles keep them.
 */
export interface Callout {
  at: string;
  on: string;
  text: string;
}

/** The longest callout, in characters, and the most a view keeps. */
export const CALLOUT_MAX = 120;
export const CALLOUTS_MAX = 10;

/**
 * A view's callouts, each written `name=at|on|text` (the text keeps any `|` of its own); one
 * whose `at` fails `valid`, or with no text, is dropped, and text is cut at {@link CALLOUT_MAX}.
 */
export const callouts = <S>(
  name: string,
  valid: (at: string) => boolean,
): QueryField<S, Callout[]> => ({
  read: (q) => {
    const out: Callout[] = [];
    for (const c of q.params.getAll(name)) {
      const [at, on, ...rest] = c.split('|');
      const text = rest.join('|').trim().slice(0, CALLOUT_MAX);
      if (valid(at ?? '') && text && out.length < CALLOUTS_MAX)
        out.push({ at, on: on ?? '', text });
    }
    return out;
  },
  write: (v) => v.map((c) => pair(name, `${c.at}|${c.on}|${c.text}`)),
});

/** Positions in a layout, by id. */
export type Positions = Record<string, [number, number]>;

/**
 * Positions by id (pinned nodes), written `name=id:x:y,…` in whole layout units with the ids
 * sorted, so one arrangement always makes one link. An id keeps its own colons (the last two
 * end it); a malformed item is dropped.
 */
export const positions = <S>(name: string): QueryField<S, Positions> => ({
  read: (q) => {
    const out: Positions = {};
    for (const item of listParam(q.raw, name)) {
      const m = /^(.+):(-?\d+(?:\.\d+)?):(-?\d+(?:\.\d+)?)$/.exec(item);
      if (m) out[m[1]] = [Number(m[2]), Number(m[3])];
    }
    return Object.keys(out).length ? out : undefined;
  },
  write: (v) => {
    const items = Object.keys(v)
      .sort()
      .map((id) => `${encodeItem(id)}:${Math.round(v[id][0])}:${Math.round(v[id][1])}`);
    return [`${name}=${items.join(',')}`];
  },
  omit: (v) => !Object.keys(v).length,
});

/**
 * A list parameter read from the raw query: items are split on a literal comma and each one
 * decoded after, so that `a%2Cb` is the one id `a,b` while `a,b` is two. (URLSearchParams
 * would decode first and lose the difference.) A malformed item is dropped.
 */
export function listParam(query: string, name: string): string[] {
  for (const part of query.replace(/^\?/, '').split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0 || decodePart(part.slice(0, eq)) !== name) continue;
    return part
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
  `${name}=${items.map(encodeItem).join(',')}`;

/** A list item encoded, its commas and colons too, with spaces as `+`. */
const encodeItem = (item: string): string => encodeURIComponent(item).replace(/%20/g, '+');
