import { DATA_TABLES, type ImportRow, type LoomDB } from './database';

/** The fields of an import known when it starts. */
export type NewImport = Omit<
  ImportRow,
  'id' | 'status' | 'importedAt' | 'rowsAccepted' | 'rowsRejected'
>;

/** Creates a staging import and returns its id. Its rows stay invisible until {@link activateImport}. */
export async function beginImport(db: LoomDB, meta: NewImport): Promise<number> {
  return db.imports.add({
    ...meta,
    status: 'staging',
    rowsAccepted: 0,
    rowsRejected: 0,
  } as ImportRow);
}

/** The active import with this content hash, if any. */
export async function findActiveByHash(db: LoomDB, hash: string): Promise<ImportRow | undefined> {
  return (await db.imports.where('hash').equals(hash).toArray()).find((i) => i.status === 'active');
}

/** Deletes an import and every row it wrote, in one transaction: all or nothing. */
export async function deleteImport(db: LoomDB, importId: number): Promise<void> {
  await db.transaction('rw', [db.imports, ...DATA_TABLES.map((t) => db[t])], async () => {
    for (const t of DATA_TABLES) await db[t].where('importId').equals(importId).delete();
    await db.imports.delete(importId);
  });
}

/**
 * Removes staging imports whose importer is gone (a closed tab, a crash).
 * `isAlive(lockName)` says whether an importer still holds the import's lock;
 * without Web Locks every staging import counts as abandoned. Returns how many were removed.
 */
export async function cleanupStaging(
  db: LoomDB,
  isAlive: (lockName: string) => boolean = () => false,
): Promise<number> {
  const staging = await db.imports.where('status').equals('staging').toArray();
  const dead = staging.filter((i) => !isAlive(i.lockName));
  for (const i of dead) await deleteImport(db, i.id);
  return dead.length;
}

/** The names of Web Locks held right now in this origin (empty where Web Locks are missing). */
export async function heldLockNames(): Promise<Set<string>> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (!locks) return new Set();
  const { held = [] } = await locks.query();
  return new Set(held.map((l) => l.name ?? ''));
}

/** Active imports, newest first. */
export async function listImports(db: LoomDB): Promise<ImportRow[]> {
  const rows = await db.imports.where('status').equals('active').toArray();
  return rows.sort((a, b) => (b.importedAt ?? 0) - (a.importedAt ?? 0) || b.id - a.id);
}

/** Ids of the active imports: what queries may see. */
export async function activeImportIds(db: LoomDB): Promise<Set<number>> {
  return new Set(await db.imports.where('status').equals('active').primaryKeys());
}

/** Deletes every import (active and staging) and its rows. */
export async function deleteAll(db: LoomDB): Promise<void> {
  await db.transaction('rw', [db.imports, ...DATA_TABLES.map((t) => db[t])], async () => {
    for (const t of DATA_TABLES) await db[t].clear();
    await db.imports.clear();
  });
}
