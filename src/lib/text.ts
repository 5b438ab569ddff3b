/** Turns full-width ASCII (from Chinese input methods: `１２３`, `ＦＡＣＴＯＲＹ`) and the ideographic space into plain ASCII. */
export function toHalfWidth(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ');
}
