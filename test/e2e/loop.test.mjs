// The loop, walked end to end in Chromium (docs/domain.md#closing-the-loop): a citizen comments on
// the draft → the receipt shows the lookup code and links to the lookup page → staff, on the
// receiver's staff page and with the keyboard, set "replied" with a text → the citizen looks the
// receipt up, reads the reply and rates it → staff see the rating, and the audit log has it all.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { axe, lfFormShown } from './util.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

test('comment → lookup code → staff reply → citizen reads and rates → staff see the rating', async () => {
  // 1. The citizen comments.
  const citizen = await h.newPage({ viewport: { width: 375, height: 800 } });
  const { page } = citizen;
  await page.goto(`${h.base}/rd-legislation-feedback.html`);
  const w = page.locator('#lf-default');
  await w.getByRole('heading', { name: '云州市文明养犬条例（草案）' }).waitFor();
  await lfFormShown(w);
  await w.getByRole('textbox', { name: /^对草案的总体意见/ }).fill('建议施行前留出过渡期。');
  await w.getByRole('combobox', { name: /^身份/ }).selectOption({ label: '普通市民' });
  await w.getByRole('button', { name: '提交意见' }).click();
  const receipt = (await w.locator('.rd-receipt__number').first().textContent()).trim();
  assert.match(receipt, /^FK-\d{4}-\d{6}$/);
  const code = (await w.locator('[data-rd-lookup-code]').textContent()).trim();
  assert.match(code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);

  // 2. The receipt's link opens the portal's lookup page with both filled in.
  await w.getByRole('link', { name: '查询办理情况' }).click();
  await page.waitForURL(/rd-receipt-lookup\.html\?receipt=/);
  const lookup = page.locator('#lookup-main');
  await lookup.getByText('当前状态：已收到').waitFor();
  // Also in this device's list, with its title.
  await lookup.getByRole('region', { name: '本设备上提交的记录' }).getByText('云州市文明养犬条例（草案）').waitFor();

  // 3. Staff, at 1280 px, keyboard only: sign in, open the submission, reply.
  const staff = await h.newPage({ context: { bypassCSP: true } });
  const s = staff.page;
  await s.goto(`${h.base}/staff/`);
  await s.getByLabel('工作人员凭据').focus();
  await s.keyboard.type(h.receiver.staffToken);
  await s.keyboard.press('Enter');
  const open = s.getByRole('button', { name: `查看 ${receipt}` });
  await open.waitFor();
  assert.deepEqual(await axe(s), []);
  await open.focus();
  await s.keyboard.press('Enter');
  await s.getByRole('heading', { name: `编号 ${receipt}` }).waitFor();
  assert.equal(await s.evaluate(() => document.activeElement?.id), 'detail-title');
  await s.getByLabel('新状态').selectOption({ label: '已答复' });
  await s.getByLabel(/^向群众说明/).fill('已转法工委研究。');
  const replyText = '感谢您的意见。草案修改稿已增加“施行前六个月”的过渡期规定。';
  await s.getByLabel(/^答复内容/).fill(replyText);
  await s.getByLabel(/^答复人或答复单位/).fill('云州市人大常委会法制工作委员会');
  await s.getByLabel(/^答复人或答复单位/).focus();
  await s.keyboard.press('Tab');
  await s.keyboard.press('Enter'); // 保存
  await s.getByText(`已保存：${receipt} 现为“已答复”。`).waitFor();
  assert.deepEqual(await axe(s), []);

  // 4. The citizen looks again, reads the reply and rates it.
  await page.reload();
  await lookup.getByText('当前状态：已答复').waitFor();
  await lookup.getByText(replyText).waitFor();
  await lookup.getByText('已转法工委研究。').waitFor();
  await lookup.getByText('答复人：云州市人大常委会法制工作委员会').waitFor();
  await lookup.getByRole('radio', { name: '满意', exact: true }).check();
  await lookup.getByRole('button', { name: '提交评价' }).click();
  await lookup.getByText('您的评价：满意').waitFor();

  // 5. Staff see the rating in the list and in the submission; the audit log has each step.
  await s.getByRole('button', { name: '筛选' }).click();
  const row = s.getByRole('row', { name: new RegExp(receipt) });
  await row.getByRole('cell', { name: '满意' }).waitFor();
  await s.getByRole('button', { name: `查看 ${receipt}` }).click();
  await s.locator('#detail-rating').getByText(/^满意/).waitFor();
  await s.getByRole('button', { name: '显示最近的操作' }).click();
  await s.locator('#audit li').first().waitFor();
  const audit = await s.locator('#audit').textContent();
  for (const action of ['status', 'view', 'list']) assert.match(audit, new RegExp(` ${action} `));
  assert.match(audit, new RegExp(receipt));

  assert.deepEqual(citizen.errors, []);
  assert.deepEqual(staff.errors, []);
  await citizen.context.close();
  await staff.context.close();
});

test('the staff page: a wrong token is refused and asked again; nothing is shown without one', async () => {
  const { page, context, errors } = await h.newPage();
  await page.goto(`${h.base}/staff/`);
  await page.getByLabel('工作人员凭据').fill('not-the-token');
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByText('凭据无效，请重新输入。').waitFor();
  assert.equal(await page.locator('#app').isHidden(), true);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'token');
  assert.deepEqual(errors.filter((e) => !/401|403/.test(e)), []);
  await context.close();
});

test('the lookup page says so when a backend has no lookup route, and keeps the receipt', async () => {
  const { page, context } = await h.newPage();
  await page.goto(`${h.base}/rd-receipt-lookup.html?receipt=FK-2026-000001&code=7KQM-X4PB`);
  await page.evaluate(() => { document.querySelector('#lookup-main').endpoint = '/no-such-backend'; });
  await page.locator('#lookup-main').getByRole('button', { name: '查询', exact: true }).click();
  await page.locator('#lookup-main').getByText(/本网站暂不支持在线查询。您的编号是 FK-2026-000001/).waitFor();
  await context.close();
});
