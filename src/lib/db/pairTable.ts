/**
 * A hash map from a pair of non-negative int32 keys to a dense index 0, 1, 2, …
 * (in first-seen order), in one typed array with open addressing: a lookup
 * allocates nothing and touches one cache line, which matters when a million
 * rows each look up a cell.
 */
export class PairTable {
  private mask: number;
  /** Slot i holds [key a, key b, index + 1] at 3i; index + 1 = 0 marks an empty slot. */
  private slots: Int32Array;
  /** Pairs stored so far. */
  size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.mask = n - 1;
    this.slots = new Int32Array(n * 3);
  }

  private static hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    return Math.imul(h, 0xc2b2ae3d) ^ (h >>> 13);
  }

  /** The index of (a, b), adding the pair with the next index if it is new. */
  index(a: number, b: number): number {
    const slots = this.slots;
    let i = PairTable.hash(a, b) & this.mask;
    for (;;) {
      const j = i * 3;
      const v = slots[j + 2];
      if (v === 0) break;
      if (slots[j] === a && slots[j + 1] === b) return v - 1;
      i = (i + 1) & this.mask;
    }
    const index = this.size++;
    slots[i * 3] = a;
    slots[i * 3 + 1] = b;
    slots[i * 3 + 2] = index + 1;
    if (this.size * 2 > this.mask) this.rehash();
    return index;
  }

  private rehash() {
    const old = this.slots;
    const n = (this.mask + 1) * 2;
    this.mask = n - 1;
    this.slots = new Int32Array(n * 3);
    for (let j = 0; j < old.length; j += 3) {
      if (old[j + 2] === 0) continue;
      let i = PairTable.hash(old[j], old[j + 1]) & this.mask;
      while (this.slots[i * 3 + 2] !== 0) i = (i + 1) & this.mask;
      this.slots.set(old.subarray(j, j + 3), i * 3);
    }
  }
}
