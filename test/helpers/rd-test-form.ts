// A minimal widget built on the shared base, used by the platform tests and as the worked example
// in src/components/shared/README.md: data loading, drafts, validation, error summary, consent,
// submission with receipt, outbox.
import { html } from 'lit';
import { state, property } from 'lit/decorators.js';
import { z } from 'zod/mini';
import { RdElement } from '../../src/components/shared/rd-element.js';
import { DataController } from '../../src/controllers/data-controller.js';
import { DraftController } from '../../src/controllers/draft-controller.js';
import { SubmitController } from '../../src/controllers/submit-controller.js';
import { consentBlock, fieldId, formActions, formProblems, receiptView, textField } from '../../src/components/shared/form.js';
import { FormController } from '../../src/controllers/form-controller.js';
import { checkForm } from '../../src/services/validation.js';
import type { Catalogues } from '../../src/services/i18n/index.js';

const dataSchema = z.object({ id: z.string().check(z.minLength(1)), title: z.string().check(z.minLength(1), z.maxLength(100)) });

const formSchema = z.object({
  comment: z.string().check(z.trim(), z.minLength(1, 'test.commentRequired'), z.maxLength(50)),
  phone: z.optional(z.string().check(z.regex(/^1\d{10}$/, 'errors.phone'))),
  consent: z.literal(true, 'errors.consent'),
});

interface FormValue { comment: string; phone: string; consent: boolean }
const empty = (): FormValue => ({ comment: '', phone: '', consent: false });

const catalogues: Catalogues<'test.title' | 'test.comment' | 'test.phone' | 'test.commentRequired'> = {
  'zh-CN': { 'test.title': '测试表单', 'test.comment': '意见内容', 'test.phone': '手机号码', 'test.commentRequired': '请填写意见内容' },
  en: { 'test.title': 'Test form', 'test.comment': 'Your comment', 'test.phone': 'Mobile number', 'test.commentRequired': 'Enter your comment' },
};

export class RdTestForm extends RdElement {
  static override catalogues = [catalogues];
  /** The outbox's first resend, for elements made from now on (a test that presses 立即重试 itself sets it long). */
  static resendDelay = 400;

  private readonly dataCtl = new DataController(this, {
    schema: dataSchema,
    id: () => this.formId,
    route: (id) => (id ? `/forms/${encodeURIComponent(id)}` : undefined),
    onData: () => void this.draftCtl.restore(),
  });
  private readonly draftCtl = new DraftController<FormValue>(this, {
    tag: 'rd-test-form',
    id: () => this.dataCtl.value?.id,
    apply: (v) => { this.value = { ...empty(), ...v }; },
    reset: () => { this.value = empty(); },
  });
  private readonly submitCtl = new SubmitController(this, {
    type: 'deputy-message',
    route: '/deputy-messages',
    owner: () => `rd:rd-test-form:${this.dataCtl.value?.id ?? this.formId ?? ''}`,
    onAccepted: () => void this.draftCtl.clear(),
    baseDelay: 50,
    resendDelay: RdTestForm.resendDelay,
  });
  private readonly form = new FormController(this, this.submitCtl, {
    validate: () => {
      const r = this.validate();
      return r.ok ? { ok: true as const, data: r.value } : { ok: false as const };
    },
  });
  private get errors() { return this.form.errors; }

  @property({ attribute: 'form-id' }) formId?: string;
  @property({ attribute: false }) data?: unknown;
  @state() value: FormValue = empty();

  private set(patch: Partial<FormValue>) {
    this.value = { ...this.value, ...patch };
    this.draftCtl.save(this.value);
    this.form.recheck();
  }

  private validate() {
    const r = checkForm(formSchema, { ...this.value, phone: this.value.phone || undefined });
    this.errors.set(r.ok ? [] : r.problems);
    return r;
  }



  protected override kioskReset() {
    this.value = empty();
    this.errors.reset();
  }

  protected override render() {
    if (this.dataCtl.status !== 'complete') return this.dataCtl.renderStatus();
    const t = this.t;
    if (this.submitCtl.state === 'submitted' && this.submitCtl.receipt) {
      return receiptView({
        t,
        receipt: this.submitCtl.receipt,
        replyWindow: this.config.replyWindow,
        summary: [{ label: t('test.comment'), value: String((this.submitCtl.payload?.data as FormValue)?.comment ?? '') }],
        onNew: () => { this.value = empty(); this.form.reset(); },
      });
    }
    const shown = this.errors.shown(t);
    return html`<form part="form" novalidate @submit=${this.form.run}>
      <h2>${this.dataCtl.value!.title}</h2>
      ${this.draftCtl.renderNotice(() => this.value)}
      ${formProblems(t, this.form, shown)}
      ${textField({ t, id: fieldId('comment'), label: t('test.comment'), value: this.value.comment, multiline: true, maxlength: 50, counter: true, required: true, error: this.errors.for('comment', t), onInput: (v) => this.set({ comment: v }) })}
      ${textField({ t, id: fieldId('phone'), label: t('test.phone'), value: this.value.phone, type: 'tel', markOptional: true, autocomplete: 'tel', error: this.errors.for('phone', t), onInput: (v) => this.set({ phone: v }) })}
      ${consentBlock({ t, id: fieldId('consent'), checked: this.value.consent, error: this.errors.for('consent', t), privacyUrl: this.config.privacyUrl || undefined, onChange: (c) => this.set({ consent: c }) })}
      ${formActions(t, this.form, 'f-website')}
    </form>`;
  }
}
RdElement.define('rd-test-form', RdTestForm);
declare global { interface HTMLElementTagNameMap { 'rd-test-form': RdTestForm } }
