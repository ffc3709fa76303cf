// Filtering and text search over liaison stations (names, addresses, venues, districts), in
// Chinese and in pinyin (full syllables or initials, e.g. "dongguan", "dgjd"). Pinyin comes from
// the data (`station.pinyin`, precomputed at build time — see scripts/gen-demo-stations.mjs);
// nothing here ships a pinyin dictionary.
import type { GeoPoint } from './geo.js';
import type { Station } from './schemas/station.js';

export interface StationQuery {
  /** Free text; several words must all match. */
  text?: string;
  /** Type id (station.types includes it). */
  type?: string;
  tier?: string;
  district?: string;
  /** Only stations whose ids are in this set (e.g. "reception today"). */
  only?: ReadonlySet<string>;
  /** Sort by distance from here (stations without a location last), measured by `distance`. */
  origin?: GeoPoint;
  /**
   * The distance in metres between two points, each in its own system: `distanceMeters` of
   * services/geo.ts, passed in so that this module does not bring the coordinate conversions
   * (gcoord) with it. Required with `origin`.
   */
  distance?: (a: GeoPoint, b: GeoPoint) => number;
}

export interface StationHit {
  station: Station;
  /** Metres from the query origin, when there is one and the station has a location. */
  distance?: number;
}

/** Lowercase, NFKC (full-width → half-width), no spaces or punctuation that people skip. */
export function normalizeSearch(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/[\s·・,，.。、'"“”‘’()（）\-_/]+/g, '');
}

interface Entry {
  station: Station;
  text: string;
  pinyin: string;
  initials: string;
}

/** A prepared index: build once per data set, query on every keystroke. */
export class StationIndex {
  private readonly entries: Entry[];
  readonly stations: readonly Station[];

  constructor(stations: readonly Station[]) {
    this.stations = stations;
    this.entries = stations.map((station) => ({
      station,
      text: normalizeSearch([station.name, station.address, station.venue, station.district].filter(Boolean).join('|')),
      pinyin: normalizeSearch(station.pinyin?.full ?? ''),
      initials: normalizeSearch(station.pinyin?.initials ?? ''),
    }));
  }

  /** District names in first-seen order (or the order given). */
  districts(order?: readonly string[]): string[] {
    const seen = new Set<string>(order ?? []);
    for (const s of this.stations) if (s.district) seen.add(s.district);
    return [...seen];
  }

  /** Whether one normalized token matches an entry. */
  private static matches(e: Entry, token: string): boolean {
    if (e.text.includes(token)) return true;
    if (/^[a-z0-9]+$/.test(token)) return e.pinyin.includes(token) || e.initials.includes(token);
    return false;
  }

  query(q: StationQuery): StationHit[] {
    const tokens = (q.text ?? '')
      .split(/\s+/)
      .map(normalizeSearch)
      .filter(Boolean);
    const out: StationHit[] = [];
    for (const e of this.entries) {
      const s = e.station;
      if (q.type && !s.types.includes(q.type)) continue;
      if (q.tier && s.tier !== q.tier) continue;
      if (q.district && s.district !== q.district) continue;
      if (q.only && !q.only.has(s.id)) continue;
      if (tokens.length && !tokens.every((t) => StationIndex.matches(e, t))) continue;
      out.push({ station: s });
    }
    if (q.origin) {
      const distance = q.distance;
      if (!distance) throw new Error('StationIndex.query: an origin needs a distance function (distanceMeters of services/geo.ts)');
      for (const h of out) if (h.station.location) h.distance = distance(q.origin, h.station.location);
      out.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity));
    }
    return out;
  }

  /**
   * Resolves a typed place ("东关街道", "后洼村", a station name) to a location, for "near a place"
   * when no geocoder is configured: the first located station whose name, address or district
   * matches.
   */
  locate(text: string): GeoPoint | undefined {
    const hits = this.query({ text });
    const exactDistrict = hits.find((h) => h.station.location && h.station.district && normalizeSearch(h.station.district) === normalizeSearch(text) && h.station.tier === 'township');
    const hit = exactDistrict ?? hits.find((h) => h.station.location);
    return hit?.station.location;
  }
}
