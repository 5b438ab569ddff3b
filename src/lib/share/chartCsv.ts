import type { RatePoint, RateSeries } from '../analysis/defectRate';
import type { ParetoBar } from '../analysis/pareto';
import type { PChartPoint, PChartStage } from '../analysis/stats';
import { csvLine } from './csv';

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

/** Lines of a CSV of a p-chart: each period's rate, its limits, its stage's centre, and whether it is out of control. */
export function controlCsv(
  points: readonly RatePoint[],
  chart: { stages: readonly PChartStage[]; points: readonly PChartPoint[] },
): string[] {
  const lines = [
    csvLine(['period', 'inspected', 'defective', 'rate', 'center', 'lcl', 'ucl', 'out_of_control']),
  ];
  for (const st of chart.stages)
    for (let i = st.from; i <= st.to; i++) {
      const p = points[i];
      const c = chart.points[i];
      lines.push(
        csvLine([
          p.period,
          p.inspected,
          p.defective,
          c.rate,
          st.center,
          c.lcl,
          c.ucl,
          c.outOfControl ? 'yes' : 'no',
        ]),
      );
    }
  return lines;
}

/** Lines of a CSV of a Pareto chart's bars. */
export function paretoCsv(bars: readonly ParetoBar[]): string[] {
  return [
    csvLine(['defect_type', 'defective', 'share', 'cumulative']),
    ...bars.map((b) => csvLine([b.label, b.count, b.share, b.cumulative])),
  ];
}
