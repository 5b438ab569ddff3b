import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { generateProduction } from './generate.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-background-networking','--disable-component-update'] });
const base = 'http://127.0.0.1:4323/';
for (const lang of ['en', 'zh']) for (const [w, h, tag] of [[1440, 900, 'desktop'], [390, 844, 'phone']]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(base + '#/data');
  await page.getByRole('table').first().locator('tbody tr').nth(2).waitFor();
  if (lang === 'zh') await page.getByLabel('Language').selectOption('zh');
  await page.goto(base + '#/import');
  await page.locator('input[type=file]').first().setInputFiles(['tests/fixtures/factories-gb18030.csv', 'tests/fixtures/factories-windows1252.csv']);
  const enc = page.locator('section.card').first().locator('select').nth(1);
  await page.waitForTimeout(1500);
  await enc.selectOption('utf-8');
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/import-${lang}-${tag}.png`, fullPage: true });
  // Reset refused while another tab imports.
  const other = await ctx.newPage();
  await other.goto(base + '#/import');
  await other.locator('input[type=file]').first().setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(generateProduction(400000, 3)) });
  await other.locator('button.primary').filter({ hasText: /400,000|400,000/ }).first().click();
  await page.goto(base + '#/data');
  await page.locator('button.danger').click();
  await page.locator('button.danger').click();
  await page.locator('.alert').first().waitFor();
  await page.screenshot({ path: `/tmp/shots/data-${lang}-${tag}.png`, fullPage: true });
  await ctx.close();
}
await browser.close();
