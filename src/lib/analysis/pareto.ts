import type { DefectRollupChunk } from '../db/database';

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
 * cumulative share. Zero counts are dropped; an empty or all-zero input gives [].
 * Throws a TypeError for a negative or non-finite count.
 */
export function pareto(items: Iterable<{ label: string; count: number }>): ParetoBar[] {
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
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
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
  const factories = f.factories?.length ? new Set(f.factories) : null;
  const products = f.products?.length ? new Set(f.products) : null;
  const totals = new Map<string, number>();
  for (const c of chunks) {
    const fOk = c.factory.dict.map((v) => !factories || factories.has(v));
    const pOk = c.product.dict.map((v) => !products || products.has(v));
    const mOk = c.month.dict.map((m) => m !== '' && !(f.from && m < f.from) && !(f.to && m > f.to));
    // Sums per dictionary code in an array, then per type name once per chunk.
    const byCode = new Float64Array(c.defectType.dict.length);
    for (let i = 0; i < c.count; i++) {
      if (!fOk[c.factory.codes[i]] || !pOk[c.product.codes[i]] || !mOk[c.month.codes[i]]) continue;
      byCode[c.defectType.codes[i]] += c.defective[i];
    }
    byCode.forEach((sum, code) => {
      if (sum > 0)
        totals.set(c.defectType.dict[code], (totals.get(c.defectType.dict[code]) ?? 0) + sum);
    });
  }
  return [...totals].map(([label, count]) => ({ label, count }));
}
