import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const listAsked = (page, check) =>
  page.waitForResponse((response) => {
    const url = new URL(response.url());
    return url.pathname === '/api/attendances' && check(url.searchParams);
  });
const rowIds = (page) => page.getByTestId('attendance-row').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')));

describe('the attendances list filters like the API (issue 19, item 7)', () => {
  let browser;
  let token;
  const api = async (query) =>
    (await (await fetch(`${BASE_URL}/api/attendances?limit=50&${query}`, { headers: { authorization: `Bearer ${token}` } })).json()).items;
  before(async () => {
    browser = await launch();
    token = await apiToken('admin');
  });
  after(async () => browser?.close());

  it('filters by stage, origin and score band, and searches as you type', async () => {
    const funnels = (await (await fetch(`${BASE_URL}/api/funnels?limit=200`, { headers: { authorization: `Bearer ${token}` } })).json()).items;
    const won = funnels.find((f) => f.name === 'Funil de Vendas').stages.find((s) => s.isWon);
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('nav-attendances').click();
    await page.getByTestId('attendance-row').first().waitFor();

    let asked = listAsked(page, (params) => params.get('stageId') === won.id);
    await page.getByTestId('filter-stage').selectOption(won.id);
    await asked;
    await page.getByTestId('attendance-row').first().waitFor();
    assert.deepEqual(
      await rowIds(page),
      (await api(`stageId=${won.id}`)).map((item) => item.id),
    );

    asked = listAsked(page, (params) => params.get('minScore') === '80' && params.get('maxScore') === '100');
    await page.getByTestId('filter-score').selectOption('high');
    await asked;
    await page.getByTestId('attendance-row').first().waitFor();
    const high = await api(`stageId=${won.id}&minScore=80&maxScore=100`);
    assert.ok(high.every((item) => item.score >= 80));
    assert.deepEqual(
      await rowIds(page),
      high.map((item) => item.id),
    );

    const origin = (await api(`stageId=${won.id}`)).find((item) => item.origin)?.origin;
    asked = listAsked(page, (params) => params.get('originId') === origin.id);
    await page.getByTestId('filter-origin').selectOption(origin.id);
    await asked;
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="attendance-row"], [data-testid="attendance-empty"]').length > 0);
    assert.deepEqual(
      await rowIds(page),
      (await api(`stageId=${won.id}&minScore=80&maxScore=100&originId=${origin.id}`)).map((item) => item.id),
    );

    await page.getByTestId('clear-filters').click();
    await page.getByTestId('attendance-row').first().waitFor();
    asked = listAsked(page, (params) => params.get('q') === 'Silva');
    await page.locator('#att-q').pressSequentially('Silva', { delay: 40 });
    await asked; // no Enter: the search follows the typing
    await page.getByTestId('attendance-row').first().waitFor();
    assert.deepEqual(
      await rowIds(page),
      (await api('q=Silva')).map((item) => item.id),
    );
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('shows the agent and the stage of each row on a phone', async () => {
    const [first] = await api('');
    const { context, page, errors } = await openPage(browser, { width: 390, height: 844 });
    await signIn(page, 'admin');
    await page.goto('/attendances');
    const compact = page.locator(`[data-testid="attendance-row"][data-id="${first.id}"] [data-testid="row-compact"]`);
    await compact.waitFor();
    const text = await compact.innerText();
    assert.match(text, new RegExp(first.agent.name));
    if (first.stage) assert.match(text, new RegExp(first.stage.name));
    assert.ok(await page.locator(`[data-testid="attendance-row"][data-id="${first.id}"] app-score-badge`).isVisible(), 'the score shows on phones');
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
