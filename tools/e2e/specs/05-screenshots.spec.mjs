// Not a check but the README's pictures: the dashboard and the attendances list in both themes, desktop and phone.
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { launch, openPage, signIn } from '../support/browser.mjs';

const DIR = 'docs/screenshots';

describe('screenshots', () => {
  let browser;
  before(async () => {
    mkdirSync(DIR, { recursive: true });
    browser = await launch();
  });
  after(async () => browser?.close());

  it('reports how fast the dashboard becomes interactive after a reload (P7, informative)', async (t) => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('pie-stage').locator('path.arc').first().waitFor();
    const started = Date.now();
    await page.reload();
    await page.getByTestId('pie-stage').locator('path.arc').first().waitFor();
    t.diagnostic(`dashboard interactive ${Date.now() - started} ms after reload (session restore + data + charts)`);
    await context.close();
  });

  for (const theme of ['dark', 'light']) {
    for (const [device, width, height] of [
      ['desktop', 1440, 900],
      ['phone', 390, 844],
    ]) {
      it(`dashboard, ${theme}, ${device}`, async () => {
        const { context, page } = await openPage(browser, { width, height });
        await page.addInitScript((value) => localStorage.setItem('fasto.theme', JSON.stringify(value)), theme);
        await signIn(page, 'admin');
        await page.getByTestId('pie-stage').locator('path.arc').first().waitFor();
        await page.mouse.move(0, 0);
        await page.waitForTimeout(1000); // ngx-charts fades arcs and lines in
        await page.screenshot({ path: `${DIR}/dashboard-${theme}-${device}.png`, fullPage: device === 'desktop' });
        await context.close();
      });

      // The shared table of libs/ui: a table on a desktop, cards on a phone.
      it(`attendances, ${theme}, ${device}`, async () => {
        const { context, page } = await openPage(browser, { width, height });
        await page.addInitScript((value) => localStorage.setItem('fasto.theme', JSON.stringify(value)), theme);
        await signIn(page, 'admin');
        await page.goto('/attendances');
        await page.getByTestId('attendance-row').first().waitFor();
        await page.mouse.move(0, 0);
        await page.screenshot({ path: `${DIR}/attendances-${theme}-${device}.png` });
        await context.close();
      });
    }
  }
});
