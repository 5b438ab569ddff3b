import { expect, test } from '@playwright/test';
import { openWithSample, sampleFiles } from './helpers';

test('a first visit loads every sample file and lists it on the Data page', async ({ page }) => {
  await openWithSample(page);
  const table = page.getByRole('table').first();
  for (const file of sampleFiles) await expect(table).toContainText(file);
  const cards = page.getByLabel('What is loaded');
  await expect(cards).toContainText('15 factories');
  await expect(cards).toContainText('3,240 production rows');
  await expect(cards).toContainText('1955-01 – 1957-12');
});

test('the sample renders Chinese factory names when browsing', async ({ page }) => {
  await openWithSample(page);
  await page.getByRole('button', { name: 'Browse factories.csv' }).click();
  const records = page.getByRole('region', { name: 'Records of factories.csv' });
  await expect(records).toContainText('振亚丝织厂');
  await expect(records).toContainText('光明丝织厂');
  await expect(records).toContainText('Page 1 of 1 · 15 records');
});

test('browsing production pages through its records, with the page in the URL', async ({
  page,
  browser,
}) => {
  await openWithSample(page);
  await page.getByRole('button', { name: 'Browse production.csv' }).click();
  const records = page.getByRole('region', { name: 'Records of production.csv' });
  await expect(records).toContainText('Page 1 of 65 · 3,240 records');
  await records.getByRole('button', { name: 'Next' }).click();
  await expect(records).toContainText('Page 2 of 65');
  // Row 52 of the file is the first record of page 2 (header = row 1).
  await expect(records.locator('tbody tr').first().locator('td').first()).toHaveText('52');
  await records.getByRole('button', { name: 'Last' }).click();
  await expect(records.locator('tbody tr')).toHaveCount(40);
  // The open file and page are in the URL: a reload, or the link in a fresh browser, shows them.
  await expect(page).toHaveURL(/#\/data\?file=[0-9a-f]{16}&page=65$/);
  await records.getByRole('button', { name: 'Previous' }).click();
  await expect(records).toContainText('Page 64 of 65');
  const link = page.url();
  await page.reload();
  await expect(records).toContainText('Page 64 of 65');
  await expect(records.locator('tbody tr').first().locator('td').first()).toHaveText(
    String(64 * 50 - 50 + 2),
  );
  await page.goBack();
  await expect(records).toContainText('Page 65 of 65');

  const other = await (await browser.newContext()).newPage();
  await openWithSample(other);
  await other.goto(link);
  await expect(other.getByRole('region', { name: 'Records of production.csv' })).toContainText(
    'Page 64 of 65',
  );
  // Closed, the URL is the plain Data page; a link to a file this browser lacks says so.
  await records.getByRole('button', { name: 'Close' }).click();
  await expect(records).toHaveCount(0);
  await expect(page).toHaveURL(/#\/data$/);
  await page.goto('./#/data?file=0123456789abcdef');
  await expect(page.getByRole('status').filter({ hasText: 'not in this browser' })).toBeVisible();
});

test('a shared link to a page that does not exist says so', async ({ page }) => {
  await page.goto('./#/nowhere');
  await expect(page.getByRole('heading', { name: 'No such page' })).toBeVisible();
});

test('reset to sample data replaces user imports with the sample', async ({ page }) => {
  await openWithSample(page);
  await page.getByRole('button', { name: 'Delete exchanges.csv' }).click();
  await page.getByRole('button', { name: 'Confirm: delete exchanges.csv' }).click();
  await expect(page.getByRole('table').first().locator('tbody tr')).toHaveCount(2);
  await page.getByRole('button', { name: 'Reset to sample data' }).click();
  await page.getByRole('button', { name: /Confirm: delete everything/ }).click();
  await expect(page.getByRole('table').first().locator('tbody tr')).toHaveCount(3);
});
