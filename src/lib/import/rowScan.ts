// The per-row part of a scan: blank rows, the preview, totals rows (by label or by sum),
// validation, the limits of one file, and the tally of errors and rejected rows. One batch of
// rows at a time, writing into the scan's result; the scan around it reads the file.

import { csvLine } from '../csv';
import type { AnyRecord, ProductionRecord, RecordKind } from '../schema/types';
import { isBlankRow } from './parse';
import type { ScanResult } from './scan';
import { RunningSums, totalsLabels, type TotalsMatch } from './totals';
import type { RowError } from './types';
import type { FileLimits, createValidator } from './validate';

/** Rows kept for the preview table. */
export const PREVIEW_ROWS = 20;
/** Totals rows kept by row (all are counted). */
const TOTALS_KEPT = 1000;

/** What the rows of a file are read with, once its kind and mapping are known. */
export interface RowScanConfig {
  kind: RecordKind | null;
  headers: readonly string[];
  /** The column whose cell names a totals row (the factory's), besides the first. */
  factoryColumn: number;
  keepTotals: boolean;
  maxErrors: number;
  maxRejected: number;
  limits: FileLimits | null;
}

/** The tally a {@link RowScanner} keeps: the part of a scan's result that rows make. */
export type RowTally = Pick<
  ScanResult,
  | 'rows'
  | 'rejected'
  | 'errors'
  | 'errorCount'
  | 'totals'
  | 'totalsCount'
  | 'preview'
  | 'previewRows'
  | 'rejectedCsv'
>;

/** Reads batches of rows into records, counting what it leaves out and why. */
export class RowScanner {
  /** Set once the first batch has shown how the file writes its values; until then rows are only counted. */
  validate: ReturnType<typeof createValidator> | null = null;
  /** Rows with the wrong number of fields: many of them mean the structure is broken. */
  fieldCountErrors = 0;
  private readonly sums: RunningSums | null;
  private readonly labelOf = totalsLabels();

  constructor(
    private readonly tally: RowTally,
    private readonly config: RowScanConfig,
  ) {
    this.sums = config.kind === 'production' ? new RunningSums() : null;
  }

  /**
   * Reads one batch (row `firstRow` first, or each its own number from `rowNumbers`): the
   * records of its valid rows with their row numbers, or the fatal error of a row that passes
   * a limit of one file.
   */
  batch(
    rows: readonly string[][],
    firstRow: number,
    rowNumbers?: readonly number[],
  ): { records: AnyRecord[]; rows: number[] } | RowError {
    const t = this.tally;
    const { factoryColumn, limits } = this.config;
    const validate = this.validate;
    const records: AnyRecord[] = [];
    const numbers: number[] = [];
    for (let i = 0; i < rows.length; i++) {
      const cells = rows[i];
      if (isBlankRow(cells)) continue;
      t.rows++;
      const row = rowNumbers?.[i] ?? firstRow + i;
      if (t.preview.length < PREVIEW_ROWS) {
        t.preview.push(cells);
        t.previewRows.push(row);
      }
      if (!validate) continue;
      // A totals row by its label is left out before it is read as a lot: its period is
      // often a quarter or blank, and it would only be a row error or a double count.
      const label =
        this.labelOf(cells[factoryColumn]) ?? (factoryColumn ? this.labelOf(cells[0]) : null);
      if (label) {
        this.sums?.restart();
        if (this.foundTotal(row, { by: 'label', label })) continue;
      }
      const out = validate(cells, row);
      if (out.record) {
        if (this.sums && !label) {
          const r = out.record as ProductionRecord;
          const match = this.sums.check(row, r.inspected, r.defective);
          if (match && this.foundTotal(row, match)) continue;
        }
        const passed = limits?.check(out.record as ProductionRecord, row);
        if (passed) return passed;
        records.push(out.record);
        numbers.push(row);
        continue;
      }
      this.reject(out.errors, row, cells);
    }
    return { records, rows: numbers };
  }

  /** Counts a totals row; true when it is to be left out. */
  private foundTotal(row: number, match: TotalsMatch): boolean {
    const t = this.tally;
    if (t.totals.length < TOTALS_KEPT) t.totals.push({ row, match });
    t.totalsCount++;
    return !this.config.keepTotals;
  }

  /** Counts a rejected row, its errors, and its line of the error report. */
  private reject(errors: readonly RowError[], row: number, cells: readonly string[]) {
    const t = this.tally;
    const { maxErrors, maxRejected, headers } = this.config;
    t.rejected++;
    for (const err of errors) {
      t.errorCount++;
      if (err.code === 'field-count') this.fieldCountErrors++;
      if (t.errors.length < maxErrors) t.errors.push(err);
    }
    if (t.rejectedCsv.length <= maxRejected) {
      if (t.rejectedCsv.length === 0)
        t.rejectedCsv.push(csvLine(['row', 'column', 'error', ...headers]));
      const why = errors.map((e) => e.message).join(' ');
      t.rejectedCsv.push(csvLine([row, errors[0].column, why, ...cells]));
    }
  }
}
