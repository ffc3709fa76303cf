// `npm run bench`: gzip sizes of every dist file (and of the shared layer), then each widget's
// benchmark (bench/<tag>.bench.mjs) in headless Chromium, then the receiver's
// (bench/receiver/run.mjs; `npm run bench -- receiver` for that one alone; `npm run bench -- --no-build sizes`
// for the sizes and first screens alone: a name no benchmark has). Figures, not pass/fail: they go into
// the README. Builds first unless --no-build.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync, mkdtempSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS, NO_CHROME_MESSAGE } from './chrome.mjs';
import { decodeMappings } from './sourcemap.mjs';

const args = process.argv.slice(2);
if (!args.includes('--no-build')) {
  const r = spawnSync(process.execPath, ['scripts/build.mjs', '--quiet'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const only = args.filter((a) => !a.startsWith('--'));

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (p) => gzipSync(readFileSync(p), { level: 9 }).length;

// 1. Sizes.
const rows = [];
const walk = (d) => {
  for (const f of readdirSync(d, { withFileTypes: true })) {
    const p = join(d, f.name);
    if (f.isDirectory()) { if (!['types', 'server', 'schemas'].includes(f.name)) walk(p); }
    else if (f.name.endsWith('.js')) rows.push({ file: p, bytes: readFileSync(p).length, gzip: gz(p) });
  }
};
walk('dist/cdn');
rows.sort((a, b) => a.file.localeCompare(b.file));

/** Every file an ESM entry loads statically (its import graph within dist/). */
function staticGraph(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const src = readFileSync(entry, 'utf8');
  for (const m of src.matchAll(/(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    staticGraph(join(entry, '..', m[1]), seen);
  }
  return seen;
}
const sumGz = (files) => [...files].reduce((n, f) => n + gz(f), 0);

console.log('\n## Sizes (minified, gzip -9)\n');
console.log('| file | size | gzip |\n|---|---:|---:|');
for (const r of rows) console.log(`| ${r.file} | ${kb(r.bytes)} | ${kb(r.gzip)} |`);
console.log('\n| what a page loads (static imports) | gzip |\n|---|---:|');
const results = { sizes: rows, loads: {}, benches: {} };
for (const entry of ['dist/cdn/components/rd-provider.js', 'dist/cdn/rd-widgets.js', ...readdirSync('dist/cdn/components').filter((f) => f.endsWith('.js') && !f.endsWith('.iife.js') && f !== 'rd-provider.js').map((f) => `dist/cdn/components/${f}`)]) {
  if (!existsSync(entry)) continue;
  const total = sumGz(staticGraph(entry));
  results.loads[entry] = total;
  const label = { 'dist/cdn/components/rd-provider.js': 'rd-provider entry (Lit + the shared layer: the core chunk)', 'dist/cdn/rd-widgets.js': 'dist/cdn/rd-widgets.js (the provider; each other element when its tag is on the page: see the first screens)' }[entry] ?? entry;
  console.log(`| ${label} | ${kb(total)} |`);
}

// What every widget loads: Lit + the shared layer (base class, controllers, form pieces,
// services), i.e. the files in the static graph of all four widget entries.
{
  const widgetEntries = readdirSync('dist/cdn/components').filter((f) => f.endsWith('.js') && !f.endsWith('.iife.js') && f !== 'rd-provider.js').map((f) => `dist/cdn/components/${f}`);
  if (widgetEntries.length) {
    const graphs = widgetEntries.map((e) => { const g = staticGraph(e); g.delete(e); return g; });
    const common = [...graphs[0]].filter((f) => graphs.every((g) => g.has(f)));
    const total = sumGz(common);
    results.loads.sharedByAllWidgets = total;
    console.log(`| Lit + shared layer: loaded by every widget (${common.map((f) => f.replace('dist/cdn/', '')).join(', ')}) | ${kb(total)} |`);
    // Where those bytes come from, by the source maps: each package's minified text, gzipped on
    // its own (the parts add up to a little more than the whole).
    const parts = byPackage(common);
    results.loads.sharedByPackage = parts;
    console.log('\n| shared layer by origin | minified | gzip |\n|---|---:|---:|');
    for (const [name, p] of Object.entries(parts)) console.log(`| ${name} | ${kb(p.bytes)} | ${kb(p.gzip)} |`);
  }
}

// First screens against their budgets (issue 16, README "Figures"): what one <script> tag loads
// before a citizen touches anything, for a widget with its default attributes — a classic script
// (an ASCII loader, scripts/cdn-loader.mjs) with the module it imports and everything that module
// imports statically, or a module entry with its static imports — ≤ 40 KB gzip per widget, the
// all-in-one classic script ≤ 100 KB. Each file is counted gzipped on its own, as it travels.
// Parts fetched later with import() (booking form, QR code, results view, parser, English, the map
// engine) are not counted: they load when first needed.
{
  const BUDGET = { widget: 40 * 1024, allInOne: 100 * 1024 };
  const rowsB = [];
  /** A classic loader: itself + the static graph of the module it imports. */
  const loaderGraph = (loader) => {
    const m = /new URL\("([^"]+)"/.exec(readFileSync(loader, 'utf8'));
    if (!m) throw new Error(`${loader}: not a loader (no module URL found)`);
    const g = staticGraph(join(loader, '..', m[1]));
    g.add(loader);
    return g;
  };
  const firstScreens = [];
  for (const f of readdirSync('dist/cdn/components').filter((x) => x.endsWith('.iife.js')).sort()) firstScreens.push([`dist/cdn/components/${f} (loader) + ${f.replace('.iife', '')} + static imports`, loaderGraph(`dist/cdn/components/${f}`), BUDGET.widget]);
  for (const f of readdirSync('dist/cdn/components').filter((x) => x.endsWith('.js') && !x.endsWith('.iife.js') && x !== 'rd-provider.js' && x !== 'rd-appointment-form.js').sort()) firstScreens.push([`dist/cdn/components/${f} + static imports`, staticGraph(`dist/cdn/components/${f}`), BUDGET.widget]);
  // The all-in-one script (src/cdn-all.ts) imports an element's registration module — that
  // widget's own entry, components/<tag>.js — only when its tag is on the page: counted for the
  // worst case, a page with every element (the loader, the entry and the union of the static
  // graphs of every registration module it can import), and for a page with one widget.
  const allInOne = loaderGraph('dist/cdn/rd-widgets.iife.js');
  const elementModules = [...readFileSync('dist/cdn/rd-widgets.js', 'utf8').matchAll(/import\(\s*["']\.\/(components\/rd-[\w-]+\.js)["']\s*\)/g)].map((m) => `dist/cdn/${m[1]}`);
  if (!elementModules.length) throw new Error('dist/cdn/rd-widgets.js: no element registration module imported (import("./components/<tag>.js"))');
  const withElements = (modules) => { const g = new Set(allInOne); for (const m of modules) for (const f of staticGraph(m)) g.add(f); return g; };
  firstScreens.push([`dist/cdn/rd-widgets.iife.js (loader) + rd-widgets.js + static imports, every element on the page (+ ${elementModules.length} registration modules and their static imports)`, withElements(elementModules), BUDGET.allInOne]);
  firstScreens.push(['dist/cdn/rd-widgets.iife.js (loader) + rd-widgets.js + static imports, one <rd-station-map> on the page (+ components/rd-station-map.js and its static imports)', withElements(['dist/cdn/components/rd-station-map.js']), BUDGET.allInOne]);
  for (const [what, files, budget] of firstScreens) rowsB.push([what, sumGz(files), budget, files.size]);
  console.log('\n| first screen (one script tag) | files | gzip | budget | |\n|---|---:|---:|---:|---|');
  results.budgets = {};
  for (const [what, size, budget, n] of rowsB) {
    results.budgets[what] = { gzip: size, budget, files: n };
    console.log(`| ${what} | ${n} | ${kb(size)} | ${kb(budget)} | ${size <= budget ? 'within' : `over by ${kb(size - budget)}`} |`);
  }
}

/** Splits the generated code of `files` by original package (via their source maps). */
function byPackage(files) {
  const groups = {};
  const groupOf = (src) => {
    const m = src.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    if (!m) return /\/src\/services\/i18n\/|\.messages\.ts$/.test(src) ? 'our messages (zh-CN)' : /styles\.ts$/.test(src) ? 'our styles' : 'our code';
    if (['lit', 'lit-html', 'lit-element', '@lit/reactive-element', '@lit/context'].includes(m[1])) return 'Lit + @lit/context';
    return m[1];
  };
  for (const f of files) {
    const code = readFileSync(f, 'utf8').split('\n');
    const map = JSON.parse(readFileSync(`${f}.map`, 'utf8'));
    decodeMappings(map.mappings).forEach((segs, n) => {
      segs.forEach((seg, i) => {
        if (seg.length < 4) return;
        const end = segs[i + 1]?.[0] ?? code[n].length;
        const g = groupOf(map.sources[seg[1]]);
        (groups[g] ??= []).push(code[n].slice(seg[0], end));
      });
    });
  }
  return Object.fromEntries(Object.entries(groups)
    .map(([g, texts]) => { const t = texts.join(''); return [g, { bytes: Buffer.byteLength(t), gzip: gzipSync(t, { level: 9 }).length }]; })
    .sort((a, b) => b[1].gzip - a[1].gzip));
}

// 2. Widget benchmarks in Chromium against the reference receiver (serves / → demo, /dist → dist).
const benches = existsSync('bench') ? readdirSync('bench').filter((f) => f.endsWith('.bench.mjs') && (!only.length || only.some((o) => f.includes(o)))) : [];
if (benches.length) {
  const executablePath = findChrome();
  if (!executablePath) { console.error(NO_CHROME_MESSAGE); process.exit(1); }
  const { startTestReceiver } = await import('../test/server/test-receiver.mjs');
  const receiver = await startTestReceiver({ dbFile: join(mkdtempSync(join(tmpdir(), 'rd-bench-')), 'bench.sqlite') });
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  try {
    for (const file of benches) {
      const mod = await import(pathToFileURL(join('bench', file)).href);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => console.error(`  page error in ${file}: ${e.message}`));
      await page.goto(`${receiver.url}/`);
      console.log(`\n## ${file.replace('.bench.mjs', '')}\n`);
      try {
        const out = await mod.default(page, receiver.url);
        results.benches[file] = out;
        console.log('| measure | value |\n|---|---:|');
        for (const r of out) console.log(`| ${r.name} | ${typeof r.value === 'number' ? r.value.toFixed(r.unit === 'ms' ? 1 : 0) : r.value} ${r.unit ?? ''} |`);
      } catch (e) {
        console.error(`  ${file} failed: ${e.stack ?? e}`);
        process.exitCode = 1;
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await receiver.close();
  }
}
// 3. The receiver (bench/receiver/run.mjs): the real rd-receiver command on SQLite and on
// PostgreSQL, in its own process (its figures must not share a process with the browser).
if (!only.length || only.includes('receiver')) {
  const r = spawnSync(process.execPath, ['bench/receiver/run.mjs', ...args.filter((a) => ['sqlite', 'postgres'].includes(a))], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = 1;
}

writeFileSync(join(mkdtempSync(join(tmpdir(), 'rd-bench-out-')), 'bench.json'), JSON.stringify(results, null, 2));
console.log(`\nMachine: ${process.platform} ${process.arch}, Node ${process.version}. Figures vary between runs; compare orders of magnitude.`);
