import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

test('#/impact shows a before/after table with Guangming, and an event study chart', async ({
  page,
}) => {
  await openWithSample(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Impact' })
    .click();
  const table = page.getByRole('region', { name: 'Before and after' }).getByRole('table');
  const row = table.getByRole('row', { name: /Guangming Silk Factory/ });
  await expect(row).toContainText('1956-06');
  // The sample's Guangming fell from about 12% to about 6% after adopting daily inspection.
  await expect(row.getByRole('cell').nth(2)).toHaveText(/^1[01]\.\d%$/);
  await expect(row.getByRole('cell').nth(3)).toHaveText(/^[56]\.\d%$/);
  await expect(row.getByRole('cell').last()).toHaveText('fell');
  await expect(
    page.getByRole('img', { name: /^Event study of any experience, 13 factories/ }),
  ).toBeVisible();
  // k in the URL: fewer periods each side, fewer ticks.
  await page.getByLabel('Periods each side').fill('3');
  await page.getByLabel('Periods each side').press('Enter');
  await expect(page).toHaveURL(/k=3/);
  await expect(page.locator('svg text.n')).toHaveCount(7);
});

test('with fewer than 3 factories it says so and draws no verdict', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/impact?experience=Warp+tension+control');
  await expect(page.getByRole('note')).toContainText('Too little data for a claim');
  const row = page.getByRole('row', { name: /Zhenya Silk Factory/ });
  await expect(row.getByRole('cell').last()).toHaveText(
    'no verdict: fewer than 3 factories in the study',
  );
});
