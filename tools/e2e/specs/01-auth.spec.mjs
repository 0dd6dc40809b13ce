import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PASSWORD, USERS, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const menu = async (page) =>
  await page
    .getByTestId('sidebar-nav')
    .locator('a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));

describe('sign-in and role menus', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('refuses a wrong password with a clear message', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/login');
    await page.getByLabel(/e-mail/i).fill(USERS.admin);
    await page.locator('#password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    assert.match(await page.getByTestId('login-error').innerText(), /incorretos/);
    assert.match(page.url(), /\/login/);
    await context.close();
  });

  it('signs the admin in to the dashboard with every tenant screen in the menu', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    assert.deepEqual(await menu(page), [
      '/dashboard',
      '/attendances',
      '/members',
      '/teams',
      '/goals',
      '/funnels',
      '/origins',
      '/audit',
      '/settings',
      '/webhooks',
      '/tv-links',
      '/profile',
    ]);
    assert.equal(await page.getByTestId('tenant-name').innerText(), 'Demo');
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('hides Funnels and Origins from the manager, and blocks their URLs', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'manager');
    assert.deepEqual(await menu(page), ['/dashboard', '/attendances', '/members', '/teams', '/goals', '/profile']);
    await page.goto('/funnels');
    await page.waitForURL(/\/dashboard/);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('shows the agent only their own screens', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'agent');
    assert.deepEqual(await menu(page), ['/dashboard', '/attendances', '/profile']);
    assert.equal(await page.getByTestId('filter-team').count(), 0);
    assert.equal(await page.getByTestId('filter-agent').count(), 0);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('signs out and cannot come back without signing in again', async () => {
    const { context, page } = await openPage(browser);
    await signIn(page, 'agent');
    await page.getByTestId('user-menu').click();
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login/);
    await page.goto('/dashboard');
    await page.waitForURL(/\/login/);
    assert.ok(PASSWORD);
    await context.close();
  });
});
