import { forceLayout, type LayoutInput, type Positions } from './networkLayout';

/** Above this many nodes the layout runs in a worker (it takes long enough to freeze the page). */
export const WORKER_ABOVE = 500;

let worker: Worker | null = null;
let nextId = 1;

/** Lays a graph out: on this thread when small, in a module worker when large. Same result either way. */
export function layoutGraph(input: LayoutInput): Promise<Positions> {
  if (input.nodes.length <= WORKER_ABOVE || typeof Worker === 'undefined')
    return Promise.resolve(forceLayout(input));
  worker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<{ id: number; xy: Positions }>) => {
      if (e.data.id !== id) return;
      w.removeEventListener('message', onMessage);
      resolve(e.data.xy);
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', reject, { once: true });
    w.postMessage({ id, input });
  });
}
