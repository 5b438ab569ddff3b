import { afterEach, describe, expect, it, vi } from 'vitest';
import { ImportClient } from '../../../src/lib/import/client';

/** A Worker whose script cannot load (as after a new deploy) or that crashes with a message. */
function fakeWorker(message: string | undefined) {
  const made: FakeWorker[] = [];
  class FakeWorker {
    onerror: ((e: { message?: string; preventDefault(): void }) => void) | null = null;
    onmessage: unknown = null;
    onmessageerror: unknown = null;
    terminated = false;
    constructor() {
      made.push(this);
    }
    postMessage() {
      setTimeout(() => this.onerror?.({ message, preventDefault() {} }));
    }
    terminate() {
      this.terminated = true;
    }
  }
  vi.stubGlobal('Worker', FakeWorker);
  return made;
}

afterEach(() => vi.unstubAllGlobals());

describe('ImportClient when its worker fails', () => {
  it('says Loom was updated when the worker script cannot load, and never leaves a job waiting', async () => {
    const made = fakeWorker(undefined);
    const client = new ImportClient();
    const file = new Blob(['factory_id,name\nzhenya,Zhenya\n']);
    await expect(client.import(file, 'a.csv', {}).result).rejects.toThrow(
      'Loom was updated while this tab was open. Reload the page to continue.',
    );
    // The next file starts a new worker instead of waiting on the dead one.
    await expect(client.stage(file, 'b.csv', {}).result).rejects.toThrow(/Loom was updated/);
    expect(made).toHaveLength(2);
    expect(made[0].terminated).toBe(true);
  });

  it('passes on the message of a worker that crashed', async () => {
    fakeWorker('out of memory');
    const client = new ImportClient();
    await expect(client.import(new Blob(['x']), 'a.csv', {}).result).rejects.toThrow(
      'The import worker failed: out of memory',
    );
  });
});
