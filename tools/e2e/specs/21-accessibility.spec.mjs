import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seriousViolations } from '../support/axe.mjs';
import { assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const SIZES = { desktop: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } };

/**
 * Waits until the screen has drawn its data (no skeleton left for a moment), so axe sees what a
 * person sees. Not 'networkidle': the notification stream keeps a request open while signed in.
 */
async function settled(page) {
  await page.waitForLoadState('load');
  for (let stillFor = 0; stillFor < 3; ) {
    await page.waitForTimeout(100);
    stillFor = (await page.locator('.skeleton').count()) === 0 ? stillFor + 1 : 0;
  }
  // A colour still fading in (a CSS transition) would be measured half-way: wait for the finite ones to end.
  await page.waitForFunction(() =>
    document.getAnimations().every((animation) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity),
  );
}

/** Checks the page as it is now and returns the violations prefixed with where they were found. */
async function check(page, where) {
  await settled(page);
  return (await seriousViolations(page)).map((line) => `${where}: ${line}`);
}

/** The screens a role reaches from its sidebar (every link it is shown), read on a desktop page. */
const navigationLinks = (page) =>
  page
    .getByTestId('sidebar-nav')
    .locator('a[href]')
    .evaluateAll((links) => [...new Set(links.map((link) => link.getAttribute('href')))]);

/** Overlays to open on a screen: what a person opens there (dialogs, drawers, menus). */
const OVERLAYS = {
  '/attendances': [['attendance detail', (page) => page.getByTestId('attendance-row').first().click(), 'attendance-detail']],
  '/members': [['invite dialog', (page) => page.getByTestId('invite-member-open').click(), 'invite-member-submit']],
  '/teams': [['new team dialog', (page) => page.getByTestId('new-team').click(), 'team-dialog-submit']],
  '/goals': [['new goal dialog', (page) => page.getByTestId('goal-new').click(), 'goal-dialog-submit']],
  '/webhooks': [['new webhook dialog', (page) => page.getByTestId('new-webhook').click(), 'webhook-dialog-submit']],
  '/dashboard': [
    ['notification tray', (page) => page.getByTestId('notification-bell').click(), null],
    ['user menu', (page) => page.getByTestId('user-menu').click(), 'user-menu-panel'],
  ],
};

async function openOverlays(page, path, theme, size) {
  const found = [];
  for (const [name, open, waitFor] of OVERLAYS[path] ?? []) {
    const trigger = await page.locator('[data-testid]').count();
    if (!trigger) continue;
    try {
      await open(page);
    } catch {
      continue; // the role does not have this overlay (e.g. managers do not invite)
    }
    if (waitFor) await page.getByTestId(waitFor).first().waitFor();
    found.push(...(await check(page, `${path} + ${name} (${theme}, ${size})`)));
    await page.keyboard.press('Escape');
  }
  return found;
}

describe('WCAG 2.1 AA: axe finds no serious or critical violation (issue 26)', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  for (const theme of ['dark', 'light']) {
    for (const [size, viewport] of Object.entries(SIZES)) {
      it(`signed-out pages, ${theme}, ${size}`, async () => {
        const { context, page, errors } = await openPage(browser, viewport);
        await page.addInitScript((value) => localStorage.setItem('fasto.theme', JSON.stringify(value)), theme);
        const violations = [];
        for (const path of ['/login', '/forgot-password', '/accept-invite?token=not-a-real-token']) {
          await page.goto(path);
          violations.push(...(await check(page, `${path} (${theme}, ${size})`)));
        }
        assert.deepEqual(violations, []);
        assertNoConsoleErrors(errors.filter((error) => !/status of 4\d\d/.test(error)));
        await context.close();
      });

      for (const role of ['admin', 'manager', 'agent', 'superadmin']) {
        it(`every screen of the ${role}, with its overlays, ${theme}, ${size}`, async () => {
          const { context, page, errors } = await openPage(browser, SIZES.desktop);
          await page.addInitScript((value) => localStorage.setItem('fasto.theme', JSON.stringify(value)), theme);
          await signIn(page, role);
          const paths = await navigationLinks(page);
          assert.ok(paths.length > 0, `${role} sees at least one screen`);
          await page.setViewportSize(viewport);
          const violations = [];
          for (const path of [...paths, '/profile']) {
            await page.goto(path);
            violations.push(...(await check(page, `${path} (${theme}, ${size})`)));
            violations.push(...(await openOverlays(page, path, theme, size)));
          }
          if (size === 'phone') {
            await page.getByTestId('menu-toggle').click();
            await page.getByTestId('drawer').waitFor();
            violations.push(...(await check(page, `navigation drawer (${theme}, ${size})`)));
          }
          assert.deepEqual(violations, []);
          assertNoConsoleErrors(errors);
          await context.close();
        });
      }
    }
  }
});
