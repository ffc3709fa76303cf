// Coordinates of stations: conversion between WGS-84, GCJ-02 and BD-09 (via gcoord), distances, and
// navigation deep links to the map apps people in China use, each in its own coordinate system:
//   高德 Amap     https://uri.amap.com/marker?position=<lng>,<lat>&name=…&coordinate=gaode   (GCJ-02)
//   百度 Baidu    https://api.map.baidu.com/marker?location=<lat>,<lng>&title=…&coord_type=bd09ll&output=html (BD-09)
//   腾讯 Tencent  https://apis.map.qq.com/uri/v1/marker?marker=coord:<lat>,<lng>;title:…;addr:…&referer=… (GCJ-02)
// Tiles: 天地图 uses CGCS2000 ≈ WGS-84; 高德/腾讯 tiles GCJ-02; OSM WGS-84.
// Outside mainland China gcoord leaves GCJ-02/BD-09 conversions as identity-like (GCJ-02 = WGS-84).
import gcoord from 'gcoord';

export type Crs = 'wgs84' | 'gcj02' | 'bd09';
export interface LngLat {
  lng: number;
  lat: number;
}
export interface GeoPoint extends LngLat {
  crs: Crs;
}

const GCOORD: Record<Crs, (typeof gcoord)['WGS84'] | (typeof gcoord)['GCJ02'] | (typeof gcoord)['BD09']> = {
  wgs84: gcoord.WGS84,
  gcj02: gcoord.GCJ02,
  bd09: gcoord.BD09,
};

/** Convert a point from one system to another. */
export function convert(point: LngLat, from: Crs, to: Crs): LngLat {
  if (from === to) return { lng: point.lng, lat: point.lat };
  const [lng, lat] = gcoord.transform([point.lng, point.lat], GCOORD[from], GCOORD[to]) as [number, number];
  return { lng, lat };
}

/** A located point in the wanted system. */
export function toCrs(point: GeoPoint, to: Crs): LngLat {
  return convert(point, point.crs, to);
}

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (d: number) => (d * Math.PI) / 180;

/** Great-circle distance in metres (haversine) between two points, each in its own system. */
export function distanceMeters(a: GeoPoint, b: GeoPoint): number {
  const p = toCrs(a, 'wgs84');
  const q = toCrs(b, 'wgs84');
  const dLat = rad(q.lat - p.lat);
  const dLng = rad(q.lng - p.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(p.lat)) * Math.cos(rad(q.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export { formatDistance } from './geo-format.js';

export interface NavigationTarget {
  name: string;
  address?: string;
  location: GeoPoint;
}
export interface NavigationLinks {
  amap: string;
  baidu: string;
  tencent: string;
}

/** Six decimals ≈ 0.1 m: enough, and stable strings for tests. */
const fix = (n: number) => String(Math.round(n * 1e6) / 1e6);

/**
 * Deep links that open the place in 高德, 百度 and 腾讯 maps (app when installed, web otherwise),
 * each with the coordinates converted to that app's system. `src` names the calling site (Amap
 * `src`, Baidu `src`, Tencent `referer`).
 */
export function navigationLinks(target: NavigationTarget, src = 'rd-widgets'): NavigationLinks {
  const g = toCrs(target.location, 'gcj02');
  const b = toCrs(target.location, 'bd09');
  const name = encodeURIComponent(target.name);
  const addr = encodeURIComponent(target.address ?? target.name);
  const s = encodeURIComponent(src);
  // Tencent's marker parameter is `;`/`:`-separated: those characters are stripped from the text.
  const tq = (t: string) => encodeURIComponent(t.replace(/[;:]/g, ' '));
  return {
    amap: `https://uri.amap.com/marker?position=${fix(g.lng)},${fix(g.lat)}&name=${name}&src=${s}&coordinate=gaode&callnative=1`,
    baidu: `https://api.map.baidu.com/marker?location=${fix(b.lat)},${fix(b.lng)}&title=${name}&content=${addr}&output=html&coord_type=bd09ll&src=${s}`,
    tencent: `https://apis.map.qq.com/uri/v1/marker?marker=coord:${fix(g.lat)},${fix(g.lng)};title:${tq(target.name)};addr:${tq(target.address ?? target.name)}&referer=${s}`,
  };
}

/** Bounding box [west, south, east, north] of points (already in one system). */
export function bbox(points: readonly LngLat[]): [number, number, number, number] | null {
  if (!points.length) return null;
  let w = Infinity, s = Infinity, e = -Infinity, n = -Infinity;
  for (const p of points) {
    if (p.lng < w) w = p.lng;
    if (p.lng > e) e = p.lng;
    if (p.lat < s) s = p.lat;
    if (p.lat > n) n = p.lat;
  }
  return [w, s, e, n];
}

/** Whether a point lies in mainland China's rough box (where GCJ-02 offsets apply). */
export function roughlyInChina(p: LngLat): boolean {
  return p.lng >= 72.004 && p.lng <= 137.8347 && p.lat >= 0.8293 && p.lat <= 55.8271;
}
