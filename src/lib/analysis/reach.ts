// Who can a factory's knowledge have reached? Two answers, both counted with bitsets so that
// every factory's reach costs one sweep of the graph rather than one walk per factory:
// - time-respecting reach: along chains of exchanges that run forward in time, each exchange
//   dated on or after the adoption of the one before it (knowledge cannot be passed on before
//   it was received);
// - static reach: along any chain of exchanges, ignoring dates (reachability in the union of
//   all exchanges), from the condensation into strongly connected components.

import { adoptedOn, dayTime } from './adoptions';

/** The exchange fields reach depends on. */
export interface ReachExchange {
  source_factory: string;
  target_factory: string;
  date: string;
  adopted_on?: string;
}

/** Node ids in first-seen order, and each id's index. */
function indexNodes(exchanges: readonly ReachExchange[]): {
  ids: string[];
  at: Map<string, number>;
} {
  const at = new Map<string, number>();
  const ids: string[] = [];
  const add = (id: string) => {
    if (!at.has(id)) at.set(id, ids.push(id) - 1);
  };
  for (const e of exchanges) {
    add(e.source_factory);
    add(e.target_factory);
  }
  return { ids, at };
}

/** A set of node indices as bits: `words` 32-bit words per node, all nodes' sets in one array. */
class BitRows {
  readonly words: number;
  readonly bits: Int32Array;
  constructor(rows: number, width: number) {
    this.words = (width + 31) >>> 5;
    this.bits = new Int32Array(rows * this.words);
  }
  set(row: number, i: number): boolean {
    const k = row * this.words + (i >>> 5);
    const before = this.bits[k];
    this.bits[k] = before | (1 << (i & 31));
    return this.bits[k] !== before;
  }
  /** Row `to` |= `from` (a row of `src`, by default this); whether `to` changed. */
  or(to: number, from: number, src: Int32Array = this.bits, fromBase = from * this.words): boolean {
    const w = this.words;
    const base = to * w;
    let changed = false;
    for (let j = 0; j < w; j++) {
      const v = this.bits[base + j] | src[fromBase + j];
      if (v !== this.bits[base + j]) {
        this.bits[base + j] = v;
        changed = true;
      }
    }
    return changed;
  }
  /** How many bits row `row` holds, bit `skip` not counted. */
  count(row: number, skip: number): number {
    const w = this.words;
    let n = 0;
    for (let j = 0; j < w; j++) {
      let v = this.bits[row * w + j];
      if (j === skip >>> 5) v &= ~(1 << (skip & 31));
      v -= (v >>> 1) & 0x55555555;
      v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
      n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
    }
    return n;
  }
}

/**
 * Time-respecting reach: for every factory in `exchanges`, how many other factories a chain of
 * exchanges from it reaches, where each exchange in the chain is dated on or after the adoption
 * day (`adopted_on`, else the exchange date) of the exchange before it. An adoption recorded
 * before its own exchange counts from the exchange's date. A chain that returns to the factory
 * does not count it.
 *
 * One sweep of the exchanges from the latest date back: each factory's set holds who it can
 * reach using exchanges from the sweep's date on; an exchange u→v adds v and v's set as it was
 * at the adoption day (a snapshot taken when the sweep passed that day). Exchanges of one day
 * are swept until nothing changes, so chains within a day count. Cost: O(E·N/32) word
 * operations and O(N²/8) bytes (plus a snapshot for each exchange adopted after its date, held
 * only until the sweep reaches that date); N factories, E exchanges.
 */
export function temporalReach(exchanges: readonly ReachExchange[]): Map<string, number> {
  const { ids, at } = indexNodes(exchanges);
  const n = ids.length;
  const m = exchanges.length;
  const src = new Int32Array(m);
  const dst = new Int32Array(m);
  const day = new Float64Array(m);
  const adopt = new Float64Array(m);
  exchanges.forEach((e, i) => {
    src[i] = at.get(e.source_factory)!;
    dst[i] = at.get(e.target_factory)!;
    day[i] = dayTime(e.date);
    adopt[i] = Math.max(day[i], dayTime(adoptedOn(e)));
  });
  const rows = new BitRows(n, n);
  const w = rows.words;
  // Latest first; within a day, any order (the day is swept to a fixpoint).
  const order = Array.from({ length: m }, (_, i) => i).sort((a, b) => day[b] - day[a]);
  // Exchanges adopted after their date, by adoption day, latest first: each takes a snapshot
  // of its target's set once every exchange on or after that day is in.
  const late = order.filter((i) => adopt[i] > day[i]).sort((a, b) => adopt[b] - adopt[a]);
  const snapshots = new Map<number, Int32Array>();
  let next = 0;
  const snapshotUntil = (t: number) => {
    // Every exchange dated on or after `t`'s successor day is in: snapshot those adopted after t.
    while (next < late.length && adopt[late[next]] > t) {
      const i = late[next++];
      snapshots.set(i, rows.bits.slice(dst[i] * w, dst[i] * w + w));
    }
  };
  const apply = (i: number): boolean => {
    let changed = rows.set(src[i], dst[i]);
    const snap = snapshots.get(i);
    if (snap) changed = rows.or(src[i], 0, snap, 0) || changed;
    else changed = rows.or(src[i], dst[i]) || changed;
    return changed;
  };
  for (let start = 0; start < m;) {
    const d = day[order[start]];
    let end = start;
    while (end < m && day[order[end]] === d) end++;
    snapshotUntil(d);
    for (let changed = true; changed;) {
      changed = false;
      for (let k = start; k < end; k++) if (apply(order[k])) changed = true;
    }
    for (let k = start; k < end; k++) snapshots.delete(order[k]);
    start = end;
  }
  return new Map(ids.map((id, i) => [id, rows.count(i, i)]));
}

/**
 * Static reach: for every factory, how many others any chain of exchanges from it reaches,
 * dates ignored. Strongly connected components (Tarjan's, iterative) are condensed into a DAG
 * whose sets are or-ed in reverse topological order. Cost: O(N + E) for the components, then
 * O(E·C/32) word operations and O(C²/8) bytes for C components.
 */
export function staticReach(exchanges: readonly ReachExchange[]): Map<string, number> {
  const { ids, at } = indexNodes(exchanges);
  const n = ids.length;
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const e of exchanges) {
    const [u, v] = [at.get(e.source_factory)!, at.get(e.target_factory)!];
    if (u !== v) adj[u].push(v);
  }
  const comp = components(adj);
  const c = Math.max(0, ...comp) + 1;
  const size = new Int32Array(c);
  for (const k of comp) size[k]++;
  // Tarjan numbers components in reverse topological order: a component's successors come first.
  const rows = new BitRows(c, c);
  const down: number[][] = Array.from({ length: c }, () => []);
  for (let u = 0; u < n; u++)
    for (const v of adj[u]) if (comp[u] !== comp[v]) down[comp[u]].push(comp[v]);
  for (let k = 0; k < c; k++)
    for (const j of down[k]) {
      rows.set(k, j);
      rows.or(k, j);
    }
  // Reach in factories: the members of every component reached, and the others of its own.
  const reached = new Float64Array(c);
  for (let k = 0; k < c; k++) {
    let total = size[k] - 1;
    for (let j = 0; j < c; j++)
      if (rows.bits[k * rows.words + (j >>> 5)] & (1 << (j & 31))) total += size[j];
    reached[k] = total;
  }
  return new Map(ids.map((id, i) => [id, reached[comp[i]]]));
}

/**
 * Strongly connected components of a directed graph, by Tarjan's algorithm without recursion:
 * each node's component number, numbered in reverse topological order of the condensation.
 * O(N + E).
 */
export function components(adj: readonly (readonly number[])[]): Int32Array {
  const n = adj.length;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const comp = new Int32Array(n).fill(-1);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const call: [number, number][] = [];
  let counter = 0;
  let count = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    call.push([root, 0]);
    while (call.length) {
      const top = call[call.length - 1];
      const [v, i] = top;
      if (i === 0) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      if (i < adj[v].length) {
        top[1]++;
        const w = adj[v][i];
        if (index[w] < 0) call.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      call.pop();
      if (call.length) {
        const parent = call[call.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = count;
        } while (w !== v);
        count++;
      }
    }
  }
  return comp;
}
