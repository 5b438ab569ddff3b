import type { ChunkRow, LoomDB } from './database';
import { RollupAccumulator } from './rollups';
import { noticeError } from '../i18n/notice';

/**
 * Where an import sends its production chunks: it stores each one as a
 * staging row and rolls it up. `write` resolves when there is room for the
 * next chunk (backpressure); `finish` resolves when every chunk and the
 * rollups are stored, as staging rows like the chunks.
 */
export interface ChunkSink {
  write(chunk: ChunkRow): Promise<void>;
  finish(): Promise<void>;
  /** Stops writing; resolves once nothing more will be written. */
  abort(): Promise<void>;
}

/** Chunk writes kept in flight before `write` waits. */
export const WRITES_IN_FLIGHT = 4;

/** A sink on the importer's own thread: for Node, tests, and browsers that cannot nest workers. */
export function localSink(db: LoomDB, importId: number): ChunkSink {
  const rollup = new RollupAccumulator();
  const writes: Promise<unknown>[] = [];
  return {
    async write(chunk) {
      if (writes.length >= WRITES_IN_FLIGHT) await writes.shift();
      rollup.addChunk(chunk);
      writes.push(db.chunks.add(chunk));
    },
    async finish() {
      await Promise.all(writes.splice(0));
      const { rollups, defectRollups } = rollup.chunks(importId);
      await db.transaction('rw', db.rollups, db.defectRollups, async () => {
        await db.rollups.bulkAdd(rollups);
        await db.defectRollups.bulkAdd(defectRollups);
      });
    },
    async abort() {
      await Promise.allSettled(writes.splice(0));
    },
  };
}

/** The typed-array buffers of a chunk, to transfer rather than copy between workers. */
export function chunkBuffers(c: ChunkRow): ArrayBuffer[] {
  const arrays = [
    c.factory.codes,
    c.product.codes,
    c.defectType.codes,
    c.shift.codes,
    c.workshop.codes,
    c.day,
    c.grain,
    c.inspected,
    c.defective,
    c.row,
  ];
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

/** Messages to the chunk writer worker. */
export type WriterRequest =
  | { type: 'chunk'; chunk: ChunkRow }
  | { type: 'finish' }
  | { type: 'abort' }
  /** Opens the database before the first chunk comes. */
  | { type: 'warm' };

/** Messages from the chunk writer worker. */
export type WriterResponse =
  | { type: 'written' }
  | { type: 'finished' }
  | { type: 'aborted' }
  | { type: 'error'; message: string; name?: string };

/**
 * A sink in a second worker, so that cloning chunks into IndexedDB, waiting
 * for the disk and rolling up run beside parsing instead of after it. Chunks
 * are transferred, not copied; at most {@link WRITES_IN_FLIGHT} are unacknowledged.
 */
export function workerSink(makeWorker: () => Worker): ChunkSink {
  const worker = makeWorker();
  let unacked = 0;
  let failure: Error | null = null;
  let closed = false;
  // Whoever waits for the worker's next word: room for a chunk, the result, or the stop.
  let wake: (() => void) | null = null;
  let finished = false;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  const waitForWord = () => new Promise<void>((r) => (wake = r));
  worker.onmessage = (e: MessageEvent<WriterResponse>) => {
    const m = e.data;
    if (m.type === 'written') unacked--;
    else if (m.type === 'finished') finished = true;
    // The name survives the worker boundary: a QuotaExceededError must stay one.
    else if (m.type === 'error')
      failure = Object.assign(new Error(m.message), { name: m.name ?? 'Error' });
    notify();
  };
  worker.onerror = (e) => {
    e.preventDefault();
    // No message: the script could not load, as after a new deploy of an open tab.
    failure = e.message
      ? new Error(`The chunk writer failed: ${e.message}`)
      : noticeError('app-updated');
    notify();
  };
  const check = () => {
    if (failure) throw failure;
  };
  const close = () => {
    closed = true;
    worker.terminate();
  };
  return {
    async write(chunk) {
      check();
      while (unacked >= WRITES_IN_FLIGHT) {
        await waitForWord();
        check();
      }
      unacked++;
      worker.postMessage({ type: 'chunk', chunk } satisfies WriterRequest, chunkBuffers(chunk));
    },
    async finish() {
      check();
      worker.postMessage({ type: 'finish' } satisfies WriterRequest);
      while (!finished) {
        await waitForWord();
        if (failure) {
          close();
          throw failure;
        }
      }
      close();
    },
    async abort() {
      if (closed) return;
      if (!failure) {
        worker.postMessage({ type: 'abort' } satisfies WriterRequest);
        // 'aborted' comes after every write the worker had started has settled.
        await new Promise<void>((resolve) => {
          worker.onmessage = (e: MessageEvent<WriterResponse>) => {
            if (e.data.type === 'aborted' || e.data.type === 'error') resolve();
          };
          worker.onerror = () => resolve();
        });
      }
      close();
    },
  };
}
