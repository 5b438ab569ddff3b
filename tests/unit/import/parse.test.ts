import { describe, expect, it } from 'vitest';
import {
  CsvStructureError,
  RowSplitter,
  cleanHeaders,
  guessDelimiter,
  guessNewline,
  readSepLine,
} from '../../../src/lib/import/parse';

describe('readSepLine(text)', () => {
  it.each([
    ['sep=;\r\na;b', ';', 7],
    ['SEP=|\na|b', '|', 6],
    ['sep=\t\na\tb', '\t', 6],
  ])('reads %j', (text, delimiter, skip) => {
    expect(readSepLine(text)).toEqual({ delimiter, skip });
  });
  it('is null without a sep line', () => {
    expect(readSepLine('a,b\n1,2')).toBeNull();
  });
});

describe('guessNewline(sample)', () => {
  it.each([
    ['a,b\r\n1,2\r\n', '\r\n'],
    ['a,b\n1,2\n', '\n'],
    ['a,b\r1,2\r', '\r'],
    ['"x\ny",b\r\n1,2\r\n', '\r\n'],
    ['a,b', '\n'],
  ])('finds the line ending of %j outside quotes', (sample, newline) => {
    expect(guessNewline(sample)).toBe(newline);
  });
});

describe('guessDelimiter(sample, newline)', () => {
  it.each([
    ['a,b,c\n1,2,3\n4,5,6\n', ','],
    ['a;b;c\n1;2,5;3\n4;5;6\n', ';'],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
  ])('finds the delimiter of %j', (sample, d) => {
    expect(guessDelimiter(sample, '\n')).toBe(d);
  });
});

describe('RowSplitter', () => {
  it('gives the same rows whatever the chunk boundaries, even inside quoted newlines', () => {
    const text = 'a,b\n"x\ny",2\n"q""uote",3\nlast,4\n';
    const whole = new RowSplitter(',', '\n').push(text, true).rows;
    for (let cut = 1; cut < text.length; cut++) {
      const s = new RowSplitter(',', '\n');
      const first = s.push(text.slice(0, cut), false);
      const rest = s.push(text.slice(cut), true);
      expect([...first.rows, ...rest.rows]).toEqual(whole);
      expect(rest.firstRow).toBe(first.firstRow + first.rows.length);
    }
    expect(whole).toEqual([['a', 'b'], ['x\ny', '2'], ['q"uote', '3'], ['last', '4'], ['']]);
  });

  it('reports an unclosed quote at the end with its row', () => {
    const s = new RowSplitter(',', '\n');
    s.push('a,b\n1,2\n', false);
    expect(() => s.push('3,"never closed\n4,5\n', true)).toThrow(
      expect.objectContaining({ code: 'fatal-unclosed-quote', row: 3 }) as CsvStructureError,
    );
  });

  it('stops a field that runs over 1 MB', () => {
    const s = new RowSplitter(',', '\n');
    s.push('a,b\n1,"', false);
    expect(() => s.push('x'.repeat((1 << 20) + 10), false)).toThrow(
      expect.objectContaining({ code: 'fatal-field-too-long' }) as Error,
    );
  });
});

describe('cleanHeaders(raw)', () => {
  it('names empty and repeated headers and warns', () => {
    const { headers, warnings } = cleanHeaders([' a ', '', 'a', 'a']);
    expect(headers).toEqual(['a', 'column_2', 'a_2', 'a_3']);
    expect(warnings).toHaveLength(3);
  });
  it('keeps __proto__ and constructor as plain labels', () => {
    expect(cleanHeaders(['__proto__', 'constructor']).headers).toEqual([
      '__proto__',
      'constructor',
    ]);
  });
  it('does not mutate its input', () => {
    const raw = [' a ', ''];
    cleanHeaders(raw);
    expect(raw).toEqual([' a ', '']);
  });
});
