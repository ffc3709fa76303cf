// <rd-legislation-feedback>: read a draft regulation and comment on it article by article
// (法规草案征求意见). See docs/domain.md#public-comment-on-drafts, docs/contract.md#post-routes.
// The element holds the reader's state and composes the views: the reader
// (legislation-reader-view.ts, legislation-toc-view.ts, deep links through
// controllers/deep-link-controller.ts) with a "comment on 第X条" button in each article. The
// comment form — its state, controllers and parts besides the text — is the form half
// (legislation-form-half.ts), imported through a LazyPart when first needed (README "Figures").
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RdElement } from '../shared/rd-element.js';
import { WindowClockController } from '../../controllers/window-clock.js';
import { DataController } from '../../controllers/data-controller.js';
import { LazyPart } from '../../controllers/lazy-part.js';
import { DeepLinkController } from '../../controllers/deep-link-controller.js';
import { WaitingWorkController } from '../../controllers/waiting-work.js';
import { draftKey } from '../../services/waiting-work.js';
import { formatDateTime } from '../../services/i18n/index.js';
import { draftSchema, type Channel, type Draft } from '../../services/schemas/legislation.js';
import { normalizeArticleRef, type ArticleRef } from '../../services/legal-structure.js';
import { RENDER_ALL_UP_TO, RENDER_BLOCK, blockOf, needsParser, prepareDraft, resolvePlace, type Place, type PreparedDraft } from '../../services/legislation-reader.js';
import { windowState, type WindowState } from '../../services/legislation-window.js';
import { goTo, renderNote, renderText } from './legislation-reader-view.js';
import { emptyToc, renderToc, type TocState } from './legislation-toc-view.js';
import type { FormHalf } from './legislation-form-half.js';
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
  /**
   * The form half (legislation-form-half.ts): a chunk of its own, loaded when a comment button is
   * pressed, when the rest of the form comes near the viewport or a control of the form gets the
   * focus, when a draft or an outbox entry waits on this device, and at once in proxy mode.
   */
  private readonly formHalf = new LazyPart<FormHalf>(
    this,
    () => import('./legislation-form-half.js').then((m) => {
      this.useCatalogues(m.lfFormCatalogues);
      return new m.FormHalf({
        el: this,
        tag: TAG,
        dataId: () => this.dataCtl.value?.id,
        prepared: () => this.prepared,
        channel: () => this.effectiveChannel,
        proxy: () => this.proxy,
        owner: () => this.owner(),
        announce: (message, focusAfter) => { this.announcement = message; this.pendingFocus = focusAfter; },
        focusLater: (id) => { this.pendingFocus = id; },
        jumpTo: (label) => this.jumpTo(label),
      });
    }),
    'lf.lazy.form',
    (half) => this.onHalf(half),
  );

  constructor() {
    super();
    // Something of the form waits on this device (a draft, an outbox entry): load the half now.
    new WaitingWorkController(
      this,
      () => {
        const id = this.dataCtl.value?.id;
        return id && this.prepared ? { draft: draftKey(TAG, id), owner: this.owner() } : undefined;
      },
      () => this.formHalf.ensure(),
    );
  }

  /** The article whose comment button was pressed while the half loads (or could not be loaded). */
  private pendingComment?: ArticleRef;
  /** Watches the place of the rest of the form while the half is not loaded. */
  private restObserver?: IntersectionObserver;

  /** The outbox owner of this instance (the form half's SubmitController; the waiting-work check). */
  private owner(): string {
    // A proxy or QR instance, or a second instance with its own element id on the same page, does
    // not send and show another instance's queued comments.
    const ch = this.effectiveChannel;
    return `rd:${TAG}:${this.dataCtl.value?.id ?? this.draftId ?? ''}${ch === 'online' ? '' : `:${ch}`}${this.id ? `#${this.id}` : ''}`;
  }

  private onHalf(half: FormHalf) {
    const ref = this.pendingComment;
    this.pendingComment = undefined;
    if (ref) half.addComment(ref);
    // Loaded by 重试 at the rest of the form: the focus the button had goes to what arrived.
    else if (this.shadowRoot?.activeElement?.closest('.lf-rest [data-lazy-failed]')) this.pendingFocus = 'lf-rest';
  }

  /** Runs `then` with the form half, loading it first; if it cannot be loaded, focuses its 重试. */
  private async withHalf(then: (half: FormHalf) => void, notice = '.lf-rest') {
    let half = this.formHalf.value;
    if (half) { then(half); return; }
    try {
      half = await this.formHalf.get();
    } catch {
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>(`${notice} [data-lazy-failed] button`)?.focus();
      return;
    }
    await this.updateComplete;
    then(half);
  }

  /** A "comment on 第X条" button: an empty comment there, its text box focused (once the half is in). */
  private commentOn(ref: ArticleRef) {
    const half = this.formHalf.value;
    if (half) { half.addComment(ref); return; }
    this.pendingComment = ref;
    void this.withHalf(() => {}, `#a-${ref.index}`);
  }

  /** Focus reaching a control of the form (a comment button, a question link) loads the half. */
  private readonly onFormFocus = (e: FocusEvent) => {
    if (this.formHalf.state === 'idle' && (e.target as Element).matches?.('button, a[href]')) this.formHalf.ensure();
  };

  private readonly onSubmit = (e: Event) => {
    const half = this.formHalf.value;
    if (half) half.run(e);
    else e.preventDefault();
  };

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
   * The legal-text parser (services/legal-text.ts) with its report (legislation-text-part.ts), a chunk of its own imported only for a
   * plain-text draft (README "Figures"); a structured draft never loads it.
   */
  private readonly parser = new LazyPart(this, () => import('./legislation-text-part.js').then((m) => {
    this.useCatalogues(m.lfTextCatalogues);
    return m;
  }), 'lazy.part.parser', () => {
    // The draft on screen is still the plain text that waited for it (not prepared meanwhile).
    const d = this.dataCtl.value;
    if (d && !this.prepared) this.prepare(d);
  });
  /** The 意见采纳情况 (legislation-adoption-view.ts): a chunk of its own, shown only once the window has closed. */
  private readonly adoptionView = new LazyPart(this, () => import('./legislation-adoption-view.js'), 'lf.adoption.title');
  private onDraft(draft: Draft): Promise<unknown> | void {
    if (needsParser(draft) && this.parser.state !== 'ready') {
      // Not prepared until the parser is here: the loaded draft waits for it.
      this.prepared = undefined;
      return this.parser.get();
    }
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
    this.clock.watch(draft.window);
    this.formHalf.value?.prepared();
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

  protected override kioskReset() {
    this.toc = { ...this.toc, query: '' };
    this.formHalf.value?.kioskReset();
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
    for (const item of this.formHalf.value?.form.items ?? []) {
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
    this.restObserver?.disconnect();
    this.restObserver = undefined;
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
    // The rest of the form, until the half is loaded: one screen before it comes into view, load it.
    this.restObserver?.disconnect();
    const rest = this.formHalf.state === 'idle' ? this.shadowRoot?.querySelector('.lf-rest') : undefined;
    if (rest && typeof IntersectionObserver !== 'undefined') {
      this.restObserver ??= new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.formHalf.ensure();
      }, { rootMargin: '100% 0px' });
      this.restObserver.observe(rest);
    }
    // Staff entering opinions collected offline need the form at once (docs/domain.md#proxy-entry).
    if (this.proxy && this.prepared) this.formHalf.ensure();
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
    // Loaded but not prepared: a plain-text draft waiting for the parser.
    if (this.dataCtl.status === 'complete' && !this.prepared && this.dataCtl.value) return this.parser.render(() => nothing);
    if (this.dataCtl.status !== 'complete' || !this.prepared) return this.dataCtl.renderStatus();
    const p = this.prepared;
    const half = this.formHalf.value;
    const submitted = !!half?.submitted;
    const win = this.windowNow;
    const t = this.t;
    const host = this;
    // 采纳情况: once the window has closed and the report is in the data.
    const adoption = win === 'closed' ? p.draft.adoption : undefined;
    const av = adoption ? this.adoptionView.ensure() : undefined;
    const byArticle = av && adoption ? av.adoptionByArticle(adoption) : undefined;
    const toc = {
      t, p, get state() { return host.toc; }, commenting: win === 'open',
      set: (patch: Partial<TocState>) => { this.toc = { ...this.toc, ...patch }; },
      jumpTo: (label: string) => this.jumpTo(label),
      // A block of the form (重点问题, 我的意见) before the form half is in: load it, then go there.
      goTo: (id: string) => { if (!this.goToId(id)) void this.withHalf(() => this.goToId(id)); },
    };
    return html`<div part="base" class="lf">
      ${this.renderHeader(p, win)}
      ${submitted ? half!.renderReceipt(p) : nothing}
      ${this.checkText && this.parser.value ? this.parser.value.renderIssues(this, p) : nothing}
      <div class="lf-layout">
        ${renderToc(toc)}
        <div class="lf-main">
          ${renderNote(t, p)}
          ${adoption ? this.adoptionView.render((v) => v.renderAdoption(t, adoption, (iso) => this.when(iso), (label) => this.jumpTo(label))) : nothing}
          ${submitted || win !== 'open'
            ? renderText({ t, p, query: this.toc.query, shown: this.shownNow(p), badge: av && byArticle ? (ref) => av.adoptionBadge(t, byArticle, ref) : undefined })
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

  /**
   * The text with a comment button in each article, inside the form; the form half's parts (the
   * comment editors, everything after the text) once it is loaded — until then the place of the
   * rest of the form, watched so that it loads one screen before it comes into view.
   */
  private renderForm(p: PreparedDraft) {
    const t = this.t;
    const half = this.formHalf.value;
    const byArticle = half?.byArticle();
    const extra = (ref: ArticleRef) => {
      const label = ref.article.label;
      const items = byArticle?.get(label) ?? [];
      const questions = p.questionsByArticle.get(label) ?? [];
      return html`<div class="lf-comments">
        ${questions.map((q) => html`<p class="lf-question-link">${t('lf.questionOnArticle', { prompt: q.prompt })}
          <a href="#q-${q.id}" @click=${(e: Event) => { e.preventDefault(); void this.withHalf((h) => h.focusPath(`answers.${q.id}`)); }}>${t('lf.goToQuestion')}</a></p>`)}
        ${half ? half.renderEditors(p, ref, items) : nothing}
        ${this.pendingComment?.index === ref.index ? this.formHalf.render(() => nothing) : nothing}
        <button type="button" class="rd-button rd-button--secondary lf-add" part="comment-button" id="add-${ref.index}"
          @click=${() => this.commentOn(ref)}>${items.length ? t('lf.commentMore', { label }) : t('lf.commentOn', { label })}</button>
      </div>`;
    };
    return html`<form part="form" novalidate @submit=${this.onSubmit} @focusin=${this.onFormFocus} aria-labelledby="lf-title">
      ${half ? half.renderTop() : nothing}
      ${renderText({ t, p, query: this.toc.query, shown: this.shownNow(p), extra })}
      <div class="lf-rest" id="lf-rest" tabindex="-1">
        ${half ? half.renderRest(p) : this.formHalf.state === 'idle' || this.pendingComment ? nothing : this.formHalf.render(() => nothing)}
      </div>
    </form>`;
  }
}
