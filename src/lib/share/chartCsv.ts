import type { RateSeries } from '../analysis/defectRate';
import type { ParetoBar } from '../analysis/pareto';
import { csvLine } from '../csv';

/** Lines of a CSV of exactly what a trend chart plots: one row per series and period. */
export function trendCsv(
  series: readonly RateSeries[],
  label: (key: string) => string,
  by: string,
): string[] {
  const lines = [
    csvLine([by, 'period', 'inspected', 'defective', 'rate', 'ci95_low', 'ci95_high']),
  ];
  for (const s of series)
    for (const p of s.points)
      lines.push(csvLine([label(s.key), p.period, p.inspected, p.defective, p.rate, p.lo, p.hi]));
  return lines;
}

/** Lines of a CSV of a Pareto chart's bars. */
export function paretoCsv(bars: readonly ParetoBar[]): string[] {
  return [
    csvLine(['defect_type', 'defective', 'share', 'cumulative']),
    ...bars.map((b) => csvLine([b.label, b.count, b.share, b.cumulative])),
  ];
}
