/**
 * The import API. `analyzeCsv` is the public contract of DESIGN.md: it decodes,
 * parses and validates a CSV without touching the database, in Node or a browser.
 * It takes Excel workbooks (.xlsx) too, recognised by their bytes: there is no
 * separate `analyzeWorkbook`; `options.sheet` names the sheet to read.
 */
import { blobSource, bytesSource } from './decode';
import { isBlocking, scanCsv } from './scan';
import type { CsvAnalysis, CsvOptions } from './types';
import type { AnyRecord } from '../schema/types';

export type { CsvAnalysis, CsvOptions, Encoding, RowError } from './types';
export { isBlocking } from './scan';

/**
 * Decodes, parses and validates a CSV (or an .xlsx workbook's sheet) of factories,
 * production or exchanges. Never throws for bad data: fatal problems (an .xls file, an unclosed quote,
 * no rows, …) come back as the first error, with `records` empty; row errors
 * skip their rows. Throws a TypeError only when `input` is not a Blob,
 * ArrayBuffer, Uint8Array or string.
 */
export async function analyzeCsv(
  input: Blob | ArrayBuffer | Uint8Array | string,
  options: CsvOptions = {},
): Promise<CsvAnalysis> {
  let source;
  if (typeof input === 'string') source = input;
  else if (input instanceof ArrayBuffer || input instanceof Uint8Array) source = bytesSource(input);
  else if (typeof Blob !== 'undefined' && input instanceof Blob) source = blobSource(input);
  else
    throw new TypeError(
      `analyzeCsv expects a Blob, ArrayBuffer or string; got ${Object.prototype.toString.call(input)}`,
    );

  let records: AnyRecord[] = [];
  const scan = await scanCsv(source, {
    ...options,
    maxErrors: Infinity,
    maxRejected: 0,
    onRecords: (batch) => {
      for (const r of batch) records.push(r);
    },
    // Read again in another encoding: what the first read gave is forgotten, never appended to.
    onRestart: () => {
      records = [];
    },
  });
  const blocked = scan.errors.some(isBlocking);
  return {
    kind: scan.kind,
    encoding: scan.encoding,
    delimiter: scan.delimiter,
    headers: scan.headers,
    mapping: scan.mapping,
    records: blocked ? [] : records,
    // The public shape, exactly: `{ row, column, code, message }` and English sentences.
    errors: scan.errors.map(({ row, column, code, message }) => ({ row, column, code, message })),
    warnings: scan.warnings.map((w) => w.message),
  };
}
