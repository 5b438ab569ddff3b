// Reports the page builds itself, kept apart from the importer so that the page's bundle does
// not carry the import pipeline.
import type { ImportReport } from './importer';

/** The report of an import stopped before anything of it was kept. */
export function cancelledReport(fileName: string): ImportReport {
  return {
    status: 'cancelled',
    fileName,
    kind: null,
    encoding: 'utf-8',
    rowsAccepted: 0,
    rowsRejected: 0,
    errors: [],
    errorCount: 0,
    warnings: [],
    rejectedCsv: [],
    ms: 0,
  };
}
