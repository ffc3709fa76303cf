// Leaflet's ES module build has the same API as the `leaflet` package (typed by @types/leaflet).
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}
