// The network page's view model: what the filters offer, the scene the graph draws (node sizes,
// colours, which nodes and edges are shown at the playback date), the playback span, the input
// of the layout with its pins, and the sortable metrics table. Pure functions over the records.

import { scaleSqrt } from 'd3-scale';
import {
  adoptedOn,
  dayTime,
  exchangeGraph,
  type FactoryMetrics,
  type GraphEdge,
} from '../analysis/network';
import { firstAdoptions } from '../analysis/adoptions';
import { defectRateByPeriod, type RatePoint } from '../analysis/defectRate';
import type { RollupChunk } from '../db/database';
import type { ExchangeRecord, FactoryRecord } from '../schema/types';
import type { NodeSize } from '../state/networkQuery';
import type { DrawEdge, DrawNode } from '../../charts/network/canvas';
import type { LayoutInput } from '../../charts/network/layout';
import { seeded } from '../random';
import { networkEdgesCsv, networkNodesCsv } from '../share/chartCsv';
import { formatDay, formatInt } from '../format';
import type { Translate } from '../i18n/translate';

/** Grey for what has no category: a factory without an industry, an edge without a topic. */
export const NO_CATEGORY = '#7a8794';
/** Above this many nodes the graph draws small discs, and the layout spaces them less. */
export const BIG_GRAPH = 500;

const sortedSet = (xs: readonly (string | undefined)[]): string[] =>
  [...new Set(xs.filter((x): x is string => !!x))].sort();

/** What the data offers the filters: experiences, topics, industries and months, each sorted. */
export function networkOptions(
  factories: readonly FactoryRecord[],
  exchanges: readonly ExchangeRecord[],
): { experiences: string[]; topics: string[]; industries: string[]; months: string[] } {
  return {
    experiences: sortedSet(exchanges.map((e) => e.experience)),
    topics: sortedSet(exchanges.map((e) => e.topic)),
    industries: sortedSet(factories.map((f) => f.industry)),
    months: sortedSet(exchanges.map((e) => e.date.slice(0, 7))),
  };
}

/**
 * Topics as dash patterns (in layout units), a channel of their own: node colour is the
 * factory's (industry or community), so no hue means two things. Six topics get a pattern
 * each; edges of no topic, or of a seventh and later, are dotted ({@link OTHER_DASH}).
 */
export const TOPIC_DASHES = ['', '9 4', '2 3', '9 3 2 3', '5 5', '14 4'] as const;
export const OTHER_DASH = '1 3';
/** What edges are drawn in: the theme's secondary ink (canvases read it from CSS). */
export const EDGE_INK = 'var(--ink-2)';

/** The network's encodings: industries by the palette's colours, topics by dash patterns. */
export function networkColors(
  options: { industries: readonly string[]; topics: readonly string[] },
  color: (i: number) => string,
): { industryColor: Map<string, string>; topicDash: Map<string, string> } {
  return {
    industryColor: new Map(options.industries.map((d, i) => [d, color(i)])),
    topicDash: new Map(options.topics.map((d, i) => [d, TOPIC_DASHES[i] ?? OTHER_DASH])),
  };
}

/**
 * The whole graph at its end, for a thumbnail: every factory of every exchange, sized by how
 * many it taught, coloured by industry, each counted as adopted once it has.
 */
export function overviewScene(
  factories: readonly FactoryRecord[],
  exchanges: readonly ExchangeRecord[],
  label: (id: string) => string,
  color: (i: number) => string,
): { full: ReturnType<typeof exchangeGraph>; nodes: SceneNode[]; edges: SceneEdge[] } {
  const full = exchangeGraph(exchanges);
  const byId = new Map(factories.map((f) => [f.factory_id, f]));
  const colors = networkColors(networkOptions(factories, exchanges), color);
  const adopters = firstAdoptions(exchanges);
  const adoptedAt = new Map(full.nodes.map((id) => [id, adopters.has(id) ? 0 : Infinity]));
  for (const e of exchanges) adoptedAt.set(e.source_factory, 0);
  const { nodes, edges } = networkScene({
    full,
    shown: full.edges,
    visible: new Set(full.nodes),
    metrics: new Map(),
    factories: byId,
    size: 'out',
    adoptedAt,
    at: Infinity,
    label,
    nodeColor: (id) => colors.industryColor.get(byId.get(id)?.industry ?? '') ?? NO_CATEGORY,
    topicDash: colors.topicDash,
    edgeTitle: (s) => `${label(s.source)} → ${label(s.target)}`,
  });
  return { full, nodes, edges };
}

/** Playback runs from the first exchange to the last adoption of what is shown, in ms since 1970. */
export function playbackSpan(exchanges: readonly ExchangeRecord[]): { start: number; end: number } {
  if (!exchanges.length) return { start: 0, end: 1 };
  const days = exchanges.flatMap((e) => [e.date, adoptedOn(e)]).sort();
  return { start: dayTime(days[0]), end: dayTime(days[days.length - 1]) };
}

/** Every distinct day something happens (an exchange or an adoption), ascending: the steps of reduced-motion playback. */
export function eventTimes(exchanges: readonly ExchangeRecord[]): number[] {
  return [...new Set(exchanges.flatMap((e) => [dayTime(e.date), dayTime(adoptedOn(e))]))].sort(
    (a, b) => a - b,
  );
}

/** The playback date a view shows: its `at` clamped to the span, else the span's end. */
export function viewedAt(at: string, span: { start: number; end: number }): number {
  return at ? Math.min(span.end, Math.max(span.start, dayTime(at))) : span.end;
}

/** A factory's size value: its workers, or a metric (out-degree, reach, PageRank, betweenness). */
export function sizeValue(
  size: NodeSize,
  metric: FactoryMetrics | undefined,
  factory: FactoryRecord | undefined,
): number {
  if (size === 'workers') return factory?.workers ?? 0;
  return (size === 'out' ? metric?.outDegree : metric?.[size]) ?? 0;
}

/** Distinct factories each one taught, from the edges shown (self-loops not counted). */
export function outDegrees(edges: readonly GraphEdge[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const e of edges) if (e.source !== e.target) out.set(e.source, (out.get(e.source) ?? 0) + 1);
  return out;
}

/** A node as the graph draws it; an edge also carries its tooltip. */
export type SceneNode = DrawNode;
export type SceneEdge = DrawEdge & { title: string };

export interface SceneInput {
  /** The graph of every exchange: its nodes and edges keep their places whatever is filtered. */
  full: { nodes: readonly string[]; edges: readonly GraphEdge[] };
  /** The edges of what the filters show. */
  shown: readonly GraphEdge[];
  /** The factories the filters show: the other nodes are hidden. */
  visible: ReadonlySet<string>;
  /** Metrics of the factories shown, for sizes other than out-degree (empty while measuring). */
  metrics: ReadonlyMap<string, FactoryMetrics>;
  factories: ReadonlyMap<string, FactoryRecord>;
  size: NodeSize;
  /** When each factory counts as having adopted, ms. */
  adoptedAt: ReadonlyMap<string, number>;
  /** The playback date, ms. */
  at: number;
  label: (id: string) => string;
  nodeColor: (id: string) => string;
  /** Each topic's dash pattern (see {@link networkColors}). */
  topicDash: ReadonlyMap<string, string>;
  /** The tooltip of a shown edge. */
  edgeTitle: (edge: GraphEdge) => string;
}

const pairKey = (e: { source: string; target: string }) => `${e.source}\u0001${e.target}`;

/**
 * What the graph draws: a node per factory of every exchange, sized by the chosen metric on a
 * square-root scale (so area follows the value), filled once it has adopted by `at`; an edge per
 * source → target pair, as wide as the square root of its exchanges, shown once its first
 * exchange is on or before `at`.
 */
export function networkScene(input: SceneInput): { nodes: SceneNode[]; edges: SceneEdge[] } {
  const { full, metrics, factories, size, at } = input;
  // Edge titles are the SVG graph's tooltips; the canvas of a large graph has none.
  const titled = full.nodes.length <= BIG_GRAPH;
  const taught = outDegrees(input.shown);
  const value = (id: string) =>
    size === 'out' ? (taught.get(id) ?? 0) : sizeValue(size, metrics.get(id), factories.get(id));
  const most = Math.max(1, ...full.nodes.map(value));
  const radius = scaleSqrt()
    .domain([0, most])
    .range(full.nodes.length > BIG_GRAPH ? [2.5, 8] : [7, 20]);
  const nodes = full.nodes.map((id) => ({
    id,
    label: input.label(id),
    r: radius(value(id)),
    color: input.nodeColor(id),
    adopted: (input.adoptedAt.get(id) ?? Infinity) <= at,
    visible: input.visible.has(id),
  }));
  const index = new Map(full.nodes.map((id, i) => [id, i]));
  const shown = new Map(input.shown.map((e) => [pairKey(e), e]));
  const edges = full.edges.map((e) => {
    const s = shown.get(pairKey(e));
    return {
      s: index.get(e.source)!,
      t: index.get(e.target)!,
      width: s ? 1.2 + 1.6 * Math.sqrt(s.count - 1) : 1,
      color: EDGE_INK,
      dash: input.topicDash.get(s?.topic ?? e.topic ?? '') ?? OTHER_DASH,
      visible: !!s && dayTime(s.first) <= at,
      title: s && titled ? input.edgeTitle(s) : '',
    };
  });
  return { nodes, edges };
}

/** An edge's tooltip: who taught whom, how often, from when, which experiences. */
export function edgeTitle(
  s: GraphEdge,
  label: (id: string) => string,
  experience: (e: string) => string,
  tr: Translate,
): string {
  return tr(s.count === 1 ? 'network.edgeTitle' : 'network.edgeTitleMany', {
    source: label(s.source),
    target: label(s.target),
    n: formatInt(s.count),
    date: formatDay(s.first),
    experiences: s.experiences.map(experience).join('; '),
  });
}

/** How many factories had adopted by `time` (ms), from the adoption curve's steps. */
export const adoptedBy = (curve: readonly [string, number][], time: number): number =>
  curve.filter(([d]) => dayTime(d) <= time).at(-1)?.[1] ?? 0;

/** "Adopted: 7 of 13 factories by Oct 23, 1956", as the video's frames say it. */
export const adoptedCaption = (now: number, total: number, time: number, tr: Translate): string =>
  `${tr('network.adopted')} ${tr('network.adoptedCount', { now, total })} ${tr('network.adoptedBy', { date: formatDay(time) })}`;

/** The graph's accessible summary: what it shows, of which experience, up to when, how many adopted. */
export function networkSummary(
  scene: { nodes: readonly { visible: boolean }[]; edges: readonly { visible: boolean }[] },
  experience: string,
  at: number,
  span: { end: number },
  adopters: { now: number; total: number; tr: Translate },
): string {
  const { tr } = adopters;
  return (
    tr('network.summary', {
      links: scene.edges.filter((e) => e.visible).length,
      factories: scene.nodes.filter((n) => n.visible).length,
    }) +
    (experience ? tr('network.summaryExperience', { experience }) : '') +
    (at < span.end ? tr('network.summaryAt', { date: formatDay(at) }) : '') +
    tr('network.summaryAdopters', { now: adopters.now, total: adopters.total })
  );
}

/** How many communities get a colour of their own; smaller ones are grey. */
export const COMMUNITY_COLOURS = 8;

/**
 * Node colours: by industry (the palette's first colours, see {@link networkColors}), or by
 * Louvain community, the largest first, past {@link COMMUNITY_COLOURS} grey. The legend lists
 * what each colour means.
 */
export function nodeColours(
  by: 'industry' | 'community',
  industryOf: (id: string) => string | undefined,
  industryColor: ReadonlyMap<string, string>,
  communityOf: ReadonlyMap<string, number>,
  color: (i: number) => string,
  tr: Translate,
): { of: (id: string) => string; legend: { label: string; color: string }[] } {
  if (by === 'industry')
    return {
      of: (id) => industryColor.get(industryOf(id) ?? '') ?? NO_CATEGORY,
      legend: [],
    };
  const count = Math.max(0, ...communityOf.values()) + 1;
  const shown = Math.min(count, COMMUNITY_COLOURS);
  return {
    of: (id) => {
      const c = communityOf.get(id);
      return c === undefined || c >= COMMUNITY_COLOURS ? NO_CATEGORY : color(c);
    },
    legend: [
      ...Array.from({ length: communityOf.size ? shown : 0 }, (_, c) => ({
        label: tr('network.communityKey', { n: c + 1 }),
        color: color(c),
      })),
      ...(count > shown ? [{ label: tr('network.communityOther'), color: NO_CATEGORY }] : []),
    ],
  };
}

/**
 * The force layout's input: every node, pinned ones fixed where the user left them. With the
 * positions of an earlier layout (`kept`, by factory id), the map holds: every factory laid out
 * before stays where it was (fixed), and a new one starts at the mean of its kept neighbours
 * (or, with none, on a ring just outside the graph), nudged apart by a seeded offset, for a
 * short settle. When most factories are new, the rest are laid out in full around the kept.
 */
export function layoutInput(
  full: { nodes: readonly string[]; edges: readonly GraphEdge[] },
  pins: Readonly<Record<string, [number, number]>>,
  kept: ReadonlyMap<string, readonly [number, number]> = new Map(),
): LayoutInput {
  const big = full.nodes.length > BIG_GRAPH;
  const radius = big ? 4 : 16;
  const links = full.edges.map((e) => ({ source: e.source, target: e.target }));
  const known = full.nodes.filter((id) => kept.has(id) || pins[id]).length;
  if (!kept.size || !full.nodes.some((id) => kept.has(id)))
    return {
      nodes: full.nodes.map((id) => ({
        id,
        radius,
        ...(pins[id] ? { fx: pins[id][0], fy: pins[id][1] } : {}),
      })),
      links,
    };
  const neighbours = new Map<string, string[]>();
  for (const e of full.edges)
    for (const [a, b] of [
      [e.source, e.target],
      [e.target, e.source],
    ]) {
      const list = neighbours.get(a);
      if (list) list.push(b);
      else neighbours.set(a, [b]);
    }
  // The kept graph's extent, for the ring where unconnected newcomers start.
  let [cx, cy, far] = [0, 0, 0];
  for (const [x, y] of kept.values()) [cx, cy] = [cx + x / kept.size, cy + y / kept.size];
  for (const [x, y] of kept.values()) far = Math.max(far, Math.hypot(x - cx, y - cy));
  const rand = seeded(full.nodes.length);
  const nodes = full.nodes.map((id, i) => {
    const fixed = pins[id] ?? kept.get(id);
    if (fixed) return { id, radius, fx: fixed[0], fy: fixed[1] };
    const near = (neighbours.get(id) ?? []).flatMap((n) => {
      const p = pins[n] ?? kept.get(n);
      return p ? [p] : [];
    });
    const angle = rand() * 2 * Math.PI;
    if (!near.length) {
      const ring = far + 3 * radius;
      return { id, radius, x: cx + ring * Math.cos(angle), y: cy + ring * Math.sin(angle) };
    }
    const step = (i % 7) + 2 * radius;
    return {
      id,
      radius,
      x: near.reduce((s, p) => s + p[0], 0) / near.length + step * Math.cos(angle),
      y: near.reduce((s, p) => s + p[1], 0) / near.length + step * Math.sin(angle),
    };
  });
  return {
    nodes,
    links,
    settle: known >= full.nodes.length / 2,
  };
}

/** A finished layout: each node's position, keyed by the node's id, never by its index alone. */
export interface NodeLayout {
  ids: readonly string[];
  /** `xy[2i]`, `xy[2i + 1]` is the position of `ids[i]`. */
  xy: Float64Array;
}

/**
 * A layout's positions in the order of `nodes`, or null when the layout is of other nodes (a
 * stale one, from before an import changed the graph): then nothing is drawn until the new
 * layout arrives, rather than one factory drawn where another was laid out.
 */
export function alignLayout(
  layout: NodeLayout | null,
  nodes: readonly { id: string }[],
): Float64Array | null {
  if (!layout) return null;
  const { ids, xy } = layout;
  if (ids.length === nodes.length && nodes.every((n, i) => ids[i] === n.id)) return xy;
  const at = new Map(ids.map((id, i) => [id, i]));
  const out = new Float64Array(nodes.length * 2);
  for (let i = 0; i < nodes.length; i++) {
    const j = at.get(nodes[i].id);
    if (j === undefined) return null;
    out[2 * i] = xy[2 * j];
    out[2 * i + 1] = xy[2 * j + 1];
  }
  return out;
}

export type MetricColumn = Exclude<keyof FactoryMetrics, 'reachByExperience'>;
/** The metrics table's columns, in order; `num` columns are right-aligned and sort descending first. */
export const METRIC_COLUMNS: readonly { key: MetricColumn; num: boolean }[] = [
  { key: 'factory_id', num: false },
  { key: 'inDegree', num: true },
  { key: 'outDegree', num: true },
  { key: 'reach', num: true },
  { key: 'staticReach', num: true },
  { key: 'pagerank', num: true },
  { key: 'betweenness', num: true },
  { key: 'community', num: true },
  { key: 'firstAdoption', num: false },
  { key: 'adoptionLagDays', num: true },
];

/** A metric as the table shows it: centralities to three decimals, communities from 1. */
export function metricText(m: FactoryMetrics, key: MetricColumn): string {
  const v = m[key];
  if (v === null) return '–';
  if (key === 'pagerank' || key === 'betweenness') return (v as number).toFixed(3);
  if (key === 'community') return String((v as number) + 1);
  return String(v);
}

/**
 * The metrics sorted by a column: factories by their label, numbers and dates by value; a
 * missing value goes last either way, and ties keep the factory id order.
 */
export function sortMetrics(
  metrics: readonly FactoryMetrics[],
  by: MetricColumn,
  desc: boolean,
  label: (id: string) => string,
): FactoryMetrics[] {
  const value = (m: FactoryMetrics) => (by === 'factory_id' ? label(m.factory_id) : m[by]);
  return [...metrics].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    const c =
      va === null
        ? 1
        : vb === null
          ? -1
          : typeof va === 'string'
            ? va.localeCompare(String(vb))
            : va - Number(vb);
    return (
      (desc && va !== null && vb !== null ? -c : c) || a.factory_id.localeCompare(b.factory_id)
    );
  });
}

/** The direction a column sorts in when first chosen: numbers biggest first, names and dates A→Z. */
export const sortsDescending = (key: MetricColumn): boolean =>
  key !== 'factory_id' && key !== 'firstAdoption' && key !== 'community';

/** A factory's monthly defect rates, for the factory panel's sparkline. */
export function factorySpark(rollups: readonly RollupChunk[], factory: string): RatePoint[] {
  if (!factory) return [];
  return (
    defectRateByPeriod(rollups, { interval: 'month', by: 'factory', factories: [factory] })[0]
      ?.points ?? []
  );
}

/** What the graph's exports need: a title with the date shown, and its two CSV tables. */
export function networkExports(input: {
  experience: string;
  at: number;
  metrics: readonly FactoryMetrics[];
  shown: readonly GraphEdge[];
  adoptedAt: ReadonlyMap<string, number>;
  label: (id: string) => string;
  industryOf: (id: string) => string | undefined;
  word: (field: 'experience' | 'topic' | 'industry', w: string) => string;
  source: string;
  tr: Translate;
}) {
  const { tr, word, at } = input;
  return {
    title: tr('network.exportTitle', {
      experience: input.experience
        ? `${tr('common.comma')}${word('experience', input.experience)}`
        : '',
      date: formatDay(at),
    }),
    videoTitle: input.experience
      ? tr('network.slideExperience', { experience: word('experience', input.experience) })
      : tr('network.slide'),
    source: input.source,
    nodes: (place: (id: string) => [number, number] | null) =>
      networkNodesCsv(
        input.metrics,
        input.label,
        (id) => word('industry', input.industryOf(id) ?? ''),
        input.adoptedAt,
        at,
        place,
      ),
    links: () =>
      networkEdgesCsv(
        input.shown,
        input.label,
        { topic: (x) => word('topic', x), experience: (x) => word('experience', x) },
        at,
      ),
  };
}
