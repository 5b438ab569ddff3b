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

/** True for a UTF-16 code unit that is white space or prints as nothing (see {@link trimInvisible}). */
export function isInvisible(c: number): boolean {
  if (c <= 32) return true;
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    c === 0x180e ||
    (c >= 0x2000 && c <= 0x200d) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x2060 ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** `s` without invisible characters at either end: a cell of only U+00A0 or U+3000 becomes ''. */
export function trimInvisible(s: string): string {
  // Nearly every cell has none: two code-unit checks instead of a regular expression.
  if (s.length && !isInvisible(s.charCodeAt(0)) && !isInvisible(s.charCodeAt(s.length - 1)))
    return s;
  return s.replace(EDGE, '');
}
