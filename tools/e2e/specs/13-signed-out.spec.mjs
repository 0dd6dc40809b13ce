import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, PASSWORD, USERS, apiToken, launch, openPage } from '../support/browser.mjs';

describe('a signed-out visitor (issue 19, item 2)', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  for (const path of ['/', '/dashboard', '/attendances?converted=true', '/no-such-screen']) {
    it(`opening ${path} lands on the login form`, async () => {
      const { context, page } = await openPage(browser);
      await page.goto(path);
      await page.locator('#password').waitFor({ state: 'visible', timeout: 5_000 });
      assert.match(new URL(page.url()).pathname, /^\/login$/);
      await context.close();
    });
  }

  it('a signed-out page load logs nothing in the console (no 401 from the session check)', async () => {
    const { context, page } = await openPage(browser);
    const logged = [];
    page.on('console', (message) => message.type() === 'error' && logged.push(message.text()));
    const check = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/refresh');
    await page.goto('/');
    assert.equal((await check).status(), 204, 'no session cookie: nothing to renew');
    await page.locator('#password').waitFor();
    assert.deepEqual(logged, []);
    await context.close();
  });

  it('signs in from / and the session it starts is the one the API knows', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/');
    await page.getByLabel(/e-mail/i).fill(USERS.manager);
    await page.locator('#password').fill(PASSWORD);
    const login = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/auth/login');
    await page.getByTestId('login-submit').click();
    assert.equal((await login).status(), 200);
    await page.waitForURL(/\/dashboard/);
    const me = await (await fetch(`${BASE_URL}/api/auth/me`, { headers: { authorization: `Bearer ${await apiToken('manager')}` } })).json();
    assert.match(await page.getByTestId('user-menu').innerText(), new RegExp(me.user.fullName), 'the shell shows the account the API signed in');
    await context.close();
  });
});
