// The records of one import written back as CSV with Loom's own column names: what a bundle
// carries, and what two imports are compared by when one claims to be the other's copy.
import { FIELDS, isTermLabel } from '../schema/fields';
import { withTermLabels } from '../schema/terms';
import { csvLine } from '../csv';
import { chunkRecord } from './chunks';
import type { ImportRow, LoomDB } from './database';

/**
 * The records of one import as CSV with Loom's own column names, in file order. Lots keep no
 * labels of their own: a product's or defect type's other language comes from the import's terms.
 */
export async function recordsCsv(
  db: LoomDB,
  imp: Pick<ImportRow, 'id' | 'kind' | 'terms'>,
): Promise<string> {
  const records: Record<string, unknown>[] = [];
  if (imp.kind === 'production') {
    const chunks = await db.chunks.where('importId').equals(imp.id).sortBy('seq');
    for (const c of chunks)
      for (let i = 0; i < c.count; i++)
        records.push(
          withTermLabels(chunkRecord(c, i), 'production', imp.terms) as unknown as Record<
            string,
            unknown
          >,
        );
  } else {
    const table = imp.kind === 'factories' ? db.factories : db.exchanges;
    const rows = (await table.where('importId').equals(imp.id).toArray()) as unknown as Record<
      string,
      unknown
    >[];
    // Placeholders stand in for factories a file named but did not describe: not data.
    for (const r of rows) if (!r.placeholder) records.push(r);
  }
  // A label column (product_zh…) only when some record has it, as the file it came from.
  const columns = FIELDS[imp.kind]
    .map((f) => f.name)
    .filter((c) => !isTermLabel(imp.kind, c) || records.some((r) => r[c]));
  const lines = [csvLine(columns, ',', false)];
  for (const r of records)
    lines.push(
      csvLine(
        columns.map((c) => r[c] as string | number | undefined),
        ',',
        false,
      ),
    );
  return lines.join('\n') + '\n';
}
