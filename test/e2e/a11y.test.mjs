// Accessibility sweep in real Chromium: axe-core over every demo page and over each widget in
// every state a citizen meets (default, errors shown, submitting, receipt, offline notice),
// failing on serious or critical violations. Keyboard-only paths, large mode at 320 px, forced
// colours and the matrix survey's states are in a11y-modes.test.mjs (two files run side by side).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startHarness } from './harness.mjs';
import { until, axe, widgetsRendered as settled } from './util.mjs';

const DEMOS = ['rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map', 'rd-receipt-lookup', 'elements'].filter((d) => existsSync(`demo/${d}.html`));
let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

for (const demo of DEMOS) {
  test(`axe: demo page ${demo}.html as loaded has no serious or critical violation`, async () => {
    const { page, errors, context } = await h.newPage();
    await page.goto(`${h.base}/${demo}.html`);
    await settled(page);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}
test('axe: the portal home page', async () => {
  const { page, context } = await h.newPage();
  await page.goto(`${h.base}/`);
  assert.deepEqual(await axe(page), []);
  await context.close();
});

/**
 * Each form's states. `open` returns {scope, form} once the form is on screen; `fill` types a
 * valid submission; `submit` is the button's visible name.
 */
const FORMS = {
  'legislation feedback': {
    // The form states on a one-chapter copy of the draft (the full demo page is checked above).
    url: '/fixtures/legislation-single.html?short=1', scope: '#lf', route: '/api/legislation-feedback', submit: '提交意见',
    open: async (page) => {
      const w = page.locator('#lf');
      // The widget may first render the full draft it loads by draft-id; the fixture's `data`
      // (the one-chapter copy) then replaces it. Wait for the replacement, not the first paint.
      await until(async () => (await page.evaluate(() => document.getElementById('lf').data?.id)) === '2026-yq-01-short', { message: 'the short draft set as data' });
      await w.getByRole('heading', { name: '第一章 总则' }).waitFor();
      await until(async () => (await w.getByRole('heading', { name: '第二章 犬只登记与免疫' }).count()) === 0, { message: 'the short draft on screen' });
      return w;
    },
    fill: async (f) => {
      await f.getByRole('button', { name: '对第三条提意见' }).click();
      await f.getByRole('textbox', { name: /^对第三条的意见/ }).fill('建议写明“基层参与”的具体方式。');
      await f.getByRole('combobox', { name: /^身份/ }).selectOption({ label: '普通市民' });
    },
  },
  'deputy message': {
    url: '/rd-deputy-card.html', scope: 'rd-deputy-card[deputy-id="dep-047"]', route: '/api/deputy-messages', submit: '提交留言',
    open: async (page) => {
      const w = page.locator('rd-deputy-card[deputy-id="dep-047"]');
      await w.getByRole('button', { name: '给代表留言' }).click();
      return w;
    },
    fill: async (f) => {
      await f.getByRole('textbox', { name: /^留言主题/ }).fill('村道路灯');
      await f.getByRole('combobox', { name: /^留言类别/ }).selectOption({ label: '城乡建设' });
      await f.getByRole('textbox', { name: /^留言内容/ }).fill('村东头路灯坏了三个月，晚上出行不便。');
      await f.getByRole('checkbox', { name: /个人信息处理说明/ }).check();
    },
  },
  'station booking': {
    url: '/rd-station-map.html', scope: '#map-default', route: '/api/appointments', submit: '提交预约',
    open: async (page) => {
      const w = page.locator('#map-default');
      await w.getByRole('searchbox', { name: '搜索站点' }).fill('dgjd');
      await w.getByRole('list', { name: '站点列表' }).getByRole('button').first().click();
      await w.getByRole('button', { name: '预约接访' }).click();
      return w;
    },
    fill: async (f) => {
      await f.locator('rd-appointment-form').getByRole('radio').first().check();
      await f.getByRole('textbox', { name: /^要反映的事项/ }).fill('路灯损坏');
      await f.getByRole('textbox', { name: /^姓名/ }).fill('李某某');
      await f.getByRole('textbox', { name: /^联系电话/ }).fill('13700003333');
      await f.getByRole('checkbox', { name: /个人信息处理说明/ }).check();
    },
  },
};

for (const [name, F] of Object.entries(FORMS)) {
  if (!F.url.startsWith('/fixtures/') && !existsSync(`demo${F.url}`)) continue;
  test(`axe: ${name} in every state (default, errors, submitting, receipt, offline notice)`, async () => {
    const { page, errors, context } = await h.newPage();
    const found = {};
    const check = async (state) => { const v = await axe(page, F.scope); if (v.length) found[state] = v; };
    await page.goto(`${h.base}${F.url}`);
    await settled(page);
    let f = await F.open(page);
    await f.getByRole('button', { name: F.submit }).waitFor();
    await check('default');

    await f.getByRole('button', { name: F.submit }).click();
    await f.locator('[part~="error-summary"]').first().waitFor();
    await check('errors shown');

    await F.fill(f);
    await h.faults(F.route, [null], { delayMs: 4000 });
    await f.getByRole('button', { name: F.submit }).click();
    await f.getByText('正在提交…').first().waitFor();
    await check('submitting');
    await f.getByText(/[A-Z]{2}-\d{4}-\d+/).first().waitFor({ timeout: 15_000 });
    await check('receipt');

    // Offline: a fresh form, sent while the network is down.
    await page.reload();
    await settled(page);
    f = await F.open(page);
    await F.fill(f);
    await context.setOffline(true);
    await f.getByRole('button', { name: F.submit }).click();
    await f.getByText(/已保存在本设备上/).first().waitFor({ timeout: 15_000 });
    await check('offline notice');
    await context.setOffline(false);

    assert.deepEqual(found, {});
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('axe helper sees inside a widget\'s shadow root (a planted violation is found)', async () => {
  const { page, context } = await h.newPage();
  await page.goto(`${h.base}/rd-station-map.html`);
  await settled(page);
  await page.locator('#map-default').getByRole('status').filter({ hasText: /共 \d+ 个站点/ }).waitFor();
  await page.evaluate(() => {
    const b = document.createElement('button'); // no accessible name: axe "button-name", critical
    b.id = 'planted';
    document.querySelector('#map-default').shadowRoot.append(b);
  });
  const v = await axe(page, '#map-default');
  assert.ok(await page.evaluate(() => !!document.querySelector('#map-default').shadowRoot.getElementById('planted')), 'the planted button is still there');
  assert.ok(v.some((x) => x.id === 'button-name'), JSON.stringify(v));
  await context.close();
});
