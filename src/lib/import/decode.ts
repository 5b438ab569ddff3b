import type { Encoding } from './types';
import { notice, type Notice } from '../i18n/notice';

/** Something to read bytes from: a File/Blob in the browser, a buffer in Node. */
export interface ByteSource {
  /** Total size in bytes. */
  readonly size: number;
  /** Reads up to `length` bytes from `offset`; shorter only at the end. */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** A ByteSource over a Blob or File, read slice by slice so that large files never sit whole in memory. */
export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) =>
      new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/** A ByteSource over bytes already in memory. */
export function bytesSource(bytes: ArrayBuffer | Uint8Array): ByteSource {
  const u8 = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  return {
    size: u8.byteLength,
    read: async (offset, length) => u8.subarray(offset, offset + length),
  };
}

/** What the first bytes of a file say before any text is decoded. */
export type Sniff = { ok: true; encoding?: Encoding; bomLength: number } | ({ ok: false } & Notice);

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

/** The zip signature that starts every .xlsx (and .xlsm, .docx, .ods). */
export const isZip = (b: Uint8Array): boolean => startsWith(b, [0x50, 0x4b, 0x03, 0x04]);

/** The OLE compound-file signature of Excel 97–2003 workbooks (.xls). */
export const isOle = (b: Uint8Array): boolean =>
  startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * UTF-16 without a byte order mark: ASCII text in UTF-16 has a NUL in every other byte,
 * the odd bytes for little-endian and the even ones for big-endian. Looks at up to 4 KiB.
 */
export function sniffUtf16(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(head.byteLength, 4096) & ~1;
  if (n < 16) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (head[i] === 0) evenZero++;
    if (head[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/**
 * Looks at a file's first bytes: a BOM names the encoding; a zip or OLE header
 * means an Excel workbook; a NUL in every other byte means UTF-16 without a BOM;
 * other NUL bytes mean a binary file, unless `chosen` is a UTF-16 the user picked.
 */
export function sniffBytes(head: Uint8Array, chosen?: Encoding): Sniff {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { ok: true, encoding: 'utf-8', bomLength: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { ok: true, encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { ok: true, encoding: 'utf-16be', bomLength: 2 };
  if (isZip(head) || isOle(head)) return { ok: false, ...notice('fatal-excel') };
  if (chosen === 'utf-16le' || chosen === 'utf-16be') return { ok: true, bomLength: 0 };
  const nul = head.indexOf(0);
  if (nul < 0) return { ok: true, bomLength: 0 };
  const utf16 = sniffUtf16(head);
  if (utf16) return { ok: true, encoding: utf16, bomLength: 0 };
  return { ok: false, ...notice('fatal-binary', { at: nul + 1 }) };
}

/**
 * Tells GB18030 from Windows-1252 in bytes that are not UTF-8, by their structure. In
 * Chinese text nearly every byte above 0x7F starts a pair whose second byte is also above
 * 0x7F (GB2312's range is A1–FE twice), or a valid four-byte sequence. In Western text an
 * accented letter stands alone: it is followed by an ASCII letter (a pair GB18030 would
 * accept, but with a low second byte) or by a space, comma or digit (a pair GB18030 refuses).
 */
export function guessLegacy(bytes: Uint8Array): 'gb18030' | 'windows-1252' {
  let high = 0;
  let low = 0;
  let invalid = 0;
  const n = bytes.byteLength;
  for (let i = 0; i < n; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    if (i + 1 >= n) break; // cut at the end of a read: no evidence either way
    if (b === 0x80 || b === 0xff) {
      invalid++;
      continue;
    }
    const c = bytes[i + 1];
    if (c >= 0x30 && c <= 0x39) {
      if (i + 3 >= n) break;
      const d = bytes[i + 2];
      const e = bytes[i + 3];
      if (d >= 0x81 && d <= 0xfe && e >= 0x30 && e <= 0x39) {
        high++;
        i += 3;
      } else invalid++;
    } else if (c >= 0x80 && c <= 0xfe) {
      high++;
      i++;
    } else if (c >= 0x40 && c <= 0x7e) {
      low++;
      i++;
    } else invalid++;
  }
  const leads = high + low + invalid;
  if (leads === 0) return 'gb18030';
  return invalid > leads * 0.02 || low > high ? 'windows-1252' : 'gb18030';
}

/**
 * Guesses the encoding of BOM-less bytes: strict UTF-8 if they decode as such, else
 * GB18030 (Chinese Excel's "CSV" export) or Windows-1252 (Western Excel's) by
 * {@link guessLegacy}. `complete` says whether `bytes` is the whole file; if not, a
 * character cut at the end is not held against UTF-8.
 */
export function guessEncoding(bytes: Uint8Array, complete: boolean): Encoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return 'utf-8';
  } catch {
    return guessLegacy(bytes);
  }
}

/** Thrown by a {@link TextStream} when bytes are not valid in a strict encoding. */
export class DecodeError extends Error {
  constructor(
    readonly encoding: Encoding,
    /** 1-based offset in the file of the first byte that is not valid. */
    readonly byteOffset: number,
    /** The text of the chunk that decodes, up to that byte. */
    readonly validText: string,
    /** What the chunk looks like instead. */
    readonly likely: Encoding,
  ) {
    super(`The bytes near byte ${byteOffset} are not valid ${encoding}.`);
  }
}

/**
 * One streaming decoder for a whole file, so that a character split between
 * two chunks is joined, never broken. UTF-8 is decoded strictly (an invalid
 * byte throws a DecodeError, so the caller can switch to another encoding or say
 * so); the others replace undecodable bytes with U+FFFD.
 */
export class TextStream {
  private readonly decoder: TextDecoder;
  private offset = 0;
  /** True while every byte decoded so far was ASCII, which reads the same in every encoding Loom guesses. */
  ascii = true;

  constructor(readonly encoding: Encoding) {
    // ignoreBOM: the caller has already skipped the BOM bytes it sniffed.
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
  }

  /** Decodes the next chunk; `last` flushes a character left incomplete. */
  decode(bytes: Uint8Array, last: boolean): string {
    try {
      const text = this.decoder.decode(bytes, { stream: !last });
      // In UTF-8 a text as long as its bytes is all ASCII; in the others, ASCII is checked only when asked.
      if (this.ascii && text.length !== bytes.byteLength) this.ascii = false;
      this.offset += bytes.byteLength;
      return text;
    } catch {
      // Where the invalid byte is: the text up to the first replacement character, re-encoded.
      const loose = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
      const cut = loose.indexOf('\uFFFD');
      const validText = cut < 0 ? loose : loose.slice(0, cut);
      const at = this.offset + new TextEncoder().encode(validText).byteLength + 1;
      throw new DecodeError(this.encoding, at, validText, guessLegacy(bytes));
    }
  }
}

/**
 * A digest of a file's bytes, built chunk by chunk: the SHA-256 of each chunk,
 * chained as state = SHA-256(state || SHA-256(chunk)), so no chunk is copied.
 */
export class ContentHash {
  private state: Uint8Array<ArrayBuffer> = new Uint8Array(32);
  private bytes = 0;
  private queue: Promise<void> = Promise.resolve();

  /** Adds the next chunk; chunks are chained in the order of the calls, even if not awaited. */
  update(chunk: Uint8Array): Promise<void> {
    const digest = crypto.subtle.digest('SHA-256', chunk as Uint8Array<ArrayBuffer>);
    this.bytes += chunk.byteLength;
    this.queue = this.queue.then(async () => {
      const joined = new Uint8Array(64);
      joined.set(this.state, 0);
      joined.set(new Uint8Array(await digest), 32);
      this.state = new Uint8Array(await crypto.subtle.digest('SHA-256', joined));
    });
    return this.queue;
  }

  /** The digest as hex, with the byte count: equal for equal bytes read in equal chunks. */
  hex(): string {
    return (
      Array.from(this.state, (b) => b.toString(16).padStart(2, '0')).join('') + ':' + this.bytes
    );
  }
}
