// The form half of <rd-satisfaction-survey> (README "First screens against their budgets",
// docs/architecture.md#forms): what the survey needs once the citizen answers, moves on or sends,
// and not to show the questions — the draft, submit and form controllers (with the outbox, the
// drafts store and the HTTP client behind them), the validation and the payload
// (services/survey-response.ts), the review step with its look, the error summary, the receipt, and
// the strings only these show (survey-form-half.messages.ts). A chunk of its
// own, imported by the element through a LazyPart on the first input, on "下一页"/"开始填写", or at
// once when a draft or an outbox entry waits on this device (WaitingWorkController). The element
// keeps every answer in its own state meanwhile; `createSurveyForm` is the element's own send and
// draft code, moved here to be fetched later: it works on the element's state through the
// hooks the element hands it (SurveyHooks).
import { html, nothing, type TemplateResult } from 'lit';
import { receiptView, type T } from '../shared/form.js';
import { catalogues } from '../../services/i18n/index.js';
import type { RdHost } from '../../controllers/host.js';
import type { WindowClockController } from '../../controllers/window-clock.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { SubmitController } from '../../controllers/submit-controller.js';
import { FormController, type Validated } from '../../controllers/form-controller.js';
import type { Answers, Survey, SurveyResponseData } from '../../services/schemas/survey.js';
import { pageOfQuestion } from '../../services/survey-logic.js';
import {
  buildResponseData, formPath, issuePath, normaliseAnswers, onStep, sourceUrlFor, startProblems, validateAnswers, validatePage,
} from '../../services/survey-response.js';
import { emptyRespondent, needsStart, roleIds, windowState, type Respondent, type Step } from '../../services/survey-form.js';
import { responseGuard, type SubmissionRecord } from '../../services/survey-guard.js';
import type { Problem } from '../../services/validation.js';
import type { ShownError } from '../../services/form-errors.js';
import { idFor } from './survey-question-view.js';
import { kindOf, type NoticeContext } from './survey-notices-view.js';
import { zh } from './survey-form-half.messages.js';

export { errorSummary } from '../shared/form.js';
export { renderReview } from './survey-review-view.js';
export { reviewStyles } from './survey-review.styles.js';

/** The half's strings: zh-CN with it, English loaded when first shown in English. */
export const halfCatalogues = catalogues(zh, () => import('./survey-form-half.messages.en.js'));

/** What a draft keeps: the answers, the step, the role and who answers (never the code). */
export interface DraftValue {
  answers: Answers;
  step: Step;
  role: string;
  respondent: Respondent;
}

/**
 * The element's state and steps the half works on: an object the element makes over its own
 * members (getters and setters, so TypeScript checks every name there).
 */
export interface SurveyHooks {
  readonly results: boolean;
  readonly survey: Survey | undefined;
  readonly clock: WindowClockController;
  answers: Answers;
  step: Step;
  chosenRole: string;
  respondent: Respondent;
  readonly codeInput: string;
  readonly consent: boolean;
  prior: SubmissionRecord | null;
  conflict: { message?: string; receipt?: string } | null;
  resumeStep: number | undefined;
  returnToReview: boolean;
  focusAfterRender: string | null;
  /** Input given before the half was there (kept over a draft restored afterwards). */
  typedEarly: boolean;
  owner(): string;
  perDevice(s: Survey): boolean;
  attempt(step: Step): void;
  go(step: Step, focusId?: string): Promise<void>;
  draftValue(): DraftValue;
  saveDraft(): void;
  resetForm(): void;
}

export interface SurveyForm {
  draft: DraftController<DraftValue>;
  submit: SubmitController;
  form: FormController<SurveyResponseData>;
  /** Opens this survey's draft and puts a saved one back (call once the survey is on screen). */
  restore(): Promise<void>;
  /** The start step's problems, as the citizen's input stands now. */
  startProblems(): Problem[];
  /** The problems of one step, as the citizen's input stands now. */
  problemsOf(s: Survey, step: Step): Problem[];
  /** Errors to show on the step on screen: its problems once `tried` (re-checked as answers
   *  change) and the server's field errors that belong to it (the review shows them all). */
  shown(s: Survey, step: Step, tried: boolean): ShownError[];
}

/** The element's drafts and its send (docs/architecture.md#forms), on the element `el`. */
export function createSurveyForm(el: RdHost, h: SurveyHooks): SurveyForm {
  let failed: { step: Step; focus?: string } | undefined;

  const applyDraft = (v: DraftValue) => {
    const s = h.survey;
    const saved = v && typeof v.answers === 'object' && v.answers ? v.answers : {};
    // Answered before the form half (and with it the draft) was there: the draft fills in the
    // rest, what was just given stays, and so does the page on screen.
    const early = h.typedEarly;
    h.typedEarly = false;
    const given = early ? { ...saved, ...h.answers } : saved;
    // The definition may have changed since (a subject, option or question removed): keep only
    // what still fits, so nothing stale blocks the form or counts against a ballot's limit.
    h.answers = s ? normaliseAnswers(s, given) : given;
    if (typeof v?.role === 'string' && s && roleIds(s).includes(v.role) && !(early && h.chosenRole)) h.chosenRole = v.role;
    const typed = early ? Object.fromEntries(Object.entries(h.respondent).filter(([, x]) => x)) : {};
    h.respondent = { ...emptyRespondent(), ...(v?.respondent ?? {}), ...typed };
    // Closed panels re-enter their code (it is not kept in drafts); others resume where they were:
    // at once, or, when the survey has a start step (roles, identity), right after it.
    if (s && !early && typeof v?.step === 'number' && s.pages[v.step]) {
      if (!needsStart(s)) h.step = v.step;
      else if (s.access !== 'code') h.resumeStep = v.step;
    }
  };

  const draft = new DraftController<DraftValue>(el, {
    tag: 'rd-satisfaction-survey',
    id: () => (h.results ? undefined : h.survey?.id),
    apply: applyDraft,
    reset: () => h.resetForm(),
  });

  const submit = new SubmitController(el, {
    type: 'survey-response',
    route: '/survey-responses',
    owner: () => h.owner(),
    sourceUrl: () => (h.survey ? sourceUrlFor(h.survey, location.href) : location.href.replace(/[?#].*$/, '')),
    // Anonymous: the page address (its query may carry a code or a tracking id) is not sent as Referer either.
    referrerPolicy: () => (h.survey?.anonymity === 'identified' ? undefined : 'no-referrer'),
    receiptTitle: () => h.survey?.title ?? '',
    onAccepted: (receipt) => void (async () => {
      const s = h.survey;
      await draft.clear();
      if (s && h.perDevice(s)) h.prior = await responseGuard().record(s.id, receipt);
      h.prior = null; // the receipt view is shown by the submit state
    })(),
  });

  const start = (): Problem[] => {
    const s = h.survey;
    return s ? startProblems(s, { code: h.codeInput, role: h.chosenRole, respondent: h.respondent }) : [];
  };

  /** Every step at once: the answers, then the start step, then consent (identified surveys). */
  const validateAll = (): Validated<SurveyResponseData> => {
    const s = h.survey!;
    const fail = (step: Step, focus?: string) => {
      h.attempt(step);
      failed = { step, focus };
      return { ok: false as const };
    };
    const issues = validateAnswers(s, h.answers).filter((i) => i.key !== 'hiddenAnswered' && i.key !== 'unknownQuestion');
    if (issues.length) {
      h.returnToReview = true;
      return fail(pageOfQuestion(s, issues[0].questionId), idFor(issuePath(s, issues[0])));
    }
    const problems = start();
    if (problems.length) return fail('start', idFor(problems[0].path));
    if (s.anonymity === 'identified' && !h.consent) return fail('review');
    return {
      ok: true,
      data: buildResponseData(s, {
        role: h.chosenRole,
        code: s.access === 'code' ? h.codeInput : undefined,
        respondent: s.anonymity === 'identified' ? h.respondent : undefined,
        answers: h.answers,
      }),
    };
  };

  /** The send: guard → validate every step → honeypot → send → server errors → focus. */
  const form: FormController<SurveyResponseData> = new FormController<SurveyResponseData>(el, submit, {
    guard: async () => {
      const s = h.survey!;
      // The window may have closed while the page was open: nothing is sent after `closes`.
      if (windowState(s) !== 'open') { h.clock.tick(); return false; }
      // Answered meanwhile in another tab of this device (open surveys).
      if (h.perDevice(s)) {
        const prior = await responseGuard().get(s.id);
        if (prior) { h.prior = prior; return false; }
      }
      return true;
    },
    validate: validateAll,
    // To the failing step, focusing the field; consent is on the review page: its summary.
    onInvalid: async () => {
      if (failed?.focus) await h.go(failed.step, failed.focus);
      else await form.focusOutcome('invalid');
    },
    serverPath: formPath,
    // 409: the conflict view with the first receipt. A bad code: back to the start step.
    onRejected: async () => {
      const s = h.survey!;
      if (submit.errorStatus === 409) {
        h.focusAfterRender = 'heading';
        h.conflict = { message: submit.message, receipt: submit.rejectedReceipt };
        if (h.perDevice(s) && submit.rejectedReceipt) await responseGuard().record(s.id, submit.rejectedReceipt, { viaConflict: true });
        await draft.clear();
        return true;
      }
      if (form.errors.serverErrors.some((x) => x.path === '$code')) {
        await h.go('start', idFor('$code'));
        return true;
      }
      return false;
    },
  });

  const problemsOf = (s: Survey, step: Step): Problem[] => {
    if (step === 'start') return start();
    if (typeof step !== 'number') return [];
    const kind = el.t(`survey.kind.${s.kind}`);
    return validatePage(s, step, h.answers).map((i) => ({ path: issuePath(s, i), key: `survey.err.${i.key}`, params: { ...(i.params ?? {}), kind } }));
  };

  return {
    draft,
    submit,
    form,
    async restore() {
      const early = h.typedEarly;
      const restored = await draft.restore();
      h.typedEarly = false;
      // Input given before the half was there (merged with a draft restored meanwhile), or while
      // the draft store was opening, is saved now rather than lost.
      if (early || (!restored && (Object.keys(h.answers).length || h.respondent.name))) h.saveDraft();
    },
    startProblems: start,
    problemsOf,
    shown(s, step, tried) {
      form.errors.set(tried ? problemsOf(s, step) : []);
      return form.errors.shown(el.t, idFor, (path) => onStep(s, step, path));
    },
  };
}

/** The receipt after the response was accepted (focused by the form flow). */
export function surveyReceipt(t: T, receipt: string, message?: string, lookup: { lookupCode?: string; lookupUrl?: string } = {}): TemplateResult {
  return receiptView({ t, receipt, ...lookup, title: t('survey.receipt.title'), numberLabel: t('survey.receipt.number'), message: message || t('survey.receipt.thanks') });
}

/** The server said this code or device has answered (409): its message and the first receipt;
 *  a closed panel's member may try another code. */
export function conflictNotice(o: NoticeContext, conflict: { message?: string; receipt?: string }, onOtherCode?: () => void): TemplateResult {
  const { t } = o;
  return html`<div class="rd-notice rd-notice--error" role="alert" part="already">
        <h3 tabindex="-1" data-step-heading>${t('survey.already.title')}</h3>
        <p>${conflict.message ? t('survey.already.server', { message: conflict.message }) : t('survey.already.serverDefault', { kind: kindOf(o) })}</p>
        ${conflict.receipt ? html`<p><strong>${t('survey.already.firstReceipt', { receipt: conflict.receipt })}</strong></p>` : nothing}
        <p>${t('survey.already.note')}</p>
        ${onOtherCode ? html`<div class="rd-actions"><button type="button" class="rd-button rd-button--secondary" @click=${onOtherCode}>${t('survey.code.other')}</button></div>` : nothing}
      </div>`;
}
