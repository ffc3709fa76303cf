// The map of <rd-station-map>: loaded only when a map is shown (the component imports this module
// dynamically; this module imports Leaflet and supercluster dynamically, so the map engine is a
// separate chunk). Leaflet's CSS is adopted into the widget's shadow root. Markers and clusters are
// HTML (divIcon) built with textContent — no Leaflet images, no innerHTML of data.
//
// Tiles: a TileSpec (天地图 / 高德 / OSM / template) or none. With none, or when tiles fail
// (`tileerror` before any tile loads), a plain vector view is drawn instead: the region outline and
// a coordinate grid — never a blank map.
import type * as Leaflet from 'leaflet';
import type Supercluster from 'supercluster';
import { convert, type Crs, type LngLat } from '../../services/geo.js';
import leafletCss from 'leaflet/dist/leaflet.css';
import type { TileSpec } from './tiles.js';
// The tile choice comes with the map (the list never needs it).
export { resolveTiles } from './tiles.js';

export interface MapStation {
  id: string;
  name: string;
  location: LngLat & { crs: Crs };
}

export interface MapViewOptions {
  container: HTMLElement;
  root: ShadowRoot;
  tiles: TileSpec | null;
  /** Region outline rings for the vector view. */
  outline?: { crs: Crs; rings: [number, number][][] };
  /** Accessible names. */
  labels: { cluster: (count: number) => string; zoomIn: string; zoomOut: string };
  onSelect: (id: string) => void;
  /** Tiles could not be loaded: the vector view is shown instead. */
  onFallback?: () => void;
}

type L = typeof Leaflet;
let engine: Promise<{ L: L; Supercluster: typeof Supercluster }> | undefined;

/** Loads Leaflet + supercluster once per page. */
export function loadEngine() {
  engine ??= Promise.all([import('leaflet/dist/leaflet-src.esm.js'), import('supercluster')]).then(([L, sc]) => ({
    L: L as unknown as L,
    Supercluster: (sc as unknown as { default: typeof Supercluster }).default,
  }));
  return engine;
}

let sheet: CSSStyleSheet | undefined;
function adoptCss(root: ShadowRoot) {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(leafletCss);
  }
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
}

/** Marker icon sizes (CSS px): a station's pin, and a cluster by how many stations it holds. */
const PIN = 26;
const clusterSize = (count: number) => (count < 10 ? 34 : count < 100 ? 42 : 50);
/**
 * Clustering radius (screen px; with `extent: 256` supercluster's unit is a pixel of Leaflet's
 * 256 px tiles). Icons are squares up to 50 px, so two icons whose centres are at least
 * √2 × 50 px apart cannot overlap in any direction; a pin is drawn above its point (anchored at
 * its tip), which moves its centre by up to half a pin. Anything closer is one cluster, so no
 * marker covers another (WCAG 2.2 target size, and each one stays clickable).
 */
const CLUSTER_RADIUS = Math.ceil(Math.SQRT2 * clusterSize(100) + PIN / 2);

interface PointProps {
  id: string;
  name: string;
}

export class MapView {
  private map!: Leaflet.Map;
  private L!: L;
  private index!: Supercluster<PointProps>;
  private SC!: typeof Supercluster;
  private markers!: Leaflet.LayerGroup;
  private vector: Leaflet.LayerGroup | undefined;
  private tileLayers: Leaflet.TileLayer[] = [];
  private selected: string | undefined;
  private points: { id: string; lng: number; lat: number }[] = [];
  private tileLoaded = 0;
  private tileErrors = 0;
  /** Display coordinate system (the tiles', or GCJ-02 without tiles). */
  readonly crs: Crs;
  /** Whether the vector view is shown (no tiles or tiles failed). */
  fallback = false;
  /** Markers currently drawn (clusters + single stations), for tests and benchmarks. */
  drawn = { clusters: 0, stations: 0 };

  private constructor(private readonly opts: MapViewOptions) {
    this.crs = opts.tiles?.crs ?? 'gcj02';
  }

  static async create(opts: MapViewOptions): Promise<MapView> {
    const view = new MapView(opts);
    await view.init();
    return view;
  }

  private async init() {
    const { L, Supercluster } = await loadEngine();
    this.L = L;
    this.SC = Supercluster;
    adoptCss(this.opts.root);
    const map = L.map(this.opts.container, { zoomControl: false, attributionControl: true, minZoom: 3, maxZoom: this.opts.tiles?.maxZoom ?? 18, worldCopyJump: false });
    map.attributionControl.setPrefix(false);
    const zoom = L.control.zoom({ zoomInTitle: this.opts.labels.zoomIn, zoomOutTitle: this.opts.labels.zoomOut });
    zoom.addTo(map);
    this.map = map;
    this.markers = L.layerGroup().addTo(map);
    map.setView([35.1, 118.26], 9);
    if (this.opts.tiles) this.addTiles(this.opts.tiles);
    else this.showVector();
    map.on('moveend zoomend', () => this.draw());
  }

  private addTiles(spec: TileSpec) {
    const L = this.L;
    const mk = (url: string) => {
      const layer = L.tileLayer(url, { subdomains: spec.subdomains ?? 'abc', maxZoom: spec.maxZoom, attribution: spec.attribution, crossOrigin: false });
      layer.on('tileload', () => this.tileLoaded++);
      layer.on('tileerror', () => {
        this.tileErrors++;
        // Nothing loads (intranet, offline, bad key): switch to the vector view.
        if (this.tileLoaded === 0 && this.tileErrors >= 2 && !this.fallback) this.failTiles();
      });
      return layer;
    };
    this.tileLayers = [mk(spec.url), ...(spec.overlay ? [mk(spec.overlay)] : [])];
    for (const l of this.tileLayers) l.addTo(this.map);
  }

  private failTiles() {
    for (const l of this.tileLayers) l.remove();
    this.tileLayers = [];
    this.showVector();
    this.opts.onFallback?.();
  }

  private toDisplay(p: LngLat, crs: Crs): LngLat {
    return convert(p, crs, this.crs);
  }

  /** Region outline + graticule, drawn with vectors (no network). */
  private showVector() {
    const L = this.L;
    this.fallback = true;
    this.opts.container.classList.add('rd-map--vector');
    this.vector?.remove();
    const g = L.layerGroup();
    const o = this.opts.outline;
    if (o) {
      for (const ring of o.rings) {
        const pts = ring.map(([lng, lat]) => {
          const d = this.toDisplay({ lng, lat }, o.crs);
          return [d.lat, d.lng] as [number, number];
        });
        L.polygon(pts, { color: '#6f777b', weight: 2, fillColor: '#f3f2f1', fillOpacity: 1, interactive: false }).addTo(g);
      }
    }
    this.vector = g.addTo(this.map);
    this.drawGrid();
  }

  private grid: Leaflet.LayerGroup | undefined;
  private drawGrid() {
    if (!this.fallback || !this.vector) return;
    const L = this.L;
    this.grid?.remove();
    const b = this.map.getBounds();
    const span = Math.max(b.getEast() - b.getWest(), b.getNorth() - b.getSouth());
    const steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];
    const step = steps.find((s) => span / s <= 12) ?? 20;
    const g = L.layerGroup();
    const style = { color: '#b1b4b6', weight: 1, interactive: false, dashArray: '2 4' };
    for (let x = Math.floor(b.getWest() / step) * step; x <= b.getEast(); x += step) L.polyline([[b.getSouth() - span, x], [b.getNorth() + span, x]], style).addTo(g);
    for (let y = Math.floor(b.getSouth() / step) * step; y <= b.getNorth(); y += step) L.polyline([[y, b.getWest() - span], [y, b.getEast() + span]], style).addTo(g);
    this.grid = g.addTo(this.map);
    this.grid.eachLayer((l) => (l as Leaflet.Polyline).bringToBack());
  }

  /** Sets the stations shown (already filtered); `fit` zooms to them. */
  setStations(stations: readonly MapStation[], fit = true) {
    this.points = stations.map((s) => {
      const d = this.toDisplay(s.location, s.location.crs);
      return { id: s.id, lng: d.lng, lat: d.lat };
    });
    const names = new Map(stations.map((s) => [s.id, s.name]));
    this.index = new this.SC<PointProps>({ radius: CLUSTER_RADIUS, extent: 256, maxZoom: 16 });
    this.index.load(
      this.points.map((p) => ({ type: 'Feature', properties: { id: p.id, name: names.get(p.id) ?? '' }, geometry: { type: 'Point', coordinates: [p.lng, p.lat] } })),
    );
    if (fit && this.points.length) {
      // Fit to the densest part: ignore far-away points (overseas liaison points) when most are local.
      const lats = this.points.map((p) => p.lat).sort((a, b) => a - b);
      const lngs = this.points.map((p) => p.lng).sort((a, b) => a - b);
      const q = (arr: number[], f: number) => arr[Math.min(arr.length - 1, Math.max(0, Math.round((arr.length - 1) * f)))];
      const f = this.points.length > 20 ? 0.02 : 0;
      const bounds = this.L.latLngBounds([q(lats, f), q(lngs, f)], [q(lats, 1 - f), q(lngs, 1 - f)]);
      this.map.fitBounds(bounds.pad(0.1), { animate: false, maxZoom: 15 });
    }
    this.draw();
  }

  /** Redraws clusters for the current view. */
  draw() {
    if (!this.index) return;
    const L = this.L;
    const b = this.map.getBounds();
    const zoom = Math.round(this.map.getZoom());
    const clusters = this.index.getClusters([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], zoom);
    this.markers.clearLayers();
    let nc = 0;
    let ns = 0;
    for (const c of clusters) {
      const [lng, lat] = c.geometry.coordinates;
      const props = c.properties as Partial<Supercluster.ClusterProperties> & Partial<PointProps>;
      if (props.cluster) {
        nc++;
        const count = props.point_count ?? 0;
        const el = document.createElement('span');
        el.textContent = String(count);
        const size = clusterSize(count);
        const m = L.marker([lat, lng], {
          icon: L.divIcon({ html: el, className: 'rd-cluster', iconSize: [size, size] }),
          title: this.opts.labels.cluster(count),
          keyboard: true,
        });
        m.on('click', () => {
          const z = Math.min(this.index.getClusterExpansionZoom(props.cluster_id!), 17);
          this.map.setView([lat, lng], z);
        });
        m.addTo(this.markers);
      } else {
        ns++;
        const id = props.id!;
        const el = document.createElement('span');
        el.className = 'rd-pin__dot';
        const m = L.marker([lat, lng], {
          icon: L.divIcon({ html: el, className: `rd-pin${id === this.selected ? ' is-selected' : ''}`, iconSize: [PIN, PIN], iconAnchor: [PIN / 2, PIN] }),
          title: props.name,
          keyboard: true,
          zIndexOffset: id === this.selected ? 1000 : 0,
        });
        m.on('click', () => this.opts.onSelect(id));
        m.addTo(this.markers);
      }
    }
    this.drawn = { clusters: nc, stations: ns };
    this.drawGrid();
  }

  /** Highlights a station and pans to it. */
  select(id: string | undefined, pan = true) {
    this.selected = id;
    const p = id ? this.points.find((x) => x.id === id) : undefined;
    if (p && pan) this.map.setView([p.lat, p.lng], Math.max(this.map.getZoom(), 14), { animate: false });
    this.draw();
  }

  invalidateSize() {
    this.map.invalidateSize();
  }

  destroy() {
    this.map.remove();
  }
}
