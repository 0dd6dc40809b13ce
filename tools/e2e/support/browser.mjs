// Shared helpers of the browser specs: one headless Chromium per spec file, a fresh context per test,
// console errors collected (a CSP violation or an uncaught error fails the test that caused it).
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const BASE_URL = process.env.E2E_BASE_URL ?? 'http://127.0.0.1:3000';
export const PASSWORD = process.env.DEMO_PASSWORD ?? 'Fasto@2026!demo';
export const USERS = {
  admin: 'admin@demo.fasto.app',
  manager: 'manager@demo.fasto.app',
  agent: 'agent@demo.fasto.app',
  superadmin: 'superadmin@fasto.app',
};

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** A fresh context (own cookies and localStorage) and page; `errors` lists console errors and page crashes. */
export async function openPage(browser, { width = 1440, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, baseURL: BASE_URL, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo' });
  await context.addInitScript(reportRawKeys);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const url = message.location()?.url ?? '';
    // Chromium logs every non-2xx fetch: the 401 the interceptor recovers from, and the notification
    // routes answering 404 while the API has none, are expected and handled by the app.
    if (/Failed to load resource/.test(text) && (/status of 401/.test(text) || (/status of 404/.test(text) && url.includes('/api/notifications')))) return;
    errors.push(text);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { context, page, errors };
}

/**
 * Runs in the page: a text node or label that is a whole i18n key (`members.title`) means a text the
 * app did not translate; it is logged as a console error, so `assertNoConsoleErrors` fails the test.
 * Whole texts only: an e-mail or host name (`admin@demo.fasto.app`) has the same dotted shape inside it.
 * Text in `<code>` is a technical name shown on purpose (the webhook event `attendance.created`).
 */
function reportRawKeys() {
  const KEY = /^[a-z]+\.[a-z][a-zA-Z_.]+$/;
  const reported = new Set();
  const report = (text) => {
    const value = (text ?? '').trim();
    if (!KEY.test(value) || reported.has(value)) return;
    reported.add(value);
    console.error(`untranslated i18n key on screen: ${value}`);
  };
  const technical = (node) => !!(node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement)?.closest('code, pre, script, style');
  const scan = (node) => {
    if (technical(node)) return;
    if (node.nodeType === Node.TEXT_NODE) return report(node.data);
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    for (const name of ['aria-label', 'placeholder', 'title']) if (node.hasAttribute(name)) report(node.getAttribute(name));
    for (const child of node.childNodes) scan(child);
  };
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'childList') mutation.addedNodes.forEach(scan);
      else if (mutation.type === 'characterData') scan(mutation.target);
      else scan(mutation.target);
    }
  }).observe(document, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['aria-label', 'placeholder', 'title'] });
}

/** Signs in the way a person does: opens `/`, lands on the login form, types and clicks. */
export async function signIn(page, who) {
  await page.goto('/');
  await page.waitForURL(/\/login/);
  await page.getByLabel(/e-mail/i).fill(USERS[who] ?? who);
  await page.locator('#password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(who === 'superadmin' ? /\/console/ : /\/dashboard/);
}

export function assertNoConsoleErrors(errors) {
  assert.deepEqual(errors, [], 'the browser console shows errors (CSP violations included)');
}

/** Sign in through the API itself, for comparing what the page shows with what the API answers. */
export async function apiToken(who) {
  const response = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: USERS[who] ?? who, password: PASSWORD }),
  });
  assert.equal(response.status, 200, `API sign-in of ${who}`);
  return (await response.json()).accessToken;
}
