// Takes the README's screenshots of the built app: npm run screenshots
// Writes docs/data.png, docs/import.png, docs/trends.png, docs/network.png, docs/impact.png,
// docs/control.png, docs/control-summary.png
// and the narrow views.
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { serve } from './serve.mjs';

const root = new URL('..', import.meta.url).pathname;
const server = await serve(`${root}dist`, 4600);
const browser = await chromium.launch({
  executablePath:
    process.env.CHROMIUM_PATH ||
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined),
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
  await page.goto('http://127.0.0.1:4600/#/data');
  await page.getByRole('table').first().locator('tbody tr').nth(2).waitFor();
  await page.getByRole('button', { name: 'Browse factories.csv' }).click();
  await page
    .getByRole('region', { name: 'Records of factories.csv' })
    .getByText('振亚丝织厂')
    .waitFor();
  await page.screenshot({ path: `${root}docs/data.png`, fullPage: true });

  await page.goto(
    'http://127.0.0.1:4600/#/trends?factories=guangming,zhenya,dongwu&products=crepe+satin',
  );
  await page.getByRole('img', { name: /^Defect rate/ }).waitFor();
  await page.screenshot({ path: `${root}docs/trends.png`, fullPage: true });

  await page.goto('http://127.0.0.1:4600/#/network?factory=guangming');
  await page.locator('g.node').first().waitFor();
  await page.waitForTimeout(500); // the layout settles into the frame
  await page.screenshot({ path: `${root}docs/network.png`, fullPage: false });

  await page.goto('http://127.0.0.1:4600/#/impact');
  await page.getByRole('img', { name: /^Effect of adoption/ }).waitFor();
  await page.screenshot({ path: `${root}docs/impact.png`, fullPage: true });

  await page.goto('http://127.0.0.1:4600/#/control');
  await page
    .getByRole('region', { name: 'Summary of control charts' })
    .locator('tbody tr')
    .first()
    .waitFor();
  await page.screenshot({ path: `${root}docs/control-summary.png`, fullPage: false });
  await page.goto(
    'http://127.0.0.1:4600/#/control?factory=dongwu&product=crepe+satin&stage=1956-04-01&stage=1956-10-01&note=1956-10:second+exchange+with+Zhenya',
  );
  await page.locator('g.edge text').first().waitFor();
  await page.screenshot({ path: `${root}docs/control.png`, fullPage: false });

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page
    .getByLabel('Choose files')
    .setInputFiles([
      `${root}tests/fixtures/factories-gb18030.csv`,
      `${root}tests/fixtures/production-errors.csv`,
    ]);
  await page.getByRole('button', { name: 'Import 3 rows' }).waitFor();
  await page.getByRole('button', { name: 'Import 2 rows' }).waitFor();
  await page.screenshot({ path: `${root}docs/import.png`, fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${root}docs/import-narrow.png`, fullPage: false });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await page.getByRole('table').first().locator('tbody tr').nth(2).waitFor();
  await page.screenshot({ path: `${root}docs/data-narrow.png`, fullPage: false });
} finally {
  await browser.close();
  server.close();
}
