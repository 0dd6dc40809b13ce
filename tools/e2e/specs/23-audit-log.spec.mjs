import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
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

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const optionsIn = (page, testId) => page.locator(`#edit-stage optgroup[data-testid="${testId}"] option`).evaluateAll((options) => options.map((o) => o.value));

describe('the audit log reads as a person expects (issue 19, item 9)', () => {
  let browser;
  let token;
  before(async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    browser = await launch();
    token = await apiToken('admin');
  });
  after(async () => browser?.close());

  it('an admin moves an attendance to another stage; the log names the stages, not their ids', async () => {
    const funnels = (await api(token, '/funnels?limit=200')).items;
    const won = new Set(funnels.flatMap((funnel) => funnel.stages.filter((stage) => stage.isWon).map((stage) => stage.id)));
    const stageName = new Map(funnels.flatMap((funnel) => funnel.stages.map((stage) => [stage.id, stage.name])));
    const { items } = await api(token, '/attendances?converted=false&limit=50');
    const chosen = items.find((item) => item.team && item.stage && !won.has(item.stage.id));
    assert.ok(chosen, 'the demo data has an open attendance of a team, in a stage');

    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('nav-attendances').click();
    await page.locator('#att-converted').selectOption('false');
    await page.locator(`[data-testid="attendance-row"][data-id="${chosen.id}"]`).click();
    await page.getByTestId('edit-attendance').click();
    await page.locator('#edit-stage optgroup[data-testid="stage-home"] option').first().waitFor({ state: 'attached' });
    const target = (await optionsIn(page, 'stage-home')).find((id) => id && id !== chosen.stage.id && !won.has(id));
    await page.locator('#edit-stage').selectOption(target);
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && new URL(response.url()).pathname === `/api/attendances/${chosen.id}`,
    );
    await page.getByTestId('edit-save').click();
    assert.equal((await saved).status(), 200);
    assert.equal((await api(token, `/attendances/${chosen.id}`)).stage.id, target, 'the API has the new stage');
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Fechar' }).first().waitFor({ state: 'detached' });

    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Auditoria' }).click();
    const row = page.getByTestId('audit-row').filter({ hasText: 'Corrigiu' }).first();
    await row.waitFor();
    const text = await row.innerText();
    assert.match(text, /Ana Administradora/);
    assert.match(await row.getByTestId('audit-object').innerText(), /^Atendimento/);
    if (chosen.customerName) assert.match(text, new RegExp(escape(chosen.customerName)));
    assert.match(text, new RegExp(`Etapa:\\s*${escape(stageName.get(chosen.stage.id))}\\s*→\\s*${escape(stageName.get(target))}`));
    assert.doesNotMatch(text, UUID, 'no id is shown');
    assert.doesNotMatch(text, /attendance\.updated|funnelStageId/, 'no code is shown');

    const logged = (await api(token, '/audit-logs?action=attendance.updated&limit=1')).items[0];
    assert.equal(logged.entityId, chosen.id);
    assert.deepEqual(logged.changes.funnelStageId, { from: chosen.stage.id, to: target });
    assert.deepEqual(logged.references[target], { kind: 'funnel_stage', name: stageName.get(target), deleted: false });
    assert.equal(logged.actorName, 'Ana Administradora');
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('a console action by a super admin shows the super admin, marked as Fasto support', async () => {
    const tenantId = (await api(token, '/auth/me')).user.tenantId;
    const keyName = `Chave E2E ${randomBytes(2).toString('hex')}`;
    const superAdmin = await apiToken('superadmin');
    await api(superAdmin, `/tenants/${tenantId}/api-keys`, { method: 'POST', body: JSON.stringify({ name: keyName }) });

    const logged = (await api(token, '/audit-logs?entity=api_key&limit=1')).items[0];
    assert.equal(logged.action, 'api_key.created');
    assert.equal(logged.actorIsSuperAdmin, true);
    assert.equal(logged.references[logged.entityId].name, keyName);

    for (const theme of ['dark', 'light']) {
      const { context, page, errors } = await openPage(browser);
      await page.addInitScript((value) => localStorage.setItem('fasto.theme', JSON.stringify(value)), theme);
      await signIn(page, 'admin');
      await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Auditoria' }).click();
      await page.getByTestId('audit-row').first().waitFor();
      if (theme === 'dark') {
        await page.getByTestId('audit-entity').selectOption({ label: 'Chave de API' });
        await page.waitForURL(/entity=api_key/);
        const row = page.getByTestId('audit-row').filter({ hasText: keyName }).first();
        await row.waitFor();
        assert.match(await row.getByTestId('audit-actor').innerText(), new RegExp(`${escape(logged.actorName)}\\s*suporte Fasto`));
        assert.equal(await row.getByTestId('audit-action').innerText(), 'Criou');
        assert.match(await row.getByTestId('audit-object').innerText(), new RegExp(`Chave de API:\\s*${escape(keyName)}`));
        assert.doesNotMatch(await row.innerText(), UUID);
        await page.goto('/audit');
        await page.getByTestId('audit-row').first().waitFor();
      }
      await page.mouse.move(0, 0);
      await page.screenshot({ path: `docs/screenshots/audit-${theme}-desktop.png` });
      assertNoConsoleErrors(errors);
      await context.close();
    }
  });
});
