// Published results of a survey (GET {endpoint}/surveys/{id}/results, or inline), apart from the
// definition (survey.ts): only the results view reads them, and this file travels with it, not on
// the form's first screen (README "First screens against their budgets"). See
// docs/domain.md#satisfaction-ratings.
import { z } from 'zod/mini';
import { isoDateTime, nonEmpty } from './common.js';
import { passRule, scale, slug, text } from './survey.js';

const count = z.int().check(z.nonnegative());
const tierCounts = z.record(slug, count);

export const scaleResultRow = z.object({
  /** Subject id (or dimension id for a single-subject matrix). */
  id: slug,
  name: nonEmpty(200),
  counts: z.optional(tierCounts),
  /** Per dimension, when the matrix rated dimensions of each subject. */
  dimensions: z.optional(z.array(z.object({ id: slug, label: nonEmpty(100), counts: tierCounts }))),
  /** Score scales: sum and number of scores (counts per tier do not apply). */
  scoreSum: z.optional(z.number()),
  scoreCount: z.optional(count),
  /** Score scales: how many scores reached the pass mark. */
  scorePass: z.optional(count),
});
export type ScaleResultRow = z.infer<typeof scaleResultRow>;

export const scaleResultSection = z.object({
  kind: z.literal('scale'),
  questionId: slug,
  title: nonEmpty(500),
  scale: z.optional(scale),
  passTiers: z.optional(z.array(slug).check(z.minLength(1))),
  rule: z.optional(passRule),
  rows: z.array(scaleResultRow).check(z.minLength(1)),
});
export const ballotResultSection = z.object({
  kind: z.literal('ballot'),
  questionId: slug,
  title: nonEmpty(500),
  /** N: how many are chosen. */
  seats: z.int().check(z.positive()),
  /** Ballots cast (valid). */
  ballots: z.optional(count),
  candidates: z.array(z.object({ id: slug, name: nonEmpty(200), votes: count })).check(z.minLength(1)),
  /** Write-ins are counted together; names are not published. */
  writeIns: z.optional(count),
});
export const choiceResultSection = z.object({
  kind: z.literal('choice'),
  questionId: slug,
  title: nonEmpty(500),
  options: z.array(z.object({ id: slug, label: nonEmpty(200), count })).check(z.minLength(1)),
  other: z.optional(count),
});
export const resultSection = z.discriminatedUnion('kind', [scaleResultSection, ballotResultSection, choiceResultSection]);
export type ResultSection = z.infer<typeof resultSection>;
export type ScaleResultSection = z.infer<typeof scaleResultSection>;
export type BallotResultSection = z.infer<typeof ballotResultSection>;
export type ChoiceResultSection = z.infer<typeof choiceResultSection>;

export const surveyResults = z.object({
  surveyId: slug,
  title: nonEmpty(300),
  generatedAt: isoDateTime,
  /** Responses received, and (optional) how many were entitled to respond (应到). */
  respondents: count,
  eligible: z.optional(count),
  /** Empty when nothing in the survey can be counted (only text or proposals). */
  sections: z.array(resultSection),
  note: z.optional(text(2000)),
});
export type SurveyResults = z.infer<typeof surveyResults>;
