import { describe, expect, it } from 'vitest';
import { centrality, communities } from '../../../src/lib/analysis/network';
import {
  betweennessSample,
  pairGraph,
  sampledBetweenness,
} from '../../../src/lib/analysis/centrality';
import type { ExchangeRecord } from '../../../src/lib/schema/types';

const pairs = (list: string): ExchangeRecord[] =>
  list.split(' ').map((p) => {
    const [s, t] = p.split('>');
    return { source_factory: s, target_factory: t, date: '1956-01-01', experience: 'x' };
  });

// Recorded from networkx 3.6.1: nx.pagerank(G, alpha=0.85) and
// nx.betweenness_centrality(G, normalized=True) on this DiGraph.
const NETWORKX: Record<string, [number, number]> = {
  a: [0.07415460007626923, 0.17857142857142855],
  b: [0.05394091296084641, 0.10714285714285714],
  c: [0.07686580099024347, 0.17857142857142855],
  d: [0.234160424144903, 0.1607142857142857],
  e: [0.221464180228372, 0.08928571428571427],
  f: [0.21066598829777508, 0.017857142857142856],
  g: [0.04535009592926621, 0.07142857142857142],
  h: [0.06097278947245536, 0],
  x: [0.022425207899869154, 0],
};

describe('centrality(exchanges)', () => {
  // Two cycles joined by c → d, a tail b → g → h (h dangling), and x feeding in.
  const graph = pairs('a>b a>c b>c c>a c>d d>e e>f f>d b>g g>h x>a');

  it('matches networkx pagerank and normalised directed betweenness', () => {
    const got = centrality(graph);
    expect([...got.keys()].sort()).toEqual(Object.keys(NETWORKX));
    for (const [id, [pr, bc]] of Object.entries(NETWORKX)) {
      expect(got.get(id)!.pagerank, id).toBeCloseTo(pr, 5);
      expect(got.get(id)!.betweenness, id).toBeCloseTo(bc, 12);
    }
    const total = [...got.values()].reduce((s, c) => s + c.pagerank, 0);
    expect(total).toBeCloseTo(1, 9);
  });

  it('counts a pair once however many exchanges it holds', () => {
    const twice = centrality([...graph, ...pairs('c>d c>d x>a')]);
    for (const [id, [pr, bc]] of Object.entries(NETWORKX)) {
      expect(twice.get(id)!.pagerank).toBeCloseTo(pr, 5);
      expect(twice.get(id)!.betweenness).toBeCloseTo(bc, 12);
    }
  });

  it('is empty for no exchanges', () => {
    expect(centrality([]).size).toBe(0);
  });
});

describe('communities(exchanges)', () => {
  it('finds two dense groups joined by one exchange, with their modularity', () => {
    const two = pairs('a>b b>c c>a a>c d>e e>f f>d d>f c>d');
    const found = communities(two);
    expect(found.count).toBe(2);
    const [a, d] = [found.of.get('a'), found.of.get('d')];
    expect(['b', 'c'].map((id) => found.of.get(id))).toEqual([a, a]);
    expect(['e', 'f'].map((id) => found.of.get(id))).toEqual([d, d]);
    expect(a).not.toBe(d);
    // networkx: modularity(G.to_undirected() weighted by exchanges, [{a,b,c},{d,e,f}]) = 0.38888888888888884
    expect(found.modularity).toBeCloseTo(0.38888888888888884, 12);
  });

  it('gives one partition for one dataset, run after run', () => {
    const graph = pairs('a>b b>c c>a d>e e>f f>d c>d g>h h>i i>g f>g');
    const first = communities(graph);
    for (let i = 0; i < 5; i++) expect(communities(graph).of).toEqual(first.of);
  });
});

describe('betweenness on large graphs', () => {
  const graph = pairs('a>b a>c b>c c>a c>d d>e e>f f>d b>g g>h x>a');
  it('is exact up to the budget, then estimated from a sample of sources', () => {
    expect(betweennessSample(9, 11)).toBeNull();
    expect(betweennessSample(2_000, 10_000)).toBeNull();
    expect(betweennessSample(10_000, 50_000)).toBe(416);
    expect(betweennessSample(10, 20, 100)).toBe(3);
  });

  it('estimates from every source exactly, and from fewer without bias on average', () => {
    const g = pairGraph(graph);
    const all = sampledBetweenness(g, g.order);
    for (const [id, [, bc]] of Object.entries(NETWORKX)) expect(all[id]).toBeCloseTo(bc, 12);
    // From a sample: factories no shortest path runs through stay at 0, and the estimate is
    // on the exact one's scale (normalised, so at most 1).
    const some = centrality(graph, 9 * 20 - 1);
    expect(some.get('h')!.betweenness).toBe(0);
    expect(some.get('x')!.betweenness).toBe(0);
    for (const c of some.values()) expect(c.betweenness).toBeLessThanOrEqual(1);
    expect([...some.values()].map((c) => c.betweenness)).not.toEqual(
      Object.values(NETWORKX).map(([, bc]) => bc),
    );
  });
});
