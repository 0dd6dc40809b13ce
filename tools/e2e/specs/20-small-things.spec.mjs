import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, PASSWORD, USERS, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const get = async (token, path) => (await fetch(`${BASE_URL}/api${path}`, { headers: { authorization: `Bearer ${token}` } })).json();

describe('small things a customer notices (issue 19, item 11)', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('the login form tabs e-mail → senha → Entrar → "Esqueci"', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/');
    await page.locator('#email').fill(USERS.admin);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#email').focus();
    const order = [];
    for (let step = 0; step < 3; step++) {
      await page.keyboard.press('Tab');
      order.push(await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? document.activeElement?.id));
    }
    assert.deepEqual(order, ['password', 'login-submit', 'login-forgot']);
    await context.close();
  });

  it('"WhatsApp" and "Atendente" are written right in the detail and in the CSV', async () => {
    const token = await apiToken('admin');
    const { items } = await get(token, '/attendances?limit=50');
    const chat = items.find((item) => item.channel === 'whatsapp');
    assert.ok(chat, 'the demo data has WhatsApp attendances');
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'admin');
    await page.goto(`/attendances?open=${chat.id}`);
    assert.equal(await page.getByTestId('detail-channel').innerText(), 'WhatsApp');
    await page.keyboard.press('Escape');
    const download = page.waitForEvent('download');
    await page.getByTestId('export-csv').click();
    const csv = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split('\n');
    assert.match(header, /^Data;Atendente;/);
    const row = rows.find((line) => line.includes(chat.externalId));
    assert.equal(row.split(';')[5], 'WhatsApp', 'the CSV spells the channel like the brand');
    assertNoConsoleErrors(errors);
    await context.close();
  });

  it('a phone shows the whole sales value on the dashboard', async () => {
    const { context, page, errors } = await openPage(browser, { width: 390, height: 844 });
    // Listening before signing in: the dashboard's answer can arrive before signIn returns.
    const answer = page.waitForResponse((response) => new URL(response.url()).pathname === '/api/dashboard');
    await signIn(page, 'admin');
    const data = await (await answer).json();
    const value = page.getByTestId('kpi-value').nth(5);
    await value.waitFor();
    const shown = (await value.innerText()).replace(/\s/g, ' ');
    assert.equal(shown, `R$ ${new Intl.NumberFormat('pt-BR', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(data.totals.saleValue)}`);
    const fits = await value.evaluate(
      (element) => element.scrollWidth <= element.clientWidth && element.getBoundingClientRect().right <= element.parentElement.getBoundingClientRect().right,
    );
    assert.ok(fits, `the value ${shown} is cut off`);
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
