import { describe, expect, it } from 'vitest';
import {
  ContentHash,
  DecodeError,
  TextStream,
  blobSource,
  guessEncoding,
  guessLegacy,
  sniffBytes,
  sniffUtf16,
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

describe('sniffUtf16(head)', () => {
  const le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
  const be = (s: string) => le(s).map((_, i, a) => a[i ^ 1]);
  it('finds UTF-16LE and UTF-16BE without a BOM by their NUL bytes', () => {
    const text = 'factory_id,name\nzhenya,振亚丝织厂\ndongwu,东吴丝织厂\n';
    expect(sniffUtf16(le(text))).toBe('utf-16le');
    expect(sniffUtf16(be(text))).toBe('utf-16be');
    expect(sniffBytes(le(text))).toEqual({ ok: true, encoding: 'utf-16le', bomLength: 0 });
  });
  it('is null for ASCII, for a few bytes, and for a binary file', () => {
    expect(sniffUtf16(utf8('factory_id,name\nzhenya,Zhenya\n'))).toBeNull();
    expect(sniffUtf16(new Uint8Array([0x61, 0, 0x62, 0]))).toBeNull();
    expect(sniffUtf16(new Uint8Array(64))).toBeNull();
  });
  it('lets a user who chose UTF-16 read NUL bytes the sniffer could not place', () => {
    const odd = new Uint8Array([0x61, 0x00, 0x00, 0x4e, 0x62, 0x00]);
    expect(sniffBytes(odd)).toMatchObject({ ok: false, code: 'fatal-binary' });
    expect(sniffBytes(odd, 'utf-16le')).toEqual({ ok: true, bomLength: 0 });
  });
});

describe('guessLegacy(bytes)', () => {
  it('is gb18030 for Chinese Excel and windows-1252 for Western Excel', () => {
    expect(guessLegacy(fixture('factories-gb18030.csv'))).toBe('gb18030');
    expect(guessLegacy(fixture('rows-2col-gb18030.csv'))).toBe('gb18030');
    expect(guessLegacy(fixture('factories-windows1252.csv'))).toBe('windows-1252');
  });
  it.each([
    ['Zürich', 'windows-1252'],
    ['café, crème', 'windows-1252'],
    ['£5 each', 'windows-1252'],
  ])('reads %j in Windows-1252 as windows-1252', (text, expected) => {
    const bytes = new Uint8Array(Buffer.from(text, 'latin1'));
    expect(guessLegacy(bytes)).toBe(expected);
  });
});

describe('guessEncoding(bytes, complete)', () => {
  it('is windows-1252 for what Western European Excel writes', () => {
    expect(guessEncoding(fixture('factories-windows1252.csv'), true)).toBe('windows-1252');
  });
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

describe('blobSource(blob)', () => {
  const bytes = Uint8Array.from({ length: 300_000 }, (_, i) => (i * 7919) % 251);
  // Many small parts, so the stream delivers pieces that do not line up with reads.
  const blob = new Blob(
    Array.from({ length: 30 }, (_, i) => bytes.slice(i * 10_000, (i + 1) * 10_000)),
  );

  it('gives the same bytes for reads in order, even when they are all pending at once', async () => {
    const src = blobSource(blob);
    const reads = [0, 65_536, 131_072, 196_608, 262_144].map((o) => src.read(o, 65_536));
    const parts = await Promise.all(reads);
    expect(parts.map((p) => p.byteLength)).toEqual([
      65_536,
      65_536,
      65_536,
      65_536,
      300_000 - 262_144,
    ]);
    const joined = new Uint8Array(300_000);
    parts.forEach((p, i) => joined.set(p, i * 65_536));
    expect(joined).toEqual(bytes);
  });

  it('answers a read out of order, and starts again from 0', async () => {
    const src = blobSource(blob);
    expect(await src.read(0, 100)).toEqual(bytes.subarray(0, 100));
    expect(await src.read(5_000, 10)).toEqual(bytes.subarray(5_000, 5_010));
    expect(await src.read(0, 1_000)).toEqual(bytes.subarray(0, 1_000));
    expect(await src.read(1_000, 1_000)).toEqual(bytes.subarray(1_000, 2_000));
  });

  it('is empty past the end', async () => {
    expect((await blobSource(blob).read(300_000, 10)).byteLength).toBe(0);
  });
});
