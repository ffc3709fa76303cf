// <rd-deputy-card>: who my deputy is (亮身份、亮承诺、亮服务) and a way to reach them that gets an
// answer — a compact card, a full profile, a searchable directory, a QR code for the notice board
// (扫码找代表), the next reception, a message form (留言) and reception booking (预约接访).
import { html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { RdElement } from '../shared/rd-element.js';
import { ownConfig } from '../../services/config.js';
// Registers <rd-provider> too, so this widget's own entry works inside a provider on its own.
import { DataController } from '../../controllers/data-controller.js';
import { DraftController } from '../../controllers/draft-controller.js';
import { SubmitController } from '../../controllers/submit-controller.js';
import { consentBlock, fieldId, formActions, formProblems, receiptView, selectField, textField } from '../shared/form.js';
import { FormController } from '../../controllers/form-controller.js';
import { checkForm, type Problem } from '../../services/validation.js';
import {
  deputySchema,
  deputyDirectorySchema,
  deputyMessageData,
  MESSAGE_CATEGORIES,
  MESSAGE_SUBJECT_MAX,
  MESSAGE_TEXT_MAX,
  type Deputy,
  type DeputyLevel,
  type DeputyMessageData,
} from '../../services/schemas/deputy.js';
import { DeputyDirectory, type FacetOption, type GroupFacetOption } from '../../services/directory.js';
import { deputyPageUrl, qrPath, qrSvg, type QrPath } from '../../services/qr.js';
import { describeSchedule, describeSession, nextSessions, todayIn, type Session } from '../../services/schedule.js';
import { deputyCatalogues } from './rd-deputy-card.messages.js';
import { deputyCardStyles } from './rd-deputy-card.styles.js';

const TAG = 'rd-deputy-card';
/** Directory entries rendered at once; "show more" adds as many again. */
const PAGE = 50;

export type DeputyCardView = 'compact' | 'full' | 'qr';

interface MessageValue {
  subject: string;
  text: string;
  category: string;
  wantsReply: boolean;
  name: string;
  phone: string;
  email: string;
  publish: boolean;
  consent: boolean;
}
const emptyMessage = (): MessageValue => ({
  subject: '',
  text: '',
  category: '',
  wantsReply: false,
  name: '',
  phone: '',
  email: '',
  publish: false,
  consent: false,
});

/** Message keys for required fields, by path (more helpful than the generic "请填写此项"). */
const REQUIRED_KEYS: Record<string, string> = {
  subject: 'deputy.errors.subject',
  text: 'deputy.errors.text',
  category: 'deputy.errors.category',
};

/** Fields in the order the form shows them (the error summary follows it). */
const FORM_ORDER = ['subject', 'category', 'text', 'contact', 'contact.name', 'contact.phone', 'contact.email', 'consent'];

const CN_DIGITS = '零一二三四五六七八九';
/** 1–99 in Chinese numerals (第十八届). */
export function chineseOrdinal(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return CN_DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : CN_DIGITS[tens]}十${ones ? CN_DIGITS[ones] : ''}`;
}

/**
 * @summary A deputy's card, full profile or searchable directory, with QR code, next reception,
 * message form (留言) and reception booking (预约接访).
 *
 * @slot - Fallback content shown until the element upgrades (e.g. a link to the deputy's page).
 *
 * @event rd-ready - Data loaded and first rendered.
 * @event rd-draft-restored - A saved message draft was put back into the form.
 * @event rd-draft-saved - A message draft was written.
 * @event rd-submit - Just before a message is sent (cancelable; listeners may add headers).
 * @event rd-submitted - The server accepted the message: `{receipt, payload}`.
 * @event rd-queued - The message could not be sent now and waits in the outbox.
 * @event rd-submit-error - A failure the citizen is told about.
 * @event rd-deputy-open - Directory mode: a profile was opened; `detail: {id}`.
 *
 * @csspart base - The card or the directory.
 * @csspart card - A deputy's card or profile.
 * @csspart photo - The photo (or the initial shown instead).
 * @csspart name - The deputy's name.
 * @csspart next-reception - The next reception block.
 * @csspart qr - The QR code block.
 * @csspart form - The message form.
 * @csspart label - Form labels.
 * @csspart input - Form inputs.
 * @csspart hint - Form hints.
 * @csspart error-message - Inline errors and data notices.
 * @csspart error-summary - The error summary.
 * @csspart submit-button - The submit button.
 * @csspart receipt - The receipt after sending.
 * @csspart search - The directory search field.
 * @csspart results - The directory result list.
 * @csspart entry - One directory entry (a button).
 *
 * @cssprop --rd-deputy-card-accent - Accent colour (top border, initial avatar). Default: --rd-color-primary.
 * @cssprop --rd-deputy-card-border - Card border colour.
 * @cssprop --rd-deputy-card-avatar-size - Photo size (default 72px).
 * @cssprop --rd-deputy-card-qr-size - QR code size on the profile (default 200px).
 */
export class RdDeputyCard extends RdElement {
  static override styles = [...RdElement.styles, deputyCardStyles];
  static override catalogues = [deputyCatalogues];

  private single?: DataController<typeof deputySchema>;
  private list?: DataController<typeof deputyDirectorySchema>;

  private readonly draftCtl = new DraftController<MessageValue>(this, {
    tag: TAG,
    id: () => this.current?.id,
    apply: (v) => {
      this.message = { ...emptyMessage(), ...v, consent: false };
      this.panel = 'message';
    },
    reset: () => {
      this.message = emptyMessage();
      this.errors.reset();
    },
  });

  private readonly msgSubmit = new SubmitController(this, {
    type: 'deputy-message',
    route: '/deputy-messages',
    owner: () => (this.current ? `rd:${TAG}:${this.current.id}` : ''),
    onAccepted: () => void this.draftCtl.clear(),
  });

  private readonly msgForm = new FormController(this, this.msgSubmit, {
    validate: () => {
      const r = this.validate();
      return r.ok ? { ok: true as const, data: r.value as DeputyMessageData } : { ok: false as const };
    },
  });
  private get errors() { return this.msgForm.errors; }
  private directoryIndex?: DeputyDirectory;
  private shownDeputy?: string;
  private facets?: { levels: FacetOption[]; stations: FacetOption[]; groups: GroupFacetOption[] };
  private results: Deputy[] = [];
  private qrCache?: { url: string; qr: QrPath; download?: string };
  private sessionCache?: { key: string; deputy: Deputy; sessions: Session[] };

  /** The deputy's id: loads `GET {endpoint}/deputies/{id}`. */
  @property({ attribute: 'deputy-id' }) deputyId?: string;
  /** Directory mode: the data is a list (`{deputies: [...]}`; `GET {endpoint}/deputies`). */
  @property({ type: Boolean }) directory = false;
  /** `compact` (default) card, `full` profile, or `qr`: a printable "扫码找代表" poster. */
  @property() view: DeputyCardView = 'compact';
  /** URL of a deputy's own page, with `{id}`, e.g. `https://rd.example.gov.cn/deputy/{id}`; enables the QR code. */
  @property({ attribute: 'url-pattern' }) urlPattern?: string;
  /** Show duty points (履职积分) — a policy choice, off by default. */
  @property({ attribute: 'show-points', type: Boolean }) showPoints = false;
  /** Channel recorded with messages: `web` (default) or `qr` (a page reached by the QR code). Kiosk mode records `kiosk`. */
  @property() channel?: 'web' | 'qr';
  /** The widget's data: a deputy, or in directory mode `{deputies: [...]}`. */
  @property({ attribute: false }) data?: unknown;
  /** Overrides the whole POST URL of bookings (`submit-url` is the messages' URL). */
  @property({ attribute: 'booking-url' }) bookingUrl?: string;
  /** The time "now" for the next reception (default: the clock). Property only; for kiosks and tests. */
  @property({ attribute: false }) now?: Date | number;
  /** Message categories (codes and labels) instead of the defaults. */
  @property({ attribute: false }) categories?: ReadonlyArray<{ value: string; label: string }>;

  @state() private message: MessageValue = emptyMessage();
  @state() private panel: 'none' | 'message' | 'booking' = 'none';
  /** The booking form was opened once (kept rendered so its receipt stays). */
  @state() private bookingOpened = false;
  @state() private expanded = false;
  @state() private query = '';
  @state() private level = '';
  @state() private station = '';
  @state() private group = '';
  @state() private limit = PAGE;
  @state() private openId?: string;
  private lastOpened?: string;

  /** The deputy shown (single mode), or the profile opened from the directory. */
  get current(): Deputy | undefined {
    if (this.directory) return this.openId ? this.directoryIndex?.get(this.openId) : undefined;
    return this.single?.value;
  }

  // ---- data ------------------------------------------------------------------------------------

  private ensureData() {
    if (this.directory && !this.list) {
      if (this.single) this.removeController(this.single);
      this.single = undefined;
      this.list = new DataController(this, {
        schema: deputyDirectorySchema,
        route: () => '/deputies',
        onData: (v) => {
          this.directoryIndex = new DeputyDirectory(v.deputies);
          this.facets = this.directoryIndex.facets();
          this.results = this.directoryIndex.search(this.searchQuery());
          if (this.openId && !this.directoryIndex.get(this.openId)) this.openId = undefined;
        },
      });
    } else if (!this.directory && !this.single) {
      if (this.list) this.removeController(this.list);
      this.list = undefined;
      this.single = new DataController(this, {
        schema: deputySchema,
        id: () => this.deputyId,
        route: (id) => (id ? `/deputies/${encodeURIComponent(id)}` : undefined),
        onData: () => this.deputyChanged(),
      });
    }
  }

  private searchQuery() {
    return { text: this.query, level: this.level as DeputyLevel | '', stationId: this.station, groupId: this.group };
  }

  /** A different deputy is shown: fresh form, its own draft and outbox. */
  private deputyChanged() {
    // The same deputy again (data set again by a framework, the card moved, the same profile
    // reopened): keep what the citizen has typed and the open panel.
    const id = this.current?.id;
    if (id && id === this.shownDeputy) return;
    this.shownDeputy = id;
    this.message = emptyMessage();
    this.panel = 'none';
    this.bookingOpened = false;
    this.msgForm.reset();
    void this.draftCtl.restore();
  }

  // ---- directory -------------------------------------------------------------------------------

  private setFilter(patch: Partial<{ query: string; level: string; station: string; group: string }>) {
    Object.assign(this, patch);
    this.limit = PAGE;
    if (this.directoryIndex) this.results = this.directoryIndex.search(this.searchQuery());
  }

  private async open(id: string) {
    this.lastOpened = id;
    this.openId = id;
    this.deputyChanged();
    this.dispatchEvent(new RdDeputyOpenEvent({ id }));
    await this.updateComplete;
    this.shadowRoot?.querySelector<HTMLElement>('[data-profile-heading]')?.focus();
  }

  private async back() {
    this.openId = undefined;
    await this.updateComplete;
    const id = this.lastOpened;
    const entry = id ? this.shadowRoot?.querySelector<HTMLElement>(`[data-entry="${CSS.escape(id)}"]`) : null;
    (entry ?? this.shadowRoot?.querySelector<HTMLElement>('#f-search'))?.focus();
  }

  private async showMore() {
    const first = this.limit;
    this.limit += PAGE;
    await this.updateComplete;
    this.shadowRoot?.querySelectorAll<HTMLElement>('[data-entry]')[first]?.focus();
  }

  // ---- message form ----------------------------------------------------------------------------

  private setMessage(patch: Partial<MessageValue>) {
    this.message = { ...this.message, ...patch };
    this.draftCtl.save({ ...this.message, consent: false });
    if (this.errors.submitted) this.validate();
  }

  private messageData(): unknown {
    const m = this.message;
    const d = this.current!;
    const contact = m.wantsReply
      ? {
          ...(m.name.trim() ? { name: m.name.trim() } : {}),
          ...(m.phone.trim() ? { phone: m.phone.trim() } : {}),
          ...(m.email.trim() ? { email: m.email.trim() } : {}),
        }
      : undefined;
    return {
      deputyId: d.id,
      ...(d.stations?.[0] ? { stationId: d.stations[0].id } : {}),
      subject: m.subject,
      text: m.text,
      category: m.category,
      wantsReply: m.wantsReply,
      ...(contact ? { contact } : {}),
      publish: m.publish,
      channel: this.config.kiosk ? 'kiosk' : this.channel === 'qr' ? 'qr' : 'web',
      consent: m.consent ? { version: this.config.privacyVersion, at: new Date().toISOString() } : undefined,
    };
  }

  private validate() {
    const r = checkForm(deputyMessageData, this.messageData());
    const problems: Problem[] = r.ok ? [] : r.problems.map((p) => this.refineProblem(p));
    // Object-level rules only run once every field parses; say "contact needed" at once anyway.
    const m = this.message;
    if (m.wantsReply && !m.phone.trim() && !m.email.trim() && !problems.some((p) => p.path === 'contact.phone')) {
      problems.push({ path: 'contact.phone', key: 'deputy.errors.contactNeeded' });
    }
    problems.sort((a, b) => FORM_ORDER.indexOf(a.path) - FORM_ORDER.indexOf(b.path));
    this.errors.set(problems);
    return r;
  }

  private refineProblem(p: Problem): Problem {
    if (p.path === 'consent') return { path: 'consent', key: 'errors.consent' };
    if (p.path === 'category') return { path: 'category', key: 'deputy.errors.category' };
    const key = REQUIRED_KEYS[p.path];
    if (key && p.key === 'errors.required') return { path: p.path, key };
    return p;
  }



  private async togglePanel(panel: 'message' | 'booking') {
    this.panel = this.panel === panel ? 'none' : panel;
    if (this.panel === 'none') return;
    if (panel === 'booking') this.bookingOpened = true;
    await this.updateComplete;
    if (panel === 'message') {
      this.shadowRoot?.querySelector<HTMLElement>('[data-panel-heading="message"]')?.focus();
    } else {
      const form = this.shadowRoot?.querySelector('rd-appointment-form');
      await form?.updateComplete;
      form?.shadowRoot?.querySelector<HTMLElement>('input')?.focus();
    }
  }

  protected override kioskReset() {
    this.message = emptyMessage();
    this.panel = 'none';
    this.bookingOpened = false;
    this.msgForm.reset();
    if (this.directory) {
      this.openId = undefined;
      this.setFilter({ query: '', level: '', station: '', group: '' });
    }
  }

  // ---- lifecycle -------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>) {
    super.willUpdate(changed);
    this.ensureData();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.qrCache?.download) URL.revokeObjectURL(this.qrCache.download);
    this.qrCache = undefined;
  }

  // ---- helpers for rendering -------------------------------------------------------------------

  /**
   * The deputy's next sessions (up to 5): from their reception schedule, leaving out sessions
   * whose duty list names other deputies only. Cached per deputy and minute.
   */
  sessionsFor(d: Deputy): Session[] {
    if (!d.receptionSchedule || d.status.code !== 'serving') return [];
    const now = +(this.now ?? Date.now());
    const key = `${Math.floor(now / 60_000)}`;
    if (this.sessionCache?.deputy === d && this.sessionCache.key === key) return this.sessionCache.sessions;
    let sessions: Session[] = [];
    try {
      sessions = nextSessions(d.receptionSchedule, { now, count: 40 })
        .filter((s) => s.deputyIds.length === 0 || s.deputyIds.includes(d.id))
        .slice(0, 5);
    } catch (e) {
      console.warn(`[rd-widgets] <${TAG}> reception schedule: ${(e as Error).message}`);
    }
    this.sessionCache = { key, deputy: d, sessions };
    return sessions;
  }

  private sessionText(s: Session, d: Deputy): string {
    const withYear = s.date.slice(0, 4) !== todayIn(s.timeZone, this.now ?? Date.now()).slice(0, 4);
    const place = s.place?.name ?? d.stations?.[0]?.name;
    return `${describeSession(s, this.locale, withYear)}${s.topic ? ` · ${s.topic}` : ''}${place ? ` · ${place}` : ''}`;
  }

  private renderNext(d: Deputy, full: boolean): TemplateResult | typeof nothing {
    if (!d.receptionSchedule || d.status.code !== 'serving') return nothing;
    const t = this.t;
    const sessions = this.sessionsFor(d);
    const [next, ...later] = sessions;
    const tentative = (s: Session) => (s.certainty === 'unknown' ? html` <span class="entry-meta">${t('deputy.tentative')}</span>` : nothing);
    return html`<div class="next" part="next-reception">
      <h3>${t('deputy.nextReception')}</h3>
      ${next ? html`<p>${this.sessionText(next, d)}${tentative(next)}</p>${next.note ? html`<p class="entry-meta">${next.note}</p>` : nothing}` : html`<p>${t('deputy.nextReceptionNone')}</p>`}
      ${full && later.length
        ? html`<h4>${t('deputy.upcoming')}</h4>
            <ul class="plain">${later.map((s) => html`<li>${this.sessionText(s, d)}${tentative(s)}</li>`)}</ul>`
        : nothing}
      ${full
        ? html`<h4>${t('deputy.receptionSchedule')}</h4>
            <ul class="plain">${describeSchedule(d.receptionSchedule, this.locale).map((line) => html`<li>${line}</li>`)}</ul>
            ${d.receptionSchedule.note ? html`<p>${d.receptionSchedule.note}</p>` : nothing}`
        : nothing}
    </div>`;
  }

  /** One line for the poster: the next reception. */
  private renderNextLine(d: Deputy): TemplateResult | typeof nothing {
    const next = this.sessionsFor(d)[0];
    return next ? html`<p>${this.t('deputy.nextReception')}：${this.sessionText(next, d)}</p>` : nothing;
  }

  private day(iso: string): string {
    const d = new Date(`${iso}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) return iso;
    return new Intl.DateTimeFormat(this.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
  }

  private termText(d: Deputy): string {
    const n = this.locale === 'zh-CN' ? chineseOrdinal(d.term.number) : String(d.term.number);
    return d.term.fromYear && d.term.untilYear
      ? this.t('deputy.termYears', { n, from: d.term.fromYear, until: d.term.untilYear })
      : this.t('deputy.term', { n });
  }

  private statusText(d: Deputy): string {
    const s = this.t(`deputy.status.${d.status.code}`);
    return d.status.date ? this.t('deputy.statusSince', { status: s, date: this.day(d.status.date) }) : s;
  }

  private qrFor(d: Deputy): { url: string; qr: QrPath } | undefined {
    if (!this.urlPattern) return undefined;
    let url: string;
    try {
      url = deputyPageUrl(this.urlPattern, d.id, document.baseURI);
    } catch (e) {
      console.warn(`[rd-widgets] <${TAG}> url-pattern: ${(e as Error).message}`);
      return undefined;
    }
    if (this.qrCache?.url === url) return this.qrCache;
    if (this.qrCache?.download) URL.revokeObjectURL(this.qrCache.download);
    try {
      this.qrCache = { url, qr: qrPath(url) };
    } catch (e) {
      console.warn(`[rd-widgets] <${TAG}> QR code: ${(e as Error).message}`);
      this.qrCache = undefined;
    }
    return this.qrCache;
  }

  private qrDownloadUrl(d: Deputy, url: string): string {
    if (this.qrCache?.url === url && this.qrCache.download) return this.qrCache.download;
    const doc = qrSvg(url, { title: `${this.t('deputy.qr.title')}：${d.name}`, pixelSize: 10 });
    const href = URL.createObjectURL(new Blob([doc], { type: 'image/svg+xml' }));
    if (this.qrCache?.url === url) this.qrCache.download = href;
    return href;
  }

  // ---- render ----------------------------------------------------------------------------------

  private renderAvatar(d: Deputy, small = false): TemplateResult {
    if (d.photo) {
      return html`<img class="avatar" part="photo" src=${d.photo.src} alt=${small ? '' : d.photo.alt || this.t('deputy.photoAlt', { name: d.name })} loading="lazy" decoding="async" />`;
    }
    return html`<span class="avatar avatar--initial" part="photo" aria-hidden="true">${[...d.name][0] ?? ''}</span>`;
  }

  private renderHead(d: Deputy, heading: 'h2' | 'h3', focusable = false): TemplateResult {
    const name = focusable
      ? html`<h2 class="name" part="name" id="deputy-name" tabindex="-1" data-profile-heading>${d.name}</h2>`
      : heading === 'h2'
        ? html`<h2 class="name" part="name" id="deputy-name">${d.name}</h2>`
        : html`<h3 class="name" part="name" id="deputy-name">${d.name}</h3>`;
    return html`<div class="head">
      ${this.renderAvatar(d)}
      <div>
        ${name}
        <p class="level">${this.t(`deputy.level.${d.level}`)} · ${this.termText(d)}</p>
        ${d.status.code !== 'serving' ? html`<p class="status">${this.statusText(d)}</p>` : nothing}
      </div>
    </div>`;
  }

  private renderFacts(d: Deputy, full: boolean): TemplateResult {
    const t = this.t;
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

  private renderQr(d: Deputy, poster = false): TemplateResult | typeof nothing {
    const q = this.qrFor(d);
    if (!q) return nothing;
    const { size, path } = q.qr;
    const label = this.t('deputy.qr.label', { name: d.name, url: q.url });
    const code = html`<svg viewBox="0 0 ${size} ${size}" role="img" aria-label=${label} shape-rendering="crispEdges">
      ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="#000"></path>`}
    </svg>`;
    if (poster) return code;
    return html`<section class="block" part="qr" aria-labelledby="qr-title">
      <h3 id="qr-title">${this.t('deputy.qr.title')}</h3>
      <div class="qr">
        ${code}
        <div class="qr-caption">
          <p>${this.t('deputy.qr.caption', { name: d.name })}</p>
          <p class="qr-download"><a href=${this.qrDownloadUrl(d, q.url)} download="${d.id}-qr.svg">${this.t('deputy.qr.download')}</a></p>
        </div>
      </div>
    </section>`;
  }

  private renderContact(d: Deputy): TemplateResult {
    const t = this.t;
    const channels = d.contact ?? [];
    return html`<section class="block" aria-labelledby="contact-title">
      <h3 id="contact-title">${t('deputy.contact')}</h3>
      ${channels.length
        ? html`<dl class="facts">
            ${channels.map((c) => html`<dt>${c.label || t(`deputy.contactKind.${c.kind}`)}</dt><dd>${this.contactValue(c.kind, c.value)}</dd>`)}
          </dl>`
        : html`<p>${t('deputy.contactNone')}</p>`}
    </section>`;
  }

  /** Published contact values as text, linked only with safe schemes built here. */
  private contactValue(kind: string, value: string): TemplateResult | string {
    if (kind === 'phone' && /^[+\d][\d\s()-]{4,30}$/.test(value)) return html`<a href="tel:${value.replace(/[^\d+]/g, '')}">${value}</a>`;
    if (kind === 'email' && /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]+$/.test(value)) return html`<a href="mailto:${value}">${value}</a>`;
    if (kind === 'web' && /^https?:\/\//i.test(value)) return html`<a href=${value} rel="noopener" target="_blank">${value}</a>`;
    return value;
  }

  private renderDuty(d: Deputy): TemplateResult | typeof nothing {
    const r = d.dutyRecord;
    const t = this.t;
    const points = this.showPoints && d.points;
    if (!r && !points) return nothing;
    const rec = r?.receptions;
    return html`<section class="block" aria-labelledby="duty-title">
      <h3 id="duty-title">${t('deputy.duty')}</h3>
      ${rec || r?.activities !== undefined
        ? html`<ul class="plain">
            ${rec
              ? html`<li>${rec.visitors !== undefined ? t('deputy.duty.receptionsVisitors', { count: rec.count, visitors: rec.visitors }) : t('deputy.duty.receptions', { count: rec.count })}${rec.since ? t('deputy.duty.since', { date: this.day(rec.since) }) : ''}</li>`
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
                      ${s.date ? html`<span class="entry-meta">${this.day(s.date)}</span>` : nothing}
                    </li>`,
                  )}
                </ul>`
              : html`<p>${t('deputy.duty.noSuggestions')}</p>`}`
        : nothing}
      ${r?.reports?.length
        ? html`<h4>${t('deputy.duty.reports')}</h4>
            <ul class="plain">
              ${r.reports.map((p) => html`<li>${p.url ? html`<a href=${p.url}>${p.title}</a>` : p.title} <span class="entry-meta">${this.day(p.date)}</span></li>`)}
            </ul>`
        : nothing}
      ${points ? html`<p>${d.points!.year ? t('deputy.pointsYear', { year: d.points!.year, total: d.points!.total }) : t('deputy.points', { total: d.points!.total })}</p>` : nothing}
    </section>`;
  }

  private renderProfileBody(d: Deputy): TemplateResult {
    const t = this.t;
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
      ${this.renderDuty(d)}
      ${this.renderContact(d)}
      ${this.renderQr(d)}
    `;
  }

  private renderReach(d: Deputy): TemplateResult {
    const t = this.t;
    if (d.status.code !== 'serving') {
      return html`<div class="rd-notice" part="status-notice">
        <p>${t('deputy.notServing', { status: t(`deputy.status.${d.status.code}`), date: d.status.date ? this.day(d.status.date) : '' })}</p>
        ${d.status.note ? html`<p>${d.status.note}</p>` : nothing}
      </div>`;
    }
    const sent = this.msgSubmit.state === 'submitted';
    return html`<section class="block forms" aria-labelledby="reach-title">
      <h3 id="reach-title">${t('deputy.actions')}</h3>
      <div class="rd-actions">
        <button type="button" class="rd-button ${this.panel === 'message' ? '' : 'rd-button--secondary'}" aria-expanded=${this.panel === 'message' ? 'true' : 'false'} aria-controls="panel-message" @click=${() => this.togglePanel('message')}>
          ${t('deputy.writeMessage')}
        </button>
        <button type="button" class="rd-button ${this.panel === 'booking' ? '' : 'rd-button--secondary'}" aria-expanded=${this.panel === 'booking' ? 'true' : 'false'} aria-controls="panel-booking" @click=${() => this.togglePanel('booking')}>
          ${t('deputy.book')}
        </button>
      </div>
      <div id="panel-message" class="panel" ?hidden=${this.panel !== 'message'}>
        ${this.panel === 'message' || sent ? this.renderMessageForm(d) : nothing}
      </div>
      <div id="panel-booking" class="panel" ?hidden=${this.panel !== 'booking'}>
        ${this.bookingOpened ? this.renderBooking(d) : nothing}
      </div>
    </section>`;
  }

  /** The shared booking form, given this card's own configuration (the rest comes from <rd-provider>). */
  private renderBooking(d: Deputy): TemplateResult {
    const station = d.stations?.[0];
    return html`<rd-appointment-form
      heading-level="4"
      .deputyId=${d.id}
      .stationId=${station?.id}
      .placeName=${station?.name}
      .deputyName=${d.name}
      .sessions=${this.sessionsFor(d)}
      .channel=${this.config.kiosk ? 'kiosk' : this.channel === 'qr' ? 'qr' : 'web'}
      .hostConfig=${ownConfig(this)}
      .submitUrl=${this.bookingUrl}
    ></rd-appointment-form>`;
  }

  private renderMessageForm(d: Deputy): TemplateResult {
    const t = this.t;
    const s = this.msgSubmit;
    if (s.state === 'submitted' && s.receipt) {
      const data = s.payload?.data as DeputyMessageData | undefined;
      return receiptView({
        t,
        receipt: s.receipt,
        title: t('deputy.message.receiptTitle'),
        numberLabel: t('deputy.message.receiptNumber'),
        message: s.message,
        replyWindow: this.config.replyWindow || undefined,
        summary: data
          ? [
              { label: t('deputy.message.subject'), value: data.subject },
              { label: t('deputy.message.category'), value: this.categoryLabel(data.category) },
              { label: t('deputy.message.text'), value: data.text },
            ]
          : [],
        newLabel: t('deputy.message.another'),
        onNew: () => {
          this.message = emptyMessage();
          this.msgForm.reset();
        },
      });
    }
    const m = this.message;
    const shown = this.errors.shown(t);
    const station = d.stations?.[0]?.name;
    return html`<form part="form" novalidate @submit=${this.msgForm.run} aria-labelledby="message-title">
      <h3 id="message-title" tabindex="-1" data-panel-heading="message">${t('deputy.message.title', { name: d.name })}</h3>
      <p>${station ? t('deputy.message.intro', { station }) : t('deputy.message.introNoStation')}</p>
      ${this.draftCtl.renderNotice(() => this.message)}
      ${formProblems(t, this.msgForm, shown)}
      ${textField({ t, id: fieldId('subject'), label: t('deputy.message.subject'), value: m.subject, required: true, maxlength: MESSAGE_SUBJECT_MAX, error: this.errors.for('subject', t), onInput: (v) => this.setMessage({ subject: v }) })}
      ${selectField({ t, id: fieldId('category'), label: t('deputy.message.category'), value: m.category, required: true, placeholder: t('deputy.message.categoryPlaceholder'), options: this.categoryOptions(), error: this.errors.for('category', t), onChange: (v) => this.setMessage({ category: v }) })}
      ${textField({ t, id: fieldId('text'), label: t('deputy.message.text'), hint: t('deputy.message.textHint'), value: m.text, multiline: true, rows: 6, required: true, maxlength: MESSAGE_TEXT_MAX, counter: true, error: this.errors.for('text', t), onInput: (v) => this.setMessage({ text: v }) })}
      ${this.checkbox('f-wantsReply', t('deputy.message.wantsReply'), m.wantsReply, (c) => this.setMessage({ wantsReply: c }), t('deputy.message.wantsReplyHint'))}
      ${m.wantsReply
        ? html`<fieldset class="rd-fieldset">
            <legend class="rd-label">${t('deputy.message.contactHint')}</legend>
            ${textField({ t, id: fieldId('contact.name'), label: t('deputy.message.name'), value: m.name, markOptional: true, maxlength: 50, autocomplete: 'name', error: this.errors.for('contact.name', t), onInput: (v) => this.setMessage({ name: v }) })}
            ${textField({ t, id: fieldId('contact.phone'), label: t('deputy.message.phone'), value: m.phone, type: 'tel', autocomplete: 'tel', inputmode: 'tel', maxlength: 30, error: this.errors.for('contact.phone', t), onInput: (v) => this.setMessage({ phone: v }) })}
            ${textField({ t, id: fieldId('contact.email'), label: t('deputy.message.email'), value: m.email, type: 'email', autocomplete: 'email', maxlength: 200, error: this.errors.for('contact.email', t), onInput: (v) => this.setMessage({ email: v }) })}
          </fieldset>`
        : nothing}
      ${this.checkbox('f-publish', t('deputy.message.publish'), m.publish, (c) => this.setMessage({ publish: c }))}
      ${consentBlock({ t, id: fieldId('consent'), checked: m.consent, error: this.errors.for('consent', t), privacyUrl: this.config.privacyUrl || undefined, onChange: (c) => this.setMessage({ consent: c }) })}
      ${formActions(t, this.msgForm, 'f-website', t('deputy.message.submit'))}
    </form>`;
  }

  private checkbox(id: string, label: string, checked: boolean, onChange: (c: boolean) => void, hint?: string): TemplateResult {
    return html`<div class="rd-field">
      ${hint ? html`<p id="${id}-hint" class="rd-hint" part="hint">${hint}</p>` : nothing}
      <label class="rd-choice" for=${id}>
        <input id=${id} type="checkbox" .checked=${live(checked)} aria-describedby=${ifDefined(hint ? `${id}-hint` : undefined)} @change=${(e: Event) => onChange((e.target as HTMLInputElement).checked)} />
        <span>${label}</span>
      </label>
    </div>`;
  }

  private categoryOptions() {
    return this.categories?.length
      ? this.categories.map((c) => ({ value: c.value, label: c.label }))
      : MESSAGE_CATEGORIES.map((c) => ({ value: c, label: this.t(`deputy.category.${c}`) }));
  }

  private categoryLabel(code: string) {
    return this.categoryOptions().find((c) => c.value === code)?.label ?? code;
  }

  private renderCard(d: Deputy): TemplateResult {
    const full = this.view === 'full' || this.expanded;
    if (this.view === 'qr') {
      return html`<article class="poster" part="base card" aria-labelledby="deputy-name">
        <p><strong>${this.t('deputy.qr.title')}</strong></p>
        <h2 class="name" part="name" id="deputy-name">${d.name}</h2>
        <p class="level">${this.t(`deputy.level.${d.level}`)}${d.stations?.length ? ` · ${d.stations.map((s) => s.name).join('、')}` : ''}</p>
        ${this.renderQr(d, true)}
        ${this.renderNextLine(d)}
        <p>${this.t('deputy.qr.caption', { name: d.name })}</p>
      </article>`;
    }
    return html`<article class="card" part="base card" aria-labelledby="deputy-name">
      ${this.renderHead(d, 'h2')}
      ${this.renderFacts(d, full)}
      ${this.renderNext(d, full)}
      ${full ? this.renderProfileBody(d) : nothing}
      ${this.view === 'compact'
        ? html`<div class="rd-actions">
            <button type="button" class="rd-button rd-button--secondary" aria-expanded=${this.expanded ? 'true' : 'false'} @click=${() => (this.expanded = !this.expanded)}>
              ${this.t(this.expanded ? 'deputy.showLess' : 'deputy.showMore')}
            </button>
          </div>`
        : nothing}
      ${full || this.panel !== 'none' ? this.renderReach(d) : nothing}
    </article>`;
  }

  private renderProfile(d: Deputy): TemplateResult {
    return html`<div class="rd-actions"><button type="button" class="rd-button rd-button--link" @click=${() => this.back()}>← ${this.t('deputy.directory.back')}</button></div>
      <article class="card" part="card" aria-labelledby="deputy-name">
        ${this.renderHead(d, 'h2', true)}
        ${this.renderFacts(d, true)}
        ${this.renderNext(d, true)}
        ${this.renderProfileBody(d)}
        ${this.renderReach(d)}
      </article>`;
  }

  private renderDirectory(): TemplateResult {
    const t = this.t;
    const f = this.facets!;
    const total = this.directoryIndex!.size;
    const filtered = !!(this.query.trim() || this.level || this.station || this.group);
    const shown = this.results.slice(0, this.limit);
    const all = t('deputy.directory.all');
    return html`<section part="base" aria-labelledby="dir-title">
      <h2 id="dir-title">${this.list?.value?.title || t('deputy.directory.title')}</h2>
      <div class="rd-field" part="search">
        <label class="rd-label" for="f-search">${t('deputy.directory.search')}</label>
        <p id="f-search-hint" class="rd-hint">${t('deputy.directory.searchHint')}</p>
        <input id="f-search" class="rd-input" type="search" part="input" autocomplete="off" enterkeyhint="search"
          aria-describedby="f-search-hint" aria-controls="results" .value=${live(this.query)}
          @input=${(e: Event) => this.setFilter({ query: (e.target as HTMLInputElement).value })} />
      </div>
      <div class="filters">
        ${selectField({ t, id: 'f-level', label: t('deputy.directory.level'), value: this.level, placeholder: all, options: f.levels.map((l) => ({ value: l.value, label: `${t(`deputy.levelShort.${l.value}`)}（${l.count}）` })), onChange: (v) => this.setFilter({ level: v }) })}
        ${selectField({ t, id: 'f-station', label: t('deputy.directory.station'), value: this.station, placeholder: all, options: f.stations.map((s) => ({ value: s.value, label: `${s.label}（${s.count}）` })), onChange: (v) => this.setFilter({ station: v }) })}
        ${selectField({ t, id: 'f-group', label: t('deputy.directory.group'), value: this.group, placeholder: all, options: f.groups.map((g) => ({ value: g.value, label: `${g.label}（${g.count}）` })), onChange: (v) => this.setFilter({ group: v }) })}
      </div>
      <p class="count" role="status">${filtered ? t('deputy.directory.countFiltered', { count: this.results.length, total }) : t('deputy.directory.count', { count: total })}</p>
      ${filtered ? html`<div class="rd-actions"><button type="button" class="rd-button rd-button--link" @click=${() => this.setFilter({ query: '', level: '', station: '', group: '' })}>${t('deputy.directory.clear')}</button></div>` : nothing}
      ${this.results.length
        ? html`<ul class="results" id="results" part="results">
            ${shown.map((d) => this.renderEntry(d))}
          </ul>`
        : html`<p class="rd-notice" id="results">${t('deputy.directory.none')}</p>`}
      ${this.results.length > this.limit
        ? html`<div class="rd-actions"><button type="button" class="rd-button rd-button--secondary" @click=${() => this.showMore()}>${t('deputy.directory.more', { count: this.results.length - this.limit })}</button></div>`
        : nothing}
    </section>`;
  }

  private renderEntry(d: Deputy): TemplateResult {
    const station = d.stations?.[0]?.name;
    return html`<li>
      <button type="button" class="entry" part="entry" data-entry=${d.id} @click=${() => this.open(d.id)}>
        ${this.renderAvatar(d, true)}
        <span class="entry-text">
          <span class="entry-name">${d.name}</span>
          <span class="entry-meta">${this.t(`deputy.level.${d.level}`)}${station ? ` · ${station}` : ''}</span>
          ${d.status.code !== 'serving' ? html`<span class="entry-former">${this.t(`deputy.status.${d.status.code}`)}</span>` : nothing}
        </span>
      </button>
    </li>`;
  }

  protected override render() {
    const ctl = this.directory ? this.list : this.single;
    if (!ctl || ctl.status !== 'complete') return ctl?.renderStatus() ?? nothing;
    if (this.directory) {
      const d = this.current;
      return d ? this.renderProfile(d) : this.renderDirectory();
    }
    return this.renderCard(this.single!.value!);
  }
}

/** Directory mode: a deputy's profile was opened. */
export class RdDeputyOpenEvent extends Event {
  constructor(readonly detail: { id: string }) {
    super('rd-deputy-open', { bubbles: true, composed: true });
  }
}
