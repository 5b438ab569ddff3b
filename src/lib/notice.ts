// Problems with a file and remarks about it, as data: a code and the values it names. The
// interface words them in the reader's language; `message` keeps the English wording for the
// API, logs and error reports. The words live in i18n/messages.ts as `problem.<code>`.
import type { MessageKey } from './i18n/messages';
import { isMessageKey, localeOf, translate, type Lang, type Params } from './i18n/translate';

/** The codes that have words: each is the message `problem.<code>`. */
export type NoticeCode = {
  [K in MessageKey]: K extends `problem.${infer C}` ? C : never;
}[MessageKey];

/** A problem or a remark: its code, the values it names, and its English wording. */
export interface Notice {
  code: string;
  params?: Params;
  message: string;
}

/** A value as quoted in a message: a cell can be a megabyte long. */
export const cut = (s: string): string => (s.length > 60 ? s.slice(0, 57) + '…' : s);

/** Values listed in a message, each quoted. */
export const quoteList = (values: readonly string[]): string =>
  values.map((v) => `“${cut(v)}”`).join(', ');

/** A notice with its English wording. */
export function notice(code: NoticeCode, params: Params = {}): Notice {
  return { code, params, message: explain('en', code, params) ?? code };
}

/** A notice at a place in a file, in words: "Row 3, column “period”: …". */
export type PlacedNotice = Notice & { row: number; column: string | null };

/** A problem with its place, in `lang`. */
export function placed(lang: Lang, e: PlacedNotice): string {
  const where =
    e.column === null
      ? translate(lang, 'import.where', { row: e.row })
      : translate(lang, 'import.whereColumn', { row: e.row, column: e.column });
  const text = (e.params && explain(lang, e.code, e.params)) || e.message;
  return translate(lang, 'common.labelled', { label: where, text });
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/**
 * A notice in words in `lang`: numbers in its locale, and a record kind or a tab delimiter in
 * its words. Null for a code that has no words.
 */
export function explain(lang: Lang, code: string, params: Params = {}): string | null {
  const key = `problem.${code}`;
  if (!isMessageKey(key)) return null;
  let ints = numberFormats.get(lang);
  if (!ints) numberFormats.set(lang, (ints = new Intl.NumberFormat(localeOf(lang))));
  const worded: Params = {};
  for (const [name, value] of Object.entries(params)) {
    const kindKey = `kind.${value}`;
    worded[name] =
      typeof value === 'number'
        ? ints.format(value)
        : name === 'kind' && isMessageKey(kindKey)
          ? translate(lang, kindKey)
          : name === 'delimiter' && value === '\t'
            ? translate(lang, 'common.tab')
            : value;
  }
  return translate(lang, key, worded);
}

/**
 * An Error that carries a notice, so the interface can word it in the reader's language.
 * `detail` is a row problem behind it (a bundle's file that did not import, say).
 */
export class NoticeError extends Error {
  constructor(
    readonly notice: Notice,
    readonly detail?: PlacedNotice,
  ) {
    super(detail ? `${notice.message} ${placed('en', detail)}` : notice.message);
  }
}

/** A NoticeError from a code and its values. */
export const noticeError = (code: NoticeCode, params: Params = {}) =>
  new NoticeError(notice(code, params));
