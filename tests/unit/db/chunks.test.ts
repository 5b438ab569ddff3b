import { describe, expect, it } from 'vitest';
import {
  CHUNK_ROWS,
  ChunkBuilder,
  chunkRecord,
  dayToIso,
  isoToDay,
} from '../../../src/lib/db/chunks';
import type { ProductionRecord } from '../../../src/lib/schema/types';

const rec = (i: number): ProductionRecord => ({
  factory_id: i % 2 ? 'zhenya' : 'guangming',
  product: '软缎',
  period: '1956-Q3',
  periodStart: '1956-07-01',
  grain: 'quarter',
  inspected: 100 + i,
  defective: i % 7,
  ...(i % 3 ? { defect_type: '断经' } : {}),
});

describe('isoToDay(iso) and dayToIso(day)', () => {
  it.each([
    ['1970-01-01', 0],
    ['1956-08-26', -4876],
    ['2000-02-29', 11016],
  ])('%s is day %d and back', (iso, day) => {
    expect(isoToDay(iso)).toBe(day);
    expect(dayToIso(day)).toBe(iso);
  });
});

describe('ChunkBuilder', () => {
  it('round-trips records through columns, dictionaries and all', () => {
    const b = new ChunkBuilder(7);
    const records = Array.from({ length: 10 }, (_, i) => rec(i));
    records.forEach((r, i) => b.add(r, i + 2));
    const chunk = b.take()!;
    expect(chunk).toMatchObject({ importId: 7, seq: 0, count: 10 });
    expect(chunk.factory.dict).toEqual(['', 'guangming', 'zhenya']);
    expect(records.map((_, i) => chunkRecord(chunk, i))).toEqual(
      records.map((r, i) => ({ ...r, row: i + 2 })),
    );
  });

  it('says when a chunk is full and numbers chunks in order', () => {
    const b = new ChunkBuilder(1);
    let full = 0;
    for (let i = 0; i < CHUNK_ROWS + 5; i++) if (b.add(rec(i), i + 2)) full = i + 1;
    expect(full).toBe(CHUNK_ROWS);
    expect(b.take()!.count).toBe(CHUNK_ROWS + 5);
  });

  it('is null when empty', () => {
    expect(new ChunkBuilder(1).take()).toBeNull();
  });

  it('throws a TypeError for a row outside the chunk', () => {
    const b = new ChunkBuilder(1);
    b.add(rec(0), 2);
    expect(() => chunkRecord(b.take()!, 5)).toThrow(TypeError);
  });
});
