import { describe, expect, it } from 'vitest';
import {
  adoptionCurve,
  exchangeGraph,
  experienceMetrics,
  factoryMetrics,
  filterExchanges,
  networkMetrics,
  structuralVirality,
  treeRows,
  adoptionTimes,
} from '../../../src/lib/analysis/network';
import type { ExchangeRecord } from '../../../src/lib/schema/types';

/** An exchange of `experience` from `source` to `target` on `date`, adopted on `adopted`. */
const ex = (
  source: string,
  target: string,
  date: string,
  experience = 'inspection',
  adopted?: string,
  topic?: string,
): ExchangeRecord => ({
  source_factory: source,
  target_factory: target,
  date,
  experience,
  ...(adopted ? { adopted_on: adopted } : {}),
  ...(topic ? { topic } : {}),
});

const metrics = (list: ExchangeRecord[]) =>
  Object.fromEntries(
    factoryMetrics(list).map((m) => [m.factory_id, [m.inDegree, m.outDegree, m.reach]]),
  );

describe('factoryMetrics(exchanges)', () => {
  it('a chain a → b → c → d: reach falls along it, each learns from one', () => {
    const chain = [
      ex('a', 'b', '1956-01-01'),
      ex('b', 'c', '1956-02-01'),
      ex('c', 'd', '1956-03-01'),
    ];
    expect(metrics(chain)).toEqual({
      a: [0, 1, 3],
      b: [1, 1, 2],
      c: [1, 1, 1],
      d: [1, 0, 0],
    });
    const byId = Object.fromEntries(factoryMetrics(chain).map((m) => [m.factory_id, m]));
    expect(byId.a.firstAdoption).toBeNull();
    expect(byId.a.adoptionLagDays).toBeNull();
    expect(byId.c.firstAdoption).toBe('1956-02-01');
    expect(byId.d.adoptionLagDays).toBe(60); // 1956-01-01 to 1956-03-01, a leap year
  });

  it('a star: the hub reaches every spoke; repeated exchanges count once in the degree', () => {
    const star = [
      ex('hub', 'x', '1956-01-01'),
      ex('hub', 'y', '1956-01-02'),
      ex('hub', 'z', '1956-01-03'),
      ex('hub', 'z', '1956-05-03', 'canteen'),
    ];
    expect(metrics(star)).toEqual({ hub: [0, 3, 3], x: [1, 0, 0], y: [1, 0, 0], z: [1, 0, 0] });
  });

  it('a cycle in time: reach follows the dates, static reach saturates, and never itself', () => {
    const cycle = [
      ex('a', 'b', '1956-01-01'),
      ex('b', 'c', '1956-02-01'),
      ex('c', 'a', '1956-03-01'),
    ];
    // a → b → c runs forward; c taught a last, so a's teaching came before c could pass it on.
    expect(metrics(cycle)).toEqual({ a: [1, 1, 2], b: [1, 1, 2], c: [1, 1, 1] });
    expect(factoryMetrics(cycle).map((m) => m.staticReach)).toEqual([2, 2, 2]);
  });

  it('reach per experience, and over all experiences combined', () => {
    const list = [
      ex('a', 'b', '1956-01-01', 'warp'),
      ex('b', 'c', '1956-02-01', 'weft'),
      ex('c', 'd', '1956-03-01', 'weft'),
    ];
    const a = factoryMetrics(list).find((m) => m.factory_id === 'a')!;
    expect(a.reach).toBe(3);
    expect(a.reachByExperience).toEqual({ warp: 1 });
    const b = factoryMetrics(list).find((m) => m.factory_id === 'b')!;
    expect(b.reachByExperience).toEqual({ warp: 0, weft: 2 });
  });

  it('carries centrality and communities beside the degrees', () => {
    const hub = [
      ex('a', 'h', '1956-01-01'),
      ex('b', 'h', '1956-01-01'),
      ex('h', 'c', '1956-02-01'),
      ex('h', 'd', '1956-02-01'),
    ];
    const { factories, communities, betweennessSources } = networkMetrics(hub);
    const h = factories.find((m) => m.factory_id === 'h')!;
    // networkx: 4 of the (5−1)(5−2) = 12 ordered pairs' shortest paths run through h.
    expect(h.betweenness).toBeCloseTo(4 / 12, 12);
    // networkx pagerank: h 0.30017, c and d 0.23874, a and b 0.11117.
    expect(h.pagerank).toBeCloseTo(0.3001662808538938, 5);
    expect(factories.find((m) => m.factory_id === 'c')!.pagerank).toBeCloseTo(0.238743852784851, 5);
    expect(betweennessSources).toBeNull();
    expect(communities.count).toBeGreaterThanOrEqual(1);
  });

  it('a disconnected pair: two components that do not reach each other', () => {
    const pairs = [ex('a', 'b', '1956-01-01'), ex('c', 'd', '1956-01-01')];
    expect(metrics(pairs)).toEqual({ a: [0, 1, 1], b: [1, 0, 0], c: [0, 1, 1], d: [1, 0, 0] });
  });
});

describe('experienceMetrics(exchanges)', () => {
  it('finds the origin, the adopters, the cascade depth and the time to half of them', () => {
    const list = [
      ex('zhenya', 'dongwu', '1956-03-12', 'inspection', '1956-04-01'),
      ex('zhenya', 'guangming', '1956-05-18', 'inspection', '1956-06-01'),
      ex('guangming', 'xinsu', '1956-08-26', 'inspection', '1956-09-20'),
      ex('xinsu', 'huacheng', '1956-09-14', 'inspection', '1956-10-20'),
      // A second, later route to xinsu does not make it younger.
      ex('zhenya', 'xinsu', '1956-10-01', 'inspection', '1956-10-10'),
    ];
    const [m] = experienceMetrics(list);
    expect(m).toMatchObject({
      experience: 'inspection',
      origin: 'zhenya',
      originDate: '1956-03-12',
      adopters: 4,
      depth: 3,
      daysToHalf: 81, // the 2nd of 4 adopters, 1956-06-01
    });
    expect(m.tree.map((t) => [t.factory_id, t.parent, t.generation])).toEqual([
      ['zhenya', null, 0],
      ['dongwu', 'zhenya', 1],
      ['guangming', 'zhenya', 1],
      ['xinsu', 'guangming', 2],
      ['huacheng', 'xinsu', 3],
    ]);
  });

  it('survives a cycle, and sorts experiences by origin date', () => {
    const list = [
      ex('b', 'c', '1956-02-01', 'late'),
      ex('a', 'b', '1956-01-01', 'early'),
      ex('b', 'a', '1956-02-01', 'early'),
    ];
    const [early, late] = experienceMetrics(list);
    expect(early).toMatchObject({ origin: 'a', adopters: 1, depth: 1 });
    expect(late).toMatchObject({ origin: 'b', adopters: 1, depth: 1, daysToHalf: 0 });
  });
});

describe('exchangeGraph, filterExchanges and adoptionCurve', () => {
  const list = [
    ex('a', 'b', '1956-01-10', 'one', undefined, 'quality'),
    ex('a', 'b', '1956-03-10', 'two', undefined, 'technique'),
    ex('a', 'b', '1956-04-10', 'three', undefined, 'technique'),
    ex('b', 'c', '1956-02-10', 'one', '1956-06-01', 'quality'),
  ];

  it('sums exchanges per ordered pair, with the commonest topic and the first date', () => {
    const g = exchangeGraph(list);
    expect(g.nodes).toEqual(['a', 'b', 'c']);
    expect(g.edges.map((e) => [e.source, e.target, e.count, e.topic, e.first])).toEqual([
      ['a', 'b', 3, 'technique', '1956-01-10'],
      ['b', 'c', 1, 'quality', '1956-02-10'],
    ]);
  });

  it('filters by experience, topic, industry and an inclusive date window', () => {
    const industry = (id: string) => ({ a: 'silk', b: 'silk', c: 'cotton' })[id];
    expect(filterExchanges(list, { experience: 'one' })).toHaveLength(2);
    expect(filterExchanges(list, { topic: 'technique' })).toHaveLength(2);
    expect(filterExchanges(list, { industries: ['cotton'] }, industry)).toEqual([list[3]]);
    expect(filterExchanges(list, { from: '1956-02', to: '1956-03' }).map((e) => e.date)).toEqual([
      '1956-02-10',
      '1956-03-10',
    ]);
  });

  it('counts each adopter once, at its first adoption', () => {
    expect(adoptionCurve(list)).toEqual([
      ['1956-01-10', 1],
      ['1956-06-01', 2],
    ]);
  });
});

describe('treeRows and adoptionTimes', () => {
  it('orders a diffusion tree depth first, so each subtree is one block of rows', () => {
    const [m] = experienceMetrics([
      ex('o', 'a', '1956-01-01', 'x', '1956-01-05'),
      ex('o', 'b', '1956-01-02', 'x', '1956-01-06'),
      ex('a', 'c', '1956-02-01', 'x', '1956-02-10'),
    ]);
    expect(treeRows(m.tree).map((r) => r.factory_id)).toEqual(['o', 'a', 'c', 'b']);
    expect(treeRows([])).toEqual([]);
  });

  it('labels each adopter with the generation it is drawn at', () => {
    // t taught b without ever adopting: b hangs from the origin, at generation 1 (not 2).
    const [m] = experienceMetrics([
      ex('o', 'a', '1956-01-01', 'x'),
      ex('t', 'b', '1956-02-01', 'x'),
      ex('b', 'c', '1956-03-01', 'x'),
    ]);
    const gen = Object.fromEntries(m.tree.map((r) => [r.factory_id, r.generation]));
    expect(gen).toEqual({ o: 0, a: 1, b: 1, c: 2 });
    expect(treeRows(m.tree).map((r) => [r.factory_id, r.generation])).toEqual([
      ['o', 0],
      ['a', 1],
      ['b', 1],
      ['c', 2],
    ]);
    expect(m.depth).toBe(2);
  });

  it('draws a ring of adopters no walk from the origin reaches, under the origin', () => {
    // a learned first from b, b first from a (each taught before it adopted): both still drawn.
    const [m] = experienceMetrics([
      ex('o', 'z', '1956-01-01', 'x'),
      ex('a', 'b', '1956-01-02', 'x'),
      ex('b', 'a', '1956-01-03', 'x'),
    ]);
    const rows = treeRows(m.tree);
    expect(rows.map((r) => r.factory_id).sort()).toEqual(['a', 'b', 'o', 'z']);
    for (const r of rows)
      expect(m.tree.find((t) => t.factory_id === r.factory_id)!.generation).toBe(r.generation);
  });

  it('counts an origin as adopted from its first teaching', () => {
    const list = [ex('o', 'a', '1956-01-01', 'x', '1956-03-01')];
    const when = adoptionTimes(list, experienceMetrics(list));
    expect(when.get('o')).toBe(Date.UTC(1956, 0, 1));
    expect(when.get('a')).toBe(Date.UTC(1956, 2, 1));
  });
});

describe('structural virality', () => {
  const rows = (...depths: number[]) =>
    depths.map((generation, i) => ({
      factory_id: `f${i}`,
      parent: null,
      generation,
      day: '1956-01-01',
    }));
  it('is the mean distance between two nodes of the tree', () => {
    // A broadcast: the origin and three it taught. 3 pairs at 1, 3 at 2: 9 / 6.
    expect(structuralVirality(rows(0, 1, 1, 1))).toBeCloseTo(1.5, 12);
    // A chain of four: 1+2+3+1+2+1 = 10 over 6 pairs.
    expect(structuralVirality(rows(0, 1, 2, 3))).toBeCloseTo(10 / 6, 12);
    // Two branches of two, o-a-b and o-c-d: o 1,2,1,2; a 1,2,3; b 3,4; c 1: 20 over 10 pairs.
    expect(structuralVirality(rows(0, 1, 2, 1, 2))).toBeCloseTo(2, 12);
    expect(structuralVirality(rows(0))).toBeNull();
  });

  it('is reported per experience, a chain above a broadcast', () => {
    const [chain] = experienceMetrics([
      ex('o', 'a', '1956-01-01', 'x'),
      ex('a', 'b', '1956-02-01', 'x'),
      ex('b', 'c', '1956-03-01', 'x'),
    ]);
    const [broadcast] = experienceMetrics([
      ex('o', 'a', '1956-01-01', 'y'),
      ex('o', 'b', '1956-02-01', 'y'),
      ex('o', 'c', '1956-03-01', 'y'),
    ]);
    expect(chain.virality).toBeCloseTo(10 / 6, 12);
    expect(broadcast.virality).toBeCloseTo(1.5, 12);
  });
});
