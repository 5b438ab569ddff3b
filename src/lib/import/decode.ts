import type { Encoding } from './types';
import { notice, type Notice } from '../notice';

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

/**
 * Looks at a file's first bytes: a BOM names the encoding; a zip or OLE header
 * means an Excel workbook; NUL bytes (outside UTF-16) mean a binary file.
 */
export function sniffBytes(head: Uint8Array): Sniff {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return { ok: true, encoding: 'utf-8', bomLength: 3 };
  if (startsWith(head, [0xff, 0xfe])) return { ok: true, encoding: 'utf-16le', bomLength: 2 };
  if (startsWith(head, [0xfe, 0xff])) return { ok: true, encoding: 'utf-16be', bomLength: 2 };
  if (
    startsWith(head, [0x50, 0x4b, 0x03, 0x04]) ||
    startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  )
    return { ok: false, ...notice('fatal-excel') };
  const nul = head.indexOf(0);
  if (nul >= 0) return { ok: false, ...notice('fatal-binary', { at: nul + 1 }) };
  return { ok: true, bomLength: 0 };
}

/**
 * Guesses the encoding of BOM-less bytes: strict UTF-8 if they decode as such,
 * else GB18030 (Chinese Excel's "CSV" export). `complete` says whether `bytes`
 * is the whole file; if not, a character cut at the end is not held against UTF-8.
 */
export function guessEncoding(bytes: Uint8Array, complete: boolean): Encoding {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Thrown by a {@link TextStream} when bytes are not valid in a strict encoding. */
export class DecodeError extends Error {
  constructor(
    readonly encoding: Encoding,
    readonly byteOffset: number,
  ) {
    super(`The bytes near byte ${byteOffset} are not valid ${encoding}.`);
  }
}

/**
 * One streaming decoder for a whole file, so that a character split between
 * two chunks is joined, never broken. UTF-8 is decoded strictly (an invalid
 * byte throws a DecodeError, so the caller can fall back to GB18030); the others
 * replace undecodable bytes with U+FFFD.
 */
export class TextStream {
  private readonly decoder: TextDecoder;
  private offset = 0;

  constructor(readonly encoding: Encoding) {
    // ignoreBOM: the caller has already skipped the BOM bytes it sniffed.
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8', ignoreBOM: true });
  }

  /** Decodes the next chunk; `last` flushes a character left incomplete. */
  decode(bytes: Uint8Array, last: boolean): string {
    try {
      const text = this.decoder.decode(bytes, { stream: !last });
      this.offset += bytes.byteLength;
      return text;
    } catch {
      throw new DecodeError(this.encoding, this.offset + 1);
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
