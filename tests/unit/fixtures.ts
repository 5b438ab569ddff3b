import { readFileSync } from 'node:fs';

/** The bytes of a file in tests/fixtures/. */
export function fixture(name: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
}
