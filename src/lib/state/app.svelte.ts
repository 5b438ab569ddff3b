import { getDb } from '../db/database';
import { errorText } from '../i18n/i18n.svelte';
import {
  cleanupStaging,
  deleteAll,
  deleteImport,
  deleteSample,
  listImports,
  webLocks,
} from '../db/imports';
import { importClient } from '../import/client';
import { fetchManifest, loadSample, sampleComplete } from '../share/sample';
import { asSoleWriter, asWriter } from '../db/locks';
import { fetchBundle, loadBundle } from '../share/bundle';
import { bundleInLink } from './route';

/** App-wide status: start-up work and persistent-storage state. */
export const appState = $state({
  /** What start-up is doing, shown in the header; empty when idle. */
  busy: '',
  /** A start-up failure, shown as an alert. */
  error: '',
  /** What start-up did that is worth saying (a bundle loaded from a link), shown as a status. */
  notice: '',
  /**
   * True once a new build's service worker took over this open tab: its own scripts may be
   * gone from the server, so the page asks for a reload instead of failing later.
   */
  updated: false,
  /** Whether the browser granted persistent storage: null until asked. */
  persisted: null as boolean | null,
});

/**
 * Start-up: removes staging rows left by a closed tab (once their importer's
 * Web Lock is free), and loads the sample data if the database is empty.
 */
export async function startup(): Promise<void> {
  const db = getDb();
  // A tab already controlled when it opened sees a new build take over (skipWaiting): say so.
  // (On a first visit the first worker claims the page too; that is not an update.)
  const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  if (sw?.controller)
    sw.addEventListener('controllerchange', () => (appState.updated = true), { once: true });
  try {
    // In the background: an import still running in another tab keeps its lock, and cleanup waits for it.
    void cleanupStaging(db, webLocks());
    if (navigator.storage?.persisted) appState.persisted = await navigator.storage.persisted();
    // A link that names a bundle (#/?bundle=…) brings its own data: no sample beside it.
    if (bundleInLink()) return;
    const imports = await listImports(db);
    if (imports.length === 0) await resetToSample(false);
    // A sample cut short by an older build, which loaded it file by file (this build loads it
    // as one group, whose imports keep the group's name): load it again whole. Only such a
    // database costs a look at the manifest.
    else if (
      imports.every((i) => i.source === 'sample' && !i.group) &&
      !sampleComplete(await fetchManifest(), imports)
    )
      await resetToSample(true);
  } catch (e) {
    appState.error = errorText(e);
  }
}

/**
 * Loads the sample data set; with `clear`, deletes every import first. Deleting needs the
 * data lock to itself: while any tab imports, it throws a NoticeError and changes nothing.
 */
export async function resetToSample(clear: boolean): Promise<void> {
  appState.busy = 'Loading the sample data…';
  try {
    if (clear) await asSoleWriter(() => deleteAll(getDb()));
    await loadSample(importClient(), getDb());
  } finally {
    appState.busy = '';
  }
}

/** Deletes the sample data, keeping the user's own imports, holding the data lock. */
export async function removeSample(): Promise<void> {
  await asWriter(() => deleteSample(getDb()));
}

/** Deletes one data set and its rows, holding the data lock like every writer. */
export async function deleteDataSet(importId: number): Promise<void> {
  await asWriter(() => deleteImport(getDb(), importId));
}

/** Asks for persistent storage (once a user has imported something worth keeping) and records the answer. */
export async function askPersistence(): Promise<void> {
  if (appState.persisted || !navigator.storage?.persist) return;
  appState.persisted = await navigator.storage.persist();
}

/** Loads the bundle at `url` (same origin only); the outcome is shown on the Data page. */
export async function openBundleLink(url: string): Promise<string> {
  appState.busy = `Loading the bundle ${url}…`;
  try {
    const bundle = await fetchBundle(url);
    const done = await loadBundle(getDb(), importClient(), bundle);
    return `Loaded “${bundle.name}”: ${done.imported} files imported, ${done.duplicates} already here, ${done.decks} decks added.`;
  } finally {
    appState.busy = '';
  }
}
