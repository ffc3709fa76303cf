// Legislation feedback (法规草案征求意见): the payload a citizen sends (POST
// {endpoint}/legislation-feedback); the draft they read is schemas/legislation.ts.
// docs/domain.md#public-comment-on-drafts.
import { z } from 'zod/mini';
import { envelope, isoDate, isoDateTime, nonEmpty } from './common.js';
import { CHANNELS, COMMENT_MAX, COMMENTS_MAX, PROXY_CHANNELS, STAGES, articleLabel, code, draftId, positiveInt } from './legislation.js';

// ---------------------------------------------------------------------------------------------
// The payload (POST {endpoint}/legislation-feedback)
// ---------------------------------------------------------------------------------------------

export const commentTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('article'),
    /** The article's 编 (第三编), in texts that have them */
    part: z.optional(z.string().check(z.maxLength(20))),
    chapter: z.optional(z.string().check(z.maxLength(20))),
    article: articleLabel,
    /** 款, 1-based */
    paragraph: z.optional(positiveInt),
  }),
  z.object({ kind: z.literal('general') }),
  z.object({ kind: z.literal('question'), questionId: code }),
]);
export type CommentTarget = z.infer<typeof commentTargetSchema>;

export const commentSchema = z.object({
  target: commentTargetSchema,
  text: z.string().check(z.trim(), z.maxLength(COMMENT_MAX)),
  /** Chosen option ids, for a choice focus question */
  choices: z.optional(z.array(code).check(z.maxLength(30))),
}).check(
  z.refine((c) => c.text.length > 0 || (c.target.kind === 'question' && (c.choices?.length ?? 0) > 0), {
    message: 'legislation.commentRequired',
    path: ['text'],
  }),
  z.refine((c) => c.choices === undefined || c.target.kind === 'question', {
    message: 'choices only answer a question',
    path: ['choices'],
  }),
);
export type FeedbackComment = z.infer<typeof commentSchema>;

const phone = z.string().check(z.trim(), z.regex(/^(\+?\d[\d -]{5,18}\d)$/));
const email = z.string().check(z.trim(), z.maxLength(200), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/));

export const respondentSchema = z.object({
  name: z.optional(z.string().check(z.trim(), z.maxLength(50))),
  /** Identity code: a default (DEFAULT_IDENTITIES) or one the draft adds */
  identity: code,
  region: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  /** Wants a reply; only then phone/e-mail are asked */
  wantsReply: z.boolean(),
  phone: z.optional(phone),
  email: z.optional(email),
}).check(
  z.refine((r) => !r.wantsReply || !!r.phone || !!r.email, { message: 'legislation.contactRequired', path: ['phone'] }),
  z.refine((r) => r.wantsReply || (!r.phone && !r.email), { message: 'contact only with wantsReply', path: ['phone'] }),
);
export type Respondent = z.infer<typeof respondentSchema>;

export const proxySchema = z.object({
  collectorName: nonEmpty(50),
  place: nonEmpty(200),
  date: isoDate,
  channel: z.enum(PROXY_CHANNELS),
});
export type ProxyRecord = z.infer<typeof proxySchema>;

export const consentSchema = z.object({ version: nonEmpty(50), at: isoDateTime });

/** Personal data given: name, phone or e-mail. Then consent is required. */
export const hasPersonalData = (r: { name?: string | undefined; phone?: string | undefined; email?: string | undefined }) =>
  !!(r.name?.trim() || r.phone?.trim() || r.email?.trim());

export const legislationFeedbackData = z.object({
  draftId,
  stage: z.enum(STAGES),
  respondent: respondentSchema,
  channel: z.enum(CHANNELS),
  proxy: z.optional(proxySchema),
  comments: z.array(commentSchema).check(z.minLength(1), z.maxLength(COMMENTS_MAX)),
  consent: z.optional(consentSchema),
  publish: z.boolean(),
}).check(
  z.refine((d) => (d.channel === 'proxy') === !!d.proxy, { message: 'proxy details go with channel proxy', path: ['proxy'] }),
  z.refine((d) => !hasPersonalData(d.respondent) || !!d.consent, { message: 'errors.consent', path: ['consent'] }),
);
export type LegislationFeedbackData = z.infer<typeof legislationFeedbackData>;

export const legislationFeedbackPayload = envelope('legislation-feedback', legislationFeedbackData);
export type LegislationFeedbackPayload = z.infer<typeof legislationFeedbackPayload>;
