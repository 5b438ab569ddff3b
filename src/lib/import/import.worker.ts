/// <reference lib="webworker" />
// The module worker that runs every import: decode, parse, validate, write
// with Dexie and roll up, so that the page only ever receives progress and reports.
import { workerSink, type WriterRequest } from '../db/chunkSink';
import { getDb } from '../db/database';
import { blobSource } from './decode';
import { importCsv, stageCsv, type StagedImport } from './importer';
import type { WorkerRequest, WorkerResponse } from './protocol';
import type { ScanProgress } from './scan';
import { asWriter } from '../db/locks';
import { NoticeError } from '../i18n/notice';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const jobs = new Map<number, AbortController>();
const post = (m: WorkerResponse) => scope.postMessage(m);

/** Progress at most every 100 ms, so the page is never flooded. */
function throttled(id: number) {
  let last = 0;
  return (p: ScanProgress) => {
    const now = performance.now();
    if (now - last < 100 && p.bytesRead < p.size) return;
    last = now;
    post({ type: 'progress', id, ...p });
  };
}

/** Staged imports waiting for the page's word, by the id of the job that staged them. */
const staged = new Map<number, { import: StagedImport; settle: () => void }>();

const canNest = typeof Worker !== 'undefined';

/** A chunk writer started ahead of the job that will use it, and whether it failed to load. */
let spare: { worker: Worker; failed: boolean } | null = null;

function startWriter(): Worker {
  return new Worker(new URL('../db/chunkWriter.worker.ts', import.meta.url), {
    type: 'module',
    name: 'loom-chunk-writer',
  });
}

/** Starts a spare chunk writer with its database open, unless one is waiting. */
function warmWriter(): void {
  if (!canNest || spare) return;
  const s = { worker: startWriter(), failed: false };
  // A spare that cannot load is dropped; the job then starts its own, which says why.
  s.worker.onerror = (e) => {
    e.preventDefault();
    s.failed = true;
  };
  s.worker.postMessage({ type: 'warm' } satisfies WriterRequest);
  spare = s;
}

/** A second worker stores and rolls up chunks while this one parses; the fallback writes here. */
const makeSink = canNest
  ? () =>
      workerSink(() => {
        const s = spare;
        spare = null;
        if (s && !s.failed) return s.worker;
        s?.worker.terminate();
        return startWriter();
      })
  : undefined;

/** Set once the page has asked for warm-ups: each staged file then leaves a spare writer behind. */
let warming = false;

/**
 * Runs `fn` while holding the import's own Web Lock, which tells start-up cleanup in other
 * tabs that its staging rows are alive; the data lock is taken, shared, only around writes,
 * so that a reset in another tab never waits on a user deciding what to do with a file.
 */
function holding<T>(lockName: string, fn: () => Promise<T>): Promise<T> {
  const locks = scope.navigator.locks;
  return locks ? (locks.request(lockName, fn) as Promise<T>) : fn();
}

async function handle(req: Exclude<WorkerRequest, { type: 'cancel' | 'warm' }>) {
  const controller = new AbortController();
  jobs.set(req.id, controller);
  const db = getDb();
  const writing = <T>(fn: () => Promise<T>) => (scope.navigator.locks ? asWriter(fn) : fn());
  try {
    if (req.type === 'stage') {
      const lockName = `loom-import-${crypto.randomUUID()}`;
      await holding(lockName, async () => {
        const result = await writing(() =>
          stageCsv(db, blobSource(req.file), {
            ...req.options,
            fileName: req.fileName,
            lockName,
            makeSink,
            signal: controller.signal,
            onProgress: throttled(req.id),
          }),
        );
        if ('report' in result) {
          // Cancelled: the page that asked has moved on.
          if (!result.scan) throw new DOMException('Cancelled', 'AbortError');
          post({
            type: 'analysis',
            id: req.id,
            analysis: { ...result.scan, fileName: req.fileName, staged: false, overlaps: [] },
          });
          return;
        }
        // The same bytes already here: nothing to commit, so nothing stays staged.
        const waits = !result.duplicateOf;
        if (!waits) await result.discard();
        post({
          type: 'analysis',
          id: req.id,
          analysis: {
            ...result.scan,
            fileName: req.fileName,
            staged: waits,
            duplicateOf: result.duplicateOf,
            overlaps: waits ? result.overlaps : [],
          },
        });
        // While the user reads the preview: the next file's writer.
        if (warming) warmWriter();
        if (!waits) return;
        // Held until the page commits or discards it, or the tab closes (cleanup then removes it).
        await new Promise<void>((settle) => staged.set(req.id, { import: result, settle }));
      });
    } else if (req.type === 'commit' || req.type === 'discard') {
      const s = staged.get(req.stage);
      if (!s) throw new Error(`No staged import ${req.stage}: it was committed or discarded`);
      staged.delete(req.stage);
      try {
        if (req.type === 'commit') {
          const report = await writing(() => s.import.commit({ replace: req.replace }));
          post({ type: 'report', id: req.id, report });
        } else {
          await s.import.discard();
          post({ type: 'discarded', id: req.id });
        }
      } finally {
        s.settle();
      }
    } else {
      const lockName = req.group ?? `loom-import-${crypto.randomUUID()}`;
      const run = () =>
        importCsv(db, blobSource(req.file), {
          ...req.options,
          fileName: req.fileName,
          source: req.source,
          lockName,
          group: req.group,
          makeSink,
          signal: controller.signal,
          onProgress: throttled(req.id),
        });
      // A group's page holds its lock and the data lock for the whole group.
      const report = req.group ? await run() : await holding(lockName, () => writing(run));
      post({ type: 'report', id: req.id, report });
    }
  } catch (e) {
    post({
      type: 'error',
      id: req.id,
      message: e instanceof Error ? e.message : String(e),
      notice: e instanceof NoticeError ? e.notice : undefined,
    });
  } finally {
    jobs.delete(req.id);
  }
}

scope.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  if (req.type === 'cancel') jobs.get(req.id)?.abort(new DOMException('Cancelled', 'AbortError'));
  else if (req.type === 'warm') {
    warming = true;
    warmWriter();
    void getDb()
      .open()
      .catch(() => undefined);
  } else void handle(req);
};
