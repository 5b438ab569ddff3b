/// <reference lib="webworker" />
// The module worker that runs every import: decode, parse, validate, write
// with Dexie and roll up, so that the page only ever receives progress and reports.
import { workerSink } from '../db/chunkSink';
import { getDb } from '../db/database';
import { findActiveByHash } from '../db/imports';
import { blobSource } from './decode';
import { importCsv } from './importer';
import type { WorkerRequest, WorkerResponse } from './protocol';
import { scanCsv, type ScanProgress } from './scan';
import { asWriter } from '../db/locks';
import { NoticeError } from '../notice';

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

async function handle(req: Exclude<WorkerRequest, { type: 'cancel' }>) {
  const controller = new AbortController();
  jobs.set(req.id, controller);
  const db = getDb();
  try {
    if (req.type === 'analyze') {
      const scan = await scanCsv(blobSource(req.file), {
        ...req.options,
        signal: controller.signal,
        onProgress: throttled(req.id),
      });
      const dup = scan.hash ? await findActiveByHash(db, scan.hash) : undefined;
      post({
        type: 'analysis',
        id: req.id,
        analysis: {
          ...scan,
          fileName: req.fileName,
          duplicateOf: dup && {
            importId: dup.id,
            fileName: dup.fileName,
            importedAt: dup.importedAt ?? 0,
          },
        },
      });
    } else {
      const lockName = req.group ?? `loom-import-${crypto.randomUUID()}`;
      const run = () =>
        importCsv(db, blobSource(req.file), {
          ...req.options,
          fileName: req.fileName,
          source: req.source,
          lockName,
          group: req.group,
          // A second worker stores and rolls up chunks while this one parses (nested workers
          // exist in every current browser; the fallback writes on this thread).
          makeSink:
            typeof Worker === 'undefined'
              ? undefined
              : () =>
                  workerSink(
                    () =>
                      new Worker(new URL('../db/chunkWriter.worker.ts', import.meta.url), {
                        type: 'module',
                        name: 'loom-chunk-writer',
                      }),
                  ),
          signal: controller.signal,
          onProgress: throttled(req.id),
        });
      // Holding its lock tells start-up cleanup in other tabs that this staging import is alive,
      // and the data lock, shared, keeps a reset in another tab from deleting under it. A
      // group's page holds both for the whole group.
      const locks = scope.navigator.locks;
      const report =
        req.group || !locks ? await run() : await asWriter(() => locks.request(lockName, run));
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
  else void handle(req);
};
