// Problems and remarks (a file's rows, a bundle, a deck file, an export) as data: a code and
// the values it names. The interface words them in the reader's language; `message` keeps the
// English wording for the API, logs and error reports. The words live in i18n/messages.ts as
// `problem.<code>` of i18n/problems.ts, a catalogue of its own so that a worker that words
// problems does not carry the interface's words.
import { fill, localeOf, type Lang, type Params } from './fill';
import { problemsEn, problemsZh, type ProblemKey } from './problems';

/** The codes that have words: each is the message `problem.<code>`. */
export type NoticeCode = {
  [K in ProblemKey]: K extends `problem.${infer C}` ? C : never;
}[ProblemKey];

const isProblemKey = (key: string): key is ProblemKey => Object.hasOwn(problemsEn, key);

/** A word of the problem catalogue in `lang`, placeholders filled. */
const say = (lang: Lang, key: ProblemKey, params: Params = {}): string =>
  fill(lang, (lang === 'zh' ? problemsZh : problemsEn)[key] ?? problemsEn[key], params);

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
      ? say(lang, 'import.where', { row: e.row })
      : say(lang, 'import.whereColumn', { row: e.row, column: e.column });
  return say(lang, 'common.labelled', { label: where, text: worded(lang, e) });
}

const numberFormats = new Map<Lang, { intl: Intl.NumberFormat; commas: boolean }>();

/**
 * A number in `lang`'s locale, through Intl. Where the locale groups an integer's digits in
 * threes with commas ("1,234", as both of Loom's do), a regular expression does the same far
 * faster: this runs once per bad row of a file.
 */
function formatCount(lang: Lang, n: number): string {
  let f = numberFormats.get(lang);
  if (!f) {
    const intl = new Intl.NumberFormat(localeOf(lang));
    numberFormats.set(lang, (f = { intl, commas: intl.format(1234567) === '1,234,567' }));
  }
  return f.commas && Number.isSafeInteger(n)
    ? String(n).replace(/\B(?=(\d{3})+$)/g, ',')
    : f.intl.format(n);
}

/**
 * A field as a message names it: in Chinese by its Chinese name ("检验数"); in English by its
 * id ("inspected"), which is the column Loom's templates and documentation use.
 */
function fieldWord(lang: Lang, field: string): string {
  const key = `field.${field}`;
  return lang !== 'en' && isProblemKey(key) ? say(lang, key) : field;
}

/**
 * A notice in words in `lang`: numbers in its locale, and a record kind or a tab delimiter in
 * its words. Null for a code that has no words. Runs once per bad row of a file: kept lean.
 */
export function explain(lang: Lang, code: string, params: Params = {}): string | null {
  const key = `problem.${code}`;
  if (!isProblemKey(key)) return null;
  const worded: Params = {};
  for (const name in params) {
    const value = params[name];
    if (typeof value === 'number') worded[name] = formatCount(lang, value);
    else if (name === 'kind' && isProblemKey(`kind.${value}`))
      worded[name] = say(lang, `kind.${value}` as ProblemKey);
    else if (name === 'delimiter' && value === '\t') worded[name] = say(lang, 'common.tab');
    else if (name === 'field') worded[name] = fieldWord(lang, String(value));
    // A quoted list of fields: each named in the language.
    else if (name === 'fields')
      worded[name] = String(value).replace(/“([^”]*)”/g, (_, f) => `“${fieldWord(lang, f)}”`);
    else worded[name] = value;
  }
  return say(lang, key, worded);
}

/** A notice in words in `lang`, or its English message when it has no code's words. */
export const worded = (lang: Lang, n: Notice): string =>
  (n.params && explain(lang, n.code, n.params)) || n.message;

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
