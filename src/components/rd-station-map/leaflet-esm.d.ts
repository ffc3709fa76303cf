// Leaflet's ES module build has the same API as the `leaflet` package (typed by @types/leaflet).
declare module 'leaflet/dist/leaflet-src.esm.js' {
  export * from 'leaflet';
}

// Leaflet's stylesheet as text, read from the installed package by the build and the test server
// (scripts/leaflet-css.mjs), without the rules for Leaflet's images.
declare module 'leaflet/dist/leaflet.css' {
  const css: string;
  export default css;
}
