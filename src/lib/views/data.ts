// The Data page's view model: the import a link opens, how its records are paged, and what each
// import's row says about where it came from. Pure functions; text is worded through the `tr`
// they are given, so they are tested in either language.

import { isoDay } from '../calendar';
import type { DataSummary, ImportRow } from '../state/store';
import { formatBytes, formatInt } from '../format';
import { delimiterWord, type Translate } from '../i18n/translate';
import { fileKey } from '../state/dataQuery';

/** Records on one page of the record browser. */
export const PAGE_SIZE = 50;

/** The import a link's `file` key names, or null when none does (deleted, or another browser's). */
export const importOf = (imports: readonly ImportRow[], key: string): ImportRow | null =>
  (key && imports.find((i) => fileKey(i.hash) === key)) || null;

/** How many pages `total` records fill: at least one, so an empty import still has a page 1. */
export const pageCount = (total: number, size = PAGE_SIZE): number =>
  Math.max(1, Math.ceil(total / size));

/**
 * The pager's four buttons for page `page` (from 1) of `pages`: the page each opens, or null
 * when it is disabled (first and previous on page 1, next and last on the last page).
 */
export function pager(
  page: number,
  pages: number,
): { first: number | null; previous: number | null; next: number | null; last: number | null } {
  const atStart = page <= 1;
  const atEnd = page >= pages;
  return {
    first: atStart ? null : 1,
    previous: atStart ? null : page - 1,
    next: atEnd ? null : page + 1,
    last: atEnd ? null : pages,
  };
}

/** "Page 2 of 5 · 230 records". */
export const pageText = (tr: Translate, page: number, pages: number, total: number): string =>
  tr('data.page', { n: formatInt(page), total: formatInt(pages), records: formatInt(total) });

/** Where an import's rows came from: its size and sheet for a workbook, its size and delimiter for a CSV. */
export const sourceText = (tr: Translate, imp: ImportRow): string =>
  imp.sheet !== undefined
    ? tr('data.sheetInfo', { size: formatBytes(imp.bytes), sheet: imp.sheet })
    : tr('data.fileInfo', {
        size: formatBytes(imp.bytes),
        delimiter: delimiterWord(tr, imp.delimiter),
      });

/** The import's format column: `.xlsx` for a workbook, else the encoding its text was read in. */
export const formatOf = (imp: Pick<ImportRow, 'sheet' | 'encoding'>): string =>
  imp.sheet !== undefined ? '.xlsx' : imp.encoding;

/** The months the loaded inspections cover, "1956-01 – 1958-12", or a dash when there are none. */
export const periodText = (s: Pick<DataSummary, 'firstMonth' | 'lastMonth'>): string =>
  s.firstMonth ? `${s.firstMonth} – ${s.lastMonth}` : '–';

/** The name a saved bundle carries: "Loom data, 2026-12-03", dated in UTC. */
export const bundleName = (tr: Translate, now: Date): string =>
  tr('data.bundleName', { date: isoDay(now.getTime()) });
