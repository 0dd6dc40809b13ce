// Issue 19, "How to verify": every role signs in from `/` and opens every screen its menu offers.
// Each screen, once its content has loaded, must show no raw code (error codes, i18n keys, enum
// values, UUIDs), no English word in the Portuguese UI, and log no console error. Screenshots are
// spec 05's job; this one only reads the page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
/** `dash.title`, `webhook.event.ping`: a message key shown instead of its text. */
const MESSAGE_KEY = /\b[a-z][a-zA-Z]*(?:\.[a-z][a-zA-Z_]*)+\b/;
/** `stage_changed`, `super_admin`: an enum value or a key part. */
const SNAKE_CASE = /\b[a-z]+_[a-z_]+\b/;
/** `EMAIL_TAKEN`, `INVALID_INVITATION`: an API error code. */
const ERROR_CODE = /\b[A-Z]{2,}(?:_[A-Z]+)+\b/;
/** Stored values of the contracts' enums (roles, statuses, channels, plans…), never shown as such. */
const ENUM_VALUES = [
  'agent',
  'manager',
  'admin',
  'converted',
  'trial',
  'active',
  'suspended',
  'cancelled',
  'whatsapp',
  'instagram',
  'other',
  'pending',
  'delivered',
  'failed',
  'starter',
  'enterprise',
  'daily',
  'weekly',
  'known',
  'removed',
  'undefined',
  'null',
  'NaN',
];
/** The agent role has one name in Portuguese, "Atendente": never "agente" or "vendedor". */
const OTHER_ROLE_WORDS = /(?<![\p{L}])(?:agentes?|vendedor(?:a|es|as)?)(?![\p{L}])/giu;
/** English a Portuguese screen must not show (the UI's own words, not brand names like Fasto, WhatsApp or Webhooks). */
const ENGLISH = [
  'Loading',
  'Save',
  'Cancel',
  'Error',
  'Unknown',
  'Search',
  'Delete',
  'Edit',
  'Close',
  'Retry',
  'Settings',
  'Members',
  'Teams',
  'Dashboard',
  'Profile',
  'Notifications',
  'Sign in',
  'Sign out',
  'Today',
  'Yesterday',
  'This week',
  'Last week',
  'Previous',
  'Next',
  'No data',
  'None',
  'Load more',
  'Unnamed',
  'Others',
  'Sales',
  'Revenue',
  'Score',
  'Stage',
  'Agent',
  'Manager',
  'Funnel',
  'Something went wrong',
  'Not found',
  'Forbidden',
  'Unauthorized',
  'Bad Request',
  'Internal Server Error',
  'Invalid Date',
  '[object Object]',
];

const escape = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wholeWord = (word) => new RegExp(`(?<![\\p{L}\\d_-])${escape(word)}(?![\\p{L}\\d_-])`, 'u');

/**
 * What the screen says to a person: visible text plus the placeholders, titles and labels assistive
 * tech reads. Text in `<code>` is an identifier shown on purpose (a webhook's event name beside its
 * label, an API key prefix) and is left out.
 */
async function screenText(page) {
  return page.evaluate(() => {
    const attributes = [...document.body.querySelectorAll('[placeholder], [title], [aria-label]')]
      .filter((element) => element.getClientRects().length > 0)
      .flatMap((element) => ['placeholder', 'title', 'aria-label'].map((name) => element.getAttribute(name) ?? ''));
    let text = document.body.innerText;
    for (const code of document.body.querySelectorAll('code')) if (code.innerText) text = text.replace(code.innerText, ' ');
    return [text, ...attributes].join('\n');
  });
}

/** What is left once the text a user typed or owns is set aside: e-mail addresses, web addresses, slugs under a name. */
function withoutUserData(text) {
  return text
    .replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/\bX-Fasto-[\w-]+/g, ' ')
    .replace(/\bSuper admin\b/g, ' ');
}

/** The raw codes and English words a screen shows, as readable findings. */
function findings(text) {
  const clean = withoutUserData(text);
  const found = [];
  for (const [name, pattern] of Object.entries({ UUID, MESSAGE_KEY, SNAKE_CASE, ERROR_CODE })) {
    const match = clean.match(new RegExp(pattern.source, `${pattern.flags}g`));
    if (match) found.push(...match.map((value) => `${name}: ${value}`));
  }
  for (const value of ENUM_VALUES) if (wholeWord(value).test(clean)) found.push(`enum value: ${value}`);
  for (const word of ENGLISH) if (wholeWord(word).test(clean)) found.push(`English: ${word}`);
  for (const word of clean.match(OTHER_ROLE_WORDS) ?? []) found.push(`role word: ${word}`);
  return [...new Set(found)];
}

/** Waits until the screen has a heading and nothing in it still shows a skeleton or a busy state. */
async function contentLoaded(page) {
  await page.locator('main h1').first().waitFor();
  await page.waitForFunction(() => !document.querySelector('main .skeleton, main [aria-busy="true"]'), undefined, { timeout: 15_000 });
}

async function checkScreen(page, label, problems) {
  await contentLoaded(page);
  const found = findings(await screenText(page));
  if (found.length > 0) problems.push(`${label} (${new URL(page.url()).pathname}): ${found.join(', ')}`);
}

/** The sidebar: the desktop column, or on a phone the drawer the menu button opens. */
async function sidebar(page, phone) {
  if (phone) {
    await page.getByTestId('menu-toggle').click();
    return page.getByTestId('drawer').getByTestId('sidebar-nav');
  }
  return page.getByTestId('sidebar').getByTestId('sidebar-nav');
}

/** Opens each sidebar link as a person does, then `extra` screens reached from inside them. */
async function walk(page, { extra = {}, phone = false } = {}) {
  const problems = [];
  const links = (await sidebar(page, phone)).getByRole('link');
  const menu = await links.evaluateAll((anchors) => anchors.map((anchor) => ({ label: anchor.innerText.trim(), path: anchor.getAttribute('href') })));
  if (phone) await page.keyboard.press('Escape');
  assert.ok(menu.length >= 2, 'the sidebar offers screens');
  for (const { label, path } of menu) {
    await (await sidebar(page, phone)).getByRole('link', { name: label, exact: true }).click();
    await page.waitForURL((url) => url.pathname === path);
    assert.equal(await page.getByText('Página não encontrada').count(), 0, `${label} opens a screen`);
    await checkScreen(page, label, problems);
    if (extra[path]) await extra[path](page, problems);
  }
  return { menu: menu.map((item) => item.path), problems };
}

/** The screen's "new" dialog, saved empty as a hurried person does: its form errors must read as Portuguese too. */
function emptyDialog(openTestId) {
  return async (page, problems) => {
    const open = page.getByTestId(openTestId);
    if ((await open.count()) === 0 || !(await open.isEnabled())) return;
    await open.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('button[type="submit"]').click();
    await dialog.getByRole('alert').first().waitFor();
    const found = findings(await screenText(page));
    if (found.length > 0) problems.push(`${openTestId} dialog: ${found.join(', ')}`);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  };
}

/** The top bar's panels: notifications (texts the API writes) and the user menu. */
async function topBar(page, problems) {
  for (const [button, panel] of [
    ['notification-bell', 'notification-panel'],
    ['user-menu', 'user-menu-panel'],
  ]) {
    await page.getByTestId(button).click();
    await page.getByTestId(panel).waitFor();
    await page.waitForFunction(() => !document.querySelector('.skeleton, [aria-busy="true"]'), undefined, { timeout: 15_000 });
    const found = findings(await screenText(page));
    if (found.length > 0) problems.push(`${panel}: ${found.join(', ')}`);
    await page.keyboard.press('Escape');
    await page.getByTestId(panel).waitFor({ state: 'detached' });
  }
}

/** Inside the attendances list: the detail of the first attendance. */
async function attendanceDetail(page, problems) {
  const row = page.getByTestId('attendance-row').first();
  await row.waitFor();
  await row.click();
  await page.getByTestId('detail-channel').waitFor();
  await checkScreen(page, 'Detalhe do atendimento', problems);
  await page.keyboard.press('Escape');
}

/** Inside the console: a tenant's page. */
async function tenantPage(page, problems) {
  await page.getByTestId('tenant-row').first().getByRole('link').click();
  await page.waitForURL(/\/console\/tenants\//);
  await page.getByTestId('tenant-title').waitFor();
  await checkScreen(page, 'Empresa', problems);
}

const DIALOGS = { '/members': emptyDialog('invite-member-open'), '/teams': emptyDialog('new-team'), '/webhooks': emptyDialog('new-webhook') };
const ROLES = [
  { who: 'admin', menu: ['/dashboard', '/attendances', '/members', '/teams', '/funnels', '/origins', '/audit', '/settings', '/webhooks', '/profile'] },
  { who: 'manager', menu: ['/dashboard', '/attendances', '/members', '/teams', '/profile'] },
  { who: 'agent', menu: ['/dashboard', '/attendances', '/profile'] },
  {
    who: 'superadmin',
    menu: ['/audit', '/console', '/profile'],
    extra: {
      '/console': async (page, problems) => {
        await emptyDialog('new-tenant')(page, problems);
        await tenantPage(page, problems);
      },
    },
  },
];

describe('walkthrough of every screen, per role (issue 19)', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  it('finds raw codes and English words in a text, and leaves Portuguese, brands and user data alone', () => {
    assert.deepEqual(findings('Painel · Atendimentos · WhatsApp · Webhooks · Super admin · admin@demo.fasto.app · https://n8n.example/x_y'), []);
    assert.deepEqual(findings('Etapa: attendance.created'), ['MESSAGE_KEY: attendance.created']);
    assert.deepEqual(findings('Papel: agent'), ['enum value: agent']);
    assert.deepEqual(findings('Evento stage_changed'), ['SNAKE_CASE: stage_changed']);
    assert.deepEqual(findings('Erro: EMAIL_TAKEN'), ['ERROR_CODE: EMAIL_TAKEN']);
    assert.deepEqual(findings('Etapa 3f2b1c9e-8a7d-4e6f-9b0a-1c2d3e4f5a6b'), ['UUID: 3f2b1c9e-8a7d-4e6f-9b0a-1c2d3e4f5a6b']);
    assert.deepEqual(findings('Loading…'), ['English: Loading']);
    assert.deepEqual(findings('Sem agente'), ['role word: agente']);
  });

  for (const role of ROLES) {
    it(`${role.who}: every screen of the menu reads as Portuguese, with no raw code and no console error`, async () => {
      const { context, page, errors } = await openPage(browser);
      await signIn(page, role.who);
      const topBarProblems = [];
      await topBar(page, topBarProblems);
      const { menu, problems } = await walk(page, { extra: { '/attendances': attendanceDetail, ...DIALOGS, ...role.extra } });
      for (const path of role.menu) assert.ok(menu.includes(path), `the ${role.who} menu offers ${path}`);
      assert.deepEqual([...topBarProblems, ...problems], [], 'screens show raw codes or English');
      assertNoConsoleErrors(errors);
      await context.close();
    });
  }

  it('a phone: the drawer menu reaches the same screens, and they read the same', async () => {
    const { context, page, errors } = await openPage(browser, { width: 390, height: 844 });
    await signIn(page, 'manager');
    const { menu, problems } = await walk(page, { phone: true, extra: { '/attendances': attendanceDetail } });
    for (const path of ['/dashboard', '/attendances', '/members', '/teams', '/profile']) assert.ok(menu.includes(path), `the phone menu offers ${path}`);
    assert.deepEqual(problems, [], 'screens show raw codes or English');
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
