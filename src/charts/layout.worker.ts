/// <reference lib="webworker" />
// Runs a force layout off the main thread: large graphs take seconds, and the page stays responsive.
import { serveWorker } from '../lib/workerCall';
import { forceLayout } from './networkLayout';

serveWorker(forceLayout, (xy) => [xy.buffer]);
