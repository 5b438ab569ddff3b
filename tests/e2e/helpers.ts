import { expect, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';

/** Path of a file in tests/fixtures/. */
export const fixturePath = (name: string) =>
  new URL(`../fixtures/${name}`, import.meta.url).pathname;

/** The sample files the manifest lists. */
export const sampleFiles: string[] = JSON.parse(
  readFileSync(new URL('../../public/data/manifest.json', import.meta.url), 'utf8'),
).files;

/** Opens Loom on a fresh profile and waits until the sample data is loaded and listed. */
export async function openWithSample(page: Page): Promise<void> {
  await page.goto('./#/data');
  const rows = page.getByRole('table').first().locator('tbody tr');
  await expect(rows).toHaveCount(sampleFiles.length);
  await expect(page.locator('.busy')).toHaveCount(0);
}

/** Goes to the Import page and chooses files through the file input, as a person would. */
export async function chooseFiles(
  page: Page,
  files: string[] | { name: string; mimeType: string; buffer: Buffer }[],
) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Import' })
    .click();
  await page.getByLabel('Choose files').setInputFiles(files as never);
}

/** The section of the Import page for one chosen file. */
export const card = (page: Page, fileName: string) =>
  page.getByRole('region', { name: `File ${fileName}` });

/** A file to choose through a file input, made from text (for files built in the test). */
export const textFile = (name: string, text: string, mimeType = 'application/json') => ({
  name,
  mimeType,
  buffer: Buffer.from(text),
});

/** Clicks one of a chart's export buttons (in the group named `group`) and reads the download. */
export async function exportAs(
  page: Page,
  group: string | RegExp,
  kind: string,
): Promise<{ file: Download; bytes: Buffer }> {
  const wait = page.waitForEvent('download');
  await page.getByRole('group', { name: group }).getByRole('button', { name: kind }).click();
  const file = await wait;
  return { file, bytes: await readFile((await file.path())!) };
}
