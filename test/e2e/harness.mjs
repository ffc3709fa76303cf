// End-to-end harness: the reference receiver (with fault injection) on a free port and a fresh
// database, Debian's Chromium driven by playwright-core, page errors collected. Pages are driven
// by visible labels and roles, as a person would.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname } from 'node:path';
import { chromium } from 'playwright-core';
import { findChrome, CHROME_ARGS, NO_CHROME_MESSAGE } from '../../scripts/chrome.mjs';
import { startTestReceiver } from '../server/test-receiver.mjs';

const VENDOR = { 'vendor/require.js': 'node_modules/requirejs/require.js', 'vendor/jquery.js': 'node_modules/jquery/dist/jquery.min.js' };
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/**
 * Starts the receiver and a browser. Returns helpers; call `close()` in `after`.
 * `/fixtures/<file>` is served from test/fixtures/ (with per-file extra headers, e.g. a CSP).
 */
export async function startHarness() {
  const executablePath = findChrome();
  if (!executablePath) throw new Error(NO_CHROME_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'rd-e2e-'));
  const receiver = await startTestReceiver({ dbFile: join(dir, 'e2e.sqlite') });
  const browser = await chromium.launch({ executablePath, args: CHROME_ARGS, headless: true });
  const base = receiver.url;

  async function newPage({ viewport = { width: 1280, height: 900 }, context: ctxOpts = {}, fixtureHeaders = {} } = {}) {
    const context = await browser.newContext({ viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...ctxOpts });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error' && !/Failed to load resource|net::ERR/.test(m.text())) errors.push(`console: ${m.text()}`); });
    await context.route(`${base}/fixtures/**`, async (route) => {
      const name = new URL(route.request().url()).pathname.replace(/^\/fixtures\//, '');
      const file = VENDOR[name] ?? join('test/fixtures', name);
      if (!existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
      await route.fulfill({ status: 200, headers: { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', ...(fixtureHeaders[name] ?? {}) }, body: readFileSync(file) });
    });
    return { page, context, errors };
  }

  /**
   * Serves `html` as the page at `${base}/${path}` for this page (a host page written in the test:
   * one script tag, an element, a CSP header when `csp` is given).
   */
  function servePage(page, path, html, { csp } = {}) {
    const headers = { 'Content-Type': 'text/html; charset=utf-8', ...(csp ? { 'Content-Security-Policy': csp } : {}) };
    return page.route(`${base}/${path}`, (route) => route.fulfill({ status: 200, headers, body: html }));
  }

  /**
   * A file of the build that cannot be fetched (404) while `down` is true, for a part that fails
   * to load: `requests` lists every URL asked for it. Set `down` to bring it back.
   */
  async function failingFile(context, glob, { down = true } = {}) {
    const file = { down, requests: [] };
    await context.route(glob, (route) => {
      file.requests.push(route.request().url());
      return file.down ? route.fulfill({ status: 404, body: 'not found' }) : route.continue();
    });
    return file;
  }

  /** Stored rows of one type, read back from the receiver's export. */
  async function exported(type) {
    const res = await fetch(`${base}/api/export?type=${encodeURIComponent(type)}&format=json`, { headers: { Authorization: `Bearer ${receiver.staffToken}` } });
    if (!res.ok) throw new Error(`export ${type}: HTTP ${res.status}`);
    return res.json();
  }

  async function faults(route, statuses, extra = {}) {
    const res = await fetch(`${base}/__faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ route, statuses, ...extra }) });
    if (!res.ok) throw new Error(`faults: HTTP ${res.status}`);
  }

  return {
    base,
    browser,
    receiver,
    newPage,
    servePage,
    failingFile,
    exported,
    faults,
    async close() {
      await browser.close();
      await receiver.close();
    },
  };
}
