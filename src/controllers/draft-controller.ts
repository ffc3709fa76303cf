// Bridges a widget to the draft store: restore on load with a notice and "discard", debounced
// saves, "drafts are off on this device", and the two-tabs conflict notice.
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import { formCatalogues } from '../services/i18n/forms.js';
import type { RdHost } from './host.js';
import { DraftStore, draftKey, sweepExpiredDrafts, type DraftRecord } from '../services/drafts.js';
import { RdDraftRestoredEvent, RdDraftSavedEvent } from '../events/events.js';
import { formatDateTime } from '../services/i18n/index.js';

export type DraftStatus = 'pending' | 'on' | 'off' | 'unavailable';

export interface DraftControllerOptions<T> {
  tag: string;
  /** The data id the draft belongs to; no id, no draft. */
  id: () => string | undefined | null;
  /** Put a value (restored, or the other tab's) back into the form. */
  apply: (value: T) => void;
  /** Clear the form after "discard", and before another data id's draft is put in. */
  reset?: () => void;
  /**
   * What tells this instance apart from others of the same data on the page, e.g. the channel
   * (`:proxy`). The element's own `id` is added as `#id`, as for the outbox owner.
   */
  variant?: () => string;
}

let swept = false;

export class DraftController<T> implements ReactiveController {
  status: DraftStatus = 'pending';
  restoredAt: string | undefined;
  savedAt: string | undefined;
  conflict: DraftRecord<T> | undefined;
  /**
   * What `conflict` is: newer answers saved by another tab (`tab`), or a draft saved on an earlier
   * visit, found only after the citizen had started typing on this page (`earlier`).
   */
  conflictKind: 'tab' | 'earlier' = 'tab';
  discarded = false;
  private store: DraftStore<T> | undefined;
  /** The key the store was opened for, kept across a disconnect (a widget moved in the page). */
  private key: string | undefined;
  /** The data id (and variant) the form was last prepared for, drafts on or off. */
  private shown: string | undefined;
  /** Input typed while the store was still opening: saved (and not overwritten) once it is. */
  private early: { key: string; value: T } | undefined;
  private readonly onPageHide = () => { if (this.host.config.drafts !== 'off') this.store?.flushOnHide(); };
  // Hidden (another app, another tab; a phone may end the page later without `pagehide`): the
  // page still runs, so the checked save.
  private readonly onVisibility = () => { if (document.visibilityState === 'hidden' && this.host.config.drafts !== 'off') void this.store?.flush(); };

  constructor(private readonly host: RdHost, private readonly opts: DraftControllerOptions<T>) {
    host.addController(this);
    host.useCatalogues?.(formCatalogues);
  }

  hostConnected() {
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    // Moved or re-inserted: the same store (same revision, so no false "other tab" notice)
    // keeps saving; what is on screen stays.
    this.store?.reopen();
  }

  hostDisconnected() {
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
    if (this.host.config.drafts !== 'off') void this.store?.flush();
    this.store?.dispose();
  }

  /** `kiosk` or `drafts="off"` switched on while the page is open: drop a save not yet written. */
  hostUpdate() {
    if (this.store && this.host.config.drafts === 'off') this.store.cancel();
  }

  private keyFor(id: string): string {
    return `${draftKey(this.opts.tag, id)}${this.opts.variant?.() ?? ''}${this.host.id ? `#${this.host.id}` : ''}`;
  }

  private openStore(key: string): DraftStore<T> {
    const cfg = this.host.config;
    return new DraftStore<T>(key, {
      ttlDays: cfg.draftTtl,
      includeContact: cfg.draftContact,
      onSaved: (rec) => {
        this.savedAt = rec.savedAt;
        this.host.dispatchEvent(new RdDraftSavedEvent({ savedAt: rec.savedAt }));
        this.host.requestUpdate();
      },
      onConflict: (theirs) => {
        this.conflict = theirs;
        this.conflictKind = 'tab';
        this.host.requestUpdate();
      },
      onFailed: () => {
        // The device refused the write (quota, private mode): say so instead of pretending.
        this.status = 'unavailable';
        this.host.requestUpdate();
      },
    });
  }

  /**
   * Opens the draft for the current id and puts a saved one back into the form. Call once the
   * widget's data is loaded. Returns the restored value, if any.
   */
  async restore(): Promise<T | null> {
    const cfg = this.host.config;
    const id = this.opts.id();
    const key = id ? this.keyFor(id) : undefined;
    // The same data again (a framework setting `data` on every render, a widget moved in the
    // page): the form on screen is the truth; nothing to restore.
    if (key && key === this.key && this.store && this.status !== 'off') return null;
    const instance = id ? `${id}${this.opts.variant?.() ?? ''}` : undefined;
    const switching = this.shown !== undefined && instance !== this.shown;
    if (!switching && this.shown !== undefined && (cfg.drafts === 'off' || !key)) return null;
    this.shown = instance;
    // What was typed for the previous data id is kept under its own key.
    const early = this.early;
    this.early = undefined;
    if (early && early.key !== key && cfg.drafts !== 'off') {
      // Its own draft, unread: kept aside and offered when that data comes back, as below.
      const aside = new DraftStore<T>(early.key, { ttlDays: cfg.draftTtl, includeContact: cfg.draftContact });
      void (async () => {
        const before = await aside.load();
        if (before && aside.differs(before, early.value)) await aside.keepEarlier(before);
        await aside.save(early.value, true);
      })().finally(() => aside.dispose());
    } else if (early) this.early = early;
    await this.store?.flush();
    this.store?.dispose();
    this.store = undefined;
    this.key = undefined;
    this.restoredAt = undefined;
    this.conflict = undefined;
    if (switching) this.opts.reset?.();
    if (cfg.drafts === 'off' || !key) {
      this.status = 'off';
      this.host.requestUpdate();
      return null;
    }
    const store = this.openStore(key);
    this.store = store;
    this.key = key;
    this.status = 'pending';
    if (!(await store.available())) {
      if (this.store !== store) return null;
      this.status = 'unavailable';
      this.host.requestUpdate();
      return null;
    }
    if (this.store !== store) return null;
    this.status = 'on';
    if (!swept) { swept = true; void sweepExpiredDrafts(); }
    const rec = await store.load();
    const earlier = await store.loadEarlier();
    if (this.store !== store) return null;
    // Typed before the store opened (held here), or while the draft was read (given to the
    // store: written as usual, and at once if the page goes away).
    const held = this.early;
    this.early = undefined;
    const typed = held && held.key === key ? held.value : store.given;
    if (typed !== undefined) {
      // Keep what is on screen (and save it). A draft saved on an earlier visit is not dropped
      // for it: it is kept aside and offered beside it, as another tab's answers are ("改用那份
      // 内容" / "保留本页内容"), on this page and after a reload, until the citizen chooses.
      store.schedule(typed);
      const keep = rec && store.differs(rec, typed) ? rec : undefined;
      if (keep) void store.keepEarlier(keep);
      const offer = keep ?? earlier;
      if (offer) this.offerEarlier(offer);
      this.host.requestUpdate();
      return null;
    }
    if (rec) {
      this.opts.apply(rec.value);
      this.restoredAt = rec.savedAt;
      this.host.dispatchEvent(new RdDraftRestoredEvent({ savedAt: rec.savedAt }));
    }
    if (earlier) this.offerEarlier(earlier);
    this.host.requestUpdate();
    return rec?.value ?? null;
  }

  private offerEarlier(rec: DraftRecord<T>) {
    this.conflict = rec;
    this.conflictKind = 'earlier';
  }

  /** Schedules a save of the current form value (no-op when drafts are off). */
  save(value: T): void {
    // `kiosk` or `drafts="off"` set while the page is open: stop writing at once.
    if (this.host.config.drafts === 'off') return;
    if (this.status === 'pending' && this.store && this.key) { this.early = { key: this.key, value }; return; }
    if (this.status !== 'on' || !this.store) return;
    this.discarded = false;
    this.store.schedule(value);
  }

  /** Writes any pending save now. */
  flush(): Promise<unknown> {
    return this.store?.flush() ?? Promise.resolve();
  }

  /** Removes the draft (after a successful submit). */
  async clear(): Promise<void> {
    this.restoredAt = undefined;
    this.conflict = undefined;
    await this.store?.clear();
    this.host.requestUpdate();
  }

  /** "Discard": remove the saved draft and empty the form. */
  async discard(): Promise<void> {
    await this.clear();
    this.discarded = true;
    this.opts.reset?.();
    this.host.requestUpdate();
  }

  private useTheirs() {
    const theirs = this.conflict;
    if (!theirs) return;
    // Another tab's answers are stored already; an earlier visit's draft, kept aside, becomes the
    // draft again.
    if (this.conflictKind === 'earlier') {
      this.store?.schedule(theirs.value);
      void this.store?.dropEarlier(theirs);
    } else this.store?.adopt(theirs);
    this.opts.apply(theirs.value);
    this.conflict = undefined;
    this.host.requestUpdate();
  }

  private async keepMine(current: T) {
    if (this.conflictKind === 'earlier' && this.conflict) void this.store?.dropEarlier(this.conflict);
    this.conflict = undefined;
    await this.store?.save(current, true);
    this.host.requestUpdate();
  }

  /**
   * The notices: restored (with discard), drafts unavailable, conflict with another tab.
   * `current` is the form's value now (kept when the citizen chooses "keep mine").
   */
  renderNotice(current: () => T): TemplateResult | typeof nothing {
    const t = this.host.t;
    const when = (iso: string) => formatDateTime(iso, this.host.locale, { dateStyle: 'medium', timeStyle: 'short' });
    if (this.conflict) {
      return html`<div class="rd-notice" role="alert" part="draft-notice">
        <p>${t(this.conflictKind === 'earlier' ? 'draft.earlier' : 'draft.conflict', { time: when(this.conflict.savedAt) })}</p>
        <div class="rd-actions">
          <button type="button" class="rd-button rd-button--secondary" @click=${() => this.useTheirs()}>${t('draft.useOther')}</button>
          <button type="button" class="rd-button rd-button--secondary" @click=${() => this.keepMine(current())}>${t('draft.keepMine')}</button>
        </div>
      </div>`;
    }
    if (this.status === 'unavailable') {
      return html`<div class="rd-notice" role="status" part="draft-notice"><p>${t('draft.off')}</p></div>`;
    }
    if (this.restoredAt) {
      return html`<div class="rd-notice" role="status" part="draft-notice">
        <p>${t('draft.restored', { time: when(this.restoredAt) })}</p>
        <div class="rd-actions"><button type="button" class="rd-button rd-button--link" @click=${() => this.discard()}>${t('draft.discard')}</button></div>
      </div>`;
    }
    if (this.discarded) return html`<p class="rd-notice" role="status" part="draft-notice">${t('draft.discarded')}</p>`;
    return nothing;
  }
}
