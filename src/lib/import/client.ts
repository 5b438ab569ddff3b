import type { ImportReport } from './importer';
import type { Analysis, WorkerRequest, WorkerResponse } from './protocol';
import type { ScanProgress } from './scan';
import type { CsvOptions } from './types';
import { NoticeError, noticeError } from '../i18n/notice';

/** A running job: its result, and a way to stop it. */
export interface Job<T> {
  /** The job's id: a staged file's commit and discard name it. */
  id: number;
  result: Promise<T>;
  /** Stops the job; an import then removes everything it wrote and reports `cancelled`. */
  cancel(): void;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type Pending = {
  resolve: (v: never) => void;
  reject: (e: Error) => void;
  onProgress?: (p: ScanProgress) => void;
};

/** The page's handle on the import worker: one worker, any number of jobs. */
export class ImportClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private get port(): Worker {
    if (!this.worker) {
      this.worker = new Worker(new URL('./import.worker.ts', import.meta.url), {
        type: 'module',
        name: 'loom-import',
      });
      this.worker.onmessage = (e: MessageEvent<WorkerResponse>) => this.receive(e.data);
      this.worker.onerror = (e) => {
        e.preventDefault();
        this.fail(e.message);
      };
      this.worker.onmessageerror = () => this.fail('');
    }
    return this.worker;
  }

  /**
   * The worker failed or never started. A script that cannot load has no message: after a
   * new deploy, an old tab's worker is gone from the server, so the page says to reload.
   * Every job is rejected and the worker dropped, so that no job ever waits for it.
   */
  private fail(message: string | undefined) {
    this.worker?.terminate();
    this.worker = null;
    const error = message
      ? new Error(`The import worker failed: ${message}`)
      : noticeError('app-updated');
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private receive(m: WorkerResponse) {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.type === 'progress') return p.onProgress?.(m);
    this.pending.delete(m.id);
    if (m.type === 'error') p.reject(m.notice ? new NoticeError(m.notice) : new Error(m.message));
    else
      p.resolve(
        (m.type === 'analysis' ? m.analysis : m.type === 'report' ? m.report : undefined) as never,
      );
  }

  private start<T>(
    req: DistributiveOmit<Exclude<WorkerRequest, { type: 'cancel' | 'warm' }>, 'id'>,
    onProgress?: (p: ScanProgress) => void,
  ): Job<T> {
    const id = this.nextId++;
    const result = new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: never) => void, reject, onProgress });
    });
    this.port.postMessage({ ...req, id } as WorkerRequest);
    return {
      id,
      result,
      cancel: () => this.port.postMessage({ type: 'cancel', id } satisfies WorkerRequest),
    };
  }

  /**
   * Starts the worker and has it ready what a job needs, so that the next file is read at once;
   * a page that imports calls it when it opens. A worker that cannot load fails the next job.
   */
  warm(): void {
    this.port.postMessage({ type: 'warm' } satisfies WorkerRequest);
  }

  /**
   * Reads a file once in the worker (decode, parse, validate) and, unless it is refused, writes
   * it as a staging import that stays invisible until {@link commit} or {@link discard} names
   * this job.
   */
  stage(
    file: Blob,
    fileName: string,
    options: CsvOptions,
    onProgress?: (p: ScanProgress) => void,
  ): Job<Analysis> {
    return this.start({ type: 'stage', file, fileName, options }, onProgress);
  }

  /** Makes a staged file active, replacing the named imports in the same transaction. */
  commit(stage: number, replace: number[] = []): Promise<ImportReport> {
    return this.start<ImportReport>({ type: 'commit', stage, replace }).result;
  }

  /** Removes everything a staged file wrote. */
  discard(stage: number): Promise<void> {
    return this.start<void>({ type: 'discard', stage }).result;
  }

  /**
   * Imports a file in the worker, all or nothing. With `group` (whose lock the page holds)
   * it is staged complete and waits for the group to be made active.
   */
  import(
    file: Blob,
    fileName: string,
    options: CsvOptions & { hash?: string; origin?: string },
    onProgress?: (p: ScanProgress) => void,
    source: 'user' | 'sample' = 'user',
    group?: string,
  ): Job<ImportReport> {
    return this.start({ type: 'import', file, fileName, options, source, group }, onProgress);
  }
}

let shared: ImportClient | null = null;

/** The page's one import client. */
export function importClient(): ImportClient {
  return (shared ??= new ImportClient());
}
