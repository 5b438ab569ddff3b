import type { ImportRow } from '../db/database';
import { formatDate } from '../format';
import { t } from '../i18n/i18n.svelte';

/** "Source: production.csv (imported …)" for an exported chart: the production files behind it. */
export function productionSource(imports: readonly ImportRow[]): string {
  return sourceOf(imports, 'production', t('trends.noProductionFile'));
}

/** The same line for a chart of the exchanges (the network, its tree and adoption curve). */
export function exchangesSource(imports: readonly ImportRow[]): string {
  return sourceOf(imports, 'exchanges', t('network.noExchangesFile'));
}

function sourceOf(imports: readonly ImportRow[], kind: ImportRow['kind'], none: string): string {
  return t('trends.source', {
    files:
      imports
        .filter((i) => i.kind === kind)
        .map((i) =>
          t('trends.sourceFile', { file: i.fileName, date: formatDate(i.importedAt ?? 0) }),
        )
        .join('; ') || none,
  });
}
