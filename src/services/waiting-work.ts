// At page load: has a widget anything waiting on this device — a draft of its own, or outbox
// entries to send (docs/contract.md#the-outbox)? A widget's form half (its draft, submit and form
// controllers, the outbox, the drafts store: README "Figures") is loaded only then, or when the
// citizen first uses the form. This check is what the first screen carries instead: two reads of
// IndexedDB, no sending, no writing.
import { entries, keys } from 'idb-keyval';
import { openStore } from './idb.js';

/** The IndexedDB key of a widget's draft for one data id (variants and element ids follow it). */
export const draftKey = (tag: string, id: string) => `rd:${tag}:${id}`;

/** What a widget asks about: its draft key prefix (`draftKey`) and its outbox owner id. */
export interface WaitingQuery {
  draft?: string;
  owner?: string;
}

/**
 * Whether a value of the outbox database is an entry (services/outbox.ts OutboxEntry's required
 * fields): another script on the page writing into it, or an older format, is not.
 */
export function isOutboxEntry(v: unknown): v is { key: string; owner: string; url: string; queuedAt: string; delivered?: unknown; refused?: unknown } {
  const e = v as Record<string, unknown> | null;
  return !!e && typeof e === 'object' && typeof e.key === 'string' && typeof e.owner === 'string' && typeof e.url === 'string' && typeof e.queuedAt === 'string';
}

/** Draft keys continue a prefix with a variant (`:proxy`), an element id or a tab (`#…`). */
const under = (key: string, prefix: string) => key === prefix || key.startsWith(`${prefix}:`) || key.startsWith(`${prefix}#`);

/**
 * True when the drafts store holds a draft under `q.draft`, or the outbox holds an entry still to
 * send (any owner's: whichever page is open sends them) or an outcome kept for `q.owner`.
 * False when nothing is waiting, and when IndexedDB is unusable here (then nothing was kept).
 */
export async function hasWaitingWork(q: WaitingQuery): Promise<boolean> {
  try {
    if (q.draft) {
      const drafts = await openStore('rd-drafts');
      if (drafts && (await keys(drafts)).some((k) => typeof k === 'string' && under(k, q.draft!))) return true;
    }
    const outbox = await openStore('rd-outbox');
    if (!outbox) return false;
    for (const [, e] of await entries<string, unknown>(outbox)) {
      if (!isOutboxEntry(e)) continue;
      if ((!e.delivered && !e.refused) || (q.owner && e.owner === q.owner)) return true;
    }
    return false;
  } catch {
    return false;
  }
}
