import { describe, expect, it } from 'vitest';
import {
  components,
  staticReach,
  temporalReach,
  type ReachExchange,
} from '../../../src/lib/analysis/reach';
import { seeded as rng } from '../../../src/lib/random';

const ex = (s: string, t: string, date: string, adopted?: string): ReachExchange => ({
  source_factory: s,
  target_factory: t,
  date,
  ...(adopted ? { adopted_on: adopted } : {}),
});

/** The definition, walked out: every chain of exchanges, each on or after the last one's adoption. */
function chainsReach(list: readonly ReachExchange[]): Map<string, number> {
  const adopt = (e: ReachExchange) =>
    (e.adopted_on ?? e.date) > e.date ? (e.adopted_on ?? e.date) : e.date;
  const out = new Map<string, number>();
  const ids = new Set(list.flatMap((e) => [e.source_factory, e.target_factory]));
  for (const s of ids) {
    const used = new Set<number>();
    const queue = list.flatMap((e, i) => (e.source_factory === s ? [i] : []));
    queue.forEach((i) => used.add(i));
    while (queue.length) {
      const e = list[queue.pop()!];
      list.forEach((f, j) => {
        if (!used.has(j) && f.source_factory === e.target_factory && f.date >= adopt(e)) {
          used.add(j);
          queue.push(j);
        }
      });
    }
    const reached = new Set([...used].map((i) => list[i].target_factory));
    reached.delete(s);
    out.set(s, reached.size);
  }
  return out;
}

describe('temporalReach(exchanges)', () => {
  it('counts only chains that run forward in time', () => {
    // a taught b in March; b taught c in February (before it learned) and d in April.
    const list = [
      ex('a', 'b', '1956-03-01'),
      ex('b', 'c', '1956-02-01'),
      ex('b', 'd', '1956-04-01'),
      ex('d', 'a', '1956-05-01'),
    ];
    expect(Object.fromEntries(temporalReach(list))).toEqual({ a: 2, b: 3, c: 0, d: 1 });
    // Dates ignored, the cycle a → b → d → a gives all four the same reach.
    expect(Object.fromEntries(staticReach(list))).toEqual({ a: 3, b: 3, c: 0, d: 3 });
  });

  it('waits for the adoption day, and lets chains run within one day', () => {
    // b learned on 03-01 but adopted on 03-20: its 03-10 exchange comes before it had adopted.
    const late = [ex('a', 'b', '1956-03-01', '1956-03-20'), ex('b', 'c', '1956-03-10')];
    expect(temporalReach(late).get('a')).toBe(1);
    expect(temporalReach([late[0], ex('b', 'c', '1956-03-20')]).get('a')).toBe(2);
    const sameDay = [ex('b', 'c', '1956-03-01'), ex('a', 'b', '1956-03-01')];
    expect(temporalReach(sameDay).get('a')).toBe(2);
  });

  it('never counts the factory itself, and a cycle back to it adds nothing', () => {
    const list = [
      ex('a', 'b', '1956-01-01'),
      ex('b', 'a', '1956-02-01'),
      ex('a', 'a', '1956-03-01'),
    ];
    expect(Object.fromEntries(temporalReach(list))).toEqual({ a: 1, b: 1 });
  });

  it('matches the walk over every chain on 200 random graphs', () => {
    const next = rng(17);
    for (let g = 0; g < 200; g++) {
      const n = 2 + Math.floor(next() * 12);
      const list = Array.from({ length: 1 + Math.floor(next() * 30) }, () => {
        const day = 1 + Math.floor(next() * 10);
        const late = next() < 0.3 ? Math.floor(next() * 5) : 0;
        const d = (k: number) => `1956-01-${String(k).padStart(2, '0')}`;
        return ex(
          `f${Math.floor(next() * n)}`,
          `f${Math.floor(next() * n)}`,
          d(day),
          late ? d(day + late) : undefined,
        );
      });
      expect(Object.fromEntries(temporalReach(list)), JSON.stringify(list)).toEqual(
        Object.fromEntries(chainsReach(list)),
      );
    }
  });

  it('handles more factories than one 32-bit word holds', () => {
    const list = Array.from({ length: 99 }, (_, i) => ex(`f${i}`, `f${i + 1}`, `1956-01-01`));
    const reach = temporalReach(list);
    expect(reach.get('f0')).toBe(99);
    expect(reach.get('f64')).toBe(35);
    expect(reach.get('f99')).toBe(0);
  });
});

describe('staticReach(exchanges)', () => {
  it('counts descendants in the union of all exchanges, through components', () => {
    const next = rng(5);
    for (let g = 0; g < 100; g++) {
      const n = 2 + Math.floor(next() * 40);
      const list = Array.from({ length: Math.floor(next() * 60) }, () =>
        ex(`f${Math.floor(next() * n)}`, `f${Math.floor(next() * n)}`, '1956-01-01'),
      );
      // Every exchange on one day: a chain in time is any chain.
      expect(Object.fromEntries(staticReach(list))).toEqual(Object.fromEntries(chainsReach(list)));
    }
  });
});

describe('components(adj)', () => {
  it('finds strongly connected components, successors numbered first', () => {
    // 0 ⇄ 1 → 2 ⇄ 3, 4 alone.
    const comp = components([[1], [0, 2], [3], [2], []]);
    expect(comp[0]).toBe(comp[1]);
    expect(comp[2]).toBe(comp[3]);
    expect(comp[0]).not.toBe(comp[2]);
    expect(comp[2]).toBeLessThan(comp[0]);
    expect(new Set(comp).size).toBe(3);
  });

  it('walks a long chain without overflowing the stack', () => {
    const n = 200_000;
    const adj = Array.from({ length: n }, (_, i) => (i + 1 < n ? [i + 1] : []));
    expect(new Set(components(adj)).size).toBe(n);
  });
});
