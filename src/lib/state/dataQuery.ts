/**
 * What the Data page shows, as it lives in the URL hash (`#/data?file=…&page=…`): the file
 * whose records are open, named by the start of its content hash (the same bytes have the
 * same hash in any browser, so a link opens the same file wherever it was imported), and the
 * page of its records, from 1.
 */
export interface DataState {
  /** The first hex digits of the open file's content hash ('' = no file open). */
  file: string;
  page: number;
}

export const DEFAULT_DATA: DataState = { file: '', page: 1 };

/** How many hex digits of a content hash name a file in a link: 64 bits, no collisions in practice. */
const KEY_DIGITS = 16;

/** The key that names an import's file in a link. */
export const fileKey = (hash: string): string => hash.slice(0, KEY_DIGITS);

/** Reads the Data state from a query string; malformed values fall back to the defaults. */
export function parseDataQuery(query: string | undefined): DataState {
  const p = new URLSearchParams(query ?? '');
  const file = p.get('file')?.trim().toLowerCase() ?? '';
  const page = Number(p.get('page'));
  const open = /^[0-9a-f]{8,64}$/.test(file);
  return {
    file: open ? file : '',
    page: open && Number.isSafeInteger(page) && page >= 1 ? page : 1,
  };
}

/** The query string for a Data state, defaults left out. */
export function dataQueryString(s: DataState): string {
  const p = new URLSearchParams();
  if (s.file) {
    p.set('file', s.file);
    if (s.page > 1) p.set('page', String(s.page));
  }
  return p.toString();
}
