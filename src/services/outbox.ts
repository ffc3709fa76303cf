// Submissions that could not be sent now (docs/contract.md#the-outbox): kept in IndexedDB with their
// Idempotency-Key and sent on the next `online` event or page load — the same key end to end.
import { get, set, del, entries, type UseStore } from 'idb-keyval';
import { openStore } from './idb.js';
import { isOutboxEntry } from './waiting-work.js';
import { send, type SendResult, type SendOptions } from './http.js';
import type { Credentials } from './config.js';

export interface OutboxEntry {
  /** The Idempotency-Key, also the envelope id. */
  key: string;
  /** Which widget queued it (`rd:<tag>:<id>` style), so a widget can report its own. */
  owner: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
  credentials: Credentials;
  referrerPolicy?: ReferrerPolicy;
  queuedAt: string;
  attempts: number;
  /** Sent through an integrator's transport: never sent with fetch; waits until a transport is set. */
  viaTransport?: boolean;
  /**
   * Set when the entry was sent while no widget of its owner was on the page (another page of
   * the site, or a booking panel that was closed): the receipt waits here for that widget.
   */
  delivered?: { receipt: string; lookupCode?: string; message?: string; at: string };
  /** Set when such an orphan was refused (4xx): the widget shows why, and its draft is kept. */
  refused?: { status: number; message?: string; receipt?: string; errors: Array<{ path: string; message: string }>; at: string };
}

/** `kept`: the outcome was stored for the owner's widget instead of being reported to the caller. */
export type FlushReport = { entry: OutboxEntry; result: SendResult; kept?: boolean };

export interface FlushOptions extends SendOptions {
  /**
   * Just before an entry is sent: the headers to send it with (e.g. after `rd-submit` let the
   * page add a fresh CSRF token), or null to leave it queued for now.
   */
  prepare?: (entry: OutboxEntry) => Record<string, string> | null;
  /** Orphans only: skip entries of these owners (widgets on this page handle their own). */
  skipOwners?: () => ReadonlySet<string>;
  /**
   * One owner's flush: asked after each answer whether that owner is still the one on screen
   * (its widget may have switched to other data meanwhile); if not, the outcome is kept in the
   * outbox for it, as for an orphan.
   */
  claim?: () => boolean;
}

/** Delivered receipts nobody came back for are dropped after this long. */
const DELIVERED_TTL_MS = 30 * 24 * 3600 * 1000;

/**
 * How much may wait in the outbox of one site (entries not yet sent; kept receipts are small
 * and do not count): a citizen's browser is not a store for a receiver that stays down, and a
 * page must not fill IndexedDB. Mutable for tests.
 */
export const OUTBOX_LIMITS = { maxEntries: 50, maxBytes: 2 * 1024 * 1024 };

/** Shown when an entry cannot be kept because the outbox is full. */
export const OUTBOX_FULL_MESSAGE = '本机待发送的内容已满，暂时无法再保存。请等网络或服务恢复、已保存的内容发出后再提交。The outbox on this device is full; please try again once earlier submissions have been sent.';

export type EnqueueResult =
  /** Kept: `persistent` when it survives a reload (IndexedDB took it), else in memory only. */
  | { stored: true; persistent: boolean }
  /** Not kept in IndexedDB: the outbox is full (held in memory for this page only). */
  | { stored: false; reason: 'full'; message: string; entries: number; bytes: number };

const memory = new Map<string, OutboxEntry>();
// Keys held in memory only because IndexedDB had not answered (not because the outbox was full):
// once the database opens after all, they move into it, so a reload no longer loses them.
const unstored = new Set<string>();
const storeP = async (): Promise<UseStore | null> => {
  const store = await openStore('rd-outbox');
  if (store && unstored.size) {
    for (const key of [...unstored]) {
      unstored.delete(key);
      const e = memory.get(key);
      if (!e) continue;
      try {
        await set(key, e, store);
        if (memory.get(key) === e) memory.delete(key);
        else if (memory.has(key)) unstored.add(key); // changed meanwhile: the newer one goes next time
      } catch { /* stays in memory */ }
    }
  }
  return store;
};

/**
 * The entries IndexedDB holds, without values that are not entries (another script on the page
 * writing into the database, an older format): they are skipped, never sent, never thrown on.
 */
async function storedEntries(store: UseStore): Promise<OutboxEntry[]> {
  return (await entries<string, unknown>(store)).map(([, v]) => v).filter((v): v is OutboxEntry => isOutboxEntry(v));
}

const byteSize = (e: OutboxEntry): number => new TextEncoder().encode(JSON.stringify(e)).length;
const waiting = (e: OutboxEntry): boolean => !e.delivered && !e.refused;

/**
 * Keeps an entry, within OUTBOX_LIMITS: a new waiting entry that would pass the count or the
 * bytes is refused with a message the caller can show (and held in memory for this page, so
 * the page can still send it). Replacing an entry of the same key, or keeping an outcome, is
 * always allowed.
 */
export async function enqueueChecked(entry: OutboxEntry): Promise<EnqueueResult> {
  const store = await storeP();
  if (store && waiting(entry)) {
    // What IndexedDB holds (entries this page keeps in memory go with the page).
    let stored: OutboxEntry[] = [];
    try { stored = await storedEntries(store); } catch { /* unreadable: none */ }
    const others = stored.filter((e) => waiting(e) && e.key !== entry.key);
    const count = others.length + 1;
    const bytes = others.reduce((n, e) => n + byteSize(e), byteSize(entry));
    if (count > OUTBOX_LIMITS.maxEntries || bytes > OUTBOX_LIMITS.maxBytes) {
      memory.set(entry.key, entry);
      return { stored: false, reason: 'full', message: OUTBOX_FULL_MESSAGE, entries: others.length, bytes: bytes - byteSize(entry) };
    }
  }
  if (!store) { memory.set(entry.key, entry); unstored.add(entry.key); return { stored: true, persistent: false }; }
  try {
    await set(entry.key, entry, store);
    memory.delete(entry.key);
    return { stored: true, persistent: true };
  } catch {
    memory.set(entry.key, entry);
    return { stored: true, persistent: false };
  }
}

/**
 * Keeps an entry; true when it survives a reload (IndexedDB took it), false when in memory
 * only — which is also the answer when the outbox is full (enqueueChecked says why).
 */
export async function enqueue(entry: OutboxEntry): Promise<boolean> {
  const r = await enqueueChecked(entry);
  return r.stored && r.persistent;
}

/**
 * What a delivered entry keeps: the envelope's identity, not what the citizen wrote (nor the
 * headers it was sent with). The receipt is what the widget shows later.
 */
function receiptOnly(entry: OutboxEntry): OutboxEntry {
  const b = (entry.body ?? {}) as Record<string, unknown>;
  const body = Object.fromEntries(['type', 'version', 'id', 'createdAt', 'locale'].filter((k) => b[k] !== undefined).map((k) => [k, b[k]]));
  return { ...entry, body, headers: {} };
}

/** Keeps the outcome of a send for its owner's widget to show later (delivered or refused). */
export function settleRecord(entry: OutboxEntry, result: SendResult): OutboxEntry | null {
  const at = new Date().toISOString();
  if (result.ok) return { ...receiptOnly(entry), delivered: { receipt: result.receipt, ...(result.lookupCode ? { lookupCode: result.lookupCode } : {}), message: result.message, at } };
  if (result.kind === 'rejected') return { ...entry, refused: { status: result.status, message: result.message, receipt: result.receipt, errors: result.errors, at } };
  return null;
}

/** Every entry of `owner` (or all), oldest first: waiting ones and delivered receipts. */
export async function listOutbox(owner?: string): Promise<OutboxEntry[]> {
  const store = await storeP();
  let list: OutboxEntry[] = [...memory.values()];
  if (store) {
    try {
      list = list.concat(await storedEntries(store));
    } catch { /* unreadable: memory only */ }
  }
  const seen = new Set<string>(); // one entry per key (the memory copy is the newer one)
  return list
    .filter((e) => (seen.has(e.key) ? false : (seen.add(e.key), true)))
    .filter((e) => !owner || e.owner === owner)
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function removeFromOutbox(key: string): Promise<void> {
  memory.delete(key);
  unstored.delete(key);
  const store = await storeP();
  if (store) { try { await del(key, store); } catch { /* already gone */ } }
}

async function update(key: string, patch: (e: OutboxEntry) => OutboxEntry): Promise<void> {
  const m = memory.get(key);
  if (m) { memory.set(key, patch(m)); return; }
  const store = await storeP();
  if (!store) return;
  try {
    const e = await get<OutboxEntry>(key, store);
    if (e) await set(key, patch(e), store);
  } catch { /* ignore */ }
}
const bumpAttempts = (key: string) => update(key, (e) => ({ ...e, attempts: e.attempts + 1 }));

// Entries being sent from this page, by key: a second flush waits for that send instead of
// sending the same entry again, and no flush waits for entries it does not touch.
const inFlight = new Map<string, Promise<void>>();

async function readEntry(key: string): Promise<OutboxEntry | undefined> {
  const m = memory.get(key);
  if (m) return m;
  const store = await storeP();
  if (!store) return undefined;
  try { return await get<OutboxEntry>(key, store); } catch { return undefined; }
}

/** Runs `fn` holding a per-entry Web Lock, so two tabs never send one entry at once; null when
 *  another tab holds it (that tab settles it). Without Web Locks, just runs it. */
function withEntryLock<R>(key: string, fn: () => Promise<R>): Promise<R | null> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (!locks || typeof locks.request !== 'function') return fn();
  return locks.request(`rd-outbox:${key}`, { ifAvailable: true }, (lock) => (lock ? fn() : null)) as Promise<R | null>;
}

/** The receiver did not take it now (down, overloaded, asked to wait): not worth sending more. */
const unavailable = (r: SendResult): boolean => !r.ok && r.kind !== 'rejected';
/** Entries are probed per submission address (one receiver route): the first one sent tells. */
const addressOf = (url: string): string => {
  try { const u = new URL(url, globalThis.location?.href); return u.origin + u.pathname; } catch { return url; }
};

/**
 * Sends waiting entries: one owner's, or — with `owner` undefined — every owner's except
 * `skipOwners` (orphans: nothing on this page shows their outcome, so an accepted one keeps its
 * receipt as `delivered` for its widget to show later, without the payload). An owner's
 * accepted and rejected entries leave the outbox; the others stay for the next try. An entry
 * already being sent (by this page or, through a Web Lock, another tab) is not sent twice; a
 * slow entry does not hold up the others (the server's idempotency would make a double send
 * harmless anyway). The first entry to an address is the probe: when it finds the receiver
 * unavailable (network, timeout, 5xx, 429), the other entries for that address wait for the
 * next flush instead of all being sent on every page load.
 */
export async function flushOutbox(owner?: string, opts: FlushOptions = {}): Promise<FlushReport[]> {
  const { prepare, skipOwners, claim, ...sendOpts } = opts;
  const orphans = owner === undefined;
  const list = await listOutbox(owner);
  const reports: FlushReport[] = [];
  const now = Date.now();
  const down = new Set<string>();
  for (const listed of list) {
    const done0 = listed.delivered ?? listed.refused;
    if (done0) {
      if (now - Date.parse(done0.at) > DELIVERED_TTL_MS) await removeFromOutbox(listed.key);
      continue;
    }
    if (orphans && skipOwners?.().has(listed.owner)) continue;
    if (down.has(addressOf(listed.url))) continue;
    const busy = inFlight.get(listed.key);
    if (busy) { await busy; continue; }
    let report: FlushReport | null = null;
    const sending = withEntryLock(listed.key, async () => {
      // Re-read: another flush or tab may have settled or removed it since it was listed.
      const entry = await readEntry(listed.key);
      if (!entry || entry.delivered || entry.refused) return;
      // Queued through a transport (a vendor's API): without one now, fetch would post our
      // envelope to a URL that may not take it. Wait for the page to set its transport.
      if (entry.viaTransport && !sendOpts.transport) return;
      const headers = prepare ? prepare(entry) : entry.headers;
      if (!headers) return;
      const result = await send(
        { url: entry.url, body: entry.body, idempotencyKey: entry.key, headers, credentials: entry.credentials, referrerPolicy: entry.referrerPolicy },
        { attempts: 1, ...sendOpts },
      );
      if (unavailable(result)) down.add(addressOf(entry.url));
      const keep = orphans || (claim !== undefined && !claim());
      const done = settleRecord(entry, result);
      if (!done) await bumpAttempts(entry.key);
      else if (keep) await update(entry.key, (e) => (done.delivered ? { ...receiptOnly(e), delivered: done.delivered } : { ...e, refused: done.refused }));
      else await removeFromOutbox(entry.key);
      report = { entry, result, kept: keep && !!done };
    }).then(() => undefined);
    inFlight.set(listed.key, sending);
    try { await sending; } finally { inFlight.delete(listed.key); }
    if (report) reports.push(report);
  }
  return reports;
}
