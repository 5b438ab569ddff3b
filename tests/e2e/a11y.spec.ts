// Every route: no serious or critical axe-core violations, and no Content-Security-Policy
// violations in the console.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { openWithSample, textFile } from './helpers';

const ROUTES: [string, string][] = [
  ['#/', 'Overview'],
  ['#/embed/trends?factories=guangming', 'Defect rate, Guangming Silk Factory, 1955-01–1957-12'],
  ['#/data', 'Data'],
  ['#/import', 'Import'],
  ['#/trends?factories=guangming', 'Trends'],
  ['#/trends?interval=quarter&by=product', 'Trends'],
  ['#/network', 'Network'],
  [
    '#/network?layout=tree&experience=Find%20the%20key%20defect%2C%20promote%20the%20advanced%20method',
    'Network',
  ],
  ['#/impact', 'Impact'],
  ['#/impact?method=its&factory=guangming', 'Impact'],
  ['#/control', 'Control'],
  ['#/control?factory=dongwu&product=crepe+satin&note=1956-08:gauges', 'Control'],
  ['#/present', 'Present'],
  ['#/no-such-page', 'No such page'],
];

for (const [route, heading] of ROUTES) {
  test(`${route}: no serious accessibility or CSP violations`, async ({ page }) => {
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content.Security.Policy/i.test(m.text())) csp.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) =>
        console.error(`Content-Security-Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
      );
    });
    await openWithSample(page);
    await page.goto(`./${route}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.locator('.busy')).toHaveCount(0);
    expect(await seriousViolations(page)).toEqual([]);
    expect(csp).toEqual([]);
  });
}

/** axe-core's serious and critical violations on the page as it is, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

// Presenting: every slide of a deck, in each projector theme (contrast is checked on the slide,
// with its large type and the theme's inks).
for (const theme of ['light', 'dark', 'contrast'] as const) {
  test(`presenting in the ${theme} theme: no serious accessibility violations on any slide`, async ({
    page,
  }) => {
    await openWithSample(page);
    await page.goto('./#/present');
    // The shipped deck's views: a trend with its adoptions, the network mid-playback and at its
    // end, a control chart with a stage, and Impact's key numbers.
    const slides = [
      '/trends?factories=zhenya,dongwu,guangming',
      '/network?at=1956-06-30',
      '/network',
      '/control?factory=guangming&product=crepe%20satin&stage=1956-06-01',
      '/impact',
    ];
    const deck = {
      format: 'loom-decks',
      version: 1,
      decks: [
        {
          name: `In ${theme}`,
          theme,
          slides: slides.map((url, i) => ({ url, title: `Slide ${i + 1}`, notes: '' })),
        },
      ],
    };
    await page
      .getByLabel('Import decks')
      .setInputFiles(textFile('deck.json', JSON.stringify(deck)));
    await page
      .getByRole('region', { name: `Deck: In ${theme}` })
      .getByRole('button', { name: 'Present' })
      .click();
    const bar = page.getByRole('contentinfo', { name: 'Presentation' });
    for (let n = 1; n <= slides.length; n++) {
      await expect(bar).toContainText(`Slide ${n} of ${slides.length}`);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.locator('.busy')).toHaveCount(0);
      expect(await seriousViolations(page), `slide ${n}`).toEqual([]);
      await page.keyboard.press('PageDown');
    }
  });
}
