// Sends a widget's submission per docs/contract.md#submitting: envelope, `rd-submit` (cancelable, headers may be
// added), retries with one Idempotency-Key, receipt, field errors, and the outbox when it cannot
// be sent now — flushed on `online` and on the next page load.
import type { ReactiveController } from 'lit';
import { formCatalogues } from '../services/i18n/forms.js';
import type { RdHost } from './host.js';
import { send, uuidv4, type SendResult } from '../services/http.js';
import { enqueue, enqueueChecked, flushOutbox, listOutbox, removeFromOutbox, settleRecord, type OutboxEntry } from '../services/outbox.js';
import { endpointUrl, RdConfigError } from '../services/config.js';
import { receiptBook } from '../services/receipt-book.js';
import { pageTransport, TRANSPORT_CHANGE_EVENT, type Transport } from '../services/transport.js';
import type { FieldError, PayloadType } from '../services/schemas/common.js';
import { RdQueuedEvent, RdSubmitErrorEvent, RdSubmitEvent, RdSubmittedEvent, type SubmitErrorKind } from '../events/events.js';

export type SubmitState = 'idle' | 'submitting' | 'submitted' | 'queued' | 'error';
export type SubmitOutcome = 'submitted' | 'queued' | 'rejected' | 'error' | 'cancelled' | 'invalid-config';

export interface Envelope<D = unknown> {
  type: PayloadType;
  version: 1;
  id: string;
  createdAt: string;
  locale: string;
  source: { url: string };
  data: D;
}

// Owners with a widget on this page: they send and report their own outbox entries. Entries of
// any other owner (another page of the site, a booking panel that was closed, a widget whose id
// came from data) are sent too — shortly after load and on `online` — and their receipts wait in
// the outbox for their widget (docs/contract.md#the-outbox).
const liveOwners = new Map<string, number>();
let orphansScheduled = false;
function flushOrphans(timeout?: number) {
  // Asked per entry at send time, so a widget that appeared meanwhile sends its own entries,
  // with `rd-submit` and its current headers. Orphans go through the page's transport, if any.
  void flushOutbox(undefined, { skipOwners: () => new Set(liveOwners.keys()), timeout, transport: pageTransport() }).catch(() => undefined);
}
function scheduleOrphans(timeout: number) {
  if (orphansScheduled) return;
  orphansScheduled = true;
  setTimeout(() => flushOrphans(timeout), 2000);
  window.addEventListener('online', () => flushOrphans(timeout));
  window.addEventListener(TRANSPORT_CHANGE_EVENT, () => flushOrphans(timeout));
}

/**
 * For a widget whose first screen has no form of its own yet (the station map, before a station's
 * booking is opened) and that found entries waiting (controllers/waiting-work.ts): the entries no
 * widget on the page owns are sent as a form's controller would send them — 2 s on (time for
 * the page's other widgets to load their own and send theirs with `rd-submit`), and on `online`.
 */
export function sendWaitingEntries(timeout: number): void {
  // Its own send, even when a form on this page (a single-page site) sent orphans long ago.
  if (orphansScheduled) setTimeout(() => flushOrphans(timeout), 2000);
  else scheduleOrphans(timeout);
}

/** Server field errors with paths relative to `data` (how the widgets name their fields). */
const relativeToData = (errors: FieldError[]) => errors.map((e) => ({ path: e.path.replace(/^data\./, ''), message: e.message }));

export interface SubmitControllerOptions {
  type: PayloadType;
  /** Route under the endpoint, e.g. '/legislation-feedback'. */
  route: string;
  /** Outbox owner id for this instance, e.g. `rd:rd-legislation-feedback:2026-wy-01`. */
  owner: () => string;
  /** What the citizen's list of receipts on this device calls it (the draft's title, the deputy's name). */
  receiptTitle?: (payload: Envelope) => string;
  /** Called once the server accepted (now, or later from the outbox). */
  onAccepted?: (receipt: string, payload: Envelope) => void;
  /** The page address recorded in `source.url` (default `location.href`; e.g. without the query
   *  string for anonymous surveys). */
  sourceUrl?: () => string;
  /** Referrer policy of the request (anonymous surveys: `no-referrer`). */
  referrerPolicy?: () => ReferrerPolicy | undefined;
  /** Retry tuning (tests); production uses the defaults. */
  attempts?: number;
  baseDelay?: number;
  /** First delay before an automatic resend while the page stays open (doubles up to 10 min). */
  resendDelay?: number;
}

export class SubmitController implements ReactiveController {
  // State behind getters (as @lit/task does): only this controller changes it.
  private _state: SubmitState = 'idle';
  private _receipt: string | undefined;
  private _lookupCode: string | undefined;
  private _message: string | undefined;
  private _payload: Envelope | undefined;
  private _fieldErrors: FieldError[] = [];
  private _errorKind: SubmitErrorKind | 'config' | 'cancelled' | undefined;
  private _rejectedReceipt: string | undefined;
  private _errorStatus: number | undefined;
  private _retryAttempt = 0;
  private _persistent = true;
  private _outboxFull = false;

  get state(): SubmitState { return this._state; }
  /** The receipt of the accepted submission. */
  get receipt(): string | undefined { return this._receipt; }
  /** The code the citizen looks the receipt up with (docs/contract.md#looking-up-a-submission), when the server gave one. */
  get lookupCode(): string | undefined { return this._lookupCode; }
  /** The server's message with a receipt or a refusal. */
  get message(): string | undefined { return this._message; }
  /** The last accepted (or queued) payload, for the receipt summary. */
  get payload(): Envelope | undefined { return this._payload; }
  /** Field errors from the server (400/422), paths relative to `data`. */
  get fieldErrors(): readonly FieldError[] { return this._fieldErrors; }
  get errorKind(): SubmitErrorKind | 'config' | 'cancelled' | undefined { return this._errorKind; }
  /** A receipt named by a refusal (e.g. 409 "already submitted" with the first receipt). */
  get rejectedReceipt(): string | undefined { return this._rejectedReceipt; }
  get errorStatus(): number | undefined { return this._errorStatus; }
  /** The attempt in progress when retrying (1 = first). */
  get retryAttempt(): number { return this._retryAttempt; }
  /** False when the outbox lives in page memory only (no IndexedDB): closing the page loses it. */
  get persistent(): boolean { return this._persistent; }
  /** The outbox on this device is full (services/outbox.ts OUTBOX_LIMITS): this one waits in page memory only. */
  get outboxFull(): boolean { return this._outboxFull; }
  private readonly onOnline = () => void this.flush();
  private owner = '';
  private connected = false;
  private flushing: Promise<void> | undefined;
  private flushAgain = false;
  private resendTimer: ReturnType<typeof setTimeout> | undefined;
  private resendDelay: number;

  constructor(private readonly host: RdHost, private readonly opts: SubmitControllerOptions) {
    this.resendDelay = opts.resendDelay ?? 30_000;
    host.addController(this);
    host.useCatalogues?.(formCatalogues);
  }

  hostConnected() {
    this.connected = true;
    window.addEventListener('online', this.onOnline);
    window.addEventListener(TRANSPORT_CHANGE_EVENT, this.onOnline);
    scheduleOrphans(this.host.config.timeout);
    this.syncOwner();
  }

  /** The owner id can change after data loads (it names the draft/survey/station): follow it. */
  hostUpdated() {
    this.syncOwner();
  }

  hostDisconnected() {
    // From now on its entries are orphans: sent by whichever page is open, receipts kept.
    this.connected = false;
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener(TRANSPORT_CHANGE_EVENT, this.onOnline);
    clearTimeout(this.resendTimer);
    this.resendTimer = undefined;
    this.setOwner('');
  }

  private syncOwner() {
    if (!this.connected) return; // an update after removal must not claim the owner again
    const owner = this.opts.owner();
    if (owner === this.owner) return;
    this.setOwner(owner);
    if (owner) void this.flush();
  }

  private setOwner(owner: string) {
    if (this.owner) {
      const n = (liveOwners.get(this.owner) ?? 1) - 1;
      if (n > 0) liveOwners.set(this.owner, n); else liveOwners.delete(this.owner);
    }
    this.owner = owner;
    if (owner) liveOwners.set(owner, (liveOwners.get(owner) ?? 0) + 1);
  }

  /** While the page stays open, try the outbox again later (a 5xx or timeout brings no `online`). */
  private scheduleResend() {
    if (!this.connected) return;
    clearTimeout(this.resendTimer);
    this.resendTimer = setTimeout(() => { this.resendTimer = undefined; void this.flush(); }, this.resendDelay);
    this.resendDelay = Math.min(this.resendDelay * 2, 600_000);
  }

  get busy() {
    return this._state === 'submitting';
  }

  /** Back to a fresh form state (after "submit another"). */
  reset() {
    this._state = 'idle';
    this._receipt = this._lookupCode = this._message = this._payload = undefined;
    this._fieldErrors = [];
    this._errorKind = this._errorStatus = undefined;
    this._rejectedReceipt = undefined;
    this.host.requestUpdate();
  }

  /** The widget's transport, else the provider's, else the page's (docs/integrating.md). */
  private transport(): Transport | undefined {
    return this.host.config.transport ?? pageTransport();
  }

  private url(transport: Transport | undefined): string {
    const cfg = this.host.config;
    if (this.host.submitUrl) return this.host.submitUrl;
    // With a transport the endpoint is the integrator's business: the route names the submission.
    if (!cfg.endpoint && transport) return this.opts.route;
    return endpointUrl(cfg.endpoint, this.opts.route);
  }

  /** Builds the envelope for `data`, fires rd-submit, sends, and reports the outcome. */
  async submit(data: unknown): Promise<SubmitOutcome> {
    if (this.busy) return 'error';
    const cfg = this.host.config;
    const transport = this.transport();
    let url: string;
    try {
      url = this.url(transport);
    } catch (e) {
      if (!(e instanceof RdConfigError)) throw e;
      console.error(`[rd-widgets] <${this.host.localName}>: ${e.message}`);
      this._state = 'error';
      this._errorKind = 'config';
      this.host.requestUpdate();
      return 'invalid-config';
    }
    const id = uuidv4();
    const owner = this.opts.owner();
    const payload: Envelope = {
      type: this.opts.type,
      version: 1,
      id,
      createdAt: new Date().toISOString(),
      locale: this.host.locale,
      source: { url: this.opts.sourceUrl?.() ?? location.href },
      data,
    };
    const headers: Record<string, string> = { ...cfg.headers };
    const ev = new RdSubmitEvent({ payload, headers });
    if (!this.host.dispatchEvent(ev)) {
      this._state = 'error';
      this._errorKind = 'cancelled';
      this.host.requestUpdate();
      return 'cancelled';
    }
    this._state = 'submitting';
    this._fieldErrors = [];
    this._errorKind = undefined;
    this._rejectedReceipt = undefined;
    this._retryAttempt = 0;
    this.host.requestUpdate();
    const result = await send(
      { url, body: payload, idempotencyKey: id, headers: ev.detail.headers, credentials: cfg.credentials, referrerPolicy: this.opts.referrerPolicy?.() },
      {
        transport,
        timeout: cfg.timeout,
        attempts: this.opts.attempts,
        baseDelay: this.opts.baseDelay,
        onRetry: (attempt) => { this._retryAttempt = attempt; this.host.requestUpdate(); },
      },
    );
    return this.handle(result, payload, { url, headers: ev.detail.headers, owner, viaTransport: !!transport });
  }

  private async handle(result: SendResult, payload: Envelope, req: { url: string; headers: Record<string, string>; owner: string; viaTransport: boolean }): Promise<SubmitOutcome> {
    const entry: OutboxEntry = {
      key: payload.id,
      owner: req.owner,
      url: req.url,
      body: payload,
      headers: req.headers,
      credentials: this.host.config.credentials,
      ...(this.opts.referrerPolicy?.() ? { referrerPolicy: this.opts.referrerPolicy() } : {}),
      queuedAt: new Date().toISOString(),
      attempts: this._retryAttempt || 1,
      ...(req.viaTransport ? { viaTransport: true } : {}),
    };
    // The widget now shows other data (or is gone): keep the answer for the data it was about.
    // The events still tell the page what happened; the form on screen is left alone.
    if (!this.connected || this.opts.owner() !== req.owner) {
      const done = settleRecord(entry, result);
      await enqueue(done ?? entry);
      if (this._state === 'submitting') this._state = 'idle';
      this.host.requestUpdate();
      if (result.ok) {
        this.remember(result.receipt, result.lookupCode, payload);
        this.host.dispatchEvent(new RdSubmittedEvent({ receipt: result.receipt, ...(result.lookupCode ? { lookupCode: result.lookupCode } : {}), message: result.message, payload }));
      } else if (result.kind === 'rejected') this.host.dispatchEvent(new RdSubmitErrorEvent({ kind: 'rejected', status: result.status, errors: relativeToData(result.errors) }));
      else {
        this.host.dispatchEvent(new RdSubmitErrorEvent({ kind: result.kind, status: result.status }));
        this.host.dispatchEvent(new RdQueuedEvent({ idempotencyKey: payload.id }));
      }
      return done ? (result.ok ? 'submitted' : 'rejected') : 'queued';
    }
    if (result.ok) {
      this.accept(result.receipt, result.message, payload, result.lookupCode);
      return 'submitted';
    }
    if (result.kind === 'rejected') {
      this.refuse(result.status, result.message, result.errors, result.receipt);
      this.host.requestUpdate();
      return 'rejected';
    }
    // Could not send now: keep it, same key, and tell the citizen.
    this._errorKind = result.kind;
    this._errorStatus = result.status;
    this.host.dispatchEvent(new RdSubmitErrorEvent({ kind: result.kind, status: result.status }));
    const kept = await enqueueChecked(entry);
    this._persistent = kept.stored && kept.persistent;
    this._outboxFull = !kept.stored;
    this._state = 'queued';
    this._payload = payload;
    this.host.dispatchEvent(new RdQueuedEvent({ idempotencyKey: payload.id }));
    this.host.requestUpdate();
    this.scheduleResend();
    return 'queued';
  }

  private refuse(status: number, message: string | undefined, errors: FieldError[], receipt?: string) {
    this._state = 'error';
    this._errorKind = 'rejected';
    this._errorStatus = status;
    this._fieldErrors = relativeToData(errors);
    this._message = message;
    this._rejectedReceipt = receipt;
    this.host.dispatchEvent(new RdSubmitErrorEvent({ kind: 'rejected', status, errors: this._fieldErrors }));
  }

  /** Adds the receipt to this device's list (services/receipt-book.ts); never on a kiosk. */
  private remember(receipt: string, lookupCode: string | undefined, payload: Envelope) {
    const c = this.host.config;
    if (c.kiosk) return;
    void receiptBook().add({
      receipt, lookupCode, type: this.opts.type, at: new Date().toISOString(),
      title: this.opts.receiptTitle?.(payload) ?? '', endpoint: c.endpoint || undefined,
    }).catch(() => { /* the list is a courtesy */ });
  }

  private accept(receipt: string, message: string | undefined, payload: Envelope, lookupCode?: string) {
    this._state = 'submitted';
    this._receipt = receipt;
    this._lookupCode = lookupCode;
    this.remember(receipt, lookupCode, payload);
    this._message = message;
    this._payload = payload;
    this._fieldErrors = [];
    this._errorKind = undefined;
    this.host.dispatchEvent(new RdSubmittedEvent({ receipt, ...(lookupCode ? { lookupCode } : {}), message, payload }));
    this.opts.onAccepted?.(receipt, payload);
    this.host.requestUpdate();
  }

  /**
   * Sends this instance's queued submissions (on `online`, on load, when its id becomes known,
   * a while after a failed try, or when the citizen asks). Each goes after `rd-submit` again, so
   * the page can add fresh headers (a CSRF token) or hold it back; receipts of entries another
   * page already sent are shown here.
   */
  flush(): Promise<void> {
    // One flush at a time per widget. A call while one runs (`online` during the load flush,
    // "立即重试", the data switched to another id) makes one more run after it, not a parallel one.
    if (this.flushing) {
      this.flushAgain = true;
      return this.flushing;
    }
    const owner = this.opts.owner();
    const run = this.flushOwner(owner).finally(() => {
      this.flushing = undefined;
      const again = this.flushAgain || this.opts.owner() !== owner;
      this.flushAgain = false;
      if (again && this.connected) void this.flush();
    });
    this.flushing = run;
    return run;
  }

  /** Shows receipts/refusals the outbox kept for this owner; returns the entries still waiting. */
  private async settleKept(owner: string): Promise<OutboxEntry[]> {
    const mine = await listOutbox(owner);
    for (const e of mine) {
      if (this.opts.owner() !== owner) break;
      if (e.delivered) this.accept(e.delivered.receipt, e.delivered.message, e.body as Envelope, e.delivered.lookupCode);
      else if (e.refused) this.refuse(e.refused.status, e.refused.message, e.refused.errors, e.refused.receipt);
      else continue;
      await removeFromOutbox(e.key);
    }
    return mine.filter((e) => !e.delivered && !e.refused);
  }

  private async flushOwner(owner: string): Promise<void> {
    if (!owner || !this.connected) return;
    const waiting = await this.settleKept(owner);
    if (!waiting.length) {
      if (this._state === 'queued') this._state = 'idle';
      this.host.requestUpdate();
      return;
    }
    if (this._state !== 'submitting' && this._state !== 'submitted') this._state = 'queued';
    this.host.requestUpdate();
    const mine = () => this.connected && this.opts.owner() === owner;
    const reports = await flushOutbox(owner, {
      timeout: this.host.config.timeout,
      transport: this.transport(),
      claim: mine,
      prepare: (entry) => {
        if (!mine()) return null;
        const ev = new RdSubmitEvent({ payload: entry.body as Envelope, headers: { ...entry.headers, ...this.host.config.headers } });
        return this.host.dispatchEvent(ev) ? ev.detail.headers : null;
      },
    });
    for (const { entry, result, kept } of reports) {
      if (kept) continue;
      if (result.ok) this.accept(result.receipt, result.message, entry.body as Envelope, result.lookupCode);
      else if (result.kind === 'rejected') this.refuse(result.status, result.message, result.errors, result.receipt);
    }
    if (!mine()) return;
    // Another tab or the orphan flush may have sent some meanwhile: show what they got.
    if ((await this.settleKept(owner)).length) this.scheduleResend();
    else {
      this.resendDelay = this.opts.resendDelay ?? 30_000;
      if (this._state === 'queued') this._state = 'idle';
    }
    this.host.requestUpdate();
  }
}
