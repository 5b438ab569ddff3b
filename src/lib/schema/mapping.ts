import { FIELDS, fieldForHeader, type FieldDef } from './fields';
import type { RecordKind } from './types';

/**
 * Which column feeds each field: field name -> 0-based column index, or -1 when
 * no column does. A Map, so that a header such as `__proto__` is only ever a label.
 */
export type ColumnMapping = Map<string, number>;

/** The mapping Loom guesses from the headers: first header matching each field wins. */
export function guessMapping(kind: RecordKind, headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = new Map(FIELDS[kind].map((f) => [f.name, -1]));
  headers.forEach((h, i) => {
    const name = fieldForHeader(kind, h);
    if (name !== undefined && mapping.get(name) === -1) mapping.set(name, i);
  });
  return mapping;
}

const mapped = (mapping: ColumnMapping, name: string | undefined) =>
  name !== undefined && (mapping.get(name) ?? -1) >= 0;

/** True when a field is fed: by its own column, or by the one it can be derived from. */
const fed = (mapping: ColumnMapping, f: FieldDef) =>
  mapped(mapping, f.name) || mapped(mapping, f.derivedFrom);

/** Required fields of `kind` that `mapping` leaves without a column (or one to derive from). */
export function missingRequired(kind: RecordKind, mapping: ColumnMapping): string[] {
  return FIELDS[kind].filter((f) => f.required && !fed(mapping, f)).map((f) => f.name);
}

/** The required fields `mapping` derives instead of reading: their column is absent. */
export function derivedFields(kind: RecordKind, mapping: ColumnMapping): FieldDef[] {
  return FIELDS[kind].filter(
    (f) => f.required && !mapped(mapping, f.name) && mapped(mapping, f.derivedFrom),
  );
}

/**
 * Builds a mapping from a user's choice of header per field (field -> header
 * text, as in `analyzeCsv`'s `mapping` option), falling back to the guess for
 * fields the user did not name. An empty string unmaps a field.
 */
export function resolveMapping(
  kind: RecordKind,
  headers: readonly string[],
  chosen?: Readonly<Record<string, string>>,
): ColumnMapping {
  const mapping = guessMapping(kind, headers);
  if (!chosen) return mapping;
  for (const f of FIELDS[kind]) {
    if (!Object.prototype.hasOwnProperty.call(chosen, f.name)) continue;
    const header = chosen[f.name];
    mapping.set(f.name, header === '' ? -1 : headers.indexOf(header));
  }
  return mapping;
}

/** A mapping as a plain field -> header object (null where unmapped), for reports and the UI. */
export function mappingToHeaders(
  mapping: ColumnMapping,
  headers: readonly string[],
): Record<string, string | null> {
  const out: Record<string, string | null> = Object.create(null);
  for (const [name, index] of mapping) out[name] = index >= 0 ? headers[index] : null;
  return out;
}

/**
 * How much a row looks like a header: the most fields of any one kind its cells name (each
 * field once). A title row names none; a data row rarely more than one by accident.
 */
export function headerMatches(cells: readonly string[]): number {
  let best = 0;
  for (const kind of Object.keys(FIELDS) as RecordKind[]) {
    const named = new Set<string>();
    for (const c of cells) {
      const f = c.length <= 60 ? fieldForHeader(kind, c) : undefined;
      if (f) named.add(f);
    }
    best = Math.max(best, named.size);
  }
  return best;
}

/**
 * The header among a file's first rows: the first row naming the most fields
 * ({@link headerMatches}), if it names at least two and more than the first non-blank row
 * does; else that first non-blank row. -1 when every row is blank.
 */
export function findHeaderRow(rows: readonly (readonly string[])[]): number {
  const blank = (r: readonly string[]) => r.every((c) => c.trim() === '');
  const first = rows.findIndex((r) => !blank(r));
  if (first < 0) return -1;
  let best = first;
  let bestScore = headerMatches(rows[first]);
  for (let i = first + 1; i < rows.length; i++) {
    const score = headerMatches(rows[i]);
    if (score > bestScore && score >= 2) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/**
 * The kind whose required fields the headers cover best: the kind with most
 * required fields matched, ties broken by all matched fields. Null when no kind
 * matches at least two required fields.
 */
export function detectKind(headers: readonly string[]): RecordKind | null {
  let best: RecordKind | null = null;
  let bestScore = -1;
  for (const kind of Object.keys(FIELDS) as RecordKind[]) {
    const mapping = guessMapping(kind, headers);
    const required = FIELDS[kind].filter((f) => f.required);
    const hitRequired = required.filter((f) => fed(mapping, f)).length;
    const hitAll = FIELDS[kind].filter((f) => mapping.get(f.name)! >= 0).length;
    if (hitRequired < 2) continue;
    // Share of required fields first (a complete match wins), then raw counts.
    const score = (hitRequired / required.length) * 1000 + hitRequired * 10 + hitAll;
    if (score > bestScore) {
      bestScore = score;
      best = kind;
    }
  }
  return best;
}
