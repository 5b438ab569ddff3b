import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { openWithSample, textFile } from './helpers';

const bar = (page: Page) => page.getByRole('contentinfo', { name: 'Presentation' });
const isFullscreen = (page: Page) => page.evaluate(() => document.fullscreenElement !== null);

/** Saves the current view as a slide through "Add to deck". */
async function addToDeck(page: Page, title: string, notes: string, deck = 'Quality meeting') {
  await page.getByRole('button', { name: 'Add to deck' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add this view to a deck' });
  await expect(dialog).toBeVisible(); // open, with this browser's decks listed
  const choice = dialog.getByRole('combobox', { name: 'Deck' });
  const options = await choice.locator('option').allTextContents();
  const existing = options.find((o) => o.startsWith(`${deck} (`));
  if (existing) await choice.selectOption({ label: existing });
  else {
    await choice.selectOption({ label: 'New deck…' });
    await dialog.getByLabel("New deck's name").fill(deck);
  }
  await dialog.getByLabel('Slide title').fill(title);
  await dialog.getByLabel('Speaker notes').fill(notes);
  await dialog.getByRole('button', { name: 'Add slide' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added to “${deck}”` })).toBeVisible();
}

/** A deck of three live views: Guangming's trend, the network, the impact table. */
async function threeSlides(page: Page) {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming&interval=quarter');
  await expect(page.getByRole('img', { name: /^Defect rate, Guangming/ })).toBeVisible();
  await addToDeck(page, 'Guangming halved its defects', 'From 11.7% to 5.9% in a year.');
  await page.goto('./#/network');
  await expect(page.locator('g.node').first()).toBeVisible();
  await addToDeck(page, 'Who learned from whom', 'Zhenya taught first.');
  await page.goto('./#/impact');
  await expect(page.getByRole('heading', { name: 'Impact' })).toBeVisible();
  await addToDeck(page, 'Did it work?', 'Three factories fell.');
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Present' })
    .click();
  const deck = page.getByRole('region', { name: 'Deck: Quality meeting' });
  await expect(deck.getByRole('listitem')).toHaveCount(3);
  return deck;
}

test('a deck of three slides, presented and navigated with the keys', async ({ page }) => {
  const deck = await threeSlides(page);
  await deck.getByRole('button', { name: 'Present' }).click();

  await expect(bar(page)).toContainText('Slide 1 of 3');
  await expect.poll(() => isFullscreen(page)).toBe(true);
  // The slide's title is its headline; the address is the slide's, with the view's state.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Guangming halved its defects');
  await expect(page).toHaveURL(/#\/present\/\d+\/1\?factories=guangming&interval=quarter$/);
  // A slide is the live view: the chart is there, and the main navigation is not.
  await expect(page.getByRole('img', { name: /^Defect rate, Guangming/ })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);

  await page.keyboard.press('ArrowRight');
  await expect(bar(page)).toContainText('Slide 2 of 3');
  await expect(page).toHaveURL(/#\/present\/\d+\/2$/);
  await expect(page.locator('g.node').first()).toBeVisible();
  // The graph fits the screen above the slide bar: nothing to scroll for during a talk.
  const graphBottom = await page
    .locator('.network.chart')
    .evaluate((e) => e.getBoundingClientRect().bottom);
  const barTop = await bar(page).evaluate((e) => e.getBoundingClientRect().top);
  expect(graphBottom).toBeLessThanOrEqual(barTop);
  await page.keyboard.press(' ');
  await expect(bar(page)).toContainText('Slide 3 of 3');
  await expect(page).toHaveURL(/#\/present\/\d+\/3$/);
  await page.keyboard.press('ArrowRight'); // the end: stays
  await expect(bar(page)).toContainText('Slide 3 of 3');
  await page.keyboard.press('Home');
  await expect(bar(page)).toContainText('Slide 1 of 3');
  await page.keyboard.press('End');
  await expect(bar(page)).toContainText('Slide 3 of 3');
  await page.keyboard.press('PageUp');
  await expect(bar(page)).toContainText('Slide 2 of 3');
  await page.keyboard.press('ArrowLeft');
  await expect(bar(page)).toContainText('Slide 1 of 3');
  await page.keyboard.press('PageDown');
  await expect(bar(page)).toContainText('Slide 2 of 3');

  await page.keyboard.press('Escape');
  await expect(bar(page)).toHaveCount(0);
  await expect(page).toHaveURL(/#\/present$/);
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
  expect(await isFullscreen(page)).toBe(false);

  // Leaving full screen some other way (the browser's own key) ends the presentation too.
  await deck.getByRole('button', { name: 'Present' }).click();
  await expect(bar(page)).toContainText('Slide 1 of 3');
  await expect.poll(() => isFullscreen(page)).toBe(true);
  await page.evaluate(() => document.exitFullscreen());
  await expect(bar(page)).toHaveCount(0);
  await expect(page).toHaveURL(/#\/present$/);
});

test('each slide has a URL of its own, and notes follow in a second window', async ({ page }) => {
  await threeSlides(page);
  const id = await page.evaluate(async () => {
    const open = indexedDB.open('loom');
    const db: IDBDatabase = await new Promise((ok) => (open.onsuccess = () => ok(open.result)));
    const decks: { id: number; name: string }[] = await new Promise((ok) => {
      const r = db.transaction('decks').objectStore('decks').getAll();
      r.onsuccess = () => ok(r.result);
    });
    db.close();
    return decks.find((d) => d.name === 'Quality meeting')!.id;
  });
  await page.goto(`./#/present/${id}/2`);
  await expect(bar(page)).toContainText('Slide 2 of 3');
  await expect(page).toHaveURL(new RegExp(`#/present/${id}/2$`));

  const [notes] = await Promise.all([
    page.waitForEvent('popup'),
    bar(page).getByRole('button', { name: 'Notes' }).click(),
  ]);
  const speaker = notes.getByRole('region', { name: 'Speaker notes' });
  await expect(speaker).toContainText('slide 2 of 3');
  await expect(speaker).toContainText('Zhenya taught first.');
  await expect(speaker).toContainText('Next: Did it work?');
  await page.keyboard.press('ArrowRight');
  await expect(speaker).toContainText('Three factories fell.');
  // The notes window can move the slides too.
  await speaker.getByRole('button', { name: '← Previous' }).click();
  await expect(bar(page)).toContainText('Slide 2 of 3');

  await page.goto(`./#/present/${id}/7`);
  await expect(page.getByRole('alert')).toContainText('has no slide 7: it has 3');
});

test('decks export to a JSON file and import back', async ({ page }) => {
  const deck = await threeSlides(page);
  await deck.getByLabel('Deck name').fill('Suzhou, August 1956');
  await deck.getByLabel('Deck name').press('Tab');
  const renamed = page.getByRole('region', { name: 'Deck: Suzhou, August 1956' });
  await renamed.getByRole('button', { name: 'Move slide 3 up' }).click();
  await expect(renamed.getByLabel('Title').nth(1)).toHaveValue('Did it work?');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export decks' }).click(),
  ]);
  const file = await download.path();
  const json = JSON.parse(readFileSync(file, 'utf8'));
  const mine = json.decks.find((d: { name: string }) => d.name === 'Suzhou, August 1956');
  expect(mine.slides.map((s: { title: string }) => s.title)).toEqual([
    'Guangming halved its defects',
    'Did it work?',
    'Who learned from whom',
  ]);

  await renamed.getByRole('button', { name: 'Delete deck' }).click();
  await renamed.getByRole('button', { name: 'Delete “Suzhou, August 1956”' }).click();
  await expect(renamed).toHaveCount(0);

  // The file holds the shipped decks too: those are here already, and are not added twice.
  await page.getByLabel('Import decks').setInputFiles(file);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^Imported 1 deck from .*\. 2 were already here\.$/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Deck: Suzhou 1956: how experience spread' }),
  ).toHaveCount(1);
  const back = page.getByRole('region', { name: 'Deck: Suzhou, August 1956' });
  await expect(back.getByRole('listitem')).toHaveCount(3);
  await expect(back.getByLabel('Notes').first()).toHaveValue('From 11.7% to 5.9% in a year.');

  await page.getByLabel('Import decks').setInputFiles(textFile('notes.json', '{"slides": []}'));
  await expect(page.getByRole('alert')).toContainText('notes.json is not a Loom deck file');
});

test('Copy link gives a URL that shows the same view in a fresh browser', async ({
  page,
  browser,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming,zhenya&interval=quarter&by=factory');
  const chart = page.getByRole('img', { name: /^Defect rate/ }).first();
  await expect(chart).toBeVisible();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(page.url());
  const label = await chart.getAttribute('aria-label');
  const marks = await page.locator('svg g.series circle.point').count();
  expect(marks).toBeGreaterThan(0);

  const other = await (await browser.newContext()).newPage();
  await openWithSample(other);
  await other.goto(link);
  await expect(other.getByRole('img', { name: /^Defect rate/ }).first()).toHaveAttribute(
    'aria-label',
    label!,
  );
  await expect(other.locator('svg g.series circle.point')).toHaveCount(marks);
});
