// <rd-legislation-feedback> main path on its demo page, as a citizen does it: read the draft, go
// to an article by number, comment on two articles and on the whole draft, answer a focus
// question, say who they are, consent, send, read the receipt — then the stored row is read back
// from the receiver's export and must hold exactly what was typed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { until } from './util.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

test('legislation feedback: two article comments, a general comment and a focus answer end in one stored row', async () => {
  const { page, errors, context } = await h.newPage();
  await page.goto(`${h.base}/rd-legislation-feedback.html`);
  const w = page.locator('#lf-default');
  await w.getByRole('heading', { name: '云州市文明养犬条例（草案）' }).waitFor();

  // Jump to an article by its number, as a reader who knows what they look for.
  await w.getByRole('textbox', { name: '跳转到条文' }).fill('26');
  await w.getByRole('button', { name: '跳转' }).click();
  const art26 = w.getByRole('article', { name: '第二十六条' });
  await assert.doesNotReject(art26.evaluate((el) => { if (el.getRootNode().activeElement !== el) throw new Error('article 26 not focused'); }));

  await art26.getByRole('button', { name: '对第二十六条提意见' }).click();
  await art26.getByRole('combobox', { name: '针对' }).selectOption({ label: '第2款' });
  const c26 = '建议把“特殊需要”的证明改为由社区和物业共同出具，并写明证明的有效期。';
  await art26.getByRole('textbox', { name: /^对第二十六条第2款的意见/ }).fill(c26);

  const art12 = w.getByRole('article', { name: '第十二条' });
  await art12.getByRole('button', { name: '对第十二条提意见' }).click();
  const c12 = '七个工作日太长，网上办理的建议三个工作日内办结。';
  await art12.getByRole('textbox', { name: /^对第十二条的意见/ }).fill(c12);

  const general = '总体赞成制定本条例，建议施行前留出一年的过渡期并加强宣传。';
  await w.getByRole('textbox', { name: /^对草案的总体意见/ }).fill(general);

  const q2 = w.getByRole('group', { name: /^2\. 重点管理区域内每户限养犬只的数量/ });
  await q2.getByRole('radio', { name: '每户不超过两只' }).check();

  // "我的意见" lists what will be sent, in reading order.
  const mine = w.getByRole('region', { name: '我的意见' });
  await mine.getByText(c12).first().waitFor();
  await mine.getByText(c26).first().waitFor();

  await w.getByRole('combobox', { name: /^身份/ }).selectOption({ label: '普通市民' });
  await w.getByRole('textbox', { name: /^姓名/ }).fill('赵某某');
  await w.getByRole('combobox', { name: '所在地区' }).selectOption({ label: '河东区' });
  await w.getByRole('checkbox', { name: /同意公开我的意见/ }).check();
  // A name was given: the personal-information notice must now be agreed to.
  const consent = w.getByRole('checkbox', { name: /同意.*个人信息/ });
  await consent.check();

  await w.getByRole('button', { name: '提交意见' }).click();
  const receipt = w.getByText(/FK-\d{4}-\d+/).first();
  await receipt.waitFor();
  const shown = (await receipt.textContent()).match(/FK-\d{4}-\d+/)[0];

  const { rows } = await h.exported('legislation-feedback');
  assert.equal(rows.length, 1);
  const row = rows[0];
  assert.equal(row.receipt, shown, 'the receipt shown is the stored one');
  assert.equal(row.locale, 'zh-CN');
  assert.match(row.source_url, /rd-legislation-feedback\.html/);
  const d = row.data;
  assert.equal(d.draftId, '2026-yq-01');
  assert.equal(d.channel, 'online');
  assert.equal(d.respondent.identity, 'citizen');
  assert.equal(d.respondent.name, '赵某某');
  assert.equal(d.respondent.region, '河东区');
  assert.equal(d.publish, true);
  assert.ok(d.consent?.version && d.consent?.at, 'consent recorded');
  const articles = d.comments.filter((c) => c.target.kind === 'article');
  assert.deepEqual(articles.map((c) => [c.target.article, c.target.paragraph ?? null, c.text]), [
    ['第十二条', null, c12],
    ['第二十六条', 2, c26],
  ]);
  assert.deepEqual(d.comments.filter((c) => c.target.kind === 'general').map((c) => c.text), [general]);
  const answers = d.comments.filter((c) => c.target.kind === 'question');
  assert.equal(answers.length, 1);
  assert.equal(answers[0].target.questionId, 'q-limit');
  assert.deepEqual(answers[0].choices, ['two']);
  assert.deepEqual(errors, []);
  await context.close();
});

// The first screen of one <script> tag (README "Figures", "First screens against their budgets"):
// reading the draft. The comment form beyond the comment buttons — the form half, with the
// outbox, drafts and form controllers — is fetched only when needed, from the script's folder.
const FORM_CHUNKS = /\/dist\/cdn\/chunks\/(legislation-form-half|forms?)-[\w-]+\.js$/;
const onePage = (h, page, name) => page.route(`${h.base}/${name}.html`, (route) => route.fulfill({
  status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' },
  body: `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script src="/dist/cdn/components/rd-legislation-feedback.iife.js" defer></script></head>
<body><main><h1>t</h1><rd-legislation-feedback id="lf" endpoint="/api" draft-id="2026-yq-01"></rd-legislation-feedback></main></body></html>`,
}));
const fetched = (page) => page.evaluate((src) => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => new RegExp(src).test(p)), FORM_CHUNKS.source);
const focusedTextarea = (w) => w.evaluate((el) => el.shadowRoot.activeElement?.localName === 'textarea');

test('first screen: the form half is not fetched before the citizen comments; a comment button fetches it and opens the comment', async () => {
  const { page, errors, context } = await h.newPage();
  await onePage(h, page, 'lf-first');
  await page.goto(`${h.base}/lf-first.html`);
  const w = page.locator('#lf');
  const art3 = w.getByRole('article', { name: '第三条' });
  await art3.getByRole('button', { name: '对第三条提意见' }).waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(await fetched(page), [], 'no form chunk on the first screen');
  assert.equal(await w.getByRole('textbox', { name: /^对草案的总体意见/ }).count(), 0);
  await art3.getByRole('button', { name: '对第三条提意见' }).click();
  const box = art3.getByRole('textbox', { name: /^对第三条的意见/ });
  await box.waitFor();
  await until(() => focusedTextarea(w), { message: 'the comment\'s text box has the focus' });
  const after = await fetched(page);
  assert.ok(after.some((p) => /legislation-form-half-/.test(p)), `the form half fetched (${after.join(', ')})`);
  assert.ok(after.every((p) => p.startsWith('/dist/cdn/chunks/')), 'from the script\'s own folder');
  await page.keyboard.type('分区管理应当写明标准。');
  assert.equal(await box.inputValue(), '分区管理应当写明标准。');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a draft waiting on this device comes back at load, without any interaction', async () => {
  const { page, errors, context } = await h.newPage();
  await onePage(h, page, 'lf-waiting');
  await page.goto(`${h.base}/lf-waiting.html`);
  const w = page.locator('#lf');
  const art12 = w.getByRole('article', { name: '第十二条' });
  await art12.getByRole('button', { name: '对第十二条提意见' }).click();
  const saved = page.evaluate(() => new Promise((resolve) => document.querySelector('#lf').addEventListener('rd-draft-saved', () => resolve(true), { once: true })));
  await art12.getByRole('textbox', { name: /^对第十二条的意见/ }).fill('网上办理的建议三个工作日内办结。');
  await saved;
  await page.reload();
  await w.getByText(/已恢复您上次未提交的内容/).waitFor();
  assert.equal(await art12.getByRole('textbox', { name: /^对第十二条的意见/ }).inputValue(), '网上办理的建议三个工作日内办结。');
  assert.ok((await fetched(page)).some((p) => /legislation-form-half-/.test(p)));
  assert.deepEqual(errors, []);
  await context.close();
});

test('the form half cannot be fetched: a localized notice with 重试 where the comment was asked for, nothing typed is lost, then it loads', async () => {
  const { page, errors, context } = await h.newPage();
  const halfFile = await h.failingFile(context, '**/dist/cdn/chunks/legislation-form-half-*.js');
  await onePage(h, page, 'lf-down');
  await page.goto(`${h.base}/lf-down.html`);
  const w = page.locator('#lf');
  await w.getByRole('heading', { name: '云州市文明养犬条例（草案）' }).waitFor();
  // The citizen searches the text, then asks to comment on an article.
  await w.getByRole('searchbox', { name: '在草案中搜索' }).fill('犬牌');
  const art14 = w.getByRole('article', { name: '第十四条' });
  await art14.getByRole('button', { name: '对第十四条提意见' }).click();
  const alert = art14.getByRole('alert').filter({ hasText: '意见表单未能加载' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /本页已填写的内容都还在/);
  const retry = alert.getByRole('button', { name: '重试' });
  await until(() => retry.evaluate((b) => b.getRootNode().activeElement === b), { message: 'the retry button has the focus' });
  assert.equal(await w.getByRole('searchbox', { name: '在草案中搜索' }).inputValue(), '犬牌', 'the search is kept');
  // English, complete.
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await art14.getByRole('alert').filter({ hasText: 'The comment form could not be loaded' }).getByRole('button', { name: 'Try again' }).waitFor();
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'zh-CN'));
  // Back: 重试 brings the form, with the comment asked for, its text box focused.
  halfFile.down = false;
  await art14.getByRole('alert').filter({ hasText: '意见表单未能加载' }).getByRole('button', { name: '重试' }).click();
  const box = art14.getByRole('textbox', { name: /^对第十四条的意见/ });
  await box.waitFor();
  await until(() => focusedTextarea(w), { message: 'the comment\'s text box has the focus' });
  assert.equal(await w.getByRole('alert').filter({ hasText: '未能加载' }).count(), 0);
  assert.equal(await w.getByRole('searchbox', { name: '在草案中搜索' }).inputValue(), '犬牌', 'still kept');
  await page.keyboard.type('犬牌应当免费补发。');
  assert.equal(await box.inputValue(), '犬牌应当免费补发。');
  assert.ok(halfFile.requests.length >= 2, `fetched again on 重试 (${halfFile.requests.length})`);
  assert.deepEqual(errors, []);
  await context.close();
});
