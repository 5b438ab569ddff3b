import { expect, test, type Page } from '@playwright/test';
import { card, chooseFiles, openWithSample } from './helpers';
import {
  gb18030,
  qualityReport,
  reportWorkbook,
  thirdQuarterLots,
  wideReport,
} from '../fixtures/reports';

/** The Data page's count of factories and of production rows, as it shows them. */
async function loaded(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  const cards = page.getByLabel('What is loaded').locator('.card');
  await expect(cards.first()).toBeVisible();
  const number = async (i: number) =>
    Number((await cards.nth(i).locator('.big').textContent())!.replace(/,/g, ''));
  return { factories: await number(0), rows: await number(1) };
}

const reportFile = (name: string, text: string) => ({
  name,
  mimeType: 'text/csv',
  buffer: Buffer.from(gb18030(text)),
});

test('a GB18030 report with a title row and a totals row imports its 12 lots, and no factory 合计', async ({
  page,
}) => {
  await openWithSample(page);
  const before = await loaded(page);
  const lots = thirdQuarterLots();
  await chooseFiles(page, [
    reportFile(
      '质量报表.csv',
      qualityReport(lots, { titles: ['1956年第三季度质量报表,,,,'], totals: '合计' }),
    ),
  ]);
  const c = card(page, '质量报表.csv');
  // Detected without a single manual step: the kind, the encoding and the header below the title.
  await expect(c.getByLabel('Kind')).toHaveValue('production');
  await expect(c.getByLabel('Encoding')).toHaveValue('gb18030');
  await expect(c.getByLabel('Header row')).toHaveValue('2');
  await expect(c).toContainText('Header on row 2; row 1 looks like a title.');
  await expect(c).toContainText('Row 15 looks like a totals row (合计): left out.');
  await expect(c).toContainText('13 rows · 12 valid · 0 with errors · 1 totals row left out');
  // The preview numbers rows as the spreadsheet does and strikes out the totals row.
  const preview = c.getByRole('table');
  await expect(preview.locator('tbody tr').first().locator('td').first()).toHaveText('3');
  await expect(preview.locator('tr.total')).toContainText('合计');
  await c.getByRole('button', { name: 'Import 12 rows' }).click();
  await expect(c.getByRole('status')).toContainText(
    'Imported 12 production rows from 质量报表.csv',
  );
  const after = await loaded(page);
  // The factories are the sample's own, named in Chinese: none is added, 合计 least of all.
  expect(after.factories).toBe(before.factories);
  expect(after.rows).toBe(before.rows + 12);
});

test('the header row can be set by hand, and the totals kept when the user says so', async ({
  page,
}) => {
  await openWithSample(page);
  await chooseFiles(page, [
    reportFile('报表.csv', qualityReport(thirdQuarterLots(), { titles: ['报表'], totals: '合计' })),
  ]);
  const c = card(page, '报表.csv');
  await expect(c.getByLabel('Header row')).toHaveValue('2');
  await c.getByLabel('Header row').fill('1');
  await c.getByLabel('Header row').press('Enter');
  await expect(c.getByRole('alert')).toContainText('Choose the kind.');
  await c.getByLabel('Header row').fill('2');
  await c.getByLabel('Header row').press('Enter');
  await expect(c.getByRole('button', { name: 'Import 12 rows' })).toBeEnabled();
  await c.getByLabel('Keep the 1 row that looks like a total').check();
  await expect(c.getByRole('button', { name: 'Import 13 rows' })).toBeEnabled();
  await expect(c).toContainText('1 row that looks like a total was kept, as chosen');
});

test('a revised report is offered as a replacement; after Replace the totals are the revision’s', async ({
  page,
}) => {
  await openWithSample(page);
  const before = await loaded(page);
  const lots = thirdQuarterLots();
  await chooseFiles(page, [reportFile('质量报表.csv', qualityReport(lots))]);
  await card(page, '质量报表.csv').getByRole('button', { name: 'Import 12 rows' }).click();
  await expect(card(page, '质量报表.csv').getByRole('status')).toContainText('Imported 12');
  expect((await loaded(page)).rows).toBe(before.rows + 12);

  // The revision corrects Zhenya's July: 1,210 becomes 1,230.
  const revised = lots.map((l, i) => (i === 0 ? { ...l, inspected: 1230 } : l));
  await chooseFiles(page, [reportFile('质量报表（修订）.csv', qualityReport(revised))]);
  const c = card(page, '质量报表（修订）.csv');
  await expect(c.getByRole('status')).toContainText(
    /^12 of 12 rows match rows of 质量报表\.csv, imported .+\. Importing both would count those lots twice\.$/,
  );
  // Nothing is counted twice without the user saying so: no plain Import, and Import all skips it.
  await expect(c.getByRole('button', { name: /^Import \d+ rows$/ })).toHaveCount(0);
  await c.getByRole('button', { name: 'Replace 质量报表.csv' }).click();
  await expect(c.getByRole('status')).toContainText(
    'Imported 12 production rows from 质量报表（修订）.csv, replacing 质量报表.csv',
  );
  const after = await loaded(page);
  expect(after.rows).toBe(before.rows + 12);
  await expect(page.getByRole('table').first()).toContainText('质量报表（修订）.csv');
  await expect(page.getByRole('table').first()).not.toContainText(/质量报表\.csv/);
  // Trends by month: Zhenya's crepe satin in July 1956 is the revision's 1,230 pieces.
  await page.goto(
    './#/trends?factories=zhenya&products=%E7%BB%89%E7%BC%8E&from=1956-07&to=1956-09',
  );
  await page.getByLabel('Show as table').check();
  await expect(page.locator('table tbody tr').first()).toContainText('1,230');
});

test('the first file of one’s own asks whether to remove the sample; the Data page removes it with one button', async ({
  page,
}) => {
  await openWithSample(page);
  await chooseFiles(page, [reportFile('报表.csv', qualityReport(thirdQuarterLots()))]);
  const ask = page.getByRole('region', { name: 'Sample data' });
  await expect(ask).toHaveCount(0);
  await card(page, '报表.csv').getByRole('button', { name: 'Import 12 rows' }).click();
  await expect(ask).toContainText('Your own data is in. Remove the sample data');
  await ask.getByRole('button', { name: 'Keep it' }).click();
  await expect(ask).toHaveCount(0);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  const notice = page.getByRole('region', { name: 'Sample data' });
  await expect(notice).toContainText('3 files marked “sample”');
  await notice.getByRole('button', { name: 'Remove the sample data' }).click();
  await expect(page.getByRole('table').first().locator('tbody tr')).toHaveCount(1);
  await expect(page.getByRole('table').first()).toContainText('报表.csv');
  await expect(notice).toHaveCount(0);
});

test('the Import page says what each kind needs, and its template imports as it is', async ({
  page,
}) => {
  await openWithSample(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByText('What each kind of file needs, and templates').click();
  const production = page.getByRole('region', { name: 'production', exact: true });
  await expect(production).toContainText('Needs: Factory ID factory_id, Product product');
  const wait = page.waitForEvent('download');
  await production.getByRole('button', { name: 'Download a production template' }).click();
  const download = await wait;
  expect(download.suggestedFilename()).toBe('loom-production-template.csv');
  await page.getByLabel('Choose files').setInputFiles((await download.path())!);
  await expect(page.getByRole('button', { name: 'Import 2 rows' })).toBeEnabled();
});

test('an Excel workbook imports from its data sheet, past the cover sheet and the merged title', async ({
  page,
}) => {
  await openWithSample(page);
  const before = await loaded(page);
  await chooseFiles(page, [
    {
      name: '质量报表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(reportWorkbook(thirdQuarterLots())),
    },
  ]);
  const c = card(page, '质量报表.xlsx');
  const sheet = c.getByRole('combobox', { name: 'Sheet' });
  await expect(sheet).toHaveValue('质量报表');
  await expect(sheet.locator('option')).toHaveText(['封面', '质量报表']);
  // A workbook has no encoding or delimiter to choose.
  await expect(c.getByLabel('Encoding')).toHaveCount(0);
  await expect(c.getByLabel('Header row')).toHaveValue('3');
  await expect(c).toContainText('Row 16 looks like a totals row (合计): left out.');
  // The cover sheet, chosen by hand, is not a table of any kind.
  await sheet.selectOption('封面');
  await expect(c.getByRole('alert')).toContainText('Choose the kind.');
  await sheet.selectOption('质量报表');
  await c.getByRole('button', { name: 'Import 12 rows' }).click();
  await expect(c.getByRole('status')).toContainText(
    'Imported 12 production rows from 质量报表.xlsx',
  );
  const after = await loaded(page);
  expect(after.factories).toBe(before.factories);
  expect(after.rows).toBe(before.rows + 12);
});

test('an old .xls workbook is refused with what to do instead', async ({ page }) => {
  await openWithSample(page);
  await chooseFiles(page, [
    {
      name: '报表.xls',
      mimeType: 'application/vnd.ms-excel',
      buffer: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
    },
  ]);
  await expect(card(page, '报表.xls').getByRole('alert')).toContainText(
    'This is an Excel 97–2003 workbook (.xls), which Loom does not read; open it in Excel or WPS and save it as an Excel workbook (.xlsx) or as CSV.',
  );
});

test('a table pasted from a spreadsheet goes through the same analysis and imports', async ({
  page,
}) => {
  await openWithSample(page);
  const before = await loaded(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  // What Excel and WPS put on the clipboard: tab-separated cells, CRLF rows.
  const table = ['厂名\t产品\t期间\t检验数\t次品数']
    .concat(
      thirdQuarterLots().map((l) =>
        [l.factory, l.product, l.period, l.inspected, l.defective].join('\t'),
      ),
    )
    .join('\r\n');
  await page.getByText('Or paste a table copied from Excel or WPS').click();
  await page
    .getByLabel('Paste here (Ctrl+V) anywhere on this page, or type and read it.')
    .fill(table);
  await page.getByRole('button', { name: 'Read pasted table' }).click();
  const c = card(page, 'Pasted table 1.tsv');
  await expect(c.getByLabel('Delimiter')).toHaveValue('\t');
  await expect(c.getByLabel('Kind')).toHaveValue('production');
  await c.getByRole('button', { name: 'Import 12 rows' }).click();
  await expect(c.getByRole('status')).toContainText('Imported 12 production rows');
  expect((await loaded(page)).rows).toBe(before.rows + 12);
});

test('Ctrl+V on the Import page reads the clipboard as a table', async ({ page, context }) => {
  await openWithSample(page);
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const table =
    'factory_id\tproduct\tperiod\tinspected\tdefective\r\nzhenya\tcrepe\t1956-07\t1210\t96\r\n';
  await page.evaluate((text) => navigator.clipboard.writeText(text), table);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+V');
  const c = card(page, 'Pasted table 1.tsv');
  await expect(c.getByRole('button', { name: 'Import 1 row' })).toBeEnabled();
});

test('a report with only a 次品率 column imports derived counts, with a warning, marked on the Data page', async ({
  page,
}) => {
  await openWithSample(page);
  await chooseFiles(page, [
    reportFile('次品率.csv', qualityReport(thirdQuarterLots(), { rates: 'only' })),
  ]);
  const c = card(page, '次品率.csv');
  await expect(c).toContainText(
    'The file has no defective count: Loom derives it as “次品率” × “检验数”, rounded to whole pieces.',
  );
  await c.getByRole('button', { name: 'Import 12 rows' }).click();
  await expect(c.getByRole('status')).toContainText('Imported 12 production rows');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  const row = page.getByRole('row').filter({ hasText: '次品率.csv' });
  await expect(row).toContainText('defective derived from the rate');
  // The sample's own files are not marked.
  await expect(page.getByText('defective derived from the rate')).toHaveCount(1);
});

test('lots reported by quarter are not drawn as their first month: the monthly view says where they are', async ({
  page,
}) => {
  await openWithSample(page);
  const quarterly = thirdQuarterLots()
    .filter((l) => l.period === '1956年7月')
    .map((l) => ({ ...l, period: '1956年第三季度', inspected: l.inspected * 3 }));
  await chooseFiles(page, [reportFile('季报.csv', qualityReport(quarterly))]);
  const c = card(page, '季报.csv');
  await c.getByRole('button', { name: 'Import 4 rows' }).click();
  await expect(c.getByRole('status')).toContainText('Imported 4 production rows');
  await page.goto('./#/trends?interval=month');
  await expect(page.getByRole('note')).toHaveText(
    '4 lots reported by quarter are shown at quarter and year intervals, not by month.',
  );
  await page.getByLabel('Interval').selectOption('quarter');
  await expect(page.getByRole('note')).toHaveCount(0);
});

test('a wide table, one column per month, is unpivoted into its lots when the user ticks Unpivot', async ({
  page,
}) => {
  await openWithSample(page);
  const before = await loaded(page);
  await chooseFiles(page, [reportFile('月报.csv', wideReport(thirdQuarterLots(), 'rows'))]);
  const c = card(page, '月报.csv');
  await expect(c).toContainText(
    'The 3 columns “1956年7月” … “1956年9月” look like one column per period',
  );
  await c.getByLabel('Unpivot: turn the 3 period columns into one row per period').check();
  await expect(c.getByLabel('Kind')).toHaveValue('production');
  await expect(c.getByRole('table').locator('thead th')).toHaveText([
    'Row',
    '厂名',
    '产品',
    '期间',
    '检验数',
    '次品数',
  ]);
  await c.getByRole('button', { name: 'Import 12 rows' }).click();
  await expect(c.getByRole('status')).toContainText('Imported 12 production rows');
  expect((await loaded(page)).rows).toBe(before.rows + 12);
});
