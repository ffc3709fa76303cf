// Shapes shared by every payload and response (docs/contract.md#the-envelope, #responses).
import { z } from 'zod/mini';

export const LOCALES = ['zh-CN', 'en'] as const;

/** ISO 8601 date-time string (with offset or Z). */
export const isoDateTime = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/),
);
/** Calendar date YYYY-MM-DD, and a real one (2026-02-30 is refused rather than read as 03-02). */
export const isoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((s: string) => {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (!m) return true; // the format check above reports it
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
  }, 'not a calendar date'),
);
export const uuid = z.string().check(
  z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i),
);
export const nonEmpty = (max = 200) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));
/**
 * A link a page may follow: http(s) or relative. Any other scheme (`javascript:`, `data:`,
 * `vbscript:` …) is refused, and so are whitespace and control characters, which browsers strip
 * from URLs (so `java\tscript:` cannot slip through).
 */
export function isSafeUrl(value: string): boolean {
  if (!value || /[\s\u0000-\u001f\u007f]/.test(value)) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value);
  return scheme ? /^https?$/i.test(scheme[1]) && /^https?:\/\/[^/]/i.test(value) : true;
}
export const url = z.string().check(z.minLength(1), z.maxLength(2000), z.refine(isSafeUrl, 'only http(s) or relative URLs'));

export const PAYLOAD_TYPES = ['legislation-feedback', 'deputy-message', 'appointment', 'survey-response'] as const;
export type PayloadType = (typeof PAYLOAD_TYPES)[number];

/** The envelope every POST body has; `data` is the widget-specific part. */
export function envelope<T extends z.ZodMiniType>(type: PayloadType, data: T) {
  return z.object({
    type: z.literal(type),
    version: z.literal(1),
    id: uuid,
    createdAt: isoDateTime,
    locale: z.string().check(z.minLength(2), z.maxLength(35)),
    source: z.object({ url: z.string().check(z.maxLength(2000)) }),
    data,
  });
}

export const receiptResponse = z.object({
  receipt: z.string().check(z.minLength(1), z.maxLength(100)),
  /** The code the citizen looks the receipt up with (docs/contract.md#looking-up-a-submission). */
  lookupCode: z.optional(z.string().check(z.maxLength(20))),
  message: z.optional(z.string().check(z.maxLength(2000))),
});
export type ReceiptResponse = z.infer<typeof receiptResponse>;

export const fieldError = z.object({
  path: z.string().check(z.maxLength(300)),
  message: z.string().check(z.maxLength(2000)),
});
export const errorResponse = z.object({
  errors: z.optional(z.array(fieldError)),
  message: z.optional(z.string()),
  receipt: z.optional(z.string()),
});
export type FieldError = z.infer<typeof fieldError>;
