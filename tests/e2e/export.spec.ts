import { expect, test } from '@playwright/test';
import { exportAs, openWithSample } from './helpers';

test.beforeEach(async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming,zhenya&products=crepe+satin');
  await expect(page.getByRole('img', { name: /^Defect rate/ })).toBeVisible();
});

const TREND =
  'Export Defect rate by factory, per month: Guangming Silk Factory, Zhenya Silk Factory, crepe satin';

test('the PNG export downloads a valid PNG over 10 KB at twice the size', async ({ page }) => {
  const { file, bytes } = await exportAs(page, TREND, 'PNG');
  expect(file.suggestedFilename()).toBe('loom-defect-rate.png');
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(10_000);
  const width = bytes.readUInt32BE(16);
  const chartWidth = await page
    .getByRole('img', { name: /^Defect rate/ })
    .evaluate((e) => Math.round(e.getBoundingClientRect().width));
  expect(width).toBe(chartWidth * 2);
});

test('the SVG export carries the title, legend, axis labels and source', async ({ page }) => {
  const { file, bytes } = await exportAs(page, TREND, 'SVG');
  expect(file.suggestedFilename()).toBe('loom-defect-rate.svg');
  const svg = bytes.toString('utf8');
  expect(svg).toContain(
    'Defect rate by factory, per month: Guangming Silk Factory, Zhenya Silk Factory, crepe satin',
  );
  expect(svg).toContain('>Guangming Silk Factory</text>');
  expect(svg).toContain('>↑ Defect rate</text>');
  expect(svg).toMatch(
    /Source: production\.csv \(imported [A-Z][a-z]{2} \d{1,2}, \d{4}\) · made with Loom/,
  );
  expect(svg).not.toContain('var(--');
});

test('the CSV export holds exactly the plotted numbers, with a BOM', async ({ page }) => {
  const { bytes } = await exportAs(page, TREND, 'CSV');
  const text = bytes.toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).trim().split('\r\n');
  expect(lines[0]).toBe('factory,period,inspected,defective,rate,ci95_low,ci95_high');
  expect(lines).toHaveLength(1 + 2 * 36);
  expect(lines[1]).toMatch(/^Guangming Silk Factory,1955-01,\d+,\d+,0\.\d+,0\.\d+,0\.\d+$/);
});

test('the Pareto chart exports too, its labels in the reader’s language', async ({ page }) => {
  const pareto = await exportAs(
    page,
    'Export Defect types: Guangming Silk Factory, Zhenya Silk Factory, crepe satin',
    'SVG',
  );
  expect(pareto.bytes.toString('utf8')).toContain('>broken warp</text>');
  const png = await exportAs(
    page,
    'Export Defect types: Guangming Silk Factory, Zhenya Silk Factory, crepe satin',
    'PNG',
  );
  expect(png.bytes.length).toBeGreaterThan(10_000);
});

test('small multiples export as one picture: every panel under its caption', async ({ page }) => {
  await page.getByLabel('Small multiples').check();
  await expect(page.locator('.multiples figure')).toHaveCount(2);
  const { bytes } = await exportAs(page, TREND, 'SVG');
  const svg = bytes.toString('utf8');
  // Two panels, each a nested chart, placed side by side or one under the other.
  const panels = [...svg.matchAll(/<svg [^>]*x="(\d+)" y="(\d+)"/g)].map((m) => [+m[1], +m[2]]);
  expect(panels).toHaveLength(2);
  expect(panels[0]).not.toEqual(panels[1]);
  expect(svg).toMatch(/font-weight="600"[^>]*>Guangming Silk Factory<\/text>/);
  expect(svg).toMatch(/font-weight="600"[^>]*>Zhenya Silk Factory<\/text>/);
  const png = await exportAs(page, TREND, 'PNG');
  expect(png.bytes.length).toBeGreaterThan(10_000);
});

test('the Impact charts export: the aligned chart with its legend, the effect curve, the CSV of both', async ({
  page,
}) => {
  await page.goto('./#/impact');
  const aligned = 'Export Adopters against comparison factories, aligned on adoption';
  await expect(page.getByRole('img', { name: /^Mean defect rate of 13 adopters/ })).toBeVisible();
  const svg = (await exportAs(page, aligned, 'SVG')).bytes.toString('utf8');
  expect(svg).toContain('Adopters against comparison factories, aligned on adoption');
  expect(svg).toContain('>adopters had they moved like the comparison</text>');
  expect(svg).toContain('>↑ Defect rate (%)</text>');
  const png = (await exportAs(page, 'Export Effect of adoption, by month from adoption', 'PNG'))
    .bytes;
  expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  const csv = (await exportAs(page, aligned, 'CSV')).bytes.toString('utf8').slice(1).trim();
  const lines = csv.split('\r\n');
  expect(lines[0]).toBe(
    'event_time,adopters_rate_pct,comparison_rate_pct,expected_without_effect_pct,adopters,comparison_factories,effect_points,ci95_low,ci95_high,band95_low,band95_high',
  );
  // t = −6 … 6, and at t = 0 an effect with its interval and simultaneous band.
  expect(lines).toHaveLength(14);
  expect(lines[7]).toMatch(
    /^0,\d+\.\d+,\d+\.\d+,\d+\.\d+,\d+,\d+,-?\d+\.\d+,-?\d+\.\d+,-?\d+\.\d+,-?\d+\.\d+,-?\d+\.\d+$/,
  );
});

test('the network exports: the graph as shown (SVG, PNG), its factories and links (CSV), the tree and the adoption curve', async ({
  page,
}) => {
  await page.goto('./#/network?at=1956-06-30');
  await expect(page.locator('g.node').first()).toBeVisible();
  const group = 'Export Who learned from whom, by Jun 30, 1956';
  const svg = (await exportAs(page, group, 'SVG')).bytes.toString('utf8');
  expect(svg).toContain('Who learned from whom, by Jun 30, 1956');
  expect(svg).toContain('>Zhenya Silk Factory</text>');
  // The legend says which colour is which industry and topic.
  expect(svg).toContain('>silk</text>');
  expect(svg).toContain('>management</text>');
  expect(svg).toMatch(/Source: exchanges\.csv \(imported /);
  const png = await exportAs(page, group, 'PNG');
  expect([...png.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  expect(png.bytes.length).toBeGreaterThan(10_000);

  const nodes = (await exportAs(page, group, 'CSV (factories)')).bytes
    .toString('utf8')
    .slice(1)
    .trim()
    .split('\r\n');
  expect(nodes[0]).toBe(
    'factory_id,name,industry,adopted_by_date_shown,first_adoption,learned_from,taught,reach_forward_in_time,static_reach,pagerank,betweenness,community,x,y',
  );
  expect(nodes).toHaveLength(1 + 15);
  // By June 1956 Zhenya had taught Dongwu and Guangming, and Dongwu had taught Zhenya back.
  expect(nodes.filter((l) => l.split(',')[3] === 'yes').length).toBeGreaterThanOrEqual(2);
  const links = (await exportAs(page, group, 'CSV (links)')).bytes
    .toString('utf8')
    .slice(1)
    .trim()
    .split('\r\n');
  expect(links.slice(1).map((l) => l.split(',').slice(0, 2).join(' → '))).toEqual([
    'Zhenya Silk Factory → Dongwu Silk Factory',
    'Zhenya Silk Factory → Guangming Silk Factory',
    'Dongwu Silk Factory → Zhenya Silk Factory',
  ]);

  const curve = await exportAs(page, 'Export Factories that had adopted, over time', 'SVG');
  expect(curve.bytes.toString('utf8')).toContain('Factories that had adopted, over time');

  await page.goto(
    './#/network?layout=tree&experience=Find%20the%20key%20defect%2C%20promote%20the%20advanced%20method',
  );
  const tree =
    'Export How “Find the key defect, promote the advanced method” spread, generation by generation';
  const treeSvg = (await exportAs(page, tree, 'SVG')).bytes.toString('utf8');
  expect(treeSvg).toContain('>Guangming Silk Factory</text>');
  const treeCsv = (await exportAs(page, tree, 'CSV')).bytes.toString('utf8');
  expect(treeCsv).toContain('factory,learned_from,generation,date');
});
