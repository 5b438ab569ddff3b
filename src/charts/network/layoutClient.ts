import { workerCall } from '../../lib/workerCall';
import { forceLayout, type LayoutInput, type Positions } from './layout';

/** Above this many nodes the layout runs in a worker (it takes long enough to freeze the page). */
export const WORKER_ABOVE = 500;

const inWorker = workerCall<LayoutInput, Positions>(
  () => new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' }),
);

/** Lays a graph out: on this thread when small, in a module worker when large. Same result either way. */
export function layoutGraph(input: LayoutInput): Promise<Positions> {
  // Every node fixed (pinned, or kept from an earlier layout): nothing to lay out.
  if (input.nodes.every((n) => n.fx !== undefined && n.fy !== undefined))
    return Promise.resolve(Float64Array.from(input.nodes.flatMap((n) => [n.fx!, n.fy!])));
  if (input.nodes.length <= WORKER_ABOVE || typeof Worker === 'undefined')
    return Promise.resolve(forceLayout(input));
  // Timed (`loom:network:layout`), for the bench and DevTools.
  const start = performance.now();
  return inWorker(input).then((xy) => {
    performance.measure('loom:network:layout', { start, end: performance.now() });
    return xy;
  });
}
