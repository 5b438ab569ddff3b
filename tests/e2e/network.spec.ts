import { expect, test, type Page } from '@playwright/test';
import { openWithSample } from './helpers';

const KEY_DEFECT = 'Find the key defect, promote the advanced method';

async function openNetwork(page: Page, query = '') {
  await openWithSample(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Network' })
    .click();
  if (query) await page.goto(`./#/network?${query}`);
  await expect(page.getByRole('img', { name: /^Network of/ })).toBeVisible();
  await expect(page.locator('g.node').first()).toBeVisible(); // laid out
}

const node = (page: Page, name: string) => page.locator('g.node', { hasText: name });

test('the network shows the three silk factories and who learned from Zhenya', async ({ page }) => {
  await openNetwork(page);
  for (const name of ['Zhenya Silk Factory', 'Dongwu Silk Factory', 'Guangming Silk Factory'])
    await expect(node(page, name)).toBeVisible();
  const edges = await page.locator('path.edge > title').allTextContents();
  expect(edges.some((t) => t.startsWith('Zhenya Silk Factory → Dongwu Silk Factory'))).toBe(true);
  expect(edges.some((t) => t.startsWith('Zhenya Silk Factory → Guangming Silk Factory'))).toBe(
    true,
  );
  await expect(page.getByRole('img', { name: /^Network of/ })).toHaveAttribute(
    'aria-label',
    /17 links between 15 factories; 13 of 13 adopters so far/,
  );
});

test('playback runs to the end and the adoption curve reaches the final count', async ({
  page,
}) => {
  await openNetwork(page);
  const status = page.getByText(/^Adopted:/);
  await expect(status).toContainText('13 of 13');
  await page.getByLabel('Speed').selectOption('4');
  await page.getByRole('button', { name: 'Play' }).click();
  // It starts over from the first exchange: fewer adopters, an earlier date.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Playback' }).locator('output')).toHaveText(
    /^1956-/,
  );
  await expect(status).not.toContainText('13 of 13');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await expect(status).toContainText('13 of 13');
  await expect(page.getByRole('group', { name: 'Playback' }).locator('output')).toHaveText(
    '1957-04-01',
  );
});

test('the playback position is in the URL: edges appear at their date', async ({ page }) => {
  await openNetwork(page, 'at=1956-06-01');
  await expect(page.getByText(/^Adopted:/)).toContainText('2 of 13');
  const edges = await page.locator('path.edge > title').allTextContents();
  // By June 1956 only Zhenya had taught: Dongwu in March, Guangming in May.
  expect(edges).toHaveLength(2);
  await expect(node(page, 'Xinsu Silk Factory').locator('circle')).toHaveAttribute(
    'fill',
    '#ffffff',
  );
});

test('clicking Guangming opens its panel, and Open in Trends shows its adoption marker', async ({
  page,
}) => {
  await openNetwork(page);
  await node(page, 'Guangming Silk Factory').locator('circle').click();
  const panel = page.getByRole('complementary', { name: 'Factory: Guangming Silk Factory' });
  await expect(panel).toContainText('光明丝织厂');
  await expect(panel).toContainText('Daily workshop inspection by the director and office staff');
  await expect(panel).toContainText('Taught (4)');
  await expect(panel.getByRole('img', { name: /^Defect rate of Guangming/ })).toBeVisible();
  await expect(page).toHaveURL(/factory=guangming/);
  await panel.getByRole('link', { name: 'Open in Trends' }).click();
  await expect(page).toHaveURL(/#\/trends\?factories=guangming$/);
  await expect(
    page.getByRole('img', { name: /^Defect rate, Guangming Silk Factory/ }),
  ).toBeVisible();
  await expect(page.locator('.marker text').first()).toContainText('Daily workshop inspection');
});

test('hovering a node dims all but its neighbourhood; filters live in the URL', async ({
  page,
}) => {
  await openNetwork(page);
  await node(page, 'Huaxin Dyeing Works').locator('circle').hover();
  await expect(node(page, 'Lixin Printing and Dyeing Works')).not.toHaveClass(/dim/);
  await expect(node(page, 'Zhenya Silk Factory')).toHaveClass(/dim/);
  await page.getByLabel('Topic').selectOption('quality');
  await expect(page).toHaveURL(/topic=quality/);
  await expect(page.getByRole('img', { name: /^Network of/ })).toHaveAttribute(
    'aria-label',
    /^Network of 7 links between 8 factories/,
  );
  await expect(node(page, 'Xinhua Machine Works')).toHaveCount(0);
});

test('a dragged node stays pinned after a reload, until Re-layout', async ({ page }) => {
  await openNetwork(page);
  const target = node(page, 'Xinhua Machine Works');
  const before = await target.getAttribute('transform');
  const box = (await target.locator('circle').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2 + 30, { steps: 5 });
  await page.mouse.up();
  await expect(target).not.toHaveAttribute('transform', before!);
  const pinned = await target.getAttribute('transform');
  await expect(page.getByRole('button', { name: 'Re-layout' })).toBeEnabled();
  await page.reload();
  await expect(target).toHaveAttribute('transform', pinned!);
  await page.getByRole('button', { name: 'Re-layout' }).click();
  await expect(target).toHaveAttribute('transform', before!);
});

test('the diffusion tree draws one experience generation by generation', async ({ page }) => {
  await openNetwork(page);
  await page.getByLabel('Experience').selectOption(KEY_DEFECT);
  await page.getByLabel('diffusion tree').check();
  await expect(page.getByRole('img', { name: /^Diffusion tree/ })).toHaveAttribute(
    'aria-label',
    `Diffusion tree of “${KEY_DEFECT}”: 7 adopters over 2 generations from Guangming Silk Factory`,
  );
  // The metrics table sorts when its header is clicked.
  const table = page.getByRole('region', { name: 'Factory metrics' }).getByRole('table').first();
  await table.getByRole('button', { name: /^Factory/ }).click();
  await expect(table.locator('tbody tr').first()).toContainText('Dongwu Silk Factory');
  await table.getByRole('button', { name: /^Factory/ }).click();
  await expect(table.locator('tbody tr').first()).toContainText('Yongxing Silk Factory');
});
