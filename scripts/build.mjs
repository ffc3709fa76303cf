// `npm run build`: the npm ESM and the CDN bundles (Rollup, README "Two distributions"), .d.ts
// beside the npm modules (tsc), custom-elements.json (CEM analyzer) and the framework types,
// JSON Schemas + OpenAPI generated from the zod schemas, and node bundles of the schemas for the
// reference receiver and of the parser and schemas for the `rd-widgets` command. Prints each file's gzip size.
import { spawn, spawnSync } from 'node:child_process';
import { rmSync, mkdirSync, readdirSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { build as esbuild } from 'esbuild';
import { loaderSource } from './cdn-loader.mjs';

const quiet = process.argv.includes('--quiet');
const step = (name, cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit', shell: false });
  if (r.status !== 0) {
    if (quiet && r.stdout) process.stdout.write(r.stdout);
    console.error(`build: ${name} failed`);
    process.exit(r.status ?? 1);
  }
};

// The same as a child that runs while others do (its output kept until it ends).
const stepAlongside = (name, cmd, args) => new Promise((resolveStep) => {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { out += d; });
  child.on('exit', (code) => {
    if (!quiet || code !== 0) process.stdout.write(out);
    if (code !== 0) {
      console.error(`build: ${name} failed`);
      process.exit(code ?? 1);
    }
    resolveStep();
  });
});

const schemasOnly = process.argv.includes('--schemas-only');
if (!schemasOnly) rmSync('dist', { recursive: true, force: true });
mkdirSync('dist/server', { recursive: true });

// 1. The zod schemas, bundled for Node: the receiver validates with the very same code.
await esbuild({
  entryPoints: ['src/services/server.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/server/schemas.mjs',
  logLevel: 'error',
});
// The `rd-widgets` command's share of the same code (parser, schemas, vocabularies): Node-only.
await esbuild({
  entryPoints: ['cli/core.ts'],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: 'dist/cli/core.mjs',
  // Its packages (zod, pinyin-pro…) are the package's dependencies: imported, not copied in.
  packages: 'external',
  minify: true,
  logLevel: 'error',
});
step('schemas', process.execPath, ['scripts/build-schemas.mjs']);
if (schemasOnly) process.exit(0);

// 2. Browser bundles, and 3. the types beside them, side by side (each keeps one core busy).
await Promise.all([
  stepAlongside('rollup', process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']),
  stepAlongside('types', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']),
]);
// The classic scripts: ASCII loaders of the modules beside them (scripts/cdn-loader.mjs). Not for
// the provider and the booking form: they come with the widgets that use them.
writeFileSync('dist/cdn/rd-widgets.iife.js', loaderSource({ file: 'rd-widgets.iife.js', entry: './rd-widgets.js', api: true, what: 'all-in-one classic script' }));
for (const f of readdirSync('dist/cdn/components').filter((x) => x.endsWith('.js') && !['rd-provider.js', 'rd-appointment-form.js'].includes(x))) {
  const tag = f.replace(/\.js$/, '');
  writeFileSync(`dist/cdn/components/${tag}.iife.js`, loaderSource({ file: `${tag}.iife.js`, entry: `./${f}`, what: `<${tag}> classic script` }));
}

// 3. The custom elements manifest.
// Per-widget entry types: dist/components/<tag>.d.ts (beside the entry) re-exports the
// registration module's declarations, which tsc wrote to dist/components/<tag>/<tag>.d.ts.
for (const f of readdirSync('dist/components').filter((x) => x.endsWith('.js'))) {
  const tag = f.replace(/\.js$/, '');
  writeFileSync(`dist/components/${tag}.d.ts`, `export * from './${tag}/${tag}.js';\n`);
}
step('manifest', process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--litelement', '--globs', 'src/components/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--exclude', 'src/**/*.messages*.ts', '--outdir', 'dist', '--quiet']);
// React/Vue declarations and editor metadata, from the manifest (README "Frameworks and editors").
step('framework types', process.execPath, ['scripts/gen-types.mjs', 'dist/custom-elements.json', 'dist', './index.js']);

// 4. Subresource Integrity of every CDN script (README "Two distributions"): dist/cdn/sri.json,
// read by the demo's copy-the-code helper, and printed.
const sri = {};
for (const s of sizes().filter((x) => x.file.endsWith('.js'))) {
  sri[s.file.replace(/^dist\/cdn\//, '')] = `sha384-${createHash('sha384').update(readFileSync(s.file)).digest('base64')}`;
}
writeFileSync('dist/cdn/sri.json', `${JSON.stringify(sri, null, 2)}\n`);
if (!quiet) {
  console.log('\nSubresource Integrity (dist/cdn/sri.json): integrity="…" crossorigin="anonymous"');
  for (const [f, h] of Object.entries(sri).filter(([f]) => !f.startsWith('chunks/'))) console.log(`${f.padEnd(44)} ${h}`);
}

// 5. Sizes: every CDN file, and the npm ESM modules in all.
export function sizes(dir = 'dist/cdn') {
  const out = [];
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) { walk(p); continue; }
      if (!/\.(js|json)$/.test(f)) continue;
      const buf = readFileSync(p);
      out.push({ file: p, bytes: buf.length, gzip: gzipSync(buf, { level: 9 }).length });
    }
  };
  walk(dir);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}
if (!quiet) {
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log('\nfile'.padEnd(58) + 'size'.padStart(10) + 'gzip'.padStart(10));
  for (const s of sizes()) console.log(s.file.padEnd(57) + kb(s.bytes).padStart(10) + kb(s.gzip).padStart(10));
  const npm = ['components', 'controllers', 'events', 'services', 'lib'].flatMap((d) => sizes(`dist/${d}`)).concat({ bytes: statSync('dist/index.js').size });
  console.log(`npm ESM (dist/index.js, components/, controllers/, events/, services/, lib/): ${npm.length} modules, ${kb(npm.reduce((a, s) => a + s.bytes, 0))}`);
}
