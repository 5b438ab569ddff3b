// Seeded generator of large production CSVs for the bench and the e2e tests. Never committed.
// Usage: node bench/generate.mjs ROWS > file.csv
import { strToU8, zipSync } from 'fflate';

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

/** The next generated lot: [factory, product, period, inspected, defective, defect type]. */
function nextLot(rand) {
  const m = Math.floor(rand() * 240);
  const inspected = 50 + Math.floor(rand() * 1950);
  const defective = Math.floor(inspected * rand() * 0.12);
  const factory = FACTORIES[Math.floor(rand() * FACTORIES.length)];
  const product = PRODUCTS[Math.floor(rand() * PRODUCTS.length)];
  const period = `${1950 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
  return [
    factory,
    product,
    period,
    inspected,
    defective,
    DEFECTS[Math.floor(rand() * DEFECTS.length)],
  ];
}

const HEADER = ['factory_id', 'product', 'period', 'inspected', 'defective', 'defect_type'];

/**
 * `rows` production rows (about 34 bytes each) as UTF-8 CSV bytes, the same
 * for the same seed. Periods run monthly over 1950-01..1969-12.
 */
export function generateProduction(rows, seed = 1956) {
  const rand = rng(seed);
  const enc = new TextEncoder();
  const parts = [enc.encode(HEADER.join(',') + '\n')];
  let total = parts[0].byteLength;
  const BATCH = 50_000;
  for (let start = 0; start < rows; start += BATCH) {
    let s = '';
    for (let i = start; i < Math.min(rows, start + BATCH); i++) s += nextLot(rand).join(',') + '\n';
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

/**
 * The same lots as an Excel workbook (.xlsx) of one sheet, as Excel writes one: text in the
 * shared-strings table, counts as number cells.
 */
export function generateProductionXlsx(rows, seed = 1956) {
  const rand = rng(seed);
  const strings = new Map();
  const shared = (v) => {
    let i = strings.get(v);
    if (i === undefined) strings.set(v, (i = strings.size));
    return i;
  };
  const cols = 'ABCDEF';
  const line = (r, cells) =>
    `<row r="${r}">${cells
      .map((v, j) =>
        typeof v === 'number'
          ? `<c r="${cols[j]}${r}"><v>${v}</v></c>`
          : `<c r="${cols[j]}${r}" t="s"><v>${shared(v)}</v></c>`,
      )
      .join('')}</row>`;
  const body = [line(1, HEADER)];
  for (let i = 0; i < rows; i++) body.push(line(i + 2, nextLot(rand)));
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  const pkg = 'http://schemas.openxmlformats.org/package/2006/relationships';
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        `${xml}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
      ),
      '_rels/.rels': strToU8(
        `${xml}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
      'xl/workbook.xml': strToU8(
        `${xml}<workbook xmlns="${main}" xmlns:r="${rel}"><sheets><sheet name="production" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        `${xml}<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
      ),
      'xl/worksheets/sheet1.xml': strToU8(
        `${xml}<worksheet xmlns="${main}"><sheetData>${body.join('')}</sheetData></worksheet>`,
      ),
      'xl/sharedStrings.xml': strToU8(
        `${xml}<sst xmlns="${main}" count="${strings.size}" uniqueCount="${strings.size}">${[
          ...strings.keys(),
        ]
          .map((v) => `<si><t>${esc(v)}</t></si>`)
          .join('')}</sst>`,
      ),
    },
    { level: 1 },
  );
}

if (typeof process !== 'undefined' && import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(generateProduction(Number(process.argv[2] ?? 1000)));
}

const TOPICS = ['quality', 'technique', 'management', 'welfare'];

/**
 * An exchanges CSV of `edges` exchanges among `nodes` factories (w0…), as UTF-8 bytes, the same
 * for the same seed: teachers skewed towards a few prolific ones, as in real exchange networks,
 * 20 experiences, four topics, dates over 1955–1958, and one in three with an adoption day a
 * few weeks after the exchange.
 */
export function generateExchanges(nodes, edges, seed = 1956) {
  const rand = rng(seed);
  const day0 = Date.UTC(1955, 0, 1);
  const lines = ['date,source_factory,target_factory,experience,topic,adopted_on'];
  while (lines.length <= edges) {
    const s = Math.floor(rand() ** 2 * nodes);
    const t = Math.floor(rand() * nodes);
    if (s === t) continue;
    const d = day0 + Math.floor(rand() * 1460) * 86_400_000;
    const date = new Date(d).toISOString().slice(0, 10);
    const adopted =
      rand() < 1 / 3
        ? new Date(d + Math.floor(rand() * 40) * 86_400_000).toISOString().slice(0, 10)
        : '';
    lines.push(
      `${date},w${s},w${t},Method ${Math.floor(rand() * 20)},${TOPICS[Math.floor(rand() * 4)]},${adopted}`,
    );
  }
  return new TextEncoder().encode(lines.join('\n') + '\n');
}
