// The form half of <rd-satisfaction-survey> (README "First screens against their budgets",
// docs/architecture.md#forms): what the survey needs once the citizen answers, moves on or sends,
// and not to show the questions — the draft, submit and form controllers (with the outbox, the
// drafts store and the HTTP client behind them), the validation and the payload
// (services/survey-response.ts), the review step with its look, the error summary, the receipt, and
// the strings only these show (survey-form-half.messages.ts). A chunk of its
// own, imported by the element through a LazyPart on the first input, on "下一页"/"开始填写", or at
// once when a draft or an outbox entry waits on this device (WaitingWorkController); the element
// creates the controllers from it and keeps every answer in its own state meanwhile.
import type { TemplateResult } from 'lit';
import { receiptView, type T } from '../shared/form.js';
import { catalogues } from '../../services/i18n/index.js';
import { zh } from './survey-form-half.messages.js';

export { DraftController } from '../../controllers/draft-controller.js';
export { SubmitController } from '../../controllers/submit-controller.js';
export { FormController } from '../../controllers/form-controller.js';
export { errorSummary } from '../shared/form.js';
export { buildResponseData, normaliseAnswers, sourceUrlFor, validateAnswers, validatePage } from '../../services/survey-response.js';
export { renderReview } from './survey-review-view.js';
export { reviewStyles } from './survey-review.styles.js';

/** The half's strings: zh-CN with it, English loaded when first shown in English. */
export const halfCatalogues = catalogues(zh, () => import('./survey-form-half.messages.en.js'));

/** The receipt after the response was accepted (focused by the form flow). */
export function surveyReceipt(t: T, receipt: string, message?: string, lookup: { lookupCode?: string; lookupUrl?: string } = {}): TemplateResult {
  return receiptView({ t, receipt, ...lookup, title: t('survey.receipt.title'), numberLabel: t('survey.receipt.number'), message: message || t('survey.receipt.thanks') });
}
