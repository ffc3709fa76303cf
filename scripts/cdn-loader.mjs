// The CDN's classic scripts (README "Two distributions"): dist/cdn/rd-widgets.iife.js and
// dist/cdn/components/<tag>.iife.js are small ASCII loaders that import() the code-split ES
// modules beside them (dist/cdn/rd-widgets.js, dist/cdn/components/<tag>.js).
//
// Why: a module script is always decoded as UTF-8, whatever the host page's charset, so the
// widgets read right on a GBK/GB2312 page without escaping every Chinese character as \uXXXX; and
// a classic script that loads modules shares one Lit and one shared layer with the parts loaded
// later (booking form, QR code, results view …), which a self-contained IIFE cannot.
//
// What a loader does, in a classic script, on any page:
// - finds its own address: document.currentScript (set for plain, async, defer and dynamically
//   inserted scripts); when that is null (the text run by other code, a script inside a shadow
//   root), the last <script> of the document whose src ends with its file name, else the address
//   the browser gives its own code in an Error's stack;
// - imports the module entry from the same folder (allowed by `script-src 'self'` and by Trusted
//   Types: import() of a URL is not a Trusted Types sink);
// - the all-in-one loader keeps the classic API synchronous: `RdWidgets.setTransport` and
//   `RdWidgets.setLoader` work at once (they only write the page-wide settings the modules read,
//   window.rdWidgets, as the module's own functions do), `RdWidgets.load` at once (it waits for
//   the module, src/cdn-all.ts, which imports each element's module when its tag is on the page),
//   `RdWidgets.ready` is a promise of the API with every export of the module (the provider and
//   event classes …) once loaded.
// Loading a loader twice imports the same URL twice: the browser evaluates a module once.
// If the modules cannot be loaded (offline, blocked), the elements keep their fallback content and
// the console says which file failed; no exception reaches the page.

/** The text of a loader. `file`: the loader's own name; `entry`: the module, relative to it. */
export function loaderSource({ file, entry, api = false, what }) {
  const name = file.replace(/[.]/g, '\\.');
  const lines = [
    `/*! rd-widgets ${what}: loads ${entry} */`,
    '(function () {',
    "  'use strict';",
    '  var d = document, w = window, me = d.currentScript, src = me && me.src;',
    '  if (!src) {',
    "    var list = d.getElementsByTagName('script');",
    `    for (var i = list.length - 1; i >= 0 && !src; i--) if (/(^|\\/)${name}([?#]|$)/.test(list[i].src)) src = list[i].src;`,
    '  }',
    // Not in the document either (a script inside a shadow root): the address in the stack.
    `  if (!src) try { throw new Error(); } catch (e) { var at = /(https?:[^\\s()'"]*\\/${name}(\\?[^\\s()'":]*)?)/.exec(String(e.stack)); if (at) src = at[1]; }`,
    `  var url = new URL(${JSON.stringify(entry)}, src || d.baseURI).href;`,
    "  var fail = function (e) { if (w.console) console.error('rd-widgets: cannot load ' + url, e); throw e; };",
  ];
  if (api) {
    lines.push(
      "  var R = w.RdWidgets && typeof w.RdWidgets === 'object' ? w.RdWidgets : (w.RdWidgets = {});",
      '  var page = function () { return w.rdWidgets || (w.rdWidgets = {}); };',
      "  var check = function (fn, what) { if (fn !== null && typeof fn !== 'function') throw new TypeError(what + ': expected a function or null'); };",
      // The same as src/services/transport.ts: the modules read window.rdWidgets when they send.
      "  if (!R.setTransport) R.setTransport = function (fn) { check(fn, 'setTransport'); page().transport = fn; w.dispatchEvent(new Event('rd-transport-change')); };",
      "  if (!R.setLoader) R.setLoader = function (fn) { check(fn, 'setLoader'); page().loader = fn; };",
      '  var mod = import(url), ready = mod.then(function (m) { for (var k in m) if (!(k in R)) R[k] = m[k]; return R; }, fail);',
      '  if (!R.ready) R.ready = ready;',
      // The module registers the elements whose tags are in the document; load() is for those it
      // cannot see (inside a shadow root): callable at once too, it waits for the module.
      '  if (!R.load) R.load = function (what) { return mod.then(function (m) { return m.load(what); }); };',
      '  ready.catch(function () {});',
    );
  } else {
    lines.push('  import(url).catch(fail).catch(function () {});');
  }
  lines.push('})();', '');
  const text = lines.join('\n');
  if (/[^\x00-\x7f]/.test(text)) throw new Error(`loader ${file} is not ASCII`);
  return text;
}
