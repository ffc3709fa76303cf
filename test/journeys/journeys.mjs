// The citizen's main paths, end to end, in Firefox ESR and WebKit (Chromium runs the richer
// end-to-end suite in test/e2e/): the real demo pages and fixture pages, served by the real
// reference receiver with its test-only fault injection (test/server/test-receiver.mjs), one
// browser per engine, the journeys one after another in it. Each journey checks what the citizen
// is shown (rendered text, through shadow roots) and what the receiver stored (its export).
//
//   node --test test/journeys/firefox.test.mjs      one engine (webkit.test.mjs: the other)
//
// `npm test` runs both engine files side by side (scripts/test.mjs, runJourneys). Pages are
// driven through test/journeys/drivers.mjs: `d.run(fn, …args)` runs `fn` in the page, where
// `window.__rd` is test/helpers/dom.js (controls found by role and label, as a person finds
// them); `d.type(find, text)` types with the engine's real keyboard (WebDriver key input).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectEngines } from '../../scripts/engines.mjs';
import { startTestReceiver } from '../server/test-receiver.mjs';
import { openDriver } from './drivers.mjs';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** Defines the journeys for one engine (`firefox` or `webkit`); skipped when it is not installed. */
export function journeys(engineId) {
  const engine = detectEngines().find((e) => e.id === engineId);
  const skip = engine ? false : `${engineId} is not installed (scripts/engines.mjs)`;
  let receiver, d, base;
  /** What the journeys hand on: the comment's receipt and lookup code (for the lookup journey). */
  const shared = {};

  before(async () => {
    if (skip) return;
    const dir = mkdtempSync(join(tmpdir(), `rd-journeys-${engineId}-`));
    receiver = await startTestReceiver({
      dbFile: join(dir, 'journeys.sqlite'),
      extraStaticRoots: [{ prefix: '/fixtures/', dir: join(import.meta.dirname, '..', 'fixtures') }],
      pages: {
        // The GB2312 old-CMS page as such servers send it (no charset: the page's <meta> decides),
        // under a strict Content-Security-Policy: the classic script must import its modules.
        '/fixtures/old-cms-gbk-csp.html': () => ({
          body: readFileSync(join(import.meta.dirname, '..', 'fixtures', 'old-cms-gbk.html')),
          headers: { 'Content-Type': 'text/html', 'Content-Security-Policy': STRICT_CSP },
        }),
      },
    });
    base = receiver.url;
    d = await openDriver(engine);
    console.log(`# ${engine.name} ${d.version}`);
  });
  after(async () => {
    await d?.close();
    await receiver?.close();
  });

  /** Stored rows of one type, read back from the receiver's export (as test/e2e does). */
  async function exported(type) {
    const res = await fetch(`${base}/api/export?type=${encodeURIComponent(type)}&format=json`, { headers: { Authorization: `Bearer ${receiver.staffToken}` } });
    if (!res.ok) throw new Error(`export ${type}: HTTP ${res.status}`);
    return (await res.json()).rows;
  }
  async function faults(method, body) {
    const res = await fetch(`${base}/__faults${method === 'DELETE' ? `?route=${encodeURIComponent(body.route)}` : ''}`, {
      method, headers: { 'Content-Type': 'application/json' }, body: method === 'POST' ? JSON.stringify(body) : undefined,
    });
    if (!res.ok) throw new Error(`faults: HTTP ${res.status}`);
  }

  /**
   * Opens `path` on a fresh origin state: drafts, outbox, receipt book and localStorage of earlier
   * journeys are deleted first (from a page without widgets, so no database is held open).
   */
  async function fresh(path) {
    await d.open(`${base}/fixtures/blank.html`);
    await d.run(async () => {
      localStorage.clear();
      const names = (await indexedDB.databases()).map((db) => db.name);
      for (const name of names) {
        await new Promise((resolve, reject) => {
          const req = indexedDB.deleteDatabase(name);
          req.onsuccess = resolve;
          req.onerror = () => reject(req.error);
          req.onblocked = () => reject(new Error(`deleting ${name} is blocked`));
        });
      }
    });
    await d.open(`${base}${path}`);
  }

  /** No uncaught error on the page (Firefox: since it was opened; WebKit: since the helper was installed). */
  async function noPageErrors() {
    assert.deepEqual(await d.errors(), []);
  }

  const opts = { skip };

  test('legislation: a comment on 第十二条 and on the whole draft → the receipt with its lookup code → the stored row', opts, async () => {
    await fresh('/rd-legislation-feedback.html');
    const c12 = '七个工作日太长，网上办理的建议三个工作日内办结。';
    const general = '总体赞成制定本条例，建议施行前留出一年的过渡期。';
    await d.run(async () => {
      const r = window.__rd;
      const w = document.querySelector('#lf-default');
      const art = await r.waitFor(() => r.getByRole(w, 'article', '第十二条'), 30_000, 'article 第十二条');
      await r.click(r.getByRole(art, 'button', '对第十二条提意见'));
      await r.waitFor(() => r.getByRole(art, 'textbox', /^对第十二条的意见/));
    });
    // The comment with the real keyboard; the rest through the page's events.
    await d.type(() => window.__rd.getByRole(window.__rd.getByRole(document.querySelector('#lf-default'), 'article', '第十二条'), 'textbox', /^对第十二条的意见/), c12);
    const shown = await d.run(async (general) => {
      const r = window.__rd;
      const w = document.querySelector('#lf-default');
      await r.fill(r.getByRole(w, 'textbox', /^对草案的总体意见/), general);
      await r.choose(r.getByRole(w, 'combobox', /^身份/), '普通市民');
      // "我的意见" lists what will be sent.
      await r.waitFor(() => r.textOf(r.getByRole(w, 'region', /^我的意见/)).includes('七个工作日太长'), 5000, '我的意见 lists the comment');
      await r.click(r.getByRole(w, 'button', '提交意见'));
      await r.waitFor(() => r.deepAll(w).some((el) => el.matches('[data-rd-lookup-code]')), 20_000, () => `the receipt; the widget shows: …${r.textOf(w).slice(-400)}`);
      const numbers = r.deepAll(w).filter((el) => el.matches('.rd-receipt__number')).map((el) => el.textContent.trim());
      return { text: r.textOf(w), receipt: numbers[0], code: numbers[1] };
    }, general);
    assert.match(shown.receipt, /^FK-\d{4}-\d{6}$/);
    assert.match(shown.code, /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    assert.ok(shown.text.includes(shown.receipt) && shown.text.includes(shown.code), 'receipt and lookup code shown');
    assert.ok(shown.text.includes('查询办理情况'), 'the receipt links to the lookup');
    const rows = await exported('legislation-feedback');
    assert.equal(rows.length, 1);
    const [row] = rows;
    assert.equal(row.receipt, shown.receipt, 'the receipt shown is the stored one');
    assert.equal(row.locale, 'zh-CN');
    assert.match(row.source_url, /rd-legislation-feedback\.html/);
    assert.equal(row.data.draftId, '2026-yq-01');
    assert.equal(row.data.channel, 'online');
    assert.equal(row.data.respondent.identity, 'citizen');
    assert.deepEqual(row.data.comments.map((c) => [c.target.kind, c.target.article ?? null, c.target.paragraph ?? null, c.text]), [
      ['article', '第十二条', null, c12],
      ['general', null, null, general],
    ]);
    Object.assign(shared, { receipt: shown.receipt, code: shown.code, general });
    await noPageErrors();
  });

  test('deputy card: a message to the deputy → the receipt → the stored row', opts, async () => {
    await fresh('/rd-deputy-card.html');
    const subject = '东关街道农贸市场周边停车难';
    const body = '早市时段车辆占道严重，老人买菜要绕行。建议在市场北侧空地设临时停车位。';
    const shown = await d.run(async (subject, body) => {
      const r = window.__rd;
      const w = document.querySelector('rd-deputy-card[deputy-id="dep-047"]');
      await r.click(await r.waitFor(() => r.getByRole(w, 'button', '给代表留言'), 30_000, '给代表留言'));
      const form = await r.waitFor(() => r.getByRole(w, 'form', /^给.+代表留言$/));
      await r.fill(r.getByRole(form, 'textbox', /^留言主题/), subject);
      await r.choose(r.getByRole(form, 'combobox', /^留言类别/), '城乡建设');
      await r.fill(r.getByRole(form, 'textbox', /^留言内容/), body);
      await r.check(r.getByRole(form, 'checkbox', '需要代表答复我'));
      await r.fill(await r.waitFor(() => r.getByRole(form, 'textbox', /^称呼/)), '孙女士');
      await r.fill(r.getByRole(form, 'textbox', '手机或固定电话'), '13900002222');
      await r.check(r.getByRole(form, 'checkbox', /个人信息处理说明/));
      await r.click(r.getByRole(form, 'button', '提交留言'));
      const receipt = await r.waitFor(() => /[A-Z]{2}-\d{4}-\d{6}/.exec(r.textOf(w))?.[0], 20_000, () => `the receipt; the widget shows: …${r.textOf(w).slice(-400)}`);
      return { receipt, text: r.textOf(w) };
    }, subject, body);
    assert.ok(shown.text.includes('一个月内'), `the reply window is shown: ${shown.text.slice(0, 300)}`);
    const rows = await exported('deputy-message');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].receipt, shown.receipt);
    const m = rows[0].data;
    assert.equal(m.deputyId, 'dep-047');
    assert.equal(m.subject, subject);
    assert.equal(m.text, body);
    assert.equal(m.category, 'urban-rural');
    assert.equal(m.wantsReply, true);
    assert.deepEqual(m.contact, { name: '孙女士', phone: '13900002222' });
    assert.ok(m.consent?.version && m.consent?.at, 'consent recorded');
    await noPageErrors();
  });

  test('station map: search "dgjd", open the station, book its next reception → the stored row', opts, async () => {
    await fresh('/rd-station-map.html');
    await d.run(async () => {
      const r = window.__rd;
      const w = document.querySelector('#map-default');
      await r.waitFor(() => /共 \d+ 个站点/.test(r.textOf(w)), 30_000, 'the station list');
    });
    await d.type(() => window.__rd.getByRole(document.querySelector('#map-default'), 'searchbox', '搜索站点'), 'dgjd');
    const topic = '村口路灯损坏三个月，夜间出行不便';
    const shown = await d.run(async (topic) => {
      const r = window.__rd;
      const w = document.querySelector('#map-default');
      await r.waitFor(() => r.textOf(w).includes('共 1 个站点'), 5000, '共 1 个站点');
      const item = r.getByRole(r.getByRole(w, 'list', '站点列表'), 'button', /^东关街道人大代表联络站/);
      const next = /下次接待：(.+?)\s*$/.exec(r.textOf(item))[1].trim();
      await r.click(item);
      const detail = await r.waitFor(() => r.getByRole(w, 'article', '东关街道人大代表联络站'));
      const detailText = r.textOf(detail);
      await r.click(r.getByRole(detail, 'button', '预约接访'));
      const form = await r.waitFor(() => r.deepAll(w).find((el) => el.localName === 'rd-appointment-form' && r.textOf(el).includes('预约接访：东关街道人大代表联络站')));
      await r.check(await r.waitFor(() => r.getByRole(form, 'radio', next)));
      await r.fill(r.getByRole(form, 'textbox', /^要反映的事项/), topic);
      await r.fill(r.getByRole(form, 'spinbutton', /^来访人数/), '2');
      await r.fill(r.getByRole(form, 'textbox', /^姓名/), '钱某某');
      await r.fill(r.getByRole(form, 'textbox', /^联系电话/), '13800001234');
      await r.check(r.getByRole(form, 'checkbox', /个人信息处理说明/));
      await r.click(r.getByRole(form, 'button', '提交预约'));
      const receipt = await r.waitFor(() => /YY-\d{4}-\d{6}/.exec(r.textOf(form))?.[0], 20_000, () => `the receipt; the form shows: …${r.textOf(form).slice(-400)}`);
      return { receipt, next, detailText };
    }, topic);
    assert.ok(shown.detailText.includes(`下次接待：${shown.next}`), 'the station shows its next reception');
    const rows = await exported('appointment');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].receipt, shown.receipt);
    const a = rows[0].data;
    assert.equal(a.stationId, 'st-dongguan');
    assert.equal(a.topic, topic);
    assert.equal(a.people, 2);
    assert.deepEqual(a.contact, { name: '钱某某', phone: '13800001234' });
    assert.equal(a.slot.kind, 'session');
    const [, mo, da] = shown.next.match(/(\d+)月(\d+)日/);
    assert.match(a.slot.start, new RegExp(`-${mo.padStart(2, '0')}-${da.padStart(2, '0')}T`), 'the session booked is the one shown');
    await noPageErrors();
  });

  test('satisfaction survey: 24 ratings and a comment, reviewed, submitted → the stored answers', opts, async () => {
    await fresh('/rd-satisfaction-survey.html');
    const other = '希望办理结果在网站上公开。';
    const shown = await d.run(async (other) => {
      const r = window.__rd;
      const w = document.querySelector('#sv-jybl');
      await r.fill(await r.waitFor(() => r.getByRole(w, 'textbox', /^测评码/), 30_000, '测评码'), 'e2e-jybl-005');
      await r.fill(r.getByRole(w, 'textbox', /^姓名/), '周某某');
      await r.click(r.getByRole(w, 'button', '开始填写'));
      const subjects = await r.waitFor(() => { const g = r.allByRole(w, 'group', /^关于.+的建议$/); return g.length === 4 && g; });
      for (const s of subjects) {
        for (const dim of r.allByRole(s, 'group').filter((g) => g !== s)) {
          const satisfied = r.allByRole(dim, 'radio', '满意');
          // The last subject's 落实情况: 基本满意.
          await r.check(s === subjects[3] && r.nameOf(dim) === '落实情况' ? r.getByRole(dim, 'radio', '基本满意') : satisfied[0]);
        }
      }
      await r.click(r.getByRole(w, 'button', '下一页'));
      await r.fill(await r.waitFor(() => r.getByRole(w, 'textbox', /^对建议办理工作的其他意见/)), other);
      await r.click(r.getByRole(w, 'button', '核对答案'));
      await r.waitFor(() => r.getByRole(w, 'heading', '请核对您的回答'));
      const review = r.textOf(w);
      await r.check(r.getByRole(w, 'checkbox', /个人信息处理说明/));
      await r.click(r.getByRole(w, 'button', '确认提交'));
      const receipt = await r.waitFor(() => /[A-Z]{2}-\d{4}-\d{6}/.exec(r.textOf(w))?.[0], 20_000, () => `the receipt; the widget shows: …${r.textOf(w).slice(-400)}`);
      return { receipt, review };
    }, other);
    assert.ok(shown.review.includes(other) && shown.review.includes('基本满意'), 'the review lists the answers');
    const rows = await exported('survey-response');
    assert.equal(rows.length, 1);
    assert.equal(rows[0].receipt, shown.receipt);
    const s = rows[0].data;
    assert.equal(s.surveyId, '2026-jybl-myd');
    assert.equal(String(s.code).toUpperCase(), 'E2E-JYBL-005');
    assert.equal(s.respondent.name, '周某某');
    const ratings = Object.entries(s.answers.handling).flatMap(([subject, dims]) => Object.entries(dims).map(([dim, tier]) => `${subject}.${dim}=${tier}`));
    assert.equal(ratings.length, 24);
    assert.deepEqual(ratings.filter((x) => !x.endsWith('=satisfied')).map((x) => x.split('.')[1]), ['implement=basically-satisfied']);
    assert.equal(s.answers['other-comments'] ?? Object.values(s.answers).find((v) => v === other), other);
    await noPageErrors();
  });

  test('outbox: the API unreachable at submit → queued notice → reload → the API back → sent exactly once', opts, async () => {
    const ROUTE = '/api/legislation-feedback';
    await fresh('/fixtures/legislation-single.html');
    const text = `接收服务器断开时提交的意见（${engineId}）`;
    const log = async () => (await (await fetch(`${base}/__log?route=${encodeURIComponent(ROUTE)}`)).json());
    const earlier = (await log()).length;
    // Every POST to the route has its connection dropped until the faults are cleared.
    await faults('POST', { route: ROUTE, statuses: new Array(40).fill(0) });
    const withText = async () => (await exported('legislation-feedback')).filter((row) => row.data.comments.some((c) => c.text === text));
    let dropped;
    try {
      const queued = await d.run(async (text) => {
        const r = window.__rd;
        const w = document.querySelector('#lf');
        await r.fill(await r.waitFor(() => { w.shadowRoot?.querySelector('.lf-rest')?.scrollIntoView({ block: 'center' }); return r.getByRole(w, 'textbox', /^对草案的总体意见/); }, 30_000, 'the form (its form half, loaded as the citizen scrolls near it)'), text);
        await r.choose(r.getByRole(w, 'combobox', /^身份/), '律师');
        await r.click(r.getByRole(w, 'button', '提交意见'));
        return r.textOf(await r.waitFor(() => r.allByRole(w, 'alert').find((a) => r.textOf(a).includes('暂时无法发送')), 30_000, 'the queued notice'));
      }, text);
      assert.match(queued, /您填写的内容已保存在本设备上/, `the queued notice says it is kept on the device: ${queued}`);
      await d.reload();
      // Reloaded while the API is still unreachable: the page tries again, and says it is still queued.
      const again = await d.run(async () => {
        const r = window.__rd;
        const w = document.querySelector('#lf');
        return r.textOf(await r.waitFor(() => r.allByRole(w, 'alert').find((a) => r.textOf(a).includes('暂时无法发送')), 30_000, 'the queued notice after reload'));
      });
      assert.match(again, /您填写的内容已保存在本设备上/);
      assert.equal((await withText()).length, 0, 'nothing stored while unreachable');
      dropped = (await log()).slice(earlier);
      assert.ok(dropped.length >= 2 && dropped.every((e) => e.status === 0), 'tried, and every try was dropped');
      assert.equal(new Set(dropped.map((e) => e.key)).size, 1, 'one Idempotency-Key for every try');
    } finally {
      await faults('DELETE', { route: ROUTE });
    }
    // The API is back; the browser's `online` event (the drivers cannot switch the network off,
    // so it is fired in the page, as the browser does when the connection returns).
    const sent = await d.run(async () => {
      const r = window.__rd;
      const w = document.querySelector('#lf');
      window.dispatchEvent(new Event('online'));
      const receipt = await r.waitFor(() => /FK-\d{4}-\d{6}/.exec(r.textOf(w))?.[0], 20_000, () => `the receipt; the widget shows: …${r.textOf(w).slice(-400)}`);
      await new Promise((res) => setTimeout(res, 500));
      return { receipt, text: r.textOf(w) };
    });
    assert.ok(!sent.text.includes('暂时无法发送'), 'no stale queued notice');
    const rows = await withText();
    assert.equal(rows.length, 1, 'stored exactly once');
    assert.equal(rows[0].receipt, sent.receipt);
    assert.deepEqual(rows[0].data.comments.map((c) => [c.target.kind, c.text]), [['general', text]]);
    assert.equal(rows[0].data.respondent.identity, 'lawyer');
    const answered = (await log()).slice(earlier).filter((e) => e.status !== 0);
    assert.deepEqual(answered.map((e) => [e.status, e.key]), [[201, dropped[0].key]], 'one answered request, with the same key');
    await noPageErrors();
  });

  test('drafts: typed text survives a reload (IndexedDB) and is shown as restored', opts, async () => {
    await fresh('/fixtures/legislation-single.html');
    const text = '建议在小区公告栏张贴养犬登记办法，方便老年人了解。';
    await d.run(async () => {
      const r = window.__rd;
      const w = document.querySelector('#lf');
      await r.waitFor(() => { w.shadowRoot?.querySelector('.lf-rest')?.scrollIntoView({ block: 'center' }); return r.getByRole(w, 'textbox', /^对草案的总体意见/); }, 30_000, 'the form (its form half, loaded as the citizen scrolls near it)');
      window.__draftSaved = 0;
      w.addEventListener('rd-draft-saved', () => { window.__draftSaved++; });
      w.addEventListener('rd-draft-error', (e) => { window.__draftError = String(e.detail?.reason ?? e.detail?.error ?? e.type); });
    });
    await d.type(() => window.__rd.getByRole(document.querySelector('#lf'), 'textbox', /^对草案的总体意见/), text);
    const saving = await d.run(async () => {
      const r = window.__rd;
      await r.waitFor(() => window.__draftSaved > 0 || window.__draftError, 10_000, 'the draft saved');
      return { error: window.__draftError ?? null, text: r.textOf(document.querySelector('#lf')) };
    });
    assert.equal(saving.error, null, 'the draft was written');
    assert.ok(!/不能保存|无法保存/.test(saving.text), 'no "cannot save" notice');
    await d.reload();
    const restored = await d.run(async () => {
      const r = window.__rd;
      const w = document.querySelector('#lf');
      const notice = r.textOf(await r.waitFor(() => r.getByText(w, /已恢复您上次未提交的内容/), 30_000, 'the restored notice'));
      return { notice, value: r.getByRole(w, 'textbox', /^对草案的总体意见/).value };
    });
    assert.match(restored.notice, /已恢复您上次未提交的内容（保存于 .+）/);
    assert.equal(restored.value, text);
    await noPageErrors();
  });

  test('drafts: the last words typed just before a reload are kept (written as the page goes away)', opts, async () => {
    await fresh('/fixtures/legislation-single.html');
    const first = '建议犬只登记费用减半。';
    const last = `${first}老年人办理可以上门服务。`;
    await d.run(async (first) => {
      const r = window.__rd;
      const w = document.querySelector('#lf');
      const box = await r.waitFor(() => { w.shadowRoot?.querySelector('.lf-rest')?.scrollIntoView({ block: 'center' }); return r.getByRole(w, 'textbox', /^对草案的总体意见/); }, 30_000, 'the form (its form half, loaded as the citizen scrolls near it)');
      const saved = new Promise((resolve) => w.addEventListener('rd-draft-saved', resolve, { once: true }));
      await r.fill(box, first);
      await saved;
    }, first);
    // More typed, and the page reloaded at once: within the save's debounce (600 ms).
    await d.run(async (last) => {
      const r = window.__rd;
      await r.fill(r.getByRole(document.querySelector('#lf'), 'textbox', /^对草案的总体意见/), last);
    }, last);
    await d.reload();
    const value = await d.run(async () => {
      const r = window.__rd;
      const w = document.querySelector('#lf');
      await r.waitFor(() => r.getByText(w, /已恢复您上次未提交的内容/), 30_000, 'the restored notice');
      return r.getByRole(w, 'textbox', /^对草案的总体意见/).value;
    });
    assert.equal(value, last, 'what was on screen when the page went away is what comes back');
    await noPageErrors();
  });

  test('lookup: staff reply to the comment; the receipt and code typed on the lookup page show it; the citizen rates it', opts, async () => {
    assert.ok(shared.receipt, 'the legislation journey gave a receipt and code');
    const reply = '感谢您的意见。草案修改稿已增加施行前六个月的过渡期规定。';
    const res = await fetch(`${base}/api/staff/receipts/${shared.receipt}/status`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${receiver.staffToken}` },
      body: JSON.stringify({ status: 'replied', reply, replyBy: '云州市人大常委会法制工作委员会' }),
    });
    assert.ok(res.ok, `staff status: HTTP ${res.status}`);
    await fresh('/rd-receipt-lookup.html');
    const shown = await d.run(async (receipt, code) => {
      const r = window.__rd;
      const w = document.querySelector('#lookup-main');
      await r.fill(await r.waitFor(() => r.getByRole(w, 'textbox', /^编号/), 30_000, 'the lookup form'), receipt);
      await r.fill(r.getByRole(w, 'textbox', /^查询码/), code.toLowerCase().replace('-', ' '));
      await r.click(r.getByRole(w, 'button', '查询'));
      await r.waitFor(() => r.textOf(w).includes('当前状态：已答复'), 15_000, '当前状态：已答复');
      const text = r.textOf(w);
      await r.check(r.getByRole(w, 'radio', '满意'));
      await r.click(r.getByRole(w, 'button', '提交评价'));
      await r.waitFor(() => r.textOf(w).includes('您的评价：满意'), 15_000, '您的评价：满意');
      return text;
    }, shared.receipt, shared.code);
    assert.ok(shown.includes(`编号 ${shared.receipt} 的办理情况`), shown.slice(0, 200));
    assert.ok(shown.includes(reply), 'the reply is shown');
    assert.ok(shown.includes('答复人：云州市人大常委会法制工作委员会'));
    const detail = await (await fetch(`${base}/api/staff/receipts/${shared.receipt}`, { headers: { Authorization: `Bearer ${receiver.staffToken}` } })).json();
    assert.equal(detail.rating?.rating ?? detail.rating, 'satisfied', `the rating is stored: ${JSON.stringify(detail.rating)}`);
    await noPageErrors();
  });

  test('hostile page: a GB2312 old-CMS page under a strict CSP, the classic script → its modules; a plain-text draft (the parser fetched on demand) takes a comment on 第十二条 → stored in the right characters', opts, async () => {
    await fresh('/fixtures/old-cms-gbk-csp.html');
    const c12 = '登记可以在社区办理吗？';
    const shown = await d.run(async (c12) => {
      const r = window.__rd;
      const w = document.querySelector('rd-legislation-feedback');
      const art = await r.waitFor(() => r.getByRole(w, 'article', '第十二条'), 30_000, () => `article 第十二条; the widget shows: ${r.textOf(w).slice(0, 300)}`);
      const title = document.title;
      const card = document.querySelector('rd-deputy-card');
      await r.waitFor(() => r.textOf(card).includes('代表'), 20_000, 'the deputy card');
      await r.click(r.getByRole(art, 'button', '对第十二条提意见'));
      await r.fill(await r.waitFor(() => r.getByRole(art, 'textbox', /^对第十二条的意见/)), c12);
      await r.choose(r.getByRole(w, 'combobox', /^身份/), '普通市民');
      await r.click(r.getByRole(w, 'button', '提交意见'));
      const receipt = await r.waitFor(() => /FK-\d{4}-\d{6}/.exec(r.textOf(w))?.[0], 20_000, () => `the receipt; the widget shows: …${r.textOf(w).slice(-400)}`);
      // The policy is in force: the page may not evaluate strings.
      let cspInForce = false;
      try { new Function('return 1')(); } catch { cspInForce = true; }
      return { receipt, title, cspInForce, charset: document.characterSet, text: r.textOf(w).slice(0, 200), alerts: r.allByRole(w, 'alert').map((a) => r.textOf(a)).filter(Boolean) };
    }, c12);
    assert.equal(shown.cspInForce, true, 'the strict CSP applies to the page');
    assert.match(shown.charset, /^(GBK|GB2312|gb18030)$/i, 'the page itself is read as GB2312/GBK');
    assert.ok(shown.title.includes('青禾县人大常委会'), `the page's own title decoded: ${shown.title}`);
    assert.ok(shown.text.includes('条例'), `the widget's text is Chinese, not mojibake: ${shown.text}`);
    assert.deepEqual(shown.alerts, [], 'no error notice');
    const row = (await exported('legislation-feedback')).find((x) => x.receipt === shown.receipt);
    assert.ok(row, 'stored under the receipt shown');
    assert.equal(row.data.draftId, '2026-yq-01-text');
    assert.deepEqual(row.data.comments.map((c) => [c.target.kind, c.target.article, c.text]), [['article', '第十二条', c12]]);
    // Firefox reports the probe's refused eval as a page error: that one is expected.
    assert.deepEqual((await d.errors()).filter((e) => !/\beval\b/.test(e)), []);
  });

  test('hostile page: Prototype.js 1.6 replaces Array.from, Array#toJSON, #reduce, #entries; a comment on 第十二条第2款 is still sent with real arrays', opts, async () => {
    await fresh('/fixtures/old-cms-prototype.html');
    const c12 = '延续登记建议可以在网上办理，不必到窗口。';
    const shown = await d.run(async (c12) => {
      const r = window.__rd;
      if (window.prototypeLoaded !== true) throw new Error('Prototype replacements missing');
      const w = document.querySelector('rd-legislation-feedback');
      const art = await r.waitFor(() => r.getByRole(w, 'article', '第十二条'), 30_000, 'article 第十二条');
      await r.click(r.getByRole(art, 'button', '对第十二条提意见'));
      await r.choose(await r.waitFor(() => r.getByRole(art, 'combobox', '针对')), '第2款');
      await r.fill(await r.waitFor(() => r.getByRole(art, 'textbox', /^对第十二条第2款的意见/)), c12);
      await r.choose(r.getByRole(w, 'combobox', /^身份/), '普通市民');
      await r.click(r.getByRole(w, 'button', '提交意见'));
      const receipt = await r.waitFor(() => /FK-\d{4}-\d{6}/.exec(r.textOf(w))?.[0], 20_000, () => `the receipt; the widget shows: …${r.textOf(w).slice(-400)}`);
      return { receipt, alerts: r.allByRole(w, 'alert').map((a) => r.textOf(a)).filter(Boolean), still: JSON.stringify([1]) + Array.from({ length: 1 }, () => 1).length };
    }, c12);
    assert.deepEqual(shown.alerts, [], 'no error notice');
    assert.equal(shown.still, '"[1]"1', 'the page keeps its own replacements');
    const rows = await exported('legislation-feedback');
    const row = rows.find((x) => x.receipt === shown.receipt);
    assert.ok(row, 'stored under the receipt shown');
    assert.ok(Array.isArray(row.data.comments), 'comments stored as an array');
    assert.deepEqual(row.data.comments.map((c) => [c.target.kind, c.target.article, c.target.paragraph, c.text]), [['article', '第十二条', 2, c12]]);
    await noPageErrors();
  });
}
