import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';
import { emailedToken } from '../support/outbox.mjs';

async function setPassword(page, password) {
  await page.locator('#new-password').fill(password);
  await page.locator('#confirm-password').fill(password);
}

describe('invitation and password reset', () => {
  let browser;
  const mailbox = `convidado${randomBytes(3).toString('hex')}`;
  const email = `${mailbox}@demo.fasto.app`;

  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('an admin invites a member from the Members screen (checked before sending)', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Membros' }).click();
    await page.getByTestId('member-row').first().waitFor();
    await page.getByTestId('invite-member-open').click();
    await page.getByTestId('invite-member-submit').click();
    assert.match(await page.getByTestId('form-errors').innerText(), /e-mail válido/);
    await page.locator('#member-email').fill(email);
    await page.locator('#member-name').fill('Convidado E2E');
    await page.getByTestId('member-role').selectOption('agent');
    await page.getByTestId('member-team').selectOption({ index: 1 });
    await page.getByTestId('invite-member-submit').click();
    await page.getByTestId('invite-member').waitFor({ state: 'detached' });
    const row = page.getByTestId('member-row').filter({ hasText: email });
    assert.match(await row.innerText(), /Convite pendente/);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('accepts an invitation with live policy feedback and the API’s own objections', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`/accept-invite?token=${encodeURIComponent(await emailedToken(email, 'accept-invite'))}`);
    const submit = page.getByRole('button', { name: /ativar e entrar/i });
    await setPassword(page, 'curta');
    assert.equal(await submit.isDisabled(), true, 'too short: the form waits');
    await setPassword(page, `${mailbox}-2026!`);
    await submit.click();
    await page.getByTestId('password-errors').waitFor();
    assert.match(await page.getByTestId('password-errors').innerText(), /Não conter seu e-mail/);
    await setPassword(page, 'Cafe com leite 2026!');
    await submit.click();
    await page.waitForURL(/\/dashboard/);
    assertNoConsoleErrors(errors.filter((text) => !/status of 400/.test(text)));
    await context.close();
  });

  it('resets a forgotten password from the emailed link', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/forgot-password');
    await page.getByLabel(/e-mail/i).fill(email);
    await page.getByRole('button', { name: /enviar link/i }).click();
    await page.getByText(/o link está a caminho/i).waitFor();
    await page.goto(`/reset-password?token=${encodeURIComponent(await emailedToken(email, 'reset-password'))}`);
    await setPassword(page, 'Outra senha forte 77');
    await page.getByRole('button', { name: /salvar senha/i }).click();
    await page.getByText(/senha alterada/i).waitFor();

    await page.goto('/login');
    await page.getByLabel(/e-mail/i).fill(email);
    await page.locator('#password').fill('Outra senha forte 77');
    await page.getByTestId('login-submit').click();
    await page.waitForURL(/\/dashboard/);
    await context.close();
  });
});
