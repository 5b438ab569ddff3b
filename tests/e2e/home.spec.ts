import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

test('the front door tells the story: the first factories to exchange experience, who learned from whom, and whether it worked', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/');
  await expect(page.getByRole('heading', { level: 1, name: 'Overview' })).toBeVisible();
  const trends = page.getByRole('region', {
    name: 'Defect rates of the first factories to exchange experience',
  });
  await expect(trends.getByRole('img', { name: /^Defect rate, / })).toBeVisible();
  // Zhenya taught Dongwu first, then Guangming: the three silk factories of the report.
  await expect(trends.locator('.legend')).toHaveText(
    /Dongwu Silk Factory\s*Guangming Silk Factory\s*Zhenya Silk Factory/,
  );
  await expect(trends.locator('g.marker')).not.toHaveCount(0);
  const network = page.getByRole('region', { name: 'Who learned from whom' });
  await expect(network.locator('g.node')).toHaveCount(15);
  await expect(page.getByTestId('home-impact')).toContainText(/13 adopters .*: fell\.$/);
  // The decks that ship with the sample can be presented from here.
  await expect(
    page.getByRole('link', { name: 'Suzhou 1956: how experience spread' }),
  ).toBeVisible();

  await trends.getByRole('link', { name: 'Open in Trends →' }).click();
  await expect(page).toHaveURL(/#\/trends\?factories=zhenya,dongwu,guangming$/);
  await expect(page.getByRole('img', { name: /^Defect rate, / })).toBeVisible();
});

test('in Trends, more series than colours: the story in colour, the rest grey, and a click picks one out', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/trends');
  await expect(page.getByTestId('highlight-note')).toContainText(
    'In colour: Zhenya Silk Factory, Dongwu Silk Factory, Guangming Silk Factory, the first factories to exchange experience; in grey, the other 12.',
  );
  // No two series share a colour: the coloured ones are distinct, the rest are one grey.
  const colours = await page
    .locator('main .chart g.series')
    .evaluateAll((gs) => gs.map((g) => getComputedStyle(g).getPropertyValue('--c').trim()));
  expect(colours).toHaveLength(15);
  const coloured = colours.filter((c) => c.toLowerCase() !== '#b4bcc4');
  expect(coloured).toHaveLength(3);
  expect(new Set(coloured).size).toBe(3);
  // The band box says why no band is drawn.
  await expect(page.getByText('(not drawn over more than 12 lines')).toBeVisible();

  // Keyboard: focus the chart, move to a grey series, Enter picks it out into the link.
  await page.getByRole('application').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/hl=/);
  await expect(page.getByTestId('highlight-note')).toContainText('Click a line to pick it out');
  await page.getByRole('button', { name: 'Back to the story' }).click();
  await expect(page).not.toHaveURL(/hl=/);
});

test('a link naming a product and a factory this browser lacks says which, and how to get them', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming,meixin&products=velvet');
  const note = page.getByTestId('unknown-in-link');
  await expect(note).toContainText(
    'This link names data this browser does not have: 1 factory (“meixin”); 1 product (“velvet”).',
  );
  await expect(note.getByRole('link', { name: 'import the file that holds them' })).toBeVisible();
  // The pickers count only what a box shows.
  await expect(page.getByText('Products (0 of 8)')).toBeVisible();
  await expect(page.getByText('Factories (1 of 15)')).toBeVisible();
  await page.goto('./#/network?experience=Night%20school');
  await expect(page.getByTestId('unknown-in-link')).toContainText('1 experience (“Night school”)');
});
