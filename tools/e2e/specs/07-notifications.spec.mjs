import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, PASSWORD, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

async function json(method, path, token, body, headers = {}) {
  const response = await fetch(`${BASE_URL}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}

/** A Demo API key, created by the super admin as n8n's operator would. */
async function demoApiKey() {
  const login = await json('POST', '/api/auth/login', null, { email: 'superadmin@fasto.app', password: PASSWORD });
  const token = login.body.accessToken;
  const tenants = await json('GET', '/api/tenants?limit=200', token);
  const demo = tenants.body.items.find((tenant) => tenant.slug === 'demo');
  const key = await json('POST', `/api/tenants/${demo.id}/api-keys`, token, { name: `e2e ${randomUUID().slice(0, 8)}` });
  assert.equal(key.status, 201);
  return key.body.key;
}

describe('notification tray', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('shows a closed sale to the manager right after the ingest call', async () => {
    const apiKey = await demoApiKey();
    const { context, page, errors } = await openPage(browser);
    await signIn(page, 'manager');
    const before = Number(
      (await page
        .getByTestId('notification-badge')
        .textContent({ timeout: 1000 })
        .catch(() => '0')) || 0,
    );

    const ingest = await json(
      'POST',
      '/api/integration/attendances',
      null,
      {
        external_id: `e2e-${randomUUID()}`,
        agent_email: 'agent@demo.fasto.app',
        customer_name: 'Cliente E2E',
        title: 'Venda pelo e2e',
        full_summary: 'Cliente fechou a compra.',
        score: 90,
        converted: true,
        sale_value: 1234.5,
        attended_at: new Date().toISOString(),
      },
      { 'x-api-key': apiKey },
    );
    assert.equal(ingest.status, 201);

    // Pushed over SSE, or at worst the next 10 s poll.
    await page.waitForFunction((count) => Number(document.querySelector('[data-testid="notification-badge"]')?.textContent ?? 0) > count, before, {
      timeout: 15_000,
    });
    await page.getByTestId('notification-bell').click();
    await page.getByTestId('notification-item').first().waitFor();
    assert.match(await page.getByTestId('notification-panel').innerText(), /Cliente E2E|Venda/);
    await page.getByTestId('notification-read-all').click();
    await page.getByTestId('notification-badge').waitFor({ state: 'detached' });
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
