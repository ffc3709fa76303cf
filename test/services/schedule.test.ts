import { expect } from '@open-wc/testing';
import { HolidayCalendar, bundledYearsCovered, localDay } from '../../src/services/holidays.js';
import {
  describeRule,
  describeSchedule,
  describeSession,
  dutyFor,
  isoInZone,
  nextSessions,
  offsetMinutes,
  openNow,
  receptionToday,
  sessionsBetween,
  todayIn,
  zonedInstant,
} from '../../src/services/schedule.js';
import { receptionSchedule, type ReceptionSchedule, type ScheduleRule } from '../../src/services/schemas/schedule.js';
import { installPrototypeArrays } from '../helpers/env.js';

const AM = [{ start: '09:00', end: '11:30' }];
const sched = (rules: ScheduleRule[], extra: Partial<ReceptionSchedule> = {}): ReceptionSchedule => ({ rules, ...extra });
const dates = (s: { date: string }[]) => s.map((x) => x.date);
const between = (s: ReceptionSchedule, from: string, to: string, cal?: HolidayCalendar) =>
  dates(sessionsBetween(s, from, to, cal ? { calendar: cal } : {}));

describe('holidays: HolidayCalendar', () => {
  const cal = new HolidayCalendar({ closures: [{ from: '2026-12-01', until: '2026-12-03', reason: '装修' }] });
  const table: [string, string, boolean | null][] = [
    ['2026-10-01', 'holiday', false], // 国庆节 (Thursday)
    ['2026-10-07', 'holiday', false],
    ['2026-10-08', 'workday', true],
    ['2026-10-10', 'makeup-workday', true], // Saturday, 调休上班
    ['2026-09-20', 'makeup-workday', true], // Sunday, 调休上班
    ['2026-10-11', 'weekend', false],
    ['2026-02-14', 'makeup-workday', true], // 春节 make-up Saturday
    ['2026-02-16', 'holiday', false],
    ['2026-02-28', 'makeup-workday', true],
    ['2026-12-02', 'closure', false],
    ['2026-12-04', 'workday', true],
    ['2027-01-04', 'unknown', null], // chinese-days 1.5.7 does not know 2027
    ['2027-06-12', 'unknown', null],
    ['2025-10-08', 'holiday', false], // 2025: 国庆+中秋 8 days
  ];
  for (const [date, kind, working] of table) {
    it(`${date} is ${kind}`, () => {
      const s = cal.status(date);
      expect(s.kind).to.equal(kind);
      expect(s.working).to.equal(working);
    });
  }

  it('names holidays in Chinese and English', () => {
    expect(cal.status('2026-10-01').name).to.deep.equal({ zh: '国庆节', en: 'National Day' });
    expect(cal.status('2026-12-01').name?.zh).to.equal('装修');
  });

  it('knows which years it covers', () => {
    expect(cal.covers(2026)).to.equal(true);
    expect(cal.covers(2027)).to.equal(false);
    expect(bundledYearsCovered(2024, 2028)).to.deep.equal([2024, 2025, 2026]);
  });

  it('takes integrator data for an uncovered year', () => {
    const c = new HolidayCalendar({
      data: { years: { '2027': { holidays: { '2027-01-01': '元旦|New Year' }, workdays: { '2027-01-09': '元旦' } } } },
    });
    expect(c.covers(2027)).to.equal(true);
    expect(c.status('2027-01-01')).to.include({ kind: 'holiday', working: false, source: 'integrator' });
    expect(c.status('2027-01-01').name).to.deep.equal({ zh: '元旦', en: 'New Year' });
    expect(c.status('2027-01-09')).to.include({ kind: 'makeup-workday', working: true });
    expect(c.status('2027-01-04')).to.include({ kind: 'workday', working: true });
  });

  it('finds adjacent working days across holidays and reports unknown years', () => {
    expect(cal.adjacentWorkingDay('2026-09-30', 1).day).to.equal(cal.adjacentWorkingDay('2026-10-07', 1).day);
    const next = cal.adjacentWorkingDay('2026-10-04', 1);
    expect(new Date(next.day! * 86400000).toISOString().slice(0, 10)).to.equal('2026-10-08');
    const prev = cal.adjacentWorkingDay('2026-10-11', -1);
    expect(new Date(prev.day! * 86400000).toISOString().slice(0, 10)).to.equal('2026-10-10');
    const into2027 = new HolidayCalendar({ closures: [{ from: '2026-12-31' }] }).adjacentWorkingDay('2026-12-30', 1);
    expect(into2027).to.deep.equal({ day: null, unknown: true });
  });
});

describe('holidays: localDay (the calendar date on this device)', () => {
  const table: Array<[Date, string]> = [
    [new Date(2026, 0, 5, 0, 0, 0), '2026-01-05'],
    [new Date(2026, 11, 31, 23, 59, 59, 999), '2026-12-31'],
    [new Date(2028, 1, 29, 12), '2028-02-29'],
    [new Date(2026, 9, 1, 0, 0, 0, 1), '2026-10-01'],
    [new Date(1999, 8, 9), '1999-09-09'],
  ];
  for (const [d, out] of table) it(`${d.toString()} → ${out}`, () => expect(localDay(d)).to.equal(out));
  it('defaults to now', () => {
    const now = new Date();
    const [y, m, d] = localDay().split('-').map(Number);
    expect([y, m, d]).to.deep.equal([now.getFullYear(), now.getMonth() + 1, now.getDate()]);
  });
});

describe('schedule: rules', () => {
  const cases: { name: string; rule: ScheduleRule; from: string; to: string; want: string[]; cal?: HolidayCalendar }[] = [
    {
      name: '每月4日、10日、20日 (skip): 10-04 is 国庆, 10-10 is a make-up Saturday, 9-20 a make-up Sunday',
      rule: { kind: 'monthly', days: [4, 10, 20], times: AM },
      from: '2026-09-01',
      to: '2026-10-31',
      want: ['2026-09-04', '2026-09-10', '2026-09-20', '2026-10-10', '2026-10-20'],
    },
    {
      name: '每月4日 遇节假日顺延至后第一个工作日: 10-04 → 10-08 (after the 7-day holiday)',
      rule: { kind: 'monthly', days: [4], times: AM, onHoliday: 'next-workday' },
      from: '2026-10-01',
      to: '2026-10-31',
      want: ['2026-10-08'],
    },
    {
      name: '每月20日 顺延: 12-20 is a Sunday → Monday 12-21',
      rule: { kind: 'monthly', days: [20], times: AM, onHoliday: 'next-workday' },
      from: '2026-12-01',
      to: '2026-12-31',
      want: ['2026-12-21'],
    },
    {
      name: '每月4日 顺延 in Feb: 2-4 is a Wednesday, held',
      rule: { kind: 'monthly', days: [4], times: AM, onHoliday: 'next-workday' },
      from: '2026-02-01',
      to: '2026-02-28',
      want: ['2026-02-04'],
    },
    {
      name: '每月20日 顺延 in Feb: 2-20 is 春节 → 2-24 (2-21/22 weekend, 2-23 holiday)',
      rule: { kind: 'monthly', days: [20], times: AM, onHoliday: 'next-workday' },
      from: '2026-02-01',
      to: '2026-02-28',
      want: ['2026-02-24'],
    },
    {
      name: '每月4日 提前: 10-04 → 9-30',
      rule: { kind: 'monthly', days: [4], times: AM, onHoliday: 'previous-workday' },
      from: '2026-09-25',
      to: '2026-10-31',
      want: ['2026-09-30'],
    },
    {
      name: 'shifted sessions landing in the window are found (nominal date before it)',
      rule: { kind: 'monthly', days: [4], times: AM, onHoliday: 'next-workday' },
      from: '2026-10-08',
      to: '2026-10-08',
      want: ['2026-10-08'],
    },
    {
      name: '每月31日 skips short months (February, April)',
      rule: { kind: 'monthly', days: [31], times: AM, onHoliday: 'hold' },
      from: '2026-01-01',
      to: '2026-05-31',
      want: ['2026-01-31', '2026-03-31', '2026-05-31'],
    },
    {
      name: '每月31日 clamped to month end (Feb 28)',
      rule: { kind: 'monthly', days: [31], overflow: 'clamp', times: AM, onHoliday: 'hold' },
      from: '2026-02-01',
      to: '2026-04-30',
      want: ['2026-02-28', '2026-03-31', '2026-04-30'],
    },
    {
      name: '30 and 31 clamped in February give one session, not two',
      rule: { kind: 'monthly', days: [30, 31], overflow: 'clamp', times: AM, onHoliday: 'hold' },
      from: '2026-02-01',
      to: '2026-02-28',
      want: ['2026-02-28'],
    },
    {
      name: 'last day of the month (-1), leap February 2028',
      rule: { kind: 'monthly', days: [-1], times: AM, onHoliday: 'hold' },
      from: '2028-01-15',
      to: '2028-03-31',
      want: ['2028-01-31', '2028-02-29', '2028-03-31'],
    },
    {
      name: '每周五 skips 国庆 (10-02) only',
      rule: { kind: 'weekly', weekdays: [5], times: AM },
      from: '2026-09-28',
      to: '2026-10-18',
      want: ['2026-10-09', '2026-10-16'],
    },
    {
      name: '每周六 (a weekend day chosen on purpose) is held, except on 国庆',
      rule: { kind: 'weekly', weekdays: [6], times: AM },
      from: '2026-09-28',
      to: '2026-10-18',
      want: ['2026-10-10', '2026-10-17'],
    },
    {
      name: '每周一、三 with hold is held through the holiday',
      rule: { kind: 'weekly', weekdays: [1, 3], times: AM, onHoliday: 'hold' },
      from: '2026-09-28',
      to: '2026-10-08',
      want: ['2026-09-28', '2026-09-30', '2026-10-05', '2026-10-07'],
    },
    {
      name: '隔周周三 anchored on 2026-11-04',
      rule: { kind: 'weekly', weekdays: [3], interval: 2, anchor: '2026-11-04', times: AM },
      from: '2026-10-19',
      to: '2026-12-31',
      want: ['2026-10-21', '2026-11-04', '2026-11-18', '2026-12-02', '2026-12-16', '2026-12-30'],
    },
    {
      name: '隔周 anchor on another weekday of the same week gives the same weeks',
      rule: { kind: 'weekly', weekdays: [3], interval: 2, anchor: '2026-11-08', times: AM },
      from: '2026-11-01',
      to: '2026-11-30',
      want: ['2026-11-04', '2026-11-18'],
    },
    {
      name: '每季度中旬 = first working day of 11–20 of Feb/May/Aug/Nov',
      rule: { kind: 'quarterly', times: AM },
      from: '2026-01-01',
      to: '2026-12-31',
      want: ['2026-02-11', '2026-05-11', '2026-08-11', '2026-11-11'],
    },
    {
      name: '每季度中旬周一: no working Monday in Feb 11–20 (春节), so Q1 has none',
      rule: { kind: 'quarterly', weekday: 1, times: AM },
      from: '2026-01-01',
      to: '2026-06-30',
      want: ['2026-05-11'],
    },
    {
      name: '每季度上旬 of the first month: Jan 5 (1–3 元旦, 4 is a make-up Sunday → Jan 4)',
      rule: { kind: 'quarterly', monthOfQuarter: 1, period: 'early', times: AM },
      from: '2026-01-01',
      to: '2026-03-31',
      want: ['2026-01-04'],
    },
    {
      name: 'daily range, working days only (国庆 + weekend skipped, make-up Saturday kept)',
      rule: { kind: 'daily', from: '2026-09-29', until: '2026-10-11', workdaysOnly: true, times: AM },
      from: '2026-09-01',
      to: '2026-10-31',
      want: ['2026-09-29', '2026-09-30', '2026-10-08', '2026-10-09', '2026-10-10'],
    },
    {
      name: 'rule date range (from/until) limits a weekly rule',
      rule: { kind: 'weekly', weekdays: [2], from: '2026-11-10', until: '2026-11-24', times: AM },
      from: '2026-11-01',
      to: '2026-12-31',
      want: ['2026-11-10', '2026-11-17', '2026-11-24'],
    },
    {
      name: 'explicit dates, one on a holiday (skipped)',
      rule: { kind: 'dates', dates: ['2026-12-17', '2026-10-03', '2026-12-03'], times: AM },
      from: '2026-01-01',
      to: '2026-12-31',
      want: ['2026-12-03', '2026-12-17'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(between(sched([c.rule]), c.from, c.to, c.cal)).to.deep.equal(c.want);
    });
  }

  it('marks shifted sessions with their nominal date', () => {
    const [s] = sessionsBetween(sched([{ kind: 'monthly', days: [4], times: AM, onHoliday: 'next-workday', id: 'm4' }]), '2026-10-01', '2026-10-31');
    expect(s).to.include({ date: '2026-10-08', shiftedFrom: '2026-10-04', ruleId: 'm4', certainty: 'confirmed' });
  });

  it('several time ranges per day give several sessions', () => {
    const s = sessionsBetween(sched([{ kind: 'weekly', weekdays: [5], times: [{ start: '14:30', end: '17:00' }, { start: '09:00', end: '11:30' }] }]), '2026-12-04', '2026-12-04');
    expect(s.map((x) => x.start)).to.deep.equal(['09:00', '14:30']);
  });

  it('local closures skip and shift sessions; even hold sessions', () => {
    const closures = [{ from: '2026-12-01', until: '2026-12-10' }];
    expect(between(sched([{ kind: 'monthly', days: [4], times: AM }], { closures }), '2026-12-01', '2026-12-31')).to.deep.equal([]);
    expect(between(sched([{ kind: 'monthly', days: [4], times: AM, onHoliday: 'next-workday' }], { closures }), '2026-12-01', '2026-12-31')).to.deep.equal(['2026-12-11']);
    expect(between(sched([{ kind: 'weekly', weekdays: [6], times: AM, onHoliday: 'hold' }], { closures }), '2026-12-01', '2026-12-15')).to.deep.equal(['2026-12-12']);
  });

  it('one-off extra sessions and cancellations', () => {
    const s = sched([{ kind: 'monthly', days: [10, 20], times: AM, id: 'm', onHoliday: 'next-workday' }], {
      extra: [{ date: '2026-12-05', start: '08:00', end: '11:00', topic: '代表大集', place: { name: '东岭镇集市' }, deputyIds: ['dep-010'] }],
      cancelled: [{ date: '2026-12-10', reason: '换届选举' }],
    });
    const got = sessionsBetween(s, '2026-12-01', '2026-12-31');
    expect(dates(got)).to.deep.equal(['2026-12-05', '2026-12-21']);
    expect(got[0]).to.include({ source: 'extra', topic: '代表大集' });
    expect(got[0].place).to.deep.equal({ name: '东岭镇集市' });
    const all = sessionsBetween(s, '2026-12-01', '2026-12-31', { includeCancelled: true });
    expect(all.find((x) => x.date === '2026-12-10')?.cancelled).to.deep.equal({ reason: '换届选举' });
  });

  it('cancellation of one rule leaves the other rule', () => {
    const s = sched([{ kind: 'weekly', weekdays: [4], times: AM, id: 'a' }, { kind: 'monthly', days: [10], times: [{ start: '14:00', end: '16:00' }], id: 'b' }], {
      cancelled: [{ date: '2026-12-10', ruleId: 'a' }],
    });
    expect(sessionsBetween(s, '2026-12-10', '2026-12-10').map((x) => x.ruleId)).to.deep.equal(['b']);
  });
});

describe('schedule: duty rota', () => {
  const rota: ScheduleRule = {
    kind: 'weekly',
    weekdays: [3],
    times: AM,
    duty: { deputyIds: ['dep-001', 'dep-002', 'dep-003'], anchor: '2026-11-04', roster: [{ date: '2026-12-16', deputyIds: ['dep-099'] }] },
  };
  const table: [string, string[]][] = [
    ['2026-10-28', ['dep-003']], // before the anchor: counts backwards
    ['2026-11-04', ['dep-001']],
    ['2026-11-11', ['dep-002']],
    ['2026-11-18', ['dep-003']],
    ['2026-11-25', ['dep-001']],
    ['2026-12-16', ['dep-099']], // pinned by the roster
  ];
  for (const [date, want] of table) {
    it(`${date} → ${want.join(',')}`, () => expect(dutyFor(rota, date)).to.deep.equal(want));
  }

  it('two deputies per session, counted on nominal occurrences (a holiday does not push the rota)', () => {
    const r: ScheduleRule = { kind: 'monthly', days: [4], times: AM, onHoliday: 'next-workday', duty: { deputyIds: ['a', 'b', 'c', 'd', 'e'], perSession: 2, anchor: '2026-09-01' } };
    const got = sessionsBetween(sched([r]), '2026-09-01', '2026-11-30').map((s) => [s.date, s.deputyIds.join('')]);
    expect(got).to.deep.equal([['2026-09-04', 'ab'], ['2026-10-08', 'cd'], ['2026-11-04', 'ea']]);
  });

  it('fixed deputies without a rota', () => {
    const [s] = sessionsBetween(sched([{ kind: 'weekly', weekdays: [5], times: AM, deputyIds: ['dep-007'] }]), '2026-12-04', '2026-12-04');
    expect(s.deputyIds).to.deep.equal(['dep-007']);
  });
});

describe('schedule: what staff expect in edge cases', () => {
  it('a session moved a long way by a closure is still found when asked near its new date', () => {
    const s = sched([{ kind: 'monthly', days: [4], times: AM, onHoliday: 'next-workday' }], { closures: [{ from: '2026-11-01', until: '2026-11-30' }] });
    const now = Date.UTC(2026, 10, 28, 2); // 11-28 10:00 Shanghai
    const [next] = nextSessions(s, { now, count: 1 });
    expect([next.date, next.shiftedFrom]).to.deep.equal(['2026-12-01', '2026-11-04']);
    expect(receptionToday(s, Date.UTC(2026, 11, 1, 2)).status).to.equal('yes');
    expect(openNow(s, Date.UTC(2026, 11, 1, 2)).open).to.equal(true);
  });

  it('cancelling a day\'s regular session keeps the one-off session added that day (its replacement)', () => {
    const s = sched([{ id: 'm10', kind: 'monthly', days: [10], times: AM }], {
      cancelled: [{ date: '2026-12-10', reason: '改到集市接待' }],
      extra: [{ id: 'dj', date: '2026-12-10', start: '08:00', end: '11:00', topic: '代表大集' }],
    });
    expect(sessionsBetween(s, '2026-12-10', '2026-12-10').map((x) => [x.source, x.topic ?? ''])).to.deep.equal([['extra', '代表大集']]);
    expect(receptionToday(s, Date.UTC(2026, 11, 10, 0, 30)).status).to.equal('yes');
    const named = sched(s.rules, { ...s, cancelled: [{ date: '2026-12-10', ruleId: 'dj' }] });
    expect(sessionsBetween(named, '2026-12-10', '2026-12-10').map((x) => x.source)).to.deep.equal(['rule']);
  });

  it('a moved session landing on a regular one: one session with every deputy due', () => {
    const r: ScheduleRule = { kind: 'weekly', weekdays: [4], times: AM, onHoliday: 'next-workday', duty: { deputyIds: ['A', 'B', 'C'], anchor: '2026-09-03', roster: [{ date: '2026-10-08', deputyIds: ['PIN'] }] } };
    const got = sessionsBetween(sched([r]), '2026-10-08', '2026-10-08');
    expect(got.length).to.equal(1);
    expect([...got[0].deputyIds].sort()).to.include.members(['PIN']).and.to.have.length(2);
  });

  it('an overseas 联侨 point does not follow China\'s holidays or 调休', () => {
    const la = sched([{ kind: 'weekly', weekdays: [5], times: AM }], { timeZone: 'America/Los_Angeles' });
    expect(between(la, '2026-09-25', '2026-10-02')).to.deep.equal(['2026-09-25', '2026-10-02']); // 中秋, 国庆 in China
    const madrid = sched([{ kind: 'monthly', days: [10], times: AM, onHoliday: 'next-workday' }], { timeZone: 'Europe/Madrid' });
    expect(between(madrid, '2026-10-01', '2026-10-31')).to.deep.equal(['2026-10-12']); // Sat 10-10 is a Chinese make-up day only
    const [s2027] = sessionsBetween(la, '2027-01-01', '2027-01-01');
    expect(s2027.certainty).to.equal('confirmed'); // no Chinese calendar needed there
  });
});

describe('schedule: time zones (Intl, not the machine zone)', () => {
  const table: [string, string, string, string, string][] = [
    // zone, date, time, expected UTC, expected ISO with offset
    ['Asia/Shanghai', '2026-10-08', '09:00', '2026-10-08T01:00:00.000Z', '2026-10-08T09:00:00+08:00'],
    ['Asia/Shanghai', '2026-07-01', '09:00', '2026-07-01T01:00:00.000Z', '2026-07-01T09:00:00+08:00'], // no DST
    ['Asia/Shanghai', '2026-12-31', '00:30', '2026-12-30T16:30:00.000Z', '2026-12-31T00:30:00+08:00'],
    ['America/Los_Angeles', '2026-07-15', '10:00', '2026-07-15T17:00:00.000Z', '2026-07-15T10:00:00-07:00'],
    ['America/Los_Angeles', '2026-12-16', '10:00', '2026-12-16T18:00:00.000Z', '2026-12-16T10:00:00-08:00'],
    ['Europe/Madrid', '2026-10-23', '10:00', '2026-10-23T08:00:00.000Z', '2026-10-23T10:00:00+02:00'],
    ['Europe/Madrid', '2026-10-26', '10:00', '2026-10-26T09:00:00.000Z', '2026-10-26T10:00:00+01:00'],
    ['Asia/Kolkata', '2026-12-01', '09:00', '2026-12-01T03:30:00.000Z', '2026-12-01T09:00:00+05:30'],
  ];
  for (const [tz, date, time, utc, iso] of table) {
    it(`${date} ${time} ${tz}`, () => {
      const t = zonedInstant(date, time, tz);
      expect(new Date(t).toISOString()).to.equal(utc);
      expect(isoInZone(t, tz)).to.equal(iso);
    });
  }

  it('offsets', () => {
    expect(offsetMinutes(Date.UTC(2026, 0, 1), 'Asia/Shanghai')).to.equal(480);
    expect(offsetMinutes(Date.UTC(2026, 6, 1), 'Europe/Madrid')).to.equal(120);
  });

  it('"today" is the schedule zone\'s date, not UTC\'s', () => {
    const now = Date.UTC(2026, 9, 8, 17, 30); // 2026-10-09 01:30 in Shanghai
    expect(todayIn('Asia/Shanghai', now)).to.equal('2026-10-09');
    expect(todayIn('America/Los_Angeles', now)).to.equal('2026-10-08');
  });

  it('an overseas schedule computes sessions in its own zone', () => {
    const s = sched([{ kind: 'weekly', weekdays: [6], times: [{ start: '10:00', end: '12:00' }], onHoliday: 'hold' }], { timeZone: 'Europe/Madrid' });
    const [a, b] = nextSessions(s, { now: Date.UTC(2026, 9, 20), count: 2 });
    expect([a.startIso, b.startIso]).to.deep.equal(['2026-10-24T10:00:00+02:00', '2026-10-31T10:00:00+01:00']);
    expect(describeSchedule(s, 'zh-CN').at(-1)).to.equal('以上为当地时间（Europe/Madrid）。');
  });

  it('an unknown zone falls back to Asia/Shanghai and fails validation', () => {
    const s = sched([{ kind: 'weekly', weekdays: [5], times: AM }], { timeZone: 'Mars/Olympus' });
    expect(nextSessions(s, { now: Date.UTC(2026, 11, 1), count: 1 })[0].startIso).to.equal('2026-12-04T09:00:00+08:00');
    expect(receptionSchedule.safeParse(s).success).to.equal(false);
  });
});

describe('schedule: answers', () => {
  const station = sched([{ kind: 'monthly', days: [4], times: AM, onHoliday: 'next-workday', duty: { deputyIds: ['dep-001', 'dep-002'], anchor: '2026-01-01' } }]);

  it('openNow during a shifted session (10-08 09:30 Shanghai)', () => {
    const r = openNow(station, Date.UTC(2026, 9, 8, 1, 30));
    expect(r.open).to.equal(true);
    expect(r.session).to.include({ date: '2026-10-08', shiftedFrom: '2026-10-04' });
    expect(r.next?.date).to.equal('2026-11-04');
  });

  it('openNow after closing time gives the next session', () => {
    const r = openNow(station, Date.UTC(2026, 9, 8, 3, 30)); // 11:30 local: just closed
    expect(r.open).to.equal(false);
    expect(r.next?.date).to.equal('2026-11-04');
  });

  it('receptionToday: yes / no, with deputies on duty', () => {
    const yes = receptionToday(station, Date.UTC(2026, 9, 7, 23, 0)); // 10-08 07:00 local
    expect(yes.status).to.equal('yes');
    expect(yes.date).to.equal('2026-10-08');
    expect(yes.deputyIds).to.have.length(1);
    expect(receptionToday(station, Date.UTC(2026, 9, 4, 2, 0)).status).to.equal('no'); // 10-04 is 国庆
  });

  it('next N sessions, ongoing included unless excluded', () => {
    const now = Date.UTC(2026, 10, 4, 2, 0); // 2026-11-04 10:00 local, during the session
    expect(dates(nextSessions(station, { now, count: 3 }))).to.deep.equal(['2026-11-04', '2026-12-04', '2027-01-04']);
    expect(dates(nextSessions(station, { now, count: 1, includeOngoing: false }))).to.deep.equal(['2026-12-04']);
  });

  it('sessions in 2027 are tentative (calendar unknown), not guessed', () => {
    const weekly = sched([{ kind: 'weekly', weekdays: [5], times: AM }]);
    const got = nextSessions(weekly, { now: Date.UTC(2026, 11, 20), count: 3 });
    expect(got.map((s) => [s.date, s.certainty])).to.deep.equal([
      ['2026-12-25', 'confirmed'],
      ['2027-01-01', 'unknown'],
      ['2027-01-08', 'unknown'],
    ]);
    expect(receptionToday(weekly, Date.UTC(2027, 0, 8, 2)).status).to.equal('unknown');
  });

  it('with integrator data for 2027 the answer is definite', () => {
    const calendar = new HolidayCalendar({ data: { years: { '2027': { holidays: { '2027-01-01': '元旦' }, workdays: {} } } } });
    const weekly = sched([{ kind: 'weekly', weekdays: [5], times: AM }]);
    const got = nextSessions(weekly, { now: Date.UTC(2026, 11, 20), count: 3, calendar });
    expect(got.map((s) => [s.date, s.certainty])).to.deep.equal([
      ['2026-12-25', 'confirmed'],
      ['2027-01-08', 'confirmed'],
      ['2027-01-15', 'confirmed'],
    ]);
  });

  it('a shift that runs into an uncovered year is tentative', () => {
    const s = sched([{ kind: 'monthly', days: [31], times: AM, onHoliday: 'next-workday' }], { closures: [{ from: '2026-12-31' }] });
    const [x] = sessionsBetween(s, '2026-12-01', '2027-01-10');
    expect(x).to.include({ date: '2027-01-01', shiftedFrom: '2026-12-31', certainty: 'unknown' });
  });

  it('in an uncovered year sessions stay on their nominal dates, tentative (no weekday guess)', () => {
    const s = sched([{ kind: 'monthly', days: [10], times: AM, onHoliday: 'next-workday' }]);
    const got = sessionsBetween(s, '2027-01-01', '2027-02-28');
    expect(got.map((x) => [x.date, x.shiftedFrom, x.certainty])).to.deep.equal([
      ['2027-01-10', undefined, 'unknown'], // a Sunday, but 2027's make-up working days are not known
      ['2027-02-10', undefined, 'unknown'],
    ]);
  });

  it('an empty schedule has no sessions', () => {
    expect(nextSessions(sched([]), { now: Date.UTC(2026, 10, 25) })).to.deep.equal([]);
    expect(openNow(sched([]), Date.UTC(2026, 10, 25)).open).to.equal(false);
  });
});

describe('schedule: descriptions', () => {
  it('dates in two years are written with their years', () => {
    const r: ScheduleRule = { kind: 'dates', dates: ['2027-01-07', '2026-12-17'], times: AM };
    expect(describeRule(r, 'zh-CN')).to.contain('2026年12月17日、2027年1月7日');
    expect(describeRule({ ...r, dates: ['2026-12-03', '2026-12-17'] }, 'zh-CN')).to.contain('12月3日、12月17日');
  });

  const table: [ScheduleRule, string, string][] = [
    [
      { kind: 'monthly', days: [10], times: AM, onHoliday: 'next-workday' },
      '每月10日 9:00–11:30，遇节假日顺延',
      'Monthly on the 10th, 9:00–11:30; moved to the next working day on holidays',
    ],
    [
      { kind: 'monthly', days: [20, 4, 10], times: AM },
      '每月4日、10日、20日 9:00–11:30，遇节假日暂停',
      'Monthly on the 4th, 10th and 20th, 9:00–11:30; not held on holidays',
    ],
    [
      { kind: 'monthly', days: [-1], times: AM, onHoliday: 'previous-workday' },
      '每月最后一天 9:00–11:30，遇节假日提前',
      'Monthly on the last day, 9:00–11:30; brought forward to the previous working day on holidays',
    ],
    [{ kind: 'weekly', weekdays: [5], times: [{ start: '14:30', end: '17:00' }] }, '每周五 14:30–17:00', 'Every Friday, 14:30–17:00'],
    [
      { kind: 'weekly', weekdays: [3], interval: 2, anchor: '2026-11-04', times: AM, topic: '营商环境' },
      '隔周周三 9:00–11:30，主题：营商环境',
      'Every other Wednesday, 9:00–11:30; topic: 营商环境',
    ],
    [
      { kind: 'weekly', weekdays: [1, 3], times: [{ start: '09:00', end: '11:30' }, { start: '14:30', end: '17:00' }], onHoliday: 'hold' },
      '每周一、三 9:00–11:30、14:30–17:00，节假日照常',
      'Every Monday and Wednesday, 9:00–11:30, 14:30–17:00; held on holidays too',
    ],
    [
      { kind: 'quarterly', times: AM },
      '每季度中旬（2、5、8、11月11–20日首个工作日） 9:00–11:30',
      'Quarterly, mid-Feb/May/Aug/Nov (first working day of the 11th–20th), 9:00–11:30',
    ],
    [
      { kind: 'daily', from: '2026-12-01', until: '2026-12-15', workdaysOnly: true, times: AM },
      '2026年12月1日至12月15日每个工作日 9:00–11:30',
      'Every working day from 1 Dec 2026 to 15 Dec 2026, 9:00–11:30',
    ],
    [
      { kind: 'weekly', weekdays: [4], from: '2026-12-01', times: AM, duty: { deputyIds: ['a'], anchor: '2026-12-01' } },
      '每周四 9:00–11:30（2026年12月1日起），代表轮流坐班',
      'Every Thursday, 9:00–11:30 (from 1 Dec 2026); deputies on duty in rotation',
    ],
  ];
  for (const [rule, zh, en] of table) {
    it(zh, () => {
      expect(describeRule(rule, 'zh-CN')).to.equal(zh);
      expect(describeRule(rule, 'en')).to.equal(en);
    });
  }

  it('describes a session', () => {
    const [s] = sessionsBetween(sched([{ kind: 'monthly', days: [4], times: AM, onHoliday: 'next-workday' }]), '2026-10-01', '2026-10-31');
    expect(describeSession(s, 'zh-CN')).to.equal('10月8日（周四）9:00–11:30');
    expect(describeSession(s, 'en')).to.equal('Thu 8 Oct, 9:00–11:30');
  });
});


describe('schedule: schema', () => {
  const bad: [string, unknown][] = [
    ['biweekly without anchor', { rules: [{ kind: 'weekly', weekdays: [3], interval: 2, times: AM }] }],
    ['end before start', { rules: [{ kind: 'weekly', weekdays: [3], times: [{ start: '11:00', end: '09:00' }] }] }],
    ['day 0', { rules: [{ kind: 'monthly', days: [0], times: AM }] }],
    ['weekday 8', { rules: [{ kind: 'weekly', weekdays: [8], times: AM }] }],
    ['no times', { rules: [{ kind: 'weekly', weekdays: [1], times: [] }] }],
    ['daily without until', { rules: [{ kind: 'daily', from: '2026-12-01', times: AM }] }],
    ['bad time', { rules: [{ kind: 'weekly', weekdays: [1], times: [{ start: '9:00', end: '11:00' }] }] }],
    ['unknown kind', { rules: [{ kind: 'yearly', times: AM }] }],
    ['a date that does not exist', { rules: [{ kind: 'dates', dates: ['2026-02-30'], times: AM }] }],
    ['a one-off session ending before it starts', { rules: [], extra: [{ date: '2026-12-10', start: '14:00', end: '09:00' }] }],
    ['until before from', { rules: [{ kind: 'weekly', weekdays: [3], times: AM, from: '2026-12-01', until: '2026-11-01' }] }],
  ];
  for (const [name, value] of bad) {
    it(`rejects ${name}`, () => expect(receptionSchedule.safeParse(value).success).to.equal(false));
  }
  it('accepts every kind', () => {
    const ok = receptionSchedule.safeParse({
      timeZone: 'Asia/Shanghai',
      rules: [
        { kind: 'monthly', days: [4, -1], overflow: 'clamp', times: AM, onHoliday: 'next-workday' },
        { kind: 'weekly', weekdays: [3], interval: 2, anchor: '2026-11-04', times: AM },
        { kind: 'quarterly', monthOfQuarter: 2, period: 'mid', weekday: 2, times: AM },
        { kind: 'daily', from: '2026-12-01', until: '2026-12-10', workdaysOnly: true, times: AM },
        { kind: 'dates', dates: ['2026-12-24'], times: AM },
      ],
      extra: [{ date: '2026-12-05', start: '08:00', end: '11:00' }],
      cancelled: [{ date: '2026-12-10' }],
      closures: [{ from: '2026-12-20', until: '2026-12-22', reason: '装修' }],
    });
    expect(ok.success, JSON.stringify(ok.error?.issues)).to.equal(true);
  });
});

describe('bundled holiday data matches chinese-days', () => {
  it('every day of every bundled year has the same status as the package', async () => {
    const cd = (await import('chinese-days')).default;
    const { HolidayCalendar, bundledYearsCovered } = await import('../../src/services/holidays.js');
    const cal = new HolidayCalendar();
    const years = bundledYearsCovered(2020, 2030);
    expect(years).to.include(2026);
    expect(years).to.not.include(2027);
    let checked = 0;
    for (const y of years) {
      for (let t = Date.UTC(y, 0, 1); t <= Date.UTC(y, 11, 31); t += 86_400_000) {
        const d = new Date(t);
        const iso = d.toISOString().slice(0, 10);
        const want = cd.getDayDetail(new Date(y, d.getUTCMonth(), d.getUTCDate(), 12));
        expect(cal.status(iso).working, iso).to.equal(want.work);
        checked++;
      }
    }
    expect(checked).to.be.greaterThan(2000);
  });
});

describe('schedule: a page with Prototype.js 1.6 (Array#entries copies the items)', () => {
  it('one-off extra sessions are still listed', () => {
    const s = sched([{ kind: 'monthly', days: [10], times: AM, id: 'm' }], {
      extra: [{ date: '2026-12-05', start: '08:00', end: '11:00', topic: '代表大集' }, { date: '2026-12-19', start: '08:00', end: '11:00' }],
    });
    const want = sessionsBetween(s, '2026-12-01', '2026-12-31');
    const restore = installPrototypeArrays();
    let got: unknown;
    try {
      got = sessionsBetween(s, '2026-12-01', '2026-12-31');
    } finally {
      restore();
    }
    expect(got).to.deep.equal(want);
    expect(dates(want)).to.deep.equal(['2026-12-05', '2026-12-10', '2026-12-19']);
  });
});
