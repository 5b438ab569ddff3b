import type { Job } from '../import/client';
import { importClient } from '../import/client';
import { errorText } from '../i18n/i18n.svelte';
import type { ImportReport } from '../import/importer';
import { cancelledReport } from '../import/report';
import type { Analysis } from '../import/protocol';
import type { ScanProgress } from '../import/scan';
import { isBlocking } from '../import/types';
import type { CsvOptions } from '../import/types';
import { csvDocument } from '../csv';

/** Where a chosen file is on its way in. */
export type Phase = 'analysing' | 'ready' | 'importing' | 'done';

/** Progress with the time it was measured, for rates and time left. */
export interface TimedProgress extends ScanProgress {
  startedAt: number;
  at: number;
}

/** Rows per second and seconds left, from a progress reading (NaN until there is a rate). */
export function rates(p: TimedProgress): { rowsPerSecond: number; secondsLeft: number } {
  const elapsed = (p.at - p.startedAt) / 1000;
  if (elapsed <= 0 || p.bytesRead <= 0) return { rowsPerSecond: NaN, secondsLeft: NaN };
  return {
    rowsPerSecond: p.rows / elapsed,
    secondsLeft: ((p.size - p.bytesRead) / p.bytesRead) * elapsed,
  };
}

let nextKey = 1;

/** Starts the import worker and its writer ahead of the first file: a page that imports calls it on opening. */
export function warmImports(): void {
  importClient().warm();
}

/**
 * One file chosen on the Import page: analysed in the worker, previewed,
 * adjusted (kind, encoding, delimiter, mapping), then imported or dropped.
 */
export class FileJob {
  readonly key = nextKey++;
  phase = $state<Phase>('analysing');
  options = $state<CsvOptions>({});
  analysis = $state.raw<Analysis | null>(null);
  progress = $state.raw<TimedProgress | null>(null);
  report = $state.raw<ImportReport | null>(null);
  /** A failure of the worker itself (not of the data), shown as an alert. */
  failure = $state('');
  private running: Job<unknown> | null = null;
  /** The job whose staged rows wait for this file's import; null when nothing is staged. */
  private stageId: number | null = null;
  private disposed = false;

  constructor(readonly file: File) {
    this.analyse();
  }

  /** True when the analysis allows an import: staged, no blocking error, not a duplicate. */
  get importable(): boolean {
    const a = this.analysis;
    return (
      this.phase === 'ready' &&
      // A failed re-read leaves the last analysis on screen, but it no longer says what importing would do.
      !this.failure &&
      !!a &&
      a.staged &&
      !a.duplicateOf &&
      !a.errors.some(isBlocking) &&
      a.accepted > 0
    );
  }

  /** Active imports holding the same rows: the user must choose to replace them or add anyway. */
  get overlaps(): Analysis['overlaps'] {
    return this.analysis?.overlaps ?? [];
  }

  private track(startedAt: number) {
    return (p: ScanProgress) => {
      this.progress = { ...p, startedAt, at: performance.now() };
    };
  }

  /**
   * (Re-)reads the file with the current options, staging its rows in the worker: the import
   * is then one small commit. What an earlier reading staged is removed.
   */
  analyse(): void {
    this.running?.cancel();
    this.drop();
    this.phase = 'analysing';
    this.failure = '';
    this.progress = null;
    // Marks for the bench and for anyone timing imports in DevTools: from here to the preview drawn.
    const mark = `loom:import:${this.key}:analyse`;
    performance.mark(mark);
    const client = importClient();
    const job = client.stage(
      this.file,
      this.file.name,
      $state.snapshot(this.options),
      this.track(performance.now()),
    );
    this.running = job;
    job.result.then(
      (a) => {
        if (this.running !== job || this.disposed) {
          // A reading the user has moved on from: nothing of it may stay.
          if (a.staged) void client.discard(job.id).catch(() => undefined);
          return;
        }
        this.analysis = a;
        this.stageId = a.staged ? job.id : null;
        performance.mark(`loom:import:${this.key}:read`);
        this.phase = 'ready';
        this.running = null;
        requestAnimationFrame(() => performance.measure('loom:import:preview', mark));
      },
      (e: Error) => {
        if (this.running !== job) return;
        this.failure = errorText(e);
        this.phase = 'ready';
        this.running = null;
      },
    );
  }

  /** Removes what the last reading staged, if anything. */
  private drop(): void {
    if (this.stageId === null) return;
    const id = this.stageId;
    this.stageId = null;
    void importClient()
      .discard(id)
      .catch(() => undefined);
  }

  /** Overrides what Loom detected and reads the file again. */
  set<
    K extends
      | 'kind'
      | 'encoding'
      | 'delimiter'
      | 'headerRow'
      | 'keepTotals'
      | 'decimalComma'
      | 'sheet'
      | 'unpivot',
  >(key: K, value: NonNullable<CsvOptions[K]>): void {
    this.options = {
      ...this.options,
      [key]: value,
      // Other headers, or another kind's fields: the mapping starts again from the guess.
      ...(key === 'kind' || key === 'headerRow' || key === 'unpivot' ? { mapping: undefined } : {}),
      // Another sheet: its own header row and columns.
      ...(key === 'sheet' ? { headerRow: undefined, mapping: undefined } : {}),
    };
    this.analyse();
  }

  /** Maps a field to a header (or to none, with ''), and reads the file again. */
  map(field: string, header: string): void {
    this.options = {
      ...this.options,
      mapping: { ...(this.options.mapping ?? {}), [field]: header },
    };
    this.analyse();
  }

  /**
   * Imports the valid rows the reading staged: one small commit. With `replace`, the active
   * imports that hold the same rows go in the same transaction. Resolves when it has ended,
   * however it ended.
   */
  async import(replace = false): Promise<ImportReport | null> {
    if (!this.importable || this.stageId === null) return null;
    const stage = this.stageId;
    this.stageId = null;
    this.phase = 'importing';
    this.progress = null;
    // From the click to the report drawn.
    const mark = `loom:import:${this.key}:start`;
    performance.mark(mark);
    try {
      this.report = await importClient().commit(
        stage,
        replace ? this.overlaps.map((o) => o.importId) : [],
      );
    } catch (e) {
      this.failure = errorText(e);
    } finally {
      this.phase = 'done';
      requestAnimationFrame(() => performance.measure('loom:import', mark));
    }
    return this.report;
  }

  /** Stops a reading in progress: nothing of it is kept, and the card says so. */
  cancel(): void {
    if (this.phase !== 'analysing') return;
    this.running?.cancel();
    this.running = null;
    this.drop();
    this.report = cancelledReport(this.file.name);
    this.phase = 'done';
  }

  /** Lets go of the file: a reading in progress stops, and what it staged is removed. */
  dispose(): void {
    this.disposed = true;
    this.running?.cancel();
    this.running = null;
    this.drop();
  }

  /** The error report (rows skipped, with why) as a CSV file, or null when no row was skipped. */
  errorReport(): Blob | null {
    const lines = this.report?.rejectedCsv.length
      ? this.report.rejectedCsv
      : this.analysis?.rejectedCsv;
    if (!lines?.length) return null;
    return new Blob([csvDocument(lines)], { type: 'text/csv;charset=utf-8' });
  }
}
