// <rd-receipt-lookup>: 办理情况查询 — the citizen enters the receipt and lookup code (or arrives
// with them in the page address, from a receipt's link) and reads the status, the history, the
// reply, and rates the reply once. It also lists the receipts sent from this device
// (services/receipt-book.ts). The HTTP side is services/lookup.ts; the contract is
// docs/contract.md#looking-up-a-submission.
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RdElement } from '../shared/rd-element.js';
import { choiceGroup, errorSummary, fieldId, FormErrors, focusSummary, textField } from '../shared/form.js';
import { catalogues, formatDateTime } from '../../services/i18n/index.js';
import { formCatalogues } from '../../services/i18n/forms.js';
import { groupLookupCode, lookupReceipt, normalizeLookupCode, normalizeReceipt, rateReceipt, type LookupResult } from '../../services/lookup.js';
import { receiptBook, RECEIPT_BOOK_EVENT, type DeviceReceipt } from '../../services/receipt-book.js';
import { RATINGS, RATING_COMMENT_MAX, type Rating, type ReceiptLookup } from '../../services/schemas/loop.js';
import { uuidv4 } from '../../services/http.js';
import type { Problem } from '../../services/validation.js';
import { RdRatedEvent } from '../../events/events.js';
import { zh as messages } from './rd-receipt-lookup.messages.js';

export const lookupCatalogues = catalogues(messages, () => import('./rd-receipt-lookup.messages.en.js'));

const RECEIPT_RE = /^[A-Z0-9][A-Z0-9-]{0,99}$/;
/** How many entries of the device list get their status looked up on load. */
const STATUS_LOOKUPS = 10;

const styles = css`
  :host { display: block; }
  .rl-form { max-width: 32em; }
  .rl-code input { text-transform: uppercase; letter-spacing: 0.08em; }
  .rl-result { margin-block: var(--_space-6); padding: var(--_space-4); border: 2px solid var(--_border); }
  .rl-status { font-size: 1.25em; font-weight: 700; margin: 0 0 var(--_space-4); }
  .rl-timeline { list-style: none; padding: 0; margin: 0 0 var(--_space-4); border-inline-start: 3px solid var(--_border); }
  .rl-timeline li { padding: 0 0 var(--_space-3) var(--_space-4); }
  .rl-timeline time { display: block; color: var(--_muted); font-size: 0.9em; }
  .rl-reply { white-space: pre-wrap; overflow-wrap: anywhere; padding-inline-start: var(--_space-4); border-inline-start: 4px solid var(--_success); }
  .rl-device { margin-block-start: var(--_space-6); }
  .rl-device ul { list-style: none; padding: 0; margin: 0; }
  .rl-device li { padding: var(--_space-3) 0; border-block-end: 1px solid var(--_border); overflow-wrap: anywhere; }
  .rl-device .rd-actions { margin-block-start: var(--_space-2); }
  .rl-meta { color: var(--_muted); font-size: 0.9em; margin: 0; }
`;

type Failure = Extract<LookupResult, { ok: false }>['reason'] | 'no-endpoint';
type Phase = { kind: 'idle' } | { kind: 'loading' } | { kind: 'found'; data: ReceiptLookup } | { kind: 'failed'; reason: Failure; retryAfterMs?: number; receipt: string };
interface RatingState { value: Rating | ''; comment: string; sending: boolean; key: string; error?: string; note?: string }
const emptyRating = (): RatingState => ({ value: '', comment: '', sending: false, key: uuidv4() });

/**
 * Looks up a submission by receipt and lookup code: status, history, reply, and the rating.
 *
 * @tag rd-receipt-lookup
 * @summary 办理情况查询: status, reply and rating of a submission, and this device's receipts.
 * @event rd-rated - The citizen's rating was accepted: `{receipt, rating}`.
 * @csspart base - The element's content.
 * @csspart result - The lookup result.
 * @csspart device-list - The list of receipts sent from this device.
 * @csspart submit-button - The lookup button.
 * @csspart label - Field labels (the shared form pieces).
 * @csspart input - Text inputs (receipt, code, rating comment).
 * @csspart hint - Hints under labels.
 * @csspart error-message - An inline error at a field.
 * @csspart error-summary - The error summary after a lookup with problems.
 * @csspart receipt - (shared form pieces; not shown by this element)
 * @csspart copy-button - (shared form pieces; not shown by this element)
 * @csspart lookup-link - (shared form pieces; not shown by this element)
 * @csspart consent - (shared form pieces; not shown by this element)
 * @csspart queued-notice - (shared form pieces; not shown by this element)
 */
export class RdReceiptLookup extends RdElement {
  static override styles = [...RdElement.styles, styles];
  static override catalogues = [formCatalogues, lookupCatalogues];

  /** Receipt to look up (else `?receipt=` of the page address). */
  @property() receipt?: string;
  /** Its lookup code (else `?code=` of the page address). */
  @property() code?: string;
  /** Hides the list of receipts sent from this device (it is hidden in kiosk mode too). */
  @property({ type: Boolean, attribute: 'hide-device-list' }) hideDeviceList = false;

  @state() private receiptInput = '';
  @state() private codeInput = '';
  @state() private phase: Phase = { kind: 'idle' };
  @state() private rating: RatingState = emptyRating();
  @state() private book: DeviceReceipt[] | null = null;
  @state() private bookOff = false;
  @state() private bookStatus = new Map<string, string>();
  @state() private bookNote = '';
  private readonly errors = new FormErrors();
  private readonly ratingErrors = new FormErrors();
  private readonly onBookChange = () => void this.loadBook();

  override connectedCallback(): void {
    super.connectedCallback();
    const q = new URLSearchParams(location.search);
    this.receiptInput = this.receipt ?? q.get('receipt') ?? '';
    this.codeInput = this.code ?? q.get('code') ?? '';
    window.addEventListener(RECEIPT_BOOK_EVENT, this.onBookChange);
    void this.loadBook().then(() => this.refreshBookStatus());
    // Arriving from a receipt's link: look it up at once.
    if (this.receiptInput && this.codeInput) void this.updateComplete.then(() => this.lookup(false));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener(RECEIPT_BOOK_EVENT, this.onBookChange);
  }

  protected override kioskReset(): void {
    this.receiptInput = this.codeInput = '';
    this.phase = { kind: 'idle' };
    this.rating = emptyRating();
    this.errors.reset();
  }

  private async loadBook() {
    const b = receiptBook();
    this.bookOff = (await b.backend()) === 'memory';
    this.book = await b.list();
  }

  /** The current status of the newest entries, one lookup at a time (stops when refused). */
  private async refreshBookStatus() {
    const endpoint = this.config.endpoint;
    for (const r of (this.book ?? []).slice(0, STATUS_LOOKUPS)) {
      const ep = r.endpoint || endpoint;
      if (!ep || !r.lookupCode || this.bookStatus.has(r.receipt)) continue;
      const res = await lookupReceipt(ep, r.receipt, r.lookupCode, this.requestOptions());
      this.bookStatus = new Map(this.bookStatus).set(r.receipt, res.ok ? res.data.status : '');
      if (!res.ok && (res.reason === 'rate-limited' || res.reason === 'unsupported' || res.reason === 'network')) break;
    }
  }

  private requestOptions() {
    const c = this.config;
    return { credentials: c.credentials, headers: c.headers, timeout: c.timeout };
  }

  private problems(): Problem[] {
    const out: Problem[] = [];
    const receipt = normalizeReceipt(this.receiptInput);
    if (!receipt) out.push({ path: 'receipt', key: 'lookup.receiptRequired' });
    else if (!RECEIPT_RE.test(receipt)) out.push({ path: 'receipt', key: 'lookup.receiptFormat' });
    if (!this.codeInput.trim()) out.push({ path: 'code', key: 'lookup.codeRequired' });
    else if (!normalizeLookupCode(this.codeInput)) out.push({ path: 'code', key: 'lookup.codeFormat' });
    return out;
  }

  /** Looks up what the form holds; `focus`: move focus to the outcome (not on arrival). */
  async lookup(focus = true): Promise<void> {
    const problems = this.problems();
    this.errors.set(problems);
    this.errors.submitted = true;
    if (problems.length) {
      this.requestUpdate();
      await this.updateComplete;
      if (focus) focusSummary(this.shadowRoot);
      return;
    }
    const receipt = normalizeReceipt(this.receiptInput);
    const code = normalizeLookupCode(this.codeInput)!;
    const endpoint = this.book?.find((r) => r.receipt === receipt)?.endpoint || this.config.endpoint;
    if (!endpoint) {
      this.phase = { kind: 'failed', reason: 'no-endpoint', receipt };
      this.bookNote = '';
      return this.focusOutcome(focus);
    }
    const shown = this.phase.kind === 'found' ? this.phase.data.receipt : '';
    this.phase = { kind: 'loading' };
    const res = await lookupReceipt(endpoint, receipt, code, this.requestOptions());
    if (res.ok) {
      if (shown !== res.data.receipt) this.rating = emptyRating();
      this.phase = { kind: 'found', data: res.data };
      this.bookStatus = new Map(this.bookStatus).set(res.data.receipt, res.data.status);
    } else {
      this.phase = { kind: 'failed', reason: res.reason, retryAfterMs: res.retryAfterMs, receipt };
    }
    await this.focusOutcome(focus);
  }

  private async focusOutcome(focus: boolean) {
    await this.updateComplete;
    if (focus) this.shadowRoot?.querySelector<HTMLElement>('[data-rl-outcome]')?.focus();
  }

  private async sendRating(data: ReceiptLookup) {
    const r = this.rating;
    const problems: Problem[] = r.value ? [] : [{ path: 'rating', key: 'lookup.rate.required' }];
    this.ratingErrors.set(problems);
    this.ratingErrors.submitted = true;
    if (problems.length) {
      this.requestUpdate();
      await this.updateComplete;
      this.shadowRoot?.querySelector<HTMLElement>('#rating')?.focus();
      return;
    }
    const endpoint = this.book?.find((b) => b.receipt === data.receipt)?.endpoint || this.config.endpoint;
    this.rating = { ...r, sending: true, error: undefined };
    const comment = r.comment.trim();
    const res = await rateReceipt(endpoint, data.receipt, { code: normalizeLookupCode(this.codeInput)!, rating: r.value as Rating, ...(comment ? { comment } : {}) }, r.key, this.requestOptions());
    if (res.ok) {
      this.phase = { kind: 'found', data: res.data };
      this.rating = { ...emptyRating(), note: this.t('lookup.rate.thanks') };
      this.dispatchEvent(new RdRatedEvent({ receipt: data.receipt, rating: r.value as Rating }));
    } else if (res.reason === 'already-rated' || res.reason === 'not-replied') {
      this.rating = { ...this.rating, sending: false, error: this.t(res.reason === 'already-rated' ? 'lookup.rate.already' : 'lookup.rate.notReplied') };
      void this.lookup(false);
    } else {
      // Kept as chosen, with the same key: a retry is the same rating.
      this.rating = { ...this.rating, sending: false, error: this.t('lookup.rate.failed') };
    }
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('[data-rl-rating-outcome]')?.focus();
  }

  private async forget(r: DeviceReceipt) {
    await receiptBook().remove(r.receipt);
    await this.loadBook();
    this.bookNote = this.t('lookup.device.removed', { receipt: r.receipt });
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('#rl-device-title')?.focus();
  }

  private view(r: DeviceReceipt) {
    this.receiptInput = r.receipt;
    this.codeInput = r.lookupCode ? groupLookupCode(r.lookupCode) : '';
    void this.lookup(true);
  }

  // ------------------------------------------------------------------------------- rendering
  private when = (iso: string, withTime = true) => formatDateTime(iso, this.locale, withTime ? { dateStyle: 'long', timeStyle: 'short' } : { dateStyle: 'long' });
  /** A payload type in the citizen's words; a type of the integrator's own as it is. */
  private typeLabel = (type: string) => (this.t(`lookup.type.${type}`) === `lookup.type.${type}` ? type : this.t(`lookup.type.${type}`));
  private statusLabel = (s: string) => (s ? this.t(`lookup.status.${s}`) : '');

  override render(): TemplateResult {
    const t = this.t;
    const shown = this.errors.shown(t);
    const err = (path: string) => shown.find((e) => e.id === fieldId(path))?.message;
    const busy = this.phase.kind === 'loading';
    return html`<div part="base">
      <h2>${t('lookup.title')}</h2>
      <p>${t('lookup.intro')}</p>
      ${errorSummary(t, shown, [], () => this.shadowRoot)}
      <form class="rl-form" novalidate @submit=${(e: Event) => { e.preventDefault(); void this.lookup(true); }}>
        ${textField({ t, id: fieldId('receipt'), label: t('lookup.receipt'), hint: t('lookup.receiptHint'), value: this.receiptInput, required: true, autocomplete: 'off',
          error: err('receipt'), onInput: (v) => { this.receiptInput = v; } })}
        <div class="rl-code">
          ${textField({ t, id: fieldId('code'), label: t('lookup.code'), hint: t('lookup.codeHint'), value: this.codeInput, required: true, autocomplete: 'off',
            error: err('code'), onInput: (v) => { this.codeInput = v; } })}
        </div>
        <div class="rd-actions">
          <button type="submit" class="rd-button" part="submit-button" ?disabled=${busy} aria-disabled=${busy ? 'true' : 'false'}>
            ${busy ? html`<span class="rd-spinner" aria-hidden="true"></span> ${t('lookup.loading')}` : t('lookup.submit')}
          </button>
        </div>
      </form>
      <div role="status" class="rd-visually-hidden">${busy ? t('lookup.loading') : ''}</div>
      ${this.renderOutcome()}
      ${this.hideDeviceList || this.config.kiosk ? nothing : this.renderDevice()}
    </div>`;
  }

  private renderOutcome(): TemplateResult | typeof nothing {
    const t = this.t;
    const p = this.phase;
    if (p.kind === 'found') return this.renderFound(p.data);
    if (p.kind !== 'failed') return nothing;
    const r = p.reason;
    const text = r === 'no-endpoint' ? t('lookup.noEndpoint')
      : r === 'not-found' ? t('lookup.notFound')
      : r === 'unsupported' ? t('lookup.unsupported', { receipt: p.receipt })
      : r === 'rate-limited' ? t('lookup.rateLimited', { minutes: Math.max(1, Math.ceil((p.retryAfterMs ?? 60_000) / 60_000)) })
      : r === 'network' || r === 'timeout' ? t('lookup.network')
      : t('lookup.server');
    const retry = r === 'network' || r === 'timeout' || r === 'server' || r === 'invalid';
    const kind = r === 'unsupported' ? 'rd-notice' : 'rd-notice rd-notice--error';
    return html`<div class=${kind} part="result" tabindex="-1" data-rl-outcome role=${r === 'unsupported' ? 'status' : 'alert'}>
      <p>${text}</p>
      ${retry ? html`<button type="button" class="rd-button rd-button--secondary" @click=${() => void this.lookup(true)}>${t('lookup.retry')}</button>` : nothing}
    </div>`;
  }

  private renderFound(d: ReceiptLookup): TemplateResult {
    const t = this.t;
    return html`<section class="rl-result" part="result" tabindex="-1" data-rl-outcome aria-labelledby="rl-result-title">
      <h3 id="rl-result-title">${t('lookup.resultTitle', { receipt: d.receipt })}</h3>
      <p class="rl-meta">${this.typeLabel(d.type)}</p>
      <p class="rl-status">${t('lookup.current')}：${this.statusLabel(d.status)}</p>
      <h4>${t('lookup.timeline')}</h4>
      <ol class="rl-timeline">
        ${d.history.map((h) => html`<li><time datetime=${h.at}>${this.when(h.at)}</time>${this.statusLabel(h.status)}${h.note ? html`<br />${h.note}` : nothing}</li>`)}
      </ol>
      <h4>${t('lookup.reply')}</h4>
      ${d.reply
        ? html`<p class="rl-meta">${d.reply.by ? html`${t('lookup.replyBy', { by: d.reply.by })}<br />` : nothing}${t('lookup.replyAt', { time: this.when(d.reply.at) })}</p>
            <p class="rl-reply">${d.reply.text}</p>
            ${this.renderRating(d)}`
        : html`<p>${t('lookup.noReplyYet')}</p>`}
    </section>`;
  }

  private renderRating(d: ReceiptLookup): TemplateResult {
    const t = this.t;
    const r = this.rating;
    if (d.rating) {
      return html`<div tabindex="-1" data-rl-rating-outcome role="status">
        <p><strong>${t('lookup.rate.done', { rating: t(`lookup.rate.${d.rating.rating}`) })}</strong></p>
        ${r.note ? html`<p>${r.note}</p>` : nothing}
        ${r.error ? html`<p>${r.error}</p>` : nothing}
      </div>`;
    }
    const shown = this.ratingErrors.shown(t);
    return html`<form novalidate @submit=${(e: Event) => { e.preventDefault(); void this.sendRating(d); }}>
      ${choiceGroup({ t, id: 'rating', legend: t('lookup.rate.title'), hint: t('lookup.rate.hint'), required: true, inline: true,
        options: RATINGS.map((v) => ({ value: v, label: t(`lookup.rate.${v}`) })), value: r.value || undefined, error: shown[0]?.message,
        onChange: (v) => { this.rating = { ...this.rating, value: v as Rating }; } })}
      ${textField({ t, id: 'rating-comment', label: t('lookup.rate.comment'), markOptional: true, multiline: true, rows: 3, maxlength: RATING_COMMENT_MAX, counter: true,
        value: r.comment, onInput: (v) => { this.rating = { ...this.rating, comment: v }; } })}
      <div class="rd-notice rd-notice--error" tabindex="-1" data-rl-rating-outcome role="alert" ?hidden=${!r.error}>${r.error ?? ''}</div>
      <div class="rd-actions">
        <button type="submit" class="rd-button" ?disabled=${r.sending} aria-disabled=${r.sending ? 'true' : 'false'}>
          ${r.sending ? html`<span class="rd-spinner" aria-hidden="true"></span> ${t('lookup.rate.sending')}` : t('lookup.rate.submit')}
        </button>
      </div>
    </form>`;
  }

  private renderDevice(): TemplateResult | typeof nothing {
    const t = this.t;
    if (this.book === null) return nothing;
    return html`<section class="rl-device" part="device-list" aria-labelledby="rl-device-title">
      <h3 id="rl-device-title" tabindex="-1">${t('lookup.device.title')}</h3>
      <p class="rl-meta">${t(this.bookOff ? 'lookup.device.off' : 'lookup.device.hint')}</p>
      <p role="status">${this.bookNote}</p>
      ${this.book.length
        ? html`<ul>${this.book.map((r) => {
            const status = this.bookStatus.get(r.receipt);
            return html`<li>
              <strong>${r.title || this.typeLabel(r.type)}</strong>
              <p class="rl-meta">${t('receipt.number')}：${r.receipt}${r.lookupCode ? html` · ${t('lookup.code')}：${r.lookupCode}` : nothing}
                <br />${t('lookup.device.submitted', { time: this.when(r.at, false) })}
                ${status !== undefined ? html`<br />${status ? t('lookup.device.status', { status: this.statusLabel(status) }) : t('lookup.device.statusUnknown')}` : nothing}</p>
              <div class="rd-actions">
                ${r.lookupCode ? html`<button type="button" class="rd-button rd-button--secondary" @click=${() => this.view(r)}>
                  <span aria-hidden="true">${t('lookup.submit')}</span><span class="rd-visually-hidden">${t('lookup.device.view', { receipt: r.receipt })}</span></button>` : nothing}
                <button type="button" class="rd-button rd-button--secondary" @click=${() => void this.forget(r)}>
                  <span aria-hidden="true">${t('common.remove')}</span><span class="rd-visually-hidden">${t('lookup.device.remove', { receipt: r.receipt })}</span></button>
              </div>
            </li>`;
          })}</ul>`
        : html`<p>${t('lookup.device.empty')}</p>`}
    </section>`;
  }
}
