// Browser builds. ESM: one all-in-one entry plus one entry per widget, code-split so shared code
// and heavy parts (the map engine) are separate chunks loaded only when used. IIFE: one classic
// script for CMS pages that strip type="module".
import { readdirSync, existsSync } from 'node:fs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';

const widgetDirs = readdirSync('src/components', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name.startsWith('rd-') && existsSync(`src/components/${d.name}/${d.name}.ts`))
  .map((d) => d.name);

const plugins = () => [
  leafletTrustedTypes(),
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
  esbuild({ tsconfig: 'tsconfig.json', target: 'es2022', minify: true, sourceMap: true, legalComments: 'none' }),
];

const onwarn = (w, warn) => {
  if (w.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(w.message)) return;
  if (w.code === 'THIS_IS_UNDEFINED') return;
  warn(w);
};

// The map engine (Leaflet, supercluster) is published as stable files under dist/vendor/. The ESM
// build imports them as entries; the IIFE (which cannot code-split) loads the same files with
// import() from the folder it was itself loaded from, so a page without a map never fetches them.
const VENDOR = {
  'leaflet/dist/leaflet-src.esm.js': 'leaflet',
  supercluster: 'supercluster',
};
const vendorEntries = Object.fromEntries(
  Object.entries(VENDOR).map(([spec, name]) => [`vendor/${name}`, spec === 'supercluster' ? 'node_modules/supercluster/index.js' : `node_modules/${spec}`]),
);
const iifeVendor = () => ({
  name: 'rd-iife-vendor',
  resolveDynamicImport(specifier) {
    if (typeof specifier === 'string' && VENDOR[specifier]) return { id: `rd-vendor:${VENDOR[specifier]}`, external: true };
    return null;
  },
  renderDynamicImport({ targetModuleId }) {
    if (targetModuleId?.startsWith('rd-vendor:')) return { left: 'import(__rdVendorUrl(', right: '))' };
    return null;
  },
});
// Leaflet writes strings into innerHTML in three places we reach: its inline-SVG feature test (at
// load), the zoom buttons and the attribution line. Both are Trusted Types sinks, so a page with
// `require-trusted-types-for 'script'` reports violations. Patch them at build time with DOM
// equivalents; fail the build loudly if a Leaflet upgrade moves the code.
const leafletTrustedTypes = () => ({
  name: 'rd-leaflet-trusted-types',
  transform(code, id) {
    if (!id.replace(/\\/g, '/').endsWith('leaflet/dist/leaflet-src.esm.js')) return null;
    const patches = [
      [
        /div\.innerHTML = '<svg\/>';/,
        "div.appendChild(document.createElementNS('http://www.w3.org/2000/svg', 'svg'));",
      ],
      [
        /this\._container\.innerHTML = prefixAndAttribs\.join\(' <span aria-hidden="true">\|<\/span> '\);/,
        "this._container.textContent = prefixAndAttribs.join(' | ').replace(/<[^>]*>/g, '').replace(/&copy;/g, '\u00a9').replace(/&amp;/g, '&');",
      ],
      [
        /link\.innerHTML = html;/,
        "var rdLabel = document.createElement('span'); rdLabel.setAttribute('aria-hidden', 'true'); rdLabel.textContent = String(html).replace(/<[^>]*>/g, '').replace(/&#x([0-9a-f]+);/gi, function (m, h) { return String.fromCharCode(parseInt(h, 16)); }).replace(/&#(\\d+);/g, function (m, d) { return String.fromCharCode(+d); }); link.appendChild(rdLabel);",
      ],
    ];
    let out = code;
    for (const [from, to] of patches) {
      if (!from.test(out)) this.error(`Leaflet changed: cannot apply the Trusted Types patch ${from}`);
      out = out.replace(from, () => to);
    }
    return { code: out, map: null };
  },
});

const IIFE_INTRO = `var __rdScript=document.currentScript;var __rdBase=(__rdScript&&__rdScript.src)||location.href;
function __rdVendorUrl(id){return new URL('vendor/'+id.slice(10)+'.js',__rdBase).href}`;

export default [
  {
    input: {
      'rd-widgets': 'src/index.ts',
      ...Object.fromEntries(widgetDirs.map((n) => [`components/${n}`, `src/components/${n}/${n}.ts`])),
      ...vendorEntries,
    },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: plugins(),
    onwarn,
  },
  {
    input: 'src/index.ts',
    output: {
      file: 'dist/rd-widgets.iife.js',
      format: 'iife',
      name: 'RdWidgets',
      inlineDynamicImports: true,
      intro: IIFE_INTRO,
      sourcemap: true,
    },
    plugins: [iifeVendor(), ...plugins()],
    onwarn,
  },
];
