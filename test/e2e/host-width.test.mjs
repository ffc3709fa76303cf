// Host fidelity (issue 12), in real Chromium, the widths: every demo variant, as loaded and with
// its forms open, fits its host at 320 px (WeChat's browser) and in a 200 px side column, with no
// horizontal scrollbar. Text size under hostile page CSS and map clusters: host-fidelity.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { startHarness } from './harness.mjs';
import { widgetsSettled } from './util.mjs';

const TAGS = ['rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map', 'rd-receipt-lookup'];
const HOSTS = TAGS.join(', ');
let h;
before(async () => { h = await startHarness(); });
after(async () => { await h?.close(); });
const settled = (page) => widgetsSettled(page, HOSTS);

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
  // One page per demo, looked at in the three layouts as loaded and again with its forms open
  // (the layouts are switched on the same page: the forms' state stays, the cost of loading and
  // opening is paid once).
  test(`fits: every widget on ${demo}.html at 320 px (WeChat) and in a 200 px side column at 320 and 1280 px, as loaded and with its forms open, stays inside its host; no horizontal scrollbar`, async () => {
    const { page, errors, context } = await h.newPage({ viewport: { width: 320, height: 700 } });
    await page.goto(`${h.base}/${demo}.html`);
    await settled(page);
    let column = null;
    const layouts = {
      'at 320 px': async () => { await column?.evaluate((el) => el.remove()); column = null; await page.setViewportSize({ width: 320, height: 700 }); },
      'in a 200 px side column at 320 px': async () => { column ??= await page.addStyleTag({ content: SIDE_COLUMN }); await page.setViewportSize({ width: 320, height: 700 }); },
      'in a 200 px side column at 1280 px': async () => { column ??= await page.addStyleTag({ content: SIDE_COLUMN }); await page.setViewportSize({ width: 1280, height: 700 }); },
    };
    const check = async (state, order) => {
      for (const name of order) {
        await layouts[name]();
        await page.waitForTimeout(150);
        const o = await overflowing(page);
        assert.deepEqual(o.found, [], `${state}, ${name}`);
        assert.ok(o.sw <= o.vw, `page scrollWidth ${o.sw} > ${o.vw} (${state}, ${name})`);
      }
    };
    const names = Object.keys(layouts);
    await check('as loaded', names);
    await OPEN[demo](page);
    await page.waitForTimeout(200);
    await check('with forms open', [...names].reverse());
    assert.deepEqual(errors, []);
    await context.close();
  });
}
