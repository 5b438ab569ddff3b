import { ChunkBuilder } from '../../src/lib/db/chunks';
import { RollupAccumulator } from '../../src/lib/db/rollups';
import type { ProductionRecord } from '../../src/lib/schema/types';

/** A monthly production lot, as validation would produce it. */
export function lot(
  factory_id: string,
  product: string,
  month: string,
  inspected: number,
  defective: number,
  defect_type?: string,
): ProductionRecord {
  return {
    factory_id,
    product,
    period: month,
    periodStart: `${month}-01`,
    grain: 'month',
    inspected,
    defective,
    ...(defect_type !== undefined ? { defect_type } : {}),
  };
}

/** The rollup and defect rollup chunks of records, as an import writes them. */
export function rollupsOf(records: ProductionRecord[]) {
  const b = new ChunkBuilder(1);
  records.forEach((r, i) => b.add(r, i + 2));
  const acc = new RollupAccumulator();
  acc.addChunk(b.take()!);
  return acc.chunks(1);
}
