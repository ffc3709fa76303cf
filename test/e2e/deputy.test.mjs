// <rd-deputy-card> main path on its demo page: find a deputy in the directory (pinyin initials),
// open the profile, send a message asking for a reply, then book a reception slot — both stored
// rows are read back from the receiver's export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

test('deputy card: find 董晓丽 in the directory, open the profile, send a message, book a reception', async () => {
  const { page, errors, context } = await h.newPage();
  await page.goto(`${h.base}/rd-deputy-card.html`);
  const w = page.locator('#directory rd-deputy-card');
  await w.getByRole('status').filter({ hasText: '共 300 位代表' }).waitFor();
  await w.getByRole('searchbox', { name: '搜索代表' }).fill('dxl');
  await w.getByRole('status').filter({ hasText: '找到 1 位代表' }).waitFor();
  await w.getByRole('button', { name: /^董晓丽 全国人大代表/ }).click();

  const profile = w.getByRole('article', { name: '董晓丽' });
  await profile.getByRole('heading', { name: '董晓丽', level: 2 }).waitFor();
  await profile.getByText('东关街道司法所所长', { exact: true }).waitFor();

  // A message, asking for a reply.
  const contact = profile.getByRole('region', { name: '联系代表' });
  await contact.getByRole('button', { name: '给代表留言' }).click();
  const form = contact.getByRole('form', { name: '给董晓丽代表留言' });
  const subject = '东关街道农贸市场周边停车难';
  const body = '早市时段车辆占道严重，老人买菜要绕行。建议在市场北侧空地设临时停车位，并安排早高峰疏导。';
  await form.getByRole('textbox', { name: /^留言主题/ }).fill(subject);
  await form.getByRole('combobox', { name: /^留言类别/ }).selectOption({ label: '城乡建设' });
  await form.getByRole('textbox', { name: /^留言内容/ }).fill(body);
  await form.getByRole('checkbox', { name: '需要代表答复我' }).check();
  await form.getByRole('textbox', { name: /^称呼/ }).fill('孙女士');
  await form.getByRole('textbox', { name: '手机或固定电话' }).fill('13900002222');
  await form.getByRole('checkbox', { name: /个人信息处理说明/ }).check();
  await form.getByRole('button', { name: '提交留言' }).click();
  const mr = contact.getByText(/[A-Z]{2}-\d{4}-\d+/).first();
  await mr.waitFor();
  const messageReceipt = (await mr.textContent()).match(/[A-Z]{2}-\d{4}-\d+/)[0];

  const messages = (await h.exported('deputy-message')).rows;
  assert.equal(messages.length, 1);
  assert.equal(messages[0].receipt, messageReceipt);
  const m = messages[0].data;
  assert.equal(m.deputyId, 'dep-001');
  assert.equal(m.subject, subject);
  assert.equal(m.text, body);
  assert.equal(m.category, 'urban-rural');
  assert.equal(m.wantsReply, true);
  assert.deepEqual(m.contact, { name: '孙女士', phone: '13900002222' });
  assert.ok(m.consent?.at, 'consent recorded');

  // Then a reception slot: the next published session of the profile.
  const next = (await profile.getByRole('heading', { name: '下次接待' }).locator('xpath=following-sibling::p[1]').textContent()).trim();
  const when = next.split(' · ')[0];
  await contact.getByRole('button', { name: '预约接访' }).click();
  const booking = contact.locator('rd-appointment-form');
  await booking.getByRole('heading', { name: /^预约接访/ }).waitFor();
  await booking.getByRole('radio', { name: new RegExp(`^${when.replace(/[()（）]/g, '.')}`) }).first().check();
  const topic = '农贸市场停车难，想当面反映';
  await booking.getByRole('textbox', { name: /^要反映的事项/ }).fill(topic);
  await booking.getByRole('textbox', { name: /^姓名/ }).fill('孙某某');
  await booking.getByRole('textbox', { name: /^联系电话/ }).fill('13900002222');
  await booking.getByRole('checkbox', { name: /个人信息处理说明/ }).check();
  await booking.getByRole('button', { name: '提交预约' }).click();
  const ar = booking.getByText(/YY-\d{4}-\d+/).first();
  await ar.waitFor();
  const appointments = (await h.exported('appointment')).rows;
  assert.equal(appointments.length, 1);
  assert.equal(appointments[0].receipt, (await ar.textContent()).match(/YY-\d{4}-\d+/)[0]);
  const a = appointments[0].data;
  assert.equal(a.deputyId, 'dep-001');
  assert.equal(a.topic, topic);
  assert.equal(a.slot.kind, 'session');
  const [, mo, da] = when.match(/(\d+)月(\d+)日/);
  assert.match(a.slot.start, new RegExp(`-${mo.padStart(2, '0')}-${da.padStart(2, '0')}T`));
  assert.deepEqual(errors, []);
  await context.close();
});
