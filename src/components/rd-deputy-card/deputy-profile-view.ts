// What <rd-deputy-card> shows of a deputy (亮身份、亮承诺、亮服务, docs/domain.md#deputies): head,
// facts, the next reception, the profile's sections (bio, pledges, services, duty record, contact)
// and the QR code for the notice board (扫码找代表). Plain functions of the deputy and a small
// context, rendered in the card's shadow root; published text is always rendered as text.
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../../services/i18n/index.js';
import type { T } from '../../services/form-errors.js';
import type { Deputy } from '../../services/schemas/deputy.js';
import { chineseOrdinal } from '../../services/chinese-numeral-format.js';
import type { LazyPart } from '../../controllers/lazy-part.js';
import { describeSchedule, describeSession, todayIn, type Session } from '../../services/schedule.js';

export interface ProfileContext {
  t: T;
  locale: Locale;
  /** "Now" for the next reception (the widget's `now`, else the clock). */
  now: Date | number | undefined;
  /** Show duty points (a policy choice of the portal). */
  showPoints: boolean;
  /** The deputy's next sessions (cached by the widget). */
  sessions: (d: Deputy) => Session[];
  /** The QR code and its page, when the widget has a `url-pattern`. */
  /** The QR code view and encoder, imported when a code is first shown. */
  qrView: LazyPart<QrView>;
  /** The card's code, once the view has arrived (kept while the page address stays the same). */
  qr: InstanceType<QrView['DeputyQr']> | undefined;
  urlPattern: string | undefined;
}

/** The QR code view with its encoder (deputy-qr-view.ts), a chunk of its own (README "Figures"). */
export type QrView = typeof import('./deputy-qr-view.js');

export function day(locale: Locale, iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

function termText(c: ProfileContext, d: Deputy): string {
  const n = c.locale === 'zh-CN' ? chineseOrdinal(d.term.number) : String(d.term.number);
  return d.term.fromYear && d.term.untilYear ? c.t('deputy.termYears', { n, from: d.term.fromYear, until: d.term.untilYear }) : c.t('deputy.term', { n });
}

function statusText(c: ProfileContext, d: Deputy): string {
  const s = c.t(`deputy.status.${d.status.code}`);
  return d.status.date ? c.t('deputy.statusSince', { status: s, date: day(c.locale, d.status.date) }) : s;
}

export function sessionText(c: ProfileContext, s: Session, d: Deputy): string {
  const withYear = s.date.slice(0, 4) !== todayIn(s.timeZone, c.now ?? Date.now()).slice(0, 4);
  const place = s.place?.name ?? d.stations?.[0]?.name;
  return `${describeSession(s, c.locale, withYear)}${s.topic ? ` · ${s.topic}` : ''}${place ? ` · ${place}` : ''}`;
}

export function avatar(c: ProfileContext, d: Deputy, small = false): TemplateResult {
  if (d.photo) {
    return html`<img class="avatar" part="photo" src=${d.photo.src} alt=${small ? '' : d.photo.alt || c.t('deputy.photoAlt', { name: d.name })} loading="lazy" decoding="async" />`;
  }
  return html`<span class="avatar avatar--initial" part="photo" aria-hidden="true">${[...d.name][0] ?? ''}</span>`;
}

export function profileHead(c: ProfileContext, d: Deputy, heading: 'h2' | 'h3', focusable = false): TemplateResult {
  const name = focusable
    ? html`<h2 class="name" part="name" id="deputy-name" tabindex="-1" data-profile-heading>${d.name}</h2>`
    : heading === 'h2'
      ? html`<h2 class="name" part="name" id="deputy-name">${d.name}</h2>`
      : html`<h3 class="name" part="name" id="deputy-name">${d.name}</h3>`;
  return html`<div class="head">
    ${avatar(c, d)}
    <div>
      ${name}
      <p class="level">${c.t(`deputy.level.${d.level}`)} · ${termText(c, d)}</p>
      ${d.status.code !== 'serving' ? html`<p class="status">${statusText(c, d)}</p>` : nothing}
    </div>
  </div>`;
}

export function profileFacts(c: ProfileContext, d: Deputy, full: boolean): TemplateResult {
  const t = c.t;
  const row = (label: string, value: unknown) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing);
  const e = d.electedFrom;
  const stations = d.stations?.map((s) => s.name).join('、');
  return html`<dl class="facts">
    ${row(t('deputy.stations'), stations)}
    ${e ? row(t(e.kind === 'constituency' ? 'deputy.constituency' : 'deputy.electingUnit'), e.name) : nothing}
    ${full || !e ? row(t('deputy.residentIn'), d.residentIn) : nothing}
    ${full ? row(t('deputy.deputyGroup'), d.deputyGroup?.name) : nothing}
    ${full ? row(t('deputy.sectorGroups'), d.sectorGroups?.map((g) => g.name).join('、')) : nothing}
    ${row(t('deputy.occupation'), d.occupation)}
    ${full ? row(t('deputy.expertise'), d.expertise?.join('、')) : nothing}
  </dl>`;
}

/** The next reception; in full view also the later sessions and the schedule in words. */
export function nextReception(c: ProfileContext, d: Deputy, full: boolean): TemplateResult | typeof nothing {
  if (!d.receptionSchedule || d.status.code !== 'serving') return nothing;
  const t = c.t;
  const [next, ...later] = c.sessions(d);
  const tentative = (s: Session) => (s.certainty === 'unknown' ? html` <span class="entry-meta">${t('deputy.tentative')}</span>` : nothing);
  return html`<div class="next" part="next-reception">
    <h3>${t('deputy.nextReception')}</h3>
    ${next ? html`<p>${sessionText(c, next, d)}${tentative(next)}</p>${next.note ? html`<p class="entry-meta">${next.note}</p>` : nothing}` : html`<p>${t('deputy.nextReceptionNone')}</p>`}
    ${full && later.length
      ? html`<h4>${t('deputy.upcoming')}</h4>
          <ul class="plain">${later.map((s) => html`<li>${sessionText(c, s, d)}${tentative(s)}</li>`)}</ul>`
      : nothing}
    ${full
      ? html`<h4>${t('deputy.receptionSchedule')}</h4>
          <ul class="plain">${describeSchedule(d.receptionSchedule, c.locale).map((line) => html`<li>${line}</li>`)}</ul>
          ${d.receptionSchedule.note ? html`<p>${d.receptionSchedule.note}</p>` : nothing}`
      : nothing}
  </div>`;
}

/** The QR code block, with a `url-pattern`: drawn once its chunk has arrived. */
function qrBlock(c: ProfileContext, d: Deputy): TemplateResult | typeof nothing {
  return c.urlPattern ? c.qrView.render((m) => m.qrBlock(c, d)) : nothing;
}

/** Published contact values as text, linked only with safe schemes built here. */
function contactValue(kind: string, value: string): TemplateResult | string {
  if (kind === 'phone' && /^[+\d][\d\s()-]{4,30}$/.test(value)) return html`<a href="tel:${value.replace(/[^\d+]/g, '')}">${value}</a>`;
  if (kind === 'email' && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value)) return html`<a href="mailto:${value}">${value}</a>`;
  if (kind === 'web' && /^https?:\/\//i.test(value)) return html`<a href=${value} rel="noopener" target="_blank">${value}</a>`;
  return value;
}

function contactBlock(c: ProfileContext, d: Deputy): TemplateResult {
  const t = c.t;
  const channels = d.contact ?? [];
  return html`<section class="block" aria-labelledby="contact-title">
    <h3 id="contact-title">${t('deputy.contact')}</h3>
    ${channels.length
      ? html`<dl class="facts">
          ${channels.map((x) => html`<dt>${x.label || t(`deputy.contactKind.${x.kind}`)}</dt><dd>${contactValue(x.kind, x.value)}</dd>`)}
        </dl>`
      : html`<p>${t('deputy.contactNone')}</p>`}
  </section>`;
}

function dutyBlock(c: ProfileContext, d: Deputy): TemplateResult | typeof nothing {
  const r = d.dutyRecord;
  const t = c.t;
  const points = c.showPoints && d.points;
  if (!r && !points) return nothing;
  const rec = r?.receptions;
  const when = (iso: string) => day(c.locale, iso);
  return html`<section class="block" aria-labelledby="duty-title">
    <h3 id="duty-title">${t('deputy.duty')}</h3>
    ${rec || r?.activities !== undefined
      ? html`<ul class="plain">
          ${rec
            ? html`<li>${rec.visitors !== undefined ? t('deputy.duty.receptionsVisitors', { count: rec.count, visitors: rec.visitors }) : t('deputy.duty.receptions', { count: rec.count })}${rec.since ? t('deputy.duty.since', { date: when(rec.since) }) : ''}</li>`
            : nothing}
          ${r?.activities !== undefined ? html`<li>${t('deputy.duty.activities', { count: r.activities })}</li>` : nothing}
        </ul>`
      : nothing}
    ${r
      ? html`<h4>${t('deputy.duty.suggestions')}</h4>
          ${r.suggestions?.length
            ? html`<ul class="plain">
                ${r.suggestions.map(
                  (s) => html`<li>
                    ${s.url ? html`<a href=${s.url}>${s.title}</a>` : s.title}
                    <span class="tag">${t(s.kind === 'motion' ? 'deputy.duty.motion' : 'deputy.duty.suggestion')}</span>${s.role
                      ? html`<span class="tag">${t(s.role === 'lead' ? 'deputy.duty.lead' : 'deputy.duty.coSigner')}</span>`
                      : nothing}<span class="tag">${t(`deputy.duty.status.${s.status}`)}</span>
                    ${s.date ? html`<span class="entry-meta">${when(s.date)}</span>` : nothing}
                  </li>`,
                )}
              </ul>`
            : html`<p>${t('deputy.duty.noSuggestions')}</p>`}`
      : nothing}
    ${r?.reports?.length
      ? html`<h4>${t('deputy.duty.reports')}</h4>
          <ul class="plain">
            ${r.reports.map((p) => html`<li>${p.url ? html`<a href=${p.url}>${p.title}</a>` : p.title} <span class="entry-meta">${when(p.date)}</span></li>`)}
          </ul>`
      : nothing}
    ${points ? html`<p>${d.points!.year ? t('deputy.pointsYear', { year: d.points!.year, total: d.points!.total }) : t('deputy.points', { total: d.points!.total })}</p>` : nothing}
  </section>`;
}

/**
 * 群众留言与答复: messages answered and published with the writer's agreement (subject, text,
 * reply; never a name), and how many messages were answered within the promised window
 * (docs/domain.md#closing-the-loop). Newest first; the first five open, the rest on demand.
 */
function messagesBlock(c: ProfileContext, d: Deputy): TemplateResult | typeof nothing {
  const t = c.t;
  const rate = d.replyRate;
  const list = d.messages ?? [];
  if (!list.length && !rate) return nothing;
  const item = (m: NonNullable<Deputy['messages']>[number]) => html`<li class="message">
    <p><strong>${m.subject}</strong> <span class="entry-meta">${day(c.locale, m.askedAt)}</span></p>
    <p class="message-text">${m.text}</p>
    <p class="message-reply"><span class="tag">${t('deputy.messages.reply')}</span>${m.reply.by ? html`<span class="entry-meta">${m.reply.by}</span> ` : nothing}<span class="entry-meta">${day(c.locale, m.reply.at)}</span><br />${m.reply.text}</p>
  </li>`;
  return html`<section class="block" part="messages" aria-labelledby="messages-title">
    <h3 id="messages-title">${t('deputy.messages')}</h3>
    ${rate
      ? html`<p>${rate.due
          ? t('deputy.messages.rate', { days: rate.withinDays, due: rate.due, replied: rate.replied, percent: Math.round((rate.replied / rate.due) * 100) })
          : t('deputy.messages.rateNone', { days: rate.withinDays })}</p>`
      : nothing}
    ${list.length
      ? html`<ul class="plain">${list.slice(0, 5).map(item)}</ul>
          ${list.length > 5
            ? html`<details><summary>${t('deputy.messages.more', { count: list.length - 5 })}</summary><ul class="plain">${list.slice(5).map(item)}</ul></details>`
            : nothing}`
      : html`<p>${t('deputy.messages.none')}</p>`}
  </section>`;
}

/** The full profile's sections after the facts and the next reception. */
export function profileBody(c: ProfileContext, d: Deputy): TemplateResult {
  const t = c.t;
  return html`
    ${d.bio ? html`<section class="block" aria-labelledby="bio-title"><h3 id="bio-title">${t('deputy.bio')}</h3><p class="bio">${d.bio}</p></section>` : nothing}
    ${d.pledges?.length
      ? html`<section class="block" aria-labelledby="pledges-title">
          <h3 id="pledges-title">${t('deputy.pledges')}</h3>
          <ul class="plain">${d.pledges.map((p) => html`<li class="pledge-text">${p}</li>`)}</ul>
        </section>`
      : nothing}
    ${d.services?.length
      ? html`<section class="block" aria-labelledby="services-title">
          <h3 id="services-title">${t('deputy.services')}</h3>
          <ul class="plain">${d.services.map((s) => html`<li><strong>${s.name}</strong>${s.description ? html`：${s.description}` : nothing}</li>`)}</ul>
        </section>`
      : nothing}
    ${dutyBlock(c, d)}
    ${messagesBlock(c, d)}
    ${contactBlock(c, d)}
    ${qrBlock(c, d)}
  `;
}
