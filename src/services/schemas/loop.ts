// Closing the loop (docs/contract.md#looking-up-a-submission, docs/domain.md#closing-the-loop):
// the lookup code a submission answers with, what a lookup returns, the citizen's rating, what
// staff send to move a submission along, a draft's adoption report (采纳情况) and a deputy's
// published messages with their reply rate.
import { z } from 'zod/mini';
import { isoDateTime, nonEmpty } from './common.js';

/** The statuses a submission goes through, in the order they usually come. */
export const RECEIPT_STATUSES = ['received', 'forwarded', 'in-progress', 'replied', 'adopted', 'partly-adopted', 'not-adopted', 'closed'] as const;
export type ReceiptStatus = (typeof RECEIPT_STATUSES)[number];
export const RATINGS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
/** The outcomes an article's comments can have in an adoption report. */
export const ADOPTION_OUTCOMES = ['adopted', 'partly-adopted', 'not-adopted'] as const;
export type AdoptionOutcome = (typeof ADOPTION_OUTCOMES)[number];

/**
 * Lookup codes: 8 characters from an alphabet without 0/O/1/I (nothing to misread when written
 * down), shown as two groups of four ("7KQM-X4PB"). Entered in any case, with or without the
 * dash or spaces.
 */
export const LOOKUP_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const LOOKUP_CODE_LENGTH = 8;
/** What a person typed → the bare code (upper case, no dash or spaces), or null when it cannot be one. */
export function normalizeLookupCode(input: unknown): string | null {
  const c = String(input ?? '').toUpperCase().replace(/[\s-]/g, '');
  return c.length === LOOKUP_CODE_LENGTH && [...c].every((ch) => LOOKUP_ALPHABET.includes(ch)) ? c : null;
}
export const lookupCode = z.string().check(z.regex(/^[2-9A-HJ-NP-Z]{4}-?[2-9A-HJ-NP-Z]{4}$/));

const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

export const statusEntrySchema = z.object({
  status: z.enum(RECEIPT_STATUSES),
  at: isoDateTime,
  /** What the office tells the citizen with this step (转交某单位办理…). */
  note: z.optional(z.string().check(z.maxLength(2000))),
});

export const replySchema = z.object({
  text: text(10_000),
  at: isoDateTime,
  /** Who answered: the deputy, the 承办单位, the 法工委. */
  by: z.optional(z.string().check(z.maxLength(200))),
});

/** GET {endpoint}/receipts/{receipt}?code={lookupCode} */
export const receiptLookupSchema = z.object({
  receipt: nonEmpty(100),
  type: nonEmpty(100),
  status: z.enum(RECEIPT_STATUSES),
  history: z.array(statusEntrySchema).check(z.maxLength(500)),
  reply: z.optional(replySchema),
  rating: z.optional(z.object({ rating: z.enum(RATINGS), at: isoDateTime, comment: z.optional(z.string().check(z.maxLength(1000))) })),
});
export type ReceiptLookup = z.infer<typeof receiptLookupSchema>;

export const RATING_COMMENT_MAX = 500;
/** POST {endpoint}/receipts/{receipt}/rating (with an Idempotency-Key) */
export const ratingRequestSchema = z.object({
  code: lookupCode,
  rating: z.enum(RATINGS),
  comment: z.optional(z.string().check(z.trim(), z.maxLength(RATING_COMMENT_MAX))),
});
export type RatingRequest = z.infer<typeof ratingRequestSchema>;

/** POST {endpoint}/staff/receipts/{receipt}/status (Bearer staff token) */
export const staffStatusSchema = z.object({
  status: z.enum(RECEIPT_STATUSES),
  note: z.optional(z.string().check(z.trim(), z.maxLength(2000))),
  reply: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(10_000))),
  replyBy: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});
export type StaffStatus = z.infer<typeof staffStatusSchema>;

/** One article in a draft's adoption report. */
export const articleAdoptionSchema = z.object({
  /** The article's label: 第十二条 */
  article: nonEmpty(40),
  /** How many comments it received. */
  comments: z.number().check(z.int(), z.minimum(0)),
  outcome: z.optional(z.enum(ADOPTION_OUTCOMES)),
  /** The legislature's explanation (采纳情况说明). */
  explanation: z.optional(z.string().check(z.maxLength(5000))),
});

/**
 * A draft's 意见采纳情况, published after the window closed: on the draft's data as `adoption`
 * (the reference receiver adds the report staff published through PUT
 * {endpoint}/staff/drafts/{id}/adoption).
 */
export const adoptionReportSchema = z.object({
  publishedAt: isoDateTime,
  /** Totals for the whole draft. */
  comments: z.number().check(z.int(), z.minimum(0)),
  people: z.optional(z.number().check(z.int(), z.minimum(0))),
  /** The legislature's summary (总体采纳情况). */
  summary: z.optional(z.string().check(z.maxLength(20_000))),
  articles: z.array(articleAdoptionSchema).check(z.maxLength(3000)),
});
export type AdoptionReport = z.infer<typeof adoptionReportSchema>;

/** PUT {endpoint}/staff/drafts/{id}/adoption: counts are the receiver's, the words are staff's. */
export const adoptionInputSchema = z.object({
  summary: z.optional(z.string().check(z.trim(), z.maxLength(20_000))),
  articles: z.array(z.object({
    article: nonEmpty(40),
    outcome: z.optional(z.enum(ADOPTION_OUTCOMES)),
    explanation: z.optional(z.string().check(z.trim(), z.maxLength(5000))),
  })).check(z.maxLength(3000)),
});
export type AdoptionInput = z.infer<typeof adoptionInputSchema>;

/**
 * A citizen's message the deputy answered, published because the citizen agreed to it
 * (`publish: true`): subject, text and reply only — never a name or contact detail.
 */
export const publishedMessageSchema = z.object({
  subject: nonEmpty(200),
  text: text(5000),
  askedAt: isoDateTime,
  category: z.optional(nonEmpty(50)),
  reply: replySchema,
});
export type PublishedMessage = z.infer<typeof publishedMessageSchema>;

/** How many messages were answered within the promised window. */
export const replyRateSchema = z.object({
  /** The promised window in days (一个月 = 30). */
  withinDays: z.number().check(z.int(), z.minimum(1), z.maximum(365)),
  /** Messages whose window has ended (or that were answered). */
  due: z.number().check(z.int(), z.minimum(0)),
  /** Of those, answered within the window. */
  replied: z.number().check(z.int(), z.minimum(0)),
  /** Up to when it was counted. */
  asOf: isoDateTime,
});
export type ReplyRate = z.infer<typeof replyRateSchema>;
