// Leaflet's stylesheet as a JS module (`import css from 'leaflet/dist/leaflet.css'`), read from the
// installed `leaflet` package when building and when serving the tests, so it always matches the
// map engine's version. Comments and rules that load Leaflet's images are dropped: the station map
// draws its markers and clusters as HTML, and a shadow root would resolve those URLs against the
// host page anyway.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export const LEAFLET_CSS_ID = 'leaflet/dist/leaflet.css';
const require = createRequire(import.meta.url);

/** The CSS text, without comments and without the declarations that load Leaflet's images. */
export function leafletCssText(file = require.resolve(LEAFLET_CSS_ID)) {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/[^;{}]*url\(\s*['"]?images\/[^;{}]*;?/g, '')
    // Rules the removal left empty (top level and inside @media alike).
    .replace(/[^{}]*\{\s*\}/g, '')
    .replace(/\n\s*\n+/g, '\n')
    .trim() + '\n';
}

/** The module source for the stylesheet. */
export const leafletCssModule = (file) => `export default ${JSON.stringify(leafletCssText(file))};\n`;

const isLeafletCss = (id) => /[\\/]leaflet[\\/]dist[\\/]leaflet\.css$/.test(id.split('?')[0]);

/** Rollup plugin. */
export const rollupLeafletCss = () => ({
  name: 'rd-leaflet-css',
  load: (id) => (isLeafletCss(id) ? leafletCssModule(id) : null),
});

/** @web/dev-server plugin (the browser tests): the stylesheet served as a module. */
export const wdsLeafletCss = () => ({
  name: 'rd-leaflet-css',
  resolveMimeType: (context) => (isLeafletCss(context.path) ? 'js' : undefined),
  transform: (context) => (isLeafletCss(context.path) ? { body: leafletCssModule(require.resolve(LEAFLET_CSS_ID)) } : undefined),
});
