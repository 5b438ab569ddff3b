import { expect, test, type Page } from '@playwright/test';
import { card, chooseFiles, openWithSample, sampleFiles } from './helpers';
import { impactPanel } from '../fixtures/impactPanel';

/** Deletes the sample data sets on the Data page, as a person clearing the way for their own files. */
async function deleteSample(page: Page) {
  await openWithSample(page);
  for (const file of sampleFiles) {
    const name = file.split('/').pop()!;
    await page.getByRole('button', { name: `Delete ${name}` }).click();
    await page.getByRole('button', { name: `Confirm: delete ${name}` }).click();
  }
  await expect(page.getByRole('table')).toHaveCount(0);
}

/** Imports a seeded panel through the file input and opens the Impact page. */
async function importPanel(page: Page, panel: ReturnType<typeof impactPanel>, adopters = 12) {
  await deleteSample(page);
  const file = (name: string, text: string) => ({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  await chooseFiles(page, [
    file('mills.csv', panel.factories),
    file('inspections.csv', panel.production),
    file('exchanges.csv', panel.exchanges),
  ]);
  await page.getByRole('button', { name: 'Import all 3 files' }).click();
  for (const f of ['mills.csv', 'inspections.csv', 'exchanges.csv'])
    await expect(card(page, f).getByRole('status')).toContainText(`from ${f}`);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Impact' })
    .click();
  const table = page.getByRole('region', { name: 'By factory' }).getByRole('table');
  await expect(table.locator('tbody tr')).toHaveCount(adopters);
  return table;
}

const verdicts = async (table: ReturnType<Page['getByRole']>) =>
  table.locator('tbody tr td:last-child').allTextContents();

test('a common trend with no effect: at most 2 of 12 adopters "fell", and the average is no effect', async ({
  page,
}) => {
  const table = await importPanel(page, impactPanel({ seed: 12 }));
  const v = await verdicts(table);
  expect(v.filter((x) => x === 'fell').length).toBeLessThanOrEqual(2);
  // Every adopter has a verdict: enough comparison factories and periods on each side.
  expect(v.every((x) => ['fell', 'rose', 'no clear change'].includes(x))).toBe(true);
  const summary = page.getByTestId('impact-summary');
  await expect(summary).toContainText('1956-01: 4, 1956-07: 4, 1957-01: 4');
  await expect(summary).toContainText('4 factories never adopt');
  await expect(page.getByTestId('impact-overall')).toContainText(/: no clear change\.$/);
  await expect(summary).toContainText(/adopters and comparison factories moved together \(p = /);
  // The group aggregation, one row per adoption month and the weighted mean, in points.
  await page.getByText('Average effect by month of adoption').click();
  const groups = summary.getByRole('table');
  await expect(groups.locator('tbody tr')).toHaveCount(4);
  await expect(groups.locator('tbody tr').first()).toContainText(/^1956-014[−+]?\d\.\d/);
  await expect(groups.locator('tbody tr').last()).toContainText('all, weighted by size12');
});

test('a true effect of −3 points: at least 9 of 12 adopters "fell", about −3 on average', async ({
  page,
}) => {
  const table = await importPanel(page, impactPanel({ seed: 12, effect: -3 }));
  const v = await verdicts(table);
  expect(v.filter((x) => x === 'fell').length).toBeGreaterThanOrEqual(9);
  const overall = page.getByTestId('impact-overall');
  await expect(overall).toContainText(/changed by −(2\.\d|3\.[0-4]) points/);
  await expect(overall).toContainText(/: fell\.$/);
  // The view is a link: the comparison and band live in the URL.
  await page.getByLabel('Compare with').selectOption('never');
  await expect(page).toHaveURL(/control=never/);
  await page.getByLabel('Band').selectOption('simultaneous');
  await expect(page).toHaveURL(/band=simultaneous/);
  await expect(page.getByText(/multiplier bootstrap of 999 seeded draws/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Compare with')).toHaveValue('never');
  await expect(page.getByTestId('impact-summary')).toContainText('factories that never adopt');
});

test('the sample: Guangming fell against the comparison, and the charts and table say how', async ({
  page,
}) => {
  await openWithSample(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Impact' })
    .click();
  await expect(
    page.getByRole('img', { name: /^Mean defect rate of 13 adopters and of their comparison/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^Effect of adoption on the defect rate/ }),
  ).toBeVisible();
  const row = page
    .getByRole('region', { name: 'By factory' })
    .getByRole('row', { name: /Guangming Silk Factory/ });
  await expect(row).toContainText('1956-06');
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^1[01]\.\d%$/);
  await expect(row.getByRole('cell').last()).toHaveText('fell');
  // Only 2 factories never adopt: "never" is not offered, and the page says why.
  await expect(page.getByRole('option', { name: /never adopt \(fewer than 3\)/ })).toBeDisabled();
  // The window in the URL: fewer periods each side, fewer event times.
  await page.getByLabel('Periods each side').fill('3');
  await page.getByLabel('Periods each side').press('Enter');
  await expect(page).toHaveURL(/k=3/);
  await expect(page.locator('[data-series="effect"]')).toBeVisible();
});

test('when every factory adopts at once it falls back to each factory’s own trend, and says why', async ({
  page,
}) => {
  // Every one of the 16 mills adopts on the same day: nobody is left to compare with.
  const panel = impactPanel({ seed: 12, effect: -3, everyone: '1956-07-10' });
  const table = await importPanel(page, panel, 16);
  await expect(page.getByRole('note')).toContainText(
    'No factory is left that had not adopted, so nothing to compare with',
  );
  await expect(table.getByRole('columnheader', { name: 'Rate ratio' })).toBeVisible();
  // A true −3 points from about 8%: each mill's own trend says its rate fell.
  const v = await verdicts(table);
  expect(v.filter((x) => x === 'fell').length).toBeGreaterThanOrEqual(14);
  await expect(page.locator('path.counterfactual')).toBeVisible();
  await expect(page.getByTestId('impact-overall')).toContainText(/^Mill 1: after adoption/);
});

test('each factory’s own trend on the sample, by choice, with its seasonal terms in the URL', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/impact?method=its&factory=guangming');
  await expect(page.getByText(/^Interrupted time series/)).toBeVisible();
  await expect(page.getByTestId('impact-overall')).toContainText(
    /^Guangming Silk Factory: after adoption the defect rate was 0\.\d\d× what its own trend predicts/,
  );
  await expect(
    page.getByRole('img', { name: /^Defect rate of Guangming Silk Factory/ }),
  ).toBeVisible();
  await expect(page.locator('path.counterfactual')).toBeVisible();
  await page.getByLabel('Season terms').selectOption('2');
  await expect(page).toHaveURL(/season=2/);
  await expect(page.getByText(/and 2 pair\(s\) of seasonal terms/)).toBeVisible();
});

test('names the small number when one factory adopted, instead of blaming the periods', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/impact?experience=Warp+tension+control');
  const note = page.getByRole('note');
  await expect(note).toContainText('supports no claim');
  await expect(note).toContainText(
    /only 1 adopting factory has data; an average over adopters needs at least 2/,
  );
});
