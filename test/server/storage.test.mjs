// The storage interface (server/lib/storage/), one suite run against both engines: SQLite in a
// temp file and PostgreSQL in a throwaway cluster (test/server/pg-cluster.mjs).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openStorage, streamRows } from '../../server/lib/storage/index.mjs';
import { startPgCluster, pgMissing } from './pg-cluster.mjs';
import { tmp } from './helpers.mjs';

const row = (o = {}) => ({
  key: randomUUID(), type: 'legislation-feedback', prefix: 'FK', year: 2026, createdAt: new Date().toISOString(),
  receivedAt: new Date().toISOString(), body: JSON.stringify({ data: { text: 'x' } }), personal: null, hash: 'h1',
  subjectId: 'draft-1', surveyId: null, code: null, ...o,
});

function suite(engine, open) {
  describe(`storage: ${engine}`, () => {
    let s;
    let skip = false;
    before(async (t) => { s = await open(t); if (!s) skip = true; });
    after(async () => { await s?.close(); });
    const test = (name, fn) => it(name, async (t) => { if (skip && pgMissing(t)) return; await fn(t); });

    test('inserts with a receipt numbered per type and year, finds by key and receipt', async () => {
      const a = await s.insert(row());
      const b = await s.insert(row());
      const c = await s.insert(row({ type: 'deputy-message', prefix: 'LY' }));
      assert.equal(a.ok && b.ok && c.ok, true);
      assert.match(a.receipt, /^FK-2026-\d{6}$/);
      assert.notEqual(a.receipt, b.receipt);
      assert.match(c.receipt, /^LY-2026-\d{6}$/);
      const found = await s.findByReceipt(a.receipt);
      assert.equal(found.receipt, a.receipt);
      assert.equal(found.status, 'received');
      assert.equal((await s.findByKey(found.idempotency_key)).receipt, a.receipt);
    });

    test('a key twice: the second insert reports the first row, nothing new is stored', async () => {
      const r = row();
      const first = await s.insert(r);
      const before = await s.count();
      const again = await s.insert({ ...r, hash: 'other' });
      assert.deepEqual([again.ok, again.conflict, again.row.receipt], [false, 'key', first.receipt]);
      assert.equal(await s.count(), before);
    });

    test('keys are stored lower-case only (the database refuses another spelling)', async () => {
      await assert.rejects(() => s.insert(row({ key: randomUUID().toUpperCase() })));
    });

    test('a survey code is taken once per survey, at the database', async () => {
      const first = await s.insert(row({ type: 'survey-response', prefix: 'CP', surveyId: 'sv-1', code: 'ABC', subjectId: 'sv-1' }));
      const second = await s.insert(row({ type: 'survey-response', prefix: 'CP', surveyId: 'sv-1', code: 'ABC', subjectId: 'sv-1' }));
      const otherSurvey = await s.insert(row({ type: 'survey-response', prefix: 'CP', surveyId: 'sv-2', code: 'ABC', subjectId: 'sv-2' }));
      assert.equal(first.ok, true);
      assert.deepEqual([second.ok, second.conflict, second.receipt], [false, 'code', first.receipt]);
      assert.equal(otherSurvey.ok, true);
      assert.equal(await s.findByCode('sv-1', 'ABC'), first.receipt);
      assert.equal((await s.surveyBodies('sv-1')).length, 1);
    });

    test('concurrent inserts of one key store one row', async () => {
      const r = row();
      const results = await Promise.all(Array.from({ length: 20 }, () => s.insert(r)));
      assert.equal(results.filter((x) => x.ok).length, 1);
      const receipts = new Set(results.map((x) => (x.ok ? x.receipt : x.row.receipt)));
      assert.equal(receipts.size, 1);
    });

    test('personal details are kept apart and purged by date; the submission stays', async () => {
      const old = await s.insert(row({ receivedAt: '2020-01-01T00:00:00.000Z', personal: JSON.stringify({ respondent: { name: '张三' } }) }));
      const recent = await s.insert(row({ personal: JSON.stringify({ respondent: { name: '李四' } }) }));
      assert.equal(JSON.parse((await s.findByReceipt(old.receipt)).personal).respondent.name, '张三');
      const r = await s.purge({ personalBefore: '2021-01-01T00:00:00.000Z' });
      assert.equal(r.personal, 1);
      const after = await s.findByReceipt(old.receipt);
      assert.equal(after.personal, null);
      assert.equal(after.receipt, old.receipt);
      assert.equal(JSON.parse((await s.findByReceipt(recent.receipt)).personal).respondent.name, '李四');
    });

    test('pages by keyset with filters (type, subject, date range, snapshot bound)', async () => {
      const mark = await s.maxSeq();
      const mk = (o) => s.insert(row(o));
      await mk({ subjectId: 'd-a', receivedAt: '2026-03-01T00:00:00.000Z' });
      await mk({ subjectId: 'd-b', receivedAt: '2026-03-02T00:00:00.000Z' });
      await mk({ subjectId: 'd-a', receivedAt: '2026-03-03T00:00:00.000Z', type: 'appointment', prefix: 'YY' });
      const all = [];
      for await (const r of streamRows(s, { uptoSeq: mark + 3 }, 2)) if (r.seq > mark) all.push(r);
      assert.equal(all.length, 3);
      assert.deepEqual(all.map((r) => r.seq), [...all.map((r) => r.seq)].sort((a, b) => a - b));
      const onlyA = await s.page({ subject: 'd-a', afterSeq: mark });
      assert.equal(onlyA.length, 2);
      const typeA = await s.page({ subject: 'd-a', type: 'legislation-feedback', afterSeq: mark });
      assert.equal(typeA.length, 1);
      const range = await s.page({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z', afterSeq: mark });
      assert.deepEqual(range.map((r) => r.subject_id), ['d-b']);
      await mk({ subjectId: 'd-a' });
      const bounded = await s.page({ subject: 'd-a', afterSeq: mark, uptoSeq: mark + 3 });
      assert.equal(bounded.length, 2);
    });

    test('status history and replies per receipt (issue "closing the loop")', async () => {
      const { receipt } = await s.insert(row({ lookupHash: 'sha256:abc' }));
      assert.equal((await s.findByReceipt(receipt)).lookup_hash, 'sha256:abc');
      assert.equal(await s.setStatus(receipt, { status: 'forwarded', note: '转交承办单位', actor: 'staff:1' }), true);
      assert.equal(await s.setStatus(receipt, { status: 'replied', reply: '已采纳。', actor: 'staff:1' }), true);
      assert.equal(await s.setStatus('FK-1999-000001', { status: 'replied' }), false);
      assert.deepEqual((await s.history(receipt)).map((h) => [h.status, h.note]), [['forwarded', '转交承办单位'], ['replied', null]]);
      assert.deepEqual((await s.replies(receipt)).map((r) => r.text), ['已采纳。']);
      assert.equal((await s.findByReceipt(receipt)).status, 'replied');
    });

    test('a rating once per receipt', async () => {
      const { receipt } = await s.insert(row());
      const k = randomUUID();
      assert.deepEqual(await s.rate(receipt, { rating: 'satisfied', key: k }), { stored: true });
      const again = await s.rate(receipt, { rating: 'dissatisfied', key: randomUUID() });
      assert.equal(again.stored, false);
      assert.equal(again.existing.rating, 'satisfied');
    });

    test('a setting is made once, by whichever caller asks first', async () => {
      const a = await s.setting('lookup-secret', () => 'first');
      const b = await s.setting('lookup-secret', () => 'second');
      assert.equal(a, 'first');
      assert.equal(b, 'first');
    });

    test('replies keep who answered; the staff list filters by type, status, subject and rating, newest first', async () => {
      const subject = `d-${randomUUID().slice(0, 8)}`;
      const a = await s.insert(row({ subjectId: subject }));
      const b = await s.insert(row({ subjectId: subject, type: 'deputy-message', prefix: 'LY' }));
      const c = await s.insert(row({ subjectId: subject }));
      await s.setStatus(b.receipt, { status: 'replied', reply: '已答复', replyBy: '青禾县联络站' });
      await s.rate(b.receipt, { rating: 'basically-satisfied', key: randomUUID() });
      assert.equal((await s.replies(b.receipt))[0].by_name, '青禾县联络站');
      const all = await s.list({ subject });
      assert.deepEqual(all.map((r) => r.receipt), [c.receipt, b.receipt, a.receipt]);
      assert.deepEqual((await s.list({ subject, status: 'replied' })).map((r) => [r.receipt, r.rating]), [[b.receipt, 'basically-satisfied']]);
      assert.deepEqual((await s.list({ subject, type: 'legislation-feedback' })).map((r) => r.receipt), [c.receipt, a.receipt]);
      assert.deepEqual((await s.list({ subject, rated: false })).map((r) => r.receipt), [c.receipt, a.receipt]);
      assert.deepEqual((await s.list({ subject, rated: true })).map((r) => r.receipt), [b.receipt]);
      const page1 = await s.list({ subject, limit: 2 });
      const page2 = await s.list({ subject, limit: 2, beforeSeq: page1.at(-1).seq });
      assert.deepEqual([...page1, ...page2].map((r) => r.receipt), all.map((r) => r.receipt));
    });

    test('every reply about one subject in one query: only that type and subject, each receipt\'s in order', async () => {
      const subject = `d-${randomUUID().slice(0, 8)}`;
      const m1 = await s.insert(row({ subjectId: subject, type: 'deputy-message', prefix: 'LY' }));
      const m2 = await s.insert(row({ subjectId: subject, type: 'deputy-message', prefix: 'LY' }));
      const other = await s.insert(row({ subjectId: `${subject}-x`, type: 'deputy-message', prefix: 'LY' }));
      const comment = await s.insert(row({ subjectId: subject }));
      await s.setStatus(m1.receipt, { status: 'replied', reply: '一答' });
      await s.setStatus(m1.receipt, { status: 'replied', reply: '一再答', replyBy: '代表本人' });
      await s.setStatus(m2.receipt, { status: 'replied', reply: '二答' });
      await s.setStatus(other.receipt, { status: 'replied', reply: '别人的' });
      await s.setStatus(comment.receipt, { status: 'replied', reply: '意见的' });
      const got = await s.subjectReplies('deputy-message', subject);
      const by = (r) => got.filter((x) => x.receipt === r).map((x) => [x.text, x.by_name ?? null]);
      assert.deepEqual(by(m1.receipt), [['一答', null], ['一再答', '代表本人']]);
      assert.deepEqual(by(m2.receipt), [['二答', null]]);
      assert.equal(got.length, 3);
      assert.deepEqual(await s.subjectReplies('deputy-message', `${subject}-none`), []);
    });

    test('an adoption report per draft, replaced when published again', async () => {
      const draft = `draft-${randomUUID().slice(0, 8)}`;
      assert.equal(await s.adoption(draft), undefined);
      await s.setAdoption(draft, { body: JSON.stringify({ summary: '一', articles: [] }), actor: 'staff:1' });
      await s.setAdoption(draft, { body: JSON.stringify({ summary: '二', articles: [] }), actor: 'staff:2' });
      const got = await s.adoption(draft);
      assert.equal(JSON.parse(got.body).summary, '二');
      assert.equal(got.actor, 'staff:2');
    });

    test('audit log: appended, read back, purged after its retention', async () => {
      await s.audit({ actor: 'staff:x', action: 'export', detail: { type: null }, ip: '127.0.0.1', at: '2020-01-01T00:00:00.000Z' });
      await s.audit({ actor: 'staff:x', action: 'export', detail: { type: 'appointment' }, ip: '127.0.0.1' });
      assert.equal((await s.auditLog('')).length >= 2, true);
      const r = await s.purge({ auditBefore: '2021-01-01T00:00:00.000Z' });
      assert.equal(r.audit, 1);
      const left = await s.auditLog('');
      assert.equal(left.some((a) => a.at.startsWith('2020')), false);
      assert.deepEqual(left.at(-1).detail, { type: 'appointment' });
    });
  });
}

suite('SQLite', async () => openStorage({ dbFile: join(tmp(), 'store.sqlite') }));

let cluster;
suite('PostgreSQL', async () => {
  cluster = await startPgCluster(); // null without PostgreSQL: each test then skips, or fails in CI
  if (!cluster) return null;
  return openStorage({ databaseUrl: cluster.url });
});
after(async () => { await cluster?.stop(); });
