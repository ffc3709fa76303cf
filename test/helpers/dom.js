// Finding and using controls as a person does — by their visible label, role and text, through
// open shadow roots — for the component tests (test/helpers/env.ts re-exports the first three)
// and, sent into the page as source, for the journeys in Firefox ESR and WebKit
// (test/journeys/drivers.mjs installs it as `window.__rd`). Plain JavaScript with no imports and
// no Array.from / reduce / entries / JSON: it runs on hostile pages (Prototype.js replaces those).

/** Types into an input/textarea as a person would (value + input event). */
export function typeInto(el, text) {
  el.focus();
  el.value = text;
  el.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const matches = (s, text) => (typeof text === 'string' ? s.includes(text) : text.test(s));

/** Finds an element in a shadow root by its visible label text. */
export function byLabel(root, text) {
  const labels = [...root.querySelectorAll('label')];
  const label = labels.find((l) => matches(l.textContent ?? '', text));
  if (!label) throw new Error(`No label ${text}`);
  const el = label.htmlFor ? root.getElementById(label.htmlFor) : label.querySelector('input,select,textarea');
  if (!el) throw new Error(`Label ${text} has no control`);
  return el;
}

/** Finds a button by its text. */
export function button(root, text) {
  const b = [...root.querySelectorAll('button')].find((x) => matches(x.textContent ?? '', text));
  if (!b) throw new Error(`No button ${text}`);
  return b;
}

const squash = (s) => (s ?? '').replace(/\s+/g, ' ').trim();

/** Every element under `scope` (an element, a shadow root or the document), through open shadow roots, in document order. */
export function deepAll(scope) {
  const out = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (scope.shadowRoot) walk(scope.shadowRoot);
  walk(scope);
  return out;
}

/** The text a person reads in `scope`, through nested shadow roots (no style or script text). */
export function textOf(scope) {
  const text = (root) => {
    let s = '';
    for (const n of root.childNodes) {
      if (n.nodeType === 3) s += n.textContent;
      else if (n.nodeType === 1 && n.localName !== 'style' && n.localName !== 'script') {
        s += (n.shadowRoot ? text(n.shadowRoot) : '') + text(n);
        if (/^(p|div|li|h\d|dt|dd|tr|label|legend|section|article)$/.test(n.localName)) s += ' ';
      }
    }
    return s;
  };
  return squash((scope.shadowRoot ? text(scope.shadowRoot) + ' ' : '') + text(scope));
}

/** The ARIA role an element has (explicit, else the implicit one of the few elements forms use). */
export function roleOf(el) {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0];
  const tag = el.localName;
  if (tag === 'input') {
    const t = (el.getAttribute('type') || 'text').toLowerCase();
    return { checkbox: 'checkbox', radio: 'radio', search: 'searchbox', number: 'spinbutton', button: 'button', submit: 'button', reset: 'button', hidden: '' }[t] ?? 'textbox';
  }
  if (tag === 'textarea') return 'textbox';
  if (tag === 'select') return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
  if (tag === 'button') return 'button';
  if (tag === 'a') return el.hasAttribute('href') ? 'link' : '';
  if (tag === 'fieldset') return 'group';
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'section') return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : '';
  if (tag === 'form') return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'form' : '';
  return { article: 'article', ul: 'list', ol: 'list', li: 'listitem', nav: 'navigation', dialog: 'dialog', table: 'table', tr: 'row', td: 'cell', th: 'columnheader' }[tag] ?? '';
}

/** The accessible name, as far as these widgets need it: aria-labelledby, aria-label, labels, legend, caption, text. */
export function nameOf(el) {
  const root = el.getRootNode();
  const by = el.getAttribute('aria-labelledby');
  if (by) {
    const parts = [];
    for (const id of by.split(/\s+/)) {
      const ref = root.getElementById ? root.getElementById(id) : null;
      if (ref) parts.push(ref.getAttribute('aria-label') || textOf(ref));
    }
    if (parts.length) return squash(parts.join(' '));
  }
  const label = el.getAttribute('aria-label');
  if (label) return squash(label);
  if (el.labels && el.labels.length) {
    const parts = [];
    for (const l of el.labels) parts.push(textOf(l));
    return squash(parts.join(' '));
  }
  if (el.localName === 'fieldset') {
    const legend = el.querySelector(':scope > legend');
    if (legend) return textOf(legend);
  }
  if (/^(button|a|h[1-6]|option|summary|li|td|th)$/.test(el.localName) || /^(button|link|tab|menuitem|option|heading|cell|listitem)$/.test(roleOf(el))) return textOf(el);
  return squash(el.getAttribute('title') || '');
}

/** Drawn on the page (not display:none, not inside a closed <details> or a hidden ancestor). */
export const visible = (el) => el.getClientRects().length > 0;

const nameMatches = (el, name) => {
  if (name === undefined) return true;
  const n = nameOf(el);
  return typeof name === 'string' ? n === name : name.test(n);
};

/** Every drawn element of `role` named `name` (a string: the whole name; a RegExp) under `scope`. */
export function allByRole(scope, role, name) {
  return deepAll(scope).filter((el) => roleOf(el) === role && visible(el) && nameMatches(el, name));
}

/** The first drawn element of `role` named `name` under `scope`; throws, saying what there is, when none. */
export function getByRole(scope, role, name) {
  const found = allByRole(scope, role, name);
  if (found.length) return found[0];
  const seen = deepAll(scope).filter((el) => roleOf(el) === role).slice(0, 12).map((el) => `"${nameOf(el).slice(0, 40)}"${visible(el) ? '' : ' (hidden)'}`);
  throw new Error(`No ${role} named ${name} (there are: ${seen.join(', ') || 'none'})`);
}

/** The innermost drawn element under `scope` whose own text matches `text` (a string it contains, or a RegExp). */
export function getByText(scope, text) {
  const all = deepAll(scope).filter((el) => el.localName !== 'style' && el.localName !== 'script' && visible(el));
  for (let i = all.length - 1; i >= 0; i--) {
    const t = textOf(all[i]);
    if (matches(t, text)) {
      // The innermost: no child element holds the whole match.
      let inner = true;
      for (const c of all[i].children) if (matches(textOf(c), text)) inner = false;
      if (inner) return all[i];
    }
  }
  throw new Error(`No text ${text}`);
}

// The actions below end after a task: a person's inputs are separate tasks, so the page's
// microtasks (Lit's updates) run between them — several inputs in one task would not.
const task = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A click as the page sees one (scrolled into view first). */
export async function click(el) {
  el.scrollIntoView({ block: 'center' });
  el.focus();
  el.click();
  await task();
}

/** Fills a text control: focus, value, `input` and `change` (as leaving the field does). */
export async function fill(el, text) {
  el.scrollIntoView({ block: 'center' });
  typeInto(el, text);
  el.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await task();
}

/** Chooses the option whose text is `label` in a <select>. */
export async function choose(select, label) {
  const option = [...select.options].find((o) => squash(o.textContent) === label);
  if (!option) throw new Error(`No option ${label} (there are: ${[...select.options].map((o) => squash(o.textContent)).join(', ')})`);
  select.focus();
  select.value = option.value;
  select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await task();
}

/** Ticks a checkbox or radio that is not ticked yet (by clicking it). */
export async function check(el) {
  if (!el.checked) await click(el);
  if (!el.checked) throw new Error(`${nameOf(el)} stays unticked`);
}

/**
 * Polls `fn` until it returns a truthy value, and returns it; after `timeout` ms throws with the
 * last error and `what` (a string, or a function called then, e.g. to say what is on screen).
 */
export async function waitFor(fn, timeout = 10_000, what = 'condition') {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try { const v = fn(); if (v) return v; } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`Timed out waiting for ${typeof what === 'function' ? what() : what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
