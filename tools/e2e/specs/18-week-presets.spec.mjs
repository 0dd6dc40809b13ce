import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const iso = (date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
/** Monday-to-Sunday weeks in São Paulo, where the browser (support/browser.mjs) and the demo tenant live. */
function weeks() {
  const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'America/Sao_Paulo' }));
  const back = (days) => new Date(now.getFullYear(), now.getMonth(), now.getDate() - days);
  const sinceMonday = (now.getDay() + 6) % 7;
  return { week: { from: iso(back(sinceMonday)), to: iso(now) }, lastWeek: { from: iso(back(sinceMonday + 7)), to: iso(back(sinceMonday + 1)) } };
}

describe('week presets and the manager’s team (issue 19, item 8)', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('"Esta semana" and "Semana passada" ask for Monday-based weeks, and the manager’s dashboard names the team', async () => {
    const token = await apiToken('manager');
    const get = async (path) => (await fetch(`${BASE_URL}/api${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
    const me = await get('/auth/me');
    const team = await get(`/teams/${me.user.teamId}`);
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'manager');
    assert.equal(await page.getByTestId('own-team').innerText(), `Equipe: ${team.name}`);

    for (const [preset, label] of [
      ['week', 'Esta semana'],
      ['lastWeek', 'Semana passada'],
    ]) {
      const expected = weeks()[preset];
      const asked = page.waitForResponse((response) => {
        const url = new URL(response.url());
        return url.pathname === '/api/dashboard' && url.searchParams.get('from') === expected.from && url.searchParams.get('to') === expected.to;
      });
      const button = page.getByTestId(`preset-${preset}`);
      assert.equal((await button.innerText()).trim(), label);
      await button.click();
      await asked;
      const api = await get(`/dashboard?from=${expected.from}&to=${expected.to}`);
      const shown = new Intl.NumberFormat('pt-BR').format(api.totals.attendances);
      await page.waitForFunction((value) => document.querySelector('[data-testid="kpi-value"]')?.textContent?.trim() === value, shown);
    }
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
