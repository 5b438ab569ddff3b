/// <reference lib="webworker" />
// The chunk writer: a second worker beside the import worker. It stores each
// production chunk it is sent as a staging row and rolls it up, so that the
// import worker can keep parsing while IndexedDB writes.
import { localSink, type WriterRequest, type WriterResponse } from './chunkSink';
import { getDb } from './database';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: WriterResponse) => scope.postMessage(m);
let sink: ReturnType<typeof localSink> | null = null;
// Messages are handled strictly in order.
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (e: MessageEvent<WriterRequest>) => {
  const m = e.data;
  // Opened ahead of the first chunk; a failure to open is the first write's to report.
  if (m.type === 'warm')
    return void getDb()
      .open()
      .catch(() => undefined);
  queue = queue.then(async () => {
    try {
      if (m.type === 'chunk') {
        sink ??= localSink(getDb(), m.chunk.importId);
        await sink.write(m.chunk);
        post({ type: 'written' });
      } else if (m.type === 'finish') {
        await sink?.finish();
        post({ type: 'finished' });
      } else {
        await sink?.abort();
        post({ type: 'aborted' });
      }
    } catch (err) {
      post({
        type: 'error',
        message: err instanceof Error ? err.message : String(err),
        // Dexie wraps IndexedDB's errors; the name that matters (QuotaExceededError) is kept.
        name: err instanceof Error ? err.name : undefined,
      });
    }
  });
};
