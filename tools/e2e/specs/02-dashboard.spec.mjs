import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const isDashboardCall = (response) => new URL(response.url()).pathname === '/api/dashboard' && response.request().method() === 'GET';
const nonEmpty = (slices) => slices.filter((slice) => slice.count > 0).length;

describe('dashboard', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('draws one pie slice per non-empty stage and origin the API returns', async () => {
    const { context, page, errors } = await openPage(browser);
    const answer = page.waitForResponse(isDashboardCall);
    await signIn(page, 'admin');
    const data = await (await answer).json();
    assert.ok(nonEmpty(data.byStage) > 1, 'the demo data has several stages');
    await page.getByTestId('pie-stage').locator('path.arc').first().waitFor();
    assert.equal(await page.getByTestId('pie-stage').locator('path.arc').count(), nonEmpty(data.byStage));
    assert.equal(await page.getByTestId('pie-origin').locator('path.arc').count(), nonEmpty(data.byOrigin));
    // Each slice wears its stage's own color.
    const fills = await page
      .getByTestId('pie-stage')
      .locator('path.arc')
      .evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')));
    assert.ok(
      fills.every((fill) => /^#[0-9a-f]{6}$/i.test(fill ?? '')),
      `hex fills, got ${fills.join(',')}`,
    );
    assert.equal(await page.getByTestId('kpi-card').count(), 6);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('filters by team: new numbers, kept in the URL', async () => {
    const { context, page, errors } = await openPage(browser);
    const first = page.waitForResponse(isDashboardCall);
    await signIn(page, 'admin');
    const all = await (await first).json();
    await page.getByTestId('kpi-value').first().waitFor();
    const options = await page
      .getByTestId('filter-team')
      .locator('option')
      .evaluateAll((list) => list.map((o) => o.value).filter(Boolean));
    assert.ok(options.length >= 2);
    const filtered = page.waitForResponse((response) => isDashboardCall(response) && response.url().includes(`teamId=${options[0]}`));
    await page.getByTestId('filter-team').selectOption(options[0]);
    const team = await (await filtered).json();
    assert.ok(team.totals.attendances < all.totals.attendances, 'one team has fewer attendances than the tenant');
    await page.waitForFunction(
      (expected) => document.querySelector('[data-testid="kpi-value"]')?.textContent?.trim() === expected,
      team.totals.attendances.toLocaleString('pt-BR'),
    );
    assert.match(page.url(), new RegExp(`teamId=${options[0]}`));
    await page.reload();
    // The team list arrives after the page: the select then shows the team from the URL.
    await page.waitForFunction((id) => document.querySelector('[data-testid="filter-team"]')?.value === id, options[0]);
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('opens the attendance list filtered to a clicked stage', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('pie-stage').locator('li button:not([disabled])').first().click();
    await page.waitForURL(/\/attendances\?.*stageId=/);
    await page.getByTestId('attendance-row').first().waitFor();
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
