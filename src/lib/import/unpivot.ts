// Wide tables: one column per period, as reports are often laid out (厂名, 产品, 1956年7月,
// 1956年8月, …). Unpivoting turns each period column into rows of its own, one lot per
// factory × product × period, so that the rest of the import reads them as any long table.

import { fieldForHeader } from '../schema/fields';
import { cleanHeaders, isBlankRow } from './parse';
import { fatal, type CsvReader, type RowBatch } from './reader';
import { parsePeriod } from './values';
import { cut, notice } from '../i18n/notice';

/** The fields a wide table's cells can be: a count or a rate of a lot. */
const MEASURES = new Set(['inspected', 'defective', 'defect_rate']);

/** The most data rows an unpivot holds in memory: wide tables are reports, not logs. */
export const MAX_UNPIVOT_ROWS = 200_000;

/** Rows handed on per batch. */
const BATCH_ROWS = 5000;

/** A column whose header is a period (`1956年7月`), or a period and a measure (`1956年7月次品数`). */
export interface PeriodColumn {
  index: number;
  period: string;
  /** The measure the header names after its period, as written (`次品数`), or null. */
  measure: string | null;
}

const measureOf = (text: string): string | undefined => {
  const f = fieldForHeader('production', text);
  return f && MEASURES.has(f) ? f : undefined;
};

/** The columns of `headers` that are periods, in order. */
export function periodColumns(headers: readonly string[]): PeriodColumn[] {
  const out: PeriodColumn[] = [];
  headers.forEach((h, index) => {
    const text = h.trim();
    if (text.length > 40) return;
    if (parsePeriod(text).ok) return void out.push({ index, period: text, measure: null });
    // A period, then a measure: 1956年7月次品数, 1956-07 inspected, 1956-07_defective.
    for (let k = text.length - 1; k >= 4; k--) {
      const period = text.slice(0, k).replace(/[\s\-_/:：()（）]+$/, '');
      const measure = text.slice(k).replace(/^[\s\-_/:：()（）]+/, '');
      if (measure && measureOf(measure) && parsePeriod(period).ok)
        return void out.push({ index, period, measure });
    }
  });
  return out;
}

/** What a file's headers say about being wide: its period columns, when two or more. */
export function wideColumns(headers: readonly string[]): PeriodColumn[] | null {
  const cols = periodColumns(headers);
  return cols.length >= 2 ? cols : null;
}

/**
 * The headers the unpivot adds, in the language of the file's own headers: names every kind
 * reads as the period (期间, period), and for cells of one unnamed measure, a name none reads.
 */
const addedHeaders = (headers: readonly string[]) =>
  headers.some((h) => /[\u3400-\u9fff]/.test(h))
    ? { period: '期间', value: '数值' }
    : { period: 'period', value: 'value' };

/**
 * A reader over the unpivoted table. Its columns are the file's other columns, `期间` (or
 * `period`, for a file with English headers), and
 * one column per measure: those the headers name after their periods, or those a measure
 * column's cells name (`指标`: 检验数, 次品数 on rows of their own, grouped by the other cells),
 * or a single `数值` (`value`) when the cells are one unnamed measure. A period with every measure blank
 * is no lot. Each row keeps the number of its (first) line in the file.
 */
export async function unpivotReader(reader: CsvReader, cols: PeriodColumn[]): Promise<CsvReader> {
  const source: { cells: string[]; row: number }[] = [];
  for await (const b of reader.batches())
    for (let i = 0; i < b.rows.length; i++) {
      if (isBlankRow(b.rows[i])) continue;
      if (source.length >= MAX_UNPIVOT_ROWS)
        throw fatal(notice('fatal-unpivot-too-large', { max: MAX_UNPIVOT_ROWS }), b.firstRow + i);
      source.push({ cells: b.rows[i], row: b.firstRow + i });
    }
  const { headers } = reader;
  const added = addedHeaders(headers);
  const inPeriods = new Set(cols.map((c) => c.index));
  const others = headers.map((_, i) => i).filter((i) => !inPeriods.has(i));
  const headerMeasures = cols.some((c) => c.measure !== null);
  // A measure column: one whose cells nearly all name a measure.
  const measureColumn = headerMeasures
    ? -1
    : (others.find((c) => {
        const named = source.filter((s) => measureOf(s.cells[c] ?? '')).length;
        return source.length > 0 && named >= source.length * 0.8;
      }) ?? -1);
  const ids = others.filter((c) => c !== measureColumn);
  const periods = [...new Set(cols.map((c) => c.period))];
  const measures: string[] = headerMeasures
    ? [...new Set(cols.map((c) => c.measure ?? ''))]
    : measureColumn >= 0
      ? [...new Set(source.map((s) => (s.cells[measureColumn] ?? '').trim()))]
      : [added.value];
  // The source column of each period × measure.
  const columnOf = new Map<string, number>();
  for (const c of cols) columnOf.set(`${c.period}\u0001${c.measure ?? ''}`, c.index);

  // Rows that share their other cells (one per measure) make one lot per period.
  const groups = new Map<
    string,
    { row: number; ids: string[]; byMeasure: Map<string, string[]> }
  >();
  for (const s of source) {
    const idCells = ids.map((c) => s.cells[c] ?? '');
    const key = measureColumn >= 0 ? idCells.join('\u0001') : `${s.row}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { row: s.row, ids: idCells, byMeasure: new Map() }));
    g.byMeasure.set(measureColumn >= 0 ? (s.cells[measureColumn] ?? '').trim() : '', s.cells);
  }
  const rows: string[][] = [];
  const rowNumbers: number[] = [];
  for (const g of groups.values())
    for (const period of periods) {
      const values = measures.map((m) => {
        const cells = measureColumn >= 0 ? g.byMeasure.get(m) : g.byMeasure.get('');
        const key = `${period}\u0001${headerMeasures ? m : ''}`;
        const c = columnOf.get(key);
        return c === undefined ? '' : (cells?.[c] ?? '');
      });
      if (values.every((v) => v.trim() === '')) continue;
      rows.push([...g.ids, period, ...values]);
      rowNumbers.push(g.row);
    }

  const named = cleanHeaders([...ids.map((i) => headers[i]), added.period, ...measures]);
  const warnings = [
    ...reader.warnings,
    ...named.warnings,
    notice('unpivoted', {
      n: cols.length,
      first: cut(headers[cols[0].index]),
      last: cut(headers[cols[cols.length - 1].index]),
      rows: rows.length,
    }),
  ];
  async function* batches(): AsyncGenerator<RowBatch> {
    for (let at = 0; at < rows.length; at += BATCH_ROWS)
      yield {
        rows: rows.slice(at, at + BATCH_ROWS),
        firstRow: rowNumbers[at],
        rowNumbers: rowNumbers.slice(at, at + BATCH_ROWS),
        bytesRead: reader.size,
      };
  }
  return { ...reader, headers: named.headers, warnings, batches, encoding: reader.encoding };
}
