import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';
import { emailedToken } from '../support/outbox.mjs';

const post = (path, body, token) =>
  fetch(`${BASE_URL}/api${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('an invitation link explains itself when the page opens (issue 19, item 6)', () => {
  let browser;
  const email = `convite${randomBytes(3).toString('hex')}@demo.fasto.app`;
  const password = 'Cafe com leite 2026!';
  let link;

  before(async () => {
    browser = await launch();
    const created = await post('/users', { email, fullName: 'Convite Usado', role: 'agent' }, await apiToken('admin'));
    assert.equal(created.status, 201);
    link = `/accept-invite?token=${encodeURIComponent(await emailedToken(email, 'accept-invite'))}`;
  });
  after(async () => browser?.close());

  it('a valid link names the account and the company, and accepting it sets the password', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(link);
    assert.match(await page.getByTestId('invite-for').innerText(), new RegExp(`${email.replace('.', '\\.')} na empresa Demo`));
    await page.locator('#new-password').fill(password);
    await page.locator('#confirm-password').fill(password);
    await page.getByRole('button', { name: /ativar e entrar/i }).click();
    await page.waitForURL(/\/dashboard/);
    assert.equal((await post('/auth/login', { email, password })).status, 200, 'the API signs the new member in with the chosen password');
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('an already used link says so in Portuguese, with no form to fill', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(link);
    const notice = page.getByTestId('invite-unusable');
    await notice.waitFor();
    assert.match(await notice.innerText(), /já foi usado/);
    assert.equal(await page.locator('#new-password').count(), 0, 'no password form for a used link');
    assert.deepEqual(await (await post('/auth/invite/check', { token: new URL(link, BASE_URL).searchParams.get('token') })).json(), { status: 'used' });
    await page.getByTestId('invite-to-login').click();
    await page.waitForURL(/\/login/);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('an unknown link is called invalid', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.goto(`/accept-invite?token=${'x'.repeat(43)}`);
    assert.match(await page.getByTestId('invite-unusable').innerText(), /não é válido/);
    assertNoConsoleErrors(errors);
    await context.close();
  });
});

describe('server errors are told from their code, in the UI language (issue 19, item 6)', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('a duplicate funnel name is refused in Portuguese and nothing is created', async () => {
    const token = await apiToken('admin');
    const list = async () => (await (await fetch(`${BASE_URL}/api/funnels?limit=200`, { headers: { authorization: `Bearer ${token}` } })).json()).items;
    const before = await list();
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Funis' }).click();
    await page.locator('#new-group').fill(before[0].name.toUpperCase());
    const refused = page.waitForResponse((response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/funnels');
    await page.getByTestId('create-group').click();
    const response = await refused;
    assert.equal(response.status(), 409);
    assert.equal(await page.getByTestId('catalog-error').innerText(), 'Já existe um item com esse nome.');
    assert.equal((await list()).length, before.length, 'no funnel was created');
    assertNoConsoleErrors(errors.filter((text) => !/status of 409/.test(text)));
    await context.close();
  });
});
