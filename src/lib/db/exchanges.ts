import type { ExchangeRow, LoomDB } from './database';
import { activeImportIds } from './imports';

/** Exchanges of the active imports, oldest first. */
export async function activeExchanges(db: LoomDB): Promise<ExchangeRow[]> {
  const active = await activeImportIds(db);
  const rows = (await db.exchanges.toArray()).filter((e) => active.has(e.importId));
  return rows.sort(
    (a, b) => a.date.localeCompare(b.date) || a.target_factory.localeCompare(b.target_factory),
  );
}
