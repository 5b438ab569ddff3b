import {
  getDb,
  type DefectRollupChunk,
  type ExchangeRow,
  type FactoryRow,
  type ImportRow,
  type RollupChunk,
} from '../db/database';
import { activeExchanges } from '../db/exchanges';
import { activeFactories } from '../db/factories';
import { listImports } from '../db/imports';
import { activeDefectRollups, activeRollups } from '../db/rollups';
import { live } from './live.svelte';

/**
 * The active data as live runes, for the pages that analyse it: factories, exchanges and
 * rollups, and on first use the defect rollups and the list of imports (so a page that never
 * reads them never queries them). Call it, and read what you need from it, during component
 * initialisation: pages read the database only through here.
 */
export function activeData() {
  const db = getDb();
  let defectRollups: ReturnType<typeof live<DefectRollupChunk[]>> | undefined;
  let imports: ReturnType<typeof live<ImportRow[]>> | undefined;
  return {
    factories: live(() => activeFactories(db), [] as FactoryRow[]),
    exchanges: live(() => activeExchanges(db), [] as ExchangeRow[]),
    rollups: live(() => activeRollups(db), [] as RollupChunk[]),
    get defectRollups() {
      return (defectRollups ??= live(() => activeDefectRollups(db), [] as DefectRollupChunk[]));
    },
    get imports() {
      return (imports ??= live(() => listImports(db), [] as ImportRow[]));
    },
  };
}
