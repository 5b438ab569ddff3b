import { daysBetween } from '../calendar';
import type { ExchangeRecord } from '../schema/types';
import { adoptedOn, dayTime, firstAdoptions } from './adoptions';
import { centrality, communities, betweennessSample } from './centrality';
import { staticReach, temporalReach } from './reach';

/** Which exchanges count: an experience, a topic, factories' industries and a date window (absent = all). */
export interface ExchangeFilter {
  experience?: string;
  topic?: string;
  /** Keep an exchange when its source or target is in one of these industries. */
  industries?: readonly string[];
  /** First and last day `YYYY-MM-DD` (or a prefix such as `YYYY-MM`), inclusive, on the exchange date. */
  from?: string;
  to?: string;
}

export { adoptedOn, dayTime };
export { staticReach, temporalReach };
export { centrality, communities, type Centrality, type Communities } from './centrality';

/** The exchanges that pass the filter, in date order (stable for equal dates). */
export function filterExchanges<E extends ExchangeRecord>(
  exchanges: readonly E[],
  f: ExchangeFilter,
  industryOf: (factoryId: string) => string | undefined = () => undefined,
): E[] {
  const industries = f.industries?.length ? new Set(f.industries) : null;
  const to = f.to ? `${f.to}\uffff` : null; // a prefix such as 1956-08 includes its whole month
  return exchanges
    .filter(
      (e) =>
        (!f.experience || e.experience === f.experience) &&
        (!f.topic || e.topic === f.topic) &&
        (!industries ||
          industries.has(industryOf(e.source_factory) ?? '') ||
          industries.has(industryOf(e.target_factory) ?? '')) &&
        (!f.from || e.date >= f.from) &&
        (!to || e.date <= to),
    )
    .map((e, i) => [e, i] as const)
    .sort((a, b) => a[0].date.localeCompare(b[0].date) || a[1] - b[1])
    .map(([e]) => e);
}

/** A directed edge: every exchange from one factory to another, summed. */
export interface GraphEdge {
  source: string;
  target: string;
  /** How many exchanges. */
  count: number;
  /** The topic of the most exchanges (the earliest on a tie); '' when none has one. */
  topic: string;
  experiences: string[];
  /** The first exchange's date `YYYY-MM-DD`, when the edge appears in playback. */
  first: string;
}

/** Factory ids in the exchanges (sorted), and one edge per ordered pair, in order of first date. */
export function exchangeGraph(exchanges: readonly ExchangeRecord[]): {
  nodes: string[];
  edges: GraphEdge[];
} {
  const nodes = new Set<string>();
  const edges = new Map<string, GraphEdge & { topics: Map<string, number> }>();
  for (const e of exchanges) {
    nodes.add(e.source_factory).add(e.target_factory);
    const key = `${e.source_factory}\u0001${e.target_factory}`;
    let g = edges.get(key);
    if (!g)
      edges.set(
        key,
        (g = {
          source: e.source_factory,
          target: e.target_factory,
          count: 0,
          topic: '',
          experiences: [],
          first: e.date,
          topics: new Map(),
        }),
      );
    g.count++;
    if (e.date < g.first) g.first = e.date;
    if (!g.experiences.includes(e.experience)) g.experiences.push(e.experience);
    if (e.topic) g.topics.set(e.topic, (g.topics.get(e.topic) ?? 0) + 1);
  }
  const out = [...edges.values()].map(({ topics, ...edge }) => {
    let best = 0;
    for (const [t, n] of topics) if (n > best) [edge.topic, best] = [t, n];
    return edge;
  });
  return {
    nodes: [...nodes].sort(),
    edges: out.sort((a, b) => a.first.localeCompare(b.first)),
  };
}

/** What the network says about one factory. */
export interface FactoryMetrics {
  factory_id: string;
  /** Distinct factories it learned from. */
  inDegree: number;
  /** Distinct factories that learned from it. */
  outDegree: number;
  /**
   * Time-respecting reach: factories a chain of exchanges from it reaches, each exchange on or
   * after the adoption of the one before (see {@link temporalReach}); itself not counted.
   */
  reach: number;
  /** Time-respecting reach within each experience it took part in (it taught or learned it). */
  reachByExperience: Record<string, number>;
  /** Factories any chain of exchanges from it reaches, dates ignored (static reachability). */
  staticReach: number;
  /** PageRank on the graph of who learned from whom (see {@link centrality}). */
  pagerank: number;
  /** Normalised betweenness: how much learning between others passes through it. */
  betweenness: number;
  /** Its Louvain community (0 = the largest). */
  community: number;
  /** Its earliest adoption `YYYY-MM-DD`, or null if it adopted nothing. */
  firstAdoption: string | null;
  /** Days from the origin of the experience it adopted first to that adoption; null if none. */
  adoptionLagDays: number | null;
}

/** What the network says as a whole, beside its factories and experiences. */
export interface NetworkMetrics {
  factories: FactoryMetrics[];
  experiences: ExperienceMetrics[];
  /** How many Louvain communities, and the partition's modularity. */
  communities: { count: number; modularity: number };
  /** Sources betweenness was estimated from, or null when it is exact. */
  betweennessSources: number | null;
}

/**
 * Everything the network view measures, in one pass over the exchanges: per factory its
 * degrees, reach (time-respecting, per experience and overall, and static), centrality,
 * community and first adoption; per experience its cascade. The costs are those of the parts:
 * {@link temporalReach} and {@link staticReach} O(E·N/32), {@link centrality} O(N·E) up to its
 * budget, Louvain about O(E) a pass.
 */
export function networkMetrics(exchanges: readonly ExchangeRecord[]): NetworkMetrics {
  const { nodes, edges } = exchangeGraph(exchanges);
  const out = new Map<string, number>();
  const inDeg = new Map<string, number>();
  for (const e of edges) {
    if (e.source === e.target) continue;
    out.set(e.source, (out.get(e.source) ?? 0) + 1);
    inDeg.set(e.target, (inDeg.get(e.target) ?? 0) + 1);
  }
  const experiences = experienceMetrics(exchanges);
  const origins = new Map(experiences.map((m) => [m.experience, m]));
  const first = firstAdoptions(exchanges);
  const reach = temporalReach(exchanges);
  const reachStatic = staticReach(exchanges);
  const central = centrality(exchanges);
  const groups = communities(exchanges);
  const byExperience = new Map<string, Record<string, number>>();
  for (const [experience, list] of groupBy(exchanges, (e) => e.experience))
    for (const [id, n] of temporalReach(list))
      byExperience.set(id, { ...byExperience.get(id), [experience]: n });
  const factories = nodes.map((id) => {
    const f = first.get(id);
    const origin = f ? origins.get(f.experience) : undefined;
    return {
      factory_id: id,
      inDegree: inDeg.get(id) ?? 0,
      outDegree: out.get(id) ?? 0,
      reach: reach.get(id) ?? 0,
      reachByExperience: byExperience.get(id) ?? {},
      staticReach: reachStatic.get(id) ?? 0,
      pagerank: central.get(id)?.pagerank ?? 0,
      betweenness: central.get(id)?.betweenness ?? 0,
      community: groups.of.get(id) ?? 0,
      firstAdoption: f?.date ?? null,
      adoptionLagDays: f && origin ? daysBetween(dayTime(origin.originDate), f.time) : null,
    };
  });
  return {
    factories,
    experiences,
    communities: { count: groups.count, modularity: groups.modularity },
    betweennessSources: betweennessSample(nodes.length, edges.length),
  };
}

/** Per factory, what the network says of it (see {@link networkMetrics}). Sorted by id. */
export const factoryMetrics = (exchanges: readonly ExchangeRecord[]): FactoryMetrics[] =>
  networkMetrics(exchanges).factories;

function groupBy<T>(list: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const x of list) {
    const k = key(x);
    const g = out.get(k);
    if (g) g.push(x);
    else out.set(k, [x]);
  }
  return out;
}

/** One adopter of an experience in its diffusion tree. */
export interface Adopter {
  factory_id: string;
  /** From whom it learned first; null for the origin. */
  parent: string | null;
  /** 0 for the origin, 1 for those who learned from it, and so on. */
  generation: number;
  /** `YYYY-MM-DD`: adoption day, or for the origin the date of its first exchange. */
  day: string;
}

/** What the network says about one experience. */
export interface ExperienceMetrics {
  experience: string;
  /** The factory it spread from: the source of its earliest exchange. */
  origin: string;
  /** The date of that first exchange. */
  originDate: string;
  /** Factories that adopted it, the origin not counted. */
  adopters: number;
  /** The most generations between the origin and an adopter. */
  depth: number;
  /** Days from the origin date until half of the final adopters (rounded up) had adopted it. */
  daysToHalf: number | null;
  /**
   * Structural virality (Goel et al. 2016): the mean distance between two factories of its
   * diffusion tree, the origin included; null with no adopter. Near 1–2 when one source taught
   * everyone (a broadcast), larger the more it passed from factory to factory.
   */
  virality: number | null;
  /** The diffusion tree: the origin first, then the adopters by adoption day. */
  tree: Adopter[];
}

/**
 * Per experience: its origin, adopters, cascade depth and time to half its
 * adopters, with the diffusion tree (each adopter under the factory it first
 * learned from). Sorted by origin date, then name.
 */
export function experienceMetrics(exchanges: readonly ExchangeRecord[]): ExperienceMetrics[] {
  const out: ExperienceMetrics[] = [];
  for (const [experience, list] of groupBy(exchanges, (e) => e.experience)) {
    const sorted = [...list].sort(
      (a, b) => a.date.localeCompare(b.date) || a.source_factory.localeCompare(b.source_factory),
    );
    const origin = sorted[0].source_factory;
    const originDate = sorted[0].date;
    // Each adopter's first adoption, and who taught it.
    const firstBy = new Map<string, { day: string; parent: string }>();
    for (const e of sorted) {
      if (e.target_factory === origin) continue;
      const day = adoptedOn(e);
      const prev = firstBy.get(e.target_factory);
      if (!prev || day < prev.day) firstBy.set(e.target_factory, { day, parent: e.source_factory });
    }
    const adopters = [...firstBy]
      .map(([id, { day, parent }]) => ({ factory_id: id, parent, day }))
      .sort((a, b) => a.day.localeCompare(b.day) || a.factory_id.localeCompare(b.factory_id));
    // Generations are depths in the tree as drawn (see treeRows), so a label never says
    // otherwise than the drawing.
    const depth = new Map(
      treeRows([
        { factory_id: origin, parent: null, generation: 0, day: originDate },
        ...adopters.map((a) => ({ ...a, generation: 0 })),
      ]).map((r) => [r.factory_id, r.generation]),
    );
    const tree: Adopter[] = [
      { factory_id: origin, parent: null, generation: 0, day: originDate },
      ...adopters.map((a) => ({ ...a, generation: depth.get(a.factory_id)! })),
    ];
    const half = Math.ceil(adopters.length / 2);
    out.push({
      experience,
      origin,
      originDate,
      adopters: adopters.length,
      depth: Math.max(0, ...tree.map((t) => t.generation)),
      daysToHalf: half ? daysBetween(dayTime(originDate), dayTime(adopters[half - 1].day)) : null,
      virality: structuralVirality(treeRows(tree)),
      tree,
    });
  }
  return out.sort(
    (a, b) => a.originDate.localeCompare(b.originDate) || a.experience.localeCompare(b.experience),
  );
}

/**
 * Cumulative adopters over time: one step per adoption day, `[day, count]`,
 * counting each factory once (its first adoption of any experience that passed
 * the filter). Origins that never adopted anything are not counted.
 */
export function adoptionCurve(exchanges: readonly ExchangeRecord[]): [string, number][] {
  const days = [...firstAdoptions(exchanges).values()].map((a) => a.date);
  const steps: [string, number][] = [];
  days.forEach((d, i) => {
    if (steps.length && steps[steps.length - 1][0] === d) steps[steps.length - 1][1] = i + 1;
    else steps.push([d, i + 1]);
  });
  return steps;
}

/**
 * The rows of a diffusion tree drawn top to bottom: depth first from the origin, children by
 * adoption day, so every subtree is one block of rows; each row's `generation` is its depth
 * there. An adopter whose teacher is not in the tree (it taught without adopting: a source of
 * its own) hangs from the origin, at generation 1; so does the earliest of a ring of adopters
 * who each learned first from the next, which no walk from the origin reaches.
 */
export function treeRows(tree: readonly Adopter[]): Adopter[] {
  if (!tree.length) return [];
  const origin = tree[0].factory_id;
  const ids = new Set(tree.map((t) => t.factory_id));
  const kids = new Map<string, Adopter[]>();
  for (const a of tree.slice(1)) {
    const p = a.parent && ids.has(a.parent) ? a.parent : origin;
    kids.set(p, [...(kids.get(p) ?? []), a]);
  }
  const out: Adopter[] = [];
  const seen = new Set<string>();
  const walk = (a: Adopter, generation: number) => {
    if (seen.has(a.factory_id)) return;
    seen.add(a.factory_id);
    out.push({ ...a, generation });
    for (const c of kids.get(a.factory_id) ?? []) walk(c, generation + 1);
  };
  walk(tree[0], 0);
  for (const a of tree.slice(1)) if (!seen.has(a.factory_id)) walk(a, 1);
  return out;
}

/**
 * The mean distance between two nodes of a tree given as {@link treeRows} rows (depth first,
 * each row's `generation` its depth): the Wiener index, Σ over edges of s·(n − s) for the s
 * nodes below each edge, over the n(n − 1)/2 pairs. O(n). Null under two nodes.
 */
export function structuralVirality(rows: readonly Adopter[]): number | null {
  const n = rows.length;
  if (n < 2) return null;
  // Depth first: a row's subtree is the rows after it, until one at its depth or shallower.
  const size = new Array<number>(n).fill(1);
  const open: number[] = [];
  for (let i = 0; i <= n; i++) {
    const depth = i < n ? rows[i].generation : -1;
    while (open.length && rows[open[open.length - 1]].generation >= depth) {
      const done = open.pop()!;
      if (open.length) size[open[open.length - 1]] += size[done];
    }
    if (i < n) open.push(i);
  }
  let wiener = 0;
  for (let i = 1; i < n; i++) wiener += size[i] * (n - size[i]);
  return wiener / ((n * (n - 1)) / 2);
}

/**
 * When each factory counts as having adopted (epoch ms): its first adoption
 * in `exchanges`, or, for an experience's origin, its first teaching of it if
 * earlier.
 */
export function adoptionTimes(
  exchanges: readonly ExchangeRecord[],
  experiences: readonly Pick<ExperienceMetrics, 'origin' | 'originDate'>[],
): Map<string, number> {
  const when = new Map<string, number>();
  const note = (id: string, t: number) => when.set(id, Math.min(t, when.get(id) ?? Infinity));
  for (const a of firstAdoptions(exchanges).values()) note(a.factory_id, a.time);
  for (const m of experiences) note(m.origin, dayTime(m.originDate));
  return when;
}
