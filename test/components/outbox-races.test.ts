// Races between a widget, its outbox and its drafts: a widget removed or switched to other data
// while a submission is in flight, the orphan flush meeting a widget's own, typing before the
// draft store opens, kiosk switched on with a save pending.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/rd-provider/rd-provider.js';
import '../helpers/rd-test-form.js';
import type { RdTestForm } from '../helpers/rd-test-form.js';
import { byLabel, chaosLog, chaosUrl, readDraft, typeInto, uid, until } from '../helpers/env.js';
import { enqueue, listOutbox } from '../../src/services/outbox.js';

const data = (id = uid('form')) => ({ id, title: '关于社区停车的意见' });
async function mount(attrs: { submitUrl?: string; id?: string } = {}) {
  const el = await fixture<RdTestForm>(html`<rd-test-form lang="zh-CN" drafts="on" submit-url=${attrs.submitUrl ?? chaosUrl('ok', uid('run'))} .data=${data(attrs.id)}></rd-test-form>`);
  await until(() => el.shadowRoot!.querySelector('form'));
  return el;
}
const root = (el: HTMLElement) => el.shadowRoot!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function fillValid(el: RdTestForm, text = '小区门口停车太乱，建议划线。') {
  typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), text);
  byLabel(root(el), '个人信息处理说明').click();
  await el.updateComplete;
}
const entry = (key: string, owner: string, url: string) => ({ key, owner, url, body: { type: 'deputy-message', version: 1, id: key, data: { comment: '暂存' } }, headers: {}, credentials: 'omit' as const, queuedAt: new Date().toISOString(), attempts: 1 });

describe('outbox and drafts: races', () => {
  it('a widget removed while it retries: no more sends or rd-submit from it', async () => {
    const id = uid('form');
    const run = uid('run');
    const el = await mount({ submitUrl: chaosUrl('503x4', run), id });
    await fillValid(el);
    let detachedSubmits = 0;
    el.addEventListener('rd-submit', () => { if (!el.isConnected) detachedSubmits++; });
    const queued = oneEvent(el, 'rd-queued');
    root(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    el.remove(); // the booking panel / SPA view is closed while the retries run
    const { detail } = await queued;
    await sleep(3000);
    const log = await chaosLog(run);
    // 3 tries by submit(); then only the page's orphan flush (2 s after load) may send it once more.
    expect(detachedSubmits).to.equal(0);
    expect(log.length).to.be.within(3, 4);
    void detail;
  });

  it('a widget removed while it retries: its entry becomes an orphan, sent by the page, the receipt kept for it', async () => {
    const id = uid('form');
    const run = uid('run');
    const el = await mount({ submitUrl: chaosUrl('503x4', run), id });
    await fillValid(el);
    const queued = oneEvent(el, 'rd-queued');
    root(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    el.remove();
    const { detail } = await queued;
    for (const n of [4, 5]) {
      // Each `online` sends it once more. One that comes while the last send is still being
      // answered finds the entry busy (its lock held) and leaves it to that send: on a loaded
      // machine the server logs a request before the page has its answer, so ask again.
      let asked = 0;
      await until(async () => {
        if (Date.now() - asked > 500) { asked = Date.now(); window.dispatchEvent(new Event('online')); }
        return (await chaosLog(run)).length >= n;
      }, 6000, `request ${n} sent on \`online\``);
    }
    const box = await until(async () => {
      const b = await listOutbox(`rd:rd-test-form:${id}`);
      return b.length === 1 && b[0].delivered ? b : undefined;
    });
    expect(box.map((e) => e.key)).to.deep.equal([detail.idempotencyKey]);
    const back = await mount({ id });
    await until(() => root(back).textContent!.includes(box[0].delivered!.receipt));
  });

  it('the orphan flush in flight when the widget arrives: the widget shows the receipt, nothing left queued', async () => {
    await mount(); // some widget on the page (orphan flush wired)
    const id = uid('form');
    const run = uid('run');
    const key = crypto.randomUUID();
    await enqueue(entry(key, `rd:rd-test-form:${id}`, `${chaosUrl('slow', run)}?ms=800`));
    window.dispatchEvent(new Event('online')); // orphan flush sends it (slow answer)
    await until(async () => (await chaosLog(run)).length === 1);
    const el = await mount({ id }); // its widget appears meanwhile (data loaded later, panel opened)
    await sleep(3000);
    const out = await listOutbox(`rd:rd-test-form:${id}`);
    expect({
      queuedNotice: !!root(el).querySelector('[part="queued-notice"]'),
      submitButton: !!root(el).querySelector('[part="submit-button"]'),
      receiptShown: !!root(el).querySelector('[part="receipt"]'),
      left: out.map((e) => !!e.delivered),
    }).to.deep.equal({ queuedNotice: false, submitButton: false, receiptShown: true, left: [] });
  });

  it('switched to other data while a queued entry is resent: the receipt is not shown on the other data, its draft kept', async () => {
    const a = uid('form');
    const b = uid('form');
    const run = uid('run');
    const key = crypto.randomUUID();
    await enqueue(entry(key, `rd:rd-test-form:${a}`, `${chaosUrl('slow', run)}?ms=1500`));
    const el = await mount({ id: a });
    await until(async () => (await chaosLog(run)).length === 1); // A's resend in flight
    el.data = data(b); // SPA shows another item
    await until(() => root(el).querySelector('form'));
    await el.updateComplete;
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), 'B 的草稿');
    await until(async () => ((await readDraft(`rd:rd-test-form:${b}`)) as { value?: { comment?: string } } | undefined)?.value?.comment === 'B 的草稿');
    await sleep(2000);
    expect({
      draftB: ((await readDraft(`rd:rd-test-form:${b}`)) as { value?: { comment?: string } } | undefined)?.value?.comment,
      receiptOnB: !!root(el).querySelector('[part="receipt"]'),
    }).to.deep.equal({ draftB: 'B 的草稿', receiptOnB: false });
  });

  it('a submit that fails after the switch is queued under the data it was for', async () => {
    const a = uid('form');
    const b = uid('form');
    const run = uid('run');
    const el = await mount({ submitUrl: `${chaosUrl('slow', run)}?ms=100000`, id: a });
    el.setAttribute('timeout', '500');
    await fillValid(el, '给 A 的意见');
    const queued = oneEvent(el, 'rd-queued');
    root(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
    await until(async () => (await chaosLog(run)).length === 1);
    el.data = data(b);
    const { detail } = await queued;
    const e = (await listOutbox()).find((x) => x.key === detail.idempotencyKey)!;
    expect(e.owner).to.equal(`rd:rd-test-form:${a}`);
  });

  it('typing before the draft store opens, then other data: the text is saved under the first key only', async () => {
    const { resetStoreProbes } = await import('../../src/services/idb.js');
    resetStoreProbes();
    const a = uid('form');
    const b = uid('form');
    const el = document.createElement('rd-test-form') as RdTestForm;
    el.setAttribute('submit-url', 'x');
    el.data = data(a);
    document.body.append(el);
    await el.updateComplete;
    const st = (el as unknown as { draftCtl: { status: string } }).draftCtl.status;
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '写给 A 的');
    el.data = data(b);
    await sleep(1500);
    const get = async (k: string) => ((await readDraft(k)) as { value?: { comment?: string } } | undefined)?.value?.comment;
    const r = { a: await get(`rd:rd-test-form:${a}`), b: await get(`rd:rd-test-form:${b}`), screen: byLabel<HTMLTextAreaElement>(root(el), '意见内容').value };
    el.remove();
    expect({ st, ...r }).to.deep.equal({ st: 'pending', a: '写给 A 的', b: undefined, screen: '' });
  });

  it('kiosk switched on right after typing: the pending draft is not written', async () => {
    const id = uid('form');
    const el = await mount({ id });
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '不该留在公用设备上');
    el.kiosk = true;
    await el.updateComplete;
    await sleep(1200);
    expect(await readDraft(`rd:rd-test-form:${id}`)).to.equal(undefined);
  });
});
