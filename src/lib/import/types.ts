import type { AnyRecord, Encoding, RecordKind } from '../schema/types';
import type { Notice } from '../i18n/notice';

/**
 * Encodings Loom reads. GB18030 is a superset of GBK and GB2312, as Chinese Excel writes them;
 * Windows-1252 is what Western European Excel writes (é, ü, £).
 */
export type { Encoding } from '../schema/types';

/** Every encoding Loom reads, in the order the Import page offers them. */
export const ENCODINGS: readonly Encoding[] = [
  'utf-8',
  'gb18030',
  'windows-1252',
  'utf-16le',
  'utf-16be',
];

/** True when `value` names an encoding Loom reads. */
export const isEncoding = (value: unknown): value is Encoding =>
  typeof value === 'string' && (ENCODINGS as readonly string[]).includes(value);

/** An encoding's usual name: `GB18030`, `Windows-1252`, `UTF-16LE`. */
export const encodingName = (e: Encoding): string =>
  e === 'windows-1252' ? 'Windows-1252' : e.toUpperCase();

/** The delimiters Loom detects; any other single character can be passed explicitly. */
export type Delimiter = ',' | ';' | '\t' | '|';

/** Delimiters tried when none is given, most common first. */
export const DELIMITERS: readonly Delimiter[] = [',', ';', '\t', '|'];

/** The furthest row a user can name as the header. */
export const MAX_HEADER_ROW = 1000;

/**
 * A problem with one cell or row. `row` is 1-based and counts the header as
 * row 1 (as a spreadsheet shows it); `column` is the header text, or null when
 * the problem is the whole row or file. `code`, `params` and the English
 * `message` are a {@link Notice}.
 */
export interface RowError extends Notice {
  row: number;
  column: string | null;
}

/** Options for analysing or importing a file; each one overrides what Loom would detect. */
export interface CsvOptions {
  kind?: RecordKind;
  encoding?: Encoding;
  delimiter?: string;
  /** Field name -> header text; an empty string leaves the field unmapped. */
  mapping?: Record<string, string>;
  /** The header's 1-based row in the file; by default found below any title rows. */
  headerRow?: number;
  /** Import rows that look like totals or subtotals (合计, 小计, Total…) instead of leaving them out. */
  keepTotals?: boolean;
  /**
   * Counts are written with a decimal comma (`3.000` is three thousand, `2,5` two and a half).
   * By default Loom decides from the first rows of a semicolon-separated file.
   */
  decimalComma?: boolean;
  /** A workbook's sheet to read, by name; by default the one that looks like data. */
  sheet?: string;
  /** Turn a wide table's period columns (1956年7月, 1956年8月, …) into one row per period. */
  unpivot?: boolean;
}

/** What `analyzeCsv` returns: the file understood, without touching the database. */
export interface CsvAnalysis<R extends AnyRecord = AnyRecord> {
  /** Null when no kind could be recognised from the headers (the user must choose). */
  kind: RecordKind | null;
  encoding: Encoding;
  delimiter: string;
  headers: string[];
  /** Field name -> header text, or null where no column feeds the field. */
  mapping: Record<string, string | null>;
  records: R[];
  /** Row errors (rows skipped) and, first, any fatal error (code starts with `fatal-`: nothing imports). */
  errors: RowError[];
  warnings: string[];
}

/** True for errors that stop a file from importing at all. */
export const isBlocking = (e: RowError): boolean =>
  e.code.startsWith('fatal-') || e.code.startsWith('needs-');
