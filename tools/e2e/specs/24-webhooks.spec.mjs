import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

async function api(token, path, init = {}) {
  const response = await fetch(`${BASE_URL}/api${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
  });
  assert.ok(response.ok, `${init.method ?? 'GET'} ${path} answered ${response.status}`);
  return response.status === 204 ? null : response.json();
}

/** A receiver as n8n's Webhook node would be: answers 200 and keeps each request's headers and raw body. */
function startReceiver() {
  const received = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, received, url: `http://127.0.0.1:${server.address().port}/hook` })));
}

/** docs/webhooks.md: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`. */
function signatureValid(request, secret) {
  const parts = Object.fromEntries(
    String(request.headers['x-fasto-signature'] ?? '')
      .split(',')
      .map((part) => part.split('=')),
  );
  if (!parts.t || !parts.v1) return false;
  const expected = createHmac('sha256', secret).update(`${parts.t}.${request.body}`).digest();
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe('an admin manages outbound webhooks from the web app (issue 21, item 7)', () => {
  let browser;
  let receiver;
  let token;
  before(async () => {
    mkdirSync('docs/screenshots', { recursive: true });
    browser = await launch();
    receiver = await startReceiver();
    token = await apiToken('admin');
  });
  after(async () => {
    await browser?.close();
    receiver?.server.close();
  });

  it('creates an endpoint, sees its secret once, sends a signed test ping, redelivers, edits and deletes it', async () => {
    const { context, page, errors } = await openPage(browser);
    await page.addInitScript(() => localStorage.setItem('fasto.theme', JSON.stringify('dark')));
    await signIn(page, 'admin');
    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Webhooks' }).click();
    await page.waitForURL(/\/webhooks$/);

    await page.getByTestId('new-webhook').click();
    await page.getByLabel('Endereço (URL)').fill(receiver.url);
    await page.getByLabel('Atendimento criado').check();
    await page.getByLabel('Atendimento convertido').check();
    await page.getByTestId('webhook-dialog-submit').click();

    const dialog = page.getByTestId('webhook-dialog');
    await dialog.getByTestId('webhook-secret').waitFor();
    const secret = await dialog.getByTestId('webhook-secret').inputValue();
    assert.ok(secret.length >= 32, 'a signing secret is shown');
    assert.match(await dialog.getByRole('alert').innerText(), /não vai vê-lo de novo/);
    await dialog.getByTestId('webhook-secret-done').click();
    await dialog.waitFor({ state: 'detached' });

    const stored = (await api(token, '/webhooks')).items.find((item) => item.url === receiver.url);
    assert.ok(stored, 'GET /api/webhooks lists the new endpoint');
    assert.deepEqual(stored.events, ['attendance.created', 'attendance.converted']);
    assert.equal(stored.isActive, true);
    assert.equal(stored.secret, undefined, 'the list never carries the secret');

    const row = page.locator(`[data-testid="webhook-row"][data-id="${stored.id}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /Ativo/);
    assert.ok(!(await page.content()).includes(secret), 'the secret is gone once the dialog is closed');

    await row.getByTestId('webhook-test').click();
    const outcome = row.getByTestId('webhook-test-outcome');
    await outcome.waitFor();
    assert.match(await outcome.innerText(), /Teste entregue: resposta 200/);
    assert.equal(receiver.received.length, 1, 'the receiver got the ping');
    const [ping] = receiver.received;
    assert.equal(ping.headers['x-fasto-event'], 'ping');
    assert.ok(signatureValid(ping, secret), 'the ping is signed with the secret shown once');
    assert.ok(!signatureValid(ping, `${secret}x`), 'another secret does not verify it');

    await row.getByTestId('webhook-deliveries-open').click();
    const deliveries = page.getByTestId('webhook-deliveries');
    const delivery = deliveries.getByTestId('webhook-delivery').first();
    await delivery.waitFor();
    assert.equal(await delivery.getAttribute('data-status'), 'delivered');
    assert.equal(await delivery.getByTestId('delivery-code').innerText(), '200');
    await delivery.getByTestId('webhook-redeliver').click();
    await deliveries.getByRole('status').waitFor();
    await deliveries.getByTestId('webhook-delivery').nth(1).waitFor();
    assert.equal(receiver.received.length, 2, 'the redelivery reached the receiver');
    assert.ok(signatureValid(receiver.received[1], secret));
    await page.keyboard.press('Escape');
    await deliveries.waitFor({ state: 'detached' });

    await page.mouse.move(0, 0);
    await page.screenshot({ path: 'docs/screenshots/webhooks-dark-desktop.png' });

    await row.getByTestId('webhook-edit').click();
    await page.getByLabel('Atendimento convertido').uncheck();
    await page.getByTestId('webhook-active').uncheck();
    const patched = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && new URL(response.url()).pathname === `/api/webhooks/${stored.id}`,
    );
    await page.getByTestId('webhook-dialog-submit').click();
    assert.equal((await patched).status(), 200);
    await page.getByTestId('webhook-dialog').waitFor({ state: 'detached' });
    await row.getByText('Pausado').waitFor();
    const edited = (await api(token, '/webhooks')).items.find((item) => item.id === stored.id);
    assert.deepEqual(edited.events, ['attendance.created']);
    assert.equal(edited.isActive, false);

    await row.getByTestId('webhook-delete').click();
    await page.getByTestId('confirm-ok').click();
    await row.waitFor({ state: 'detached' });
    assert.equal(
      (await api(token, '/webhooks')).items.find((item) => item.id === stored.id),
      undefined,
      'the endpoint is deleted',
    );

    assertNoConsoleErrors(errors);
    await context.close();
  });
});
