// Stands in for fflate where read-excel-file imports it (vite.config.ts routes that import
// here). fflate's asynchronous `unzip` inflates large entries in workers it starts from blob:
// URLs, which Loom's Content-Security-Policy (worker-src 'self') refuses, and which would only
// add threads to a read that already runs in Loom's import worker. This `unzip` inflates in
// the calling thread, only the XML parts a workbook reader needs (no images or VBA), and keeps
// what it inflated so the workbook reader can look at parts the library does not read: the
// content type that marks a macro-enabled workbook, and each sheet's merged cells.

import { unzipSync, type Unzipped } from 'fflate';

export { strFromU8, Unzip, unzipSync } from 'fflate';

type Done = (error: Error | null, files: Unzipped | null) => void;

let last: Unzipped | null = null;

/** The parts the last `unzip` inflated, once: the next call gets null until another unzip. */
export function takeUnzipped(): Unzipped | null {
  const files = last;
  last = null;
  return files;
}

/** fflate's `unzip(data, [options], callback)`, done synchronously; the callback runs later. */
export function unzip(data: Uint8Array, a: unknown, b?: Done): () => void {
  const done = (typeof a === 'function' ? a : b) as Done;
  let files: Unzipped | null = null;
  let error: Error | null = null;
  try {
    files = unzipSync(data, { filter: (f) => /\.(xml|rels)$/i.test(f.name) });
    last = files;
  } catch (e) {
    error = e as Error;
  }
  queueMicrotask(() => done(error, files));
  return () => {};
}
