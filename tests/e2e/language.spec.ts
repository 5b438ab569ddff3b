import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

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
