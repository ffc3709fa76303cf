// Legislation feedback (法规草案征求意见): the draft a citizen reads; the payload they send is
// schemas/legislation-feedback.ts (a module of its own: the widget's first screen reads drafts,
// its form half sends — README "Figures"). docs/domain.md#public-comment-on-drafts. Codes in data
// are stable English; the UI shows Chinese labels.
import { z } from 'zod/mini';
import { adoptionReportSchema } from './loop.js';
import { isoDate, isoDateTime, nonEmpty, url } from './common.js';

/** Longest comment item (characters), enforced in the form and here. */
export const COMMENT_MAX = 5000;
/** Most comment items in one submission (件 holds many 条). */
export const COMMENTS_MAX = 300;

// ---------------------------------------------------------------------------------------------
// Vocabulary
// ---------------------------------------------------------------------------------------------

/** 立法项目征集 | 草案一审 | 二审 | 三审 | 实施评估 */
export const STAGES = ['project-call', 'first-reading', 'second-reading', 'third-reading', 'evaluation'] as const;
export type Stage = (typeof STAGES)[number];

/** Level of the soliciting legislature (counties relay drafts, they do not legislate). */
export const LEVELS = ['national', 'provincial', 'city', 'autonomous'] as const;
export type Level = (typeof LEVELS)[number];

/** Default respondent identities (界别/身份), docs/domain.md#respondent-identities; a draft may add its own. */
export const DEFAULT_IDENTITIES = [
  'citizen', // 普通市民
  'deputy', // 人大代表
  'cppcc-member', // 政协委员
  'lawyer', // 律师
  'scholar', // 专家学者
  'enterprise', // 企业/行业协会
  'social-organization', // 社会组织
  'regulated-party', // 管理相对人
  'contact-point', // 基层立法联系点
] as const;

/** How the comment reached the legislature. */
export const CHANNELS = ['online', 'qr', 'proxy'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Offline channel a proxy (立法信息员, station staff) collected the opinion through: 座谈会 | 意见箱 | 来信 | 接待 */
export const PROXY_CHANNELS = ['forum', 'comment-box', 'letter', 'reception'] as const;
export type ProxyChannel = (typeof PROXY_CHANNELS)[number];

export const code = z.string().check(z.regex(/^[a-z0-9][a-z0-9._-]{0,47}$/i));
export const draftId = z.string().check(z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/));
export const positiveInt = z.number().check(z.int(), z.gte(1), z.lte(99_999));

/** Article label in canonical Chinese form: 第十二条, 第一百零一条, 第十条之一. */
export const articleLabel = z.string().check(z.regex(/^第[零一二三四五六七八九十百千]+条(之[一二三四五六七八九十]+)?$/));
export const chapterLabel = z.string().check(z.regex(/^第[零一二三四五六七八九十百千]+章$/));
/** 编 label: 第三编 */
export const partLabel = z.string().check(z.regex(/^第[零一二三四五六七八九十百千]+编$/));
/** 分编 label: 第一分编 */
export const divisionLabel = z.string().check(z.regex(/^第[零一二三四五六七八九十百千]+分编$/));

// ---------------------------------------------------------------------------------------------
// The draft text, structured: 编 → 分编 → 章 → 节 → 条 → 款 → 项 → 目 (docs/domain.md#structure-of-a-legal-text)
// ---------------------------------------------------------------------------------------------

/** 目: `1.` inside a 项 */
export const subItemSchema = z.object({
  number: positiveInt,
  text: z.string().check(z.maxLength(5000)),
});
/** 项: `（一）` inside a 款 */
export const itemSchema = z.object({
  number: positiveInt,
  text: z.string().check(z.maxLength(5000)),
  subItems: z.optional(z.array(subItemSchema).check(z.maxLength(100))),
});
/** 款: an unnumbered paragraph of an article, with its 项 */
export const paragraphSchema = z.object({
  text: z.string().check(z.maxLength(10_000)),
  items: z.optional(z.array(itemSchema).check(z.maxLength(200))),
});
/** 条 */
export const articleSchema = z.object({
  /** Canonical label, the article's id in links and payloads: 第十二条 */
  label: articleLabel,
  number: positiveInt,
  /** 之一, 之二 of an inserted article (第十条之一) */
  sub: z.optional(positiveInt),
  /** Optional caption some drafts give in 【】 */
  caption: z.optional(z.string().check(z.maxLength(100))),
  paragraphs: z.array(paragraphSchema).check(z.minLength(1), z.maxLength(100)),
});
/** 节 */
export const sectionSchema = z.object({
  label: z.string().check(z.regex(/^第[零一二三四五六七八九十百千]+节$/)),
  number: positiveInt,
  title: z.string().check(z.maxLength(200)),
  articles: z.array(articleSchema).check(z.maxLength(2000)),
});
/** 章 (or a bare 附则 heading without a number) */
export const chapterSchema = z.object({
  /** 第三章; `附则` when the heading has no number */
  label: z.string().check(z.minLength(1), z.maxLength(20)),
  number: z.optional(positiveInt),
  title: z.string().check(z.maxLength(200)),
  /** The chapter is the 附则 (supplementary provisions) */
  supplementary: z.optional(z.boolean()),
  /** Articles before the first section (or all of them when the chapter has no sections) */
  articles: z.array(articleSchema).check(z.maxLength(2000)),
  sections: z.optional(z.array(sectionSchema).check(z.maxLength(200))),
});

/** 分编: a sub-part of a 编 (the 民法典's 第三编 has 第一分编 通则 …), numbered within the 编 */
export const divisionSchema = z.object({
  label: divisionLabel,
  number: positiveInt,
  title: z.string().check(z.maxLength(200)),
  /** Articles before the first chapter of the 分编 (rare) */
  articles: z.optional(z.array(articleSchema).check(z.maxLength(2000))),
  chapters: z.array(chapterSchema).check(z.maxLength(200)),
});
/** 编: a part (book) of a long code; chapter numbers restart (or run on) in each 编 */
export const partSchema = z.object({
  label: partLabel,
  number: positiveInt,
  title: z.string().check(z.maxLength(200)),
  /** Articles before the first chapter of the 编 (rare) */
  articles: z.optional(z.array(articleSchema).check(z.maxLength(2000))),
  /** Chapters before the first 分编 (all of them when the 编 has no 分编) */
  chapters: z.array(chapterSchema).check(z.maxLength(200)),
  divisions: z.optional(z.array(divisionSchema).check(z.maxLength(50))),
});

/**
 * The structured text a legal-text parse produces, and what a structured draft carries. Reading
 * order: `articles`, `chapters`, `parts`, `closing`. A text without 编 has neither `parts` nor
 * `closing` (and stays valid as before).
 */
export const legalTextSchema = z.object({
  /** Title as printed in the text, when the text carries one */
  title: z.optional(z.string().check(z.maxLength(300))),
  /** Paragraphs before the first chapter or article (序言, 说明 lines) */
  preamble: z.array(z.string().check(z.maxLength(10_000))).check(z.maxLength(200)),
  chapters: z.array(chapterSchema).check(z.maxLength(200)),
  /** Articles outside any chapter (drafts without chapters) */
  articles: z.array(articleSchema).check(z.maxLength(2000)),
  /** 编, in order (only long codes have them) */
  parts: z.optional(z.array(partSchema).check(z.maxLength(50))),
  /** Chapters after the last 编 that belong to none, like the 民法典's closing 附则 */
  closing: z.optional(z.array(chapterSchema).check(z.maxLength(20))),
});
export type LegalText = z.infer<typeof legalTextSchema>;
export type LegalChapter = z.infer<typeof chapterSchema>;
export type LegalPart = z.infer<typeof partSchema>;
export type LegalDivision = z.infer<typeof divisionSchema>;
export type LegalSection = z.infer<typeof sectionSchema>;
export type LegalArticle = z.infer<typeof articleSchema>;
export type LegalParagraph = z.infer<typeof paragraphSchema>;
export type LegalItem = z.infer<typeof itemSchema>;
export type LegalSubItem = z.infer<typeof subItemSchema>;

export const structuredTextSchema = z.object({
  format: z.literal('structured'),
  ...legalTextSchema.shape,
});
/** Plain text as pasted from Word; the widget parses it with services/legal-text.ts. */
export const plainTextSchema = z.object({
  format: z.literal('plain'),
  content: z.string().check(z.minLength(1), z.maxLength(1_000_000)),
});
export const draftTextSchema = z.discriminatedUnion('format', [structuredTextSchema, plainTextSchema]);
export type DraftText = z.infer<typeof draftTextSchema>;

// ---------------------------------------------------------------------------------------------
// The draft (GET {endpoint}/drafts/{id})
// ---------------------------------------------------------------------------------------------

export const identityOptionSchema = z.object({
  code,
  /** Chinese label (业主, 业委会, 物业公司…) */
  label: nonEmpty(40),
  labelEn: z.optional(nonEmpty(80)),
});
export type IdentityOption = z.infer<typeof identityOptionSchema>;

export const identitySettingsSchema = z.object({
  /** Draft-specific identities, listed after the defaults */
  options: z.optional(z.array(identityOptionSchema).check(z.maxLength(40))),
  /** Replace the default list instead of extending it */
  replaceDefaults: z.optional(z.boolean()),
  /** Name is optional unless this is true */
  requireName: z.optional(z.boolean()),
  requireRegion: z.optional(z.boolean()),
  /** When given, region is chosen from this list (e.g. the city's districts) */
  regions: z.optional(z.array(nonEmpty(60)).check(z.maxLength(200))),
});
export type IdentitySettings = z.infer<typeof identitySettingsSchema>;

export const questionOptionSchema = z.object({ id: code, label: nonEmpty(200) });

export const focusQuestionSchema = z.object({
  id: code,
  /** single | multiple choice, or free text */
  kind: z.enum(['single', 'multiple', 'text']),
  prompt: nonEmpty(500),
  hint: z.optional(z.string().check(z.maxLength(1000))),
  options: z.optional(z.array(questionOptionSchema).check(z.minLength(2), z.maxLength(30))),
  /** Multiple choice: at most this many */
  maxChoices: z.optional(positiveInt),
  /** Choice questions: also ask for a free-text reason */
  allowComment: z.optional(z.boolean()),
  /** The article the question is about: 第十二条 */
  article: z.optional(articleLabel),
}).check(
  z.refine((q) => q.kind === 'text' || (q.options?.length ?? 0) >= 2, {
    message: 'choice questions need at least two options',
    path: ['options'],
  }),
);
export type FocusQuestion = z.infer<typeof focusQuestionSchema>;

export const explanatoryNoteSchema = z.object({
  title: z.optional(nonEmpty(200)),
  /** Paragraphs of the 草案说明 */
  text: z.optional(z.array(z.string().check(z.maxLength(20_000))).check(z.maxLength(500))),
  /** Or a link to it (PDF, page) */
  url: z.optional(url),
}).check(
  z.refine((n) => (n.text?.length ?? 0) > 0 || !!n.url, { message: 'give text or url', path: ['text'] }),
);
export type ExplanatoryNote = z.infer<typeof explanatoryNoteSchema>;

export const windowSchema = z.object({
  opens: isoDateTime,
  closes: isoDateTime,
}).check(
  z.refine((w) => {
    const [a, b] = [Date.parse(w.opens), Date.parse(w.closes)];
    return !Number.isFinite(a) || !Number.isFinite(b) || a < b; // unreadable dates are reported by their format check
  }, { message: 'closes must be after opens', path: ['closes'] }),
);

export const draftSchema = z.object({
  id: draftId,
  title: nonEmpty(300),
  /** The legislature soliciting comments (某省人大常委会法制工作委员会), not the host site */
  legislature: nonEmpty(200),
  /** The site relaying the draft, when different (a county 人大 relaying a provincial draft) */
  host: z.optional(nonEmpty(200)),
  level: z.enum(LEVELS),
  stage: z.enum(STAGES),
  window: windowSchema,
  publishedAt: z.optional(isoDate),
  /** 草案说明 */
  explanatoryNote: z.optional(explanatoryNoteSchema),
  /** 审议情况: where the draft stands */
  deliberation: z.optional(z.string().check(z.maxLength(5000))),
  identity: z.optional(identitySettingsSchema),
  focusQuestions: z.optional(z.array(focusQuestionSchema).check(z.maxLength(50))),
  /** Postal/e-mail channels of the legislature, shown for people who prefer letters */
  contact: z.optional(z.object({
    address: z.optional(nonEmpty(300)),
    postcode: z.optional(z.string().check(z.regex(/^\d{6}$/))),
    email: z.optional(nonEmpty(200)),
    fax: z.optional(nonEmpty(50)),
  })),
  text: draftTextSchema,
  /** 意见采纳情况, once the legislature has published it (docs/domain.md#closing-the-loop). */
  adoption: z.optional(adoptionReportSchema),
});
export type Draft = z.infer<typeof draftSchema>;
