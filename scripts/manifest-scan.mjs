// What the source says each element exposes, read without the analyzer: the CSS parts it renders,
// the `--rd-*` tokens it reads and the public events it dispatches. test/e2e/manifest.test.mjs
// compares this with dist/custom-elements.json (docs/architecture.md#elements), so a part, token or
// event added to the code but not to the element's JSDoc (or the reverse) fails the tests.
//
// Reachability follows the element's relative imports from `<tag>.component.ts`:
// - parts: files of the element's own folder, shared/ and the controllers (a nested element's parts
//   are in its own shadow root, not this one's);
// - tokens and events: every reachable file, nested elements included (custom properties inherit
//   into a nested shadow root, and composed events bubble out of it).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(new URL('..', import.meta.url).pathname);
const SRC = join(ROOT, 'src');

/** The element folders: every `src/components/rd-*` with a registration module `<tag>.ts`. */
export function elementTags() {
  return readdirSync(join(SRC, 'components'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith('rd-') && existsSync(join(SRC, 'components', d.name, `${d.name}.ts`)))
    .map((d) => d.name)
    .sort();
}

const stripComments = (code) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');

function importsOf(file) {
  const code = stripComments(readFileSync(file, 'utf8'));
  const out = [];
  const re = /(?:^|[\s;])(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;
  for (const m of code.matchAll(re)) {
    if (m[1]) continue; // `import type`: nothing runs
    const spec = m[2] ?? m[3];
    const target = resolve(dirname(file), spec.replace(/\.js$/, '.ts'));
    if (existsSync(target)) out.push(target);
  }
  return out;
}

const otherElement = (file, own) => /[\\/]components[\\/]rd-[^\\/]+[\\/]/.test(file) && !file.startsWith(own + '/');

/** Files reachable from `start`; with `own`, not through another element's folder. */
function reachable(start, own) {
  const seen = new Set();
  const todo = [start];
  while (todo.length) {
    const f = todo.pop();
    if (seen.has(f) || (own && otherElement(f, own))) continue;
    seen.add(f);
    todo.push(...importsOf(f));
  }
  return [...seen];
}

/** Event class name → event name, from every `class X extends Event` in src/. */
export function eventClasses() {
  const map = new Map();
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts')) {
        const code = readFileSync(p, 'utf8');
        for (const m of code.matchAll(/class (\w+) extends Event \{([\s\S]*?)\n\}/g)) {
          const name = /super\(\s*'([\w-]+)'/.exec(m[2]);
          if (name) map.set(m[1], { name: name[1], file: relative(ROOT, p) });
        }
      }
    }
  };
  walk(SRC);
  return map;
}

/** Parts, tokens and event names an element's code exposes. */
export function scanElement(tag) {
  const own = join(SRC, 'components', tag);
  const classes = eventClasses();
  const parts = new Set();
  const tokens = new Set();
  const events = new Set();
  for (const file of reachable(join(own, `${tag}.component.ts`), own)) {
    const code = stripComments(readFileSync(file, 'utf8'));
    for (const m of code.matchAll(/\bpart="([^"$]+)"/g)) for (const p of m[1].trim().split(/\s+/)) parts.add(p);
  }
  for (const file of reachable(join(own, `${tag}.ts`))) {
    const code = stripComments(readFileSync(file, 'utf8'));
    for (const m of code.matchAll(/--rd-[a-z0-9-]*[a-z0-9]/g)) tokens.add(m[0]);
    for (const m of code.matchAll(/new (Rd\w+Event)\(/g)) if (classes.has(m[1])) events.add(classes.get(m[1]).name);
  }
  return { parts: [...parts].sort(), tokens: [...tokens].sort(), events: [...events].sort() };
}

/** Every `part="…"` written with a `${…}` expression: the scan cannot read those, so none may exist. */
export function dynamicParts() {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (p.endsWith('.ts') && /\bpart=["']?\$\{/.test(readFileSync(p, 'utf8'))) out.push(relative(ROOT, p));
    }
  };
  walk(SRC);
  return out;
}
