// <rd-station-map>: find a deputies' liaison station (代表联络站 and kin), know when deputies are
// there, get directions, book a meeting. The list is always there and is the accessible path; the
// map is an enhancement loaded only when shown.
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { RdElement } from '../shared/rd-element.js';
import { ownConfig } from '../../services/config.js';
import { DataController } from '../../controllers/data-controller.js';
import { LazyPart } from '../../controllers/lazy-part.js';
import { WaitingWorkController } from '../../controllers/waiting-work.js';
import { stationsFile, resolveStationTypes, type Station, type StationsFile, type StationTypeDef } from '../../services/schemas/station.js';
import { StationIndex, type StationHit } from '../../services/station-search.js';
import { HolidayCalendar } from '../../services/holidays.js';
import { nextSessions, receptionToday, type Session } from '../../services/schedule.js';
import { formatDistance } from '../../services/geo-format.js';
import type { Crs, GeoPoint } from '../../services/geo.js';
import { zh as messages } from './rd-station-map.messages.js';
import { catalogues } from '../../services/i18n/index.js';
import { stationMapStyles } from './rd-station-map.styles.js';
import { RdDeputySelectEvent, RdStationSelectEvent } from './events.js';
import { listSep, stationStatus, typeLabel, type StationViewContext } from './station-list-view.js';
import { stringifyJson } from '../../services/json.js';
import type { MapView } from './map-view.js';

/** The element's strings: zh-CN bundled, English loaded when first shown in English. */
export const stationMapCatalogues = catalogues(messages, () => import('./rd-station-map.messages.en.js'));

export { RdDeputySelectEvent, RdStationSelectEvent } from './events.js';

const PAGE = 30;

interface Filters {
  text: string;
  type: string;
  tier: string;
  district: string;
  today: boolean;
}
const noFilters = (): Filters => ({ text: '', type: '', tier: '', district: '', today: false });

/**
 * Map and list of deputies' liaison stations with reception schedules, directions and booking.
 *
 * @tag rd-station-map
 * @summary Find a liaison station, see when deputies are there, get directions, book a meeting.
 * @slot - Fallback content shown until the element upgrades (e.g. a link to a static list).
 * @event rd-ready - Data loaded and first rendered.
 * @event rd-station-select - A station was opened; detail `{stationId}`.
 * @event rd-deputy-select - A deputy was chosen; detail `{deputyId, stationId}`; cancelable.
 * @event rd-submit - (from the booking form) before sending an appointment.
 * @event rd-submitted - (from the booking form) an appointment was accepted.
 * @event rd-queued - (from the booking form) kept in the outbox.
 * @event rd-submit-error - (from the booking form) a failure.
 * @event rd-draft-restored - (from the booking form) a saved booking draft was put back.
 * @event rd-draft-saved - (from the booking form) a booking draft was written.
 * @csspart base - The whole widget.
 * @csspart list - The list of stations.
 * @csspart item - One station button in the list.
 * @csspart map - The map container.
 * @csspart detail - The station detail.
 * @csspart error-message - Data notices (loading failed, invalid data).
 * @cssprop --rd-station-map-height - Height of the map (default 420px).
 * @cssprop --rd-station-map-pin-color - Marker colour (default the primary colour).
 * @cssprop --rd-station-map-cluster-color - Cluster colour (default #1d70b8).
 * @cssprop --rd-color-primary - Primary colour (shared token).
 * @cssprop --rd-color-border-light - Border of the "nearest stations" box and the map's panels (default #b1b4b6).
 */
export class RdStationMap extends RdElement {
  static override styles = [...RdElement.styles, stationMapStyles];
  static override catalogues = [stationMapCatalogues];

  private readonly dataCtl = new DataController(this, {
    schema: stationsFile,
    route: () => '/stations',
    onData: (v) => this.prepare(v),
  });

  /** The stations file (property only; else inline JSON, `src`, or `endpoint` + `/stations`). */
  @property({ attribute: false }) data?: unknown;
  /** Tiles: `none` (default), `tianditu`, `amap`, `osm`, or a URL template with {z}/{x}/{y}. */
  @property() tiles?: string;
  /** 天地图 key (tk). */
  @property({ attribute: 'tile-key' }) tileKey?: string;
  /** Coordinate system of a custom tile template: `wgs84` (default), `gcj02`, `bd09`. */
  @property({ attribute: 'tile-crs' }) tileCrs?: Crs;
  /** Show the map initially (the list is always shown). */
  @property({ attribute: 'map-open', type: Boolean }) mapOpen = false;
  /** No map at all (list only). */
  @property({ attribute: 'no-map', type: Boolean }) noMap = false;
  /** Open this station's detail on load. */
  @property({ attribute: 'station-id' }) stationId?: string;
  /** Link pattern for deputies, e.g. `/deputies/{id}.html` (else a button firing rd-deputy-select). */
  @property({ attribute: 'deputy-url' }) deputyUrl?: string;
  /** Heading text (default: "<region>代表联络站"). */
  @property() heading?: string;
  /** Name sent as `src`/`referer` in navigation links. */
  @property({ attribute: 'nav-source' }) navSource?: string;
  /** Reference time (property only; tests and demos). Default: now. */
  @property({ attribute: false }) now?: number | Date;
  /** Resolves a typed place to a location (property only); default: match station/district names. */
  @property({ attribute: false }) geocode?: (text: string) => Promise<GeoPoint | null | undefined>;

  @state() private filters: Filters = noFilters();
  @state() private limit = PAGE;
  @state() private selectedId: string | undefined;
  @state() private origin: { point: GeoPoint; label: string } | undefined;
  @state() private nearMessage = '';
  @state() private place = '';
  @state() private booking = false;
  @state() private mapState: 'off' | 'loading' | 'ready' | 'failed' = 'off';
  @state() private mapFallback = false;

  private index: StationIndex | undefined;
  private types: StationTypeDef[] = resolveStationTypes(undefined);
  private calendar = new HolidayCalendar();
  private byId = new Map<string, Station>();
  private districtList: string[] = [];
  private hits: StationHit[] = [];
  private hitsKey = '';
  private statusCache = new Map<string, { at: number; session: Session | undefined }>();
  private todaySet: { key: string; ids: Set<string> } | undefined;
  private mapView: MapView | undefined;
  private mapKey = '';
  private mapSelected: string | undefined;
  private returnFocusTo: string | undefined;

  // --- data --------------------------------------------------------------------------------

  private prepare(file: StationsFile) {
    this.index = new StationIndex(file.stations);
    this.types = resolveStationTypes(file.types);
    this.calendar = new HolidayCalendar({ data: file.holidayCalendar });
    this.byId = new Map(file.stations.map((s) => [s.id, s]));
    this.districtList = this.index.districts(file.region?.districts);
    this.hitsKey = '';
    this.statusCache.clear();
    this.todaySet = undefined;
    this.mapKey = '';
    if (this.stationId && this.byId.has(this.stationId)) this.selectedId = this.stationId;
  }

  private get file(): StationsFile | undefined {
    return this.dataCtl.value;
  }

  private nowMs(): number {
    return +(this.now ?? Date.now());
  }

  /** Next (or ongoing) session of a station, cached for a minute. */
  private nextOf(s: Station): Session | undefined {
    if (!s.schedule) return undefined;
    const now = this.nowMs();
    const hit = this.statusCache.get(s.id);
    if (hit && Math.abs(hit.at - now) < 60_000 && (!hit.session || hit.session.endsAt > now)) return hit.session;
    const [session] = nextSessions(s.schedule, { now, count: 1, calendar: this.calendar, horizonDays: 200 });
    this.statusCache.set(s.id, { at: now, session });
    return session;
  }

  private todayIds(): Set<string> {
    // Each station's "today" is its own date (an overseas point may be a day behind Shanghai), so
    // the answer is kept for a quarter of an hour (zones change date on the quarter hour at most).
    const key = String(Math.floor(this.nowMs() / 900_000));
    if (this.todaySet?.key === key) return this.todaySet.ids;
    const ids = new Set<string>();
    for (const s of this.file?.stations ?? []) {
      if (s.schedule && receptionToday(s.schedule, this.nowMs(), { calendar: this.calendar }).status !== 'no') ids.add(s.id);
    }
    this.todaySet = { key, ids };
    return ids;
  }

  private computeHits() {
    const f = this.filters;
    const key = stringifyJson([f, this.origin?.point, this.file?.stations.length]);
    if (key === this.hitsKey || !this.index) return;
    this.hitsKey = key;
    this.hits = this.index.query({
      text: f.text,
      type: f.type || undefined,
      tier: f.tier || undefined,
      district: f.district || undefined,
      only: f.today ? this.todayIds() : undefined,
      // An origin is set only once the conversions are loaded (geoReady).
      ...(this.origin && this.geo.value ? { origin: this.origin.point, distance: this.geo.value.distanceMeters } : {}),
    });
  }

  // --- handlers ----------------------------------------------------------------------------

  private setFilter(patch: Partial<Filters>) {
    this.filters = { ...this.filters, ...patch };
    this.limit = PAGE;
  }

  private resetFilters() {
    this.filters = noFilters();
    this.origin = undefined;
    this.nearMessage = '';
    this.place = '';
    this.limit = PAGE;
  }

  /** The detail panel, a chunk of its own imported when a station is first opened (README "Figures"). */
  private readonly detailView = new LazyPart(this, () => import('./station-detail-view.js'), 'lazy.part.detail');

  private open(id: string) {
    this.returnFocusTo = id;
    this.selectedId = id;
    this.booking = false;
    this.dispatchEvent(new RdStationSelectEvent({ stationId: id }));
    // Focus the panel's heading once it is there; if the panel cannot be loaded, the notice's 重试.
    void this.detailView.get().catch(() => undefined).then(() => this.updateComplete).then(() => {
      if (this.selectedId !== id) return;
      (this.shadowRoot?.querySelector<HTMLElement>('#sm-detail-title') ?? this.shadowRoot?.querySelector<HTMLElement>('[data-lazy-failed] button'))?.focus();
    });
  }

  private close() {
    const back = this.returnFocusTo ?? this.selectedId;
    this.selectedId = undefined;
    this.booking = false;
    void this.updateComplete.then(() => {
      const b = back ? this.shadowRoot?.querySelector<HTMLElement>(`[data-station="${CSS.escape(back)}"]`) : null;
      (b ?? this.shadowRoot?.querySelector<HTMLElement>('#sm-search'))?.focus();
    });
  }

  /**
   * The coordinate conversions (services/geo.ts, with gcoord): distances from a place and the map
   * apps' navigation links, imported when first needed (README "Figures").
   */
  private readonly geo = new LazyPart(this, () => import('../../services/geo.js'), 'lazy.part.geo');

  /** Loads the conversions before a distance is measured; says so if they cannot be loaded. */
  private async geoReady(): Promise<boolean> {
    try {
      await this.geo.get();
      return true;
    } catch {
      this.nearMessage = this.t('lazy.failed', { what: this.t('lazy.part.geo') });
      return false;
    }
  }

  private async locateMe() {
    if (!('geolocation' in navigator)) {
      this.nearMessage = this.t('near.unsupported');
      return;
    }
    this.nearMessage = this.t('near.locating');
    if (!(await this.geoReady())) return;
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        this.origin = { point: { lng: pos.coords.longitude, lat: pos.coords.latitude, crs: 'wgs84' }, label: this.t('near.here') };
        this.nearMessage = '';
        this.limit = PAGE;
      },
      () => {
        this.nearMessage = this.t('near.denied');
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 300_000 },
    );
  }

  private async findPlace(e: Event) {
    e.preventDefault();
    const text = this.place.trim();
    if (!text) return;
    let point: GeoPoint | null | undefined;
    try {
      point = this.geocode ? await this.geocode(text) : undefined;
    } catch {
      point = undefined;
    }
    point ??= this.index?.locate(text);
    if (point) {
      if (!(await this.geoReady())) return;
      this.origin = { point, label: text };
      this.nearMessage = '';
      this.limit = PAGE;
    } else {
      this.nearMessage = this.t('near.notFound', { place: text });
    }
  }

  private toggleMap() {
    this.mapOpen = !this.mapOpen;
  }

  private onDeputy(e: Event, deputyId: string, stationId: string) {
    const ev = new RdDeputySelectEvent({ deputyId, stationId });
    this.dispatchEvent(ev);
    if (ev.defaultPrevented) e.preventDefault();
  }

  /** The booking form, registered when first opened (not on the first screen; README "Figures"). */
  private readonly bookingPart = new LazyPart(this, () => import('../rd-appointment-form/rd-appointment-form.js'), 'lazy.part.booking');
  /**
   * A booking queued on this device (here, or on another page of the site) is sent at load, not
   * only once its station's booking form is opened: the sending machinery is fetched when one
   * waits (its receipt then waits for that form, docs/contract.md#the-outbox).
   */
  constructor() {
    super();
    new WaitingWorkController(this, () => ({}), () => {
      void import('../../controllers/submit-controller.js').then((m) => m.sendWaitingEntries(this.config.timeout), () => undefined);
    });
  }

  private async toggleBooking() {
    this.booking = !this.booking;
    if (this.booking) {
      // The form arrives with its chunk; if it cannot, the notice's 重试 button takes the focus.
      await this.bookingPart.get().catch(() => {});
      await this.updateComplete;
      if (!this.booking) return;
      const form = this.shadowRoot?.querySelector('rd-appointment-form');
      await form?.updateComplete;
      const target = form ?? this.shadowRoot?.querySelector<HTMLElement>('#sm-booking [data-lazy-failed]');
      target?.scrollIntoView({ block: 'start' });
      (form?.shadowRoot?.querySelector<HTMLElement>('input') ?? target?.querySelector<HTMLElement>('button'))?.focus();
    }
  }

  protected override kioskReset() {
    this.resetFilters();
    this.selectedId = undefined;
    this.booking = false;
    this.shadowRoot?.querySelector('rd-appointment-form')?.reset();
    this.scrollIntoView?.({ block: 'start' });
  }

  // --- lifecycle ---------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('stationId') && this.stationId && this.byId.has(this.stationId)) this.selectedId = this.stationId;
    this.computeHits();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    void this.syncMap();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.mapView?.destroy();
    this.mapView = undefined;
    this.mapState = 'off';
  }

  private async syncMap() {
    const want = this.mapOpen && !this.noMap && this.dataCtl.status === 'complete';
    if (!want) {
      if (this.mapView) {
        this.mapView.destroy();
        this.mapView = undefined;
        this.mapKey = '';
        this.mapSelected = undefined;
        this.mapState = 'off';
      }
      return;
    }
    if (this.mapState === 'off') {
      this.mapState = 'loading';
      await this.updateComplete;
      const container = this.shadowRoot?.querySelector<HTMLElement>('#sm-map');
      if (!container) return;
      if (this.tiles === 'tianditu' && !this.tileKey) console.warn('[rd-widgets] <rd-station-map> tiles="tianditu" needs tile-key; showing the simple map instead');
      try {
        const { MapView, resolveTiles } = await import('./map-view.js');
        this.mapView = await MapView.create({
          container,
          root: this.shadowRoot!,
          tiles: resolveTiles(this.tiles, this.tileKey, this.tileCrs),
          outline: this.file?.region?.outline,
          labels: { cluster: (n) => this.t('map.cluster', { count: n }), zoomIn: this.t('map.zoomIn'), zoomOut: this.t('map.zoomOut') },
          onSelect: (id) => this.open(id),
          onFallback: () => (this.mapFallback = true),
        });
        this.mapFallback = this.mapView.fallback && !!resolveTiles(this.tiles, this.tileKey, this.tileCrs);
        this.mapState = 'ready';
      } catch (err) {
        console.error('[rd-widgets] <rd-station-map> map failed to load', err);
        this.mapState = 'failed';
        return;
      }
    }
    if (this.mapView && this.mapState === 'ready') {
      const key = this.hitsKey;
      if (key !== this.mapKey) {
        this.mapKey = key;
        this.mapSelected = undefined;
        this.mapView.setStations(this.hits.filter((h) => h.station.location).map((h) => ({ id: h.station.id, name: h.station.name, location: h.station.location! })));
      }
      if (this.selectedId !== this.mapSelected) {
        this.mapSelected = this.selectedId;
        this.mapView.select(this.selectedId, !!this.selectedId);
      }
    }
  }

  /** Map markers drawn now (clusters + single stations); for benchmarks and tests. */
  get mapMarkers(): { clusters: number; stations: number; fallback: boolean } | undefined {
    return this.mapView ? { ...this.mapView.drawn, fallback: this.mapView.fallback } : undefined;
  }

  // --- rendering ---------------------------------------------------------------------------

  /** What the station views need from the widget. */
  private get view(): StationViewContext {
    return {
      t: this.t,
      locale: this.locale,
      now: this.nowMs(),
      calendar: this.calendar,
      types: this.types,
      nextOf: (s) => this.nextOf(s),
    };
  }

  private renderItem(h: StationHit) {
    const s = h.station;
    const place = s.location ? [s.district, s.address].filter(Boolean).join(' · ') : this.t('station.online');
    return html`<li>
      <button type="button" class="sm__item" part="item" data-station=${s.id} aria-current=${this.selectedId === s.id ? 'true' : 'false'} @click=${() => this.open(s.id)}>
        <span class="sm__name">${s.name}</span>
        <span class="sm__meta">${s.types.map((x) => typeLabel(this.view, x)).join(listSep(this.locale))}${place ? ` · ${place}` : ''}${h.distance !== undefined ? ` · ${formatDistance(h.distance, this.locale)}` : ''}</span>
        ${stationStatus(this.view, s)}
      </button>
    </li>`;
  }

  private renderControls() {
    const t = this.t;
    const f = this.filters;
    // A filter with fewer than two choices is left out (small data sets stay short).
    const sel = (id: string, label: string, value: string, options: { value: string; label: string }[], on: (v: string) => void) =>
      options.length < 2 && !value
        ? nothing
        : html`<div class="rd-field">
        <label class="rd-label" for=${id}>${label}</label>
        <select id=${id} class="rd-select" .value=${live(value)} @change=${(e: Event) => on((e.target as HTMLSelectElement).value)}>
          <option value="">${t('filter.all')}</option>
          ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
        </select>
      </div>`;
    const usedTypes = new Set((this.file?.stations ?? []).flatMap((s) => s.types));
    const usedTiers = new Set((this.file?.stations ?? []).map((s) => s.tier));
    return html`<div class="sm__controls">
      <div>
        <div class="rd-field">
          <label class="rd-label" for="sm-search">${t('search.label')}</label>
          <p class="rd-hint" id="sm-search-hint">${t('search.hint')}</p>
          <input id="sm-search" class="rd-input" type="search" autocomplete="off" aria-describedby="sm-search-hint"
            .value=${live(f.text)} @input=${(e: Event) => this.setFilter({ text: (e.target as HTMLInputElement).value })} />
        </div>
        <fieldset class="sm__filters">
          <legend class="rd-visually-hidden">${t('filter.legend')}</legend>
          ${sel('sm-type', t('filter.type'), f.type, this.types.filter((x) => usedTypes.has(x.id)).map((x) => ({ value: x.id, label: this.locale === 'en' ? x.en : x.zh })), (v) => this.setFilter({ type: v }))}
          ${sel('sm-tier', t('filter.tier'), f.tier, (['city', 'county', 'township', 'village', 'enterprise'] as const).filter((x) => usedTiers.has(x)).map((x) => ({ value: x, label: t(`tier.${x}`) })), (v) => this.setFilter({ tier: v }))}
          ${sel('sm-district', t('filter.district'), f.district, this.districtList.map((d) => ({ value: d, label: d })), (v) => this.setFilter({ district: v }))}
        </fieldset>
        <label class="rd-choice" for="sm-today">
          <input id="sm-today" type="checkbox" .checked=${live(f.today)} @change=${(e: Event) => this.setFilter({ today: (e.target as HTMLInputElement).checked })} />
          <span>${t('filter.today')}</span>
        </label>
      </div>
      <fieldset class="sm__near">
        <legend>${t('near.legend')}</legend>
        <div class="rd-actions sm__actions--near">
          <button type="button" class="rd-button rd-button--secondary" @click=${this.locateMe}>${t('near.me')}</button>
          ${this.origin ? html`<button type="button" class="rd-button rd-button--link" @click=${() => { this.origin = undefined; }}>${t('near.clear')}</button>` : nothing}
        </div>
        <form class="sm__near-row" @submit=${this.findPlace}>
          <div class="rd-field">
            <label class="rd-label" for="sm-place">${t('near.place')}</label>
            <p class="rd-hint" id="sm-place-hint">${t('near.placeHint')}</p>
            <input id="sm-place" class="rd-input" type="text" aria-describedby="sm-place-hint" .value=${live(this.place)} @input=${(e: Event) => (this.place = (e.target as HTMLInputElement).value)} />
          </div>
          <button type="submit" class="rd-button rd-button--secondary">${t('near.go')}</button>
        </form>
        ${this.nearMessage ? html`<p class="sm__note" role="status">${this.nearMessage}</p>` : nothing}
      </fieldset>
    </div>`;
  }

  private renderMap() {
    if (this.noMap) return nothing;
    const t = this.t;
    const located = this.hits.filter((h) => h.station.location).length;
    const unlocated = this.hits.length - located;
    return html`<div class="sm__mapwrap">
      ${this.mapOpen
        ? html`<div id="sm-map" class="sm__map" part="map" role="region" aria-label=${t('map.label', { count: located })}></div>
            ${this.mapState === 'loading' ? html`<p class="sm__note" role="status">${t('map.loading')}</p>` : nothing}
            ${this.mapState === 'failed' ? html`<p class="rd-notice" role="alert">${t('map.failed')}</p>` : nothing}
            ${this.mapState === 'ready' && this.mapFallback ? html`<p class="sm__note" role="status">${t('map.vector')}</p>` : nothing}
            ${this.mapState === 'ready' && !this.mapFallback && this.mapView?.fallback ? html`<p class="sm__note">${t('map.vectorNone')}</p>` : nothing}
            ${unlocated ? html`<p class="sm__note">${t('map.noLocation', { count: unlocated })}</p>` : nothing}`
        : nothing}
    </div>`;
  }

  private renderList() {
    const t = this.t;
    const shown = this.hits.slice(0, this.limit);
    const rest = this.hits.length - shown.length;
    return html`<div>
      ${this.hits.length
        ? html`<ul class="sm__list" part="list" aria-label=${t('results.list')}>${shown.map((h) => this.renderItem(h))}</ul>`
        : html`<p class="rd-notice">${t('results.none')}</p>`}
      ${rest > 0
        ? html`<div class="rd-actions"><button type="button" class="rd-button rd-button--secondary" @click=${() => (this.limit += PAGE)}>${t('results.more', { count: rest })}</button></div>`
        : nothing}
    </div>`;
  }

  protected override render() {
    if (this.dataCtl.status !== 'complete') return this.dataCtl.renderStatus();
    this.computeHits(); // data may have arrived during this update (after willUpdate)
    const t = this.t;
    const file = this.file!;
    const heading = this.heading ?? (file.region?.name ? t('map.titleRegion', { region: file.region.name }) : t('map.title'));
    const selected = this.selectedId ? this.byId.get(this.selectedId) : undefined;
    const notFound = this.stationId && !this.byId.has(this.stationId) ? this.stationId : undefined;
    return html`<section class="sm" part="base" aria-labelledby="sm-title">
      <h2 id="sm-title">${heading}</h2>
      ${notFound ? html`<p class="rd-notice" role="alert">${t('detail.notFound', { id: notFound })}</p>` : nothing}
      ${selected ? nothing : html`<p class="sm__intro">${t('map.intro')}</p>${this.renderControls()}`}
      <div class="sm__bar">
        <p class="sm__status" role="status" aria-live="polite">
          ${selected ? nothing : this.origin ? t('results.countNear', { count: this.hits.length }) : t('results.count', { count: this.hits.length })}
          ${this.origin && !selected ? html`<span class="sm__sub">${t('near.active', { place: this.origin.label })}</span>` : nothing}
        </p>
        <div class="rd-actions sm__actions--flush">
          ${!selected && (this.filters.text || this.filters.type || this.filters.tier || this.filters.district || this.filters.today || this.origin)
            ? html`<button type="button" class="rd-button rd-button--link" @click=${this.resetFilters}>${t('filter.reset')}</button>`
            : nothing}
          ${this.noMap
            ? nothing
            : html`<button type="button" class="rd-button rd-button--secondary" aria-expanded=${this.mapOpen ? 'true' : 'false'} aria-controls="sm-mapwrap" @click=${this.toggleMap}>
                ${this.mapOpen ? t('view.hideMap') : t('view.showMap')}
              </button>`}
        </div>
      </div>
      <div class="sm__layout ${this.mapOpen && !this.noMap ? 'sm__layout--map' : ''}">
        <div>${selected
          ? html`${this.detailView.state === 'ready'
              ? nothing
              : html`<div class="rd-actions sm__actions--back"><button type="button" class="rd-button rd-button--link" @click=${() => this.close()}>← ${t('detail.back')}</button></div>`}${this.detailView.render((v) => v.stationDetail(this.view, selected, {
              parent: selected.parentId ? this.byId.get(selected.parentId) : undefined,
              distance: this.origin && selected.location ? this.hits.find((h) => h.station.id === selected.id)?.distance : undefined,
              deputyUrl: this.deputyUrl,
              navSource: this.navSource ?? (location.hostname || 'rd-widgets'),
              withGeo: (ready) => this.geo.render(ready),
              booking: this.booking,
              bookingForm: (bookable) => this.bookingPart.render(() => html`<rd-appointment-form
                heading-level="4"
                .stationId=${selected.id}
                .placeName=${selected.name}
                .sessions=${bookable}
                .hostConfig=${ownConfig(this)}
                .submitUrl=${this.submitUrl}
              ></rd-appointment-form>`),
              onOpen: (id) => this.open(id),
              onClose: () => this.close(),
              onDeputy: (e, id) => this.onDeputy(e, id, selected.id),
              onToggleBooking: () => this.toggleBooking(),
            }))}`
          : this.renderList()}</div>
        <div id="sm-mapwrap" class="sm__mapcol">${this.renderMap()}</div>
      </div>
    </section>`;
  }
}
