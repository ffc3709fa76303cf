// Every test runs in real headless Chromium (Debian's chromium, or CHROME_PATH).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { findChrome, CHROME_ARGS, NO_CHROME_MESSAGE } from './scripts/chrome.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { wdsLeafletCss } from './scripts/leaflet-css.mjs';
import { createLegacyCms } from './demo/examples/legacy-cms.mjs';
import { startChaosServer, refusedUrl } from './test/server/chaos-server.mjs';

const executablePath = findChrome();
if (!executablePath) {
  console.error(NO_CHROME_MESSAGE);
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
const env = { chaos: chaos.url, refused, receiver: receiverUrl, staffToken };

const files = process.env.RD_TEST_FILES ? process.env.RD_TEST_FILES.split(',') : ['test/**/*.test.ts', '!test/e2e/**'];

export default {
  files,
  nodeResolve: { exportConditions: ['browser', 'production'] },
  rootDir: '.',
  port: testPort,
  concurrency: 2,
  testsFinishTimeout: 5 * 60_000,
  testFramework: { config: { timeout: 20_000 } },
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
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath, headless: true, args: CHROME_ARGS, userDataDir: mkdtempSync(join(tmpdir(), 'rd-chrome-')) },
      createPage: ({ browser }) => browser.createBrowserContext().then((c) => c.newPage()),
    }),
  ],
  testRunnerHtml: (testFramework) => `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"></head><body>
<script>window.__RD_TEST__ = ${JSON.stringify(env)};</script>
<!-- Every \`expect(el).to.be.accessible()\` runs axe with WCAG 2.2 AA (test/helpers/a11y.ts). -->
<script type="module" src="/test/helpers/a11y.ts"></script>
<script type="module" src="${testFramework}"></script>
</body></html>`,
  reporters: [
    defaultReporter({ reportTestResults: true, reportTestProgress: !process.env.CI }),
    summaryReporter({ countsFile: process.env.RD_COUNTS_FILE }),
  ],
};
