/// <reference lib="webworker" />
// Measures the network off the main thread: reach, centrality and communities take long
// enough on a large graph to freeze the page.
import { serveWorker } from '../workerCall';
import { networkMetrics } from '../analysis/network';

serveWorker(networkMetrics);
