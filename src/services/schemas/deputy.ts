// A deputy (人大代表) and the deputy directory, as <rd-deputy-card> reads them, and the message
// (留言) payload it sends. docs/domain.md#deputies: 亮身份、亮承诺、亮服务.
//
// Every text field is plain text: the widget renders it as text, never as HTML.
import { z } from 'zod/mini';
import { publishedMessageSchema, replyRateSchema } from './loop.js';
import { envelope, isoDate, isoDateTime, nonEmpty, url } from './common.js';
import { receptionSchedule } from './schedule.js';

const id = z.string().check(z.trim(), z.minLength(1), z.maxLength(100));
const text = (max: number) => z.string().check(z.maxLength(max));
/** A link: http(s) or relative (see `common.url`). */
export const webUrl = url;

/** The five levels of people's congresses, as stable codes (全国/省/市(州)/县(区)/乡镇). */
export const DEPUTY_LEVELS = ['national', 'provincial', 'municipal', 'county', 'township'] as const;
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number];
/** Short labels of the levels (the widget's catalogues hold the longer "…人大代表" forms). */
export const DEPUTY_LEVEL_LABELS: Readonly<Record<DeputyLevel, { 'zh-CN': string; en: string }>> = {
  national: { 'zh-CN': '全国', en: 'National' },
  provincial: { 'zh-CN': '省', en: 'Provincial' },
  municipal: { 'zh-CN': '市/州', en: 'City / prefecture' },
  county: { 'zh-CN': '县/区', en: 'County / district' },
  township: { 'zh-CN': '乡镇', en: 'Township' },
};
export const deputyLevel = z.enum(DEPUTY_LEVELS);

/**
 * Status of the mandate: 在任 (serving), 已辞职 (resigned), 已罢免 (removed by recall),
 * 代表资格终止 (terminated, e.g. moved away or died), 暂停执行代表职务 (suspended).
 * Only `serving` deputies show the message and booking forms.
 */
export const DEPUTY_STATUSES = ['serving', 'resigned', 'removed', 'terminated', 'suspended'] as const;
export type DeputyStatusCode = (typeof DEPUTY_STATUSES)[number];
export const deputyStatus = z
  .object({
    code: z.enum(DEPUTY_STATUSES),
    /** Date the status took effect; required for every status except `serving`. */
    date: z.optional(isoDate),
    note: z.optional(text(300)),
  })
  .check(z.refine((s) => s.code === 'serving' || !!s.date, { message: 'date is required when not serving', path: ['date'] }));
export type DeputyStatus = z.infer<typeof deputyStatus>;

/** A reference to something with an id and a display name (station, group). */
export const namedRef = z.object({ id, name: nonEmpty(200) });
export type NamedRef = z.infer<typeof namedRef>;

/** 第X届: the number of the congress, with its years when known. */
export const deputyTerm = z.object({
  number: z.number().check(z.int(), z.minimum(1), z.maximum(99)),
  fromYear: z.optional(z.number().check(z.int(), z.minimum(1950), z.maximum(2200))),
  untilYear: z.optional(z.number().check(z.int(), z.minimum(1950), z.maximum(2200))),
});

/**
 * How the deputy was elected: directly, by voters in a constituency (选区, county and township
 * deputies), or indirectly, by an electing unit (原选举单位, the congress one level below).
 */
export const electedFrom = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('constituency'), name: nonEmpty(200) }),
  z.object({ kind: z.literal('electingUnit'), name: nonEmpty(200) }),
]);
export type ElectedFrom = z.infer<typeof electedFrom>;

/** A service the deputy offers (法律援助、健康咨询 …). */
export const deputyService = z.object({ name: nonEmpty(100), description: z.optional(text(1000)) });

/**
 * A contact channel the integrator chooses to publish. Default: none — citizens reach the deputy
 * through the message and booking forms (docs/domain.md#contacting-a-deputy: phone numbers are not published).
 */
export const CONTACT_KINDS = ['phone', 'email', 'wechat', 'web', 'address', 'other'] as const;
export const contactChannel = z.object({
  kind: z.enum(CONTACT_KINDS),
  /** Label shown before the value, e.g. "联络站电话". */
  label: z.optional(text(100)),
  value: nonEmpty(300),
});
export type ContactChannel = z.infer<typeof contactChannel>;

/** Handling status of a suggestion or motion (建议/议案). */
export const SUGGESTION_STATUSES = ['submitted', 'assigned', 'in-progress', 'completed'] as const;
export const dutySuggestion = z.object({
  id: z.optional(id),
  kind: z.optional(z.enum(['suggestion', 'motion'])),
  /** "关于…的建议" */
  title: nonEmpty(300),
  /** Lead deputy (领衔) or co-signer (附议). */
  role: z.optional(z.enum(['lead', 'co-signer'])),
  date: z.optional(isoDate),
  status: z.enum(SUGGESTION_STATUSES),
  url: z.optional(webUrl),
});
export type DutySuggestion = z.infer<typeof dutySuggestion>;

/** 述职: a report to voters, with a link to its text or record. */
export const dutyReport = z.object({ title: nonEmpty(300), date: isoDate, url: z.optional(webUrl) });

/** Duty record summary (履职档案, 一人一档). */
export const dutyRecord = z.object({
  suggestions: z.optional(z.array(dutySuggestion).check(z.maxLength(500))),
  /** Receptions held (接待群众) and people received, since `since`. */
  receptions: z.optional(
    z.object({
      count: z.number().check(z.int(), z.minimum(0)),
      visitors: z.optional(z.number().check(z.int(), z.minimum(0))),
      since: z.optional(isoDate),
    }),
  ),
  /** Other duty activities (视察、调研、执法检查 …) attended. */
  activities: z.optional(z.number().check(z.int(), z.minimum(0))),
  reports: z.optional(z.array(dutyReport).check(z.maxLength(100))),
});
export type DutyRecord = z.infer<typeof dutyRecord>;

/** Duty points (履职积分): a policy choice, shown only with `show-points`. */
export const dutyPoints = z.object({
  total: z.number().check(z.minimum(0), z.maximum(1_000_000)),
  year: z.optional(z.number().check(z.int(), z.minimum(1950), z.maximum(2200))),
  asOf: z.optional(isoDate),
});

export const deputyPhoto = z.object({ src: webUrl, alt: text(200) });

export const deputySchema = z.object({
  id,
  name: nonEmpty(50),
  /** Pinyin of the name, lowercase syllables separated by spaces ("zhang wei"; ü as v). */
  pinyin: z.optional(z.string().check(z.maxLength(200), z.regex(/^[a-zA-Zü]+( [a-zA-Zü]+)*$/))),
  photo: z.optional(deputyPhoto),
  level: deputyLevel,
  term: deputyTerm,
  electedFrom: z.optional(electedFrom),
  /** A higher-level deputy resident here (驻X代表), e.g. "驻青禾县". */
  residentIn: z.optional(text(100)),
  /** 代表小组 / 代表团. */
  deputyGroup: z.optional(namedRef),
  /** 专业代表小组 (sector groups). */
  sectorGroups: z.optional(z.array(namedRef).check(z.maxLength(20))),
  /** Liaison stations the deputy is assigned to (编组进站); ids link to <rd-station-map>. */
  stations: z.optional(z.array(namedRef).check(z.maxLength(20))),
  /** Occupation and position (职业/职务). */
  occupation: z.optional(text(200)),
  expertise: z.optional(z.array(nonEmpty(100)).check(z.maxLength(30))),
  services: z.optional(z.array(deputyService).check(z.maxLength(30))),
  pledges: z.optional(z.array(nonEmpty(1000)).check(z.maxLength(30))),
  bio: z.optional(text(5000)),
  /**
   * Reception schedule (the station map's format and calculator). Sessions are held at the first
   * station unless a session names its place; sessions whose duty list (rota, roster, fixed
   * deputies) does not include this deputy are left out, so a station's schedule can be reused.
   */
  receptionSchedule: z.optional(receptionSchedule),
  /** Published contact channels; absent or empty = none (the default). */
  contact: z.optional(z.array(contactChannel).check(z.maxLength(10))),
  status: deputyStatus,
  dutyRecord: z.optional(dutyRecord),
  points: z.optional(dutyPoints),
  /** Messages answered and published with the citizen's agreement (docs/domain.md#closing-the-loop). */
  messages: z.optional(z.array(publishedMessageSchema).check(z.maxLength(100))),
  /** Messages answered within the promised window. */
  replyRate: z.optional(replyRateSchema),
  updatedAt: z.optional(isoDateTime),
});
export type Deputy = z.infer<typeof deputySchema>;

/** The directory: a list of deputies (GET {endpoint}/deputies, or `src`, or `data`). */
export const deputyDirectorySchema = z.object({
  title: z.optional(text(200)),
  deputies: z.array(deputySchema).check(z.maxLength(20_000)),
  updatedAt: z.optional(isoDateTime),
});
export type DeputyDirectoryData = z.infer<typeof deputyDirectorySchema>;

// ---------------------------------------------------------------------------------------------
// Message (留言) payload: POST {endpoint}/deputy-messages

/** Default message categories (stable codes; the widget's catalogue has the labels). */
export const MESSAGE_CATEGORIES = [
  'livelihood', // 民生保障
  'urban-rural', // 城乡建设
  'environment', // 生态环境
  'economy', // 经济发展
  'social', // 教育医疗等社会事业
  'rule-of-law', // 法治与社会治理
  'other', // 其他
] as const;
const code = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/));

const phone = z.string().check(z.trim(), z.regex(/^(\+?\d[\d -]{5,18}\d)$/, 'errors.phone'));
const email = z.string().check(z.trim(), z.maxLength(200), z.regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'errors.email'));

export const MESSAGE_SUBJECT_MAX = 100;
export const MESSAGE_TEXT_MAX = 2000;

export const messageContact = z.object({
  name: z.optional(z.string().check(z.trim(), z.maxLength(50))),
  phone: z.optional(phone),
  email: z.optional(email),
});

export const deputyMessageData = z
  .object({
    deputyId: id,
    /** Station through which the message reaches the deputy (the card's first station). */
    stationId: z.optional(id),
    subject: z.string().check(z.trim(), z.minLength(1), z.maxLength(MESSAGE_SUBJECT_MAX)),
    text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MESSAGE_TEXT_MAX)),
    /** A code from MESSAGE_CATEGORIES or the integrator's own list. */
    category: code,
    /** Wants a reply: only then contact details are asked, and then one is required. */
    wantsReply: z.boolean(),
    contact: z.optional(messageContact),
    /** The message and its reply may be published (without name and contact). */
    publish: z.boolean(),
    channel: z.enum(['web', 'qr', 'kiosk']),
    consent: z.object({ version: nonEmpty(50), at: isoDateTime }),
  })
  .check(
    z.refine((d) => !d.wantsReply || !!d.contact?.phone || !!d.contact?.email, {
      message: 'deputy.errors.contactNeeded',
      path: ['contact', 'phone'],
    }),
    z.refine((d) => d.wantsReply || !d.contact || (!d.contact.phone && !d.contact.email && !d.contact.name), {
      message: 'contact only with wantsReply',
      path: ['contact'],
    }),
  );
export type DeputyMessageData = z.infer<typeof deputyMessageData>;

export const deputyMessagePayload = envelope('deputy-message', deputyMessageData);
export type DeputyMessagePayload = z.infer<typeof deputyMessagePayload>;
