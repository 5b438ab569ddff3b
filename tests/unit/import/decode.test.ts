import { describe, expect, it } from 'vitest';
import {
  ContentHash,
  DecodeError,
  TextStream,
  guessEncoding,
  sniffBytes,
} from '../../../src/lib/import/decode';
import { fixture } from '../fixtures';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('sniffBytes(head)', () => {
  it.each([
    [[0xef, 0xbb, 0xbf, 0x61], 'utf-8', 3],
    [[0xff, 0xfe, 0x61, 0x00], 'utf-16le', 2],
    [[0xfe, 0xff, 0x00, 0x61], 'utf-16be', 2],
  ])('reads the BOM %j as %s', (bytes, encoding, bomLength) => {
    expect(sniffBytes(new Uint8Array(bytes))).toEqual({ ok: true, encoding, bomLength });
  });

  it('says an xlsx is an Excel workbook to save as CSV', () => {
    const s = sniffBytes(fixture('workbook.xlsx'));
    expect(s).toMatchObject({ ok: false, code: 'fatal-excel' });
    expect(!s.ok && s.message).toMatch(/Excel workbook.*save it as CSV/);
  });

  it('says NUL bytes mean a binary file, and where', () => {
    expect(sniffBytes(new Uint8Array([0x61, 0x62, 0, 0x63]))).toMatchObject({
      ok: false,
      code: 'fatal-binary',
      message: expect.stringMatching(/byte 3/),
    });
  });
});

describe('guessEncoding(bytes, complete)', () => {
  it('is utf-8 for UTF-8 Chinese', () => {
    expect(guessEncoding(fixture('factories-utf8.csv'), true)).toBe('utf-8');
  });
  it('is gb18030 for what Chinese Excel writes', () => {
    expect(guessEncoding(fixture('factories-gb18030.csv'), true)).toBe('gb18030');
  });
  it('does not hold a character cut at the end of a partial read against UTF-8', () => {
    const bytes = utf8('工厂');
    expect(guessEncoding(bytes.subarray(0, 4), false)).toBe('utf-8');
    expect(guessEncoding(bytes.subarray(0, 4), true)).toBe('gb18030');
  });
});

describe('TextStream', () => {
  it('joins a UTF-8 character split between two chunks', () => {
    const bytes = utf8('振亚');
    const s = new TextStream('utf-8');
    expect(s.decode(bytes.subarray(0, 2), false) + s.decode(bytes.subarray(2), true)).toBe('振亚');
  });

  it('joins a GB18030 character split between two chunks', () => {
    const bytes = fixture('factories-gb18030.csv');
    const whole = new TextDecoder('gb18030').decode(bytes);
    const split = whole.indexOf('振');
    // Find a byte offset inside the two-byte 振 and split there.
    const prefix = bytes.indexOf(0xd5);
    expect(prefix).toBeGreaterThan(0);
    const s = new TextStream('gb18030');
    const text =
      s.decode(bytes.subarray(0, prefix + 1), false) + s.decode(bytes.subarray(prefix + 1), true);
    expect(text).toBe(whole);
    expect(text.slice(split, split + 5)).toBe('振亚丝织厂');
  });

  it('throws a DecodeError with the byte offset for invalid UTF-8', () => {
    const s = new TextStream('utf-8');
    s.decode(utf8('abc'), false);
    expect(() => s.decode(new Uint8Array([0xff, 0x61]), true)).toThrow(DecodeError);
  });
});

describe('ContentHash', () => {
  it('is equal for equal bytes and different for different bytes', async () => {
    const a = new ContentHash();
    const b = new ContentHash();
    const c = new ContentHash();
    await a.update(utf8('same bytes'));
    await b.update(utf8('same bytes'));
    await c.update(utf8('same bytez'));
    expect(a.hex()).toBe(b.hex());
    expect(a.hex()).not.toBe(c.hex());
    expect(a.hex()).toMatch(/^[0-9a-f]{64}:10$/);
  });
});
