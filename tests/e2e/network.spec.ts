import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { chooseFiles, openWithSample, textFile } from './helpers';

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
    /, 1956$/,
  );
  await expect(status).not.toContainText('13 of 13');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 15_000 });
  await expect(status).toContainText('13 of 13');
  await expect(page.getByRole('group', { name: 'Playback' }).locator('output')).toHaveText(
    'Apr 1, 1957',
  );
});

test('the playback position is in the URL: edges appear at their date', async ({ page }) => {
  await openNetwork(page, 'at=1956-06-01');
  await expect(page.getByText(/^Adopted:/)).toContainText('2 of 13');
  const edges = await page.locator('path.edge > title').allTextContents();
  // By June 1956 only Zhenya had taught: Dongwu in March, Guangming in May.
  expect(edges).toHaveLength(2);
  // Not yet adopted: a ring filled with the ground, whatever the theme.
  await expect(node(page, 'Xinsu Silk Factory').locator('circle')).toHaveAttribute(
    'fill',
    'var(--panel)',
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

/** 600 factories: Works 0 teaches 80 of them, and each of the rest learns from one of those. */
function largeNetwork() {
  const n = 600;
  const factories = ['factory_id,name,industry,workers'];
  for (let i = 0; i < n; i++) factories.push(`w${i},Works ${i},${i % 2 ? 'silk' : 'dyeing'},100`);
  const exchanges = ['date,source_factory,target_factory,experience,topic'];
  const day = (i: number) =>
    new Date(Date.UTC(1956, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  for (let i = 1; i < n; i++) {
    const source = i <= 80 ? 0 : 1 + ((i * 7) % 80);
    exchanges.push(`${day(i)},w${source},w${i},Method A,quality`);
  }
  const file = (name: string, lines: string[]) =>
    textFile(name, lines.join('\n') + '\n', 'text/csv');
  return [file('factories-600.csv', factories), file('exchanges-600.csv', exchanges)];
}

/** The centre of the largest solid disc of one colour on the canvas, once the picture is still. */
async function largestDisc(page: Page) {
  let last = { r: 0, x: -1, y: -1 };
  await expect
    .poll(async () => {
      const now = await discOnCanvas(page);
      const still = now.x === last.x && now.y === last.y;
      last = now;
      return still;
    })
    .toBe(true);
  return last;
}

async function discOnCanvas(page: Page) {
  return page.locator('.network canvas').evaluate((c: HTMLCanvasElement) => {
    const { width, height } = c;
    const px = c.getContext('2d')!.getImageData(0, 0, width, height).data;
    const at = (x: number, y: number) => (y * width + x) * 4;
    const solid = (x: number, y: number, ref: number) =>
      px[ref + 3] === 255 &&
      px[at(x, y)] === px[ref] &&
      px[at(x, y) + 1] === px[ref + 1] &&
      px[at(x, y) + 2] === px[ref + 2] &&
      px[at(x, y) + 3] === 255;
    let best = { r: 0, x: 0, y: 0 };
    for (let y = 8; y < height - 8; y += 2)
      for (let x = 8; x < width - 8; x += 2) {
        const ref = at(x, y);
        if (px[ref + 3] !== 255 || px[ref] + px[ref + 1] + px[ref + 2] > 720) continue;
        let r = 1;
        while (
          r < 8 &&
          [
            [r, 0],
            [-r, 0],
            [0, r],
            [0, -r],
          ].every(([dx, dy]) => solid(x + dx, y + dy, ref))
        )
          r++;
        if (r > best.r) best = { r, x, y };
      }
    const box = c.getBoundingClientRect();
    const dpr = width / box.width;
    return { r: best.r, x: box.left + best.x / dpr, y: box.top + best.y / dpr };
  });
}

test('a graph of 600 factories draws on canvas, where hover, click and drag still work', async ({
  page,
}) => {
  await openWithSample(page);
  await chooseFiles(page, largeNetwork());
  await page.getByRole('button', { name: 'Import all 2 files' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'exchanges-600.csv' })).toBeVisible();
  await page.goto('./#/network?experience=Method%20A');
  const graph = page.getByRole('img', { name: /^Network of/ });
  await expect(graph).toHaveAttribute('aria-label', /599 links between 600 factories/);
  await expect(page.locator('.network canvas')).toBeVisible();
  await expect(page.locator('g.node')).toHaveCount(0);
  await expect(page.getByText('Laying out…')).toHaveCount(0);

  // Works 0, which taught 80 factories, is the largest disc.
  const disc = await largestDisc(page);
  expect(disc.r).toBeGreaterThanOrEqual(4);
  await page.mouse.move(disc.x, disc.y);
  await expect(page.locator('.network canvas')).toHaveCSS('cursor', 'pointer');
  await page.mouse.click(disc.x, disc.y);
  const panel = page.getByRole('complementary', { name: 'Factory: Works 0' });
  await expect(panel).toContainText('Taught (80)');

  // Dragging it pins it where it was dropped (the panel has narrowed the graph: find it again).
  const moved = await largestDisc(page);
  await page.mouse.move(moved.x, moved.y);
  await page.mouse.down();
  await page.mouse.move(moved.x + 80, moved.y + 40, { steps: 6 });
  await page.mouse.up();
  await expect(panel).toBeVisible();

  // The pin is part of the view: its link opens the graph as arranged, and Re-layout undoes it.
  await expect(page).toHaveURL(/[?&]pins=w0:-?\d+:-?\d+(&|$)/);
  const link = page.url();
  await page.goto('./#/trends');
  await page.goto(link);
  await expect(page.getByText('Laying out…')).toHaveCount(0);
  await page.getByRole('button', { name: 'Re-layout' }).click();
  await expect(page).not.toHaveURL(/pins=/);
});

test('the factories table ranks reach forward in time beside static reach, PageRank, betweenness and communities', async ({
  page,
}) => {
  await openNetwork(page);
  const table = page.getByRole('region', { name: 'Factory metrics' }).locator('table').first();
  // The metrics come from a worker: wait for the table.
  await expect(table.locator('thead th')).toHaveCount(10);
  await expect(table.locator('tbody tr')).toHaveCount(15);
  const headers = await table.locator('thead th').allTextContents();
  expect(headers.map((h) => h.replace(/ [▼▲]$/, ''))).toEqual([
    'Factory',
    'Learned from',
    'Taught',
    'Reach',
    'Linked',
    'PageRank',
    'Betweenness',
    'Community',
    'First adoption',
    'Lag (days)',
  ]);
  // Zhenya's teaching ran forward in time to 7 factories; 9 are linked to it in any order.
  const zhenya = table.locator('tbody tr', { hasText: 'Zhenya Silk Factory' });
  await expect(zhenya.locator('td').nth(3)).toHaveText('7');
  await expect(zhenya.locator('td').nth(4)).toHaveText('9');
  await expect(page.getByText(/\d communities \(Louvain\), modularity 0\.\d\d/)).toBeVisible();
  // Sorting by PageRank puts the factory most learning flows to first.
  await table.getByRole('button', { name: 'PageRank' }).click();
  const first = table.locator('tbody tr').first();
  const ranks = await table.locator('tbody tr td:nth-child(6)').allTextContents();
  expect(ranks.map(Number)).toEqual([...ranks.map(Number)].sort((a, b) => b - a));
  await expect(first.locator('td').nth(5)).toHaveText(ranks[0]);

  // Each experience's cascade: its size, depth, structural virality and time to half.
  const cascades = page.getByRole('region', { name: 'Factory metrics' }).locator('table').nth(1);
  await expect(cascades.locator('thead th')).toHaveCount(6);
  expect(await cascades.locator('thead th').allTextContents()).toEqual([
    'Experience',
    'Origin',
    'Adopters',
    'Generations',
    'Virality',
    'Days to half',
  ]);
  const keyDefect = cascades.locator('tbody tr', { hasText: KEY_DEFECT });
  await expect(keyDefect.locator('td').nth(2)).toHaveText('7');
  const virality = Number(await keyDefect.locator('td').nth(4).textContent());
  // Guangming taught most adopters itself and a few learned at second hand: near 2.
  expect(virality).toBeGreaterThan(1.5);
  expect(virality).toBeLessThan(2.5);

  // The panel says what reach means, in one sentence, per experience too.
  await zhenya.getByRole('button').click();
  const panel = page.getByRole('complementary', { name: 'Factory: Zhenya Silk Factory' });
  await expect(panel).toContainText(
    'Reach: 7 factories could have learned from it through exchanges that run forward in time',
  );
  await expect(panel).toContainText('By experience:');

  // Colour by community: the legend lists communities instead of industries.
  await page.getByRole('combobox', { name: 'Colour' }).selectOption('community');
  await expect(page).toHaveURL(/colour=community/);
  await expect(page.getByLabel('Legend')).toContainText('community 1');
  await expect(page.getByLabel('Legend')).not.toContainText('silk');
  // Size by betweenness: the factory most learning passes through is drawn largest.
  await page.getByRole('combobox', { name: 'Node size' }).selectOption('betweenness');
  const radii = await page
    .locator('g.node')
    .evaluateAll((gs) =>
      gs.map((g) => [
        g.getAttribute('data-id'),
        Number(g.querySelector('circle')!.getAttribute('r')),
      ]),
    );
  const largest = radii.sort((a, b) => (b[1] as number) - (a[1] as number))[0][0];
  await table.getByRole('button', { name: 'Betweenness' }).click();
  await expect(table.locator('tbody tr').first()).toContainText(
    (await page.locator(`g.node[data-id="${largest}"]`).getAttribute('aria-label'))!,
  );
});

test('the wheel over the graph scrolls the page; Ctrl + wheel, a click into the graph or the buttons zoom it', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openNetwork(page);
  const graph = page.locator('main .network.chart');
  const view = () => graph.locator('svg > g').first().getAttribute('transform');
  await graph.scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = (await graph.boundingBox())!;
  const before = await view();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  expect(await view()).toBe(before);
  await expect(page.getByRole('status').filter({ hasText: 'To zoom, hold Ctrl' })).toBeVisible();

  // Ctrl + wheel zooms the graph, and the page stays where it is.
  const y = await page.evaluate(() => window.scrollY);
  const at = (await graph.boundingBox())!;
  await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect.poll(view).not.toBe(before);
  expect(await page.evaluate(() => window.scrollY)).toBe(y);
  const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await view())!)![1]);
  const zoomed = await scale();

  // The buttons zoom about the centre.
  await graph.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(scale).toBeCloseTo(zoomed / 1.5, 3);
  // A click into the graph lets the plain wheel zoom, until the pointer leaves.
  await page.mouse.click(at.x + 10, at.y + at.height - 10);
  const clicked = await scale();
  await page.mouse.wheel(0, -100);
  await expect.poll(scale).toBeGreaterThan(clicked);
  expect(await page.evaluate(() => window.scrollY)).toBe(y);
});

test('adding a factory and two exchanges keeps the map: existing factories move less than 10 px', async ({
  page,
}) => {
  await openNetwork(page);
  const where = (): Promise<Record<string, [number, number]>> =>
    page.locator('main g.node').evaluateAll((gs) =>
      Object.fromEntries(
        gs.map((g) => {
          const r = g.querySelector('circle')!.getBoundingClientRect();
          return [g.getAttribute('data-id')!, [r.x + r.width / 2, r.y + r.height / 2]];
        }),
      ),
    );
  // Positions once the graph has come to rest (its labels' fonts and names loaded, fitted).
  const settled = async () => {
    let last = '';
    await expect
      .poll(async () => {
        const now = JSON.stringify(await where());
        const same = now === last;
        last = now;
        return same;
      })
      .toBe(true);
    return JSON.parse(last) as Record<string, [number, number]>;
  };
  const before = await settled();
  expect(Object.keys(before)).toHaveLength(15);
  await page.goto('./#/import');
  await chooseFiles(page, [
    textFile(
      'new-exchanges.csv',
      [
        'date,source_factory,target_factory,experience,topic',
        '1957-02-01,guangming,hengfeng,"Find the key defect, promote the advanced method",quality',
        '1957-02-20,zhenya,hengfeng,"Daily workshop inspection by the director and office staff",management',
      ].join('\n'),
      'text/csv',
    ),
  ] as never);
  await page.getByRole('button', { name: /^Import \d+ rows?$/ }).click();
  await expect(page.getByRole('status').filter({ hasText: 'new-exchanges.csv' })).toBeVisible();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Network' })
    .click();
  await expect(page.locator('main g.node')).toHaveCount(16);
  await expect(page.getByText('Laying out…')).toHaveCount(0);
  const after = await settled();
  for (const [id, [x, y]] of Object.entries(before))
    expect(Math.hypot(after[id][0] - x, after[id][1] - y), id).toBeLessThan(10);
  // The newcomer settles near those it learned from, not anywhere.
  const [nx, ny] = after.hengfeng;
  const near = Math.min(
    ...['guangming', 'zhenya'].map((id) => Math.hypot(after[id][0] - nx, after[id][1] - ny)),
  );
  expect(near).toBeLessThan(250);

  // Re-layout is the one way to reshuffle: it lays everything out afresh.
  await page.getByRole('button', { name: 'Re-layout' }).click();
  await expect.poll(async () => JSON.stringify(await where())).not.toBe(JSON.stringify(after));
});

/** A WebM's duration in ms, from its header's Duration element (an 8-byte float, in ms at the default timecode scale). */
function webmDurationMs(bytes: Buffer): number | null {
  for (let i = 0; i < Math.min(bytes.length - 11, 4096); i++)
    if (bytes[i] === 0x44 && bytes[i + 1] === 0x89 && bytes[i + 2] === 0x88)
      return bytes.readDoubleBE(i + 3);
  return null;
}

test('Record video plays the timeline at the chosen speed and saves a WebM of that length; Cancel keeps nothing', async ({
  page,
}) => {
  await openNetwork(page);
  await page.getByLabel('Speed').selectOption('4');
  // Cancelled: no file, and the button is back.
  await page.getByRole('button', { name: 'Record video' }).click();
  const progress = page.getByRole('progressbar', { name: 'Recording video' });
  await expect(progress).toBeVisible();
  let downloads = 0;
  page.on('download', () => downloads++);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('button', { name: 'Record video' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(downloads).toBe(0);

  // Recorded: 12 s of timeline at 4× is a 3 s video (and its last frame held a moment).
  const saved = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Record video' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Recording… \d+%/ })).toBeVisible();
  const file = await saved;
  expect(file.suggestedFilename()).toBe('loom-network.webm');
  const bytes = await readFile((await file.path())!);
  expect([...bytes.subarray(0, 4)]).toEqual([0x1a, 0x45, 0xdf, 0xa3]); // EBML: a WebM file
  expect(bytes.length).toBeGreaterThan(20_000);
  const ms = webmDurationMs(bytes);
  expect(ms).not.toBeNull();
  expect(ms!).toBeGreaterThan(2_900);
  expect(ms!).toBeLessThan(3_600);
});
