// Publishing: the built site from a subpath of a static host, and offline after one visit.
import { expect, test, type Page } from '@playwright/test';
import type { Server } from 'node:http';
import { serve } from '../../scripts/serve.mjs';

const SUB = '/some/sub/path/';
let server: Server;
let port = 0;

test.beforeAll(async () => {
  // One port per worker, so that parallel workers do not collide.
  port = 4700 + test.info().workerIndex;
  server = await serve('dist', port, SUB);
});
test.afterAll(() => server?.close());

const site = () => `http://127.0.0.1:${port}${SUB}`;

/** The smoke test: sample data loads, and Trends draws Guangming's line. */
async function smoke(page: Page) {
  const rows = page.getByRole('table').first().locator('tbody tr');
  await expect(rows).toHaveCount(3);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Trends' })
    .click();
  await page.getByRole('radio', { name: 'factory' }).check();
  await expect(page.getByRole('img', { name: /^Defect rate/ }).first()).toBeVisible();
  await expect(page.locator('.legend')).toContainText('Guangming Silk Factory');
}

test('the built site works from a subpath of a static host', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(`${site()}#/data`);
  await smoke(page);
  expect(failed).toEqual([]);
});

test('after one visit, the app and its data work offline', async ({ page, context }) => {
  await page.goto(`${site()}#/data`);
  await expect(page.getByRole('table').first().locator('tbody tr')).toHaveCount(3);
  // The service worker has installed, precached the app and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller)
      await new Promise((ok) => navigator.serviceWorker.addEventListener('controllerchange', ok));
  });
  await context.setOffline(true);
  await page.reload();
  await smoke(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Network' })
    .click();
  await expect(page.locator('g.node', { hasText: 'Zhenya Silk Factory' })).toBeVisible();
  // A fresh visit to the site while offline is served from the cache too.
  const other = await context.newPage();
  await other.goto(`${site()}#/impact`);
  await expect(other.getByRole('heading', { name: 'Impact' })).toBeVisible();
});

test('the first load is at most 150 KB of gzipped script, each page its own chunk, all precached', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { gzipSync } = await import('node:zlib');
  const html = readFileSync('dist/index.html', 'utf8');
  // What the browser fetches before any page: the entry script and its module preloads.
  const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  expect(initial.length).toBeGreaterThan(0);
  const bytes = initial.reduce((n, f) => n + gzipSync(readFileSync(`dist/${f}`)).length, 0);
  expect(bytes).toBeLessThanOrEqual(150 * 1024);
  const assets = readdirSync('dist/assets');
  const sw = readFileSync('dist/sw.js', 'utf8');
  for (const name of ['Trends', 'Network', 'Impact', 'Control', 'Import', 'Data', 'Present']) {
    const chunk = assets.find((f) => f.startsWith(`${name}-`) && f.endsWith('.js'));
    expect(chunk, name).toBeTruthy();
    expect(initial, name).not.toContain(`assets/${chunk}`);
    expect(sw, name).toContain(`assets/${chunk}`);
  }
});

test('the import worker words problems without carrying the interface catalogue', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const worker = readdirSync('dist/assets').find(
    (f) => f.startsWith('import.worker-') && f.endsWith('.js'),
  );
  expect(worker).toBeTruthy();
  const code = readFileSync(`dist/assets/${worker}`, 'utf8');
  // The English wording of a bad row is there, for the error report…
  expect(code).toContain('Row {row}, column “{column}”');
  // …but no word of the interface: the share button, a page name, a chart's caption.
  for (const word of ['Copy link', 'Add to deck', 'Adopters against comparison factories'])
    expect(code, word).not.toContain(word);
});
