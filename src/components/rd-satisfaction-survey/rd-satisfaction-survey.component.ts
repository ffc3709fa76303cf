// <rd-satisfaction-survey>: 满意度测评, questionnaires, 票决 ballots and 征集 forms (docs/domain.md#satisfaction-ratings,
// docs/domain.md#ballots). The element holds the state and the steps: data and modes, drafts, the
// start step (access code, role, identity), pages, the review, and the send through the one form flow
// (FormController, docs/architecture.md#forms) — one response per device for open surveys, 409 shown
// with the first receipt. What is drawn lives in view modules: the questions in survey-question-view.ts,
// the review in survey-review-view.ts, the results in survey-results-view.ts. All rules live in
// services/survey-logic.ts, services/survey-form.ts and services/survey-results.ts.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { RdElement } from '../shared/rd-element.js';
import { WindowClockController } from '../../controllers/window-clock.js';
// Registers <rd-provider> too, so this widget's own entry works inside a provider on its own.
import { DataController } from '../../controllers/data-controller.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { SubmitController } from '../../controllers/submit-controller.js';
import { FormController, type Validated } from '../../controllers/form-controller.js';
import {
  consentBlock, describedBy, errorLine, errorSummary, focusField, focusSummary, formActions, receiptView, submitProblem, submitStatus, textField,
  type ShownError,
} from '../shared/form.js';
import { survey as surveySchema, surveyResults as resultsSchema, type Answer, type Answers, type PassRule, type Survey, type SurveyResponseData, type SurveyResults } from '../../services/schemas/survey.js';
import {
  buildResponseData, nextPage, normaliseAnswers, normaliseCode, pageOfQuestion, pageProgress, prevPage, sourceUrlFor, validateAnswers, validatePage,
  visibleQuestionIds, visiblePages,
} from '../../services/survey-logic.js';
import { emptyRespondent, formPath, issuePath, needsStart, onStep, roleIds, startProblems, windowState, type Respondent, type Step } from '../../services/survey-form.js';
import type { Problem } from '../../services/validation.js';
import { responseGuard, type SubmissionRecord } from '../../services/survey-guard.js';
import { formatDateTime } from '../../services/i18n/index.js';
import { surveyCatalogues } from './rd-satisfaction-survey.messages.js';
import { surveyStyles } from './rd-satisfaction-survey.styles.js';
import { renderResults } from './survey-results-view.js';
import { errorAt, idFor, renderQuestion, type QuestionContext } from './survey-question-view.js';
import { reviewAnswers, reviewRespondent, type ReviewContext } from './survey-review-view.js';

interface DraftValue {
  answers: Answers;
  step: Step;
  role: string;
  respondent: Respondent;
}
/**
 * @summary A satisfaction survey, questionnaire, ballot or call for proposals, with pages, review,
 * drafts, access codes, one response per person, and an accessible results view.
 *
 * @slot - Fallback content shown until the element upgrades (e.g. a link to a paper form).
 *
 * @event rd-ready - Data loaded and first rendered.
 * @event rd-draft-restored - A saved draft was put back into the form.
 * @event rd-draft-saved - A draft was written.
 * @event rd-submit - Just before sending; cancelable; listeners may add headers.
 * @event rd-submitted - The server accepted the response: `{receipt, payload}`.
 * @event rd-queued - Could not send now; kept in the outbox.
 * @event rd-submit-error - `{kind, status?, errors?}`; a 409 (already submitted) has kind `rejected`, status 409.
 *
 * @csspart base - The outer section.
 * @csspart form - The form of the current step.
 * @csspart progress - The page progress indicator.
 * @csspart label - Labels and legends.
 * @csspart input - Text inputs, selects and textareas.
 * @csspart hint - Hints.
 * @csspart error-message - Inline errors and data errors.
 * @csspart error-summary - The error summary.
 * @csspart submit-button - The send button.
 * @csspart receipt - The receipt after sending.
 * @csspart results - The results view.
 * @csspart chart - Each results chart (SVG).
 * @csspart table - Each results table.
 *
 * @cssprop --rd-color-primary - Main colour (buttons, selected choices).
 * @cssprop --rd-satisfaction-survey-selected - Background of a selected scale choice.
 * @cssprop --rd-satisfaction-survey-progress - Colour of the progress bar.
 */
export class RdSatisfactionSurvey extends RdElement {
  static override styles = [...RdElement.styles, surveyStyles];
  static override catalogues = [surveyCatalogues];

  private surveyCtl?: DataController<typeof surveySchema>;
  private shownSurvey?: string;
  private resultsCtl?: DataController<typeof resultsSchema>;
  private readonly draftCtl = new DraftController<DraftValue>(this, {
    tag: 'rd-satisfaction-survey',
    id: () => (this.results ? undefined : this.surveyCtl?.value?.id),
    apply: (v) => this.applyDraft(v),
    reset: () => this.resetForm(),
  });
  private readonly submitCtl = new SubmitController(this, {
    type: 'survey-response',
    route: '/survey-responses',
    owner: () => `rd:rd-satisfaction-survey:${this.surveyCtl?.value?.id ?? this.surveyId ?? ''}`,
    sourceUrl: () => (this.surveyCtl?.value ? sourceUrlFor(this.surveyCtl.value, location.href) : location.href.replace(/[?#].*$/, '')),
    // Anonymous: the page address (its query may carry a code or a tracking id) is not sent as Referer either.
    referrerPolicy: () => (this.surveyCtl?.value?.anonymity === 'identified' ? undefined : 'no-referrer'),
    onAccepted: (receipt) => void this.accepted(receipt),
  });
  /** The send: guard → validate every step → honeypot → send → server errors → focus. */
  private readonly form = new FormController<SurveyResponseData>(this, this.submitCtl, {
    guard: () => this.guard(),
    validate: () => this.validateAll(),
    onInvalid: () => this.onInvalid(),
    serverPath: formPath,
    onRejected: () => this.onRejected(),
  });
  private get errors() { return this.form.errors; }

  /** Id of the survey: loads `{endpoint}/surveys/{id}` (or `/results` with `results`). */
  @property({ attribute: 'survey-id' }) surveyId?: string;
  /** The survey definition (or, with `results`, the results) as an object. */
  @property({ attribute: false }) data?: unknown;
  /** Show the results view instead of the form. */
  @property({ type: Boolean, reflect: true }) results = false;
  /** A pre-filled access code (e.g. read from the QR link by the page). */
  @property() code?: string;
  /** Results: tiers that count as satisfied, comma-separated (overrides the data). */
  @property({ attribute: 'pass-tiers' }) passTiers?: string;
  /** Results: the pass/fail rule (overrides the data). Property only. */
  @property({ attribute: false }) passRule?: PassRule;

  @state() private answers: Answers = {};
  @state() private step: Step = 0;
  @state() private chosenRole = '';
  @state() private respondent: Respondent = emptyRespondent();
  @state() private codeInput = '';
  @state() private consent = false;
  /** The device guard's record of an earlier submission (open surveys), or null. */
  @state() private prior: SubmissionRecord | null = null;
  /** Re-renders when the window opens or closes while the page is open (a meeting's tablets). */
  private readonly clock = new WindowClockController(this);
  /** The page a restored draft was on, for surveys that begin with a start step. */
  private resumeStep: number | undefined;
  /** Until the device guard has answered, the form is not shown (no flash of a form already sent). */
  @state() private guardPending = true;
  /** A 409 from the server: its message and the first receipt. */
  @state() private conflict: { message?: string; receipt?: string } | null = null;
  /** Steps the citizen tried to leave (or send from): their problems are shown. */
  @state() private attempted = new Set<Step>();
  @state() private returnToReview = false;
  @state() private announce = '';
  /** Where a failed send goes: the step with the first problem and the field to focus there. */
  private failed: { step: Step; focus?: string } | undefined;
  private guardChecked: string | undefined;
  private focusAfterRender: string | null = null;

  // ----------------------------------------------------------------------------- data and modes

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.results && !this.resultsCtl) {
      if (this.surveyCtl) { this.removeController(this.surveyCtl); this.surveyCtl = undefined; }
      this.resultsCtl = new DataController(this, {
        schema: resultsSchema,
        id: () => this.surveyId,
        route: (id) => (id ? `/surveys/${encodeURIComponent(id)}/results` : undefined),
      });
    } else if (!this.results && !this.surveyCtl) {
      if (this.resultsCtl) { this.removeController(this.resultsCtl); this.resultsCtl = undefined; }
      this.surveyCtl = new DataController(this, {
        schema: surveySchema,
        id: () => this.surveyId,
        route: (id) => (id ? `/surveys/${encodeURIComponent(id)}` : undefined),
        onData: (s) => void this.onSurvey(s),
      });
    }
    if (changed.has('code') && this.code && !this.codeInput) this.codeInput = this.code;
  }

  private get survey(): Survey | undefined {
    return this.surveyCtl?.value;
  }

  /** Open surveys keep one response per device; a shared kiosk serves many people. */
  private perDevice(s: Survey) {
    return s.access === 'open' && !this.config.kiosk;
  }

  private async onSurvey(s: Survey) {
    const roles = roleIds(s);
    if (!roles.includes(this.chosenRole)) this.chosenRole = roles.length === 1 ? roles[0] : '';
    // The same survey again (data set again, the widget moved): stay on the page the citizen is on.
    if (this.shownSurvey !== s.id) this.step = needsStart(s) ? 'start' : (visiblePages(s, this.answers)[0] ?? 0);
    this.shownSurvey = s.id;
    this.clock.watch(s.window);
    if (this.guardChecked !== s.id) {
      this.guardChecked = s.id;
      this.guardPending = true;
      this.prior = this.perDevice(s) ? await responseGuard().get(s.id) : null;
      this.guardPending = false;
    }
    const restored = await this.draftCtl.restore();
    // Input given while the draft store was opening is saved now rather than lost.
    if (!restored && (Object.keys(this.answers).length || this.respondent.name)) this.saveDraft();
  }

  private applyDraft(v: DraftValue) {
    const s = this.survey;
    const saved = v && typeof v.answers === 'object' && v.answers ? v.answers : {};
    // The definition may have changed since (a subject, option or question removed): keep only
    // what still fits, so nothing stale blocks the form or counts against a ballot's limit.
    this.answers = s ? normaliseAnswers(s, saved) : saved;
    if (typeof v?.role === 'string' && s && roleIds(s).includes(v.role)) this.chosenRole = v.role;
    this.respondent = { ...emptyRespondent(), ...(v?.respondent ?? {}) };
    // Closed panels re-enter their code (it is not kept in drafts); others resume where they were:
    // at once, or, when the survey has a start step (roles, identity), right after it.
    if (s && typeof v?.step === 'number' && s.pages[v.step]) {
      if (!needsStart(s)) this.step = v.step;
      else if (s.access !== 'code') this.resumeStep = v.step;
    }
  }

  private resetForm() {
    const s = this.survey;
    this.resumeStep = undefined;
    this.answers = {};
    this.respondent = emptyRespondent();
    this.consent = false;
    this.codeInput = this.code ?? '';
    this.attempted = new Set();
    this.returnToReview = false;
    this.errors.reset();
    this.conflict = null;
    if (s) {
      const roles = roleIds(s);
      this.chosenRole = roles.length === 1 ? roles[0] : '';
      this.step = needsStart(s) ? 'start' : (visiblePages(s, {})[0] ?? 0);
    }
  }

  private draftValue(): DraftValue {
    return { answers: this.answers, step: this.step, role: this.chosenRole, respondent: this.respondent };
  }

  private saveDraft() {
    if (!this.survey) return;
    // Names are kept (they are typed again otherwise); phone numbers are dropped by the draft
    // store unless `draft-contact`. Codes are never kept.
    this.draftCtl.save(this.draftValue());
  }

  private async accepted(receipt: string) {
    const s = this.survey;
    await this.draftCtl.clear();
    if (s && this.perDevice(s)) this.prior = await responseGuard().record(s.id, receipt);
    this.prior = null; // the receipt view is shown by the submit state
  }

  protected override kioskReset(): void {
    void this.draftCtl.clear();
    this.form.reset();
    this.resetForm();
  }

  // ----------------------------------------------------------------------------- answering

  private setAnswer(id: string, value: Answer | undefined) {
    const next = { ...this.answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    this.answers = next;
    this.errors.clearServerFor(id);
    this.saveDraft();
  }

  private setRespondent(patch: Partial<Respondent>) {
    this.respondent = { ...this.respondent, ...patch };
    this.saveDraft();
  }

  private startProblems(): Problem[] {
    const s = this.survey;
    return s ? startProblems(s, { code: this.codeInput, role: this.chosenRole, respondent: this.respondent }) : [];
  }

  /** The problems of one step, as the citizen's input stands now. */
  private problemsOf(s: Survey, step: Step): Problem[] {
    if (step === 'start') return this.startProblems();
    if (typeof step !== 'number') return [];
    const kind = this.t(`survey.kind.${s.kind}`);
    return validatePage(s, step, this.answers).map((i) => ({ path: issuePath(s, i), key: `survey.err.${i.key}`, params: { ...(i.params ?? {}), kind } }));
  }

  /** Errors to show on the step on screen: its problems (once tried, re-checked as answers change)
   *  and the server's field errors that belong to it (the review shows them all). */
  private shownErrors(s: Survey): ShownError[] {
    const step = this.step;
    this.errors.set(this.attempted.has(step) ? this.problemsOf(s, step) : []);
    return this.errors.shown(this.t, idFor, (path) => onStep(s, step, path));
  }

  // ----------------------------------------------------------------------------- navigation

  private async go(step: Step, focusId?: string) {
    this.step = step;
    this.focusAfterRender = focusId ?? 'heading';
    this.saveDraft();
    await this.updateComplete;
  }

  /** Marks a step as tried: from now on its problems are shown. */
  private attempt(step: Step) {
    this.attempted = new Set([...this.attempted, step]);
    this.errors.submitted = true;
  }

  private async failStep() {
    this.attempt(this.step);
    await this.updateComplete;
    focusSummary(this.shadowRoot);
  }

  private async onStart(e: Event) {
    e.preventDefault();
    const s = this.survey!;
    if (this.startProblems().length) return this.failStep();
    this.codeInput = normaliseCode(this.codeInput);
    this.errors.setServer(this.errors.serverErrors.filter((x) => !x.path.startsWith('$')));
    const resume = this.resumeStep !== undefined && visiblePages(s, this.answers).includes(this.resumeStep) ? this.resumeStep : undefined;
    this.resumeStep = undefined;
    await this.go(this.returnToReview ? 'review' : (resume ?? visiblePages(s, this.answers)[0] ?? 0));
  }

  private async onNext(e: Event) {
    e.preventDefault();
    const s = this.survey!;
    if (typeof this.step !== 'number') return;
    if (validatePage(s, this.step, this.answers).length) return this.failStep();
    const next = this.returnToReview ? null : nextPage(s, this.answers, this.step);
    await this.go(next ?? 'review');
  }

  private async onPrev() {
    const s = this.survey!;
    if (typeof this.step !== 'number') return;
    const prev = prevPage(s, this.answers, this.step);
    await this.go(prev ?? (needsStart(s) ? 'start' : this.step));
  }

  private async edit(target: Step, focusId: string) {
    this.returnToReview = true;
    await this.go(target, focusId);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.focusAfterRender) {
      const target = this.focusAfterRender;
      this.focusAfterRender = null;
      const root = this.shadowRoot;
      if (!root) return;
      if (target === 'heading') {
        const h = root.querySelector<HTMLElement>('[data-step-heading]');
        h?.focus();
        h?.scrollIntoView?.({ block: 'nearest' });
      } else focusField(root, target);
    }
  }

  // ----------------------------------------------------------------------------- sending (FormController hooks)

  private async guard(): Promise<boolean> {
    const s = this.survey!;
    // The window may have closed while the page was open: nothing is sent after `closes`.
    if (windowState(s) !== 'open') { this.clock.tick(); return false; }
    // Answered meanwhile in another tab of this device (open surveys).
    if (this.perDevice(s)) {
      const prior = await responseGuard().get(s.id);
      if (prior) { this.prior = prior; return false; }
    }
    return true;
  }

  /** Every step at once: the answers, then the start step, then consent (identified surveys). */
  private validateAll(): Validated<SurveyResponseData> {
    const s = this.survey!;
    const fail = (step: Step, focus?: string) => {
      this.attempt(step);
      this.failed = { step, focus };
      return { ok: false as const };
    };
    const issues = validateAnswers(s, this.answers).filter((i) => i.key !== 'hiddenAnswered' && i.key !== 'unknownQuestion');
    if (issues.length) {
      this.returnToReview = true;
      return fail(pageOfQuestion(s, issues[0].questionId), idFor(issuePath(s, issues[0])));
    }
    const start = this.startProblems();
    if (start.length) return fail('start', idFor(start[0].path));
    if (s.anonymity === 'identified' && !this.consent) return fail('review');
    return {
      ok: true,
      data: buildResponseData(s, {
        role: this.chosenRole,
        code: s.access === 'code' ? this.codeInput : undefined,
        respondent: s.anonymity === 'identified' ? this.respondent : undefined,
        answers: this.answers,
      }),
    };
  }

  /** To the failing step, focusing the field; consent is on the review page: its summary. */
  private async onInvalid() {
    const f = this.failed;
    if (f?.focus) await this.go(f.step, f.focus);
    else await this.form.focusOutcome('invalid');
  }

  /** 409: the conflict view with the first receipt. A bad code: back to the start step. */
  private async onRejected(): Promise<boolean> {
    const s = this.survey!;
    const sub = this.submitCtl;
    if (sub.errorStatus === 409) {
      this.focusAfterRender = 'heading';
      this.conflict = { message: sub.message, receipt: sub.rejectedReceipt };
      if (this.perDevice(s) && sub.rejectedReceipt) await responseGuard().record(s.id, sub.rejectedReceipt, { viaConflict: true });
      await this.draftCtl.clear();
      return true;
    }
    if (this.errors.serverErrors.some((x) => x.path === '$code')) {
      await this.go('start', idFor('$code'));
      return true;
    }
    return false;
  }

  private async useAnotherCode() {
    this.conflict = null;
    this.submitCtl.reset();
    this.codeInput = '';
    this.returnToReview = true;
    await this.go('start', idFor('$code'));
  }

  // ----------------------------------------------------------------------------- rendering

  protected override render() {
    if (this.results) return this.renderResultsMode();
    const ctl = this.surveyCtl;
    if (!ctl || ctl.status !== 'complete' || !ctl.value) return html`<div part="base">${ctl?.renderStatus() ?? nothing}</div>`;
    if (this.guardPending) return html`<div part="base"><p class="rd-loading" role="status"><span class="rd-spinner" aria-hidden="true"></span> ${this.t('common.loading')}</p></div>`;
    const s = ctl.value;
    return html`<section class="survey" part="base" aria-labelledby="survey-title">
      ${this.renderHeader(s)}
      ${this.renderBody(s)}
      <div class="rd-visually-hidden" aria-live="polite">${this.announce}</div>
    </section>`;
  }

  private renderResultsMode() {
    const ctl = this.resultsCtl;
    if (!ctl || ctl.status !== 'complete' || !ctl.value) return html`<div part="base">${ctl?.renderStatus() ?? nothing}</div>`;
    const tiers = this.passTiers?.split(',').map((x) => x.trim()).filter(Boolean);
    return html`<div part="base">${renderResults({ t: this.t, locale: this.locale, results: ctl.value as SurveyResults, passTiers: tiers, rule: this.passRule })}</div>`;
  }

  private when(iso: string) {
    return formatDateTime(iso, this.locale, { dateStyle: 'long', timeStyle: 'short' });
  }

  private renderHeader(s: Survey) {
    const t = this.t;
    const kind = t(`survey.kind.${s.kind}`);
    return html`<header>
      <h2 id="survey-title">${s.title}</h2>
      <p class="survey__meta">
        <span class="survey__kind">${kind}</span>
        ${s.organizer ? html`${t('survey.organizer', { organizer: s.organizer })}<br />` : nothing}
        ${t('survey.window', { opens: this.when(s.window.opens), closes: this.when(s.window.closes) })}
      </p>
      ${s.description ? html`<p class="survey__desc">${s.description}</p>` : nothing}
      <p class="rd-notice">${t(s.anonymity === 'anonymous' ? 'survey.anonymous' : 'survey.identified', { kind })}</p>
    </header>`;
  }

  private renderBody(s: Survey): TemplateResult | typeof nothing {
    const t = this.t;
    const kind = t(`survey.kind.${s.kind}`);
    const ws = windowState(s, this.clock.now);
    if (this.submitCtl.state === 'submitted' && this.submitCtl.receipt) {
      return receiptView({
        t,
        receipt: this.submitCtl.receipt,
        title: t('survey.receipt.title'),
        numberLabel: t('survey.receipt.number'),
        message: this.submitCtl.message || t('survey.receipt.thanks'),
      });
    }
    if (this.conflict) {
      return html`<div class="rd-notice rd-notice--error" role="alert" part="already">
        <h3 tabindex="-1" data-step-heading>${t('survey.already.title')}</h3>
        <p>${this.conflict.message ? t('survey.already.server', { message: this.conflict.message }) : t('survey.already.serverDefault', { kind })}</p>
        ${this.conflict.receipt ? html`<p><strong>${t('survey.already.firstReceipt', { receipt: this.conflict.receipt })}</strong></p>` : nothing}
        <p>${t('survey.already.note')}</p>
        ${s.access === 'code' ? html`<div class="rd-actions"><button type="button" class="rd-button rd-button--secondary" @click=${() => this.useAnotherCode()}>${t('survey.code.other')}</button></div>` : nothing}
      </div>`;
    }
    if (this.prior) {
      return html`<div class="rd-notice" role="status" part="already">
        <h3>${t('survey.already.title')}</h3>
        <p>${t('survey.already.device', { time: this.when(this.prior.submittedAt), kind, receipt: this.prior.receipt })}</p>
        <p>${t('survey.already.note')}</p>
      </div>`;
    }
    if (ws === 'upcoming') return html`<p class="rd-notice" role="status">${t('survey.upcoming', { kind, time: this.when(s.window.opens) })}</p>`;
    if (ws === 'closed') return html`<p class="rd-notice" role="status">${t('survey.closed', { kind, time: this.when(s.window.closes) })}</p>`;
    const shown = this.shownErrors(s);
    if (this.step === 'start') return this.renderStart(s, shown);
    if (this.step === 'review') return this.renderReview(s, shown);
    return this.renderPage(s, this.step, shown);
  }


  private renderProgress(s: Survey, label: string) {
    const t = this.t;
    const total = visiblePages(s, this.answers).length + 1; // + the review step
    const step = this.step === 'review' ? total : typeof this.step === 'number' ? pageProgress(s, this.answers, this.step).step : 0;
    if (step === 0) return nothing;
    return html`<div class="survey__progress" part="progress">
      <p class="muted" id="survey-progress">${t('survey.progress', { step, total })}${label ? ` · ${label}` : ''}</p>
      <progress max=${total} .value=${step} aria-labelledby="survey-progress"></progress>
    </div>`;
  }

  /** The start step: access code, role, identity (docs/domain.md#anonymity-and-one-response). */
  private renderStart(s: Survey, shown: ShownError[]) {
    const t = this.t;
    const fields = s.respondentFields ?? ['name'];
    const roles = s.roles;
    const err = (path: string) => errorAt(shown, path);
    return html`<form part="form" novalidate @submit=${this.onStart}>
      <h3 tabindex="-1" data-step-heading>${t('survey.start.title')}</h3>
      ${this.draftCtl.renderNotice(() => this.draftValue())}
      ${errorSummary(t, shown)}
      ${s.access === 'code'
        ? textField({ t, id: 'f-code', label: t('survey.code.label'), hint: t('survey.code.hint'), value: this.codeInput, required: true,
            autocomplete: 'off', error: err('$code'),
            onInput: (v) => { this.codeInput = v; this.errors.clearServerFor('$code'); } })
        : nothing}
      ${roles.length > 1
        ? html`<fieldset class="q ${err('$role') ? 'q--error' : ''}" aria-describedby=${describedBy('f-role', undefined, err('$role')) ?? nothing}>
            <legend class="rd-label" part="label">${t('survey.role.legend')}</legend>
            ${errorLine(t, 'f-role', err('$role'))}
            <div class="scale" role="presentation">
              ${roles.map((r, i) => {
                const id = typeof r === 'string' ? r : r.id;
                const label = typeof r === 'string' ? t(`survey.role.${r}`) : r.label;
                return html`<label class="scale__opt"><input type="radio" name="role" id=${i === 0 ? 'f-role' : `f-role-${i}`} .value=${id}
                  .checked=${live(this.chosenRole === id)} @change=${() => { this.chosenRole = id; this.saveDraft(); }} /><span>${label}</span></label>`;
              })}
            </div>
          </fieldset>`
        : nothing}
      ${s.anonymity === 'identified'
        ? html`${textField({ t, id: 'f-name', label: t('survey.respondent.name'), value: this.respondent.name, required: true, autocomplete: 'name', error: err('$name'), onInput: (v) => this.setRespondent({ name: v }) })}
          ${fields.includes('unit') ? textField({ t, id: 'f-unit', label: t('survey.respondent.unit'), value: this.respondent.unit, markOptional: true, autocomplete: 'organization', onInput: (v) => this.setRespondent({ unit: v }) }) : nothing}
          ${fields.includes('phone') ? textField({ t, id: 'f-phone', label: t('survey.respondent.phone'), value: this.respondent.phone, type: 'tel', markOptional: true, autocomplete: 'tel', error: err('$phone'), onInput: (v) => this.setRespondent({ phone: v }) }) : nothing}`
        : nothing}
      <div class="rd-actions"><button type="submit" class="rd-button">${this.returnToReview ? t('survey.toReview') : t('survey.start.button')}</button></div>
    </form>`;
  }

  /** What the view modules need: the answers (read live), errors on screen, and the ways back in. */
  private viewContext(s: Survey, shown: ShownError[]): QuestionContext & ReviewContext {
    const host = this;
    return {
      t: this.t,
      survey: s,
      get answers() { return host.answers; },
      error: (path) => errorAt(shown, path),
      set: (id, value) => this.setAnswer(id, value),
      announce: (message) => { this.announce = message; this.requestUpdate(); },
      focus: (id) => void this.updateComplete.then(() => this.shadowRoot?.getElementById(id)?.focus()),
      edit: (step, focusId) => void this.edit(step, focusId),
    };
  }

  private renderPage(s: Survey, index: number, shown: ShownError[]) {
    const t = this.t;
    const page = s.pages[index];
    const visible = visibleQuestionIds(s, this.answers);
    const hasPrev = prevPage(s, this.answers, index) !== null || needsStart(s);
    const isLast = nextPage(s, this.answers, index) === null;
    const ctx = this.viewContext(s, shown);
    return html`<form part="form" novalidate @submit=${this.onNext}>
      ${this.renderProgress(s, page.title ?? '')}
      <h3 class="survey__page-title" tabindex="-1" data-step-heading>${page.title ?? s.title}</h3>
      ${page.description ? html`<p class="q__help">${page.description}</p>` : nothing}
      ${index === (visiblePages(s, this.answers)[0] ?? 0) ? this.draftCtl.renderNotice(() => this.draftValue()) : nothing}
      ${errorSummary(t, shown)}
      ${page.questions.filter((q) => visible.has(q.id)).map((q) => renderQuestion(ctx, q))}
      <div class="rd-actions">
        <button type="submit" class="rd-button">${this.returnToReview || isLast ? t('survey.toReview') : t('survey.next')}</button>
        ${hasPrev ? html`<button type="button" class="rd-button rd-button--secondary" @click=${() => this.onPrev()}>${t('survey.prev')}</button>` : nothing}
      </div>
    </form>`;
  }

  private renderReview(s: Survey, shown: ShownError[]) {
    const t = this.t;
    const consentError = this.attempted.has('review') && s.anonymity === 'identified' && !this.consent ? t('errors.consent') : undefined;
    const errors = [...shown, ...(consentError ? [{ id: 'f-consent', message: consentError }] : [])];
    // A refusal that names fields is said at the fields; one that names none, in the summary.
    const extra = [submitProblem(t, this.submitCtl)].filter((m): m is string => !!m && !this.errors.serverErrors.length);
    const ctx = this.viewContext(s, shown);
    return html`<form part="form" novalidate @submit=${this.form.run}>
      ${this.renderProgress(s, t('survey.reviewStep'))}
      <h3 tabindex="-1" data-step-heading>${t('survey.review.title')}</h3>
      <p class="q__help">${t('survey.review.hint')}</p>
      ${errorSummary(t, errors, extra)}
      ${submitStatus(t, this.submitCtl)}
      ${needsStart(s) ? reviewRespondent(ctx, { code: this.codeInput, role: this.chosenRole, respondent: this.respondent }) : nothing}
      ${reviewAnswers(ctx)}
      ${s.anonymity === 'identified' ? consentBlock({ t, id: 'f-consent', checked: this.consent, error: consentError, privacyUrl: this.config.privacyUrl || undefined, onChange: (c) => { this.consent = c; } }) : nothing}
      <div class="rd-actions">${formActions(t, this.form, 'f-website', t('survey.submit'))}</div>
    </form>`;
  }
}
