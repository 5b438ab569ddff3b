import type { ImportClient } from './client';
import type { ImportReport } from './importer';
import type { LoomDB } from '../db/database';
import { fetchBundle, loadBundle } from '../share/bundle';
import { noticeError } from '../notice';

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

/**
 * Imports every file the manifest lists, in order, as sample data, then loads its bundles.
 * Files that are already imported come back as `duplicate` and count nothing twice.
 */
export async function loadSample(
  client: ImportClient,
  db: LoomDB,
  base = SAMPLE_BASE,
): Promise<ImportReport[]> {
  const res = await fetch(new URL('manifest.json', new URL(base, location.href)));
  if (!res.ok) throw noticeError('sample-manifest', { status: String(res.status) });
  const manifest = (await res.json()) as Manifest;
  const reports: ImportReport[] = [];
  for (const name of manifest.files) {
    const file = await fetch(new URL(name, new URL(base, location.href)));
    if (!file.ok) throw noticeError('sample-file', { file: name, status: String(file.status) });
    reports.push(await client.import(await file.blob(), name, {}, undefined, 'sample').result);
  }
  const at = new URL(base, location.href).href;
  for (const name of manifest.bundles ?? [])
    await loadBundle(db, client, await fetchBundle(name, at), 'sample');
  return reports;
}
