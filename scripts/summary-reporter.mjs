// A small @web/test-runner reporter: lists failures plainly and writes the counts to a file so
// scripts/test.mjs can print the closing "N passed, N failed" line that CI logs show.
import { writeFileSync } from 'node:fs';

function walk(suite, prefix, out) {
  for (const t of suite.tests ?? []) out.push({ name: [...prefix, t.name].join(' › '), title: [...prefix, t.name].join(' '), passed: t.passed, skipped: t.skipped, error: t.error });
  for (const s of suite.suites ?? []) walk(s, [...prefix, s.name], out);
}

/**
 * `selected`: the run chose its tests by title (mocha's grep, the engine subset of
 * web-test-runner.config.mjs); a test mocha did not run — neither passed, skipped nor failed
 * with an error — is then not counted, instead of counting as a failure, and wtr's exit code
 * (non-zero for such a file) is left to these counts (scripts/test.mjs). `titles`: the
 * selection's title parts; one that no test that ran matches (a renamed test) is a failure.
 */
export function summaryReporter({ countsFile, selected = false, titles = [] } = {}) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0, failed = 0, skipped = 0;
      const failures = [];
      const ran = [];
      for (const session of sessions) {
        const tests = [];
        if (session.testResults) walk(session.testResults, [], tests);
        for (const t of tests) {
          if (selected && !t.passed && !t.skipped && !t.error) continue;
          ran.push(t.title);
          if (t.skipped) skipped++;
          else if (t.passed) passed++;
          else { failed++; failures.push(`${session.testFile}: ${t.name}\n    ${t.error?.message ?? ''}`); }
        }
        // A file that failed to load or threw outside a test counts as one failure.
        // (Under `selected`, wtr fails every file with unselected tests: only its errors count.)
        const broken = selected ? (session.errors ?? []).length > 0 : !session.passed;
        if (broken && tests.every((t) => t.passed || t.skipped || (selected && !t.error))) {
          failed++;
          const errs = (session.errors ?? []).map((e) => e.message).join('; ');
          failures.push(`${session.testFile}: file failed${errs ? `: ${errs}` : ''}`);
        }
      }
      for (const part of titles) {
        if (ran.some((title) => title.includes(part))) continue;
        failed++;
        failures.push(`the engine subset names a test that did not run: "${part}"`);
      }
      if (failures.length) console.log(`\nFailures:\n${failures.map((f) => `  ✗ ${f}`).join('\n')}`);
      const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
      if (countsFile) writeFileSync(countsFile, JSON.stringify({ passed, failed, skipped, selected, failures: failures.map((f) => f.split('\n').map((l) => l.trim()).filter(Boolean).join(' — ').slice(0, 400)) }));
      else console.log(line);
    },
  };
}

/** A session as if only the tests that ran existed: the unselected ones left out, `passed` from what ran. */
function ranOnly(session) {
  const prune = (suite) => ({ ...suite, tests: (suite.tests ?? []).filter((t) => t.passed || t.skipped || t.error), suites: (suite.suites ?? []).map(prune) });
  const failing = (suite) => suite.tests.some((t) => !t.passed && !t.skipped) || suite.suites.some(failing);
  if (!session.testResults) return session;
  const testResults = prune(session.testResults);
  return { ...session, testResults, passed: !(session.errors ?? []).length && !failing(testResults) };
}

/**
 * wtr's own reporter (progress bar, per-file results) over a run that chose its tests by title:
 * it would show every test mocha did not select as failed, and each such file as failing. This
 * shows it the sessions with only the tests that ran.
 */
export function selectedOnly(reporter) {
  const view = (sessions) => new Proxy(sessions, {
    get(target, prop) {
      if (prop === 'forBrowser') return (browser) => [...target.forBrowser(browser)].map(ranOnly);
      const v = Reflect.get(target, prop);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return {
    ...reporter,
    start: (args) => reporter.start?.({ ...args, sessions: view(args.sessions) }),
    reportTestFileResults: (args) => reporter.reportTestFileResults?.({ ...args, sessionsForTestFile: args.sessionsForTestFile.map(ranOnly) }),
  };
}
