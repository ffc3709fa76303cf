// docs/integrating.md's two worked examples, as demo pages in a real browser: a vendor CMS with a
// form-encoded API behind a transport (demo/integrating-legacy.html, the CMS at /legacy-cms/), and
// a backend that implements the contract directly (demo/integrating-contract.html, rd-receiver).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { getJson, lfFormShown } from './util.mjs';

let h;
let n = 0;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

const unique = (what) => `${what}（第 ${++n} 份，${Date.now()}）`;
const legacyLog = () => getJson(`${h.base}/legacy-cms/log`);

async function openLegacy(query = '') {
  const { page, errors, context } = await h.newPage();
  await page.goto(`${h.base}/integrating-legacy.html${query}`);
  const w = page.locator('#legacy-lf');
  await w.getByRole('heading', { name: '云州市文明养犬条例（草案）' }).waitFor();
  return { page, errors, context, w };
}
async function fillMinimal(w, text) {
  // The comment form arrives as a citizen scrolls to it (its form half).
  await lfFormShown(w);
  await w.getByRole('textbox', { name: /^对草案的总体意见/ }).fill(text);
  await w.getByRole('combobox', { name: /^身份/ }).selectOption({ label: '律师' });
}
const cmsReceiptOf = async (w) => {
  const r = w.getByText(/HD\d{10}/).first();
  await r.waitFor({ timeout: 20_000 });
  return (await r.textContent()).match(/HD\d{10}/)[0];
};

test('legacy CMS: a comment goes out as the CMS\'s form fields, over two "busy" answers, with one request id; its number is the receipt', async () => {
  const { errors, context, w } = await openLegacy('?fail=2');
  const text = unique('旧系统接收的意见');
  await fillMinimal(w, text);
  await w.getByRole('button', { name: '提交意见' }).click();
  const receipt = await cmsReceiptOf(w);
  const tries = (await legacyLog()).filter((x) => x.fields.content === text);
  assert.equal(tries.length, 3, 'two 503s, then accepted');
  assert.equal(new Set(tries.map((x) => x.fields.requestId)).size, 1, 'one key on every try');
  assert.match(tries[2].contentType, /^application\/x-www-form-urlencoded/);
  assert.ok(tries[2].sid, 'the session cookie went with it');
  assert.equal(tries[2].fields.lmbh, 'zqyj');
  assert.equal(JSON.parse(tries[2].fields.payload).id, tries[2].fields.requestId);
  assert.match(receipt, /^HD\d{10}$/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('legacy CMS: queued while it is unreachable, the page reloaded, the page registers its transport again → delivered exactly once', async () => {
  const { page, errors, context, w } = await openLegacy();
  const text = unique('刷新页面后才送达旧系统的意见');
  await fillMinimal(w, text);
  const cut = (route) => route.abort('internetdisconnected');
  await context.route('**/legacy-cms/interact/submit.do*', cut);
  await w.getByRole('button', { name: '提交意见' }).click();
  await w.getByRole('alert').filter({ hasText: '已保存在本设备上' }).waitFor({ timeout: 20_000 });
  await page.reload();
  await w.getByRole('heading', { name: '云州市文明养犬条例（草案）' }).waitFor();
  await w.getByRole('alert').filter({ hasText: '已保存在本设备上' }).waitFor({ timeout: 20_000 });
  assert.equal((await legacyLog()).filter((x) => x.fields.content === text).length, 0, 'nothing arrived while cut off');
  await context.unroute('**/legacy-cms/interact/submit.do*', cut);
  await context.setOffline(true);
  await context.setOffline(false); // the browser fires `online`: the outbox goes through the page's transport
  const receipt = await cmsReceiptOf(w);
  await page.waitForTimeout(500);
  const arrived = (await legacyLog()).filter((x) => x.fields.content === text);
  assert.equal(arrived.length, 1, 'delivered once');
  assert.ok(receipt);
  assert.deepEqual(errors, []);
  await context.close();
});

test('contract backend: a message to a deputy through <rd-provider endpoint="/api">, stored once under the receipt shown', async () => {
  const { page, errors, context } = await h.newPage();
  await page.goto(`${h.base}/integrating-contract.html`);
  const card = page.locator('#contract-card');
  await card.getByRole('button', { name: '给代表留言' }).click();
  const subject = unique('小区路灯');
  await card.getByRole('textbox', { name: /^留言主题/ }).fill(subject);
  await card.getByRole('combobox', { name: /^留言类别/ }).selectOption({ index: 1 });
  await card.getByRole('textbox', { name: /^留言内容/ }).fill('东门路灯坏了一个月，请帮助反映。');
  await card.getByRole('checkbox', { name: /同意.*个人信息/ }).check();
  await card.getByRole('button', { name: '提交留言' }).click();
  const r = card.getByText(/[A-Z]{2}-\d{4}-\d+/).first();
  await r.waitFor({ timeout: 20_000 });
  const receipt = (await r.textContent()).match(/[A-Z]{2}-\d{4}-\d+/)[0];
  const { rows } = await h.exported('deputy-message');
  const mine = rows.filter((x) => x.data.subject === subject);
  assert.equal(mine.length, 1);
  assert.equal(mine[0].receipt, receipt);
  assert.deepEqual(errors, []);
  await context.close();
});
