// Results of a survey, free of Lit and the DOM: tallying responses into published counts (a
// backend or the reference receiver does this; individual ballots are never published), and
// reading published counts into what the results view shows — votes per tier, the satisfaction
// rate (share of the pass tiers, 满意 + 基本满意 by default), the average score, and pass/fail per
// subject by a configurable rule (default: the satisfaction rate is above one half).
import type {
  Answers, BallotAnswer, BallotResultSection, ChoiceResultSection, MultipleAnswer, PassRule,
  ResultSection, ScaleResultRow, ScaleResultSection, Survey, SurveyResults,
} from './schemas/survey.js';
import {
  allQuestions, ballotCandidates, matrixCell, matrixLayout, resolveScale, visibleQuestionIds,
  type ResolvedScale, type ResolvedTier,
} from './survey-logic.js';

/** 满意 + 基本满意 above one half of the votes cast for that subject. */
export const DEFAULT_PASS_RULE: PassRule = Object.freeze({ metric: 'rate', op: 'gt', value: 0.5 }) as PassRule;

// ---------------------------------------------------------------------------------------------
// Reading published counts

export interface TierCount extends ResolvedTier {
  count: number;
  /** count / total, or null when nobody voted. */
  share: number | null;
}

export interface Metrics {
  /** Votes (tiers) or scores (score scale) counted. */
  total: number;
  /** Share of pass tiers (or of scores at the pass mark), null when unknown or no votes. */
  rate: number | null;
  /** Mean score, null when no votes. */
  average: number | null;
}

export interface RowSummary extends Metrics {
  id: string;
  name: string;
  tiers: TierCount[];
  /** Judged by the rule: true pass, false fail, null when it cannot be judged (no votes). */
  pass: boolean | null;
  dimensions: Array<Metrics & { id: string; label: string; tiers: TierCount[] }>;
}

export interface ScaleSummary {
  questionId: string;
  title: string;
  scale: ResolvedScale;
  passTiers: string[];
  rule: PassRule;
  rows: RowSummary[];
  /** All rows pooled. */
  overall: Metrics & { tiers: TierCount[]; passed: number; failed: number };
}

/** The tiers that count as satisfied: explicit list, else the scale's pass marks. */
export function passTiersOf(scale: ResolvedScale, explicit?: readonly string[]): string[] {
  if (explicit?.length) return [...explicit];
  return scale.kind === 'tiers' ? scale.tiers.filter((x) => x.pass).map((x) => x.value) : [];
}

/**
 * Sum of `f` over `items`, with a plain loop: Prototype.js 1.6 (on many old portals) replaces
 * Array.prototype.reduce with a method that ignores the callback and returns the array.
 */
function sumOf<T>(items: readonly T[], f: (x: T) => number): number {
  let sum = 0;
  for (const x of items) sum += f(x);
  return sum;
}

/** Metrics of one set of tier counts. */
export function metricsOf(scale: ResolvedScale, counts: Readonly<Record<string, number>>, passTiers: readonly string[]): Metrics & { tiers: TierCount[] } {
  if (scale.kind !== 'tiers') return { total: 0, rate: null, average: null, tiers: [] };
  const total = sumOf(scale.tiers, (x) => counts[x.value] ?? 0);
  const tiers = scale.tiers.map((x) => ({ ...x, count: counts[x.value] ?? 0, share: total ? (counts[x.value] ?? 0) / total : null }));
  if (!total) return { total, rate: null, average: null, tiers };
  const passed = sumOf(scale.tiers.filter((x) => passTiers.includes(x.value)), (x) => counts[x.value] ?? 0);
  const points = sumOf(scale.tiers, (x) => x.score * (counts[x.value] ?? 0));
  return { total, rate: passed / total, average: points / total, tiers };
}

/** Applies a rule; null when the metric is unknown (no votes, or a rate on a score scale without pass counts). */
export function judge(rule: PassRule, m: Metrics & { tiers?: TierCount[] }): boolean | null {
  let v: number | null;
  if (rule.metric === 'rate') v = m.rate;
  else if (rule.metric === 'average') v = m.average;
  else {
    const t = m.tiers?.find((x) => x.value === rule.tier);
    v = t ? t.share : null;
  }
  if (v === null || !Number.isFinite(v)) return null;
  const eps = 1e-12;
  switch (rule.op) {
    case 'gt': return v > rule.value + eps;
    case 'gte': return v >= rule.value - eps;
    case 'lt': return v < rule.value - eps;
    case 'lte': return v <= rule.value + eps;
  }
}

function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>> | undefined) {
  for (const [k, v] of Object.entries(from ?? {})) into[k] = (into[k] ?? 0) + v;
}

export interface SummaryOptions {
  /** Overrides the section's pass tiers (the integrator's configuration wins). */
  passTiers?: readonly string[];
  rule?: PassRule;
}

/** Reads one scale section: per row tiers, rate, average, pass; per dimension; and pooled. */
export function summariseScale(section: ScaleResultSection, opts: SummaryOptions = {}): ScaleSummary {
  const scale = resolveScale(section.scale);
  const passTiers = passTiersOf(scale, opts.passTiers ?? section.passTiers);
  const rule = opts.rule ?? section.rule ?? (scale.kind === 'score' ? { metric: 'average', op: 'gte', value: scale.passAt } as PassRule : DEFAULT_PASS_RULE);
  const pooled: Record<string, number> = {};
  let scoreSum = 0, scoreCount = 0, scorePass = 0, scorePassKnown = true;
  const rows = section.rows.map((row) => rowSummary(scale, row, passTiers, rule));
  for (const row of section.rows) {
    const c: Record<string, number> = { ...(row.counts ?? {}) };
    if (!row.counts) for (const d of row.dimensions ?? []) addCounts(c, d.counts);
    addCounts(pooled, c);
    scoreSum += row.scoreSum ?? 0;
    scoreCount += row.scoreCount ?? 0;
    if (row.scorePass === undefined) scorePassKnown = false;
    scorePass += row.scorePass ?? 0;
  }
  const overallMetrics = scale.kind === 'score'
    ? { total: scoreCount, average: scoreCount ? scoreSum / scoreCount : null, rate: scoreCount && scorePassKnown ? scorePass / scoreCount : null, tiers: [] }
    : metricsOf(scale, pooled, passTiers);
  return {
    questionId: section.questionId,
    title: section.title,
    scale,
    passTiers,
    rule,
    rows,
    overall: { ...overallMetrics, passed: rows.filter((r) => r.pass === true).length, failed: rows.filter((r) => r.pass === false).length },
  };
}

function rowSummary(scale: ResolvedScale, row: ScaleResultRow, passTiers: readonly string[], rule: PassRule): RowSummary {
  const dimensions = (row.dimensions ?? []).map((d) => ({ id: d.id, label: d.label, ...metricsOf(scale, d.counts, passTiers) }));
  if (scale.kind === 'score') {
    const n = row.scoreCount ?? 0;
    const m: Metrics = { total: n, average: n ? (row.scoreSum ?? 0) / n : null, rate: n && row.scorePass !== undefined ? row.scorePass / n : null };
    return { id: row.id, name: row.name, tiers: [], dimensions, ...m, pass: judge(rule, m) };
  }
  // Judge by one dimension if the rule names it; else by the row's counts or all its cells pooled.
  const counts: Record<string, number> = { ...(row.counts ?? {}) };
  if (!row.counts) for (const d of row.dimensions ?? []) addCounts(counts, d.counts);
  const m = metricsOf(scale, counts, passTiers);
  let judged: Metrics & { tiers: TierCount[] } = m;
  if (rule.dimension) {
    const d = dimensions.find((x) => x.id === rule.dimension);
    judged = d ?? { total: 0, rate: null, average: null, tiers: [] };
  }
  return { id: row.id, name: row.name, ...m, dimensions, pass: judge(rule, judged) };
}

export interface BallotSummary {
  questionId: string;
  title: string;
  seats: number;
  ballots: number | null;
  writeIns: number;
  /** By votes, most first; ties keep the published order. */
  candidates: Array<{ id: string; name: string; votes: number; rank: number; share: number | null; chosen: boolean; tie: boolean }>;
}

/** Reads a ballot section: ranks, shares of ballots, the N chosen; a tie at the cut-off is marked
 *  (those candidates are not declared chosen — a run-off or the rules decide). */
export function summariseBallot(section: BallotResultSection): BallotSummary {
  const sorted = section.candidates.map((c, i) => ({ ...c, i })).sort((a, b) => b.votes - a.votes || a.i - b.i);
  const ballots = section.ballots ?? null;
  const cutVotes = sorted.length > section.seats ? sorted[section.seats - 1].votes : -1;
  // No votes at the cut-off is not a tie to be settled: nobody is chosen (e.g. no ballots yet).
  const tieAtCut = cutVotes > 0 && sorted.length > section.seats && sorted[section.seats].votes === cutVotes;
  const candidates = sorted.map((c) => {
    const rank = 1 + sorted.filter((o) => o.votes > c.votes).length;
    const tie = tieAtCut && c.votes === cutVotes;
    const chosen = c.votes > 0 && !tie && rank <= section.seats;
    return { id: c.id, name: c.name, votes: c.votes, rank, share: ballots ? c.votes / ballots : null, chosen, tie };
  });
  return { questionId: section.questionId, title: section.title, seats: section.seats, ballots, writeIns: section.writeIns ?? 0, candidates };
}

export interface ChoiceSummary {
  questionId: string;
  title: string;
  total: number;
  options: Array<{ id: string; label: string; count: number; share: number | null }>;
  other: number;
}
export function summariseChoice(section: ChoiceResultSection): ChoiceSummary {
  const total = sumOf(section.options, (o) => o.count) + (section.other ?? 0);
  return {
    questionId: section.questionId,
    title: section.title,
    total,
    other: section.other ?? 0,
    options: section.options.map((o) => ({ ...o, share: total ? o.count / total : null })),
  };
}

export type SectionSummary =
  | ({ kind: 'scale' } & ScaleSummary)
  | ({ kind: 'ballot' } & BallotSummary)
  | ({ kind: 'choice' } & ChoiceSummary);

export function summarise(section: ResultSection, opts: SummaryOptions = {}): SectionSummary {
  if (section.kind === 'scale') return { kind: 'scale', ...summariseScale(section, opts) };
  if (section.kind === 'ballot') return { kind: 'ballot', ...summariseBallot(section) };
  return { kind: 'choice', ...summariseChoice(section) };
}

/** Turnout (参评率): respondents / eligible, null when the eligible number is not published. */
export function turnout(results: SurveyResults): number | null {
  return results.eligible ? results.respondents / results.eligible : null;
}

// ---------------------------------------------------------------------------------------------
// Tallying responses (server side / receiver; also used by tests)

/**
 * Counts responses into the published shape: satisfaction and matrix questions → scale
 * sections (per subject, per dimension), ballots → votes per candidate (write-ins counted, not
 * named), single and multiple → counts per option. Text, number, ranking and proposal answers are
 * not published. Answers to questions hidden for that response are ignored.
 */
export function tallyResponses(survey: Survey, responses: ReadonlyArray<Readonly<Answers>>, generatedAt: string = new Date().toISOString()): SurveyResults {
  const subjectName = new Map((survey.subjects ?? []).map((s) => [s.id, s.name]));
  const sections: ResultSection[] = [];
  const visibleFor = responses.map((a) => visibleQuestionIds(survey, a));
  const given = (qid: string) => responses.map((a, i) => (visibleFor[i].has(qid) ? a[qid] : undefined));
  const cfg = survey.results;

  for (const { question: q } of allQuestions(survey)) {
    if (q.type === 'satisfaction') {
      const sc = resolveScale(q.scale);
      const row: ScaleResultRow = { id: q.subject ?? q.id, name: q.subject ? subjectName.get(q.subject) ?? q.subject : q.title };
      tallyInto(row, sc, given(q.id));
      sections.push(scaleSection(q.id, q.title, q.scale, cfg, [row]));
    } else if (q.type === 'matrix') {
      const sc = resolveScale(q.scale);
      const groups = matrixLayout(survey, q);
      const rows: ScaleResultRow[] = [];
      const answers = given(q.id);
      for (const g of groups) {
        if (g.subject) {
          const dims = g.rows.map((r) => {
            const d: ScaleResultRow = { id: r.path[1]!, name: r.label };
            tallyInto(d, sc, answers.map((a) => matrixCell(a, r.path)));
            return d;
          });
          if (sc.kind === 'tiers') {
            rows.push({ id: g.subject.id, name: g.subject.name, dimensions: dims.map((d) => ({ id: d.id, label: d.name, counts: d.counts ?? {} })) });
          } else {
            const sum = (k: 'scoreSum' | 'scoreCount' | 'scorePass') => sumOf(dims, (d) => d[k] ?? 0);
            rows.push({ id: g.subject.id, name: g.subject.name, scoreSum: sum('scoreSum'), scoreCount: sum('scoreCount'), scorePass: sum('scorePass') });
          }
        } else {
          for (const r of g.rows) {
            const row: ScaleResultRow = { id: r.path[0], name: r.label };
            tallyInto(row, sc, answers.map((a) => matrixCell(a, r.path)));
            rows.push(row);
          }
        }
      }
      if (rows.length) sections.push(scaleSection(q.id, q.title, q.scale, cfg, rows));
    } else if (q.type === 'ballot') {
      const candidates = ballotCandidates(survey, q).map((c) => ({ id: c.id, name: c.name, votes: 0 }));
      let ballots = 0, writeIns = 0;
      for (const a of given(q.id)) {
        if (!a || typeof a !== 'object' || !('selected' in a)) continue;
        const b = a as BallotAnswer;
        ballots += 1;
        for (const id of new Set(b.selected)) {
          const c = candidates.find((x) => x.id === id);
          if (c) c.votes += 1;
        }
        writeIns += (b.writeIns ?? []).filter((w) => w.trim()).length;
      }
      sections.push({ kind: 'ballot', questionId: q.id, title: q.title, seats: q.max, ballots, candidates, writeIns });
    } else if (q.type === 'single' || q.type === 'multiple') {
      const options = q.options.map((o) => ({ id: o.id, label: o.label, count: 0 }));
      let other = 0;
      for (const a of given(q.id)) {
        if (a === undefined) continue;
        const ids = typeof a === 'string' ? [a] : typeof a === 'object' && 'selected' in a ? (a as MultipleAnswer).selected : [];
        for (const id of new Set(ids)) {
          const o = options.find((x) => x.id === id);
          if (o) o.count += 1;
        }
        if (typeof a === 'object' && !Array.isArray(a) && 'other' in a && a.other) other += 1;
      }
      sections.push({ kind: 'choice', questionId: q.id, title: q.title, options, ...(q.allowOther ? { other } : {}) });
    }
  }
  return { surveyId: survey.id, title: survey.title, generatedAt, respondents: responses.length, sections };
}

function scaleSection(questionId: string, title: string, scale: ScaleResultSection['scale'], cfg: Survey['results'], rows: ScaleResultRow[]): ScaleResultSection {
  return {
    kind: 'scale', questionId, title, rows,
    ...(scale !== undefined ? { scale } : {}),
    ...(cfg?.passTiers ? { passTiers: cfg.passTiers } : {}),
    ...(cfg?.rule ? { rule: cfg.rule } : {}),
  };
}

function tallyInto(row: ScaleResultRow, sc: ResolvedScale, values: ReadonlyArray<unknown>) {
  if (sc.kind === 'tiers') {
    const counts: Record<string, number> = {};
    for (const x of sc.tiers) counts[x.value] = 0;
    for (const v of values) if (typeof v === 'string' && v in counts) counts[v] += 1;
    row.counts = counts;
  } else {
    let sum = 0, n = 0, pass = 0;
    for (const v of values) {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < sc.min || v > sc.max) continue;
      sum += v; n += 1;
      if (v >= sc.passAt) pass += 1;
    }
    row.scoreSum = sum; row.scoreCount = n; row.scorePass = pass;
  }
}
