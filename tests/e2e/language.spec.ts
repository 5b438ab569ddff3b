import { expect, test } from '@playwright/test';
import { fixturePath, openWithSample } from './helpers';

test('the language switch turns the interface and factory names into Chinese, and is remembered', async ({
  page,
}) => {
  await openWithSample(page);
  await page.goto('./#/network');
  await expect(page.locator('g.node', { hasText: 'Zhenya Silk Factory' })).toBeVisible();

  await page.getByLabel('Language').selectOption('zh');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '网络' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1, name: '网络' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // Factory labels follow the language: name_zh.
  await expect(page.locator('g.node', { hasText: '振亚丝织厂' })).toBeVisible();
  await expect(page.locator('g.node', { hasText: 'Zhenya Silk Factory' })).toHaveCount(0);
  await expect(page.getByRole('img', { name: /家工厂之间的 17 条交流关系/ })).toBeVisible();
  await expect(page.getByText(/^已采用：/)).toContainText('13 / 13');
  // An edge's tooltip too: names, count and date in Chinese.
  const edgeTitles = await page.locator('path.edge > title').allTextContents();
  expect(edgeTitles).toContainEqual(
    expect.stringMatching(/^振亚丝织厂 → 光明丝织厂：(1 次交流，|自 )1956年\d+月\d+日/),
  );
  // Dates through Intl in the language's form.
  await expect(page.getByRole('group', { name: '回放' }).locator('output')).toHaveText(
    '1957年4月1日',
  );

  // The panel and the link to Trends, in Chinese.
  await page.locator('g.node', { hasText: '光明丝织厂' }).locator('circle').click();
  const panel = page.getByRole('complementary', { name: '工厂：光明丝织厂' });
  await expect(panel).toContainText('Guangming Silk Factory');
  await expect(panel.getByRole('link', { name: '在“趋势”中打开' })).toBeVisible();

  // Remembered across a reload.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '网络' })).toBeVisible();
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByRole('heading', { level: 1, name: 'Network' })).toBeVisible();
  await expect(page.locator('g.node', { hasText: 'Zhenya Silk Factory' })).toBeVisible();
});

test('in Chinese, no heading, button, label or column header on any page is left in English', async ({
  page,
}) => {
  await openWithSample(page);
  await page.getByLabel('Language').selectOption('zh');
  const routes = [
    '#/data',
    '#/import',
    '#/trends?factories=guangming',
    '#/network?factory=guangming',
    '#/network?layout=tree&experience=Find%20the%20key%20defect%2C%20promote%20the%20advanced%20method',
    '#/impact',
    '#/impact?method=its&factory=guangming',
    '#/control',
    '#/control?factory=dongwu&product=crepe+satin',
    '#/present',
  ];
  for (const route of routes) {
    await page.goto(`./${route}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.busy')).toHaveCount(0);
    const english = await page.evaluate(() => {
      // Data (factory, product and experience names, file names) may be English; the interface may
      // not, save for the names of methods and their authors (Callaway & Sant'Anna, Holm, Laney).
      const data = '.legend, .options, td, option, .ooc, .side li, .facts, .view, .file, h2.file';
      const allowed =
        /^(SVG|PNG|CSV|Loom|UTF-8|UTF-16|GB18030|GBK|Windows-1252|LE|BE|Excel|xlsx|xls|xlsm|WPS|Ctrl|README|Welch|Wilson|CI|p|Callaway|Sant|Anna|Lopez|Bernal|Holm|Laney|NHS|Spiegelhalter|log)$/;
      // Words that occur in data on the page (products, experiences) may appear inside sentences.
      const dataWords = new Set(
        [...document.querySelectorAll(data)].flatMap(
          (el) => el.textContent?.match(/[A-Za-z][A-Za-z0-9-]+/g) ?? [],
        ),
      );
      const found: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>(
        'h1, h2, h3, button, label, th, summary, legend, p, .muted',
      )) {
        if (el.closest(data) || el.closest('svg') || !el.checkVisibility()) continue;
        const own = [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join(' ');
        for (const word of own.match(/[A-Za-z][A-Za-z0-9-]{2,}/g) ?? [])
          if (!allowed.test(word) && !dataWords.has(word))
            found.push(`${el.tagName.toLowerCase()}: ${own.trim()}`);
      }
      return [...new Set(found)];
    });
    expect(english, route).toEqual([]);
  }
});

test('in Chinese, a broken file’s problems are told in Chinese, with their row and column', async ({
  page,
}) => {
  await openWithSample(page);
  await page.getByLabel('Language').selectOption('zh');
  await page.goto('./#/import');
  const input = page.getByLabel('选择文件');
  await input.setInputFiles(fixturePath('production-errors.csv'));
  const errors = page.getByRole('alert', { name: /production-errors\.csv/ });
  await expect(errors).toContainText('第 11 行，“inspected”列：“abc”不是数字。');
  await expect(errors).toContainText('第 3 行，“period”列：“1956-02-30”不是真实存在的日期。');
  await expect(errors).toContainText('既可能是 1956-06-08，也可能是 1956-08-06');
  // A file refused as a whole, too.
  await input.setInputFiles(fixturePath('unclosed-quote.csv'));
  await expect(page.getByRole('alert').filter({ hasText: 'unclosed-quote.csv' })).toContainText(
    '引号字段没有闭合',
  );
});
