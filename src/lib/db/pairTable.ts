/**
 * A hash map from a pair of non-negative int32 keys to a dense index 0, 1, 2, …
 * (in first-seen order), in typed arrays with open addressing. It allocates
 * nothing per lookup, which matters when a million rows each look up a cell.
 */
export class PairTable {
  private mask: number;
  private k1: Int32Array;
  private k2: Int32Array;
  /** Slot -> index + 1; 0 marks an empty slot. */
  private slot: Int32Array;
  /** Pairs stored so far. */
  size = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.mask = n - 1;
    this.k1 = new Int32Array(n);
    this.k2 = new Int32Array(n);
    this.slot = new Int32Array(n);
  }

  private static hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    h ^= h >>> 15;
    return Math.imul(h, 0xc2b2ae3d) ^ (h >>> 13);
  }

  /** The index of (a, b), adding the pair with the next index if it is new. */
  index(a: number, b: number): number {
    let i = PairTable.hash(a, b) & this.mask;
    for (;;) {
      const s = this.slot[i];
      if (s === 0) break;
      if (this.k1[i] === a && this.k2[i] === b) return s - 1;
      i = (i + 1) & this.mask;
    }
    const index = this.size++;
    this.k1[i] = a;
    this.k2[i] = b;
    this.slot[i] = index + 1;
    if (this.size * 2 > this.mask) this.rehash();
    return index;
  }

  private rehash() {
    const { k1, k2, slot } = this;
    const n = slot.length * 2;
    this.mask = n - 1;
    this.k1 = new Int32Array(n);
    this.k2 = new Int32Array(n);
    this.slot = new Int32Array(n);
    for (let j = 0; j < slot.length; j++) {
      if (slot[j] === 0) continue;
      let i = PairTable.hash(k1[j], k2[j]) & this.mask;
      while (this.slot[i] !== 0) i = (i + 1) & this.mask;
      this.k1[i] = k1[j];
      this.k2[i] = k2[j];
      this.slot[i] = slot[j];
    }
  }
}
