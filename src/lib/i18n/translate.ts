// Messages in a given language, without the reactive interface state: usable in workers that
// need the interface's words (the import worker does not: it words problems through notice.ts).
import { fill, type Lang, type Params } from './fill';
import { en, zh, type MessageKey } from './messages';

export { LANGS, localeOf, type Lang, type Params } from './fill';

/** Whether `key` names a message. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

/**
 * The message `key` in `lang` (English where a translation is missing), placeholders filled.
 * `{n|row|rows}` is the word for the count `n` in its singular or plural form, by
 * `Intl.PluralRules`: "{n} {n|row|rows}" reads "1 row" and "12 rows".
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  return fill(lang, (lang === 'zh' ? zh : en)[key] ?? en[key] ?? key, params);
}

/** A message lookup with its language already chosen: what view models word their text with. */
export type Translate = (key: MessageKey, params?: Params) => string;

/** A delimiter as a person reads it: a tab by its name, any other character as it is. */
export const delimiterWord = (tr: Translate, d: string): string =>
  d === '\t' ? tr('common.tab') : d;
