// The published package (README "Two distributions"): what `npm pack` ships, how big it is, and
// that the two distributions are what they claim — unbundled ESM for an app's bundler (the runtime
// dependencies stay imports, so an app that uses Lit has one Lit; types beside every module;
// `sideEffects` names exactly the modules that register elements) and self-contained CDN files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { elementTags } from '../../scripts/manifest-scan.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const files = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
const npmModules = files('dist').filter((f) => f.endsWith('.js') && !f.startsWith('dist/cdn/'));
/** Every bare (package) import of these modules and what they import, as esbuild reads them. */
async function bareImports(entryPoints) {
  const r = await build({ entryPoints, bundle: true, write: false, metafile: true, format: 'esm', splitting: true, outdir: '.tmp/pkg/scan', packages: 'external', logLevel: 'silent' });
  return [...new Set(Object.values(r.metafile.inputs).flatMap((i) => i.imports.filter((x) => x.external).map((x) => x.path)))];
}
const pkgName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const globRe = (g) => new RegExp(`^${g.replace(/^\.\//, '').replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\0').replace(/\*/g, '[^/]*').replace(/\0/g, '.*')}$`);

let packed;
const pack = () => {
  if (packed) return packed;
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return (packed = JSON.parse(r.stdout)[0]);
};

test('npm pack: at most 1 MB; no server schema bundle, no source maps, no sources or tests', () => {
  const p = pack();
  assert.ok(p.size <= 1_000_000, `tarball ${p.size} bytes`);
  const paths = p.files.map((f) => f.path);
  assert.deepEqual(paths.filter((f) => f.startsWith('dist/server') || f.endsWith('.map') || /^(src|test|demo|server|scripts)\//.test(f)), []);
  for (const must of ['package.json', 'README.md', 'dist/index.js', 'dist/index.d.ts', 'dist/custom-elements.json', 'dist/react.d.ts', 'dist/vue.d.ts', 'dist/web-types.json', 'dist/cdn/rd-widgets.iife.js', 'dist/cdn/rd-widgets.js', 'dist/cdn/sri.json', 'dist/openapi.json']) assert.ok(paths.includes(must), must);
  for (const tag of elementTags()) {
    for (const f of [`dist/components/${tag}.js`, `dist/components/${tag}.d.ts`, `dist/cdn/components/${tag}.js`]) assert.ok(paths.includes(f), f);
  }
});

test('package.json exports: every target exists in the package', () => {
  const paths = new Set(pack().files.map((f) => f.path));
  const targets = [];
  const walk = (v) => (typeof v === 'string' ? targets.push(v) : Object.values(v).forEach(walk));
  walk(pkg.exports);
  for (const t of targets) {
    const re = globRe(t.replace(/\*/g, '**'));
    assert.ok(t === './package.json' || [...paths].some((p) => re.test(p)), `${t} matches a packed file`);
  }
  assert.ok(paths.has(pkg.types.replace(/^\.\//, '')) && paths.has(pkg.main.replace(/^\.\//, '')));
});

test('npm ESM: unbundled; the runtime dependencies are imports (lit, @lit/context, idb-keyval), nothing else is', async () => {
  const used = new Set((await bareImports(npmModules)).map(pkgName));
  for (const d of ['lit', '@lit/context', 'idb-keyval']) {
    assert.ok(used.has(d), `${d} imported, not bundled`);
    assert.ok(pkg.dependencies[d], `${d} is a dependency`);
  }
  for (const d of used) assert.ok(pkg.dependencies[d], `${d} is imported, so it must be a dependency`);
  assert.ok(npmModules.length > 40, `one file per module (${npmModules.length})`);
  for (const f of npmModules) assert.doesNotMatch(readFileSync(f, 'utf8'), /customElements\.define\(\s*["']lit-/, f);
});

test('npm ESM: types beside every module, and the per-element entries', () => {
  for (const f of npmModules.filter((m) => !m.startsWith('dist/lib/'))) {
    const dts = f.replace(/\.js$/, '.d.ts');
    assert.ok(existsSync(dts), `${dts}`);
  }
});

test('sideEffects: exactly the modules that register elements (and the bundled Leaflet, and the CDN files)', () => {
  const patterns = pkg.sideEffects.map(globRe);
  const marked = (f) => patterns.some((re) => re.test(f));
  for (const f of npmModules) {
    const code = readFileSync(f, 'utf8');
    // Statements, whatever the line breaks (the npm modules are minified, names kept).
    const registers = /(^|[;}\s])defineElement\(["']rd-/m.test(code) || /(^|[;}\s])import ?['"]\.\/components\/rd-[^'"]+\.js['"];/m.test(code);
    if (f.startsWith('dist/lib/leaflet/')) continue;
    assert.equal(marked(f), registers, `${f}: ${registers ? 'registers an element but is not' : 'is'} in sideEffects`);
  }
  for (const tag of elementTags()) assert.ok(marked(`dist/components/${tag}.js`), tag);
  assert.ok(marked('dist/cdn/rd-widgets.iife.js'));
});

test('CDN files are self-contained: no bare import left to resolve', async () => {
  assert.deepEqual(await bareImports(files('dist/cdn').filter((x) => x.endsWith('.js'))), []);
});

test("an app's bundler: one Lit for the app and the widgets, every element registered", async () => {
  mkdirSync('.tmp/pkg', { recursive: true });
  writeFileSync('.tmp/pkg/app.js', `import { LitElement, html } from 'lit';\nimport '../../dist/index.js';\nclass AppShell extends LitElement { render() { return html\`<rd-provider></rd-provider>\`; } }\ncustomElements.define('app-shell', AppShell);\n`);
  const out = await build({ entryPoints: ['.tmp/pkg/app.js'], bundle: true, write: false, format: 'esm', platform: 'browser', logLevel: 'silent', outdir: '.tmp/pkg/out', splitting: true });
  const code = out.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n');
  assert.equal(code.match(/litHtmlVersions \?\?= \[\]\)\.push\(|litHtmlVersions\s*\?\?=/g)?.length, 1, 'one copy of lit-html');
  for (const tag of elementTags()) assert.match(code, new RegExp(`defineElement\\("${tag}"`), tag);
  assert.ok(statSync('dist/index.js').size < 2000, 'the root entry is a list of imports and re-exports');
});
