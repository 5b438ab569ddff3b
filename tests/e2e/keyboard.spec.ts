// The keyboard alone: every step of a presenter's preparation, reached with Tab and worked
// with Enter, Space, arrows and typing. No clicks.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { openWithSample } from './helpers';

/** Presses Tab until `target` has the focus: it fails if Tab never reaches it. */
async function tabTo(page: Page, target: Locator, most = 160) {
  const handle = await target.elementHandle();
  for (let i = 0; i < most; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((el) => document.activeElement === el, handle)) return;
  }
  throw new Error(`Tab never reached ${target}`);
}

test('with the keyboard alone: filter a trend, open a factory, build a deck and present it', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming,zhenya');
  await expect(page.getByRole('img', { name: /^Defect rate/ })).toBeVisible();

  // A select: arrows change it.
  await tabTo(page, page.getByLabel('Interval'));
  await page.keyboard.press('ArrowDown');
  await expect(page).toHaveURL(/interval=quarter/);
  // A legend entry: Enter hides its series.
  const zhenya = page
    .getByRole('group', { name: 'Series: click to hide or show' })
    .getByRole('button', {
      name: 'Zhenya Silk Factory',
    });
  await tabTo(page, zhenya);
  await page.keyboard.press('Enter');
  await expect(zhenya).toHaveAttribute('aria-pressed', 'false');
  // The chart: arrows read its points out.
  await tabTo(page, page.getByRole('application').first());
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.tooltip')).toContainText('Guangming Silk Factory');

  // The network: a factory is reached by Tab, and Enter opens its panel.
  await page.goto('./#/network');
  await expect(page.locator('g.node').first()).toBeVisible();
  await tabTo(page, page.locator('g.node[data-id="guangming"]'));
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('complementary', { name: 'Factory: Guangming Silk Factory' }),
  ).toBeVisible();

  // Add to deck, typing in the dialog and confirming with Enter.
  await tabTo(page, page.getByRole('button', { name: 'Add to deck' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add this view to a deck' });
  await expect(dialog).toBeVisible();
  await tabTo(page, dialog.getByLabel('Slide title'));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Guangming learned from Zhenya');
  await tabTo(page, dialog.getByRole('button', { name: 'Add slide' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Added to' })).toBeVisible();

  // Present it from the deck page, and leave with Esc.
  await tabTo(
    page,
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Present' }),
  );
  await page.keyboard.press('Enter');
  const present = page.getByRole('region', { name: 'Deck: My deck' }).getByRole('button', {
    name: 'Present',
  });
  await expect(present).toBeVisible();
  await tabTo(page, present);
  await page.keyboard.press('Enter');
  const bar = page.getByRole('contentinfo', { name: 'Presentation' });
  await expect(bar).toContainText('Slide 1 of 1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guangming learned from Zhenya');
  await expect(
    page.getByRole('complementary', { name: 'Factory: Guangming Silk Factory' }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
});
