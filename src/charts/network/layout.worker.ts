/// <reference lib="webworker" />
// Runs a force layout off the main thread: large graphs take seconds, and the page stays responsive.
import { serveWorker } from '../../lib/workerCall';
import { forceLayout } from './layout';

serveWorker(forceLayout, (xy) => [xy.buffer]);
