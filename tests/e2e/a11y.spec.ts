// Every route: no serious or critical axe-core violations, and no Content-Security-Policy
// violations in the console.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { openWithSample } from './helpers';

const ROUTES: [string, string][] = [
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
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);
    expect(csp).toEqual([]);
  });
}
