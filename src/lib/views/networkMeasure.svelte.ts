import type { NetworkMetrics } from '../analysis/network';
import type { ExchangeRecord } from '../schema/types';
import { computeNetworkMetrics } from './networkMetricsClient';

/**
 * The network's metrics as a rune, measured in the worker: `current` is the answer to the
 * latest request (an earlier one arriving late is dropped), and stays until the next arrives,
 * so a change of filter does not blank the table or the sizes.
 */
export class MeasuredNetwork {
  current = $state.raw<NetworkMetrics | null>(null);
  #request = 0;

  /** Measures these exchanges (plain records: they are posted as they are, cloned once). */
  measure(exchanges: ExchangeRecord[]): void {
    const id = ++this.#request;
    void computeNetworkMetrics(exchanges).then((m) => {
      if (id === this.#request) this.current = m;
    });
  }
}
