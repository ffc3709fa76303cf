// Civil-date helpers (UTC arithmetic only): day numbers, `YYYY-MM-DD`, weekdays. Apart from the
// holiday calendar (holidays.ts, which re-exports them) so that a widget needing only a date
// (the legislation form's default date) does not load China's holiday table (README "Figures").

/** Days since 1970-01-01 for a civil date. */
export function dayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
}
/** Parse `YYYY-MM-DD` to a day number. */
export function parseDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return dayNumber(y, m, d);
}
/** Civil date parts of a day number. */
export function dayParts(n: number): { y: number; m: number; d: number } {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}
/** `YYYY-MM-DD` of a day number. */
export function formatDay(n: number): string {
  const { y, m, d } = dayParts(n);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
/** `YYYY-MM-DD` of a moment on the device's own calendar (not a time zone's), e.g. a date field's default. */
export function localDay(d: Date = new Date()): string {
  return formatDay(dayNumber(d.getFullYear(), d.getMonth() + 1, d.getDate()));
}
/** ISO weekday (1 = Monday … 7 = Sunday) of a day number. */
export function isoWeekdayOf(n: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((n + 3) % 7) + 7) % 7) + 1;
}
/** Number of days in a month. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}
