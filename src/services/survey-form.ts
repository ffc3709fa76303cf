// The survey form's model (docs/domain.md#satisfaction-ratings, docs/domain.md#anonymity-and-one-response),
// free of Lit and the DOM: the answering window and the roles; whether there is a start step
// (access code, role, identity); numbers as people type them. The start step's problems, which step
// a path is on and the server's error paths are in survey-response.ts (with the form half); the
// rules of the answers in survey-logic.ts. Tests: test/services/survey-form.test.ts (tables).
import type { Survey } from './schemas/survey.js';

/** A step of the form: the start step (code, role, identity), a page by its index, the review. */
export type Step = 'start' | 'review' | number;

export interface Respondent { name: string; unit: string; phone: string }
export const emptyRespondent = (): Respondent => ({ name: '', unit: '', phone: '' });

export type WindowState = 'upcoming' | 'open' | 'closed';
export function windowState(survey: Survey, now: Date = new Date()): WindowState {
  const t0 = Date.parse(survey.window.opens);
  const t1 = Date.parse(survey.window.closes);
  const n = now.getTime();
  if (n < t0) return 'upcoming';
  if (n >= t1) return 'closed';
  return 'open';
}

/** Role ids of a survey (custom roles by their id). */
export function roleIds(survey: Survey): string[] {
  return survey.roles.map((r) => (typeof r === 'string' ? r : r.id));
}

/** A start step comes first when there is a code to enter, a role to choose or a name to give. */
export function needsStart(s: Survey): boolean {
  return s.access === 'code' || s.roles.length > 1 || s.anonymity === 'identified';
}

/** A number as typed: full-width digits (IME) made ASCII; not a number → the text itself (the
 *  validation says why); blank → undefined. */
export function parseNumberInput(raw: string): number | string | undefined {
  const s = raw.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(s) ? n : s;
}
