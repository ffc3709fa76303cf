// Drafts (docs/contract.md#drafts): unfinished input kept per widget instance in IndexedDB under
// `rd:<tag>:<data id>`, saved a short moment after typing stops, expired after a TTL, contact
// details left out unless opted in, and two tabs never silently overwriting each other.
import { get, set, del, entries, keys, promisifyRequest } from 'idb-keyval';
import { openStore } from './idb.js';

export interface DraftRecord<T> {
  value: T;
  savedAt: string;
  expiresAt: string;
  /** Which tab wrote it, and a counter that grows with every write of this key. */
  tabId: string;
  rev: number;
}

/** Keys treated as contact details or ID-like data (case-insensitive, whole key). */
export const CONTACT_KEY = /^(phone|mobile|tel|telephone|landline|email|e-?mail|wechat|weixin|qq|contact(Value|Phone|Email)?|id(Card|Number|No)|address(Detail)?|citizenId)$/i;

/** Deep copy without the keys that match `pattern` (objects and arrays; other values as is). */
export function stripKeys<T>(value: T, pattern: RegExp = CONTACT_KEY): T {
  if (Array.isArray(value)) return value.map((v) => stripKeys(v, pattern)) as unknown as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!pattern.test(k)) out[k] = stripKeys(v, pattern);
    return out as T;
  }
  return value;
}

export { draftKey } from './waiting-work.js';

export interface DraftStoreOptions<T> {
  ttlDays?: number;
  includeContact?: boolean;
  /** Debounce in ms after the last change. */
  delay?: number;
  now?: () => Date;
  onSaved?: (record: DraftRecord<T>) => void;
  /** Another tab saved newer content for the same key; ours was kept aside, not written over it. */
  onConflict?: (theirs: DraftRecord<T>) => void;
  /** A write the device refused (quota, private mode). */
  onFailed?: () => void;
}

const DAY = 86_400_000;
const storeP = () => openStore('rd-drafts');
const newTabId = () => Math.random().toString(36).slice(2, 10) + Date.now().toString(36);

export class DraftStore<T> {
  readonly tabId = newTabId();
  private seenRev = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private pending: { value: T } | undefined;
  private channel: BroadcastChannel | undefined;
  private dirty = false;
  /** The newest revision another tab announced (BroadcastChannel). */
  private remoteRev = 0;
  /** A `beforeunload` listener is set while a save waits (see flushOnHide). */
  private armed = false;
  private readonly onBeforeUnload = () => this.flushOnHide();

  constructor(readonly key: string, private readonly opts: DraftStoreOptions<T> = {}) {
    this.reopen();
  }

  /** Listens to other tabs again after `dispose()` (the widget was moved in the page). */
  reopen(): void {
    if (this.channel) return;
    try {
      this.channel = new BroadcastChannel('rd-drafts');
      this.channel.onmessage = (e: MessageEvent) => void this.onRemote(e.data);
    } catch { /* no BroadcastChannel: conflicts are still caught when saving */ }
  }

  private now() { return this.opts.now?.() ?? new Date(); }

  /** Whether drafts can be kept on this device. */
  async available(): Promise<boolean> {
    return (await storeP()) !== null;
  }

  /** The saved draft, or null (none, expired — then deleted —, or storage unavailable). */
  async load(): Promise<DraftRecord<T> | null> {
    const store = await storeP();
    if (!store) return null;
    try {
      const rec = await get<DraftRecord<T>>(this.key, store);
      if (!rec) return null;
      if (Date.parse(rec.expiresAt) <= this.now().getTime()) {
        await del(this.key, store);
        return null;
      }
      this.seenRev = rec.rev;
      return rec;
    } catch {
      return null;
    }
  }

  /**
   * Where drafts from earlier visits are kept while the citizen decides: typing on this page had
   * begun before the store opened, and what was typed is saved under the draft's own key
   * (DraftController: "本设备上还有一份之前保存的内容"). One key each, by when it was saved.
   */
  private get earlierPrefix(): string { return `${this.key}#~earlier:`; }

  /** Keeps a draft from an earlier visit aside, until `dropEarlier` (or its own expiry). */
  async keepEarlier(rec: DraftRecord<T>): Promise<void> {
    const store = await storeP();
    if (!store) return;
    try { await set(this.earlierPrefix + rec.savedAt, rec, store); } catch { this.opts.onFailed?.(); }
  }

  /** The newest draft from an earlier visit kept aside, if any (expired ones are deleted). */
  async loadEarlier(): Promise<DraftRecord<T> | undefined> {
    const store = await storeP();
    if (!store) return undefined;
    try {
      let newest: DraftRecord<T> | undefined;
      for (const k of await keys(store)) {
        if (typeof k !== 'string' || !k.startsWith(this.earlierPrefix)) continue;
        const rec = await get<DraftRecord<T>>(k, store);
        if (!rec || typeof rec !== 'object' || typeof rec.savedAt !== 'string') continue;
        if (Date.parse(rec.expiresAt) <= this.now().getTime()) { await del(k, store); continue; }
        if (!newest || rec.savedAt > newest.savedAt) newest = rec;
      }
      return newest;
    } catch {
      return undefined;
    }
  }

  /** The citizen chose (`rec`), or sent or discarded (every one): no longer kept. */
  async dropEarlier(rec?: DraftRecord<T>): Promise<void> {
    const store = await storeP();
    if (!store) return;
    try {
      if (rec) { await del(this.earlierPrefix + rec.savedAt, store); return; }
      for (const k of await keys(store)) if (typeof k === 'string' && k.startsWith(this.earlierPrefix)) await del(k, store);
    } catch { /* gone already */ }
  }

  /** Whether `value`, as it would be stored (contact details left out unless kept), differs from `rec`'s. */
  differs(rec: DraftRecord<T>, value: T): boolean {
    return JSON.stringify(rec.value) !== JSON.stringify(this.asStored(value));
  }

  /** What is written of `value`: contact details left out unless the integrator keeps them. */
  private asStored(value: T): T {
    return this.opts.includeContact ? value : stripKeys(value);
  }

  /**
   * The last value given to `schedule` or `save` since this store was made (written or not), if
   * any: what the citizen typed while the draft was being read (DraftController).
   */
  get given(): T | undefined {
    return this.lastGiven?.value;
  }
  private lastGiven: { value: T } | undefined;

  /** Saves `value` after the debounce delay; a newer call replaces a pending one. */
  schedule(value: T): void {
    this.lastGiven = { value };
    this.pending = { value };
    this.dirty = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.opts.delay ?? 600);
    // Only while a save waits: a page with a `beforeunload` listener may be kept out of the
    // back/forward cache by some browsers.
    if (!this.armed && typeof window !== 'undefined') {
      window.addEventListener('beforeunload', this.onBeforeUnload);
      this.armed = true;
    }
  }

  private disarm() {
    if (!this.armed) return;
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.armed = false;
  }

  /** Drops a save not yet written (drafts were switched off). */
  cancel(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
    this.disarm();
  }

  /** Writes a pending save now (the widget removed, the page hidden). */
  async flush(): Promise<DraftRecord<T> | null> {
    clearTimeout(this.timer);
    this.disarm();
    const p = this.pending;
    this.pending = undefined;
    return p ? this.save(p.value) : null;
  }

  /**
   * Writes a pending save as the page goes away (a reload, the tab closed, another address):
   * from `beforeunload` and `pagehide`. The checked `save()` reads before it writes, and the page
   * is gone before IndexedDB answers the read, so the last words typed within the debounce were
   * lost. Here the write is issued in this task, without reading first, and committed at once
   * (measured: Chromium, Firefox ESR and WebKit keep a write issued in `beforeunload`; only
   * Firefox keeps one issued in `pagehide`, and only when committed explicitly). It goes over the
   * draft only when this tab knows no newer revision from another tab (BroadcastChannel tells it
   * of every write); without BroadcastChannel, or with a newer revision announced, the checked
   * save is tried instead.
   */
  flushOnHide(): void {
    clearTimeout(this.timer);
    this.disarm();
    const p = this.pending;
    if (!p) return;
    if (!this.channel || this.remoteRev > this.seenRev) { void this.flush(); return; }
    this.pending = undefined;
    const rec = this.record(p.value, this.seenRev + 1);
    // openStore's promise is settled by now: the request is issued in this task's microtasks.
    void storeP().then(async (store) => {
      if (!store) return;
      await store('readwrite', (os) => {
        os.put(rec, this.key);
        os.transaction.commit?.();
        return promisifyRequest(os.transaction);
      });
      this.written(rec);
    }).catch(() => this.opts.onFailed?.());
  }

  /** Writes unless another tab wrote a newer revision since we last saw it (then: conflict). */
  async save(value: T, force = false): Promise<DraftRecord<T> | null> {
    const store = await storeP();
    if (!store) return null;
    try {
      const current = await get<DraftRecord<T>>(this.key, store);
      if (!force && current && current.tabId !== this.tabId && current.rev > this.seenRev
        && Date.parse(current.expiresAt) > this.now().getTime()) {
        // Keep ours aside so nothing is lost, and let the citizen choose.
        await set(`${this.key}#${this.tabId}`, this.record(value, current.rev), store);
        this.opts.onConflict?.(current);
        return null;
      }
      const rec = this.record(value, (current?.rev ?? 0) + 1);
      await set(this.key, rec, store);
      this.written(rec);
      return rec;
    } catch {
      this.opts.onFailed?.();
      return null;
    }
  }

  /** After the citizen chose the other tab's content: treat it as seen. */
  adopt(theirs: DraftRecord<T>): void {
    this.seenRev = Math.max(this.seenRev, theirs.rev);
    this.dirty = false;
    void this.dropAside();
  }

  /** Removes this draft (after submit or "discard"). */
  async clear(): Promise<void> {
    clearTimeout(this.timer);
    this.pending = undefined;
    this.disarm();
    this.dirty = false;
    const store = await storeP();
    if (!store) return;
    try {
      await del(this.key, store);
      await this.dropAside();
      await this.dropEarlier();
      this.seenRev = 0;
      this.channel?.postMessage({ key: this.key, tabId: this.tabId, rev: 0, cleared: true });
    } catch { /* gone already */ }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disarm();
    this.channel?.close();
    this.channel = undefined;
  }

  /** A write that landed: it is ours to build on, and the other tabs are told. */
  private written(rec: DraftRecord<T>): void {
    this.seenRev = rec.rev;
    this.dirty = false;
    this.channel?.postMessage({ key: this.key, tabId: this.tabId, rev: rec.rev });
    this.opts.onSaved?.(rec);
  }

  private record(value: T, rev: number): DraftRecord<T> {
    const now = this.now();
    return {
      value: this.asStored(value),
      savedAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + (this.opts.ttlDays ?? 30) * DAY).toISOString(),
      tabId: this.tabId,
      rev,
    };
  }

  private async dropAside() {
    const store = await storeP();
    if (store) { try { await del(`${this.key}#${this.tabId}`, store); } catch { /* ignore */ } }
  }

  private async onRemote(msg: { key?: string; tabId?: string; rev?: number; cleared?: boolean }) {
    if (!msg || msg.key !== this.key || msg.tabId === this.tabId || msg.cleared) return;
    this.remoteRev = Math.max(this.remoteRev, msg.rev ?? 0);
    if (!this.dirty) return; // we have nothing unsaved; a later save will still detect the newer rev
    const store = await storeP();
    if (!store) return;
    try {
      const current = await get<DraftRecord<T>>(this.key, store);
      if (current && current.rev > this.seenRev) this.opts.onConflict?.(current);
    } catch { /* ignore */ }
  }
}

/** Deletes every expired draft on this device (run on load; keeps TTL true for forgotten forms). */
export async function sweepExpiredDrafts(now = new Date()): Promise<number> {
  const store = await storeP();
  if (!store) return 0;
  let n = 0;
  try {
    for (const [k, v] of await entries<string, DraftRecord<unknown>>(store)) {
      if (!v || typeof v !== 'object' || Date.parse(v.expiresAt) <= now.getTime()) {
        await del(k, store);
        n++;
      }
    }
  } catch { /* ignore */ }
  return n;
}
