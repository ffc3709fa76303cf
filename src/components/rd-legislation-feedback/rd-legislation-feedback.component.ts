// <rd-legislation-feedback>: read a draft regulation and comment on it article by article
// (法规草案征求意见). See docs/domain.md#public-comment-on-drafts, docs/contract.md#post-routes.
// The element holds the state and composes the views: the reader (legislation-reader-view.ts,
// legislation-toc-view.ts, deep links through controllers/deep-link-controller.ts) and the
// comment form's parts (legislation-form-view.ts); the submit runs through the FormController.
import { adoptionBadge, adoptionByArticle, renderAdoption } from './legislation-adoption-view.js';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RdElement } from '../shared/rd-element.js';
import { WindowClockController } from '../../controllers/window-clock.js';
import { DataController } from '../../controllers/data-controller.js';
import { LazyPart } from '../../controllers/lazy-part.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { SubmitController } from '../../controllers/submit-controller.js';
import { FormController } from '../../controllers/form-controller.js';
import { DeepLinkController } from '../../controllers/deep-link-controller.js';
import { errorSummary, fieldId, focusField, honeypot, submitButton, submitProblem, submitStatus } from '../shared/form.js';
import { formatDateTime } from '../../services/i18n/index.js';
import { localDay } from '../../services/days.js';
import { draftSchema, type Channel, type Draft } from '../../services/schemas/legislation.js';
import { normalizeArticleRef } from '../../services/legal-structure.js';
import { RENDER_ALL_UP_TO, RENDER_BLOCK, blockOf, needsParser, prepareDraft, resolvePlace, type Place, type PreparedDraft } from '../../services/legislation-reader.js';
import {
  carryProxy,
  checkFeedback,
  countComments,
  emptyForm,
  formPath,
  reviveForm,
  windowState,
  type FeedbackForm,
  type WindowState,
} from '../../services/legislation-form.js';
import { goTo, renderIssues, renderNote, renderText } from './legislation-reader-view.js';
import { emptyToc, renderToc, type TocState } from './legislation-toc-view.js';
import {
  renderCommentedText,
  renderContact,
  renderGeneral,
  renderMine,
  renderOrphans,
  renderProxy,
  renderQuestions,
  renderReceipt,
  renderRespondent,
  type FormViewContext,
} from './legislation-form-view.js';
import { zh as messages } from './rd-legislation-feedback.messages.js';
import { catalogues } from '../../services/i18n/index.js';
import { lfStyles } from './rd-legislation-feedback.styles.js';

/** The element's strings: zh-CN bundled, English loaded when first shown in English. */
export const lfCatalogues = catalogues(messages, () => import('./rd-legislation-feedback.messages.en.js'));

const TAG = 'rd-legislation-feedback';

/**
 * @tag rd-legislation-feedback
 * @summary Public comment on a draft regulation: read it with contents, search and deep links,
 * comment on any article (several times), on the whole draft and on the key questions, review
 * "my comments", identify yourself as the draft requires, and send — with a receipt number.
 *
 * @slot - Fallback content shown until the element upgrades (e.g. a link to the portal's page).
 *
 * @event rd-ready - The draft is loaded and first rendered.
 * @event rd-draft-restored - Unsent comments were put back into the form. `detail: {savedAt}`
 * @event rd-draft-saved - Unsent comments were saved on this device. `detail: {savedAt}`
 * @event rd-submit - Just before sending; cancelable, listeners may add headers. `detail: {payload, headers}`
 * @event rd-submitted - The server accepted the comments. `detail: {receipt, lookupCode?, payload}`
 * @event rd-queued - Could not send now; kept in the outbox. `detail: {idempotencyKey}`
 * @event rd-submit-error - A failure the citizen is told about. `detail: {kind, status?, errors?}`
 *
 * @csspart base - The wrapper.
 * @csspart header - Title, soliciting legislature, stage and window.
 * @csspart toc - Contents, go-to-article and search.
 * @csspart text - The draft text.
 * @csspart article - One article.
 * @csspart comment-button - "Comment on 第X条" buttons.
 * @csspart form - The form.
 * @csspart mine - The "my comments" list.
 * @csspart label - Field labels.
 * @csspart input - Inputs, selects and textareas.
 * @csspart hint - Field hints.
 * @csspart error-message - Inline errors and data notices.
 * @csspart error-summary - The error summary.
 * @csspart submit-button - The submit button.
 * @csspart receipt - The receipt after sending.
 * @csspart adoption - The 意见采纳情况 once the window has closed.
 * @csspart copy-button - The button copying the receipt number and lookup code.
 * @csspart lookup-link - The link to the portal's lookup page (`lookup-url`).
 * @csspart consent - The personal-information consent block.
 * @csspart draft-notice - Restored-draft, drafts-off and other-tab notices.
 * @csspart queued-notice - "Kept on this device, sent later" after a failed send.
 *
 * @cssprop --rd-color-primary - Buttons, links, accents (default #b4001e).
 * @cssprop --rd-legislation-feedback-text-max - Measure of the draft text (default 42em).
 * @cssprop --rd-legislation-feedback-toc-width - Width of the contents column on wide screens (default 16em).
 * @cssprop --rd-legislation-feedback-sticky-top - Offset of the sticky contents (e.g. under a fixed site header; default 0).
 */
export class RdLegislationFeedback extends RdElement {
  static override styles = [...RdElement.styles, lfStyles];
  static override catalogues = [lfCatalogues];

  private readonly dataCtl = new DataController(this, {
    schema: draftSchema,
    id: () => this.draftId,
    route: (id) => (id ? `/drafts/${encodeURIComponent(id)}` : undefined),
    onData: (d) => this.onDraft(d),
  });
  private readonly draftCtl = new DraftController<FeedbackForm>(this, {
    tag: TAG,
    id: () => this.dataCtl.value?.id,
    apply: (v) => { this.form = this.keepProxy(reviveForm(v)); },
    reset: () => { this.form = this.keepProxy(emptyForm()); this.errors.reset(); },
    // A proxy or QR instance keeps its own draft, as it keeps its own outbox.
    variant: () => (this.effectiveChannel === 'online' ? '' : `:${this.effectiveChannel}`),
  });
  private readonly submitCtl = new SubmitController(this, {
    type: 'legislation-feedback',
    route: '/legislation-feedback',
    // The outbox belongs to this instance: a proxy or QR instance, or a second instance with its
    // own element id on the same page, does not send and show another instance's queued comments.
    owner: () => {
      const ch = this.effectiveChannel;
      return `rd:${TAG}:${this.dataCtl.value?.id ?? this.draftId ?? ''}${ch === 'online' ? '' : `:${ch}`}${this.id ? `#${this.id}` : ''}`;
    },
    receiptTitle: () => this.dataCtl.value?.title ?? '',
    onAccepted: () => void this.draftCtl.clear(),
  });
  /** The form flow; `validate` keeps where each sent comment came from, to map server errors back. */
  private sources: Parameters<typeof formPath>[1] | undefined;
  private readonly flow = new FormController(this, this.submitCtl, {
    validate: () => {
      const r = this.validate();
      this.sources = r.ok ? r.sources : undefined;
      return r.ok ? { ok: true as const, data: r.data } : { ok: false as const };
    },
    beforeSend: async () => { await this.draftCtl.flush(); },
    serverPath: (path) => (this.sources ? formPath(path, this.sources) : path),
  });
  private get errors() { return this.flow.errors; }
  /** `#第十二条` (or `#第三编`) in the page address: go there once the text is shown, and on every change. */
  private readonly deepLinks = new DeepLinkController<Place>(this, {
    resolve: (hash) => (this.prepared ? resolvePlace(this.prepared, hash) : undefined),
    jump: (place) => (place.kind === 'article' ? this.jumpTo(place.label) : this.goToId(place.id)),
    ready: () => !!this.prepared && this.dataCtl.status === 'complete' && this.toc.tocOpen !== undefined,
    enabled: () => this.deepLink !== 'off',
  });

  /** Id of the draft: loaded from `{endpoint}/drafts/{draft-id}`. */
  @property({ attribute: 'draft-id' }) draftId?: string;
  /** The draft object (property only); wins over every other source. */
  @property({ attribute: false }) data?: unknown;
  /** Proxy mode: a 立法信息员 or station worker enters opinions collected offline. */
  @property({ type: Boolean, reflect: true }) proxy = false;
  /** `online` (default) or `qr` (the page was opened from a poster's QR code; `?rd-channel=qr` also works). */
  @property() channel?: 'online' | 'qr';
  /** `on` (default): follow `#第十二条` in the page address. Set `off` on all but one instance when a page has several. */
  @property({ attribute: 'deep-link' }) deepLink: 'on' | 'off' = 'on';
  /** Shows the legal-text parser's report for plain-text drafts (for webmasters previewing a page). */
  @property({ type: Boolean, attribute: 'check-text' }) checkText = false;

  @state() private form: FeedbackForm = emptyForm();
  /** Contents, go-to-article and search. */
  @state() private toc: TocState = emptyToc();
  @state() private announcement = '';
  private readonly clock = new WindowClockController(this);
  private prepared?: PreparedDraft;
  private pendingFocus?: string;
  /** Blocks of articles drawn so far, in a long text (docs/domain.md#structure-of-a-legal-text: the 民法典's 1,260). */
  private blocks = new Set<number>();
  private observer?: IntersectionObserver;

  // ------------------------------------------------------------------ data

  /**
   * The legal-text parser (services/legal-text.ts), a chunk of its own imported only for a
   * plain-text draft (README "Figures"); a structured draft never loads it.
   */
  private readonly parser = new LazyPart(this, () => import('../../services/legal-text.js'), 'lazy.part.parser', () => {
    const d = this.unparsed;
    this.unparsed = undefined;
    if (d) this.prepare(d);
  });
  /** A plain-text draft waiting for the parser. */
  private unparsed?: Draft;

  private onDraft(draft: Draft): Promise<unknown> | void {
    if (needsParser(draft) && this.parser.state !== 'ready') {
      this.prepared = undefined;
      this.unparsed = draft;
      return this.parser.get();
    }
    this.unparsed = undefined;
    this.prepare(draft);
  }

  private prepare(draft: Draft) {
    const prepared = prepareDraft(draft, this.parser.value?.parseLegalText);
    for (const i of prepared.issues) {
      console.warn(`[rd-widgets] <${TAG}> draft ${draft.id}, line ${i.line}: ${i.code}`, i.params);
    }
    this.prepared = prepared;
    this.blocks = new Set([0, 1]);
    this.deepLinks.rearm();
    if (this.proxy && !this.form.proxy.date) this.form = this.keepProxy(this.form);
    this.clock.watch(draft.window);
    void this.draftCtl.restore();
  }

  private get windowNow(): WindowState {
    const d = this.prepared?.draft;
    return d ? windowState(d.window, this.clock.now) : 'open';
  }

  private get effectiveChannel(): Channel {
    if (this.proxy) return 'proxy';
    if (this.channel === 'qr') return 'qr';
    try {
      const q = new URLSearchParams(location.search);
      if (q.get('rd-channel') === 'qr') return 'qr';
    } catch { /* no location */ }
    return 'online';
  }

  // ------------------------------------------------------------------ form state

  /** In proxy mode the collector's details stay for the next submission (docs/domain.md#proxy-entry). */
  private keepProxy(next: FeedbackForm): FeedbackForm {
    return this.proxy ? carryProxy(next, this.form, localDay()) : next;
  }

  private patch(patch: Partial<FeedbackForm>) {
    this.form = { ...this.form, ...patch };
    this.draftCtl.save(this.form);
    this.flow.recheck();
  }

  private validate() {
    const ctx = { channel: this.effectiveChannel, consentVersion: this.config.privacyVersion, order: this.prepared?.order };
    const r = checkFeedback(this.form, this.prepared!.draft, ctx);
    this.errors.set(r.ok ? [] : r.problems);
    return r;
  }

  private startOver() {
    this.form = this.keepProxy(emptyForm());
    this.flow.reset();
    this.announcement = '';
    this.pendingFocus = 'lf-title';
  }

  protected override kioskReset() {
    this.form = emptyForm();
    this.toc = { ...this.toc, query: '' };
    this.flow.reset();
    void this.draftCtl.clear();
  }

  // ------------------------------------------------------------------ navigation

  /** Scrolls to an article by label (or any reference people type) and focuses it. */
  jumpTo(ref: string): boolean {
    const label = normalizeArticleRef(ref);
    const i = label ? this.prepared?.order.get(label) : undefined;
    if (i === undefined) return false;
    this.reveal([i], true);
    return goTo(this.shadowRoot, `a-${i}`);
  }

  /** Goes to an element by id (a heading, the preamble, a block of the form), drawing the articles after a heading first. */
  private goToId(id: string): boolean {
    const first = this.prepared?.headings.find((h) => h.id === id)?.first;
    if (first !== undefined) this.reveal([first], true);
    return goTo(this.shadowRoot, id);
  }

  // ------------------------------------------------------------------ long texts, drawn as reached

  /** A text long enough to be drawn in blocks as it is reached. */
  private get windowed(): boolean {
    return (this.prepared?.articles.length ?? 0) > RENDER_ALL_UP_TO;
  }

  /**
   * Draws the blocks of these articles and the next one; `now` (a jump) also the one before, so
   * nothing above the target changes height as it lands, and renders before returning.
   */
  private reveal(indices: readonly number[], now = false) {
    if (!this.windowed) return;
    let added = false;
    for (const i of indices) {
      for (const b of now ? [blockOf(i) - 1, blockOf(i), blockOf(i) + 1] : [blockOf(i), blockOf(i) + 1]) {
        if (b < 0) continue;
        if (!this.blocks.has(b)) { this.blocks.add(b); added = true; }
      }
    }
    if (!added) return;
    this.requestUpdate();
    if (now && this.hasUpdated) this.performUpdate();
  }

  /** Printing prints the whole text: every block is drawn first. */
  private readonly beforePrint = () => {
    const n = this.prepared?.articles.length ?? 0;
    const all: number[] = [];
    for (let i = 0; i < n; i += RENDER_BLOCK) all.push(i);
    this.reveal(all, true);
  };

  /** Scrolling near a block not drawn yet draws it (from the edge that comes into view). */
  private readonly onPending = (entries: IntersectionObserverEntry[]) => {
    const want: number[] = [];
    for (const e of entries) {
      if (!e.isIntersecting) continue;
      const el = e.target as HTMLElement;
      const from = Number(el.dataset.from);
      const to = Number(el.dataset.to);
      want.push(e.boundingClientRect.top < 0 ? Math.max(from, to - RENDER_BLOCK) : from);
    }
    if (want.length) this.reveal(want);
  };

  private shownNow(p: PreparedDraft): ((index: number) => boolean) | undefined {
    if (!this.windowed) return undefined;
    // Articles with a comment stay drawn: their text boxes are fields the form focuses.
    const commented = new Set<number>();
    for (const item of this.form.items) {
      const i = p.order.get(item.article);
      if (i !== undefined) commented.add(blockOf(i));
    }
    return (i) => this.blocks.has(blockOf(i)) || commented.has(blockOf(i));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.beforePrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.beforePrint);
    this.observer?.disconnect();
    this.observer = undefined;
  }

  private focusPath(path: string) {
    if (this.shadowRoot) focusField(this.shadowRoot, fieldId(path));
  }

  // ------------------------------------------------------------------ lifecycle

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // Once the text is shown: the contents open beside it on a wide container, folded above it on
    // a narrow one (measured once). The deep link waits for this (`ready`), as the layout moves.
    if (this.toc.tocOpen === undefined && this.prepared && this.dataCtl.status === 'complete') {
      this.toc = { ...this.toc, tocOpen: this.getBoundingClientRect().width >= 900 };
    }
    this.observer?.disconnect();
    const pending = this.windowed ? this.shadowRoot?.querySelectorAll('.lf-pending') : undefined;
    if (pending?.length && typeof IntersectionObserver !== 'undefined') {
      this.observer ??= new IntersectionObserver(this.onPending, { rootMargin: '600px 0px' });
      pending.forEach((el) => this.observer!.observe(el));
    }
    if (this.pendingFocus) {
      const id = this.pendingFocus;
      this.pendingFocus = undefined;
      this.shadowRoot?.getElementById(id)?.focus({ preventScroll: false });
    }
  }

  // ------------------------------------------------------------------ render

  private when(iso: string, withTime = false): string {
    return formatDateTime(iso, this.locale, withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' });
  }

  protected override render() {
    if (this.dataCtl.status === 'complete' && !this.prepared && this.unparsed) return this.parser.render(() => nothing);
    if (this.dataCtl.status !== 'complete' || !this.prepared) return this.dataCtl.renderStatus();
    const p = this.prepared;
    const submitted = this.submitCtl.state === 'submitted' && !!this.submitCtl.receipt;
    const win = this.windowNow;
    const t = this.t;
    const host = this;
    // 采纳情况: once the window has closed and the report is in the data.
    const adoption = win === 'closed' ? p.draft.adoption : undefined;
    const byArticle = adoption ? adoptionByArticle(adoption) : undefined;
    const toc = {
      t, p, get state() { return host.toc; }, commenting: win === 'open',
      set: (patch: Partial<TocState>) => { this.toc = { ...this.toc, ...patch }; },
      jumpTo: (label: string) => this.jumpTo(label),
      goTo: (id: string) => void this.goToId(id),
    };
    return html`<div part="base" class="lf">
      ${this.renderHeader(p, win)}
      ${submitted
        ? renderReceipt({
            t, locale: this.locale, p, submitter: this.submitCtl, proxy: this.proxy,
            replyWindow: this.config.replyWindow || undefined, lookupUrl: this.config.lookupUrl, onNew: () => this.startOver(),
          })
        : nothing}
      ${this.checkText ? renderIssues(t, p) : nothing}
      <div class="lf-layout">
        ${renderToc(toc)}
        <div class="lf-main">
          ${renderNote(t, p)}
          ${adoption ? renderAdoption(t, adoption, (iso) => this.when(iso), (label) => this.jumpTo(label)) : nothing}
          ${submitted || win !== 'open'
            ? renderText({ t, p, query: this.toc.query, shown: this.shownNow(p), badge: byArticle ? (ref) => adoptionBadge(t, byArticle, ref) : undefined })
            : this.renderForm(p)}
        </div>
      </div>
      <p class="rd-visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderHeader(p: PreparedDraft, win: WindowState) {
    const d = p.draft;
    const t = this.t;
    const state = win === 'before'
      ? html`<div class="rd-notice" role="status"><p>${t('lf.window.before', { opens: this.when(d.window.opens, true) })}</p></div>`
      : win === 'closed'
        ? html`<div class="rd-notice" role="status"><p>${t('lf.window.closed', { closes: this.when(d.window.closes, true) })}</p></div>`
        : nothing;
    return html`<header class="lf-header" part="header">
      <p class="lf-kicker"><span class="lf-stage">${t(`lf.stage.${d.stage}`)}</span> ${t('lf.solicitedBy', { legislature: d.legislature })}</p>
      <h2 id="lf-title" tabindex="-1">${d.title}</h2>
      <p class="lf-window">${t('lf.window', { opens: this.when(d.window.opens), closes: this.when(d.window.closes) })}</p>
      ${d.host ? html`<p class="lf-host">${t('lf.relayedBy', { host: d.host })}</p>` : nothing}
      ${state}
    </header>`;
  }

  /** What the form's parts need of the element (legislation-form-view.ts). */
  private formContext(p: PreparedDraft): FormViewContext {
    const host = this;
    return {
      t: this.t, locale: this.locale, p, get form() { return host.form; }, errors: this.errors, proxy: this.proxy,
      privacyUrl: this.config.privacyUrl || undefined, query: this.toc.query,
      patch: (patch) => this.patch(patch),
      announce: (message, focusAfter) => { this.announcement = message; this.pendingFocus = focusAfter; },
      focusLater: (id) => { this.pendingFocus = id; },
      focusPath: (path) => this.focusPath(path),
      jumpTo: (label) => this.jumpTo(label),
      shown: this.shownNow(p),
    };
  }

  private renderForm(p: PreparedDraft) {
    const t = this.t;
    const c = this.formContext(p);
    const extra = [submitProblem(t, this.submitCtl)].filter((m): m is string => !!m);
    const count = countComments(this.form, p.draft);
    return html`<form part="form" novalidate @submit=${this.flow.run} aria-labelledby="lf-title">
      ${this.draftCtl.renderNotice(() => this.form)}
      ${errorSummary(t, this.errors.shown(t), extra)}
      ${renderCommentedText(c)}
      ${renderOrphans(c)}
      ${renderGeneral(c)}
      ${renderQuestions(c)}
      ${renderMine(c)}
      ${this.proxy ? renderProxy(c) : nothing}
      ${renderRespondent(c)}
      ${renderContact(t, p)}
      ${honeypot(t, 'lf-website', this.flow.onHoneypot)}
      ${submitStatus(t, this.submitCtl)}
      <p class="rd-hint">${t('lf.submitHint')}</p>
      <div class="rd-actions">
        ${this.submitCtl.state === 'queued' ? nothing : submitButton(t, this.submitCtl.busy, this.proxy ? t('lf.submitProxy') : t('lf.submit'))}
      </div>
      ${count > 0
        ? html`<div class="lf-dock"><button type="button" class="rd-button lf-dock__button"
            @click=${() => void goTo(this.shadowRoot, 'lf-mine-title')}>${t('lf.dock', { count })}</button></div>`
        : nothing}
    </form>`;
  }
}
