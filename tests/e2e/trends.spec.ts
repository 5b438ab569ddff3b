import { expect, test, type Page } from '@playwright/test';
import { generateProduction } from '../../bench/generate.mjs';
import { card, chooseFiles, exportAs, fixturePath, openWithSample } from './helpers';

const chart = (page: Page) => page.getByRole('img', { name: /^Defect rate/ });
const points = (page: Page) => page.locator('svg g.series circle.point');

test('Guangming crepe satin: monthly points, and a quarter divides them by three', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming&products=crepe+satin');
  await expect(chart(page)).toHaveAttribute(
    'aria-label',
    // Pooled first and last six months, each with its Wilson interval: never two single months.
    /^Defect rate, Guangming Silk Factory, crepe satin, 1955-01–1957-12, from \d+\.\d% \(95% CI \d+\.\d%–\d+\.\d%\) in 1955-01–1955-06 to \d+\.\d% \(\d+\.\d%–\d+\.\d%\) in 1957-07–1957-12$/,
  );
  await expect(points(page)).toHaveCount(36);
  await page.getByLabel('Interval').selectOption('quarter');
  await expect(points(page)).toHaveCount(12);
  await expect(page).toHaveURL(/interval=quarter/);
});

test('the chart tells the story: Guangming crepe satin falls after 1956', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming&products=crepe+satin&interval=year');
  const label = await chart(page).getAttribute('aria-label');
  // 1955 against 1957, each pooled with its interval: the fall is more than either interval.
  const m = label!.match(
    /from (\d+\.\d)% \(95% CI (\d+\.\d)%–(\d+\.\d)%\) in 1955 to (\d+\.\d)% \((\d+\.\d)%–(\d+\.\d)%\) in 1957$/,
  )!;
  const [from, fromLo, , to, , toHi] = m.slice(1).map(Number);
  expect(from).toBeGreaterThan(2 * to);
  expect(fromLo).toBeGreaterThan(toHi);
});

test('hiding a series through its legend', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming,zhenya');
  const zhenya = page.getByRole('button', { name: 'Zhenya Silk Factory' });
  await expect(zhenya).toHaveAttribute('aria-pressed', 'true');
  await expect(chart(page)).toHaveAttribute(
    'aria-label',
    /Guangming Silk Factory, Zhenya Silk Factory/,
  );
  await zhenya.click();
  await expect(zhenya).toHaveAttribute('aria-pressed', 'false');
  await expect(chart(page)).not.toHaveAttribute('aria-label', /Zhenya/);
  await expect(page).toHaveURL(/hidden=zhenya/);
  await zhenya.click();
  await expect(chart(page)).toHaveAttribute('aria-label', /Zhenya/);
});

test('a shared URL reproduces the view in a fresh browser', async ({ page, browser }) => {
  await openWithSample(page);
  await page.goto('./#/trends');
  await page.getByRole('radio', { name: 'product' }).check();
  await page.getByLabel('Interval').selectOption('year');
  await expect(page).toHaveURL(/by=product/);
  const url = page.url();
  const label = await chart(page).getAttribute('aria-label');
  const count = await points(page).count();

  const other = await (await browser.newContext()).newPage();
  await openWithSample(other);
  await other.goto(url);
  await expect(chart(other)).toHaveAttribute('aria-label', label!);
  await expect(points(other)).toHaveCount(count);
  await expect(other.getByRole('radio', { name: 'product' })).toBeChecked();
});

test('keyboard focus moves through the points and reads them out', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming&products=crepe+satin');
  await page.getByRole('application').focus();
  await page.keyboard.press('ArrowRight');
  const tip = page.locator('.tooltip');
  await expect(tip).toContainText('Guangming Silk Factory');
  await expect(tip).toContainText('1955-01');
  await page.keyboard.press('ArrowRight');
  await expect(tip).toContainText('1955-02');
  await page.keyboard.press('End');
  await expect(tip).toContainText('1957-12');
  await expect(tip).toContainText(/\d+\.\d\d% \([\d,]+ \/ [\d,]+\)/);
});

test('plain sentences instead of an empty frame', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=nobody');
  await expect(page.getByText('No data matches these filters.')).toBeVisible();
  await expect(points(page)).toHaveCount(0);
  await page.goto('./#/trends?factories=zhenya&hidden=zhenya');
  await expect(page.getByText('Every series is hidden.')).toBeVisible();
});

test('show as table lists the plotted numbers', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming&products=crepe+satin&interval=year');
  await page.getByLabel('Show as table').check();
  const rows = page.locator('table tbody tr');
  await expect(rows).toHaveCount(3);
  await expect(rows.first()).toContainText('1955');
});

test('adoption markers link the exchanges to the trend', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming&products=crepe+satin');
  const marker = page.locator('svg g.marker');
  await expect(marker).toHaveCount(1);
  await expect(marker).toContainText('Daily workshop inspection');
  await expect(marker.locator('title')).toHaveText(
    'Guangming Silk Factory adopted “Daily workshop inspection by the director and office staff” (from Zhenya Silk Factory) on Jun 1, 1956',
  );
  await page.getByRole('radio', { name: 'product' }).check();
  await expect(page.locator('svg g.marker')).toHaveCount(0);
});

test('the control chart has a page of its own, opened for the factory shown', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming&products=crepe+satin');
  await page
    .getByRole('region', { name: 'Control chart' })
    .getByRole('link', { name: 'open the control chart' })
    .click();
  await expect(page).toHaveURL(/#\/control\?factory=guangming&product=crepe\+satin/);
  await expect(
    page.getByRole('heading', {
      name: /^(p-chart|Laney p′ chart): Guangming Silk Factory, crepe satin, per month$/,
    }),
  ).toBeVisible();
});

test('the Pareto chart orders defect types for the selection', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming,zhenya');
  const section = page.getByRole('region', { name: 'Defect types' });
  await expect(section.getByRole('img')).toHaveAttribute(
    'aria-label',
    /^Pareto of defect types: broken warp \d+\.\d%, .*; \d of 5 types make up 80% of defective pieces$/,
  );
  await expect(section.locator('rect.bar')).toHaveCount(5);
  const heights = await section
    .locator('rect.bar')
    .evaluateAll((rs) => rs.map((r) => Number(r.getAttribute('height'))));
  expect(heights).toEqual([...heights].sort((a, b) => b - a));
});

test('without a defect_type column the Pareto says so plainly', async ({ page }) => {
  await openWithSample(page);
  await page.getByRole('button', { name: 'Delete production.csv' }).click();
  await page.getByRole('button', { name: 'Confirm: delete production.csv' }).click();
  await chooseFiles(page, [fixturePath('production-errors.csv')]);
  await card(page, 'production-errors.csv').getByRole('button', { name: 'Import 2 rows' }).click();
  await expect(card(page, 'production-errors.csv').getByRole('status')).toContainText(
    'Imported 2 production rows',
  );
  await page.goto('./#/trends');
  await expect(page.getByRole('region', { name: 'Defect types' })).toContainText(
    'This data has no defect types',
  );
});

test('beyond 1,000 points the marks draw on a canvas, while axes and focus stay SVG', async ({
  page,
}) => {
  await openWithSample(page);
  await chooseFiles(page, [
    { name: 'many.csv', mimeType: 'text/csv', buffer: Buffer.from(generateProduction(30_000, 3)) },
  ]);
  await card(page, 'many.csv').getByRole('button', { name: 'Import 30,000 rows' }).click();
  await expect(card(page, 'many.csv').getByRole('status')).toContainText(
    'Imported 30,000 production rows',
  );
  await page.goto('./#/trends');
  await expect(page.getByRole('img', { name: /^Defect rate/ })).toBeVisible();
  const canvas = page.locator('.chart canvas');
  await expect(canvas).toHaveCount(1);
  await expect(page.locator('svg g.series')).toHaveCount(0);
  const inked = await canvas.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
  expect(inked).toBeGreaterThan(10_000);
  // Exports carry the canvas's marks as an image.
  const svg = (await exportAs(page, /^Export Defect rate/, 'SVG')).bytes.toString('utf8');
  const image = svg.match(/<image [^>]*width="(\d+)"[^>]*href="data:image\/png;base64,([^"]+)"/);
  expect(image).not.toBeNull();
  // Drawn again at twice the size, not the screen's bitmap scaled up: sharp in the 2× PNG.
  const png = Buffer.from(image![2], 'base64');
  expect(png.readUInt32BE(16)).toBe(2 * Number(image![1]));
  // The keyboard still reads points out.
  await page.getByRole('application').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.tooltip')).toContainText(/\d+\.\d\d% \(/);
});

test('small multiples: one panel per factory, all on one y scale', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming,zhenya,dongwu&products=crepe+satin');
  await page.getByLabel('Small multiples').check();
  await expect(page).toHaveURL(/layout=multiples/);
  const panels = page.locator('.multiples figure');
  await expect(panels).toHaveCount(3);
  await expect(panels.locator('figcaption')).toHaveText([
    'Dongwu Silk Factory',
    'Guangming Silk Factory',
    'Zhenya Silk Factory',
  ]);
  await expect(panels.nth(0).getByRole('img')).toHaveAttribute(
    'aria-label',
    /^Defect rate, Dongwu Silk Factory, 1955-01–1957-12, from/,
  );
  // The same top tick in every panel: the scale is shared, so Zhenya's low rates sit low.
  const tops = await panels.evaluateAll((fs) =>
    fs.map((f) => [...f.querySelectorAll('.axis.y text')].slice(-2, -1)[0]?.textContent),
  );
  expect(new Set(tops).size).toBe(1);
});

test('brushing across the chart zooms the time axis, and reset undoes it', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming&products=crepe+satin');
  await expect(points(page)).toHaveCount(36);
  const box = (await page.locator('g.brush rect.overlay').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height / 2, { steps: 8 });
  await page.mouse.up();
  await expect(page).toHaveURL(/from=1956-\d\d&to=1957-\d\d/);
  const zoomed = await points(page).count();
  expect(zoomed).toBeGreaterThan(6);
  expect(zoomed).toBeLessThan(14);
  await page.getByRole('button', { name: 'Reset zoom' }).click();
  await expect(points(page)).toHaveCount(36);
  await expect(page).not.toHaveURL(/from=/);
});

test('lots with no defect type are a bar of their own, and the 80% line counts them', async ({
  page,
}) => {
  await openWithSample(page);
  const csv = [
    'factory_id,product,period,inspected,defective,defect_type',
    'newmill,crepe satin,1956-07,1000,30,断经',
    'newmill,crepe satin,1956-08,1000,20,跳花',
    'newmill,crepe satin,1956-09,1000,50,',
  ].join('\n');
  await chooseFiles(page, [
    { name: 'untyped.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) },
  ]);
  await card(page, 'untyped.csv').getByRole('button', { name: 'Import 3 rows' }).click();
  await expect(card(page, 'untyped.csv').getByRole('status')).toContainText('from untyped.csv');
  await page.goto('./#/trends?factories=newmill');
  await expect(page.getByRole('region', { name: 'Defect types' }).getByRole('img')).toHaveAttribute(
    'aria-label',
    // The file names its types in Chinese only; the sample's labels give them in English.
    'Pareto of defect types: broken warp 30.0%, float 20.0%, no type given 50.0%; all 2 types together make up only 50.0% of defective pieces; 50 defective pieces (50.0%) have no type given',
  );
});

test('a span of one month ticks each month once, not a run of the same label', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=zhenya&products=crepe+satin&from=1956-07&to=1956-07');
  // The page loads its own chunk: wait for the axis before reading all of its labels.
  await expect(page.locator('svg g.axis.x text').first()).toHaveText('1956-07');
  const labels = await page.locator('svg g.axis.x text').allTextContents();
  expect(labels.length).toBeGreaterThan(0);
  expect(new Set(labels).size).toBe(labels.length);
  expect(labels[0]).toBe('1956-07');
});
