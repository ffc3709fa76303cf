// <rd-receipt-lookup> against the reference receiver: the lookup, the reply rendered as text,
// the rating once, wrong codes, a backend without the routes, and this device's receipts.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rd-receipt-lookup/rd-receipt-lookup.js';
import type { RdReceiptLookup } from '../../src/components/rd-receipt-lookup/rd-receipt-lookup.js';
import { lookupCatalogues } from '../../src/components/rd-receipt-lookup/rd-receipt-lookup.component.js';
import { loadCatalogue, missingKeys } from '../../src/services/i18n/index.js';
import { receiptBook } from '../../src/services/receipt-book.js';
import { uuidv4 } from '../../src/services/http.js';
import { byLabel, button, env, typeInto, uid, until } from '../helpers/env.js';

const XSS = '<img src=x onerror="window.__pwned=1"><b>已联系城管修复</b>';
const root = (el: RdReceiptLookup) => el.shadowRoot!;
const text = (el: RdReceiptLookup) => root(el).textContent!.replace(/\s+/g, ' ');
const api = () => `${env().receiver}/api`;

/** A real submission to the receiver: its receipt and lookup code. */
async function submit(subject = uid('s')): Promise<{ receipt: string; lookupCode: string }> {
  const id = uuidv4();
  const body = {
    type: 'deputy-message', version: 1, id, createdAt: new Date().toISOString(), locale: 'zh-CN', source: { url: location.href },
    data: { deputyId: 'dep-046', subject: subject.slice(0, 60), text: '路灯坏了。', category: 'livelihood', wantsReply: false, publish: false, channel: 'web', consent: { version: '1', at: new Date().toISOString() } },
  };
  const res = await fetch(`${api()}/deputy-messages`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id }, body: JSON.stringify(body) });
  return res.json();
}
async function staffReply(receipt: string, reply: string) {
  const res = await fetch(`${api()}/staff/receipts/${receipt}/status`, {
    method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${env().staffToken}` },
    body: JSON.stringify({ status: 'replied', reply, replyBy: '青禾县人大代表联络站' }),
  });
  expect(res.status).to.equal(200);
}
async function mount(attrs: { receipt?: string; code?: string; endpoint?: string; hide?: boolean } = {}) {
  const el = await fixture<RdReceiptLookup>(html`<rd-receipt-lookup endpoint=${attrs.endpoint ?? api()} .receipt=${attrs.receipt} .code=${attrs.code} ?hide-device-list=${attrs.hide ?? true}></rd-receipt-lookup>`);
  await el.updateComplete;
  return el;
}
async function lookUp(el: RdReceiptLookup, receipt: string, code: string) {
  typeInto(byLabel(root(el), '编号'), receipt);
  typeInto(byLabel(root(el), '查询码'), code);
  await el.updateComplete;
  button(root(el), '查询').click();
  await el.updateComplete; // the previous outcome is gone while looking up
  await until(() => root(el).querySelector('[data-rl-outcome]'));
  await el.updateComplete;
}

describe('rd-receipt-lookup', () => {
  before(function () { if (!env().receiver) this.skip(); });

  it('arriving with receipt and code: the status and its history, in the citizen\'s words', async () => {
    const s = await submit();
    const el = await mount({ receipt: s.receipt, code: s.lookupCode });
    await until(() => root(el).querySelector('.rl-result'));
    expect(text(el)).to.contain(`编号 ${s.receipt} 的办理情况`);
    expect(text(el)).to.contain('当前状态：已收到');
    expect(text(el)).to.contain('给代表的留言');
    expect(text(el)).to.contain('尚未答复');
    await expect(el).to.be.accessible();
  });

  it('reads the reply as text, rates it once, and fires rd-rated', async () => {
    const s = await submit();
    await staffReply(s.receipt, XSS);
    const el = await mount();
    await lookUp(el, s.receipt.toLowerCase(), s.lookupCode.replace('-', ' ').toLowerCase());
    expect(root(el).activeElement?.matches('[data-rl-outcome]')).to.equal(true);
    const reply = root(el).querySelector('.rl-reply')!;
    expect(reply.textContent).to.equal(XSS);
    expect(reply.querySelector('img,b')).to.equal(null);
    expect(text(el)).to.contain('答复人：青禾县人大代表联络站');
    // Without a choice: an error at the group, focus there.
    button(root(el), '提交评价').click();
    await until(() => text(el).includes('请选择满意、基本满意或不满意'));
    await expect(el).to.be.accessible();
    byLabel(root(el), '基本满意').click();
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '补充说明'), '答复及时，但还没修好');
    await el.updateComplete;
    const rated = new Promise<CustomEvent>((r) => el.addEventListener('rd-rated', (e) => r(e as CustomEvent), { once: true }));
    // The rating is held back until the submitting state has been checked.
    const realFetch = window.fetch;
    let release!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    let sent: { body: unknown; key: string | null } | undefined;
    window.fetch = async (input, init) => {
      if (String(input).endsWith('/rating')) {
        sent = { body: JSON.parse(String(init!.body)), key: new Headers(init!.headers).get('Idempotency-Key') };
        await held;
      }
      return realFetch(input, init);
    };
    try {
      button(root(el), '提交评价').click();
      await el.updateComplete;
      expect(button(root(el), '正在提交').disabled).to.equal(true);
      await expect(el).to.be.accessible();
    } finally {
      release();
      window.fetch = realFetch;
    }
    expect(sent!.body).to.deep.equal({ code: s.lookupCode.replace('-', ''), rating: 'basically-satisfied', comment: '答复及时，但还没修好' });
    expect(sent!.key).to.match(/^[0-9a-f-]{36}$/);
    expect((await rated).detail).to.deep.equal({ receipt: s.receipt, rating: 'basically-satisfied' });
    await until(() => text(el).includes('您的评价：基本满意'));
    expect(text(el)).to.contain('感谢您的评价');
    // Stored: a fresh lookup shows it, and there is no second form.
    const again = await (await fetch(`${api()}/receipts/${s.receipt}?code=${s.lookupCode}`)).json();
    expect(again.rating).to.include({ rating: 'basically-satisfied', comment: '答复及时，但还没修好' });
    expect(root(el).querySelector('#rating')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('a wrong code and an unknown receipt get the same message; empty fields are caught first', async () => {
    const s = await submit();
    const el = await mount();
    button(root(el), '查询').click();
    await until(() => root(el).querySelector('[data-rd-error-summary]'));
    expect(text(el)).to.contain('请输入编号');
    expect(text(el)).to.contain('请输入查询码');
    await expect(el).to.be.accessible();
    typeInto(byLabel(root(el), '查询码'), 'O1O1-1111');
    button(root(el), '查询').click();
    await until(() => text(el).includes('查询码是 8 位字母和数字'));
    await lookUp(el, s.receipt, '2222-2222');
    const wrong = root(el).querySelector('[data-rl-outcome]')!.textContent!.trim();
    expect(wrong).to.contain('没有找到这条记录');
    await lookUp(el, 'LY-1999-000001', s.lookupCode);
    expect(root(el).querySelector('[data-rl-outcome]')!.textContent!.trim()).to.equal(wrong);
    await expect(el).to.be.accessible();
  });

  it('a backend without the lookup route: "本网站暂不支持在线查询", and the receipt is still shown', async () => {
    const el = await mount({ endpoint: `${location.origin}/legacy-cms` });
    await lookUp(el, 'FK-2026-000123', '7KQM-X4PB');
    const out = root(el).querySelector('[data-rl-outcome]')!.textContent!;
    expect(out).to.contain('本网站暂不支持在线查询');
    expect(out).to.contain('FK-2026-000123');
  });

  it('a network failure says so and offers a retry; nothing typed is lost', async () => {
    const el = await mount({ endpoint: env().refused });
    await lookUp(el, 'FK-2026-000123', '7KQM-X4PB');
    expect(text(el)).to.contain('网络连接失败');
    expect(byLabel(root(el), '编号').value).to.equal('FK-2026-000123');
    expect(button(root(el), '重试')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('lists this device\'s receipts with their status; one can be looked up and removed', async () => {
    const s = await submit();
    const book = receiptBook();
    for (const r of await book.list()) await book.remove(r.receipt);
    await book.add({ receipt: s.receipt, lookupCode: s.lookupCode, type: 'deputy-message', title: '给王东辉代表的留言', at: new Date().toISOString(), endpoint: api() });
    await book.add({ receipt: 'FK-2026-999999', type: 'legislation-feedback', title: '', at: '2026-01-02T03:04:05.000Z' });
    const el = await mount({ hide: false });
    await until(() => text(el).includes('状态：已收到'));
    expect(text(el)).to.contain('本设备上提交的记录');
    expect(text(el)).to.contain('给王东辉代表的留言');
    expect(text(el)).to.contain(`查询码：${s.lookupCode}`);
    expect(text(el)).to.contain('立法意见'); // no title: the type
    await expect(el).to.be.accessible();
    root(el).querySelector<HTMLButtonElement>(`button:has(> .rd-visually-hidden)`)!.click();
    await until(() => root(el).querySelector('.rl-result'));
    expect(byLabel(root(el), '查询码').value).to.equal(s.lookupCode);
    const remove = [...root(el).querySelectorAll('button')].find((b) => b.textContent!.includes(`删除 ${s.receipt}`))!;
    remove.click();
    await until(() => text(el).includes(`已删除记录 ${s.receipt}`));
    expect(root(el).activeElement?.id).to.equal('rl-device-title');
    expect((await book.list()).map((r) => r.receipt)).to.deep.equal(['FK-2026-999999']);
    await book.remove('FK-2026-999999');
  });

  it('in kiosk mode the device list is not shown', async () => {
    await receiptBook().add({ receipt: 'FK-2026-888888', type: 'legislation-feedback', title: '某草案', at: new Date().toISOString() });
    const el = await fixture<RdReceiptLookup>(html`<rd-receipt-lookup endpoint=${api()} kiosk></rd-receipt-lookup>`);
    await el.updateComplete;
    expect(text(el)).not.to.contain('本设备上提交的记录');
    await receiptBook().remove('FK-2026-888888');
  });

  it('English is complete and used with lang="en"', async () => {
    expect(await missingKeys(lookupCatalogues)).to.deep.equal([]);
    expect(await loadCatalogue(lookupCatalogues, 'en')).to.exist;
    const el = await fixture<RdReceiptLookup>(html`<rd-receipt-lookup lang="en" endpoint=${api()} hide-device-list></rd-receipt-lookup>`);
    await el.updateComplete;
    expect(text(el)).to.contain('Follow your submission');
    expect(byLabel(root(el), 'Lookup code')).to.exist;
  });
});
