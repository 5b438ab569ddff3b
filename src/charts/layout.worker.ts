/// <reference lib="webworker" />
// Runs a force layout off the main thread: large graphs take seconds, and the page stays responsive.
import { forceLayout, type LayoutInput } from './networkLayout';

self.onmessage = (e: MessageEvent<{ id: number; input: LayoutInput }>) => {
  const xy = forceLayout(e.data.input);
  (self as unknown as Worker).postMessage({ id: e.data.id, xy }, [xy.buffer]);
};
