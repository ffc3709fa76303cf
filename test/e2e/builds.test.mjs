// The published builds as a webmaster uses them: the classic IIFE script without type="module",
// code-split ESM, and the map engine fetched only when a map is shown — from the folder the
// script itself was loaded from.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

const vendorRequests = (page) => {
  const seen = [];
  page.on('request', (r) => { if (/\/dist\/vendor\//.test(r.url())) seen.push(new URL(r.url()).pathname); });
  return seen;
};

test('IIFE: widgets work from a classic script; no map engine until the map is opened', async () => {
  const { page, errors, context } = await h.newPage();
  const seen = vendorRequests(page);
  await page.goto(`${h.base}/fixtures/iife-map.html`);
  await page.waitForFunction(() => !!customElements.get('rd-station-map') && typeof window.RdWidgets === 'object');
  const map = page.locator('rd-station-map');
  await map.getByRole('list').first().waitFor();
  assert.deepEqual(seen, [], 'nothing from dist/vendor before a map is shown');
  await page.evaluate(() => { document.querySelector('rd-station-map').mapOpen = true; });
  await page.waitForFunction(() => document.querySelector('rd-station-map').shadowRoot.querySelector('.leaflet-container, [data-map-fallback], svg'));
  await page.waitForTimeout(300);
  assert.ok(seen.includes('/dist/vendor/leaflet.js'), `leaflet loaded from the IIFE's folder (saw ${seen.join(', ')})`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('ESM: the all-in-one module registers every element and exports the typed events', async () => {
  const { page, errors, context } = await h.newPage();
  const seen = vendorRequests(page);
  await page.goto(`${h.base}/`);
  const tags = await page.evaluate(async () => {
    const mod = await import('/dist/rd-widgets.js');
    return {
      tags: ['rd-provider', 'rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map'].filter((t) => !!customElements.get(t)),
      events: Object.keys(mod).filter((k) => k.endsWith('Event')).sort(),
    };
  });
  assert.deepEqual(tags.tags, ['rd-provider', 'rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map']);
  for (const e of ['RdReadyEvent', 'RdSubmitEvent', 'RdSubmittedEvent', 'RdQueuedEvent', 'RdSubmitErrorEvent', 'RdDraftSavedEvent', 'RdDraftRestoredEvent']) assert.ok(tags.events.includes(e), e);
  assert.deepEqual(seen, [], 'importing the bundle fetches no map engine');
  assert.deepEqual(errors, []);
  await context.close();
});
