// One response per device for open surveys (closed panels rely on their codes): after a
// successful submission the receipt is kept locally, keyed by survey id, so a second attempt on
// this device is told "already submitted" with that receipt. It is a courtesy, not a control —
// the server stays the judge (a reused code gets 409, and its first receipt is recorded here too).
// IndexedDB through idb-keyval; where IndexedDB is unusable, localStorage; else memory only.
import { localRecords } from './local-records.js';

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

/** A guard over the given database name (tests use their own). */
export function createResponseGuard(dbName = 'rd-survey-guard'): ResponseGuard {
  const records = localRecords(dbName, isRecord);
  return {
    backend: () => records.backend(),
    get: (surveyId) => records.get(guardKey(surveyId)),
    async record(surveyId, receipt, opts = {}) {
      const rec: SubmissionRecord = {
        surveyId,
        receipt,
        submittedAt: (opts.at ?? new Date()).toISOString(),
        ...(opts.viaConflict ? { viaConflict: true } : {}),
      };
      await records.set(guardKey(surveyId), rec);
      return rec;
    },
    forget: (surveyId) => records.delete(guardKey(surveyId)),
  };
}

let shared: ResponseGuard | undefined;
/** The page-wide guard. */
export function responseGuard(): ResponseGuard {
  return (shared ??= createResponseGuard());
}
