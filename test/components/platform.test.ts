// Behaviour every widget gets from the shared base, proven on a minimal widget (test/helpers/rd-test-form.ts).
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/rd-provider/rd-provider.js';
import { RdTestForm } from '../helpers/rd-test-form.js';
import { button, byLabel, chaosLog, chaosUrl, env, readDraft, readOutbox, typeInto, uid, until } from '../helpers/env.js';
import type { RdSubmitEvent } from '../../src/events/events.js';

const data = (id = uid('form')) => ({ id, title: '关于社区停车的意见' });
async function mount(attrs: { submitUrl?: string; id?: string; drafts?: string; lang?: string } = {}) {
  const el = await fixture<RdTestForm>(html`<rd-test-form lang=${attrs.lang ?? 'zh-CN'} drafts=${attrs.drafts ?? 'on'} submit-url=${attrs.submitUrl ?? chaosUrl('ok', uid('run'))} .data=${data(attrs.id)}></rd-test-form>`);
  await until(() => el.shadowRoot!.querySelector('form'));
  return el;
}
const root = (el: HTMLElement) => el.shadowRoot!;
async function fillValid(el: RdTestForm) {
  typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '小区门口停车太乱，建议划线。');
  byLabel(root(el), '个人信息处理说明').click();
  await el.updateComplete;
}
const submit = async (el: RdTestForm) => { root(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click(); await el.updateComplete; };

describe('platform: data loading', () => {
  it('renders from the data property and fires rd-ready', async () => {
    const el = document.createElement('rd-test-form');
    el.data = data();
    const ready = oneEvent(el, 'rd-ready');
    document.body.append(el);
    await ready;
    expect(root(el).querySelector('h2')!.textContent).to.equal('关于社区停车的意见');
    el.remove();
  });

  it('renders from an inline <script type="application/json"> child', async () => {
    const el = await fixture<RdTestForm>(html`<rd-test-form submit-url="x"><script type="application/json">{"id":"inline-1","title":"内嵌数据"}</script></rd-test-form>`);
    await until(() => root(el).querySelector('h2'));
    expect(root(el).querySelector('h2')!.textContent).to.equal('内嵌数据');
  });

  it('loads from src, and from endpoint + id', async () => {
    const json = encodeURIComponent(JSON.stringify({ id: 'src-1', title: '来自 src' }));
    const el = await fixture<RdTestForm>(html`<rd-test-form src=${`${chaosUrl('data', uid())}?json=${json}`}></rd-test-form>`);
    await until(() => root(el).querySelector('h2'));
    expect(root(el).querySelector('h2')!.textContent).to.equal('来自 src');
  });

  it('invalid data: a localized alert naming the path, the page keeps working', async () => {
    const el = await fixture<RdTestForm>(html`<rd-test-form .data=${{ id: 'x', title: 42 }}></rd-test-form>`);
    const alert = await until(() => root(el).querySelector('[role="alert"]'));
    expect(alert.textContent).to.contain('数据格式有误');
    expect(alert.textContent).to.contain('title');
    expect(alert.textContent).to.contain('类型不正确');
    await expect(el).to.be.accessible();
  });

  it('broken inline JSON and a failing src both end in an alert, not a throw', async () => {
    const a = await fixture<RdTestForm>(html`<rd-test-form><script type="application/json">{oops</script></rd-test-form>`);
    expect((await until(() => root(a).querySelector('[role="alert"]'))).textContent).to.contain('格式不正确');
    const b = await fixture<RdTestForm>(html`<rd-test-form lang="en" src=${`${env().refused}/x.json`}></rd-test-form>`);
    expect((await until(() => root(b).querySelector('[role="alert"]'))).textContent).to.contain('could not be loaded');
    const c = await fixture<RdTestForm>(html`<rd-test-form></rd-test-form>`);
    expect((await until(() => root(c).querySelector('[role="alert"]'))).textContent).to.contain('未提供数据');
  });

  // Why a load failed, in words a citizen can read (no raw codes such as "timeout" or "HTTP 200").
  const failures: Array<[string, () => string, string, number?]> = [
    ['connection refused', () => `${env().refused}/x.json`, '网络连接失败'],
    ['no answer in time', () => chaosUrl('hang', uid('run')), '服务器长时间没有响应', 300],
    ['a server error', () => chaosUrl('500', uid('run')), '服务器返回错误 500'],
    ['a proxy error page sent as 200', () => chaosUrl('html200', uid('run')), '服务器返回的不是有效数据'],
  ];
  for (const [name, url, words, timeout] of failures) {
    it(`load failure, ${name}: "${words}"`, async () => {
      const el = await fixture<RdTestForm>(html`<rd-test-form src=${url()} timeout=${timeout ?? 15000}></rd-test-form>`);
      const alert = await until(() => root(el).querySelector('[role="alert"]'), 8000);
      expect(alert.textContent).to.contain(words);
      expect(alert.textContent).to.not.match(/timeout|network|not-json|HTTP 200/);
    });
  }
});

describe('platform: forms, errors, submission', () => {
  it('is accessible by default', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
  });

  it('a failed submit shows and focuses the error summary; links focus the field; inline errors wired up', async () => {
    const el = await mount();
    await submit(el);
    const summary = root(el).querySelector<HTMLElement>('[part="error-summary"]')!;
    expect(summary).to.exist;
    expect(root(el).activeElement).to.equal(summary);
    const links = [...summary.querySelectorAll('a')].map((a) => a.textContent);
    expect(links).to.deep.equal(['请填写意见内容', '请阅读并同意个人信息处理说明']);
    summary.querySelector('a')!.click();
    const textarea = byLabel<HTMLTextAreaElement>(root(el), '意见内容');
    expect(root(el).activeElement).to.equal(textarea);
    expect(textarea.getAttribute('aria-invalid')).to.equal('true');
    expect(textarea.getAttribute('aria-describedby')).to.contain('f-comment-error');
    expect(root(el).getElementById('f-comment-error')!.textContent).to.equal('错误：请填写意见内容');
    await expect(el).to.be.accessible();
    // Re-checked as the citizen fixes it.
    typeInto(textarea, '好');
    await el.updateComplete;
    expect(root(el).getElementById('f-comment-error')).to.equal(null);
  });

  it('sends the exact envelope and headers; rd-submit listeners add headers; receipt shown and focused', async () => {
    const run = uid('run');
    const el = await mount({ submitUrl: chaosUrl('ok', run) });
    el.headers = { 'X-CSRF-Token': 'csrf-1' };
    el.addEventListener('rd-submit', (e: RdSubmitEvent) => { e.detail.headers['X-Captcha-Token'] = 'cap-9'; });
    await fillValid(el);
    const submitted = oneEvent(el, 'rd-submitted');
    await submit(el);
    const ev = await submitted;
    const [req] = await chaosLog(run);
    const body = JSON.parse(req.body);
    expect(body).to.deep.include({ type: 'deputy-message', version: 1, locale: 'zh-CN' });
    expect(body.id).to.equal(req.headers['idempotency-key']);
    expect(body.source).to.deep.equal({ url: location.href });
    expect(Date.parse(body.createdAt)).to.be.closeTo(Date.now(), 10_000);
    expect(body.data).to.deep.equal({ comment: '小区门口停车太乱，建议划线。', consent: true });
    expect(req.headers['x-csrf-token']).to.equal('csrf-1');
    expect(req.headers['x-captcha-token']).to.equal('cap-9');
    expect(ev.detail.receipt).to.match(/^FK-2026-/);
    await el.updateComplete;
    const receipt = root(el).querySelector<HTMLElement>('[data-rd-receipt]')!;
    expect(receipt.textContent).to.contain(ev.detail.receipt);
    expect(receipt.textContent).to.contain('小区门口停车太乱');
    expect(root(el).activeElement).to.equal(receipt);
    await expect(el).to.be.accessible();
  });

  it('while submitting: button disabled, status announced, accessible', async () => {
    const el = await mount({ submitUrl: `${chaosUrl('slow', uid('run'))}?ms=800` });
    await fillValid(el);
    await submit(el);
    const btn = root(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!;
    expect(btn.disabled).to.equal(true);
    expect(root(el).querySelector('[role="status"]')!.textContent).to.contain('正在提交');
    await expect(el).to.be.accessible();
    await oneEvent(el, 'rd-submitted');
  });

  it('a cancelled rd-submit sends nothing', async () => {
    const run = uid('run');
    const el = await mount({ submitUrl: chaosUrl('ok', run) });
    el.addEventListener('rd-submit', (e) => e.preventDefault());
    await fillValid(el);
    await submit(el);
    await el.updateComplete;
    expect(await chaosLog(run)).to.deep.equal([]);
    expect(root(el).querySelector('[part="error-summary"]')!.textContent).to.contain('提交已被页面取消');
  });

  it('422: server field errors at the field and in the summary; rd-submit-error; draft kept', async () => {
    const id = uid('form');
    const el = await mount({ submitUrl: chaosUrl('422', uid('run')), id });
    await fillValid(el);
    const errEv = oneEvent(el, 'rd-submit-error');
    await submit(el);
    const ev = await errEv;
    expect(ev.detail).to.deep.include({ kind: 'rejected', status: 422 });
    const summary = await until(() => {
      const s = root(el).querySelector<HTMLElement>('[part="error-summary"]');
      return s?.textContent?.includes('手机号码格式不正确') ? s : undefined;
    });
    expect(summary.textContent).to.contain('意见内容过长');
    expect(root(el).activeElement).to.equal(summary);
    expect(root(el).getElementById('f-respondent-phone')).to.equal(null); // unknown path: summary only
    await until(() => readDraft(`rd:rd-test-form:${id}`));
  });

  it('connection refused: queued notice, rd-queued, outbox holds the same key; sent on `online`', async () => {
    const el = await mount({ submitUrl: `${env().refused}/x` });
    await fillValid(el);
    const queued = oneEvent(el, 'rd-queued');
    await submit(el);
    const { detail } = await queued;
    await el.updateComplete;
    expect(root(el).querySelector('[part="queued-notice"]')!.textContent).to.contain('已保存在本设备上');
    await expect(el).to.be.accessible();
    const box = (await readOutbox()) as Array<{ key: string; body: { data: unknown } }>;
    const mine = box.find((e) => e.key === detail.idempotencyKey)!;
    expect(JSON.parse(JSON.stringify(mine.body.data))).to.deep.equal({ comment: '小区门口停车太乱，建议划线。', consent: true });
    // The network is back: point the stored entry at a live server and fire `online`.
    const run = uid('run');
    const { enqueue } = await import('../../src/services/outbox.js');
    await enqueue({ ...(mine as never as Parameters<typeof enqueue>[0]), url: chaosUrl('ok', run) });
    const sent = oneEvent(el, 'rd-submitted');
    window.dispatchEvent(new Event('online'));
    await sent;
    const [req] = await chaosLog(run);
    expect(req.headers['idempotency-key']).to.equal(detail.idempotencyKey);
  });
});

describe('platform: refusals that are not the citizen\'s mistake', () => {
  const cases: Array<[string, string]> = [['401', '未获授权'], ['404', '提交地址有误'], ['413', '内容过长']];
  for (const [status, words] of cases) {
    it(`${status}: says what happened (not "修改以下问题"), keeps the text, queues nothing`, async () => {
      const id = uid('form');
      const el = await mount({ submitUrl: chaosUrl(status, uid('run')), id });
      await fillValid(el);
      await submit(el);
      const summary = await until(() => root(el).querySelector('[part="error-summary"]'));
      expect(summary.querySelector('h2')!.textContent).to.equal('暂时无法提交');
      expect(summary.textContent).to.contain(words);
      expect(byLabel<HTMLTextAreaElement>(root(el), '意见内容').value).to.equal('小区门口停车太乱，建议划线。');
      expect(root(el).querySelector('[part="queued-notice"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }
});

describe('platform: outbox delivery', () => {
  it('a server error that lasts: queued, then sent by itself while the page stays open (no `online` event)', async () => {
    const run = uid('run');
    const el = await mount({ submitUrl: chaosUrl('503x4', run) });
    await fillValid(el);
    const queued = oneEvent(el, 'rd-queued');
    const sent = oneEvent(el, 'rd-submitted');
    await submit(el);
    const { detail } = await queued;
    await el.updateComplete;
    expect(root(el).querySelector('[part="queued-notice"]')!.textContent).to.contain('本页打开期间会继续尝试');
    const { detail: done } = await sent;
    expect(done.receipt).to.match(/^FK-/);
    const log = await chaosLog(run);
    expect(log.length).to.equal(5);
    expect(new Set(log.map((r) => r.headers['idempotency-key']))).to.deep.equal(new Set([detail.idempotencyKey]));
    expect(await readOutbox()).to.satisfy((box: Array<{ key: string }>) => !box.some((e) => e.key === detail.idempotencyKey));
  });

  it('"立即重试" sends a queued submission at once, after `rd-submit` lets the page add fresh headers', async () => {
    const run = uid('run');
    // The automatic resend is put far off, so that only the button can send (on a loaded machine
    // the default 400 ms could overtake it).
    RdTestForm.resendDelay = 600_000;
    const el = await mount({ submitUrl: chaosUrl('503x4', run) }).finally(() => { RdTestForm.resendDelay = 400; });
    await fillValid(el);
    const queued = oneEvent(el, 'rd-queued');
    await submit(el);
    await queued;
    await el.updateComplete;
    let submits = 0;
    el.addEventListener('rd-submit', (e) => { submits++; (e as RdSubmitEvent).detail.headers['X-CSRF-Token'] = `fresh-${submits}`; });
    const before = (await chaosLog(run)).length;
    button(root(el), '立即重试').click();
    await until(async () => (await chaosLog(run)).length > before);
    const last = (await chaosLog(run)).at(-1)!;
    expect(submits).to.equal(1);
    expect(last.headers['x-csrf-token']).to.equal('fresh-1');
  });

  it('an entry whose widget learns its id from data is sent once the data names it', async () => {
    const id = uid('form');
    const run = uid('run');
    const { enqueue } = await import('../../src/services/outbox.js');
    const key = crypto.randomUUID();
    await enqueue({ key, owner: `rd:rd-test-form:${id}`, url: chaosUrl('ok', run), body: { type: 'deputy-message', version: 1, id: key, data: { comment: '早先暂存' } }, headers: {}, credentials: 'omit', queuedAt: new Date().toISOString(), attempts: 3 });
    const el = document.createElement('rd-test-form') as RdTestForm;
    const sent = oneEvent(el, 'rd-submitted');
    el.data = data(id);
    document.body.append(el);
    try {
      await sent;
      const [req] = await chaosLog(run);
      expect(req.headers['idempotency-key']).to.equal(key);
    } finally {
      el.remove();
    }
  });

  it('orphans: an entry whose widget is not on the page is sent; its receipt is shown when that widget comes back', async () => {
    const other = uid('form');
    const run = uid('run');
    const { enqueue, listOutbox } = await import('../../src/services/outbox.js');
    const key = crypto.randomUUID();
    await enqueue({ key, owner: `rd:rd-test-form:${other}`, url: chaosUrl('ok', run), body: { type: 'deputy-message', version: 1, id: key, data: { comment: '别处暂存' } }, headers: {}, credentials: 'omit', queuedAt: new Date().toISOString(), attempts: 3 });
    await mount();
    window.dispatchEvent(new Event('online'));
    await until(async () => (await chaosLog(run)).length === 1);
    const entry = await until(async () => (await listOutbox(`rd:rd-test-form:${other}`)).find((e) => e.delivered));
    expect(entry.delivered!.receipt).to.match(/^FK-/);
    const back = await mount({ id: other });
    await until(() => root(back).textContent!.includes(entry.delivered!.receipt));
    expect(await listOutbox(`rd:rd-test-form:${other}`)).to.deep.equal([]);
    expect((await chaosLog(run)).length, 'not sent twice').to.equal(1);
  });

  it('outbox full: the queued notice says so in the page language, the submission is kept in the page and still sent', async () => {
    const { OUTBOX_LIMITS, listOutbox } = await import('../../src/services/outbox.js');
    const saved = { ...OUTBOX_LIMITS };
    OUTBOX_LIMITS.maxEntries = (await listOutbox()).filter((x) => !x.delivered && !x.refused).length;
    try {
      const run = uid('run');
      const el = await mount({ submitUrl: chaosUrl('503x4', run) });
      await fillValid(el);
      const sent = oneEvent(el, 'rd-submitted');
      await submit(el);
      await until(() => root(el).querySelector('[part="queued-notice"]'));
      expect(root(el).querySelector('[part="queued-notice"]')!.textContent).to.contain('等待发送的内容已满').and.contain('请不要关闭本页');
      await sent; // from page memory, on the next resend
    } finally {
      Object.assign(OUTBOX_LIMITS, saved);
    }
  });

  it('no IndexedDB: the queued notice asks to keep the page open, and it is still sent from memory', async () => {
    const { resetStoreProbes } = await import('../../src/services/idb.js');
    const own = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    resetStoreProbes();
    try {
      const run = uid('run');
      const el = await mount({ submitUrl: chaosUrl('503x4', run), drafts: 'on' });
      await fillValid(el);
      const sent = oneEvent(el, 'rd-submitted');
      await submit(el);
      await until(() => root(el).querySelector('[part="queued-notice"]'));
      expect(root(el).querySelector('[part="queued-notice"]')!.textContent).to.contain('请不要关闭本页');
      await expect(el).to.be.accessible();
      await sent;
    } finally {
      delete (window as { indexedDB?: unknown }).indexedDB;
      if (own) Object.defineProperty(window, 'indexedDB', own);
      resetStoreProbes();
    }
    expect(typeof indexedDB.open).to.equal('function');
  });
});

describe('platform: drafts', () => {
  const draftOf = async (key: string) => ((await readDraft(key)) as { value?: { comment?: string } } | undefined)?.value?.comment;

  it('saves while typing (no phone), restores on reload with a notice, discard clears', async () => {
    const id = uid('form');
    const a = await mount({ id });
    typeInto(byLabel<HTMLTextAreaElement>(root(a), '意见内容'), '草稿内容');
    typeInto(byLabel(root(a), '手机号码'), '13800000000');
    const saved = await oneEvent(a, 'rd-draft-saved');
    expect(saved.detail.savedAt).to.be.a('string');
    const rec = (await readDraft(`rd:rd-test-form:${id}`)) as { value: Record<string, unknown> };
    expect(rec.value).to.deep.equal({ comment: '草稿内容', consent: false });
    a.remove();

    const b = await fixture<RdTestForm>(html`<rd-test-form submit-url="x" .data=${data(id)}></rd-test-form>`);
    await oneEvent(b, 'rd-draft-restored');
    await b.updateComplete;
    expect(byLabel<HTMLTextAreaElement>(root(b), '意见内容').value).to.equal('草稿内容');
    expect(root(b).querySelector('[part="draft-notice"]')!.textContent).to.contain('已恢复您上次未提交的内容');
    await expect(b).to.be.accessible();
    button(root(b), '清除已保存的内容').click();
    await until(async () => (await readDraft(`rd:rd-test-form:${id}`)) === undefined);
    await until(() => byLabel<HTMLTextAreaElement>(root(b), '意见内容').value === '', 3000, 'form emptied');
    expect(root(b).querySelector('[part="draft-notice"]')!.textContent).to.contain('已清除保存的内容');
  });

  it('typing while the draft store is still opening is saved, not dropped', async () => {
    const { resetStoreProbes } = await import('../../src/services/idb.js');
    resetStoreProbes(); // the next widget has to open IndexedDB again, as on a fresh page
    const id = uid('form');
    const el = await mount({ id });
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '打开页面就开始写');
    await until(async () => ((await readDraft(`rd:rd-test-form:${id}`)) as { value?: { comment?: string } } | undefined)?.value?.comment === '打开页面就开始写', 5000, 'draft saved');
  });

  /**
   * A draft saved on an earlier visit ("上次写的意见"); then, on a fresh page, the same form with
   * "这次先写的" typed before its drafts store has answered.
   */
  async function typedBeforeTheStoreOpens(id: string): Promise<RdTestForm> {
    const a = await mount({ id });
    const saved = oneEvent(a, 'rd-draft-saved');
    typeInto(byLabel<HTMLTextAreaElement>(root(a), '意见内容'), '上次写的意见');
    await saved;
    a.remove();
    const { resetStoreProbes } = await import('../../src/services/idb.js');
    resetStoreProbes(); // the store opens again, as on a fresh page
    const el = document.createElement('rd-test-form') as RdTestForm;
    el.setAttribute('submit-url', 'x');
    el.data = data(id);
    document.body.append(el);
    await el.updateComplete;
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '这次先写的');
    return el;
  }

  it('typing while the draft store opens, with a draft from an earlier visit: what is typed stays and is saved; the earlier draft is offered, not dropped', async () => {
    const id = uid('form');
    const key = `rd:rd-test-form:${id}`;
    const el = await typedBeforeTheStoreOpens(id);
    try {
      const notice = await until(() => root(el).querySelector('[part="draft-notice"][role="alert"]'), 5000, 'the earlier draft offered');
      expect(notice.textContent).to.contain('本设备上还有一份之前保存的内容');
      expect(byLabel<HTMLTextAreaElement>(root(el), '意见内容').value).to.equal('这次先写的');
      await until(async () => await draftOf(key) === '这次先写的', 5000, 'what was typed saved');
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
    // The page closed without a choice: both come back on the next visit, the offer too.
    const again = await mount({ id });
    const offer = await until(() => root(again).querySelector('[part="draft-notice"][role="alert"]'), 5000, 'the earlier draft offered again');
    expect(offer.textContent).to.contain('本设备上还有一份之前保存的内容');
    expect(byLabel<HTMLTextAreaElement>(root(again), '意见内容').value).to.equal('这次先写的');
    button(root(again), '改用那份内容').click();
    await again.updateComplete;
    expect(byLabel<HTMLTextAreaElement>(root(again), '意见内容').value).to.equal('上次写的意见');
    expect(root(again).querySelector('[part="draft-notice"][role="alert"]')).to.equal(null);
    await until(async () => await draftOf(key) === '上次写的意见', 5000, 'the earlier draft is the draft again');
    const { DraftStore } = await import('../../src/services/drafts.js');
    const store = new DraftStore(key);
    await until(async () => (await store.loadEarlier()) === undefined, 5000, 'and no longer kept aside');
    store.dispose();
  });

  it('typing while the draft store opens, then other data at once: what was typed is that data’s draft, its earlier draft kept aside (offered when it comes back)', async () => {
    const id = uid('form');
    const key = `rd:rd-test-form:${id}`;
    const el = await typedBeforeTheStoreOpens(id);
    el.data = data(uid('form')); // the page moves on before the store has answered
    try {
      await until(async () => await draftOf(key) === '这次先写的', 5000, 'what was typed saved as that data\'s draft');
      const { DraftStore } = await import('../../src/services/drafts.js');
      const store = new DraftStore<{ comment: string }>(key);
      expect((await until(() => store.loadEarlier(), 5000, 'the earlier draft kept aside')).value.comment).to.equal('上次写的意见');
      store.dispose();
    } finally {
      el.remove();
    }
    const back = await mount({ id });
    await until(() => root(back).querySelector('[part="draft-notice"][role="alert"]'), 5000, 'offered when that data comes back');
    expect(byLabel<HTMLTextAreaElement>(root(back), '意见内容').value).to.equal('这次先写的');
  });

  it('two instances of the same data on one page keep their own drafts (`#id`), no false two-tab notice', async () => {
    const id = uid('form');
    const wrap = await fixture(html`<div>
      <rd-test-form id="fa" submit-url="x" .data=${data(id)}></rd-test-form>
      <rd-test-form id="fb" submit-url="x" .data=${data(id)}></rd-test-form></div>`);
    const [a, b] = [...wrap.querySelectorAll('rd-test-form')] as RdTestForm[];
    await until(() => root(a).querySelector('form') && root(b).querySelector('form'));
    typeInto(byLabel<HTMLTextAreaElement>(root(a), '意见内容'), '甲的意见');
    await until(async () => (await draftOf(`rd:rd-test-form:${id}#fa`)) === '甲的意见');
    typeInto(byLabel<HTMLTextAreaElement>(root(b), '意见内容'), '乙的意见');
    await until(async () => (await draftOf(`rd:rd-test-form:${id}#fb`)) === '乙的意见');
    expect(await draftOf(`rd:rd-test-form:${id}#fa`)).to.equal('甲的意见');
    await new Promise((r) => setTimeout(r, 300));
    expect(root(a).textContent).to.not.contain('另一个标签页');
    expect(root(b).textContent).to.not.contain('另一个标签页');
  });

  it('the same data set again (a framework re-render) keeps what was typed after the last save', async () => {
    const id = uid('form');
    const el = await mount({ id });
    const box = () => byLabel<HTMLTextAreaElement>(root(el), '意见内容');
    typeInto(box(), '第一句');
    await until(async () => (await draftOf(`rd:rd-test-form:${id}`)) === '第一句');
    typeInto(box(), '第一句，第二句');
    el.data = structuredClone(data(id));
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    expect(box().value).to.equal('第一句，第二句');
    expect(root(el).querySelector('[part="draft-notice"]')).to.equal(null);
    await until(async () => (await draftOf(`rd:rd-test-form:${id}`)) === '第一句，第二句');
  });

  it('moved in the page: no second download and nothing reset; a failed load is tried again', async () => {
    const run = uid('run');
    const json = encodeURIComponent(JSON.stringify({ id: uid('form'), title: '移动测试' }));
    const el = await fixture<RdTestForm>(html`<rd-test-form submit-url="x" src=${`${chaosUrl('data', run)}?json=${json}`}></rd-test-form>`);
    await until(() => root(el).querySelector('form'));
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '移动前写的');
    const other = document.createElement('section');
    document.body.append(other);
    other.append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 200));
    expect((await chaosLog(run)).length).to.equal(1);
    expect(byLabel<HTMLTextAreaElement>(root(el), '意见内容').value).to.equal('移动前写的');
    other.remove();

    const failed = await fixture<RdTestForm>(html`<rd-test-form src=${`${env().refused}/y.json`}></rd-test-form>`);
    await until(() => root(failed).querySelector('[role="alert"]'));
    failed.src = `${chaosUrl('data', uid('run'))}?json=${json}`;
    await until(() => root(failed).querySelector('form'), 5000, 'loaded after the source was fixed');
  });

  it('moved in the page: it keeps saving drafts', async () => {
    const id = uid('form');
    const el = await mount({ id });
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '移动前');
    await until(async () => (await draftOf(`rd:rd-test-form:${id}`)) === '移动前');
    const other = document.createElement('section');
    document.body.append(other);
    other.append(el);
    await el.updateComplete;
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '移动后');
    await until(async () => (await draftOf(`rd:rd-test-form:${id}`)) === '移动后');
    other.remove();
  });

  it('another data id: the form is emptied (drafts on or off), the first draft stays under its own key', async () => {
    for (const drafts of ['on', 'off']) {
      const [id1, id2] = [uid('form'), uid('form')];
      const el = await mount({ id: id1, drafts });
      typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '写给第一份');
      el.data = data(id2);
      await until(() => byLabel<HTMLTextAreaElement>(root(el), '意见内容').value === '', 3000, `${drafts}: emptied`);
      if (drafts === 'on') await until(async () => (await draftOf(`rd:rd-test-form:${id1}`)) === '写给第一份');
    }
  });

  it('kiosk switched on while the page is open: nothing more is written', async () => {
    const id = uid('form');
    const el = await mount({ id });
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '开启前');
    await until(async () => (await draftOf(`rd:rd-test-form:${id}`)) === '开启前');
    el.kiosk = true;
    await el.updateComplete;
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '公共设备上的内容');
    await new Promise((r) => setTimeout(r, 900));
    expect(await draftOf(`rd:rd-test-form:${id}`)).to.equal('开启前');
  });

  it('a draft write the device refuses (quota): the form says drafts are off', async () => {
    const id = uid('form');
    const el = await mount({ id });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function refuse() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
    try {
      typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '写不进去');
      await until(() => root(el).querySelector('[part="draft-notice"]')?.textContent?.includes('此设备无法保存草稿'), 4000, 'drafts-off notice');
      await expect(el).to.be.accessible();
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });

  it('drafts="off" writes nothing', async () => {
    const id = uid('form');
    const el = await mount({ id, drafts: 'off' });
    typeInto(byLabel<HTMLTextAreaElement>(root(el), '意见内容'), '不保存');
    await new Promise((r) => setTimeout(r, 900));
    expect(await readDraft(`rd:rd-test-form:${id}`)).to.equal(undefined);
  });

  it('a successful submit removes the draft', async () => {
    const id = uid('form');
    const el = await mount({ id });
    await fillValid(el);
    await oneEvent(el, 'rd-draft-saved');
    await submit(el);
    await oneEvent(el, 'rd-submitted');
    await until(async () => (await readDraft(`rd:rd-test-form:${id}`)) === undefined);
  });

  /** Two instances of one form (two tabs): A saves, then B types; B is told, A's text is what is stored. */
  async function olderTabIsTold(id: string) {
    const a = await mount({ id });
    const b = await mount({ id });
    typeInto(byLabel<HTMLTextAreaElement>(root(a), '意见内容'), 'A 的内容');
    await oneEvent(a, 'rd-draft-saved');
    typeInto(byLabel<HTMLTextAreaElement>(root(b), '意见内容'), 'B 的内容');
    await until(() => root(b).querySelector('[part="draft-notice"]')?.textContent?.includes('另一个标签页'));
    expect(((await readDraft(`rd:rd-test-form:${id}`)) as { value: { comment: string } }).value.comment).to.equal('A 的内容');
    return b;
  }

  it('two tabs: the older one is told instead of silently overwriting', async () => {
    const id = uid('form');
    const b = await olderTabIsTold(id);
    button(root(b), '保留本页内容').click();
    await until(async () => ((await readDraft(`rd:rd-test-form:${id}`)) as { value: { comment: string } }).value.comment === 'B 的内容');
  });

  it('two tabs in a browser without BroadcastChannel: the conflict is still caught when saving', async () => {
    // Tabs tell each other of saves over BroadcastChannel; where there is none (older WebKit,
    // some in-app browsers) the revision check at each save still keeps the older tab from
    // overwriting (README "Browser baseline").
    const own = Object.getOwnPropertyDescriptor(window, 'BroadcastChannel');
    delete (window as { BroadcastChannel?: unknown }).BroadcastChannel;
    try {
      expect(typeof (window as { BroadcastChannel?: unknown }).BroadcastChannel).to.equal('undefined');
      await olderTabIsTold(uid('form'));
    } finally {
      if (own) Object.defineProperty(window, 'BroadcastChannel', own);
    }
  });
});

describe('platform: config, locale, large text', () => {
  it('takes endpoint and lang from the nearest rd-provider; own attributes win', async () => {
    const run = uid('run');
    const wrap = await fixture(html`<rd-provider lang="en" endpoint=${`${env().chaos}/s/ok/${run}`} large>
      <rd-test-form .data=${data()}></rd-test-form></rd-provider>`);
    const el = wrap.querySelector('rd-test-form')!;
    await until(() => root(el).querySelector('form'));
    expect(root(el).querySelector('label')!.textContent).to.contain('Your comment');
    expect(el.hasAttribute('data-rd-large')).to.equal(true);
    expect(getComputedStyle(el).fontSize).to.equal('20px');
    typeInto(byLabel<HTMLTextAreaElement>(root(el), 'Your comment'), 'Parking');
    byLabel(root(el), 'personal information notice').click();
    await el.updateComplete;
    await submit(el);
    await oneEvent(el, 'rd-submitted');
    const [req] = await chaosLog(run);
    expect(req.path).to.equal(`/s/ok/${run}/deputy-messages`);
    expect(JSON.parse(req.body).locale).to.equal('en');
  });

  it('nested providers: the inner one overrides only what it sets; later changes of the outer one reach the widget', async () => {
    const wrap = await fixture(html`<rd-provider endpoint="/outer" timeout="7000" .headers=${{ 'X-Site': 'qh', 'X-Both': 'outer' }}>
      <rd-provider large .headers=${{ 'X-Both': 'inner' }}><rd-test-form .data=${data()}></rd-test-form></rd-provider></rd-provider>`);
    const el = wrap.querySelector('rd-test-form') as RdTestForm;
    await until(() => root(el).querySelector('form'));
    expect(el.config).to.deep.include({ endpoint: '/outer', timeout: 7000, large: true });
    expect(el.config.headers).to.deep.equal({ 'X-Site': 'qh', 'X-Both': 'inner' });
    (wrap as HTMLElement).setAttribute('endpoint', '/moved');
    await until(() => el.config.endpoint === '/moved', 3000, 'outer change reaches the widget');
  });

  it('lang changed inside the integrator\'s own shadow root is followed', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<section lang="zh-CN"></section>';
    const el = document.createElement('rd-test-form') as RdTestForm;
    el.data = data();
    el.setAttribute('submit-url', 'x');
    shadow.querySelector('section')!.append(el);
    await until(() => root(el).querySelector('form'));
    expect(root(el).textContent).to.contain('意见内容');
    shadow.querySelector('section')!.setAttribute('lang', 'en');
    await until(() => root(el).textContent!.includes('Your comment'), 3000, 'English after the lang change');
  });

  it('font size does not follow a shrunken host root font-size', async () => {
    document.documentElement.style.fontSize = '10px';
    try {
      const el = await mount();
      expect(getComputedStyle(el).fontSize).to.equal('16px');
    } finally {
      document.documentElement.style.fontSize = '';
    }
  });

  it('messages overrides replace single strings; lang change re-renders', async () => {
    const el = await mount();
    el.messages = { 'test.comment': '您的意见' };
    await el.updateComplete;
    expect(byLabel(root(el), '您的意见')).to.exist;
    el.setAttribute('lang', 'en');
    await until(() => root(el).querySelector('h2 + *') && root(el).textContent!.includes('personal information notice'));
  });

  it('English messages load on demand: the first render in English has no Chinese, failure falls back to Chinese', async () => {
    const { RdElement } = await import('../../src/components/shared/rd-element.js');
    const { html: litHtml } = await import('lit');
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const rendered: string[] = [];
    class RdLazyLocale extends RdElement {
      static override catalogues = [{ 'zh-CN': { 'x.hello': '你好' }, en: async () => { await gate; return { 'x.hello': 'Hello' }; } }];
      protected override render() { const s = `${this.t('x.hello')} / ${this.t('common.submit')}`; rendered.push(s); return litHtml`<p>${s}</p>`; }
    }
    RdElement.define('rd-lazy-locale', RdLazyLocale);
    const el = document.createElement('rd-lazy-locale');
    el.setAttribute('lang', 'en');
    document.body.append(el);
    await new Promise((r) => setTimeout(r, 50));
    expect(rendered, 'nothing rendered while English loads').to.deep.equal([]);
    release();
    await (el as InstanceType<typeof RdLazyLocale>).updateComplete;
    expect(rendered).to.deep.equal(['Hello / Submit']);
    el.remove();

    class RdBrokenLocale extends RdElement {
      static override catalogues = [{ 'zh-CN': { 'x.hello': '你好' }, en: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) }];
      protected override render() { return litHtml`<p>${this.t('x.hello')}</p>`; }
    }
    RdElement.define('rd-broken-locale', RdBrokenLocale);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const broken = await fixture<InstanceType<typeof RdBrokenLocale>>(html`<rd-broken-locale lang="en"></rd-broken-locale>`);
      await broken.updateComplete;
      expect(broken.shadowRoot!.textContent!.trim()).to.equal('你好');
    } finally {
      console.warn = warn;
    }
  });

  it('no endpoint configured: a clear message instead of a throw', async () => {
    const el = await fixture<RdTestForm>(html`<rd-test-form .data=${data()}></rd-test-form>`);
    await until(() => root(el).querySelector('form'));
    await fillValid(el);
    await submit(el);
    await el.updateComplete;
    expect(root(el).querySelector('[part="error-summary"]')!.textContent).to.contain('尚未配置提交地址');
  });

  it('registering twice does not throw', async () => {
    const { RdTestForm } = await import('../helpers/rd-test-form.js');
    expect(() => RdTestForm.define('rd-test-form')).to.not.throw();
    expect(() => RdTestForm.define('rd-test-form', class extends HTMLElement {})).to.not.throw();
  });
});

describe('platform: error boundary', () => {
  it('a widget that throws while rendering shows a notice; its neighbour still works', async () => {
    const { RdTestForm } = await import('../helpers/rd-test-form.js');
    class RdBroken extends RdTestForm {
      protected override render(): never { throw new Error('boom'); }
    }
    RdTestForm.define('rd-broken-form', RdBroken);
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    const origError = console.error;
    console.error = () => {};
    try {
      const wrap = await fixture(html`<div><rd-broken-form .data=${data()}></rd-broken-form><rd-test-form submit-url="x" .data=${data()}></rd-test-form></div>`);
      const broken = wrap.querySelector('rd-broken-form')!;
      const ok = wrap.querySelector('rd-test-form')!;
      await until(() => broken.shadowRoot!.querySelector('[role="alert"]'));
      expect(broken.shadowRoot!.textContent).to.contain('此组件出现错误');
      await until(() => ok.shadowRoot!.querySelector('form'));
      expect(errors).to.deep.equal([]);
    } finally {
      console.error = origError;
      window.removeEventListener('error', onError);
    }
  });
});

describe('platform: kiosk', () => {
  it('clears the form after `kiosk-timeout` seconds without input, keeps it while the citizen types', async () => {
    const el = await fixture<RdTestForm>(html`<rd-test-form kiosk kiosk-timeout="0.6" submit-url="x" .data=${data()}></rd-test-form>`);
    await until(() => root(el).querySelector('form'));
    expect(el.hasAttribute('data-rd-large')).to.equal(true);
    const area = () => byLabel<HTMLTextAreaElement>(root(el), '意见内容');
    typeInto(area(), '第一句');
    await new Promise((r) => setTimeout(r, 400));
    typeInto(area(), '第一句，第二句'); // activity re-arms the timer
    await new Promise((r) => setTimeout(r, 400));
    expect(area().value).to.equal('第一句，第二句');
    await until(() => area().value === '', 3000, 'kiosk reset');
  });
});
