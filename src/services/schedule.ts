// Reception-schedule calculator (接待时间表), shared by <rd-station-map> and <rd-deputy-card>.
//
// Pure functions over a `ReceptionSchedule` (see ./schemas/schedule.ts):
//   nextSessions(schedule, { now, count })   the next N sessions (ongoing ones included)
//   sessionsBetween(schedule, from, to)      every session held between two civil dates
//   openNow(schedule, now)                   is a reception going on right now?
//   receptionToday(schedule, now)            "今天有代表接待" — yes / no / unknown
//   describeRule / describeSchedule          "每月10日 9:00–11:30，遇节假日顺延"
//
// Times are civil times in the schedule's IANA time zone (default Asia/Shanghai), converted with
// Intl — never with the machine's time zone. Holidays come from ./holidays.ts; for years the
// calendar does not cover, sessions whose existence depends on the calendar are returned with
// `certainty: 'unknown'` instead of a guess.
import {
  HolidayCalendar,
  dayNumber,
  dayParts,
  daysInMonth,
  defaultHolidayCalendar,
  formatDay,
  isoWeekdayOf,
  parseDay,
} from './holidays.js';
import type {
  HolidayPolicy,
  ReceptionSchedule,
  ScheduleRule,
  TimeRange,
} from './schemas/schedule.js';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Time-zone math with Intl.

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is an IANA zone this browser knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock parts of an instant in a zone. */
export function zonedParts(instant: number, timeZone: string): { y: number; m: number; d: number; hour: number; minute: number; second: number } {
  const parts = formatterFor(timeZone).formatToParts(new Date(instant));
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value ?? 0);
  return { y: get('year'), m: get('month'), d: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** UTC offset of a zone at an instant, in minutes (Asia/Shanghai: 480). */
export function offsetMinutes(instant: number, timeZone: string): number {
  const p = zonedParts(instant, timeZone);
  const asUtc = Date.UTC(p.y, p.m - 1, p.d, p.hour, p.minute, p.second);
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** The instant of a civil date + `HH:MM` in a zone (in a DST gap, the later side). */
export function zonedInstant(day: number | string, hhmm: string, timeZone: string): number {
  const n = typeof day === 'number' ? day : parseDay(day);
  const [h, mi] = hhmm.split(':').map(Number);
  const local = n * DAY_MS + h * 3_600_000 + mi * 60_000;
  const off1 = offsetMinutes(local, timeZone);
  let t = local - off1 * 60_000;
  const off2 = offsetMinutes(t, timeZone);
  if (off2 !== off1) t = local - off2 * 60_000;
  return t;
}

/** Civil date (day number) and minutes since midnight of an instant in a zone. */
export function zonedDay(instant: number, timeZone: string): { day: number; minutes: number } {
  const p = zonedParts(instant, timeZone);
  return { day: dayNumber(p.y, p.m, p.d), minutes: p.hour * 60 + p.minute };
}

/** `YYYY-MM-DD` of "today" in a zone. */
export function todayIn(timeZone: string = DEFAULT_TIME_ZONE, now: number | Date = Date.now()): string {
  return formatDay(zonedDay(+now, timeZone).day);
}

/** ISO 8601 with the zone's offset, e.g. `2026-10-08T09:00:00+08:00`. */
export function isoInZone(instant: number, timeZone: string): string {
  const p = zonedParts(instant, timeZone);
  const off = offsetMinutes(instant, timeZone);
  const sign = off < 0 ? '-' : '+';
  const abs = Math.abs(off);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${p.y}-${pad(p.m)}-${pad(p.d)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// ---------------------------------------------------------------------------------------------
// Sessions.

export type Certainty = 'confirmed' | 'unknown';

/** One reception session. */
export interface Session {
  /** Civil date it is held (`YYYY-MM-DD`, in `timeZone`). */
  date: string;
  /** `HH:MM` local start and end. */
  start: string;
  end: string;
  /** Epoch milliseconds. */
  startsAt: number;
  endsAt: number;
  /** ISO 8601 with offset (for payloads). */
  startIso: string;
  endIso: string;
  timeZone: string;
  source: 'rule' | 'extra';
  /** Rule id (or `rule-<index>` when the rule has none) / extra id. */
  ruleId?: string;
  ruleIndex?: number;
  /** Nominal date when a holiday moved it (顺延/提前). */
  shiftedFrom?: string;
  /** Deputies on duty (rota, roster or fixed list). */
  deputyIds: string[];
  topic?: string;
  place?: { name: string; address?: string };
  note?: string;
  /**
   * `unknown` when whether (or where) the session takes place depends on holidays of a year the
   * calendar does not cover — show it as tentative ("以站点通知为准").
   */
  certainty: Certainty;
  /** Present (only with `includeCancelled`) when the session is cancelled. */
  cancelled?: { reason?: string };
}

export interface ScheduleOptions {
  /** Holiday calendar (bundled data + integrator years + closures). Default: bundled only. */
  calendar?: HolidayCalendar;
  /** Zone used when the schedule sets none. Default Asia/Shanghai. */
  timeZone?: string;
  /** Also return cancelled sessions, marked `cancelled`. */
  includeCancelled?: boolean;
}

interface Nominal {
  day: number;
  /** Certainty of the nominal date itself (quarterly/daily pick days by the calendar). */
  certainty: Certainty;
}

function ruleKey(rule: ScheduleRule, index: number): string {
  return rule.id ?? `rule-${index}`;
}

/** Nominal (before holiday policy) occurrence days of a rule within [from, to]. */
function nominalDays(rule: ScheduleRule, from: number, to: number, cal: HolidayCalendar): Nominal[] {
  const lo = Math.max(from, rule.from ? parseDay(rule.from) : -Infinity);
  const hi = Math.min(to, rule.until ? parseDay(rule.until) : Infinity);
  if (lo > hi) return [];
  const out: Nominal[] = [];
  const confirmed = (day: number): Nominal => ({ day, certainty: 'confirmed' });
  switch (rule.kind) {
    case 'monthly': {
      const a = dayParts(lo);
      const b = dayParts(hi);
      for (let y = a.y, m = a.m; y < b.y || (y === b.y && m <= b.m); m === 12 ? ((m = 1), y++) : m++) {
        const len = daysInMonth(y, m);
        const days = new Set<number>();
        for (const d of rule.days) {
          let actual = d > 0 ? d : len + 1 + d;
          if (actual > len) {
            if ((rule.overflow ?? 'skip') === 'skip') continue;
            actual = len;
          }
          days.add(actual);
        }
        for (const d of [...days].sort((x, y2) => x - y2)) {
          const n = dayNumber(y, m, d);
          if (n >= lo && n <= hi) out.push(confirmed(n));
        }
      }
      break;
    }
    case 'weekly': {
      const interval = rule.interval ?? 1;
      const anchorMonday = rule.anchor ? mondayOf(parseDay(rule.anchor)) : 0;
      const wanted = new Set(rule.weekdays);
      for (let n = lo; n <= hi; n++) {
        if (!wanted.has(isoWeekdayOf(n))) continue;
        if (interval > 1) {
          const weeks = (mondayOf(n) - anchorMonday) / 7;
          if (((weeks % interval) + interval) % interval !== 0) continue;
        }
        out.push(confirmed(n));
      }
      break;
    }
    case 'quarterly': {
      const a = dayParts(lo);
      const b = dayParts(hi);
      const mq = rule.monthOfQuarter ?? 2;
      for (let y = a.y; y <= b.y; y++) {
        for (let q = 0; q < 4; q++) {
          const m = q * 3 + mq;
          const len = daysInMonth(y, m);
          const [ws, we] = rule.period === 'early' ? [1, 10] : rule.period === 'late' ? [21, len] : [11, 20];
          let pick: Nominal | null = null;
          for (let d = ws; d <= we && !pick; d++) {
            const n = dayNumber(y, m, d);
            if (rule.weekday && isoWeekdayOf(n) !== rule.weekday) continue;
            const s = cal.status(n);
            if (s.working === true) pick = confirmed(n);
            else if (s.working === null) {
              // Year not covered: take the first Monday–Friday day, flagged as tentative.
              if (isoWeekdayOf(n) <= 5) pick = { day: n, certainty: 'unknown' };
            }
          }
          if (pick && pick.day >= lo && pick.day <= hi) out.push(pick);
        }
      }
      break;
    }
    case 'daily': {
      for (let n = lo; n <= hi; n++) {
        if (!rule.workdaysOnly) {
          out.push(confirmed(n));
          continue;
        }
        const s = cal.status(n);
        if (s.working === true) out.push(confirmed(n));
        else if (s.working === null && isoWeekdayOf(n) <= 5) out.push({ day: n, certainty: 'unknown' });
      }
      break;
    }
    case 'dates': {
      for (const d of rule.dates) {
        const n = parseDay(d);
        if (n >= lo && n <= hi) out.push(confirmed(n));
      }
      out.sort((x, y) => x.day - y.day);
      break;
    }
  }
  return out;
}

function mondayOf(n: number): number {
  return n - (isoWeekdayOf(n) - 1);
}

/** Which policy a rule uses: quarterly and working-days-only daily rules already pick working days. */
function policyOf(rule: ScheduleRule): HolidayPolicy {
  return rule.onHoliday ?? 'skip';
}

/**
 * Apply the holiday policy to a nominal day. Returns the actual day and certainty, or null when
 * the session does not take place.
 */
function applyPolicy(
  rule: ScheduleRule,
  nominal: Nominal,
  cal: HolidayCalendar,
): { day: number; certainty: Certainty; shifted: boolean } | null {
  const s = cal.status(nominal.day);
  const policy = policyOf(rule);
  // A local closure shuts the station: even `hold` sessions do not take place (shifts still apply).
  if (s.kind === 'closure' && (policy === 'skip' || policy === 'hold')) return null;
  if (policy === 'hold') return { day: nominal.day, certainty: nominal.certainty, shifted: false };
  if (s.working === null) return { day: nominal.day, certainty: 'unknown', shifted: false };
  // Official holidays and closures always count; an ordinary weekend only for day-of-month rules
  // (a weekly rule on Saturday, or an explicit date, chose that weekend day on purpose).
  const off = s.kind === 'holiday' || s.kind === 'closure' || (s.kind === 'weekend' && rule.kind === 'monthly');
  if (!off) return { day: nominal.day, certainty: nominal.certainty, shifted: false };
  if (policy === 'skip') return null;
  const dir = policy === 'next-workday' ? 1 : -1;
  const adj = cal.adjacentWorkingDay(nominal.day, dir);
  if (adj.day !== null) return { day: adj.day, certainty: nominal.certainty, shifted: true };
  if (adj.unknown) {
    // The shift runs into an uncovered year: the next Monday–Friday, flagged as tentative.
    let n = nominal.day + dir;
    while (isoWeekdayOf(n) > 5) n += dir;
    return { day: n, certainty: 'unknown', shifted: true };
  }
  return null;
}

/** Ordinal of a nominal occurrence counted from the rota's anchor (negative before it). */
function rotaOrdinal(rule: ScheduleRule, day: number, anchor: number, cal: HolidayCalendar): number {
  if (day >= anchor) return nominalDays(rule, anchor, day - 1, cal).length;
  return -nominalDays(rule, day, anchor - 1, cal).length;
}

/** Deputies on duty for a rule's nominal occurrence. */
export function dutyFor(rule: ScheduleRule, nominalDate: string | number, calendar: HolidayCalendar = defaultHolidayCalendar): string[] {
  const day = typeof nominalDate === 'number' ? nominalDate : parseDay(nominalDate);
  const duty = rule.duty;
  if (duty) {
    const date = formatDay(day);
    const pinned = duty.roster?.find((r) => r.date === date);
    if (pinned) return [...pinned.deputyIds];
    const list = duty.deputyIds;
    const per = Math.min(duty.perSession ?? 1, list.length);
    const k = rotaOrdinal(rule, day, parseDay(duty.anchor), calendar);
    const out: string[] = [];
    for (let j = 0; j < per; j++) out.push(list[(((k * per + j) % list.length) + list.length) % list.length]);
    return out;
  }
  return [...(rule.deputyIds ?? [])];
}

function resolveZone(schedule: ReceptionSchedule, options: ScheduleOptions): string {
  const tz = schedule.timeZone ?? options.timeZone ?? DEFAULT_TIME_ZONE;
  return isValidTimeZone(tz) ? tz : DEFAULT_TIME_ZONE;
}

// Mainland China's zones (IANA keeps a few historical aliases). A schedule in any other zone (an
// overseas 联侨 point) does not follow China's 放假/调休: weekends and its own closures only.
const CHINA_ZONES = new Set(['Asia/Shanghai', 'Asia/Chongqing', 'Asia/Chungking', 'Asia/Harbin', 'Asia/Urumqi', 'Asia/Kashgar', 'PRC']);
const overseasCalendar = new HolidayCalendar({ official: false });

function calendarFor(schedule: ReceptionSchedule, options: ScheduleOptions): HolidayCalendar {
  const tz = schedule.timeZone;
  const base = tz && !CHINA_ZONES.has(tz) ? overseasCalendar : (options.calendar ?? defaultHolidayCalendar);
  return base.withClosures(schedule.closures);
}

/**
 * Margin (days) around a window so sessions moved into it are seen: as far as a move may go
 * (HolidayCalendar.adjacentWorkingDay searches 60 days, for long local closures) and a little more.
 */
const SHIFT_MARGIN = 62;

/**
 * Every session held on civil dates `from`…`to` (inclusive, `YYYY-MM-DD` or day numbers), sorted
 * by start. Cancelled sessions are left out unless `includeCancelled`.
 */
export function sessionsBetween(
  schedule: ReceptionSchedule,
  from: string | number,
  to: string | number,
  options: ScheduleOptions = {},
): Session[] {
  const lo = typeof from === 'number' ? from : parseDay(from);
  const hi = typeof to === 'number' ? to : parseDay(to);
  const tz = resolveZone(schedule, options);
  const cal = calendarFor(schedule, options);
  const out: Session[] = [];
  const seen = new Map<string, Session>();

  schedule.rules.forEach((rule, index) => {
    const id = ruleKey(rule, index);
    for (const nominal of nominalDays(rule, lo - SHIFT_MARGIN, hi + SHIFT_MARGIN, cal)) {
      const actual = applyPolicy(rule, nominal, cal);
      if (!actual || actual.day < lo || actual.day > hi) continue;
      const deputyIds = dutyFor(rule, nominal.day, cal);
      for (const t of rule.times) {
        const key = `${id}|${actual.day}|${t.start}`;
        const same = seen.get(key);
        if (same) {
          // A moved session landed on another occurrence of the same rule: one session, with
          // every deputy due at either.
          for (const d of deputyIds) if (!same.deputyIds.includes(d)) same.deputyIds.push(d);
          continue;
        }
        const session = makeSession(actual.day, t, tz, {
            source: 'rule',
            ruleId: id,
            ruleIndex: index,
            shiftedFrom: actual.shifted ? formatDay(nominal.day) : undefined,
            deputyIds,
            topic: rule.topic,
            note: rule.note,
            certainty: actual.certainty,
          });
        seen.set(key, session);
        out.push(session);
      }
    }
  });

  // An index loop, not .entries(): Prototype.js 1.6 (on many old portals) replaces
  // Array.prototype.entries with a copy of the items.
  const extras = schedule.extra ?? [];
  for (let i = 0; i < extras.length; i++) {
    const extra = extras[i]!;
    const n = parseDay(extra.date);
    if (n < lo || n > hi) continue;
    out.push(
      makeSession(n, { start: extra.start, end: extra.end }, tz, {
        source: 'extra',
        ruleId: extra.id ?? `extra-${i}`,
        deputyIds: [...(extra.deputyIds ?? [])],
        topic: extra.topic,
        place: extra.place,
        note: extra.note,
        certainty: 'confirmed',
      }),
    );
  }

  const cancellations = schedule.cancelled ?? [];
  const result: Session[] = [];
  for (const s of out) {
    // A cancellation removes the regular sessions of that day; a one-off session added for the
    // same day (often the replacement) is only removed when named by its id.
    const c = cancellations.find(
      (x) => x.date === s.date && (x.ruleId ? x.ruleId === s.ruleId : s.source === 'rule') && (!x.start || x.start === s.start),
    );
    if (!c) result.push(s);
    else if (options.includeCancelled) result.push({ ...s, cancelled: { reason: c.reason } });
  }
  return result.sort((a, b) => a.startsAt - b.startsAt || a.endsAt - b.endsAt);
}

function makeSession(
  day: number,
  t: TimeRange,
  tz: string,
  rest: Omit<Session, 'date' | 'start' | 'end' | 'startsAt' | 'endsAt' | 'startIso' | 'endIso' | 'timeZone'>,
): Session {
  const startsAt = zonedInstant(day, t.start, tz);
  const endsAt = zonedInstant(day, t.end, tz);
  const session: Session = {
    date: formatDay(day),
    start: t.start,
    end: t.end,
    startsAt,
    endsAt,
    startIso: isoInZone(startsAt, tz),
    endIso: isoInZone(endsAt, tz),
    timeZone: tz,
    ...rest,
  };
  for (const k of Object.keys(session) as (keyof Session)[]) if (session[k] === undefined) delete session[k];
  return session;
}

export interface NextSessionsOptions extends ScheduleOptions {
  /** Reference instant (default: now). */
  now?: number | Date;
  /** How many sessions (default 5). */
  count?: number;
  /** How far ahead to look, in days (default 400). */
  horizonDays?: number;
  /** Include a session going on at `now` (default true). */
  includeOngoing?: boolean;
}

/** The next `count` sessions after `now` (a session still going on counts unless `includeOngoing: false`). */
export function nextSessions(schedule: ReceptionSchedule, options: NextSessionsOptions = {}): Session[] {
  const now = +(options.now ?? Date.now());
  const count = options.count ?? 5;
  const horizon = options.horizonDays ?? 400;
  const tz = resolveZone(schedule, options);
  const today = zonedDay(now, tz).day;
  const out: Session[] = [];
  const step = 35;
  for (let start = today; start <= today + horizon && out.length < count; start += step) {
    const end = Math.min(start + step - 1, today + horizon);
    for (const s of sessionsBetween(schedule, start, end, options)) {
      const keep = options.includeOngoing === false ? s.startsAt >= now : s.endsAt > now;
      if (keep) out.push(s);
      if (out.length >= count) break;
    }
  }
  return out.slice(0, count);
}

export interface OpenNow {
  /** A session is going on right now. */
  open: boolean;
  /** The ongoing session (when open). */
  session?: Session;
  /** The next session that starts after now. */
  next?: Session;
  /** `unknown` when the ongoing (or, when closed, the next) session is tentative. */
  certainty: Certainty;
}

/** Is a reception going on at `now`? */
export function openNow(schedule: ReceptionSchedule, now: number | Date = Date.now(), options: ScheduleOptions = {}): OpenNow {
  const t = +now;
  const upcoming = nextSessions(schedule, { ...options, now: t, count: 4 });
  const session = upcoming.find((s) => s.startsAt <= t && s.endsAt > t);
  const next = upcoming.find((s) => s.startsAt > t);
  const ref = session ?? next;
  return { open: !!session, session, next, certainty: ref?.certainty ?? 'confirmed' };
}

export interface ReceptionToday {
  /** `yes`: a confirmed session today; `unknown`: only tentative ones; `no`: none. */
  status: 'yes' | 'no' | 'unknown';
  /** Today's date in the schedule's zone. */
  date: string;
  sessions: Session[];
  /** Deputies on duty today (all sessions, de-duplicated, in order). */
  deputyIds: string[];
}

/** "今天有代表接待": sessions held today in the schedule's zone. */
export function receptionToday(schedule: ReceptionSchedule, now: number | Date = Date.now(), options: ScheduleOptions = {}): ReceptionToday {
  const tz = resolveZone(schedule, options);
  const day = zonedDay(+now, tz).day;
  const sessions = sessionsBetween(schedule, day, day, options);
  const status = sessions.some((s) => s.certainty === 'confirmed') ? 'yes' : sessions.length ? 'unknown' : 'no';
  const deputyIds = [...new Set(sessions.flatMap((s) => s.deputyIds))];
  return { status, date: formatDay(day), sessions, deputyIds };
}

// ---------------------------------------------------------------------------------------------
// Human-readable descriptions.

export type DescribeLocale = 'zh-CN' | 'en';

const ZH_WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const EN_WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `09:00` → `9:00`. */
export function shortTime(hhmm: string): string {
  return hhmm.replace(/^0(\d)/, '$1');
}
function timesText(times: readonly TimeRange[], locale: DescribeLocale): string {
  return times.map((t) => `${shortTime(t.start)}–${shortTime(t.end)}`).join(locale === 'en' ? ', ' : '、');
}
function ordinalEn(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}
function listEn(items: string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
/** A civil date for humans: 2026年10月8日 / 8 Oct 2026 (year omitted when `withYear` is false). */
export function formatDateText(date: string, locale: DescribeLocale, withYear = true): string {
  const [y, m, d] = date.split('-').map(Number);
  if (locale === 'en') return withYear ? `${d} ${EN_MONTHS[m - 1]} ${y}` : `${d} ${EN_MONTHS[m - 1]}`;
  return withYear ? `${y}年${m}月${d}日` : `${m}月${d}日`;
}
/** Weekday name of a civil date: 周四 / Thursday. */
export function weekdayText(date: string, locale: DescribeLocale): string {
  const w = isoWeekdayOf(parseDay(date));
  return locale === 'en' ? EN_WEEKDAYS[w - 1] : `周${ZH_WEEKDAYS[w - 1]}`;
}

/**
 * One rule in words, e.g. `每月10日 9:00–11:30，遇节假日顺延` /
 * `Monthly on the 10th, 9:00–11:30; moved to the next working day on holidays`.
 */
export function describeRule(rule: ScheduleRule, locale: DescribeLocale = 'zh-CN'): string {
  const en = locale === 'en';
  let when = '';
  switch (rule.kind) {
    case 'monthly': {
      const pos = rule.days.filter((d) => d > 0).sort((a, b) => a - b);
      const neg = rule.days.filter((d) => d < 0).sort((a, b) => b - a);
      if (en) {
        const parts = [...pos.map(ordinalEn), ...neg.map((d) => (d === -1 ? 'last day' : `${ordinalEn(-d)}-to-last day`))];
        when = `Monthly on the ${listEn(parts)}`;
      } else {
        const parts = [...pos.map((d) => `${d}日`), ...neg.map((d) => (d === -1 ? '最后一天' : `倒数第${-d}天`))];
        when = `每月${parts.join('、')}`;
      }
      break;
    }
    case 'weekly': {
      const days = [...rule.weekdays].sort((a, b) => a - b);
      const interval = rule.interval ?? 1;
      if (en) {
        const names = listEn(days.map((d) => EN_WEEKDAYS[d - 1]));
        when = interval === 1 ? `Every ${names}` : interval === 2 ? `Every other ${names}` : `Every ${interval} weeks on ${names}`;
      } else {
        const names = days.map((d) => ZH_WEEKDAYS[d - 1]).join('、');
        when = interval === 1 ? `每周${names}` : interval === 2 ? `隔周周${names}` : `每${interval}周周${names}`;
      }
      break;
    }
    case 'quarterly': {
      const mq = rule.monthOfQuarter ?? 2;
      const months = [0, 1, 2, 3].map((q) => q * 3 + mq);
      const period = rule.period ?? 'mid';
      if (en) {
        const p = period === 'early' ? 'early' : period === 'late' ? 'late' : 'mid';
        const win = period === 'early' ? '1st–10th' : period === 'late' ? '21st–end' : '11th–20th';
        const first = rule.weekday ? `first working ${EN_WEEKDAYS[rule.weekday - 1]}` : 'first working day';
        when = `Quarterly, ${p}-${EN_MONTHS[months[0] - 1]}/${EN_MONTHS[months[1] - 1]}/${EN_MONTHS[months[2] - 1]}/${EN_MONTHS[months[3] - 1]} (${first} of the ${win})`;
      } else {
        const p = period === 'early' ? '上旬' : period === 'late' ? '下旬' : '中旬';
        const win = period === 'early' ? '1–10日' : period === 'late' ? '21日至月末' : '11–20日';
        const first = rule.weekday ? `首个工作日周${ZH_WEEKDAYS[rule.weekday - 1]}` : '首个工作日';
        when = `每季度${mq === 2 ? '' : `第${mq}个月`}${p}（${months.join('、')}月${win}${first}）`;
      }
      break;
    }
    case 'daily': {
      const range = rangeText(rule.from!, rule.until!, locale);
      when = en ? `${rule.workdaysOnly ? 'Every working day' : 'Every day'} ${range}` : `${range}${rule.workdaysOnly ? '每个工作日' : '每天'}`;
      break;
    }
    case 'dates': {
      const sorted = [...rule.dates].sort();
      // Dates in more than one year carry their year, or "12月17日、1月7日" reads backwards.
      const years = new Set(sorted.map((d) => d.slice(0, 4)));
      const shown = sorted.slice(0, 6).map((d) => formatDateText(d, locale, years.size > 1));
      const more = sorted.length - shown.length;
      when = en
        ? `On ${shown.join(', ')}${more > 0 ? ` and ${more} more days` : ''}`
        : `${shown.join('、')}${more > 0 ? `等${sorted.length}天` : ''}`;
      break;
    }
  }
  let text = `${when}${en ? ', ' : ' '}${timesText(rule.times, locale)}`;
  const policy = policyOf(rule);
  const fixedDates = rule.kind === 'monthly' || rule.kind === 'dates';
  if (policy === 'next-workday') text += en ? '; moved to the next working day on holidays' : '，遇节假日顺延';
  else if (policy === 'previous-workday') text += en ? '; brought forward to the previous working day on holidays' : '，遇节假日提前';
  else if (policy === 'hold') text += en ? '; held on holidays too' : '，节假日照常';
  else if (fixedDates) text += en ? '; not held on holidays' : '，遇节假日暂停';
  if (rule.kind !== 'daily' && (rule.from || rule.until)) {
    if (rule.from && rule.until) text += en ? ` (${rangeText(rule.from, rule.until, locale)})` : `（${rangeText(rule.from, rule.until, locale)}）`;
    else if (rule.from) text += en ? ` (from ${formatDateText(rule.from, locale)})` : `（${formatDateText(rule.from, locale)}起）`;
    else text += en ? ` (until ${formatDateText(rule.until!, locale)})` : `（至${formatDateText(rule.until!, locale)}）`;
  }
  if (rule.topic) text += en ? `; topic: ${rule.topic}` : `，主题：${rule.topic}`;
  if (rule.duty) text += en ? '; deputies on duty in rotation' : '，代表轮流坐班';
  return text;
}

function rangeText(from: string, until: string, locale: DescribeLocale): string {
  return locale === 'en'
    ? `from ${formatDateText(from, locale)} to ${formatDateText(until, locale)}`
    : `${formatDateText(from, locale)}至${formatDateText(until, locale, from.slice(0, 4) !== until.slice(0, 4))}`;
}

/** Every rule in words, then the schedule's note; the zone is named when it is not Asia/Shanghai. */
export function describeSchedule(schedule: ReceptionSchedule, locale: DescribeLocale = 'zh-CN'): string[] {
  const lines = schedule.rules.map((r) => describeRule(r, locale));
  const tz = schedule.timeZone;
  if (tz && tz !== DEFAULT_TIME_ZONE) lines.push(locale === 'en' ? `Times are local time (${tz}).` : `以上为当地时间（${tz}）。`);
  return lines;
}

/** A session in words: `10月8日（周四）9:00–11:30` / `Thu 8 Oct, 9:00–11:30`. */
export function describeSession(s: Session, locale: DescribeLocale = 'zh-CN', withYear = false): string {
  if (locale === 'en') {
    return `${weekdayText(s.date, 'en').slice(0, 3)} ${formatDateText(s.date, 'en', withYear)}, ${shortTime(s.start)}–${shortTime(s.end)}`;
  }
  return `${formatDateText(s.date, 'zh-CN', withYear)}（${weekdayText(s.date, 'zh-CN')}）${shortTime(s.start)}–${shortTime(s.end)}`;
}
