// The rollups' columnar layout: sums per factory × product × period of one import, column by
// column, as the store keeps them and as the analysis reads them. A data contract of its own, so
// that analysis is typed by it and not by the database that stores it.

/**
 * A dictionary-encoded text column: `dict[codes[i]]`, with code 0 meaning "no
 * value" (dict[0] is ''). Codes are 16-bit when the dictionary allows.
 */
export interface DictColumn {
  dict: string[];
  codes: Uint16Array | Uint32Array;
}

/** The key columns that every rollup chunk shares: up to ROLLUP_CHUNK_ROWS (db/rollupAccumulator) cells of one import. */
export interface RollupCells {
  id?: number;
  importId: number;
  count: number;
  factory: DictColumn;
  product: DictColumn;
  /** `YYYY-MM`. */
  month: DictColumn;
}

/**
 * Rollup rows of one import, stored column by column like production chunks:
 * a million-row file can have a hundred thousand factory x product x month
 * cells, and one record per cell would make the commit as slow as storing
 * rows one by one.
 */
export interface RollupChunk extends RollupCells {
  inspected: Float64Array;
  defective: Float64Array;
  lots: Uint32Array;
  /** Index into GRAINS. */
  grain: Uint8Array;
}

/** Defect rollup rows of one import (one per cell and defect type), column by column. */
export interface DefectRollupChunk extends RollupCells {
  defectType: DictColumn;
  defective: Float64Array;
  lots: Uint32Array;
}
