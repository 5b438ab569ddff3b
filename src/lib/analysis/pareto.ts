import type { DefectRollupChunk, RollupCells, RollupChunk } from '../schema/rollups';
import { periodWithin } from './periods';

/** One bar of a Pareto chart. */
export interface ParetoBar {
  label: string;
  count: number;
  /** This bar's share of the total, in [0, 1]. */
  share: number;
  /** Share of this bar and every bar before it, in [0, 1]; the last is 1. */
  cumulative: number;
}

/**
 * Pareto bars: counts summed per label, sorted from largest to smallest (ties
 * by label, so the order is stable), with each bar's share and the running
 * cumulative share. Zero counts are dropped; an empty or all-zero input gives []. A bar
 * labelled `options.last` (such as "no type given") stands last whatever its count.
 * Throws a TypeError for a negative or non-finite count.
 */
export function pareto(
  items: Iterable<{ label: string; count: number }>,
  options: { last?: string } = {},
): ParetoBar[] {
  const totals = new Map<string, number>();
  for (const { label, count } of items) {
    if (!Number.isFinite(count) || count < 0)
      throw new TypeError(
        `Pareto counts must be finite and >= 0; got ${count} for ${JSON.stringify(label)}`,
      );
    totals.set(label, (totals.get(label) ?? 0) + count);
  }
  const bars = [...totals]
    .filter(([, c]) => c > 0)
    .sort(
      (a, b) =>
        Number(a[0] === options.last) - Number(b[0] === options.last) ||
        b[1] - a[1] ||
        a[0].localeCompare(b[0]),
    );
  const total = bars.reduce((s, [, c]) => s + c, 0);
  let running = 0;
  return bars.map(([label, count], i) => {
    running += count;
    return {
      label,
      count,
      share: count / total,
      cumulative: i === bars.length - 1 ? 1 : running / total,
    };
  });
}

/** Which rollup cells count: factories and products (empty = all) and a month range `YYYY-MM`, inclusive. */
export interface CellFilter {
  factories?: readonly string[];
  products?: readonly string[];
  from?: string;
  to?: string;
}

/**
 * Defective pieces per defect type over the defect rollups that pass the
 * filter, ready for {@link pareto}. Reads dictionary codes, not rows.
 */
export function defectsByType(
  chunks: readonly DefectRollupChunk[],
  f: CellFilter,
): { label: string; count: number }[] {
  const totals = new Map<string, number>();
  for (const c of chunks) {
    const ok = cellFilter(c, f);
    // Sums per dictionary code in an array, then per type name once per chunk.
    const byCode = new Float64Array(c.defectType.dict.length);
    for (let i = 0; i < c.count; i++) {
      if (ok(i)) byCode[c.defectType.codes[i]] += c.defective[i];
    }
    byCode.forEach((sum, code) => {
      // Lots with no type are not a type: their pieces count in defectiveTotal only.
      if (sum > 0 && c.defectType.dict[code] !== '')
        totals.set(c.defectType.dict[code], (totals.get(c.defectType.dict[code]) ?? 0) + sum);
    });
  }
  return [...totals].map(([label, count]) => ({ label, count }));
}

/** Whether each cell of a rollup chunk passes a filter, with the dictionaries looked up once. */
function cellFilter(c: RollupCells, f: CellFilter): (i: number) => boolean {
  const factories = f.factories?.length ? new Set(f.factories) : null;
  const products = f.products?.length ? new Set(f.products) : null;
  const fOk = c.factory.dict.map((v) => !factories || factories.has(v));
  const pOk = c.product.dict.map((v) => !products || products.has(v));
  // A quarter's or a year's lots count when the whole period lies in the range.
  const mOk = c.month.dict.map((m) => m !== '' && periodWithin(m, f.from, f.to));
  return (i) => fOk[c.factory.codes[i]] && pOk[c.product.codes[i]] && mOk[c.month.codes[i]];
}

/**
 * All defective pieces in the production rollups that pass the filter, typed or not: what a
 * Pareto's shares are measured against, so lots without a defect type are not lost.
 */
export function defectiveTotal(chunks: readonly RollupChunk[], f: CellFilter): number {
  let total = 0;
  for (const c of chunks) {
    const ok = cellFilter(c, f);
    for (let i = 0; i < c.count; i++) if (ok(i)) total += c.defective[i];
  }
  return total;
}

/**
 * Defective pieces of one defect type per rollup period (a month `YYYY-MM`, or the quarter or
 * year of coarser lots), over the defect rollups that pass the filter.
 */
export function defectsByMonth(
  chunks: readonly DefectRollupChunk[],
  f: CellFilter & { type: string },
): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of chunks) {
    const ok = cellFilter(c, f);
    const code = c.defectType.dict.indexOf(f.type);
    if (code < 0) continue;
    for (let i = 0; i < c.count; i++) {
      if (c.defectType.codes[i] !== code || !ok(i)) continue;
      const m = c.month.dict[c.month.codes[i]];
      out.set(m, (out.get(m) ?? 0) + c.defective[i]);
    }
  }
  return out;
}
