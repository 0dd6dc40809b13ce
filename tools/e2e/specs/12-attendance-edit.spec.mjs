import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

async function api(token, path, init = {}) {
  const response = await fetch(`${BASE_URL}/api${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
  assert.ok(response.ok, `${init.method ?? 'GET'} ${path} answered ${response.status}`);
  return response.json();
}

const patchOf = (page) =>
  page.waitForResponse((response) => response.request().method() === 'PATCH' && /\/api\/attendances\/[0-9a-f-]{36}$/.test(new URL(response.url()).pathname));

describe('attendance corrections keep the money right (issue 19, item 1)', () => {
  let browser;
  let token;
  before(async () => {
    browser = await launch();
    token = await apiToken('admin');
  });
  after(async () => browser?.close());

  it('changing only the stage of a sale leaves its value alone; a typed 1.234,56 is stored as 1234.56', async () => {
    const { items } = await api(token, '/attendances?converted=true&limit=50');
    const sale = items.find((item) => item.saleValue >= 1000 && item.stage);
    assert.ok(sale, 'the demo data has a converted sale of at least R$ 1.000');

    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('nav-attendances').click();
    await page.locator('#att-converted').selectOption('true');
    await page.locator(`[data-testid="attendance-row"][data-id="${sale.id}"]`).click();
    await page.getByTestId('edit-attendance').click();

    const shown = new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(sale.saleValue);
    assert.equal(await page.locator('#edit-sale').inputValue(), shown, 'the sale value is shown the Brazilian way');

    // Another stage of the team funnel that is not the won one, so "Convertido" is not in question.
    const stage = page.locator('#edit-stage');
    await stage.locator('optgroup option').first().waitFor({ state: 'attached' });
    // The form shows the attendance as it is, also once the stage and origin lists arrived after it.
    assert.equal(await stage.inputValue(), sale.stage.id, 'the current stage stays chosen');
    assert.equal(await page.locator('#edit-origin').inputValue(), sale.origin?.id ?? '', 'the current origin stays chosen');
    assert.equal(await page.getByTestId('edit-converted').isChecked(), true, 'a sale shows "Convertido" ticked');
    const funnels = (await api(token, '/funnels?limit=200')).items;
    const won = new Set(funnels.flatMap((funnel) => funnel.stages.filter((s) => s.isWon).map((s) => s.id)));
    const other = await stage
      .locator('optgroup option')
      .evaluateAll((options, skip) => options.map((o) => o.value).find((value) => !skip.includes(value)), [sale.stage.id, ...won]);
    await stage.selectOption(other);
    if (await page.getByTestId('left-won-question').isVisible()) await page.getByTestId('keep-converted').click();
    const firstSave = patchOf(page);
    await page.getByTestId('edit-save').click();
    const sent = (await firstSave).request().postDataJSON();
    assert.equal(sent.funnelStageId, other);
    assert.equal('saleValue' in sent, false, 'an edit sends only the fields the user changed');
    await page.getByRole('status').waitFor();

    let stored = await api(token, `/attendances/${sale.id}`);
    assert.equal(stored.stage?.id, other);
    assert.equal(stored.saleValue, sale.saleValue, 'the stored sale value did not move');

    await page.getByTestId('edit-attendance').click();
    await page.locator('#edit-sale').fill('1.234,56');
    const secondSave = patchOf(page);
    await page.getByTestId('edit-save').click();
    await secondSave;
    stored = await api(token, `/attendances/${sale.id}`);
    assert.equal(stored.saleValue, 1234.56);

    await page.getByTestId('edit-attendance').click();
    await page.locator('#edit-sale').fill('6459.51');
    await page.getByTestId('edit-save').click();
    assert.match(await page.getByRole('alert').innerText(), /6\.459,51/, 'an ambiguous value is refused with an example');
    stored = await api(token, `/attendances/${sale.id}`);
    assert.equal(stored.saleValue, 1234.56, 'nothing was saved');
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
