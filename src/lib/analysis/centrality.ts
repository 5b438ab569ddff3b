// Centrality and communities of the exchange network, from graphology, the graph library Gephi
// Lite is built on: maintained implementations of PageRank and Brandes' betweenness that match
// networkx, and Louvain community detection with modularity.

import { DirectedGraph, UndirectedGraph } from 'graphology';
import pagerank from 'graphology-metrics/centrality/pagerank';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import { createUnweightedIndexedBrandes } from 'graphology-shortest-path/indexed-brandes';
import louvain from 'graphology-communities-louvain';
import type { ReachExchange } from './reach';
import { seeded } from '../random';

type Pair = Pick<ReachExchange, 'source_factory' | 'target_factory'>;

/** graphology's indexed Brandes search, as it is at run time (its typings leave out `index` and `items`). */
type Brandes = ((
  source: number,
) => [{ size: number; items: ArrayLike<number>; pop(): number }, number[][], Uint32Array]) & {
  index: { collect(values: Float64Array): Record<string, number> };
};

/** The directed graph of distinct source → target pairs (one edge however many exchanges). */
export function pairGraph(exchanges: readonly Pair[]): DirectedGraph {
  const g = new DirectedGraph();
  for (const e of exchanges) {
    g.mergeNode(e.source_factory);
    g.mergeNode(e.target_factory);
    g.mergeEdge(e.source_factory, e.target_factory);
  }
  return g;
}

/** A factory's place in the network: how much learning flows to it, and how much through it. */
export interface Centrality {
  /** PageRank, damping 0.85, dangling mass spread evenly (as networkx `pagerank`); sums to 1. */
  pagerank: number;
  /** Betweenness, normalised by (n−1)(n−2) as networkx does for directed graphs. */
  betweenness: number;
}

/**
 * The work exact betweenness may take, in node × (node + edge) steps (under a second here):
 * above it, betweenness is estimated from a sample of sources.
 */
export const BETWEENNESS_BUDGET = 25_000_000;

/**
 * How many source factories betweenness is estimated from on a graph of `n` factories and `e`
 * pairs, or null when it is computed exactly (from every source).
 */
export function betweennessSample(
  n: number,
  e: number,
  budget = BETWEENNESS_BUDGET,
): number | null {
  return n * (n + e) <= budget ? null : Math.max(1, Math.min(n, Math.floor(budget / (n + e))));
}

/**
 * PageRank and betweenness of every factory, on the directed graph of distinct source → target
 * pairs. PageRank: power iteration, O(I·(N + E)) for I iterations (tolerance N·10⁻⁶, as
 * networkx). Betweenness: Brandes' algorithm, O(N·E) time and O(N + E) memory; above
 * {@link BETWEENNESS_BUDGET} from k sources drawn with a fixed seed and scaled by N/k (Brandes
 * & Pich 2007, as networkx's `betweenness_centrality(k=…)`), O(k·(N + E)).
 */
export function centrality(
  exchanges: readonly Pair[],
  budget = BETWEENNESS_BUDGET,
): Map<string, Centrality> {
  const g = pairGraph(exchanges);
  if (!g.order) return new Map();
  const pr = pagerank(g, {
    alpha: 0.85,
    maxIterations: 1000,
    tolerance: 1e-6,
    getEdgeWeight: null,
  });
  const k = betweennessSample(g.order, g.size, budget);
  const bc =
    k === null
      ? betweennessCentrality(g, { normalized: true, getEdgeWeight: null })
      : sampledBetweenness(g, k);
  return new Map(g.mapNodes((id) => [id, { pagerank: pr[id], betweenness: bc[id] }]));
}

/** Betweenness from `k` seeded sources, normalised as the exact one and scaled by N/k (k = N: exact). */
export function sampledBetweenness(g: DirectedGraph, k: number): Record<string, number> {
  const brandes = createUnweightedIndexedBrandes(g) as unknown as Brandes;
  const n = g.order;
  const delta = new Float64Array(n);
  const total = new Float64Array(n);
  // A seeded partial shuffle picks k distinct sources.
  const order = Array.from({ length: n }, (_, i) => i);
  const rand = seeded(558);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rand() * (n - i));
    [order[i], order[j]] = [order[j], order[i]];
    const s = order[i];
    const [S, P, sigma] = brandes(s);
    for (let j = 0; j < S.size; j++) delta[S.items[j]] = 0;
    while (S.size) {
      const w = S.pop();
      const c = (1 + delta[w]) / sigma[w];
      for (const v of P[w]) delta[v] += sigma[v] * c;
      if (w !== s) total[w] += delta[w];
    }
  }
  const scale = n <= 2 ? 1 : n / k / ((n - 1) * (n - 2));
  for (let i = 0; i < n; i++) total[i] *= scale;
  return brandes.index.collect(total);
}

/** Communities of factories that exchange more among themselves than with others. */
export interface Communities {
  /** Each factory's community, numbered from 0 by size (largest first), then first member. */
  of: Map<string, number>;
  count: number;
  /** Newman's modularity of that partition, −½…1: above about 0.3 the communities are marked. */
  modularity: number;
}

/**
 * Louvain communities (Blondel et al. 2008) of the exchange network taken as undirected, each
 * pair of factories weighted by its exchanges both ways. Seeded, so one dataset always gives
 * one partition. About O(E) per pass, with few passes in practice.
 */
export function communities(exchanges: readonly Pair[]): Communities {
  const g = new UndirectedGraph();
  for (const e of exchanges) {
    if (e.source_factory === e.target_factory) continue;
    g.mergeNode(e.source_factory);
    g.mergeNode(e.target_factory);
    g.updateEdge(e.source_factory, e.target_factory, (a) => ({ weight: (a.weight ?? 0) + 1 }));
  }
  for (const e of exchanges) g.mergeNode(e.source_factory);
  if (!g.size)
    return { of: new Map(g.mapNodes((id) => [id, 0])), count: g.order ? 1 : 0, modularity: 0 };
  const found = louvain.detailed(g, { getEdgeWeight: 'weight', rng: seeded(1956) });
  // Renumber: largest community first, ties by their first member's id.
  const members = new Map<number, string[]>();
  for (const id of [...g.nodes()].sort()) {
    const c = found.communities[id];
    members.set(c, [...(members.get(c) ?? []), id]);
  }
  const order = [...members.values()].sort(
    (a, b) => b.length - a.length || a[0].localeCompare(b[0]),
  );
  const of = new Map<string, number>();
  order.forEach((ids, k) => ids.forEach((id) => of.set(id, k)));
  return { of, count: order.length, modularity: found.modularity };
}
