// The fields of a form as Lit templates — labelled text inputs and selects with their hint and
// inline error, and the ids that tie them together — apart from the rest of the form pieces
// (shared/form.ts re-exports them): a first screen that shows fields before any sending is
// possible (the survey's questions, README "First screens against their budgets") imports these
// without the submission machinery.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { T } from '../../services/form-errors.js';

export const describedBy = (id: string, hint?: unknown, error?: unknown, extra?: string) =>
  [hint ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean).join(' ') || undefined;

export const errorLine = (t: T, id: string, error?: string) =>
  error ? html`<p id="${id}-error" class="rd-error-message" part="error-message"><span class="rd-visually-hidden">${t('common.errorPrefix')}</span>${error}</p>` : nothing;

/** The hint under a label (`class` for a widget's own look, e.g. the survey's `q__help`). */
export const hintLine = (id: string, hint?: string | TemplateResult, className = 'rd-hint') => (hint ? html`<p id="${id}-hint" class=${className} part="hint">${hint}</p>` : nothing);

export const labelSuffix = (t: T, required?: boolean, markOptional?: boolean) =>
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

