import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

describe('super admin console', () => {
  let browser;
  before(async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    browser = await launch();
  });
  after(async () => browser?.close());

  it('creates a tenant and an API key, ingests with the key and sees the attendance as the tenant admin, then exits', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'superadmin');
    await page.getByTestId('tenant-row').first().waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="overview"] .skeleton'));
    await page.screenshot({ path: 'docs/screenshots/console-dark-desktop.png' });

    const suffix = randomBytes(3).toString('hex');
    await page.getByTestId('new-tenant').click();
    await page.getByTestId('create-tenant-submit').click();
    await page.getByTestId('form-errors').waitFor();
    await page.locator('#tenant-name').fill(`Vendas E2E ${suffix}`);
    assert.equal(await page.locator('#tenant-slug').inputValue(), `vendas-e2e-${suffix}`, 'the slug follows the name');
    await page.locator('#tenant-admin-name').fill('Dona E2E');
    await page.locator('#tenant-admin-email').fill(`dona-${suffix}@e2e.example`);
    // Plans come from a list, by name.
    assert.deepEqual(await page.locator('#tenant-plan option').allInnerTexts(), ['Avaliação', 'Essencial', 'Profissional', 'Empresarial']);
    await page.locator('#tenant-plan').selectOption({ label: 'Essencial' });
    await page.getByTestId('create-tenant-submit').click();
    await page.waitForURL(/\/console\/tenants\/[0-9a-f-]{36}$/);
    assert.match(await page.getByTestId('tenant-title').getByRole('heading', { level: 1 }).innerText(), new RegExp(`Vendas E2E ${suffix}`));
    assert.match(await page.getByTestId('tenant-status').innerText(), /Em teste/);
    // Its first admin has only been invited: a pending invitation, not an active user.
    await page.getByText('1 (1 convite pendente)').waitFor();
    const tenantId = page.url().split('/').pop();
    const superToken = await apiToken('superadmin');
    const storedPlan = async () =>
      (await (await fetch(`${BASE_URL}/api/tenants/${tenantId}`, { headers: { authorization: `Bearer ${superToken}` } })).json()).plan;
    assert.equal(await storedPlan(), 'starter');
    await page.getByTestId('tenant-facts').getByText('Essencial', { exact: true }).waitFor();
    await page.locator('#tenant-plan-edit').selectOption({ label: 'Profissional' });
    await page.locator('#tenant-trial-edit').fill('2030-01-31');
    await page.getByTestId('plan-save').click();
    await page.getByTestId('plan-form').getByRole('status').waitFor();
    assert.match(await page.getByText('31/01/30').first().innerText(), /31\/01\/30/, 'the new trial end shows in pt-BR');
    assert.equal(await storedPlan(), 'pro');
    await page.getByTestId('tenant-facts').getByText('Profissional', { exact: true }).waitFor();
    assert.equal(await page.getByText('pro', { exact: true }).count(), 0, 'the plan shows by name, never by code');

    await page.getByTestId('new-key').click();
    await page.locator('#key-name').fill('n8n e2e');
    await page.getByTestId('create-key-submit').click();
    const key = await page.getByTestId('created-key').inputValue();
    assert.match(key, /^fst_/);
    assert.match(await page.getByTestId('new-key-dialog').innerText(), /não será mostrada de novo/);
    await page.getByRole('button', { name: 'Já guardei' }).click();
    await page.getByTestId('new-key-dialog').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('key-row').count(), 1);
    assert.equal(await page.getByTestId('created-key').count(), 0, 'the key is gone once the dialog closes');

    const customer = `Cliente ${suffix}`;
    const ingest = await fetch(`${BASE_URL}/api/integration/attendances`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({
        external_id: `e2e-${suffix}`,
        customer_name: customer,
        title: 'Primeiro contato',
        score: 80,
        attended_at: new Date().toISOString(),
      }),
    });
    assert.equal(ingest.status, 201, await ingest.clone().text());

    await page.getByTestId('impersonate').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancelar', exact: true }).click();
    assert.match(page.url(), /\/console\/tenants\//, 'cancelling the confirmation keeps the super admin where they were');
    await page.getByTestId('impersonate').click();
    assert.match(await page.getByTestId('confirm-dialog').innerText(), /auditoria com o seu nome/);
    await page.getByTestId('confirm-ok').click();
    await page.waitForURL(/\/dashboard/);
    assert.match(await page.getByRole('status').filter({ hasText: 'agindo como' }).innerText(), new RegExp(`Dona E2E \\(Vendas E2E ${suffix}\\)`));
    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Atendimentos' }).click();
    await page.getByTestId('attendance-row').filter({ hasText: customer }).waitFor();

    await page.getByRole('button', { name: 'Sair do modo' }).click();
    await page.waitForURL(/\/console$/);
    assert.equal(await page.getByText('agindo como').count(), 0, 'the banner is gone');
    await page.getByTestId('tenant-row').first().waitFor();
    assert.equal(await page.getByTestId('impersonation-ended').count(), 0, 'leaving on purpose needs no notice');
    const listed = page.getByTestId('tenant-row').filter({ hasText: `vendas-e2e-${suffix}` });
    assert.match(await listed.innerText(), /Profissional/, 'the console list names the plan');
    assert.doesNotMatch(await listed.innerText(), /\bpro\b/);

    // The impersonation token lives in memory only: a reload ends it, and the app says so.
    await page
      .getByTestId('tenant-row')
      .filter({ hasText: `vendas-e2e-${suffix}` })
      .getByRole('link')
      .click();
    await page.getByTestId('impersonate').click();
    await page.getByTestId('confirm-ok').click();
    await page.waitForURL(/\/dashboard/);
    // Reload once the impersonated session shows, as a person would: the tab notes it when the shell renders it.
    await page.getByRole('status').filter({ hasText: 'agindo como' }).waitFor();
    await page.reload();
    await page.getByTestId('impersonation-ended').filter({ hasText: 'Dona E2E' }).waitFor();
    await page.waitForURL(/\/console/);
    assert.equal(await page.getByText('agindo como').count(), 0, 'back in the super admin account');
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('suspends a tenant only after a confirmation and reactivates it', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'superadmin');
    await page.getByTestId('tenant-row').filter({ hasText: 'acme' }).getByRole('link').click();
    await page.getByTestId('tenant-suspend').click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Cancelar', exact: true }).click();
    assert.match(await page.getByTestId('tenant-status').innerText(), /Ativo|Em teste/, 'cancelling the dialog changes nothing');
    await page.getByTestId('tenant-suspend').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('tenant-status').filter({ hasText: 'Suspenso' }).waitFor();
    const login = await fetch(`${BASE_URL}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@acme.fasto.app', password: process.env.DEMO_PASSWORD ?? 'Fasto@2026!demo' }),
    });
    assert.notEqual(login.status, 200, 'a suspended tenant cannot sign in');
    await page.getByTestId('tenant-reactivate').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('tenant-status').filter({ hasText: 'Ativo' }).waitFor();
    assertNoConsoleErrors(errors.filter((text) => !/status of 40[13]/.test(text)));
    await context.close();
  });
});
