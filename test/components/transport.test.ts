// Any backend, not only ours (docs/integrating.md): a transport that talks to a vendor CMS's
// form-encoded API (demo/examples/legacy-cms.mjs, mounted on the test server at /legacy-cms) keeps
// every guarantee — one key over retries and outbox flushes, field errors at the fields, nothing
// lost when it throws — and a loader feeds the widgets' data with the same validation.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/components/rd-legislation-feedback/rd-legislation-feedback.js';
import '../../src/components/rd-satisfaction-survey/rd-satisfaction-survey.js';
import '../../src/components/rd-provider/rd-provider.js';
import type { RdLegislationFeedback } from '../../src/components/rd-legislation-feedback/rd-legislation-feedback.js';
import type { RdSatisfactionSurvey } from '../../src/components/rd-satisfaction-survey/rd-satisfaction-survey.js';
import type { Draft } from '../../src/services/schemas/legislation.js';
import type { Survey } from '../../src/services/schemas/survey.js';
import { setLoader, setTransport, type Transport, type TransportRequest } from '../../src/services/transport.js';
import { button, byLabel, readOutbox, typeInto, uid, until } from '../helpers/env.js';
import { lfFormReady } from '../helpers/drafts.js';
import { kindOf } from '../../src/controllers/data-controller.js';
// @ts-expect-error plain JS example shipped with the demo
import { legacyTransport } from '../../demo/examples/legacy-transport.js';

interface LegacyLog { contentType: string; sid: string | null; fields: Record<string, string> }
const legacyLog = async (): Promise<LegacyLog[]> => (await fetch('/legacy-cms/log')).json();
const triesOf = async (key: string) => (await legacyLog()).filter((x) => x.fields.requestId === key);

let demo: Draft;
before(async () => {
  demo = await (await fetch('/demo/content/drafts/2026-yq-01.json')).json();
});
afterEach(() => {
  setTransport(null);
  setLoader(null);
});

const DAY = 86_400_000;
const draft = (): Draft => ({
  ...structuredClone(demo),
  id: uid('yq'),
  window: { opens: new Date(Date.now() - DAY).toISOString(), closes: new Date(Date.now() + 10 * DAY).toISOString() },
});
const root = (el: HTMLElement) => el.shadowRoot!;

async function mountDraft(d: Draft, transport?: Transport, id?: string) {
  const el = await fixture<RdLegislationFeedback>(html`<rd-legislation-feedback id=${id ?? uid('lf')} drafts="off" .data=${d} .transport=${transport}></rd-legislation-feedback>`);
  await until(() => root(el).querySelector('.lf-text'), 8000, 'text');
  await lfFormReady(el);
  return el;
}

/** A general comment, with a phone for a reply, consent given. */
async function fillComment(el: RdLegislationFeedback, text: string, phone = '13800000000') {
  typeInto(byLabel(root(el), '对草案的总体意见'), text);
  const identity = byLabel<HTMLSelectElement>(root(el), '身份');
  identity.value = 'citizen';
  identity.dispatchEvent(new Event('change'));
  await el.updateComplete;
  byLabel(root(el), '希望得到答复').click();
  await el.updateComplete;
  typeInto(byLabel(root(el), '手机或固定电话'), phone);
  await el.updateComplete;
  byLabel(root(el), '个人信息处理说明').click();
  await el.updateComplete;
}
const submit = async (el: HTMLElement & { updateComplete: Promise<unknown> }) => {
  root(el).querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
  await el.updateComplete;
};

describe('transport: a legacy form-encoded CMS behind the widgets', () => {
  it('a comment is delivered over two 503s with one key; the CMS number is the receipt', async () => {
    const el = await mountDraft(draft(), legacyTransport('/legacy-cms', { query: '?fail=2' }));
    await fillComment(el, '建议明确犬只登记的办理时限。');
    const submitted = oneEvent(el, 'rd-submitted');
    await submit(el);
    const { detail } = await submitted;
    const tries = await triesOf(detail.payload.id);
    expect(tries).to.have.length(3);
    expect(new Set(tries.map((x) => x.fields.requestId)).size, 'one key on every try').to.equal(1);
    expect(tries[2].contentType).to.match(/^application\/x-www-form-urlencoded/);
    expect(tries[2].sid, 'session cookie sent').to.be.a('string');
    expect(tries[2].fields).to.include({ lmbh: 'zqyj', content: '建议明确犬只登记的办理时限。', lxdh: '13800000000' });
    expect(JSON.parse(tries[2].fields.payload).id).to.equal(detail.payload.id);
    expect(detail.receipt).to.match(/^HD\d{10}$/);
    await until(() => root(el).querySelector('[data-rd-receipt]'), 4000, 'receipt');
    expect(root(el).querySelector('[data-rd-receipt]')!.textContent).to.contain(detail.receipt);
  });

  it('a survey response is delivered over two 503s with one key (transport from the provider)', async () => {
    const id = uid('sv');
    const survey: Survey = {
      id, title: '民生实事票决', kind: 'vote', window: { opens: '2020-01-01T00:00:00+08:00', closes: '2099-12-31T23:59:59+08:00' },
      roles: ['public'], access: 'open', anonymity: 'anonymous',
      subjects: [{ id: 'm1', name: '项目一' }, { id: 'm2', name: '项目二' }],
      pages: [{ id: 'p', title: '票决', questions: [{ id: 'vote', type: 'ballot', title: '选出1个项目', required: true, max: 1, min: 1 }] }],
    };
    const wrap = await fixture(html`<rd-provider .transport=${legacyTransport('/legacy-cms', { query: '?fail=2' })}>
      <rd-satisfaction-survey drafts="off" .data=${survey}></rd-satisfaction-survey></rd-provider>`);
    const el = wrap.querySelector('rd-satisfaction-survey') as RdSatisfactionSurvey;
    await until(() => root(el).querySelector('input[type=checkbox]'), 4000, 'ballot');
    root(el).querySelector<HTMLInputElement>('input[type=checkbox]')!.click();
    await el.updateComplete;
    button(root(el), '核对答案').click();
    // The review comes once the survey's form half (a chunk fetched on first use) is there.
    await until(() => [...root(el).querySelectorAll('button')].some((x) => x.textContent?.includes('确认提交')), 4000, 'the review');
    const submitted = oneEvent(el, 'rd-submitted');
    button(root(el), '确认提交').click();
    const { detail } = await submitted;
    const tries = await triesOf(detail.payload.id);
    expect(tries).to.have.length(3);
    expect(tries[2].fields.lmbh).to.equal('mydcp');
    expect(JSON.parse(tries[2].fields.payload).data.answers).to.deep.equal({ vote: { selected: ['m1'] } });
    expect(detail.receipt).to.match(/^HD/);
  });

  it("the CMS's field error (code 1001, field lxdh) is shown at the phone field and in the summary", async () => {
    const el = await mountDraft(draft(), legacyTransport('/legacy-cms'));
    // Our schema takes a landline; this CMS wants a mobile number.
    await fillComment(el, '建议增加夜间遛狗时段的规定。', '010-62345678');
    await submit(el);
    const summary = await until(() => root(el).querySelector('[data-rd-error-summary]'), 6000, 'summary');
    expect(summary.textContent).to.contain('联系电话须为11位手机号码');
    const phone = byLabel<HTMLInputElement>(root(el), '手机或固定电话');
    expect(phone.getAttribute('aria-invalid')).to.equal('true');
    expect(root(el).getElementById(`${phone.id}-error`)!.textContent).to.contain('联系电话须为11位手机号码');
    expect(phone.value, 'nothing the citizen typed is lost').to.equal('010-62345678');
    expect(root(el).activeElement).to.equal(summary);
  });

  it('a transport that throws queues the submission: the text is kept in the outbox, marked for a transport', async () => {
    const calls: TransportRequest[] = [];
    const offline: Transport = async (req) => { calls.push(req); throw new TypeError('Failed to fetch'); };
    const el = await mountDraft(draft(), offline);
    el.timeout = 2000;
    await fillComment(el, '离线时写下的意见。');
    const queued = oneEvent(el, 'rd-queued');
    await submit(el);
    const { detail } = await queued;
    expect(calls.length).to.be.greaterThan(1);
    expect(new Set(calls.map((c) => c.idempotencyKey))).to.deep.equal(new Set([detail.idempotencyKey]));
    expect(calls[0]).to.include({ method: 'POST', type: 'legislation-feedback', url: '/legislation-feedback' });
    expect(calls[0].headers['Idempotency-Key']).to.equal(detail.idempotencyKey);
    const entry = (await readOutbox()).find((e) => e.key === detail.idempotencyKey)!;
    expect(entry.viaTransport).to.equal(true);
    expect(JSON.stringify(entry.body)).to.contain('离线时写下的意见。');
    expect(root(el).querySelector('[part="queued-notice"]')!.textContent).to.match(/保存|稍后|自动/);
  });

  it('queued, page "reloaded" (widget gone), nothing sent by fetch without a transport; the page sets its transport → delivered exactly once', async () => {
    const d = draft();
    const id = uid('lf');
    const first = await mountDraft(d, async () => { throw new TypeError('offline'); }, id);
    first.timeout = 1500;
    await fillComment(first, '重新打开页面后才送达的意见。');
    const queued = oneEvent(first, 'rd-queued');
    await submit(first);
    const { detail } = await queued;
    const key = detail.idempotencyKey;
    first.remove();
    // A new instance of the same widget, as after a reload, before the page registers its transport:
    // the entry waits (fetch would post our envelope to a URL the CMS does not have).
    const second = await mountDraft(d, undefined, id);
    second.timeout = 1500;
    await new Promise((r) => setTimeout(r, 600));
    expect((await readOutbox()).some((e) => e.key === key), 'still queued').to.equal(true);
    expect(await triesOf(key)).to.have.length(0);
    setTransport(legacyTransport('/legacy-cms'));
    await until(async () => !(await readOutbox()).some((e) => e.key === key && !e.delivered), 8000, 'sent');
    await until(() => root(second).querySelector('[data-rd-receipt]'), 8000, 'receipt shown');
    await new Promise((r) => setTimeout(r, 500));
    const tries = await triesOf(key);
    expect(tries.filter((x) => x.fields.token), 'delivered once').to.have.length(1);
    expect(tries[0].fields.content).to.equal('重新打开页面后才送达的意见。');
  });

  it('window.rdWidgets = { transport } set by the page before any widget works like setTransport', async () => {
    const seen: string[] = [];
    (window as unknown as { rdWidgets: unknown }).rdWidgets = { transport: async (req: TransportRequest) => { seen.push(req.idempotencyKey); return { status: 201, body: { receipt: 'PG-1' } }; } };
    const el = await mountDraft(draft());
    await fillComment(el, '页面统一设置的发送方式。');
    const submitted = oneEvent(el, 'rd-submitted');
    await submit(el);
    const { detail } = await submitted;
    expect(seen).to.deep.equal([detail.payload.id]);
    expect(detail.receipt).to.equal('PG-1');
  });
});

describe('loader: data from any backend, validated as if fetched', () => {
  it('a widget without endpoint gets its draft from the loader (kind, id, url)', async () => {
    const d = draft();
    const asked: unknown[] = [];
    setLoader(async ({ url, kind, id }) => { asked.push({ url, kind, id }); return structuredClone(d); });
    const el = await fixture<RdLegislationFeedback>(html`<rd-legislation-feedback draft-id=${d.id}></rd-legislation-feedback>`);
    await until(() => root(el).querySelector('.lf-text'), 6000, 'text');
    expect(asked).to.deep.equal([{ url: `/drafts/${d.id}`, kind: 'draft', id: d.id }]);
  });

  it('a loader that throws shows the localized load notice; invalid data the data notice; a 404 says not found', async () => {
    const d = draft();
    const cases: Array<[() => Promise<unknown>, RegExp]> = [
      [async () => { throw new Error('boom'); }, /无法加载|加载失败|网络/],
      [async () => ({ ...structuredClone(d), title: 42 }), /数据|格式/],
      [async () => { throw Object.assign(new Error('gone'), { status: 404 }); }, /不存在|未找到|找不到/],
    ];
    for (const [loader, want] of cases) {
      const el = await fixture<RdLegislationFeedback>(html`<rd-legislation-feedback draft-id=${d.id} .loader=${loader}></rd-legislation-feedback>`);
      const notice = await until(() => root(el).querySelector('[role=alert]'), 6000, 'notice');
      expect(notice.textContent).to.match(want);
      await expect(el).to.be.accessible();
    }
  });
});

describe('loader: what each route loads (kind)', () => {
  const cases: Array<[string, string]> = [
    ['/drafts/2026-yq-01', 'draft'],
    ['/deputies/dep-001', 'deputy'],
    ['/deputies', 'deputies'],
    ['/surveys/2026-myd', 'survey'],
    ['/surveys/2026-myd/results', 'results'],
    ['/stations', 'stations'],
    ['https://rd.example.gov.cn/api/stations?region=x', 'stations'],
    ['/forms/x', 'form'],
  ];
  for (const [route, kind] of cases) it(`${route} → ${kind}`, () => expect(kindOf(route)).to.equal(kind));
});
