import { workerCall } from '../workerCall';
import type { ImpactInput, ImpactView } from './impact';

/** The Impact view model, computed in a module worker. */
export const computeImpact = workerCall<ImpactInput, ImpactView>(
  () => new Worker(new URL('./impact.worker.ts', import.meta.url), { type: 'module' }),
);
