// Bundles: one JSON file holding every data set (as CSV Loom reads back) and every deck, to
// publish with the site (public/data/manifest.json lists them) or to hand to a colleague.
import { FIELDS } from '../schema/fields';
import type { RecordKind } from '../schema/types';
import { chunkRecord } from '../db/chunks';
import type { ImportRow, LoomDB } from '../db/database';
import { deleteImport, listImports } from '../db/imports';
import { decksFromJson, decksToJson, importDecks, listDecks, type Deck } from '../db/decks';
import type { ImportClient } from '../import/client';
import { csvLine } from './csv';
import { NoticeError, notice, noticeError } from '../notice';

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

/** The records of one import as CSV with Loom's own column names, in file order. */
export async function recordsCsv(db: LoomDB, imp: ImportRow): Promise<string> {
  const columns = FIELDS[imp.kind].map((f) => f.name);
  const lines = [csvLine(columns, ',', false)];
  const push = (r: Record<string, unknown>) =>
    lines.push(
      csvLine(
        columns.map((c) => r[c] as string | number | undefined),
        ',',
        false,
      ),
    );
  if (imp.kind === 'production') {
    const chunks = await db.chunks.where('importId').equals(imp.id).sortBy('seq');
    for (const c of chunks)
      for (let i = 0; i < c.count; i++)
        push(chunkRecord(c, i) as unknown as Record<string, unknown>);
  } else {
    const table = imp.kind === 'factories' ? db.factories : db.exchanges;
    const rows = (await table.where('importId').equals(imp.id).toArray()) as unknown as Record<
      string,
      unknown
    >[];
    // Placeholders stand in for factories a file named but did not describe: not data.
    for (const r of rows) if (!r.placeholder) push(r);
  }
  return lines.join('\n') + '\n';
}

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
 * Loads a bundle: imports each file in order (a file already imported counts once), then
 * adds its decks that are not already here. A file that fails stops the load with an Error
 * naming the file and its first error's row and column, and the files this load imported
 * are removed again: a bundle loads whole or not at all.
 */
export async function loadBundle(
  db: LoomDB,
  client: Pick<ImportClient, 'import'>,
  bundle: Bundle,
  source: 'user' | 'sample' = 'user',
): Promise<BundleLoad> {
  const out = { imported: 0, duplicates: 0, decks: 0 };
  const made: number[] = [];
  for (const f of [...bundle.files].sort((a, b) => ORDER[a.kind] - ORDER[b.kind])) {
    const blob = new Blob([f.csv], { type: 'text/csv' });
    const options = f.hash ? { hash: f.hash } : {};
    const report = await client.import(blob, f.name, options, undefined, source).result;
    if (report.status === 'duplicate') out.duplicates++;
    else if (report.status === 'imported' && report.rowsRejected === 0) {
      out.imported++;
      made.push(report.importId!);
    } else {
      if (report.importId !== undefined) made.push(report.importId);
      for (const id of made) await deleteImport(db, id);
      throw new NoticeError(
        notice('bundle-import', { bundle: bundle.name, file: f.name }),
        report.errors[0],
      );
    }
  }
  const have = new Set((await listDecks(db)).map((d) => JSON.stringify([d.name, d.slides])));
  const fresh = bundle.decks.filter((d) => !have.has(JSON.stringify([d.name, d.slides])));
  await importDecks(db, fresh);
  out.decks = fresh.length;
  return out;
}

/**
 * Fetches a bundle from this site (a relative URL, or an absolute one on the same origin)
 * and parses it. Another origin is refused: a link must not pull data from elsewhere.
 */
export async function fetchBundle(url: string, base = location.href): Promise<Bundle> {
  const at = new URL(url, base);
  if (at.origin !== new URL(base).origin) throw noticeError('bundle-origin', { origin: at.origin });
  const res = await fetch(at);
  if (!res.ok) throw noticeError('bundle-http', { url, status: String(res.status) });
  return parseBundle(await res.text(), url);
}
