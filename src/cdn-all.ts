// The CDN's all-in-one entry, dist/cdn/rd-widgets.js (and the classic rd-widgets.iife.js that loads
// it; README "Two distributions"). The same API as the npm entry (src/index.ts), but it registers
// only <rd-provider> at once: every other element's registration module — the same file as that
// widget's own entry, dist/cdn/components/<tag>.js, so the two share every chunk — is imported
// when its tag is on the page:
// - at load, for the elements already in the document;
// - afterwards, for elements added to the document (also inside added elements): a
//   MutationObserver, which stops once every element is defined;
// - when asked, with load(): for elements the observer cannot see, inside a shadow root
//   (`load(shadowRoot)` looks there) or not yet in any document (`load('rd-station-map')`).
// A registration module that cannot be fetched is named in the console; its elements keep their
// light-DOM children (the fallback content) and nothing is thrown at the page. A later element of
// that tag, or load(), tries again.
// The npm entry keeps registering every element: an app's bundler picks what it imports.
export * from './events/index.js';
export { RdConfigError } from './services/config.js';
export type { RdConfig, ConfigInput } from './services/config.js';
// Any backend (docs/integrating.md): page-wide transport and loader, and their types.
export { setTransport, setLoader } from './services/transport.js';
export type { Transport, TransportRequest, TransportResponse, Loader, LoaderRequest, DataKind } from './services/transport.js';
export { RdProvider } from './components/rd-provider/rd-provider.js';

// Each element's registration module (src/index.ts imports the same list, statically).
const ELEMENTS: Record<string, () => Promise<unknown>> = {
  'rd-deputy-card': () => import('./components/rd-deputy-card/rd-deputy-card.js'),
  'rd-legislation-feedback': () => import('./components/rd-legislation-feedback/rd-legislation-feedback.js'),
  'rd-station-map': () => import('./components/rd-station-map/rd-station-map.js'),
  'rd-appointment-form': () => import('./components/rd-appointment-form/rd-appointment-form.js'),
  'rd-satisfaction-survey': () => import('./components/rd-satisfaction-survey/rd-satisfaction-survey.js'),
  'rd-receipt-lookup': () => import('./components/rd-receipt-lookup/rd-receipt-lookup.js'),
};
const TAGS = Object.keys(ELEMENTS);
const loading = new Map<string, Promise<void>>();

function register(tag: string): Promise<void> {
  let p = loading.get(tag);
  if (p) return p;
  p = customElements.get(tag)
    ? Promise.resolve()
    : ELEMENTS[tag]().then(
        () => undefined,
        (e: unknown) => {
          loading.delete(tag);
          // The file beside this entry that Rollup made of that registration module.
          console.error(`rd-widgets: cannot load <${tag}> from ${new URL(`./components/${tag}.js`, import.meta.url).href}`, e);
          throw e;
        },
      );
  loading.set(tag, p);
  return p;
}

/** The registrations of the undefined elements in `root` (itself included, when an element). */
function discover(root: Node): Promise<void>[] {
  if (!('querySelector' in root)) return [];
  const undefinedTags = TAGS.filter((t) => !customElements.get(t));
  const self = (root as Element).localName;
  // One query for the usual case, an added node that holds none of them.
  if (!undefinedTags.length || (!undefinedTags.includes(self) && !(root as ParentNode).querySelector(undefinedTags.join(',')))) return [];
  return undefinedTags.filter((t) => t === self || (root as ParentNode).querySelector(t)).map(register);
}
const quietly = (ps: Promise<void>[]) => { for (const p of ps) p.catch(() => {}); };

/**
 * Registers an element now: a tag name (`load('rd-station-map')`), or the elements found in a
 * node — a shadow root, an element, a document — which the page-wide watch does not see when the
 * node is inside a shadow root. Resolves once they are defined; rejects (after naming the file
 * in the console) if a registration module cannot be fetched.
 */
export function load(what: string | Node): Promise<void> {
  if (typeof what !== 'string') {
    if (typeof (what as Partial<ParentNode> | null)?.querySelector !== 'function') return Promise.reject(new TypeError('rd-widgets: load() takes a tag name or a node'));
    return Promise.all(discover(what)).then(() => undefined);
  }
  const tag = what.toLowerCase();
  if (tag === 'rd-provider') return Promise.resolve();
  if (!TAGS.includes(tag)) return Promise.reject(new TypeError(`rd-widgets: no element <${tag}>`));
  return register(tag);
}

quietly(discover(document));
if (!TAGS.every((t) => customElements.get(t))) {
  const watch = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) quietly(discover(n));
    if (TAGS.every((t) => customElements.get(t))) watch.disconnect();
  });
  watch.observe(document, { childList: true, subtree: true });
}
