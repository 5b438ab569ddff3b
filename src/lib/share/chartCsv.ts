import type { RateSeries } from '../analysis/defectRate';
import type { ParetoBar } from '../analysis/pareto';
import { dayTime, type Adopter, type FactoryMetrics, type GraphEdge } from '../analysis/network';
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

/**
 * Lines of a CSV of the network's factories as shown: name, industry, whether it had adopted
 * by the date shown (`at`, epoch ms), its degrees, its reach forward in time and static reach
 * (each labelled as such), PageRank, betweenness and community, and its place in the layout.
 */
export function networkNodesCsv(
  metrics: readonly FactoryMetrics[],
  label: (id: string) => string,
  industry: (id: string) => string,
  adoptedAt: ReadonlyMap<string, number>,
  at: number,
  place: (id: string) => [number, number] | null,
): string[] {
  return [
    csvLine([
      'factory_id',
      'name',
      'industry',
      'adopted_by_date_shown',
      'first_adoption',
      'learned_from',
      'taught',
      'reach_forward_in_time',
      'static_reach',
      'pagerank',
      'betweenness',
      'community',
      'x',
      'y',
    ]),
    ...metrics.map((m) => {
      const xy = place(m.factory_id);
      return csvLine([
        m.factory_id,
        label(m.factory_id),
        industry(m.factory_id),
        (adoptedAt.get(m.factory_id) ?? Infinity) <= at ? 'yes' : 'no',
        m.firstAdoption ?? '',
        m.inDegree,
        m.outDegree,
        m.reach,
        m.staticReach,
        m.pagerank,
        m.betweenness,
        m.community + 1,
        xy ? Math.round(xy[0]) : '',
        xy ? Math.round(xy[1]) : '',
      ]);
    }),
  ];
}

/** Lines of a CSV of the network's links as shown by `at`: who taught whom, how often, first when, what. */
export function networkEdgesCsv(
  edges: readonly GraphEdge[],
  label: (id: string) => string,
  words: { topic: (t: string) => string; experience: (e: string) => string },
  at: number,
): string[] {
  return [
    csvLine(['source', 'target', 'exchanges', 'first', 'topic', 'experiences']),
    ...edges
      .filter((e) => dayTime(e.first) <= at)
      .map((e) =>
        csvLine([
          label(e.source),
          label(e.target),
          e.count,
          e.first,
          e.topic ? words.topic(e.topic) : '',
          e.experiences.map(words.experience).join('; '),
        ]),
      ),
  ];
}

/** Lines of a CSV of the adoption curve: each day a factory adopted, and how many had by then. */
export function adoptionCurveCsv(steps: readonly [string, number][]): string[] {
  return [csvLine(['date', 'adopters']), ...steps.map(([day, n]) => csvLine([day, n]))];
}

/** Lines of a CSV of a diffusion tree: each adopter, its teacher, its generation and date. */
export function diffusionTreeCsv(
  tree: readonly Adopter[],
  label: (id: string) => string,
): string[] {
  return [
    csvLine(['factory', 'learned_from', 'generation', 'date']),
    ...tree.map((a) =>
      csvLine([label(a.factory_id), a.parent ? label(a.parent) : '', a.generation, a.day]),
    ),
  ];
}
