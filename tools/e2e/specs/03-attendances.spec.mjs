import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

describe('attendances', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('opens an attendance with its full AI summary', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'manager');
    await page.getByTestId('nav-attendances').click();
    const row = page.getByTestId('attendance-row').first();
    await row.waitFor();
    const detail = page.waitForResponse((response) => /\/api\/attendances\/[0-9a-f-]{36}$/.test(new URL(response.url()).pathname));
    await row.click();
    const body = await (await detail).json();
    await page.getByTestId('full-summary').waitFor();
    assert.equal((await page.getByTestId('full-summary').innerText()).trim(), (body.fullSummary ?? '—').trim());
    assert.ok(await page.getByTestId('edit-attendance').isVisible(), 'managers may correct an attendance');
    await page.keyboard.press('Escape');
    await page.getByTestId('attendance-detail').waitFor({ state: 'detached' });
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('loads the next page with the cursor', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.goto('/attendances');
    await page.getByTestId('attendance-row').first().waitFor();
    assert.equal(await page.getByTestId('attendance-row').count(), 50);
    await page.getByTestId('load-more').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="attendance-row"]').length === 100);
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
