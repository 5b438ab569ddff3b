// Messages in a given language, without the reactive interface state: usable in workers.
import { en, zh, type MessageKey } from './messages';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];
/** Values for a message's `{name}` placeholders. */
export type Params = Record<string, string | number>;

/** The BCP 47 locale for Intl and for `<html lang>`. */
export const localeOf = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

/** Whether `key` names a message. */
export const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

const pluralRules = new Map<Lang, Intl.PluralRules>();

/**
 * The form of a word for a count, by the language's plural rules: `one` or `other`. A count
 * already formatted ("1,234") is read back as the number it shows.
 */
function pluralForm(lang: Lang, count: string | number): 'one' | 'other' {
  let rules = pluralRules.get(lang);
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(localeOf(lang))));
  const n = typeof count === 'number' ? count : Number(count.replace(/[^\d.-]/g, ''));
  return rules.select(n) === 'one' ? 'one' : 'other';
}

/**
 * The message `key` in `lang` (English where a translation is missing), placeholders filled.
 * `{n|row|rows}` is the word for the count `n` in its singular or plural form, by
 * `Intl.PluralRules`: "{n} {n|row|rows}" reads "1 row" and "12 rows".
 */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const text = (lang === 'zh' ? zh : en)[key] ?? en[key] ?? key;
  return text.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (m, name: string, one?: string, other?: string) => {
      if (!(name in params)) return m;
      if (one === undefined) return String(params[name]);
      return pluralForm(lang, params[name]) === 'one' ? one : other!;
    },
  );
}

/** A message lookup with its language already chosen: what view models word their text with. */
export type Translate = (key: MessageKey, params?: Params) => string;
