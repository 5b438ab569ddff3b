// Bundles: export every data set and deck as one file; open it elsewhere, from a link
// (#/?bundle=…) or from public/data/manifest.json on a fresh visitor's first visit.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { chooseFiles, fixturePath, openWithSample, sampleFiles, textFile } from './helpers';

const importsTable = (page: Page) => page.getByRole('table').first();

/** A browser with the sample, one more file and a one-slide deck: its bundle's text. */
async function makeBundle(page: Page): Promise<string> {
  await openWithSample(page);
  await chooseFiles(page, [fixturePath('exchanges-dates.csv')]);
  await page.getByRole('button', { name: /^Import \d+ rows?$/ }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'from exchanges-dates.csv' }),
  ).toBeVisible();
  await page.goto('./#/network');
  await page.getByRole('button', { name: 'Add to deck' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add this view to a deck' });
  await dialog.getByLabel("New deck's name").fill('Board meeting');
  await dialog.getByRole('button', { name: 'Add slide' }).click();
  await page.goto('./#/data');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export bundle' }).click(),
  ]);
  return readFileSync(await download.path(), 'utf8');
}

/** A fresh visitor whose requests for `routes` get the given bodies (no service worker). */
async function visitor(browser: Browser, routes: Record<string, string>) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  for (const [path, body] of Object.entries(routes))
    await context.route(`**/${path}`, (r) => r.fulfill({ body, contentType: 'application/json' }));
  return context.newPage();
}

test('Export bundle, then open it in another browser through the Data page', async ({
  page,
  browser,
}) => {
  const text = await makeBundle(page);
  expect(
    JSON.parse(text)
      .files.map((f: { name: string }) => f.name)
      .sort(),
  ).toEqual([...sampleFiles, 'exchanges-dates.csv'].sort());
  const other = await (await browser.newContext()).newPage();
  await openWithSample(other);
  await other.getByLabel('Open a bundle').setInputFiles(textFile('loom-bundle.json', text));
  await expect(
    other.getByRole('status').filter({ hasText: 'Loaded loom-bundle.json' }),
  ).toContainText('1 files imported, 3 already here, 1 decks added');
  await expect(importsTable(other)).toContainText('exchanges-dates.csv');
  await other.goto('./#/present');
  await expect(other.getByRole('region', { name: 'Deck: Board meeting' })).toBeVisible();

  await other.goto('./#/data');
  await other.getByLabel('Open a bundle').setInputFiles(textFile('notes.json', '{"files": []}'));
  await expect(other.getByRole('alert')).toContainText('notes.json is not a Loom bundle');
});

test('a link with ?bundle= loads that bundle from the same site, and no sample', async ({
  page,
  browser,
}) => {
  const text = await makeBundle(page);
  const guest = await visitor(browser, { 'data/bundles/board.json': text });
  await guest.goto('./#/?bundle=data/bundles/board.json');
  await expect(guest.getByRole('status').filter({ hasText: 'Loaded “Loom data' })).toContainText(
    '4 files imported',
  );
  // It opens on the overview of what it loaded.
  await expect(guest).toHaveURL(/#\/$/);
  await expect(guest.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  await guest.goto('./#/data');
  await expect(importsTable(guest).locator('tbody tr')).toHaveCount(4);

  const elsewhere = await visitor(browser, {});
  await elsewhere.goto('./#/?bundle=https://example.org/b.json');
  await expect(elsewhere.getByRole('alert')).toContainText(
    'Loom loads bundles only from this site, not from https://example.org.',
  );
});

test('a fresh visitor gets the bundles public/data/manifest.json lists', async ({
  page,
  browser,
}) => {
  const text = await makeBundle(page);
  const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8'));
  const guest = await visitor(browser, {
    'data/manifest.json': JSON.stringify({ ...manifest, bundles: ['bundles/board.json'] }),
    'data/bundles/board.json': text,
  });
  await guest.goto('./#/data');
  await expect(importsTable(guest).locator('tbody tr')).toHaveCount(4);
  await expect(importsTable(guest)).toContainText('exchanges-dates.csv');
  await guest.goto('./#/present');
  await expect(guest.getByRole('region', { name: 'Deck: Board meeting' })).toBeVisible();
});
