import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage } from '../support/browser.mjs';

const OUTBOX = join(process.env.E2E_DATA_DIR ?? 'data', 'outbox');

/** The token of the newest emailed link to `path` sent to `email` (the dev mailer writes .eml files). */
async function emailedToken(email, path) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const files = existsSync(OUTBOX) ? readdirSync(OUTBOX).sort().reverse() : [];
    for (const file of files) {
      // Undo quoted-printable soft breaks and escapes so the link reads whole.
      const text = readFileSync(join(OUTBOX, file), 'utf8')
        .replace(/=\r?\n/g, '')
        .replace(/=3D/gi, '=');
      if (!text.includes(email)) continue;
      const match = text.match(new RegExp(`/${path}\\?token=([A-Za-z0-9_%.-]+)`));
      if (match) return decodeURIComponent(match[1]);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no ${path} email for ${email} in ${OUTBOX}`);
}

async function setPassword(page, password) {
  await page.locator('#new-password').fill(password);
  await page.locator('#confirm-password').fill(password);
}

describe('invitation and password reset', () => {
  let browser;
  const mailbox = `convidado${randomBytes(3).toString('hex')}`;
  const email = `${mailbox}@demo.fasto.app`;

  before(async () => {
    browser = await launch();
    const token = await apiToken('admin');
    const created = await fetch(`${BASE_URL}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ email, fullName: 'Convidado E2E', role: 'agent' }),
    });
    assert.equal(created.status, 201);
  });
  after(async () => browser?.close());

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
