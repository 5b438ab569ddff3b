import type { Grain } from '../schema/types';
import { GRAINS } from '../schema/types';
import { pick } from './chunks';
import type {
  DefectRollupChunk,
  DefectRollupRow,
  LoomDB,
  RollupChunk,
  RollupRow,
} from './database';
import { activeImportIds } from './imports';

export { RollupAccumulator, rollupPeriod } from './rollupAccumulator';

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

/** The defect rollup chunks of the active imports, for Pareto charts. */
export async function activeDefectRollups(db: LoomDB): Promise<DefectRollupChunk[]> {
  const active = await activeImportIds(db);
  return (await db.defectRollups.toArray()).filter((c) => active.has(c.importId));
}

/** The rollup chunks of the active imports: what every chart reads. */
export async function activeRollups(db: LoomDB): Promise<RollupChunk[]> {
  const active = await activeImportIds(db);
  return (await db.rollups.toArray()).filter((c) => active.has(c.importId));
}
