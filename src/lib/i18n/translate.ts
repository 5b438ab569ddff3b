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

/** The message `key` in `lang` (English where a translation is missing), placeholders filled. */
export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const text = (lang === 'zh' ? zh : en)[key] ?? en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}
