// Every test runs in real headless Chromium (Debian's chromium, or CHROME_PATH); with
// RD_ENGINE=firefox or RD_ENGINE=webkit, the engine subset below runs in that engine instead
// (scripts/engines.mjs; scripts/test.mjs runs each installed engine in turn).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { NO_CHROME_MESSAGE } from './scripts/chrome.mjs';
import { detectEngines, engineLauncher } from './scripts/engines.mjs';
import { summaryReporter, selectedOnly } from './scripts/summary-reporter.mjs';
import { wdsLeafletCss } from './scripts/leaflet-css.mjs';
import { createLegacyCms } from './demo/examples/legacy-cms.mjs';
import { startChaosServer, refusedUrl } from './test/server/chaos-server.mjs';

const engineId = process.env.RD_ENGINE ?? 'chromium';
const engine = detectEngines().find((e) => e.id === engineId);
if (!engine) {
  console.error(engineId === 'chromium' ? NO_CHROME_MESSAGE : `The ${engineId} engine is not installed (scripts/engines.mjs).`);
  process.exit(1);
}

// Real local HTTP servers the tests talk to: a misbehaving one and the reference receiver.
const chaos = await startChaosServer();
const refused = await refusedUrl();
// The test server's own port: a free one, so `npm start` on :8000 can run alongside.
const testPort = Number(new URL(await refusedUrl()).port);
let receiverUrl = null;
let staffToken = null;
if (existsSync('./server/lib/receiver.mjs') && existsSync('./dist/server/schemas.mjs')) {
  // rd-receiver with the test-only fault injection (test/server/test-receiver.mjs). The test
  // pages come from this runner's own port, a different origin: they are the allowed origins.
  const { startTestReceiver } = await import('./test/server/test-receiver.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'rd-receiver-'));
  const r = await startTestReceiver({
    dbFile: join(dir, 'test.sqlite'),
    allowOrigins: [`http://localhost:${testPort}`, `http://127.0.0.1:${testPort}`],
  });
  receiverUrl = r.url;
  staffToken = r.staffToken;
}
const env = { chaos: chaos.url, refused, receiver: receiverUrl, staffToken, engine: engine.id };

/**
 * What Firefox and WebKit run (README "Browser baseline"): every widget's main path (comment,
 * message, booking, survey, station search), the outbox offline and back, drafts, the receipt
 * lookup, and the hostile-page tests at component level — by file, and within a file by test
 * title (mocha's grep over "describe it"). The rest (parsers, schemas, schedule arithmetic,
 * every validation message) is engine-independent logic and runs in Chromium only, which keeps
 * the two extra engines within two minutes on the 2-core box.
 */
export const ENGINE_TESTS = {
  'test/components/rd-receipt-lookup.test.ts': ['rd-receipt-lookup'],
  'test/services/lookup.test.ts': ['lookup: ', 'receipt book'],
  'test/services/drafts.test.ts': ['drafts service'],
  'test/services/waiting-work.test.ts': ['waiting work'],
  'test/components/lazy-part.test.ts': ['LazyPart: a part fetched when first needed'],
  'test/services/outbox.test.ts': ['outbox service'],
  'test/components/platform.test.ts': [
    'connection refused: queued notice',
    'no IndexedDB: the queued notice asks to keep the page open',
    'saves while typing (no phone), restores on reload',
    'two tabs: the older one is told',
    'two tabs in a browser without BroadcastChannel',
    'a draft write the device refuses (quota)',
    'typing while the draft store opens, with a draft from an earlier visit',
  ],
  'test/components/outbox-races.test.ts': ['a widget removed while it retries: its entry becomes an orphan'],
  'test/components/transport.test.ts': ['a comment is delivered over two 503s with one key'],
  'test/components/rd-legislation-feedback.test.ts': [
    'renders the structured draft: title, stage',
    'keyboard: a contents link focuses the chapter',
    'several comments on one article, a chosen 款',
    // (Not 'sends the exact payload…': its check while submitting measures the phone field
    // under the sticky 提交 dock wherever the page happens to be scrolled — README "Browser baseline".)
    'channel="qr" is recorded; no personal data needs no consent',
    'cannot send: queued in the outbox with its key',
    'comments survive a reload: saved to IndexedDB',
    'a comment pressed while a saved draft is still being read',
    'Array.from without its mapping function: commenting on 第十二条',
  ],
  'test/components/rd-deputy-card.test.ts': [
    'renders bios, pledges and names as text, never as markup',
    'sends the exact envelope and headers, shows the receipt with the reply window',
    'keeps a draft without contact details and restores it',
    'when the network fails, the message waits in the outbox',
  ],
  'test/components/rd-appointment-form.test.ts': ['posts the exact appointment payload', 'keeps a draft without the phone number'],
  'test/components/rd-satisfaction-survey.test.ts': [
    'review lists answers with 修改; sends the exact payload',
    'keeps answers (not the code) and restores them',
    'Array.from without its mapping function: the ballot',
  ],
  'test/components/rd-station-map.test.ts': [
    'searches in Chinese, pinyin and initials',
    'books a reception with the shared appointment form: the exact request',
  ],
};
const escapeRe = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// Named files (RD_TEST_FILES) run whole, in whichever engine.
const engineGrep = engine.id === 'chromium' || process.env.RD_TEST_FILES ? undefined : `/${Object.values(ENGINE_TESTS).flat().map(escapeRe).join('|')}/`;

const files = process.env.RD_TEST_FILES
  ? process.env.RD_TEST_FILES.split(',')
  : engine.id === 'chromium' ? ['test/**/*.test.ts', '!test/e2e/**'] : Object.keys(ENGINE_TESTS);

export default {
  files,
  nodeResolve: { exportConditions: ['browser', 'production'] },
  rootDir: '.',
  port: testPort,
  concurrency: 2,
  // Firefox's first start takes half a minute on a loaded 2-core box.
  browserStartTimeout: 120_000,
  testsFinishTimeout: 5 * 60_000,
  testFramework: { config: { timeout: 20_000, ...(engineGrep ? { grep: engineGrep } : {}) } },
  // The vendor CMS of docs/integrating.md's first example, on the test page's own origin (its
  // session cookie is first-party, as on a portal).
  middleware: [
    ((legacy) => (ctx, next) => {
      if (!ctx.path.startsWith('/legacy-cms/')) return next();
      ctx.respond = false;
      legacy.handle(ctx.req, ctx.res);
    })(createLegacyCms('/legacy-cms')),
  ],
  plugins: [
    // As in the browser builds: the schemas' `zod/mini` is src/services/zod-lite.ts. Real zod
    // stays reachable as `zod/v4/mini` for the parity test (test/services/zod-lite.test.ts).
    { name: 'rd-zod-lite', resolveImport: ({ source }) => (source === 'zod/mini' ? '/src/services/zod-lite-mini.ts' : undefined) },
    wdsLeafletCss(),
    esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json', target: 'es2021' }),
  ],
  browsers: [engineLauncher(engine)],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"></head><body>
<script>window.__RD_TEST__ = ${JSON.stringify(env)};</script>
<!-- Every \`expect(el).to.be.accessible()\` runs axe with WCAG 2.2 AA (test/helpers/a11y.ts). -->
<script type="module" src="/test/helpers/a11y.ts"></script>
<script type="module" src="${testFramework}"></script>
</body></html>`,
  reporters: [
    // Under the engine subset, wtr's reporter is shown only the tests that ran (not the
    // unselected ones as failed).
    ((r) => (engineGrep ? selectedOnly(r) : r))(defaultReporter({ reportTestResults: true, reportTestProgress: !process.env.CI })),
    summaryReporter({ countsFile: process.env.RD_COUNTS_FILE, selected: Boolean(engineGrep), titles: engineGrep ? Object.values(ENGINE_TESTS).flat() : [] }),
  ],
};
