// Failure paths of a real submission (legislation feedback on its demo page, drafts on), each
// ending with exactly one stored row that holds what the citizen typed:
// 503 twice then success with one Idempotency-Key; offline at submit → queued → tab closed →
// back online → page opened again → sent from the outbox; queued → page reloaded while the API is
// unreachable → `online` event → sent; the same request replayed → still one row; a 422 with
// field errors → shown at the field and in the summary, draft kept, corrected, sent; IndexedDB
// missing → the form works and says drafts are off; two tabs → neither silently loses text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { until, getJson, lfFormShown } from './util.mjs';

const ROUTE = '/api/legislation-feedback';
// One instance per page (see test/fixtures/legislation-single.html).
const PAGE = '/fixtures/legislation-single.html';
let h;
let n = 0;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

/** Rows stored so far whose general comment is `text`. */
async function rowsWith(text) {
  const { rows } = await h.exported('legislation-feedback');
  return rows.filter((r) => r.data.comments.some((c) => c.target.kind === 'general' && c.text === text));
}

/** Exactly one stored row holds `text`, under the receipt the citizen was shown; returns it. */
async function storedOnce(text, receipt) {
  const rows = await rowsWith(text);
  assert.equal(rows.length, 1);
  assert.equal(rows[0].receipt, receipt);
  return rows[0];
}

async function open(opts = {}) {
  const { page, errors, context } = await h.newPage(opts);
  await page.goto(`${h.base}${PAGE}`);
  const w = page.locator('#lf');
  await w.getByRole('heading', { name: '云州市文明养犬条例（草案）' }).waitFor();
  await lfFormShown(w);
  return { page, errors, context, w };
}

/** What a citizen types at least: a general comment and who they are. */
async function fillMinimal(w, text, name) {
  await lfFormShown(w);
  await w.getByRole('textbox', { name: /^对草案的总体意见/ }).fill(text);
  await w.getByRole('combobox', { name: /^身份/ }).selectOption({ label: '律师' });
  if (name) {
    await w.getByRole('textbox', { name: /^姓名/ }).fill(name);
    await w.getByRole('checkbox', { name: /同意.*个人信息/ }).check();
  }
}

const receiptOf = async (w) => {
  const r = w.getByText(/FK-\d{4}-\d+/).first();
  await r.waitFor();
  return (await r.textContent()).match(/FK-\d{4}-\d+/)[0];
};

/** Resolves at the next `rd-draft-saved` of the form (start it before the typing that saves). */
const nextDraftSave = (page) => page.evaluate(() => new Promise((resolve) => {
  document.querySelector('#lf').addEventListener('rd-draft-saved', () => resolve(true), { once: true });
}));

const unique = (what) => `${what}（第 ${++n} 份，${Date.now()}）`;

test('503 twice, then accepted: one Idempotency-Key on every try, one row', async () => {
  const { page, errors, context, w } = await open();
  const text = unique('两次 503 之后送达的意见');
  await fillMinimal(w, text);
  await h.faults(ROUTE, [503, 503]);
  await w.getByRole('button', { name: '提交意见' }).click();
  await w.getByText(/正在重试（第 \d 次）/).first().waitFor();
  const receipt = await receiptOf(w);
  const log = (await getJson(`${h.base}/__log?route=${encodeURIComponent(ROUTE)}`)).slice(-3);
  assert.deepEqual(log.map((l) => l.status), [503, 503, 201]);
  assert.equal(new Set(log.map((l) => l.key)).size, 1, 'the same key on every try');
  const row = await storedOnce(text, receipt);
  assert.equal(row.idempotency_key, log[0].key);
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline at submit → queued notice → tab closed → back online → page opened again → sent once', async () => {
  const { page, errors, context, w } = await open();
  const text = unique('离线时提交的意见');
  await fillMinimal(w, text);
  await context.setOffline(true);
  await w.getByRole('button', { name: '提交意见' }).click();
  await w.getByRole('alert').filter({ hasText: '已保存在本设备上' }).waitFor();
  assert.equal((await rowsWith(text)).length, 0, 'nothing reached the server while offline');
  await page.close();
  await context.setOffline(false);

  const again = await context.newPage();
  again.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await again.goto(`${h.base}${PAGE}`);
  const w2 = again.locator('#lf');
  await w2.getByText(/您之前暂存的提交已发送成功|FK-\d{4}-\d+/).first().waitFor();
  const receipt = await receiptOf(w2);
  await storedOnce(text, receipt);
  assert.deepEqual(errors, []);
  await context.close();
});

test('API unreachable at submit → queued → page reloaded while still unreachable → `online` → sent once', async () => {
  const { page, errors, context, w } = await open();
  const text = unique('断网后刷新页面的意见');
  await fillMinimal(w, text);
  // The portal's pages still load (from the CMS / cache) but the API cannot be reached.
  const cut = (route) => route.abort('internetdisconnected');
  await context.route(`**${ROUTE}`, cut);
  await w.getByRole('button', { name: '提交意见' }).click();
  await w.getByRole('alert').filter({ hasText: '已保存在本设备上' }).waitFor({ timeout: 20_000 });
  await page.reload();
  await w.getByRole('heading', { name: '云州市文明养犬条例（草案）' }).waitFor();
  await w.getByRole('alert').filter({ hasText: '已保存在本设备上' }).waitFor({ timeout: 20_000 });
  assert.equal((await rowsWith(text)).length, 0);
  await context.unroute(`**${ROUTE}`, cut);
  await context.setOffline(true);
  await context.setOffline(false); // the browser fires `online`
  const receipt = await receiptOf(w);
  await storedOnce(text, receipt);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same request replayed (a double click, a proxy retry) → one row, the first receipt', async () => {
  const { page, errors, context, w } = await open();
  const text = unique('重放请求的意见');
  await fillMinimal(w, text);
  const sent = page.waitForRequest((r) => r.url().endsWith(ROUTE) && r.method() === 'POST');
  await w.getByRole('button', { name: '提交意见' }).click();
  const req = await sent;
  const receipt = await receiptOf(w);
  for (let i = 0; i < 2; i++) {
    const res = await fetch(req.url(), { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': req.headers()['idempotency-key'] }, body: req.postData() });
    assert.equal(res.status, 200);
    assert.equal((await res.json()).receipt, receipt);
  }
  assert.equal((await rowsWith(text)).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('422 with field errors → at the field and in the summary, nothing lost, corrected, one row', async () => {
  const { page, errors, context, w } = await open();
  const text = unique('被服务器退回后改正的意见');
  const saved = nextDraftSave(page);
  await fillMinimal(w, text, '钱某某');
  const message = '姓名不能包含数字或符号（测试）';
  await h.faults(ROUTE, [422], { body: { errors: [{ path: 'data.respondent.name', message }] } });
  await w.getByRole('button', { name: '提交意见' }).click();
  const name = w.getByRole('textbox', { name: /^姓名/ });
  // At the field: the message is the field's accessible description, the field is invalid.
  await until(async () => (await name.getAttribute('aria-invalid')) === 'true', { message: 'aria-invalid on the name field' });
  const described = await name.evaluate((el) => (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => el.getRootNode().getElementById(id)?.textContent ?? '').join(' '));
  assert.ok(described.includes(message), `field description: ${described}`);
  // In the summary, which links to the field.
  const summary = w.locator('[part~="error-summary"]');
  await summary.getByText(message).waitFor();
  // Nothing typed is lost, here or after a reload (the draft).
  assert.equal(await w.getByRole('textbox', { name: /^对草案的总体意见/ }).inputValue(), text);
  assert.equal(await name.inputValue(), '钱某某');
  await saved; // the debounced draft save has landed
  await page.reload();
  await w.getByText(/已恢复您上次未提交的内容/).waitFor();
  assert.equal(await w.getByRole('textbox', { name: /^对草案的总体意见/ }).inputValue(), text);
  // Corrected and sent.
  await w.getByRole('textbox', { name: /^姓名/ }).fill('钱某');
  if (!(await w.getByRole('checkbox', { name: /同意.*个人信息/ }).isChecked())) await w.getByRole('checkbox', { name: /同意.*个人信息/ }).check();
  await w.getByRole('combobox', { name: /^身份/ }).selectOption({ label: '律师' });
  await w.getByRole('button', { name: '提交意见' }).click();
  const receipt = await receiptOf(w);
  const row = await storedOnce(text, receipt);
  assert.equal(row.data.respondent.name, '钱某');
  assert.deepEqual(errors, []);
  await context.close();
});

test('IndexedDB missing → every form says drafts are off; the comment is still sent', async () => {
  const { page, errors, context } = await h.newPage();
  await page.addInitScript(() => { delete window.indexedDB; });
  await page.goto(`${h.base}${PAGE}`);
  assert.equal(await page.evaluate(() => typeof window.indexedDB), 'undefined');
  const w = page.locator('#lf');
  await lfFormShown(w);
  await w.getByText('此设备无法保存草稿，请一次填写完成后提交。').waitFor();
  const text = unique('没有 IndexedDB 时提交的意见');
  await fillMinimal(w, text);
  await w.getByRole('button', { name: '提交意见' }).click();
  const receipt = await receiptOf(w);
  await storedOnce(text, receipt);
  // The other widgets' forms say it too.
  await page.goto(`${h.base}/rd-deputy-card.html`);
  const dc = page.locator('rd-deputy-card[deputy-id="dep-047"]');
  await dc.getByRole('button', { name: '给代表留言' }).click();
  await dc.getByText('此设备无法保存草稿，请一次填写完成后提交。').waitFor();
  await page.goto(`${h.base}/rd-station-map.html`);
  const sm = page.locator('#map-default');
  await sm.getByRole('searchbox', { name: '搜索站点' }).fill('dgjd');
  await sm.getByRole('list', { name: '站点列表' }).getByRole('button').first().click();
  await sm.getByRole('button', { name: '预约接访' }).click();
  // The booking form's drafts come with its sending half, fetched on the first input.
  await sm.getByRole('textbox', { name: /^要反映的事项/ }).fill('路灯损坏');
  await sm.getByText('此设备无法保存草稿，请一次填写完成后提交。').waitFor();
  await page.goto(`${h.base}/fixtures/survey.html`);
  // The survey's drafts come with its form half, fetched on the first input (README "First screens
  // against their budgets"): said as soon as the citizen starts.
  await page.locator('#sv').getByRole('textbox', { name: /^姓名/ }).fill('周某某');
  await page.locator('#sv').getByText('此设备无法保存草稿，请一次填写完成后提交。').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the same form in two tabs: neither silently loses text; each text stored once', async () => {
  const { page: a, errors, context, w: wa } = await open();
  const b = await context.newPage();
  b.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await b.goto(`${h.base}${PAGE}`);
  const wb = b.locator('#lf');
  await wb.getByRole('heading', { name: '云州市文明养犬条例（草案）' }).waitFor();
  await lfFormShown(wb);
  const general = (w) => w.getByRole('textbox', { name: /^对草案的总体意见/ });
  const conflict = (w) => w.getByText(/此表单在另一个标签页中也有更新的内容/);

  const textA = unique('标签页一写的意见');
  const textB = unique('标签页二写的意见');
  const savedA = nextDraftSave(a);
  await general(wa).fill(textA);
  await savedA; // A's draft is saved
  await general(wb).fill(textB);
  // B would overwrite A's newer draft: B is told, and keeps its own text on screen.
  await conflict(wb).waitFor();
  assert.equal(await general(wb).inputValue(), textB);
  assert.equal(await general(wa).inputValue(), textA);
  await wb.getByRole('button', { name: '保留本页内容' }).click();
  await conflict(wb).waitFor({ state: 'detached' });
  // Now A writes again: A is told that B's text is newer; A's text stays.
  await general(wa).fill(`${textA}补充。`);
  await conflict(wa).waitFor();
  assert.equal(await general(wa).inputValue(), `${textA}补充。`);
  // Both send what is on their screen; nothing was lost on either side.
  await wb.getByRole('combobox', { name: /^身份/ }).selectOption({ label: '律师' });
  await wb.getByRole('button', { name: '提交意见' }).click();
  await receiptOf(wb);
  assert.equal(await general(wa).inputValue(), `${textA}补充。`, 'B sending does not clear A');
  await wa.getByRole('combobox', { name: /^身份/ }).selectOption({ label: '律师' });
  await wa.getByRole('button', { name: '提交意见' }).click();
  await receiptOf(wa);
  assert.equal((await rowsWith(textB)).length, 1);
  assert.equal((await rowsWith(`${textA}补充。`)).length, 1);
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: the outbox owner was shared by every instance of one draft (fixed in 899219f).
test('several instances of one draft on a page (demo page): the queued comment\'s receipt shows in the form it was sent from, no stale notice',
  async () => {
    const { page, errors, context } = await h.newPage();
    await page.goto(`${h.base}/rd-legislation-feedback.html`);
    const w = page.locator('#lf-default');
    await w.getByRole('heading', { name: '云州市文明养犬条例（草案）' }).waitFor();
    const text = unique('演示页多个实例时的离线意见');
    await fillMinimal(w, text);
    const cut = (route) => route.abort('internetdisconnected');
    await context.route(`**${ROUTE}`, cut);
    await w.getByRole('button', { name: '提交意见' }).click();
    await w.getByRole('alert').filter({ hasText: '已保存在本设备上' }).waitFor({ timeout: 20_000 });
    await page.reload();
    await w.getByRole('alert').filter({ hasText: '已保存在本设备上' }).waitFor({ timeout: 20_000 });
    await context.unroute(`**${ROUTE}`, cut);
    await context.setOffline(true);
    await context.setOffline(false);
    await until(async () => (await rowsWith(text)).length === 1, { message: 'the row stored' });
    await w.getByText(/FK-\d{4}-\d+/).first().waitFor({ timeout: 3000 });
    assert.equal(await w.getByRole('alert').filter({ hasText: '已保存在本设备上' }).count(), 0, 'no stale queued notice');
    assert.deepEqual(errors, []);
    await context.close();
  });

// Regression: a save still waiting out its debounce was lost with the page (it read before it
// wrote, and the page was gone before IndexedDB answered). Also a journey in Firefox ESR and WebKit.
test('typed and reloaded at once (within the draft debounce): the last words come back', async () => {
  const { page, errors, context, w } = await open();
  const box = w.getByRole('textbox', { name: /^对草案的总体意见/ });
  const first = unique('先保存的一句');
  const saved = nextDraftSave(page);
  await box.fill(first);
  await saved;
  await box.fill(`${first}又补了一句，马上刷新。`);
  await page.reload();
  await w.getByText(/已恢复您上次未提交的内容/).waitFor();
  assert.equal(await box.inputValue(), `${first}又补了一句，马上刷新。`);
  assert.deepEqual(errors, []);
  await context.close();
});
