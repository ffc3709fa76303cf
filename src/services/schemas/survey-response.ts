// The answers to a survey and the response payload (POST {endpoint}/survey-responses,
// docs/contract.md), apart from the survey definition (survey.ts): the widget builds responses with
// the form half it loads when first used (README "First screens against their budgets"); the
// reference receiver and the build's JSON Schema read them through index.ts.
import { z } from 'zod/mini';
import { envelope, nonEmpty } from './common.js';
import { slug, text } from './survey.js';

const cell = z.union([slug, z.number()]);
export const otherAnswer = z.strictObject({ other: nonEmpty(200) });
export const multipleAnswer = z.strictObject({
  selected: z.array(slug).check(z.maxLength(200)),
  other: z.optional(nonEmpty(200)),
});
export const ballotAnswer = z.strictObject({
  selected: z.array(slug).check(z.maxLength(500)),
  writeIns: z.optional(z.array(nonEmpty(100)).check(z.maxLength(50))),
});
export const proposalAnswer = z.strictObject({
  title: nonEmpty(200),
  description: nonEmpty(5000),
  location: z.optional(text(300)),
  category: z.optional(slug),
});
/** Matrix: `{subjectId: {dimensionId: value}}`, or one level (`{rowId: value}`) without dimensions. */
export const matrixAnswer = z.record(slug, z.union([cell, z.record(slug, cell)]));

/**
 * One answer. satisfaction: tier value or score; single: option id or `{other}`; multiple:
 * `{selected, other?}`; ranking: option ids in order; text: string; number: number; ballot:
 * `{selected, writeIns?}`; proposal: `{title, description, location?, category?}`; matrix: record.
 */
export const answer = z.union([
  z.string().check(z.maxLength(5000)),
  z.number(),
  z.array(slug).check(z.maxLength(30)),
  otherAnswer,
  multipleAnswer,
  ballotAnswer,
  proposalAnswer,
  matrixAnswer,
]);
export type Answer = z.infer<typeof answer>;
export type Answers = Record<string, Answer>;
export type MatrixAnswer = z.infer<typeof matrixAnswer>;
export type BallotAnswer = z.infer<typeof ballotAnswer>;
export type MultipleAnswer = z.infer<typeof multipleAnswer>;
export type ProposalAnswer = z.infer<typeof proposalAnswer>;

export const answers = z.record(slug, answer);

/** Who answered, for identified surveys only. */
export const respondent = z.strictObject({
  name: nonEmpty(60),
  unit: z.optional(text(200)),
  phone: z.optional(z.string().check(z.regex(/^[0-9+\-() ]{5,30}$/))),
});

const roleId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/));
const code = z.string().check(z.trim(), z.regex(/^[A-Za-z0-9-]{4,40}$/));

/** Anonymous: strict — no respondent, no name, no phone, nothing beyond these keys. */
export const anonymousResponseData = z.strictObject({
  surveyId: slug,
  anonymity: z.literal('anonymous'),
  code: z.optional(code),
  role: roleId,
  answers,
});
export const identifiedResponseData = z.strictObject({
  surveyId: slug,
  anonymity: z.literal('identified'),
  code: z.optional(code),
  role: roleId,
  respondent,
  answers,
});
export const surveyResponseData = z.discriminatedUnion('anonymity', [anonymousResponseData, identifiedResponseData]);
export type SurveyResponseData = z.infer<typeof surveyResponseData>;

const envelopeShape = envelope('survey-response', surveyResponseData);
/** The POST body. Anonymous responses also may not carry a query string in `source.url`. */
export const surveyResponsePayload = envelopeShape.check(
  z.refine((p) => p.data.anonymity !== 'anonymous' || !/[?#]/.test(p.source.url), {
    message: 'anonymous responses must not send the page query string',
    path: ['source', 'url'],
  }),
);
export type SurveyResponsePayload = z.infer<typeof envelopeShape>;

