// Distances as text, apart from the coordinate conversions (services/geo.ts, with gcoord): the
// station list shows distances with this, and imports geo.ts only when a distance or a
// navigation link is first needed (README "Figures"). geo.ts re-exports it.

/** `850 米` / `1.2 公里` / `850 m` / `1.2 km` (whole km from 10 km). */
export function formatDistance(meters: number, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const en = locale === 'en';
  if (meters < 1000) return `${Math.max(0, Math.round(meters / 10) * 10)}${en ? ' m' : ' 米'}`;
  const km = meters / 1000;
  const text = km < 10 ? km.toFixed(1) : String(Math.round(km));
  return `${text}${en ? ' km' : ' 公里'}`;
}
