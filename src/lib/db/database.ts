import type { Deck } from './deckTypes';
import Dexie, { type EntityTable } from 'dexie';
import type { ExchangeRecord, FactoryRecord, Grain, RecordKind } from '../schema/types';
import type { Encoding } from '../schema/types';
import type { Terms } from '../schema/terms';
import type { Notice } from '../i18n/notice';
import { RollupAccumulator } from './rollupAccumulator';
import type { DefectRollupChunk, DictColumn, RollupChunk } from '../schema/rollups';

export type { DefectRollupChunk, DictColumn, RollupCells, RollupChunk } from '../schema/rollups';

/** One imported file. Rows of a `staging` import are invisible to queries until one small transaction makes it `active`. */
export interface ImportRow {
  id: number;
  fileName: string;
  kind: RecordKind;
  status: 'staging' | 'active';
  /** Content hash of the file's bytes, to recognise the same file imported twice. */
  hash: string;
  /** Names the Web Lock its importer holds while staging; a staging import whose lock is free was abandoned. */
  lockName: string;
  bytes: number;
  encoding: Encoding;
  delimiter: string;
  rowsAccepted: number;
  rowsRejected: number;
  /** Remarks about the file; imports made before remarks had codes hold plain English strings. */
  warnings: (Notice | string)[];
  mapping: Record<string, string | null>;
  /** Epoch ms. */
  startedAt: number;
  /** Epoch ms when it became active. */
  importedAt?: number;
  /** `sample` for the built-in data set, so a reset can tell it apart. */
  source: 'user' | 'sample';
  /**
   * For a file of a bundle or of the sample: the group it loads with. Its imports stay
   * staging, complete but invisible, until one transaction makes the whole group active.
   */
  group?: string;
  /**
   * The content hash a bundle claims for the file this data first came from: never trusted
   * alone. An import counts as a duplicate of it only when their records are equal.
   */
  origin?: string;
  /** The sheet of an Excel workbook the rows were read from; absent for CSV. */
  sheet?: string;
  /** Its data words in the other language, from `*_zh` / `*_en` columns (schema/terms). */
  terms?: Terms;
  /** The imports this one replaced when it was committed (a revised report): gone since. */
  replaced?: { fileName: string; importedAt: number }[];
}

/** Whole-number counts: 32-bit when every value fits, 64-bit floats otherwise. */
export type CountColumn = Uint32Array | Float64Array;

/** About 16k production rows stored column by column: one IndexedDB record instead of 16k. */
export interface ChunkRow {
  id?: number;
  importId: number;
  /** Order of the chunk within its import, from 0. */
  seq: number;
  count: number;
  factory: DictColumn;
  product: DictColumn;
  /** First day of each row's period, as days since 1970-01-01 (UTC). */
  day: Int32Array;
  /** Index into GRAINS of each row's period grain. */
  grain: Uint8Array;
  inspected: CountColumn;
  defective: CountColumn;
  defectType: DictColumn;
  shift: DictColumn;
  workshop: DictColumn;
  /** Row number in the source file (header = 1). */
  row: Int32Array;
}

/** A factory as stored, tagged with the import it came from. */
export interface FactoryRow extends FactoryRecord {
  id?: number;
  importId: number;
  /** True when it was created because production or exchanges named an unknown factory. */
  placeholder?: boolean;
}

/** An exchange as stored. */
export interface ExchangeRow extends ExchangeRecord {
  id?: number;
  importId: number;
  row: number;
}

/** Sums for one factory x product x period of one import, as a row. Charts read these, never raw rows. */
export interface RollupRow {
  factory_id: string;
  product: string;
  /**
   * The period: `YYYY-MM` for day and month lots, `YYYY-Qn` for quarter lots, `YYYY` for year
   * lots (see rollupPeriod). The column keeps its first name, `month`.
   */
  month: string;
  inspected: number;
  defective: number;
  /** Number of production rows summed. */
  lots: number;
  /** The coarsest grain among the rows summed: day or month for a month, else the period's. */
  grain: Grain;
}

/** Defective pieces for one factory x product x month x defect type of one import, as a row. */
export interface DefectRollupRow {
  factory_id: string;
  product: string;
  month: string;
  defect_type: string;
  defective: number;
  lots: number;
}

export { ROLLUP_CHUNK_ROWS } from './rollupAccumulator';

/** The IndexedDB database name. */
export const DB_NAME = 'loom';

/** The tables each version adds (Dexie's store syntax), for LoomDB and for tests of its upgrades. */
export const SCHEMA = {
  1: {
    imports: '++id, hash, status, kind',
    chunks: '++id, importId, [importId+seq]',
    factories: '++id, importId, factory_id',
    exchanges: '++id, importId',
    rollups: '++id, importId',
    defectRollups: '++id, importId',
  },
  2: { decks: '++id, updatedAt' },
} as const;

/** Loom's database. Version 1 is the first; each later version adds a migration and a test. */
export class LoomDB extends Dexie {
  imports!: EntityTable<ImportRow, 'id'>;
  chunks!: EntityTable<ChunkRow, 'id'>;
  factories!: EntityTable<FactoryRow, 'id'>;
  exchanges!: EntityTable<ExchangeRow, 'id'>;
  rollups!: EntityTable<RollupChunk, 'id'>;
  defectRollups!: EntityTable<DefectRollupChunk, 'id'>;
  decks!: EntityTable<Deck, 'id'>;

  constructor(name = DB_NAME) {
    // Relaxed durability: a crash can lose the last commit but never half of one, and writes are much faster.
    super(name, { chromeTransactionDurability: 'relaxed' });
    this.version(1).stores(SCHEMA[1]);
    // Version 2: presenter decks.
    this.version(2).stores(SCHEMA[2]);
    // Version 3: rollups keep each lot's grain (a quarter's lots sat in its first month before).
    // The rollups of imports that hold quarter or year lots are summed again from their rows.
    this.version(3)
      .stores({})
      .upgrade(async (tx) => {
        const production = await tx
          .table<ImportRow>('imports')
          .where('kind')
          .equals('production')
          .toArray();
        for (const imp of production) {
          // Only imports whose rollups summed a quarter or a year (GRAINS: quarter 2, year 3)
          // are read again: the rollups are small, the rows are not.
          const old = await tx
            .table<RollupChunk>('rollups')
            .where('importId')
            .equals(imp.id)
            .toArray();
          if (!old.some((c) => c.grain?.some((g) => g >= 2))) continue;
          const chunks = await tx
            .table<ChunkRow>('chunks')
            .where('importId')
            .equals(imp.id)
            .toArray();
          const acc = new RollupAccumulator();
          try {
            for (const c of chunks.sort((a, b) => a.seq - b.seq)) acc.addChunk(c);
          } catch {
            // Past the accumulator's limits: keep the old rollups rather than fail to open.
            continue;
          }
          const { rollups, defectRollups } = acc.chunks(imp.id);
          await tx.table('rollups').where('importId').equals(imp.id).delete();
          await tx.table('defectRollups').where('importId').equals(imp.id).delete();
          await tx.table('rollups').bulkAdd(rollups);
          await tx.table('defectRollups').bulkAdd(defectRollups);
        }
      });
  }
}

/** The tables that hold an import's rows, deleted with it. */
export const DATA_TABLES = [
  'chunks',
  'factories',
  'exchanges',
  'rollups',
  'defectRollups',
] as const;

let shared: LoomDB | null = null;

/** The one database connection of this page or worker. */
export function getDb(): LoomDB {
  return (shared ??= new LoomDB());
}
