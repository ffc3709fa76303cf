// The demo portal as a visitor meets it: the home page, its links, the API description.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

test('the portal home page links to every widget demo and loads without errors', async () => {
  const { page, errors, context } = await h.newPage();
  await page.goto(`${h.base}/`);
  for (const name of ['rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map', 'rd-receipt-lookup']) {
    assert.ok(await page.locator(`a[href$="${name}.html"]`).count(), `link to ${name}`);
  }
  const openapi = await (await fetch(`${h.base}/dist/openapi.json`)).json();
  assert.equal(openapi.openapi, '3.1.0');
  assert.deepEqual(errors, []);
  await context.close();
});
