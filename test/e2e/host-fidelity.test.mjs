// Host fidelity (issue 12), in real Chromium: what a widget looks like must not depend on the
// portal page around it. Text keeps the widget's own size whatever the page sets on `*` (old CMS
// article templates: `.content * { font-size: 12px }`); every demo variant fits its host down to a
// 200 px side column and a 320 px phone (WeChat's browser); map clusters never cover each other.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startHarness } from './harness.mjs';
import { until } from './util.mjs';

const TAGS = ['rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map', 'rd-receipt-lookup'];
const HOSTS = TAGS.join(', ');
let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

/** Every widget on the page has rendered its content (not only a progress indicator). */
async function settled(page, minText = 0) {
  const waiting = () => page.evaluate(([hosts, minText]) => [...document.querySelectorAll(hosts)]
    .filter((el) => customElements.get(el.localName) && el.getClientRects().length)
    .filter((el) => !((el.shadowRoot?.textContent.trim().length ?? 0) > minText && !el.shadowRoot.querySelector('[role="progressbar"], .rd-spinner')))
    .map((el) => `<${el.localName}${el.id ? `#${el.id}` : ''}>`), [HOSTS, minText]);
  let last = [];
  // A long draft on a busy machine takes a while: a generous limit, and which widget held it up.
  await until(async () => (last = await waiting()).length === 0, { timeout: 30_000, message: 'widgets rendered' }).catch((e) => { throw new Error(`${e.message}; still loading: ${last.join(', ')}`); });
  await page.waitForTimeout(300);
}

// ---------------------------------------------------------------------------------------------
// 1. Text size: a page rule on `*` reaches the host element itself.

/** One of each widget in a CMS article body (`.content`), `mode` = '' | 'large' | 'kiosk'. */
function articlePage(css, mode) {
  const m = mode ? ` ${mode}` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>文章页</title>
<style>body { font: 14px/1.5 sans-serif; } ${css}</style>
<script type="module" src="/dist/cdn/rd-widgets.js"></script></head>
<body><div class="content"><p>正文</p><rd-provider endpoint="/api">
<rd-legislation-feedback draft-id="2026-yq-01" deep-link="off" drafts="off"${m}></rd-legislation-feedback>
<rd-deputy-card deputy-id="dep-001" view="full"${m}></rd-deputy-card>
<rd-satisfaction-survey survey-id="2026-jybl-myd" drafts="off"${m}></rd-satisfaction-survey>
<rd-station-map no-map${m}></rd-station-map>
<rd-receipt-lookup${m}></rd-receipt-lookup>
</rd-provider></div></body></html>`;
}

let pages = 0;
/** Font sizes of each widget: its host, and every visible text-bearing element in document order. */
async function fontSizes(css, mode) {
  const { page, errors, context } = await h.newPage();
  const name = `host-article-${pages++}.html`;
  await page.route(`${h.base}/fixtures/${name}`, (route) => route.fulfill({ status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: articlePage(css, mode) }));
  await page.goto(`${h.base}/fixtures/${name}`);
  await settled(page, 60);
  const out = await page.evaluate((tags) => Object.fromEntries(tags.map((tag) => {
    const host = document.querySelector(tag);
    const text = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) walk(el.shadowRoot);
        if (!el.getClientRects().length || el.closest('.rd-visually-hidden, [aria-hidden="true"]')) continue;
        const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
        if (own || el.matches('input:not([type=checkbox]):not([type=radio]), textarea, select')) text.push([`${el.localName} "${(el.textContent || '').trim().slice(0, 12)}"`, parseFloat(getComputedStyle(el).fontSize)]);
      }
    };
    walk(host.shadowRoot);
    return [tag, { host: parseFloat(getComputedStyle(host).fontSize), text }];
  })), TAGS);
  assert.deepEqual(errors, []);
  await context.close();
  return out;
}

/** The size most text of a widget has. */
const commonest = (text) => {
  const n = new Map();
  for (const [, fs] of text) n.set(fs, (n.get(fs) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0][0];
};

for (const [mode, size] of [['', 16], ['large', 20], ['kiosk', 20]]) {
  test(`a page rule '.content * { font-size: 12px }' (and !important) leaves every widget's text at its own size${mode ? ` (${mode})` : ''}: ${size} px`, async () => {
    const neutral = await fontSizes('', mode);
    for (const tag of TAGS) {
      assert.equal(neutral[tag].host, size, `${tag} on a neutral page`);
      assert.ok(neutral[tag].text.length > 5, `${tag}: text found`);
    }
    for (const rule of ['.content * { font-size: 12px; }', '.content * { font-size: 12px !important; }']) {
      const hostile = await fontSizes(rule, mode);
      for (const tag of TAGS) {
        assert.equal(hostile[tag].host, size, `${tag} host under "${rule}"`);
        // Every label, paragraph and control has the size it has on a neutral page.
        assert.deepEqual(hostile[tag].text, neutral[tag].text, `${tag} text under "${rule}"`);
      }
    }
  });
}

test('integrators still size the text with the tokens --rd-font-size and --rd-font-size-large, even under a `* { font-size }` rule', async () => {
  const tokens = `${HOSTS} { --rd-font-size: 18px; --rd-font-size-large: 24px; }`;
  for (const [mode, base, size] of [['', 16, 18], ['large', 20, 24]]) {
    const neutral = await fontSizes('', mode);
    const m = await fontSizes(`.content * { font-size: 12px !important; } ${tokens}`, mode);
    for (const tag of TAGS) {
      assert.equal(m[tag].host, size, `${tag} host${mode ? ` (${mode})` : ''}`);
      // The text grows with the token: its commonest size scales from the neutral page's.
      assert.ok(Math.abs(commonest(m[tag].text) - (commonest(neutral[tag].text) * size) / base) < 0.5, `${tag}: text ${commonest(m[tag].text)} px with the token, ${commonest(neutral[tag].text)} px without${mode ? ` (${mode})` : ''}`);
    }
  }
});

// ---------------------------------------------------------------------------------------------
// 2. Width: nothing inside a widget reaches past its host, at 320 px and in a 200 px side column.

/**
 * Per visible widget host: descendants (through open shadow roots: sub-widgets included) whose box
 * reaches past the host's left or right edge, and a host that scrolls sideways. What sits inside
 * a scroll container of the widget's own (a data table's keyboard-scrollable region) is measured
 * as clipped by it; such a region must be focusable so keyboard users can scroll it.
 */
function overflowing(page) {
  return page.evaluate((hosts) => {
    const found = [];
    const what = (el) => `${el.localName}${el.id ? '#' + el.id : ''}.${String(el.className?.baseVal ?? el.className).trim().split(/\s+/)[0]}`;
    for (const host of document.querySelectorAll(hosts)) {
      if (!host.getClientRects().length || host.getRootNode() !== document) continue;
      const hr = host.getBoundingClientRect();
      const name = `<${host.localName}${[...host.attributes].filter((a) => /^(id|deputy-id|survey-id|view|directory|large|kiosk|heading|results|station-id|src|lang)$/.test(a.name)).map((a) => ` ${a.name}${a.value ? `="${a.value}"` : ''}`).join('')}>`;
      const bad = [];
      if (host.scrollWidth > host.clientWidth + 1) bad.push(`host scrollWidth ${host.scrollWidth} > ${host.clientWidth}`);
      const walk = (root, clip) => {
        for (const el of root.children ? [...root.children] : []) {
          const cs = getComputedStyle(el);
          const shown = el.getClientRects().length > 0 && !el.closest('.rd-visually-hidden, .rd-honeypot');
          let inner = clip;
          if (shown) {
            const r = el.getBoundingClientRect();
            const left = Math.max(r.left, clip.left);
            const right = Math.min(r.right, clip.right);
            if (r.width > 0 && right > left && (right > hr.right + 1 || left < hr.left - 1)) bad.push(`${what(el)} spans ${Math.round(left - hr.left)}…${Math.round(right - hr.left)} of ${Math.round(hr.width)}`);
            if (cs.overflowX !== 'visible') {
              // The map's panes are Leaflet's own clipped canvas, not content.
              if (el.scrollWidth > el.clientWidth + 1 && !el.classList.contains('leaflet-container') && el.tabIndex < 0) bad.push(`${what(el)} scrolls sideways (${el.scrollWidth} > ${el.clientWidth}) and is not focusable`);
              inner = { left: Math.max(clip.left, r.left), right: Math.min(clip.right, r.right) };
            }
          }
          if (el.classList.contains('leaflet-pane') || el.classList.contains('leaflet-control-container')) continue;
          if (el.shadowRoot) walk(el.shadowRoot, inner);
          walk(el, inner);
        }
      };
      walk(host.shadowRoot, { left: -Infinity, right: Infinity });
      if (bad.length) found.push(`${name} (${Math.round(hr.width)} px): ${[...new Set(bad)].slice(0, 5).join('; ')}${bad.length > 5 ? ` … (${bad.length})` : ''}`);
    }
    return { vw: document.documentElement.clientWidth, sw: document.documentElement.scrollWidth, found };
  }, HOSTS);
}

/** Opens what a citizen opens on each demo page (forms, sub-widgets), so those are measured too. */
const OPEN = {
  'rd-receipt-lookup': async (page) => {
    const w = page.locator('#lookup-main');
    await w.getByRole('button', { name: '查询', exact: true }).click();
    await w.locator('[part~="error-summary"]').first().waitFor();
    await w.getByRole('textbox', { name: /^编号/ }).fill('FK-2026-000123');
    await w.getByRole('textbox', { name: /^查询码/ }).fill('7KQM-X4PB');
    await w.getByRole('button', { name: '查询', exact: true }).click();
    await w.locator('[data-rl-outcome]').waitFor();
  },
  'rd-legislation-feedback': async (page) => {
    const w = page.locator('#lf-default');
    await w.getByRole('button', { name: '对第三条提意见' }).click();
    await w.getByRole('button', { name: '提交意见' }).click();
    await w.locator('[part~="error-summary"]').first().waitFor();
  },
  'rd-deputy-card': async (page) => {
    const w = page.locator('rd-deputy-card[deputy-id="dep-047"]');
    await w.getByRole('button', { name: '给代表留言' }).click();
    await w.getByRole('button', { name: '提交留言' }).click();
    await w.locator('[part~="error-summary"]').first().waitFor();
    const d = page.locator('#directory rd-deputy-card');
    await d.getByRole('searchbox', { name: /^搜索代表/ }).fill('dxl');
    await d.getByRole('button', { name: /董晓丽/ }).first().click();
    await d.getByRole('button', { name: '给代表留言' }).waitFor();
  },
  'rd-satisfaction-survey': async (page) => {
    const w = page.locator('#sv-jybl');
    await w.getByRole('textbox', { name: /^测评码/ }).fill('E2E-JYBL-010');
    await w.getByRole('textbox', { name: /^姓名/ }).fill('陈某某');
    await w.getByRole('button', { name: '开始填写' }).click();
    await w.getByRole('button', { name: '下一页' }).click();
    await w.locator('[part~="error-summary"]').first().waitFor();
  },
  'rd-station-map': async (page) => {
    const w = page.locator('#map-default');
    await w.getByRole('searchbox', { name: '搜索站点' }).fill('dgjd');
    await w.getByRole('list', { name: '站点列表' }).getByRole('button').first().click();
    await w.getByRole('button', { name: '预约接访' }).click();
    const form = w.locator('rd-appointment-form');
    await form.getByRole('button', { name: '提交预约' }).click();
    await form.locator('[part~="error-summary"]').first().waitFor();
  },
};

// A side column of a desktop page: narrow widgets while the viewport (and its media queries) is wide.
const SIDE_COLUMN = `${HOSTS} { width: 200px !important; }`;
for (const demo of TAGS.filter((d) => existsSync(`demo/${d}.html`))) {
  for (const [label, width, css] of [['at 320 px (WeChat)', 320, ''], ['in a 200 px side column at 320 px', 320, SIDE_COLUMN], ['in a 200 px side column at 1280 px', 1280, SIDE_COLUMN]]) {
    test(`fits: every widget on ${demo}.html ${label}, as loaded and with its forms open, stays inside its host; no horizontal scrollbar`, async () => {
      const { page, errors, context } = await h.newPage({ viewport: { width, height: 700 } });
      await page.goto(`${h.base}/${demo}.html`);
      if (css) await page.addStyleTag({ content: css });
      await settled(page);
      const loaded = await overflowing(page);
      assert.deepEqual(loaded.found, [], 'as loaded');
      assert.ok(loaded.sw <= loaded.vw, `page scrollWidth ${loaded.sw} > ${loaded.vw}`);
      await OPEN[demo](page);
      await page.waitForTimeout(200);
      const opened = await overflowing(page);
      assert.deepEqual(opened.found, [], 'with forms open');
      assert.ok(opened.sw <= opened.vw, `page scrollWidth ${opened.sw} > ${opened.vw} with forms open`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Map clusters: no marker covers another, at any zoom (WCAG 2.2 target size).

/** Rectangles of the map's markers once they have stopped moving, and whether zooming is possible. */
async function markerRects(map) {
  let last = '';
  return until(async () => {
    const now = await map.evaluate((el) => {
      const root = el.shadowRoot;
      if (root.querySelector('.leaflet-zoom-anim, .leaflet-zoom-animated.leaflet-zoom-anim')) return null;
      return JSON.stringify([...root.querySelectorAll('.leaflet-marker-icon')].map((m) => {
        const r = m.getBoundingClientRect();
        return { what: `${m.classList.contains('rd-cluster') ? 'cluster' : 'station'} "${m.getAttribute('title')}"`, l: r.left, t: r.top, r: r.right, b: r.bottom };
      }));
    });
    const stable = now && now === last;
    last = now;
    return stable ? JSON.parse(now) : null;
  }, { message: 'markers settled', interval: 150 });
}

function overlaps(rects) {
  const out = [];
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const a = rects[i], b = rects[j];
      const w = Math.min(a.r, b.r) - Math.max(a.l, b.l);
      const hh = Math.min(a.b, b.b) - Math.max(a.t, b.t);
      if (w > 0.5 && hh > 0.5) out.push(`${a.what} and ${b.what} share ${Math.round(w)}×${Math.round(hh)} px`);
    }
  }
  return out;
}

test('station map: no cluster or station marker covers another, at every zoom from the whole county to the streets', async (t) => {
  const { page, errors, context } = await h.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${h.base}/rd-station-map.html`);
  const map = page.locator('#map-default');
  await until(() => map.evaluate((el) => el.mapMarkers && el.mapMarkers.clusters + el.mapMarkers.stations > 0), { message: 'markers drawn' });
  const zoomIn = map.getByRole('button', { name: '放大' });
  const zoomOut = map.getByRole('button', { name: '缩小' });
  const found = [];
  const seen = [];
  const check = async (step) => {
    const rects = await markerRects(map);
    const clusters = rects.filter((r) => r.what.startsWith('cluster')).length;
    seen.push(`${step}: ${clusters} clusters, ${rects.length - clusters} stations`);
    found.push(...overlaps(rects).map((o) => `${step}: ${o}`));
  };
  await check('fitted');
  for (let i = 1; i <= 3; i++) { await zoomOut.click(); await check(`out ${i}`); }
  for (let i = 1; i <= 9; i++) { await zoomIn.click(); await check(`in ${i - 3}`); }
  t.diagnostic(seen.join('; '));
  assert.ok(seen.some((s) => !/: 0 clusters/.test(s)), 'some zoom shows clusters');
  assert.deepEqual(found.slice(0, 10), [], `${found.length} overlaps`);
  assert.deepEqual(errors, []);
  await context.close();
});
