import { workerCall } from '../workerCall';
import type { NetworkMetrics } from '../analysis/network';
import type { ExchangeRecord } from '../schema/types';

/** The network's metrics ({@link networkMetrics}), computed in a module worker. */
export const computeNetworkMetrics = workerCall<ExchangeRecord[], NetworkMetrics>(
  () => new Worker(new URL('./networkMetrics.worker.ts', import.meta.url), { type: 'module' }),
);
