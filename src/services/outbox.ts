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
}

export type FlushReport = { entry: OutboxEntry; result: SendResult };

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

async function bumpAttempts(key: string): Promise<void> {
  const m = memory.get(key);
  if (m) { m.attempts += 1; return; }
  const store = await storeP();
  if (!store) return;
  try {
    const e = await get<OutboxEntry>(key, store);
    if (e) await set(key, { ...e, attempts: e.attempts + 1 }, store);
  } catch { /* ignore */ }
}

let flushing: Promise<FlushReport[]> | null = null;

/**
 * Sends queued entries (optionally only one owner's). Accepted and rejected entries leave the
 * outbox; the others stay for the next try. Across tabs a Web Lock keeps two tabs from sending
 * the same entry at once (the server's idempotency makes it harmless anyway).
 */
export function flushOutbox(owner?: string, opts: SendOptions = {}): Promise<FlushReport[]> {
  if (flushing) return flushing.then(() => flushOutbox(owner, opts));
  const run = async () => {
    const list = await listOutbox(owner);
    const reports: FlushReport[] = [];
    for (const entry of list) {
      const result = await send(
        { url: entry.url, body: entry.body, idempotencyKey: entry.key, headers: entry.headers, credentials: entry.credentials },
        { attempts: 1, ...opts },
      );
      if (result.ok || result.kind === 'rejected') await removeFromOutbox(entry.key);
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
