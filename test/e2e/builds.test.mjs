// The published builds as a webmaster uses them: the classic IIFE script without type="module",
// code-split ESM, and the map engine fetched only when a map is shown — from the folder the
// script itself was loaded from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { until } from './util.mjs';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { posix } from 'node:path';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

const vendorRequests = (page) => {
  const seen = [];
  page.on('request', (r) => { if (/\/dist\/cdn\/vendor\//.test(r.url())) seen.push(new URL(r.url()).pathname); });
  return seen;
};

test('IIFE: widgets work from a classic script; no map engine until the map is opened', async () => {
  const { page, errors, context } = await h.newPage();
  const seen = vendorRequests(page);
  await page.goto(`${h.base}/fixtures/iife-map.html`);
  await page.waitForFunction(() => !!customElements.get('rd-station-map') && typeof window.RdWidgets === 'object');
  // The page-wide transport (docs/integrating.md) from the classic script: the shared page setting.
  assert.equal(await page.evaluate(() => { const fn = async () => ({ status: 201, body: { receipt: 'X' } }); window.RdWidgets.setTransport(fn); const ok = window.rdWidgets.transport === fn; window.RdWidgets.setTransport(null); return ok; }), true);
  const map = page.locator('rd-station-map');
  await map.getByRole('list').first().waitFor();
  assert.deepEqual(seen, [], 'nothing from dist/cdn/vendor before a map is shown');
  await page.evaluate(() => { document.querySelector('rd-station-map').mapOpen = true; });
  await page.waitForFunction(() => document.querySelector('rd-station-map').shadowRoot.querySelector('.leaflet-container, [data-map-fallback], svg'));
  await page.waitForTimeout(300);
  assert.ok(seen.includes('/dist/cdn/vendor/leaflet.js'), `leaflet loaded from the IIFE's folder (saw ${seen.join(', ')})`);
  assert.deepEqual(errors, []);
  await context.close();
});

// The all-in-one entry (src/cdn-all.ts) registers <rd-provider> at once and imports each other
// element's registration module — that widget's own entry — only when its tag is on the page.
const ELEMENT_TAGS = ['rd-appointment-form', 'rd-deputy-card', 'rd-legislation-feedback', 'rd-receipt-lookup', 'rd-satisfaction-survey', 'rd-station-map'];

/** Every dist/cdn file a module loads statically (path under dist/cdn/). */
function staticFiles(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(`dist/cdn/${file}`, 'utf8');
  for (const m of code.matchAll(/(?:^|[;\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) {
    staticFiles(posix.normalize(posix.join(posix.dirname(file), m[1])), seen);
  }
  return seen;
}
/** The dist/cdn files the page fetched (its performance resource entries). */
const fetchedCdn = (page) => page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname).filter((p) => p.startsWith('/dist/cdn/')).map((p) => p.slice('/dist/cdn/'.length)));

test('ESM all-in-one: the API at once, <rd-provider> registered at once, every other element when its tag appears (added, nested, or load() for a shadow root)', async () => {
  // The same elements as the npm entry registers (src/index.ts), and each imported as its widget's own entry.
  const npmTags = [...readFileSync('src/index.ts', 'utf8').matchAll(/import '\.\/components\/(rd-[\w-]+)\//g)].map((m) => m[1]).sort();
  assert.deepEqual(npmTags, ELEMENT_TAGS);
  const entry = readFileSync('dist/cdn/rd-widgets.js', 'utf8');
  for (const t of ELEMENT_TAGS) assert.ok(entry.includes(`import("./components/${t}.js")`), `rd-widgets.js imports components/${t}.js when needed`);
  assert.doesNotMatch(entry, /^import[^;]*components\//m, 'no element statically');

  const { page, errors, context } = await h.newPage();
  const seen = vendorRequests(page);
  await page.goto(`${h.base}/`);
  assert.equal(await page.evaluate(() => [...document.querySelectorAll('*')].some((e) => e.localName.startsWith('rd-'))), false, 'the page has no element of ours');
  const first = await page.evaluate(async () => {
    const mod = await import('/dist/cdn/rd-widgets.js');
    window.__rd = mod;
    return {
      tags: ['rd-provider', 'rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map', 'rd-receipt-lookup', 'rd-appointment-form'].filter((t) => !!customElements.get(t)),
      events: Object.keys(mod).filter((k) => k.endsWith('Event')).sort(),
      api: ['RdProvider', 'RdConfigError', 'setTransport', 'setLoader', 'load'].map((k) => typeof mod[k]),
    };
  });
  assert.deepEqual(first.tags, ['rd-provider']);
  for (const e of ['RdReadyEvent', 'RdSubmitEvent', 'RdSubmittedEvent', 'RdQueuedEvent', 'RdSubmitErrorEvent', 'RdDraftSavedEvent', 'RdDraftRestoredEvent']) assert.ok(first.events.includes(e), e);
  assert.deepEqual(first.api, ['function', 'function', 'function', 'function', 'function']);
  await page.waitForTimeout(200);
  assert.deepEqual((await fetchedCdn(page)).filter((f) => f.startsWith('components/')), [], 'no element module without its tag on the page');

  // Added later, nested inside an added element: upgraded.
  await page.evaluate(() => {
    const box = document.createElement('div');
    box.innerHTML = '<rd-provider endpoint="/api"><section><rd-deputy-card deputy-id="dep-001"></rd-deputy-card></section></rd-provider>';
    document.querySelector('main').append(box);
  });
  await page.locator('rd-deputy-card').getByRole('heading', { name: '董晓丽' }).waitFor();
  // Inside a shadow root the page-wide watch does not look; load(root) finds it there.
  await page.evaluate(() => {
    const host = document.createElement('div');
    document.querySelector('main').append(host);
    host.attachShadow({ mode: 'open' }).innerHTML = '<rd-provider endpoint="/api"><rd-satisfaction-survey survey-id="2027-mssx-zj"></rd-satisfaction-survey></rd-provider>';
    window.__host = host;
  });
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => !!customElements.get('rd-satisfaction-survey')), false, 'not seen inside a shadow root');
  await page.evaluate(() => window.__rd.load(window.__host.shadowRoot));
  await page.locator('rd-satisfaction-survey').getByText('民生实事').first().waitFor();
  // By name; an unknown name is refused.
  await page.evaluate(() => window.__rd.load('RD-RECEIPT-LOOKUP'));
  assert.deepEqual(await page.evaluate(() => Promise.all(['rd-nothing', 'constructor', null].map((x) => window.__rd.load(x).then(() => 'loaded', (e) => e instanceof TypeError)))), [true, true, true]);
  const fetched = await fetchedCdn(page);
  assert.deepEqual(ELEMENT_TAGS.filter((t) => fetched.includes(`components/${t}.js`)), ['rd-deputy-card', 'rd-receipt-lookup', 'rd-satisfaction-survey']);
  assert.equal(await page.evaluate(() => !!customElements.get('rd-station-map') || !!customElements.get('rd-legislation-feedback')), false, 'the others still not loaded');
  assert.deepEqual(seen, [], 'no map engine');
  assert.deepEqual(errors, []);
  await context.close();
});

test('all-in-one classic script, one <rd-station-map> on a page under the strict CSP: no other widget\'s files, the map works; an element inserted later upgrades', async () => {
  const { page, errors, context } = await h.newPage();
  const violations = [];
  await page.exposeFunction('__violation', (v) => violations.push(v));
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__violation(`${e.violatedDirective} ${e.blockedURI}`)));
  await h.servePage(page, 'one-map.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script src="/dist/cdn/rd-widgets.iife.js" defer></script></head>
<body><main><h1>t</h1><rd-provider endpoint="/api"><rd-station-map tiles="none"><a href="/lianluozhan/">联络站名录</a></rd-station-map></rd-provider></main></body></html>`, { csp: LOADER_CSP });
  await page.goto(`${h.base}/one-map.html`);
  const map = page.locator('rd-station-map');
  await map.getByText('青禾县人大代表联络总站').first().waitFor();
  await page.waitForTimeout(300);
  // What the page loaded: the loader, the entry and the station map's own entry with their static
  // imports; nothing that only another element's module loads.
  const mine = new Set(['rd-widgets.iife.js', ...staticFiles('rd-widgets.js'), ...staticFiles('components/rd-station-map.js')]);
  const others = new Set(ELEMENT_TAGS.filter((t) => t !== 'rd-station-map').flatMap((t) => [...staticFiles(`components/${t}.js`)]).filter((f) => !mine.has(f)));
  let fetched = await fetchedCdn(page);
  for (const f of mine) assert.ok(fetched.includes(f), `fetched ${f}`);
  assert.deepEqual(fetched.filter((f) => others.has(f)), [], 'no file of another widget');
  assert.deepEqual(fetched.filter((f) => f.startsWith('components/')), ['components/rd-station-map.js']);
  assert.deepEqual(await page.evaluate((tags) => tags.filter((t) => !!customElements.get(t)), ['rd-provider', ...ELEMENT_TAGS]), ['rd-provider', 'rd-station-map']);
  // The map works: search, then the map engine from dist/cdn/vendor when shown.
  await map.getByRole('searchbox', { name: '搜索站点' }).fill('南湖');
  await map.getByRole('status').filter({ hasText: /共 \d+ 个站点/ }).waitFor();
  await page.evaluate(() => { document.querySelector('rd-station-map').mapOpen = true; });
  await page.waitForFunction(() => document.querySelector('rd-station-map').shadowRoot.querySelector('.leaflet-container'));
  // Inserted after load, by the page's own script (a Trusted Types policy of its own is not needed: no HTML string).
  await page.evaluate(() => {
    const card = document.createElement('rd-deputy-card');
    card.setAttribute('deputy-id', 'dep-001');
    document.querySelector('rd-provider').append(card);
  });
  await page.locator('rd-deputy-card').getByRole('heading', { name: '董晓丽' }).waitFor();
  fetched = await fetchedCdn(page);
  assert.ok(fetched.includes('components/rd-deputy-card.js'));
  assert.deepEqual(await page.evaluate(async () => ['RdSubmittedEvent', 'RdProvider', 'setTransport', 'load'].map((k) => typeof window.RdWidgets[k])), ['function', 'function', 'function', 'function']);
  assert.deepEqual(violations, [], 'no CSP violation');
  assert.deepEqual(errors, []);
  await context.close();
});

test('all-in-one classic script: an element module that cannot be fetched is named in the console, its fallback content stays, the others work, and it loads when asked again', async () => {
  const { page, errors, context } = await h.newPage();
  const cardFile = await h.failingFile(context, '**/dist/cdn/components/rd-deputy-card.js');
  const logged = [];
  page.on('console', (m) => { if (m.type() === 'error') logged.push(m.text()); });
  await h.servePage(page, 'one-fails.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script src="/dist/cdn/rd-widgets.iife.js"></script></head>
<body><main><h1>t</h1><rd-provider endpoint="/api"><rd-deputy-card deputy-id="dep-001"><a href="/daibiao/dep-001.html">董晓丽代表的主页</a></rd-deputy-card>
<rd-station-map tiles="none"></rd-station-map></rd-provider></main></body></html>`);
  await page.goto(`${h.base}/one-fails.html`);
  await page.locator('rd-station-map').getByText('青禾县人大代表联络总站').first().waitFor();
  await until(() => logged.some((t) => t.includes(`rd-widgets: cannot load <rd-deputy-card> from ${h.base}/dist/cdn/components/rd-deputy-card.js`)), { message: `the file named in the console (${logged.join(' | ')})` });
  assert.equal(await page.evaluate(() => !!customElements.get('rd-deputy-card')), false);
  assert.ok(await page.getByRole('link', { name: '董晓丽代表的主页' }).isVisible(), 'the fallback link is shown');
  assert.equal(await page.evaluate(async () => (await window.RdWidgets.ready) === window.RdWidgets), true, 'ready still resolves');
  assert.deepEqual(errors.filter((e) => !e.includes('rd-widgets: cannot load <rd-deputy-card>')), [], 'nothing thrown at the page');
  // Reachable again: asked by name, it loads and upgrades the element.
  cardFile.down = false;
  await page.evaluate(() => window.RdWidgets.load('rd-deputy-card'));
  await page.locator('rd-deputy-card').getByRole('heading', { name: '董晓丽' }).waitFor();
  await context.close();
});

test('ESM: English messages are fetched only for a widget shown in English, and then it reads in English', async () => {
  const { page, errors, context } = await h.newPage();
  const en = [];
  page.on('request', (r) => { if (/\.en-[\w-]+\.js$/.test(new URL(r.url()).pathname)) en.push(new URL(r.url()).pathname.replace(/^.*\/chunks\//, '').replace(/-[\w-]+\.js$/, '')); });
  await h.servePage(page, 'lang-test.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script type="module" src="/dist/cdn/components/rd-deputy-card.js"></script></head>
<body><main><h1>t</h1><rd-deputy-card endpoint="/api" deputy-id="dep-001"></rd-deputy-card></main></body></html>`);
  await page.goto(`${h.base}/lang-test.html`);
  const card = page.locator('rd-deputy-card');
  await card.getByText('董晓丽').first().waitFor();
  await card.getByText('下次接待', { exact: true }).waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(en, [], 'a page in Chinese downloads no English');
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await card.getByText('Next reception', { exact: true }).waitFor();
  assert.deepEqual(en.sort(), ['rd-deputy-card.messages.en', 'shared.en']);
  assert.doesNotMatch(await card.evaluate((el) => el.shadowRoot.textContent), /下次接待|正在加载/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('classic scripts are small ASCII loaders of the modules beside them (scripts/cdn-loader.mjs)', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const loaders = ['rd-widgets.iife.js', ...readdirSync('dist/cdn/components').filter((f) => f.endsWith('.iife.js')).map((f) => `components/${f}`)];
  for (const f of loaders) {
    const code = readFileSync(`dist/cdn/${f}`, 'utf8');
    assert.equal(code.search(/[^\x00-\x7f]/), -1, `${f}: no non-ASCII character`);
    assert.ok(code.length < 2048, `${f}: a loader, not a bundle (${code.length} bytes)`);
    const entry = /new URL\("\.\/([\w.-]+\.js)"/.exec(code)?.[1];
    assert.equal(entry, f.replace(/^.*\//, '').replace('.iife.js', '.js'), `${f} imports its module entry`);
    assert.doesNotMatch(code, /Next reception|\\u[0-9A-F]{4}/, `${f} carries no text of the widgets`);
  }
});

test("Leaflet's stylesheet comes from the installed package: every rule but the image ones, none of Leaflet's image URLs", async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const { leafletCssText } = await import('../../scripts/leaflet-css.mjs');
  const original = readFileSync('node_modules/leaflet/dist/leaflet.css', 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const css = leafletCssText();
  assert.doesNotMatch(css, /url\(\s*['"]?images\//, 'no image URL left');
  assert.match(css, /\.leaflet-container\s*\{/);
  assert.match(css, /@media print/);
  // Every selector of the package's stylesheet whose rule is not only an image is still there.
  const rules = [...original.matchAll(/([^{}]+)\{([^{}]*)\}/g)].filter(([, , body]) => body.replace(/[^;]*url\(\s*['"]?images\/[^;]*;?/g, '').trim());
  for (const [, sel] of rules) assert.ok(css.includes(sel.trim()), `kept: ${sel.trim()}`);
  // The map chunk the browser loads carries it.
  const vendor = readdirSync('dist/cdn/chunks').concat(readdirSync('dist/cdn/vendor').map((f) => `../vendor/${f}`)).filter((f) => f.endsWith('.js'));
  const found = vendor.some((f) => readFileSync(`dist/cdn/chunks/${f}`, 'utf8').includes('.leaflet-zoom-animated'));
  assert.ok(found, 'a built chunk holds the stylesheet');
});

test('ESM per-widget entries: each works alone inside an <rd-provider> (the entry registers the provider too)', async () => {
  const { page, errors, context } = await h.newPage();
  const cases = [
    ['rd-deputy-card', 'deputy-id="dep-001"', '董晓丽'],
    ['rd-legislation-feedback', 'draft-id="2026-yq-01" deep-link="off"', '云州市文明养犬条例（草案）'],
    ['rd-satisfaction-survey', 'survey-id="2027-mssx-zj"', '民生实事'],
    ['rd-station-map', '', '青禾县人大代表联络总站'],
  ];
  for (const [tag, attrs, text] of cases) {
    await h.servePage(page, `entry-${tag}.html`, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script type="module" src="/dist/cdn/components/${tag}.js"></script></head>
<body><main><h1>t</h1><rd-provider endpoint="/api"><${tag} ${attrs}></${tag}></rd-provider></main></body></html>`);
    await page.goto(`${h.base}/entry-${tag}.html`);
    await page.locator(tag).getByText(text).first().waitFor();
    assert.equal(await page.evaluate(() => !!customElements.get('rd-provider')), true, tag);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('per-widget classic scripts (dist/cdn/components/<tag>.iife.js): one widget only, no globals, map engine from dist/cdn/vendor', async () => {
  const { readFileSync, readdirSync } = await import('node:fs');
  const files = readdirSync('dist/cdn/components').filter((f) => f.endsWith('.iife.js')).sort();
  assert.deepEqual(files, ['rd-deputy-card.iife.js', 'rd-legislation-feedback.iife.js', 'rd-receipt-lookup.iife.js', 'rd-satisfaction-survey.iife.js', 'rd-station-map.iife.js']);
  for (const f of files) assert.equal(readFileSync(`dist/cdn/components/${f}`, 'utf8').search(/[^\x00-\x7f]/), -1, `${f} is pure ASCII`);

  const { page, errors, context } = await h.newPage();
  const seen = vendorRequests(page);
  await h.servePage(page, 'iife-one.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script>window.__before = Object.keys(window);</script></head>
<body><main><h1>t</h1><rd-provider endpoint="/api"><rd-station-map tiles="none"></rd-station-map></rd-provider></main>
<script src="/dist/cdn/components/rd-station-map.iife.js"></script></body></html>`);
  await page.goto(`${h.base}/iife-one.html`);
  const map = page.locator('rd-station-map');
  await map.getByText('青禾县人大代表联络总站').first().waitFor();
  const state = await page.evaluate(() => ({
    defined: ['rd-provider', 'rd-station-map', 'rd-deputy-card', 'rd-legislation-feedback', 'rd-satisfaction-survey'].filter((t) => !!customElements.get(t)),
    // Lit's own version registries (litHtmlVersions …, litPropertyMetadata) are Lit's, by design.
    globals: Object.keys(window).filter((k) => !window.__before.includes(k) && k !== '__before' && !/^lit|Versions$/.test(k)),
  }));
  assert.deepEqual(state.defined, ['rd-provider', 'rd-station-map']);
  assert.deepEqual(state.globals, [], 'no globals of ours');
  assert.deepEqual(seen, [], 'no map engine before a map is shown');
  await page.evaluate(() => { document.querySelector('rd-station-map').mapOpen = true; });
  await page.waitForFunction(() => document.querySelector('rd-station-map').shadowRoot.querySelector('.leaflet-container, [data-map-fallback], svg'));
  await page.waitForTimeout(300);
  assert.ok(seen.includes('/dist/cdn/vendor/leaflet.js'), `leaflet loaded from dist/cdn/vendor (saw ${seen.join(', ')})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('classic scripts: English is fetched from dist/cdn/chunks/ (a module: UTF-8 on any page) only when a widget is shown in English', async () => {
  const { page, errors, context } = await h.newPage();
  const en = [];
  page.on('request', (r) => { if (/\.en-[\w-]+\.js$/.test(r.url())) en.push(new URL(r.url()).pathname); });
  // A GBK page, as old CMS pages are, served without a charset for the script.
  await page.route(`${h.base}/iife-en.html`, (route) => route.fulfill({ status: 200, headers: { 'Content-Type': 'text/html; charset=gbk' }, body: `<!doctype html><html lang="zh-CN"><head><meta charset="gbk"><title>t</title></head>
<body><main><h1>t</h1><rd-deputy-card endpoint="/api" deputy-id="dep-001"></rd-deputy-card></main>
<script src="/dist/cdn/components/rd-deputy-card.iife.js"></script></body></html>` }));
  await page.goto(`${h.base}/iife-en.html`);
  const card = page.locator('rd-deputy-card');
  await card.getByText('下次接待', { exact: true }).waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(en, [], 'a page in Chinese downloads no English');
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await card.getByText('Next reception', { exact: true }).waitFor();
  assert.ok(en.length >= 2 && en.every((p) => p.startsWith('/dist/cdn/chunks/')), `English from the CDN's chunks (saw ${en.join(', ')})`);
  assert.doesNotMatch(await card.evaluate((el) => el.shadowRoot.textContent), /下次接待|正在加载/);
  assert.deepEqual(errors, []);
  await context.close();
});

// The classic loaders as CMS pages include them: a GBK page serving scripts without a charset,
// under the strict CSP with Trusted Types (script-src 'self'), the tag plain, async, defer,
// inserted by another script, included twice, and inside a shadow root, where
// document.currentScript is null (found by its src when the document has the tag too, else by
// the address in its own stack). A loader that found no address would import ./rd-deputy-card.js
// from the page's folder: a 404, an error, and a request the test sees.
const LOADER_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; require-trusted-types-for 'script'";
const LOADER = '/dist/cdn/components/rd-deputy-card.iife.js';
const INSERT = (into) => `var p = window.trustedTypes ? trustedTypes.createPolicy('cms', { createScriptURL: function (s) { return s; } }) : null;
var s = document.createElement('script'); s.src = p ? p.createScriptURL('${LOADER}') : '${LOADER}';
${into === 'shadow' ? "var host = document.createElement('div'); document.body.appendChild(host); host.attachShadow({ mode: 'open' }).appendChild(s);" : 'document.head.appendChild(s);'}`;
const LOADER_CASES = {
  plain: [`<script src="${LOADER}"></script>`, ''],
  async: [`<script async src="${LOADER}"></script>`, ''],
  defer: [`<script defer src="${LOADER}"></script>`, ''],
  'inserted by a script': ['<script src="/loader-case/insert.js"></script>', INSERT('head')],
  'included twice': [`<script src="${LOADER}"></script><script defer src="${LOADER}"></script>`, ''],
  'inside a shadow root, and in the document (currentScript null: found by src)': [`<script src="${LOADER}"></script><script defer src="/loader-case/insert.js"></script>`, INSERT('shadow')],
  'inside a shadow root (currentScript null, not in the document)': ['<script defer src="/loader-case/insert.js"></script>', INSERT('shadow')],
};
test('classic loader on a GBK page under the strict CSP: plain, async, defer, inserted, twice, currentScript null', async () => {
  const { page, errors, context } = await h.newPage();
  const violations = [];
  await page.exposeFunction('__violation', (v) => violations.push(v));
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => window.__violation(`${e.violatedDirective} ${e.blockedURI}`)));
  // What many CMS servers do: JavaScript with no charset, so a GBK page would decode it as GBK.
  await context.route('**/dist/cdn/components/*.iife.js', async (route) => {
    const res = await route.fetch();
    await route.fulfill({ response: res, headers: { ...res.headers(), 'content-type': 'application/javascript' } });
  });
  for (const [name, [tags, helper]] of Object.entries(LOADER_CASES)) {
    await context.unroute('**/loader-case/**');
    await context.route('**/loader-case/**', (route) => route.fulfill({ status: 200, headers: { 'Content-Type': 'text/javascript' }, body: helper }));
    const requests = [];
    const onRequest = (r) => { if (/\/dist\/cdn\/components\/rd-deputy-card\.js$/.test(r.url())) requests.push(r.url()); };
    page.on('request', onRequest);
    await page.route(`${h.base}/loader.html`, (route) => route.fulfill({ status: 200, headers: { 'Content-Type': 'text/html; charset=gbk', 'Content-Security-Policy': LOADER_CSP }, body: Buffer.from(`<!doctype html><html lang="zh-CN"><head><meta charset="gbk"><title>t</title>${tags}</head>
<body><main><h1>t</h1><rd-deputy-card endpoint="/api" deputy-id="dep-001"><a href="/daibiao/dep-001.html">link</a></rd-deputy-card></main></body></html>`, 'latin1') }));
    await page.goto(`${h.base}/loader.html`);
    assert.equal(await page.evaluate(() => document.characterSet), 'GBK', name);
    const card = page.locator('rd-deputy-card');
    await card.getByRole('heading', { name: '董晓丽' }).waitFor();
    await card.getByText('下次接待', { exact: true }).waitFor();
    await page.waitForTimeout(200);
    assert.doesNotMatch(await card.evaluate((el) => el.shadowRoot.textContent), /\uFFFD|锟斤拷|鈥|銆/, `${name}: no mojibake`);
    assert.deepEqual(await page.evaluate(() => ['rd-provider', 'rd-deputy-card', 'rd-legislation-feedback'].filter((t) => !!customElements.get(t))), ['rd-provider', 'rd-deputy-card'], name);
    assert.ok(requests.length >= 1 && requests.every((u) => u === `${h.base}/dist/cdn/components/rd-deputy-card.js`), `${name}: the module from the loader's own folder (${requests.join(', ')})`);
    page.off('request', onRequest);
    assert.deepEqual(violations, [], `${name}: no CSP violation`);
    assert.deepEqual(errors, [], name);
  }
  await context.close();
});

test('all-in-one classic script: RdWidgets.setLoader/setTransport/load work in the script right after the tag; RdWidgets.ready brings the exports', async () => {
  const { page, errors, context } = await h.newPage();
  await h.servePage(page, 'api-sync.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head>
<body><main><h1>t</h1><rd-deputy-card endpoint="/api" deputy-id="dep-001"></rd-deputy-card></main>
<script src="/dist/cdn/rd-widgets.iife.js"></script>
<script>
  window.__classesAtOnce = typeof RdWidgets.RdSubmittedEvent;
  window.__kinds = [];
  RdWidgets.setLoader(function (req) { window.__kinds.push(req.kind); return fetch(req.url).then(function (r) { return r.json(); }); });
  window.__transport = function () { return Promise.resolve({ status: 201, body: { receipt: 'X' } }); };
  RdWidgets.setTransport(window.__transport);
  try { RdWidgets.setTransport('nope'); } catch (e) { window.__refused = e instanceof TypeError; }
  // An element inside a shadow root (where the all-in-one's watch does not look), asked for at once.
  var host = document.createElement('div');
  document.querySelector('main').appendChild(host);
  var lookup = document.createElement('rd-receipt-lookup');
  lookup.setAttribute('endpoint', '/api');
  host.attachShadow({ mode: 'open' }).appendChild(lookup);
  RdWidgets.load(host.shadowRoot).then(function () { window.__shadowLoaded = !!customElements.get('rd-receipt-lookup'); });
</script></body></html>`);
  await page.goto(`${h.base}/api-sync.html`);
  await page.locator('rd-deputy-card').getByRole('heading', { name: '董晓丽' }).waitFor();
  const state = await page.evaluate(async () => {
    const api = await window.RdWidgets.ready;
    return {
      same: api === window.RdWidgets,
      atOnce: window.__classesAtOnce,
      kinds: window.__kinds,
      transport: window.rdWidgets.transport === window.__transport,
      refused: window.__refused,
      later: ['RdSubmittedEvent', 'RdProvider', 'setTransport', 'setLoader', 'RdConfigError', 'load'].map((k) => typeof api[k]),
    };
  });
  assert.deepEqual(state, { same: true, atOnce: 'undefined', kinds: ['deputy'], transport: true, refused: true, later: ['function', 'function', 'function', 'function', 'function', 'function'] });
  await until(() => page.evaluate(() => window.__shadowLoaded === true), { message: 'RdWidgets.load(shadowRoot) registered <rd-receipt-lookup>' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a part fetched when first needed (the booking form) that cannot load: a localized notice with 重试, nothing typed is lost, then it loads', async () => {
  const { page, errors, context } = await h.newPage();
  const bookingFile = await h.failingFile(context, '**/dist/cdn/components/rd-appointment-form.js');
  await h.servePage(page, 'lazy-fail.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script src="/dist/cdn/components/rd-deputy-card.iife.js" defer></script></head>
<body><main><h1>t</h1><rd-deputy-card endpoint="/api" deputy-id="dep-001" view="full" drafts="off"></rd-deputy-card></main></body></html>`);
  await page.goto(`${h.base}/lazy-fail.html`);
  const card = page.locator('rd-deputy-card');
  await card.getByRole('heading', { name: '董晓丽', level: 2 }).waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(bookingFile.requests, [], 'the booking form is not part of the first screen');
  // The citizen starts a message, then opens the booking form, which cannot be fetched.
  await card.getByRole('button', { name: '给代表留言' }).click();
  const subject = card.getByRole('textbox', { name: /^留言主题/ });
  await subject.fill('农贸市场周边停车难');
  await card.getByRole('button', { name: '预约接访' }).click();
  const alert = card.getByRole('alert').filter({ hasText: '预约接访表单未能加载' });
  await alert.waitFor();
  assert.match(await alert.textContent(), /本页已填写的内容都还在/);
  const retry = alert.getByRole('button', { name: '重试' });
  await until(() => retry.evaluate((b) => b.getRootNode().activeElement === b), { message: 'the retry button has the focus' });
  // The message panel (closed while the booking panel is open) still holds the text.
  await card.getByRole('button', { name: '给代表留言' }).click();
  assert.equal(await subject.inputValue(), '农贸市场周边停车难', 'the message text is kept');
  await card.getByRole('button', { name: '预约接访' }).click();
  await alert.waitFor();
  // English, complete.
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'en'));
  await card.getByRole('alert').filter({ hasText: 'The reception booking form could not be loaded' }).getByRole('button', { name: 'Try again' }).waitFor();
  await page.evaluate(() => document.documentElement.setAttribute('lang', 'zh-CN'));
  // Back online: 重试 brings the form.
  bookingFile.down = false;
  await card.getByRole('alert').filter({ hasText: '预约接访表单未能加载' }).getByRole('button', { name: '重试' }).click();
  await card.locator('rd-appointment-form').getByRole('textbox', { name: /^要反映的事项/ }).waitFor();
  // The focus the 重试 button had goes to the part that arrived, not to the page.
  await until(() => card.evaluate((el) => el.shadowRoot.activeElement?.getAttribute('data-lazy-ready') === 'lazy.part.booking'), { message: 'focus on the loaded booking form' });
  assert.equal(await card.getByRole('alert').filter({ hasText: '未能加载' }).count(), 0);
  await card.getByRole('button', { name: '给代表留言' }).click();
  assert.equal(await subject.inputValue(), '农贸市场周边停车难', 'still kept');
  assert.ok(bookingFile.requests.length >= 2, `fetched again on 重试 (${bookingFile.requests.length})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the deputy card\'s message form is not on its first screen: fetched when 写留言 is opened, or at page load when a draft or a queued message of this card waits', async () => {
  const { page, errors, context } = await h.newPage();
  const half = [];
  page.on('request', (r) => { const m = /\/dist\/cdn\/chunks\/(deputy-message-part|forms|form)-[\w-]+\.js$/.exec(new URL(r.url()).pathname); if (m) half.push(m[1]); });
  await h.servePage(page, 'message-half.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script src="/dist/cdn/components/rd-deputy-card.iife.js" defer></script></head>
<body><main><h1>t</h1><rd-deputy-card endpoint="/api" deputy-id="dep-001" view="full"></rd-deputy-card></main></body></html>`);
  await page.goto(`${h.base}/message-half.html`);
  const card = page.locator('rd-deputy-card');
  await card.getByRole('heading', { name: '董晓丽', level: 2 }).waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(half, [], 'nothing of the message form before it is opened');
  // Opened: the form arrives with its chunks; what is typed is kept as a draft.
  await card.getByRole('button', { name: '给代表留言' }).click();
  const subject = card.getByRole('textbox', { name: /^留言主题/ });
  await subject.fill('农贸市场周边停车难');
  assert.ok(half.includes('deputy-message-part') && half.includes('forms'), `fetched when opened (${half.join(', ')})`);
  await until(() => page.evaluate(() => new Promise((res) => { const r = indexedDB.open('rd-drafts'); r.onsuccess = () => { const q = r.result.transaction('kv').objectStore('kv').getAllKeys(); q.onsuccess = () => res(q.result.some((k) => String(k).startsWith('rd:rd-deputy-card:dep-001'))); }; r.onerror = () => res(false); })), { message: 'the draft is saved' });
  // A reload with a draft waiting: the form comes back with it, without a click.
  half.length = 0;
  await page.reload();
  await until(async () => (await subject.count()) > 0 && (await subject.inputValue()) === '农贸市场周边停车难', { message: 'the draft restored at load' });
  assert.ok(half.includes('deputy-message-part'), 'fetched at load for the waiting draft');
  // Sent while the receiver cannot be reached: queued on this device.
  await page.route('**/api/deputy-messages', (route) => route.abort('connectionrefused'));
  await card.getByRole('combobox', { name: /^留言类别/ }).selectOption({ label: '城乡建设' });
  await card.getByRole('textbox', { name: /^留言内容/ }).fill('早市时段车辆占道严重，建议设临时停车位。');
  await card.getByRole('checkbox', { name: /个人信息处理说明/ }).check();
  await card.getByRole('button', { name: '提交留言' }).click();
  await card.getByText(/已保存在本设备上/).waitFor();
  await page.unroute('**/api/deputy-messages');
  // A reload with the message queued: it is sent at load, and its receipt shown, without a click.
  half.length = 0;
  const posted = page.waitForRequest((r) => r.method() === 'POST' && /\/api\/deputy-messages$/.test(r.url()));
  await page.reload();
  await posted;
  await card.getByText(/[A-Z]{2}-\d{4}-\d+/).first().waitFor();
  assert.ok(half.includes('deputy-message-part'), 'fetched at load for the queued message');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the booking form draws its fields without its sending half: fetched on the first input, at load for a waiting draft; if it cannot be fetched, 提交预约 says so with 重试 and nothing typed is lost', async () => {
  const { page, errors, context } = await h.newPage();
  const halfFile = await h.failingFile(context, '**/dist/cdn/chunks/appointment-form-half-*.js', { down: false });
  await h.servePage(page, 'booking-half.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script type="module" src="/dist/cdn/components/rd-appointment-form.js"></script></head>
<body><main><h1>t</h1><rd-appointment-form endpoint="/api" station-id="st-half-1" place-name="东关街道代表联络站"></rd-appointment-form></main></body></html>`);
  await page.goto(`${h.base}/booking-half.html`);
  const form = page.locator('rd-appointment-form');
  const topic = form.getByRole('textbox', { name: /^要反映的事项/ });
  await topic.waitFor();
  await page.waitForTimeout(500);
  assert.deepEqual(halfFile.requests, [], 'not before the first input');
  await topic.fill('村道路灯损坏');
  await until(() => halfFile.requests.length > 0, { message: 'fetched on the first input' });
  await until(() => page.evaluate(() => new Promise((res) => { const r = indexedDB.open('rd-drafts'); r.onsuccess = () => { const q = r.result.transaction('kv').objectStore('kv').getAllKeys(); q.onsuccess = () => res(q.result.some((k) => String(k).startsWith('rd:rd-appointment-form:st-half-1'))); }; r.onerror = () => res(false); })), { message: 'the draft is saved' });
  // A reload with the draft waiting: it comes back without a touch.
  halfFile.requests.length = 0;
  await page.reload();
  await until(async () => (await topic.count()) > 0 && (await topic.inputValue()) === '村道路灯损坏', { message: 'the draft restored at load' });
  assert.ok(halfFile.requests.length > 0, 'fetched at load for the waiting draft');
  // The half cannot be fetched: typing goes on, 提交预约 says why, with 重试.
  await page.evaluate(() => indexedDB.deleteDatabase('rd-drafts'));
  halfFile.down = true;
  await page.reload();
  await topic.fill('桥面破损');
  await form.getByRole('button', { name: '提交预约' }).click();
  const alert = form.getByRole('alert').filter({ hasText: '保存和提交预约的功能未能加载' });
  await alert.waitFor();
  assert.equal(await topic.inputValue(), '桥面破损');
  halfFile.down = false;
  await alert.getByRole('button', { name: '重试' }).click();
  await until(async () => (await form.getByRole('alert').filter({ hasText: '未能加载' }).count()) === 0, { message: 'the notice goes once it is here' });
  await form.getByRole('button', { name: '提交预约' }).click();
  await form.locator('[part~="error-summary"]').waitFor();
  assert.equal(await topic.inputValue(), '桥面破损');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a booking queued on this device is sent when a page with only the station map opens, before any booking form is', async () => {
  const { page, errors, context } = await h.newPage();
  const key = randomUUID();
  // Queued on another page of the site (the receiver could not be reached then).
  await h.servePage(page, 'other-page.html', '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body></body></html>');
  await page.goto(`${h.base}/other-page.html`);
  await page.evaluate((entry) => new Promise((res, rej) => {
    const r = indexedDB.open('rd-outbox');
    r.onupgradeneeded = () => r.result.createObjectStore('kv');
    r.onsuccess = () => { const tx = r.result.transaction('kv', 'readwrite'); tx.objectStore('kv').put(entry, entry.key); tx.oncomplete = () => { r.result.close(); res(); }; tx.onerror = () => rej(tx.error); };
    r.onerror = () => rej(r.error);
  }), {
    key, owner: 'rd:rd-appointment-form:st-queued-1', url: `${h.base}/api/appointments`, headers: {}, credentials: 'same-origin', queuedAt: new Date().toISOString(), attempts: 2,
    body: { type: 'appointment', version: 1, id: key, createdAt: new Date().toISOString(), locale: 'zh-CN', source: { url: `${h.base}/booking.html` }, data: { topic: '村道路灯损坏' } },
  });
  await h.servePage(page, 'map-only.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script src="/dist/cdn/components/rd-station-map.iife.js" defer></script></head>
<body><main><h1>t</h1><rd-station-map endpoint="/api" tiles="none"></rd-station-map></main></body></html>`);
  const posted = page.waitForRequest((r) => r.method() === 'POST' && /\/api\/appointments$/.test(r.url()), { timeout: 15_000 });
  await page.goto(`${h.base}/map-only.html`);
  const req = await posted;
  assert.equal(req.headers()['idempotency-key'], key);
  assert.equal(JSON.parse(req.postData()).data.topic, '村道路灯损坏');
  // Answered: the entry no longer waits to be sent (its outcome waits for its booking form).
  await until(() => page.evaluate((k) => new Promise((res) => {
    const r = indexedDB.open('rd-outbox');
    r.onsuccess = () => { const q = r.result.transaction('kv').objectStore('kv').get(k); q.onsuccess = () => { const e = q.result; r.result.close(); res(!e || !!e.delivered || !!e.refused); }; };
  }), key), { message: 'the entry answered' });
  await page.locator('rd-station-map').getByText('青禾县人大代表联络总站').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('second-screen parts load only when needed: the parser for a plain-text draft, the results view with `results`, the QR encoder with a url-pattern', async () => {
  const { page, errors, context } = await h.newPage();
  const parts = [];
  page.on('request', (r) => {
    const m = /\/dist\/cdn\/chunks\/(legislation-text-part|survey-results-view|deputy-qr-view)-[\w-]+\.js$/.exec(new URL(r.url()).pathname);
    if (m) parts.push(m[1]);
  });
  const open = async (name, body) => {
    await h.servePage(page, `${name}.html`, `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title>
<script src="/dist/cdn/rd-widgets.iife.js" defer></script></head><body><main><h1>t</h1><rd-provider endpoint="/api">${body}</rd-provider></main></body></html>`);
    parts.length = 0;
    await page.goto(`${h.base}/${name}.html`);
  };
  // A structured draft, a survey form and a card without url-pattern: none of the three.
  await open('first', '<rd-legislation-feedback draft-id="2026-yq-01" deep-link="off"></rd-legislation-feedback><rd-satisfaction-survey survey-id="2027-mssx-zj"></rd-satisfaction-survey><rd-deputy-card deputy-id="dep-001" view="full"></rd-deputy-card>');
  await page.locator('rd-legislation-feedback').getByRole('button', { name: '对第三条提意见' }).waitFor();
  await page.locator('rd-satisfaction-survey').getByText('民生实事').first().waitFor();
  await page.locator('rd-deputy-card').getByRole('heading', { name: '董晓丽', level: 2 }).waitFor();
  await page.waitForTimeout(300);
  assert.deepEqual(parts, []);
  // A plain-text draft (parsed in the page), the results view, a card with a QR code: each its part.
  await open('second', '<rd-legislation-feedback draft-id="2026-yq-01-text" deep-link="off"></rd-legislation-feedback><rd-satisfaction-survey survey-id="2026-jybl-myd" results></rd-satisfaction-survey><rd-deputy-card deputy-id="dep-001" view="full" url-pattern="/daibiao/{id}.html"></rd-deputy-card>');
  await page.locator('rd-legislation-feedback').getByRole('button', { name: '对第三条提意见' }).waitFor();
  await page.locator('rd-satisfaction-survey').locator('[part~="results"]').first().waitFor();
  await page.locator('rd-deputy-card').locator('[part="qr"] svg').waitFor();
  assert.deepEqual([...new Set(parts)].sort(), ['deputy-qr-view', 'legislation-text-part', 'survey-results-view']);
  assert.deepEqual(errors, []);
  await context.close();
});
