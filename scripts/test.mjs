// `npm test`: build, run every browser test (web-test-runner), the end-to-end suite, the
// receiver's Node-side tests (test/server/*.test.mjs: rd-receiver over real HTTP, SQLite and a
// throwaway PostgreSQL) and the `rd-widgets` command's (test/cli/*.test.mjs), then print one plain closing line "N passed, N failed". Exit code is
// non-zero on any failure.
//   npm test -- test/services/http.test.ts   run only the named files (comma or space separated)
//   RD_ENGINES=firefox,webkit npm test -- test/components/rd-receipt-lookup.test.ts   in those engines
//   npm run test:unit / npm run test:e2e / npm run test:server   one part only
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findTestChrome, NO_CHROME_MESSAGE } from './chrome.mjs';
import { detectEngines, missingEnginesMessage } from './engines.mjs';

const args = process.argv.slice(2);
const unitOnly = args.includes('--unit-only');
const e2eOnly = args.includes('--e2e-only');
const serverOnly = args.includes('--server-only');
const noBuild = args.includes('--no-build');
const files = args.filter((a) => !a.startsWith('--'));

const chrome = findTestChrome();
if (!chrome && !serverOnly) {
  console.error(NO_CHROME_MESSAGE);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
if (chrome) process.env.CHROME_PATH = chrome;

const run = (cmd, cmdArgs, env = {}) =>
  spawnSync(cmd, cmdArgs, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

if (!noBuild && run(process.execPath, ['scripts/build.mjs', '--quiet']) !== 0) {
  console.error('Build failed.');
  console.log('0 passed, 1 failed');
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), 'rd-test-'));
let passed = 0, failed = 0, skipped = 0;
// Every failure's name, printed again just above the closing line: CI logs often show only a run's tail.
const failureNames = [];

const isNodeTest = (f) => f.startsWith('test/e2e/') || f.startsWith('test/journeys/') || ((f.startsWith('test/server/') || f.startsWith('test/cli/')) && f.endsWith('.test.mjs'));
const unitFiles = files.filter((f) => !isNodeTest(f));
const e2eFiles = files.filter((f) => f.startsWith('test/e2e/'));
const serverFiles = files.filter((f) => f.startsWith('test/server/') && f.endsWith('.test.mjs'));
const cliFiles = files.filter((f) => f.startsWith('test/cli/') && f.endsWith('.test.mjs'));
// The browser suites, engine by engine (scripts/engines.mjs): Chromium runs everything, Firefox
// ESR and WebKit the engine subset (web-test-runner.config.mjs ENGINE_TESTS) when installed.
// Named files run in Chromium only, unless RD_ENGINES names the engines.
const engineResults = [];
// A whole run: the Node groups that need no browser start now, beside the browser suites.
const whole = files.length === 0 && !unitOnly && !e2eOnly && !serverOnly;
const finishServer = whole ? nodeGroupAlongside('server', 'test/server') : null;
const finishCli = whole ? nodeGroupAlongside('cli', 'test/cli') : null;
const finishJourneys = journeysAlongside();
let engines = [];
if (!e2eOnly && !serverOnly && (files.length === 0 || unitFiles.length)) {
  engines = detectEngines().filter((e) => e.id === 'chromium' || !unitFiles.length || process.env.RD_ENGINES);
  if (!unitFiles.length && !process.env.RD_ENGINES) {
    const missing = missingEnginesMessage(engines);
    if (missing) console.log(missing);
  }
}
// The engines one after another, their output live: Chromium's whole suite, then the other
// engines' subsets. (Beside the end-to-end suite, on the loaded two-core box, their IndexedDB
// answered too slowly for the drafts and outbox tests' waits: WebKit's and then Firefox's.)
for (const e of engines) engineRun(e);

/** One engine's web-test-runner run, counted. */
function engineRun(engine) {
  const started = Date.now();
  const countsFile = join(tmp, `wtr-${engine.id}.json`);
  console.log(`\n── ${engine.name} (${engine.path}) ──`);
  const cmdArgs = ['node_modules/@web/test-runner/dist/bin.js', '--config', 'web-test-runner.config.mjs'];
  const env = { ...process.env, RD_COUNTS_FILE: countsFile, RD_ENGINE: engine.id, ...(unitFiles.length ? { RD_TEST_FILES: unitFiles.join(',') } : {}) };
  const code = spawnSync(process.execPath, cmdArgs, { stdio: 'inherit', env }).status ?? 1;
  const c = existsSync(countsFile) ? JSON.parse(readFileSync(countsFile, 'utf8')) : { passed: 0, failed: 0, skipped: 0 };
  if (!existsSync(countsFile) || (code !== 0 && c.failed === 0 && !c.selected)) c.failed += 1; // the runner failed outside any test
  const ranNothing = c.selected && c.passed === 0;
  if (ranNothing) c.failed += 1; // a subset that ran nothing is not a pass
  passed += c.passed; failed += c.failed; skipped += c.skipped;
  failureNames.push(...(c.failures ?? []).map((f) => `${engine.name}: ${f.replace(process.cwd() + '/', '')}`));
  if (ranNothing) failureNames.push(`${engine.name}: the selection ran no test`);
  if (c.failed > (c.failures ?? []).length + (ranNothing ? 1 : 0)) failureNames.push(`${engine.name}: the runner failed outside any test (its output above)`);
  engineResults.push({ ...c, name: engine.name, seconds: Math.round((Date.now() - started) / 1000) });
}

// End-to-end files run two at a time: each drives a Chromium whose pages (axe, layout) keep a core
// busy, and more at once only slows every test on a two-core machine (measured: 4 at a time took
// longer than 2).
const E2E_CONCURRENCY = 2;

/** One `node --test` group, counted from its TAP output like the browser tests. */
function nodeGroup(name, dir, only) {
  const args = nodeArgs(name, dir, only);
  if (!args) return;
  const res = spawnSync(process.execPath, args, { stdio: 'inherit', env: process.env });
  countTap(name, res.status);
}
function nodeArgs(name, dir, only) {
  if (!existsSync(dir)) return null;
  const list = only.length ? only : readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).map((f) => join(dir, f));
  if (!list.length) return null;
  return ['--test', `--test-concurrency=${name === 'e2e' ? E2E_CONCURRENCY : 2}`, '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${join(tmp, `${name}.tap`)}`, ...list];
}
function countTap(name, status) {
  const tapFile = join(tmp, `${name}.tap`);
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  const num = (k) => Number((tap.match(new RegExp(`^# ${k} (\\d+)`, 'm')) ?? [])[1] ?? 0);
  passed += num('pass'); failed += num('fail') + num('cancelled'); skipped += num('skipped');
  if (status !== 0 && num('fail') + num('cancelled') === 0) { failed += 1; failureNames.push(`${name}: exited ${status} outside any test (its output above)`); }
  failureNames.push(...tapFailures(tap).map((f) => `${name}: ${f}`));
}
/**
 * The failed tests of a TAP report, innermost only: a suite's "not ok" that only repeats a
 * failed test inside it is left out.
 */
function tapFailures(tap) {
  const lines = tap.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i].match(/^(\s*)not ok \d+ - (.*)$/);
    if (!m) continue;
    const depth = m[1].length;
    // A suite's own line comes after its tests' lines, which are indented deeper.
    let innerFailed = false;
    for (let j = i - 1; j >= 0; j--) {
      const r = lines[j].match(/^(\s*)(not )?ok \d+ - /);
      if (!r) continue;
      if (r[1].length <= depth) break;
      if (r[2]) { innerFailed = true; break; }
    }
    if (!innerFailed) out.push(m[2].replace(/ # .*$/, ''));
  }
  return out;
}
/**
 * A group started now that runs while the browsers do (its output kept and printed after them):
 * the receiver's and the command's Node tests wait mostly on disk, PostgreSQL and child
 * processes, so they cost the browser suites little of the two cores.
 */
function nodeGroupAlongside(name, dir) {
  const args = nodeArgs(name, dir, []);
  if (!args) return null;
  const run = startLogged(name, args);
  return async () => {
    const code = await run.done;
    run.print();
    countTap(name, code);
  };
}
/** `node <args>` started now, its output kept in a file: `done` (its exit code), `print()`. */
function startLogged(name, args) {
  const logFile = join(tmp, `${name}.log`);
  const out = openSync(logFile, 'w');
  const child = spawn(process.execPath, args, { stdio: ['ignore', out, out], env: process.env });
  const done = new Promise((resolveDone) => child.on('exit', (code) => { closeSync(out); resolveDone(code ?? 1); }));
  return { done, print: () => process.stdout.write(readFileSync(logFile, 'utf8')) };
}

/**
 * The journeys (test/journeys/): the citizen's main paths end to end in Firefox ESR and WebKit,
 * one `node --test` per installed engine, both started now and run beside the browser suites and
 * each other (one browser each, journeys one after another in it). Their output is printed when
 * they end, with each engine's time; their counts join that engine's summary line. Runs in a
 * whole run, with --e2e-only, or for named test/journeys/<engine>.test.mjs files.
 */
function journeysAlongside() {
  const named = files.filter((f) => f.startsWith('test/journeys/') && f.endsWith('.test.mjs'));
  if (unitOnly || serverOnly || (files.length && !named.length)) return null;
  const runs = detectEngines()
    .filter((e) => existsSync(`test/journeys/${e.id}.test.mjs`) && (!named.length || named.includes(`test/journeys/${e.id}.test.mjs`)))
    .map((engine) => {
      const name = `journeys-${engine.id}`;
      const args = ['--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${join(tmp, `${name}.tap`)}`, `test/journeys/${engine.id}.test.mjs`];
      return { engine, name, ...startLogged(name, args) };
    });
  if (!runs.length) return null;
  return async () => {
    for (const r of runs) {
      const code = await r.done;
      // The time the run took, from its own report (this process may have been waiting on a
      // browser suite when it ended).
      const tapFile = join(tmp, `${r.name}.tap`);
      const ms = Number((existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '').match(/^# duration_ms ([\d.]+)/m)?.[1] ?? 0);
      const seconds = Math.round(ms / 1000);
      console.log(`\n── Journeys in ${r.engine.name} (${seconds} s) ──`);
      r.print();
      const before = { passed, failed, skipped };
      countTap(r.name, code);
      const j = { passed: passed - before.passed, failed: failed - before.failed, skipped: skipped - before.skipped, seconds };
      const line = engineResults.find((e) => e.name === r.engine.name);
      if (line) line.journeys = j;
      else engineResults.push({ name: r.engine.name, journeys: j, journeysOnly: true });
    }
  };
}

if (!unitOnly && !serverOnly && (files.length === 0 || e2eFiles.length)) nodeGroup('e2e', 'test/e2e', e2eFiles);
if (finishServer) await finishServer();
else if (!unitOnly && !e2eOnly && (files.length === 0 || serverFiles.length)) nodeGroup('server', 'test/server', serverFiles);
if (finishJourneys) await finishJourneys();
if (finishCli) await finishCli();
else if (!unitOnly && !e2eOnly && !serverOnly && (files.length === 0 || cliFiles.length)) nodeGroup('cli', 'test/cli', cliFiles);

const counts = (c) => `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
if (engineResults.length) {
  engineResults.sort((a, b) => engines.findIndex((e) => e.name === a.name) - engines.findIndex((e) => e.name === b.name));
  console.log(`\nBrowser engines: ${engineResults.map((r) => r.name).join(', ')}`);
  for (const r of engineResults) {
    const journeys = r.journeys ? `journeys ${counts(r.journeys)} (${r.journeys.seconds} s)` : '';
    console.log(`  ${r.name}: ${r.journeysOnly ? journeys : `${counts(r)} (${r.seconds} s)${journeys ? `; ${journeys}` : ''}`}`);
  }
}
if (failureNames.length) console.log(`\nFailed (${failureNames.length}):\n${failureNames.map((f) => `  ✗ ${f}`).join('\n')}`);
console.log(counts({ passed, failed, skipped }));
process.exit(failed > 0 || passed === 0 ? 1 : 0);
