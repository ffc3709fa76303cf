// Docs a webmaster can paste from (README "Two distributions"): the element reference generated
// from the manifest (demo/elements.html) and the "复制代码" helper (demo/copy-code.js) on every
// demo page — the snippet it copies carries the build's integrity hash and crossorigin, and works
// when pasted into a page as it is.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { startHarness } from './harness.mjs';

let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const decls = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.customElement && d.tagName);
const sha384 = (file) => `sha384-${createHash('sha384').update(readFileSync(file)).digest('base64')}`;
/** Clipboard writes recorded (and, with `refuse`, refused as a browser without permission does). */
const recordClipboard = (refuse = false) => `window.__copied = []; Object.defineProperty(navigator, 'clipboard', { value: { writeText: (t) => { window.__copied.push(t); return ${refuse ? "Promise.reject(new DOMException('denied', 'NotAllowedError'))" : 'Promise.resolve()'}; } } });`;

test('the build writes dist/cdn/sri.json: the sha384 of every CDN script', () => {
  const sri = JSON.parse(readFileSync('dist/cdn/sri.json', 'utf8'));
  for (const f of ['rd-widgets.iife.js', 'rd-widgets.js', 'components/rd-deputy-card.iife.js']) assert.equal(sri[f], sha384(`dist/cdn/${f}`), f);
  const all = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? all(`${d}/${e.name}`) : [`${d}/${e.name}`]));
  assert.deepEqual(Object.keys(sri).sort(), all('dist/cdn').filter((f) => f.endsWith('.js')).map((f) => f.slice('dist/cdn/'.length)).sort());
});

test('every demo page loads the copy helper; the index links the element reference', () => {
  for (const f of readdirSync('demo').filter((x) => x.endsWith('.html'))) assert.match(readFileSync(`demo/${f}`, 'utf8'), /<script src="\/copy-code\.js"><\/script>\s*<\/body>/, f);
  assert.match(readFileSync('demo/index.html', 'utf8'), /<a href="elements\.html">/);
});

test('element reference: every element of the manifest with its attributes, properties, events, parts and tokens, and a live example', async () => {
  const { page, errors, context } = await h.newPage();
  await page.goto(`${h.base}/`);
  await page.getByRole('link', { name: '组件参考与嵌入代码' }).click();
  await page.waitForURL(/elements\.html$/);
  await page.getByRole('status').filter({ hasText: `共 ${decls.length} 个组件` }).waitFor();
  for (const d of decls) {
    const s = page.locator(`section#${d.tagName}`);
    await s.getByRole('heading', { name: `<${d.tagName}>` }).waitFor();
    // Each row: its name (the row header), then its cells.
    const rows = (ref) => s.locator(`table[data-ref="${ref}"] tbody tr:not(:has(.ref-none))`).evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim()).join('\t')));
    const attrs = await rows('attributes');
    assert.deepEqual(attrs.map((r) => r.split('\t')[0]), (d.attributes ?? []).map((a) => a.name), `${d.tagName} attributes`);
    const events = await rows('events');
    assert.deepEqual(events.map((r) => r.split('\t')[0]), (d.events ?? []).map((e) => e.name), `${d.tagName} events`);
    for (const e of d.events ?? []) assert.ok(events.some((r) => r.includes(e.detail.text)), `${d.tagName} ${e.name} detail type shown`);
    assert.deepEqual((await rows('parts')).map((r) => r.split('\t')[0]), (d.cssParts ?? []).map((p) => p.name), `${d.tagName} parts`);
    assert.deepEqual((await rows('tokens')).map((r) => r.split('\t')[0]), (d.cssProperties ?? []).map((p) => p.name), `${d.tagName} tokens`);
    if (d.tagName === 'rd-station-map') assert.ok((await rows('properties')).some((r) => r.startsWith('geocode')), 'property-only members listed');
    // The live example: upgraded and rendered.
    await page.waitForFunction((tag) => {
      const el = document.querySelector(`[data-example="${tag}"] ${tag}`);
      return !!el && !!customElements.get(tag) && !!el.shadowRoot && el.shadowRoot.childElementCount > 0;
    }, d.tagName);
    assert.equal(await s.getByRole('button', { name: `复制代码：<${d.tagName}>` }).count(), 1, `${d.tagName}: a copy button named after its element`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('复制代码 on a widget page: the script tag with the build\'s integrity hash and crossorigin, then the markup; pasted as is, it works', async () => {
  const { page, errors, context } = await h.newPage();
  await context.addInitScript(recordClipboard());
  await page.goto(`${h.base}/rd-deputy-card.html`);
  const section = page.locator('section#compact');
  const button = section.getByRole('button', { name: /^复制代码：简要名片/ });
  await page.waitForFunction(() => [...document.querySelectorAll('.copy-code button')].every((b) => !b.disabled));
  await button.click();
  await section.getByRole('status').filter({ hasText: '已复制到剪贴板' }).waitFor();
  const [text] = await page.evaluate(() => window.__copied);
  const src = `${h.base}/dist/cdn/components/rd-deputy-card.iife.js`;
  assert.ok(text.startsWith(`<script src="${src}" defer integrity="${sha384('dist/cdn/components/rd-deputy-card.iife.js')}" crossorigin="anonymous"></script>\n\n`), text);
  assert.match(text, /<rd-deputy-card endpoint="\/api" deputy-id="dep-046" reply-window="一个月内"><\/rd-deputy-card>/);
  assert.doesNotMatch(text, /<!---->|shadowroot/, 'authored markup, not the rendered one');
  // The snippet on a page of its own: the browser checks the hash and runs the script.
  await h.servePage(page, 'pasted.html', `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>t</title></head><body><main><h1>t</h1>\n${text}</main></body></html>`);
  await page.goto(`${h.base}/pasted.html`);
  await page.locator('rd-deputy-card[deputy-id="dep-046"]').getByRole('heading').first().waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('复制代码 where the browser refuses the clipboard: the code is shown, selected, and the status says how to copy', async () => {
  const { page, context } = await h.newPage();
  await context.addInitScript(recordClipboard(true));
  await page.goto(`${h.base}/`);
  const section = page.locator('[data-copy-code]');
  await page.waitForFunction(() => !document.querySelector('.copy-code button').disabled);
  await section.getByRole('button', { name: /^复制代码/ }).click();
  await section.getByRole('status').filter({ hasText: '请按 Ctrl+C' }).waitFor();
  const shown = await section.locator('pre code').innerText();
  assert.match(shown, new RegExp(`^<script src="${h.base}/dist/cdn/rd-widgets\\.iife\\.js" defer integrity="sha384-[A-Za-z0-9+/=]{64}" crossorigin="anonymous"></script>`));
  assert.ok((await page.evaluate(() => String(window.getSelection()))).includes('integrity="sha384-'), 'the code is selected');
  await context.close();
});
