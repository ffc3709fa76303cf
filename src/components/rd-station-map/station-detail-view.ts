// The detail panel of one liaison station in <rd-station-map> (docs/domain.md#liaison-stations):
// facts, the reception schedule in words, the next sessions with the deputies on duty
// (docs/domain.md#reception-days), directions and the booking form. Plain functions of the
// station and a small context. A chunk of its own, imported when a station is first opened
// (README "Figures"); what the list shows too is in station-list-view.ts.
import { html, nothing, type TemplateResult } from 'lit';
import { listSep, stationStatus, typeLabel, type StationViewContext } from './station-list-view.js';
import type { Station } from '../../services/schemas/station.js';
import { DEFAULT_TIME_ZONE, describeRule, describeSession, formatDateText, nextSessions, todayIn, type Session } from '../../services/schedule.js';
import { formatDistance } from '../../services/geo-format.js';
import type { navigationLinks } from '../../services/geo.js';

export interface StationDetailOptions {
  parent: Station | undefined;
  /** Distance from the place the citizen searched near, in metres. */
  distance: number | undefined;
  deputyUrl: string | undefined;
  /** `src` name given to the map apps' navigation links. */
  navSource: string;
  /**
   * Renders with the coordinate conversions (services/geo.ts), imported when first needed: the
   * navigation links are drawn once they are there (the widget's LazyPart says meanwhile).
   */
  withGeo: (ready: (geo: { navigationLinks: typeof navigationLinks }) => TemplateResult) => TemplateResult | typeof nothing;
  booking: boolean;
  /** The booking form for the sessions that can still be booked. */
  bookingForm: (bookable: Session[]) => TemplateResult | typeof nothing;
  onOpen: (id: string) => void;
  onClose: () => void;
  onDeputy: (e: Event, deputyId: string) => void;
  onToggleBooking: () => void;
}

function sessionList(c: StationViewContext, s: Station, sessions: Session[]): TemplateResult | typeof nothing {
  if (!sessions.length) return nothing;
  const { t, locale } = c;
  const sep = listSep(locale);
  const deputies = new Map((s.deputies ?? []).map((d) => [d.id, d]));
  const thisYear = todayIn(s.schedule?.timeZone ?? DEFAULT_TIME_ZONE, c.now).slice(0, 4);
  return html`<h4>${t('detail.next')}</h4>
    <ul class="sm__sessions">
      ${sessions.map((x) => {
        const duty = x.deputyIds.map((id) => deputies.get(id)?.name ?? id).join(sep);
        return html`<li>
          <span class=${x.cancelled ? 'sm__cancelled' : ''}>${describeSession(x, locale, x.date.slice(0, 4) !== thisYear)}</span>
          ${x.cancelled ? html` <strong>${t('detail.cancelled')}</strong>${x.cancelled.reason ? t('common.paren', { x: x.cancelled.reason }) : ''}` : nothing}
          ${x.certainty === 'unknown' ? html` <span class="sm__tentative">${t('status.tentative')}</span>` : nothing}
          ${x.topic ? html`<span class="sm__sub">${x.topic}</span>` : nothing}
          ${x.place ? html`<span class="sm__sub">${t('detail.place', { place: [x.place.name, x.place.address].filter(Boolean).join('，') })}</span>` : nothing}
          ${x.shiftedFrom ? html`<span class="sm__sub">${t('detail.shifted', { date: formatDateText(x.shiftedFrom, locale, false) })}</span>` : nothing}
          <span class="sm__sub">${t('common.labelValue', { label: t('detail.onDuty'), value: duty || t('detail.noDuty') })}</span>
        </li>`;
      })}
    </ul>`;
}

/** The detail panel of one station. */
export function stationDetail(c: StationViewContext, s: Station, o: StationDetailOptions): TemplateResult {
  const { t, locale, now } = c;
  const sep = listSep(locale);
  const tz = s.schedule?.timeZone ?? DEFAULT_TIME_ZONE;
  const sessions = s.schedule ? nextSessions(s.schedule, { now, count: 6, calendar: c.calendar, includeCancelled: true, horizonDays: 370 }) : [];
  const bookable = sessions.filter((x) => !x.cancelled && x.startsAt > now);
  const deputyLink = (id: string, name: string) => {
    const href = o.deputyUrl ? o.deputyUrl.replace('{id}', encodeURIComponent(id)) : undefined;
    return href
      ? html`<a href=${href} @click=${(e: Event) => o.onDeputy(e, id)}>${name}</a>`
      : html`<button type="button" class="rd-button rd-button--link" @click=${(e: Event) => o.onDeputy(e, id)}>${name}</button>`;
  };
  const row = (label: string, value: unknown) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing);
  return html`<article class="sm__detail" part="detail" aria-labelledby="sm-detail-title">
    <div class="rd-actions sm__actions--back"><button type="button" class="rd-button rd-button--link" @click=${o.onClose}>← ${t('detail.back')}</button></div>
    <h3 id="sm-detail-title" tabindex="-1">${s.name}</h3>
    <p>${s.types.map((x) => html`<span class="sm__badge">${typeLabel(c, x)}</span>`)}</p>
    ${stationStatus(c, s)}
    <dl class="sm__dl">
      ${row(t('detail.tier'), t(`tier.${s.tier}`))}
      ${row(t('detail.address'), s.address)}
      ${row(t('detail.venue'), s.venue)}
      ${row(t('detail.district'), s.district)}
      ${row(t('detail.distance'), o.distance !== undefined ? formatDistance(o.distance, locale) : '')}
      ${s.phone ? html`<dt>${t('detail.phone')}</dt><dd><a href=${`tel:${s.phone.replace(/[^\d+]/g, '')}`}>${s.phone}</a></dd>` : nothing}
      ${row(t('detail.head'), s.head ? `${s.head.name}${s.head.title ? t('common.paren', { x: s.head.title }) : ''}` : '')}
      ${row(t('detail.liaisons'), (s.liaisons ?? []).map((l) => `${l.name}${l.phone ? ` ${l.phone}` : ''}`).join('；'))}
      ${o.parent ? html`<dt>${t('detail.parent')}</dt><dd><button type="button" class="rd-button rd-button--link sm__inline-link" @click=${() => o.onOpen(o.parent!.id)}>${o.parent.name}</button></dd>` : nothing}
    </dl>
    ${s.photo ? html`<img class="sm__photo" src=${s.photo.url} alt=${s.photo.alt} loading="lazy" decoding="async" />` : nothing}
    ${s.description ? html`<p>${s.description}</p>` : nothing}

    <h4>${t('detail.schedule')}</h4>
    ${s.schedule?.rules.length
      ? html`<ul class="sm__plain">${s.schedule.rules.map((r) => html`<li>${describeRule(r, locale)}${r.note ? html`<span class="sm__sub">${r.note}</span>` : nothing}</li>`)}</ul>
          ${tz !== DEFAULT_TIME_ZONE ? html`<p class="sm__note">${t('detail.timeZone', { zone: tz })}</p>` : nothing}
          ${s.schedule.note ? html`<p class="sm__note">${s.schedule.note}</p>` : nothing}`
      : html`<p>${t('detail.noSchedule')}</p>`}
    ${sessionList(c, s, sessions)}

    ${s.deputies?.length
      ? html`<h4>${t('detail.deputies')}</h4>
          <ul class="sm__deputies">
            ${s.deputies.map((d) => html`<li>${deputyLink(d.id, d.name)}<span class="rd-visually-hidden">${t('common.paren', { x: d.levels.map((l) => t(`level.${l}`)).join(sep) })}</span></li>`)}
          </ul>`
      : nothing}
    ${s.facilities?.length ? html`<h4>${t('detail.facilities')}</h4><p>${s.facilities.join(sep)}</p>` : nothing}
    ${s.events?.length
      ? html`<h4>${t('detail.events')}</h4>
          <ul class="sm__plain">
            ${s.events.map((ev) => html`<li>${ev.title}<span class="sm__sub">${ev.start.slice(0, 16).replace('T', ' ')}${ev.place ? ` · ${ev.place.name}` : ''}</span></li>`)}
          </ul>`
      : nothing}
    ${s.location
      ? html`<h4 id="sm-nav-title">${t('detail.navigate')}</h4>
          ${o.withGeo((geo) => {
            const nav = geo.navigationLinks({ name: s.name, address: s.address, location: s.location! }, o.navSource);
            return html`<ul class="sm__nav" aria-labelledby="sm-nav-title">
              ${(['amap', 'baidu', 'tencent'] as const).map((k) => html`<li><a href=${nav[k]} target="_blank" rel="noopener noreferrer" title=${t('detail.navigateHint')}>${t(`detail.${k}`)}</a></li>`)}
            </ul>`;
          })}`
      : nothing}
    ${s.onlineUrl ? html`<p><a href=${s.onlineUrl} target="_blank" rel="noopener noreferrer">${t('detail.online')}</a></p>` : nothing}
    ${s.appointments === false
      ? html`<p>${t('detail.bookUnavailable')}</p>`
      : html`<div class="rd-actions">
            <button type="button" class="rd-button" aria-expanded=${o.booking ? 'true' : 'false'} aria-controls="sm-booking" @click=${o.onToggleBooking}>
              ${o.booking ? t('detail.bookClose') : t('detail.book')}
            </button>
          </div>
          <div id="sm-booking">${o.booking ? o.bookingForm(bookable) : nothing}</div>`}
  </article>`;
}
