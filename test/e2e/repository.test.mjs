// The repository explains itself (docs/architecture.md): every docs/ reference in code, tests,
// scripts, demo and READMEs points at a page and heading that exist; nothing cites a document
// outside the repository; no element file grows past what a reader can hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOTS = ['src', 'scripts', 'demo', 'test', 'server', 'docs', 'README.md', 'bench', 'cli', 'bin'];
const SKIP = /(^|\/)(node_modules|dist|content|data)(\/|$)/;
function files(p, out = []) {
  if (!existsSync(p) || SKIP.test(p)) return out;
  if (statSync(p).isDirectory()) { for (const f of readdirSync(p)) files(join(p, f), out); return out; }
  if (/\.(ts|mjs|js|md|html)$/.test(p)) out.push(p);
  return out;
}
const all = ROOTS.flatMap((r) => files(r));

/** GitHub-style heading anchors of a markdown file. */
function anchors(md) {
  const out = new Set();
  for (const line of readFileSync(md, 'utf8').split('\n')) {
    const m = /^#{1,6}\s+(.*)$/.exec(line);
    if (!m) continue;
    out.add(m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'));
  }
  return out;
}

test('every docs/ reference names an existing page and heading', () => {
  const broken = [];
  for (const f of all) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/docs\/([a-z-]+\.md)(#[\w-]+)?/g)) {
      const page = join('docs', m[1]);
      if (!existsSync(page)) { broken.push(`${f}: ${m[0]} (no page)`); continue; }
      if (m[2] && !anchors(page).has(m[2].slice(1))) broken.push(`${f}: ${m[0]} (no heading)`);
    }
  }
  assert.deepEqual(broken, []);
});

test('nothing cites documents outside the repository', () => {
  const outside = all.filter((f) => !f.startsWith('test/e2e/repository') && /\b(CONTRACT|DOMAIN|STYLE)\.md\b|shared\/seeds/.test(readFileSync(f, 'utf8')));
  assert.deepEqual(outside, []);
});

test('no element or view module over 600 lines', () => {
  const long = files('src/components').filter((f) => f.endsWith('.ts') && !/\.messages(\.en)?\.ts$/.test(f))
    .map((f) => [f, readFileSync(f, 'utf8').split('\n').length]).filter(([, n]) => n > 600);
  assert.deepEqual(long, []);
});

test('controllers and services never import from src/components/; services never import Lit', () => {
  const bad = [];
  for (const f of [...files('src/controllers'), ...files('src/services')]) {
    const text = readFileSync(f, 'utf8');
    if (/from ['"][./]*\/?components\//.test(text) || /from ['"]\.\.\/\.\.\/components\//.test(text) || /from ['"]\.\.\/components\//.test(text)) bad.push(`${f}: imports a component`);
    if (f.startsWith('src/services/') && /from ['"](lit|lit\/[^'"]*|@lit\/[^'"]*)['"]/.test(text)) bad.push(`${f}: imports Lit`);
  }
  assert.deepEqual(bad, []);
});

test('the browser code never imports the command-line tools or their Node-only libraries', () => {
  const bad = files('src').filter((f) => /from ['"](mammoth|exceljs|pinyin-pro|jszip)['"/]|from ['"][./]*\/cli\//.test(readFileSync(f, 'utf8')));
  assert.deepEqual(bad, []);
});
