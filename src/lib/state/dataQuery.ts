import { int, pair, queryCodec } from './queryParams';

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

const codec = queryCodec<DataState>(
  DEFAULT_DATA,
  {
    file: {
      read: (q) => {
        const file = q.params.get('file')?.trim().toLowerCase() ?? '';
        return /^[0-9a-f]{8,64}$/.test(file) ? file : undefined;
      },
      write: (v) => [pair('file', v)],
    },
    page: int('page', 1, Number.MAX_SAFE_INTEGER),
  },
  // A page is of an open file.
  (s) => (s.file || s.page === 1 ? s : { ...s, page: 1 }),
);

/** Reads the Data state from a query string; malformed values fall back to the defaults. */
export const parseDataQuery = (query: string | undefined): DataState => codec.parse(query);

/** The query string for a Data state, defaults left out. */
export const dataQueryString = (s: DataState): string => codec.write(s);
