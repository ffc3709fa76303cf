// The framework types generated from the manifest (scripts/gen-types.mjs, README "Frameworks and
// editors"), checked as an integrator's compiler sees them: a React 19 TSX file and a Vue SFC using
// every element type-check through `rd-widgets/react` and `rd-widgets/vue`, and a wrong attribute
// type, a wrong literal, a detail field that does not exist and a wrong property type each fail.
// Every element of the manifest (a new one too) is also used in a generated file, each event handler
// typed by its event. The editor metadata lists every element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { elementsOf } from '../../scripts/gen-types.mjs';

const elements = elementsOf(JSON.parse(readFileSync('dist/custom-elements.json', 'utf8')));
const DIR = '.tmp/types';
mkdirSync(DIR, { recursive: true });

function check(compiler, include) {
  const name = `${DIR}/tsconfig.${include.map((f) => f.replace(/\W+/g, '-')).join('')}.json`;
  writeFileSync(name, JSON.stringify({ extends: '../../test/types/tsconfig.json', include: include.map((f) => `../../${f}`) }));
  const bin = compiler === 'vue' ? 'node_modules/vue-tsc/bin/vue-tsc.js' : 'node_modules/typescript/bin/tsc';
  const r = spawnSync(process.execPath, [bin, '-p', name, '--pretty', 'false'], { encoding: 'utf8' });
  const errors = [...`${r.stdout}${r.stderr}`.matchAll(/^(.+?)\((\d+),\d+\): error (TS\d+)/gm)].map(([, file, line, code]) => ({ file: file.replace(/^.*?(test\/|\.tmp\/)/, '$1'), line: Number(line), code }));
  return { status: r.status, errors, out: `${r.stdout}${r.stderr}` };
}

/** Lines of a fixture marked `wrong` (the Vue fixture marks the line before, in a comment). */
function wrongLines(file) {
  const lines = readFileSync(file, 'utf8').split('\n');
  return lines.flatMap((l, i) => (/wrong:/.test(l) ? [/<!--/.test(l) ? i + 2 : i + 1] : []));
}

// Every element with every event: a handler that reads the typed detail (an untyped handler, or a
// tag missing from the declarations, fails under `strict`).
function everyTsx() {
  const body = elements.map((el) => `    <${el.tag} ${el.events.map((e) => `on${e.name}={(e) => void e.detail}`).join(' ')} />`).join('\n');
  return `import 'rd-widgets/react';\nimport type { ReactElement } from 'react';\nexport const every = (): ReactElement => (\n  <>\n${body}\n  </>\n);\n`;
}
function everyVue() {
  const body = elements.map((el) => `  <${el.tag} ${el.events.map((e) => `@${e.name}="(e) => void e.detail"`).join(' ')} />`).join('\n');
  return `<script setup lang="ts">\nimport 'rd-widgets/vue';\n</script>\n\n<template>\n${body}\n</template>\n`;
}

// One compiler run per framework over the good files and the bad one together (each compile is
// several seconds of CPU): the good files must have no error at all, the bad one exactly its marked lines.
const once = (fn) => { let r; return () => (r ??= fn()); };
const reactRun = once(() => {
  writeFileSync(`${DIR}/every.tsx`, everyTsx());
  return check('tsc', ['test/types/react-app.tsx', `${DIR}/every.tsx`, 'test/types/react-bad.tsx']);
});
const vueRun = once(() => {
  writeFileSync(`${DIR}/every.vue`, everyVue());
  return check('vue', ['test/types/vue-app.vue', `${DIR}/every.vue`, 'test/types/vue-bad.vue']);
});
/** Errors outside `badFile`; every error the compiler printed must have been read with its place. */
function errorsOutside(r, badFile) {
  assert.equal(r.errors.length, (r.out.match(/error TS\d+/g) ?? []).length, r.out);
  return r.errors.filter((e) => e.file !== badFile);
}

test('React 19: a TSX page using every element type-checks through rd-widgets/react', () => {
  const r = reactRun();
  assert.deepEqual(errorsOutside(r, 'test/types/react-bad.tsx'), [], r.out);
  const app = readFileSync('test/types/react-app.tsx', 'utf8');
  for (const tag of ['rd-provider', 'rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map', 'rd-appointment-form']) assert.match(app, new RegExp(`<${tag}\\b`));
});

test('React 19: a wrong attribute type, literal, detail field or property type fails, on its line', () => {
  const r = reactRun();
  assert.notEqual(r.status, 0);
  const expected = wrongLines('test/types/react-bad.tsx');
  assert.equal(expected.length, 4);
  const bad = r.errors.filter((e) => e.file === 'test/types/react-bad.tsx');
  assert.deepEqual([...new Set(bad.map((e) => e.line))].sort((a, b) => a - b), expected, r.out);
  assert.ok(bad.every((e) => e.code === 'TS2322' || e.code === 'TS2339'), r.out);
});

test('Vue: an SFC using every element type-checks (vue-tsc, strict templates) through rd-widgets/vue', () => {
  const r = vueRun();
  assert.deepEqual(errorsOutside(r, 'test/types/vue-bad.vue'), [], r.out);
});

test('Vue: a wrong attribute type, literal, detail field or property type fails, on its line', () => {
  const r = vueRun();
  assert.notEqual(r.status, 0);
  const expected = wrongLines('test/types/vue-bad.vue');
  assert.equal(expected.length, 4);
  const bad = r.errors.filter((e) => e.file === 'test/types/vue-bad.vue');
  assert.deepEqual([...new Set(bad.map((e) => e.line))].sort((a, b) => a - b), expected, r.out);
});

test('editor metadata (web-types.json, VS Code custom data) lists every element with its attributes and events', () => {
  const web = JSON.parse(readFileSync('dist/web-types.json', 'utf8'));
  const vscode = JSON.parse(readFileSync('dist/vscode.html-custom-data.json', 'utf8'));
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.equal(pkg['web-types'], './dist/web-types.json');
  assert.deepEqual(web.contributions.html.elements.map((e) => e.name), elements.map((e) => e.tag));
  assert.deepEqual(vscode.tags.map((t) => t.name), elements.map((e) => e.tag));
  for (const el of elements) {
    const w = web.contributions.html.elements.find((e) => e.name === el.tag);
    const v = vscode.tags.find((t) => t.name === el.tag);
    assert.deepEqual(w.attributes.map((a) => a.name), el.attributes.map((a) => a.name), el.tag);
    assert.deepEqual(v.attributes.map((a) => a.name), el.attributes.map((a) => a.name), el.tag);
    assert.deepEqual(w.js.events.map((e) => e.name), el.events.map((e) => e.name), el.tag);
    assert.deepEqual(w['css-parts'].map((p) => p.name), el.parts.map((p) => p.name), el.tag);
  }
  const drafts = vscode.tags.find((t) => t.name === 'rd-provider').attributes.find((a) => a.name === 'drafts');
  assert.deepEqual(drafts.values, [{ name: 'on' }, { name: 'off' }]);
  assert.ok(web.contributions.css.properties.some((p) => p.name === '--rd-color-primary'));
});
