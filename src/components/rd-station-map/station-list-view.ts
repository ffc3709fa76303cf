// What <rd-station-map> shows of a liaison station in its list as well as in the detail panel
// (station-detail-view.ts, imported when a station is first opened): the view context, type
// names, and the status line (open now / today / next reception).
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../services/i18n/index.js';
import type { T } from '../../services/form-errors.js';
import type { Station, StationTypeDef } from '../../services/schemas/station.js';
import type { HolidayCalendar } from '../../services/holidays.js';
import { describeSession, shortTime, todayIn, type Session } from '../../services/schedule.js';

export interface StationViewContext {
  t: T;
  locale: Locale;
  /** "Now" in ms (the widget's `now`, else the clock). */
  now: number;
  calendar: HolidayCalendar;
  types: readonly StationTypeDef[];
  /** The next (or ongoing) session of a station, cached by the widget. */
  nextOf: (s: Station) => Session | undefined;
}

/** List separator for names and types (、 in Chinese). */
export const listSep = (locale: Locale) => (locale === 'en' ? ', ' : '、');

export function typeLabel(c: StationViewContext, id: string): string {
  const def = c.types.find((x) => x.id === id);
  return def ? (c.locale === 'en' ? def.en : def.zh) : id;
}

/** Open now, today, or the next reception (or none published). */
export function stationStatus(c: StationViewContext, s: Station): TemplateResult {
  const { t, now } = c;
  const session = c.nextOf(s);
  if (!session) return html`<span class="sm__when">${t('status.none')}</span>`;
  const tentative = session.certainty === 'unknown' ? html` <span class="sm__tentative">${t('status.tentative')}</span>` : nothing;
  if (session.startsAt <= now) return html`<span class="sm__when sm__when--open">${t('status.openUntil', { end: shortTime(session.end) })}</span>`;
  if (session.date === todayIn(session.timeZone, now)) {
    return html`<span class="sm__when">${t('status.today', { time: `${shortTime(session.start)}–${shortTime(session.end)}` })}${tentative}</span>`;
  }
  const withYear = session.date.slice(0, 4) !== todayIn(session.timeZone, now).slice(0, 4);
  return html`<span class="sm__when">${t('status.next', { when: describeSession(session, c.locale, withYear) })}${tentative}</span>`;
}
