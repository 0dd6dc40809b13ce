import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, PASSWORD, USERS, apiToken, assertNoConsoleErrors, launch, openPage } from '../support/browser.mjs';

const api = async (token, path, init = {}) => {
  const response = await fetch(`${BASE_URL}/api${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  assert.ok(response.ok, `${init.method ?? 'GET'} ${path} answered ${response.status}`);
  return response.status === 204 ? null : response.json();
};

/** What has the keyboard focus, described the way the assertions below look for it. */
const focused = (page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    return {
      testId: element?.getAttribute('data-testid') ?? '',
      id: element?.id ?? '',
      text: (element?.textContent ?? '').trim().slice(0, 80),
      label: element?.getAttribute('aria-label') ?? '',
      tag: element?.tagName ?? '',
      href: element?.getAttribute('href') ?? '',
    };
  });

/** Presses Tab (as a person would) until the focus is on what `wanted` accepts; fails after `max` presses. */
async function tabTo(page, wanted, what, max = 60) {
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press('Tab');
    if (wanted(await focused(page))) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

describe('a whole flow by keyboard only (issue 26, item 3)', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('signs in, filters, opens and closes a detail, reorders a stage and reads the notifications without a mouse', async () => {
    const token = await apiToken('admin');
    const { context, page, errors } = await openPage(browser);

    // Sign in: e-mail → senha → Entrar, in that order.
    await page.goto('/');
    await page.waitForURL(/\/login/);
    await tabTo(page, (f) => f.id === 'email', 'the e-mail field');
    await page.keyboard.type(USERS.admin);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'password', 'Tab goes from the e-mail to the password');
    await page.keyboard.type(PASSWORD);
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).testId, 'login-submit', 'then to the sign-in button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/dashboard/);

    // To the attendances through the sidebar, then search by typing.
    await tabTo(page, (f) => f.href === '/attendances', 'the attendances link');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/attendances/);
    await page.getByTestId('attendance-row').first().waitFor();
    const first = (await api(token, '/attendances?limit=1')).items[0];
    const name = first.customerName;
    await tabTo(page, (f) => f.id === 'att-q', 'the search field');
    await page.keyboard.type(name);
    await page.waitForURL((url) => url.searchParams.get('q') === name);
    await page.getByTestId('attendance-row').first().waitFor();

    // Open the first result with Enter, close it with Escape: the focus comes back to the list.
    await tabTo(page, (f) => f.tag === 'BUTTON' && f.text === name, `the row of ${name}`);
    await page.keyboard.press('Enter');
    await page.getByTestId('attendance-detail').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('attendance-detail').waitFor({ state: 'detached' });

    // Reorder: the first stage of the first funnel goes one place down with the arrow key.
    const funnel = (await api(token, '/funnels?limit=200')).items.find((f) => f.name === 'Funil de Vendas');
    const [firstStage, secondStage] = funnel.stages;
    await page.goto('/funnels');
    await page.getByTestId('group-item').filter({ hasText: funnel.name }).waitFor();
    await tabTo(page, (f) => f.testId === 'group-item' && f.text.includes(funnel.name), 'the funnel');
    await page.keyboard.press('Enter');
    await tabTo(page, (f) => f.testId === 'drag-handle' && f.label.includes(firstStage.name), `the handle of ${firstStage.name}`);
    const reordered = page.waitForResponse((response) => response.request().method() === 'PUT' && /\/stages\/order$/.test(new URL(response.url()).pathname));
    await page.keyboard.press('ArrowDown');
    await reordered;
    assert.match((await focused(page)).label, new RegExp(firstStage.name), 'the focus stays on the moved stage');
    assert.match(await page.getByTestId('entry-moved').innerText(), new RegExp(`${firstStage.name}.*2`), 'the move is announced');
    const after = (await api(token, `/funnels/${funnel.id}`)).stages.map((stage) => stage.id);
    assert.deepEqual(after.slice(0, 2), [secondStage.id, firstStage.id], 'the API has the new order');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction((id) => document.activeElement?.closest('[data-entry-id]')?.getAttribute('data-entry-id') === id, firstStage.id);
    await page.waitForTimeout(300);
    assert.deepEqual((await api(token, `/funnels/${funnel.id}`)).stages.map((stage) => stage.id).slice(0, 2), [firstStage.id, secondStage.id], 'and back');

    // Notifications: open the tray, "mark all as read", close with Escape.
    assert.ok((await api(token, '/notifications/unread-count')).count > 0, 'the demo admin starts with unread notifications');
    await tabTo(page, (f) => f.testId === 'notification-bell', 'the notification bell');
    await page.keyboard.press('Enter');
    await page.getByTestId('notification-panel').waitFor();
    await tabTo(page, (f) => f.testId === 'notification-read-all', 'mark all as read', 10);
    const read = page.waitForResponse((response) => response.request().method() !== 'GET' && /\/api\/notifications/.test(response.url()));
    await page.keyboard.press('Enter');
    await read;
    assert.equal((await api(token, '/notifications/unread-count')).count, 0, 'the API has them all read');
    await page.keyboard.press('Escape');
    await page.getByTestId('notification-panel').waitFor({ state: 'detached' });

    assertNoConsoleErrors(errors);
    await context.close();
  });
});
