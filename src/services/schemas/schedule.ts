// Reception schedule (接待时间表) of a liaison station or a deputy — shared by <rd-station-map> and
// <rd-deputy-card>. Pure data; the calculator lives in ../schedule.ts.
//
// A schedule is a list of rules (each with one or more time ranges), plus one-off extra sessions,
// cancellations and local closures, in one IANA time zone (Asia/Shanghai unless set).
import { z } from 'zod/mini';
import { isoDate } from './common.js';

function knownTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** `HH:MM`, 24-hour clock, 00:00–23:59 (24:00 is allowed as an end). */
export const clockTime = z.string().check(z.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/));

/** One time range on a reception day, e.g. 09:00–11:30. `end` must be later than `start`. */
export const timeRange = z
  .object({ start: clockTime, end: clockTime })
  .check(z.refine((t) => t.start < t.end, { message: 'end must be later than start', path: ['end'] }));
export type TimeRange = z.infer<typeof timeRange>;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export const isoWeekday = z.number().check(z.int(), z.minimum(1), z.maximum(7));

/**
 * What happens when a session's date is an official holiday (放假), a local closure, or — for
 * day-of-month (`monthly`) rules only — an ordinary weekend. A make-up working day (调休上班) is a
 * working day. Weekly rules and explicit dates that fall on a weekend chose that day on purpose and
 * are not moved. Days in years the holiday calendar does not cover give tentative sessions.
 * Local closures cancel even `hold` sessions.
 * - `skip` (default): no session that day;
 * - `next-workday`: 遇节假日顺延至后第一个工作日 — moved to the first working day after it
 *   (make-up working days 调休上班 count as working days);
 * - `previous-workday`: moved to the last working day before it (提前);
 * - `hold`: held anyway (e.g. a weekend 代表大集).
 */
export const holidayPolicy = z.enum(['skip', 'next-workday', 'previous-workday', 'hold']);
export type HolidayPolicy = z.infer<typeof holidayPolicy>;

/**
 * Rotating duty list (轮流坐班): the n-th occurrence of the rule counted from `anchor` (the first
 * nominal occurrence on or after `anchor` is number 0) is staffed by `perSession` deputies taken
 * in order from `deputyIds`, wrapping around. Occurrences are counted before holiday shifts and
 * cancellations, so a cancelled session does not push the rota back.
 * `roster` pins named deputies to given dates (nominal dates) and wins over the rotation.
 */
export const dutyRota = z.object({
  deputyIds: z.array(z.string().check(z.minLength(1), z.maxLength(100))).check(z.minLength(1), z.maxLength(500)),
  perSession: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(20))),
  anchor: isoDate,
  roster: z.optional(
    z.array(z.object({ date: isoDate, deputyIds: z.array(z.string().check(z.minLength(1), z.maxLength(100))) })),
  ),
});
export type DutyRota = z.infer<typeof dutyRota>;

const ruleCommon = {
  /** Stable id (used by cancellations, rota and payloads). */
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** One or more time ranges on each reception day (上午/下午). */
  times: z.array(timeRange).check(z.minLength(1), z.maxLength(6)),
  /** First date the rule applies (inclusive, local date). */
  from: z.optional(isoDate),
  /** Last date the rule applies (inclusive). */
  until: z.optional(isoDate),
  onHoliday: z.optional(holidayPolicy),
  /** Theme of the sessions (议题式接待), e.g. "营商环境". */
  topic: z.optional(z.string().check(z.maxLength(200))),
  /** Fixed deputies for every session (when there is no rota). */
  deputyIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100)))),
  duty: z.optional(dutyRota),
  /** Free text shown with the rule (e.g. "请提前一天电话预约"). */
  note: z.optional(z.string().check(z.maxLength(500))),
};

/**
 * 每月N日: fixed days of every month. Positive days count from the 1st; negative days from the
 * end (-1 = last day of the month). A day the month does not have (31 in February, 30 in
 * February) is skipped unless `overflow` is `clamp` (then the last day of the month).
 */
export const monthlyRule = z.object({
  kind: z.literal('monthly'),
  days: z
    .array(z.number().check(z.int(), z.minimum(-7), z.maximum(31), z.refine((d) => d !== 0, 'day 0 does not exist')))
    .check(z.minLength(1), z.maxLength(31)),
  overflow: z.optional(z.enum(['skip', 'clamp'])),
  ...ruleCommon,
});

/**
 * 每周X (interval 1) or 隔周X (interval 2, …): weekdays every `interval` weeks. With an interval
 * above 1, `anchor` (a date in a week that has sessions) is required; weeks are Monday-based.
 */
export const weeklyRule = z
  .object({
    kind: z.literal('weekly'),
    weekdays: z.array(isoWeekday).check(z.minLength(1), z.maxLength(7)),
    interval: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(8))),
    anchor: z.optional(isoDate),
    ...ruleCommon,
  })
  .check(
    z.refine((r) => (r.interval ?? 1) === 1 || !!r.anchor, {
      message: 'anchor is required when interval > 1',
      path: ['anchor'],
    }),
  );

/**
 * 每季度上旬/中旬/下旬: one session per quarter, in month `monthOfQuarter` of the quarter
 * (1–3; default 2, i.e. Feb, May, Aug, Nov), in the window `period`: `early` = days 1–10 (上旬),
 * `mid` = days 11–20 (中旬, default), `late` = day 21 to month end (下旬). The session is on the
 * first working day of the window (official calendar + local closures), or the first working
 * `weekday` in it when one is given. If no working day is in the window the quarter has no session.
 */
export const quarterlyRule = z.object({
  kind: z.literal('quarterly'),
  monthOfQuarter: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(3))),
  period: z.optional(z.enum(['early', 'mid', 'late'])),
  weekday: z.optional(isoWeekday),
  ...ruleCommon,
});

/**
 * Every day in a date range (`from`–`until`, both required), optionally working days only
 * (集中接待周, 代表活动月).
 */
export const dailyRule = z
  .object({
    kind: z.literal('daily'),
    workdaysOnly: z.optional(z.boolean()),
    ...ruleCommon,
  })
  .check(z.refine((r) => !!r.from && !!r.until, { message: 'from and until are required', path: ['until'] }));

/** An explicit list of dates (a published timetable). */
export const datesRule = z.object({
  kind: z.literal('dates'),
  dates: z.array(isoDate).check(z.minLength(1), z.maxLength(400)),
  ...ruleCommon,
});

export const scheduleRule = z
  .union([monthlyRule, weeklyRule, quarterlyRule, dailyRule, datesRule])
  .check(z.refine((r) => !r.from || !r.until || r.from <= r.until, { message: 'until must not be before from', path: ['until'] }));
export type ScheduleRule = z.infer<typeof scheduleRule>;
export type MonthlyRule = z.infer<typeof monthlyRule>;
export type WeeklyRule = z.infer<typeof weeklyRule>;
export type QuarterlyRule = z.infer<typeof quarterlyRule>;
export type DailyRule = z.infer<typeof dailyRule>;
export type DatesRule = z.infer<typeof datesRule>;

/** A place away from the station (market, village square) for a one-off session. */
export const sessionPlace = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  address: z.optional(z.string().check(z.maxLength(300))),
});

/** A one-off extra session (代表大集, 专题接待). Held regardless of holidays. */
export const extraSession = z.object({
  id: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  date: isoDate,
  start: clockTime,
  end: clockTime,
  topic: z.optional(z.string().check(z.maxLength(200))),
  deputyIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(100)))),
  place: z.optional(sessionPlace),
  note: z.optional(z.string().check(z.maxLength(500))),
}).check(z.refine((e) => e.start < e.end, { message: 'end must be later than start', path: ['end'] }));
export type ExtraSession = z.infer<typeof extraSession>;

/**
 * Cancels sessions on `date` (the date the session would actually be held, after any holiday
 * shift): all of them, or only those of rule `ruleId`, or only the one starting at `start`.
 */
export const cancellation = z.object({
  date: isoDate,
  ruleId: z.optional(z.string().check(z.maxLength(100))),
  start: z.optional(clockTime),
  reason: z.optional(z.string().check(z.maxLength(300))),
});
export type Cancellation = z.infer<typeof cancellation>;

/** Local closure (装修, 换届, 防汛): days the station is shut, treated as non-working days. */
export const closure = z.object({
  from: isoDate,
  until: z.optional(isoDate),
  reason: z.optional(z.string().check(z.maxLength(300))),
});
export type Closure = z.infer<typeof closure>;

export const receptionSchedule = z.object({
  /** IANA time zone; default Asia/Shanghai (overseas 联侨联络点 set their own). */
  timeZone: z.optional(
    z.string().check(z.minLength(1), z.maxLength(64), z.refine(knownTimeZone, 'unknown IANA time zone')),
  ),
  rules: z.array(scheduleRule).check(z.maxLength(50)),
  extra: z.optional(z.array(extraSession).check(z.maxLength(500))),
  cancelled: z.optional(z.array(cancellation).check(z.maxLength(500))),
  closures: z.optional(z.array(closure).check(z.maxLength(200))),
  /** Shown under the timetable, e.g. "如遇临时调整以站内公告为准". */
  note: z.optional(z.string().check(z.maxLength(500))),
});
export type ReceptionSchedule = z.infer<typeof receptionSchedule>;

/**
 * Holiday and make-up working-day data an integrator supplies for years the bundled calendar
 * (chinese-days) does not know yet, or to correct it: per year, date → name. Supplying a year
 * makes it "known"; the bundled data for that year is then replaced, not merged.
 */
export const holidayYear = z.object({
  holidays: z.record(isoDate, z.string().check(z.maxLength(100))),
  workdays: z.record(isoDate, z.string().check(z.maxLength(100))),
});
export const holidayCalendarData = z.object({
  years: z.optional(z.record(z.string().check(z.regex(/^\d{4}$/)), holidayYear)),
  closures: z.optional(z.array(closure)),
});
export type HolidayCalendarData = z.infer<typeof holidayCalendarData>;
