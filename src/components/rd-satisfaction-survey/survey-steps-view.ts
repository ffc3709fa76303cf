// The steps of <rd-satisfaction-survey> before the review: the start step — who answers
// (docs/domain.md#anonymity-and-one-response): the access code of a closed panel, the role when a
// survey asks several groups, name, unit and phone for identified surveys — and each page of
// questions with "下一页"/"上一页", and the progress line over them. Plain functions returning Lit
// templates from the shared fields (shared/fields.ts: the first screen carries no submission
// machinery; the error summary comes from the form half); the rules are in services/survey-form.ts
// and services/survey-logic.ts, the questions in survey-question-view.ts.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { describedBy, errorLine, textField } from '../shared/fields.js';
import type { ShownError, T } from '../../services/form-errors.js';
import type { Answers, Survey } from '../../services/schemas/survey.js';
import { nextPage, pageProgress, prevPage, visibleQuestionIds, visiblePages } from '../../services/survey-logic.js';
import { needsStart, type Respondent, type Step } from '../../services/survey-form.js';
import { errorAt, renderQuestion, type QuestionContext } from './survey-question-view.js';

/** "第 2 页，共 4 页" and a bar; the review is the last step. Nothing on the start step. */
export function progress(t: T, s: Survey, answers: Readonly<Answers>, step: Step, label: string): TemplateResult | typeof nothing {
  const total = visiblePages(s, answers).length + 1; // + the review step
  const n = step === 'review' ? total : typeof step === 'number' ? pageProgress(s, answers, step).step : 0;
  if (n === 0) return nothing;
  return html`<div class="survey__progress" part="progress">
      <p class="muted" id="survey-progress">${t('survey.progress', { step: n, total })}${label ? ` · ${label}` : ''}</p>
      <progress max=${total} .value=${n} aria-labelledby="survey-progress"></progress>
    </div>`;
}

export interface StartContext {
  t: T;
  survey: Survey;
  /** The errors of the start step on screen (`$code`, `$role`, `$name`, `$phone`). */
  shown: ShownError[];
  code: string;
  role: string;
  respondent: Respondent;
  /** Coming from the review ("修改"): the button goes back there. */
  returnToReview: boolean;
  /** The draft notice, shown above the fields. */
  draftNotice: TemplateResult | typeof nothing;
  /** The error summary of `shown` (drawn by the form half, which is there once anything was tried). */
  summary: TemplateResult | typeof nothing;
  onSubmit(e: Event): void;
  onCode(value: string): void;
  onRole(id: string): void;
  onRespondent(patch: Partial<Respondent>): void;
}

/** The start step. */
export function renderStart(o: StartContext): TemplateResult {
  const { t, survey: s, respondent: r } = o;
  const fields = s.respondentFields ?? ['name'];
  const err = (path: string) => errorAt(o.shown, path);
  return html`<form part="form" novalidate @submit=${o.onSubmit}>
      <h3 tabindex="-1" data-step-heading>${t('survey.start.title')}</h3>
      ${o.draftNotice}
      ${o.summary}
      ${s.access === 'code'
        ? textField({ t, id: 'f-code', label: t('survey.code.label'), hint: t('survey.code.hint'), value: o.code, required: true, autocomplete: 'off', error: err('$code'), onInput: o.onCode })
        : nothing}
      ${s.roles.length > 1
        ? html`<fieldset class="q ${err('$role') ? 'q--error' : ''}" aria-describedby=${ifDefined(describedBy('f-role', undefined, err('$role')))}>
            <legend class="rd-label" part="label">${t('survey.role.legend')}</legend>
            ${errorLine(t, 'f-role', err('$role'))}
            <div class="scale" role="presentation">
              ${s.roles.map((role, i) => {
                const id = typeof role === 'string' ? role : role.id;
                const label = typeof role === 'string' ? t(`survey.role.${role}`) : role.label;
                return html`<label class="scale__opt"><input type="radio" name="role" id=${i === 0 ? 'f-role' : `f-role-${i}`} .value=${id}
                  .checked=${live(o.role === id)} @change=${() => o.onRole(id)} /><span>${label}</span></label>`;
              })}
            </div>
          </fieldset>`
        : nothing}
      ${s.anonymity === 'identified'
        ? html`${textField({ t, id: 'f-name', label: t('survey.respondent.name'), value: r.name, required: true, autocomplete: 'name', error: err('$name'), onInput: (v) => o.onRespondent({ name: v }) })}
          ${fields.includes('unit') ? textField({ t, id: 'f-unit', label: t('survey.respondent.unit'), value: r.unit, markOptional: true, autocomplete: 'organization', onInput: (v) => o.onRespondent({ unit: v }) }) : nothing}
          ${fields.includes('phone') ? textField({ t, id: 'f-phone', label: t('survey.respondent.phone'), value: r.phone, type: 'tel', markOptional: true, autocomplete: 'tel', error: err('$phone'), onInput: (v) => o.onRespondent({ phone: v }) }) : nothing}`
        : nothing}
      <div class="rd-actions"><button type="submit" class="rd-button">${o.returnToReview ? t('survey.toReview') : t('survey.start.button')}</button></div>
    </form>`;
}

export interface PageContext extends QuestionContext {
  /** The errors of this page on screen. */
  shown: ShownError[];
  returnToReview: boolean;
  /** The draft notice (shown on the first page). */
  draftNotice: TemplateResult | typeof nothing;
  /** The error summary of `shown`, as on the start step. */
  summary: TemplateResult | typeof nothing;
  onSubmit(e: Event): void;
  onPrev(): void;
}

/** One page of questions: "下一页" (or "核对答案" on the last page and when coming from the review). */
export function renderPage(o: PageContext, index: number): TemplateResult {
  const { t, survey: s, answers } = o;
  const page = s.pages[index];
  const visible = visibleQuestionIds(s, answers);
  const hasPrev = prevPage(s, answers, index) !== null || needsStart(s);
  const isLast = nextPage(s, answers, index) === null;
  return html`<form part="form" novalidate @submit=${o.onSubmit}>
      ${progress(t, s, answers, index, page.title ?? '')}
      <h3 class="survey__page-title" tabindex="-1" data-step-heading>${page.title ?? s.title}</h3>
      ${page.description ? html`<p class="q__help">${page.description}</p>` : nothing}
      ${index === (visiblePages(s, answers)[0] ?? 0) ? o.draftNotice : nothing}
      ${o.summary}
      ${page.questions.filter((q) => visible.has(q.id)).map((q) => renderQuestion(o, q))}
      <div class="rd-actions">
        <button type="submit" class="rd-button">${o.returnToReview || isLast ? t('survey.toReview') : t('survey.next')}</button>
        ${hasPrev ? html`<button type="button" class="rd-button rd-button--secondary" @click=${() => o.onPrev()}>${t('survey.prev')}</button>` : nothing}
      </div>
    </form>`;
}
