// <rd-satisfaction-survey>: survey definitions (满意度测评, 问卷, 票决, 征集) and published results;
// the answers and the response payload are in survey-response.ts. See docs/domain.md#satisfaction-ratings.
// Answers are checked against the definition by services/survey-response.ts (`validateAnswers`),
// which a backend can run too; these files check shapes.
import { z } from 'zod/mini';
import { isoDateTime, nonEmpty, url } from './common.js';

/** Ids of questions, subjects, options, tiers, dimensions: short slugs, safe as object keys. */
export const slug = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/));

export const text = (max: number) => z.string().check(z.maxLength(max));

// ---------------------------------------------------------------------------------------------
// Scales

/** Built-in scales: 三档 (default), 四档 (+非常满意), 优秀/称职/不称职, 五星, 0–100 score. */
export const SCALE_PRESETS = ['three', 'four', 'grade', 'stars', 'score100'] as const;
export type ScalePreset = (typeof SCALE_PRESETS)[number];

export const tier = z.object({
  /** Stored in answers and results, e.g. "satisfied". */
  value: slug,
  /** Shown to respondents; presets take their labels from the widget's messages instead. */
  label: nonEmpty(60),
  /** Points for the average score (presets: 满意 100, 基本满意 60, 不满意 0 …). */
  score: z.optional(z.number()),
  /** Counts towards the satisfaction rate / passing (presets: 满意 + 基本满意). */
  pass: z.optional(z.boolean()),
});
export type Tier = z.infer<typeof tier>;

export const customScale = z.object({
  kind: z.literal('tiers'),
  tiers: z.array(tier).check(z.minLength(2), z.maxLength(11)),
});
export const scoreScale = z.object({
  kind: z.literal('score'),
  min: z.number(),
  max: z.number(),
  step: z.optional(z.number().check(z.positive())),
  /** Scores at or above this pass (default: 60% of the range). */
  passAt: z.optional(z.number()),
});
export const scale = z.union([z.enum(SCALE_PRESETS), customScale, scoreScale]);
export type ScaleSpec = z.infer<typeof scale>;

// ---------------------------------------------------------------------------------------------
// Conditions (showIf)

/** True when the answer to `question` matches: a value among `in` (for a matrix: any cell; for
 *  multiple/ballot: any selected), none among `notIn`, answered or not, a number within min/max. */
export const leafCondition = z.object({
  question: slug,
  in: z.optional(z.array(z.union([z.string(), z.number()])).check(z.minLength(1))),
  notIn: z.optional(z.array(z.union([z.string(), z.number()])).check(z.minLength(1))),
  answered: z.optional(z.boolean()),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
});
export const condition = z.union([
  leafCondition,
  z.object({ all: z.array(leafCondition).check(z.minLength(1)) }),
  z.object({ any: z.array(leafCondition).check(z.minLength(1)) }),
]);
export type LeafCondition = z.infer<typeof leafCondition>;
export type Condition = z.infer<typeof condition>;

// ---------------------------------------------------------------------------------------------
// Questions

const base = {
  id: slug,
  title: nonEmpty(500),
  help: z.optional(text(2000)),
  required: z.optional(z.boolean()),
  showIf: z.optional(condition),
};

export const option = z.object({ id: slug, label: nonEmpty(200), description: z.optional(text(1000)) });
export type Option = z.infer<typeof option>;
const options = z.array(option).check(z.minLength(1), z.maxLength(200));

export const satisfactionQuestion = z.object({
  ...base,
  type: z.literal('satisfaction'),
  scale: z.optional(scale),
  /** The subject being judged, when the question is about one. */
  subject: z.optional(slug),
});
export const dimension = z.object({ id: slug, label: nonEmpty(100) });
export type Dimension = z.infer<typeof dimension>;
export const matrixQuestion = z.object({
  ...base,
  type: z.literal('matrix'),
  scale: z.optional(scale),
  /** Subject ids (default: every subject of the survey when there are no dimensions). */
  subjects: z.optional(z.array(slug).check(z.minLength(1))),
  /** Rated for each subject (e.g. 组织领导 … 综合评价); without subjects, the rows themselves. */
  dimensions: z.optional(z.array(dimension).check(z.minLength(1), z.maxLength(30))),
});
export const singleQuestion = z.object({
  ...base,
  type: z.literal('single'),
  options,
  /** Adds "其他" with a write-in. */
  allowOther: z.optional(z.boolean()),
});
export const multipleQuestion = z.object({
  ...base,
  type: z.literal('multiple'),
  options,
  min: z.optional(z.int().check(z.nonnegative())),
  max: z.optional(z.int().check(z.positive())),
  allowOther: z.optional(z.boolean()),
});
export const rankingQuestion = z.object({
  ...base,
  type: z.literal('ranking'),
  options: z.array(option).check(z.minLength(2), z.maxLength(30)),
  /** Rank only the top N (default: all). */
  top: z.optional(z.int().check(z.positive())),
});
export const textQuestion = z.object({
  ...base,
  type: z.literal('text'),
  minLength: z.optional(z.int().check(z.nonnegative())),
  maxLength: z.optional(z.int().check(z.positive(), z.lte(5000))),
  multiline: z.optional(z.boolean()),
});
export const numberQuestion = z.object({
  ...base,
  type: z.literal('number'),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
  integer: z.optional(z.boolean()),
  unit: z.optional(text(20)),
});
export const ballotQuestion = z.object({
  ...base,
  type: z.literal('ballot'),
  /** Candidate subject ids (default: every subject of the survey). */
  candidates: z.optional(z.array(slug).check(z.minLength(1))),
  /** Choose at most N … */
  max: z.int().check(z.positive()),
  /** … and at least M (default 0; a blank ballot is then valid unless `required`). */
  min: z.optional(z.int().check(z.nonnegative())),
  /** Allows "另选他人/其他" write-ins (up to `writeInMax`, default 1), counted within N. */
  writeIn: z.optional(z.boolean()),
  writeInMax: z.optional(z.int().check(z.positive())),
});
export const proposalQuestion = z.object({
  ...base,
  type: z.literal('proposal'),
  categories: z.optional(z.array(option).check(z.minLength(1))),
  /** Whether location / category must be filled (title and description always must). */
  locationRequired: z.optional(z.boolean()),
  categoryRequired: z.optional(z.boolean()),
  descriptionMax: z.optional(z.int().check(z.positive())),
});

export const question = z.discriminatedUnion('type', [
  satisfactionQuestion,
  matrixQuestion,
  singleQuestion,
  multipleQuestion,
  rankingQuestion,
  textQuestion,
  numberQuestion,
  ballotQuestion,
  proposalQuestion,
]);
export type Question = z.infer<typeof question>;
export type QuestionType = Question['type'];
export type QuestionOf<T extends QuestionType> = Extract<Question, { type: T }>;

export const page = z.object({
  id: slug,
  title: z.optional(text(200)),
  description: z.optional(text(2000)),
  questions: z.array(question).check(z.minLength(1), z.maxLength(200)),
});
export type Page = z.infer<typeof page>;

// ---------------------------------------------------------------------------------------------
// The survey

export const SURVEY_KINDS = ['evaluation', 'questionnaire', 'vote', 'call'] as const; // 测评 问卷 票决 征集
export const KNOWN_ROLES = ['deputy', 'committee-member', 'voter', 'public', 'citizen-rep', 'expert'] as const;
export const RESPONDENT_FIELDS = ['name', 'unit', 'phone'] as const;

export const subject = z.object({
  id: slug,
  name: nonEmpty(200),
  description: z.optional(text(2000)),
  link: z.optional(url),
  /** Free grouping for display (e.g. the handling department). */
  group: z.optional(text(100)),
});
export type Subject = z.infer<typeof subject>;

/** A role: a known id (labelled by the widget) or a custom one with its own label. */
export const role = z.union([z.enum(KNOWN_ROLES), z.object({ id: slug, label: nonEmpty(60) })]);
export type Role = z.infer<typeof role>;

/** How results are judged (survey-results.ts): metric compared with a threshold. */
export const passRule = z.object({
  /** rate = share of pass tiers; average = mean score; share = share of `tier`. */
  metric: z.enum(['rate', 'average', 'share']),
  op: z.enum(['gt', 'gte', 'lt', 'lte']),
  value: z.number(),
  tier: z.optional(slug),
  /** For a matrix with dimensions: judge by this dimension only (default: all cells pooled). */
  dimension: z.optional(slug),
});
export type PassRule = z.infer<typeof passRule>;

export const resultsConfig = z.object({
  /** Tiers counted as satisfied (default: tiers marked pass; presets: 满意 + 基本满意). */
  passTiers: z.optional(z.array(slug).check(z.minLength(1))),
  rule: z.optional(passRule),
});

const surveyShape = z.object({
  id: slug,
  title: nonEmpty(300),
  description: z.optional(text(5000)),
  kind: z.enum(SURVEY_KINDS),
  /** The body running it, e.g. "某市人大常委会选工委". */
  organizer: z.optional(text(200)),
  window: z.object({ opens: isoDateTime, closes: isoDateTime }),
  roles: z.array(role).check(z.minLength(1), z.maxLength(20)),
  access: z.enum(['open', 'code']),
  anonymity: z.enum(['anonymous', 'identified']),
  /** Asked only when identified (default: name). */
  respondentFields: z.optional(z.array(z.enum(RESPONDENT_FIELDS)).check(z.minLength(1))),
  subjects: z.optional(z.array(subject).check(z.maxLength(500))),
  pages: z.array(page).check(z.minLength(1), z.maxLength(50)),
  results: z.optional(resultsConfig),
});

/** Ids unique, references resolvable, showIf pointing backwards, min ≤ max. */
export const survey = surveyShape.check(
  z.refine((s) => surveyProblems(s).length === 0, {
    error: (iss) => surveyProblems(iss.input as z.infer<typeof surveyShape>).join('; '),
  }),
);
export type Survey = z.infer<typeof surveyShape>;

/** Consistency problems of a well-shaped survey (empty when fine). */
export function surveyProblems(s: Survey): string[] {
  const out: string[] = [];
  const subjectIds = new Set<string>();
  for (const sub of s.subjects ?? []) {
    if (subjectIds.has(sub.id)) out.push(`subjects: duplicate id "${sub.id}"`);
    subjectIds.add(sub.id);
  }
  const seen = new Map<string, Question>();
  const pageIds = new Set<string>();
  s.pages.forEach((p, pi) => {
    if (pageIds.has(p.id)) out.push(`pages.${pi}: duplicate page id "${p.id}"`);
    pageIds.add(p.id);
    p.questions.forEach((q, qi) => {
      const at = `pages.${pi}.questions.${qi}`;
      if (seen.has(q.id)) out.push(`${at}: duplicate question id "${q.id}"`);
      const leaves = q.showIf ? ('all' in q.showIf ? q.showIf.all : 'any' in q.showIf ? q.showIf.any : [q.showIf]) : [];
      for (const c of leaves) {
        if (!seen.has(c.question)) out.push(`${at}.showIf: "${c.question}" must be an earlier question`);
      }
      const refs = (ids: readonly string[] | undefined, what: string) => {
        for (const id of ids ?? []) if (!subjectIds.has(id)) out.push(`${at}.${what}: unknown subject "${id}"`);
      };
      switch (q.type) {
        case 'satisfaction':
          if (q.subject) refs([q.subject], 'subject');
          break;
        case 'matrix':
          refs(q.subjects, 'subjects');
          if (!q.subjects && !q.dimensions && subjectIds.size === 0) out.push(`${at}: a matrix needs subjects or dimensions`);
          break;
        case 'ballot': {
          refs(q.candidates, 'candidates');
          const n = q.candidates?.length ?? subjectIds.size;
          if (n === 0) out.push(`${at}: a ballot needs candidates`);
          if ((q.min ?? 0) > q.max) out.push(`${at}: min > max`);
          if (q.max > n + (q.writeIn ? q.writeInMax ?? 1 : 0)) out.push(`${at}: max is larger than the number of candidates`);
          break;
        }
        case 'multiple':
          if (q.min !== undefined && q.max !== undefined && q.min > q.max) out.push(`${at}: min > max`);
          if ((q.min ?? 0) > q.options.length + (q.allowOther ? 1 : 0)) out.push(`${at}: min is larger than the number of options`);
          break;
        case 'text':
          if (q.minLength !== undefined && q.maxLength !== undefined && q.minLength > q.maxLength) out.push(`${at}: minLength > maxLength`);
          break;
        case 'number':
          if (q.min !== undefined && q.max !== undefined && q.min > q.max) out.push(`${at}: min > max`);
          break;
        case 'ranking':
          if (q.top !== undefined && q.top > q.options.length) out.push(`${at}: top is larger than the number of options`);
          break;
        default:
          break;
      }
      if ('scale' in q && q.scale && typeof q.scale === 'object') {
        if (q.scale.kind === 'score' && q.scale.min >= q.scale.max) out.push(`${at}.scale: min must be below max`);
        if (q.scale.kind === 'tiers' && new Set(q.scale.tiers.map((t) => t.value)).size !== q.scale.tiers.length) {
          out.push(`${at}.scale: duplicate tier value`);
        }
      }
      if ('options' in q) {
        if (new Set(q.options.map((o) => o.id)).size !== q.options.length) out.push(`${at}.options: duplicate option id`);
      }
      seen.set(q.id, q);
    });
  });
  return out;
}

// ---------------------------------------------------------------------------------------------
// Answers and the response payload: survey-response.ts (not needed to show a survey's questions)

export type {
  Answer, Answers, BallotAnswer, MatrixAnswer, MultipleAnswer, ProposalAnswer, SurveyResponseData, SurveyResponsePayload,
} from './survey-response.js';

// ---------------------------------------------------------------------------------------------
// Published results: survey-results.ts (only the results view reads them)

export type {
  BallotResultSection, ChoiceResultSection, ResultSection, ScaleResultRow, ScaleResultSection, SurveyResults,
} from './survey-results.js';
