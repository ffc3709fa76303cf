// Submissions that could not be sent now (CONTRACT.md): kept in IndexedDB with their
// Idempotency-Key and sent on the next `online` event or page load — the same key end to end.
import { get, set, del, entries } from 'idb-keyval';
import { openStore } from './idb.js';
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
  queuedAt: string;
  attempts: number;
  /**
   * Set when the entry was sent while no widget of its owner was on the page (another page of
   * the site, or a booking panel that was closed): the receipt waits here for that widget.
   */
  delivered?: { receipt: string; message?: string; at: string };
  /** Set when such an orphan was refused (4xx): the widget shows why, and its draft is kept. */
  refused?: { status: number; message?: string; errors: Array<{ path: string; message: string }>; at: string };
}

export type FlushReport = { entry: OutboxEntry; result: SendResult };

export interface FlushOptions extends SendOptions {
  /**
   * Just before an entry is sent: the headers to send it with (e.g. after `rd-submit` let the
   * page add a fresh CSRF token), or null to leave it queued for now.
   */
  prepare?: (entry: OutboxEntry) => Record<string, string> | null;
  /** Orphans only: skip entries of these owners (widgets on this page handle their own). */
  skipOwners?: ReadonlySet<string>;
}

/** Delivered receipts nobody came back for are dropped after this long. */
const DELIVERED_TTL_MS = 30 * 24 * 3600 * 1000;

const memory = new Map<string, OutboxEntry>();
const storeP = () => openStore('rd-outbox');

/** True when queued entries survive a reload on this device. */
export async function outboxPersistent(): Promise<boolean> {
  return (await storeP()) !== null;
}

export async function enqueue(entry: OutboxEntry): Promise<void> {
  const store = await storeP();
  if (!store) { memory.set(entry.key, entry); return; }
  try {
    await set(entry.key, entry, store);
  } catch {
    memory.set(entry.key, entry);
  }
}

/** Every entry of `owner` (or all), oldest first: waiting ones and delivered receipts. */
export async function listOutbox(owner?: string): Promise<OutboxEntry[]> {
  const store = await storeP();
  let list: OutboxEntry[] = [...memory.values()];
  if (store) {
    try {
      list = list.concat((await entries<string, OutboxEntry>(store)).map(([, v]) => v));
    } catch { /* unreadable: memory only */ }
  }
  return list
    .filter((e) => !owner || e.owner === owner)
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function removeFromOutbox(key: string): Promise<void> {
  memory.delete(key);
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

let flushing: Promise<FlushReport[]> | null = null;

/**
 * Sends waiting entries: one owner's, or — with `owner` undefined — every owner's except
 * `skipOwners` (orphans: nothing on this page shows their outcome, so an accepted one keeps its
 * receipt as `delivered` for its widget to show later). An owner's accepted and rejected
 * entries leave the outbox; the others stay for the next try. Across tabs a Web Lock keeps two
 * tabs from sending the same entry at once (the server's idempotency makes it harmless anyway).
 */
export function flushOutbox(owner?: string, opts: FlushOptions = {}): Promise<FlushReport[]> {
  if (flushing) return flushing.then(() => flushOutbox(owner, opts));
  const { prepare, skipOwners, ...sendOpts } = opts;
  const orphans = owner === undefined;
  const run = async () => {
    const list = await listOutbox(owner);
    const reports: FlushReport[] = [];
    const now = Date.now();
    for (const entry of list) {
      const settled = entry.delivered ?? entry.refused;
      if (settled) {
        if (now - Date.parse(settled.at) > DELIVERED_TTL_MS) await removeFromOutbox(entry.key);
        continue;
      }
      if (orphans && skipOwners?.has(entry.owner)) continue;
      const headers = prepare ? prepare(entry) : entry.headers;
      if (!headers) continue;
      const result = await send(
        { url: entry.url, body: entry.body, idempotencyKey: entry.key, headers, credentials: entry.credentials },
        { attempts: 1, ...sendOpts },
      );
      const at = new Date().toISOString();
      if (result.ok && orphans) await update(entry.key, (e) => ({ ...e, delivered: { receipt: result.receipt, message: result.message, at } }));
      else if (!result.ok && result.kind === 'rejected' && orphans) {
        await update(entry.key, (e) => ({ ...e, refused: { status: result.status, message: result.message, errors: result.errors, at } }));
      } else if (result.ok || result.kind === 'rejected') await removeFromOutbox(entry.key);
      else await bumpAttempts(entry.key);
      reports.push({ entry, result });
    }
    return reports;
  };
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  const p = locks && typeof locks.request === 'function'
    ? (locks.request('rd-outbox-flush', run) as unknown as Promise<FlushReport[]>)
    : run();
  flushing = p.finally(() => { flushing = null; });
  return flushing;
}
