// The message form of <rd-deputy-card> (留言, docs/domain.md#contacting-a-deputy) and its receipt.
// The value, payload and checks are services/deputy-message.ts; the submit runs through the
// card's FormController (docs/architecture.md#forms). Built on the shared form pieces.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { FormController } from '../../controllers/form-controller.js';
import { consentBlock, fieldId, formActions, formProblems, receiptView, selectField, textField, type T } from '../shared/form.js';
import { MESSAGE_SUBJECT_MAX, MESSAGE_TEXT_MAX, type Deputy, type DeputyMessageData } from '../../services/schemas/deputy.js';
import type { MessageValue } from '../../services/deputy-message.js';

export interface MessageViewContext {
  t: T;
  deputy: Deputy;
  value: MessageValue;
  form: FormController<DeputyMessageData>;
  categories: ReadonlyArray<{ value: string; label: string }>;
  privacyUrl: string | undefined;
  replyWindow: string | undefined;
  /** The portal's lookup page, linked from the receipt. */
  lookupUrl: string;
  /** The draft notice (saved / restored / not available). */
  draftNotice: TemplateResult | typeof nothing;
  onChange: (patch: Partial<MessageValue>) => void;
  /** "写另一条留言": an empty form again. */
  onNew: () => void;
}

function checkbox(id: string, label: string, checked: boolean, onChange: (c: boolean) => void, hint?: string): TemplateResult {
  return html`<div class="rd-field">
    ${hint ? html`<p id="${id}-hint" class="rd-hint" part="hint">${hint}</p>` : nothing}
    <label class="rd-choice" for=${id}>
      <input id=${id} type="checkbox" .checked=${live(checked)} aria-describedby=${ifDefined(hint ? `${id}-hint` : undefined)} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />
      <span>${label}</span>
    </label>
  </div>`;
}

function receipt(c: MessageViewContext): TemplateResult {
  const { t, form } = c;
  const s = form.submitter;
  const data = s.payload?.data as DeputyMessageData | undefined;
  const categoryLabel = (code: string) => c.categories.find((x) => x.value === code)?.label ?? code;
  return receiptView({
    t,
    receipt: s.receipt!,
    title: t('deputy.message.receiptTitle'),
    numberLabel: t('deputy.message.receiptNumber'),
    message: s.message,
    lookupCode: s.lookupCode,
    lookupUrl: c.lookupUrl,
    replyWindow: c.replyWindow,
    summary: data
      ? [
          { label: t('deputy.message.subject'), value: data.subject },
          { label: t('deputy.message.category'), value: categoryLabel(data.category) },
          { label: t('deputy.message.text'), value: data.text },
        ]
      : [],
    newLabel: t('deputy.message.another'),
    onNew: c.onNew,
  });
}

/** The form, or the receipt once the message was accepted. */
export function messageView(c: MessageViewContext): TemplateResult {
  const { t, form, deputy: d, value: m, onChange: set } = c;
  if (form.submitter.state === 'submitted' && form.submitter.receipt) return receipt(c);
  const err = (path: string) => form.errors.for(path, t);
  const station = d.stations?.[0]?.name;
  return html`<form part="form" novalidate @submit=${form.run} aria-labelledby="message-title">
    <h3 id="message-title" tabindex="-1" data-panel-heading="message">${t('deputy.message.title', { name: d.name })}</h3>
    <p>${station ? t('deputy.message.intro', { station }) : t('deputy.message.introNoStation')}</p>
    ${c.draftNotice}
    ${formProblems(t, form, form.errors.shown(t))}
    ${textField({ t, id: fieldId('subject'), label: t('deputy.message.subject'), value: m.subject, required: true, maxlength: MESSAGE_SUBJECT_MAX, error: err('subject'), onInput: (v) => set({ subject: v }) })}
    ${selectField({ t, id: fieldId('category'), label: t('deputy.message.category'), value: m.category, required: true, placeholder: t('deputy.message.categoryPlaceholder'), options: c.categories, error: err('category'), onChange: (v) => set({ category: v }) })}
    ${textField({ t, id: fieldId('text'), label: t('deputy.message.text'), hint: t('deputy.message.textHint'), value: m.text, multiline: true, rows: 6, required: true, maxlength: MESSAGE_TEXT_MAX, counter: true, error: err('text'), onInput: (v) => set({ text: v }) })}
    ${checkbox('f-wantsReply', t('deputy.message.wantsReply'), m.wantsReply, (x) => set({ wantsReply: x }), t('deputy.message.wantsReplyHint'))}
    ${m.wantsReply
      ? html`<fieldset class="rd-fieldset">
          <legend class="rd-label">${t('deputy.message.contactHint')}</legend>
          ${textField({ t, id: fieldId('contact.name'), label: t('deputy.message.name'), value: m.name, markOptional: true, maxlength: 50, autocomplete: 'name', error: err('contact.name'), onInput: (v) => set({ name: v }) })}
          ${textField({ t, id: fieldId('contact.phone'), label: t('deputy.message.phone'), value: m.phone, type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 30, error: err('contact.phone'), onInput: (v) => set({ phone: v }) })}
          ${textField({ t, id: fieldId('contact.email'), label: t('deputy.message.email'), value: m.email, type: 'email', autocomplete: 'email', maxlength: 200, error: err('contact.email'), onInput: (v) => set({ email: v }) })}
        </fieldset>`
      : nothing}
    ${checkbox('f-publish', t('deputy.message.publish'), m.publish, (x) => set({ publish: x }))}
    ${consentBlock({ t, id: fieldId('consent'), checked: m.consent, error: err('consent'), privacyUrl: c.privacyUrl, onChange: (x) => set({ consent: x }) })}
    ${formActions(t, form, 'f-website', t('deputy.message.submit'))}
  </form>`;
}
