// Seeded generator of large production CSVs for the bench and the e2e tests. Never committed.
// Usage: node bench/generate.mjs ROWS > file.csv

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FACTORIES = Array.from({ length: 60 }, (_, i) => `fac${String(i).padStart(2, '0')}`);
const PRODUCTS = [
  'crepe satin',
  'soft satin',
  'taffeta',
  'yarn',
  'grey cloth',
  'poplin',
  'parts',
  'spindles',
];
const DEFECTS = ['断经', '跳花', '纬档', '色档', '污渍', '棉结'];

/**
 * `rows` production rows (about 34 bytes each) as UTF-8 CSV bytes, the same
 * for the same seed. Periods run monthly over 1950-01..1969-12.
 */
export function generateProduction(rows, seed = 1956) {
  const rand = rng(seed);
  const enc = new TextEncoder();
  const parts = [enc.encode('factory_id,product,period,inspected,defective,defect_type\n')];
  let total = parts[0].byteLength;
  const BATCH = 50_000;
  for (let start = 0; start < rows; start += BATCH) {
    let s = '';
    for (let i = start; i < Math.min(rows, start + BATCH); i++) {
      const m = Math.floor(rand() * 240);
      const inspected = 50 + Math.floor(rand() * 1950);
      const defective = Math.floor(inspected * rand() * 0.12);
      s += `${FACTORIES[Math.floor(rand() * FACTORIES.length)]},${PRODUCTS[Math.floor(rand() * PRODUCTS.length)]},${1950 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')},${inspected},${defective},${DEFECTS[Math.floor(rand() * DEFECTS.length)]}\n`;
    }
    const bytes = enc.encode(s);
    parts.push(bytes);
    total += bytes.byteLength;
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.byteLength;
  }
  return out;
}

if (typeof process !== 'undefined' && import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(generateProduction(Number(process.argv[2] ?? 1000)));
}
