import { rollupMonths } from '../analysis/defectRate';
import { FIELDS, isTermLabel } from '../schema/fields';
import { withTermLabels } from '../schema/terms';
import { CHUNK_ROWS, chunkRecord } from './chunks';
import type { ImportRow, LoomDB } from './database';
import { activeFactories } from './factories';
import { listImports } from './imports';
import { activeRollups } from './rollups';

/** What the database holds, counted over active imports. */
export interface DataSummary {
  imports: number;
  /** Distinct factories, placeholders included. */
  factories: number;
  placeholders: number;
  productionRows: number;
  exchanges: number;
  /** First and last month with production, `YYYY-MM`, or null when there is none. */
  firstMonth: string | null;
  lastMonth: string | null;
}

/** Counts what the active imports hold; reads rollups and import rows, never raw production rows. */
export async function dataSummary(db: LoomDB): Promise<DataSummary> {
  const [imports, factories, rollups] = await Promise.all([
    listImports(db),
    activeFactories(db),
    activeRollups(db),
  ]);
  // Periods are few: read from each chunk's period dictionary, not its rows.
  const months = rollupMonths(rollups);
  const firstMonth = months[0] ?? null;
  const lastMonth = months.at(-1) ?? null;
  const sum = (kind: string) =>
    imports.filter((i) => i.kind === kind).reduce((s, i) => s + i.rowsAccepted, 0);
  return {
    imports: imports.length,
    factories: factories.length,
    placeholders: factories.filter((f) => f.placeholder).length,
    productionRows: sum('production'),
    exchanges: sum('exchanges'),
    firstMonth,
    lastMonth,
  };
}

/** One page of an import's records, as a table. */
export interface RecordPage {
  columns: string[];
  rows: (string | number)[][];
  /** Records in the whole import. */
  total: number;
}

/**
 * Page `page` (from 0) of an import's records, `size` per page, in file order,
 * with the source row number first. Production pages decode only the chunks
 * they touch. An out-of-range page is empty.
 */
export async function recordPage(
  db: LoomDB,
  imp: ImportRow,
  page: number,
  size: number,
): Promise<RecordPage> {
  // A label column (product_zh…) only when the file had it.
  const fields = FIELDS[imp.kind].filter(
    (f) => !isTermLabel(imp.kind, f.name) || imp.mapping[f.name],
  );
  const columns = ['row', ...fields.map((f) => f.name)];
  const start = page * size;
  const cell = (r: Record<string, unknown>, c: string) => (r[c] ?? '') as string | number;
  if (imp.kind === 'production') {
    // Every chunk but the last holds exactly CHUNK_ROWS rows, so a page finds its chunks by number.
    const rows: (string | number)[][] = [];
    for (let seq = Math.floor(start / CHUNK_ROWS); rows.length < size; seq++) {
      const c = await db.chunks.where('[importId+seq]').equals([imp.id, seq]).first();
      if (!c) break;
      for (let i = Math.max(0, start - seq * CHUNK_ROWS); i < c.count && rows.length < size; i++) {
        const r = withTermLabels(chunkRecord(c, i), 'production', imp.terms) as unknown as Record<
          string,
          unknown
        >;
        rows.push(columns.map((col) => cell(r, col)));
      }
    }
    return { columns, rows, total: imp.rowsAccepted };
  }
  const table = imp.kind === 'factories' ? db.factories : db.exchanges;
  const all = table.where('importId').equals(imp.id);
  const total = await all.count();
  const records = (await all.offset(start).limit(size).toArray()) as unknown as Record<
    string,
    unknown
  >[];
  return {
    columns: imp.kind === 'factories' ? [...columns.slice(1), 'placeholder'] : columns,
    rows: records.map((r) =>
      imp.kind === 'factories'
        ? [...columns.slice(1).map((c) => cell(r, c)), r.placeholder ? 'yes' : '']
        : columns.map((c) => cell(r, c)),
    ),
    total,
  };
}
