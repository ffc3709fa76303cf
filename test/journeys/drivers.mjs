// The journeys' browser drivers: one small interface, two engines.
//
//   const d = await openDriver(engine);   // an engine of scripts/engines.mjs: firefox or webkit
//   await d.open(url);                     // navigate, wait for the load event
//   await d.run(async (a, b) => …, a, b);  // an async function in the page, with `window.__rd`
//                                          // (test/helpers/dom.js) installed; its result back
//   await d.type(() => el, 'text');       // real key input into the element `find` returns
//                                          // (WebDriver key actions, through shadow roots)
//   await d.reload();
//   await d.errors();                      // uncaught page errors seen since open
//   await d.close();
//
// Firefox ESR: puppeteer-core over WebDriver BiDi (as scripts/engines.mjs launches it for wtr).
// WebKit: WebKitWebDriver under xvfb-run, W3C WebDriver classic (scripts/engines.mjs's
// WebKitSession, shared with the wtr launcher). Arguments and results cross as JSON values.
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer-core';
import { WebKitSession } from '../../scripts/engines.mjs';

// dom.js as a script that defines `window.__rd` once per document (its `export`s dropped), and
// records uncaught errors from then on.
const DOM_SOURCE = readFileSync(new URL('../helpers/dom.js', import.meta.url), 'utf8').replace(/^export /gm, '');
const NAMES = [...DOM_SOURCE.matchAll(/^(?:async )?(?:function|const) (\w+)/gm)].map((m) => m[1]);
const INSTALL = `if (!window.__rd) { window.__rd = (function () {\n${DOM_SOURCE}\nreturn { ${NAMES.join(', ')} };\n})();
  window.__rdErrors = [];
  window.addEventListener('error', function (e) { window.__rdErrors.push('pageerror: ' + (e.message || e.error)); });
  window.addEventListener('unhandledrejection', function (e) { window.__rdErrors.push('unhandled rejection: ' + (e.reason && e.reason.message || e.reason)); });
}`;

/** The page-side call: install the helper, then run `fn` with the arguments. */
const script = (fn) => `${INSTALL}\nreturn (${fn}).apply(null, arguments);`;

// WebKitWebDriver turns a script's result into JSON with the page's own JSON.stringify, which a
// hostile page changes (Prototype.js's Array#toJSON makes arrays strings): the WebKit driver
// writes the result as JSON text itself, with this, and parses it in Node.
function encodeResult(v) {
  const enc = (x) => {
    if (x === null || x === undefined || typeof x === 'function') return 'null';
    if (typeof x === 'number') return isFinite(x) ? String(x) : 'null';
    if (typeof x === 'boolean') return x ? 'true' : 'false';
    if (typeof x === 'string') {
      let s = '"';
      for (let i = 0; i < x.length; i++) {
        const c = x.charCodeAt(i);
        s += x[i] === '"' || x[i] === '\\' ? `\\${x[i]}` : c < 0x20 ? `\\u${`000${c.toString(16)}`.slice(-4)}` : x[i];
      }
      return `${s}"`;
    }
    if (Array.isArray(x)) {
      let s = '[';
      for (let i = 0; i < x.length; i++) s += (i ? ',' : '') + enc(x[i]);
      return `${s}]`;
    }
    let s = '{';
    let first = true;
    for (const k of Object.keys(x)) {
      if (x[k] === undefined) continue;
      s += `${first ? '' : ','}${enc(k)}:${enc(x[k])}`;
      first = false;
    }
    return `${s}}`;
  };
  return enc(v);
}
const encodedScript = (fn) => `${INSTALL}\nreturn Promise.resolve((${fn}).apply(null, arguments)).then(${encodeResult});`;

export async function openDriver(engine) {
  if (engine.id === 'firefox') return firefoxDriver(engine);
  if (engine.id === 'webkit') return webkitDriver(engine);
  throw new Error(`No journey driver for ${engine.id}`);
}

async function firefoxDriver(engine) {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: engine.path,
    headless: true,
    extraPrefsFirefox: { 'intl.accept_languages': 'zh-CN, zh' },
  });
  const page = (await browser.pages())[0] ?? (await browser.newPage());
  await page.setViewport({ width: 1280, height: 900 });
  page.setDefaultTimeout(30_000);
  let errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return {
    name: engine.name,
    version: await browser.version(),
    async open(url) { errors = []; await page.goto(url, { waitUntil: 'load' }); },
    async reload() { await page.reload({ waitUntil: 'load' }); },
    // eslint-disable-next-line no-new-func
    run: (fn, ...args) => page.evaluate(new Function(script(fn)), ...args),
    async type(find, text) {
      const el = await page.evaluateHandle(new Function(script(find)));
      await el.type(text);
      await el.dispose();
    },
    errors: () => errors.slice(),
    async close() { await browser.close(); },
  };
}

async function webkitDriver(engine) {
  const wd = new WebKitSession(engine);
  await wd.start({ script: 90_000, pageLoad: 60_000 });
  await wd.call('POST', 'session:/window/rect', { width: 1280, height: 900 }).catch(() => {});
  const run = async (fn, ...args) => JSON.parse(await wd.call('POST', 'session:/execute/sync', { script: encodedScript(fn), args }));
  return {
    name: engine.name,
    version: wd.version,
    async open(url) { await wd.call('POST', 'session:/url', { url }); },
    async reload() { await wd.call('POST', 'session:/refresh', {}); },
    run,
    async type(find, text) {
      const el = await wd.call('POST', 'session:/execute/sync', { script: script(find), args: [] });
      const id = el && Object.values(el)[0];
      if (!id) throw new Error('type: no element');
      await wd.call('POST', `session:/element/${id}/value`, { text });
    },
    // Uncaught errors after the helper was installed on the current document.
    errors: () => run(() => window.__rdErrors.slice()),
    async close() { await wd.stop(); },
  };
}
