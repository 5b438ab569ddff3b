// The placeholder engine behind every message, with no catalogue: `{name}` filled from the
// values, `{n|row|rows}` by the language's plural rules. Used by translate.ts for the
// interface and by notice.ts for problems, which workers word without the interface's words.

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];
/** Values for a message's `{name}` placeholders. */
export type Params = Record<string, string | number>;

/** The BCP 47 locale for Intl and for `<html lang>`. */
export const localeOf = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

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
 * `text` with its placeholders filled: `{name}` by its value, and `{n|row|rows}` by the word for
 * the count `n` in its singular or plural form, by `Intl.PluralRules`: "{n} {n|row|rows}" reads
 * "1 row" and "12 rows". A placeholder without a value stays as written.
 */
export function fill(lang: Lang, text: string, params: Params): string {
  return text.replace(
    /\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g,
    (m, name: string, one?: string, other?: string) => {
      if (!(name in params)) return m;
      if (one === undefined) return String(params[name]);
      return pluralForm(lang, params[name]) === 'one' ? one : other!;
    },
  );
}
