// Closing the loop over real HTTP (docs/contract.md#looking-up-a-submission): the lookup code of
// a 201, the citizen's lookup and rating, the staff routes, the adoption report and a deputy's
// published messages — on SQLite and on PostgreSQL.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { startReceiver } from '../../server/lib/receiver.mjs';
import { lookupCodeFor, normalizeLookupCode, formatLookupCode, NOT_FOUND } from '../../server/lib/loop.mjs';
import { startPgCluster, pgMissing } from './pg-cluster.mjs';
import { ROOT, STAFF, tmp, feedback, post, staffHeaders } from './helpers.mjs';

const CODE_RE = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;
const FK = '/api/legislation-feedback';
const json = { 'Content-Type': 'application/json' };
const get = async (base, path, headers = {}) => {
  const res = await fetch(base + path, { headers });
  return { status: res.status, headers: res.headers, json: await res.json().catch(() => undefined) };
};
const staffPost = (base, path, body, method = 'POST') => fetch(base + path, { method, headers: { ...json, ...staffHeaders() }, body: JSON.stringify(body) })
  .then(async (r) => ({ status: r.status, json: await r.json().catch(() => undefined) }));
const rate = (base, receipt, body, key = randomUUID()) => post(base, `/api/receipts/${receipt}/rating`, body, { key });
const message = ({ publish = true, name } = {}) => ({
  type: 'deputy-message', version: 1, id: randomUUID(), createdAt: new Date().toISOString(), locale: 'zh-CN', source: { url: 'https://www.example.gov.cn/d' },
  data: {
    deputyId: 'dep-001', subject: '小区路灯不亮', text: '青禾路 12 号门口路灯坏了一个月。', category: 'urban', wantsReply: !!name,
    ...(name ? { contact: { name, phone: '13800138000' } } : {}), publish, channel: 'web', consent: { version: 'v1', at: new Date().toISOString() },
  },
});

describe('lookup codes', () => {
  it('are 8 letters of the alphabet without 0/O/1/I, the same for one key, different across keys', () => {
    const key = randomUUID();
    const a = lookupCodeFor('s', key);
    assert.match(formatLookupCode(a), CODE_RE);
    assert.equal(lookupCodeFor('s', key.toUpperCase()), a);
    assert.notEqual(lookupCodeFor('s', randomUUID()), a);
    assert.notEqual(lookupCodeFor('t', key), a);
  });
  for (const [input, out] of [['7kqm-x4pb', '7KQMX4PB'], [' 7KQM X4PB ', '7KQMX4PB'], ['7KQMX4PB', '7KQMX4PB'], ['7KQM-X4P0', null], ['7KQM-X4PI', null], ['7KQM', null], ['', null], [null, null]]) {
    it(`normalises ${JSON.stringify(input)} → ${out}`, () => assert.equal(normalizeLookupCode(input), out));
  }
});

function suite(engine, open) {
  describe(`the loop over HTTP: ${engine}`, () => {
    let r;
    let skip = false;
    before(async () => {
      const opts = await open();
      if (!opts) { skip = true; return; }
      const content = join(tmp(), 'content');
      cpSync(join(ROOT, 'demo', 'content'), content, { recursive: true });
      r = await startReceiver({ ...opts, staffToken: STAFF, quiet: true, contentDir: content, limits: { submissions: null, lookupFailures: { perMinute: 1, burst: 6 } } });
    });
    after(async () => { await r?.close(); });
    const test = (name, fn) => it(name, async (t) => { if (skip && pgMissing(t)) return; await fn(t); });

    test('a 201 answers with a lookup code; a repeat gets the same code; only its hash is stored', async () => {
      const body = feedback();
      const a = await post(r.url, FK, body);
      assert.equal(a.status, 201);
      assert.match(a.json.lookupCode, CODE_RE);
      const again = await post(r.url, FK, body);
      assert.equal(again.status, 200);
      assert.deepEqual([again.json.receipt, again.json.lookupCode], [a.json.receipt, a.json.lookupCode]);
      const row = await r.storage.findByReceipt(a.json.receipt);
      assert.match(row.lookup_hash, /^[0-9a-f]{64}$/);
      assert.equal(JSON.stringify(row).includes(normalizeLookupCode(a.json.lookupCode)), false);
    });

    test('the lookup shows status and history; a wrong code and an unknown receipt get the same 404', async () => {
      const a = (await post(r.url, FK, feedback())).json;
      const ok = await get(r.url, `/api/receipts/${a.receipt}?code=${a.lookupCode.toLowerCase().replace('-', '')}`);
      assert.equal(ok.status, 200);
      assert.deepEqual(Object.keys(ok.json).sort(), ['history', 'receipt', 'status', 'type']);
      assert.deepEqual([ok.json.status, ok.json.history.length, ok.json.type], ['received', 1, 'legislation-feedback']);
      const wrong = await get(r.url, `/api/receipts/${a.receipt}?code=2222-2222`);
      const unknown = await get(r.url, `/api/receipts/FK-1999-000001?code=${a.lookupCode}`);
      const none = await get(r.url, `/api/receipts/${a.receipt}`);
      for (const x of [wrong, unknown, none]) {
        assert.equal(x.status, 404);
        assert.deepEqual(x.json, NOT_FOUND);
      }
    });

    test('staff move it along: no token 401, a wrong token 403, bad input 400; the citizen reads the reply', async () => {
      const a = (await post(r.url, FK, feedback())).json;
      const path = `/api/staff/receipts/${a.receipt}/status`;
      const noToken = await fetch(r.url + path, { method: 'POST', headers: json, body: '{"status":"forwarded"}' });
      assert.equal(noToken.status, 401);
      const badToken = await fetch(r.url + path, { method: 'POST', headers: { ...json, Authorization: 'Bearer nope' }, body: '{"status":"forwarded"}' });
      assert.equal(badToken.status, 403);
      assert.equal((await staffPost(r.url, path, { status: 'done' })).status, 400);
      const noReply = await staffPost(r.url, path, { status: 'replied' });
      assert.equal(noReply.status, 400);
      assert.equal(noReply.json.errors[0].path, 'reply');
      assert.equal((await staffPost(r.url, '/api/staff/receipts/FK-1999-000001/status', { status: 'forwarded' })).status, 404);
      assert.equal((await staffPost(r.url, path, { status: 'forwarded', note: '已转交市住建局办理' })).status, 200);
      const replied = await staffPost(r.url, path, { status: 'replied', reply: '<b>已采纳</b>，谢谢。', replyBy: '市人大常委会法工委' });
      assert.equal(replied.status, 200);
      const seen = await get(r.url, `/api/receipts/${a.receipt}?code=${a.lookupCode}`);
      assert.deepEqual(seen.json.history.map((h) => [h.status, h.note ?? null]), [['received', null], ['forwarded', '已转交市住建局办理'], ['replied', null]]);
      assert.deepEqual([seen.json.reply.text, seen.json.reply.by], ['<b>已采纳</b>，谢谢。', '市人大常委会法工委']);
      assert.equal(JSON.stringify(seen.json).includes('staff:'), false, 'who in the office did it is not shown');
    });

    test('a rating: not before the reply, once per receipt, a repeat of one key is the same answer', async () => {
      const a = (await post(r.url, FK, feedback())).json;
      const early = await rate(r.url, a.receipt, { code: a.lookupCode, rating: 'satisfied' });
      assert.equal(early.status, 422);
      assert.equal(early.json.code, 'not-replied');
      await staffPost(r.url, `/api/staff/receipts/${a.receipt}/status`, { status: 'replied', reply: '已答复。' });
      assert.equal((await rate(r.url, a.receipt, { code: '2222-2222', rating: 'satisfied' })).status, 404);
      assert.equal((await rate(r.url, a.receipt, { code: a.lookupCode, rating: 'great' })).status, 400);
      assert.equal((await post(r.url, `/api/receipts/${a.receipt}/rating`, { code: a.lookupCode, rating: 'satisfied' }, { key: null })).status, 400);
      const key = randomUUID();
      const first = await rate(r.url, a.receipt, { code: a.lookupCode, rating: 'basically-satisfied', comment: '答复及时' }, key);
      assert.equal(first.status, 201);
      assert.deepEqual([first.json.rating.rating, first.json.rating.comment], ['basically-satisfied', '答复及时']);
      const repeat = await rate(r.url, a.receipt, { code: a.lookupCode, rating: 'basically-satisfied', comment: '答复及时' }, key);
      assert.equal(repeat.status, 200);
      const twice = await rate(r.url, a.receipt, { code: a.lookupCode, rating: 'dissatisfied' });
      assert.equal(twice.status, 409);
      assert.equal(twice.json.code, 'already-rated');
      assert.equal((await get(r.url, `/api/receipts/${a.receipt}?code=${a.lookupCode}`)).json.rating.rating, 'basically-satisfied');
      // Staff see it in the list.
      const list = await get(r.url, '/api/staff/submissions?rated=true&limit=200', staffHeaders());
      assert.equal(list.json.items.find((x) => x.receipt === a.receipt).rating, 'basically-satisfied');
    });

    test('the staff list pages and filters, and every staff read is audited', async () => {
      const subject = `d-${randomUUID().slice(0, 6)}`;
      const made = [];
      for (let i = 0; i < 3; i++) made.push((await post(r.url, FK, feedback({ draftId: subject, name: '张三', phone: '13800138000' }))).json.receipt);
      const p1 = await get(r.url, `/api/staff/submissions?subject=${subject}&limit=2`, staffHeaders());
      assert.equal(p1.status, 200);
      assert.deepEqual(p1.json.items.map((x) => x.receipt), [made[2], made[1]]);
      assert.equal(JSON.stringify(p1.json).includes('13800138000'), false, 'no personal details in the list');
      assert.match(p1.json.items[0].excerpt, /^1 条意见/);
      const p2 = await get(r.url, `/api/staff/submissions?subject=${subject}&limit=2&before=${p1.json.next}`, staffHeaders());
      assert.deepEqual(p2.json.items.map((x) => x.receipt), [made[0]]);
      assert.equal(p2.json.next, null);
      assert.equal((await get(r.url, '/api/staff/submissions?status=done', staffHeaders())).status, 400);
      assert.equal((await get(r.url, '/api/staff/submissions')).status, 401);
      const one = await get(r.url, `/api/staff/receipts/${made[0]}`, staffHeaders());
      assert.equal(one.json.submission.data.respondent.phone, '13800138000');
      const audit = (await get(r.url, '/api/staff/audit', staffHeaders())).json.entries;
      assert.ok(audit.some((e) => e.action === 'view' && e.detail.receipt === made[0]));
      assert.ok(audit.some((e) => e.action === 'list' && e.detail.subject === subject));
    });

    test('a draft\'s adoption report: counts from stored comments, words from staff, on the draft\'s data', async () => {
      const draftId = '2026-yq-01';
      const withArticle = (article, text) => {
        const b = feedback({ draftId });
        b.data.comments = [{ target: { kind: 'article', article }, text }, { target: { kind: 'general' }, text: '总体赞成' }];
        return b;
      };
      const before = (await get(r.url, `/api/staff/drafts/${draftId}/adoption`, staffHeaders())).json;
      await post(r.url, FK, withArticle('第十条', '听证应当公开'));
      await post(r.url, FK, withArticle('第十条', '增加听证'));
      await post(r.url, FK, withArticle('第三条', '定义不清'));
      assert.equal((await get(r.url, `/api/drafts/${draftId}/adoption`)).status, 404, 'nothing published yet');
      const put = await staffPost(r.url, `/api/staff/drafts/${draftId}/adoption`, {
        summary: '共收到意见若干，已逐条研究。',
        articles: [{ article: '第十条', outcome: 'adopted', explanation: '增加了公开听证的规定。' }, { article: '第三条', outcome: 'not-adopted', explanation: '定义与上位法一致。' }],
      }, 'PUT');
      assert.equal(put.status, 200);
      const art = (label) => put.json.articles.find((a) => a.article === label);
      assert.equal(art('第十条').comments - (before.articles.find((a) => a.article === '第十条')?.comments ?? 0), 2);
      assert.equal(art('第十条').outcome, 'adopted');
      assert.equal(put.json.comments - before.comments, 6);
      const draft = await get(r.url, `/api/drafts/${draftId}`);
      assert.equal(draft.json.adoption.summary, '共收到意见若干，已逐条研究。');
      assert.equal(draft.json.adoption.articles.find((a) => a.article === '第三条').explanation, '定义与上位法一致。');
      assert.equal((await staffPost(r.url, `/api/staff/drafts/${draftId}/adoption`, { articles: [{ article: '第一条', outcome: 'maybe' }] }, 'PUT')).status, 400);
    });

    test('a deputy\'s data carries published, answered messages (no name, no contact) and the reply rate', async () => {
      const published = (await post(r.url, '/api/deputy-messages', message({ name: '李四' }))).json;
      const privateOne = (await post(r.url, '/api/deputy-messages', message({ publish: false }))).json;
      const unanswered = (await post(r.url, '/api/deputy-messages', message())).json;
      for (const x of [published, privateOne]) {
        await staffPost(r.url, `/api/staff/receipts/${x.receipt}/status`, { status: 'replied', reply: '已联系城管修复。', replyBy: '代表本人' });
      }
      const d = (await get(r.url, '/api/deputies/dep-001')).json;
      assert.equal(d.messages.length, 1);
      assert.deepEqual([d.messages[0].subject, d.messages[0].reply.text, d.messages[0].reply.by], ['小区路灯不亮', '已联系城管修复。', '代表本人']);
      const text = JSON.stringify(d.messages);
      assert.equal(text.includes('李四') || text.includes('13800138000'), false);
      assert.deepEqual([d.replyRate.withinDays, d.replyRate.due, d.replyRate.replied], [30, 2, 2], 'the unanswered one is not yet due');
      assert.ok(unanswered.receipt);
    });

    test('a deputy whose data already publishes messages: the stored ones come first, the file\'s stay', async () => {
      const m = message();
      m.data.deputyId = 'dep-047';
      const sent = (await post(r.url, '/api/deputy-messages', m)).json;
      await staffPost(r.url, `/api/staff/receipts/${sent.receipt}/status`, { status: 'replied', reply: '已转交县城管局。' });
      const d = (await get(r.url, '/api/deputies/dep-047')).json;
      assert.deepEqual(d.messages.map((x) => x.subject), ['小区路灯不亮', '村口排水沟堵塞', '建议增加公交班次']);
      assert.deepEqual([d.replyRate.due, d.replyRate.replied], [1, 1], 'the stored rate, once it counts any');
    });

    test('repeated wrong codes are slowed down with 429 and Retry-After, even for the right code then', async () => {
      const a = (await post(r.url, FK, feedback())).json;
      let last;
      for (let i = 0; i < 8; i++) last = await get(r.url, `/api/receipts/${a.receipt}?code=3333-3333`);
      assert.equal(last.status, 429);
      assert.ok(Number(last.headers.get('retry-after')) >= 1);
      assert.equal((await get(r.url, `/api/receipts/${a.receipt}?code=${a.lookupCode}`)).status, 429);
    });
  });
}

suite('SQLite', async () => ({ dbFile: join(tmp(), 'loop.sqlite') }));
let cluster;
suite('PostgreSQL', async () => {
  cluster = await startPgCluster();
  return cluster ? { databaseUrl: cluster.url } : null;
});
after(async () => { await cluster?.stop(); });

describe('the staff page', () => {
  it('is served at /staff/ with a strict CSP, its script and style from the same folder', async () => {
    const r = await startReceiver({ dbFile: ':memory:', staffToken: STAFF, quiet: true });
    try {
      const page = await fetch(`${r.url}/staff/`);
      assert.equal(page.status, 200);
      assert.match(page.headers.get('content-security-policy'), /script-src 'self'/);
      assert.match(await page.text(), /<script type="module" src="staff.js">/);
      assert.equal((await fetch(`${r.url}/staff/staff.js`)).status, 200);
      assert.equal((await fetch(`${r.url}/staff/nope.js`)).status, 404);
      const redirect = await fetch(`${r.url}/staff`, { redirect: 'manual' });
      assert.equal(redirect.status, 301);
      assert.equal((await fetch(`${r.url}/staff/`, { method: 'POST' })).status, 405);
    } finally { await r.close(); }
  });
});
