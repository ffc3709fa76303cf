// Two distributions (README "Two distributions").
// - npm (dist/): unbundled ESM, one file per source module, for an app's own bundler: the
//   package's dependencies (lit, @lit/context, idb-keyval …) stay imports, each element's
//   registration module is its entry (dist/components/<tag>.js), nothing is minified.
// - CDN (dist/cdn/): self-contained browser builds. ESM: one all-in-one entry (src/cdn-all.ts,
//   which imports each element's registration module — the widget's own entry — when its tag is
//   on the page) plus one entry per widget, code-split so shared code and heavy parts (the map
//   engine) are separate chunks loaded only when used. The classic scripts (rd-widgets.iife.js, components/<tag>.iife.js) are not
//   built here: they are small ASCII loaders of these modules, written by scripts/build.mjs from
//   scripts/cdn-loader.mjs.
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, relative } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { transform as transformWithEsbuild } from 'esbuild';
import { rollupLeafletCss } from './scripts/leaflet-css.mjs';

const widgetDirs = readdirSync('src/components', { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name.startsWith('rd-') && existsSync(`src/components/${d.name}/${d.name}.ts`))
  .map((d) => d.name);

// The schemas import `zod/mini`; in the browser that is src/services/zod-lite.ts, the part of
// zod's runtime they use, proven identical by test/services/zod-lite.test.ts (real zod stays in
// the JSON Schema generation, the types and the reference receiver).
const ZOD_LITE = fileURLToPath(new URL('./src/services/zod-lite-mini.ts', import.meta.url));
const zodLite = () => ({
  name: 'rd-zod-lite',
  resolveId(source) {
    return source === 'zod/mini' ? ZOD_LITE : null;
  },
});

// package.json `sideEffects` names the published files (dist/); for the sources the build reads,
// the element modules, src/index.ts and src/cdn-all.ts have side effects (registration),
// services, controllers and events do not — as node-resolve would otherwise read from package.json.
const srcSideEffects = () => ({
  name: 'rd-src-side-effects',
  async resolveId(source, importer, options) {
    if (source.startsWith('\0') || (importer && !/^[./]/.test(source))) return null; // packages
    const r = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!r || r.external) return r;
    const id = r.id.replace(/\\/g, '/');
    if (!id.includes('/src/') || id.includes('/node_modules/')) return r;
    return { ...r, moduleSideEffects: /\/src\/(index\.ts|cdn-all\.ts|components\/)/.test(id) };
  },
});

// The stylesheets (css`` in *.styles.ts and shared/styles.ts) without their comments and
// indentation: esbuild leaves template literals as written, and the comments that explain a rule
// to the next developer cost every citizen bytes on the first screen. Only plain css`` literals
// (no `${}`) are touched; the build fails if one cannot be.
const cssLiterals = () => ({
  name: 'rd-css-literals',
  transform(code, id) {
    if (!/[\\/]src[\\/].*styles\.ts$/.test(id)) return null;
    const out = code.replace(/\bcss`([^`]*)`/g, (whole, text) => {
      if (text.includes('${')) this.error(`${id}: a css\`\` literal with \${} is not minified; keep styles static`);
      const min = text
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/;}/g, '}')
        .trim();
      return `css\`${min}\``;
    });
    return { code: out, map: null };
  },
});

const plugins = ({ minify = true } = {}) => [
  cssLiterals(),
  srcSideEffects(),
  zodLite(),
  rollupLeafletCss(),
  leafletTrustedTypes(),
  nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
  esbuild({ tsconfig: 'tsconfig.json', target: 'es2022', minify, sourceMap: minify, legalComments: 'none' }),
];

const onwarn = (w, warn) => {
  if (w.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(w.message)) return;
  if (w.code === 'THIS_IS_UNDEFINED') return;
  warn(w);
};

// The map engine (Leaflet, supercluster) is published as stable files under dist/cdn/vendor/: the
// ESM build imports them as entries, loaded only when a map is shown.
const VENDOR = {
  'leaflet/dist/leaflet-src.esm.js': 'leaflet',
  supercluster: 'supercluster',
};
const vendorEntries = Object.fromEntries(
  Object.entries(VENDOR).map(([spec, name]) => [`vendor/${name}`, spec === 'supercluster' ? 'node_modules/supercluster/index.js' : `node_modules/${spec}`]),
);
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

// npm: the package's runtime dependencies are imports the app's bundler resolves (one Lit for the
// whole app). Leaflet is not among them: it is bundled (dist/lib/) with the Trusted Types patch
// above. `zod/mini` is replaced by zod-lite (above) before this is asked.
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const npmExternal = Object.keys(pkg.dependencies).filter((d) => d !== 'zod');
const isExternal = (id) => npmExternal.some((d) => id === d || id.startsWith(`${d}/`));
// File names: an element's registration module is its public entry, dist/components/<tag>.js
// (so `sideEffects` can name exactly those); every other module keeps its path under src/, and
// bundled packages go to dist/lib/<package>/….
const npmFileName = (chunk) => {
  const id = (chunk.facadeModuleId ?? '').replace(/\\/g, '/');
  const reg = /\/src\/components\/(rd-[^/]+)\/\1\.ts$/.exec(id);
  if (reg) return `components/${reg[1]}.js`;
  const lib = /\/node_modules\/(.+?)(\.[cm]?js)?$/.exec(id);
  if (lib) return `lib/${lib[1]}.js`;
  return '[name].js';
};

// The bundled Leaflet (dist/lib/) is minified: it is not ours to read, and unminified it would be
// a tenth of the package. Our own modules lose whitespace and comments but keep every name, so a
// stack trace or a debugger still reads them (and the package stays under 1 MB, README "Two
// distributions").
const minifyLib = () => ({
  name: 'rd-minify-lib',
  async renderChunk(code, chunk) {
    const lib = chunk.fileName.startsWith('lib/');
    const out = await transformWithEsbuild(code, {
      loader: 'js', format: 'esm', target: 'es2022', legalComments: 'inline',
      ...(lib ? { minify: true } : { minifyWhitespace: true, minifySyntax: true, minifyIdentifiers: false }),
    });
    return { code: out.code, map: null };
  },
});

// What every widget loads — Lit, the base element, configuration, messages, styles, data
// loading and validation — is one chunk, chunks/core-<hash>.js, not the five or six Rollup would
// cut it into by which entries use what: one request, and one gzip dictionary for it (each file is
// compressed on its own, so the same words in five files cost five times). What only the widgets
// with a form of their own need — the submit, draft and form controllers, the outbox and drafts —
// is another, chunks/forms-<hash>.js, which the station map (whose booking form is loaded when
// opened) does not load on its first screen; and between them chunks/form-<hash>.js, the form
// pieces (shared/form.ts) with the error list, this device's receipts and the HTTP client that
// sends (services/http.ts; loading data is services/http-load.ts, in the core), which
// the receipt lookup needs without the submission machinery. The fields themselves
// (shared/fields.ts) and the small records kept on this device (services/local-records.ts) are
// chunks/fields-<hash>.js: the survey shows its questions and checks "already answered on this
// device" on its first screen, and loads the rest of the form when first used.
const CORE = [
  // Lit's directives: `live` and `if-defined` (tiny, and on most first screens); the others go
  // with the modules that use them (style-map and guard with the legislation text).
  /\/node_modules\/(lit|lit-element|lit-html|@lit\/reactive-element|@lit\/context)\/(?!(.*\/)?directives\/)/,
  /\/node_modules\/(lit|lit-html)\/directives\/(live|if-defined)\.js$/,
  /\/src\/components\/shared\/(?!(form|fields)\.ts$)/,
  /\/src\/components\/rd-provider\//,
  /\/src\/controllers\/(?!deep-link|submit-controller|draft-controller|form-controller|waiting-work)/,
  /\/src\/events\//,
  /\/src\/services\/(config|days|http-load|transport|validation|zod-lite[\w-]*|json|i18n\/(index|shared))\.ts$/,
  /\/src\/services\/schemas\/common\.ts$/,
];
const FORM = [
  /\/src\/components\/shared\/form\.ts$/,
  /\/src\/services\/(form-errors|lookup-link|receipt-book|http)\.ts$/,
  /\/src\/services\/i18n\/forms\.ts$/,
];
const FIELDS = [
  /\/src\/components\/shared\/fields\.ts$/,
  /\/src\/services\/local-records\.ts$/,
];
const FORMS = [
  /\/src\/controllers\/(submit|draft|form)-controller\.ts$/,
  /\/src\/services\/(outbox|drafts)\.ts$/,
];
function coreChunk(id) {
  const p = id.replace(/\\/g, '/');
  if (/\.en\.ts$/.test(p)) return undefined;
  if (CORE.some((r) => r.test(p))) return 'core';
  // IndexedDB and the page-load check for waiting drafts and outbox entries: the widgets with a
  // form of their own load it on their first screen, and the station map (a booking queued on the
  // device is sent at load).
  if (/\/node_modules\/idb-keyval\/|\/src\/(services\/(idb|waiting-work)|controllers\/waiting-work)\.ts$/.test(p)) return 'store';
  if (FORM.some((r) => r.test(p))) return 'form';
  if (FIELDS.some((r) => r.test(p))) return 'fields';
  if (FORMS.some((r) => r.test(p))) return 'forms';
  // The reception schedule's rules, China's holidays and the code that dates sessions with them
  // always travel together (the deputy card, the station map, the booking form).
  if (/\/src\/services\/((schemas\/)?schedule|holidays|generated\/holiday-data)\.ts$/.test(p)) return 'schedule';
  return undefined;
}

export default [
  {
    input: {
      index: 'src/index.ts',
      ...Object.fromEntries(widgetDirs.map((n) => [`components/${n}`, `src/components/${n}/${n}.ts`])),
    },
    external: isExternal,
    output: {
      dir: 'dist',
      format: 'es',
      preserveModules: true,
      preserveModulesRoot: 'src',
      entryFileNames: npmFileName,
      sourcemap: false,
    },
    // Leaflet is not copied a second time: the npm modules load the CDN folder's own copy
    // (dist/cdn/vendor/leaflet.js, the same minified Leaflet, built below).
    plugins: [{
      name: 'rd-npm-leaflet',
      resolveId(source, importer) {
        if (source !== 'leaflet/dist/leaflet-src.esm.js' || !importer) return null;
        // The importer's place in dist/ (npm modules keep their path under src/) → the vendor file.
        const from = dirname(importer.replace(/\\/g, '/').replace('/src/', '/dist/'));
        return { id: relative(from, fileURLToPath(new URL('./dist/cdn/vendor/leaflet.js', import.meta.url))).replace(/\\/g, '/'), external: true };
      },
    }, ...plugins({ minify: false }), minifyLib()],
    onwarn,
  },
  {
    input: {
      'rd-widgets': 'src/cdn-all.ts',
      ...Object.fromEntries(widgetDirs.map((n) => [`components/${n}`, `src/components/${n}/${n}.ts`])),
      ...vendorEntries,
    },
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
      manualChunks: coreChunk,
    },
    plugins: plugins(),
    onwarn,
  },
];
