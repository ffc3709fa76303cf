// Tile providers for <rd-station-map>. Each provider says which coordinate system its tiles are
// drawn in, so station coordinates are converted (gcoord) to sit on the right street.
import type { Crs } from '../../services/geo.js';

export interface TileSpec {
  /** URL template with {x} {y} {z} (and {s} when `subdomains`). */
  url: string;
  subdomains?: string;
  crs: Crs;
  attribution: string;
  maxZoom: number;
  /** An extra overlay (天地图's label layer). */
  overlay?: string;
}

/**
 * Resolves the `tiles` attribute: `none` (default), `tianditu` (needs `tile-key`), `amap`, `osm`,
 * or any URL template containing `{z}` (then `tile-crs`, default wgs84). Returns null for `none`
 * or when 天地图 has no key.
 */
export function resolveTiles(tiles: string | undefined, key?: string, crs?: Crs): TileSpec | null {
  const t = (tiles ?? 'none').trim();
  if (!t || t === 'none') return null;
  if (t === 'tianditu') {
    if (!key) return null;
    const k = encodeURIComponent(key);
    const wmts = (layer: string) =>
      `https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${k}`;
    return { url: wmts('vec'), overlay: wmts('cva'), subdomains: '01234567', crs: 'wgs84', attribution: '天地图 © 国家地理信息公共服务平台', maxZoom: 18 };
  }
  if (t === 'amap') {
    return {
      url: 'https://webrd0{s}.is.autonavi.com/appmaptile?lang=zh_cn&size=1&scale=1&style=8&x={x}&y={y}&z={z}',
      subdomains: '1234',
      crs: 'gcj02',
      attribution: '© 高德地图 AutoNavi',
      maxZoom: 18,
    };
  }
  if (t === 'osm') {
    return { url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', crs: 'wgs84', attribution: '© OpenStreetMap contributors', maxZoom: 19 };
  }
  if (t.includes('{z}')) return { url: t, subdomains: t.includes('{s}') ? 'abc' : undefined, crs: crs ?? 'wgs84', attribution: '', maxZoom: 19 };
  return null;
}
