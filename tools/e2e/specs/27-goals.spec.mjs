import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { seriousViolations } from '../support/axe.mjs';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const DIR = 'docs/screenshots';

async function goalsOf(who) {
  const token = await apiToken(who);
  const response = await fetch(`${BASE_URL}/api/goals`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(response.status, 200);
  return (await response.json()).items;
}

/** Opens the new-goal dialog and saves it with the choices given (labels as a pt-BR user sees them). */
async function createGoal(page, { scope, subject, metric, period, target }) {
  await page.getByTestId('goal-new').click();
  await page.getByTestId('goal-dialog-submit').waitFor();
  await page.getByTestId('goal-scope').selectOption({ label: scope });
  await page.getByTestId('goal-subject').selectOption({ label: subject });
  await page.getByTestId('goal-metric').selectOption({ label: metric });
  await page.getByTestId('goal-period').selectOption({ label: period });
  await page.getByTestId('goal-target').fill(target);
  await page.getByTestId('goal-dialog-submit').click();
  await page.getByTestId('goal-dialog').waitFor({ state: 'detached' });
}

/** Axe once colours have stopped fading in (a transition measured half-way reads as low contrast), like 21-accessibility. */
async function violations(page) {
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
  return seriousViolations(page);
}

describe('goals (issue 24)', () => {
  let browser;
  before(async () => {
    mkdirSync(DIR, { recursive: true });
    browser = await launch();
  });
  after(async () => browser?.close());

  it('a manager sets a monthly sales goal for their team in pt-BR money; the dashboard shows it with its pace', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.addInitScript(() => localStorage.setItem('fasto.theme', JSON.stringify('dark')));
    await signIn(page, 'manager');
    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Metas' }).click();
    await page.waitForURL(/\/goals$/);
    await page.getByTestId('goal-empty').waitFor();

    await createGoal(page, { scope: 'Equipe', subject: 'Equipe Alpha', metric: 'Valor vendido', period: 'Mensal', target: '12.345,67' });
    await page.getByTestId('goal-row').first().waitFor();
    const saved = (await goalsOf('manager')).find((goal) => goal.scope === 'team' && goal.metric === 'sale_value');
    assert.ok(saved, 'the team goal is stored');
    assert.equal(saved.target, 12345.67, 'typed 12.345,67 is stored as 12345.67 (never ×100)');
    assert.equal(saved.period, 'month');
    assert.match(await page.getByTestId('goal-target-cell').first().innerText(), /R\$\s12\.345,67/);

    // A second goal of the same team, metric and period is refused with the translated code.
    await page.getByTestId('goal-new').click();
    await page.getByTestId('goal-subject').selectOption({ label: 'Equipe Alpha' });
    await page.getByTestId('goal-target').fill('1.000,00');
    await page.getByTestId('goal-dialog-submit').click();
    await page.getByTestId('goal-errors').getByText('Já existe uma meta').waitFor();
    await page.getByRole('button', { name: 'Cancelar' }).click();

    // Alice's own goal, for the agent's dashboard below.
    await createGoal(page, { scope: 'Atendente', subject: 'Alice Atendente', metric: 'Atendimentos', period: 'Mensal', target: '40' });
    await page.getByTestId('goal-row').nth(1).waitFor();
    await page.screenshot({ path: `${DIR}/goals-screen-dark-desktop.png` });

    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Painel', exact: true }).click();
    await page.locator('[data-testid="goal-card"][data-metric="sale_value"]').waitFor();
    const progress = await (await fetch(`${BASE_URL}/api/goals/progress`, { headers: { authorization: `Bearer ${await apiToken('manager')}` } })).json();
    const team = progress.items.find((item) => item.goal.id === saved.id);
    assert.ok(team, 'the API reports the goal progress');
    const shown = await page.locator('[data-testid="goal-card"][data-metric="sale_value"]').innerText();
    assert.match(shown, /R\$\s12\.345,67/, 'the card shows the target');
    assert.ok(shown.includes(`${team.percent.toLocaleString('pt-BR', { maximumFractionDigits: 1 })}%`), `the card shows ${team.percent}%`);
    assert.ok(await page.locator('[data-testid="goal-card"][data-metric="sale_value"] [data-testid="goal-pace"]').count(), 'the pace marker');
    // The ranking's "% da meta" column follows the sorted figure; Alice's attendances goal counts under "Atendimentos".
    await page.getByTestId('ranking-goal').first().waitFor();
    await page.waitForTimeout(400);
    await page.screenshot({ path: `${DIR}/goals-dashboard-dark-desktop.png`, fullPage: true });
    assert.deepEqual(await violations(page), [], 'the goal cards and the ranking column pass axe (dark)');
    // The one 409 is the duplicate goal refused above on purpose.
    assertNoConsoleErrors(errors.filter((error) => !/status of 409/.test(error)));
    await context.close();
  });

  it('an agent sees their own goal and no Metas menu', async () => {
    const { context, page, errors } = await openPage(browser, { width: 390, height: 844 });
    // Dark first; the light check below switches the stored theme, which a reload keeps.
    await page.addInitScript(() => localStorage.getItem('fasto.theme') || localStorage.setItem('fasto.theme', JSON.stringify('dark')));
    await signIn(page, 'agent');
    const card = page.locator('[data-testid="goal-card"][data-metric="attendances"]');
    await card.waitFor();
    assert.match(await card.innerText(), /de 40/);
    assert.equal(await page.locator('[data-testid="goal-card"][data-metric="sale_value"]').count(), 0, 'the team goal is not the agent’s card');
    assert.equal(await page.locator('a[href="/goals"]').count(), 0, 'agents have no goals screen');
    await card.scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${DIR}/goals-dashboard-dark-phone.png` });
    assert.deepEqual(await violations(page), [], 'the goal card passes axe (dark)');
    await page.evaluate(() => localStorage.setItem('fasto.theme', JSON.stringify('light')));
    await page.reload();
    await card.waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(await violations(page), [], 'the goal card passes axe (light)');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${DIR}/goals-dashboard-light-phone.png` });
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('the manager edits a target (shown back in pt-BR money) and deletes a goal after confirming', async () => {
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'manager');
    await page.goto('/goals');
    const sales = page.getByTestId('goal-row').filter({ hasText: 'Valor vendido' });
    await sales.getByTestId('goal-edit').click();
    assert.equal(await page.getByTestId('goal-target').inputValue(), '12.345,67', 'the stored target, as typed in pt-BR');
    await page.getByTestId('goal-target').fill('15.000,50');
    await page.getByTestId('goal-dialog-submit').click();
    await page.getByTestId('goal-dialog').waitFor({ state: 'detached' });
    await sales.getByText('R$ 15.000,50').waitFor();
    assert.equal((await goalsOf('manager')).find((goal) => goal.metric === 'sale_value')?.target, 15000.5);

    await page.getByTestId('goal-row').filter({ hasText: 'Alice Atendente' }).getByTestId('goal-delete').click();
    await page.getByTestId('confirm-ok').click();
    await page.getByTestId('goal-row').filter({ hasText: 'Alice Atendente' }).waitFor({ state: 'detached' });
    assert.equal((await goalsOf('manager')).filter((goal) => goal.scope === 'user').length, 0);
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
