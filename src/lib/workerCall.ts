/**
 * A function that runs a computation in one module worker, created on the first call: each
 * call posts `{ id, input }` and resolves with the worker's `{ id, output }` (or rejects with
 * its `{ id, error }`, or the worker's load error). Calls may overlap; each gets its own answer.
 */
export function workerCall<I, O>(
  make: () => Worker,
): (input: I, transfer?: Transferable[]) => Promise<O> {
  let worker: Worker | null = null;
  let nextId = 1;
  return (input, transfer = []) => {
    const w = (worker ??= make());
    const id = nextId++;
    return new Promise<O>((resolve, reject) => {
      const onMessage = (e: MessageEvent<{ id: number; output?: O; error?: string }>) => {
        if (e.data.id !== id) return;
        w.removeEventListener('message', onMessage);
        w.removeEventListener('error', onError);
        if (e.data.error !== undefined) reject(new Error(e.data.error));
        else resolve(e.data.output as O);
      };
      const onError = (e: ErrorEvent) => {
        w.removeEventListener('message', onMessage);
        reject(new Error(e.message || 'worker failed to load'));
      };
      w.addEventListener('message', onMessage);
      w.addEventListener('error', onError, { once: true });
      w.postMessage({ id, input }, transfer);
    });
  };
}

/** The worker side of {@link workerCall}: answers each `{ id, input }` with `run(input)`. */
export function serveWorker<I, O>(
  run: (input: I) => O,
  transfer?: (output: O) => Transferable[],
): void {
  self.onmessage = (e: MessageEvent<{ id: number; input: I }>) => {
    const { id, input } = e.data;
    const post = (msg: unknown, t: Transferable[] = []) =>
      (self as unknown as Worker).postMessage(msg, t);
    try {
      const output = run(input);
      post({ id, output }, transfer?.(output) ?? []);
    } catch (err) {
      post({ id, error: err instanceof Error ? err.message : String(err) });
    }
  };
}
