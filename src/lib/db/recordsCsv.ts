// The records of one import written back as CSV with Loom's own column names: what a bundle
// carries, and what two imports are compared by when one claims to be the other's copy.
import { FIELDS } from '../schema/fields';
import { csvLine } from '../csv';
import { chunkRecord } from './chunks';
import type { ImportRow, LoomDB } from './database';

/** The records of one import as CSV with Loom's own column names, in file order. */
export async function recordsCsv(db: LoomDB, imp: Pick<ImportRow, 'id' | 'kind'>): Promise<string> {
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
