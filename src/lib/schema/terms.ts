// A file's data words in both languages. A product, defect type, experience, topic or
// industry is keyed by the word its own column gives; a `<field>_zh` or `<field>_en` column
// gives its Chinese or English. The importer gathers those pairs into an import's terms, and
// the views label each word in the reader's language, falling back to the word itself.

import { TERM_FIELDS } from './fields';
import type { RecordKind } from './types';

/** The languages a word may be labelled in (the interface's languages). */
export type Lang = 'zh' | 'en';
/** A word's labels: its Chinese and its English, where a file gave them. */
export type TermLabels = Partial<Record<Lang, string>>;
/** Per field, per word as records hold it, its labels. */
export type Terms = Record<string, Record<string, TermLabels>>;

const LANGS: readonly Lang[] = ['zh', 'en'];

/** Gathers the labels of a file's words as its records are read. The first label of a word wins. */
export class TermCollector {
  readonly terms: Terms = {};
  private readonly fields: readonly string[];
  constructor(kind: RecordKind) {
    this.fields = TERM_FIELDS[kind];
  }
  add(record: object): void {
    const r = record as Record<string, unknown>;
    for (const field of this.fields) {
      const word = r[field];
      if (typeof word !== 'string' || !word) continue;
      for (const lang of LANGS) {
        const label = r[`${field}_${lang}`];
        if (typeof label !== 'string' || !label) continue;
        const labels = ((this.terms[field] ??= {})[word] ??= {});
        labels[lang] ??= label;
      }
    }
  }
}

/** The terms of several imports as one: an earlier import's label of a word wins. */
export function mergeTerms(all: readonly (Terms | undefined)[]): Terms {
  const out: Terms = {};
  for (const terms of all)
    for (const [field, words] of Object.entries(terms ?? {}))
      for (const [word, labels] of Object.entries(words)) {
        const into = ((out[field] ??= {})[word] ??= {});
        for (const lang of LANGS) if (labels[lang] && !into[lang]) into[lang] = labels[lang];
      }
  return out;
}

/** A word of `field` in `lang`: its label there, else the word as the records hold it. */
export const termIn = (terms: Terms, field: string, word: string, lang: Lang): string =>
  terms[field]?.[word]?.[lang] ?? word;

/** A record with its words' labels from `terms` written into its `<field>_<lang>` fields (lots keep none of their own). */
export function withTermLabels<R extends object>(
  record: R,
  kind: RecordKind,
  terms: Terms | undefined,
): R {
  if (!terms) return record;
  const r = record as Record<string, unknown>;
  for (const field of TERM_FIELDS[kind]) {
    const labels = terms[field]?.[r[field] as string];
    if (labels) for (const [lang, label] of Object.entries(labels)) r[`${field}_${lang}`] ??= label;
  }
  return record;
}
