// China's official holiday calendar (放假 and 调休上班) — a table generated from the maintained
// `chinese-days` package (scripts/gen-holidays.mjs) — plus integrator-supplied years and local
// closures.
//
// The bundled calendar only knows the years the State Council has announced (2020–2026 from
// chinese-days 1.5.7). For any other year the answer is `unknown` — never a weekday-based guess — unless the
// integrator supplies that year's data.
//
// All dates are civil dates (`YYYY-MM-DD`) in the place's own calendar; nothing here depends on
// the machine's time zone.
import { HOLIDAY_DATA } from './generated/holiday-data.js';
import type { Closure, HolidayCalendarData } from './schemas/schedule.js';

export type DayKind =
  /** Monday–Friday, no holiday. */
  | 'workday'
  /** Saturday/Sunday, not a make-up working day. */
  | 'weekend'
  /** Official public holiday (放假). */
  | 'holiday'
  /** Weekend day made a working day (调休上班). */
  | 'makeup-workday'
  /** Local closure (the station is shut). */
  | 'closure'
  /** The calendar does not cover this year: holidays there are not known. */
  | 'unknown';

export interface DayStatus {
  date: string;
  kind: DayKind;
  /** `true`/`false` when known; `null` when the year is not covered. */
  working: boolean | null;
  /** Holiday/closure name: zh-CN and English where known. */
  name?: { zh: string; en: string };
  /** Where the answer comes from. */
  source: 'bundled' | 'integrator' | 'closure' | 'none';
}

export interface HolidayCalendarOptions {
  /** Integrator data (years the bundled package lacks, corrections) and closures. */
  data?: HolidayCalendarData;
  /** Extra local closures (e.g. one station's). */
  closures?: readonly Closure[];
  /**
   * `false` for a place outside mainland China (an overseas 联侨 point): China's 放假 and 调休
   * do not apply there; only weekends and the closures given count, and every year is known.
   */
  official?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Civil-date helpers (UTC arithmetic only; exported for the schedule calculator).

export { dayNumber, parseDay, dayParts, formatDay, localDay, isoWeekdayOf, daysInMonth } from './days.js';
import { dayNumber, parseDay, dayParts, formatDay, isoWeekdayOf } from './days.js';

// ---------------------------------------------------------------------------------------------
// Bundled data: generated from the maintained chinese-days package by scripts/gen-holidays.mjs
// (src/services/generated/holiday-data.ts), read once per year and cached.

interface YearTable {
  holidays: Map<string, { zh: string; en: string }>;
  workdays: Map<string, { zh: string; en: string }>;
}
const bundledYears = new Map<number, YearTable | null>();

function parseName(raw: string): { zh: string; en: string } {
  const [zh, en] = raw.split('|');
  return { zh: zh || en, en: en || zh };
}

/** Expands "MMDD[-MMDD] 名称|Name" rows of one year into a date → name map. */
function expand(y: number, rows: readonly string[], into: Map<string, { zh: string; en: string }>) {
  for (const row of rows) {
    const sp = row.indexOf(' ');
    const [from, to = from] = row.slice(0, sp).split('-');
    const name = parseName(row.slice(sp + 1));
    const a = dayNumber(y, Number(from.slice(0, 2)), Number(from.slice(2)));
    const b = dayNumber(y, Number(to.slice(0, 2)), Number(to.slice(2)));
    for (let n = a; n <= b; n++) into.set(formatDay(n), name);
  }
}

/** The bundled table for a year, or null when the bundled calendar has nothing for it. */
function bundledYear(y: number): YearTable | null {
  if (bundledYears.has(y)) return bundledYears.get(y)!;
  const data = HOLIDAY_DATA[y];
  let table: YearTable | null = null;
  if (data) {
    table = { holidays: new Map(), workdays: new Map() };
    expand(y, data.h, table.holidays);
    expand(y, data.w, table.workdays);
  }
  bundledYears.set(y, table);
  return table;
}

/** Years the bundled calendar covers (generated from chinese-days). */
export function bundledYearsCovered(fromYear = 2004, toYear = new Date().getUTCFullYear() + 2): number[] {
  const out: number[] = [];
  for (let y = fromYear; y <= toYear; y++) if (bundledYear(y)) out.push(y);
  return out;
}

// ---------------------------------------------------------------------------------------------

/**
 * A holiday calendar: bundled official data + integrator years + closures.
 *
 * ```ts
 * const cal = new HolidayCalendar({ closures: [{ from: '2026-12-01', until: '2026-12-03', reason: '装修' }] });
 * cal.status('2026-10-01')  // { kind: 'holiday', working: false, name: { zh: '国庆节', … } }
 * cal.status('2026-10-10')  // { kind: 'makeup-workday', working: true }
 * cal.status('2027-03-03')  // { kind: 'unknown', working: null }
 * ```
 */
export class HolidayCalendar {
  private readonly years = new Map<number, YearTable>();
  private readonly closures: { from: number; until: number; reason?: string }[] = [];
  private readonly cache = new Map<number, DayStatus>();

  private readonly official: boolean;

  constructor(options: HolidayCalendarOptions = {}) {
    this.official = options.official ?? true;
    for (const [year, table] of Object.entries(options.data?.years ?? {})) {
      const t: YearTable = { holidays: new Map(), workdays: new Map() };
      for (const [date, name] of Object.entries(table.holidays)) t.holidays.set(date, splitName(name));
      for (const [date, name] of Object.entries(table.workdays)) t.workdays.set(date, splitName(name));
      this.years.set(Number(year), t);
    }
    for (const c of [...(options.data?.closures ?? []), ...(options.closures ?? [])]) {
      this.closures.push({ from: parseDay(c.from), until: parseDay(c.until ?? c.from), reason: c.reason });
    }
  }

  /** A calendar with more closures (e.g. one station's) on top of this one's data. */
  withClosures(closures: readonly Closure[] | undefined): HolidayCalendar {
    if (!closures?.length) return this;
    const copy = new HolidayCalendar({ official: this.official });
    for (const [y, t] of this.years) copy.years.set(y, t);
    copy.closures.push(...this.closures);
    for (const c of closures) copy.closures.push({ from: parseDay(c.from), until: parseDay(c.until ?? c.from), reason: c.reason });
    return copy;
  }

  /** Whether holidays of `year` are known (integrator data or bundled). */
  covers(year: number): boolean {
    return !this.official || this.years.has(year) || bundledYear(year) !== null;
  }

  /** Status of a civil date (`YYYY-MM-DD` or a day number). */
  status(date: string | number): DayStatus {
    const n = typeof date === 'number' ? date : parseDay(date);
    const hit = this.cache.get(n);
    if (hit) return hit;
    const result = this.compute(n);
    this.cache.set(n, result);
    return result;
  }

  /** `true`/`false`, or `null` when unknown. */
  isWorkingDay(date: string | number): boolean | null {
    return this.status(date).working;
  }

  /**
   * First working day strictly after (`direction` 1) or before (-1) `date`, searching up to
   * `limit` days. Returns `{ date: null, unknown: true }` when an uncovered year is reached first.
   */
  adjacentWorkingDay(date: string | number, direction: 1 | -1 = 1, limit = 60): { day: number | null; unknown: boolean } {
    let n = typeof date === 'number' ? date : parseDay(date);
    for (let i = 0; i < limit; i++) {
      n += direction;
      const s = this.status(n);
      if (s.working === null) return { day: null, unknown: true };
      if (s.working) return { day: n, unknown: false };
    }
    return { day: null, unknown: false };
  }

  private compute(n: number): DayStatus {
    const date = formatDay(n);
    for (const c of this.closures) {
      if (n >= c.from && n <= c.until) {
        return { date, kind: 'closure', working: false, source: 'closure', name: c.reason ? { zh: c.reason, en: c.reason } : undefined };
      }
    }
    if (!this.official) {
      return isoWeekdayOf(n) >= 6 ? { date, kind: 'weekend', working: false, source: 'none' } : { date, kind: 'workday', working: true, source: 'none' };
    }
    const { y } = dayParts(n);
    const own = this.years.get(y);
    const table = own ?? bundledYear(y);
    if (!table) return { date, kind: 'unknown', working: null, source: 'none' };
    const source = own ? 'integrator' : 'bundled';
    const wd = table.workdays.get(date);
    if (wd) return { date, kind: 'makeup-workday', working: true, name: wd, source };
    const hd = table.holidays.get(date);
    if (hd) return { date, kind: 'holiday', working: false, name: hd, source };
    const weekday = isoWeekdayOf(n);
    return weekday >= 6 ? { date, kind: 'weekend', working: false, source } : { date, kind: 'workday', working: true, source };
  }
}

function splitName(name: string): { zh: string; en: string } {
  // Integrator names may be "国庆节" or "国庆节|National Day" or chinese-days style "National Day,国庆节,3".
  if (name.includes('|')) {
    const [zh, en] = name.split('|');
    return { zh, en: en || zh };
  }
  if (name.includes(',')) return parseName(name);
  return { zh: name, en: name };
}

/** A shared default calendar (bundled data only). */
export const defaultHolidayCalendar = new HolidayCalendar();
