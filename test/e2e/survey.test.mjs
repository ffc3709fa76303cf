// <rd-satisfaction-survey> main paths: a matrix 测评 where the required "不满意的原因" appears only
// once 不满意 is chosen; a ballot that refuses an 11th choice of 10; a second response with the same
// code refused with a clear message. Stored rows are read back from the export.
// Runs on demo/rd-satisfaction-survey.html (the matrix in #jybl, the ballot in #mssx); without that
// page, on test/fixtures/survey.html (the widget's own published entry, the survey chosen by ?s=).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startHarness } from './harness.mjs';
import { until } from './util.mjs';

const DEMO = existsSync('demo/rd-satisfaction-survey.html');
const ON_DEMO = { '2026-jybl-myd': '#sv-jybl', '2027-mssx-pj': '#mssx rd-satisfaction-survey' };
let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

const SUBJECTS = ['关于加快老旧小区加装电梯的建议', '关于优化中心城区公交线网的建议', '关于增设社区嵌入式托育点的建议', '关于整治青岚河沿岸排污口的建议'];
const DIMENSIONS = ['组织领导', '办理态度', '面商沟通', '答复质量', '落实情况', '综合评价'];

async function start(page, survey, code, name) {
  await page.goto(DEMO ? `${h.base}/rd-satisfaction-survey.html` : `${h.base}/fixtures/survey.html?s=${survey}`);
  const w = page.locator(DEMO ? ON_DEMO[survey] : '#sv');
  await w.getByRole('textbox', { name: /^测评码/ }).fill(code);
  if (name) await w.getByRole('textbox', { name: /^姓名/ }).fill(name);
  await w.getByRole('button', { name: '开始填写' }).click();
  return w;
}

test('matrix 测评: "不满意的原因" appears only on 不满意, is required, and is stored with the ratings', async () => {
  const { page, errors, context } = await h.newPage();
  const w = await start(page, '2026-jybl-myd', 'e2e-jybl-001', '周某某'); // lower case: codes are case-insensitive
  const cell = (s, d) => w.getByRole('group', { name: s }).getByRole('group', { name: d });
  for (const s of SUBJECTS) for (const d of DIMENSIONS) await cell(s, d).getByRole('radio', { name: '满意', exact: true }).check();

  // All satisfied: no reason asked.
  await w.getByRole('button', { name: '下一页' }).click();
  await w.getByRole('textbox', { name: /^对建议办理工作的其他意见/ }).waitFor();
  assert.equal(await w.getByRole('textbox', { name: /^不满意的原因/ }).count(), 0, 'no reason asked while everything is 满意');
  await w.getByRole('button', { name: '上一页' }).click();

  // One 不满意: the reason appears and is required.
  await cell(SUBJECTS[1], '落实情况').getByRole('radio', { name: '不满意', exact: true }).check();
  await w.getByRole('button', { name: '下一页' }).click();
  const reason = w.getByRole('textbox', { name: /^不满意的原因/ });
  await reason.waitFor();
  await w.getByRole('button', { name: '核对答案' }).click();
  await w.getByRole('alert').getByRole('link', { name: '请回答此题' }).waitFor();
  assert.equal(await reason.getAttribute('aria-invalid'), 'true');
  const why = '公交线网调整后城东片区换乘次数增加，答复中承诺的加密班次没有落实。';
  await reason.fill(why);
  await w.getByRole('button', { name: '核对答案' }).click();
  await w.getByRole('heading', { name: '请核对您的回答' }).waitFor();
  await w.getByText(why).waitFor();
  await w.getByRole('checkbox', { name: /个人信息处理说明/ }).check();
  await w.getByRole('button', { name: '确认提交' }).click();
  const r = w.getByText(/[A-Z]{2}-\d{4}-\d+/).first();
  await r.waitFor();
  const receipt = (await r.textContent()).match(/[A-Z]{2}-\d{4}-\d+/)[0];

  const { rows } = await h.exported('survey-response');
  const row = rows.find((x) => x.receipt === receipt);
  assert.ok(row, 'stored with the receipt shown');
  const d = row.data;
  assert.equal(d.surveyId, '2026-jybl-myd');
  assert.equal(String(d.code).toUpperCase(), 'E2E-JYBL-001');
  assert.equal(d.answers['dissatisfied-reason'], why);
  assert.equal(d.respondent.name, '周某某');
  const ratings = Object.entries(d.answers.handling).flatMap(([subject, dims]) => Object.entries(dims).map(([dim, tier]) => `${subject}.${dim}=${tier}`));
  assert.equal(ratings.length, 24);
  assert.deepEqual(ratings.filter((x) => !x.endsWith('=satisfied')), ['s117.implement=dissatisfied']);
  assert.deepEqual(errors, []);
  await context.close();
});

const PROJECTS = ['新建改扩建公办幼儿园5所', '老旧小区改造40个', '城区新增停车泊位3000个', '建设社区食堂20家', '青岚河生态廊道二期', '农村饮水安全提升工程', '中小学课后服务提质', '新建口袋公园15个', '基层医疗机构能力提升', '城区积水点改造12处', '公交站台无障碍改造200个', '新建全民健身中心1座', '菜市场标准化改造10家'];

test('ballot: an 11th choice of 10 is refused; the 10 are stored; the same code again is refused clearly', async () => {
  const { page, errors, context } = await h.newPage();
  let w = await start(page, '2027-mssx-pj', 'E2E-MSSX-001');
  const ballot = w.getByRole('group', { name: /^请选出10个2027年民生实事项目/ });
  const box = (name) => ballot.getByRole('checkbox', { name: new RegExp(`^${name}`) });
  for (const p of PROJECTS.slice(0, 10)) await box(p).check();
  await ballot.getByText('已选 10/10').first().waitFor();
  // The 11th is refused: ticking it leaves it unticked and says why; the write-in is closed too.
  for (const p of PROJECTS.slice(10)) {
    await box(p).click();
    assert.equal(await box(p).isChecked(), false, `${p} refused at 10 of 10`);
  }
  await ballot.getByText('已选满 10 项。如需改选，请先取消一项。').waitFor();
  assert.equal(await ballot.getByRole('textbox', { name: /^另提项目或人选/ }).isDisabled(), true, 'no write-in as an 11th');
  assert.equal(await ballot.getByRole('checkbox', { checked: true }).count(), 10);
  // Changing one's mind: untick one, the others become available again.
  await box(PROJECTS[2]).uncheck();
  await box(PROJECTS[12]).check();
  await w.getByRole('button', { name: '核对答案' }).click();
  await w.getByRole('button', { name: '确认提交' }).waitFor();
  const consent = w.getByRole('checkbox', { name: /个人信息处理说明/ });
  if (await consent.count()) await consent.check();
  await w.getByRole('button', { name: '确认提交' }).click();
  const r = w.getByText(/[A-Z]{2}-\d{4}-\d+/).first();
  await r.waitFor();
  const receipt = (await r.textContent()).match(/[A-Z]{2}-\d{4}-\d+/)[0];
  let rows = (await h.exported('survey-response')).rows.filter((x) => x.data.surveyId === '2027-mssx-pj');
  assert.equal(rows.length, 1);
  assert.equal(rows[0].receipt, receipt);
  const chosen = rows[0].data.answers.projects;
  const ids = (Array.isArray(chosen) ? chosen : chosen.choices ?? chosen.selected).map((x) => (typeof x === 'string' ? x : x.id ?? x.subject));
  assert.deepEqual([...ids].sort(), ['m01', 'm02', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10', 'm13']);
  assert.equal(rows[0].data.respondent, undefined, 'anonymous: no identity sent');

  // The same code again (another device, another tab): refused with a clear message.
  const second = await context.newPage();
  second.on('pageerror', (e) => errors.push(e.message));
  w = await start(second, '2027-mssx-pj', 'e2e-mssx-001 ');
  const ballot2 = w.getByRole('group', { name: /^请选出10个2027年民生实事项目/ });
  await ballot2.getByRole('checkbox', { name: new RegExp(`^${PROJECTS[0]}`) }).check();
  await w.getByRole('button', { name: '核对答案' }).click();
  const consent2 = w.getByRole('checkbox', { name: /个人信息处理说明/ });
  if (await consent2.count()) await consent2.check();
  await w.getByRole('button', { name: '确认提交' }).click();
  await w.getByText(/此测评码已提交过/).first().waitFor();
  rows = (await h.exported('survey-response')).rows.filter((x) => x.data.surveyId === '2027-mssx-pj');
  assert.equal(rows.length, 1, 'still one row');
  assert.deepEqual(errors, []);
  await context.close();
});

// The form half (README "First screens against their budgets"): drafts, validation, the review and
// sending are a chunk fetched on the first input, on 下一页/开始填写, or at once when a draft or an
// outbox entry waits on this device. A page with the widget's one classic script (the CDN loader).
const LOADER_PAGE = (id, lang = 'zh-CN') => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>t</title>
<script src="/dist/cdn/components/rd-satisfaction-survey.iife.js" defer></script></head>
<body><main><h1>t</h1><rd-satisfaction-survey endpoint="/api" survey-id="${id}"></rd-satisfaction-survey></main></body></html>`;
const HALF = /\/dist\/cdn\/chunks\/(survey-form-half|forms|form)-[\w-]+\.js$/;
const fetchedHalf = (page) => page.evaluate((re) => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => new RegExp(re).test(p)), HALF.source);

test('first screen: the form half is not fetched before the first answer; then it is, the draft is saved, and after a reload it comes back without a touch', async () => {
  const { page, errors, context } = await h.newPage();
  await h.servePage(page, 'survey-first.html', LOADER_PAGE('2027-mssx-zj'));
  await page.goto(`${h.base}/survey-first.html`);
  const w = page.locator('rd-satisfaction-survey');
  const role = w.getByRole('radio', { name: '网格员' });
  await role.waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(await fetchedHalf(page), [], 'nothing of the form half on the first screen');
  // The first answer: the half comes, the draft is saved as before.
  await page.evaluate(() => document.querySelector('rd-satisfaction-survey').addEventListener('rd-draft-saved', () => { window.__saved = true; }));
  await role.check();
  await until(() => page.evaluate(() => window.__saved), { message: 'rd-draft-saved' });
  const got = await fetchedHalf(page);
  assert.ok(got.some((p) => p.includes('/survey-form-half-')) && got.some((p) => p.includes('/forms-')), `the half fetched on the first answer (${got.join(', ')})`);
  assert.equal(await role.isChecked(), true, 'the answer stays');
  // Back later: the draft waits on this device, so the half comes at once and restores it.
  await page.addInitScript(() => addEventListener('rd-draft-restored', () => { window.__restored = true; }, true));
  await page.reload();
  await until(() => w.getByRole('radio', { name: '网格员' }).isChecked(), { message: 'the role back from the draft' });
  await w.getByText(/已恢复您上次未提交的内容/).waitFor();
  assert.equal(await page.evaluate(() => window.__restored), true, 'rd-draft-restored');
  assert.ok((await fetchedHalf(page)).some((p) => p.includes('/survey-form-half-')), 'the half fetched for the waiting draft');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the form half cannot be fetched: the localized notice with 重试, the answers kept, 开始填写 waits; after 重试 the survey goes on', async () => {
  const { page, errors, context } = await h.newPage();
  const halfFile = await h.failingFile(context, '**/dist/cdn/chunks/survey-form-half-*.js');
  await h.servePage(page, 'survey-half-fail.html', LOADER_PAGE('2027-mssx-zj'));
  await page.goto(`${h.base}/survey-half-fail.html`);
  const w = page.locator('rd-satisfaction-survey');
  await w.getByRole('radio', { name: '网格员' }).check();
  const alert = w.getByRole('alert').filter({ hasText: '保存和提交答卷的功能未能加载' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /本页已填写的内容都还在/);
  assert.equal(await w.getByRole('radio', { name: '网格员' }).isChecked(), true, 'the answer is kept');
  // 开始填写 needs the half: the citizen stays on the start step, nothing lost.
  await w.getByRole('button', { name: '开始填写' }).click();
  await page.waitForTimeout(300);
  assert.equal(await w.getByRole('radio', { name: '网格员' }).isChecked(), true);
  await alert.waitFor();
  // English, complete.
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await w.getByRole('alert').filter({ hasText: 'Saving and sending your answers could not be loaded' }).getByRole('button', { name: 'Try again' }).waitFor();
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'zh-CN'));
  // Back online: 重试 brings it; the focus goes back to the step; the survey goes on.
  halfFile.down = false;
  await w.getByRole('alert').filter({ hasText: '保存和提交答卷的功能未能加载' }).getByRole('button', { name: '重试' }).click();
  await until(async () => (await w.getByRole('alert').filter({ hasText: '未能加载' }).count()) === 0, { message: 'the notice gone' });
  await until(() => w.evaluate((el) => el.shadowRoot.activeElement?.hasAttribute('data-step-heading')), { message: 'focus on the step' });
  assert.equal(await w.getByRole('radio', { name: '网格员' }).isChecked(), true, 'still kept');
  await w.getByRole('button', { name: '开始填写' }).click();
  await w.getByRole('textbox', { name: /^项目名称/ }).waitFor();
  assert.ok(halfFile.requests.length >= 2, `fetched again on 重试 (${halfFile.requests.length})`);
  assert.deepEqual(errors, []);
  await context.close();
});
