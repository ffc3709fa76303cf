// One response per device for open surveys (closed panels rely on their codes): after a
// successful submission the receipt is kept locally, keyed by survey id, so a second attempt on
// this device is told "already submitted" with that receipt. It is a courtesy, not a control —
// the server stays the judge (a reused code gets 409, and its first receipt is recorded here too).
// IndexedDB through idb-keyval; where IndexedDB is unusable, localStorage; else memory only.
import { get, set, del } from 'idb-keyval';
import { openStore } from './idb.js';
import { stringifyJson } from './json.js';

export interface SubmissionRecord {
  surveyId: string;
  receipt: string;
  submittedAt: string;
  /** The server refused a repeat (409) and named the first receipt. */
  viaConflict?: boolean;
}

export interface ResponseGuard {
  /** The record of an earlier submission of this survey on this device, or null. */
  get(surveyId: string): Promise<SubmissionRecord | null>;
  record(surveyId: string, receipt: string, opts?: { viaConflict?: boolean; at?: Date }): Promise<SubmissionRecord>;
  forget(surveyId: string): Promise<void>;
  /** Where records are kept: 'idb', 'local' (localStorage) or 'memory' (lost on reload). */
  backend(): Promise<'idb' | 'local' | 'memory'>;
}

export const guardKey = (surveyId: string) => `rd:survey-submitted:${surveyId}`;

function isRecord(v: unknown): v is SubmissionRecord {
  return !!v && typeof v === 'object' && typeof (v as SubmissionRecord).receipt === 'string'
    && typeof (v as SubmissionRecord).surveyId === 'string' && typeof (v as SubmissionRecord).submittedAt === 'string';
}

function localStore(): Storage | null {
  try {
    const ls = globalThis.localStorage;
    const k = '__rd_probe__';
    ls.setItem(k, '1');
    ls.removeItem(k);
    return ls;
  } catch {
    return null;
  }
}

/** A guard over the given database name (tests use their own). */
export function createResponseGuard(dbName = 'rd-survey-guard'): ResponseGuard {
  const memory = new Map<string, SubmissionRecord>();
  const storeP = openStore(dbName);
  const backend = async () => ((await storeP) ? 'idb' as const : localStore() ? 'local' as const : 'memory' as const);
  return {
    backend,
    async get(surveyId) {
      const key = guardKey(surveyId);
      const store = await storeP;
      try {
        if (store) {
          const v = await get(key, store);
          if (isRecord(v)) return v;
        } else {
          const ls = localStore();
          const raw = ls?.getItem(`${dbName}:${key}`);
          if (raw) {
            const v: unknown = JSON.parse(raw);
            if (isRecord(v)) return v;
          }
        }
      } catch { /* unreadable: fall through to memory */ }
      return memory.get(key) ?? null;
    },
    async record(surveyId, receipt, opts = {}) {
      const rec: SubmissionRecord = {
        surveyId,
        receipt,
        submittedAt: (opts.at ?? new Date()).toISOString(),
        ...(opts.viaConflict ? { viaConflict: true } : {}),
      };
      const key = guardKey(surveyId);
      memory.set(key, rec);
      const store = await storeP;
      try {
        if (store) await set(key, rec, store);
        else localStore()?.setItem(`${dbName}:${key}`, stringifyJson(rec));
      } catch { /* kept in memory for this page */ }
      return rec;
    },
    async forget(surveyId) {
      const key = guardKey(surveyId);
      memory.delete(key);
      const store = await storeP;
      try {
        if (store) await del(key, store);
        else localStore()?.removeItem(`${dbName}:${key}`);
      } catch { /* nothing to remove */ }
    },
  };
}

let shared: ResponseGuard | undefined;
/** The page-wide guard. */
export function responseGuard(): ResponseGuard {
  return (shared ??= createResponseGuard());
}
