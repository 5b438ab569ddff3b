import {
  getDb,
  type DefectRollupChunk,
  type ExchangeRow,
  type FactoryRow,
  type ImportRow,
  type RollupChunk,
} from '../db/database';
import { activeExchanges } from '../db/exchanges';
import { activeFactories } from '../db/factories';
import { listImports } from '../db/imports';
import { activeDefectRollups, activeRollups } from '../db/rollups';
import { live } from './live.svelte';
import { i18n } from '../i18n/i18n.svelte';
import { mergeTerms, termIn, type Terms } from '../schema/terms';

/** A data field whose words a file may give in both languages. */
export type WordField = 'product' | 'defect_type' | 'experience' | 'topic' | 'industry';
/** Labels a data word (a product, an experience…) in the reader's language, else as the records hold it. */
export type Words = (field: WordField, word: string) => string;

const merged = new WeakMap<readonly ImportRow[], Terms>();
const termsOf = (imports: readonly ImportRow[]) => {
  let terms = merged.get(imports);
  if (!terms) merged.set(imports, (terms = mergeTerms(imports.map((i) => i.terms))));
  return terms;
};

/**
 * The active data as live runes, for the pages that analyse it: factories, exchanges and
 * rollups, and on first use the defect rollups and the list of imports (so a page that never
 * reads them never queries them). Call it, and read what you need from it, during component
 * initialisation: pages read the database only through here.
 */
export function activeData() {
  const db = getDb();
  let defectRollups: ReturnType<typeof live<DefectRollupChunk[]>> | undefined;
  let imports: ReturnType<typeof live<ImportRow[]>> | undefined;
  return {
    factories: live(() => activeFactories(db), [] as FactoryRow[]),
    exchanges: live(() => activeExchanges(db), [] as ExchangeRow[]),
    rollups: live(() => activeRollups(db), [] as RollupChunk[]),
    get defectRollups() {
      return (defectRollups ??= live(() => activeDefectRollups(db), [] as DefectRollupChunk[]));
    },
    get imports() {
      return (imports ??= live(() => listImports(db), [] as ImportRow[]));
    },
    /** The data's words in the reader's language, from the imports' `*_zh` / `*_en` columns. */
    get words(): Words {
      const list = this.imports;
      return (field, word) => termIn(termsOf(list.current), field, word, i18n.lang);
    },
  };
}
