import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const day = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
// The browser runs in São Paulo (support/browser.mjs), the demo tenant's zone.
const today = () => day(new Date(new Date().toLocaleString('en-US', { timeZone: 'America/Sao_Paulo' })));

const yTicks = (page) =>
  page
    .getByTestId('trend-chart')
    .locator('g.y.axis g.tick text')
    .evaluateAll((texts) => texts.map((text) => text.textContent.trim()));

describe('the daily trend chart (issue 19, item 5)', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('draws a single day as bars with whole-number ticks, and a period ending today with a dashed partial day', async () => {
    const token = await apiToken('admin');
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');

    const todayData = page.waitForResponse(
      (response) => new URL(response.url()).pathname === '/api/dashboard' && new URL(response.url()).searchParams.get('from') === today(),
    );
    await page.getByTestId('preset-today').click();
    await todayData;
    const api = await (await fetch(`${BASE_URL}/api/dashboard?from=${today()}&to=${today()}`, { headers: { authorization: `Bearer ${token}` } })).json();
    assert.equal(api.daily.length, 1, 'the API answers one day for "Hoje"');
    await page.locator('[data-testid="trend-chart"][data-kind="bars"] path.bar').first().waitFor();
    assert.equal(await page.getByTestId('trend-chart').locator('path.bar').count(), 2, 'one bar for attendances, one for conversions');
    let ticks = await yTicks(page);
    assert.equal(new Set(ticks).size, ticks.length, `no repeated tick label: ${ticks}`);
    assert.ok(
      ticks.every((tick) => /^\d+(\.\d{3})*$/.test(tick)),
      `whole numbers only: ${ticks}`,
    );

    await page.getByTestId('preset-7d').click();
    await page.locator('[data-testid="trend-chart"][data-kind="lines"] path.line').first().waitFor();
    assert.equal(await page.locator('[data-testid="trend-chart"] path.line[stroke="#f3d27a"]').count(), 1, 'today is its own dashed segment');
    const dash = await page.locator('[data-testid="trend-chart"] path.line[stroke="#f3d27a"]').evaluate((path) => getComputedStyle(path).strokeDasharray);
    assert.notEqual(dash, 'none');
    ticks = await yTicks(page);
    assert.equal(new Set(ticks).size, ticks.length, `no repeated tick label: ${ticks}`);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('compares a running period with the same elapsed time of the previous one, and says so under the cards', async () => {
    const token = await apiToken('admin');
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('preset-today').click();
    await page.getByTestId('comparison-rule').filter({ hasText: 'mesma hora' }).waitFor();

    const api = await (await fetch(`${BASE_URL}/api/dashboard?from=${today()}&to=${today()}`, { headers: { authorization: `Bearer ${token}` } })).json();
    const elapsedToday = Date.now() - Date.parse(`${today()}T00:00:00-03:00`);
    const untilInYesterday = Date.parse(api.previousUntil) - Date.parse(`${api.previousRange.from}T00:00:00-03:00`);
    assert.ok(Math.abs(untilInYesterday - elapsedToday) < 60_000, `yesterday is counted up to the current time of day: ${api.previousUntil}`);
    const list = await (
      await fetch(`${BASE_URL}/api/attendances?from=${api.previousRange.from}&to=${api.previousRange.to}&limit=200`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json();
    assert.equal(list.nextCursor, null, 'yesterday fits in one page');
    const beforeCut = list.items.filter((item) => Date.parse(item.attendedAt) < Date.parse(api.previousUntil)).length;
    assert.equal(api.previousTotals.attendances, beforeCut, 'the previous figure counts only what had happened by this time yesterday');
    await context.close();
  });
});
