// Liaison stations (代表联络站 and kin, docs/domain.md#liaison-stations): the data <rd-station-map> reads.
//   dataSchemas.stations — GET {endpoint}/stations, `src`, inline JSON or `data`: a file of stations
//   dataSchemas.station  — one station
import { z } from 'zod/mini';
import { isoDateTime, url } from './common.js';
import { holidayCalendarData, receptionSchedule } from './schedule.js';

const text = (max: number) => z.string().check(z.maxLength(max));
const id = z.string().check(z.minLength(1), z.maxLength(100));

/** Coordinate systems a station's location may be given in. */
export const crs = z.enum(['wgs84', 'gcj02', 'bd09']);

export const location = z.object({
  lng: z.number().check(z.gte(-180), z.lte(180)),
  lat: z.number().check(z.gte(-90), z.lte(90)),
  crs,
});
export type StationLocation = z.infer<typeof location>;

/** Tiers of the hierarchy (市 → 县/区 → 乡镇/街道 → 村/社区; plus 企业/行业). */
export const STATION_TIERS = ['city', 'county', 'township', 'village', 'enterprise'] as const;
export const stationTier = z.enum(STATION_TIERS);
export type StationTier = z.infer<typeof stationTier>;
export const DEFAULT_TIER_LABELS: Record<StationTier, { zh: string; en: string }> = {
  city: { zh: '市级', en: 'City' },
  county: { zh: '县/区级', en: 'County/district' },
  township: { zh: '乡镇/街道', en: 'Township/street' },
  village: { zh: '村/社区', en: 'Village/community' },
  enterprise: { zh: '企业/行业', en: 'Enterprise/sector' },
};

/** A station type of the taxonomy (ids are stable; labels are what people read). */
export const stationTypeDef = z.object({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,40}$/)),
  zh: z.string().check(z.minLength(1), z.maxLength(40)),
  en: z.string().check(z.minLength(1), z.maxLength(80)),
});
export type StationTypeDef = z.infer<typeof stationTypeDef>;

/**
 * Default taxonomy, from docs/domain.md#station-types (local names vary: a data file may relabel these or add its
 * own types in `types`).
 */
export const DEFAULT_STATION_TYPES: readonly StationTypeDef[] = [
  { id: 'central', zh: '代表联络总站', en: 'Central liaison station' },
  { id: 'station', zh: '代表联络站', en: "Deputies' liaison station" },
  { id: 'home', zh: '代表之家', en: "Deputies' home" },
  { id: 'studio', zh: '代表工作室', en: "Deputy's studio" },
  { id: 'room', zh: '代表联络室', en: 'Liaison room' },
  { id: 'point', zh: '代表联络点', en: 'Liaison point' },
  { id: 'family', zh: '家庭联络点', en: 'Family liaison point' },
  { id: 'public-opinion', zh: '民情联络站', en: 'Public-opinion liaison post' },
  { id: 'legislative', zh: '基层立法联系点', en: 'Grassroots legislative contact point' },
  { id: 'business', zh: '营商环境监测点', en: 'Business-environment monitoring point' },
  { id: 'observation', zh: '社情民意观察点', en: 'Social-sentiment observation point' },
  { id: 'online', zh: '线上联络站', en: 'Online liaison station' },
  { id: 'overseas', zh: '联侨联络点', en: 'Overseas Chinese liaison point' },
];

/** Deputy levels (全国/省/市(州)/县(区)/乡镇) — the same codes as the deputy card's schema. */
export const deputyLevel = z.enum(['national', 'provincial', 'municipal', 'county', 'township']);
export type DeputyLevel = z.infer<typeof deputyLevel>;
export const DEPUTY_LEVEL_LABELS: Record<DeputyLevel, { zh: string; en: string }> = {
  national: { zh: '全国人大代表', en: 'NPC deputy' },
  provincial: { zh: '省人大代表', en: 'Provincial deputy' },
  municipal: { zh: '市人大代表', en: 'City deputy' },
  county: { zh: '县人大代表', en: 'County deputy' },
  township: { zh: '乡镇人大代表', en: 'Township deputy' },
};

/** A deputy assigned to the station (编组进站); the id links to <rd-deputy-card deputy-id>. */
export const stationDeputy = z.object({
  id,
  name: z.string().check(z.minLength(1), z.maxLength(50)),
  levels: z.array(deputyLevel).check(z.minLength(1), z.maxLength(5)),
  /** Role at the station, e.g. 站长, 召集人. */
  role: z.optional(text(50)),
});
export type StationDeputy = z.infer<typeof stationDeputy>;

export const staffMember = z.object({
  name: z.string().check(z.minLength(1), z.maxLength(50)),
  title: z.optional(text(80)),
  phone: z.optional(text(40)),
});

/** Pinyin precomputed at build time (pinyin-pro is Node-only): full syllables and initials. */
export const pinyinFields = z.object({
  full: z.optional(text(400)),
  initials: z.optional(text(100)),
});

export const stationEvent = z.object({
  id: z.optional(id),
  title: z.string().check(z.minLength(1), z.maxLength(200)),
  start: isoDateTime,
  end: z.optional(isoDateTime),
  /** Where, when not at the station. */
  place: z.optional(
    z.object({
      name: z.string().check(z.minLength(1), z.maxLength(200)),
      address: z.optional(text(300)),
      location: z.optional(location),
    }),
  ),
  description: z.optional(text(2000)),
});
export type StationEvent = z.infer<typeof stationEvent>;

export const station = z.object({
  id,
  name: z.string().check(z.minLength(1), z.maxLength(100)),
  /** Type ids from the taxonomy; one site can carry several roles. */
  types: z.array(z.string().check(z.minLength(1), z.maxLength(41))).check(z.minLength(1), z.maxLength(8)),
  tier: stationTier,
  parentId: z.optional(id),
  /** District (乡镇/街道) name used by the district filter. */
  district: z.optional(text(60)),
  address: z.optional(text(300)),
  /** Host venue, e.g. 党群服务中心. */
  venue: z.optional(text(100)),
  /** Absent for 线上联络站. */
  location: z.optional(location),
  phone: z.optional(text(40)),
  head: z.optional(staffMember),
  liaisons: z.optional(z.array(staffMember).check(z.maxLength(20))),
  deputies: z.optional(z.array(stationDeputy).check(z.maxLength(300))),
  schedule: z.optional(receptionSchedule),
  events: z.optional(z.array(stationEvent).check(z.maxLength(100))),
  facilities: z.optional(z.array(text(60)).check(z.maxLength(30))),
  photo: z.optional(z.object({ url, alt: text(200) })),
  /** Online entry (小程序/网页) for 线上联络站 or booking. */
  onlineUrl: z.optional(url),
  description: z.optional(text(2000)),
  pinyin: z.optional(pinyinFields),
  /** Accept appointments (预约接访) through the widget; default true. */
  appointments: z.optional(z.boolean()),
});
export type Station = z.infer<typeof station>;

/** A region outline for the no-tiles vector view: rings of [lng, lat] in `crs`. */
export const regionOutline = z.object({
  crs,
  rings: z.array(z.array(z.tuple([z.number(), z.number()])).check(z.minLength(3))).check(z.maxLength(100)),
});

export const stationsFile = z.object({
  version: z.optional(z.literal(1)),
  /** Name of the area, e.g. 桐岚县. */
  region: z.optional(
    z.object({
      name: z.string().check(z.minLength(1), z.maxLength(100)),
      outline: z.optional(regionOutline),
      /** Districts (乡镇/街道) in display order, for the filter. */
      districts: z.optional(z.array(text(60)).check(z.maxLength(500))),
    }),
  ),
  /** Taxonomy: replaces labels of default ids and adds local types. */
  types: z.optional(z.array(stationTypeDef).check(z.maxLength(60))),
  /** Holiday data for years the bundled calendar lacks, and area-wide closures. */
  holidayCalendar: z.optional(holidayCalendarData),
  stations: z.array(station).check(z.maxLength(20000)),
});
export type StationsFile = z.infer<typeof stationsFile>;

/** Merge a file's taxonomy over the defaults (file labels win; new ids appended). */
export function resolveStationTypes(custom: readonly StationTypeDef[] | undefined): StationTypeDef[] {
  const out = DEFAULT_STATION_TYPES.map((t) => ({ ...t }));
  for (const t of custom ?? []) {
    const i = out.findIndex((x) => x.id === t.id);
    if (i >= 0) out[i] = { ...t };
    else out.push({ ...t });
  }
  return out;
}
