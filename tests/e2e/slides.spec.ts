import { expect, test, type Page } from '@playwright/test';
import { exportAs, openWithSample } from './helpers';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';

test.use({ viewport: { width: 1280, height: 720 } });

const bar = (page: Page) => page.getByRole('contentinfo', { name: 'Presentation' });

/** What a presenter would see wrong on a slide: controls, exports, hints, small text, scrolling. */
async function slideProblems(page: Page) {
  return page.evaluate(() => {
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    const shown = (sel: string) => [...document.querySelectorAll(sel)].filter(visible);
    const small = shown('.chart svg text, .legend')
      .map((e) => parseFloat(getComputedStyle(e).fontSize))
      .filter((px) => px < 18);
    const main = document.querySelector('main')!;
    return {
      controls: shown('.controls, [aria-label="Controls"]').length,
      exports: shown('.export').length,
      hints: shown('.zoom, .table-toggle').length,
      small: small.length,
      texts: shown('.chart svg text').length,
      scrolls:
        document.scrollingElement!.scrollHeight > innerHeight + 1 ||
        main.scrollHeight > main.clientHeight + 1,
    };
  });
}

test('the shipped deck presents: each slide its title, its chart filling a 1280×720 screen, no controls', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/present');
  const deck = page.getByRole('region', { name: 'Deck: Suzhou 1956: how experience spread' });
  await expect(deck.getByRole('listitem')).toHaveCount(5);
  const titles = await deck
    .getByLabel('Title')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  await deck.getByRole('button', { name: 'Present' }).click();

  for (let n = 1; n <= titles.length; n++) {
    await expect(bar(page)).toContainText(`Slide ${n} of ${titles.length}`);
    // The address stays the slide's own, with its view's state.
    await expect(page).toHaveURL(new RegExp(`#/present/\\d+/${n}(\\?|$)`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[n - 1]);
    await expect(page.locator('main .chart svg').first()).toBeVisible();
    await expect(page.locator('main .chart svg text').first()).toBeVisible();
    await expect
      .poll(() => slideProblems(page), { message: `slide ${n}` })
      .toMatchObject({ controls: 0, exports: 0, hints: 0, small: 0, scrolls: false });
    expect((await slideProblems(page)).texts).toBeGreaterThan(5);
    if (n === 2) {
      // The network slide keeps its playback date on screen.
      await expect(page.getByRole('group', { name: 'Playback' })).toBeInViewport();
      await expect(page.locator('.playback output')).toHaveText('Jun 30, 1956');
    }
    if (n === 5) await expect(page.getByTestId('impact-overall')).toBeInViewport();
    await page.keyboard.press('ArrowRight');
  }

  // A reload stays in the talk, on the same slide.
  await page.keyboard.press('Home');
  await expect(bar(page)).toContainText('Slide 1 of 5');
  await page.reload();
  await expect(bar(page)).toContainText('Slide 1 of 5');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(titles[0]);

  // Tooltips still work on a slide.
  const point = (await page.locator('main .chart circle.point').nth(10).boundingBox())!;
  await page.mouse.move(point.x + point.width / 2, point.y + point.height / 2, { steps: 4 });
  await expect(page.locator('.tooltip:not([hidden])')).toContainText('Silk Factory');
});

test('a slide keeps what the presenter changes on it in its own address', async ({ page }) => {
  await openWithSample(page);
  await page.goto('./#/present');
  const deck = page.getByRole('region', { name: 'Deck: Suzhou 1956: how experience spread' });
  await deck.getByRole('link', { name: 'Present from here' }).nth(1).click();
  await expect(bar(page)).toContainText('Slide 2 of 5');
  await expect(page).toHaveURL(/#\/present\/\d+\/2\?at=1956-06-30$/);
  // Scrub the playback back a month: the slide's address follows, and it is still a slide.
  await page.getByRole('slider', { name: 'Playback date' }).focus();
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/#\/present\/\d+\/2\?at=1956-05-31$/);
  await expect(bar(page)).toContainText('Slide 2 of 5');
  await page.reload();
  await expect(page.locator('.playback output')).toHaveText('May 31, 1956');
});

test('the README’s bundle link opens on a default build', async ({ page }) => {
  await page.goto('./#/?bundle=data/bundles/suzhou.json');
  await expect(page.getByRole('status').filter({ hasText: 'Suzhou 1956' })).toBeVisible();
  await page.goto('./#/present');
  await expect(
    page.getByRole('region', { name: 'Deck: Suzhou 1956: how experience spread' }),
  ).toHaveCount(1);
});

test('time axes never repeat a label, for one month or three', async ({ page }) => {
  await openWithSample(page);
  for (const [from, to, n] of [
    ['1956-07', '1956-07', 2],
    ['1956-07', '1956-09', 4],
  ] as const) {
    await page.goto(`./#/trends?from=${from}&to=${to}`);
    await expect(page.getByRole('img', { name: /^Defect rate/ })).toBeVisible();
    const labels = await page.locator('main .chart .axis.x text').allTextContents();
    expect(new Set(labels).size, labels.join(' ')).toBe(labels.length);
    expect(labels.length).toBe(n);
  }
});

test('Embed gives an iframe of the chart alone: no navigation, controls or hints, filling its frame', async ({
  page,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming');
  await page.getByRole('button', { name: 'Embed' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Embed code copied.' })).toBeVisible();
  const code = await page.evaluate(() => navigator.clipboard.readText());
  const src = code
    .match(/^<iframe src="([^"]+)" width="800" height="480"/)![1]
    .replace(/&amp;/g, '&');
  expect(src).toMatch(/#\/embed\/trends\?factories=guangming$/);

  // A report page with the iframe in it.
  await page.evaluate((url) => {
    document.body.replaceChildren();
    const frame = document.createElement('iframe');
    Object.assign(frame, { src: url, width: '800', height: '480' });
    document.body.append(frame);
  }, src);
  const frame = page.frameLocator('iframe');
  await expect(
    frame.getByRole('img', { name: /^Defect rate, Guangming Silk Factory/ }),
  ).toBeVisible();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(
    /^Defect rate, Guangming Silk Factory, 1955-01–1957-12$/,
  );
  await expect(frame.getByRole('navigation')).toHaveCount(0);
  await expect(frame.getByRole('region', { name: 'Controls' })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'SVG' })).toHaveCount(0);
  const inner = page.frames().find((f) => f.url().includes('/embed/'))!;
  expect(
    await inner.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight + 1),
  ).toBe(true);
});

test('a deck prints one page per slide, each with its title and its chart at full size (Save as PDF)', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/present');
  const deck = page.getByRole('region', { name: 'Deck: Suzhou 1956: how experience spread' });
  await deck.getByRole('link', { name: 'PDF or PowerPoint' }).click();
  await expect(page.getByRole('status').filter({ hasText: '5 slides ready' })).toBeVisible({
    timeout: 30_000,
  });
  const pages = page.getByRole('region', { name: /^Page \d: / });
  await expect(pages).toHaveCount(5);
  await expect(pages.first().getByRole('heading', { level: 1 })).toHaveText(
    'Three Suzhou silk factories cut their defects, 1955–1957',
  );
  // Each page's view is drawn in it: the first is the three factories' chart.
  await expect(
    page
      .frameLocator('iframe')
      .first()
      .getByRole('img', { name: /^Defect rate, / }),
  ).toBeVisible();
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const count = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  expect(count).toBe(5);

  // The same deck as a PowerPoint file: five slides, each a title and a chart image, with notes.
  const wait = page.waitForEvent('download');
  await page.getByRole('button', { name: 'PowerPoint (.pptx)' }).click();
  const file = await wait;
  expect(file.suggestedFilename()).toBe('Suzhou 1956- how experience spread.pptx');
  const zip = unzipSync(new Uint8Array(await readFile((await file.path())!)));
  const names = Object.keys(zip);
  expect(names.filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))).toHaveLength(5);
  expect(names.filter((n) => /^ppt\/media\/.*\.png$/.test(n)).length).toBe(5);
  const first = strFromU8(zip['ppt/slides/slide1.xml']);
  expect(first).toContain('Three Suzhou silk factories cut their defects, 1955–1957');
  const notes = names
    .filter((n) => /^ppt\/notesSlides\/.*\.xml$/.test(n))
    .map((n) => strFromU8(zip[n]));
  expect(notes.join('')).toContain('Press play to run the exchanges forward.');
});

test('step mode reveals a slide’s series one keypress at a time, then moves on', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/present');
  const deck = page.getByRole('region', { name: 'Deck: Suzhou 1956: how experience spread' });
  await deck.getByLabel('Step: reveal the series one keypress at a time').first().check();
  await deck.getByRole('button', { name: 'Present' }).click();
  const lines = page.locator('main .chart g.series');
  await expect(bar(page)).toContainText('Slide 1 of 5');
  await expect(lines).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await expect(lines).toHaveCount(2);
  await page.keyboard.press('ArrowLeft');
  await expect(lines).toHaveCount(1);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(lines).toHaveCount(3);
  await expect(bar(page)).toContainText('Slide 1 of 5');
  await page.keyboard.press('ArrowRight');
  await expect(bar(page)).toContainText('Slide 2 of 5');
});

test('a callout placed on a chart lives in its link, is drawn as text, and is exported', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/trends?factories=guangming');
  await page.getByText('Callouts (0)').click();
  await page.getByRole('combobox', { name: 'Month', exact: true }).selectOption('1956-09');
  await page
    .getByRole('combobox', { name: 'Pointing at' })
    .selectOption({ label: 'Guangming Silk Factory' });
  const text = 'Finds the <b>key</b> defect';
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill(text);
  await page.getByRole('button', { name: 'Add callout' }).click();
  await expect(page).toHaveURL(/call=1956-09%7Cguangming%7CFinds/);
  // Drawn as text, never as markup.
  const drawn = page.locator('main .chart g.callout text');
  await expect(drawn).toHaveText(text);
  await expect(page.locator('main .chart g.callout b')).toHaveCount(0);
  // It points at Guangming's September 1956 point: the arrow ends by that point.
  const arrow = await page.locator('main .chart g.callout line').evaluate((l) => {
    const r = l.getBoundingClientRect();
    return { x: r.left + r.width / 2, bottom: r.bottom };
  });
  expect(arrow.bottom).toBeGreaterThan((await drawn.boundingBox())!.y);

  const svg = (await exportAs(page, /^Export Defect rate/, 'SVG')).bytes.toString('utf8');
  expect(svg).toContain('Finds the &lt;b&gt;key&lt;/b&gt; defect</text>');

  // The link keeps it: a reload (or a slide of this view) shows it again.
  await page.reload();
  await expect(page.locator('main .chart g.callout text')).toHaveText(text);
  await page.getByText('Callouts (1)').click();
  await page.getByRole('button', { name: `Remove the callout “${text}”` }).click();
  await expect(page.locator('main .chart g.callout')).toHaveCount(0);
});

test('callouts go on the network and on the Impact chart too, and travel with their links and exports', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/network');
  await page.getByText('Callouts (0)').click();
  await page
    .getByRole('combobox', { name: 'Factory', exact: true })
    .selectOption({ label: 'Zhenya Silk Factory' });
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill('Where it <i>began</i>');
  await page.getByRole('button', { name: 'Add callout' }).click();
  await expect(page).toHaveURL(/call=zhenya%7C%7CWhere/);
  const net = page.locator('main .network g.callout');
  await expect(net.locator('text')).toHaveText('Where it <i>began</i>');
  // The arrowhead touches Zhenya's node at its rim.
  const node = (await page.locator('main .network g.node[data-id="zhenya"] circle').boundingBox())!;
  const head = (await net.locator('path').boundingBox())!;
  const gap =
    Math.hypot(
      head.x + head.width / 2 - (node.x + node.width / 2),
      head.y + head.height / 2 - (node.y + node.height / 2),
    ) -
    node.width / 2;
  expect(gap).toBeGreaterThan(0);
  expect(gap).toBeLessThan(10);
  const graph = (await exportAs(page, /^Export Who learned from whom/, 'SVG')).bytes.toString(
    'utf8',
  );
  expect(graph).toContain('Where it &lt;i&gt;began&lt;/i&gt;</text>');
  await page.reload();
  await expect(page.locator('main .network g.callout text')).toHaveText('Where it <i>began</i>');

  await page.goto('./#/impact');
  await page.getByText('Callouts (0)').click();
  await page.getByRole('combobox', { name: 'months from adoption' }).selectOption('3');
  await page
    .getByRole('combobox', { name: 'Pointing at' })
    .selectOption({ label: 'Effect (points)' });
  await page.getByRole('textbox', { name: 'Text', exact: true }).fill('The drop holds');
  await page.getByRole('button', { name: 'Add callout' }).click();
  await expect(page).toHaveURL(/call=3%7Ceffect%7CThe\+drop/);
  await expect(page.locator('main g.callout text')).toHaveText('The drop holds');
  const effect = await exportAs(page, 'Export Effect of adoption, by month from adoption', 'SVG');
  expect(effect.bytes.toString('utf8')).toContain('The drop holds</text>');
});
