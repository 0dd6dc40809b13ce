import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BASE_URL, apiToken, assertNoConsoleErrors, launch, openPage, signIn } from '../support/browser.mjs';

const api = async (token, path, init = {}) => {
  const response = await fetch(`${BASE_URL}/api${path}`, { ...init, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } });
  assert.ok(response.ok, `${init.method ?? 'GET'} ${path} answered ${response.status}`);
  return response.json();
};

/** Slice fills in drawing order and the background of the card they sit on, as the browser renders them. */
const pieColors = (page, testId) =>
  page.getByTestId(testId).evaluate((pie) => {
    // Tailwind 4 colors compute as oklch(): let a canvas turn any CSS color into sRGB bytes.
    const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
    const rgb = (css) => {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    };
    const card = pie.closest('.card') ?? document.body;
    return {
      fills: [...pie.querySelectorAll('path.arc')].map((path) => rgb(getComputedStyle(path).fill)),
      background: rgb(getComputedStyle(card).backgroundColor),
    };
  });

const luminance = (rgb) => {
  const [r, g, b] = rgb.map((v) => (v / 255 <= 0.03928 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
};
const distance = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

describe('pie slices read on both themes (issue 19, item 3)', () => {
  let browser;
  before(async () => (browser = await launch()));
  after(async () => browser?.close());

  for (const theme of ['dark', 'light']) {
    it(`every slice keeps 3:1 against the ${theme} card and differs from its neighbours`, async () => {
      const token = await apiToken('admin');
      const dashboard = await api(token, '/dashboard');
      const { context, page, errors } = await openPage(browser);
      await page.addInitScript((value) => localStorage.setItem('fasto.theme', JSON.stringify(value)), theme);
      await signIn(page, 'admin');
      for (const [testId, slices] of [
        ['pie-stage', dashboard.byStage],
        ['pie-origin', dashboard.byOrigin],
      ]) {
        await page.getByTestId(testId).locator('path.arc').first().waitFor();
        const { fills, background } = await pieColors(page, testId);
        assert.equal(fills.length, slices.filter((slice) => slice.count > 0).length, `${testId}: one slice per non-empty API slice`);
        fills.forEach((fill, index) => {
          assert.ok(contrast(fill, background) >= 3, `${testId} slice ${index} rgb(${fill}) on rgb(${background}): ${contrast(fill, background).toFixed(2)}:1`);
          const next = fills[(index + 1) % fills.length];
          if (fills.length > 1) assert.ok(distance(fill, next) > 40, `${testId} slices ${index} and ${index + 1} look alike`);
        });
      }
      assertNoConsoleErrors(errors);
      await context.close();
    });
  }

  it('the palette picker previews the pie and warns about a pale pick; the dashboard still draws it readably', async () => {
    const token = await apiToken('admin');
    const funnel = (await api(token, '/funnels?limit=200')).items.find((f) => f.name === 'Funil de Vendas');
    const stage = funnel.stages[0];
    const { context, page, errors } = await openPage(browser);
    await page.addInitScript(() => localStorage.setItem('fasto.theme', JSON.stringify('light')));
    await signIn(page, 'admin');
    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Funis' }).click();
    await page.getByTestId('group-item').filter({ hasText: funnel.name }).click();
    const row = page.locator(`[data-testid="entry-row"][data-name="${stage.name}"]`);
    await row.getByTestId('entry-color').click();
    await page.getByTestId('chart-preview').waitFor();
    const slicesPerPreview = await page
      .getByTestId('chart-preview')
      .evaluate((preview) => [...preview.querySelectorAll('svg')].map((svg) => svg.querySelectorAll('circle').length));
    assert.deepEqual(slicesPerPreview, [funnel.stages.length, funnel.stages.length], 'a dark and a light preview of the whole funnel');
    await page.locator('[data-color="bg-blue-600"]').click();
    await page.locator('[data-color="bg-blue-600"][aria-checked="true"]').waitFor();
    assert.equal(await page.getByTestId('low-contrast-warning').count(), 0, 'blue-600 reads on both cards');
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && (response.request().postData() ?? '').includes('bg-yellow-100'),
    );
    await page.locator('[data-color="bg-yellow-100"]').click();
    await saved;
    assert.match(await page.getByTestId('low-contrast-warning').innerText(), /pouco contraste/);
    const stored = (await api(token, `/funnels/${funnel.id}`)).stages.find((s) => s.id === stage.id);
    assert.equal(stored.color, 'bg-yellow-100', 'the pick is stored as chosen');

    await page.getByTestId('sidebar-nav').getByRole('link', { name: 'Painel' }).click();
    await page.getByTestId('pie-stage').locator('path.arc').first().waitFor();
    const { fills, background } = await pieColors(page, 'pie-stage');
    for (const fill of fills) assert.ok(contrast(fill, background) >= 3);
    assertNoConsoleErrors(errors);
    await context.close();
  });
});
