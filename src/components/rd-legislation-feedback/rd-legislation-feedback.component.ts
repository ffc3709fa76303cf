// <rd-legislation-feedback>: read a draft regulation and comment on it article by article
// (法规草案征求意见). See docs/domain.md#public-comment-on-drafts, docs/contract.md#post-routes.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { live } from 'lit/directives/live.js';
import { RdElement } from '../shared/rd-element.js';
import { WindowClockController } from '../../controllers/window-clock.js';
// Registers <rd-provider> too, so this widget's own entry works inside a provider on its own.
import { DataController } from '../../controllers/data-controller.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { SubmitController } from '../../controllers/submit-controller.js';
import {
  choiceGroup,
  consentBlock,
  errorSummary,
  fieldId,
  focusField,
  honeypot,
  receiptView,
  selectField,
  submitButton,
  submitProblem,
  submitStatus,
  textField,
} from '../shared/form.js';
import { FormController } from '../../controllers/form-controller.js';
import { formatDateTime } from '../../services/i18n/index.js';
import {
  COMMENT_MAX,
  PROXY_CHANNELS,
  draftSchema,
  hasPersonalData,
  type Channel,
  type Draft,
  type FocusQuestion,
  type LegalArticle,
  type LegalText,
  type LegislationFeedbackData,
} from '../../services/schemas/legislation.js';
import {
  articleLines,
  itemLabel,
  listArticles,
  normalizeArticleRef,
  parseLegalText,
  subItemLabel,
  type ArticleRef,
  type LegalTextIssue,
} from '../../services/legal-text.js';
import {
  checkFeedback,
  countComments,
  emptyForm,
  formPath,
  identityChoices,
  matchArticles,
  reviveForm,
  sortedItems,
  windowState,
  type ArticleComment,
  type FeedbackForm,
  type WindowState,
} from '../../services/legislation-form.js';
import { lfCatalogues } from './rd-legislation-feedback.messages.js';
import { lfStyles } from './rd-legislation-feedback.styles.js';

const TAG = 'rd-legislation-feedback';
const SEARCH_SHOWN = 30;
let seq = 0;
const newId = () => `c${Date.now().toString(36)}${(seq++).toString(36)}`;

interface Prepared {
  draft: Draft;
  text: LegalText;
  issues: LegalTextIssue[];
  articles: ArticleRef[];
  /** label → first index (deep links, sorting) */
  order: Map<string, number>;
  search: Array<{ label: string; text: string }>;
  /** article label → focus questions about it */
  questionsByArticle: Map<string, FocusQuestion[]>;
}

/** One entry of "my comments". */
interface MineEntry {
  path: string;
  target: string;
  text: string;
  edit: () => void;
  remove: () => void;
}

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
 * @event rd-submitted - The server accepted the comments. `detail: {receipt, payload}`
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
 * @csspart consent - The personal-information consent block.
 * @csspart draft-notice - Restored-draft, drafts-off and other-tab notices.
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
  @state() private query = '';
  @state() private jumpValue = '';
  @state() private jumpError = '';
  @state() private announcement = '';
  private readonly clock = new WindowClockController(this);
  private prepared?: Prepared;
  private pendingFocus?: string;
  private deepLinked = false;
  private tocOpen?: boolean;
  private readonly onHashChange = () => this.followHash();

  // ------------------------------------------------------------------ data

  private onDraft(draft: Draft) {
    let text: LegalText;
    let issues: LegalTextIssue[] = [];
    if (draft.text.format === 'plain') {
      const r = parseLegalText(draft.text.content);
      text = r.text;
      issues = r.issues;
      for (const i of issues) {
        console.warn(`[rd-widgets] <${TAG}> draft ${draft.id}, line ${i.line}: ${i.code}`, i.params);
      }
    } else {
      const { format: _f, ...rest } = draft.text;
      text = rest;
    }
    const articles = listArticles(text);
    const order = new Map<string, number>();
    for (const a of articles) if (!order.has(a.article.label)) order.set(a.article.label, a.index);
    const search = articles.map((a) => ({
      label: a.article.label,
      text: [a.article.label, a.article.caption ?? '', ...articleLines(a.article)].join('\n'),
    }));
    const questionsByArticle = new Map<string, FocusQuestion[]>();
    for (const q of draft.focusQuestions ?? []) {
      if (!q.article) continue;
      questionsByArticle.set(q.article, [...(questionsByArticle.get(q.article) ?? []), q]);
    }
    this.prepared = { draft, text, issues, articles, order, search, questionsByArticle };
    this.deepLinked = false;
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

  /** In proxy mode the collector's details stay for the next submission. */
  private keepProxy(next: FeedbackForm): FeedbackForm {
    if (!this.proxy) return next;
    const p = next.proxy.collectorName || next.proxy.place ? next.proxy : this.form.proxy;
    return { ...next, proxy: { ...p, date: p.date || todayIso() } };
  }

  private patch(patch: Partial<FeedbackForm>) {
    this.form = { ...this.form, ...patch };
    this.draftCtl.save(this.form);
    if (this.errors.submitted) this.validate();
  }

  private setItem(id: string, patch: Partial<ArticleComment>) {
    this.patch({ items: this.form.items.map((i) => (i.id === id ? { ...i, ...patch } : i)) });
    this.errors.clearServerFor(`items.${id}`);
  }

  private addItem(ref: ArticleRef) {
    const item: ArticleComment = {
      id: newId(),
      article: ref.article.label,
      ...(ref.chapter?.number ? { chapter: ref.chapter.label } : {}),
      text: '',
    };
    this.patch({ items: [...this.form.items, item] });
    this.pendingFocus = fieldId(`items.${item.id}`);
  }

  private removeItem(item: ArticleComment, focusAfter?: string) {
    const target = this.targetLabel(item);
    this.patch({ items: this.form.items.filter((i) => i.id !== item.id) });
    this.errors.clearServerFor(`items.${item.id}`);
    this.announcement = this.t('lf.removed', { target });
    this.pendingFocus = focusAfter;
  }

  private setAnswer(q: FocusQuestion, patch: Partial<{ choices: string[]; text: string }>) {
    const a = this.form.answers[q.id] ?? { choices: [], text: '' };
    this.patch({ answers: { ...this.form.answers, [q.id]: { ...a, ...patch } } });
    this.errors.clearServerFor(`answers.${q.id}`);
  }

  private setRespondent(patch: Partial<FeedbackForm['respondent']>) {
    this.patch({ respondent: { ...this.form.respondent, ...patch } });
    for (const k of Object.keys(patch)) this.errors.clearServerFor(`respondent.${k}`);
  }

  private setProxy(patch: Partial<FeedbackForm['proxy']>) {
    this.patch({ proxy: { ...this.form.proxy, ...patch } });
  }

  private ctx() {
    return { channel: this.effectiveChannel, consentVersion: this.config.privacyVersion, order: this.prepared?.order };
  }

  private validate() {
    const r = checkFeedback(this.form, this.prepared!.draft, this.ctx());
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
    this.query = '';
    this.flow.reset();
    void this.draftCtl.clear();
  }

  // ------------------------------------------------------------------ navigation

  /** Scrolls to an article by label (or any reference people type) and focuses it. */
  jumpTo(ref: string): boolean {
    const label = normalizeArticleRef(ref);
    const i = label ? this.prepared?.order.get(label) : undefined;
    if (i === undefined) return false;
    const el = this.shadowRoot?.getElementById(`a-${i}`);
    if (!el) return false;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
    void this.settle(el);
    return true;
  }

  /**
   * Articles are laid out lazily (content-visibility): once those around the target get their real
   * height the target moves. Scroll again until it stays put (a few frames at most).
   */
  private async settle(el: HTMLElement) {
    const want = el.getBoundingClientRect().top;
    let stable = 0;
    for (let k = 0; k < 20 && stable < 4; k++) {
      await new Promise<void>((r) => requestAnimationFrame(() => r()));
      if (this.shadowRoot?.activeElement !== el) return;
      if (Math.abs(el.getBoundingClientRect().top - want) < 2) {
        stable++;
      } else {
        stable = 0;
        el.scrollIntoView({ block: 'start' });
      }
    }
  }

  private jumpToId(id: string) {
    const el = this.shadowRoot?.getElementById(id);
    if (!el) return;
    el.scrollIntoView({ block: 'start' });
    el.focus({ preventScroll: true });
    void this.settle(el);
  }

  private onJump(e: Event) {
    e.preventDefault();
    const v = this.jumpValue.trim();
    const label = normalizeArticleRef(v);
    if (!label) {
      this.jumpError = this.t('lf.jumpInvalid');
      return;
    }
    if (!this.jumpTo(label)) {
      this.jumpError = this.t('lf.jumpNotFound', { ref: label });
      return;
    }
    this.jumpError = '';
  }

  private followHash() {
    if (this.deepLink === 'off') return;
    let hash = '';
    try { hash = location.hash; } catch { return; }
    if (!hash || hash.length < 2) return;
    const label = normalizeArticleRef(hash);
    if (label) this.jumpTo(label);
  }

  private focusPath(path: string) {
    if (this.shadowRoot) focusField(this.shadowRoot, fieldId(path));
  }

  // ------------------------------------------------------------------ lifecycle

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.prepared && !this.deepLinked && this.dataCtl.status === 'complete') {
      this.deepLinked = true;
      if (this.tocOpen === undefined) {
        this.tocOpen = this.getBoundingClientRect().width >= 900;
        const d = this.shadowRoot?.querySelector('details.lf-toc');
        if (d instanceof HTMLDetailsElement) d.open = this.tocOpen;
      }
      this.followHash();
    }
    if (this.pendingFocus) {
      const id = this.pendingFocus;
      this.pendingFocus = undefined;
      const el = this.shadowRoot?.getElementById(id);
      if (el) {
        el.focus({ preventScroll: false });
      }
    }
  }

  // ------------------------------------------------------------------ labels

  private targetLabel(item: ArticleComment): string {
    return item.paragraph ? this.t('lf.target.paragraph', { label: item.article, n: item.paragraph }) : item.article;
  }

  private when(iso: string, withTime = false): string {
    return formatDateTime(iso, this.locale, withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' });
  }

  private identityLabel(code: string): string {
    const c = identityChoices(this.prepared!.draft).find((x) => x.value === code);
    if (!c) return code;
    return c.labelKey ? this.t(c.labelKey) : this.locale === 'en' && c.labelEn ? c.labelEn : c.label ?? code;
  }

  // ------------------------------------------------------------------ render

  protected override render() {
    if (this.dataCtl.status !== 'complete' || !this.prepared) return this.dataCtl.renderStatus();
    const p = this.prepared;
    const submitted = this.submitCtl.state === 'submitted' && !!this.submitCtl.receipt;
    const win = this.windowNow;
    return html`<div part="base" class="lf">
      ${this.renderHeader(p, win)}
      ${submitted ? this.renderReceipt(p) : nothing}
      ${this.renderIssues(p)}
      <div class="lf-layout">
        ${this.renderToc(p)}
        <div class="lf-main">
          ${this.renderNote(p)}
          ${submitted || win !== 'open' ? this.renderText(p, false) : this.renderForm(p)}
        </div>
      </div>
      <p class="rd-visually-hidden" role="status">${this.announcement}</p>
    </div>`;
  }

  private renderHeader(p: Prepared, win: WindowState) {
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

  private renderIssues(p: Prepared) {
    if (!this.checkText || !p.issues.length) return nothing;
    const t = this.t;
    return html`<details class="rd-notice lf-issues">
      <summary>${t('lf.textIssues', { count: p.issues.length })}</summary>
      <ul>
        ${p.issues.map((i) => {
          const message = t(i.messageKey, i.params);
          return html`<li data-code=${i.code}>${i.line ? t('lf.textIssueLine', { line: i.line, message }) : t('lf.textIssueWhole', { message })}</li>`;
        })}
      </ul>
    </details>`;
  }

  private renderToc(p: Prepared) {
    const t = this.t;
    const hits = this.query.trim() ? matchArticles(p.search, this.query) : [];
    const link = (id: string, text: string) => html`<a href="#${id}" @click=${(e: Event) => { e.preventDefault(); this.jumpToId(id); }}>${text}</a>`;
    return html`<details class="lf-toc" part="toc" ?open=${this.tocOpen ?? false}
        @toggle=${(e: Event) => { this.tocOpen = (e.target as HTMLDetailsElement).open; }}>
      <summary>${t('lf.tocAndSearch')}</summary>
      <nav aria-labelledby="lf-toc-title">
        <h3 id="lf-toc-title" class="lf-toc__title">${t('lf.toc')}</h3>
        <ol class="lf-toc__list">
          ${p.text.preamble.length ? html`<li>${link('lf-preamble', t('lf.preamble'))}</li>` : nothing}
          ${p.text.chapters.map((c, ci) => html`<li>
            ${link(`ch-${ci}`, `${c.number ? `${c.label} ` : ''}${c.title}`)}
            ${c.sections?.length
              ? html`<ol>${c.sections.map((s, si) => html`<li>${link(`ch-${ci}-s-${si}`, `${s.label} ${s.title}`)}</li>`)}</ol>`
              : nothing}
          </li>`)}
          ${!p.text.chapters.length ? html`<li>${link('lf-text-title', t('lf.text'))}</li>` : nothing}
          ${p.draft.focusQuestions?.length && this.windowNow === 'open' ? html`<li>${link('lf-q-title', t('lf.questions'))}</li>` : nothing}
          ${this.windowNow === 'open' ? html`<li>${link('lf-mine-title', t('lf.mine'))}</li>` : nothing}
        </ol>
      </nav>
      <form class="lf-jump" @submit=${this.onJump} novalidate role="search" aria-label=${t('lf.jump')}>
        ${textField({
          t, id: 'lf-jump', label: t('lf.jump'), hint: t('lf.jumpHint'), value: this.jumpValue, error: this.jumpError || undefined,
          inputmode: 'text', autocomplete: 'off',
          onInput: (v) => { this.jumpValue = v; this.jumpError = ''; },
        })}
        <button type="submit" class="rd-button rd-button--secondary">${t('lf.jumpButton')}</button>
      </form>
      <div class="lf-search" role="search" aria-label=${t('lf.search')}>
        ${textField({ t, id: 'lf-search', type: 'search', label: t('lf.search'), hint: t('lf.searchHint'), value: this.query, autocomplete: 'off', onInput: (v) => { this.query = v; } })}
        <p class="lf-search__count" role="status">${this.query.trim()
          ? hits.length ? t('lf.searchCount', { count: hits.length }) : t('lf.searchNone', { query: this.query.trim() })
          : ''}</p>
        ${hits.length
          ? html`<ul class="lf-search__hits">
              ${hits.slice(0, SEARCH_SHOWN).map((label) => html`<li><a href="#${label}" @click=${(e: Event) => { e.preventDefault(); this.jumpTo(label); }}>${label}</a></li>`)}
            </ul>
            ${hits.length > SEARCH_SHOWN ? html`<p class="rd-hint">${t('lf.searchMore', { shown: SEARCH_SHOWN })}</p>` : nothing}`
          : nothing}
      </div>
    </details>`;
  }

  private renderNote(p: Prepared) {
    const d = p.draft;
    const t = this.t;
    const note = d.explanatoryNote;
    return html`
      ${note
        ? html`<details class="lf-note" id="lf-note">
            <summary>${note.title ?? t('lf.note')}</summary>
            ${note.text?.map((para) => html`<p>${para}</p>`)}
            ${note.url ? html`<p><a href=${note.url} target="_blank" rel="noopener">${t('lf.noteLink')}</a></p>` : nothing}
          </details>`
        : nothing}
      ${d.deliberation
        ? html`<details class="lf-note"><summary>${t('lf.deliberation')}</summary><p>${d.deliberation}</p></details>`
        : nothing}`;
  }

  /** The draft text. With `commenting`, each article has its comment editors and button. */
  private renderText(p: Prepared, commenting: boolean): TemplateResult {
    const t = this.t;
    const byArticle = new Map<string, ArticleComment[]>();
    if (commenting) for (const i of this.form.items) byArticle.set(i.article, [...(byArticle.get(i.article) ?? []), i]);
    const terms = this.query.trim().toLowerCase().split(/[\s\u3000]+/).filter(Boolean);
    const hitSet = new Set(terms.length ? matchArticles(p.search, this.query) : []);
    const article = (ref: ArticleRef) => {
      const hl = hitSet.has(ref.article.label) ? terms.join(' ') : '';
      return html`<article class="lf-article ${hl ? 'lf-article--hit' : ''}" part="article" id="a-${ref.index}" data-label=${ref.article.label}
          tabindex="-1" aria-labelledby="a-${ref.index}-h">
        ${guard([ref.article, hl], () => articleBody(ref, hl))}
        ${commenting ? this.renderArticleComments(p, ref, byArticle.get(ref.article.label) ?? []) : nothing}
      </article>`;
    };
    const chapters = p.text.chapters;
    const total = p.articles.length;
    let k = p.text.articles.length;
    return html`<section class="lf-text" part="text" aria-labelledby="lf-text-title">
      <h3 id="lf-text-title" tabindex="-1">${t('lf.text')}
        <span class="lf-count">${chapters.length ? t('lf.articleCount', { chapters: chapters.length, articles: total }) : t('lf.articleCountNoChapters', { articles: total })}</span></h3>
      ${p.text.preamble.length
        ? html`<div class="lf-preamble" id="lf-preamble" tabindex="-1">${p.text.preamble.map((x) => html`<p>${x}</p>`)}</div>`
        : nothing}
      ${p.articles.slice(0, p.text.articles.length).map(article)}
      ${chapters.map((c, ci) => {
        const direct = p.articles.slice(k, k + c.articles.length);
        k += c.articles.length;
        return html`<section class="lf-chapter" aria-labelledby="ch-${ci}">
          <h3 class="lf-chapter__title" id="ch-${ci}" tabindex="-1">${c.number ? html`<span>${c.label}</span> ` : nothing}${c.title}</h3>
          ${direct.map(article)}
          ${(c.sections ?? []).map((s, si) => {
            const list = p.articles.slice(k, k + s.articles.length);
            k += s.articles.length;
            return html`<section class="lf-section" aria-labelledby="ch-${ci}-s-${si}">
              <h4 class="lf-section__title" id="ch-${ci}-s-${si}" tabindex="-1"><span>${s.label}</span> ${s.title}</h4>
              ${list.map(article)}
            </section>`;
          })}
        </section>`;
      })}
    </section>`;
  }

  private renderArticleComments(p: Prepared, ref: ArticleRef, items: ArticleComment[]) {
    const t = this.t;
    const label = ref.article.label;
    const questions = p.questionsByArticle.get(label) ?? [];
    const paragraphs = ref.article.paragraphs.length;
    // 全条, 第1款 … 第n款, built with a plain loop: Prototype.js (on many old portals) replaces
    // Array.from with its $A, which ignores a mapping function.
    const paragraphOptions = [{ value: '', label: t('lf.paragraphWhole') }];
    for (let n = 1; n <= paragraphs; n++) paragraphOptions.push({ value: String(n), label: t('lf.paragraphN', { n }) });
    return html`<div class="lf-comments">
      ${questions.map((q) => html`<p class="lf-question-link">${t('lf.questionOnArticle', { prompt: q.prompt })}
        <a href="#q-${q.id}" @click=${(e: Event) => { e.preventDefault(); this.focusPath(`answers.${q.id}`); }}>${t('lf.goToQuestion')}</a></p>`)}
      ${items.map((item) => {
        const path = `items.${item.id}`;
        const id = fieldId(path);
        return html`<div class="lf-comment">
          ${paragraphs > 1
            ? html`<div class="lf-comment__target">${selectField({
                t, id: `${id}-paragraph`, label: t('lf.paragraph'),
                options: paragraphOptions,
                value: item.paragraph ? String(item.paragraph) : '',
                onChange: (v) => this.setItem(item.id, { paragraph: v ? Number(v) : undefined }),
              })}</div>`
            : nothing}
          ${textField({
            t, id, label: t('lf.commentLabel', { target: this.targetLabel(item) }), hint: t('lf.commentHint'),
            value: item.text, multiline: true, rows: 4, maxlength: COMMENT_MAX, counter: true, required: true,
            error: this.errors.for(path, t), onInput: (v) => this.setItem(item.id, { text: v }),
          })}
          <button type="button" class="rd-button rd-button--link lf-comment__remove"
            @click=${() => this.removeItem(item, `add-${ref.index}`)}>${t('lf.removeComment')}<span class="rd-visually-hidden">（${this.targetLabel(item)}）</span></button>
        </div>`;
      })}
      <button type="button" class="rd-button rd-button--secondary lf-add" part="comment-button" id="add-${ref.index}"
        @click=${() => this.addItem(ref)}>${items.length ? t('lf.commentMore', { label }) : t('lf.commentOn', { label })}</button>
    </div>`;
  }

  /** Restored comments on articles the current text no longer has (the draft was revised). */
  private renderOrphans(p: Prepared) {
    const orphans = this.form.items.filter((i) => !p.order.has(i.article));
    if (!orphans.length) return nothing;
    const t = this.t;
    return html`<section class="lf-block lf-orphans" aria-labelledby="lf-orphans-title">
      <h3 id="lf-orphans-title" tabindex="-1">${t('lf.orphans')}</h3>
      <p class="rd-hint">${t('lf.orphansHint')}</p>
      ${orphans.map((item) => {
        const path = `items.${item.id}`;
        return html`<div class="lf-comment">
          ${textField({
            t, id: fieldId(path), label: t('lf.commentLabel', { target: this.targetLabel(item) }),
            value: item.text, multiline: true, rows: 4, maxlength: COMMENT_MAX, counter: true, required: true,
            error: this.errors.for(path, t), onInput: (v) => this.setItem(item.id, { text: v }),
          })}
          <button type="button" class="rd-button rd-button--link" @click=${() => this.removeItem(item, 'lf-orphans-title')}>${t('lf.removeComment')}<span class="rd-visually-hidden">（${this.targetLabel(item)}）</span></button>
        </div>`;
      })}
    </section>`;
  }

  private renderForm(p: Prepared) {
    const t = this.t;
    const shown = this.errors.shown(t);
    const extra = [submitProblem(t, this.submitCtl)].filter((m): m is string => !!m);
    const count = countComments(this.form, p.draft);
    return html`<form part="form" novalidate @submit=${this.flow.run} aria-labelledby="lf-title">
      ${this.draftCtl.renderNotice(() => this.form)}
      ${errorSummary(t, shown, extra)}
      ${this.renderText(p, true)}
      ${this.renderOrphans(p)}
      ${this.renderGeneral()}
      ${this.renderQuestions(p)}
      ${this.renderMine(p)}
      ${this.proxy ? this.renderProxy() : nothing}
      ${this.renderRespondent(p)}
      ${this.renderContact(p)}
      ${honeypot(t, 'lf-website', this.flow.onHoneypot)}
      ${submitStatus(t, this.submitCtl)}
      <p class="rd-hint">${t('lf.submitHint')}</p>
      <div class="rd-actions">
        ${this.submitCtl.state === 'queued' ? nothing : submitButton(t, this.submitCtl.busy, this.proxy ? t('lf.submitProxy') : t('lf.submit'))}
      </div>
      ${count > 0
        ? html`<div class="lf-dock"><button type="button" class="rd-button lf-dock__button"
            @click=${() => this.jumpToId('lf-mine-title')}>${t('lf.dock', { count })}</button></div>`
        : nothing}
    </form>`;
  }

  private renderGeneral() {
    const t = this.t;
    return html`<section class="lf-block" aria-labelledby="lf-general-title">
      <h3 id="lf-general-title" class="rd-visually-hidden">${t('lf.general')}</h3>
      ${textField({
        t, id: fieldId('general'), label: t('lf.general'), hint: t('lf.generalHint'), value: this.form.general,
        multiline: true, rows: 4, maxlength: COMMENT_MAX, counter: true, markOptional: true,
        error: this.errors.for('general', t), onInput: (v) => { this.patch({ general: v }); this.errors.clearServerFor('general'); },
      })}
    </section>`;
  }

  private renderQuestions(p: Prepared) {
    const qs = p.draft.focusQuestions ?? [];
    if (!qs.length) return nothing;
    const t = this.t;
    return html`<section class="lf-block lf-questions" aria-labelledby="lf-q-title">
      <h3 id="lf-q-title" tabindex="-1">${t('lf.questions')}</h3>
      <p class="rd-hint">${t('lf.questionsHint')}</p>
      ${qs.map((q, n) => {
        const path = `answers.${q.id}`;
        const id = fieldId(path);
        const a = this.form.answers[q.id] ?? { choices: [], text: '' };
        const error = this.errors.for(path, t);
        const legend = `${n + 1}. ${q.prompt}`;
        const seeArticle = q.article && p.order.has(q.article)
          ? html`<a href="#${q.article}" @click=${(e: Event) => { e.preventDefault(); this.jumpTo(q.article!); }}>${t('lf.seeArticle', { label: q.article })}</a>`
          : nothing;
        const hint = q.hint || q.article || q.maxChoices
          ? html`${q.hint ?? ''}${q.kind === 'multiple' && q.maxChoices && !q.hint ? t('lf.maxChoices', { max: q.maxChoices }) : ''} ${seeArticle}`
          : undefined;
        return html`<div class="lf-question" id="q-${q.id}">
          ${q.kind === 'text'
            ? textField({ t, id, label: legend, hint, value: a.text, multiline: true, rows: 4, maxlength: COMMENT_MAX, counter: true, markOptional: true, error, onInput: (v) => this.setAnswer(q, { text: v }) })
            : html`${choiceGroup({
                t, id, legend, hint, error, multiple: q.kind === 'multiple',
                options: (q.options ?? []).map((o) => ({ value: o.id, label: o.label })),
                value: q.kind === 'multiple' ? a.choices : a.choices[0],
                disableUnchecked: q.kind === 'multiple' && !!q.maxChoices && a.choices.length >= q.maxChoices,
                onChange: (v) => this.setAnswer(q, { choices: Array.isArray(v) ? v : [v] }),
              })}
              ${q.allowComment
                ? textField({ t, id: `${id}-text`, label: t('lf.questionReason'), value: a.text, multiline: true, rows: 3, maxlength: COMMENT_MAX, counter: true, markOptional: true, onInput: (v) => this.setAnswer(q, { text: v }) })
                : nothing}`}
        </div>`;
      })}
    </section>`;
  }

  private mineEntries(p: Prepared): MineEntry[] {
    const out: MineEntry[] = [];
    for (const item of sortedItems(this.form.items, p.order)) {
      const path = `items.${item.id}`;
      out.push({
        path, target: this.targetLabel(item), text: item.text,
        edit: () => this.focusPath(path),
        remove: () => this.removeItem(item, 'lf-mine-title'),
      });
    }
    if (this.form.general.trim()) {
      out.push({
        path: 'general', target: this.t('lf.target.general'), text: this.form.general,
        edit: () => this.focusPath('general'),
        remove: () => { this.patch({ general: '' }); this.announcement = this.t('lf.removed', { target: this.t('lf.target.general') }); this.pendingFocus = 'lf-mine-title'; },
      });
    }
    (p.draft.focusQuestions ?? []).forEach((q, n) => {
      const a = this.form.answers[q.id];
      if (!a || (!a.choices.length && !a.text.trim())) return;
      const labels = (q.options ?? []).filter((o) => a.choices.includes(o.id)).map((o) => o.label);
      const target = this.t('lf.target.question', { n: n + 1, prompt: excerpt(q.prompt, 16) });
      out.push({
        path: `answers.${q.id}`, target, text: [labels.join('、'), a.text.trim()].filter(Boolean).join('；'),
        edit: () => this.focusPath(`answers.${q.id}`),
        remove: () => {
          const { [q.id]: _gone, ...rest } = this.form.answers;
          this.patch({ answers: rest });
          this.announcement = this.t('lf.removed', { target });
          this.pendingFocus = 'lf-mine-title';
        },
      });
    });
    return out;
  }

  private renderMine(p: Prepared) {
    const t = this.t;
    const entries = this.mineEntries(p);
    return html`<section class="lf-block lf-mine" part="mine" aria-labelledby="lf-mine-title">
      <h3 id="lf-mine-title" tabindex="-1">${entries.length ? t('lf.mineCount', { count: entries.length }) : t('lf.mine')}</h3>
      ${entries.length
        ? html`<ol class="lf-mine__list">
            ${entries.map((e) => html`<li class="lf-mine__item" data-path=${e.path}>
              <span class="lf-mine__target">${e.target}</span>
              <span class="lf-mine__text">${e.text.trim() ? excerpt(e.text) : t('lf.mineEmptyText')}</span>
              <span class="lf-mine__actions">
                <button type="button" class="rd-button rd-button--link" aria-label=${t('lf.mineEditLabel', { target: e.target })} @click=${e.edit}>${t('lf.mineEdit')}</button>
                <button type="button" class="rd-button rd-button--link" aria-label=${t('lf.mineRemoveLabel', { target: e.target })} @click=${e.remove}>${t('lf.mineRemove')}</button>
              </span>
            </li>`)}
          </ol>`
        : html`<p class="rd-hint">${t('lf.mineEmpty')}</p>`}
    </section>`;
  }

  private renderProxy() {
    const t = this.t;
    const f = this.form.proxy;
    const err = (k: string) => this.errors.for(`proxy.${k}`, t);
    return html`<fieldset class="rd-fieldset lf-block lf-proxy" aria-describedby="lf-proxy-hint">
      <legend><h3>${t('lf.proxy')}</h3></legend>
      <p class="rd-hint" id="lf-proxy-hint">${t('lf.proxyHint')}</p>
      ${textField({ t, id: fieldId('proxy.collectorName'), label: t('lf.collectorName'), value: f.collectorName, required: true, autocomplete: 'name', error: err('collectorName'), onInput: (v) => this.setProxy({ collectorName: v }) })}
      ${textField({ t, id: fieldId('proxy.place'), label: t('lf.place'), hint: t('lf.placeHint'), value: f.place, required: true, error: err('place'), onInput: (v) => this.setProxy({ place: v }) })}
      ${textField({ t, id: fieldId('proxy.date'), label: t('lf.date'), type: 'date', value: f.date, required: true, error: err('date'), onInput: (v) => this.setProxy({ date: v }) })}
      ${choiceGroup({
        t, id: fieldId('proxy.channel'), legend: t('lf.proxyChannel'), required: true, inline: true, error: err('channel'),
        options: PROXY_CHANNELS.map((c) => ({ value: c, label: t(`lf.proxyChannel.${c}`) })),
        value: f.channel || undefined, onChange: (v) => this.setProxy({ channel: String(v) }),
      })}
    </fieldset>`;
  }

  private renderRespondent(p: Prepared) {
    const t = this.t;
    const r = this.form.respondent;
    const d = p.draft;
    const err = (k: string) => this.errors.for(`respondent.${k}`, t);
    const personal = hasPersonalData({ name: r.name, ...(r.wantsReply ? { phone: r.phone, email: r.email } : {}) });
    const regions = d.identity?.regions;
    return html`<fieldset class="rd-fieldset lf-block lf-respondent" aria-describedby="lf-respondent-hint">
      <legend><h3>${this.proxy ? t('lf.respondentProxy') : t('lf.respondent')}</h3></legend>
      <p class="rd-hint" id="lf-respondent-hint">${t('lf.respondentHint')}</p>
      ${selectField({
        t, id: fieldId('respondent.identity'), label: t('lf.identity'), required: true, placeholder: t('lf.identityPlaceholder'),
        options: identityChoices(d).map((c) => ({ value: c.value, label: this.identityLabel(c.value) })),
        value: r.identity, error: err('identity'), onChange: (v) => this.setRespondent({ identity: v }),
      })}
      ${textField({
        t, id: fieldId('respondent.name'), label: t('lf.name'), value: r.name, autocomplete: this.proxy ? 'off' : 'name',
        required: !!d.identity?.requireName, markOptional: !d.identity?.requireName, maxlength: 50,
        error: err('name'), onInput: (v) => this.setRespondent({ name: v }),
      })}
      ${regions?.length
        ? selectField({
            t, id: fieldId('respondent.region'), label: t('lf.region'), required: !!d.identity?.requireRegion,
            placeholder: t('lf.regionPlaceholder'), options: regions.map((x) => ({ value: x, label: x })),
            value: r.region, error: err('region'), onChange: (v) => this.setRespondent({ region: v }),
          })
        : textField({
            t, id: fieldId('respondent.region'), label: t('lf.region'), value: r.region, maxlength: 100,
            required: !!d.identity?.requireRegion, markOptional: !d.identity?.requireRegion,
            error: err('region'), onInput: (v) => this.setRespondent({ region: v }),
          })}
      <div class="rd-field">
        <label class="rd-choice" for="lf-wants-reply">
          <input id="lf-wants-reply" type="checkbox" .checked=${live(r.wantsReply)}
            @change=${(e: Event) => this.setRespondent({ wantsReply: (e.target as HTMLInputElement).checked })} />
          <span>${t('lf.wantsReply')}</span>
        </label>
      </div>
      ${r.wantsReply
        ? html`<div class="lf-contact" id="lf-contact">
            <p class="rd-hint">${t('lf.contactHint')}</p>
            ${textField({ t, id: fieldId('respondent.phone'), label: t('lf.phone'), type: 'tel', value: r.phone, autocomplete: this.proxy ? 'off' : 'tel', inputmode: 'tel', maxlength: 30, error: err('phone'), onInput: (v) => this.setRespondent({ phone: v }) })}
            ${textField({ t, id: fieldId('respondent.email'), label: t('lf.email'), type: 'email', value: r.email, autocomplete: this.proxy ? 'off' : 'email', maxlength: 200, error: err('email'), onInput: (v) => this.setRespondent({ email: v }) })}
          </div>`
        : nothing}
      ${personal
        ? consentBlock({
            t, id: fieldId('consent'), checked: this.form.consent, error: this.errors.for('consent', t),
            privacyUrl: this.config.privacyUrl || undefined,
            onChange: (c) => this.patch({ consent: c }),
          })
        : nothing}
      <div class="rd-field">
        <label class="rd-choice" for="lf-publish">
          <input id="lf-publish" type="checkbox" .checked=${live(this.form.publish)}
            @change=${(e: Event) => this.patch({ publish: (e.target as HTMLInputElement).checked })} />
          <span>${t('lf.publish')}</span>
        </label>
      </div>
    </fieldset>`;
  }

  private renderContact(p: Prepared) {
    const c = p.draft.contact;
    if (!c || !(c.address || c.email || c.fax)) return nothing;
    const t = this.t;
    return html`<details class="lf-note lf-letters">
      <summary>${t('lf.contactTitle')}</summary>
      <ul>
        ${c.address ? html`<li>${t('lf.contact.address', { address: c.address })}</li>` : nothing}
        ${c.postcode ? html`<li>${t('lf.contact.postcode', { postcode: c.postcode })}</li>` : nothing}
        ${c.email ? html`<li>${t('lf.contact.email', { email: c.email })}</li>` : nothing}
        ${c.fax ? html`<li>${t('lf.contact.fax', { fax: c.fax })}</li>` : nothing}
      </ul>
    </details>`;
  }

  private renderReceipt(p: Prepared) {
    const t = this.t;
    const data = this.submitCtl.payload?.data as LegislationFeedbackData | undefined;
    const comments = data?.comments ?? [];
    const qIndex = new Map((p.draft.focusQuestions ?? []).map((q, n) => [q.id, { q, n }]));
    const summary = [
      { label: t('lf.receiptDraft'), value: p.draft.title },
      { label: t('lf.receiptCount'), value: t('lf.receiptCountValue', { count: comments.length }) },
      ...(data ? [{ label: t('lf.receiptIdentity'), value: this.identityLabel(data.respondent.identity) }] : []),
      ...comments.map((c) => {
        if (c.target.kind === 'article') {
          return { label: c.target.paragraph ? t('lf.target.paragraph', { label: c.target.article, n: c.target.paragraph }) : c.target.article, value: c.text };
        }
        if (c.target.kind === 'general') return { label: t('lf.target.general'), value: c.text };
        const qi = qIndex.get(c.target.questionId);
        const labels = (qi?.q.options ?? []).filter((o) => c.choices?.includes(o.id)).map((o) => o.label);
        return { label: t('lf.target.question', { n: (qi?.n ?? 0) + 1, prompt: excerpt(qi?.q.prompt ?? '', 16) }), value: [labels.join('、'), c.text].filter(Boolean).join('；') };
      }),
      ...(data ? [{ label: t('lf.receiptPublish'), value: data.publish ? t('lf.yes') : t('lf.no') }] : []),
    ];
    return receiptView({
      t,
      receipt: this.submitCtl.receipt!,
      title: t('lf.receiptTitle'),
      numberLabel: t('lf.receiptNumber'),
      message: this.submitCtl.message,
      replyWindow: this.config.replyWindow || undefined,
      summary,
      onNew: () => this.startOver(),
      newLabel: this.proxy ? t('lf.nextProxy') : t('lf.newComment'),
    });
  }
}

/** Article heading and text; `hl` = search terms to mark. */
function articleBody(ref: ArticleRef, hl: string): TemplateResult {
  const a: LegalArticle = ref.article;
  const mark = (s: string) => highlight(s, hl);
  const [first, ...rest] = a.paragraphs;
  return html`<p class="lf-article__p">
      <strong class="lf-article__label" id="a-${ref.index}-h">${a.label}</strong>${a.caption ? html`<span class="lf-article__caption">【${a.caption}】</span>` : nothing}
      ${first ? mark(first.text) : nothing}
    </p>
    ${first ? items(first.items, mark) : nothing}
    ${rest.map((p) => html`<p class="lf-article__p">${mark(p.text)}</p>${items(p.items, mark)}`)}`;
}

function items(list: LegalArticle['paragraphs'][number]['items'], mark: (s: string) => unknown) {
  if (!list?.length) return nothing;
  return html`<ol class="lf-items">
    ${list.map((it) => html`<li><span class="lf-items__n">${itemLabel(it.number)}</span>${mark(it.text)}
      ${it.subItems?.length
        ? html`<ol class="lf-subitems">${it.subItems.map((s) => html`<li><span class="lf-items__n">${subItemLabel(s.number)}</span>${mark(s.text)}</li>`)}</ol>`
        : nothing}</li>`)}
  </ol>`;
}

/** Text with every search term wrapped in <mark> (as text nodes, never HTML). */
function highlight(text: string, terms: string): unknown {
  if (!terms) return text;
  const list = terms.split(' ').filter(Boolean).map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!list.length) return text;
  const re = new RegExp(`(${list.join('|')})`, 'gi');
  const parts = text.split(re);
  return parts.map((part, i) => (i % 2 === 1 ? html`<mark>${part}</mark>` : part));
}

function excerpt(s: string, n = 60): string {
  const chars = [...s.trim().replace(/\s+/g, ' ')];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}

function todayIso(): string {
  const d = new Date();
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
