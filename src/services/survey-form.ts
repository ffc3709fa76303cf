// The survey form's model (docs/domain.md#satisfaction-ratings, docs/domain.md#anonymity-and-one-response),
// free of Lit and the DOM: the answering window and the roles; the start step (access code, role,
// identity) and its problems; which step of the form a path is on; how the server's error paths name
// the form's fields (docs/contract.md); numbers as people type them. The rules of the answers
// themselves are in survey-logic.ts. Tests: test/services/survey-form.test.ts (tables).
import type { Survey } from './schemas/survey.js';
import type { Problem } from './validation.js';
import { findQuestion, normaliseCode, pageOfQuestion } from './survey-logic.js';
import type { SurveyIssue } from './survey-response.js';

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

const CODE_RE = /^[A-Z0-9-]{4,40}$/;
const PHONE_RE = /^[0-9+\-() ]{5,30}$/;

export interface StartInput { code: string; role: string; respondent: Respondent }

/** Problems of the start step, in form order. Paths of start fields begin with `$` (`$code`). */
export function startProblems(s: Survey, input: StartInput): Problem[] {
  const out: Problem[] = [];
  if (s.access === 'code') {
    const c = normaliseCode(input.code);
    if (!c) out.push({ path: '$code', key: 'survey.err.code' });
    else if (!CODE_RE.test(c)) out.push({ path: '$code', key: 'survey.err.codeFormat' });
  }
  if (s.roles.length > 1 && !input.role) out.push({ path: '$role', key: 'survey.err.role' });
  if (s.anonymity === 'identified') {
    if (!input.respondent.name.trim()) out.push({ path: '$name', key: 'survey.err.name' });
    const fields = s.respondentFields ?? ['name'];
    const phone = input.respondent.phone.trim();
    if (fields.includes('phone') && phone && !PHONE_RE.test(phone)) out.push({ path: '$phone', key: 'survey.err.phone' });
  }
  return out;
}

/** The form path of an answer issue: the question, or for proposals the part (`idea.title`). */
export function issuePath(s: Survey, i: SurveyIssue): string {
  return findQuestion(s, i.questionId)?.type === 'proposal' && i.path ? `${i.questionId}.${i.path}` : i.questionId;
}

/** The server's error path (relative to `data`) as the form names it: `answers.q1.x` → `q1`,
 *  `code` → `$code`, `role` → `$role`, `respondent.name` → `$name`. */
export function formPath(path: string): string {
  const p = path.replace(/^data\./, '');
  if (p === 'code') return '$code';
  if (p === 'role') return '$role';
  if (p.startsWith('respondent.')) return `$${p.split('.')[1]}`;
  if (p.startsWith('answers.')) return p.split('.')[1] ?? p;
  return p;
}

/** Whether an error at a form path is shown on a step: start fields on the start step, a question
 *  (or a part of one) on its page; the review step shows every error. */
export function onStep(s: Survey, step: Step, path: string): boolean {
  if (step === 'review') return true;
  if (path.startsWith('$')) return step === 'start';
  return typeof step === 'number' && pageOfQuestion(s, path.split('.')[0]) === step;
}

/** A number as typed: full-width digits (IME) made ASCII; not a number → the text itself (the
 *  validation says why); blank → undefined. */
export function parseNumberInput(raw: string): number | string | undefined {
  const s = raw.trim().replace(/[０-９．－]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (!s) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && /^-?\d+(\.\d+)?$/.test(s) ? n : s;
}
