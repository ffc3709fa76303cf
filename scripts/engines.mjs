// The browser engines the tests run in: Chromium (scripts/chrome.mjs), Firefox ESR (Debian's
// firefox-esr, driven by puppeteer-core over WebDriver BiDi) and WebKit (WebKitGTK's
// MiniBrowser, driven by Debian's WebKitWebDriver under xvfb-run). Each is used when installed;
// docs/architecture.md#the-rest-of-the-repository says where this sits, and the README's
// "Browser baseline" section what each engine runs.
import { existsSync, mkdtempSync } from 'node:fs';
import { spawn, execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromeLauncher } from '@web/test-runner-chrome';
import { findChrome, CHROME_ARGS } from './chrome.mjs';

const FIREFOX_CANDIDATES = ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'];
const WEBKIT_DRIVER_CANDIDATES = ['/usr/bin/WebKitWebDriver'];
const MINIBROWSER_CANDIDATES = [
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/aarch64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
  '/usr/libexec/webkit2gtk-4.1/MiniBrowser',
  '/usr/lib/x86_64-linux-gnu/webkitgtk-6.0/MiniBrowser',
];

const which = (name) => {
  try {
    return execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
};
const firstExisting = (list) => list.find((p) => existsSync(p)) ?? null;

/** Firefox: FIREFOX_PATH wins, then Debian's firefox-esr. */
export function findFirefox() {
  if (process.env.FIREFOX_PATH) return existsSync(process.env.FIREFOX_PATH) ? process.env.FIREFOX_PATH : null;
  return firstExisting(FIREFOX_CANDIDATES) ?? which('firefox-esr') ?? which('firefox');
}

/** WebKit: WebKitWebDriver and MiniBrowser (Debian's webkit2gtk-driver), and xvfb-run for a display. */
export function findWebKit() {
  const driver = process.env.WEBKIT_WEBDRIVER ?? firstExisting(WEBKIT_DRIVER_CANDIDATES) ?? which('WebKitWebDriver');
  const browser = process.env.WEBKIT_MINIBROWSER ?? firstExisting(MINIBROWSER_CANDIDATES);
  const xvfbRun = which('xvfb-run');
  if (!driver || !existsSync(driver) || !browser || !existsSync(browser) || !xvfbRun) return null;
  return { driver, browser, xvfbRun };
}

/**
 * The engines installed here, in the order they run. `RD_ENGINES=chromium,firefox` limits them
 * (`RD_ENGINES=chromium` is the Chromium-only run of before).
 */
export function detectEngines() {
  const only = process.env.RD_ENGINES ? process.env.RD_ENGINES.split(',').map((s) => s.trim()) : null;
  const want = (id) => !only || only.includes(id);
  const out = [];
  const chrome = findChrome();
  if (chrome && want('chromium')) out.push({ id: 'chromium', name: 'Chromium', path: chrome });
  const firefox = findFirefox();
  if (firefox && want('firefox')) out.push({ id: 'firefox', name: 'Firefox ESR', path: firefox });
  const webkit = findWebKit();
  if (webkit && want('webkit')) out.push({ id: 'webkit', name: 'WebKit', path: webkit.browser, ...webkit });
  return out;
}

/** What is missing, said as the fix (printed by scripts/test.mjs). */
export function missingEnginesMessage(engines) {
  const have = new Set(engines.map((e) => e.id));
  const lines = [];
  if (!have.has('firefox')) lines.push('Firefox ESR not found: its tests are skipped (apt-get install firefox-esr, or set FIREFOX_PATH).');
  if (!have.has('webkit')) lines.push('WebKit not found: its tests are skipped (apt-get install webkit2gtk-driver xvfb).');
  return lines.join('\n');
}

/** The wtr launcher for one engine, named so the output says which engine ran. */
export function engineLauncher(engine) {
  // Each test file in a browser context of its own (storage too: IndexedDB, drafts, outbox,
  // the receipt book), as files run two at a time.
  const createPage = ({ browser }) => browser.createBrowserContext().then((c) => c.newPage());
  if (engine.id === 'chromium') {
    const l = chromeLauncher({
      launchOptions: { executablePath: engine.path, headless: true, args: CHROME_ARGS, userDataDir: mkdtempSync(join(tmpdir(), 'rd-chrome-')) },
      createPage,
    });
    l.name = engine.name;
    return l;
  }
  if (engine.id === 'firefox') {
    const l = chromeLauncher({
      launchOptions: { browser: 'firefox', executablePath: engine.path, headless: true, extraPrefsFirefox: { 'intl.accept_languages': 'zh-CN, zh' } },
      createPage,
    });
    l.name = engine.name;
    return l;
  }
  if (engine.id === 'webkit') return new WebKitLauncher(engine);
  throw new Error(`Unknown engine ${engine.id}`);
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// WebDriver key codes for the names `sendKeys({ press })` uses (W3C WebDriver, "Keyboard actions").
const KEYS = {
  Enter: '\uE007', Tab: '\uE004', Escape: '\uE00C', Backspace: '\uE003', Delete: '\uE017', Space: ' ',
  ArrowLeft: '\uE012', ArrowUp: '\uE013', ArrowRight: '\uE014', ArrowDown: '\uE015', Home: '\uE011', End: '\uE010',
  Shift: '\uE008', Control: '\uE009', Alt: '\uE00A',
};

/**
 * WebKitWebDriver started under xvfb-run (WebKitGTK needs a display), with one MiniBrowser
 * session: plain W3C WebDriver over HTTP. Used by the wtr launcher below and by the journeys'
 * WebKit driver (test/journeys/drivers.mjs).
 */
export class WebKitSession {
  constructor({ driver, browser, xvfbRun }) {
    this.driver = driver;
    this.browser = browser;
    this.xvfbRun = xvfbRun;
    this.sessionId = null;
    this.base = null;
    this.proc = null;
    this.version = undefined;
  }

  /** A WebDriver command; `path` under the session when it starts with `session:`. */
  async call(method, path, body) {
    const url = path.startsWith('session:') ? `${this.base}/session/${this.sessionId}${path.slice(8)}` : `${this.base}${path}`;
    const res = await fetch(url, {
      method,
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(120_000),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`WebKitWebDriver ${method} ${path}: ${res.status} ${json.value?.message ?? ''}`);
    return json.value;
  }

  async start({ script = 30_000, pageLoad = 60_000 } = {}) {
    const port = await freePort();
    this.base = `http://127.0.0.1:${port}`;
    // Its own process group, so stop() ends xvfb-run, Xvfb, the driver and the browser together.
    this.proc = spawn(this.xvfbRun, ['-a', this.driver, `--port=${port}`, '--host=127.0.0.1'], { detached: true, stdio: 'ignore' });
    const group = this.proc.pid;
    // Also when the process ends without stop() (an error, Ctrl-C): no display or browser left over.
    process.once('exit', () => { try { process.kill(-group, 'SIGTERM'); } catch { /* ended */ } });
    const deadline = Date.now() + 60_000;
    for (;;) {
      try {
        const status = await this.call('GET', '/status');
        if (status?.ready !== false) break;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not start: ${e.message}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    const session = await this.call('POST', '/session', {
      capabilities: { alwaysMatch: { browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: this.browser, args: ['--automation'] } } },
    });
    this.sessionId = session.sessionId;
    this.version = session.capabilities?.browserVersion;
    await this.call('POST', 'session:/timeouts', { script, pageLoad });
  }

  async stop() {
    try {
      if (this.sessionId) await this.call('DELETE', 'session:');
    } catch { /* the browser is gone already */ }
    this.sessionId = null;
    if (this.proc && this.proc.exitCode === null) {
      try { process.kill(-this.proc.pid, 'SIGTERM'); } catch { /* already ended */ }
    }
  }

  /** W3C key actions for key names (`KEYS`) or plain characters. */
  async sendKeys(keys) {
    const actions = [];
    for (const k of keys) {
      const value = KEYS[k] ?? k;
      actions.push({ type: 'keyDown', value }, { type: 'keyUp', value });
    }
    await this.call('POST', 'session:/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.call('DELETE', 'session:/actions').catch(() => {});
  }
}

/**
 * A wtr browser launcher over a WebKitSession: one window, one test file at a time. The test
 * page reports its results to wtr itself; the launcher only navigates.
 */
export class WebKitLauncher {
  constructor({ driver, browser, xvfbRun, name = 'WebKit' }) {
    this.name = name;
    this.type = 'webdriver';
    this.concurrency = 1;
    this.session = new WebKitSession({ driver, browser, xvfbRun });
    this.url = new Map();
    this.queue = Promise.resolve();
  }

  call(method, path, body) {
    return this.session.call(method, path, body);
  }

  async initialize() {
    await this.session.start();
    this.version = this.session.version;
  }

  stop() {
    return this.session.stop();
  }

  /** One window: sessions run one after another (concurrency 1), serialised here too. */
  startSession(id, url) {
    const run = this.queue.then(async () => {
      this.url.set(id, url);
      await this.call('POST', 'session:/url', { url });
    });
    this.queue = run.catch(() => {});
    return run;
  }

  isActive(id) {
    return this.url.has(id);
  }

  async getBrowserUrl() {
    return this.call('GET', 'session:/url');
  }

  async stopSession(id) {
    this.url.delete(id);
    await this.call('POST', 'session:/url', { url: 'about:blank' }).catch(() => {});
    return {};
  }

  startDebugSession() {
    throw new Error('No debug sessions in WebKit: run the file in Chromium with --manual.');
  }

  /** For @web/test-runner-commands' sendKeys (`press` and `type`), as W3C key actions. */
  sendKeys(id, keys) {
    return this.session.sendKeys(keys);
  }
}
