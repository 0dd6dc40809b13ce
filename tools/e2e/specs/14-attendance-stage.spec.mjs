import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

async function api(token, path) {
  const response = await fetch(`${BASE_URL}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.ok(response.ok, `GET ${path} answered ${response.status}`);
  return response.json();
}

const saved = (page) =>
  page.waitForResponse((response) => response.request().method() === 'PATCH' && /\/api\/attendances\/[0-9a-f-]{36}$/.test(new URL(response.url()).pathname));
const optionsIn = (page, testId) => page.locator(`#edit-stage optgroup[data-testid="${testId}"] option`).evaluateAll((options) => options.map((o) => o.value));

describe('the correction panel keeps stage, funnel and conversion coherent (issue 19, item 4)', () => {
  let browser;
  let token;
  before(async () => {
    browser = await launch();
    token = await apiToken('admin');
  });
  after(async () => browser?.close());

  it('offers the team funnel first, warns about other funnels, and asks before a sale leaves the won stage', async () => {
    const funnels = (await api(token, '/funnels?limit=200')).items;
    const { items } = await api(token, '/attendances?converted=true&limit=100');
    const sale = items.find(
      (item) => item.team && funnels.some((f) => f.teams.some((t) => t.id === item.team.id) && f.stages.some((s) => s.isWon && s.id === item.stage?.id)),
    );
    assert.ok(sale, 'the demo data has a sale in its team funnel’s won stage');
    const teamFunnel = funnels.find((f) => f.teams.some((t) => t.id === sale.team.id));
    const otherStage = funnels.find((f) => f !== teamFunnel).stages[0];
    const openStage = teamFunnel.stages.find((s) => !s.isWon && s.name !== 'Perdido') ?? teamFunnel.stages.find((s) => !s.isWon);

    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('nav-attendances').click();
    await page.locator('#att-converted').selectOption('true');
    await page.locator(`[data-testid="attendance-row"][data-id="${sale.id}"]`).click();
    await page.getByTestId('edit-attendance').click();
    await page.locator('#edit-stage optgroup[data-testid="stage-home"] option').first().waitFor({ state: 'attached' });
    assert.deepEqual(
      await optionsIn(page, 'stage-home'),
      teamFunnel.stages.map((s) => s.id),
      'the team funnel comes first, whole',
    );
    assert.equal((await optionsIn(page, 'stage-elsewhere')).includes(otherStage.id), true, 'other funnels are grouped below');

    await page.locator('#edit-stage').selectOption(otherStage.id);
    assert.match(await page.getByTestId('stage-outside-warning').innerText(), /Outros/);

    await page.locator('#edit-stage').selectOption(openStage.id);
    await page.getByTestId('left-won-question').waitFor();
    assert.equal(await page.getByTestId('edit-save').isDisabled(), true, 'the question must be answered before saving');
    await page.getByTestId('unmark-converted').click();
    await page.locator('[data-testid="edit-converted"]:not(:checked)').waitFor();
    let save = saved(page);
    await page.getByTestId('edit-save').click();
    await save;
    let stored = await api(token, `/attendances/${sale.id}`);
    assert.equal(stored.stage?.id, openStage.id);
    assert.equal(stored.converted, false, 'the sale left the won stage and is no longer converted');

    const won = teamFunnel.stages.find((s) => s.isWon);
    await page.getByTestId('edit-attendance').click();
    await page.locator(`#edit-stage option[value="${won.id}"]`).waitFor({ state: 'attached' });
    await page.locator('#edit-stage').selectOption(won.id);
    await page.getByTestId('converted-proposed').waitFor();
    await page.locator('[data-testid="edit-converted"]:checked').waitFor(); // the won stage proposes "Convertido"
    save = saved(page);
    await page.getByTestId('edit-save').click();
    await save;
    stored = await api(token, `/attendances/${sale.id}`);
    assert.deepEqual([stored.stage?.id, stored.converted], [won.id, true]);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('gives a manager only the team funnel, with the won stage known', async () => {
    const managerToken = await apiToken('manager');
    const { items } = await api(managerToken, '/attendances?converted=false&limit=20');
    const lead = items.find((item) => item.team);
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'manager');
    await page.goto(`/attendances?converted=false&open=${lead.id}`);
    await page.getByTestId('edit-attendance').click();
    await page.locator('#edit-stage optgroup[data-testid="stage-home"] option').first().waitFor({ state: 'attached' });
    assert.equal(await page.locator('#edit-stage optgroup[data-testid="stage-elsewhere"]').count(), 0);
    const wonOption = page.locator('#edit-stage option', { hasText: 'Venda Fechada' });
    await page.locator('#edit-stage').selectOption(await wonOption.getAttribute('value'));
    await page.getByTestId('converted-proposed').waitFor();
    await page.locator('[data-testid="edit-converted"]:checked').waitFor();
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
