// Small helpers shared by the end-to-end files.
import { AXE_OPTIONS } from '../helpers/axe-options.js';

const AXE = 'node_modules/axe-core/axe.min.js';

/** Polls `fn` until it returns a truthy value (or throws after `timeout` ms). */
export async function until(fn, { timeout = 8000, interval = 50, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try { last = await fn(); if (last) return last; } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`timed out waiting for ${message}${last instanceof Error ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** GET helper against the receiver. */
export async function getJson(url) {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.json();
}

/** The deepest focused element (through open shadow roots), described for assertions. */
export function deepActive(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a?.shadowRoot?.activeElement) a = a.shadowRoot.activeElement;
    if (!a) return null;
    const label = a.getAttribute('aria-label') || (a.labels?.[0]?.textContent ?? '') || a.textContent || '';
    return { tag: a.tagName.toLowerCase(), type: a.getAttribute('type'), role: a.getAttribute('role'), text: label.replace(/\s+/g, ' ').trim().slice(0, 120), id: a.id };
  });
}

/**
 * Serious and critical axe violations (WCAG 2.2 AA, the suite's options in
 * test/helpers/axe-options.js) on the page, or inside `scope` (a host selector).
 */
export async function axe(page, scope) {
  if (!(await page.evaluate(() => !!window.axe))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async ([scope, options]) => {
    const r = await window.axe.run(scope ? { include: [[scope]] } : document, options);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 4).map((n) => `${JSON.stringify(n.target)}: ${n.failureSummary.split('\n').slice(1, 3).join(' ').trim()}`) }));
  }, [scope, AXE_OPTIONS]);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

// The all-in-one script (src/cdn-all.ts) defines each element when its module arrives, after the
// page's load event: a widget not yet defined is still to come.

/** Every widget on the page is defined and has drawn something in its shadow root. */
export async function widgetsRendered(page) {
  await until(() => page.evaluate(() => [...document.querySelectorAll('rd-legislation-feedback, rd-deputy-card, rd-satisfaction-survey, rd-station-map, rd-receipt-lookup')]
    .every((el) => customElements.get(el.localName) && (el.shadowRoot?.textContent.trim().length ?? 0) > 0)), { message: 'widgets rendered' });
}

/** Every widget of `hosts` (a selector) on the page has rendered its content, not only a progress indicator. */
export async function widgetsSettled(page, hosts, minText = 0) {
  const waiting = () => page.evaluate(([hosts, minText]) => [...document.querySelectorAll(hosts)]
    .filter((el) => !customElements.get(el.localName) || el.getClientRects().length)
    .filter((el) => !(customElements.get(el.localName) && (el.shadowRoot?.textContent.trim().length ?? 0) > minText && !el.shadowRoot.querySelector('[role="progressbar"], .rd-spinner')))
    .map((el) => `<${el.localName}${el.id ? `#${el.id}` : ''}>`), [hosts, minText]);
  let last = [];
  // A long draft on a busy machine takes a while: a generous limit, and which widget held it up.
  await until(async () => (last = await waiting()).length === 0, { timeout: 30_000, message: 'widgets rendered' }).catch((e) => { throw new Error(`${e.message}; still loading: ${last.join(', ')}`); });
  await page.waitForTimeout(300);
}

/**
 * <rd-legislation-feedback>: everything of the comment form besides the comment buttons is its
 * form half, loaded as the citizen scrolls near it (README "Figures"). Scrolls there, as they do,
 * and waits for it (`w`: a locator of the element).
 */
export async function lfFormShown(w) {
  await until(async () => {
    await w.locator('.lf-rest').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    return (await w.locator('.lf-rest .lf-block').count()) > 0;
  }, { timeout: 15_000, interval: 200, message: 'the comment form (its form half)' });
}
