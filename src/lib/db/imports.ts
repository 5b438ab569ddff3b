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

/** Deletes every row an import wrote but keeps the import itself: for an import that starts over. */
export async function deleteImportRows(db: LoomDB, importId: number): Promise<void> {
  await db.transaction(
    'rw',
    DATA_TABLES.map((t) => db[t]),
    async () => {
      for (const t of DATA_TABLES) await db[t].where('importId').equals(importId).delete();
    },
  );
}

/** Deletes an import and every row it wrote, in one transaction: all or nothing. */
export async function deleteImport(db: LoomDB, importId: number): Promise<void> {
  await db.transaction('rw', [db.imports, ...DATA_TABLES.map((t) => db[t])], async () => {
    for (const t of DATA_TABLES) await db[t].where('importId').equals(importId).delete();
    await db.imports.delete(importId);
  });
}

/** Runs `fn` while holding the Web Lock `name`, waiting for any holder to let go first. */
export type WithLock = (name: string, fn: () => Promise<void>) => Promise<void>;

/**
 * Removes staging imports whose importer is gone (a closed or reloaded tab, a
 * crash). Each importer holds a Web Lock while it runs: cleanup takes that
 * lock, which waits while the importer lives, then deletes the import if it is
 * still staging (an importer that finished in the meantime made it active).
 * Without Web Locks (`withLock` omitted), every staging import counts as
 * abandoned. Returns how many were removed.
 */
export async function cleanupStaging(
  db: LoomDB,
  withLock: WithLock = (_, fn) => fn(),
): Promise<number> {
  const staging = await db.imports.where('status').equals('staging').toArray();
  let removed = 0;
  await Promise.all(
    staging.map((i) =>
      withLock(i.lockName, async () => {
        if ((await db.imports.get(i.id))?.status !== 'staging') return;
        await deleteImport(db, i.id);
        removed++;
      }),
    ),
  );
  return removed;
}

/** Web Locks as a {@link WithLock}, or undefined where the browser has none. */
export function webLocks(): WithLock | undefined {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (name, fn) => locks.request(name, fn) : undefined;
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
