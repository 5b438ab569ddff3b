// Nothing doubled, nothing lost: odd bytes, two tabs, a reset during an import, loads cut
// off by a closed tab, and a new deploy under an open tab. After each, what IndexedDB holds
// is checked against the file: chunk rows equal accepted rows, rollup sums equal the file's
// sums, and nothing is staged or orphaned. Where a closed tab matters, the profile is on disk.
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProduction } from '../../bench/generate.mjs';
import { card, chooseFiles, fixturePath, openWithSample, sampleFiles } from './helpers';

const HEADER = 'factory_id,product,period,inspected,defective,defect_type\n';

/**
 * A production report as Chinese Excel saves it, in GB18030, whose first MiB is ASCII:
 * `ascii` plain rows, then rows of 绉缎 with the defect 断经. Its row count and sums.
 */
function gbReport(ascii = 40_000, chinese = 25) {
  const enc = new TextEncoder();
  const parts: number[][] = [[...enc.encode(HEADER)]];
  let inspected = 0;
  let defective = 0;
  for (let i = 0; i < ascii; i++) {
    const n = 100 + (i % 50);
    parts.push([
      ...enc.encode(`zhenya,crepe satin,1956-${String((i % 12) + 1).padStart(2, '0')},${n},3,\n`),
    ]);
    inspected += n;
    defective += 3;
  }
  for (let i = 0; i < chinese; i++) {
    // guangming,绉缎,1956-07,1210,40,断经
    parts.push([
      ...enc.encode('guangming,'),
      0xe7,
      0xa7,
      0xb6,
      0xd0,
      ...enc.encode(',1956-07,1210,40,'),
      0xb6,
      0xcf,
      0xbe,
      0xad,
      0x0a,
    ]);
    inspected += 1210;
    defective += 40;
  }
  const buffer = Buffer.from(parts.flat());
  expect(buffer.indexOf(0xe7)).toBeGreaterThan(1 << 20);
  return { buffer, rows: ascii + chinese, inspected, defective };
}

/** What IndexedDB holds, read straight from it: per import, and what is staged or orphaned. */
async function stored(page: Page) {
  return page.evaluate(
    () =>
      new Promise<{
        imports: {
          fileName: string;
          status: string;
          kind: string;
          rowsAccepted: number;
          chunkRows: number;
          inspected: number;
          defective: number;
          rollupInspected: number;
          rollupDefective: number;
          rows: number;
        }[];
        orphans: number;
      }>((resolve, reject) => {
        const open = indexedDB.open('loom');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(
            ['imports', 'chunks', 'rollups', 'factories', 'exchanges', 'defectRollups'],
            'readonly',
          );
          const all = <T>(name: string) =>
            new Promise<T[]>((ok) => {
              const r = tx.objectStore(name).getAll();
              r.onsuccess = () => ok(r.result as T[]);
            });
          type Imp = {
            id: number;
            fileName: string;
            status: string;
            kind: string;
            rowsAccepted: number;
          };
          type Cols = {
            importId: number;
            count: number;
            inspected: ArrayLike<number>;
            defective: ArrayLike<number>;
          };
          Promise.all([
            all<Imp>('imports'),
            all<Cols>('chunks'),
            all<Cols>('rollups'),
            all<{ importId: number }>('factories'),
            all<{ importId: number }>('exchanges'),
            all<{ importId: number }>('defectRollups'),
          ]).then(([imports, chunks, rollups, factories, exchanges, defects]) => {
            const sum = (rows: Cols[], id: number, col: 'inspected' | 'defective') =>
              rows
                .filter((c) => c.importId === id)
                .reduce((n, c) => n + Array.from(c[col]).reduce((a, b) => a + b, 0), 0);
            const ids = new Set(imports.map((i) => i.id));
            const orphans = [...chunks, ...rollups, ...factories, ...exchanges, ...defects].filter(
              (r) => !ids.has(r.importId),
            ).length;
            db.close();
            resolve({
              orphans,
              imports: imports.map((i) => ({
                fileName: i.fileName,
                status: i.status,
                kind: i.kind,
                rowsAccepted: i.rowsAccepted,
                chunkRows: chunks
                  .filter((c) => c.importId === i.id)
                  .reduce((n, c) => n + c.count, 0),
                inspected: sum(chunks, i.id, 'inspected'),
                defective: sum(chunks, i.id, 'defective'),
                rollupInspected: sum(rollups, i.id, 'inspected'),
                rollupDefective: sum(rollups, i.id, 'defective'),
                rows:
                  factories.filter((r) => r.importId === i.id).length +
                  exchanges.filter((r) => r.importId === i.id).length,
              })),
            });
          }, reject);
        };
      }),
  );
}

/** Every import is active, its chunks hold its accepted rows, its rollups sum its chunks; no orphans. */
async function expectConsistent(page: Page) {
  const s = await stored(page);
  expect(s.orphans, 'orphan rows').toBe(0);
  for (const i of s.imports) {
    expect(i.status, `${i.fileName} is not left staging`).toBe('active');
    if (i.kind === 'production') {
      expect(i.chunkRows, `${i.fileName}: chunk rows`).toBe(i.rowsAccepted);
      expect(i.rollupInspected, `${i.fileName}: rollup inspected`).toBe(i.inspected);
      expect(i.rollupDefective, `${i.fileName}: rollup defective`).toBe(i.defective);
    }
  }
  return s;
}

/** Two tabs of one browser, each with the sample loaded. */
async function twoTabs(browser: Browser) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const a = await context.newPage();
  await openWithSample(a);
  const b = await context.newPage();
  await openWithSample(b);
  return { context, a, b };
}

/** A seeded production file of `rows` rows, to choose through a file input. */
const generated = (name: string, rows: number, seed: number) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(generateProduction(rows, seed)),
});

/** A browser profile on disk, so that closing it is like closing the tab for good. */
async function diskProfile(browser: Browser, dir: string) {
  const baseURL = 'http://127.0.0.1:4321/';
  // The same Chromium as the config's: Debian's where Playwright has none of its own.
  const exe =
    process.env.CHROMIUM_PATH ??
    (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  return chromium.launchPersistentContext(dir, {
    executablePath: exe ?? browser.browserType().executablePath(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    baseURL,
    serviceWorkers: 'block',
  });
}

/** The profile opened again after a load was cut off: it holds the sample alone, consistent. */
async function reopenWithSampleAlone(browser: Browser, dir: string) {
  const ctx = await diskProfile(browser, dir);
  const p = ctx.pages()[0] ?? (await ctx.newPage());
  await openWithSample(p);
  await expect.poll(async () => (await stored(p)).imports.length).toBe(sampleFiles.length);
  const s = await expectConsistent(p);
  expect(s.imports.map((i) => i.fileName).sort()).toEqual([...sampleFiles].sort());
  return { ctx, p };
}

test('a GB18030 report whose first MiB is ASCII is stored once, row for row, through the file input', async ({
  page,
}) => {
  await openWithSample(page);
  const gb = gbReport();
  await chooseFiles(page, [{ name: 'report-gb.csv', mimeType: 'text/csv', buffer: gb.buffer }]);
  const c = card(page, 'report-gb.csv');
  await expect(c.getByLabel('Encoding')).toHaveValue('gb18030');
  await c.getByRole('button', { name: `Import ${gb.rows.toLocaleString('en')} rows` }).click();
  await expect(c.getByRole('status')).toContainText(
    `Imported ${gb.rows.toLocaleString('en')} production rows`,
  );
  const s = await expectConsistent(page);
  const mine = s.imports.find((i) => i.fileName === 'report-gb.csv')!;
  expect(mine).toMatchObject({
    rowsAccepted: gb.rows,
    inspected: gb.inspected,
    defective: gb.defective,
  });
});

test('a GB18030 report whose first MiB is ASCII is stored once when a published manifest lists it', async ({
  browser,
}) => {
  const gb = gbReport();
  const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8'));
  const context = await browser.newContext({ serviceWorkers: 'block' });
  await context.route('**/data/manifest.json', (r) =>
    r.fulfill({
      contentType: 'application/json',
      body: JSON.stringify({ ...manifest, files: [...manifest.files, 'report-gb.csv'] }),
    }),
  );
  await context.route('**/data/report-gb.csv', (r) =>
    r.fulfill({ contentType: 'text/csv', body: gb.buffer }),
  );
  const page = await context.newPage();
  await page.goto('./#/data');
  await expect(page.getByRole('table').first().locator('tbody tr')).toHaveCount(
    sampleFiles.length + 1,
  );
  const s = await expectConsistent(page);
  const mine = s.imports.find((i) => i.fileName === 'report-gb.csv')!;
  expect(mine).toMatchObject({
    rowsAccepted: gb.rows,
    chunkRows: gb.rows,
    inspected: gb.inspected,
    defective: gb.defective,
  });
  await context.close();
});

test('two tabs importing at once, and the same file in both, leave exactly one active import of each file', async ({
  browser,
}) => {
  const { context, a, b } = await twoTabs(browser);
  const same = generated('same.csv', 60_000, 7);
  const other = generated('other.csv', 60_000, 8);
  await chooseFiles(a, [same, other]);
  await chooseFiles(b, [same]);
  const importAll = a.getByRole('button', { name: 'Import all 2 files' });
  const importOne = card(b, 'same.csv').getByRole('button', { name: /^Import [\d,]+ rows$/ });
  await expect(importAll).toBeEnabled();
  await expect(importOne).toBeEnabled();
  await Promise.all([importAll.click(), importOne.click()]);
  await expect(card(a, 'other.csv').getByRole('status')).toContainText('Imported 60,000');
  for (const p of [a, b])
    await expect(
      card(p, 'same.csv').getByRole('status').or(card(p, 'same.csv').getByRole('alert')),
    ).toBeVisible();
  const s = await expectConsistent(a);
  expect(s.imports.filter((i) => i.fileName === 'same.csv')).toHaveLength(1);
  expect(s.imports.filter((i) => i.fileName === 'other.csv')).toHaveLength(1);
  await context.close();
});

test('Reset in one tab while another imports is refused, worded, and the import completes whole', async ({
  browser,
}) => {
  const { context, a, b } = await twoTabs(browser);
  const big = generated('big.csv', 400_000, 3);
  await chooseFiles(a, [big]);
  // The reading stores the rows as it goes: that is when a reset must wait.
  await expect(card(a, 'big.csv').getByRole('progressbar', { name: 'Reading' })).toBeVisible();
  const reset = b.getByRole('button', { name: 'Reset to sample data' });
  await reset.click();
  await b.getByRole('button', { name: /^Confirm: delete everything/ }).click();
  await expect(b.getByRole('alert')).toContainText(
    'Another tab or window is importing or loading data',
  );
  await card(a, 'big.csv').getByRole('button', { name: 'Import 400,000 rows' }).click();
  await expect(card(a, 'big.csv').getByRole('status')).toContainText(
    'Imported 400,000 production rows',
    { timeout: 60_000 },
  );
  const s = await expectConsistent(a);
  expect(s.imports.map((i) => i.fileName).sort()).toEqual([...sampleFiles, 'big.csv'].sort());
  await context.close();
});

test('a bundle cut off by a closed tab leaves nothing of itself on a disk-backed profile', async ({
  browser,
  page,
}) => {
  // A bundle whose production file is large, so that closing the tab lands mid-load.
  await openWithSample(page);
  const csv = new TextDecoder().decode(generateProduction(300_000, 11));
  const bundle = JSON.stringify({
    format: 'loom-bundle',
    version: 1,
    name: 'Cut off',
    files: [
      { name: 'cut-factories.csv', kind: 'factories', csv: 'factory_id,name\nfac00,Factory 0\n' },
      { name: 'cut-production.csv', kind: 'production', csv },
    ],
    decks: [{ name: 'Never', theme: 'light', slides: [{ url: '/trends', title: 'x', notes: '' }] }],
  });
  const dir = mkdtempSync(join(tmpdir(), 'loom-cut-'));
  try {
    let ctx = await diskProfile(browser, dir);
    let p = ctx.pages()[0] ?? (await ctx.newPage());
    await openWithSample(p);
    await p.getByLabel('Open a bundle').setInputFiles({
      name: 'cut.json',
      mimeType: 'application/json',
      buffer: Buffer.from(bundle),
    });
    // Wait until the first file is staged (invisible), then close the browser for good.
    await expect
      .poll(async () => (await stored(p)).imports.some((i) => i.fileName === 'cut-factories.csv'))
      .toBe(true);
    expect((await stored(p)).imports.filter((i) => i.status === 'active')).toHaveLength(
      sampleFiles.length,
    );
    await ctx.close();

    ({ ctx, p } = await reopenWithSampleAlone(browser, dir));
    await p.goto('./#/present');
    await expect(p.getByRole('region', { name: 'Deck: Never' })).toHaveCount(0);
    await ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a first visit cut off mid-sample is loaded whole on the next visit, each file once', async ({
  browser,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'loom-first-'));
  try {
    let ctx = await diskProfile(browser, dir);
    // The last sample file never arrives: the visitor closes the tab while it loads.
    let arrived = false;
    await ctx.route('**/data/exchanges.csv', () => {
      arrived = true;
    });
    let p = ctx.pages()[0] ?? (await ctx.newPage());
    await p.goto('./#/data');
    await expect.poll(() => arrived).toBe(true);
    await expect
      .poll(async () => (await stored(p)).imports.filter((i) => i.status === 'staging').length)
      .toBe(2);
    expect((await stored(p)).imports.filter((i) => i.status === 'active')).toHaveLength(0);
    await ctx.close();

    ({ ctx, p } = await reopenWithSampleAlone(browser, dir));
    await ctx.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('after a new deploy under an open tab, an import says Loom was updated, and never hangs', async ({
  browser,
}) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const first = await context.newPage();
  await openWithSample(first);
  // The new build's files replace the old ones: the old build's worker scripts are gone.
  await context.route(/\/assets\/[^/]*worker[^/]*\.js$/, (r) =>
    r.fulfill({ status: 404, body: 'not found' }),
  );
  // A tab of the old build opened before the deploy, whose import worker has not started yet.
  const page = await context.newPage();
  await openWithSample(page);
  const file = (name: string) => ({
    name,
    mimeType: 'text/csv',
    buffer: Buffer.from('factory_id,name\nzhenya,Zhenya\n'),
  });
  await chooseFiles(page, [file('one.csv')]);
  await expect(card(page, 'one.csv').getByRole('alert')).toContainText(
    'Loom was updated while this tab was open. Reload the page to continue.',
  );
  await card(page, 'one.csv').getByRole('button', { name: 'Remove' }).click();
  await chooseFiles(page, [file('two.csv')]);
  await expect(card(page, 'two.csv').getByRole('alert')).toContainText('Loom was updated');
  const s = await expectConsistent(first);
  expect(s.imports.map((i) => i.fileName).sort()).toEqual([...sampleFiles].sort());
  await context.close();
});

test('choosing an encoding the bytes disprove is a worded error that disables Import; Windows-1252 is read as such', async ({
  page,
}) => {
  await openWithSample(page);
  await chooseFiles(page, [
    fixturePath('factories-gb18030.csv'),
    fixturePath('factories-windows1252.csv'),
  ]);
  const gb = card(page, 'factories-gb18030.csv');
  await expect(gb.getByLabel('Encoding')).toHaveValue('gb18030');
  await gb.getByLabel('Encoding').selectOption('utf-8');
  await expect(gb.getByRole('alert')).toContainText('are not valid UTF-8; they look like GB18030');
  await expect(gb.getByRole('button', { name: /^Import/ })).toBeDisabled();
  await gb.getByLabel('Encoding').selectOption('gb18030');
  await expect(gb.getByRole('button', { name: 'Import 3 rows' })).toBeEnabled();

  const west = card(page, 'factories-windows1252.csv');
  await expect(west.getByLabel('Encoding')).toHaveValue('windows-1252');
  await expect(west.getByRole('table')).toContainText('Zürcher Seidenweberei');
  await expect(west).toContainText('it was read as Windows-1252');
});
