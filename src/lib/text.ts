/** Turns full-width ASCII (from Chinese input methods: `１２３`, `ＦＡＣＴＯＲＹ`) and the ideographic space into plain ASCII. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}

/**
 * White space and the characters that print as nothing: JavaScript's white space (which
 * includes U+00A0, U+2000–U+200A, U+2028, U+3000 and U+FEFF) plus the zero-width space,
 * joiners, word joiner and Mongolian vowel separator.
 */
const EDGE = /^[\s\u180E\u200B-\u200D\u2060]+|[\s\u180E\u200B-\u200D\u2060]+$/g;

/** `s` without invisible characters at either end: a cell of only U+00A0 or U+3000 becomes ''. */
export function trimInvisible(s: string): string {
  return s.replace(EDGE, '');
}
