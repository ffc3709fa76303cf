// Host fidelity (issue 12), in real Chromium: what a widget looks like must not depend on the
// portal page around it. Text keeps the widget's own size whatever the page sets on `*` (old CMS
// article templates: `.content * { font-size: 12px }`); map clusters never cover each other. That
// every demo variant fits its host is host-width.test.mjs (two files run side by side).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startHarness } from './harness.mjs';
import { until, widgetsSettled } from './util.mjs';

const TAGS = ['rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map', 'rd-receipt-lookup'];
const HOSTS = TAGS.join(', ');
let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });

// ---------------------------------------------------------------------------------------------
// 1. Text size: a page rule on `*` reaches the host element itself.

/** One of each widget in a CMS article body (`.content`), `mode` = '' | 'large' | 'kiosk'. */
function articlePage(css, mode) {
  const m = mode ? ` ${mode}` : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>文章页</title>
<style id="page-css">body { font: 14px/1.5 sans-serif; } ${css}</style>
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
const sessions = new Map();
after(async () => { for (const s of sessions.values()) await (await s).context.close(); });
/** One article page per mode, loaded once: each rule is then put into the page's own style sheet. */
function session(mode) {
  if (!sessions.has(mode)) {
    sessions.set(mode, (async () => {
      const { page, errors, context } = await h.newPage();
      const name = `host-article-${pages++}.html`;
      await h.servePage(page, `fixtures/${name}`, articlePage('', mode));
      await page.goto(`${h.base}/fixtures/${name}`);
      await widgetsSettled(page, HOSTS, 60);
      return { page, errors, context };
    })());
  }
  return sessions.get(mode);
}

/** Font sizes of each widget under the page rule `css`: its host, and every visible text-bearing element in document order. */
async function fontSizes(css, mode) {
  const { page, errors } = await session(mode);
  const out = await page.evaluate(async ([tags, css]) => {
    document.getElementById('page-css').textContent = `body { font: 14px/1.5 sans-serif; } ${css}`;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return Object.fromEntries(tags.map((tag) => {
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
    }));
  }, [TAGS, css]);
  assert.deepEqual(errors, []);
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
