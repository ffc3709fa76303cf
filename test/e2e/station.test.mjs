// <rd-station-map> main path on its demo page: filter by town, search in pinyin initials, open a
// station from the list (the accessible path), read its next reception, book that session — then
// the stored appointment is read back from the receiver's export.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { until } from './util.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

test('station map: filter, search, open a station, see its next reception, book it', async () => {
  const { page, errors, context } = await h.newPage();
  await page.goto(`${h.base}/rd-station-map.html`);
  const w = page.locator('#map-default');
  const count = w.getByRole('status').filter({ hasText: /共 \d+ 个站点/ });
  await count.waitFor();
  const all = Number((await count.textContent()).match(/共 (\d+) 个站点/)[1]);
  assert.ok(all > 100, `all stations listed (${all})`);

  await w.getByRole('combobox', { name: '乡镇/街道' }).selectOption({ label: '东关街道' });
  const list = w.getByRole('list', { name: '站点列表' });
  const filtered = await until(async () => { const n = Number((await count.textContent()).match(/共 (\d+) 个站点/)[1]); return n < all && n; }, { message: 'the filtered count' });
  assert.ok(filtered > 1 && filtered < all, `filter narrows the list (${filtered} of ${all})`);
  for (const item of await list.getByRole('button').all()) assert.match(await item.textContent(), /东关街道/);

  await w.getByRole('searchbox', { name: '搜索站点' }).fill('dgjd');
  await count.filter({ hasText: '共 1 个站点' }).waitFor();
  const item = list.getByRole('button', { name: /^东关街道人大代表联络站/ });
  const next = (await item.textContent()).match(/下次接待：(.+?)\s*$/)[1].trim();
  await item.click();

  const detail = w.getByRole('article', { name: '东关街道人大代表联络站' });
  await detail.getByRole('heading', { name: '东关街道人大代表联络站' }).waitFor();
  await detail.getByText(`下次接待：${next}`).waitFor();
  const upcoming = detail.getByRole('heading', { name: '近期接待安排' }).locator('xpath=following-sibling::ul[1]').getByRole('listitem').first();
  assert.ok((await upcoming.textContent()).includes(next), 'the next reception heads the upcoming sessions');

  await detail.getByRole('button', { name: '预约接访' }).click();
  const form = w.locator('rd-appointment-form');
  await form.getByRole('heading', { name: '预约接访：东关街道人大代表联络站' }).waitFor();
  await form.getByRole('radio', { name: next }).check();
  const topic = '村口路灯损坏三个月，夜间出行不便';
  await form.getByRole('textbox', { name: /^要反映的事项/ }).fill(topic);
  await form.getByRole('textbox', { name: /^详细情况/ }).fill('文化路东段共五盏路灯不亮，已向社区反映过。');
  await form.getByRole('spinbutton', { name: /^来访人数/ }).fill('2');
  await form.getByRole('textbox', { name: /^姓名/ }).fill('钱某某');
  await form.getByRole('textbox', { name: /^联系电话/ }).fill('13800001234');
  await form.getByRole('checkbox', { name: /个人信息处理说明/ }).check();
  await form.getByRole('button', { name: '提交预约' }).click();

  const receipt = form.getByText(/YY-\d{4}-\d+/).first();
  await receipt.waitFor();
  const shown = (await receipt.textContent()).match(/YY-\d{4}-\d+/)[0];

  const { rows } = await h.exported('appointment');
  assert.equal(rows.length, 1);
  assert.equal(rows[0].receipt, shown);
  const d = rows[0].data;
  assert.equal(d.stationId, 'st-dongguan');
  assert.equal(d.topic, topic);
  assert.equal(d.people, 2);
  assert.deepEqual(d.contact, { name: '钱某某', phone: '13800001234' });
  assert.equal(d.slot.kind, 'session');
  const [, mo, da] = next.match(/(\d+)月(\d+)日/);
  assert.match(d.slot.start, new RegExp(`-${mo.padStart(2, '0')}-${da.padStart(2, '0')}T`), 'the booked session is the one shown as next');
  assert.deepEqual(errors, []);
  await context.close();
});
