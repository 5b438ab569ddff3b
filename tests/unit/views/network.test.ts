import { describe, expect, it } from 'vitest';
import {
  dayTime,
  exchangeGraph,
  factoryMetrics,
  type FactoryMetrics,
} from '../../../src/lib/analysis/network';
import type { ExchangeRecord, FactoryRecord } from '../../../src/lib/schema/types';
import {
  alignLayout,
  eventTimes,
  layoutInput,
  networkOptions,
  networkScene,
  playbackSpan,
  sortMetrics,
  viewedAt,
  type SceneInput,
  EDGE_INK,
  adoptedBy,
  adoptedCaption,
  networkSummary,
  OTHER_DASH,
  networkColors,
} from '../../../src/lib/views/network';
import { forceLayout } from '../../../src/charts/network/layout';
import { layoutGraph } from '../../../src/charts/network/layoutClient';

const ex = (
  date: string,
  source_factory: string,
  target_factory: string,
  more: Partial<ExchangeRecord> = {},
): ExchangeRecord => ({
  date,
  source_factory,
  target_factory,
  experience: 'daily rounds',
  ...more,
});

// Zhenya teaches Dongwu and Guangming; Dongwu passes it on to Guangming later.
const exchanges = [
  ex('1956-08-26', 'zhenya', 'dongwu', { adopted_on: '1956-09-10', topic: 'inspection' }),
  ex('1956-08-26', 'zhenya', 'guangming', { adopted_on: '1956-10-01', topic: 'inspection' }),
  ex('1956-11-02', 'dongwu', 'guangming', { topic: 'management', experience: 'shift notes' }),
  ex('1956-12-01', 'dongwu', 'guangming', { topic: 'management', experience: 'shift notes' }),
];
const factories: FactoryRecord[] = [
  { factory_id: 'zhenya', name: 'Zhenya', industry: 'silk', workers: 900 },
  { factory_id: 'dongwu', name: 'Dongwu', industry: 'silk', workers: 100 },
  { factory_id: 'guangming', name: 'Guangming', industry: 'dyeing' },
];

function scene(over: Partial<SceneInput> = {}) {
  const full = exchangeGraph(exchanges);
  const shownFrom = over.shown ?? full.edges;
  return networkScene({
    full,
    shown: shownFrom,
    visible: new Set(full.nodes),
    metrics: new Map(factoryMetrics(exchanges).map((m) => [m.factory_id, m])),
    factories: new Map(factories.map((f) => [f.factory_id, f])),
    size: 'out',
    adoptedAt: new Map([
      ['zhenya', dayTime('1956-08-26')],
      ['dongwu', dayTime('1956-09-10')],
      ['guangming', dayTime('1956-10-01')],
    ]),
    at: dayTime('1956-12-31'),
    label: (id) => id.toUpperCase(),
    nodeColor: (id) => (id === 'guangming' ? 'blue' : 'red'),
    topicDash: new Map([['inspection', '9 4']]),
    edgeTitle: (e) => `${e.source}→${e.target} ×${e.count}`,
    ...over,
  });
}

describe('networkScene', () => {
  it('sizes nodes by area: the biggest value gets the largest radius, nothing the smallest', () => {
    const { nodes } = scene();
    const r = Object.fromEntries(nodes.map((n) => [n.id, n.r]));
    // Out-degree: zhenya 2, dongwu 1, guangming 0, on a square-root scale from 7 to 20 px.
    expect(r.zhenya).toBeCloseTo(20);
    expect(r.guangming).toBeCloseTo(7);
    expect(r.dongwu).toBeCloseTo(7 + 13 * Math.sqrt(1 / 2));
  });

  it('sizes by workers when asked, a factory without a count as zero', () => {
    const r = Object.fromEntries(scene({ size: 'workers' }).nodes.map((n) => [n.id, n.r]));
    expect(r.zhenya).toBeCloseTo(20);
    expect(r.dongwu).toBeCloseTo(7 + 13 * Math.sqrt(100 / 900));
    expect(r.guangming).toBeCloseTo(7);
  });

  it('fills a node once it has adopted by the playback date, and shows an edge from its first exchange', () => {
    const early = scene({ at: dayTime('1956-09-15') });
    const adopted = Object.fromEntries(early.nodes.map((n) => [n.id, n.adopted]));
    expect(adopted).toEqual({ dongwu: true, guangming: false, zhenya: true });
    // Edges are in order of first date; dongwu → guangming starts 1956-11-02.
    expect(early.edges.map((e) => e.visible)).toEqual([true, true, false]);
    expect(early.edges[2].title).toBe('dongwu→guangming ×2');
  });

  it('draws a repeated exchange wider, by the square root of its count, its topic as a dash pattern', () => {
    const { edges } = scene();
    expect(edges[0].width).toBeCloseTo(1.2);
    expect(edges[2].width).toBeCloseTo(1.2 + 1.6);
    // Topic is a line pattern, never a hue: node fill is the only colour channel.
    expect(edges.map((e) => e.color)).toEqual([EDGE_INK, EDGE_INK, EDGE_INK]);
    expect(edges[0].dash).toBe('9 4');
    // No pattern for "management" here: the dotted line of other topics.
    expect(edges[2].dash).toBe(OTHER_DASH);
  });

  it('gives six topics a pattern each, and dots the rest', () => {
    const topics = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const { topicDash, industryColor } = networkColors(
      { industries: ['silk', 'cotton'], topics },
      (i) => `c${i}`,
    );
    expect(new Set(topics.slice(0, 6).map((d) => topicDash.get(d))).size).toBe(6);
    expect(topicDash.get('g')).toBe(OTHER_DASH);
    expect([...industryColor.values()]).toEqual(['c0', 'c1']);
  });

  it('keeps every node and edge of the full graph, hiding what the filters leave out', () => {
    const full = exchangeGraph(exchanges);
    const { nodes, edges } = scene({
      shown: full.edges.slice(0, 1),
      visible: new Set(exchangeGraph(exchanges.slice(0, 1)).nodes),
      // Metrics not measured yet: the filter alone says what is shown.
      metrics: new Map(),
    });
    expect(nodes.map((n) => [n.id, n.visible])).toEqual([
      ['dongwu', true],
      ['guangming', false],
      ['zhenya', true],
    ]);
    expect(edges.map((e) => e.visible)).toEqual([true, false, false]);
    expect(edges[1].title).toBe('');
    // Edges point at nodes by index into the full node list.
    expect(edges.map((e) => [full.nodes[e.s], full.nodes[e.t]])).toEqual([
      ['zhenya', 'dongwu'],
      ['zhenya', 'guangming'],
      ['dongwu', 'guangming'],
    ]);
  });
});

describe('playback', () => {
  it('spans from the first exchange to the last adoption or exchange', () => {
    expect(playbackSpan(exchanges)).toEqual({
      start: dayTime('1956-08-26'),
      end: dayTime('1956-12-01'),
    });
    expect(playbackSpan([])).toEqual({ start: 0, end: 1 });
  });

  it('steps through each distinct day once, in order', () => {
    expect(eventTimes(exchanges).map((t) => new Date(t).toISOString().slice(0, 10))).toEqual([
      '1956-08-26',
      '1956-09-10',
      '1956-10-01',
      '1956-11-02',
      '1956-12-01',
    ]);
  });

  it('shows the end without a date, and clamps a date outside the span', () => {
    const span = { start: dayTime('1956-08-26'), end: dayTime('1956-12-01') };
    expect(viewedAt('', span)).toBe(span.end);
    expect(viewedAt('1950-01-01', span)).toBe(span.start);
    expect(viewedAt('1960-01-01', span)).toBe(span.end);
    expect(viewedAt('1956-10-01', span)).toBe(dayTime('1956-10-01'));
  });
});

describe('sortMetrics', () => {
  const metrics = factoryMetrics(exchanges);
  const ids = (ms: FactoryMetrics[]) => ms.map((m) => m.factory_id);

  it('sorts by a number, ties by id', () => {
    expect(ids(sortMetrics(metrics, 'outDegree', true, String))).toEqual([
      'zhenya',
      'dongwu',
      'guangming',
    ]);
    expect(ids(sortMetrics(metrics, 'outDegree', false, String))).toEqual([
      'guangming',
      'dongwu',
      'zhenya',
    ]);
  });

  it('puts a missing value last whichever way it sorts', () => {
    // zhenya adopted nothing.
    expect(ids(sortMetrics(metrics, 'firstAdoption', false, String)).at(-1)).toBe('zhenya');
    expect(ids(sortMetrics(metrics, 'firstAdoption', true, String)).at(-1)).toBe('zhenya');
  });

  it('sorts factories by the label shown, not their id', () => {
    const label = (id: string) => ({ zhenya: 'A', dongwu: 'C', guangming: 'B' })[id] ?? id;
    expect(ids(sortMetrics(metrics, 'factory_id', false, label))).toEqual([
      'zhenya',
      'guangming',
      'dongwu',
    ]);
  });
});

describe('options, pins and layout', () => {
  it('offers each experience, topic, industry and month once, sorted', () => {
    expect(networkOptions(factories, exchanges)).toEqual({
      experiences: ['daily rounds', 'shift notes'],
      topics: ['inspection', 'management'],
      industries: ['dyeing', 'silk'],
      months: ['1956-08', '1956-11', '1956-12'],
    });
  });

  it('fixes pinned nodes where the user left them and lays out the rest', () => {
    const input = layoutInput(exchangeGraph(exchanges), { dongwu: [10, -4] });
    expect(input.nodes).toEqual([
      { id: 'dongwu', radius: 16, fx: 10, fy: -4 },
      { id: 'guangming', radius: 16 },
      { id: 'zhenya', radius: 16 },
    ]);
    expect(input.links).toHaveLength(3);
  });
});

describe('layoutInput with an earlier layout: the map holds', () => {
  const graph = exchangeGraph([
    ...exchanges,
    ex('1957-01-05', 'guangming', 'xinsu'),
    ex('1957-01-06', 'zhenya', 'xinsu'),
  ]);
  const kept = new Map<string, [number, number]>([
    ['zhenya', [0, 0]],
    ['dongwu', [100, 0]],
    ['guangming', [50, 80]],
  ]);

  it('fixes the factories laid out before and starts a new one among its neighbours', async () => {
    const input = layoutInput(graph, {}, kept);
    const byId = Object.fromEntries(input.nodes.map((n) => [n.id, n]));
    expect(byId.zhenya).toMatchObject({ fx: 0, fy: 0 });
    expect(byId.guangming).toMatchObject({ fx: 50, fy: 80 });
    // Xinsu learned from Guangming and Zhenya: it starts near their midpoint (25, 40).
    expect(byId.xinsu.fx).toBeUndefined();
    expect(Math.hypot(byId.xinsu.x! - 25, byId.xinsu.y! - 40)).toBeLessThan(45);
    expect(input.settle).toBe(true);
    // A pin wins over the remembered place; with everyone placed, nothing is laid out.
    const all = layoutInput(exchangeGraph(exchanges), { dongwu: [7, 7] }, kept);
    expect(all.nodes.every((n) => n.fx !== undefined)).toBe(true);
    const at = await layoutGraph(all);
    expect([...at]).toEqual(all.nodes.flatMap((n) => [n.fx, n.fy]));
    expect(all.nodes.find((n) => n.id === 'dongwu')).toMatchObject({ fx: 7, fy: 7 });
  });

  it('lays out in full around the kept ones when most factories are new', () => {
    const input = layoutInput(graph, {}, new Map([['zhenya', [0, 0]]]));
    expect(input.settle).toBe(false);
    expect(input.nodes.find((n) => n.id === 'zhenya')).toMatchObject({ fx: 0, fy: 0 });
  });

  it('settles a newcomer without moving anyone else', () => {
    const xy = forceLayout(layoutInput(graph, {}, kept));
    const ids = graph.nodes;
    for (const [id, [x, y]] of kept) {
      const i = ids.indexOf(id);
      expect([xy[2 * i], xy[2 * i + 1]]).toEqual([x, y]);
    }
    const i = ids.indexOf('xinsu');
    expect(Math.hypot(xy[2 * i] - 25, xy[2 * i + 1] - 40)).toBeLessThan(250);
  });
});

describe('alignLayout: positions follow node ids', () => {
  const layout = {
    ids: ['zhenya', 'dongwu', 'guangming'],
    xy: Float64Array.from([1, 2, 3, 4, 5, 6]),
  };
  const nodes = (...ids: string[]) => ids.map((id) => ({ id }));

  it('hands back the layout itself when the nodes are the ones laid out, in order', () => {
    expect(alignLayout(layout, nodes('zhenya', 'dongwu', 'guangming'))).toBe(layout.xy);
  });
  it('reorders positions to the nodes’ order, by id', () => {
    expect([...alignLayout(layout, nodes('guangming', 'zhenya'))!]).toEqual([5, 6, 1, 2]);
  });
  it('draws nothing from a stale layout that lacks a node, rather than another node’s place', () => {
    expect(alignLayout(layout, nodes('zhenya', 'xinsu', 'dongwu'))).toBeNull();
    expect(alignLayout(null, nodes('zhenya'))).toBeNull();
  });
});

describe('adoptedBy, adoptedCaption and networkSummary', () => {
  const curve: [string, number][] = [
    ['1956-03-01', 1],
    ['1956-06-01', 3],
  ];
  const tr = ((key: string, p: Record<string, unknown> = {}) =>
    `${key}${JSON.stringify(p)}`) as unknown as Parameters<typeof adoptedCaption>[3];
  it('counts adopters by a date from the curve’s steps', () => {
    expect(adoptedBy(curve, dayTime('1956-02-01'))).toBe(0);
    expect(adoptedBy(curve, dayTime('1956-03-01'))).toBe(1);
    expect(adoptedBy(curve, dayTime('1957-01-01'))).toBe(3);
    expect(adoptedCaption(3, 5, dayTime('1957-01-01'), tr)).toContain('{"now":3,"total":5}');
  });
  it('says what the graph shows, and names the date only before the end', () => {
    const scene = {
      nodes: [{ visible: true }, { visible: false }],
      edges: [{ visible: true }, { visible: true }, { visible: false }],
    };
    const end = { end: dayTime('1957-01-01') };
    const full = networkSummary(scene, '', end.end, end, { now: 3, total: 3, tr });
    expect(full).toContain('network.summary{"links":2,"factories":1}');
    expect(full).not.toContain('network.summaryAt');
    const early = networkSummary(scene, 'Warp', dayTime('1956-05-01'), end, {
      now: 1,
      total: 3,
      tr,
    });
    expect(early).toContain('network.summaryExperience{"experience":"Warp"}');
    expect(early).toContain('network.summaryAt');
  });
});
