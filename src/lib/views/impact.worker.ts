/// <reference lib="webworker" />
// Runs the Impact view model off the main thread: the bootstrap over hundreds of factories
// takes long enough to make the page stutter.
import { serveWorker } from '../workerCall';
import { impactView } from './impact';

serveWorker(impactView);
