import { getDb, type ExchangeRow, type FactoryRow, type RollupChunk } from '../db/database';
import { activeExchanges } from '../db/exchanges';
import { activeFactories } from '../db/factories';
import { activeRollups } from '../db/rollups';
import { live } from './live.svelte';

/**
 * The active factories, exchanges and rollups as live runes, for the pages
 * that analyse them. Call it during component initialisation.
 */
export function activeData() {
  const db = getDb();
  return {
    factories: live(() => activeFactories(db), [] as FactoryRow[]),
    exchanges: live(() => activeExchanges(db), [] as ExchangeRow[]),
    rollups: live(() => activeRollups(db), [] as RollupChunk[]),
  };
}
