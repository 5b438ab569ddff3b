import { FIELDS, type FieldDef } from '../schema/fields';
import type { ColumnMapping } from '../schema/mapping';
import type { AnyRecord, RecordKind } from '../schema/types';
import type { RowError } from './types';
import { isMissing, parseCount, parsePeriod, type ValueProblem } from './values';

/** What one row turned into: a record, or the errors that kept it out. */
export type RowResult =
  { record: AnyRecord; errors?: undefined } | { record?: undefined; errors: RowError[] };

const quote = (s: string) => `“${s.length > 60 ? s.slice(0, 57) + '…' : s}”`;

function problemSentence(problem: ValueProblem, cell: string, hint?: string): string {
  switch (problem) {
    case 'not-a-number':
      return `${quote(cell)} is not a number.`;
    case 'not-whole':
      return `${quote(cell)} is not a whole number.`;
    case 'negative':
      return `${quote(cell)} is negative; counts cannot be.`;
    case 'bad-date':
      return `${quote(cell)} is not a date Loom reads; write it as 1956-08-26, 1956-08 or 1956-Q3.`;
    case 'impossible-date':
      return `${quote(cell)} is not a real date.`;
    case 'ambiguous-date':
      return `${quote(cell)} could be either ${hint}; write it as YYYY-MM-DD.`;
  }
}

/**
 * Makes a row validator for one file of `kind`. It is stateful only to catch a
 * factory_id repeated within a factories file. Rows are arrays of cells; it
 * never mutates them.
 */
export function createValidator(
  kind: RecordKind,
  headers: readonly string[],
  mapping: ColumnMapping,
) {
  const defs: { def: FieldDef; index: number; header: string }[] = FIELDS[kind]
    .map((def) => ({ def, index: mapping.get(def.name) ?? -1, header: '' }))
    .filter((f) => f.index >= 0)
    .map((f) => ({ ...f, header: headers[f.index] }));
  const width = headers.length;
  const seenIds = kind === 'factories' ? new Map<string, number>() : null;

  return function validate(cells: readonly string[], row: number): RowResult {
    if (cells.length !== width) {
      const extraEmpty = cells.length > width && cells.slice(width).every((c) => c.trim() === '');
      if (!extraEmpty) {
        return {
          errors: [
            {
              row,
              column: null,
              code: 'field-count',
              message: `This row has ${cells.length} fields; the header has ${width}.`,
            },
          ],
        };
      }
    }
    const record: Record<string, string | number> = {};
    let errors: RowError[] | undefined;
    const fail = (column: string, code: string, message: string) => {
      (errors ??= []).push({ row, column, code, message });
    };
    for (const { def, index, header } of defs) {
      const cell = cells[index];
      if (isMissing(cell)) {
        if (def.required)
          fail(header, 'missing', `${quote(def.name)} is empty; every row needs one.`);
        continue;
      }
      switch (def.type) {
        case 'text':
          record[def.name] = cell.trim();
          break;
        case 'count': {
          const n = parseCount(cell);
          if (n.ok) record[def.name] = n.value;
          else fail(header, n.problem, problemSentence(n.problem, cell, n.hint));
          break;
        }
        case 'period':
        case 'date': {
          const p = parsePeriod(cell);
          if (!p.ok) fail(header, p.problem, problemSentence(p.problem, cell, p.hint));
          else if (def.type === 'date') record[def.name] = p.value.start;
          else {
            record.period = p.value.label;
            record.periodStart = p.value.start;
            record.grain = p.value.grain;
          }
          break;
        }
      }
    }
    if (kind === 'production' && typeof record.inspected === 'number') {
      const header = headers[mapping.get('inspected')!];
      if (record.inspected < 1)
        fail(header, 'out-of-range', `Inspected must be at least 1; it is ${record.inspected}.`);
      else if (typeof record.defective === 'number' && record.defective > record.inspected)
        fail(
          headers[mapping.get('defective')!],
          'defective-exceeds-inspected',
          `Defective (${record.defective}) is more than inspected (${record.inspected}).`,
        );
    }
    if (
      kind === 'exchanges' &&
      record.source_factory !== undefined &&
      record.source_factory === record.target_factory
    )
      fail(
        headers[mapping.get('target_factory')!],
        'self-exchange',
        `A factory cannot learn from itself (${quote(String(record.source_factory))}).`,
      );
    if (seenIds && typeof record.factory_id === 'string' && !errors) {
      const first = seenIds.get(record.factory_id);
      if (first !== undefined)
        fail(
          headers[mapping.get('factory_id')!],
          'duplicate-id',
          `${quote(record.factory_id)} is already used by row ${first}.`,
        );
      else seenIds.set(record.factory_id, row);
    }
    return errors ? { errors } : { record: record as unknown as AnyRecord };
  };
}
