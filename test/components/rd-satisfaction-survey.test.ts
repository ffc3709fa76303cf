import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/rd-satisfaction-survey/rd-satisfaction-survey.js';
import type { RdSatisfactionSurvey } from '../../src/components/rd-satisfaction-survey/rd-satisfaction-survey.js';
import type { Survey, SurveyResults } from '../../src/services/schemas/survey.js';
import { surveyResponsePayload } from '../../src/services/schemas/survey-response.js';
import { responseGuard } from '../../src/services/survey-guard.js';
import { missingKeys } from '../../src/services/i18n/index.js';
import { surveyCatalogues } from '../../src/components/rd-satisfaction-survey/rd-satisfaction-survey.component.js';
import { halfCatalogues } from '../../src/components/rd-satisfaction-survey/survey-form-half.js';
import { resultsCatalogues } from '../../src/components/rd-satisfaction-survey/survey-results-view.js';
import { uid, chaosUrl, chaosLog, readDraft, until, typeInto, button, installPrototypeArrays } from '../helpers/env.js';

const open = { opens: '2020-01-01T00:00:00+08:00', closes: '2099-12-31T23:59:59+08:00' };

function matrixSurvey(id: string): Survey {
  return {
    id, title: '建议办理满意度测评', kind: 'evaluation', window: open, roles: ['deputy'], access: 'code', anonymity: 'identified',
    organizer: '测试人大常委会', respondentFields: ['name', 'unit'],
    subjects: [{ id: 's1', name: '关于增设公交线路的建议', description: '承办：交通局' }, { id: 's2', name: '关于整治河道的建议' }],
    pages: [
      { id: 'p1', title: '逐项评价', questions: [{ id: 'handling', type: 'matrix', title: '办理评价', required: true, subjects: ['s1', 's2'], dimensions: [{ id: 'reply', label: '答复质量' }, { id: 'overall', label: '综合评价' }] }] },
      { id: 'p2', title: '意见', questions: [
        { id: 'why', type: 'text', title: '不满意的原因', required: true, multiline: true, maxLength: 200, showIf: { question: 'handling', in: ['dissatisfied'] } },
        { id: 'more', type: 'text', title: '其他意见', multiline: true },
      ] },
    ],
  };
}

function ballotSurvey(id: string): Survey {
  return {
    id, title: '民生实事票决', kind: 'vote', window: open, roles: ['public'], access: 'open', anonymity: 'anonymous',
    subjects: [{ id: 'm1', name: '项目一' }, { id: 'm2', name: '项目二' }, { id: 'm3', name: '项目三' }],
    pages: [{ id: 'p', title: '票决', questions: [{ id: 'vote', type: 'ballot', title: '选出2个项目', required: true, max: 2, min: 1, writeIn: true }] }],
  };
}

const shadow = (el: Element) => el.shadowRoot!;
const text = (el: Element) => shadow(el).textContent!.replace(/\s+/g, ' ');
const radio = (el: Element, name: string, value: string) =>
  shadow(el).querySelector<HTMLInputElement>(`input[type=radio][name="${name}"][value="${value}"]`)!;
const click = async (el: RdSatisfactionSurvey, target: HTMLElement) => { target.click(); await el.updateComplete; };
/** The form half (drafts, validation, review, sending) is a chunk loaded on the first input or on
 *  "下一页"/"开始填写": a press waits for it, then goes on as before. */
const formHalf = (el: RdSatisfactionSurvey) => (el as unknown as { halfPart: { get(): Promise<unknown> } }).halfPart.get();
const submitForm = async (el: RdSatisfactionSurvey, label: string | RegExp) => {
  button(shadow(el), label).click();
  await formHalf(el);
  await el.updateComplete;
  await el.updateComplete;
};

async function mount(data: Survey | SurveyResults, attrs: Record<string, string | boolean> = {}) {
  const node = document.createElement('rd-satisfaction-survey');
  node.data = data;
  for (const [k, v] of Object.entries(attrs)) {
    if (v === true) node.setAttribute(k, '');
    else if (v !== false) node.setAttribute(k, v);
  }
  const wrap = await fixture<HTMLDivElement>(html`<div>${node}</div>`);
  const el = wrap.firstElementChild as RdSatisfactionSurvey;
  await until(() => shadow(el).querySelector('form, .results, [part=already], .rd-notice[role=status], [role=alert]'), 4000, 'first render');
  await el.updateComplete;
  return el;
}

async function fillMatrix(el: RdSatisfactionSurvey, value: string, except?: [string, string]) {
  for (const sub of ['s1', 's2']) for (const dim of ['reply', 'overall']) {
    const v = except && except[0] === `${sub}/${dim}` ? except[1] : value;
    await click(el, radio(el, `handling:${sub}/${dim}`, v));
  }
}

describe('<rd-satisfaction-survey>: start step and pages', () => {
  it('shows title, kind, anonymity notice and the start step; accessible', async () => {
    const el = await mount(matrixSurvey(uid('sv')), { drafts: 'off' });
    expect(text(el)).to.contain('建议办理满意度测评').and.contain('测评').and.contain('实名').and.contain('主办：测试人大常委会');
    expect(!!shadow(el).getElementById('f-code')).to.equal(true);
    expect(!!shadow(el).getElementById('f-name')).to.equal(true);
    expect(!!shadow(el).getElementById('f-unit')).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('code attribute pre-fills the access code (QR link)', async () => {
    const el = await mount(matrixSurvey(uid('sv')), { drafts: 'off', code: 'jy26-b8m2' });
    expect((shadow(el).getElementById('f-code') as HTMLInputElement).value).to.equal('jy26-b8m2');
  });

  it('start errors: summary focused, inline errors, accessible', async () => {
    const el = await mount(matrixSurvey(uid('sv')), { drafts: 'off' });
    await submitForm(el, '开始填写');
    const summary = shadow(el).querySelector('[data-rd-error-summary]')!;
    expect(shadow(el).activeElement === summary, 'summary focused').to.equal(true);
    expect(summary.textContent).to.contain('请输入测评码').and.contain('请填写姓名');
    expect(shadow(el).getElementById('f-code')!.getAttribute('aria-invalid')).to.equal('true');
    typeInto(shadow(el).getElementById('f-code') as HTMLInputElement, 'a b');
    await el.updateComplete;
    await submitForm(el, '开始填写');
    expect(shadow(el).querySelector('[data-rd-error-summary]')!.textContent).to.contain('测评码由字母');
    await expect(el).to.be.accessible();
  });

  it('matrix: proper groups; the required reason appears only with 不满意; progress; accessible', async () => {
    const el = await mount(matrixSurvey(uid('sv')), { drafts: 'off' });
    typeInto(shadow(el).getElementById('f-code') as HTMLInputElement, 'jy26-a3k7');
    typeInto(shadow(el).getElementById('f-name') as HTMLInputElement, '测试代表');
    await submitForm(el, '开始填写');
    expect(String(shadow(el).activeElement?.textContent)).to.contain('逐项评价');
    expect(text(el)).to.contain('第 1 页，共 3 页');
    const groups = shadow(el).querySelectorAll('fieldset.m-group');
    expect(groups).to.have.length(2);
    expect(groups[0].querySelector('legend')!.textContent).to.contain('关于增设公交线路的建议');
    expect(groups[0].querySelectorAll('fieldset.m-row')).to.have.length(2);
    await expect(el).to.be.accessible();
    // Next without answers: matrix incomplete.
    await submitForm(el, '下一页');
    expect(shadow(el).querySelector('[data-rd-error-summary]')!.textContent).to.contain('请回答此题');
    await click(el, radio(el, 'handling:s1/reply', 'satisfied'));
    expect(shadow(el).querySelector('[data-rd-error-summary]')!.textContent, 're-checked on change').to.contain('还有 3 项没有评价');
    expect(shadow(el).querySelectorAll('fieldset.m-row--error')).to.have.length(3);
    await expect(el).to.be.accessible();
    await fillMatrix(el, 'satisfied', ['s2/overall', 'dissatisfied']);
    expect(!!shadow(el).querySelector('[data-rd-error-summary]')).to.equal(false);
    await submitForm(el, '下一页');
    expect(text(el)).to.contain('不满意的原因');
    await submitForm(el, '核对答案');
    expect(shadow(el).querySelector('[data-rd-error-summary]')!.textContent).to.contain('请回答此题');
    // Change the 不满意 back: the reason disappears and the page is fine.
    await submitForm(el, '上一页');
    await click(el, radio(el, 'handling:s2/overall', 'basically-satisfied'));
    await submitForm(el, '下一页');
    expect(text(el)).not.to.contain('不满意的原因');
    expect(text(el)).to.contain('第 2 页，共 3 页');
  });
});

describe('<rd-satisfaction-survey>: review, sending, receipt', () => {
  it('review lists answers with 修改; sends the exact payload; shows and focuses the receipt', async () => {
    const run = uid('run');
    const id = uid('sv');
    const el = await mount(matrixSurvey(id), { drafts: 'off', 'submit-url': chaosUrl('ok', run) });
    typeInto(shadow(el).getElementById('f-code') as HTMLInputElement, ' jy26-a3k7 ');
    typeInto(shadow(el).getElementById('f-name') as HTMLInputElement, '测试代表');
    await submitForm(el, '开始填写');
    await fillMatrix(el, 'satisfied', ['s1/reply', 'dissatisfied']);
    await submitForm(el, '下一页');
    typeInto(shadow(el).getElementById('q-why') as HTMLTextAreaElement, '答复内容空泛');
    await el.updateComplete;
    await submitForm(el, '核对答案');
    expect(text(el)).to.contain('请核对您的回答').and.contain('答复质量 不满意').and.contain('答复内容空泛').and.contain('JY26-A3K7');
    // 修改 goes to the question and focuses it; "核对答案" comes straight back.
    const edit = shadow(el).querySelector<HTMLButtonElement>('button[aria-label="修改：不满意的原因"]')!;
    await click(el, edit);
    await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('q-why');
    await submitForm(el, '核对答案');
    expect(text(el)).to.contain('请核对您的回答');
    await expect(el).to.be.accessible();
    // Consent is required for identified surveys.
    await submitForm(el, '确认提交');
    expect(shadow(el).querySelector('[data-rd-error-summary]')!.textContent).to.contain('同意');
    await click(el, shadow(el).getElementById('f-consent')!);
    let submitted: CustomEvent | undefined;
    el.addEventListener('rd-submitted', (e) => { submitted = e as CustomEvent; });
    await submitForm(el, '确认提交');
    await until(() => submitted, 8000, 'rd-submitted');
    const log = await chaosLog(run);
    expect(log).to.have.length(1);
    const body = JSON.parse(log[0].body);
    expect(log[0].headers['content-type']).to.contain('application/json');
    expect(log[0].headers['idempotency-key']).to.equal(body.id);
    expect(body.type).to.equal('survey-response');
    expect(body.data).to.deep.equal({
      surveyId: id, code: 'JY26-A3K7', role: 'deputy', anonymity: 'identified', respondent: { name: '测试代表' },
      answers: {
        handling: { s1: { reply: 'dissatisfied', overall: 'satisfied' }, s2: { reply: 'satisfied', overall: 'satisfied' } },
        why: '答复内容空泛',
      },
    });
    expect(surveyResponsePayload.safeParse(body).success).to.equal(true);
    expect(submitted!.detail.receipt).to.match(/^FK-2026-/);
    await el.updateComplete;
    const receipt = shadow(el).querySelector('[data-rd-receipt]')!;
    expect(receipt.textContent).to.contain(submitted!.detail.receipt);
    expect(shadow(el).activeElement === receipt, 'receipt focused').to.equal(true);
  });

  it('the window closes while the review page is open: nothing is sent, the closed notice shows', async () => {
    const run = uid('run');
    const s = { ...ballotSurvey(uid('sv')), window: { opens: '2020-01-01T00:00:00+08:00', closes: new Date(Date.now() + 1500).toISOString() } };
    const el = await mount(s, { drafts: 'off', 'submit-url': chaosUrl('ok', run) });
    await click(el, shadow(el).querySelector<HTMLInputElement>('input[type=checkbox]')!);
    await submitForm(el, '核对答案');
    await new Promise((r) => setTimeout(r, 1700));
    expect(text(el)).to.contain('结束'); // the page re-rendered by itself at closing time
    expect(await chaosLog(run)).to.deep.equal([]);
  });

  it('a survey that opens while the page is open shows its form without a reload', async () => {
    const s = { ...ballotSurvey(uid('sv')), window: { opens: new Date(Date.now() + 1200).toISOString(), closes: '2099-12-31T23:59:59+08:00' } };
    const el = await mount(s, { drafts: 'off' });
    expect(text(el)).to.contain('尚未开始');
    await until(() => shadow(el).querySelector('input[type=checkbox]'), 4000, 'form after opening');
  });

  it('a draft saved before the definition changed: removed candidates no longer count or block', async () => {
    const id = uid('sv');
    const s = ballotSurvey(id);
    const first = await mount(s);
    const boxes = [...shadow(first).querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    await click(first, boxes[1]);
    await click(first, boxes[2]);
    await until(() => readDraft(`rd:rd-satisfaction-survey:${id}`));
    first.remove();
    const changed = { ...s, subjects: s.subjects!.filter((x) => x.id !== 'm3') };
    const el = await mount(changed);
    await until(() => text(el).includes('已选 1/2'), 4000, 'only the remaining choice counted');
    await submitForm(el, '核对答案');
    expect(text(el)).to.not.contain('请从给出的选项中选择');
  });

  it('ranking by keyboard: focus stays in the list after each add, also when the last place is filled', async () => {
    const s: Survey = {
      id: uid('sv'), title: '排序', kind: 'questionnaire', window: open, roles: ['public'], access: 'open', anonymity: 'anonymous',
      pages: [{ id: 'p', title: '排序', questions: [{ id: 'rank', type: 'ranking', title: '排序', top: 2, required: true, options: [{ id: 'r1', label: '一' }, { id: 'r2', label: '二' }, { id: 'r3', label: '三' }] }] }],
    };
    const el = await mount(s, { drafts: 'off' });
    const add = (label: string) => shadow(el).querySelector<HTMLButtonElement>(`button[aria-label*="${label}"][id*="add"], button[aria-label*="${label}"][id="q-rank"]`)!;
    add('一').click();
    await el.updateComplete; await el.updateComplete;
    expect(shadow(el).activeElement?.id).to.equal('q-rank-add-r2');
    add('三').click();
    await el.updateComplete; await el.updateComplete;
    expect(shadow(el).activeElement?.id, 'list full: the item just added').to.equal('q-rank-remove-r3');
  });

  it('an open survey with a start step resumes on the saved page after 开始填写', async () => {
    const s: Survey = {
      id: uid('sv'), title: '征集', kind: 'questionnaire', window: open, roles: ['public', 'deputy'], access: 'open', anonymity: 'anonymous',
      pages: [
        { id: 'p1', title: '第一部分', questions: [{ id: 'a', type: 'single', title: '甲', required: true, options: [{ id: 'y', label: '是' }, { id: 'n', label: '否' }] }] },
        { id: 'p2', title: '第二部分', questions: [{ id: 'b', type: 'text', title: '乙' }] },
      ],
    };
    const first = await mount(s);
    await click(first, radio(first, 'role', 'public'));
    await submitForm(first, '开始填写');
    await click(first, radio(first, 'a', 'y'));
    await submitForm(first, '下一页');
    expect(text(first)).to.contain('第 2 页');
    await until(async () => ((await readDraft(`rd:rd-satisfaction-survey:${s.id}`)) as { value?: { step?: number } } | undefined)?.value?.step === 1);
    first.remove();
    const again = await mount(s);
    // The draft comes back from IndexedDB a moment after the first render (the citizen sees the
    // role chosen again); only then 开始填写.
    await until(() => radio(again, 'role', 'public')?.checked, 4000, 'draft restored');
    await submitForm(again, '开始填写'); // the role came back from the draft
    await until(() => text(again).includes('第 2 页'), 3000, 'resumed on page 2');
  });

  it('in English, no Chinese punctuation is put around the text', async () => {
    const el = await mount(ballotSurvey(uid('sv')), { drafts: 'off', lang: 'en' });
    await until(() => text(el).includes('selected'), 4000, 'English');
    expect(text(el)).to.match(/\(Choose/);
    expect(text(el)).to.not.match(/[（）；：]/);
  });

  it('kiosk: an open survey is not "already answered" for the next visitor', async () => {
    const id = uid('sv');
    await responseGuard().record(id, 'CP-2026-000099');
    const el = await mount(ballotSurvey(id), { kiosk: true });
    expect(shadow(el).querySelector('[part=already]')).to.equal(null);
    expect(shadow(el).querySelector('input[type=checkbox]')).to.not.equal(null);
  });

  it('answered in another tab meanwhile: the send is stopped and the receipt shown', async () => {
    const run = uid('run');
    const id = uid('sv');
    const el = await mount(ballotSurvey(id), { drafts: 'off', 'submit-url': chaosUrl('ok', run) });
    await click(el, shadow(el).querySelector<HTMLInputElement>('input[type=checkbox]')!);
    await submitForm(el, '核对答案');
    await responseGuard().record(id, 'CP-2026-000123'); // the other tab
    await submitForm(el, '确认提交');
    await until(() => shadow(el).querySelector('[part=already]'), 3000, 'already answered');
    expect(text(el)).to.contain('CP-2026-000123');
    expect(await chaosLog(run)).to.deep.equal([]);
  });

  it('anonymous open ballot: never more than N, no identifying fields, device guard afterwards', async () => {
    const run = uid('run');
    const id = uid('sv');
    const el = await mount(ballotSurvey(id), { drafts: 'off', 'submit-url': chaosUrl('ok', run) });
    expect(!!shadow(el).getElementById('f-code')).to.equal(false);
    expect(text(el)).to.contain('已选 0/2').and.contain('无记名');
    const boxes = [...shadow(el).querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    await click(el, boxes[0]);
    await click(el, boxes[2]);
    expect(text(el)).to.contain('已选 2/2');
    await click(el, boxes[1]);
    expect(boxes[1].checked, 'third refused').to.equal(false);
    expect(text(el)).to.contain('已选满 2 项');
    expect((shadow(el).getElementById('q-vote-w0') as HTMLInputElement).disabled).to.equal(true);
    await expect(el).to.be.accessible();
    await submitForm(el, '核对答案');
    expect(text(el)).to.contain('项目一').and.contain('项目三');
    await submitForm(el, '确认提交');
    await until(() => shadow(el).querySelector('[data-rd-receipt]'), 8000, 'receipt');
    const body = JSON.parse((await chaosLog(run))[0].body);
    expect(body.data).to.deep.equal({ surveyId: id, role: 'public', anonymity: 'anonymous', answers: { vote: { selected: ['m1', 'm3'] } } });
    expect(body.source.url).not.to.match(/[?#]/);
    expect((await chaosLog(run))[0].headers.referer, 'no Referer for an anonymous survey').to.equal(undefined);
    const rec = await until(() => responseGuard().get(id), 4000, 'guard record');
    expect(rec.receipt).to.match(/^FK-2026-/);
    // The same survey again on this device: told it was sent, with the receipt; no form.
    const again = await mount(ballotSurvey(id), { drafts: 'off' });
    expect(!!shadow(again).querySelector('form')).to.equal(false);
    expect(text(again)).to.contain('您已经提交过').and.contain(rec.receipt);
    await expect(again).to.be.accessible();
  });

  it('409 from the server: said clearly, with the first receipt; rd-submit-error', async () => {
    const run = uid('run');
    const id = uid('sv');
    const el = await mount(ballotSurvey(id), { drafts: 'off', 'submit-url': chaosUrl('409', run) });
    let err: CustomEvent | undefined;
    el.addEventListener('rd-submit-error', (e) => { err = e as CustomEvent; });
    await click(el, shadow(el).querySelector<HTMLInputElement>('input[type=checkbox]')!);
    await submitForm(el, '核对答案');
    await submitForm(el, '确认提交');
    await until(() => shadow(el).querySelector('[part=already]'), 8000, 'conflict notice');
    await el.updateComplete;
    expect(text(el)).to.contain('此测评码已使用').and.contain('CP-2026-000007');
    expect(err!.detail).to.include({ kind: 'rejected', status: 409 });
    expect(String(shadow(el).activeElement?.textContent)).to.contain('您已经提交过');
    expect((await responseGuard().get(id))?.receipt).to.equal('CP-2026-000007');
    await expect(el).to.be.accessible();
  });

  it('accessible while submitting', async () => {
    const run = uid('run');
    const el = await mount(ballotSurvey(uid('sv')), { drafts: 'off', 'submit-url': `${chaosUrl('slow', run)}?ms=1500` });
    await click(el, shadow(el).querySelector<HTMLInputElement>('input[type=checkbox]')!);
    await submitForm(el, '核对答案');
    button(shadow(el), '确认提交').click();
    await until(() => shadow(el).querySelector('button[part=submit-button][disabled]'), 3000, 'busy');
    await expect(el).to.be.accessible();
    await until(() => shadow(el).querySelector('[data-rd-receipt]'), 8000, 'receipt');
  });

  it('server field error on the code: back to the start step with the message', async () => {
    const el = await mount(matrixSurvey(uid('sv')), { drafts: 'off', 'submit-url': chaosUrl('400', uid('run')) });
    typeInto(shadow(el).getElementById('f-code') as HTMLInputElement, 'ZZZZ-0000');
    typeInto(shadow(el).getElementById('f-name') as HTMLInputElement, '测试代表');
    await submitForm(el, '开始填写');
    await fillMatrix(el, 'satisfied');
    await submitForm(el, '下一页');
    await submitForm(el, '核对答案');
    await click(el, shadow(el).getElementById('f-consent')!);
    await submitForm(el, '确认提交');
    await until(() => shadow(el).querySelector('#f-code[aria-invalid=true]'), 8000, 'code error');
    expect(text(el)).to.contain('测评码无效');
    expect(shadow(el).activeElement?.id).to.equal('f-code');
  });
});

describe('<rd-satisfaction-survey>: server field errors on answers', () => {
  const twoPages = (id: string): Survey => ({
    id, title: '征集', kind: 'questionnaire', window: open, roles: ['public'], access: 'open', anonymity: 'anonymous',
    pages: [
      { id: 'p1', title: '第一部分', questions: [{ id: 'a', type: 'single', title: '甲', required: true, options: [{ id: 'y', label: '是' }, { id: 'n', label: '否' }] }] },
      { id: 'p2', title: '第二部分', questions: [{ id: 'b', type: 'text', title: '乙' }] },
    ],
  });

  it('shown in the summary and at the answer on the review, at the field on its page only, gone once the answer changes', async () => {
    const run = uid('run');
    const errors = [{ path: 'answers.b', message: '内容含有不允许的链接' }];
    const el = await mount(twoPages(uid('sv')), { drafts: 'off', 'submit-url': `${chaosUrl('fields', run)}?errors=${encodeURIComponent(JSON.stringify(errors))}` });
    let err: CustomEvent | undefined;
    el.addEventListener('rd-submit-error', (e) => { err = e as CustomEvent; });
    await click(el, radio(el, 'a', 'y'));
    await submitForm(el, '下一页');
    typeInto(shadow(el).getElementById('q-b') as HTMLInputElement, 'http://example.com');
    await el.updateComplete;
    await submitForm(el, '核对答案');
    await submitForm(el, '确认提交');
    await until(() => err, 8000, 'rd-submit-error');
    await until(() => shadow(el).querySelector('[data-rd-error-summary]'), 3000, 'summary');
    await el.updateComplete;
    const summary = shadow(el).querySelector('[data-rd-error-summary]')!;
    expect(summary.textContent).to.contain('内容含有不允许的链接');
    expect(summary.textContent, 'the fields say it: no general refusal line').not.to.contain('服务器未接受');
    expect(summary.querySelector('a')!.getAttribute('href')).to.equal('#q-b');
    expect(shadow(el).activeElement === summary, 'summary focused').to.equal(true);
    expect(shadow(el).getElementById('q-b-review-error')!.textContent).to.contain('内容含有不允许的链接');
    await expect(el).to.be.accessible();
    // 修改 → page 2: the error at the field and in the page's summary.
    await click(el, shadow(el).querySelector<HTMLButtonElement>('button[aria-label="修改：乙"]')!);
    await el.updateComplete;
    const input = shadow(el).getElementById('q-b') as HTMLInputElement;
    expect(shadow(el).activeElement === input, 'the field focused').to.equal(true);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('q-b-error');
    expect(shadow(el).getElementById('q-b-error')!.textContent).to.contain('内容含有不允许的链接');
    expect(shadow(el).querySelector('[data-rd-error-summary]')!.textContent).to.contain('内容含有不允许的链接');
    // Page 1 does not show page 2's error.
    await submitForm(el, '上一页');
    expect(shadow(el).querySelector('[data-rd-error-summary]')?.textContent ?? 'none').to.equal('none');
    await submitForm(el, '核对答案');
    await click(el, shadow(el).querySelector<HTMLButtonElement>('button[aria-label="修改：乙"]')!);
    // A new answer: the server's word on the old one is gone.
    typeInto(shadow(el).getElementById('q-b') as HTMLInputElement, '多设几个公交站');
    await el.updateComplete;
    expect(shadow(el).getElementById('q-b')!.getAttribute('aria-invalid')).to.equal('false');
    expect(shadow(el).querySelector('[data-rd-error-summary]')?.textContent ?? 'none').to.equal('none');
    await submitForm(el, '核对答案');
    // Back on the review: no field error is left; the last refusal is still said until the next send.
    const after = shadow(el).querySelector('[data-rd-error-summary]')!.textContent;
    expect(after).not.to.contain('内容含有不允许的链接');
    expect(after).to.contain('服务器未接受');
    expect(shadow(el).getElementById('q-b-review-error')?.textContent ?? 'none').to.equal('none');
  });
});

describe('<rd-satisfaction-survey>: drafts', () => {
  it('keeps answers (not the code) and restores them with a notice', async () => {
    const id = uid('sv');
    const el = await mount(matrixSurvey(id));
    typeInto(shadow(el).getElementById('f-code') as HTMLInputElement, 'JY26-A3K7');
    typeInto(shadow(el).getElementById('f-name') as HTMLInputElement, '测试代表');
    await submitForm(el, '开始填写');
    await click(el, radio(el, 'handling:s1/reply', 'basically-satisfied'));
    const saved = await until(() => readDraft(`rd:rd-satisfaction-survey:${id}`), 4000, 'draft') as { value: Record<string, unknown> };
    expect(saved.value.answers).to.deep.equal({ handling: { s1: { reply: 'basically-satisfied' } } });
    expect(JSON.stringify(saved)).not.to.contain('JY26');
    el.remove();
    const again = await mount(matrixSurvey(id));
    await until(() => text(again).includes('已恢复') || text(again).includes('草稿'), 4000, 'restored notice');
    expect((shadow(again).getElementById('f-name') as HTMLInputElement).value).to.equal('测试代表');
    expect((shadow(again).getElementById('f-code') as HTMLInputElement).value).to.equal('');
    typeInto(shadow(again).getElementById('f-code') as HTMLInputElement, 'JY26-A3K7');
    await submitForm(again, '开始填写');
    expect(radio(again, 'handling:s1/reply', 'basically-satisfied').checked).to.equal(true);
  });

  it('kiosk: after inactivity the ballot is cleared for the next person', async () => {
    const el = await mount(ballotSurvey(uid('sv')), { kiosk: true });
    el.setAttribute('kiosk-timeout', '0.5');
    await el.updateComplete;
    const box = () => shadow(el).querySelector<HTMLInputElement>('input[type=checkbox]')!;
    await click(el, box());
    expect(box().checked).to.equal(true);
    await until(() => !box().checked, 4000, 'kiosk reset');
  });

  it('kiosk: no drafts written', async () => {
    const id = uid('sv');
    const el = await mount(ballotSurvey(id), { kiosk: true });
    await click(el, shadow(el).querySelector<HTMLInputElement>('input[type=checkbox]')!);
    await new Promise((r) => setTimeout(r, 900));
    expect(await readDraft(`rd:rd-satisfaction-survey:${id}`)).to.equal(undefined);
    expect(el.hasAttribute('data-rd-large')).to.equal(true);
  });
});

describe('<rd-satisfaction-survey>: English', () => {
  it('lang="en": interface in English, content as written', async () => {
    const s = { ...matrixSurvey(uid('sv')), access: 'open' as const, anonymity: 'anonymous' as const };
    const el = await mount(s, { lang: 'en', drafts: 'off' });
    expect(text(el)).to.contain('Page 1 of 3').and.contain('Satisfied').and.contain('Fairly satisfied').and.contain('anonymous').and.contain('建议办理满意度测评');
    await submitForm(el, 'Next page');
    expect(shadow(el).querySelector('[data-rd-error-summary]')!.textContent).to.contain('Answer this question');
  });
});

describe('<rd-satisfaction-survey>: large text', () => {
  it('large: every scale choice is a target of at least 48 px, text at 20 px; accessible', async () => {
    const s = matrixSurvey(uid('sv'));
    const el = await mount({ ...s, access: 'open', anonymity: 'anonymous' }, { large: true, drafts: 'off' });
    const opt = shadow(el).querySelector('.scale__opt span') as HTMLElement;
    const box = opt.getBoundingClientRect();
    expect(box.height).to.be.at.least(48);
    expect(parseFloat(getComputedStyle(opt).fontSize)).to.be.at.least(20);
    await expect(el).to.be.accessible();
  });
});

describe('<rd-satisfaction-survey>: window and data errors', () => {
  it('closed surveys say so and show no form', async () => {
    const s = { ...ballotSurvey(uid('sv')), window: { opens: '2020-01-01T00:00:00Z', closes: '2020-02-01T00:00:00Z' } };
    const el = await mount(s);
    await until(() => text(el).includes('已于'), 3000, 'closed notice');
    expect(!!shadow(el).querySelector('form')).to.equal(false);
  });
  it('invalid data: a localized alert naming the path', async () => {
    const el = await fixture<RdSatisfactionSurvey>(html`<rd-satisfaction-survey .data=${{ id: 'x', title: '坏数据' }}></rd-satisfaction-survey>`);
    await until(() => shadow(el).querySelector('[role=alert]'), 3000, 'alert');
    expect(text(el)).to.contain('kind');
  });
});

describe('<rd-satisfaction-survey results>', () => {
  const results: SurveyResults = {
    surveyId: 'r1', title: '述职评议', generatedAt: '2026-11-24T11:05:00+08:00', respondents: 10, eligible: 12,
    sections: [
      { kind: 'scale', questionId: 'a', title: '对述职人员的评议', scale: 'grade', rows: [
        { id: 'p1', name: '林某', counts: { excellent: 6, competent: 3, incompetent: 1 } },
        { id: 'p2', name: '许某', counts: { excellent: 1, competent: 2, incompetent: 7 } },
      ] },
      { kind: 'ballot', questionId: 'v', title: '票决', seats: 1, ballots: 10, candidates: [{ id: 'c1', name: '项目一', votes: 7 }, { id: 'c2', name: '项目二', votes: 3 }] },
    ],
  };
  it('charts with text equivalents, tables, pass/fail; accessible', async () => {
    const el = await mount(results, { results: true });
    await until(() => shadow(el).querySelector('.results'), 3000, 'results');
    const svgs = [...shadow(el).querySelectorAll('svg[role=img]')];
    expect(svgs.length, 'one image per subject and per candidate').to.equal(4);
    expect(svgs[0].getAttribute('aria-label')).to.contain('林某').and.contain('优秀 6 票（60%）').and.contain('通过');
    expect(svgs[2].getAttribute('aria-label')).to.contain('项目一').and.contain('当选');
    const tables = shadow(el).querySelectorAll('table');
    expect(tables).to.have.length(2);
    const rows = [...tables[0].querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' '));
    expect(rows[0]).to.contain('林某').and.contain('90%').and.contain('通过');
    expect(rows[1]).to.contain('许某').and.contain('30%').and.contain('未通过');
    expect(text(el)).to.contain('参加率 83.3%').and.contain('当选');
    await expect(el).to.be.accessible();
  });
  it('pass-tiers attribute overrides the data', async () => {
    const el = await mount(results, { results: true, 'pass-tiers': 'excellent' });
    await until(() => shadow(el).querySelector('table'), 3000, 'table');
    const first = shadow(el).querySelector('tbody tr')!.textContent!;
    expect(first).to.contain('60%');
  });
});

describe('<rd-satisfaction-survey>: a page with Prototype.js', () => {
  it('Array.from without its mapping function: the ballot still has its write-in box', async () => {
    const restore = installPrototypeArrays();
    let writeIn: string | null;
    try {
      const el = await mount(ballotSurvey(uid('sv')), { drafts: 'off' });
      writeIn = (shadow(el).getElementById('q-vote-w0') as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? null;
    } finally {
      restore();
    }
    expect(writeIn).to.be.a('string').and.not.equal('');
  });
});

describe('<rd-satisfaction-survey>: the form half (loaded when first used)', () => {
  const part = (el: RdSatisfactionSurvey) => (el as unknown as { halfPart: { state: string } }).halfPart;
  const twoPages = (id: string): Survey => ({
    id, title: '征集', kind: 'questionnaire', window: open, roles: ['public'], access: 'open', anonymity: 'anonymous',
    pages: [
      { id: 'p1', title: '第一部分', questions: [{ id: 'a', type: 'single', title: '甲', required: true, options: [{ id: 'y', label: '是' }, { id: 'n', label: '否' }] }] },
      { id: 'p2', title: '第二部分', questions: [{ id: 'b', type: 'single', title: '乙', options: [{ id: 'y', label: '是' }, { id: 'n', label: '否' }] }] },
    ],
  });

  it('not loaded before the first answer, and accessible meanwhile; the first answer loads it and is saved as a draft', async () => {
    // Nothing waits on this device: earlier tests' queued submissions go (any would load the half).
    const { clear, createStore } = await import('idb-keyval');
    await clear(createStore('rd-outbox', 'kv'));
    const id = uid('sv');
    const el = await mount(twoPages(id));
    await new Promise((r) => setTimeout(r, 300)); // the page-load check for waiting drafts has answered
    expect(part(el).state, 'nothing waits on this device: not loaded').to.equal('idle');
    expect(text(el)).to.contain('甲');
    await expect(el).to.be.accessible();
    await click(el, radio(el, 'a', 'y'));
    const saved = await until(() => readDraft(`rd:rd-satisfaction-survey:${id}`), 4000, 'draft') as { value: { answers: unknown } };
    expect(part(el).state).to.equal('ready');
    expect(saved.value.answers).to.deep.equal({ a: 'y' });
    expect(radio(el, 'a', 'y').checked, 'the answer stays').to.equal(true);
  });

  it('a draft waiting at load comes back without a touch, on the page it was on, with rd-draft-restored', async () => {
    const id = uid('sv');
    const first = await mount(twoPages(id));
    await click(first, radio(first, 'a', 'n'));
    await submitForm(first, '下一页');
    await click(first, radio(first, 'b', 'y'));
    await until(async () => ((await readDraft(`rd:rd-satisfaction-survey:${id}`)) as { value?: { step?: number; answers?: Record<string, unknown> } } | undefined)?.value?.answers?.b === 'y', 4000, 'draft on page 2');
    first.remove();
    let restored = 0;
    const onRestored = () => { restored++; };
    document.addEventListener('rd-draft-restored', onRestored);
    try {
      const again = await mount(twoPages(id));
      await until(() => text(again).includes('第二部分') && radio(again, 'b', 'y')?.checked, 4000, 'back on page 2 with its answer');
      expect(restored).to.equal(1);
      await submitForm(again, '上一页');
      expect(radio(again, 'a', 'n').checked).to.equal(true);
      expect(text(again), 'the notice, on the first page').to.contain('已恢复');
    } finally {
      document.removeEventListener('rd-draft-restored', onRestored);
    }
  });

  it('下一页 pressed twice while the half is arriving moves one page on, not two', async () => {
    const { clear, createStore } = await import('idb-keyval');
    await clear(createStore('rd-outbox', 'kv'));
    const q = (id: string, title: string) => ({ id, type: 'text' as const, title });
    const el = await mount({
      id: uid('sv'), title: '征集', kind: 'questionnaire', window: open, roles: ['public'], access: 'open', anonymity: 'anonymous',
      pages: [
        { id: 'p1', title: '第一部分', questions: [q('a', '甲')] },
        { id: 'p2', title: '第二部分', questions: [q('b', '乙')] },
        { id: 'p3', title: '第三部分', questions: [q('c', '丙')] },
      ],
    });
    expect(part(el).state, 'not loaded yet').to.equal('idle');
    const next = button(shadow(el), '下一页');
    next.click();
    next.click();
    await until(() => text(el).includes('第二部分'), 4000, 'page 2');
    await new Promise((r) => setTimeout(r, 300));
    await el.updateComplete;
    expect(text(el)).to.contain('第二部分');
    expect(text(el)).not.to.contain('第三部分');
  });
});

describe('<rd-satisfaction-survey>: strings of the parts loaded later', () => {
  it("the form half's and the results view's catalogues are complete in every locale, and add keys of their own only", async () => {
    expect(await missingKeys(halfCatalogues)).to.deep.equal([]);
    expect(await missingKeys(resultsCatalogues)).to.deep.equal([]);
    const first = Object.keys(surveyCatalogues['zh-CN']);
    for (const set of [halfCatalogues, resultsCatalogues]) expect(Object.keys(set['zh-CN']).filter((k) => first.includes(k))).to.deep.equal([]);
  });
});
