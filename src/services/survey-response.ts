// The survey response, free of Lit and the DOM (split from survey-logic.ts and survey-form.ts so the
// questions' first screen does not carry it, README "First screens against their budgets"): whether
// an answer counts as given, per-question and per-page validation (message keys, never sentences),
// the start step's problems (code, role, identity), which step of the form a path is on, how the
// server's error paths name the form's fields (docs/contract.md), and the answers as they go into
// the payload. A backend can import `validateAnswers` to judge a response
// against its survey with the very same rules. Tests: test/services/survey-logic.test.ts and
// test/services/survey-form.test.ts.
import type {
  Answer, Answers, BallotAnswer, MatrixAnswer, MultipleAnswer, ProposalAnswer, Question, Survey, SurveyResponseData,
} from './schemas/survey.js';
import {
  allQuestions, answerValues, ballotCandidates, ballotCount, findQuestion, hasSelected, isRecord, matrixCell, matrixLayout,
  normaliseCode, pageOfQuestion, resolveScale, setMatrixCell, visibleQuestionIds, type ResolvedScale,
} from './survey-logic.js';
import type { Problem } from './validation.js';
import type { Step, Respondent } from './survey-form.js';

// ---------------------------------------------------------------------------------------------
// Validation

export type SurveyIssueKey =
  | 'required' | 'invalid' | 'invalidOption' | 'otherEmpty'
  | 'tooFew' | 'tooMany'
  | 'textTooShort' | 'textTooLong'
  | 'numberInvalid' | 'numberTooSmall' | 'numberTooLarge' | 'numberNotInteger' | 'numberStep'
  | 'matrixIncomplete'
  | 'rankingIncomplete' | 'rankingDuplicate'
  | 'ballotTooMany' | 'ballotTooFew' | 'writeInEmpty' | 'writeInDuplicate' | 'writeInIsCandidate' | 'writeInTooMany' | 'writeInNotAllowed'
  | 'proposalTitle' | 'proposalDescription' | 'proposalDescriptionTooLong' | 'proposalLocation' | 'proposalCategory'
  | 'unknownQuestion' | 'hiddenAnswered';

export interface SurveyIssue {
  questionId: string;
  key: SurveyIssueKey;
  params?: Record<string, string | number>;
  /** Where inside the answer (matrix cell "subject.dimension", "writeIns.1", "title" …). */
  path?: string;
}

const DEFAULT_TEXT_MAX = 2000;
const DEFAULT_PROPOSAL_MAX = 3000;
const ind = (s: string) => s.trim().length;

/** Whether the answer counts as given (blank strings, empty selections and matrices do not). */
export function isAnswered(q: Question, a: Answer | undefined): boolean {
  if (a === undefined || a === null) return false;
  switch (q.type) {
    case 'proposal':
      if (!isRecord(a)) return false;
      {
        const p = a as Partial<ProposalAnswer>;
        return (typeof p.title === 'string' && ind(p.title) > 0) || (typeof p.description === 'string' && ind(p.description) > 0);
      }
    case 'ranking':
      return Array.isArray(a) && a.length > 0;
    default:
      return answerValues(a).length > 0;
  }
}

/** Problems with one answer to one (visible) question; empty when valid. */
export function validateQuestion(survey: Survey, q: Question, a: Answer | undefined): SurveyIssue[] {
  const out: SurveyIssue[] = [];
  const add = (key: SurveyIssueKey, params?: SurveyIssue['params'], path?: string) =>
    out.push({ questionId: q.id, key, ...(params ? { params } : {}), ...(path ? { path } : {}) });
  if (!isAnswered(q, a)) {
    if (q.required) add('required');
    else if (q.type === 'ballot' && (q.min ?? 0) > 0 && a !== undefined) add('ballotTooFew', { min: q.min! });
    return out;
  }
  switch (q.type) {
    case 'satisfaction': {
      checkScaleValue(resolveScale(q.scale), a, add);
      break;
    }
    case 'matrix': {
      if (!isRecord(a)) { add('invalid'); break; }
      const sc = resolveScale(q.scale);
      const rows = matrixLayout(survey, q).flatMap((g) => g.rows);
      const known = new Set(rows.map((r) => r.path.join('.')));
      let missing = 0;
      for (const r of rows) {
        const v = matrixCell(a, r.path);
        if (v === undefined) { missing += 1; continue; }
        checkScaleValue(sc, v, (key, params) => add(key, params, r.path.join('.')));
      }
      for (const [k, v] of Object.entries(a as MatrixAnswer)) {
        const paths = isRecord(v) ? Object.keys(v).map((d) => `${k}.${d}`) : [k];
        for (const p of paths) if (!known.has(p)) add('invalidOption', undefined, p);
      }
      if (q.required && missing > 0) add('matrixIncomplete', { missing });
      break;
    }
    case 'single': {
      if (typeof a === 'string') {
        if (!q.options.some((o) => o.id === a)) add('invalidOption');
      } else if (isRecord(a) && 'other' in a && !('selected' in a)) {
        if (!q.allowOther) add('invalidOption');
        else if (typeof a.other !== 'string' || ind(a.other) === 0) add('otherEmpty');
      } else add('invalid');
      break;
    }
    case 'multiple': {
      if (!hasSelected(a)) { add('invalid'); break; }
      const m = a as MultipleAnswer;
      const ids = new Set(q.options.map((o) => o.id));
      if (m.selected.some((id) => !ids.has(id)) || new Set(m.selected).size !== m.selected.length) add('invalidOption');
      if (m.other !== undefined && !q.allowOther) add('invalidOption', undefined, 'other');
      else if (m.other !== undefined && ind(m.other) === 0) add('otherEmpty');
      const n = m.selected.length + (m.other !== undefined ? 1 : 0);
      if (q.min !== undefined && n < q.min) add('tooFew', { min: q.min });
      if (q.max !== undefined && n > q.max) add('tooMany', { max: q.max });
      break;
    }
    case 'ranking': {
      if (!Array.isArray(a)) { add('invalid'); break; }
      const ids = new Set(q.options.map((o) => o.id));
      if (a.some((id) => !ids.has(id))) add('invalidOption');
      if (new Set(a).size !== a.length) add('rankingDuplicate');
      const need = q.top ?? q.options.length;
      if (a.length < need && q.required) add('rankingIncomplete', { n: need });
      if (a.length > need) add('tooMany', { max: need });
      break;
    }
    case 'text': {
      if (typeof a !== 'string') { add('invalid'); break; }
      const len = [...a.trim()].length;
      const max = q.maxLength ?? DEFAULT_TEXT_MAX;
      if (q.minLength !== undefined && len < q.minLength) add('textTooShort', { min: q.minLength });
      if (len > max) add('textTooLong', { max });
      break;
    }
    case 'number': {
      if (typeof a !== 'number' || !Number.isFinite(a)) { add('numberInvalid'); break; }
      if (q.min !== undefined && a < q.min) add('numberTooSmall', { min: q.min });
      if (q.max !== undefined && a > q.max) add('numberTooLarge', { max: q.max });
      if (q.integer && !Number.isInteger(a)) add('numberNotInteger');
      break;
    }
    case 'ballot': {
      if (!hasSelected(a)) { add('invalid'); break; }
      const b = a as BallotAnswer;
      const ids = new Set(ballotCandidates(survey, q).map((c) => c.id));
      if (b.selected.some((id) => !ids.has(id)) || new Set(b.selected).size !== b.selected.length) add('invalidOption');
      const writeIns = b.writeIns ?? [];
      if (writeIns.length && !q.writeIn) add('writeInNotAllowed');
      if (q.writeIn && writeIns.length > (q.writeInMax ?? 1)) add('writeInTooMany', { max: q.writeInMax ?? 1 });
      // A blank write-in box is simply not sent (normaliseAnswers drops it): not an error, which
      // would point at a box that is disabled once the ballot is full.
      const seen = new Set<string>();
      const names = new Set(ballotCandidates(survey, q).map((c) => c.name.trim()));
      writeIns.forEach((w, i) => {
        const k = w.trim();
        if (!k) return;
        if (names.has(k)) add('writeInIsCandidate', undefined, `writeIns.${i}`);
        else if (seen.has(k)) add('writeInDuplicate', undefined, `writeIns.${i}`);
        seen.add(k);
      });
      const n = ballotCount(b);
      if (n > q.max) add('ballotTooMany', { max: q.max });
      if (n < (q.min ?? 0)) add('ballotTooFew', { min: q.min! });
      break;
    }
    case 'proposal': {
      if (!isRecord(a)) { add('invalid'); break; }
      const p = a as Partial<ProposalAnswer>;
      if (typeof p.title !== 'string' || ind(p.title) === 0) add('proposalTitle', undefined, 'title');
      else if ([...p.title.trim()].length > 200) add('textTooLong', { max: 200 }, 'title');
      const dmax = q.descriptionMax ?? DEFAULT_PROPOSAL_MAX;
      if (typeof p.description !== 'string' || ind(p.description) === 0) add('proposalDescription', undefined, 'description');
      else if ([...p.description.trim()].length > dmax) add('proposalDescriptionTooLong', { max: dmax }, 'description');
      if (q.locationRequired && (typeof p.location !== 'string' || ind(p.location) === 0)) add('proposalLocation', undefined, 'location');
      if (p.category !== undefined && !(q.categories ?? []).some((c) => c.id === p.category)) add('invalidOption', undefined, 'category');
      else if (q.categoryRequired && q.categories && p.category === undefined) add('proposalCategory', undefined, 'category');
      break;
    }
  }
  return out;
}

function checkScaleValue(sc: ResolvedScale, v: unknown, add: (key: SurveyIssueKey, params?: SurveyIssue['params']) => void) {
  if (sc.kind === 'score') {
    if (typeof v !== 'number' || !Number.isFinite(v)) add('numberInvalid');
    else if (v < sc.min || v > sc.max) add(v < sc.min ? 'numberTooSmall' : 'numberTooLarge', v < sc.min ? { min: sc.min } : { max: sc.max });
    else if (Math.abs((v - sc.min) / sc.step - Math.round((v - sc.min) / sc.step)) > 1e-9) add('numberStep', { step: sc.step });
  } else if (typeof v !== 'string' || !sc.tiers.some((x) => x.value === v)) add('invalidOption');
}

/** Problems on one page (visible questions only). */
export function validatePage(survey: Survey, pageIndex: number, answers: Readonly<Answers>): SurveyIssue[] {
  const visible = visibleQuestionIds(survey, answers);
  const p = survey.pages[pageIndex];
  if (!p) return [];
  return p.questions.filter((q) => visible.has(q.id)).flatMap((q) => validateQuestion(survey, q, answers[q.id]));
}

/** Problems with a whole response: every visible question, plus answers to unknown or hidden
 *  questions (a server refuses those; the widget never sends them — see normaliseAnswers). */
export function validateAnswers(survey: Survey, answers: Readonly<Answers>): SurveyIssue[] {
  const visible = visibleQuestionIds(survey, answers);
  const out: SurveyIssue[] = [];
  for (const { question } of allQuestions(survey)) {
    if (visible.has(question.id)) out.push(...validateQuestion(survey, question, answers[question.id]));
  }
  for (const id of Object.keys(answers)) {
    const q = findQuestion(survey, id);
    if (!q) out.push({ questionId: id, key: 'unknownQuestion' });
    else if (!visible.has(id)) out.push({ questionId: id, key: 'hiddenAnswered' });
  }
  return out;
}

/** Share of visible questions answered (0…1), for a progress bar. */
export function answeredShare(survey: Survey, answers: Readonly<Answers>): number {
  const visible = visibleQuestionIds(survey, answers);
  const qs = allQuestions(survey).filter(({ question }) => visible.has(question.id));
  if (!qs.length) return 0;
  return qs.filter(({ question }) => isAnswered(question, answers[question.id])).length / qs.length;
}

// ---------------------------------------------------------------------------------------------
// Payload

/** Answers as they are sent: hidden and unanswered questions dropped, text trimmed, matrix cells
 *  limited to the layout, ballots de-duplicated with blank write-ins removed, ranking cut to `top`. */
export function normaliseAnswers(survey: Survey, answers: Readonly<Answers>): Answers {
  const visible = visibleQuestionIds(survey, answers);
  const out: Answers = {};
  for (const { question: q } of allQuestions(survey)) {
    const a = answers[q.id];
    if (!visible.has(q.id) || !isAnswered(q, a) || a === undefined) continue;
    const v = normaliseOne(survey, q, a);
    if (v !== undefined) out[q.id] = v;
  }
  return out;
}

function normaliseOne(survey: Survey, q: Question, a: Answer): Answer | undefined {
  switch (q.type) {
    case 'text':
      return typeof a === 'string' ? a.trim() : a;
    case 'single':
      if (typeof a === 'string') return q.options.some((o) => o.id === a) ? a : undefined; // an option since removed
      return isRecord(a) && 'other' in a && typeof a.other === 'string' ? { other: a.other.trim() } : a;
    case 'multiple': {
      if (!hasSelected(a)) return a;
      const m = a as MultipleAnswer;
      const order = q.options.map((o) => o.id).filter((id) => m.selected.includes(id));
      const other = m.other?.trim();
      return { selected: order, ...(other ? { other } : {}) };
    }
    case 'ballot': {
      if (!hasSelected(a)) return a;
      const b = a as BallotAnswer;
      const order = ballotCandidates(survey, q).map((c) => c.id).filter((id) => b.selected.includes(id));
      const writeIns = [...new Set((b.writeIns ?? []).map((w) => w.trim()).filter(Boolean))];
      return { selected: order, ...(writeIns.length ? { writeIns } : {}) };
    }
    case 'ranking':
      return Array.isArray(a) ? [...new Set(a)].slice(0, q.top ?? q.options.length) : a;
    case 'matrix': {
      let out: MatrixAnswer = {};
      for (const g of matrixLayout(survey, q)) for (const r of g.rows) {
        const v = matrixCell(a, r.path);
        if (v !== undefined) out = setMatrixCell(out, r.path, v);
      }
      return Object.keys(out).length ? out : undefined;
    }
    case 'proposal': {
      if (!isRecord(a)) return a;
      const p = a as ProposalAnswer;
      const location = typeof p.location === 'string' ? p.location.trim() : '';
      return {
        title: String(p.title ?? '').trim(),
        description: String(p.description ?? '').trim(),
        ...(location ? { location } : {}),
        ...(p.category ? { category: p.category } : {}),
      };
    }
    default:
      return a;
  }
}

export interface ResponseInput {
  role: string;
  code?: string;
  respondent?: { name?: string; unit?: string; phone?: string };
  answers: Readonly<Answers>;
}

/** The `data` of the payload. Anonymous surveys never carry a respondent, whatever was typed. */
export function buildResponseData(survey: Survey, input: ResponseInput): SurveyResponseData {
  const answers = normaliseAnswers(survey, input.answers);
  const code = input.code ? normaliseCode(input.code) : undefined;
  const common = { surveyId: survey.id, ...(code ? { code } : {}), role: input.role, answers };
  if (survey.anonymity === 'anonymous') return { ...common, anonymity: 'anonymous' };
  const fields = survey.respondentFields ?? ['name'];
  const r = input.respondent ?? {};
  const respondent: { name: string; unit?: string; phone?: string } = { name: (r.name ?? '').trim() };
  if (fields.includes('unit') && r.unit?.trim()) respondent.unit = r.unit.trim();
  if (fields.includes('phone') && r.phone?.trim()) respondent.phone = r.phone.trim();
  return { ...common, anonymity: 'identified', respondent };
}

/** For anonymous responses: the page address without query string or fragment (a QR code's
 *  query may hold a ballot code or a tracking id). */
export function sourceUrlFor(survey: Survey, href: string): string {
  if (survey.anonymity !== 'anonymous') return href;
  return href.replace(/[?#].*$/, '');
}


// ---------------------------------------------------------------------------------------------
// The start step and the steps of the form

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
