// Excel workbooks (.xlsx), read in the import worker by read-excel-file: a small, maintained
// reader (fflate and a SAX parser, no DOM) that returns each sheet's cells as strings,
// numbers, booleans and dates, with formulas as their cached values. SheetJS is not used: its
// npm release (0.18.5) is stale and has published advisories. A sheet becomes the same rows
// of text a CSV gives, so header detection, totals, validation and staging are shared.

import readXlsxFile from 'read-excel-file/universal';
import { strFromU8, takeUnzipped, unzipSync } from './unzip';
import { ContentHash, type ByteSource } from './decode';
import { CHUNK_BYTES, HEADER_SEARCH_ROWS, fatal, pickHeader, type CsvReader } from './reader';
import { headerMatches } from '../schema/mapping';
import { isBlankRow } from './parse';
import { cut, notice } from '../i18n/notice';

/** A sheet as rows of text, with row 1 first (blank rows kept, so rows number as Excel's). */
export interface SheetTable {
  name: string;
  rows: string[][];
}

/** Rows handed on per batch. */
const BATCH_ROWS = 5000;
/** Merged ranges fill at most this many cells in a sheet: a range over a whole sheet is a style. */
const MAX_MERGE_FILL = 1_000_000;

/**
 * A number cell's text as Excel shows it: to 15 significant digits, Excel's own precision, so
 * that a formula's 1209.9999999999998 reads 1210 while a typed 96.8 stays 96.8.
 */
export function numberText(s: string): string {
  if (/^-?\d{1,15}$/.test(s)) return s;
  const n = Number(s);
  return Number.isFinite(n) ? String(Number(n.toPrecision(15))) : s;
}

/** A date cell's text: its ISO day, with the time when it has one (dates are read in UTC). */
export function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  return String(v);
}

/**
 * The columns whose date cells are months: every one falls on the first of a month at
 * midnight, over two months or more, as a column formatted 1956年7月 stores them. Their cells
 * read `1956-07`; a column with any other day keeps its days.
 */
function monthColumns(data: readonly (readonly unknown[])[]): Set<number> {
  const firsts = new Map<number, Set<string> | null>();
  for (const row of data)
    row.forEach((v, c) => {
      if (!(v instanceof Date) || Number.isNaN(v.getTime())) return;
      const seen = firsts.get(c);
      if (seen === null) return;
      const text = dateText(v);
      if (text.length !== 10 || !text.endsWith('-01')) return void firsts.set(c, null);
      firsts.set(c, (seen ?? new Set()).add(text));
    });
  return new Set([...firsts].filter(([, s]) => s && s.size >= 2).map(([c]) => c));
}

/** `B3` as 0-based [row, column], or null. */
function cellAddress(ref: string): [number, number] | null {
  const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return [+m[2] - 1, col - 1];
}

/** The attributes of an XML start tag, unescaped. */
function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g))
    out[m[1]] = m[2]
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return out;
}

/** The last index of `pattern` in `bytes`, or -1. */
function lastIndexOfBytes(bytes: Uint8Array, pattern: Uint8Array): number {
  outer: for (let i = bytes.length - pattern.length; i >= 0; i--) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

const SHEET_DATA_END = new TextEncoder().encode('</sheetData>');

/**
 * Each sheet's merged ranges, by sheet name, from the parts the reader inflated: the sheet
 * names' relationship ids in workbook.xml, their targets in its .rels, and the `<mergeCell>`s
 * after each sheet's data (only the tail of a sheet is decoded).
 */
function mergedRanges(parts: Record<string, Uint8Array>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const workbook = parts['xl/workbook.xml'];
  const rels = parts['xl/_rels/workbook.xml.rels'];
  if (!workbook || !rels) return out;
  const targets = new Map<string, string>();
  for (const m of strFromU8(rels).matchAll(/<Relationship\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const t = (a.Target ?? '').replace(/^\/?(xl\/)?/, '');
    targets.set(a.Id, `xl/${t}`);
  }
  for (const m of strFromU8(workbook).matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const sheet = parts[targets.get(a['r:id']) ?? ''];
    if (!sheet || !a.name) continue;
    const end = lastIndexOfBytes(sheet, SHEET_DATA_END);
    if (end < 0) continue;
    const tail = strFromU8(sheet.subarray(end));
    const ranges = [...tail.matchAll(/<mergeCell\b[^>]*>/g)].map((t) => attributes(t[0]).ref);
    if (ranges.length) out.set(a.name, ranges.filter(Boolean));
  }
  return out;
}

/**
 * A sheet's cells as text, each merged range filled with its top-left value (a factory
 * merged down its products' rows names each of them), and trailing blank cells dropped.
 */
function sheetRows(data: readonly (readonly unknown[])[], merges: readonly string[]): string[][] {
  const months = monthColumns(data);
  const rows = data.map((r) =>
    r.map((v, c) => (v instanceof Date && months.has(c) ? dateText(v).slice(0, 7) : cellText(v))),
  );
  let filled = 0;
  for (const ref of merges) {
    const [from, to] = ref.split(':').map(cellAddress);
    if (!from || !to) continue;
    const value = rows[from[0]]?.[from[1]] ?? '';
    if (value === '') continue;
    const lastRow = Math.min(to[0], rows.length - 1);
    for (let r = from[0]; r <= lastRow; r++) {
      const row = rows[r];
      const lastCol = Math.min(to[1], Math.max(row.length - 1, from[1]));
      for (let c = from[1]; c <= lastCol && filled < MAX_MERGE_FILL; c++, filled++) row[c] = value;
    }
  }
  for (const row of rows) {
    let n = row.length;
    while (n > 0 && row[n - 1].trim() === '') n--;
    row.length = n;
  }
  return rows;
}

/**
 * The most XML a workbook's sheets may hold, inflated. A sheet is read whole, as strings, so a
 * workbook near Excel's million rows would take gigabytes; CSV has no such limit.
 */
export const MAX_SHEET_XML_BYTES = 256 * 1024 * 1024;

/**
 * Refuses what is a zip but not a workbook Loom reads, before parsing it: a macro-enabled
 * workbook, an OpenDocument spreadsheet, another zip, or sheets past `maxSheetBytes` of XML.
 * Only the content types are inflated; sizes come from the zip's directory.
 */
export function checkPackage(bytes: Uint8Array, maxSheetBytes = MAX_SHEET_XML_BYTES): void {
  const names: string[] = [];
  let sheetBytes = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        if (/^xl\/worksheets\/[^/]+\.xml$/.test(f.name)) sheetBytes += f.originalSize;
        return f.name === '[Content_Types].xml' || f.name === 'mimetype';
      },
    });
  } catch {
    throw fatal(notice('fatal-bad-workbook', { detail: 'not a valid zip file' }));
  }
  const mimetype = parts.mimetype ? strFromU8(parts.mimetype) : '';
  if (mimetype.includes('opendocument')) throw fatal(notice('fatal-ods'));
  const types = parts['[Content_Types].xml'] ? strFromU8(parts['[Content_Types].xml']) : '';
  if (/macroEnabled\.main\+xml/i.test(types)) throw fatal(notice('fatal-xlsm'));
  if (!names.includes('xl/workbook.xml')) throw fatal(notice('fatal-not-workbook'));
  if (sheetBytes > maxSheetBytes)
    throw fatal(
      notice('fatal-workbook-too-large', {
        mb: Math.round(sheetBytes / 2 ** 20),
        max: Math.round(maxSheetBytes / 2 ** 20),
      }),
    );
}

/** Reads every sheet of a workbook. Throws CsvFatal for a workbook Loom cannot read. */
export async function readWorkbook(bytes: Uint8Array): Promise<SheetTable[]> {
  checkPackage(bytes);
  let sheets: { sheet: string; data: unknown[][] }[];
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    sheets = await readXlsxFile(buffer as ArrayBuffer, { parseNumber: numberText, trim: false });
  } catch (e) {
    takeUnzipped(); // let go of what was inflated
    throw fatal(notice('fatal-bad-workbook', { detail: cut(String((e as Error).message ?? e)) }));
  }
  const merges = mergedRanges(takeUnzipped() ?? {});
  return sheets.map((s) => ({ name: s.sheet, rows: sheetRows(s.data, merges.get(s.sheet) ?? []) }));
}

/**
 * The sheet that looks like data: the one whose best row among its first rows names the most
 * fields, then the one with most rows (a cover sheet or notes lose to the table). Ties go to
 * the first. -1 when every sheet is blank.
 */
export function pickSheet(sheets: readonly SheetTable[]): number {
  let best = -1;
  let bestScore = -1;
  sheets.forEach((s, i) => {
    const filled = s.rows.filter((r) => !isBlankRow(r)).length;
    if (filled === 0) return;
    const head = s.rows.slice(0, HEADER_SEARCH_ROWS);
    const named = Math.max(0, ...head.map(headerMatches));
    const score = named * 1e8 + Math.min(filled, 1e8 - 1);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/**
 * The workbook read last, by content hash, so that changing the sheet or header row does not
 * read it again. Only small workbooks are kept: a large one's cells would stay in the worker's
 * memory long after its import.
 */
let cached: { hash: string; sheets: SheetTable[] } | null = null;
/** The largest workbook kept between reads (about 100,000 rows). */
const MAX_CACHED_BYTES = 4 * 1024 * 1024;

/** Options for {@link openWorkbook}. */
export interface WorkbookOptions {
  /** The sheet to read, by name; the one that looks like data when absent. */
  sheet?: string;
  headerRow?: number;
}

/**
 * Opens a workbook as a table reader: reads and hashes the bytes, reads its sheets (or takes
 * them from the last read of the same bytes), picks the sheet and its header row, and hands on
 * the rows below the header padded to its width.
 */
export async function openWorkbook(
  input: ByteSource,
  options: WorkbookOptions,
): Promise<CsvReader> {
  const bytes = new Uint8Array(input.size);
  const hasher = new ContentHash();
  let hashed = Promise.resolve();
  for (let at = 0; at < input.size; at += CHUNK_BYTES) {
    const chunk = await input.read(at, CHUNK_BYTES);
    bytes.set(chunk, at);
    hashed = hasher.update(chunk);
  }
  await hashed;
  const hash = hasher.hex();
  const sheets = cached?.hash === hash ? cached.sheets : await readWorkbook(bytes);
  cached = input.size <= MAX_CACHED_BYTES ? { hash, sheets } : null;
  const names = sheets.map((s) => s.name);
  let index: number;
  if (options.sheet !== undefined) {
    index = names.indexOf(options.sheet);
    if (index < 0)
      throw fatal(
        notice('fatal-no-sheet', { sheet: cut(options.sheet), sheets: names.join(', ') }),
      );
  } else index = pickSheet(sheets);
  if (index < 0) throw fatal(notice('fatal-empty'));
  const { rows } = sheets[index];
  const wanted = Math.max(HEADER_SEARCH_ROWS, options.headerRow ?? 0);
  const picked = pickHeader(rows.slice(0, wanted), 1, options.headerRow);
  const width = picked.headers.length;
  const warnings = [...picked.warnings];
  if (options.sheet === undefined && sheets.length > 1)
    warnings.unshift(notice('sheet-chosen', { sheet: names[index], n: sheets.length }));
  const start = picked.headerRow; // 0-based index of the first data row

  async function* batches() {
    for (let at = start; at < rows.length; at += BATCH_ROWS) {
      // Copies, so the rows kept for another read stay as the sheet has them.
      const batch = rows
        .slice(at, at + BATCH_ROWS)
        .map((r) => (r.length < width ? r.concat(Array<string>(width - r.length).fill('')) : r));
      yield {
        rows: batch,
        firstRow: at + 1,
        bytesRead: Math.round((input.size * Math.min(at + BATCH_ROWS, rows.length)) / rows.length),
      };
    }
  }

  return {
    format: 'xlsx',
    sheets: names,
    sheet: names[index],
    encoding: 'utf-8',
    delimiter: ',',
    headerRow: picked.headerRow,
    headers: picked.headers,
    warnings,
    size: input.size,
    batches,
    hash: () => hash,
  };
}
