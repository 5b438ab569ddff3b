// What every view looks like over the sample data, in both languages, and both renderers where
// a chart has two: Playwright compares each screenshot with its baseline in
// pictures.spec.ts-snapshots/, the whole view and each chart in it. The threshold lets a colour differ a little (anti-aliasing) and
// 0.1% of the pixels differ at all (font hinting); 15 trend lines one pixel wider change 0.3%,
// so a mark drawn differently does not pass. After a deliberate change of look, run
// `npx playwright test pictures --update-snapshots` and look at the new baselines.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { card, chooseFiles, openWithSample, textFile } from './helpers';

const LOOK = { maxDiffPixelRatio: 0.001, threshold: 0.25, animations: 'disabled' } as const;

// Times shown (when the sample was imported) are those of a fixed moment, in UTC, so that the
// Data page's table keeps its column widths.
test.use({ timezoneId: 'UTC', locale: 'en-US' });

async function open(page: Page, lang: 'en' | 'zh') {
  await page.clock.setFixedTime(new Date('2026-12-01T09:30:00Z'));
  await page.addInitScript((l) => localStorage.setItem('loom:lang', l), lang);
  await page.setViewportSize({ width: 1280, height: 860 });
  await openWithSample(page);
}

/**
 * Waits for the fonts and a still page, then compares `main` with the baseline, and each chart
 * on its own: 0.1% of a whole page is thousands of pixels, enough to hide a line drawn solid
 * instead of dashed, while 0.1% of one chart is a few hundred.
 */
async function looksLike(page: Page, name: string, mask: Locator[] = []) {
  await page.evaluate(() => document.fonts.ready);
  await expect(page.locator('.busy')).toHaveCount(0);
  await expect(page.locator('main')).toHaveScreenshot(`${name}.png`, { ...LOOK, mask });
  const charts = page.locator('main .chart');
  for (let i = 0, n = await charts.count(); i < n; i++)
    await expect(charts.nth(i)).toHaveScreenshot(`${name}-chart${i + 1}.png`, LOOK);
}

const VIEWS: {
  name: string;
  route: string;
  ready: (p: Page) => Locator;
  mask?: (p: Page) => Locator[];
}[] = [
  { name: 'trends', route: '#/trends', ready: (p) => p.locator('svg[role=img] path').first() },
  { name: 'network', route: '#/network', ready: (p) => p.locator('g.node').first() },
  { name: 'impact', route: '#/impact', ready: (p) => p.locator('svg[role=img]').last() },
  { name: 'control-summary', route: '#/control', ready: (p) => p.locator('tbody tr').first() },
  {
    name: 'control-chart',
    route: '#/control?factory=dongwu&product=crepe+satin&stage=1956-04-01',
    ready: (p) => p.getByTestId('control-centres'),
  },
  {
    name: 'data',
    route: '#/data',
    ready: (p) => p.locator('tbody tr').nth(2),
    // How much the browser stores changes with every run.
    mask: (p) => [p.locator('main section.panel').last()],
  },
  { name: 'import', route: '#/import', ready: (p) => p.locator('main h1') },
  { name: 'present', route: '#/present', ready: (p) => p.locator('main h1') },
];

for (const lang of ['en', 'zh'] as const)
  for (const view of VIEWS)
    test(`${view.name} looks as it did (${lang})`, async ({ page }) => {
      await open(page, lang);
      await page.goto(`./${view.route}`);
      await expect(view.ready(page)).toBeVisible();
      if (view.name === 'network') await expect(page.locator('.laying')).toHaveCount(0);
      // The data's words are labelled in the reader's language once the imports' terms load:
      // wait for them, so the picture is of the page as it settles, not of its first frame.
      const words: Record<string, Partial<Record<'en' | 'zh', string>>> = {
        trends: { en: 'broken warp' },
        network: { zh: '丝织' },
        impact: { zh: '抓关键疵点' },
        'control-chart': { en: 'broken warp', zh: '绉缎' },
      };
      const word = words[view.name]?.[lang];
      if (word) await expect(page.locator('main')).toContainText(word);
      await looksLike(page, `${view.name}-${lang}`, view.mask?.(page));
    });

/** 40 factories × 36 months: 1,440 points, so the trend chart draws on its canvas. */
function manyFactories(): string {
  const rows = ['factory_id,product,period,inspected,defective'];
  for (let f = 0; f < 40; f++)
    for (let m = 0; m < 36; m++) {
      const month = `${1955 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
      const inspected = 800 + ((f * 37 + m * 11) % 400);
      rows.push(
        `m${f},silk,${month},${inspected},${Math.round(inspected * (0.02 + ((f * 7 + m * 3) % 40) / 1000))}`,
      );
    }
  return rows.join('\n') + '\n';
}

/** 600 factories taught down a tree: the network draws on its canvas. */
function manyExchanges(): string {
  const rows = ['date,source_factory,target_factory,experience,topic'];
  for (let i = 1; i < 600; i++)
    rows.push(
      `1956-${String((i % 12) + 1).padStart(2, '0')}-01,n${Math.floor((i - 1) / 3)},n${i},Exp ${i % 4},management`,
    );
  return rows.join('\n') + '\n';
}

async function importText(page: Page, name: string, text: string) {
  await chooseFiles(page, [textFile(name, text, 'text/csv')]);
  await card(page, name)
    .getByRole('button', { name: /^Import/ })
    .click();
  await expect(card(page, name).getByRole('status')).toContainText('Imported');
}

test('the trend chart’s canvas renderer looks as it did', async ({ page }) => {
  await open(page, 'en');
  await importText(page, 'many.csv', manyFactories());
  await page.goto('./#/trends?band=off');
  const chart = page.locator('.chart').first();
  await expect(chart.locator('canvas')).toBeVisible();
  await page.evaluate(() => document.fonts.ready);
  await expect(chart).toHaveScreenshot('trends-canvas.png', LOOK);
});

test('the network’s canvas renderer looks as it did, arrowheads and all', async ({ page }) => {
  await open(page, 'en');
  await importText(page, 'tree.csv', manyExchanges());
  await page.goto('./#/network');
  const graph = page.locator('.network.chart');
  await expect(graph.locator('canvas')).toBeVisible();
  await expect(page.locator('.laying')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
  await expect(graph).toHaveScreenshot('network-canvas.png', LOOK);
});
