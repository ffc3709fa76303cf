// <rd-satisfaction-survey>: 满意度测评, questionnaires, 票决 ballots and 征集 forms (docs/domain.md#satisfaction-ratings,
// docs/domain.md#ballots). Pages with progress, validation per question, a review page with "修改", drafts,
// access codes, one response per device for open surveys, 409 shown with the first receipt, and
// a results view. All rules live in services/survey-logic.ts and services/survey-results.ts.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { RdElement } from '../shared/rd-element.js';
import { WindowClockController } from '../../controllers/window-clock.js';
// Registers <rd-provider> too, so this widget's own entry works inside a provider on its own.
import { DataController } from '../../controllers/data-controller.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { SubmitController } from '../../controllers/submit-controller.js';
import { consentBlock, errorSummary, focusField, focusSummary, honeypot, receiptView, selectField, submitButton, submitProblem, submitStatus, textField, type ShownError } from '../shared/form.js';
import { survey as surveySchema, surveyResults as resultsSchema, type Answer, type Answers, type BallotAnswer, type MultipleAnswer, type PassRule, type ProposalAnswer, type Question, type QuestionOf, type Survey, type SurveyResults } from '../../services/schemas/survey.js';
import {
  ballotCandidates, ballotCount, buildResponseData, isAnswered, matrixCell, matrixLayout, moveRanked, nextPage,
  normaliseAnswers, normaliseCode, pageOfQuestion, pageProgress, prevPage, resolveScale, setBallotWriteIn, setMatrixCell,
  sourceUrlFor, toggleBallot, toggleMultiple, validateAnswers, validatePage, visibleQuestionIds, visiblePages,
  type ResolvedScale, type SurveyIssue,
} from '../../services/survey-logic.js';
import { responseGuard, type SubmissionRecord } from '../../services/survey-guard.js';
import { roleIds, windowState } from '../../services/survey-form.js';
import { formatDateTime } from '../../services/i18n/index.js';
import { surveyCatalogues } from './rd-satisfaction-survey.messages.js';
import { surveyStyles } from './rd-satisfaction-survey.styles.js';
import { renderResults, tierLabel } from './survey-results-view.js';

type Step = 'start' | 'review' | number;

interface Respondent { name: string; unit: string; phone: string }
interface DraftValue {
  answers: Answers;
  step: Step;
  role: string;
  respondent: Respondent;
}

const CODE_RE = /^[A-Z0-9-]{4,40}$/;
const PHONE_RE = /^[0-9+\-() ]{5,30}$/;
const emptyRespondent = (): Respondent => ({ name: '', unit: '', phone: '' });
const qid = (id: string) => `q-${id}`;
/** Element id for an error path: a question, or a part of one (`idea.title`). */
const idFor = (path: string) => (path.startsWith('$') ? `f-${path.slice(1)}` : qid(path.replace(/\./g, '-')));

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
  @state() private attempted = new Set<Step>();
  @state() private returnToReview = false;
  @state() private announce = '';
  private serverErrors: Array<{ path: string; message: string }> = [];
  private bot = '';
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

  private async onSurvey(s: Survey) {
    const roles = roleIds(s);
    if (!roles.includes(this.chosenRole)) this.chosenRole = roles.length === 1 ? roles[0] : '';
    // The same survey again (data set again, the widget moved): stay on the page the citizen is on.
    if (this.shownSurvey !== s.id) this.step = this.needsStart(s) ? 'start' : (visiblePages(s, this.answers)[0] ?? 0);
    this.shownSurvey = s.id;
    this.clock.watch(s.window);
    if (this.guardChecked !== s.id) {
      this.guardChecked = s.id;
      this.guardPending = true;
      // A shared kiosk serves many people: the per-device "already answered" rule does not apply.
      this.prior = s.access === 'open' && !this.config.kiosk ? await responseGuard().get(s.id) : null;
      this.guardPending = false;
    }
    const restored = await this.draftCtl.restore();
    // Input given while the draft store was opening is saved now rather than lost.
    if (!restored && (Object.keys(this.answers).length || this.respondent.name)) this.saveDraft();
  }

  private needsStart(s: Survey) {
    return s.access === 'code' || s.roles.length > 1 || s.anonymity === 'identified';
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
      if (!this.needsStart(s)) this.step = v.step;
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
    this.serverErrors = [];
    this.conflict = null;
    if (s) {
      const roles = roleIds(s);
      this.chosenRole = roles.length === 1 ? roles[0] : '';
      this.step = this.needsStart(s) ? 'start' : (visiblePages(s, {})[0] ?? 0);
    }
  }

  private saveDraft() {
    if (!this.survey) return;
    // Names are kept (they are typed again otherwise); phone numbers are dropped by the draft
    // store unless `draft-contact`. Codes are never kept.
    this.draftCtl.save({ answers: this.answers, step: this.step, role: this.chosenRole, respondent: this.respondent });
  }

  private async accepted(receipt: string) {
    const s = this.survey;
    await this.draftCtl.clear();
    if (s?.access === 'open' && !this.config.kiosk) this.prior = await responseGuard().record(s.id, receipt);
    this.prior = null; // the receipt view is shown by the submit state
  }

  protected override kioskReset(): void {
    void this.draftCtl.clear();
    this.submitCtl.reset();
    this.resetForm();
  }

  // ----------------------------------------------------------------------------- answering

  private setAnswer(id: string, value: Answer | undefined) {
    const next = { ...this.answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    this.answers = next;
    this.serverErrors = this.serverErrors.filter((e) => e.path !== id);
    this.saveDraft();
  }

  private issuesFor(step: Step): SurveyIssue[] {
    const s = this.survey;
    if (!s || typeof step !== 'number') return [];
    return validatePage(s, step, this.answers);
  }

  private startProblems(): Array<{ path: string; key: string }> {
    const s = this.survey;
    if (!s) return [];
    const out: Array<{ path: string; key: string }> = [];
    if (s.access === 'code') {
      const c = normaliseCode(this.codeInput);
      if (!c) out.push({ path: '$code', key: 'survey.err.code' });
      else if (!CODE_RE.test(c)) out.push({ path: '$code', key: 'survey.err.codeFormat' });
    }
    if (s.roles.length > 1 && !this.chosenRole) out.push({ path: '$role', key: 'survey.err.role' });
    if (s.anonymity === 'identified') {
      if (!this.respondent.name.trim()) out.push({ path: '$name', key: 'survey.err.name' });
      const fields = s.respondentFields ?? ['name'];
      if (fields.includes('phone') && this.respondent.phone.trim() && !PHONE_RE.test(this.respondent.phone.trim())) out.push({ path: '$phone', key: 'survey.err.phone' });
    }
    return out;
  }

  /** Errors to show on the current step (after its first attempt), in order. */
  private shownErrors(): ShownError[] {
    const t = this.t;
    const s = this.survey;
    if (!s) return [];
    const out: ShownError[] = [];
    const seen = new Set<string>();
    const push = (path: string, message: string) => {
      if (seen.has(path)) return;
      seen.add(path);
      out.push({ id: idFor(path), message });
    };
    if (this.attempted.has(this.step)) {
      if (this.step === 'start') for (const p of this.startProblems()) push(p.path, t(p.key));
      else for (const i of this.issuesFor(this.step)) push(this.issuePath(i), this.issueMessage(i));
    }
    for (const e of this.serverErrors) {
      const onStep = e.path.startsWith('$') ? this.step === 'start' : typeof this.step === 'number' && pageOfQuestion(s, e.path) === this.step;
      if (onStep || this.step === 'review') push(e.path, e.message);
    }
    return out;
  }

  private issuePath(i: SurveyIssue) {
    const q = this.survey && this.findQ(i.questionId);
    return q?.type === 'proposal' && i.path ? `${i.questionId}.${i.path}` : i.questionId;
  }

  private issueMessage(i: SurveyIssue) {
    const kind = this.survey ? this.t(`survey.kind.${this.survey.kind}`) : '';
    return this.t(`survey.err.${i.key}`, { ...(i.params ?? {}), kind });
  }

  private errorFor(path: string, shown: ShownError[]): string | undefined {
    return shown.find((e) => e.id === idFor(path))?.message;
  }

  private findQ(id: string): Question | undefined {
    for (const p of this.survey?.pages ?? []) for (const q of p.questions) if (q.id === id) return q;
    return undefined;
  }

  // ----------------------------------------------------------------------------- navigation

  private async go(step: Step, focusId?: string) {
    this.step = step;
    this.focusAfterRender = focusId ?? 'heading';
    this.saveDraft();
    await this.updateComplete;
  }

  private async failStep() {
    this.attempted = new Set([...this.attempted, this.step]);
    await this.updateComplete;
    focusSummary(this.shadowRoot);
  }

  private async onStart(e: Event) {
    e.preventDefault();
    const s = this.survey!;
    if (this.startProblems().length) return this.failStep();
    this.codeInput = normaliseCode(this.codeInput);
    this.serverErrors = this.serverErrors.filter((x) => !x.path.startsWith('$'));
    const resume = this.resumeStep !== undefined && visiblePages(s, this.answers).includes(this.resumeStep) ? this.resumeStep : undefined;
    this.resumeStep = undefined;
    await this.go(this.returnToReview ? 'review' : (resume ?? visiblePages(s, this.answers)[0] ?? 0));
  }

  private async onNext(e: Event) {
    e.preventDefault();
    const s = this.survey!;
    if (typeof this.step !== 'number') return;
    if (this.issuesFor(this.step).length) return this.failStep();
    const next = this.returnToReview ? null : nextPage(s, this.answers, this.step);
    await this.go(next ?? 'review');
  }

  private async onPrev() {
    const s = this.survey!;
    if (typeof this.step !== 'number') return;
    const prev = prevPage(s, this.answers, this.step);
    await this.go(prev ?? (this.needsStart(s) ? 'start' : this.step));
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

  // ----------------------------------------------------------------------------- sending

  private async onSubmit(e: Event) {
    e.preventDefault();
    const s = this.survey!;
    if (this.bot) return;
    // The window may have closed while the page was open: nothing is sent after `closes`.
    if (windowState(s) !== 'open') { this.clock.tick(); return; }
    // Answered meanwhile in another tab of this device (open surveys).
    if (s.access === 'open' && !this.config.kiosk) {
      const prior = await responseGuard().get(s.id);
      if (prior) { this.prior = prior; return; }
    }
    const issues = validateAnswers(s, this.answers).filter((i) => i.key !== 'hiddenAnswered' && i.key !== 'unknownQuestion');
    if (issues.length) {
      const page = pageOfQuestion(s, issues[0].questionId);
      this.attempted = new Set([...this.attempted, page]);
      this.returnToReview = true;
      await this.go(page, idFor(this.issuePath(issues[0])));
      return;
    }
    const start = this.startProblems();
    if (start.length) {
      this.attempted = new Set([...this.attempted, 'start']);
      await this.go('start', idFor(start[0].path));
      return;
    }
    if (s.anonymity === 'identified' && !this.consent) {
      this.attempted = new Set([...this.attempted, 'review']);
      await this.updateComplete;
      focusSummary(this.shadowRoot);
      return;
    }
    this.serverErrors = [];
    const data = buildResponseData(s, {
      role: this.chosenRole,
      code: s.access === 'code' ? this.codeInput : undefined,
      respondent: s.anonymity === 'identified' ? this.respondent : undefined,
      answers: this.answers,
    });
    const outcome = await this.submitCtl.submit(data);
    if (outcome === 'rejected') {
      if (this.submitCtl.errorStatus === 409) {
        this.focusAfterRender = 'heading';
        this.conflict = { message: this.submitCtl.message, receipt: this.submitCtl.rejectedReceipt };
        if (s.access === 'open' && !this.config.kiosk && this.submitCtl.rejectedReceipt) await responseGuard().record(s.id, this.submitCtl.rejectedReceipt, { viaConflict: true });
        await this.draftCtl.clear();
        return;
      }
      this.serverErrors = this.submitCtl.fieldErrors.map((fe) => ({ path: this.serverPath(fe.path), message: fe.message }));
      const codeErr = this.serverErrors.find((x) => x.path === '$code');
      if (codeErr) {
        await this.go('start', idFor('$code'));
        return;
      }
    }
    await this.focusOutcome(outcome);
  }

  private async focusOutcome(outcome: string) {
    await this.updateComplete;
    if (outcome === 'rejected' || outcome === 'invalid-config' || outcome === 'cancelled') focusSummary(this.shadowRoot);
    else if (outcome === 'submitted') this.shadowRoot?.querySelector<HTMLElement>('[data-rd-receipt]')?.focus();
  }

  /** `answers.q1.x` → `q1`; `code` → `$code`; `respondent.name` → `$name`. */
  private serverPath(path: string): string {
    const p = path.replace(/^data\./, '');
    if (p === 'code') return '$code';
    if (p === 'role') return '$role';
    if (p.startsWith('respondent.')) return `$${p.split('.')[1]}`;
    if (p.startsWith('answers.')) return p.split('.')[1] ?? p;
    return p;
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
    const shown = this.shownErrors();
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

  private renderStart(s: Survey, shown: ShownError[]) {
    const t = this.t;
    const fields = s.respondentFields ?? ['name'];
    const roles = s.roles;
    return html`<form part="form" novalidate @submit=${this.onStart}>
      <h3 tabindex="-1" data-step-heading>${t('survey.start.title')}</h3>
      ${this.draftCtl.renderNotice(() => this.draftValue())}
      ${errorSummary(t, shown)}
      ${s.access === 'code'
        ? textField({ t, id: 'f-code', label: t('survey.code.label'), hint: t('survey.code.hint'), value: this.codeInput, required: true,
            autocomplete: 'off', error: this.errorFor('$code', shown),
            onInput: (v) => { this.codeInput = v; this.serverErrors = this.serverErrors.filter((x) => x.path !== '$code'); } })
        : nothing}
      ${roles.length > 1
        ? html`<fieldset class="q ${this.errorFor('$role', shown) ? 'q--error' : ''}" aria-describedby=${ifDefined(this.errorFor('$role', shown) ? 'f-role-error' : undefined)}>
            <legend class="rd-label" part="label">${t('survey.role.legend')}</legend>
            ${this.errorLine('f-role', this.errorFor('$role', shown))}
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
        ? html`${textField({ t, id: 'f-name', label: t('survey.respondent.name'), value: this.respondent.name, required: true, autocomplete: 'name', error: this.errorFor('$name', shown), onInput: (v) => this.setRespondent({ name: v }) })}
          ${fields.includes('unit') ? textField({ t, id: 'f-unit', label: t('survey.respondent.unit'), value: this.respondent.unit, markOptional: true, autocomplete: 'organization', onInput: (v) => this.setRespondent({ unit: v }) }) : nothing}
          ${fields.includes('phone') ? textField({ t, id: 'f-phone', label: t('survey.respondent.phone'), value: this.respondent.phone, type: 'tel', markOptional: true, autocomplete: 'tel', error: this.errorFor('$phone', shown), onInput: (v) => this.setRespondent({ phone: v }) }) : nothing}`
        : nothing}
      <div class="rd-actions"><button type="submit" class="rd-button">${this.returnToReview ? t('survey.toReview') : t('survey.start.button')}</button></div>
    </form>`;
  }

  private setRespondent(patch: Partial<Respondent>) {
    this.respondent = { ...this.respondent, ...patch };
    this.saveDraft();
  }

  private draftValue(): DraftValue {
    return { answers: this.answers, step: this.step, role: this.chosenRole, respondent: this.respondent };
  }

  private errorLine(id: string, error?: string) {
    return error ? html`<p id="${id}-error" class="rd-error-message" part="error-message"><span class="rd-visually-hidden">${this.t('common.errorPrefix')}</span>${error}</p>` : nothing;
  }

  private renderPage(s: Survey, index: number, shown: ShownError[]) {
    const t = this.t;
    const page = s.pages[index];
    const visible = visibleQuestionIds(s, this.answers);
    const hasPrev = prevPage(s, this.answers, index) !== null || this.needsStart(s);
    const isLast = nextPage(s, this.answers, index) === null;
    return html`<form part="form" novalidate @submit=${this.onNext}>
      ${this.renderProgress(s, page.title ?? '')}
      <h3 class="survey__page-title" tabindex="-1" data-step-heading>${page.title ?? s.title}</h3>
      ${page.description ? html`<p class="q__help">${page.description}</p>` : nothing}
      ${index === (visiblePages(s, this.answers)[0] ?? 0) ? this.draftCtl.renderNotice(() => this.draftValue()) : nothing}
      ${errorSummary(t, shown)}
      ${page.questions.filter((q) => visible.has(q.id)).map((q) => this.renderQuestion(s, q, shown))}
      <div class="rd-actions">
        <button type="submit" class="rd-button">${this.returnToReview || isLast ? t('survey.toReview') : t('survey.next')}</button>
        ${hasPrev ? html`<button type="button" class="rd-button rd-button--secondary" @click=${() => this.onPrev()}>${t('survey.prev')}</button>` : nothing}
      </div>
    </form>`;
  }

  /** Title (+ required mark), help and inline error, shared by every question type. */
  private qHead(q: Question, error: string | undefined, asLegend: boolean) {
    const t = this.t;
    const id = qid(q.id);
    const title = html`${q.title}${q.required ? html`<span class="muted"> ${t('survey.required')}</span>` : nothing}`;
    return html`${asLegend ? html`<legend class="rd-label q__title" part="label">${title}</legend>` : html`<p class="rd-label q__title" part="label" id="${id}-label">${title}</p>`}
      ${q.help ? html`<p class="q__help" id="${id}-hint" part="hint">${q.help}</p>` : nothing}
      ${this.errorLine(id, error)}`;
  }

  private describedBy(q: Question, error?: string, extra?: string) {
    const id = qid(q.id);
    return [q.help ? `${id}-hint` : '', error ? `${id}-error` : '', extra ?? ''].filter(Boolean).join(' ') || undefined;
  }

  private renderQuestion(s: Survey, q: Question, shown: ShownError[]): TemplateResult {
    const error = this.errorFor(q.id, shown);
    const a = this.answers[q.id];
    switch (q.type) {
      case 'satisfaction': return this.renderSatisfaction(q, a, error);
      case 'matrix': return this.renderMatrix(s, q, a, error);
      case 'single': return this.renderSingle(q, a, error);
      case 'multiple': return this.renderMultiple(q, a, error);
      case 'ranking': return this.renderRanking(q, a, error);
      case 'text': return this.renderText(q, a, error);
      case 'number': return this.renderNumber(q, a, error);
      case 'ballot': return this.renderBallot(s, q, a, error);
      case 'proposal': return this.renderProposal(q, a, shown);
    }
  }

  /** A row of big radio buttons for one scale (used by satisfaction and every matrix row). */
  private scaleRadios(scale: ResolvedScale & { kind: 'tiers' }, name: string, firstId: string, value: unknown, invalid: boolean, onPick: (v: string) => void) {
    const t = this.t;
    return html`<div class="scale">
      ${scale.tiers.map((tier, i) => html`<label class="scale__opt"><input type="radio" name=${name} id=${i === 0 ? firstId : `${firstId}-${i}`}
        .value=${tier.value} .checked=${live(value === tier.value)} aria-invalid=${invalid ? 'true' : 'false'}
        @change=${() => onPick(tier.value)} /><span>${tierLabel(t, tier)}</span></label>`)}
    </div>`;
  }

  private scoreInput(scale: ResolvedScale & { kind: 'score' }, id: string, label: string, value: unknown, error: string | undefined, describedBy: string | undefined, onValue: (v: number | string | undefined) => void) {
    return html`<label class="rd-label" for=${id}>${label}</label>
      <input class="rd-input sv__number" part="input" id=${id} type="text" inputmode="decimal"
        .value=${live(value === undefined ? '' : String(value))} aria-invalid=${error ? 'true' : 'false'} aria-describedby=${ifDefined(describedBy)}
        @input=${(e: Event) => onValue(parseNumber((e.target as HTMLInputElement).value))} />
      <span class="rd-visually-hidden">${scale.min}–${scale.max}</span>`;
  }

  private renderSatisfaction(q: QuestionOf<'satisfaction'>, a: Answer | undefined, error?: string) {
    const t = this.t;
    const scale = resolveScale(q.scale);
    if (scale.kind === 'score') {
      return html`<div class="q ${error ? 'q--error' : ''}">
        ${this.qHead(q, error, false)}
        ${this.scoreInput(scale, qid(q.id), t('survey.score.label', { min: scale.min, max: scale.max }), a, error, this.describedBy(q, error), (v) => this.setAnswer(q.id, v))}
      </div>`;
    }
    return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(this.describedBy(q, error))}>
      ${this.qHead(q, error, true)}
      ${this.scaleRadios(scale, q.id, qid(q.id), a, !!error, (v) => this.setAnswer(q.id, v))}
    </fieldset>`;
  }

  private renderMatrix(s: Survey, q: QuestionOf<'matrix'>, a: Answer | undefined, error?: string) {
    const scale = resolveScale(q.scale);
    const groups = matrixLayout(s, q);
    const showMissing = !!error;
    let first = true;
    const row = (path: readonly string[], label: string) => {
      const v = matrixCell(a, path);
      const rid = first ? qid(q.id) : `${qid(q.id)}-${path.join('-')}`;
      first = false;
      const missing = showMissing && v === undefined;
      const set = (x: string | number | undefined) => this.setAnswer(q.id, setMatrixCell(this.answers[q.id], path, x));
      if (scale.kind === 'score') {
        return html`<div class="m-row ${missing ? 'm-row--error' : ''}">${this.scoreInput(scale, rid, label, v, missing ? error : undefined, undefined, set)}</div>`;
      }
      return html`<fieldset class="m-row ${missing ? 'm-row--error' : ''}">
        <legend>${label}</legend>
        ${this.scaleRadios(scale, `${q.id}:${path.join('/')}`, rid, v, missing, set)}
      </fieldset>`;
    };
    return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(this.describedBy(q, error))}>
      ${this.qHead(q, error, true)}
      ${groups.map((g) => (g.subject
        ? html`<fieldset class="m-group">
            <legend>${g.subject.name}</legend>
            ${g.subject.description ? html`<p class="m-subject-desc">${g.subject.description}</p>` : nothing}
            ${g.rows.map((r) => row(r.path, r.label))}
          </fieldset>`
        : html`<div class="m-group">${g.rows.map((r) => row(r.path, r.label))}</div>`))}
    </fieldset>`;
  }

  private renderSingle(q: QuestionOf<'single'>, a: Answer | undefined, error?: string) {
    const t = this.t;
    const isOther = typeof a === 'object' && a !== null && !Array.isArray(a) && 'other' in a && !('selected' in a);
    const otherText = isOther ? String((a as { other: string }).other) : '';
    const opts = [...q.options.map((o) => ({ id: o.id, label: o.label, description: o.description })), ...(q.allowOther ? [{ id: '__other', label: t('survey.other'), description: undefined }] : [])];
    const current = isOther ? '__other' : typeof a === 'string' ? a : undefined;
    return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(this.describedBy(q, error))}>
      ${this.qHead(q, error, true)}
      <div class="rd-choices">
        ${opts.map((o, i) => html`<label class="rd-choice" for=${i === 0 ? qid(q.id) : `${qid(q.id)}-${i}`}>
          <input type="radio" id=${i === 0 ? qid(q.id) : `${qid(q.id)}-${i}`} name=${q.id} .value=${o.id} .checked=${live(current === o.id)}
            aria-invalid=${error ? 'true' : 'false'}
            @change=${() => this.setAnswer(q.id, o.id === '__other' ? { other: otherText || ' ' } : o.id)} />
          <span>${o.label}${o.description ? html`<span class="rd-hint">${o.description}</span>` : nothing}</span>
        </label>`)}
      </div>
      ${isOther ? html`<div class="writein">${textField({ t, id: `${qid(q.id)}-other`, label: t('survey.otherLabel'), value: otherText.trim() ? otherText : '', maxlength: 200,
          onInput: (v) => this.setAnswer(q.id, { other: v || ' ' }) })}</div>` : nothing}
    </fieldset>`;
  }

  private renderMultiple(q: QuestionOf<'multiple'>, a: Answer | undefined, error?: string) {
    const t = this.t;
    const m: MultipleAnswer = typeof a === 'object' && a !== null && 'selected' in a ? (a as MultipleAnswer) : { selected: [] };
    const n = m.selected.length + (m.other !== undefined ? 1 : 0);
    const counterId = `${qid(q.id)}-count`;
    const toggle = (id: string, input: HTMLInputElement) => {
      const r = toggleMultiple(q, m, id);
      if (!r.changed) { input.checked = false; this.announce = t('survey.multiple.full', { max: q.max! }); return; }
      this.announce = '';
      this.setAnswer(q.id, r.answer.selected.length || r.answer.other !== undefined ? r.answer : undefined);
    };
    const toggleOther = (input: HTMLInputElement) => {
      if (m.other !== undefined) {
        const next = { selected: m.selected };
        this.setAnswer(q.id, next.selected.length ? next : undefined);
      } else if (q.max !== undefined && n >= q.max) {
        input.checked = false; this.announce = t('survey.multiple.full', { max: q.max });
      } else this.setAnswer(q.id, { ...m, other: ' ' });
    };
    return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(this.describedBy(q, error, counterId))}>
      ${this.qHead(q, error, true)}
      <p class="counter" id=${counterId} aria-live="polite">${q.max ? t('survey.multiple.counterMax', { n, max: q.max }) : t('survey.multiple.counter', { n })}</p>
      <div class="rd-choices">
        ${q.options.map((o, i) => html`<label class="rd-choice" for=${i === 0 ? qid(q.id) : `${qid(q.id)}-${i}`}>
          <input type="checkbox" id=${i === 0 ? qid(q.id) : `${qid(q.id)}-${i}`} .checked=${live(m.selected.includes(o.id))} aria-invalid=${error ? 'true' : 'false'}
            @change=${(e: Event) => toggle(o.id, e.target as HTMLInputElement)} />
          <span>${o.label}${o.description ? html`<span class="rd-hint">${o.description}</span>` : nothing}</span>
        </label>`)}
        ${q.allowOther ? html`<label class="rd-choice" for="${qid(q.id)}-o">
          <input type="checkbox" id="${qid(q.id)}-o" .checked=${live(m.other !== undefined)} @change=${(e: Event) => toggleOther(e.target as HTMLInputElement)} />
          <span>${t('survey.other')}</span></label>` : nothing}
      </div>
      ${m.other !== undefined ? html`<div class="writein">${textField({ t, id: `${qid(q.id)}-other`, label: t('survey.otherLabel'), value: m.other.trim() ? m.other : '', maxlength: 200,
          onInput: (v) => this.setAnswer(q.id, { ...m, other: v || ' ' }) })}</div>` : nothing}
    </fieldset>`;
  }

  private renderRanking(q: QuestionOf<'ranking'>, a: Answer | undefined, error?: string) {
    const t = this.t;
    const ranked = Array.isArray(a) ? a.filter((id) => q.options.some((o) => o.id === id)) : [];
    const label = (id: string) => q.options.find((o) => o.id === id)?.label ?? id;
    const limit = q.top ?? q.options.length;
    const set = (list: string[], focusId?: string, moved?: string) => {
      this.setAnswer(q.id, list.length ? list : undefined);
      if (moved) this.announce = t('survey.ranking.moved', { label: label(moved), n: list.indexOf(moved) + 1 });
      if (focusId) void this.updateComplete.then(() => this.shadowRoot?.getElementById(focusId)?.focus());
    };
    const unranked = q.options.filter((o) => !ranked.includes(o.id));
    return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(this.describedBy(q, error))}>
      ${this.qHead(q, error, true)}
      <p class="q__help">${q.top ? t('survey.ranking.hintTop', { n: q.top }) : t('survey.ranking.hint')}</p>
      <p class="rd-label" id="${qid(q.id)}-ranked">${t('survey.ranking.ranked')}</p>
      ${ranked.length === 0 ? html`<p class="muted">${t('survey.ranking.none')}</p>` : nothing}
      <ol class="rank-list" aria-labelledby="${qid(q.id)}-ranked">
        ${ranked.map((id, i) => html`<li>
          <span class="rank-pos">${t('survey.ranking.position', { n: i + 1 })}</span>
          <span class="rank-label">${label(id)}</span>
          <button type="button" class="rd-button rd-button--secondary" id="${qid(q.id)}-up-${id}" ?disabled=${i === 0}
            aria-label=${t('survey.ranking.up', { label: label(id) })} @click=${() => set(moveRanked(ranked, id, -1), i - 1 === 0 ? `${qid(q.id)}-down-${id}` : `${qid(q.id)}-up-${id}`, id)}>↑</button>
          <button type="button" class="rd-button rd-button--secondary" id="${qid(q.id)}-down-${id}" ?disabled=${i === ranked.length - 1}
            aria-label=${t('survey.ranking.down', { label: label(id) })} @click=${() => set(moveRanked(ranked, id, 1), i + 1 === ranked.length - 1 ? `${qid(q.id)}-up-${id}` : `${qid(q.id)}-down-${id}`, id)}>↓</button>
          <button type="button" class="rd-button rd-button--link" id="${qid(q.id)}-remove-${id}" aria-label=${t('survey.ranking.remove', { label: label(id) })}
            @click=${() => set(ranked.filter((x) => x !== id), `${qid(q.id)}-add-${id}`)}>${t('common.remove')}</button>
        </li>`)}
      </ol>
      ${ranked.length < limit
        ? html`<p class="rd-label" id="${qid(q.id)}-pool">${t('survey.ranking.unranked')}</p>
          <ul class="rank-list" aria-labelledby="${qid(q.id)}-pool">
            ${unranked.map((o, i) => html`<li><span class="rank-label">${o.label}</span>
              <button type="button" class="rd-button rd-button--secondary" id=${i === 0 && ranked.length === 0 ? qid(q.id) : `${qid(q.id)}-add-${o.id}`}
                aria-label=${t('survey.ranking.add', { label: o.label })} @click=${() => {
                  // Focus stays in the list: the next option to add, or (list full) the one just added.
                  const rest = unranked.filter((x) => x.id !== o.id);
                  const focus = ranked.length + 1 < limit && rest.length ? `${qid(q.id)}-add-${rest[Math.min(i, rest.length - 1)].id}` : `${qid(q.id)}-remove-${o.id}`;
                  set([...ranked, o.id], focus, o.id);
                }}>＋</button></li>`)}
          </ul>`
        : nothing}
      ${ranked.length > 0 ? html`<span id=${qid(q.id)} tabindex="-1"></span>` : nothing}
    </fieldset>`;
  }

  private renderText(q: QuestionOf<'text'>, a: Answer | undefined, error?: string) {
    const t = this.t;
    return html`<div class="q">${textField({
      t, id: qid(q.id), label: html`${q.title}${q.required ? html`<span class="muted"> ${t('survey.required')}</span>` : nothing}`,
      hint: q.help, value: typeof a === 'string' ? a : '', multiline: q.multiline ?? false,
      maxlength: q.maxLength ?? 2000, counter: q.multiline ?? false, error,
      onInput: (v) => this.setAnswer(q.id, v === '' ? undefined : v),
    })}</div>`;
  }

  private renderNumber(q: QuestionOf<'number'>, a: Answer | undefined, error?: string) {
    const t = this.t;
    return html`<div class="q">${textField({
      t, id: qid(q.id), label: html`${q.title}${q.unit ? t('common.paren', { x: q.unit }) : ''}${q.required ? html`<span class="muted"> ${t('survey.required')}</span>` : nothing}`,
      hint: q.help ?? t('survey.number.hint'), value: a === undefined ? '' : String(a), inputmode: q.integer ? 'numeric' : 'decimal', error,
      onInput: (v) => this.setAnswer(q.id, parseNumber(v)),
    })}</div>`;
  }

  private renderBallot(s: Survey, q: QuestionOf<'ballot'>, a: Answer | undefined, error?: string) {
    const t = this.t;
    const b: BallotAnswer = typeof a === 'object' && a !== null && 'selected' in a ? (a as BallotAnswer) : { selected: [] };
    const n = ballotCount(b);
    const full = n >= q.max;
    const counterId = `${qid(q.id)}-count`;
    const cands = ballotCandidates(s, q);
    const toggle = (id: string, input: HTMLInputElement) => {
      const r = toggleBallot(q, b, id);
      if (!r.changed) {
        input.checked = false;
        this.announce = t('survey.ballot.full', { max: q.max });
        this.requestUpdate();
        return;
      }
      this.announce = '';
      this.setAnswer(q.id, r.answer);
    };
    const writeIns = b.writeIns ?? [];
    const slots = q.writeIn ? Math.min(q.writeInMax ?? 1, writeIns.length + 1) : 0;
    // Slot numbers with a plain loop: Prototype.js (on many old portals) replaces Array.from with
    // its $A, which ignores a mapping function.
    const slotIndexes: number[] = [];
    for (let i = 0; i < slots; i++) slotIndexes.push(i);
    return html`<fieldset class="q ${error ? 'q--error' : ''}" aria-describedby=${ifDefined(this.describedBy(q, error, counterId))}>
      ${this.qHead(q, error, true)}
      <p class="counter ${full ? 'counter--full' : ''}" id=${counterId}>
        ${t('survey.ballot.counter', { n, max: q.max })}
        <span class="muted">${t('common.paren', { x: q.min ? t('survey.ballot.ruleMin', { min: q.min, max: q.max }) : t('survey.ballot.rule', { max: q.max }) })}</span>
      </p>
      <div class="rd-visually-hidden" aria-live="polite">${t('survey.ballot.counter', { n, max: q.max })}</div>
      ${full ? html`<p class="muted">${t('survey.ballot.full', { max: q.max })}</p>` : nothing}
      <div class="rd-choices">
        ${cands.map((c, i) => html`<label class="rd-choice" for=${i === 0 ? qid(q.id) : `${qid(q.id)}-${i}`}>
          <input type="checkbox" id=${i === 0 ? qid(q.id) : `${qid(q.id)}-${i}`} .checked=${live(b.selected.includes(c.id))}
            aria-invalid=${error ? 'true' : 'false'} @change=${(e: Event) => toggle(c.id, e.target as HTMLInputElement)} />
          <span>${c.name}${c.description ? html`<span class="rd-hint">${c.description}</span>` : nothing}</span>
        </label>`)}
      </div>
      ${slots ? html`<div class="writein">
        <p class="rd-label">${t('survey.ballot.writeIn')}</p>
        <p class="rd-hint">${t('survey.ballot.writeInHint', { max: q.max })}</p>
        ${slotIndexes.map((i) => {
          const v = writeIns[i] ?? '';
          const blocked = full && !v.trim();
          return textField({ t, id: `${qid(q.id)}-w${i}`, label: t('survey.ballot.writeInLabel', { n: i + 1 }), value: v, maxlength: 100, disabled: blocked,
            onInput: (text) => {
              const r = setBallotWriteIn(q, this.answers[q.id] as BallotAnswer | undefined, i, text);
              if (r.changed) this.setAnswer(q.id, r.answer);
              else { this.announce = t('survey.ballot.full', { max: q.max }); this.requestUpdate(); }
            } });
        })}
      </div>` : nothing}
    </fieldset>`;
  }

  private renderProposal(q: QuestionOf<'proposal'>, a: Answer | undefined, shown: ShownError[]) {
    const t = this.t;
    const p: Partial<ProposalAnswer> = typeof a === 'object' && a !== null && !Array.isArray(a) ? (a as Partial<ProposalAnswer>) : {};
    const set = (patch: Partial<ProposalAnswer>) => {
      const next = { title: '', description: '', ...p, ...patch };
      if (!next.location) delete next.location;
      if (!next.category) delete next.category;
      this.setAnswer(q.id, next.title || next.description || next.location || next.category ? (next as ProposalAnswer) : undefined);
    };
    const err = (part: string) => this.errorFor(`${q.id}.${part}`, shown) ?? (part === 'title' ? this.errorFor(q.id, shown) : undefined);
    const base = qid(q.id);
    return html`<fieldset class="q" aria-describedby=${ifDefined(q.help ? `${base}-hint` : undefined)}>
      <legend class="rd-label q__title" part="label">${q.title}</legend>
      ${q.help ? html`<p class="q__help" id="${base}-hint" part="hint">${q.help}</p>` : nothing}
      ${textField({ t, id: `${base}-title`, label: t('survey.proposal.title'), hint: t('survey.proposal.titleHint'), value: p.title ?? '', required: true, maxlength: 200, error: err('title'), onInput: (v) => set({ title: v }) })}
      ${textField({ t, id: `${base}-description`, label: t('survey.proposal.description'), value: p.description ?? '', required: true, multiline: true, maxlength: q.descriptionMax ?? 3000, counter: true, error: err('description'), onInput: (v) => set({ description: v }) })}
      ${textField({ t, id: `${base}-location`, label: t('survey.proposal.location'), value: p.location ?? '', required: !!q.locationRequired, markOptional: !q.locationRequired, maxlength: 300, error: err('location'), onInput: (v) => set({ location: v }) })}
      ${q.categories ? selectField({ t, id: `${base}-category`, label: t('survey.proposal.category'), required: !!q.categoryRequired, placeholder: t('survey.proposal.choose'),
          options: q.categories.map((c) => ({ value: c.id, label: c.label })), value: p.category ?? '', error: err('category'), onChange: (v) => set({ category: v || undefined }) }) : nothing}
    </fieldset>`;
  }

  // ----------------------------------------------------------------------------- review

  private answerText(s: Survey, q: Question, a: Answer | undefined): TemplateResult | string {
    const t = this.t;
    if (!isAnswered(q, a) || a === undefined) return html`<span class="muted">${t('survey.review.unanswered')}</span>`;
    switch (q.type) {
      case 'satisfaction': {
        const sc = resolveScale(q.scale);
        if (sc.kind === 'score') return String(a);
        const tier = sc.tiers.find((x) => x.value === a);
        return tier ? tierLabel(t, tier) : String(a);
      }
      case 'matrix': {
        const sc = resolveScale(q.scale);
        const cell = (v: string | number | undefined) => {
          if (v === undefined) return t('survey.review.unanswered');
          if (sc.kind === 'score') return String(v);
          const tier = sc.tiers.find((x) => x.value === v);
          return tier ? tierLabel(t, tier) : String(v);
        };
        return html`<ul>${matrixLayout(s, q).map((g) => (g.subject
          ? html`<li>${g.subject.name}：${g.rows.map((r) => `${r.label} ${cell(matrixCell(a, r.path))}`).join('，')}</li>`
          : g.rows.map((r) => html`<li>${r.label}：${cell(matrixCell(a, r.path))}</li>`)))}</ul>`;
      }
      case 'single':
        if (typeof a === 'string') return q.options.find((o) => o.id === a)?.label ?? a;
        return `${t('survey.other')}：${(a as { other: string }).other.trim()}`;
      case 'multiple': {
        const m = a as MultipleAnswer;
        return [...q.options.filter((o) => m.selected.includes(o.id)).map((o) => o.label), ...(m.other?.trim() ? [t('common.labelValue', { label: t('survey.other'), value: m.other.trim() })] : [])].join(t('common.listSep'));
      }
      case 'ranking':
        return html`<ol>${(a as string[]).map((id) => html`<li>${q.options.find((o) => o.id === id)?.label ?? id}</li>`)}</ol>`;
      case 'ballot': {
        const b = a as BallotAnswer;
        const names = ballotCandidates(s, q).filter((c) => b.selected.includes(c.id)).map((c) => c.name);
        const w = (b.writeIns ?? []).filter((x) => x.trim());
        return html`<p>${t('survey.ballot.counter', { n: ballotCount(b), max: q.max })}</p><ul>${names.map((x) => html`<li>${x}</li>`)}${w.map((x) => html`<li>${t('survey.ballot.writeIn')}：${x}</li>`)}</ul>`;
      }
      case 'proposal': {
        const p = a as ProposalAnswer;
        const cat = q.categories?.find((c) => c.id === p.category)?.label;
        return html`<dl>
          <dt>${t('survey.proposal.title')}</dt><dd>${p.title}</dd>
          <dt>${t('survey.proposal.description')}</dt><dd>${p.description}</dd>
          ${p.location ? html`<dt>${t('survey.proposal.location')}</dt><dd>${p.location}</dd>` : nothing}
          ${cat ? html`<dt>${t('survey.proposal.category')}</dt><dd>${cat}</dd>` : nothing}
        </dl>`;
      }
      default:
        return String(a);
    }
  }

  private renderReview(s: Survey, shown: ShownError[]) {
    const t = this.t;
    const visible = visibleQuestionIds(s, this.answers);
    const consentError = this.attempted.has('review') && s.anonymity === 'identified' && !this.consent ? t('errors.consent') : undefined;
    const errors = [...shown, ...(consentError ? [{ id: 'f-consent', message: consentError }] : [])];
    const extra = [submitProblem(this.t, this.submitCtl)].filter((m): m is string => !!m && !this.serverErrors.length);
    const roleLabel = (() => {
      const r = s.roles.find((x) => (typeof x === 'string' ? x : x.id) === this.chosenRole);
      return r === undefined ? this.chosenRole : typeof r === 'string' ? t(`survey.role.${r}`) : r.label;
    })();
    const editBtn = (label: string, target: Step, focusId: string) => html`<button type="button" class="rd-button rd-button--link"
      aria-label=${t('survey.review.editLabel', { question: label })} @click=${() => this.edit(target, focusId)}>${t('survey.review.edit')}</button>`;
    return html`<form part="form" novalidate @submit=${this.onSubmit}>
      ${this.renderProgress(s, t('survey.reviewStep'))}
      <h3 tabindex="-1" data-step-heading>${t('survey.review.title')}</h3>
      <p class="q__help">${t('survey.review.hint')}</p>
      ${errorSummary(t, errors, extra)}
      ${submitStatus(this.t, this.submitCtl)}
      ${this.needsStart(s) ? html`<div class="review">
        <div class="review__row"><div>
          <h4>${t('survey.review.respondent')}</h4>
          <dl>
            ${s.access === 'code' ? html`<dt>${t('survey.review.code')}</dt><dd>${this.codeInput}</dd>` : nothing}
            <dt>${t('survey.review.role')}</dt><dd>${roleLabel}</dd>
            ${s.anonymity === 'identified' ? html`<dt>${t('survey.respondent.name')}</dt><dd>${this.respondent.name}</dd>
              ${this.respondent.unit ? html`<dt>${t('survey.respondent.unit')}</dt><dd>${this.respondent.unit}</dd>` : nothing}
              ${this.respondent.phone ? html`<dt>${t('survey.respondent.phone')}</dt><dd>${this.respondent.phone}</dd>` : nothing}` : nothing}
          </dl>
        </div>${editBtn(t('survey.review.respondent'), 'start', s.access === 'code' ? 'f-code' : s.anonymity === 'identified' ? 'f-name' : 'f-role')}</div>
      </div>` : nothing}
      <dl class="review">
        ${s.pages.flatMap((p, pi) => p.questions.filter((q) => visible.has(q.id)).map((q) => html`<div class="review__item">
          <dt>${q.title}</dt>
          <dd class="review__row"><div>${this.answerText(s, q, this.answers[q.id])}
            ${this.errorFor(q.id, shown) ? html`<p class="rd-error-message">${this.errorFor(q.id, shown)}</p>` : nothing}</div>
          ${editBtn(q.title, pi, q.type === 'proposal' ? `${qid(q.id)}-title` : qid(q.id))}</dd>
        </div>`))}
      </dl>
      ${s.anonymity === 'identified' ? consentBlock({ t, id: 'f-consent', checked: this.consent, error: consentError, privacyUrl: this.config.privacyUrl || undefined, onChange: (c) => { this.consent = c; } }) : nothing}
      ${honeypot(t, 'f-website', (v) => { this.bot = v; })}
      <div class="rd-actions">
        ${this.submitCtl.state === 'queued' ? nothing : submitButton(t, this.submitCtl.busy, t('survey.submit'))}
      </div>
    </form>`;
  }
}

function parseNumber(raw: string): number | string | undefined {
  const s = raw.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(s) ? n : s;
}
