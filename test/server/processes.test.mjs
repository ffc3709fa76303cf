// Processes and crashes: two receiver processes on one PostgreSQL never issue one receipt twice
// nor accept one survey code twice; a receiver killed with SIGKILL mid-run loses nothing it
// acknowledged (SQLite and PostgreSQL).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ROOT, tmp, spawnReceiver, feedback, post, exported } from './helpers.mjs';
import { startPgCluster, pgMissing } from './pg-cluster.mjs';

const FK = '/api/legislation-feedback';
const CONTENT = join(ROOT, 'demo', 'content');
const surveyBody = (code) => ({
  type: 'survey-response', version: 1, id: randomUUID(), createdAt: new Date().toISOString(), locale: 'zh-CN', source: { url: 'https://www.example.gov.cn/pj' },
  data: { surveyId: '2027-mssx-pj', anonymity: 'anonymous', role: 'deputy', code, answers: { projects: { selected: ['m01'] } } },
});

let cluster = null;
let noPg = false;
before(async () => {
  cluster = await startPgCluster();
  noPg = !cluster;
});
after(async () => { await cluster?.stop(); });

describe('two receiver processes on one PostgreSQL', () => {
  let a;
  let b;
  before(async () => {
    if (noPg) return;
    const url = cluster.createDatabase('twoprocs');
    const args = ['--content', CONTENT, '--rate-limit', '0', '--quiet'];
    // Both start at once: schema creation must not race either.
    [a, b] = await Promise.all([spawnReceiver(args, { env: { DATABASE_URL: url } }), spawnReceiver(args, { env: { DATABASE_URL: url } })]);
  });
  after(async () => { await a?.stop(); await b?.stop(); });

  it('each key sent to both at once: one row, one receipt, answered the same by both', async (t) => {
    if (noPg && pgMissing(t)) return;
    const bodies = Array.from({ length: 300 }, () => feedback());
    const answers = await Promise.all(bodies.map((body) => Promise.all([post(a.url, FK, body), post(b.url, FK, body)])));
    for (const [x, y] of answers) {
      assert.deepEqual([x.status, y.status].sort(), [200, 201]);
      assert.equal(x.json.receipt, y.json.receipt);
    }
    const rows = await exported(a.url, 'type=legislation-feedback');
    assert.equal(rows.length, 300);
    assert.equal(new Set(rows.map((r) => r.receipt)).size, 300);
    assert.equal(new Set(rows.map((r) => r.idempotency_key)).size, 300);
  });

  it('different submissions at once on both: receipts never collide', async (t) => {
    if (noPg && pgMissing(t)) return;
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => post(i % 2 ? a.url : b.url, FK, feedback())));
    assert.ok(answers.every((x) => x.status === 201));
    const rows = await exported(b.url, 'type=legislation-feedback');
    assert.equal(new Set(rows.map((r) => r.receipt)).size, rows.length);
    assert.equal(rows.length, 500);
  });

  it('one survey code sent to both at once: accepted once, the others 409 with its receipt', async (t) => {
    if (noPg && pgMissing(t)) return;
    const tries = await Promise.all(Array.from({ length: 10 }, (_, i) => post(i % 2 ? a.url : b.url, '/api/survey-responses', surveyBody(i % 3 ? 'RDTEST-MSSX-004' : 'rdtest-mssx-004'))));
    const ok = tries.filter((x) => x.status === 201);
    assert.equal(ok.length, 1);
    for (const x of tries.filter((y) => y.status !== 201)) {
      assert.equal(x.status, 409);
      assert.equal(x.json.receipt, ok[0].json.receipt);
    }
    assert.equal((await exported(a.url, 'type=survey-response')).length, 1);
  });
});

/**
 * Sends `bodies` (each twice, at once: concurrent duplicates) with `concurrency` workers until
 * `stopAfter` acknowledgements, then kills the receiver with SIGKILL while requests are in flight.
 */
async function loadAndKill(r, bodies, { concurrency = 16, stopAfter }) {
  const acked = new Map();
  let next = 0;
  let killed = false;
  async function worker() {
    while (next < bodies.length && !killed) {
      const body = bodies[next++];
      const answers = await Promise.allSettled([post(r.url, FK, body), post(r.url, FK, body)]);
      for (const x of answers) {
        if (x.status === 'fulfilled' && (x.value.status === 201 || x.value.status === 200)) {
          const prev = acked.get(body.id);
          if (prev) assert.equal(prev, x.value.json.receipt);
          acked.set(body.id, x.value.json.receipt);
        }
      }
      if (acked.size >= stopAfter && !killed) { killed = true; await r.kill9(); }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return acked;
}

async function crashRun(args, env) {
  const bodies = Array.from({ length: 1500 }, () => feedback());
  const first = await spawnReceiver([...args, '--rate-limit', '0', '--quiet'], { env });
  const acked = await loadAndKill(first, bodies, { stopAfter: 600 });
  assert.ok(acked.size >= 600);
  const second = await spawnReceiver([...args, '--rate-limit', '0', '--quiet'], { env });
  try {
    const rows = await exported(second.url, 'type=legislation-feedback');
    const byKey = new Map();
    for (const row of rows) {
      assert.equal(byKey.has(row.idempotency_key), false, `key stored twice: ${row.idempotency_key}`);
      byKey.set(row.idempotency_key, row.receipt);
    }
    assert.equal(new Set(rows.map((x) => x.receipt)).size, rows.length);
    for (const [key, receipt] of acked) assert.equal(byKey.get(key), receipt, `acknowledged ${receipt} lost`);
    // The widgets resend what was not acknowledged: everything ends stored once.
    for (const body of bodies.slice(0, 800)) {
      const x = await post(second.url, FK, body);
      assert.ok(x.status === 201 || x.status === 200);
      if (acked.has(body.id)) assert.deepEqual([x.status, x.json.receipt], [200, acked.get(body.id)]);
    }
    const after = await exported(second.url, 'type=legislation-feedback');
    assert.equal(new Set(after.map((x) => x.idempotency_key)).size, after.length);
  } finally { await second.stop(); }
}

describe('kill -9 mid-run: nothing acknowledged is lost', () => {
  it('SQLite', async () => {
    await crashRun(['--db', join(tmp(), 'crash.sqlite')], {});
  });
  it('PostgreSQL', async (t) => {
    if (noPg && pgMissing(t)) return;
    await crashRun([], { DATABASE_URL: cluster.createDatabase('crash') });
  });
});
