// Accessibility and 适老化 in real Chromium, the second half of the sweep (a11y.test.mjs has the
// demo pages and the forms' states): keyboard-only runs of the legislation, deputy and station
// main paths; large mode at 320 px; forced-colours screenshots saved for review; the matrix
// survey in every state.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { startHarness } from './harness.mjs';
import { until, deepActive, axe, widgetsRendered as settled, lfFormShown } from './util.mjs';

const SHOTS = '/tmp/rd-e2e-screenshots';
let h;
before(async () => { h = await startHarness(); mkdirSync(SHOTS, { recursive: true }); });
after(async () => { await h?.close(); });

/** Presses Tab until the focused element (through shadow roots) matches; returns it. */
async function tabTo(page, match, what, max = 400) {
  const trail = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const a = await deepActive(page);
    if (a && match(a)) return a;
    trail.push(a ? `${a.tag}:${a.text.slice(0, 20)}` : 'none');
  }
  throw new Error(`Tab never reached ${what}; last: ${trail.slice(-12).join(' | ')}`);
}
const named = (tag, re) => (a) => a.tag === tag && re.test(a.text);

test('keyboard only: legislation feedback main path (Tab, Enter, Space, typing; arrows in a select)', async () => {
  const { page, errors, context } = await h.newPage();
  await page.goto(`${h.base}/fixtures/legislation-single.html`);
  await settled(page);
  await tabTo(page, named('input', /^跳转到条文/), 'the jump box');
  await page.keyboard.type('26');
  await page.keyboard.press('Enter');
  await until(async () => (await page.evaluate(() => document.querySelector('#lf').shadowRoot.activeElement?.getAttribute('data-label'))) === '第二十六条', { message: 'article 26 focused after Enter' });
  await tabTo(page, named('button', /^对第二十六条提意见/), 'the comment button of article 26', 10);
  await page.keyboard.press('Enter');
  // The comment box takes the focus once the form half has arrived (the first press fetches it).
  await until(async () => (await deepActive(page))?.tag === 'textarea', { message: 'the comment box focused after Enter' });
  const text = '键盘用户：建议把限养数量的例外情形写得更具体。';
  await page.keyboard.type(text);
  await tabTo(page, named('select', /^身份/), 'the identity select');
  await page.keyboard.press('ArrowDown');
  await tabTo(page, named('button', /^提交意见/), 'the submit button', 30);
  await page.keyboard.press('Enter');
  await page.locator('#lf').getByText(/FK-\d{4}-\d+/).first().waitFor();
  // Focus lands on the receipt, so a screen reader reads it.
  assert.ok(await page.evaluate(() => !!document.querySelector('#lf').shadowRoot.activeElement?.closest('[data-rd-receipt]')), 'focus on the receipt');
  const { rows } = await h.exported('legislation-feedback');
  const row = rows.find((r) => r.data.comments.some((c) => c.text === text));
  assert.ok(row, 'the typed comment is stored');
  assert.equal(row.data.comments.find((c) => c.text === text).target.article, '第二十六条');
  assert.equal(row.data.respondent.identity, 'citizen');
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: deputy card main path (directory search, profile, message)', async () => {
  const { page, errors, context } = await h.newPage();
  await page.goto(`${h.base}/rd-deputy-card.html`);
  await settled(page);
  await tabTo(page, named('input', /^搜索代表/), 'the directory search');
  await page.keyboard.type('dxl');
  await tabTo(page, named('button', /董晓丽 全国人大代表/), 'the result 董晓丽', 12);
  await page.keyboard.press('Enter');
  await tabTo(page, named('button', /^给代表留言/), 'the message button', 60);
  await page.keyboard.press('Enter');
  // The form's heading takes the focus once the form has arrived (the first press fetches it).
  await until(async () => { const h = await deepActive(page); return h?.tag === 'h3' && /代表留言/.test(h.text); }, { message: 'the message form, its heading focused' });
  await tabTo(page, named('input', /^留言主题/), 'the subject', 6);
  await page.keyboard.type('键盘留言：公交站台没有座椅');
  await tabTo(page, named('select', /^留言类别/), 'the category', 3);
  await page.keyboard.press('ArrowDown');
  const category = await page.evaluate(() => { let a = document.activeElement; while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement; return a.value; });
  assert.ok(category, 'a category chosen with the arrow key');
  const body = '东关站台没有座椅，老人等车很辛苦，建议增设。';
  await tabTo(page, named('textarea', /^留言内容/), 'the message text', 3);
  await page.keyboard.type(body);
  await tabTo(page, (x) => x.tag === 'input' && x.type === 'checkbox' && /个人信息处理说明/.test(x.text), 'the consent box', 10);
  await page.keyboard.press('Space');
  await tabTo(page, named('button', /^提交留言/), 'the send button', 6);
  await page.keyboard.press('Enter');
  const w = page.locator('#directory rd-deputy-card');
  await w.getByText(/[A-Z]{2}-\d{4}-\d+/).first().waitFor();
  const { rows } = await h.exported('deputy-message');
  const row = rows.find((r) => r.data.text === body);
  assert.ok(row, 'the message is stored');
  assert.equal(row.data.deputyId, 'dep-001');
  assert.equal(row.data.category, category);
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Scrolls a widget through the viewport, as a reader of its whole text does. A long draft skips
 * rendering its off-screen articles (content-visibility: auto) and lays each out at a placeholder
 * height, so geometry read before (axe's target-size) has the comment button of one article lie
 * over the next one's, which no reader ever sees. Once shown, an article keeps its real height
 * (contain-intrinsic-size: auto).
 */
async function readThrough(page, sel) {
  await page.locator(sel).first().evaluate(async (el) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    el.scrollIntoView();
    await frame();
    for (let i = 0; i < 500 && el.getBoundingClientRect().bottom > innerHeight; i++) {
      window.scrollBy(0, innerHeight * 0.8);
      await frame();
    }
    el.scrollIntoView();
    await frame();
  });
}

const LARGE = {
  'rd-legislation-feedback': { url: '/rd-legislation-feedback.html', sel: 'rd-legislation-feedback[large]' },
  'rd-deputy-card': { url: '/rd-deputy-card.html', sel: 'rd-deputy-card[large]' },
  // Until the survey has a demo page: its fixture page in large mode, on the first question page.
  'rd-satisfaction-survey': { url: '/fixtures/survey.html?large=1', sel: '#sv', prep: async (w) => { await w.getByRole('textbox', { name: /^测评码/ }).fill('E2E-JYBL-005'); await w.getByRole('textbox', { name: /^姓名/ }).fill('陈某某'); await w.getByRole('button', { name: '开始填写' }).click(); await w.getByRole('button', { name: '下一页' }).waitFor(); } },
  'rd-station-map': { url: '/rd-station-map.html', sel: 'rd-station-map[large]' },
};
for (const [tag, L] of Object.entries(LARGE)) {
  if (!L.url.startsWith('/fixtures/') && !existsSync(`demo${L.url}`)) continue;
  test(`large mode at 320 px: <${tag}> — 20px text, 48px targets, fits the width, axe clean`, async (t) => {
    const { page, errors, context } = await h.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(`${h.base}${L.url}`);
    await settled(page);
    const host = page.locator(L.sel).first();
    if (L.prep) await L.prep(host);
    await host.scrollIntoViewIfNeeded();
    const m = await host.evaluate((el) => {
      const vw = document.documentElement.clientWidth;
      const out = { host: parseFloat(getComputedStyle(el).fontSize), small: [], lowTargets: [], wide: [] };
      const walk = (root) => {
        for (const e of root.querySelectorAll('*')) {
          if (e.shadowRoot) walk(e.shadowRoot);
          if (!e.getClientRects().length || e.closest('.rd-visually-hidden, .leaflet-container, [aria-hidden="true"]')) continue;
          const r = e.getBoundingClientRect();
          if (r.right > vw + 1) out.wide.push(`${e.localName}.${String(e.className).split(' ')[0]} right=${Math.round(r.right)}`);
          const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
          const fs = parseFloat(getComputedStyle(e).fontSize);
          if (own && fs < 18) out.small.push(`${e.localName}.${String(e.className).split(' ')[0]} ${fs}px "${e.textContent.trim().slice(0, 16)}"`);
          if (e.matches('button, select, input:not([type=checkbox]):not([type=radio]):not([tabindex="-1"]), textarea') && r.height < 47.5) out.lowTargets.push(`${e.localName}.${String(e.className).split(' ')[0]} ${Math.round(r.height)}px "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 16)}"`);
        }
      };
      walk(el.shadowRoot);
      return out;
    });
    t.diagnostic(`${tag} large: host ${m.host}px; text below 18px: ${[...new Set(m.small)].slice(0, 8).join(', ') || 'none'}`);
    assert.ok(m.host >= 20, `host font-size ${m.host}`);
    assert.deepEqual(m.wide, [], 'nothing wider than the 320 px viewport');
    assert.deepEqual(m.lowTargets, [], 'controls at least 48 px high');
    const host2 = L.sel;
    await readThrough(page, host2);
    assert.deepEqual(await axe(page, host2), []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('forced colors (Windows high contrast): screenshots of every widget saved for review', async (t) => {
  const { page, errors, context } = await h.newPage({ viewport: { width: 900, height: 1000 } });
  await page.emulateMedia({ forcedColors: 'active' });
  const shots = [];
  for (const [tag, sel, prep, url] of [
    ['rd-legislation-feedback', '#lf-default', async (w) => { await lfFormShown(w); await w.getByRole('button', { name: '提交意见' }).click(); await w.locator('[part~="error-summary"]').waitFor(); }],
    ['rd-deputy-card', 'rd-deputy-card[deputy-id="dep-047"]', async (w) => { await w.getByRole('button', { name: '给代表留言' }).click(); await w.getByRole('button', { name: '提交留言' }).click(); }],
    ['rd-station-map', '#map-default', null],
    // Until the survey has a demo page: the fixture, on the matrix page with its errors shown.
    ['rd-satisfaction-survey', '#sv', async (w) => {
      await w.getByRole('textbox', { name: /^测评码/ }).fill('E2E-JYBL-006');
      await w.getByRole('textbox', { name: /^姓名/ }).fill('陈某某');
      await w.getByRole('button', { name: '开始填写' }).click();
      await w.getByRole('group', { name: '关于加快老旧小区加装电梯的建议' }).getByRole('group', { name: '组织领导' }).getByRole('radio', { name: '不满意', exact: true }).check();
      await w.getByRole('button', { name: '下一页' }).click();
      await w.locator('[part~="error-summary"]').first().waitFor();
    }, '/fixtures/survey.html'],
  ]) {
    if (!url && !existsSync(`demo/${tag}.html`)) continue;
    await page.goto(`${h.base}${url ?? `/${tag}.html`}`);
    await settled(page);
    assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
    const w = page.locator(sel).first();
    await w.evaluate((el) => el.scrollIntoView());
    const top = `${SHOTS}/forced-colors-${tag}-top.png`;
    await page.screenshot({ path: top });
    shots.push(top);
    if (prep) {
      await prep(w);
      await page.evaluate(() => document.activeElement?.blur());
      // The part in use (form with errors) in view.
      await w.evaluate((el) => el.shadowRoot.querySelector('[part~="error-summary"]')?.scrollIntoView({ block: 'start' }));
      const form = `${SHOTS}/forced-colors-${tag}-form.png`;
      await page.screenshot({ path: form });
      shots.push(form);
    }
  }
  t.diagnostic(`screenshots: ${shots.join(' ')}`);
  assert.ok(shots.length >= 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe: survey (matrix 测评) in every state: start, page with errors, review, submitting, receipt, offline notice', async () => {
  const { page, errors, context } = await h.newPage();
  const found = {};
  const scope = '#sv';
  const check = async (state) => { const v = await axe(page, scope); if (v.length) found[state] = v; };
  const SUBJ = ['关于加快老旧小区加装电梯的建议', '关于优化中心城区公交线网的建议', '关于增设社区嵌入式托育点的建议', '关于整治青岚河沿岸排污口的建议'];
  const DIMS = ['组织领导', '办理态度', '面商沟通', '答复质量', '落实情况', '综合评价'];
  const toReview = async (w, code) => {
    await w.getByRole('textbox', { name: /^测评码/ }).fill(code);
    await w.getByRole('textbox', { name: /^姓名/ }).fill('吴某某');
    await w.getByRole('button', { name: '开始填写' }).click();
    for (const s of SUBJ) for (const d of DIMS) await w.getByRole('group', { name: s }).getByRole('group', { name: d }).getByRole('radio', { name: '基本满意', exact: true }).check();
    await w.getByRole('button', { name: '下一页' }).click();
    await w.getByRole('button', { name: '核对答案' }).click();
    await w.getByRole('checkbox', { name: /个人信息处理说明/ }).check();
  };
  await page.goto(`${h.base}/fixtures/survey.html?s=2026-jybl-myd`);
  const w = page.locator(scope);
  await w.getByRole('button', { name: '开始填写' }).waitFor();
  await check('start');
  await w.getByRole('button', { name: '开始填写' }).click();
  await w.getByRole('alert').first().waitFor();
  await check('start with errors');
  await w.getByRole('textbox', { name: /^测评码/ }).fill('E2E-JYBL-002');
  await w.getByRole('textbox', { name: /^姓名/ }).fill('吴某某');
  await w.getByRole('button', { name: '开始填写' }).click();
  await w.getByRole('button', { name: '下一页' }).click();
  await w.getByRole('alert').first().waitFor();
  await check('matrix with errors');
  await page.reload();
  await toReview(w, 'E2E-JYBL-002');
  await check('review');
  await h.faults('/api/survey-responses', [null], { delayMs: 4000 });
  await w.getByRole('button', { name: '确认提交' }).click();
  await w.getByText('正在提交…').first().waitFor();
  await check('submitting');
  await w.getByText(/[A-Z]{2}-\d{4}-\d+/).first().waitFor({ timeout: 15_000 });
  await check('receipt');
  await page.reload();
  await toReview(w, 'E2E-JYBL-003');
  await context.setOffline(true);
  await w.getByRole('button', { name: '确认提交' }).click();
  await w.getByText(/已保存在本设备上/).first().waitFor({ timeout: 15_000 });
  await check('offline notice');
  await context.setOffline(false);
  assert.deepEqual(found, {});
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard only: station map main path (search, open a station, book its next reception)', async () => {
  const { page, errors, context } = await h.newPage();
  await page.goto(`${h.base}/rd-station-map.html`);
  await settled(page);
  await tabTo(page, named('input', /^搜索站点/), 'the station search');
  await page.keyboard.type('dgjd');
  await tabTo(page, named('button', /^东关街道人大代表联络站/), 'the result', 20);
  await page.keyboard.press('Enter');
  await tabTo(page, named('button', /^预约接访$/), 'the booking button', 80);
  await page.keyboard.press('Enter');
  // The form takes focus on its first field (the sessions) once its chunk has arrived (it is
  // imported when first opened) — or one Tab gets there.
  let slot = await until(async () => { const a = await deepActive(page); return a && a.tag === 'input' ? a : null; }, { timeout: 3000, message: 'focus moved into the booking form' }).catch(() => deepActive(page));
  if (!(slot.tag === 'input' && slot.type === 'radio')) slot = await tabTo(page, (a) => a.tag === 'input' && a.type === 'radio', 'the first session', 10);
  await page.keyboard.press('Space');
  await tabTo(page, named('textarea', /^要反映的事项/), 'the topic', 12);
  const topic = '键盘预约：反映村道积水';
  await page.keyboard.type(topic);
  await tabTo(page, named('input', /^姓名/), 'the name', 6);
  await page.keyboard.type('郑某某');
  await tabTo(page, named('input', /^联系电话/), 'the phone', 3);
  await page.keyboard.type('13600004444');
  await tabTo(page, (x) => x.tag === 'input' && x.type === 'checkbox' && /个人信息处理说明/.test(x.text), 'the consent box', 6);
  await page.keyboard.press('Space');
  await tabTo(page, named('button', /^提交预约/), 'the submit button', 4);
  await page.keyboard.press('Enter');
  await page.locator('#map-default').getByText(/YY-\d{4}-\d+/).first().waitFor();
  const { rows } = await h.exported('appointment');
  const row = rows.find((r) => r.data.topic === topic);
  assert.ok(row, `stored (first session radio: ${slot.text})`);
  assert.equal(row.data.stationId, 'st-dongguan');
  assert.equal(row.data.slot.kind, 'session');
  assert.deepEqual(errors, []);
  await context.close();
});

test('forced colors: the article reached by "跳转" is visibly focused', async () => {
  const { page, context } = await h.newPage();
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(`${h.base}/fixtures/legislation-single.html`);
  const w = page.locator('#lf');
  await w.getByRole('textbox', { name: '跳转到条文' }).fill('3');
  await w.getByRole('textbox', { name: '跳转到条文' }).press('Enter');
  await until(() => page.evaluate(() => document.querySelector('#lf').shadowRoot.activeElement?.dataset.label === '第三条'), { message: 'article 3 focused' });
  const look = (label) => page.evaluate((label) => {
    const cs = getComputedStyle(document.querySelector('#lf').shadowRoot.querySelector(`article[data-label="${label}"]`));
    return [cs.outlineStyle === 'none' ? 'no-outline' : `${cs.outlineStyle} ${cs.outlineWidth} ${cs.outlineColor}`, cs.borderInlineStartColor, cs.borderInlineStartWidth, cs.backgroundColor].join(' ');
  }, label);
  const focused = await look('第三条');
  const other = await look('第四条');
  assert.notEqual(focused.replace(/rgba\(255, 255, 255, 0\)/, 'rgb(255, 255, 255)'), other.replace(/rgba\(255, 255, 255, 0\)/, 'rgb(255, 255, 255)'), `focused: ${focused}; other: ${other}`);
  await context.close();
});
