import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument, csvLine } from '../../src/lib/csv';

describe('csvCell(value)', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=SUM(A1)', "'=SUM(A1)"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@cmd', "'@cmd"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['振亚', '振亚'],
  ])('escapes %j as %j', (value, out) => {
    expect(csvCell(value)).toBe(out);
  });
  it('writes numbers as numbers, negative ones included, and nothing for null or NaN', () => {
    expect([csvCell(-3.5), csvCell(0), csvCell(null), csvCell(undefined), csvCell(NaN)]).toEqual([
      '-3.5',
      '0',
      '',
      '',
      '',
    ]);
  });
});

describe('csvLine(cells) and csvDocument(lines)', () => {
  it('joins cells and lines with a BOM and CRLF', () => {
    expect(csvDocument([csvLine(['a', 1]), csvLine(['=x', 'b,c'])])).toBe(
      '\uFEFFa,1\r\n\'=x,"b,c"\r\n',
    );
  });
});
