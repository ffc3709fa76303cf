// Small presentational pieces used by several widgets, as Lit templates rendered inside the
// widget's own shadow root (so label/aria-describedby references stay in one tree).
// Error handling follows GOV.UK: summary at the top (focused after a failed submit, links that
// focus the field), inline messages with a hidden "错误：" prefix, aria-invalid, aria-describedby.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Problem } from '../../services/validation.js';
import type { FieldError } from '../../services/schemas/common.js';

export type T = (key: string, params?: Readonly<Record<string, string | number>>) => string;

/** One error as shown: the field's element id and the message. */
export interface ShownError {
  id: string;
  message: string;
}

/** Default field id for a data path: `respondent.phone` → `f-respondent-phone`. */
export const fieldId = (path: string) => `f-${path.replace(/[^\w-]+/g, '-') || 'form'}`;

/**
 * Tracks which errors to show (GOV.UK / Lion): nothing before the first submit; after it, the
 * current client-side problems plus the server's field errors, re-checked as fields change.
 */
export class FormErrors {
  submitted = false;
  private client: Problem[] = [];
  private server: FieldError[] = [];

  set(problems: Problem[]) { this.client = problems; }
  setServer(errors: FieldError[]) { this.server = errors; }
  clearServerFor(path: string) { this.server = this.server.filter((e) => e.path !== path); }
  reset() { this.submitted = false; this.client = []; this.server = []; }

  /** Errors to show, in form order, each once per path. Server errors use their own text. */
  shown(t: T, idFor: (path: string) => string = fieldId): ShownError[] {
    if (!this.submitted) return [];
    const seen = new Set<string>();
    const out: ShownError[] = [];
    for (const p of this.client) {
      if (seen.has(p.path)) continue;
      seen.add(p.path);
      out.push({ id: idFor(p.path), message: t(p.key, p.params) });
    }
    for (const e of this.server) {
      if (seen.has(e.path)) continue;
      seen.add(e.path);
      out.push({ id: idFor(e.path), message: e.message });
    }
    return out;
  }

  /** The message for one path, if shown. */
  for(path: string, t: T): string | undefined {
    if (!this.submitted) return undefined;
    const p = this.client.find((x) => x.path === path);
    if (p) return t(p.key, p.params);
    return this.server.find((x) => x.path === path)?.message;
  }
}

/** Focuses a field by id inside `root` and scrolls its label (or legend) into view. */
export function focusField(root: ShadowRoot | HTMLElement, id: string) {
  const el = (root as ShadowRoot).getElementById?.(id) ?? (root as HTMLElement).querySelector(`#${CSS.escape(id)}`);
  if (!(el instanceof HTMLElement)) return;
  const fieldset = el.closest('fieldset');
  const label = fieldset?.querySelector('legend') ?? (root as ShadowRoot).querySelector?.(`label[for="${CSS.escape(id)}"]`);
  (label ?? el).scrollIntoView({ block: 'start' });
  const target = el.matches('input,select,textarea,button,[tabindex]') ? el : el.querySelector<HTMLElement>('input,select,textarea,button');
  target?.focus({ preventScroll: true });
}

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

export function focusSummary(root: ShadowRoot | null | undefined) {
  const el = root?.querySelector<HTMLElement>('[data-rd-error-summary]');
  if (el) { el.focus(); el.scrollIntoView({ block: 'start' }); }
}

const describedBy = (id: string, hint?: unknown, error?: unknown, extra?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean).join(' ') || undefined;

const errorLine = (t: T, id: string, error?: string) =>
  error ? html`<p id="${id}-error" class="rd-error-message" part="error-message"><span class="rd-visually-hidden">${t('common.errorPrefix')}</span>${error}</p>` : nothing;

const hintLine = (id: string, hint?: string | TemplateResult) => (hint ? html`<p id="${id}-hint" class="rd-hint" part="hint">${hint}</p>` : nothing);

const labelSuffix = (t: T, required?: boolean, markOptional?: boolean) =>
  required ? html`<span class="rd-visually-hidden">${t('common.required')}</span>` : markOptional ? html` <span class="rd-hint-inline">${t('common.optional')}</span>` : nothing;

export interface TextFieldOptions {
  t: T;
  id: string;
  label: string | TemplateResult;
  value: string;
  onInput: (value: string) => void;
  onBlur?: () => void;
  error?: string;
  hint?: string | TemplateResult;
  required?: boolean;
  /** Show "（选填）" after the label. */
  markOptional?: boolean;
  type?: 'text' | 'email' | 'tel' | 'number' | 'date' | 'time' | 'search' | 'url';
  multiline?: boolean;
  rows?: number;
  maxlength?: number;
  /** Show a character counter (multiline, with maxlength). */
  counter?: boolean;
  autocomplete?: string;
  inputmode?: string;
  name?: string;
  disabled?: boolean;
}

/** A labelled text input or textarea with hint, inline error and optional counter. */
export function textField(o: TextFieldOptions): TemplateResult {
  const counterId = o.counter && o.maxlength ? `${o.id}-count` : undefined;
  const aria = describedBy(o.id, o.hint, o.error, counterId);
  // The limit counts characters as people (and the counter and the schemas) do: code points, so
  // an emoji is one, not two as in the native `maxlength`. Not cut while an input method is
  // composing (拼音 before the characters are chosen).
  const onInput = (e: Event) => {
    const el = e.target as HTMLInputElement | HTMLTextAreaElement;
    let v = el.value;
    if (o.maxlength && !(e as InputEvent).isComposing && v.length > o.maxlength) {
      const chars = [...v];
      if (chars.length > o.maxlength) { v = chars.slice(0, o.maxlength).join(''); el.value = v; }
    }
    o.onInput(v);
  };
  const control = o.multiline
    ? html`<textarea id=${o.id} class="rd-textarea" part="input" name=${ifDefined(o.name)} rows=${o.rows ?? 5}
        .value=${live(o.value)} @input=${onInput} @compositionend=${onInput} @blur=${() => o.onBlur?.()}
        ?required=${!!o.required} ?disabled=${!!o.disabled}
        aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${ifDefined(aria)}></textarea>`
    : html`<input id=${o.id} class="rd-input" part="input" name=${ifDefined(o.name)} type=${o.type ?? 'text'}
        .value=${live(o.value)} @input=${onInput} @compositionend=${onInput} @blur=${() => o.onBlur?.()}
        ?required=${!!o.required} ?disabled=${!!o.disabled}
        autocomplete=${ifDefined(o.autocomplete)} inputmode=${ifDefined(o.inputmode)}
        aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${ifDefined(aria)} />`;
  return html`<div class="rd-field ${o.error ? 'rd-field--error' : ''}">
    <label class="rd-label" part="label" for=${o.id}>${o.label}${labelSuffix(o.t, o.required, o.markOptional)}</label>
    ${hintLine(o.id, o.hint)} ${errorLine(o.t, o.id, o.error)} ${control}
    ${counterId ? html`<span id=${counterId} class="rd-counter" aria-live="polite">${o.t('common.charCount', { count: [...o.value].length, max: o.maxlength! })}</span>` : nothing}
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

export interface SelectFieldOptions {
  t: T;
  id: string;
  label: string | TemplateResult;
  options: ReadonlyArray<{ value: string; label: string }>;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  hint?: string;
  required?: boolean;
  placeholder?: string;
}

export function selectField(o: SelectFieldOptions): TemplateResult {
  const aria = describedBy(o.id, o.hint, o.error);
  return html`<div class="rd-field ${o.error ? 'rd-field--error' : ''}">
    <label class="rd-label" part="label" for=${o.id}>${o.label}${labelSuffix(o.t, o.required)}</label>
    ${hintLine(o.id, o.hint)} ${errorLine(o.t, o.id, o.error)}
    <select id=${o.id} class="rd-select" part="input" .value=${live(o.value)} ?required=${!!o.required}
      aria-invalid=${o.error ? 'true' : 'false'} aria-describedby=${ifDefined(aria)}
      @change=${(e: Event) => o.onChange((e.target as HTMLSelectElement).value)}>
      ${o.placeholder !== undefined ? html`<option value="">${o.placeholder}</option>` : nothing}
      ${o.options.map((x) => html`<option value=${x.value} ?selected=${x.value === o.value}>${x.label}</option>`)}
    </select>
  </div>`;
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
  /** What was sent, as label/value pairs (values shown as text). */
  summary?: ReadonlyArray<{ label: string; value: string }>;
  onNew?: () => void;
  newLabel?: string;
}

/** The receipt: number, what happens next, a summary of what was sent. Focus it after submit. */
export function receiptView(o: ReceiptOptions): TemplateResult {
  return html`<section class="rd-receipt" part="receipt" tabindex="-1" data-rd-receipt aria-labelledby="rd-receipt-title">
    <h2 id="rd-receipt-title">${o.title ?? o.t('receipt.title')}</h2>
    <p>${o.numberLabel ?? o.t('receipt.number')}<br /><span class="rd-receipt__number">${o.receipt}</span></p>
    ${o.message ? html`<p>${o.message}</p>` : nothing}
    <p>${o.t('receipt.keep')}${o.replyWindow ? ` ${o.t('receipt.replyWindow', { window: o.replyWindow })}` : ''}</p>
    ${o.summary?.length
      ? html`<h3>${o.t('receipt.summary')}</h3>
          <dl class="rd-summary-list">${o.summary.map((s) => html`<dt>${s.label}</dt><dd>${s.value}</dd>`)}</dl>`
      : nothing}
    ${o.onNew ? html`<div class="rd-actions"><button type="button" class="rd-button rd-button--secondary" @click=${o.onNew}>${o.newLabel ?? o.t('common.newSubmission')}</button></div>` : nothing}
  </section>`;
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
