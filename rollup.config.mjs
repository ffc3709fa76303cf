// Two distributions (README "Two distributions").
// - npm (dist/): unbundled ESM, one file per source module, for an app's own bundler: the
//   package's dependencies (lit, @lit/context, idb-keyval …) stay imports, each element's
//   registration module is its entry (dist/components/<tag>.js), nothing is minified.
// - CDN (dist/cdn/): self-contained browser builds. ESM: one all-in-one entry plus one entry per
//   widget, code-split so shared code and heavy parts (the map engine) are separate chunks loaded
//   only when used. IIFE: one classic script for CMS pages that strip type="module".
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, relative } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import esbuild from 'rollup-plugin-esbuild';
import { transform as transformWithEsbuild } from 'esbuild';
import { shiftColumns } from './scripts/sourcemap.mjs';
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
// the element modules and src/index.ts have side effects (registration), services, controllers and
// events do not — as node-resolve would otherwise read from package.json.
const srcSideEffects = () => ({
  name: 'rd-src-side-effects',
  async resolveId(source, importer, options) {
    if (source.startsWith('\0') || (importer && !/^[./]/.test(source))) return null; // packages
    const r = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!r || r.external) return r;
    const id = r.id.replace(/\\/g, '/');
    if (!id.includes('/src/') || id.includes('/node_modules/')) return r;
    return { ...r, moduleSideEffects: /\/src\/(index\.ts|components\/)/.test(id) };
  },
});

const plugins = ({ minify = true } = {}) => [
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

// The map engine (Leaflet, supercluster) is published as stable files under dist/cdn/vendor/. The ESM
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

// The classic script is decoded in the host page's encoding unless the server names a charset, and
// many old CMS pages are GBK/GB2312. esbuild escapes string literals but leaves non-ASCII text in
// regular expressions and template literals (the legal-text parser, Lit templates), which such a
// page would turn into mojibake. Escape every non-ASCII character as \uXXXX (same meaning in
// strings, templates and regular expressions) and keep the source map in step; fail the build if
// anything non-ASCII is left.
const asciiOnly = () => ({
  name: 'rd-ascii-only',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type !== 'chunk') continue;
      const lines = chunk.code.split('\n');
      // Per line: [old column, shift after it] so generated columns in the map can follow.
      const shifts = lines.map(() => []);
      chunk.code = lines.map((line, n) => {
        let shift = 0;
        return line.replace(/(\\*)([^\x00-\x7f])/g, (m, slashes, ch, at) => {
          // `\中` (an identity escape) means `中`: drop the backslash before escaping.
          const keep = slashes.length % 2 ? slashes.slice(1) : slashes;
          const esc = `\\u${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
          shift += keep.length - slashes.length + esc.length - 1;
          shifts[n].push([at + m.length, shift]);
          return keep + esc;
        });
      }).join('\n');
      const bad = chunk.code.search(/[^\x00-\x7f]/);
      if (bad >= 0) this.error(`non-ASCII character left in ${chunk.fileName} at ${bad}`);
      if (!chunk.map) continue;
      chunk.map.mappings = shiftColumns(chunk.map.mappings, shifts);
      // Rollup 4 has already emitted the .map file as an asset: write the shifted map there too.
      const asset = bundle[`${chunk.fileName}.map`];
      if (asset?.type === 'asset') asset.source = JSON.stringify({ ...JSON.parse(String(asset.source)), mappings: chunk.map.mappings });
    }
  },
});
// `vendorDir`: where dist/cdn/vendor/ is, seen from the script (dist/cdn/ or dist/cdn/components/).
const iifeIntro = (vendorDir) => `var __rdScript=document.currentScript;var __rdBase=(__rdScript&&__rdScript.src)||location.href;
function __rdVendorUrl(id){return new URL('${vendorDir}'+id.slice(10)+'.js',__rdBase).href}
function __rdChunkUrl(id){return new URL('${vendorDir.replace(/vendor\/$/, '')}'+id.slice(9),__rdBase).href}`;

// Parts a classic script does not carry but fetches when first needed, from the CDN's own chunks
// (README "Figures"): the ESM build records its chunks that import nothing (the English catalogues
// are such: plain data), and the classic scripts import() those files instead of inlining them —
// a module is always read as UTF-8, so this keeps the GBK guarantee, and the strict CSP allows it
// as it allows the map engine. Chunks with imports stay inlined: loading them would bring a second
// Lit and a second copy of the shared state.
const leafChunks = new Map(); // source module id → 'chunks/<file>.js'
const recordLeafChunks = () => ({
  name: 'rd-record-leaf-chunks',
  generateBundle(_options, bundle) {
    for (const chunk of Object.values(bundle)) {
      if (chunk.type === 'chunk' && chunk.isDynamicEntry && !chunk.isEntry && chunk.facadeModuleId && !chunk.imports.length && !chunk.dynamicImports.length) leafChunks.set(chunk.facadeModuleId, chunk.fileName);
    }
  },
});
const iifeLeafChunks = () => ({
  name: 'rd-iife-leaf-chunks',
  async resolveDynamicImport(specifier, importer) {
    if (typeof specifier !== 'string' || !specifier.startsWith('.')) return null;
    const r = await this.resolve(specifier, importer, { skipSelf: true });
    const file = r && leafChunks.get(r.id);
    return file ? { id: `rd-chunk:${file}`, external: true } : null;
  },
  renderDynamicImport({ targetModuleId }) {
    if (targetModuleId?.startsWith('rd-chunk:')) return { left: 'import(__rdChunkUrl(', right: '))' };
    return null;
  },
});

// One classic script per widget too (dist/cdn/components/<tag>.iife.js): an old CMS page with one
// widget loads that widget, Lit and the shared layer, not all four. It defines no globals.
const sideEffectEntry = (name, file) => ({
  name: 'rd-side-effect-entry',
  resolveId: (id) => (id === `\0rd-entry:${name}` ? id : null),
  load: (id) => (id === `\0rd-entry:${name}` ? `import ${JSON.stringify(fileURLToPath(new URL(file, import.meta.url)))};` : null),
});
// Not for the provider and the booking form: they come with the widgets that use them.
const widgetIifes = widgetDirs.filter((n) => n !== 'rd-provider' && n !== 'rd-appointment-form').map((n) => ({
  input: `\0rd-entry:${n}`,
  output: {
    file: `dist/cdn/components/${n}.iife.js`,
    format: 'iife',
    exports: 'none',
    inlineDynamicImports: true,
    intro: iifeIntro('../vendor/'),
    sourcemap: true,
  },
  plugins: [sideEffectEntry(n, `./src/components/${n}/${n}.ts`), iifeVendor(), iifeLeafChunks(), ...plugins(), asciiOnly()],
  onwarn,
}));

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
      'rd-widgets': 'src/index.ts',
      ...Object.fromEntries(widgetDirs.map((n) => [`components/${n}`, `src/components/${n}/${n}.ts`])),
      ...vendorEntries,
    },
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [...plugins(), recordLeafChunks()],
    onwarn,
  },
  {
    input: 'src/index.ts',
    output: {
      file: 'dist/cdn/rd-widgets.iife.js',
      format: 'iife',
      name: 'RdWidgets',
      inlineDynamicImports: true,
      intro: iifeIntro('vendor/'),
      sourcemap: true,
    },
    plugins: [iifeVendor(), iifeLeafChunks(), ...plugins(), asciiOnly()],
    onwarn,
  },
  ...widgetIifes,
];
