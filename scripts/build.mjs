// `npm run build`: browser bundles (Rollup), .d.ts (tsc), custom-elements.json (CEM analyzer),
// JSON Schemas + OpenAPI generated from the zod schemas, and a node bundle of the schemas for the
// reference receiver. Prints each file's gzip size.
import { spawnSync } from 'node:child_process';
import { rmSync, mkdirSync, readdirSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build as esbuild } from 'esbuild';

const quiet = process.argv.includes('--quiet');
const step = (name, cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: quiet ? ['ignore', 'pipe', 'inherit'] : 'inherit', shell: false });
  if (r.status !== 0) {
    if (quiet && r.stdout) process.stdout.write(r.stdout);
    console.error(`build: ${name} failed`);
    process.exit(r.status ?? 1);
  }
};

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
step('schemas', process.execPath, ['scripts/build-schemas.mjs']);
if (schemasOnly) process.exit(0);

// 2. Browser bundles.
step('rollup', process.execPath, ['node_modules/rollup/dist/bin/rollup', '-c', '--silent']);

// 3. Types and the custom elements manifest.
step('types', process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
// Per-widget entry types: dist/components/<tag>.d.ts re-exports the element's declarations.
for (const f of readdirSync('dist/components').filter((x) => x.endsWith('.js'))) {
  const tag = f.replace(/\.js$/, '');
  writeFileSync(`dist/components/${tag}.d.ts`, `export * from '../types/components/${tag}/${tag}.js';\n`);
}
step('manifest', process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--litelement', '--globs', 'src/components/**/*.ts', '--exclude', 'src/**/*.styles.ts', '--outdir', 'dist', '--quiet']);
// React/Vue declarations and editor metadata, from the manifest (README "Frameworks and editors").
step('framework types', process.execPath, ['scripts/gen-types.mjs', 'dist/custom-elements.json', 'dist', './types/index.js']);

// 4. Sizes.
export function sizes(dir = 'dist') {
  const out = [];
  const walk = (d) => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) { if (f !== 'types' && f !== 'server') walk(p); continue; }
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
}
