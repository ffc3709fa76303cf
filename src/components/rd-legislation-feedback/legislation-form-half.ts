// The form half of <rd-legislation-feedback> (README "Figures", docs/architecture.md#forms): the
// comment form's state, its draft, submit and form controllers (with the outbox and the drafts
// store) and its parts besides the draft text. The first screen — reading the draft, with a
// "comment on 第X条" button in each article — does not carry it: the element imports this module
// through a LazyPart when a comment button is pressed, when the rest of the form comes near the
// viewport or gets the focus, when something of it waits on this device (a draft, an outbox
// entry: controllers/waiting-work.ts), and at once in proxy mode. Created on a connected element,
// its controllers start at once (a waiting draft is restored, a queued entry sent, as before).
import { html, nothing, type TemplateResult } from 'lit';
import type { RdElement } from '../shared/rd-element.js';
import type { RdHost } from '../../controllers/host.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { SubmitController } from '../../controllers/submit-controller.js';
import { FormController } from '../../controllers/form-controller.js';
import { errorSummary, fieldId, focusField, honeypot, submitButton, submitProblem, submitStatus } from '../shared/form.js';
import { localDay } from '../../services/days.js';
import type { Channel } from '../../services/schemas/legislation.js';
import type { ArticleRef } from '../../services/legal-structure.js';
import type { PreparedDraft } from '../../services/legislation-reader.js';
import { carryProxy, checkFeedback, countComments, emptyForm, formPath, reviveForm, type ArticleComment, type FeedbackForm } from '../../services/legislation-form.js';
import {
  addItem,
  renderContact,
  renderEditors,
  renderGeneral,
  renderMine,
  renderOrphans,
  renderProxy,
  renderQuestions,
  renderReceipt,
  renderRespondent,
  type FormViewContext,
} from './legislation-form-view.js';
import { goTo } from './legislation-reader-view.js';
import { zhForm } from './legislation-form.messages.js';
import { lfFormStyles } from './legislation-form.styles.js';
import { catalogues } from '../../services/i18n/index.js';
import type { T } from '../../services/form-errors.js';

/**
 * The form's strings: zh-CN bundled here, English with the element's English (the same chunk).
 * Not among the element's static catalogues (those are the first screen's): the element adds
 * them when the half arrives (RdElement.useCatalogues).
 */
export const lfFormCatalogues = catalogues(zhForm, () => import('./rd-legislation-feedback.messages.en.js').then((m) => ({ en: m.enForm })));

/** What the half needs of the element (which keeps the draft, the reader and the live region). */
export interface FormHalfHost {
  readonly el: RdHost & Pick<RdElement, 'useStyles'>;
  readonly tag: string;
  /** The loaded draft's id. */
  dataId(): string | undefined;
  /** The prepared draft, once shown. */
  prepared(): PreparedDraft | undefined;
  channel(): Channel;
  proxy(): boolean;
  /** The outbox owner (the element's WaitingWorkController asks about the same). */
  owner(): string;
  /** Says `message` in the live region; after the next render focus goes to `focusAfter`. */
  announce(message: string, focusAfter?: string): void;
  /** Focuses the element with this id after the next render. */
  focusLater(id: string): void;
  jumpTo(label: string): boolean;
}

/** How long a comment button waits for the saved draft to be read before adding the comment anyway. */
const WAIT_FOR_DRAFT_MS = 1000;

export class FormHalf {
  private current: FeedbackForm;
  /** Where each sent comment came from (set by `validate`), to map server errors back. */
  private sources: Parameters<typeof formPath>[1] | undefined;
  readonly draftCtl: DraftController<FeedbackForm>;
  readonly submitCtl: SubmitController;
  readonly flow: FormController;

  constructor(private readonly h: FormHalfHost) {
    const el = h.el;
    // The form's look arrives with it (the first screen does not carry it).
    el.useStyles(lfFormStyles);
    // (The collector's date in proxy mode is put in by `prepared`, below or once the draft is shown.)
    this.current = emptyForm();
    this.draftCtl = new DraftController<FeedbackForm>(el, {
      tag: h.tag,
      id: () => h.dataId(),
      apply: (v) => { this.form = this.keepProxy(reviveForm(v)); },
      reset: () => { this.form = this.keepProxy(emptyForm()); this.errors.reset(); },
      // A proxy or QR instance keeps its own draft, as it keeps its own outbox.
      variant: () => (h.channel() === 'online' ? '' : `:${h.channel()}`),
    });
    this.submitCtl = new SubmitController(el, {
      type: 'legislation-feedback',
      route: '/legislation-feedback',
      // The outbox belongs to this instance: a proxy or QR instance, or a second instance with its
      // own element id on the same page, does not send and show another instance's queued comments.
      owner: () => h.owner(),
      receiptTitle: () => h.prepared()?.draft.title ?? '',
      onAccepted: () => void this.draftCtl.clear(),
    });
    this.flow = new FormController(el, this.submitCtl, {
      validate: () => {
        const r = this.validate();
        this.sources = r.ok ? r.sources : undefined;
        return r.ok ? { ok: true as const, data: r.data } : { ok: false as const };
      },
      beforeSend: async () => { await this.draftCtl.flush(); },
      serverPath: (path) => (this.sources ? formPath(path, this.sources) : path),
    });
    if (h.prepared()) this.prepared();
  }

  /** The element's translator (its catalogues, the form's, the integrator's overrides). */
  readonly t: T = (key, params) => this.h.el.t(key, params);

  get form(): FeedbackForm { return this.current; }
  set form(next: FeedbackForm) {
    this.current = next;
    this.h.el.requestUpdate();
  }

  get errors() { return this.flow.errors; }

  /** Sent and accepted: the receipt is shown instead of the form. */
  get submitted(): boolean { return this.submitCtl.state === 'submitted' && !!this.submitCtl.receipt; }

  /** A draft was (re)loaded and shown: the collector's date in proxy mode, then the saved draft. */
  prepared(): void {
    if (this.h.proxy() && !this.form.proxy.date) this.form = this.keepProxy(this.form);
    // Prepared again while a read is under way (the page setting equal data anew): the wait lasts
    // until that read is done too (a second restore of the same draft returns at once).
    const restoring: Promise<void> = Promise.all([this.restoring, this.draftCtl.restore()]).then(() => undefined, () => undefined)
      .then(() => { if (this.restoring === restoring) this.restoring = undefined; });
    this.restoring = restoring;
  }

  /** The saved draft being read (its store opening): a comment asked for meanwhile waits for it. */
  private restoring: Promise<void> | undefined;
  /** The article of the comment asked for while the draft is read (one, however often pressed). */
  private waitingComment: ArticleRef | undefined;

  /** In proxy mode the collector's details stay for the next submission (docs/domain.md#proxy-entry). */
  private keepProxy(next: FeedbackForm): FeedbackForm {
    return this.h.proxy() ? carryProxy(next, this.current, localDay()) : next;
  }

  private patch(patch: Partial<FeedbackForm>) {
    this.form = { ...this.form, ...patch };
    this.draftCtl.save(this.form);
    this.flow.recheck();
  }

  private validate() {
    const p = this.h.prepared()!;
    const ctx = { channel: this.h.channel(), consentVersion: this.h.el.config.privacyVersion, order: p.order };
    const r = checkFeedback(this.form, p.draft, ctx);
    this.errors.set(r.ok ? [] : r.problems);
    return r;
  }

  /** "Comment on another draft" / "next opinion" after a receipt. */
  startOver(): void {
    this.form = this.keepProxy(emptyForm());
    this.flow.reset();
    this.h.announce('', 'lf-title');
  }

  /** Kiosk reset (the element's own part of it is the reader's). */
  kioskReset(): void {
    this.form = emptyForm();
    this.flow.reset();
    void this.draftCtl.clear();
  }

  /**
   * Adds an empty comment on this article and focuses its text box. While a saved draft is still
   * being read, after it (a second at most): the draft's comments come back and this one joins
   * them (added before, it would be replaced by the draft). Pressed again meanwhile: one comment,
   * on the article pressed last.
   */
  addComment(ref: ArticleRef): void {
    if (this.restoring) {
      const asked = !!this.waitingComment;
      this.waitingComment = ref;
      if (asked) return;
      const id = this.h.dataId();
      // A moment at most: where storage answers slowly the comment comes anyway (what is typed
      // in it is then kept, and a draft found later is offered beside it: DraftController).
      const moment = new Promise<void>((r) => setTimeout(r, WAIT_FOR_DRAFT_MS));
      void Promise.race([this.restoring, moment]).then(() => {
        const next = this.waitingComment;
        this.waitingComment = undefined;
        // (Unless the page set another draft meanwhile: the article is then not that draft's.)
        if (next && this.h.dataId() === id && this.h.prepared()) addItem(this.context(this.h.prepared()!), next);
      });
      return;
    }
    addItem(this.context(this.h.prepared()!), ref);
  }

  /** Focuses the field of a form path (`items.<id>`, `answers.<q>`, `general`). */
  focusPath(path: string): void {
    const root = this.h.el.shadowRoot;
    if (root) focusField(root, fieldId(path));
  }

  /** Comments by article label. */
  byArticle(): Map<string, ArticleComment[]> {
    const m = new Map<string, ArticleComment[]>();
    for (const i of this.form.items) m.set(i.article, [...(m.get(i.article) ?? []), i]);
    return m;
  }

  private context(p: PreparedDraft): FormViewContext {
    const half = this;
    const el = this.h.el;
    return {
      t: this.t, locale: el.locale, p, get form() { return half.form; }, errors: this.errors, proxy: this.h.proxy(),
      privacyUrl: el.config.privacyUrl || undefined,
      patch: (patch) => this.patch(patch),
      announce: (message, focusAfter) => this.h.announce(message, focusAfter),
      focusLater: (id) => this.h.focusLater(id),
      focusPath: (path) => this.focusPath(path),
      jumpTo: (label) => this.h.jumpTo(label),
    };
  }

  // ---------------------------------------------------------------- render

  /** The submit's form handler. */
  readonly run = (e: Event) => void this.flow.run(e);

  /** Above the text: the restored-draft notice and the error summary. */
  renderTop(): TemplateResult {
    const t = this.t;
    const extra = [submitProblem(t, this.submitCtl)].filter((m): m is string => !!m);
    return html`${this.draftCtl.renderNotice(() => this.form)}${errorSummary(t, this.errors.shown(t), extra)}`;
  }

  /** An article's comment editors. */
  renderEditors(p: PreparedDraft, ref: ArticleRef, items: readonly ArticleComment[]): TemplateResult | typeof nothing {
    return renderEditors(this.context(p), ref, items);
  }

  /** After the text: orphans, the general comment, the questions, my comments, who, send. */
  renderRest(p: PreparedDraft): TemplateResult {
    const el = this.h.el;
    const t = this.t;
    const c = this.context(p);
    const count = countComments(this.form, p.draft);
    return html`${renderOrphans(c)}
      ${renderGeneral(c)}
      ${renderQuestions(c)}
      ${renderMine(c)}
      ${this.h.proxy() ? renderProxy(c) : nothing}
      ${renderRespondent(c)}
      ${renderContact(t, p)}
      ${honeypot(t, 'lf-website', this.flow.onHoneypot)}
      ${submitStatus(t, this.submitCtl)}
      <p class="rd-hint">${t('lf.submitHint')}</p>
      <div class="rd-actions">
        ${this.submitCtl.state === 'queued' ? nothing : submitButton(t, this.submitCtl.busy, this.h.proxy() ? t('lf.submitProxy') : t('lf.submit'))}
      </div>
      ${count > 0
        ? html`<div class="lf-dock"><button type="button" class="rd-button lf-dock__button"
            @click=${() => void goTo(el.shadowRoot, 'lf-mine-title')}>${t('lf.dock', { count })}</button></div>`
        : nothing}`;
  }

  renderReceipt(p: PreparedDraft): TemplateResult {
    const el = this.h.el;
    return renderReceipt({
      t: this.t, locale: el.locale, p, submitter: this.submitCtl, proxy: this.h.proxy(),
      replyWindow: el.config.replyWindow || undefined, lookupUrl: el.config.lookupUrl, onNew: () => this.startOver(),
    });
  }
}
