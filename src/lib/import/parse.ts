import Papa from 'papaparse';
import { DELIMITERS } from './types';
import { cut, notice, type Notice } from '../i18n/notice';

/** The largest field Loom accepts; a longer one almost always means an unclosed quote. */
export const MAX_FIELD_CHARS = 1 << 20;
/** The most columns Loom accepts (Excel's limit). */
export const MAX_COLUMNS = 16_384;

export { DELIMITERS };

/** Thrown while parsing when the file's structure is broken beyond skipping a row. */
export class CsvStructureError extends Error {
  readonly notice: Notice;
  constructor(
    readonly code: 'fatal-unclosed-quote' | 'fatal-bad-quote' | 'fatal-field-too-long',
    readonly row: number,
  ) {
    const n = notice(code, { row });
    super(n.message);
    this.notice = n;
  }
}

/** Reads a leading `sep=;` line (Excel's hint): the delimiter and the characters to skip, or null. */
export function readSepLine(text: string): { delimiter: string; skip: number } | null {
  const m = text.match(/^sep=(.)(\r\n|\n|\r)/i);
  return m ? { delimiter: m[1], skip: m[0].length } : null;
}

/** The line ending used outside quoted fields in `sample`: `\r\n`, `\n` or `\r`. Defaults to `\n`. */
export function guessNewline(sample: string): '\r\n' | '\n' | '\r' {
  let inQuotes = false;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && c === 13)
      return sample.charCodeAt(i + 1) === 10 ? '\r\n' : i + 1 < sample.length ? '\r' : '\n';
    else if (!inQuotes && c === 10) return '\n';
  }
  return '\n';
}

/**
 * The delimiter that splits the first lines of `sample` most consistently into
 * more than one field (PapaParse's own guess, restricted to {@link DELIMITERS}).
 */
export function guessDelimiter(sample: string, newline: string): string {
  const result = Papa.parse<string[]>(sample.slice(0, 256 * 1024), {
    delimitersToGuess: [...DELIMITERS],
    newline: newline as Papa.ParseConfig['newline'],
    preview: 50,
  });
  return result.meta.delimiter || ',';
}

/**
 * Splits a stream of text into rows of cells. Text arrives in chunks; a row cut
 * by a chunk boundary (even inside a quoted field with newlines) is carried to
 * the next chunk. Built on PapaParse's core `Parser`, the engine behind its own
 * streamers, because its streamers cannot take text we decode ourselves.
 */
export class RowSplitter {
  private readonly parser: Papa.Parser;
  private carry = '';
  /** Row number (1-based, header = 1) of the next row to come out. */
  private nextRow = 1;

  constructor(delimiter: string, newline: string) {
    this.parser = new Papa.Parser({ delimiter, newline: newline as Papa.ParseConfig['newline'] });
  }

  /** The row (header = 1) at the end of `text`, were it pushed next: for saying where a problem is. */
  rowOf(text: string): number {
    return this.nextRow + countRowBreaks(this.carry + text);
  }

  /**
   * Parses the next chunk and returns the rows it completes, with the row
   * number of the first. `last` marks the final chunk: then an unclosed quote
   * is a CsvStructureError. Also throws when a row would exceed
   * {@link MAX_FIELD_CHARS}, or has a malformed quote.
   */
  push(text: string, last: boolean): { rows: string[][]; firstRow: number } {
    const input = this.carry + text;
    const result = this.parser.parse(input, 0, !last) as Papa.ParseResult<string[]>;
    const rows = result.data;
    const firstRow = this.nextRow;
    for (const e of result.errors) {
      const row = firstRow + (e.row ?? 0);
      if (e.code === 'MissingQuotes') throw new CsvStructureError('fatal-unclosed-quote', row);
      if (e.code === 'InvalidQuotes') throw new CsvStructureError('fatal-bad-quote', row);
    }
    this.carry = last ? '' : input.slice(result.meta.cursor);
    if (this.carry.length > MAX_FIELD_CHARS)
      throw new CsvStructureError('fatal-field-too-long', this.nextRow + rows.length);
    this.nextRow += rows.length;
    return { rows, firstRow };
  }
}

/** Line breaks outside quoted fields in `text`: a CRLF counts once. */
export function countRowBreaks(text: string): number {
  let inQuotes = false;
  let breaks = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10))) breaks++;
  }
  return breaks;
}

/** True for a row with no content: an empty line, or only empty cells. */
export function isBlankRow(cells: readonly string[]): boolean {
  // A row that starts with a visible ASCII character is not blank: no trim then.
  const first = cells.length ? cells[0].charCodeAt(0) : 0;
  if (first > 32 && first < 127) return false;
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/**
 * Cleans a header row: trims each name, names empty ones `column_N` and
 * repeated ones `name_2`, and says so in warnings. Names are labels only.
 */
export function cleanHeaders(raw: readonly string[]): { headers: string[]; warnings: Notice[] } {
  const warnings: Notice[] = [];
  const seen = new Set<string>();
  // The next suffix to try per repeated name, so that 16,384 equal headers take linear time.
  const nextSuffix = new Map<string, number>();
  const headers = raw.map((h, i) => {
    let name = h.replace(/^\uFEFF/, '').trim();
    if (name === '') {
      name = `column_${i + 1}`;
      warnings.push(notice('unnamed-column', { n: i + 1, name }));
    }
    if (seen.has(name)) {
      let n = nextSuffix.get(name) ?? 2;
      while (seen.has(`${name}_${n}`)) n++;
      nextSuffix.set(name, n + 1);
      warnings.push(
        notice('repeated-header', { name: cut(name), n: i + 1, renamed: cut(`${name}_${n}`) }),
      );
      name = `${name}_${n}`;
    }
    seen.add(name);
    return name;
  });
  return { headers, warnings };
}
