// What <rd-satisfaction-survey> shows around and instead of its form (docs/domain.md#satisfaction-ratings):
// the header (title, kind, organizer, answering window, whether answers are anonymous), "already
// answered" as remembered on this device (docs/domain.md#anonymity-and-one-response), and a window
// not yet open or closed. Plain functions returning Lit templates. The receipt once sent and a
// repeat refused by the server (409) are in survey-form-half.ts.
import { html, nothing, type TemplateResult } from 'lit';
import type { T } from '../../services/form-errors.js';
import type { Survey } from '../../services/schemas/survey.js';
import type { SubmissionRecord } from '../../services/survey-guard.js';

export interface NoticeContext {
  t: T;
  survey: Survey;
  /** A date and time as the citizen reads them (the element's locale). */
  when(iso: string): string;
}

export const kindOf = (o: NoticeContext) => o.t(`survey.kind.${o.survey.kind}`);

export function surveyHeader(o: NoticeContext): TemplateResult {
  const { t, survey: s } = o;
  const kind = kindOf(o);
  return html`<header>
      <h2 id="survey-title">${s.title}</h2>
      <p class="survey__meta">
        <span class="survey__kind">${kind}</span>
        ${s.organizer ? html`${t('survey.organizer', { organizer: s.organizer })}<br />` : nothing}
        ${t('survey.window', { opens: o.when(s.window.opens), closes: o.when(s.window.closes) })}
      </p>
      ${s.description ? html`<p class="survey__desc">${s.description}</p>` : nothing}
      <p class="rd-notice">${t(s.anonymity === 'anonymous' ? 'survey.anonymous' : 'survey.identified', { kind })}</p>
    </header>`;
}

/** This device sent a response to this open survey before. */
export function priorNotice(o: NoticeContext, prior: SubmissionRecord): TemplateResult {
  const { t } = o;
  return html`<div class="rd-notice" role="status" part="already">
        <h3>${t('survey.already.title')}</h3>
        <p>${t('survey.already.device', { time: o.when(prior.submittedAt), kind: kindOf(o), receipt: prior.receipt })}</p>
        <p>${t('survey.already.note')}</p>
      </div>`;
}

/** Before `opens` or after `closes`: when it opens or closed, and no form. */
export function windowNotice(o: NoticeContext, state: 'upcoming' | 'closed'): TemplateResult {
  const { t, survey: s } = o;
  return state === 'upcoming'
    ? html`<p class="rd-notice" role="status">${t('survey.upcoming', { kind: kindOf(o), time: o.when(s.window.opens) })}</p>`
    : html`<p class="rd-notice" role="status">${t('survey.closed', { kind: kindOf(o), time: o.when(s.window.closes) })}</p>`;
}
