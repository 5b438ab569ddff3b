import type { Grain, ProductionRecord } from '../schema/types';
import { GRAINS } from '../import/values';
import { DictBuilder, pick } from './chunks';
import {
  ROLLUP_CHUNK_ROWS,
  type DefectRollupChunk,
  type DefectRollupRow,
  type LoomDB,
  type RollupChunk,
  type RollupRow,
} from './database';
import { activeImportIds } from './imports';

const SEP = '\u0001';

/** Splits `n` entries into runs of at most ROLLUP_CHUNK_ROWS: [start, end) pairs. */
function runs(n: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < n; s += ROLLUP_CHUNK_ROWS) out.push([s, Math.min(n, s + ROLLUP_CHUNK_ROWS)]);
  return out;
}

/**
 * Sums production records per factory x product x month, and per defect type,
 * as an import streams past, so that charts never scan raw rows. A quarter's
 * or a year's rows count in its first month.
 */
export class RollupAccumulator {
  private readonly totals = new Map<
    string,
    { inspected: number; defective: number; lots: number; grain: number }
  >();
  private readonly defects = new Map<string, { defective: number; lots: number }>();

  /** Adds one record. */
  add(r: ProductionRecord): void {
    const key = r.factory_id + SEP + r.product + SEP + r.periodStart.slice(0, 7);
    const t = this.totals.get(key);
    const g = GRAINS.indexOf(r.grain);
    if (t) {
      t.inspected += r.inspected;
      t.defective += r.defective;
      t.lots++;
      if (g > t.grain) t.grain = g;
    } else
      this.totals.set(key, { inspected: r.inspected, defective: r.defective, lots: 1, grain: g });
    if (r.defect_type !== undefined) {
      const dkey = key + SEP + r.defect_type;
      const d = this.defects.get(dkey);
      if (d) {
        d.defective += r.defective;
        d.lots++;
      } else this.defects.set(dkey, { defective: r.defective, lots: 1 });
    }
  }

  /** The sums as columnar chunks of `importId`, ready to store (empty arrays when nothing was added). */
  chunks(importId: number): { rollups: RollupChunk[]; defectRollups: DefectRollupChunk[] } {
    const totals = [...this.totals];
    const rollups = runs(totals.length).map(([s, e]): RollupChunk => {
      const n = e - s;
      const factory = new DictBuilder(n);
      const product = new DictBuilder(n);
      const month = new DictBuilder(n);
      const chunk = {
        importId,
        count: n,
        inspected: new Float64Array(n),
        defective: new Float64Array(n),
        lots: new Uint32Array(n),
        grain: new Uint8Array(n),
      };
      for (let i = 0; i < n; i++) {
        const [key, t] = totals[s + i];
        const [f, p, m] = key.split(SEP);
        factory.set(i, f);
        product.set(i, p);
        month.set(i, m);
        chunk.inspected[i] = t.inspected;
        chunk.defective[i] = t.defective;
        chunk.lots[i] = t.lots;
        chunk.grain[i] = t.grain;
      }
      return {
        ...chunk,
        factory: factory.build(n),
        product: product.build(n),
        month: month.build(n),
      };
    });
    const defects = [...this.defects];
    const defectRollups = runs(defects.length).map(([s, e]): DefectRollupChunk => {
      const n = e - s;
      const factory = new DictBuilder(n);
      const product = new DictBuilder(n);
      const month = new DictBuilder(n);
      const defectType = new DictBuilder(n);
      const defective = new Float64Array(n);
      const lots = new Uint32Array(n);
      for (let i = 0; i < n; i++) {
        const [key, d] = defects[s + i];
        const [f, p, m, t] = key.split(SEP);
        factory.set(i, f);
        product.set(i, p);
        month.set(i, m);
        defectType.set(i, t);
        defective[i] = d.defective;
        lots[i] = d.lots;
      }
      return {
        importId,
        count: n,
        factory: factory.build(n),
        product: product.build(n),
        month: month.build(n),
        defectType: defectType.build(n),
        defective,
        lots,
      };
    });
    return { rollups, defectRollups };
  }
}

/** The rows of a rollup chunk, in stored order. */
export function* rollupRows(c: RollupChunk): Generator<RollupRow> {
  for (let i = 0; i < c.count; i++)
    yield {
      factory_id: pick(c.factory, i)!,
      product: pick(c.product, i)!,
      month: pick(c.month, i)!,
      inspected: c.inspected[i],
      defective: c.defective[i],
      lots: c.lots[i],
      grain: GRAINS[c.grain[i]] as Grain,
    };
}

/** The rows of a defect rollup chunk, in stored order. */
export function* defectRollupRows(c: DefectRollupChunk): Generator<DefectRollupRow> {
  for (let i = 0; i < c.count; i++)
    yield {
      factory_id: pick(c.factory, i)!,
      product: pick(c.product, i)!,
      month: pick(c.month, i)!,
      defect_type: pick(c.defectType, i)!,
      defective: c.defective[i],
      lots: c.lots[i],
    };
}

/** The rollup chunks of the active imports: what every chart reads. */
export async function activeRollups(db: LoomDB): Promise<RollupChunk[]> {
  const active = await activeImportIds(db);
  return (await db.rollups.toArray()).filter((c) => active.has(c.importId));
}
