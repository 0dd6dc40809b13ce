import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, USERS, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

describe('members and profile', () => {
  let browser;
  before(async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    browser = await launch();
  });
  after(async () => browser?.close());

  it('a manager edits a team member’s phone but cannot change a role or team', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'manager');
    await page.goto('/members');
    await page.getByTestId('member-row').first().waitFor();
    assert.equal(await page.getByTestId('invite-member-open').count(), 0, 'managers do not invite');
    await page.getByTestId('member-row').filter({ hasText: USERS.agent }).click();
    await page.waitForURL(/\/members\/[0-9a-f-]{36}/);
    assert.equal(await page.getByTestId('member-role').isDisabled(), true);
    assert.equal(await page.getByTestId('member-team').isDisabled(), true);
    await page.getByTestId('role-locked').waitFor();
    for (let step = 0; step < 12; step++) await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="edit-member"]')), true, 'Tab keeps focus inside the dialog');
    assert.equal(await page.getByTestId('deactivate').count(), 0, 'managers do not deactivate');
    await page.locator('#member-phone').fill('+55 11 95555-0101');
    await page.getByTestId('edit-member-submit').click();
    await page.getByTestId('edit-member').getByRole('status').waitFor();

    // The API says the same to a manager who tries anyway.
    const token = await apiToken('manager');
    const id = page.url().split('/members/')[1];
    const forced = await fetch(`${BASE_URL}/api/users/${id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ role: 'admin' }),
    });
    assert.equal(forced.status, 403);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('an agent sees the name read-only with the reason; the profile screen in a screenshot', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'agent');
    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Perfil' }).click();
    await page.getByTestId('session-row').first().waitFor();
    // Headless Chromium on Linux: the device in Portuguese words, never the API's English label.
    assert.match(await page.getByTestId('session-row').first().innerText(), /Chrome no Linux/);
    assert.doesNotMatch(await page.getByTestId('session-row').first().innerText(), / on /);
    assert.equal(await page.locator('#profile-name').getAttribute('readonly'), '');
    assert.match(await page.getByTestId('name-locked').innerText(), /administrador/);
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'docs/screenshots/profile-dark-desktop.png' });
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('signing out the other devices signs that browser out, and "sign out" on this device ends this one', async () => {
    const other = await openPage(browser);
    await signIn(other.page, 'agent');
    const mine = await openPage(browser);
    await signIn(mine.page, 'agent');
    await mine.page.goto('/profile');
    await mine.page.getByTestId('session-row').nth(1).waitFor();
    await mine.page.getByTestId('revoke-others').click();
    await mine.page.getByTestId('confirm-ok').click();
    await mine.page.waitForFunction(() => document.querySelectorAll('[data-testid="session-row"]').length === 1);
    assert.equal(await mine.page.getByTestId('session-row').getAttribute('data-current'), 'true');

    await other.page.reload();
    await other.page.waitForURL(/\/login/);

    await mine.page.getByTestId('revoke-session').click();
    await mine.page.waitForURL(/\/login/);
    await mine.page.goto('/dashboard');
    await mine.page.waitForURL(/\/login/);
    assertNoConsoleErrors(mine.errors.filter((text) => !/status of 401/.test(text)));
    await other.context.close();
    await mine.context.close();
  });

  it('switches the language from the profile and keeps it on the account', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'manager');
    await page.goto('/profile');
    const saved = page.waitForResponse((response) => response.url().endsWith('/api/users/me') && response.request().method() === 'PATCH');
    await page.getByTestId('pref-language').selectOption('en');
    await page.getByRole('heading', { name: 'Profile', exact: true }).waitFor();
    assert.equal((await saved).status(), 200);
    const me = await fetch(`${BASE_URL}/api/auth/me`, { headers: { authorization: `Bearer ${await apiToken('manager')}` } });
    assert.equal((await me.json()).user.locale, 'en');
    await page.getByTestId('pref-language').selectOption('pt-BR');
    await page.getByRole('heading', { name: 'Perfil', exact: true }).waitFor();
    await context.close();
  });
});
