// Small presentational pieces used by several widgets, as Lit templates rendered inside the
// widget's own shadow root (so label/aria-describedby references stay in one tree).
// Error handling follows GOV.UK: summary at the top (focused after a failed submit, links that
// focus the field), inline messages with a hidden "错误：" prefix, aria-invalid, aria-describedby.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { focusField } from '../../controllers/focus.js';
import type { SubmitController } from '../../controllers/submit-controller.js';
import type { FormController } from '../../controllers/form-controller.js';
import type { ShownError, T } from '../../services/form-errors.js';
import { lookupLink } from '../../services/lookup-link.js';
import { describedBy, errorLine, hintLine, labelSuffix } from './fields.js';

export { FormErrors, fieldId, type ShownError, type T } from '../../services/form-errors.js';
export { focusField, focusSummary } from '../../controllers/focus.js';
export { describedBy, errorLine, hintLine, selectField, textField, type SelectFieldOptions, type TextFieldOptions } from './fields.js';

/** Error summary. Render it, then call `focusSummary` after a failed submit. */
export function errorSummary(t: T, errors: ShownError[], extra: string[] = [], root?: () => ShadowRoot | null): TemplateResult | typeof nothing {
  if (!errors.length && !extra.length) return nothing;
  const go = (e: Event, id: string) => {
    e.preventDefault();
    const r = root?.() ?? ((e.target as Element).getRootNode() as ShadowRoot);
    focusField(r, id);
  };
  return html`<div class="rd-error-summary" part="error-summary" tabindex="-1" data-rd-error-summary>
    <div role="alert">
      <h2>${t(errors.length ? 'errors.summaryTitle' : 'errors.problemTitle')}</h2>
      <ul>
        ${extra.map((m) => html`<li>${m}</li>`)}
        ${errors.map((e) => html`<li><a href="#${e.id}" @click=${(ev: Event) => go(ev, e.id)}>${e.message}</a></li>`)}
      </ul>
    </div>
  </div>`;
}

export interface ChoiceOption {
  value: string;
  label: string | TemplateResult;
  hint?: string;
}

export interface ChoiceGroupOptions {
  t: T;
  id: string;
  legend: string | TemplateResult;
  options: ReadonlyArray<ChoiceOption>;
  /** Single: the value; multiple: the values. */
  value: string | readonly string[] | undefined;
  multiple?: boolean;
  onChange: (value: string | string[]) => void;
  error?: string;
  hint?: string | TemplateResult;
  required?: boolean;
  inline?: boolean;
  name?: string;
  /** Disable unchecked options (e.g. a ballot at its maximum). */
  disableUnchecked?: boolean;
}

/** Radios or checkboxes in a fieldset. The group id is on the first input (error summary target). */
export function choiceGroup(o: ChoiceGroupOptions): TemplateResult {
  const selected = new Set(Array.isArray(o.value) ? o.value : o.value !== undefined ? [o.value] : []);
  const aria = describedBy(o.id, o.hint, o.error);
  const name = o.name ?? o.id;
  const change = (value: string, checked: boolean) => {
    if (!o.multiple) return o.onChange(value);
    const next = new Set(selected);
    if (checked) next.add(value); else next.delete(value);
    o.onChange(o.options.map((x) => x.value).filter((v) => next.has(v)));
  };
  return html`<fieldset class="rd-fieldset rd-field ${o.error ? 'rd-field--error' : ''}" aria-describedby=${ifDefined(aria)}>
    <legend class="rd-label" part="label">${o.legend}${labelSuffix(o.t, o.required)}</legend>
    ${hintLine(o.id, o.hint)} ${errorLine(o.t, o.id, o.error)}
    <div class="rd-choices ${o.inline ? 'rd-choices--inline' : ''}">
      ${o.options.map((opt, i) => {
        const id = i === 0 ? o.id : `${o.id}-${i}`;
        const checked = selected.has(opt.value);
        return html`<label class="rd-choice" for=${id}>
          <input id=${id} type=${o.multiple ? 'checkbox' : 'radio'} name=${name} .value=${opt.value}
            .checked=${live(checked)} ?disabled=${!!o.disableUnchecked && !checked}
            aria-invalid=${o.error ? 'true' : 'false'}
            @change=${(e: Event) => change(opt.value, (e.target as HTMLInputElement).checked)} />
          <span>${opt.label}${opt.hint ? html`<span class="rd-hint">${opt.hint}</span>` : nothing}</span>
        </label>`;
      })}
    </div>
  </fieldset>`;
}

export interface ConsentOptions {
  t: T;
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  error?: string;
  /** Notice text (defaults to the catalogue's PIPL notice) and link to the full notice. */
  notice?: string;
  privacyUrl?: string;
}

/** PIPL consent: the notice, a link to the full text, and a required checkbox. */
export function consentBlock(o: ConsentOptions): TemplateResult {
  const aria = describedBy(o.id, true, o.error);
  return html`<div class="rd-field rd-consent ${o.error ? 'rd-field--error' : ''}" part="consent">
    <p id="${o.id}-hint" class="rd-consent__notice">${o.notice ?? o.t('consent.notice')}
      ${o.privacyUrl ? html` <a href=${o.privacyUrl} target="_blank" rel="noopener">${o.t('consent.link')}</a>` : nothing}</p>
    ${errorLine(o.t, o.id, o.error)}
    <label class="rd-choice" for=${o.id}>
      <input id=${o.id} type="checkbox" .checked=${live(o.checked)} aria-invalid=${o.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(aria)} @change=${(e: Event) => o.onChange((e.target as HTMLInputElement).checked)} />
      <span>${o.t('consent.label')}<span class="rd-visually-hidden">${o.t('common.required')}</span></span>
    </label>
  </div>`;
}

export interface ReceiptOptions {
  t: T;
  receipt: string;
  /** Heading override (e.g. "意见已提交"); label for the number (e.g. "意见编号"). */
  title?: string;
  numberLabel?: string;
  message?: string;
  replyWindow?: string;
  /** The lookup code the server gave, and the portal's lookup page (docs/contract.md#looking-up-a-submission). */
  lookupCode?: string;
  lookupUrl?: string;
  /** What was sent, as label/value pairs (values shown as text). */
  summary?: ReadonlyArray<{ label: string; value: string }>;
  onNew?: () => void;
  newLabel?: string;
}

/** The receipt: number, what happens next, a summary of what was sent. Focus it after submit. */
export function receiptView(o: ReceiptOptions): TemplateResult {
  const lookupHref = o.lookupUrl ? lookupLink(o.lookupUrl, o.receipt, o.lookupCode) : undefined;
  return html`<section class="rd-receipt" part="receipt" tabindex="-1" data-rd-receipt aria-labelledby="rd-receipt-title">
    <h2 id="rd-receipt-title">${o.title ?? o.t('receipt.title')}</h2>
    <p>${o.numberLabel ?? o.t('receipt.number')}<br /><span class="rd-receipt__number">${o.receipt}</span></p>
    ${o.lookupCode ? lookupCodeBlock(o.t, o.receipt, o.lookupCode) : nothing}
    ${o.message ? html`<p>${o.message}</p>` : nothing}
    <p>${o.t(o.lookupCode ? 'receipt.keepWithCode' : 'receipt.keep')}${o.replyWindow ? ` ${o.t('receipt.replyWindow', { window: o.replyWindow })}` : ''}</p>
    ${lookupHref ? html`<p><a part="lookup-link" href=${lookupHref}>${o.t('receipt.lookupLink')}</a></p>` : nothing}
    ${o.summary?.length
      ? html`<h3>${o.t('receipt.summary')}</h3>
          <dl class="rd-summary-list">${o.summary.map((s) => html`<dt>${s.label}</dt><dd>${s.value}</dd>`)}</dl>`
      : nothing}
    ${o.onNew ? html`<div class="rd-actions"><button type="button" class="rd-button rd-button--secondary" @click=${o.onNew}>${o.newLabel ?? o.t('common.newSubmission')}</button></div>` : nothing}
  </section>`;
}

/** The lookup code beside the receipt, and a button copying both. */
function lookupCodeBlock(t: T, receipt: string, code: string): TemplateResult {
  const text = t('receipt.copyText', { receipt, code });
  return html`<p>${t('receipt.code')}<br /><span class="rd-receipt__number" data-rd-lookup-code>${code}</span></p>
    <div class="rd-actions">
      <button type="button" class="rd-button rd-button--secondary" part="copy-button"
        @click=${(e: Event) => void copyText(text, (e.currentTarget as HTMLElement).parentElement!.querySelector('.rd-copy-status')!, t)}>${t('receipt.copy')}</button>
      <span class="rd-copy-status" role="status"></span>
    </div>`;
}

/**
 * Copies `text` (the async clipboard where allowed; else a selected textarea and execCommand,
 * which older WebViews still honour) and says in `status` whether it worked.
 */
export async function copyText(text: string, status: HTMLElement, t: T): Promise<boolean> {
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    const root = status.getRootNode() as ShadowRoot | Document;
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.cssText = 'position:fixed;opacity:0;inset-block-start:0';
    (root instanceof ShadowRoot ? root : document.body).appendChild(area);
    area.select();
    try { ok = document.execCommand('copy'); } catch { ok = false; }
    area.remove();
  }
  status.textContent = t(ok ? 'receipt.copied' : 'receipt.copyFailed');
  return ok;
}

/**
 * A field people do not see and bots fill in. Submissions with a value should be dropped by the
 * widget (and may be by the server). Hidden from assistive technology too.
 */
export function honeypot(t: T, id: string, onInput: (value: string) => void): TemplateResult {
  return html`<div class="rd-honeypot" aria-hidden="true">
    <label for=${id}>${t('honeypot.label')}</label>
    <input id=${id} type="text" name="website" tabindex="-1" autocomplete="off" @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)} />
  </div>`;
}

/** The submit button, disabled and labelled while sending. */
export function submitButton(t: T, busy: boolean, label?: string): TemplateResult {
  return html`<button type="submit" class="rd-button" part="submit-button" ?disabled=${busy} aria-disabled=${busy ? 'true' : 'false'}>
    ${busy ? html`<span class="rd-spinner" aria-hidden="true"></span> ${t('common.submitting')}` : label ?? t('common.submit')}
  </button>`;
}

/** The status line for outcomes that are not about a field: retrying, queued, network or server trouble. */
export function submitStatus(t: T, s: SubmitController): TemplateResult | typeof nothing {
  if (s.state === 'submitting') {
    return html`<p class="rd-notice" role="status"><span class="rd-spinner" aria-hidden="true"></span>
      ${s.retryAttempt > 1 ? t('submit.retrying', { attempt: s.retryAttempt }) : t('common.submitting')}</p>`;
  }
  if (s.state === 'queued') {
    const why = s.errorKind === 'timeout' ? t('submit.timeout') : s.errorKind === 'server' ? t('submit.server', { status: s.errorStatus ?? '' }) : s.errorKind === 'network' ? t('submit.network') : '';
    return html`<div class="rd-notice" role="alert" part="queued-notice">
      <p>${why} ${s.outboxFull ? t('submit.outboxFull') : s.persistent ? t('submit.queued') : t('submit.queuedMemory')}</p>
      <p><button type="button" class="rd-button rd-button--secondary" @click=${() => void s.flush()}>${t('submit.retryNow')}</button></p>
    </div>`;
  }
  return nothing;
}

/** The error summary's line when a send failed for a reason that is not a field (or none). */
export function submitProblem(t: T, s: SubmitController): string | undefined {
  if (s.state !== 'error') return undefined;
  switch (s.errorKind) {
    case 'rejected': {
      if (s.message) return s.message;
      // A refusal that names no field is not the citizen's mistake: say what it is.
      const st = s.errorStatus;
      if (!s.fieldErrors.length && (st === 401 || st === 403)) return t('submit.unauthorized');
      if (!s.fieldErrors.length && (st === 404 || st === 405 || st === 410)) return t('submit.notFound');
      if (st === 413) return t('submit.tooLarge');
      return t('submit.rejected');
    }
    case 'config': return t('submit.noEndpoint');
    case 'cancelled': return t('submit.cancelled');
    default: return undefined;
  }
}

/** Above the fields after a submit: the error summary (fields and a non-field problem) and the send status. */
export function formProblems(t: T, form: FormController<unknown>, shown: ShownError[]): TemplateResult {
  const extra = [submitProblem(t, form.submitter)].filter((m): m is string => !!m);
  return html`${errorSummary(t, shown, extra)} ${submitStatus(t, form.submitter)}`;
}

/** The end of a form: the honeypot and the submit button (none while the submission waits in the outbox). */
export function formActions(t: T, form: FormController<unknown>, honeypotId: string, label?: string): TemplateResult {
  return html`${honeypot(t, honeypotId, form.onHoneypot)}
    ${form.submitter.state === 'queued' ? nothing : submitButton(t, form.busy, label)}`;
}
