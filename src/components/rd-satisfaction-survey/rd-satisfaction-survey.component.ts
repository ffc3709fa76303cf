// <rd-satisfaction-survey>: 满意度测评, questionnaires, 票决 ballots and 征集 forms (docs/domain.md#satisfaction-ratings,
// docs/domain.md#ballots). The element holds the state and the steps: data and modes, drafts, the
// start step (access code, role, identity), pages, the review, and the send through the one form flow
// (FormController, docs/architecture.md#forms) — one response per device for open surveys, 409 shown
// with the first receipt. What is drawn lives in view modules: survey-steps-view.ts (start step,
// pages), survey-question-view.ts (the questions), survey-review-view.ts (the review),
// survey-notices-view.ts (header, "already answered", window) and survey-results-view.ts.
// All rules live in services/survey-logic.ts, services/survey-response.ts, services/survey-form.ts
// and services/survey-results.ts. The first screen shows the questions; the form half
// (survey-form-half.ts: drafts, validation, review, sending) is fetched on the first input, on
// "下一页", or at once when a draft or an outbox entry waits (README "First screens against their budgets").
import { html, nothing, type CSSResultOrNative, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RdElement } from '../shared/rd-element.js';
import { WindowClockController } from '../../controllers/window-clock.js';
import { DataController } from '../../controllers/data-controller.js';
import { LazyPart } from '../../controllers/lazy-part.js';
import { WaitingWorkController } from '../../controllers/waiting-work.js';
import { focusField, focusSummary } from '../../controllers/focus.js';
import type { ShownError } from '../../services/form-errors.js';
import { draftKey } from '../../services/waiting-work.js';
import { survey as surveySchema, type Answer, type Answers, type PassRule, type Survey, type SurveyResults } from '../../services/schemas/survey.js';
import { nextPage, normaliseCode, prevPage, visiblePages } from '../../services/survey-logic.js';
import { emptyRespondent, needsStart, roleIds, windowState, type Respondent, type Step } from '../../services/survey-form.js';
import { responseGuard, type SubmissionRecord } from '../../services/survey-guard.js';
import { formatDateTime } from '../../services/i18n/index.js';
import { zh as messages } from './rd-satisfaction-survey.messages.js';
import { catalogues, type Catalogues } from '../../services/i18n/index.js';
import { surveyStyles } from './rd-satisfaction-survey.styles.js';
import { errorAt, idFor, type QuestionContext } from './survey-question-view.js';
import type { ReviewContext } from './survey-review-view.js';
import { renderPage, renderStart } from './survey-steps-view.js';
import { priorNotice, surveyHeader, windowNotice, type NoticeContext } from './survey-notices-view.js';
import type * as FormHalfModule from './survey-form-half.js';
import type * as ResultsView from './survey-results-view.js';
import type { DraftValue, SurveyForm, SurveyHooks } from './survey-form-half.js';

/** The element's strings: zh-CN bundled, English loaded when first shown in English. */
export const surveyCatalogues = catalogues(messages, () => import('./rd-satisfaction-survey.messages.en.js'));

/** The form half once loaded: its module, and the drafts and send it made on the element. */
interface FormHalf extends SurveyForm {
  m: typeof FormHalfModule;
}

/**
 * @tag rd-satisfaction-survey
 * @summary A satisfaction survey, questionnaire, ballot or call for proposals, with pages, review,
 * drafts, access codes, one response per person, and an accessible results view.
 *
 * @slot - Fallback content shown until the element upgrades (e.g. a link to a paper form).
 *
 * @event rd-ready - Data loaded and first rendered.
 * @event rd-draft-restored - A saved draft was put back into the form.
 * @event rd-draft-saved - A draft was written.
 * @event rd-submit - Just before sending; cancelable; listeners may add headers.
 * @event rd-submitted - The server accepted the response: `{receipt, lookupCode?, payload}`.
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
 * @csspart copy-button - The button copying the receipt number and lookup code.
 * @csspart lookup-link - The link to the portal's lookup page (`lookup-url`).
 * @csspart consent - The personal-information consent block.
 * @csspart draft-notice - Restored-draft, drafts-off and other-tab notices.
 * @csspart queued-notice - "Kept on this device, sent later" after a failed send.
 * @csspart already - The "already submitted on this device" notice.
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
  private resultsCtl?: DataController<typeof ResultsView.surveyResults>;
  /** The form half (drafts, validation, review, sending): a chunk fetched on the first input, on
   *  "下一页"/"开始填写", or when something of this survey waits on this device. */
  private readonly halfPart = new LazyPart<typeof FormHalfModule>(this, () => import('./survey-form-half.js'), 'survey.part.form', (m) => this.attach(m));
  private half?: FormHalf;
  /** Input given before the form half was there: kept over a draft restored afterwards. */
  private typedEarly = false;

  constructor() {
    super();
    // A draft of this survey, or outbox entries, on this device: the form half at once (the draft
    // restored, the entries sent, as before the split).
    new WaitingWorkController(this, () => {
      const id = this.results ? undefined : this.surveyCtl?.value?.id;
      return id ? { draft: draftKey('rd-satisfaction-survey', id), owner: this.owner() } : undefined;
    }, () => this.halfPart.ensure());
  }

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
  private guardChecked: string | undefined;
  private focusAfterRender: string | null = null;

  // ----------------------------------------------------------------------------- data and modes

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.results && !this.resultsCtl) {
      if (this.surveyCtl) { this.removeController(this.surveyCtl); this.surveyCtl = undefined; }
      // The results' schema comes with their view (a chunk of its own): the data is read once it is there.
      const view = this.resultsView.ensure();
      if (view) this.resultsCtl = new DataController(this, {
        schema: view.surveyResults,
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

  private owner() {
    return `rd:rd-satisfaction-survey:${this.surveyCtl?.value?.id ?? this.surveyId ?? ''}`;
  }

  /** The state and steps of this element the form half works on (it is the element's own code). */
  private hooks(): SurveyHooks {
    const el = this;
    return {
      get results() { return el.results; },
      get survey() { return el.survey; },
      get clock() { return el.clock; },
      get answers() { return el.answers; },
      set answers(v) { el.answers = v; },
      get step() { return el.step; },
      set step(v) { el.step = v; },
      get chosenRole() { return el.chosenRole; },
      set chosenRole(v) { el.chosenRole = v; },
      get respondent() { return el.respondent; },
      set respondent(v) { el.respondent = v; },
      get codeInput() { return el.codeInput; },
      get consent() { return el.consent; },
      get prior() { return el.prior; },
      set prior(v) { el.prior = v; },
      get conflict() { return el.conflict; },
      set conflict(v) { el.conflict = v; },
      get resumeStep() { return el.resumeStep; },
      set resumeStep(v) { el.resumeStep = v; },
      get returnToReview() { return el.returnToReview; },
      set returnToReview(v) { el.returnToReview = v; },
      get focusAfterRender() { return el.focusAfterRender; },
      set focusAfterRender(v) { el.focusAfterRender = v; },
      get typedEarly() { return el.typedEarly; },
      set typedEarly(v) { el.typedEarly = v; },
      owner: () => this.owner(),
      perDevice: (s) => this.perDevice(s),
      attempt: (step) => this.attempt(step),
      go: (step, focusId) => this.go(step, focusId),
      draftValue: () => this.draftValue(),
      saveDraft: () => this.saveDraft(),
      resetForm: () => this.resetForm(),
    };
  }

  /** The form half has loaded: its controllers, as the element had them before the split. */
  private attach(m: typeof FormHalfModule) {
    if (this.half) return;
    this.half = { m, ...m.createSurveyForm(this, this.hooks()) };
    this.usePart(m.reviewStyles, m.halfCatalogues);
    // It failed to load before: after 重试, the focus goes back to the step.
    if (this.halfPart.failures > 0) this.focusAfterRender = 'heading';
    const s = this.survey;
    // The survey is on screen (its device guard answered): the draft now; else once it is.
    if (s && this.guardChecked === s.id && !this.guardPending) void this.half.restore();
  }

  /** A part's look and strings, once it has loaded (the first screen carries neither). */
  private usePart(styles: CSSResultOrNative, set: Catalogues<string>) {
    this.useCatalogues(set);
    this.useStyles(styles);
  }

  /** The form half, loading it if needed; undefined (its notice with 重试 shown) if it cannot be. */
  private loadHalf(): Promise<FormHalf | undefined> {
    return this.halfPart.get().then(() => this.half, () => undefined);
  }

  /** Open surveys keep one response per device; a shared kiosk serves many people. */
  private perDevice(s: Survey) {
    return s.access === 'open' && !this.config.kiosk;
  }

  private async onSurvey(s: Survey) {
    const roles = roleIds(s);
    if (!roles.includes(this.chosenRole)) this.chosenRole = roles.length === 1 ? roles[0] : '';
    // Another survey before the form half is here: what was answered belonged to the one before
    // (with the half, its draft controller keeps that aside under the old survey's key).
    if (this.shownSurvey !== undefined && this.shownSurvey !== s.id && !this.half) {
      this.resetForm();
      this.typedEarly = false;
    }
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
    if (this.half) await this.half.restore();
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
    this.half?.form.errors.reset();
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
    if (this.half) this.half.draft.save(this.draftValue());
    else this.touch();
  }

  /** The citizen's first input: the form half is fetched (what was given stays in the element). */
  private touch() {
    if (this.half || this.typedEarly) return;
    this.typedEarly = true;
    this.halfPart.ensure();
  }

  protected override kioskReset(): void {
    void this.half?.draft.clear();
    this.half?.form.reset();
    this.resetForm();
  }

  // ----------------------------------------------------------------------------- answering

  private setAnswer(id: string, value: Answer | undefined) {
    const next = { ...this.answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    this.answers = next;
    this.half?.form.errors.clearServerFor(id);
    this.saveDraft();
  }

  private setRespondent(patch: Partial<Respondent>) {
    this.respondent = { ...this.respondent, ...patch };
    this.saveDraft();
  }

  /** Errors to show on the step on screen: its problems (once tried, re-checked as answers change)
   *  and the server's field errors that belong to it (the review shows them all). */
  private shownErrors(s: Survey): ShownError[] {
    // Nothing was tried before the form half was there: no errors to show.
    return this.half?.shown(s, this.step, this.attempted.has(this.step)) ?? [];
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
    if (this.half) this.half.form.errors.submitted = true;
  }

  private async failStep() {
    this.attempt(this.step);
    await this.updateComplete;
    focusSummary(this.shadowRoot);
  }

  private async onStart(e: Event) {
    e.preventDefault();
    const s = this.survey!;
    const from = this.step;
    const half = await this.loadHalf();
    // A second press while the half was arriving has moved on already: this one is spent.
    if (!half || this.step !== from) return;
    if (half.startProblems().length) return this.failStep();
    this.codeInput = normaliseCode(this.codeInput);
    const errors = half.form.errors;
    errors.setServer(errors.serverErrors.filter((x) => !x.path.startsWith('$')));
    const resume = this.resumeStep !== undefined && visiblePages(s, this.answers).includes(this.resumeStep) ? this.resumeStep : undefined;
    this.resumeStep = undefined;
    await this.go(this.returnToReview ? 'review' : (resume ?? visiblePages(s, this.answers)[0] ?? 0));
  }

  private async onNext(e: Event) {
    e.preventDefault();
    const s = this.survey!;
    const from = this.step;
    if (typeof from !== 'number') return;
    const half = await this.loadHalf();
    // A second press while the half was arriving has moved on already: this one is spent.
    if (!half || this.step !== from) return;
    if (half.problemsOf(s, this.step).length) return this.failStep();
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

  private async useAnotherCode() {
    this.conflict = null;
    this.half?.submit.reset();
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
    // The form half could not be fetched: said where the citizen is, with 重试; the answers stay.
    const failed = this.halfPart.state === 'failed';
    return html`<section class="survey" part="base" aria-labelledby="survey-title">
      ${surveyHeader(this.noticeContext(s))}
      ${failed ? this.halfPart.render(() => nothing) : nothing}
      ${this.renderBody(s)}
      <div class="rd-visually-hidden" aria-live="polite">${this.announce}</div>
    </section>`;
  }

  /** The results view, a chunk of its own imported when results are first shown (README "Figures"). */
  private readonly resultsView = new LazyPart(this, () => import('./survey-results-view.js'), 'lazy.part.results', (v) => this.usePart(v.resultsStyles, v.resultsCatalogues));

  private renderResultsMode() {
    const ctl = this.resultsCtl;
    // Until the view (with the results' schema) is there: loading, or its notice with 重试.
    if (!ctl) return html`<div part="base">${this.resultsView.render(() => nothing)}</div>`;
    if (ctl.status !== 'complete' || !ctl.value) return html`<div part="base">${ctl.renderStatus()}</div>`;
    const tiers = this.passTiers?.split(',').map((x) => x.trim()).filter(Boolean);
    return html`<div part="base">${this.resultsView.render((v) => v.renderResults({ t: this.t, locale: this.locale, results: ctl.value as SurveyResults, passTiers: tiers, rule: this.passRule }))}</div>`;
  }

  private renderBody(s: Survey): TemplateResult | typeof nothing {
    const t = this.t;
    const o = this.noticeContext(s);
    const ws = windowState(s, this.clock.now);
    const half = this.half;
    const sub = half?.submit;
    if (half && sub?.state === 'submitted' && sub.receipt) return half.m.surveyReceipt(t, sub.receipt, sub.message, { lookupCode: sub.lookupCode, lookupUrl: this.config.lookupUrl });
    if (half && this.conflict) return half.m.conflictNotice(o, this.conflict, s.access === 'code' ? () => void this.useAnotherCode() : undefined);
    if (this.prior) return priorNotice(o, this.prior);
    if (ws !== 'open') return windowNotice(o, ws);
    const shown = this.shownErrors(s);
    if (this.step === 'review') return this.renderReview(s, shown);
    if (this.step !== 'start') return this.renderPage(s, this.step, shown);
    return renderStart({
      t, survey: s, shown, code: this.codeInput, role: this.chosenRole, respondent: this.respondent, returnToReview: this.returnToReview,
      draftNotice: this.draftNotice(),
      summary: this.summary(shown),
      onSubmit: (e) => void this.onStart(e),
      onCode: (v) => { this.codeInput = v; this.half?.form.errors.clearServerFor('$code'); this.touch(); },
      onRole: (id) => { this.chosenRole = id; this.saveDraft(); },
      onRespondent: (patch) => this.setRespondent(patch),
    });
  }

  private draftNotice() {
    return this.half?.draft.renderNotice(() => this.draftValue()) ?? nothing;
  }

  private summary(shown: ShownError[]) {
    return this.half?.m.errorSummary(this.t, shown) ?? nothing;
  }

  private noticeContext(s: Survey): NoticeContext {
    return { t: this.t, survey: s, when: (iso) => formatDateTime(iso, this.locale, { dateStyle: 'long', timeStyle: 'short' }) };
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
    return renderPage({
      ...this.viewContext(s, shown), shown, returnToReview: this.returnToReview,
      draftNotice: this.draftNotice(),
      summary: this.summary(shown),
      onSubmit: (e) => void this.onNext(e),
      onPrev: () => void this.onPrev(),
    }, index);
  }

  /** Only reached through the form half ("核对答案" waits for it). */
  private renderReview(s: Survey, shown: ShownError[]) {
    const { m, form } = this.half!;
    return m.renderReview({
      ...this.viewContext(s, shown), shown, form,
      who: needsStart(s) ? { code: this.codeInput, role: this.chosenRole, respondent: this.respondent } : undefined,
      consent: this.consent,
      consentError: this.attempted.has('review') && s.anonymity === 'identified' && !this.consent ? this.t('errors.consent') : undefined,
      privacyUrl: this.config.privacyUrl || undefined,
      onConsent: (c) => { this.consent = c; },
    });
  }
}
