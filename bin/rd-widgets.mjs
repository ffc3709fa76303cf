#!/usr/bin/env node
// `rd-widgets`: prepares the widgets' data from what offices work in — a draft regulation from
// Word or text, liaison stations and deputies from Excel — and checks data files. See the README,
// "Preparing the data", and cli/main.mjs.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// The command uses the widgets' own parser and schemas, bundled by the build. A fresh clone after
// `npm install` has no dist/ yet: build just that part (a second or two).
if (!existsSync(join(ROOT, 'dist', 'cli', 'core.mjs'))) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--schemas-only'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    console.error('rd-widgets: could not build dist/cli/core.mjs; run `npm run build` in the project folder.');
    process.exit(1);
  }
}
const { main } = await import('../cli/main.mjs');
process.exitCode = await main(process.argv.slice(2));
