// <rd-deputy-card>: who my deputy is (亮身份、亮承诺、亮服务) and a way to reach them that gets an
// answer — a compact card, a full profile, a searchable directory, a QR code for the notice board
// (扫码找代表), the next reception, a message form (留言) and reception booking (预约接访).
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { RdElement } from '../shared/rd-element.js';
import { ownConfig } from '../../services/config.js';
import { DataController } from '../../controllers/data-controller.js';
import { LazyPart } from '../../controllers/lazy-part.js';
import { WaitingWorkController } from '../../controllers/waiting-work.js';
import { draftKey } from '../../services/waiting-work.js';
import { deputySchema, deputyDirectorySchema, MESSAGE_CATEGORIES, type Deputy, type DeputyLevel } from '../../services/schemas/deputy.js';
import type { DeputyDirectory, FacetOption, GroupFacetOption } from '../../services/directory.js';
import { nextSessions, type Session } from '../../services/schedule.js';
import { day, nextReception, profileBody, profileFacts, profileHead, type ProfileContext, type QrView } from './deputy-profile-view.js';
import type { DeputyQr } from './deputy-qr-view.js';
import type { MessagePart } from './deputy-message-part.js';
import { zh as messages } from './rd-deputy-card.messages.js';
import { catalogues } from '../../services/i18n/index.js';
import { deputyCardStyles } from './rd-deputy-card.styles.js';

/** The element's strings: zh-CN bundled, English loaded when first shown in English. */
export const deputyCatalogues = catalogues(messages, () => import('./rd-deputy-card.messages.en.js'));

const TAG = 'rd-deputy-card';
/** Directory entries rendered at once; "show more" adds as many again. */
const PAGE = 50;

export type DeputyCardView = 'compact' | 'full' | 'qr';

/**
 * @tag rd-deputy-card
 * @summary A deputy's card, full profile or searchable directory, with QR code, next reception,
 * message form (留言) and reception booking (预约接访).
 *
 * @slot - Fallback content shown until the element upgrades (e.g. a link to the deputy's page).
 *
 * @event rd-ready - Data loaded and first rendered.
 * @event rd-draft-restored - A saved message draft was put back into the form.
 * @event rd-draft-saved - A message draft was written.
 * @event rd-submit - Just before a message is sent (cancelable; listeners may add headers).
 * @event rd-submitted - The server accepted the message: `{receipt, lookupCode?, payload}`.
 * @event rd-queued - The message could not be sent now and waits in the outbox.
 * @event rd-submit-error - A failure the citizen is told about.
 * @event rd-deputy-open - Directory mode: a profile was opened; `detail: {id}`.
 *
 * @csspart base - The card or the directory.
 * @csspart card - A deputy's card or profile.
 * @csspart messages - Published messages with their replies, and the reply rate.
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
 * @csspart copy-button - The button copying the receipt number and lookup code.
 * @csspart lookup-link - The link to the portal's lookup page (`lookup-url`).
 * @csspart consent - The personal-information consent block.
 * @csspart draft-notice - Restored-draft, drafts-off and other-tab notices.
 * @csspart queued-notice - "Kept on this device, sent later" after a failed send.
 * @csspart status-notice - The notice on a deputy who no longer serves.
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

  /**
   * The message form with its draft and submission (deputy-message-part.ts), a chunk loaded when
   * 写留言 is first opened — or at once when a draft or an outbox entry of this card waits on the
   * device (README "Figures").
   */
  private message?: MessagePart;
  private readonly messagePart = new LazyPart(this, () => import('./deputy-message-part.js'), 'deputy.part.message', (m) => {
    if (this.message) return;
    this.useCatalogues(m.messageCatalogues);
    this.message = new m.MessagePart(this, {
      deputy: () => this.current,
      owner: () => this.messageOwner(),
      openPanel: () => { this.panel = 'message'; },
      categories: () => this.categoryOptions(),
      channel: () => this.recordedChannel(),
    });
    this.message.shown();
  });

  constructor() {
    super();
    new WaitingWorkController(
      this,
      // A directory without a profile open asks about other pages' queued entries only (they are
      // sent by whichever page is open: the message half sends them).
      () => (this.current ? { draft: draftKey(TAG, this.current.id), owner: this.messageOwner() } : this.directory && this.list?.value ? {} : undefined),
      () => this.messagePart.ensure(),
    );
  }
  private directoryIndex?: DeputyDirectory;
  private shownDeputy?: string;
  private facets?: { levels: FacetOption[]; stations: FacetOption[]; groups: GroupFacetOption[] };
  private results: Deputy[] = [];
  private qr?: DeputyQr;
  /** The QR code view with its encoder, imported when a code is first shown (with `url-pattern`; README "Figures"). */
  private readonly qrView = new LazyPart<QrView>(this, () => import('./deputy-qr-view.js'), 'lazy.part.qr', (m) => { this.qr ??= new m.DeputyQr(); });
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
        // Indexed once the directory's chunk is here (at once when it already is).
        onData: () => {
          const part = this.directoryPart.value;
          if (part) this.indexDirectory(part.DeputyDirectory);
          else return this.directoryPart.get();
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
    this.panel = 'none';
    this.bookingOpened = false;
    this.message?.shown();
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

  /** The outbox owner of messages to the deputy shown. */
  private messageOwner(): string {
    return this.current ? `rd:${TAG}:${this.current.id}` : '';
  }

  /** Channel recorded with messages and bookings. */
  private recordedChannel(): 'web' | 'qr' | 'kiosk' {
    return this.config.kiosk ? 'kiosk' : this.channel === 'qr' ? 'qr' : 'web';
  }

  private async togglePanel(panel: 'message' | 'booking') {
    this.panel = this.panel === panel ? 'none' : panel;
    if (this.panel === 'none') return;
    if (panel === 'booking') this.bookingOpened = true;
    await this.updateComplete;
    // The form arrives with its chunk; if it cannot, focus the notice's 重试 button.
    if (panel === 'message') {
      await this.messagePart.get().catch(() => {});
      await this.updateComplete;
      if (this.panel !== 'message') return;
      (this.shadowRoot?.querySelector<HTMLElement>('[data-panel-heading="message"]') ?? this.shadowRoot?.querySelector<HTMLElement>('#panel-message [data-lazy-failed] button'))?.focus();
    } else {
      await this.bookingPart.get().catch(() => {});
      await this.updateComplete;
      if (this.panel !== 'booking') return;
      const form = this.shadowRoot?.querySelector('rd-appointment-form');
      await form?.updateComplete;
      (form?.shadowRoot?.querySelector<HTMLElement>('input') ?? this.shadowRoot?.querySelector<HTMLElement>('#panel-booking [data-lazy-failed] button'))?.focus();
    }
  }

  protected override kioskReset() {
    this.panel = 'none';
    this.bookingOpened = false;
    this.message?.clear();
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
    this.qr?.dispose();
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

  private get profile(): ProfileContext {
    return { t: this.t, locale: this.locale, now: this.now, showPoints: this.showPoints, sessions: (d) => this.sessionsFor(d), qrView: this.qrView, qr: this.qr, urlPattern: this.urlPattern };
  }

  private renderReach(d: Deputy): TemplateResult {
    const t = this.t;
    if (d.status.code !== 'serving') {
      return html`<div class="rd-notice" part="status-notice">
        <p>${t('deputy.notServing', { status: t(`deputy.status.${d.status.code}`), date: d.status.date ? day(this.locale, d.status.date) : '' })}</p>
        ${d.status.note ? html`<p>${d.status.note}</p>` : nothing}
      </div>`;
    }
    const sent = !!this.message?.sent;
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
        ${this.panel === 'message' || sent
          ? this.messagePart.render(() => this.message!.render(d))
          : nothing}
      </div>
      <div id="panel-booking" class="panel" ?hidden=${this.panel !== 'booking'}>
        ${this.bookingOpened ? this.renderBooking(d) : nothing}
      </div>
    </section>`;
  }

  /** The booking form, registered when first opened (not on the first screen; README "Figures"). */
  private readonly bookingPart = new LazyPart(this, () => import('../rd-appointment-form/rd-appointment-form.js'), 'lazy.part.booking');

  /** The shared booking form, given this card's own configuration (the rest comes from <rd-provider>). */
  private renderBooking(d: Deputy): TemplateResult | typeof nothing {
    const station = d.stations?.[0];
    return this.bookingPart.render(() => html`<rd-appointment-form
      heading-level="4"
      .deputyId=${d.id}
      .stationId=${station?.id}
      .placeName=${station?.name}
      .deputyName=${d.name}
      .sessions=${this.sessionsFor(d)}
      .channel=${this.recordedChannel()}
      .hostConfig=${ownConfig(this)}
      .submitUrl=${this.bookingUrl}
    ></rd-appointment-form>`);
  }

  private categoryOptions() {
    return this.categories?.length
      ? this.categories.map((c) => ({ value: c.value, label: c.label }))
      : MESSAGE_CATEGORIES.map((c) => ({ value: c, label: this.t(`deputy.category.${c}`) }));
  }

  private renderCard(d: Deputy): TemplateResult | typeof nothing {
    const full = this.view === 'full' || this.expanded;
    const c = this.profile;
    if (this.view === 'qr') return this.qrView.render((m) => m.qrPoster(c, d));
    return html`<article class="card" part="base card" aria-labelledby="deputy-name">
      ${profileHead(c, d, 'h2')}
      ${profileFacts(c, d, full)}
      ${nextReception(c, d, full)}
      ${full ? profileBody(c, d) : nothing}
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
    const c = this.profile;
    return html`<div class="rd-actions"><button type="button" class="rd-button rd-button--link" @click=${() => this.back()}>← ${this.t('deputy.directory.back')}</button></div>
      <article class="card" part="card" aria-labelledby="deputy-name">
        ${profileHead(c, d, 'h2', true)}
        ${profileFacts(c, d, true)}
        ${nextReception(c, d, true)}
        ${profileBody(c, d)}
        ${this.renderReach(d)}
      </article>`;
  }

  /** The directory (deputy-directory-view.ts, with its search index): a chunk loaded in directory mode only. */
  private readonly directoryPart = new LazyPart(this, () => import('./deputy-directory-view.js'), 'deputy.part.directory', (m) => {
    this.useCatalogues(m.directoryCatalogues);
    this.indexDirectory(m.DeputyDirectory);
  });

  private indexDirectory(Directory: typeof DeputyDirectory) {
    const v = this.list?.value;
    if (!v) return;
    this.directoryIndex = new Directory(v.deputies);
    this.facets = this.directoryIndex.facets();
    this.results = this.directoryIndex.search(this.searchQuery());
    if (this.openId && !this.directoryIndex.get(this.openId)) this.openId = undefined;
  }

  private renderDirectory(): TemplateResult | typeof nothing {
    return this.directoryPart.render((m) => (this.directoryIndex && this.facets
      ? m.renderDirectory({
          t: this.t, profile: this.profile, title: this.list?.value?.title, index: this.directoryIndex, facets: this.facets,
          results: this.results, limit: this.limit, query: this.query, level: this.level, station: this.station, group: this.group,
          setFilter: (patch) => this.setFilter(patch),
          open: (id) => void this.open(id),
          showMore: () => void this.showMore(),
        })
      : nothing));
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
