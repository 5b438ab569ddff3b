import type { ImportRow } from '../db/database';
import { formatDate } from '../format';
import { t } from '../i18n/i18n.svelte';

/** "Source: production.csv (imported …)" for an exported chart: the production files behind it. */
export function productionSource(imports: readonly ImportRow[]): string {
  return t('trends.source', {
    files:
      imports
        .filter((i) => i.kind === 'production')
        .map((i) =>
          t('trends.sourceFile', { file: i.fileName, date: formatDate(i.importedAt ?? 0) }),
        )
        .join('; ') || t('trends.noProductionFile'),
  });
}
