// Totals and subtotals in a report: rows that sum other rows, so that importing them would count
// every lot twice. Found by their label (合计, 小计, Total…) in the factory column or the first
// cell, or, for production, by counts that equal the sum of the rows above them.

import { toHalfWidth } from '../text';

/** Labels of a totals or subtotal row, compared without spaces, case or full-width forms. */
export const TOTAL_LABELS: readonly string[] = [
  '合计',
  '总计',
  '小计',
  '共计',
  '总合计',
  '累计',
  '全部合计',
  'total',
  'totals',
  'subtotal',
  'sub_total',
  'grandtotal',
  'sum',
];
const LABELS = new Set(TOTAL_LABELS);
// The characters a label can start with, so that most cells are passed over at one glance.
const FIRST = new Set(
  [...TOTAL_LABELS.map((l) => l[0]), ...TOTAL_LABELS.map((l) => l[0].toUpperCase())].flatMap(
    (c) => [c, String.fromCharCode(c.charCodeAt(0) + 0xfee0)], // and its full-width form
  ),
);

/**
 * The totals label a cell holds, as written (trimmed), or null. "合 计" (a full-width space), "Total:" and
 * "SUB-TOTAL" count; "Total Silk Works" does not.
 */
export function totalsLabel(cell: string | undefined): string | null {
  if (!cell || cell.length > 24) return null;
  const key = toHalfWidth(cell)
    .toLowerCase()
    .replace(/[\s:：()（）]+/g, '')
    .replace(/-/g, '_');
  return LABELS.has(key) || LABELS.has(key.replace(/_/g, '')) ? cell.trim() : null;
}

/**
 * {@link totalsLabel} for the cells of one file, remembered: a factory column repeats a few
 * names a million times, so each distinct cell is looked at once.
 */
export function totalsLabels(): (cell: string | undefined) => string | null {
  const seen = new Map<string, string | null>();
  return (cell) => {
    if (!cell) return null;
    const first = cell[0];
    if (!FIRST.has(first)) {
      // Visible ASCII is no space to trim: most cells end here.
      const c = cell.charCodeAt(0);
      if ((c > 32 && c < 127) || first.trim() !== '') return null;
    }
    let label = seen.get(cell);
    if (label === undefined) {
      label = totalsLabel(cell);
      // A column of all-different cells (ids, notes) would only fill the memory.
      if (seen.size < 100_000) seen.set(cell, label);
    }
    return label;
  };
}

/** Why a row was taken for a total. */
export type TotalsMatch =
  | { by: 'label'; label: string }
  /** Its counts are the sum of the rows `from`..`to` (1-based, inclusive) just above it. */
  | { by: 'sum'; from: number; to: number };

/**
 * Running sums of the rows read, to catch a totals row that has no label: one whose
 * inspected and defective both equal the sum of at least two rows above it, either since the
 * last total (a subtotal) or since the first row (a grand total).
 */
export class RunningSums {
  private run = { inspected: 0, defective: 0, rows: 0, from: 0 };
  private all = { inspected: 0, defective: 0, rows: 0, from: 0 };

  /** Whether a row with these counts is a total of the rows above; if not, adds it to the sums. */
  check(row: number, inspected: number, defective: number): TotalsMatch | null {
    for (const s of [this.run, this.all])
      if (s.rows >= 2 && s.inspected === inspected && s.defective === defective) {
        const match = { by: 'sum' as const, from: s.from, to: row - 1 };
        this.restart();
        return match;
      }
    for (const s of [this.run, this.all]) {
      if (s.rows === 0) s.from = row;
      s.inspected += inspected;
      s.defective += defective;
      s.rows++;
    }
    return null;
  }

  /** A total was found (by its label, say): the next subtotal sums only the rows after it. */
  restart(): void {
    this.run = { inspected: 0, defective: 0, rows: 0, from: 0 };
  }
}
