import {
  derivedFields,
  detectKind,
  mappingToHeaders,
  missingRequired,
  resolveMapping,
} from '../schema/mapping';
import { isKind, type AnyRecord, type RecordKind } from '../schema/types';
import { DecodeError, type ByteSource } from './decode';
import { CsvFatal, openTable, type CsvReader, type TableFormat } from './reader';
import { encodingName, isBlocking, type CsvOptions, type Encoding, type RowError } from './types';
import { FileLimits, createValidator } from './validate';
import { looksDecimalComma } from './values';
import { FIELDS } from '../schema/fields';
import type { TotalsMatch } from './totals';
import { RowScanner } from './rowScan';
import { unpivotReader, wideColumns, type PeriodColumn } from './unpivot';
import { cut, notice, quoteList, type Notice } from '../i18n/notice';

export { PREVIEW_ROWS } from './rowScan';

/** How far a scan has got, for progress bars. */
export interface ScanProgress {
  bytesRead: number;
  size: number;
  /** Data rows read so far (blank rows not counted). */
  rows: number;
}

/** Options for {@link scanCsv}. */
export interface ScanOptions extends CsvOptions {
  /** Receives each batch of valid records, in file order; awaited, so it can write to a database. */
  onRecords?: (records: AnyRecord[], rows: number[], kind: RecordKind) => void | Promise<void>;
  /**
   * Called, and awaited, before the file is read a second time in another encoding: every
   * record handed to `onRecords` so far must then be forgotten, or it would count twice.
   * Required with `onRecords`, since a guessed UTF-8 can be disproved at any byte.
   */
  onRestart?: () => void | Promise<void>;
  onProgress?: (p: ScanProgress) => void;
  /** Row errors kept in the result (all are counted). Default 1,000. */
  maxErrors?: number;
  /** Rejected rows kept for the error report. Default 100,000; 0 keeps none. */
  maxRejected?: number;
  /** The content hash from an earlier scan of the same bytes, reused instead of hashing again. */
  hash?: string;
  /** Stops the scan between batches; the scan then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** What a scan found. Errors whose code starts `fatal-` or `needs-` block an import. */
export interface ScanResult {
  kind: RecordKind | null;
  /** Delimited text, or a workbook read from `sheet`, one of its `sheets`. */
  format: TableFormat;
  sheets: string[];
  sheet: string | null;
  encoding: Encoding;
  delimiter: string;
  /** The header's 1-based row in the file (rows above it are titles, never data). */
  headerRow: number;
  headers: string[];
  mapping: Record<string, string | null>;
  warnings: Notice[];
  /** The first `maxErrors` errors, a blocking one first. */
  errors: RowError[];
  /** All row errors found (a row with two bad cells counts twice). */
  errorCount: number;
  /** Data rows read, blank rows excluded. */
  rows: number;
  /** Rows that became records. */
  accepted: number;
  /** Rows skipped for errors. */
  rejected: number;
  /** Counts were read with a decimal comma (`3.000` is three thousand). */
  decimalComma: boolean;
  /** A wide table's period columns (one column per period), or null. */
  wide: { columns: number; first: string; last: string } | null;
  /** The period columns were turned into rows (`options.unpivot`). */
  unpivoted: boolean;
  /**
   * Rows that look like totals or subtotals (the first 1,000): left out unless the options
   * keep them, and then also counted as accepted or rejected.
   */
  totals: { row: number; match: TotalsMatch }[];
  totalsCount: number;
  /** The first data rows, as read, for the preview, and their 1-based rows in the file. */
  preview: string[][];
  previewRows: number[];
  /** Lines of the error report CSV (header line first), or empty when nothing was rejected. */
  rejectedCsv: string[];
  /** Content hash of the bytes; empty when the scan stopped early. */
  hash: string;
  bytes: number;
}

export { isBlocking };

/**
 * Reads a whole CSV once: decodes, parses and validates it, streaming, and
 * hands valid records to `onRecords`. Never throws for bad data: a fatal
 * problem comes back as the first error. The engine behind `analyzeCsv`, the
 * import preview and the import itself.
 */
export async function scanCsv(
  input: ByteSource | string,
  options: ScanOptions = {},
): Promise<ScanResult> {
  if (options.onRecords && !options.onRestart)
    throw new TypeError('scanCsv: onRecords needs onRestart, to forget records before a re-read');
  try {
    return await scanOnce(input, options);
  } catch (e) {
    // UTF-8 was a guess from the head, and a byte after non-ASCII text disproved it: read the
    // whole file again in the encoding the bytes look like, after the consumer forgets the
    // records it was given.
    if (e instanceof DecodeError && !options.encoding) {
      await options.onRestart?.();
      const result = await scanOnce(input, { ...options, encoding: e.likely });
      result.warnings.unshift(
        notice('read-as', { at: e.byteOffset, encoding: encodingName(e.likely) }),
      );
      return result;
    }
    throw e;
  }
}

async function scanOnce(input: ByteSource | string, options: ScanOptions): Promise<ScanResult> {
  const maxErrors = options.maxErrors ?? 1000;
  const maxRejected = options.maxRejected ?? 100_000;
  const size = typeof input === 'string' ? input.length : input.size;
  const result: ScanResult = {
    kind: options.kind ?? null,
    format: 'csv',
    sheets: [],
    sheet: options.sheet ?? null,
    encoding: options.encoding ?? 'utf-8',
    delimiter: options.delimiter ?? ',',
    headerRow: options.headerRow ?? 1,
    headers: [],
    mapping: {},
    warnings: [],
    errors: [],
    errorCount: 0,
    rows: 0,
    accepted: 0,
    rejected: 0,
    decimalComma: false,
    wide: null,
    unpivoted: false,
    totals: [],
    totalsCount: 0,
    preview: [],
    previewRows: [],
    rejectedCsv: [],
    hash: '',
    bytes: size,
  };
  // A fatal error stands alone: the row errors found before it say nothing once the file is refused.
  const block = (error: RowError) => {
    if (error.code.startsWith('fatal-')) {
      result.errors = [error];
      result.errorCount = 0;
      result.rejectedCsv = [];
    } else result.errors.unshift(error);
    return result;
  };

  let reader: CsvReader;
  let wide: PeriodColumn[] | null;
  try {
    reader = await openTable(input, options);
    wide = wideColumns(reader.headers);
    if (wide && options.unpivot) reader = await unpivotReader(reader, wide);
  } catch (e) {
    if (e instanceof CsvFatal) return block(e.error);
    throw e;
  }
  Object.assign(result, {
    wide: wide && {
      columns: wide.length,
      first: wide[0].period,
      last: wide[wide.length - 1].period,
    },
    unpivoted: !!(wide && options.unpivot),
    format: reader.format,
    sheets: reader.sheets,
    sheet: reader.sheet,
    encoding: reader.encoding,
    delimiter: reader.delimiter,
    headerRow: reader.headerRow,
    headers: reader.headers,
    warnings: reader.warnings,
  });
  const { headers } = reader;
  if (wide && !options.unpivot)
    result.warnings.push(
      notice('wide-table', {
        n: wide.length,
        first: cut(wide[0].period),
        last: cut(wide[wide.length - 1].period),
      }),
    );
  if (options.kind !== undefined && !isKind(options.kind))
    return block({
      row: reader.headerRow,
      column: null,
      ...notice('fatal-unknown-kind', { kind: String(options.kind).slice(0, 40) }),
    });
  const kind = options.kind ?? detectKind(headers);
  result.kind = kind;
  const mapping = kind ? resolveMapping(kind, headers, options.mapping) : null;
  if (kind && mapping) {
    result.mapping = mappingToHeaders(mapping, headers);
    const used = new Set(mapping.values());
    const unmapped = headers.filter((_, i) => !used.has(i));
    if (unmapped.length)
      result.warnings.push(
        notice('unused-columns', {
          columns: quoteList(unmapped.slice(0, 10)) + (unmapped.length > 10 ? ', …' : ''),
        }),
      );
  }
  const missing = kind && mapping ? missingRequired(kind, mapping) : [];
  if (kind === 'production' && mapping && !missing.length && derivedFields(kind, mapping).length)
    result.warnings.push(
      notice('derived-defective', {
        rate: headers[mapping.get('defect_rate')!],
        inspected: headers[mapping.get('inspected')!],
      }),
    );
  const canValidate = !!(kind && mapping && missing.length === 0);
  const limits = canValidate && kind === 'production' ? new FileLimits(headers, mapping!) : null;
  // Made at the first batch, once its count cells have said how numbers are written.
  const validatorFor = (rows: readonly string[][]) => {
    const columns = FIELDS[kind!]
      .filter((f) => f.type === 'count' && (mapping!.get(f.name) ?? -1) >= 0)
      .map((f) => mapping!.get(f.name)!);
    const sample = rows.slice(0, 200).flatMap((r) => columns.map((c) => r[c] ?? ''));
    const decimalComma =
      options.decimalComma ?? (reader.delimiter === ';' && looksDecimalComma(sample));
    if (decimalComma && options.decimalComma === undefined)
      result.warnings.push(notice('decimal-comma'));
    result.decimalComma = decimalComma;
    // A workbook's number cell in a date column is Excel's serial day (Excel shows it as a date).
    return createValidator(kind!, headers, mapping!, {
      decimalComma,
      serialDates: reader.format === 'xlsx',
    });
  };

  // Totals rows: the factory column's cell or the first cell says so, or a production row's
  // counts are the sum of those above it.
  const scanner = new RowScanner(result, {
    kind,
    headers,
    factoryColumn: mapping?.get(kind === 'exchanges' ? 'source_factory' : 'factory_id') ?? 0,
    keepTotals: !!options.keepTotals,
    maxErrors,
    maxRejected,
    limits,
  });

  try {
    for await (const batch of reader.batches()) {
      options.signal?.throwIfAborted();
      if (canValidate && !scanner.validate) scanner.validate = validatorFor(batch.rows);
      const out = scanner.batch(batch.rows, batch.firstRow, batch.rowNumbers);
      if (!('records' in out)) {
        result.accepted = 0;
        return block(out);
      }
      const { records, rows: rowNumbers } = out;
      const fieldCountErrors = scanner.fieldCountErrors;
      // Many rows with the wrong number of fields mean the structure is broken, not a few bad rows.
      if (fieldCountErrors > 10 && fieldCountErrors > result.rows * 0.2)
        return block({
          row: reader.headerRow,
          column: null,
          ...notice('fatal-ragged', {
            bad: fieldCountErrors,
            rows: result.rows,
            width: headers.length,
            delimiter: reader.delimiter,
          }),
        });
      result.accepted += records.length;
      if (records.length && options.onRecords) await options.onRecords(records, rowNumbers, kind!);
      options.onProgress?.({ bytesRead: batch.bytesRead, size, rows: result.rows });
    }
  } catch (e) {
    if (e instanceof CsvFatal) {
      result.accepted = 0;
      return block(e.error);
    }
    throw e;
  }
  result.hash = reader.hash();
  result.encoding = reader.encoding;
  result.warnings.push(...totalsNotices(result.totals, result.totalsCount, !!options.keepTotals));

  if (result.rows === 0)
    return block({ row: reader.headerRow + 1, column: null, ...notice('fatal-no-rows') });
  if (!kind)
    return block({
      row: reader.headerRow,
      column: null,
      ...notice('needs-kind', {
        headers: quoteList(headers.slice(0, 6)) + (headers.length > 6 ? ', …' : ''),
      }),
    });
  if (missing.length)
    return block({
      row: reader.headerRow,
      column: null,
      ...notice('needs-mapping', { fields: quoteList(missing), kind }),
    });
  return result;
}

/** Totals rows shown by name, one warning each; the rest are counted in one more. */
const TOTALS_NAMED = 10;

/** The warnings for totals rows found: which, why, and whether they were left out. */
function totalsNotices(
  totals: readonly { row: number; match: TotalsMatch }[],
  count: number,
  kept: boolean,
): Notice[] {
  if (kept) return count ? [notice('totals-kept', { n: count })] : [];
  const out = totals
    .slice(0, TOTALS_NAMED)
    .map(({ row, match }) =>
      match.by === 'label'
        ? notice('totals-row', { row, label: match.label })
        : notice('totals-sum', { row, from: match.from, to: match.to }),
    );
  if (count > TOTALS_NAMED) out.push(notice('totals-more', { n: count - TOTALS_NAMED }));
  return out;
}
