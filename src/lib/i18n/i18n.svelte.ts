// The interface language: English or 简体中文, remembered in this browser. Strings come from
// messages.ts through t(); numbers and dates go through Intl in the same locale.
import { en, zh, type MessageKey } from './messages';
import { setFormatLocale } from '../format';

export type Lang = 'en' | 'zh';
export const LANGS: readonly Lang[] = ['en', 'zh'];
const STORE = 'loom:lang';

/** The BCP 47 locale for Intl and for `<html lang>`. */
export const localeOf = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en');

function initial(): Lang {
  try {
    const saved = localStorage.getItem(STORE);
    if (saved === 'en' || saved === 'zh') return saved;
  } catch {
    // No storage (a worker, or storage blocked): fall through to the browser's language.
  }
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('zh')
    ? 'zh'
    : 'en';
}

export const i18n = $state({ lang: 'en' as Lang });

/** Applies a language to the page (and remembers it unless `remember` is false). */
export function setLang(lang: Lang, remember = true): void {
  i18n.lang = lang;
  setFormatLocale(localeOf(lang));
  if (typeof document !== 'undefined') document.documentElement.lang = localeOf(lang);
  if (remember)
    try {
      localStorage.setItem(STORE, lang);
    } catch {
      // Not remembered: the choice still holds for this visit.
    }
}

/** Starts with the remembered language, else the browser's. */
export function initLang(): void {
  setLang(initial(), false);
}

/** A message in the current language, with `{name}` placeholders filled from `params`. */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const text = (i18n.lang === 'zh' ? zh : en)[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

/**
 * A factory's name in the current language: `name_zh` in Chinese and `name` in English,
 * each falling back to the other, then to the id.
 */
export function factoryName(f: { factory_id: string; name?: string; name_zh?: string }): string {
  const [first, second] = i18n.lang === 'zh' ? [f.name_zh, f.name] : [f.name, f.name_zh];
  return first || second || f.factory_id;
}
