// Survey logic for <rd-satisfaction-survey>, free of Lit and the DOM: scales, showIf visibility,
// ballot limits ("never more than N"), page navigation and access codes — what the questions need
// on the first screen. Validation and the answers as they go into the payload are in
// survey-response.ts, loaded with the form half (README "First screens against their budgets").
import type {
  Answer, Answers, BallotAnswer, Condition, Dimension, LeafCondition, MatrixAnswer, MultipleAnswer,
  Page, ProposalAnswer, Question, QuestionOf, ScalePreset, ScaleSpec, Subject, Survey,
} from './schemas/survey.js';

// ---------------------------------------------------------------------------------------------
// Scales

export interface ResolvedTier {
  value: string;
  /** Chinese label (presets) or the survey's own label. */
  label: string;
  /** Message key for presets, so the widget can translate. */
  labelKey?: string;
  score: number;
  pass: boolean;
}
export type ResolvedScale =
  | { kind: 'tiers'; preset?: ScalePreset; tiers: ResolvedTier[] }
  | { kind: 'score'; preset?: ScalePreset; min: number; max: number; step: number; passAt: number };

const t = (value: string, label: string, score: number, pass: boolean): ResolvedTier =>
  ({ value, label, labelKey: `tier.${value}`, score, pass });

/** The presets. Scores: 满意 100 / 基本满意 60 / 不满意 0 style, so averages read as points. */
export const PRESET_SCALES: Readonly<Record<ScalePreset, ResolvedScale>> = Object.freeze({
  three: { kind: 'tiers', preset: 'three', tiers: [t('satisfied', '满意', 100, true), t('basically-satisfied', '基本满意', 60, true), t('dissatisfied', '不满意', 0, false)] },
  four: { kind: 'tiers', preset: 'four', tiers: [t('very-satisfied', '非常满意', 100, true), t('satisfied', '满意', 80, true), t('basically-satisfied', '基本满意', 60, true), t('dissatisfied', '不满意', 0, false)] },
  grade: { kind: 'tiers', preset: 'grade', tiers: [t('excellent', '优秀', 100, true), t('competent', '称职', 60, true), t('incompetent', '不称职', 0, false)] },
  stars: { kind: 'tiers', preset: 'stars', tiers: [5, 4, 3, 2, 1].map((n) => ({ value: `star${n}`, label: `${n} 星`, labelKey: 'tier.stars', score: n, pass: n >= 3 })) },
  score100: { kind: 'score', preset: 'score100', min: 0, max: 100, step: 1, passAt: 60 },
});

/** Turns a scale spec (preset name, custom tiers, score range; default 三档) into one shape. */
export function resolveScale(spec: ScaleSpec | undefined): ResolvedScale {
  if (spec === undefined) return PRESET_SCALES.three;
  if (typeof spec === 'string') return PRESET_SCALES[spec];
  if (spec.kind === 'score') {
    const step = spec.step ?? 1;
    return { kind: 'score', min: spec.min, max: spec.max, step, passAt: spec.passAt ?? spec.min + 0.6 * (spec.max - spec.min) };
  }
  const n = spec.tiers.length;
  // Without explicit scores: evenly spaced from 100 (first tier) to 0 (last). Without explicit
  // pass marks: every tier but the last passes (满意/基本满意 pass, 不满意 does not).
  return {
    kind: 'tiers',
    tiers: spec.tiers.map((tr, i) => ({
      value: tr.value,
      label: tr.label,
      score: tr.score ?? Math.round((100 * (n - 1 - i)) / (n - 1)),
      pass: tr.pass ?? i < n - 1,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Structure helpers

export interface LocatedQuestion { question: Question; pageIndex: number }

/** Every question in order, with its page. */
export function allQuestions(survey: Survey): LocatedQuestion[] {
  return survey.pages.flatMap((p, pageIndex) => p.questions.map((question) => ({ question, pageIndex })));
}

export function findQuestion(survey: Survey, id: string): Question | undefined {
  for (const p of survey.pages) for (const q of p.questions) if (q.id === id) return q;
  return undefined;
}

export function subjectMap(survey: Survey): Map<string, Subject> {
  return new Map((survey.subjects ?? []).map((s) => [s.id, s]));
}

export interface MatrixRow {
  /** Path of the cell in the answer: [subjectId, dimensionId], or [rowId]. */
  path: [string] | [string, string];
  label: string;
}
export interface MatrixGroup {
  /** The subject judged (absent for a single group of dimensions). */
  subject?: Subject;
  rows: MatrixRow[];
}

/** The matrix laid out: one group per subject with one row per dimension, or a single group. */
export function matrixLayout(survey: Survey, q: QuestionOf<'matrix'>): MatrixGroup[] {
  const subjects = subjectMap(survey);
  const subjectIds = q.subjects ?? (q.dimensions ? [] : [...subjects.keys()]);
  const dims: Dimension[] = q.dimensions ?? [];
  if (subjectIds.length === 0) return [{ rows: dims.map((d) => ({ path: [d.id], label: d.label })) }];
  const list = subjectIds.map((id) => subjects.get(id)).filter((s): s is Subject => !!s);
  if (dims.length === 0) return [{ rows: list.map((s) => ({ path: [s.id], label: s.name })) }];
  return list.map((s) => ({ subject: s, rows: dims.map((d) => ({ path: [s.id, d.id], label: d.label })) }));
}

export function matrixCell(a: Answer | undefined, path: readonly string[]): string | number | undefined {
  if (!isRecord(a)) return undefined;
  const first = (a as MatrixAnswer)[path[0]];
  if (path.length === 1) return typeof first === 'object' ? undefined : first;
  if (!isRecord(first)) return undefined;
  return (first as Record<string, string | number>)[path[1]];
}

/** Returns a new matrix answer with one cell set (or removed with `undefined`). */
export function setMatrixCell(a: Answer | undefined, path: readonly string[], value: string | number | undefined): MatrixAnswer {
  const out: MatrixAnswer = isRecord(a) ? { ...(a as MatrixAnswer) } : {};
  if (path.length === 1) {
    if (value === undefined) delete out[path[0]];
    else out[path[0]] = value;
    return out;
  }
  const inner: Record<string, string | number> = isRecord(out[path[0]]) ? { ...(out[path[0]] as Record<string, string | number>) } : {};
  if (value === undefined) delete inner[path[1]];
  else inner[path[1]] = value;
  if (Object.keys(inner).length) out[path[0]] = inner;
  else delete out[path[0]];
  return out;
}

export function ballotCandidates(survey: Survey, q: QuestionOf<'ballot'>): Subject[] {
  const subjects = subjectMap(survey);
  return (q.candidates ?? [...subjects.keys()]).map((id) => subjects.get(id)).filter((s): s is Subject => !!s);
}

export function hasSelected(v: unknown): boolean {
  return isRecord(v) && Array.isArray(v.selected);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// ---------------------------------------------------------------------------------------------
// Conditions and visibility

/** The plain values an answer holds, for showIf: tier/option ids, numbers, selected ids, cells. */
export function answerValues(a: Answer | undefined): Array<string | number> {
  if (a === undefined || a === null) return [];
  if (typeof a === 'string') return a.trim() ? [a] : [];
  if (typeof a === 'number') return Number.isFinite(a) ? [a] : [];
  if (Array.isArray(a)) return a;
  if ('other' in a && typeof a.other === 'string' && !('selected' in a)) return ['other'];
  if ('selected' in a && Array.isArray(a.selected)) {
    const m = a as MultipleAnswer & BallotAnswer;
    return [...m.selected, ...(m.other ? ['other'] : []), ...(m.writeIns?.length ? ['write-in'] : [])];
  }
  if ('title' in a && 'description' in a) return [(a as ProposalAnswer).title];
  const out: Array<string | number> = [];
  for (const v of Object.values(a as MatrixAnswer)) {
    if (isRecord(v)) out.push(...(Object.values(v) as Array<string | number>));
    else out.push(v);
  }
  return out;
}

function leafHolds(c: LeafCondition, a: Answer | undefined): boolean {
  const values = answerValues(a);
  const answered = values.length > 0;
  if (c.answered !== undefined && c.answered !== answered) return false;
  if (c.in && !values.some((v) => c.in!.includes(v))) return false;
  if (c.notIn && (!answered || values.some((v) => c.notIn!.includes(v)))) return false;
  if (c.min !== undefined || c.max !== undefined) {
    const nums = values.filter((v): v is number => typeof v === 'number');
    if (!nums.some((n) => (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max))) return false;
  }
  return true;
}

/** Whether a condition holds for the given answers (answers of hidden questions must be left out). */
export function conditionHolds(cond: Condition, answers: Readonly<Answers>): boolean {
  if ('all' in cond) return cond.all.every((c) => leafHolds(c, answers[c.question]));
  if ('any' in cond) return cond.any.some((c) => leafHolds(c, answers[c.question]));
  return leafHolds(cond, answers[cond.question]);
}

/** Ids of the questions shown now. A question hidden by its condition counts as unanswered for
 *  the questions after it, so chains of conditions collapse correctly. */
export function visibleQuestionIds(survey: Survey, answers: Readonly<Answers>): Set<string> {
  const visible = new Set<string>();
  const effective: Answers = {};
  for (const { question } of allQuestions(survey)) {
    if (!question.showIf || conditionHolds(question.showIf, effective)) {
      visible.add(question.id);
      if (answers[question.id] !== undefined) effective[question.id] = answers[question.id];
    }
  }
  return visible;
}

// ---------------------------------------------------------------------------------------------
// Choosing: ballots ("never more than N") and multiple choice

/** How many places a ballot uses: selected candidates plus non-blank write-ins. */
export function ballotCount(b: BallotAnswer | undefined): number {
  if (!b) return 0;
  return b.selected.length + (b.writeIns ?? []).filter((w) => w.trim()).length;
}

/** Whether one more candidate or write-in may be chosen. */
export function ballotCanAdd(q: QuestionOf<'ballot'>, b: BallotAnswer | undefined): boolean {
  return ballotCount(b) < q.max;
}

/** Toggles a candidate; choosing beyond N returns the answer unchanged (`changed: false`). */
export function toggleBallot(q: QuestionOf<'ballot'>, b: BallotAnswer | undefined, id: string): { answer: BallotAnswer; changed: boolean } {
  const cur: BallotAnswer = b ? { selected: [...b.selected], ...(b.writeIns ? { writeIns: [...b.writeIns] } : {}) } : { selected: [] };
  const i = cur.selected.indexOf(id);
  if (i >= 0) {
    cur.selected.splice(i, 1);
    return { answer: cur, changed: true };
  }
  if (!ballotCanAdd(q, cur)) return { answer: cur, changed: false };
  cur.selected.push(id);
  return { answer: cur, changed: true };
}

/** Sets write-in number `index` (empty text removes it); refused beyond N or beyond writeInMax. */
export function setBallotWriteIn(q: QuestionOf<'ballot'>, b: BallotAnswer | undefined, index: number, value: string): { answer: BallotAnswer; changed: boolean } {
  const cur: BallotAnswer = { selected: [...(b?.selected ?? [])], writeIns: [...(b?.writeIns ?? [])] };
  const list = cur.writeIns!;
  const wasCounted = index < list.length && list[index].trim() !== '';
  if (!q.writeIn || index >= (q.writeInMax ?? 1) || index > list.length) return { answer: b ?? { selected: [] }, changed: false };
  if (value.trim() && !wasCounted && !ballotCanAdd(q, cur)) return { answer: b ?? { selected: [] }, changed: false };
  if (value === '') {
    if (index >= list.length) return { answer: b ?? { selected: [] }, changed: false };
    list.splice(index, 1);
  } else list[index] = value;
  if (!list.length) delete cur.writeIns;
  return { answer: cur, changed: true };
}

/** Toggles an option of a multiple-choice question; beyond `max` is refused. */
export function toggleMultiple(q: QuestionOf<'multiple'>, m: MultipleAnswer | undefined, id: string): { answer: MultipleAnswer; changed: boolean } {
  const cur: MultipleAnswer = { selected: [...(m?.selected ?? [])], ...(m?.other !== undefined ? { other: m.other } : {}) };
  const i = cur.selected.indexOf(id);
  if (i >= 0) { cur.selected.splice(i, 1); return { answer: cur, changed: true }; }
  const n = cur.selected.length + (cur.other !== undefined ? 1 : 0);
  if (q.max !== undefined && n >= q.max) return { answer: cur, changed: false };
  cur.selected.push(id);
  return { answer: cur, changed: true };
}

/** Moves an item of a ranking up (-1) or down (+1); out of range leaves it as is. */
export function moveRanked(list: readonly string[], id: string, delta: -1 | 1): string[] {
  const out = [...list];
  const i = out.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= out.length) return out;
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

// ---------------------------------------------------------------------------------------------
// Pages

/** Indices of pages that have at least one visible question. */
export function visiblePages(survey: Survey, answers: Readonly<Answers>): number[] {
  const visible = visibleQuestionIds(survey, answers);
  return survey.pages.map((p, i) => (p.questions.some((q) => visible.has(q.id)) ? i : -1)).filter((i) => i >= 0);
}

/** The next visible page after `current`, or null when `current` is the last (→ review). */
export function nextPage(survey: Survey, answers: Readonly<Answers>, current: number): number | null {
  return visiblePages(survey, answers).find((i) => i > current) ?? null;
}

/** The previous visible page, or null on the first. */
export function prevPage(survey: Survey, answers: Readonly<Answers>, current: number): number | null {
  const list = visiblePages(survey, answers).filter((i) => i < current);
  return list.length ? list[list.length - 1] : null;
}

/** "Page 2 of 4": position among visible pages (1-based); a hidden current page counts as the next one. */
export function pageProgress(survey: Survey, answers: Readonly<Answers>, current: number): { step: number; total: number } {
  const list = visiblePages(survey, answers);
  const idx = list.findIndex((i) => i >= current);
  return { step: (idx < 0 ? list.length : idx + 1), total: list.length };
}

/** The first page holding a question with an issue (to send the respondent back there). */
export function pageOfQuestion(survey: Survey, questionId: string): number {
  return survey.pages.findIndex((p: Page) => p.questions.some((q) => q.id === questionId));
}

// ---------------------------------------------------------------------------------------------
// Access codes (the window, roles and the start step are in survey-form.ts)

/** Codes are typed by people: spaces dropped, full-width letters/digits (IME) made ASCII,
 *  letters upper-cased. */
export function normaliseCode(raw: string): string {
  return raw
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]+/g, '')
    .toUpperCase();
}
