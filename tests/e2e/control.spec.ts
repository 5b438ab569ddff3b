import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { openWithSample } from './helpers';

const chartRegion = (page: Page) =>
  page.getByRole('region', { name: /^(p-chart|Laney p′ chart|u chart|Laney u′ chart): / });

test('the summary lists every factory × product; sorting and a click open a chart', async ({
  page,
}) => {
  await openWithSample(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Control' })
    .click();
  const table = page.getByRole('region', { name: 'Summary of control charts' }).getByRole('table');
  const rows = table.locator('tbody tr');
  await expect.poll(() => rows.count()).toBeGreaterThan(15);
  // Concerning rows first by default; sort by latest rate, lowest first.
  await table.getByRole('button', { name: 'Latest' }).click();
  await expect(table.getByRole('columnheader', { name: 'Latest' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  await table.getByRole('button', { name: 'Latest' }).click();
  await expect(table.getByRole('columnheader', { name: 'Latest' })).toHaveAttribute(
    'aria-sort',
    'ascending',
  );
  await expect(page).toHaveURL(/sort=latest/);
  const rates = (await rows.locator('td:nth-child(3)').allTextContents()).map((x) => parseFloat(x));
  expect(rates).toEqual([...rates].sort((a, b) => a - b));
  // Every row has a variation icon, named.
  await expect(
    rows.first().getByRole('img', {
      name: /^(common-cause variation|special cause: (improving|concerning))$/,
    }),
  ).toBeVisible();
  await page
    .getByRole('link', { name: 'Open the control chart of Dongwu Silk Factory, crepe satin' })
    .click();
  await expect(page).toHaveURL(/factory=dongwu&product=crepe\+satin/);
  await expect(chartRegion(page)).toBeVisible();
});

test("Dongwu's months: binomial month to month, so the flags are a shift, named as such; split at its adoptions they halve", async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/control?factory=dongwu&product=crepe+satin');
  const region = chartRegion(page);
  await expect(region.getByTestId('control-reason')).toHaveText(
    /^Variation 1\.\d× what a binomial predicts, within chance for 36 points: p chart\.$/,
  );
  await expect(region.getByRole('note')).toContainText(
    /spread 4\.\d× what a binomial predicts, but from one month to the next only 1\.\d×/,
  );
  const signals = region.locator('ul.signals li');
  const before = await signals.count();
  expect(before).toBeGreaterThan(20);
  await expect(signals.first()).toContainText('7 or more in a row on one side of the centre');
  await region
    .page()
    .getByRole('button', { name: 'Split at each adoption of this factory' })
    .click();
  await expect(page).toHaveURL(/stage=1956-04-01/);
  await expect(region.getByTestId('control-centres')).toHaveText(
    // Dongwu adopted twice: in April and in October 1956.
    /^The centre line went from \d+\.\d% \(1955-01 to 1956-03\) to \d+\.\d% \(1956-04 to 1956-09\) to \d+\.\d% \(1956-10 to 1957-12\)\.$/,
  );
  // What is left is real: the run below the centre before adoption and the fall between the two
  // adoptions. After the second adoption, nothing: the new level is stable.
  await expect.poll(() => signals.count()).toBeLessThan(before / 2);
  await expect(signals.filter({ hasText: /^1957-/ })).toHaveCount(0);
  // By quarter the binomial limits are far too tight: Laney p′, and it says why.
  await page.getByLabel('Interval').selectOption('quarter');
  await expect(region.getByTestId('control-reason')).toHaveText(/: Laney p′\.$/);
  await expect(page.getByRole('heading', { name: /^Laney p′ chart: Dongwu/ })).toBeVisible();
  // Fewer than 12 quarters in each stage: the chart warns that its limits are unreliable.
  await expect(region.getByRole('note').filter({ hasText: 'can be trusted' })).toHaveCount(3);
});

test("a shift after Guangming's adoption is named as a shift, with the improving icon and tooltip", async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/control?factory=guangming&product=crepe+satin');
  const region = chartRegion(page);
  const late = region.locator('ul.signals li').filter({ hasText: '1957-06' });
  await expect(late).toContainText('7 or more in a row on one side of the centre');
  await expect(late.getByRole('img', { name: 'special cause: improving' })).toBeVisible();
  await expect(region.locator('circle[data-period="1957-06"] title')).toHaveText(
    /^1957-06: \d+\.\d% \(\d[\d,]* of \d[\d,]*\); limits \d+\.\d% to \d+\.\d%; .*7 or more in a row/,
  );
  // The lines are labelled at the right edge.
  await expect(region.locator('g.edge text')).toHaveText([/^UCL \d/, /^CL \d/, /^LCL \d/]);
});

test('a note added to a point survives a reload and an SVG export, as text', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/control?factory=zhenya&product=crepe+satin');
  const region = chartRegion(page);
  await region.getByLabel('Period').selectOption('1956-08');
  await region.getByLabel('Note').fill('new loom tension gauges <b>&</b>');
  await region.getByRole('button', { name: 'Add note' }).click();
  await expect(page).toHaveURL(/note=1956-08/);
  await page.reload();
  const note = chartRegion(page).locator('g.note text');
  await expect(note).toHaveText('new loom tension gauges <b>&</b>');
  const wait = page.waitForEvent('download');
  await chartRegion(page)
    .getByRole('group', { name: /^Export / })
    .getByRole('button', { name: 'SVG' })
    .click();
  const svg = await readFile((await (await wait).path())!, 'utf8');
  expect(svg).toContain('new loom tension gauges &lt;b&gt;&amp;&lt;/b&gt;');
  expect(svg).not.toContain('<b>');
  await chartRegion(page).getByRole('button', { name: 'Remove the note on 1956-08' }).click();
  await expect(chartRegion(page).locator('g.note')).toHaveCount(0);
});

test('a u chart of one defect type per 1,000 pieces, chosen from the types in Pareto order', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/control?factory=guangming&product=crepe+satin');
  // The defect types come from their own rollups, which load after the chart's.
  const options = page.getByLabel('Defect type').locator('option');
  await expect.poll(() => options.count()).toBeGreaterThan(1);
  const types = await options.allTextContents();
  expect(types[0]).toBe('all defective pieces (p chart)');
  // Named in the reader's language (the sample gives each type in English too); the link keeps
  // the type as the records hold it.
  expect(types[1]).toBe('broken warp');
  const raw = (await options.nth(1).getAttribute('value'))!;
  expect(raw).toBe('断经');
  await page.getByLabel('Defect type').selectOption(types[1]);
  await expect(page).toHaveURL(new RegExp(`defect=${encodeURIComponent(raw)}`));
  await expect(
    page.getByRole('heading', {
      name: new RegExp(
        `^(u chart|Laney u′ chart): ${types[1]} per 1,000 pieces, Guangming Silk Factory`,
      ),
    }),
  ).toBeVisible();
  const region = chartRegion(page);
  await expect(region.getByTestId('control-reason')).toContainText('what a Poisson count predicts');
  await expect(region.locator('text.title')).toHaveText('↑ Defects per 1,000 pieces');
  await expect(region.locator('g.edge text').nth(1)).toHaveText(
    /^CL per 1,000 \d+\.\d\d$|^CL \d+\.\d\d per 1,000$/,
  );
});

test('a funnel plot compares factories fairly: one product over a span, outliers named', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/control');
  const region = page.getByRole('region', { name: 'Funnel plot' });
  await region.getByLabel('Product').selectOption('crepe satin');
  await region.getByLabel('From').fill('1957-01');
  await region.getByLabel('From').dispatchEvent('change');
  await expect(page).toHaveURL(/fproduct=crepe\+satin/);
  await expect(page).toHaveURL(/from=1957-01/);
  await expect(
    region.getByRole('heading', { name: 'Compare factories fairly: crepe satin, 1957-01 to …' }),
  ).toBeVisible();
  await expect(
    region.getByRole('img', {
      name: /^Funnel plot of crepe satin: \d+ factories around a pooled rate of \d+\.\d%; \d+ outside the 99\.8% limits$/,
    }),
  ).toBeVisible();
  await expect(region.getByTestId('funnel-outliers')).toHaveText(
    /^(No factory is outside the 99\.8% limits\.|Outside the 99\.8% limits: .+\.)$/,
  );
  await expect(region).toContainText(/φ = \d+\.\d/);
  expect(await region.locator('circle.dot').count()).toBeGreaterThan(3);
});

test('limits frozen from a span the user picks: shaded, said, in the URL, and kept on reload', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/control?factory=guangming&product=crepe+satin');
  const region = chartRegion(page);
  await expect(region.locator('g.baseline')).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Baseline', exact: true }).selectOption('a span');
  await page.getByRole('combobox', { name: 'Baseline from' }).selectOption('1955-03');
  await page.getByRole('combobox', { name: 'to', exact: true }).selectOption('1955-12');
  await expect(page).toHaveURL(/bfrom=1955-03&bto=1955-12/);
  await page.reload();
  const frozen = chartRegion(page);
  await expect(frozen.getByText('Limits frozen from 10 points (1955-03 to 1955-12)')).toBeVisible();
  await expect(frozen.locator('g.baseline text')).toHaveText('baseline');
  // Ten points are too few for limits to be trusted, and the chart says so.
  await expect(frozen.getByRole('note').filter({ hasText: 'from only 10 points' })).toBeVisible();
  // Guangming's later months sit far below the 1955 level: judged against it, they are beyond.
  await expect(
    frozen
      .locator('ul.signals li')
      .filter({ hasText: /1957-\d\d: .*beyond the 3σ limits/ })
      .first(),
  ).toBeVisible();
  // At quarters the span is the quarters that hold its months.
  await page.getByLabel('Interval').selectOption('quarter');
  await expect(page.getByRole('combobox', { name: 'Baseline from' })).toHaveValue('1955-Q1');
  await expect(page.getByRole('combobox', { name: 'to', exact: true })).toHaveValue('1955-Q4');
  await page
    .getByRole('combobox', { name: 'Baseline', exact: true })
    .selectOption('none: limits from every point');
  await expect(page).not.toHaveURL(/bfrom/);
  await expect(chartRegion(page).locator('g.baseline')).toHaveCount(0);
});
