import type { Grain, ProductionRecord } from '../schema/types';
import { GRAINS } from '../import/values';
import type { DefectRollupRow, RollupRow } from './database';

const SEP = '\u0001';

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

  /** The sums as rows of `importId`, ready to store. */
  rows(importId: number): { rollups: RollupRow[]; defectRollups: DefectRollupRow[] } {
    const rollups: RollupRow[] = [];
    for (const [key, t] of this.totals) {
      const [factory_id, product, month] = key.split(SEP);
      rollups.push({
        importId,
        factory_id,
        product,
        month,
        inspected: t.inspected,
        defective: t.defective,
        lots: t.lots,
        grain: GRAINS[t.grain] as Grain,
      });
    }
    const defectRollups: DefectRollupRow[] = [];
    for (const [key, d] of this.defects) {
      const [factory_id, product, month, defect_type] = key.split(SEP);
      defectRollups.push({
        importId,
        factory_id,
        product,
        month,
        defect_type,
        defective: d.defective,
        lots: d.lots,
      });
    }
    return { rollups, defectRollups };
  }
}
