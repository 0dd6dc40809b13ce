import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

async function api(path, token) {
  const response = await fetch(`${BASE_URL}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200, path);
  return response.json();
}

/** Drags with real mouse steps, as a person would (the CDK waits for a few pixels of movement). */
async function drag(page, from, to) {
  const start = await from.boundingBox();
  const end = await to.boundingBox();
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2 - 10, { steps: 5 });
  await page.mouse.move(end.x + end.width / 2, end.y + 2, { steps: 15 });
  await page.waitForTimeout(150);
  await page.mouse.up();
}

describe('funnel manager', () => {
  let browser;
  before(async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    browser = await launch();
  });
  after(async () => browser?.close());

  it('creates a funnel, adds stages and reorders them by drag and drop', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Funis' }).click();
    await page.getByTestId('group-item').first().waitFor();
    const name = `Funil E2E ${randomBytes(3).toString('hex')}`;
    await page.locator('#new-group').fill(name);
    await page.getByTestId('create-group').click();
    await page.getByTestId('group-item').filter({ hasText: name }).waitFor();
    assert.equal(await page.getByTestId('group-name').inputValue(), name);
    for (const stage of ['Contato', 'Proposta', 'Fechado']) {
      await page.locator('#new-entry').fill(stage);
      await page.getByTestId('add-entry').click();
      await page.locator(`[data-testid="entry-row"][data-name="${stage}"]`).waitFor();
    }
    const rows = page.getByTestId('entry-row');
    const saved = page.waitForResponse((response) => /\/api\/funnels\/[^/]+\/stages\/order$/.test(response.url()) && response.request().method() === 'PUT');
    await drag(page, rows.nth(2).getByTestId('drag-handle'), rows.nth(0));
    assert.equal((await saved).status(), 200);
    const shown = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('data-name')));
    assert.deepEqual(shown, ['Fechado', 'Contato', 'Proposta']);

    const funnels = await api('/funnels?limit=200', await apiToken('admin'));
    const stored = funnels.items.find((funnel) => funnel.name === name);
    assert.deepEqual(
      stored.stages.map((stage) => stage.name),
      ['Fechado', 'Contato', 'Proposta'],
      'the API keeps the dragged order',
    );
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('picks a stage color in the visual palette and the dashboard pie uses it', async () => {
    const token = await apiToken('admin');
    const dashboard = await api('/dashboard', token);
    const slice = dashboard.byStage.find((item) => item.id !== null && item.count > 0);
    const funnels = await api('/funnels?limit=200', token);
    const funnel = funnels.items.find((item) => item.stages.some((stage) => stage.id === slice.id));
    const target = funnel.stages.find((stage) => stage.color !== 'bg-fuchsia-600') ? 'bg-fuchsia-600' : 'bg-lime-600';

    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.goto('/funnels');
    await page.getByTestId('group-item').filter({ hasText: funnel.name }).click();
    const row = page.locator(`[data-testid="entry-row"][data-name="${slice.name}"]`);
    await row.getByTestId('entry-color').click();
    await page.getByTestId('color-picker').waitFor();
    const saved = page.waitForResponse((response) => response.url().includes(`/stages/${slice.id}`) && response.request().method() === 'PATCH');
    await page.locator(`[data-color="${target}"]`).click();
    assert.equal((await saved).status(), 200);
    const picked = await page.locator(`[data-color="${target}"]`).evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.equal(await page.locator(`[data-color="${target}"]`).getAttribute('aria-checked'), 'true');
    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'docs/screenshots/funnels-dark-desktop.png' });

    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Painel' }).click();
    const legend = page.getByTestId('pie-stage').locator('li', { hasText: slice.name }).locator('span.rounded-full');
    await legend.waitFor();
    assert.equal(await legend.evaluate((el) => getComputedStyle(el).backgroundColor), picked, 'the dashboard draws the stage in the picked color');
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
