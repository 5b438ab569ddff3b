import {
  ContentHash,
  DecodeError,
  TextStream,
  guessEncoding,
  isOle,
  isZip,
  sniffBytes,
  type ByteSource,
} from './decode';
import { ENCODINGS, MAX_HEADER_ROW, encodingName, isEncoding } from './types';
import {
  CsvStructureError,
  MAX_COLUMNS,
  RowSplitter,
  cleanHeaders,
  guessDelimiter,
  guessNewline,
  countRowBreaks,
  isBlankRow,
  readSepLine,
} from './parse';
import { findHeaderRow } from '../schema/mapping';
import type { Encoding, RowError } from './types';
import { notice, type Notice } from '../i18n/notice';

/** Bytes read per step. A multiple of 4 KiB; the content hash depends on it, so it never changes. */
export const CHUNK_BYTES = 1 << 20;

/**
 * Bytes decoded and parsed at a time, a slice of one read. A slice's text, rows and records
 * live until its batch is stored; kept this small, they die young, where the garbage collector
 * only sweeps, instead of being copied out (a million rows are read in about 40% less time
 * than in batches of a whole MiB). Its text also stays below V8's large-object size (128 KiB):
 * a read decoded whole was one string of up to 2 MiB, promoted on the first collection it
 * outlived, so the heap grew with the file until the next full collection.
 */
export const PARSE_BYTES = 1 << 16;

/** The first rows searched for a header below title rows. */
export const HEADER_SEARCH_ROWS = 20;
export { MAX_HEADER_ROW };

/** Rows as they come out of the file, with the 1-based row number of the first (header = row 1). */
export interface RowBatch {
  rows: string[][];
  firstRow: number;
  /** Each row's own number, when rows are not consecutive lines (an unpivoted table's). */
  rowNumbers?: number[];
  /** Bytes of the file read so far. */
  bytesRead: number;
}

/** What a table's bytes are. */
export type TableFormat = 'csv' | 'xlsx';

/** A fatal problem: the file as a whole cannot be read, so nothing of it imports. */
export class CsvFatal extends Error {
  constructor(readonly error: RowError) {
    super(error.message);
  }
}

/** An open CSV file: what its head says, and its data rows as an async stream. */
export interface CsvReader {
  /** What the bytes are: delimited text, or an Excel workbook read from one of its sheets. */
  readonly format: TableFormat;
  /** A workbook's sheets, in order, and the one read; empty and null for text. */
  readonly sheets: string[];
  readonly sheet: string | null;
  /** The encoding read with; it can change once, from a guessed UTF-8, while `batches()` runs. */
  readonly encoding: Encoding;
  delimiter: string;
  /** The header's 1-based row in the file; rows above it are titles (or blank), never data. */
  headerRow: number;
  headers: string[];
  warnings: Notice[];
  /** Total bytes (or characters, for text input). */
  size: number;
  /** The data rows, after the header, in batches. Throws CsvFatal for a broken structure. */
  batches(): AsyncGenerator<RowBatch>;
  /** The content hash of the bytes, complete once `batches()` has finished. */
  hash(): string;
}

/** A fatal problem at `row` (the header by default), from its notice. */
export const fatal = (n: Notice, row = 1) => new CsvFatal({ row, column: null, ...n });

/** Options for {@link openCsv}: anything given is used instead of detected. */
export interface OpenOptions {
  encoding?: Encoding;
  delimiter?: string;
  /** The content hash from an earlier read of the same bytes: reused instead of hashing again. */
  hash?: string;
  /** The header's 1-based row in the file; found among the first rows when absent. */
  headerRow?: number;
}

/** Options for {@link openTable}: a CSV's, and the sheet of a workbook. */
export interface TableOptions extends OpenOptions {
  sheet?: string;
}

/**
 * Opens a table: an Excel workbook (.xlsx) by its zip signature, refusing Excel 97–2003's
 * .xls with a message, and anything else as CSV text ({@link openCsv}).
 */
export async function openTable(
  input: ByteSource | string,
  options: TableOptions = {},
): Promise<CsvReader> {
  if (typeof input !== 'string' && input.size >= 8) {
    const head = await input.read(0, 8);
    if (isOle(head)) throw fatal(notice('fatal-xls'));
    if (isZip(head)) {
      checkHeaderRow(options.headerRow);
      // Loaded only for workbooks: CSV imports never fetch the workbook reader.
      const { openWorkbook } = await import('./workbook');
      return openWorkbook(input, options);
    }
  }
  return openCsv(input, options);
}

/**
 * Opens a CSV from bytes or text: sniffs binary and Excel files, detects the
 * encoding (BOM, UTF-16 by its NUL bytes, then strict UTF-8, then GB18030 or
 * Windows-1252 by their byte patterns), a `sep=` line, the line ending and the
 * delimiter, and reads the header row. Rejects with CsvFatal, also for an
 * encoding the user chose that the bytes disprove, or options Loom cannot use.
 * When UTF-8 was only guessed from the head and a later byte is not UTF-8: if
 * every byte before it was ASCII (which every guessed encoding reads alike) the
 * stream goes on in the encoding the bytes look like and says so in a warning;
 * otherwise it throws a DecodeError so the caller can read the file again.
 */
export async function openCsv(
  input: ByteSource | string,
  options: OpenOptions = {},
): Promise<CsvReader> {
  const isText = typeof input === 'string';
  const size = isText ? input.length : input.size;
  const hasher = options.hash ? null : new ContentHash();
  let hashing: Promise<void> | undefined;
  if (options.encoding !== undefined && !isEncoding(options.encoding))
    throw fatal(
      notice('fatal-unknown-encoding', {
        encoding: cutValue(options.encoding),
        list: ENCODINGS.map(encodingName).join(', '),
      }),
    );
  if (options.delimiter !== undefined && !usableDelimiter(options.delimiter))
    throw fatal(notice('fatal-bad-delimiter', { delimiter: cutValue(options.delimiter) }));
  const chosenRow = options.headerRow;
  checkHeaderRow(chosenRow);
  let encoding: Encoding = options.encoding ?? 'utf-8';
  // Chosen by the user or named by a BOM: bytes that disprove it are an error, not a hint.
  let declared = options.encoding !== undefined;
  let offset = 0;
  let decoder: TextStream | null = null;
  let first: string;
  const warnings: Notice[] = [];
  // A byte the chosen encoding refuses: where it is, and what the bytes look like instead.
  const refused = (e: DecodeError, row: number) =>
    fatal(
      notice('fatal-encoding', {
        at: e.byteOffset,
        encoding: encodingName(e.encoding),
        likely: encodingName(e.likely),
      }),
      row,
    );

  if (isText) {
    first = input.replace(/^\uFEFF/, '');
    offset = size;
    await hasher?.update(new TextEncoder().encode(input));
  } else {
    const head = await input.read(0, CHUNK_BYTES);
    if (head.byteLength === 0) throw fatal(notice('fatal-empty'));
    const sniff = sniffBytes(head, options.encoding);
    if (!sniff.ok) throw fatal(sniff);
    encoding = options.encoding ?? sniff.encoding ?? guessEncoding(head, head.byteLength >= size);
    declared ||= sniff.bomLength > 0;
    if (!options.encoding && !sniff.encoding && encoding !== 'utf-8')
      warnings.push(notice('guessed-encoding', { encoding: encodingName(encoding) }));
    if (!options.encoding && sniff.encoding && sniff.bomLength === 0)
      warnings.push(notice('guessed-encoding', { encoding: encodingName(sniff.encoding) }));
    decoder = new TextStream(encoding);
    await hasher?.update(head);
    offset = head.byteLength;
    const skip = sniff.encoding === encoding ? sniff.bomLength : 0;
    try {
      first = decoder.decode(head.subarray(skip), offset >= size);
    } catch (e) {
      if (e instanceof DecodeError) throw refused(e, 1 + countRowBreaks(e.validText));
      throw e;
    }
  }

  const nulAt = first.indexOf('\u0000');
  if (nulAt >= 0) throw fatal(notice('fatal-binary-text', { at: nulAt + 1 }));
  const sep = readSepLine(first);
  if (sep) first = first.slice(sep.skip);
  const newline = guessNewline(first.slice(0, 64 * 1024));
  const delimiter = options.delimiter ?? sep?.delimiter ?? guessDelimiter(first, newline);
  const splitter = new RowSplitter(delimiter, newline);

  // Read until the header row is complete (it nearly always is in the first chunk).
  const pushText = (text: string, last: boolean) => {
    try {
      return splitter.push(text, last);
    } catch (e) {
      if (e instanceof CsvStructureError) throw fatal(e.notice, e.row);
      throw e;
    }
  };
  // The next two slices are read while the current one is parsed.
  const ahead: Promise<Uint8Array>[] = [];
  let requested = offset;
  // The next read's bytes, hashed in file order.
  const readBytes = async (): Promise<Uint8Array> => {
    const source = input as ByteSource;
    while (ahead.length < 3 && requested < size) {
      ahead.push(source.read(requested, CHUNK_BYTES));
      requested += CHUNK_BYTES;
    }
    const bytes = await ahead.shift()!;
    offset += bytes.byteLength;
    // One chunk's hash runs while the next is parsed: awaited a chunk later, never piling up.
    const previous = hashing;
    hashing = hasher?.update(bytes);
    await previous;
    return bytes;
  };
  // The text of `bytes`, which start at byte `start` of the file; `last` when they end it.
  const decodeText = (bytes: Uint8Array, start: number, last: boolean): string => {
    let text: string;
    try {
      text = decoder!.decode(bytes, last);
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      if (declared) throw refused(e, splitter.rowOf(e.validText));
      // Guessed UTF-8 and only ASCII so far: the text read is the same in the encoding the
      // bytes look like, so go on in it from these bytes, without reading anything twice.
      if (!decoder!.ascii) throw e;
      encoding = e.likely;
      decoder = new TextStream(encoding);
      text = decoder.decode(bytes, last);
      warnings.push(notice('read-as', { at: e.byteOffset, encoding: encodingName(encoding) }));
    }
    const nul = text.indexOf('\u0000');
    if (nul >= 0) throw fatal(notice('fatal-binary', { at: start + nul + 1 }));
    return text;
  };
  const readMore = async (): Promise<string> => {
    const bytes = await readBytes();
    return decodeText(bytes, offset - bytes.byteLength, offset >= size);
  };

  // The first rows, until the header can be chosen among them: the one the user named, or the
  // best match of the header words within the first HEADER_SEARCH_ROWS.
  let out = pushText(first, offset >= size);
  const head = out.rows;
  const headFirstRow = out.firstRow;
  const wanted = chosenRow ?? HEADER_SEARCH_ROWS;
  while (head.length < wanted - headFirstRow + 1 && offset < size) {
    out = pushText(await readMore(), offset >= size);
    for (const r of out.rows) head.push(r);
  }
  const picked = pickHeader(head, headFirstRow, chosenRow);
  const { headers, firstRows } = picked;
  const headerRowNumber = picked.headerRow;
  const firstRowNumber = headerRowNumber + 1;
  warnings.push(...picked.warnings);
  if (sep)
    warnings.push(notice('sep-line', { sep: sep.delimiter === '\t' ? '\\t' : sep.delimiter }));

  async function* batches(): AsyncGenerator<RowBatch> {
    if (firstRows.length) yield { rows: firstRows, firstRow: firstRowNumber, bytesRead: offset };
    while (offset < size) {
      const bytes = await readBytes();
      const start = offset - bytes.byteLength;
      const last = offset >= size;
      for (let at = 0; at < bytes.byteLength || (last && at === 0); at += PARSE_BYTES) {
        const end = at + PARSE_BYTES >= bytes.byteLength;
        const text = decodeText(bytes.subarray(at, at + PARSE_BYTES), start + at, last && end);
        const { rows, firstRow } = pushText(text, last && end);
        if (rows.length) yield { rows, firstRow, bytesRead: offset };
      }
    }
    await hashing;
  }

  return {
    format: 'csv',
    sheets: [],
    sheet: null,
    get encoding() {
      return encoding;
    },
    delimiter,
    headerRow: headerRowNumber,
    headers,
    warnings,
    size,
    batches,
    hash: () => hasher?.hex() ?? options.hash!,
  };
}

/** The header chosen among a table's first rows, and the data rows that came with it. */
export interface PickedHeader {
  /** The header's 1-based row. */
  headerRow: number;
  headers: string[];
  /** The rows after the header among those given. */
  firstRows: string[][];
  warnings: Notice[];
}

/**
 * Chooses the header among `head`, the first rows of a table (the first of them is row
 * `headFirstRow`): the row the user named, or the best match of the header words within the
 * first HEADER_SEARCH_ROWS, and says when title rows sit above it. Throws CsvFatal when the
 * named row is past the table or blank, or the header is empty or too wide.
 */
export function pickHeader(
  head: readonly string[][],
  headFirstRow: number,
  chosenRow: number | undefined,
): PickedHeader {
  let at: number;
  if (chosenRow !== undefined) {
    at = chosenRow - headFirstRow;
    if (at >= head.length || head.slice(at).every(isBlankRow)) {
      let rows = head.length;
      while (rows > 0 && isBlankRow(head[rows - 1])) rows--;
      throw fatal(notice('fatal-no-header-row', { row: chosenRow, rows: headFirstRow - 1 + rows }));
    }
  } else at = findHeaderRow(head.slice(0, HEADER_SEARCH_ROWS));
  const headerRow: string[] | undefined = head[at];
  if (!headerRow || (headerRow.length === 1 && headerRow[0].trim() === ''))
    throw fatal(notice('fatal-empty'));
  if (headerRow.length > MAX_COLUMNS)
    throw fatal(notice('fatal-too-many-columns', { columns: headerRow.length, max: MAX_COLUMNS }));
  const headerRowNumber = headFirstRow + at;
  const warnings: Notice[] = [];
  // Rows above the header: titles (said so) or blank, never data.
  const titles = head.slice(0, at).filter((r) => r.some((c) => c.trim() !== '')).length;
  if (titles && chosenRow === undefined)
    warnings.push(
      headerRowNumber === 2
        ? notice('header-below-title', { row: headerRowNumber })
        : notice('header-below-titles', { row: headerRowNumber, last: headerRowNumber - 1 }),
    );
  const cleaned = cleanHeaders(headerRow);
  warnings.push(...cleaned.warnings);
  // The data rows that came with the header (no spread: there can be a hundred thousand).
  return {
    headerRow: headerRowNumber,
    headers: cleaned.headers,
    firstRows: head.slice(at + 1),
    warnings,
  };
}

/** Checks a header row the user named: a whole number from 1 to MAX_HEADER_ROW. */
export function checkHeaderRow(row: number | undefined): void {
  if (row !== undefined && !(Number.isInteger(row) && row >= 1 && row <= MAX_HEADER_ROW))
    throw fatal(notice('fatal-bad-header-row', { row: cutValue(row), max: MAX_HEADER_ROW }));
}

/** A value from the options, as quoted in a message. */
const cutValue = (v: unknown) => String(v).slice(0, 40);

/** A delimiter Loom can split on: one character that is not a quote or a line break. */
const usableDelimiter = (d: unknown) =>
  typeof d === 'string' && d.length === 1 && d !== '"' && d !== '\n' && d !== '\r';
