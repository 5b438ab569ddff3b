import { expect, test, type Page } from '@playwright/test';
import { generateProduction } from '../../bench/generate.mjs';
import { card, chooseFiles, fixturePath, openWithSample } from './helpers';

/** Counts rows in the loom database's tables straight from IndexedDB, to prove nothing was left behind. */
async function tableCounts(page: Page) {
  return page.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('loom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readonly');
          const out: Record<string, number> = {};
          for (const n of names)
            tx.objectStore(n).count().onsuccess = (e) =>
              (out[n] = (e.target as IDBRequest<number>).result);
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
  );
}

test('importing Chinese Excel (GB18030) factories through the file input', async ({ page }) => {
  await openWithSample(page);
  await chooseFiles(page, [fixturePath('factories-gb18030.csv')]);
  const c = card(page, 'factories-gb18030.csv');
  await expect(c.getByLabel('Kind')).toHaveValue('factories');
  await expect(c.getByLabel('Encoding')).toHaveValue('gb18030');
  await expect(c.getByRole('table')).toContainText('振亚丝织厂');
  // Same factories as the sample, so it is not a duplicate of bytes but adds records.
  await c.getByRole('button', { name: /Import 3 rows/ }).click();
  await expect(c.getByRole('status')).toContainText(
    'Imported 3 factories rows from factories-gb18030.csv',
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await expect(page.getByRole('table').first()).toContainText('factories-gb18030.csv');
  await expect(page.getByRole('table').first()).toContainText('gb18030');
});

test('importing every good fixture through the file input, all at once', async ({ page }) => {
  await openWithSample(page);
  const files = [
    'factories-utf8.csv',
    'production-semicolon.csv',
    'exchanges-dates.csv',
    'production-errors.csv',
  ];
  await chooseFiles(page, files.map(fixturePath));
  for (const f of files)
    await expect(card(page, f).getByRole('button', { name: /^Import \d+ rows?$/ })).toBeEnabled();
  await expect(card(page, 'production-semicolon.csv').getByLabel('Delimiter')).toHaveValue(';');
  await page.getByRole('button', { name: 'Import all 4 files' }).click();
  for (const f of files) await expect(card(page, f).getByRole('status')).toContainText(`from ${f}`);
  await expect(card(page, 'production-errors.csv').getByRole('status')).toContainText(
    '10 rows with errors were skipped',
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await expect(page.getByRole('table').first().locator('tbody tr')).toHaveCount(3 + files.length);
});

test('a file with bad rows shows an alert naming each row and column, and offers the error report', async ({
  page,
}) => {
  await openWithSample(page);
  await chooseFiles(page, [fixturePath('production-errors.csv')]);
  const alert = card(page, 'production-errors.csv').getByRole('alert');
  await expect(alert).toContainText('10 rows have errors and will be skipped');
  await expect(alert).toContainText('Row 3, column “period”: “1956-02-30” is not a real date.');
  await expect(alert).toContainText(
    'Row 7, column “defective”: Defective (101) is more than inspected (100).',
  );
  await expect(alert).toContainText('Row 12: This row has 4 fields; the header has 5.');
  const download = page.waitForEvent('download');
  await alert.getByRole('button', { name: 'Download error report' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('production-errors-errors.csv');
  const text = await new Response(
    (await file.createReadStream()) as unknown as ReadableStream,
  ).text();
  expect(text).toContain('row,column,error,factory_id');
  expect(text.split('\r\n').filter(Boolean)).toHaveLength(11);
});

test.describe('a broken file is refused as a whole with an alert naming the place', () => {
  for (const [file, message] of [
    ['unclosed-quote.csv', 'Row 3 opens a quoted field that never closes'],
    ['workbook.xlsx', 'This workbook cannot be read (not a valid zip file); it may be damaged.'],
    ['ragged.csv', 'do not have 5 fields like the header'],
    ['headers-only.csv', 'The file has a header row but no data rows.'],
  ] as const) {
    test(file, async ({ page }) => {
      await openWithSample(page);
      await chooseFiles(page, [fixturePath(file)]);
      const c = card(page, file);
      await expect(c.getByRole('alert')).toContainText(`${file}: Row`);
      await expect(c.getByRole('alert')).toContainText(message);
      await expect(c.getByRole('button', { name: /^Import/ })).toBeDisabled();
    });
  }
});

test('a factory named with HTML shows as text and opens no dialog', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });
  await openWithSample(page);
  await chooseFiles(page, [fixturePath('xss-factory.csv')]);
  const c = card(page, 'xss-factory.csv');
  await expect(c.getByRole('table')).toContainText('<img src=x onerror=alert(1)>');
  await c.getByRole('button', { name: 'Import 1 row' }).click();
  await expect(c.getByRole('status')).toContainText('Imported 1 factories rows');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await page.getByRole('button', { name: 'Browse xss-factory.csv' }).click();
  const records = page.getByRole('region', { name: 'Records of xss-factory.csv' });
  await expect(records).toContainText('<img src=x onerror=alert(1)>');
  await expect(records).toContainText('<script>alert(2)</script>');
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('importing the same bytes again says so and counts nothing twice', async ({ page }) => {
  await openWithSample(page);
  const before = await tableCounts(page);
  await chooseFiles(page, [
    {
      name: 'copy-of-production.csv',
      mimeType: 'text/csv',
      buffer: await fetchSample(page, 'production.csv'),
    },
  ]);
  const c = card(page, 'copy-of-production.csv');
  await expect(c.getByRole('status')).toContainText('is already imported (as “production.csv”');
  await expect(c.getByRole('button', { name: /^Import/ })).toBeDisabled();
  expect(await tableCounts(page)).toEqual(before);
});

async function fetchSample(page: Page, name: string): Promise<Buffer> {
  const res = await page.request.get(`./data/${name}`);
  return Buffer.from(await res.body());
}

const BIG_ROWS = 300_000;

test('cancelling a file while it is read and staged leaves nothing behind', async ({ page }) => {
  await openWithSample(page);
  const before = await tableCounts(page);
  await chooseFiles(page, [
    { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(generateProduction(BIG_ROWS, 7)) },
  ]);
  const c = card(page, 'big.csv');
  await expect(c.getByRole('progressbar', { name: 'Reading' })).toBeVisible();
  await expect(c).toContainText(/Reading · [\d,]+ rows/);
  // One pass: while Loom reads the file it also stores it, invisibly.
  await expect.poll(async () => (await tableCounts(page)).chunks).toBeGreaterThan(before.chunks);
  await c.getByRole('button', { name: 'Cancel import' }).click();
  await expect(c.getByRole('status')).toContainText(
    'Import of big.csv cancelled; nothing was kept.',
  );
  await expect.poll(() => tableCounts(page)).toEqual(before);
});

test('a file read but not imported is removed when the user leaves or reloads', async ({
  page,
}) => {
  await openWithSample(page);
  const before = await tableCounts(page);
  const file = (seed: number) => ({
    name: `big-${seed}.csv`,
    mimeType: 'text/csv',
    buffer: Buffer.from(generateProduction(BIG_ROWS / 3, seed)),
  });
  await chooseFiles(page, [file(8)]);
  await expect(
    card(page, 'big-8.csv').getByRole('button', { name: /^Import [\d,]+ rows$/ }),
  ).toBeEnabled();
  // Read and staged: the rows are stored but not shown.
  expect((await tableCounts(page)).imports).toBe(before.imports + 1);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await expect.poll(() => tableCounts(page)).toEqual(before);

  // Reloading in the middle of a reading: start-up cleanup removes the staging import.
  await chooseFiles(page, [file(9)]);
  await expect(card(page, 'big-9.csv')).toContainText(/Reading · [\d,]+ rows/);
  await page.reload();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  await expect(page.getByRole('table').first().locator('tbody tr')).toHaveCount(3);
  await expect.poll(() => tableCounts(page)).toEqual(before);
});

test('deleting an import removes it and its rows', async ({ page }) => {
  await openWithSample(page);
  await page.getByRole('button', { name: 'Delete production.csv' }).click();
  await page.getByRole('button', { name: 'Confirm: delete production.csv' }).click();
  await expect(page.getByRole('table').first().locator('tbody tr')).toHaveCount(2);
  await expect(page.getByLabel('What is loaded')).toContainText('0 production rows');
  const counts = await tableCounts(page);
  expect(counts.chunks).toBe(0);
  expect(counts.rollups).toBe(0);
});
