// The interface language: English or 简体中文, remembered in this browser. Strings come from
// messages.ts through t(); numbers and dates go through Intl in the same locale.
import type { MessageKey } from './messages';
import { setFormatLocale } from '../format';
import { isMessageKey, localeOf, translate, type Lang, type Params } from './translate';
import { NoticeError, placed, worded, type Notice, type PlacedNotice } from './notice';

export { LANGS, localeOf, type Lang } from './translate';
const STORE = 'loom:lang';

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
export function t(key: MessageKey, params: Params = {}): string {
  return translate(i18n.lang, key, params);
}

/**
 * A factory's name in the current language: `name_zh` in Chinese and `name` in English,
 * each falling back to the other, then to the id.
 */
export function factoryName(f: { factory_id: string; name?: string; name_zh?: string }): string {
  const [first, second] = i18n.lang === 'zh' ? [f.name_zh, f.name] : [f.name, f.name_zh];
  return first || second || f.factory_id;
}

/** A problem or remark about a file in the current language; plain strings (older imports) as stored. */
export function noticeText(n: Notice | string): string {
  return typeof n === 'string' ? n : worded(i18n.lang, n);
}

/** A record field's name in the interface language ("Taught by", 传授方), or the name itself. */
export function fieldLabel(name: string): string {
  const key = `field.${name}`;
  return isMessageKey(key) ? t(key) : name;
}

/** A problem with its place in a file, in the current language: "Row 3, column “period”: …". */
export const placedNotice = (e: PlacedNotice): string => placed(i18n.lang, e);

/** What went wrong, for the person: a NoticeError in the current language, any other Error as it says. */
export function errorText(e: unknown): string {
  if (e instanceof NoticeError)
    return noticeText(e.notice) + (e.detail ? ` ${placedNotice(e.detail)}` : '');
  return e instanceof Error ? e.message : String(e);
}
