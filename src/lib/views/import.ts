// The Import page's view model: which of a file's problems stop the import and which only skip
// rows, the rows the preview strikes out as totals, the choices the overrides offer, and the
// sentences the card says before and after an import. Pure functions; text is worded through
// the `tr` they are given, so they are tested in either language.

import { formatDuration, formatInt, formatTime } from '../format';
import type { Overlap } from '../db/overlap';
import { delimiterWord, type Translate } from '../i18n/translate';
import type { ImportReport } from '../import/importer';
import type { Analysis } from '../import/protocol';
import {
  DELIMITERS,
  ENCODINGS,
  MAX_HEADER_ROW,
  encodingName,
  isBlocking,
  type Encoding,
  type RowError,
} from '../import/types';

/** The card lists this many row errors; the rest are counted and in the error report. */
export const ERRORS_SHOWN = 20;

/** A file's problems: those that stop the import (`blocking`) and those that skip one row. */
export function splitErrors(errors: readonly RowError[]): {
  blocking: RowError[];
  rows: RowError[];
} {
  const blocking: RowError[] = [];
  const rows: RowError[] = [];
  for (const e of errors) (isBlocking(e) ? blocking : rows).push(e);
  return { blocking, rows };
}

/** The file rows the preview strikes out: the totals rows, unless the user keeps them. */
export const struckRows = (a: Pick<Analysis, 'totals'>, keepTotals: boolean): Set<number> =>
  new Set(keepTotals ? [] : a.totals.map((x) => x.row));

/** The error report's file name: the file's, without its extension, and "-errors.csv". */
export const errorReportName = (fileName: string): string =>
  fileName.replace(/\.[^.]*$/, '') + '-errors.csv';

/** A header row typed by the user, or null when it is not a whole row Loom looks in. */
export function headerRowFrom(value: string): number | null {
  const row = Number(value);
  return value.trim() !== '' && Number.isInteger(row) && row >= 1 && row <= MAX_HEADER_ROW
    ? row
    : null;
}

/** The encodings a CSV can be read as, in Loom's order, labelled: the two legacy ones by what writes them. */
export const encodingChoices = (tr: Translate): { value: Encoding; label: string }[] =>
  ENCODINGS.map((value) => ({
    value,
    label:
      value === 'gb18030'
        ? tr('import.gb18030')
        : value === 'windows-1252'
          ? tr('import.windows1252')
          : encodingName(value),
  }));

/** The delimiters offered for `current` (which is always among them), labelled: a tab by name, a character quoted. */
export function delimiterChoices(
  tr: Translate,
  current: string,
): { value: string; label: string }[] {
  // The delimiters Loom detects, and a detected or chosen one outside them.
  const all: string[] = [...DELIMITERS];
  if (!all.includes(current)) all.push(current);
  return all.map((d) => {
    const word = delimiterWord(tr, d);
    return { value: d, label: word === d ? `“${d}”` : word };
  });
}

/** "1,204 rows, 1,200 valid, 4 with errors", and how many totals rows are left out. */
export function countsText(
  tr: Translate,
  a: Pick<Analysis, 'rows' | 'accepted' | 'rejected' | 'totalsCount'>,
  keepTotals: boolean,
): string {
  const counts = tr('import.counts', {
    rows: formatInt(a.rows),
    valid: formatInt(a.accepted),
    bad: formatInt(a.rejected),
  });
  return a.totalsCount && !keepTotals
    ? counts + tr('import.totalsOut', { n: formatInt(a.totalsCount) })
    : counts;
}

/** The label of the button that imports a file with no overlapping import: "Import 1,200 rows". */
export const importLabel = (tr: Translate, accepted: number): string =>
  tr(accepted === 1 ? 'import.importRow' : 'import.importRows', { n: formatInt(accepted) });

/** The label of the button that imports a revision in place of the imports it overlaps. */
export const replaceLabel = (tr: Translate, overlaps: readonly { fileName: string }[]): string =>
  overlaps.length === 1
    ? tr('import.replace', { file: overlaps[0].fileName })
    : tr('import.replaceMany', { n: overlaps.length });

/** What an import that went through did: rows and kind, files replaced, rows skipped, time taken. */
export function importedText(tr: Translate, report: ImportReport): string {
  return (
    tr('import.imported', {
      n: formatInt(report.rowsAccepted),
      kind: report.kind ? tr(`kind.${report.kind}`) : '',
      file: report.fileName,
    }) +
    (report.replaced?.length ? tr('import.replacing', { files: report.replaced.join(', ') }) : '') +
    (report.rowsRejected ? tr('import.skipped', { n: formatInt(report.rowsRejected) }) : '') +
    tr('import.took', { time: formatDuration(report.ms / 1000) })
  );
}

/** How many of a file's rows match an active import's ("1,200 of 1,204 rows match rows of x.csv, imported …"), and what replacing x.csv would also remove. */
export function overlapText(tr: Translate, o: Overlap): string {
  const text = tr('import.overlap', {
    rows: formatInt(o.rows),
    of: formatInt(o.of),
    file: o.fileName,
    time: formatTime(o.importedAt),
  });
  return o.theirs > o.rows
    ? text + tr('import.overlapRest', { n: formatInt(o.theirs - o.rows), file: o.fileName })
    : text;
}
