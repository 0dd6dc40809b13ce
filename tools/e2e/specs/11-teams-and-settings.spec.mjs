import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const accent = (page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--color-gold-400').trim());

describe('teams and tenant settings', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('an admin creates a team with a funnel; a manager sees teams without editing', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Equipes' }).click();
    await page.getByTestId('team-card').first().waitFor();
    const name = `Equipe E2E ${randomBytes(2).toString('hex')}`;
    await page.getByTestId('new-team').click();
    await page.locator('#team-name').fill(name);
    await page.getByTestId('team-funnel').selectOption({ label: 'Funil de Vendas' });
    await page.getByTestId('team-dialog-submit').click();
    const card = page.getByTestId('team-card').filter({ hasText: name });
    await card.waitFor();
    assert.equal(await card.getByTestId('team-funnel-name').innerText(), 'Funil de Vendas');
    assertNoConsoleErrors(errors);
    await context.close();

    const manager = await openPage(browser);
    await signIn(manager.page, 'manager');
    await manager.page.goto('/teams');
    await manager.page.getByTestId('team-card').first().waitFor();
    assert.equal(await manager.page.getByTestId('team-card').count(), 1, 'a manager sees only their team');
    assert.equal(await manager.page.getByTestId('new-team').count(), 0);
    assert.equal(await manager.page.getByTestId('edit-team').count(), 0);
    await manager.context.close();
  });

  it('a primary color saved in the settings repaints the shell’s accent at once', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    const gold = await accent(page);
    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Configurações' }).click();
    await page.getByTestId('settings-color').fill('#3b82f6');
    await page.locator('#settings-score').fill('101');
    await page.getByTestId('settings-save').click();
    assert.match(await page.getByTestId('form-errors').innerText(), /0 a 100/);
    await page.locator('#settings-score').fill('40');
    await page.getByTestId('settings-save').click();
    await page.getByRole('status').filter({ hasText: 'Alterações salvas' }).waitFor();
    assert.equal(await accent(page), '#3b82f6');
    await page.getByRole('button', { name: 'Usar o dourado padrão' }).click();
    await page.getByTestId('settings-save').click();
    await page.getByRole('status').filter({ hasText: 'Alterações salvas' }).waitFor();
    assert.equal(await accent(page), gold);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('the audit log shows who changed what, field by field (old → new), filtered by entity', async () => {
    const token = await apiToken('admin');
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const suffix = randomBytes(2).toString('hex');
    const created = await fetch(`${BASE_URL}/api/teams`, { method: 'POST', headers, body: JSON.stringify({ name: `Auditada ${suffix}` }) });
    assert.equal(created.status, 201);
    const team = await created.json();
    const renamed = await fetch(`${BASE_URL}/api/teams/${team.id}`, { method: 'PATCH', headers, body: JSON.stringify({ name: `Renomeada ${suffix}` }) });
    assert.equal(renamed.status, 200);

    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Auditoria' }).click();
    await page.getByTestId('audit-row').first().waitFor();
    await page.getByTestId('audit-entity').selectOption('team');
    await page.waitForURL(/entity=team/);
    const row = page
      .getByTestId('audit-row')
      .filter({ hasText: `Renomeada ${suffix}` })
      .first();
    await row.waitFor();
    assert.match(await row.innerText(), new RegExp(`Nome:\\s*Auditada ${suffix}\\s*→\\s*Renomeada ${suffix}`));
    assert.equal(await row.getByTestId('audit-action').innerText(), 'Alterou');
    assert.match(await row.getByTestId('audit-object').innerText(), new RegExp(`Equipe:\\s*Renomeada ${suffix}`));
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
