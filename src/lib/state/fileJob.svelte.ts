import type { Job } from '../import/client';
import { importClient } from '../import/client';
import { errorText } from '../i18n/i18n.svelte';
import type { ImportReport } from '../import/importer';
import type { Analysis } from '../import/protocol';
import { isBlocking, type ScanProgress } from '../import/scan';
import type { CsvOptions, Encoding } from '../import/types';
import type { RecordKind } from '../schema/types';
import { csvDocument } from '../share/csv';

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

  constructor(readonly file: File) {
    this.analyse();
  }

  /** True when the analysis allows an import: no blocking error, not a duplicate. */
  get importable(): boolean {
    const a = this.analysis;
    return (
      this.phase === 'ready' &&
      // A failed re-read leaves the last analysis on screen, but it no longer says what importing would do.
      !this.failure &&
      !!a &&
      !a.duplicateOf &&
      !a.errors.some(isBlocking) &&
      a.accepted > 0
    );
  }

  private track(startedAt: number) {
    return (p: ScanProgress) => {
      this.progress = { ...p, startedAt, at: performance.now() };
    };
  }

  /** (Re-)reads the file with the current options. */
  analyse(): void {
    this.running?.cancel();
    this.phase = 'analysing';
    this.failure = '';
    this.progress = null;
    const job = importClient().analyze(
      this.file,
      this.file.name,
      $state.snapshot(this.options),
      this.track(performance.now()),
    );
    this.running = job;
    job.result.then(
      (a) => {
        if (this.running !== job) return;
        this.analysis = a;
        this.phase = 'ready';
        this.running = null;
      },
      (e: Error) => {
        if (this.running !== job) return;
        this.failure = errorText(e);
        this.phase = 'ready';
        this.running = null;
      },
    );
  }

  /** Overrides what Loom detected and reads the file again. */
  set<K extends 'kind' | 'encoding' | 'delimiter' | 'headerRow' | 'keepTotals'>(
    key: K,
    value: K extends 'kind'
      ? RecordKind
      : K extends 'encoding'
        ? Encoding
        : K extends 'headerRow'
          ? number
          : K extends 'keepTotals'
            ? boolean
            : string,
  ): void {
    this.options = {
      ...this.options,
      [key]: value,
      // Other headers, or another kind's fields: the mapping starts again from the guess.
      ...(key === 'kind' || key === 'headerRow' ? { mapping: undefined } : {}),
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

  /** Imports the valid rows; resolves when the import has ended, however it ended. */
  async import(): Promise<ImportReport | null> {
    if (!this.importable || !this.analysis) return null;
    const a = this.analysis;
    // Import with exactly what the preview showed, so nothing is detected differently the second time.
    const options: CsvOptions & { hash: string } = {
      hash: a.hash,
      kind: a.kind ?? undefined,
      encoding: a.encoding,
      delimiter: a.delimiter,
      headerRow: a.headerRow,
      keepTotals: this.options.keepTotals,
      mapping: Object.fromEntries(Object.entries(a.mapping).map(([f, h]) => [f, h ?? ''])),
    };
    this.phase = 'importing';
    this.progress = null;
    // Marks for the bench and for anyone timing imports in DevTools.
    performance.mark(`loom:import:${this.key}:start`);
    const job = importClient().import(
      this.file,
      this.file.name,
      options,
      this.track(performance.now()),
    );
    this.running = job;
    try {
      this.report = await job.result;
    } catch (e) {
      this.failure = errorText(e);
    } finally {
      this.running = null;
      this.phase = 'done';
      performance.measure('loom:import', `loom:import:${this.key}:start`);
    }
    return this.report;
  }

  /** Stops whatever is running: an import then leaves nothing behind. */
  cancel(): void {
    this.running?.cancel();
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
