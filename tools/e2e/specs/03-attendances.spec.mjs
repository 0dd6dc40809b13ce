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

  it('lets an admin correct the stage, and exports the filtered list', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.goto('/attendances?converted=false');
    await page.getByTestId('attendance-row').first().click();
    await page.getByTestId('edit-attendance').click();
    const stage = page.locator('#edit-stage');
    await stage.locator('optgroup option').first().waitFor({ state: 'attached' });
    const current = await stage.inputValue();
    const choices = await stage.locator('option').evaluateAll((options) => options.map((o) => ({ value: o.value, label: o.textContent?.trim() ?? '' })));
    const next = choices.find((option) => option.value && option.value !== current);
    await stage.selectOption(next.value);
    const saved = page.waitForResponse((response) => response.request().method() === 'PATCH' && /\/api\/attendances\//.test(response.url()));
    await page.getByTestId('edit-save').click();
    const body = await (await saved).json();
    assert.equal(body.stage?.id, next.value);
    assert.match(await page.getByTestId('attendance-detail').innerText(), new RegExp(body.stage.name));
    await page.keyboard.press('Escape');

    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.csv$/);
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
