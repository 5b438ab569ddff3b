import { DATA_TABLES, type ImportRow, type LoomDB } from './database';
import { recordsCsv } from './recordsCsv';
import { importDecks, type Deck } from './decks';
import { asWriter, holdingGroup } from './locks';

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

/**
 * The import here that holds the same data as the staged import `imp` (an active one, or one
 * staged earlier in its group): one with the same content hash (the same bytes), or, where a
 * bundle claimed a hash (`origin`) that links the two, one whose records are equal. A claim alone never makes a duplicate: different data
 * under a claimed hash are imported.
 */
export async function findDuplicate(
  db: LoomDB,
  imp: Pick<ImportRow, 'id' | 'kind' | 'hash' | 'origin' | 'group' | 'terms'>,
): Promise<ImportRow | undefined> {
  // What is here: the active imports, and the files staged before this one in its group.
  const here = (await db.imports.toArray()).filter(
    (i) => i.id !== imp.id && (i.status === 'active' || (imp.group && i.group === imp.group)),
  );
  const same = here.find((i) => i.hash === imp.hash);
  if (same) return same;
  const linked = here.filter(
    (i) =>
      i.kind === imp.kind &&
      ((imp.origin && (i.hash === imp.origin || i.origin === imp.origin)) ||
        (i.origin && i.origin === imp.hash)),
  );
  if (!linked.length) return undefined;
  const mine = await recordsCsv(db, imp);
  for (const i of linked) if ((await recordsCsv(db, i)) === mine) return i;
  return undefined;
}

/** Staged imports of a group, in the order they were made. */
async function groupImports(db: LoomDB, group: string): Promise<ImportRow[]> {
  const staging = await db.imports.where('status').equals('staging').toArray();
  return staging.filter((i) => i.group === group).sort((a, b) => a.id - b.id);
}

/**
 * Makes every staged import of a group active in one transaction, all or nothing; one whose
 * bytes another tab made active meanwhile is removed as a duplicate. `also` runs inside the
 * same transaction (a bundle adds its decks there). The group's imports must be complete.
 */
export async function activateGroup(
  db: LoomDB,
  group: string,
  also?: () => Promise<unknown>,
): Promise<{ imported: ImportRow[]; duplicates: ImportRow[] }> {
  return db.transaction(
    'rw',
    [db.imports, db.decks, ...DATA_TABLES.map((t) => db[t])],
    async () => {
      const imported: ImportRow[] = [];
      const duplicates: ImportRow[] = [];
      for (const imp of await groupImports(db, group)) {
        if (await findActiveByHash(db, imp.hash)) {
          await deleteImport(db, imp.id);
          duplicates.push(imp);
          continue;
        }
        await db.imports.update(imp.id, { status: 'active', importedAt: Date.now() });
        imported.push(imp);
      }
      await also?.();
      return { imported, duplicates };
    },
  );
}

/** Deletes every import of a group and its rows: a group that did not load leaves nothing. */
export async function deleteGroup(db: LoomDB, group: string): Promise<void> {
  for (const imp of await groupImports(db, group)) await deleteImport(db, imp.id);
}

/**
 * Loads a group of files whole or not at all, holding the data lock shared and the group's
 * own lock: `stage` imports each file into the group (the importer's `group` option) and
 * returns the decks to add; one transaction then makes every staged import active and adds
 * the decks. If `stage` throws, the group's staged imports are deleted and the error passed
 * on; if the tab closes, start-up cleanup deletes them once the group's lock is free.
 */
export async function loadAsGroup<R extends { decks: readonly Deck[] }>(
  db: LoomDB,
  stage: (group: string) => Promise<R>,
): Promise<{ staged: R; imported: ImportRow[]; duplicates: ImportRow[] }> {
  return asWriter(() =>
    holdingGroup(async (group) => {
      try {
        const staged = await stage(group);
        const done = await activateGroup(db, group, () =>
          importDecks(db, staged.decks, { skipHeld: true }),
        );
        return { staged, ...done };
      } catch (e) {
        await deleteGroup(db, group);
        throw e;
      }
    }),
  );
}

/**
 * Deletes rows whose import is gone: what a writer without the data lock (a tab of an older
 * build) may leave if everything is deleted under it. Returns how many imports' rows went.
 */
export async function sweepOrphans(db: LoomDB): Promise<number> {
  const known = new Set(await db.imports.toCollection().primaryKeys());
  const gone = new Set<number>();
  for (const t of DATA_TABLES)
    for (const id of (await db[t].orderBy('importId').uniqueKeys()) as number[])
      if (!known.has(id)) gone.add(id);
  for (const id of gone) await deleteImportRows(db, id);
  return gone.size;
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
 * abandoned. A group's imports name the group's lock, held while the group loads.
 * Then it sweeps rows whose import is gone. Returns how many imports were removed.
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
  await sweepOrphans(db);
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

/**
 * Deletes the sample data: every active import the sample loaded, and its rows, in one
 * transaction. The user's own imports stay. Returns how many imports went.
 */
export async function deleteSample(db: LoomDB): Promise<number> {
  return db.transaction('rw', [db.imports, ...DATA_TABLES.map((t) => db[t])], async () => {
    const sample = (await db.imports.where('status').equals('active').toArray()).filter(
      (i) => i.source === 'sample',
    );
    for (const i of sample) {
      for (const t of DATA_TABLES) await db[t].where('importId').equals(i.id).delete();
      await db.imports.delete(i.id);
    }
    return sample.length;
  });
}

/** Deletes every import (active and staging) and its rows. */
export async function deleteAll(db: LoomDB): Promise<void> {
  await db.transaction('rw', [db.imports, ...DATA_TABLES.map((t) => db[t])], async () => {
    for (const t of DATA_TABLES) await db[t].clear();
    await db.imports.clear();
  });
}

/** True when an import's defective counts were derived from a rate column (it had no count). */
export const isDerived = (imp: Pick<ImportRow, 'kind' | 'mapping'>): boolean =>
  imp.kind === 'production' && !imp.mapping.defective && !!imp.mapping.defect_rate;
