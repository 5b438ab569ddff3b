/**
 * Escapes one cell for CSV: quotes it when it holds the delimiter, a quote or
 * a line break, and defuses spreadsheet formulas by prefixing `'` to a cell
 * that starts with `=`, `+`, `-`, `@`, tab, CR or LF (OWASP's CSV injection advice).
 * Numbers are written as they are, so that negative numbers stay numbers.
 */
export function csvCell(
  value: string | number | null | undefined,
  delimiter = ',',
  defuse = true,
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let s = value;
  if (defuse && /^[=+\-@\t\r\n]/.test(s)) s = `'${s}`;
  if (s.includes(delimiter) || /["\r\n]/.test(s)) s = `"${s.replace(/"/g, '""')}"`;
  return s;
}

/**
 * One CSV line (no line ending) from cells; see {@link csvCell}. `defuse: false` keeps cells
 * exactly as they are, for CSV that Loom itself reads back (a bundle), not a spreadsheet.
 */
export function csvLine(
  cells: readonly (string | number | null | undefined)[],
  delimiter = ',',
  defuse = true,
): string {
  return cells.map((c) => csvCell(c, delimiter, defuse)).join(delimiter);
}

/** A UTF-8 CSV document with a BOM (so Excel reads Chinese correctly) and CRLF line endings. */
export function csvDocument(lines: readonly string[]): string {
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
