import { FIELDS, type FieldDef } from '../schema/fields';
import type { ColumnMapping } from '../schema/mapping';
import type { AnyRecord, ProductionRecord, RecordKind } from '../schema/types';
import type { RowError } from './types';
import { cut, notice, type Notice } from '../i18n/notice';
import {
  countFromRate,
  isMissing,
  isPercentHeader,
  parseCount,
  parsePeriod,
  parseRate,
  rateAgrees,
  serialDay,
  type Rate,
  type ValueProblem,
} from './values';
import { derivedFields } from '../schema/mapping';
import { trimInvisible } from '../text';
import { MAX_MONTHS_PER_FILE, MAX_PRODUCTS_PER_FILE } from '../schema/limits';

/** How a file writes its values. */
export interface ValueOptions {
  /** Counts are written `3.000` for three thousand (see {@link looksDecimalComma}). */
  decimalComma?: boolean;
  /** A whole number of five digits in a date column is an Excel serial day (a workbook's). */
  serialDates?: boolean;
}

/** `errors` with one more, at `row` and `column` (a new list when there was none). */
function failed(
  errors: RowError[] | undefined,
  row: number,
  column: string,
  problem: Notice,
): RowError[] {
  const out = errors ?? [];
  out.push({ row, column, ...problem });
  return out;
}

/** A cell's value problem, worded with the cell (and, for a date read two ways, both readings). */
const valueProblem = (cell: string, p: { problem: ValueProblem; readings?: string[] }) =>
  notice(p.problem, {
    cell: cut(cell),
    ...(p.readings ? { a: p.readings[0], b: p.readings[1] } : {}),
  });

/** What one row turned into: a record, or the errors that kept it out. */
export type RowResult =
  { record: AnyRecord; errors?: undefined } | { record?: undefined; errors: RowError[] };

/**
 * Makes a row validator for one file of `kind`. It is stateful only to catch a
 * factory_id repeated within a factories file. Rows are arrays of cells; it
 * never mutates them.
 */
export function createValidator(
  kind: RecordKind,
  headers: readonly string[],
  mapping: ColumnMapping,
  how: ValueOptions = {},
) {
  const { decimalComma = false, serialDates = false } = how;
  const defs: { def: FieldDef; index: number; header: string }[] = FIELDS[kind]
    .map((def) => ({ def, index: mapping.get(def.name) ?? -1, header: '' }))
    .filter((f) => f.index >= 0)
    .map((f) => ({ ...f, header: headers[f.index] }));
  const width = headers.length;
  // Defective pieces from the rate when the file has no count column; else the rate checks it.
  const deriveDefective =
    kind === 'production' && derivedFields(kind, mapping).some((f) => f.name === 'defective');
  const rateIndex = mapping.get('defect_rate') ?? -1;
  const percentColumn = rateIndex >= 0 && isPercentHeader(headers[rateIndex]);
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
              ...notice('field-count', { fields: cells.length, width }),
            },
          ],
        };
      }
    }
    const record: Record<string, string | number> = {};
    let errors: RowError[] | undefined;
    let rate: Rate | undefined;
    for (const { def, index, header } of defs) {
      const cell = cells[index];
      if (isMissing(cell)) {
        if (def.required || (deriveDefective && def.type === 'rate'))
          errors = failed(errors, row, header, notice('missing', { field: def.name }));
        continue;
      }
      switch (def.type) {
        case 'text':
          record[def.name] = trimInvisible(cell);
          break;
        case 'count': {
          const n = parseCount(cell, decimalComma);
          if (n.ok) record[def.name] = n.value;
          else errors = failed(errors, row, header, valueProblem(cell, n));
          break;
        }
        case 'rate': {
          const r = parseRate(cell, percentColumn, decimalComma);
          if (r.ok) rate = r.value;
          else errors = failed(errors, row, header, valueProblem(cell, r));
          break;
        }
        case 'period':
        case 'date': {
          const p = parsePeriod(serialDates ? (serialDay(cell) ?? cell) : cell);
          if (!p.ok) errors = failed(errors, row, header, valueProblem(cell, p));
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
      if (rate && record.inspected >= 1) {
        if (deriveDefective) record.defective = countFromRate(rate, record.inspected);
        else if (
          typeof record.defective === 'number' &&
          !rateAgrees(rate, record.inspected, record.defective)
        )
          errors = failed(
            errors,
            row,
            headers[rateIndex],
            notice('rate-disagrees', {
              rate: cut(cells[rateIndex]),
              defective: record.defective,
              inspected: record.inspected,
              actual: `${((100 * record.defective) / record.inspected).toFixed(2)}%`,
            }),
          );
      }
      if (record.inspected < 1)
        errors = failed(errors, row, header, notice('out-of-range', { value: record.inspected }));
      else if (typeof record.defective === 'number' && record.defective > record.inspected)
        errors = failed(
          errors,
          row,
          headers[mapping.get('defective')!],
          notice('defective-exceeds-inspected', {
            defective: record.defective,
            inspected: record.inspected,
          }),
        );
    }
    if (
      kind === 'exchanges' &&
      record.source_factory !== undefined &&
      record.source_factory === record.target_factory
    )
      errors = failed(
        errors,
        row,
        headers[mapping.get('target_factory')!],
        notice('self-exchange', { factory: cut(String(record.source_factory)) }),
      );
    if (seenIds && typeof record.factory_id === 'string' && !errors) {
      const first = seenIds.get(record.factory_id);
      if (first !== undefined)
        errors = failed(
          errors,
          row,
          headers[mapping.get('factory_id')!],
          notice('duplicate-id', { id: cut(record.factory_id), row: first }),
        );
      else seenIds.set(record.factory_id, row);
    }
    return errors ? { errors } : { record: record as unknown as AnyRecord };
  };
}

/**
 * Counts a production file's distinct products and months, for the limits of one file
 * (schema/limits.ts), and words the error of the row that passes one. Rows come grouped and a
 * file repeats few periods, so a value equal to the last one is not looked up again, and a
 * period start is cut to its month only when it changes.
 */
export class FileLimits {
  private readonly products = new Set<string>();
  /** Periods seen, as y·12 + m, offset for quarters and years (numbers hash far faster than fresh strings). */
  private readonly months = new Set<number>();
  private lastProduct = '';
  private lastStart = '';
  private lastGrain = '';

  constructor(
    private readonly headers: readonly string[],
    private readonly mapping: ColumnMapping,
  ) {}

  /** The fatal error of row `row` if its record passes a limit, else null. */
  check(record: ProductionRecord, row: number): RowError | null {
    const { product, periodStart } = record;
    if (product !== this.lastProduct) {
      this.lastProduct = product;
      this.products.add(product);
      if (this.products.size > MAX_PRODUCTS_PER_FILE)
        return {
          row,
          column: this.headers[this.mapping.get('product')!],
          ...notice('fatal-too-many-products', { max: MAX_PRODUCTS_PER_FILE }),
        };
    }
    const { grain } = record;
    if (periodStart !== this.lastStart || grain !== this.lastGrain) {
      this.lastStart = periodStart;
      this.lastGrain = grain;
      const s = periodStart;
      // `YYYY-MM-…` read digit by digit: no substring per row. A quarter's and a year's lots
      // keep periods of their own in the rollups, so they count apart from the month.
      this.months.add(
        (s.charCodeAt(0) * 1000 + s.charCodeAt(1) * 100 + s.charCodeAt(2) * 10 + s.charCodeAt(3)) *
          12 +
          (s.charCodeAt(5) * 10 + s.charCodeAt(6)) +
          (grain === 'quarter' ? 1e7 : grain === 'year' ? 2e7 : 0),
      );
      if (this.months.size > MAX_MONTHS_PER_FILE)
        return {
          row,
          column: this.headers[this.mapping.get('period')!],
          ...notice('fatal-too-many-months', { max: MAX_MONTHS_PER_FILE }),
        };
    }
    return null;
  }
}
