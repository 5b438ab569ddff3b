// Bundles: one JSON file holding every data set (as CSV Loom reads back) and every deck, to
// publish with the site (public/data/manifest.json lists them) or to hand to a colleague.
import type { RecordKind } from '../schema/types';
import type { LoomDB } from '../db/database';
import { listImports, loadAsGroup } from '../db/imports';
import { recordsCsv } from '../db/recordsCsv';
import { decksFromJson, decksToJson, listDecks, type Deck } from '../db/decks';
import type { ImportClient } from '../import/client';
import { NoticeError, notice, noticeError } from '../i18n/notice';

export { recordsCsv };

const FORMAT = 'loom-bundle';

/**
 * One data set in a bundle: its file name, kind and the CSV of its records, with the content
 * hash of the file it was first imported from, so that a browser that already holds that file
 * knows the bundle's copy for the same data and does not import it twice.
 */
export interface BundleFile {
  name: string;
  kind: RecordKind;
  csv: string;
  hash?: string;
}

export interface Bundle {
  name: string;
  files: BundleFile[];
  decks: Deck[];
}

/** Factories first (so no placeholders are made for them), then production, then exchanges. */
const ORDER: Record<RecordKind, number> = { factories: 0, production: 1, exchanges: 2 };

/** Every active import and every deck, as a bundle's JSON. */
export async function exportBundle(db: LoomDB, name: string): Promise<string> {
  const imports = (await listImports(db)).sort((a, b) => ORDER[a.kind] - ORDER[b.kind]);
  const files: BundleFile[] = [];
  for (const imp of imports)
    files.push({
      name: imp.fileName,
      kind: imp.kind,
      hash: imp.hash,
      csv: await recordsCsv(db, imp),
    });
  const decks = JSON.parse(decksToJson(await listDecks(db))).decks;
  return JSON.stringify({
    format: FORMAT,
    version: 1,
    name,
    exportedAt: new Date().toISOString(),
    files,
    decks,
  });
}

/** Reads a bundle's JSON; throws an Error naming the file and what is wrong with it. */
export function parseBundle(text: string, fileName: string): Bundle {
  let data: Record<string, unknown>;
  try {
    data = JSON.parse(text);
  } catch {
    throw noticeError('bundle-not-json', { file: fileName });
  }
  if (data?.format !== FORMAT || !Array.isArray(data.files))
    throw noticeError('bundle-format', { file: fileName, format: FORMAT });
  const files = (data.files as Record<string, unknown>[]).map((f, i) => {
    if (typeof f?.name !== 'string' || typeof f.csv !== 'string' || !((f.kind as string) in ORDER))
      throw noticeError('bundle-file', { file: fileName, n: i + 1 });
    const hash =
      typeof f.hash === 'string' && /^[0-9a-f]{16,}:\d+$/.test(f.hash) ? f.hash : undefined;
    return { name: f.name, kind: f.kind as RecordKind, csv: f.csv, hash };
  });
  const decks = Array.isArray(data.decks)
    ? decksFromJson(JSON.stringify({ format: 'loom-decks', decks: data.decks }), fileName)
    : [];
  return { name: typeof data.name === 'string' ? data.name : fileName, files, decks };
}

/** What loading a bundle did. */
export interface BundleLoad {
  imported: number;
  duplicates: number;
  decks: number;
}

/**
 * Stages a bundle's files as imports of `group` (factories first), and returns its decks that
 * are not already here. A file that fails throws a NoticeError naming the bundle, the file and
 * its first error's row and column. A file's claimed hash is passed on as its `origin`: it
 * counts as a duplicate only if an import here holds the same records.
 */
export async function stageBundle(
  db: LoomDB,
  client: Pick<ImportClient, 'import'>,
  bundle: Bundle,
  source: 'user' | 'sample',
  group: string,
): Promise<{ duplicates: number; decks: Deck[] }> {
  let duplicates = 0;
  for (const f of [...bundle.files].sort((a, b) => ORDER[a.kind] - ORDER[b.kind])) {
    const blob = new Blob([f.csv], { type: 'text/csv' });
    const options = f.hash ? { origin: f.hash } : {};
    const report = await client.import(blob, f.name, options, undefined, source, group).result;
    if (report.status === 'duplicate') duplicates++;
    else if (report.status !== 'imported' || report.rowsRejected > 0)
      throw new NoticeError(
        notice('bundle-import', { bundle: bundle.name, file: f.name }),
        report.errors[0],
      );
  }
  const have = new Set((await listDecks(db)).map((d) => JSON.stringify([d.name, d.slides])));
  const decks = bundle.decks.filter((d) => !have.has(JSON.stringify([d.name, d.slides])));
  return { duplicates, decks };
}

/**
 * Loads a bundle whole or not at all: its files are staged as one group, then one
 * transaction makes them active and adds the bundle's new decks. A file that fails, a closed
 * tab or a crash leaves nothing (the group's staged imports are removed, here or by the next
 * start-up's cleanup). A file this browser already holds, by its bytes or by equal records,
 * counts once.
 */
export async function loadBundle(
  db: LoomDB,
  client: Pick<ImportClient, 'import'>,
  bundle: Bundle,
  source: 'user' | 'sample' = 'user',
): Promise<BundleLoad> {
  const done = await loadAsGroup(db, (group) => stageBundle(db, client, bundle, source, group));
  return {
    imported: done.imported.length,
    duplicates: done.staged.duplicates + done.duplicates.length,
    decks: done.staged.decks.length,
  };
}

/**
 * Fetches a bundle from this site and parses it. Only a relative address is taken (or an
 * absolute one on this origin, over http or https): another origin, a `blob:`, `data:` or
 * `javascript:` URL is refused before anything is fetched.
 */
export async function fetchBundle(url: string, base = location.href): Promise<Bundle> {
  let at: URL;
  try {
    at = new URL(url, base);
  } catch {
    throw noticeError('bundle-link', { url: url.slice(0, 80) });
  }
  const home = new URL(base);
  if (at.protocol !== 'http:' && at.protocol !== 'https:')
    throw noticeError('bundle-link', { url: url.slice(0, 80) });
  if (at.origin !== home.origin) throw noticeError('bundle-origin', { origin: at.origin });
  const res = await fetch(at);
  if (!res.ok) throw noticeError('bundle-http', { url, status: String(res.status) });
  return parseBundle(await res.text(), url);
}
