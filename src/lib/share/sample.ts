import type { ImportClient } from '../import/client';
import type { ImportReport } from '../import/importer';
import type { LoomDB } from '../db/database';
import { fetchBundle, stageBundle } from './bundle';
import { loadAsGroup } from '../db/imports';
import type { Deck } from '../db/decks';
import { noticeError } from '../i18n/notice';

/** The shape of `public/data/manifest.json`. */
export interface Manifest {
  name: string;
  description?: string;
  /** CSV files, relative to the manifest, imported in this order. */
  files: string[];
  /** Bundles (from "Export bundle"), relative to the manifest, loaded after the files. */
  bundles?: string[];
}

/** Where the sample data lives, relative to the page (the site may be served from any subpath). */
export const SAMPLE_BASE = './data/';

/** The sample's manifest. */
export async function fetchManifest(base = SAMPLE_BASE): Promise<Manifest> {
  const res = await fetch(new URL('manifest.json', new URL(base, location.href)));
  if (!res.ok) throw noticeError('sample-manifest', { status: String(res.status) });
  return (await res.json()) as Manifest;
}

/**
 * Loads the sample, every file the manifest lists and then its bundles, as one group: whole
 * or not at all. If the tab closes part-way, the next start-up removes what was staged and
 * loads it again. Files that are already here count once.
 */
export async function loadSample(
  client: ImportClient,
  db: LoomDB,
  base = SAMPLE_BASE,
): Promise<ImportReport[]> {
  const manifest = await fetchManifest(base);
  const at = new URL(base, location.href).href;
  const done = await loadAsGroup(db, async (group) => {
    const reports: ImportReport[] = [];
    for (const name of manifest.files) {
      const file = await fetch(new URL(name, at));
      if (!file.ok) throw noticeError('sample-file', { file: name, status: String(file.status) });
      reports.push(
        await client.import(await file.blob(), name, {}, undefined, 'sample', group).result,
      );
    }
    const decks: Deck[] = [];
    for (const name of manifest.bundles ?? [])
      decks.push(
        ...(await stageBundle(db, client, await fetchBundle(name, at), 'sample', group)).decks,
      );
    return { reports, decks };
  });
  return done.staged.reports;
}

/** True when the active imports hold every file of the sample's manifest (matched by name). */
export function sampleComplete(manifest: Manifest, imports: readonly { fileName: string }[]) {
  const have = new Set(imports.map((i) => i.fileName));
  return manifest.files.every((f) => have.has(f));
}
