// The chunk sinks: at most WRITES_IN_FLIGHT chunks are unacknowledged before `write` waits
// (backpressure), chunks cross to the writer worker by transfer, an abort waits for the writes
// already started, and a failure in the worker reaches the importer with its name.
import { describe, expect, it } from 'vitest';
import {
  WRITES_IN_FLIGHT,
  chunkBuffers,
  localSink,
  workerSink,
  type WriterRequest,
  type WriterResponse,
} from '../../../src/lib/db/chunkSink';
import type { ChunkRow, LoomDB } from '../../../src/lib/db/database';
import { NoticeError } from '../../../src/lib/i18n/notice';
import { freshDb, counts } from './helpers';

const dict = (values: string[]) => ({
  dict: ['', ...values],
  codes: Uint16Array.from(values.map((_, i) => i + 1)),
});
/** A chunk of one production row: zhenya, crepe satin, 1956-01, 1,000 inspected, 30 defective. */
function chunk(seq: number, importId = 1): ChunkRow {
  return {
    importId,
    seq,
    count: 1,
    factory: dict(['zhenya']),
    product: dict(['crepe satin']),
    day: Int32Array.of(Date.UTC(1956, 0, 1) / 86_400_000),
    grain: Uint8Array.of(1),
    inspected: Uint32Array.of(1000),
    defective: Uint32Array.of(30),
    defectType: { dict: [''], codes: new Uint16Array(1) },
    shift: { dict: [''], codes: new Uint16Array(1) },
    workshop: { dict: [''], codes: new Uint16Array(1) },
    row: Int32Array.of(seq + 2),
  };
}

/** A stand-in for the chunk writer worker: records what it is sent; `say` answers. */
function fakeWorker() {
  const sent: { message: WriterRequest; transfer: Transferable[] }[] = [];
  const w = {
    onmessage: null as ((e: MessageEvent<WriterResponse>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    terminated: false,
    postMessage(message: WriterRequest, transfer: Transferable[] = []) {
      sent.push({ message, transfer });
    },
    terminate() {
      w.terminated = true;
    },
  };
  const say = (m: WriterResponse) => w.onmessage?.({ data: m } as MessageEvent<WriterResponse>);
  return { worker: w, sent, say, make: () => w as unknown as Worker };
}

/** Whether a promise has settled by the end of this turn of the event loop. */
async function settled(p: Promise<unknown>): Promise<boolean> {
  let done = false;
  p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setTimeout(r, 0));
  return done;
}

describe('workerSink', () => {
  it(`keeps ${WRITES_IN_FLIGHT} chunks in flight, then waits for the worker to write one`, async () => {
    const { sent, say, make } = fakeWorker();
    const sink = workerSink(make);
    for (let i = 0; i < WRITES_IN_FLIGHT; i++) await sink.write(chunk(i));
    const next = sink.write(chunk(WRITES_IN_FLIGHT));
    expect(await settled(next)).toBe(false);
    expect(sent).toHaveLength(WRITES_IN_FLIGHT);
    say({ type: 'written' });
    await next;
    expect(sent).toHaveLength(WRITES_IN_FLIGHT + 1);
  });

  it('transfers each chunk’s buffers rather than copying them', async () => {
    const { sent, make } = fakeWorker();
    const c = chunk(0);
    await workerSink(make).write(c);
    expect(sent[0].transfer).toEqual(chunkBuffers(c));
    expect(sent[0].transfer.length).toBeGreaterThan(5);
  });

  it('on abort, waits until the worker says its started writes settled, then stops it', async () => {
    const { worker, sent, say, make } = fakeWorker();
    const sink = workerSink(make);
    await sink.write(chunk(0));
    const stopping = sink.abort();
    expect(sent.at(-1)?.message.type).toBe('abort');
    expect(await settled(stopping)).toBe(false);
    expect(worker.terminated).toBe(false);
    say({ type: 'aborted' });
    await stopping;
    expect(worker.terminated).toBe(true);
    await sink.abort(); // a second abort is nothing
    expect(sent.filter((s) => s.message.type === 'abort')).toHaveLength(1);
  });

  it('rejects a waiting write with the worker’s error, keeping its name (a full disk stays one)', async () => {
    const { say, make } = fakeWorker();
    const sink = workerSink(make);
    for (let i = 0; i < WRITES_IN_FLIGHT; i++) await sink.write(chunk(i));
    const next = sink.write(chunk(WRITES_IN_FLIGHT));
    say({ type: 'error', message: 'The quota has been exceeded.', name: 'QuotaExceededError' });
    await expect(next).rejects.toMatchObject({ name: 'QuotaExceededError' });
    await expect(sink.finish()).rejects.toMatchObject({ name: 'QuotaExceededError' });
  });

  it('says Loom was updated when the writer’s script cannot load (a new deploy under an open tab)', async () => {
    const { worker, make } = fakeWorker();
    const sink = workerSink(make);
    for (let i = 0; i < WRITES_IN_FLIGHT; i++) await sink.write(chunk(i));
    const next = sink.write(chunk(WRITES_IN_FLIGHT));
    worker.onerror?.({ message: '', preventDefault() {} } as ErrorEvent);
    const error = await next.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoticeError);
    expect((error as NoticeError).notice.code).toBe('app-updated');
  });
});

describe('localSink', () => {
  /** A database whose chunk writes finish only when the test lets them. */
  function heldDb() {
    const db = freshDb();
    const held: (() => void)[] = [];
    const add = db.chunks.add.bind(db.chunks);
    db.chunks.add = ((c: ChunkRow) =>
      new Promise((resolve, reject) =>
        held.push(() => add(c).then(resolve, reject)),
      )) as typeof db.chunks.add;
    return { db: db as LoomDB, held };
  }

  it(`waits for the oldest of ${WRITES_IN_FLIGHT} writes before taking another chunk`, async () => {
    const { db, held } = heldDb();
    const sink = localSink(db, 1);
    for (let i = 0; i < WRITES_IN_FLIGHT; i++) await sink.write(chunk(i));
    const next = sink.write(chunk(WRITES_IN_FLIGHT));
    expect(await settled(next)).toBe(false);
    held.shift()!();
    await next;
    expect(held).toHaveLength(WRITES_IN_FLIGHT);
  });

  it('finishes with every chunk and its rollups stored, and aborts after the started writes settle', async () => {
    const { db, held } = heldDb();
    const sink = localSink(db, 1);
    await sink.write(chunk(0));
    await sink.write(chunk(1));
    const finishing = sink.finish();
    expect(await settled(finishing)).toBe(false);
    held.splice(0).forEach((go) => go());
    await finishing;
    expect(await counts(db)).toMatchObject({ chunks: 2, rollups: 1 });

    const other = heldDb();
    const aborted = localSink(other.db, 2);
    await aborted.write(chunk(0, 2));
    const stopping = aborted.abort();
    expect(await settled(stopping)).toBe(false);
    other.held.splice(0).forEach((go) => go());
    await stopping;
    expect((await counts(other.db)).rollups).toBe(0);
  });
});
