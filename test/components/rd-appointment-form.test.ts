import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rd-appointment-form/rd-appointment-form.js';
import type { RdAppointmentForm } from '../../src/components/rd-appointment-form/rd-appointment-form.js';
import { sessionsBetween } from '../../src/services/schedule.js';
import { appointmentPayload } from '../../src/services/schemas/appointment.js';
import { button, byLabel, chaosLog, chaosUrl, env, readDraft, typeInto, uid, until } from '../helpers/env.js';

const sessions = sessionsBetween(
  { rules: [{ id: 'm', kind: 'monthly', days: [10], times: [{ start: '09:00', end: '11:30' }], onHoliday: 'next-workday' }] },
  '2030-01-01',
  '2030-03-31',
);

async function mount(run: string, extra: Partial<RdAppointmentForm> = {}) {
  const el = await fixture<RdAppointmentForm>(html`<rd-appointment-form
    station-id=${`st-${run}`}
    place-name="东关街道人大代表联络站"
    submit-url=${chaosUrl('ok', run)}
    .sessions=${sessions}
    drafts="off"
  ></rd-appointment-form>`);
  Object.assign(el, extra);
  await el.updateComplete;
  return el;
}

function radio(root: ShadowRoot, text: string | RegExp): HTMLInputElement {
  const label = [...root.querySelectorAll('label.rd-choice')].find((l) => (typeof text === 'string' ? l.textContent?.includes(text) : text.test(l.textContent ?? '')));
  if (!label) throw new Error(`no choice ${text}`);
  return label.querySelector('input')!;
}

describe('<rd-appointment-form>', () => {
  it('renders the sessions, the fields, and is accessible', async () => {
    const el = await mount(uid());
    const root = el.shadowRoot!;
    expect(root.querySelector('h2')?.textContent).to.equal('预约接访：东关街道人大代表联络站');
    const labels = [...root.querySelectorAll('label.rd-choice')].map((l) => l.textContent?.replace(/\s+/g, ' ').trim());
    // 2030 is beyond the holiday calendar: sessions are shown as tentative, on their nominal dates.
    expect(labels.slice(0, 3)).to.deep.equal([
      '2030年1月10日（周四）9:00–11:30 （节假日安排未公布，以站点通知为准）',
      '2030年2月10日（周日）9:00–11:30 （节假日安排未公布，以站点通知为准）',
      '2030年3月10日（周日）9:00–11:30 （节假日安排未公布，以站点通知为准）',
    ]);
    expect(labels).to.include('另约时间（由工作人员联系确认）');
    await expect(el).to.be.accessible();
  });

  it('shows errors in a focused summary and at the fields', async () => {
    const el = await mount(uid());
    const root = el.shadowRoot!;
    button(root, '提交预约').click();
    await until(() => root.querySelector('[data-rd-error-summary]'));
    await el.updateComplete;
    const items = [...root.querySelectorAll('[data-rd-error-summary] li')].map((li) => li.textContent?.trim());
    expect(items).to.deep.equal(['请选择接待时间', '请简要说明要反映的事项', '请填写此项', '请输入有效的手机或固定电话号码', '请阅读并同意个人信息处理说明']);
    expect(root.activeElement?.hasAttribute('data-rd-error-summary')).to.equal(true);
    expect(byLabel(root, '联系电话').getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();
    // The summary link focuses the field.
    (root.querySelector('[data-rd-error-summary] a[href="#f-topic"]') as HTMLAnchorElement).click();
    expect(root.activeElement?.id).to.equal('f-topic');
  });

  it('asks for a date when "another time" is chosen, and refuses past dates', async () => {
    const el = await mount(uid());
    const root = el.shadowRoot!;
    radio(root, '另约时间').click();
    await el.updateComplete;
    typeInto(byLabel(root, '希望的日期'), '2020-01-01');
    button(root, '提交预约').click();
    // The first input fetched the form's sending half; the press waits for it, then checks.
    await until(() => root.querySelector('#f-date-error'), 8000, 'the date error');
    expect(root.querySelector('#f-date-error')!.textContent).to.contain('请选择今天或以后的日期');
  });

  it('posts the exact appointment payload and shows the receipt', async () => {
    const run = uid();
    const el = await mount(run);
    const root = el.shadowRoot!;
    let submitted: CustomEvent['detail'] | undefined;
    el.addEventListener('rd-submitted', (e) => (submitted = e.detail));
    let submitting = false;
    el.addEventListener('rd-submit', () => (submitting = true));
    radio(root, '2030年2月10日').click();
    typeInto(byLabel(root, '要反映的事项'), '村道路灯损坏，影响夜间出行');
    typeInto(byLabel(root, '来访人数'), '3');
    typeInto(byLabel(root, '姓名'), '李明');
    typeInto(byLabel(root, '联系电话'), '13800000000');
    byLabel(root, '我已阅读并同意').click();
    await el.updateComplete;
    button(root, '提交预约').click();
    await until(() => root.querySelector('[data-rd-receipt]'));
    expect(submitting).to.equal(true);
    const [req] = await chaosLog(run);
    expect(req.method).to.equal('POST');
    expect(req.headers['content-type']).to.contain('application/json');
    const body = JSON.parse(req.body);
    expect(req.headers['idempotency-key']).to.equal(body.id);
    expect(appointmentPayload.safeParse(body).success).to.equal(true);
    expect(body.type).to.equal('appointment');
    expect(body.data).to.deep.equal({
      stationId: `st-${run}`,
      slot: { kind: 'session', start: '2030-02-10T09:00:00+08:00', end: '2030-02-10T11:30:00+08:00', ruleId: 'm' },
      topic: '村道路灯损坏，影响夜间出行',
      people: 3,
      contact: { name: '李明', phone: '13800000000' },
      consent: true,
      channel: 'web',
    });
    const receipt = root.querySelector('[data-rd-receipt]')!;
    expect(submitted?.receipt).to.be.a('string').and.not.equal('');
    expect(receipt.querySelector('.rd-receipt__number')?.textContent).to.equal(submitted?.receipt);
    expect(receipt.textContent).to.contain('预约已提交');
    expect(receipt.textContent).to.contain('2030年2月10日（周日）9:00–11:30');
    expect(root.activeElement).to.equal(receipt);
    await expect(el).to.be.accessible();
  });

  it('is accessible while submitting, and records the kiosk channel', async () => {
    const run = uid();
    const el = await fixture<RdAppointmentForm>(html`<rd-appointment-form deputy-id="dep-007" kiosk
      submit-url=${chaosUrl('slow', run) + '?ms=600'} .sessions=${sessions}></rd-appointment-form>`);
    const root = el.shadowRoot!;
    radio(root, '另约时间').click();
    await el.updateComplete;
    typeInto(byLabel(root, '希望的日期'), '2030-05-06');
    radio(root, '下午').click();
    typeInto(byLabel(root, '要反映的事项'), '咨询养老服务');
    typeInto(byLabel(root, '姓名'), '王芳');
    typeInto(byLabel(root, '联系电话'), '+34 600 000 000');
    byLabel(root, '我已阅读并同意').click();
    await el.updateComplete;
    button(root, '提交预约').click();
    await until(() => root.querySelector('button[part="submit-button"][disabled]'));
    await expect(el).to.be.accessible();
    await until(() => root.querySelector('[data-rd-receipt]'));
    const body = JSON.parse((await chaosLog(run))[0].body);
    expect(body.data).to.deep.include({ deputyId: 'dep-007', channel: 'kiosk', slot: { kind: 'requested', date: '2030-05-06', period: 'afternoon' } });
    expect(body.data.contact.phone).to.equal('+34 600 000 000');
  });

  it('keeps a draft without the phone number, and restores it', async () => {
    const id = `st-${uid()}`;
    const el = await fixture<RdAppointmentForm>(html`<rd-appointment-form station-id=${id} .sessions=${sessions}></rd-appointment-form>`);
    const root = el.shadowRoot!;
    typeInto(byLabel(root, '要反映的事项'), '路灯不亮');
    typeInto(byLabel(root, '联系电话'), '13800000000');
    const rec = (await until(() => readDraft(`rd:rd-appointment-form:${id}`))) as { value: Record<string, unknown> };
    await until(async () => ((await readDraft(`rd:rd-appointment-form:${id}`)) as { value: { topic?: string } }).value.topic === '路灯不亮');
    const saved = ((await readDraft(`rd:rd-appointment-form:${id}`)) as typeof rec).value;
    expect(saved.topic).to.equal('路灯不亮');
    expect(saved).to.not.have.property('phone');
    el.remove();
    const again = await fixture<RdAppointmentForm>(html`<rd-appointment-form station-id=${id} .sessions=${sessions}></rd-appointment-form>`);
    await until(() => (again.shadowRoot!.querySelector('#f-topic') as HTMLTextAreaElement)?.value === '路灯不亮');
    expect((again.shadowRoot!.querySelector('#f-phone') as HTMLInputElement).value).to.equal('');
    expect(again.shadowRoot!.textContent).to.contain('已恢复您上次未提交的内容');
  });

  it('the reference receiver accepts the payload and answers with a YY receipt', async function () {
    if (!env().receiver) this.skip();
    const el = await fixture<RdAppointmentForm>(html`<rd-appointment-form station-id="st-center" deputy-id="dep-001" endpoint=${`${env().receiver}/api`} drafts="off" .sessions=${sessions}></rd-appointment-form>`);
    const root = el.shadowRoot!;
    radio(root, '2030年1月10日').click();
    typeInto(byLabel(root, '要反映的事项'), '咨询民生实事项目');
    typeInto(byLabel(root, '姓名'), '陈静');
    typeInto(byLabel(root, '联系电话'), '0123-6000001');
    byLabel(root, '我已阅读并同意').click();
    await el.updateComplete;
    button(root, '提交预约').click();
    const receipt = await until(() => root.querySelector('.rd-receipt__number'), 10000);
    expect(receipt.textContent).to.match(/^YY-\d{4}-\d+$/);
  });

  it('says so when neither station nor deputy is given', async () => {
    const el = await fixture<RdAppointmentForm>(html`<rd-appointment-form></rd-appointment-form>`);
    expect(el.shadowRoot!.querySelector('[role="alert"]')?.textContent).to.contain('未指定站点或代表');
  });

  it('English', async () => {
    const el = await fixture<RdAppointmentForm>(html`<rd-appointment-form lang="en" station-id="st-x" .sessions=${sessions}></rd-appointment-form>`);
    expect(el.shadowRoot!.querySelector('h2')?.textContent).to.equal('Book a meeting');
    expect(el.shadowRoot!.textContent).to.contain('Thu 10 Jan 2030, 9:00–11:30');
  });

  it('typed before its sending half arrives, with a draft waiting: what was typed stays, the draft fills in the rest', async () => {
    const station = `st-${uid()}`;
    const open = () => fixture<RdAppointmentForm>(html`<rd-appointment-form station-id=${station} .sessions=${sessions} drafts="on"></rd-appointment-form>`);
    const first = await open();
    typeInto(byLabel(first.shadowRoot!, '要反映的事项'), '村道路灯损坏');
    typeInto(byLabel(first.shadowRoot!, '来访人数'), '4');
    await until(async () => ((await readDraft(`rd:rd-appointment-form:${station}`)) as { value?: { people?: string } } | undefined)?.value?.people === '4', 4000, 'draft saved');
    first.remove();
    // Again, as after a reload: the citizen types at once, before the waiting draft is back.
    const again = await open();
    typeInto(byLabel(again.shadowRoot!, '要反映的事项'), '桥面破损');
    await until(() => byLabel<HTMLInputElement>(again.shadowRoot!, '来访人数').value === '4', 4000, 'the draft restored');
    expect(byLabel<HTMLTextAreaElement>(again.shadowRoot!, '要反映的事项').value, 'typed before it came back').to.equal('桥面破损');
    await until(async () => ((await readDraft(`rd:rd-appointment-form:${station}`)) as { value?: { topic?: string } } | undefined)?.value?.topic === '桥面破损', 4000, 'and saved');
  });
});
