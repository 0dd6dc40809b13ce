import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const TV_HEADER = 'x-fasto-tv-token';

describe('the TV leaderboard (issue 24)', () => {
  let browser;
  before(async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    browser = await launch();
  });
  after(async () => browser?.close());

  it('an admin creates a TV link; a fresh screen opens /tv#token=… and shows the ranking, until the link is revoked', async () => {
    const admin = await openPage(browser);
    await signIn(admin.page, 'admin');
    await admin.page.getByTestId('sidebar-nav').getByRole('link', { name: 'TV' }).click();
    await admin.page.waitForURL(/\/tv-links$/);
    await admin.page.getByTestId('tv-link-name').fill('TV da sala');
    await admin.page.getByTestId('tv-link-create').click();
    const url = (await admin.page.getByTestId('tv-link-url').inputValue()).trim();
    assert.match(url, /\/tv#token=fstv_[0-9a-f]{8}_/);
    const token = decodeURIComponent(url.split('#token=')[1]);
    await admin.page.getByTestId('tv-link-row').first().waitFor();

    const board = await (await fetch(`${BASE_URL}/api/tv/board`, { headers: { [TV_HEADER]: token } })).json();
    const names = board.ranking.map((row) => row.name).filter(Boolean);
    assert.ok(names.length > 0, 'the demo data ranks some agents this week');

    // A wall screen: a fresh context, no session, 1920×1080.
    const tv = await openPage(browser, { width: 1920, height: 1080 });
    const apiCalls = [];
    tv.page.on('request', (request) => {
      if (request.url().includes('/api/')) apiCalls.push({ url: request.url(), header: request.headers()[TV_HEADER] });
    });
    await tv.page.goto(url.replace(/^https?:\/\/[^/]+/, ''));
    await tv.page.getByTestId('tv-ranking-row').first().waitFor();
    const shown = await tv.page.getByTestId('tv-ranking').innerText();
    for (const name of names.slice(0, 5)) assert.ok(shown.includes(name), `${name} is on the board`);
    assert.ok(!(await tv.page.getByTestId('sidebar-nav').count()), 'no shell on the TV');
    const boardCall = apiCalls.find((call) => call.url.includes('/api/tv/board'));
    assert.equal(boardCall?.header, token, 'the token travels in its header');
    assert.ok(
      apiCalls.every((call) => !call.url.includes(token)),
      'never in a URL',
    );
    await tv.page.waitForTimeout(500);
    await tv.page.screenshot({ path: 'docs/screenshots/tv-board.png' });
    assertNoConsoleErrors(tv.errors);

    // Revoked: the screen says so on its next load.
    await admin.page.getByTestId('tv-link-revoke').first().click();
    await admin.page.getByTestId('confirm-ok').click();
    await admin.page.getByText('Revogado').first().waitFor();
    const refused = await fetch(`${BASE_URL}/api/tv/board`, { headers: { [TV_HEADER]: token } });
    assert.equal(refused.status, 401);
    await tv.page.reload();
    await tv.page
      .getByTestId('tv-message')
      .getByText(/link de TV válido/)
      .waitFor();
    assertNoConsoleErrors(admin.errors);
    await tv.context.close();
    await admin.context.close();
  });

  it('a signed-in manager opens /tv without a link', async () => {
    const { context, page, errors } = await openPage(browser, { width: 1920, height: 1080 });
    await signIn(page, 'manager');
    await page.goto('/tv');
    await page.getByTestId('tv-ranking-row').first().waitFor();
    const token = await apiToken('manager');
    const board = await (await fetch(`${BASE_URL}/api/tv/board`, { headers: { authorization: `Bearer ${token}` } })).json();
    assert.equal(await page.getByTestId('tv-ranking-row').count(), board.ranking.length);
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
