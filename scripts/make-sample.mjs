// Writes the illustrative Suzhou 1956 sample data set to public/data/.
// Deterministic: the same script always writes the same bytes. Run: npm run sample
import { writeFileSync, mkdirSync } from 'node:fs';
import { rng } from '../bench/generate.mjs';

const OUT = new URL('../public/data/', import.meta.url);
mkdirSync(OUT, { recursive: true });

// Seeded, so the data never changes between runs.
const rand = rng(1956);
const between = (a, b) => a + (b - a) * rand();
// Binomial draw by normal approximation (n is large), clamped to [0, n].
function binomial(n, p) {
  const u = Math.max(1e-12, rand());
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  return Math.min(n, Math.max(0, Math.round(n * p + z * Math.sqrt(n * p * (1 - p)))));
}
const cell = (v) =>
  v === undefined || v === null
    ? ''
    : /[",\r\n]/.test(String(v))
      ? `"${String(v).replace(/"/g, '""')}"`
      : String(v);
const csv = (header, rows) =>
  [header.join(','), ...rows.map((r) => header.map((h) => cell(r[h])).join(','))].join('\n') + '\n';

const JSP = 'joint state-private';
const factories = [
  ['zhenya', 'Zhenya Silk Factory', '振亚丝织厂', 'silk', JSP, 'Pingjiang', 1240],
  ['dongwu', 'Dongwu Silk Factory', '东吴丝织厂', 'silk', JSP, 'Canglang', 980],
  ['guangming', 'Guangming Silk Factory', '光明丝织厂', 'silk', JSP, 'Jinchang', 760],
  ['xinsu', 'Xinsu Silk Factory', '新苏丝织厂', 'silk', JSP, 'Pingjiang', 540],
  ['yongxing', 'Yongxing Silk Factory', '永兴丝织厂', 'silk', JSP, 'Canglang', 420],
  [
    'huacheng',
    'Huacheng Silk Weaving Cooperative',
    '华成丝织生产合作社',
    'silk',
    'cooperative',
    'Jinchang',
    180,
  ],
  ['sulun', 'Sulun Cotton Mill', '苏纶纺织厂', 'cotton', JSP, 'Canglang', 2100],
  ['minfeng', 'Minfeng Cotton Weaving Factory', '民丰棉织厂', 'cotton', JSP, 'Jinchang', 650],
  ['hongsheng', 'Hongsheng Cotton Mill', '鸿生纱厂', 'cotton', JSP, 'Pingjiang', 890],
  ['huaxin', 'Huaxin Dyeing Works', '华新染织厂', 'dyeing', JSP, 'Jinchang', 380],
  ['lixin', 'Lixin Printing and Dyeing Works', '立新印染厂', 'dyeing', JSP, 'Canglang', 310],
  ['taihe', 'Taihe Silk Dyeing Works', '太和丝绸印染厂', 'dyeing', JSP, 'Pingjiang', 260],
  ['xinhua', 'Xinhua Machine Works', '新华机器厂', 'machinery', 'state-owned', 'Jinchang', 720],
  ['jinxing', 'Jinxing Machinery Factory', '金星机械厂', 'machinery', JSP, 'Canglang', 340],
  ['dahua', 'Dahua Iron Works', '大华铁工厂', 'machinery', 'cooperative', 'Pingjiang', 150],
].map(([factory_id, name, name_zh, industry, ownership, district, workers]) => ({
  factory_id,
  name,
  name_zh,
  industry,
  ownership,
  district,
  workers,
}));

const PRODUCTS = {
  silk: [
    ['crepe satin', 2400],
    ['soft satin', 2000],
  ],
  cotton: [
    ['cotton yarn', 5200],
    ['grey cloth', 3600],
  ],
  dyeing: [
    ['dyed poplin', 2600],
    ['printed cloth', 2200],
  ],
  machinery: [
    ['loom parts', 900],
    ['spindles', 1500],
  ],
};
const DEFECTS = {
  silk: [
    ['断经', 5],
    ['跳花', 3],
    ['纬档', 3],
    ['色档', 2],
    ['污渍', 1],
  ],
  cotton: [
    ['断头', 5],
    ['棉结', 4],
    ['油污', 2],
    ['粗细节', 2],
  ],
  dyeing: [
    ['色差', 5],
    ['色花', 3],
    ['渗色', 2],
    ['折痕', 1],
  ],
  machinery: [
    ['尺寸超差', 5],
    ['砂眼', 3],
    ['毛刺', 2],
  ],
};

// The data's words in the other language: the importer reads them from `*_zh` / `*_en`
// columns, and Loom shows each in the reader's language.
const ZH = {
  silk: '丝织',
  cotton: '棉纺织',
  dyeing: '印染',
  machinery: '机械',
  management: '管理',
  technique: '技术',
  quality: '质量',
  welfare: '福利',
  'crepe satin': '绉缎',
  'soft satin': '软缎',
  'cotton yarn': '棉纱',
  'grey cloth': '坯布',
  'dyed poplin': '染色府绸',
  'printed cloth': '印花布',
  'loom parts': '织机零件',
  spindles: '锭子',
  'Daily workshop inspection by the director and office staff': '厂长和科室人员每天下车间检查',
  'Warp tension control': '经纱张力控制',
  'Find the key defect, promote the advanced method': '抓关键疵点，推广先进操作法',
  'Union-run canteen and nursery': '工会办食堂和托儿所',
  'Colour-matching cards at every vat': '每只染缸配色卡',
  'Standard gauges for spare parts': '零件标准量规',
};
const EN = {
  断经: 'broken warp',
  跳花: 'float',
  纬档: 'weft bar',
  色档: 'shade bar',
  污渍: 'stain',
  断头: 'end break',
  棉结: 'neps',
  油污: 'oil stain',
  粗细节: 'slubs',
  色差: 'shade difference',
  色花: 'uneven dyeing',
  渗色: 'bleeding',
  折痕: 'crease',
  尺寸超差: 'out of tolerance',
  砂眼: 'sand holes',
  毛刺: 'burrs',
};

// The exchanges: Zhenya's daily workshop inspection, learned by Dongwu and Guangming;
// Guangming's "find the key defect, promote the advanced method", spread at the
// city-wide meeting of August 1956; and other plausible exchanges.
const INSPECT = 'Daily workshop inspection by the director and office staff';
const KEY = 'Find the key defect, promote the advanced method';
const CITY = 'City-wide experience exchange meeting, August 1956';
const SILK = 'Silk industry quality meeting';
const exchanges = [
  {
    date: '1956-03-12',
    source_factory: 'zhenya',
    target_factory: 'dongwu',
    experience: INSPECT,
    topic: 'management',
    event: 'Dongwu delegation visits Zhenya',
    adopted_on: '1956-04-01',
    notes: '厂长、科室人员每天下车间检查生产',
  },
  {
    date: '1956-05-18',
    source_factory: 'zhenya',
    target_factory: 'guangming',
    experience: INSPECT,
    topic: 'management',
    event: 'Guangming delegation visits Zhenya',
    adopted_on: '1956-06-01',
    notes: '光明厂学习振亚厂的做法',
  },
  {
    date: '1956-06-20',
    source_factory: 'dongwu',
    target_factory: 'zhenya',
    experience: 'Warp tension control',
    topic: 'technique',
    event: SILK,
    adopted_on: '1956-07-15',
    notes: '经纱张力控制',
  },
  {
    date: '1956-08-26',
    source_factory: 'guangming',
    target_factory: 'dongwu',
    experience: KEY,
    topic: 'quality',
    event: CITY,
    adopted_on: '1956-09-10',
    notes: '抓关键疵点，推广先进操作法',
  },
  {
    date: '1956-08-26',
    source_factory: 'guangming',
    target_factory: 'xinsu',
    experience: KEY,
    topic: 'quality',
    event: CITY,
    adopted_on: '1956-09-20',
  },
  {
    date: '1956-08-26',
    source_factory: 'guangming',
    target_factory: 'yongxing',
    experience: KEY,
    topic: 'quality',
    event: CITY,
    adopted_on: '1956-10-05',
  },
  {
    date: '1956-08-26',
    source_factory: 'guangming',
    target_factory: 'sulun',
    experience: KEY,
    topic: 'quality',
    event: CITY,
    adopted_on: '1956-10-15',
    notes: '棉纺行业推广',
  },
  {
    date: '1956-08-26',
    source_factory: 'zhenya',
    target_factory: 'xinsu',
    experience: INSPECT,
    topic: 'management',
    event: CITY,
    adopted_on: '1956-09-15',
  },
  {
    date: '1956-08-27',
    source_factory: 'sulun',
    target_factory: 'minfeng',
    experience: 'Union-run canteen and nursery',
    topic: 'welfare',
    event: CITY,
    adopted_on: '1956-11-01',
    notes: '工会办食堂、托儿所',
  },
  {
    date: '1956-09-14',
    source_factory: 'xinsu',
    target_factory: 'huacheng',
    experience: KEY,
    topic: 'quality',
    event: 'Pingjiang district silk meeting',
    adopted_on: '1956-10-20',
  },
  {
    date: '1956-09-20',
    source_factory: 'sulun',
    target_factory: 'hongsheng',
    experience: KEY,
    topic: 'quality',
    event: 'Cotton industry meeting',
    adopted_on: '1956-11-01',
  },
  {
    date: '1956-09-20',
    source_factory: 'sulun',
    target_factory: 'hongsheng',
    experience: 'Union-run canteen and nursery',
    topic: 'welfare',
    event: 'Cotton industry meeting',
    adopted_on: '1956-12-01',
  },
  {
    date: '1956-10-09',
    source_factory: 'huaxin',
    target_factory: 'lixin',
    experience: 'Colour-matching cards at every vat',
    topic: 'technique',
    event: 'Dyeing industry meeting',
    adopted_on: '1956-11-01',
    notes: '对色卡',
  },
  {
    date: '1956-10-09',
    source_factory: 'huaxin',
    target_factory: 'taihe',
    experience: 'Colour-matching cards at every vat',
    topic: 'technique',
    event: 'Dyeing industry meeting',
    adopted_on: '1956-11-15',
  },
  {
    date: '1956-11-05',
    source_factory: 'xinhua',
    target_factory: 'jinxing',
    experience: 'Standard gauges for spare parts',
    topic: 'technique',
    event: 'Machinery industry meeting',
    adopted_on: '1956-12-01',
    notes: '零件标准化',
  },
  {
    date: '1956-11-05',
    source_factory: 'xinhua',
    target_factory: 'dahua',
    experience: 'Standard gauges for spare parts',
    topic: 'technique',
    event: 'Machinery industry meeting',
    adopted_on: '1957-01-01',
  },
  {
    date: '1957-01-16',
    source_factory: 'dongwu',
    target_factory: 'taihe',
    experience: KEY,
    topic: 'quality',
    event: 'Silk and dyeing joint meeting',
    adopted_on: '1957-03-01',
  },
  {
    date: '1957-03-02',
    source_factory: 'zhenya',
    target_factory: 'huacheng',
    experience: INSPECT,
    topic: 'management',
    event: SILK,
    adopted_on: '1957-04-01',
  },
];

// Guangming's main products had too many defective pieces until it found the key defect.
const BASE = {
  zhenya: 0.035,
  dongwu: 0.05,
  guangming: 0.11,
  xinsu: 0.06,
  yongxing: 0.07,
  huacheng: 0.085,
};
const monthIndex = (iso) => (+iso.slice(0, 4) - 1955) * 12 + (+iso.slice(5, 7) - 1);
const adoptions = new Map();
for (const e of exchanges) {
  if (e.topic === 'welfare') continue;
  const list = adoptions.get(e.target_factory) ?? [];
  list.push({ at: monthIndex(e.adopted_on), cut: e.topic === 'technique' ? 0.2 : 0.3 });
  adoptions.set(e.target_factory, list);
}
// Guangming's own method cut its own defects from September 1956 on.
adoptions.get('guangming').push({ at: monthIndex('1956-09-01'), cut: 0.45 });

const production = [];
for (const f of factories) {
  const base = BASE[f.factory_id] ?? between(0.025, 0.075);
  for (const [pi, [product, volume]] of PRODUCTS[f.industry].entries()) {
    const scale = f.workers / 800;
    const productBase = base * (pi === 0 ? 1.12 : 0.9);
    for (let m = 0; m < 36; m++) {
      const y = 1955 + Math.floor(m / 12);
      const period = `${y}-${String((m % 12) + 1).padStart(2, '0')}`;
      let rate = productBase * (1 + 0.08 * Math.sin((m / 12) * 2 * Math.PI)); // summer humidity
      for (const a of adoptions.get(f.factory_id) ?? []) {
        if (m >= a.at) rate *= 1 - a.cut * Math.min(1, (m - a.at + 1) / 3); // takes a quarter to bite
      }
      // A few bad months make the control charts worth reading.
      if (f.factory_id === 'yongxing' && m === 20) rate *= 1.9;
      if (f.factory_id === 'sulun' && m === 7) rate *= 1.7;
      const lots = 3;
      for (let l = 0; l < lots; l++) {
        const inspected = Math.max(50, Math.round((volume * scale * between(0.85, 1.15)) / lots));
        const defective = binomial(inspected, rate);
        const types = DEFECTS[f.industry];
        const total = types.reduce((s, [, w]) => s + w, 0);
        let pick = rand() * total;
        const [defect_type] = types.find(([, w]) => (pick -= w) < 0) ?? types[0];
        production.push({
          factory_id: f.factory_id,
          product,
          period,
          inspected,
          defective,
          defect_type,
          shift: l === 2 ? 'night' : 'day',
        });
      }
    }
  }
}

for (const f of factories) f.industry_zh = ZH[f.industry];
for (const e of exchanges)
  Object.assign(e, { experience_zh: ZH[e.experience], topic_zh: ZH[e.topic] });
for (const p of production)
  Object.assign(p, { product_zh: ZH[p.product], defect_type_en: EN[p.defect_type] });

writeFileSync(
  new URL('factories.csv', OUT),
  csv(
    [
      'factory_id',
      'name',
      'name_zh',
      'industry',
      'industry_zh',
      'ownership',
      'district',
      'workers',
    ],
    factories,
  ),
);
writeFileSync(
  new URL('production.csv', OUT),
  csv(
    [
      'factory_id',
      'product',
      'product_zh',
      'period',
      'inspected',
      'defective',
      'defect_type',
      'defect_type_en',
      'shift',
    ],
    production,
  ),
);
writeFileSync(
  new URL('exchanges.csv', OUT),
  csv(
    [
      'date',
      'source_factory',
      'target_factory',
      'experience',
      'experience_zh',
      'topic',
      'topic_zh',
      'event',
      'adopted_on',
      'notes',
    ],
    exchanges,
  ),
);
writeFileSync(
  new URL('manifest.json', OUT),
  JSON.stringify(
    {
      name: 'Suzhou silk factories, 1955–1957 (illustrative)',
      description:
        'An illustrative data set grounded in a 1956 report of Suzhou factories exchanging experience to cut defects. The numbers are invented.',
      files: ['factories.csv', 'production.csv', 'exchanges.csv'],
      bundles: ['bundles/suzhou.json'],
    },
    null,
    2,
  ) + '\n',
);
writeFileSync(
  new URL('README.md', OUT),
  '# Sample data\n\nIllustrative: an invented data set grounded in a 1956 report of Suzhou factories (Zhenya, Dongwu, Guangming) exchanging experience to cut defects. The factories are modelled on the report; every number is made up. Regenerate with `npm run sample` (scripts/make-sample.mjs, seeded).\n',
);
console.log(
  `factories ${factories.length}, production ${production.length}, exchanges ${exchanges.length}`,
);
