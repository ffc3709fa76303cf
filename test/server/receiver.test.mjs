// rd-receiver over real HTTP: the real command (server/bin/rd-receiver.mjs) on SQLite, and the
// same server in-process where a test needs tight limits or a static folder. Each bad input
// gets its status and a JSON error, the server keeps running and nothing stored changes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { request } from 'node:http';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startReceiver } from '../../server/lib/receiver.mjs';
import { openStorage } from '../../server/lib/storage/index.mjs';
import { ROOT, STAFF, tmp, spawnReceiver, runReceiver, feedback, post, exported, staffHeaders, rawGet } from './helpers.mjs';
import { freePort } from './pg-cluster.mjs';

const FK = '/api/legislation-feedback';
const surveyBody = (code, id = randomUUID()) => ({
  type: 'survey-response', version: 1, id, createdAt: new Date().toISOString(), locale: 'zh-CN', source: { url: 'https://www.example.gov.cn/pj' },
  data: { surveyId: '2027-mssx-pj', anonymity: 'anonymous', role: 'deputy', code, answers: { projects: { selected: ['m01'] } } },
});
const PORTAL = 'https://rd.example.gov.cn';

describe('rd-receiver: the command', () => {
  it('--help prints the usage; a bad flag or port exits 2 with a message', async () => {
    const help = await runReceiver(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.out, /--allow-origin URL/);
    const bad = await runReceiver(['--nope']);
    assert.equal(bad.code, 2);
    assert.match(bad.out, /unknown option --nope/);
    assert.equal((await runReceiver(['--port', 'abc'])).code, 2);
    assert.equal((await runReceiver(['--allow-origin', 'javascript:alert(1)'])).code, 2);
    assert.equal((await runReceiver([], { env: { DATABASE_URL: 'mysql://x' } })).code, 2);
  });

  it('is linked as node_modules/.bin/rd-receiver (npx rd-receiver)', async () => {
    assert.equal(existsSync(join(ROOT, 'node_modules', '.bin', 'rd-receiver')), true);
    const r = await runReceiver(['--help']);
    assert.equal(r.code, 0);
  });

  it('honours PORT, and --port over PORT', async () => {
    const port = await freePort();
    const dir = tmp();
    const r = await spawnReceiver(['--db', join(dir, 'r.sqlite')], { env: { PORT: String(port) } });
    try {
      assert.equal(new URL(r.url).port, String(port));
      assert.equal((await fetch(`${r.url}/api`)).status, 200);
    } finally { await r.stop(); }
  });

  it('without RD_STAFF_TOKEN: generates a token on first start, mode 0600 beside the database, printed once', async () => {
    const dir = tmp();
    const db = join(dir, 'data', 'receiver.sqlite');
    const first = await spawnReceiver(['--db', db], { env: { RD_STAFF_TOKEN: '' } });
    let token;
    try {
      const m = first.out().match(/Staff token \(shown once[^\n]*\n\s+(\S+)/);
      assert.ok(m, first.out());
      token = m[1];
      const file = join(dir, 'data', 'staff-token');
      assert.equal(readFileSync(file, 'utf8').trim(), token);
      assert.equal(statSync(file).mode & 0o777, 0o600);
      // The data folder and the database: owner only.
      assert.equal(statSync(join(dir, 'data')).mode & 0o777, 0o700);
      assert.equal(statSync(db).mode & 0o077, 0);
      assert.equal((await fetch(`${first.url}/api/export`, { headers: staffHeaders(token) })).status, 200);
    } finally { await first.stop(); }
    const second = await spawnReceiver(['--db', db], { env: { RD_STAFF_TOKEN: '' } });
    try {
      assert.doesNotMatch(second.out(), new RegExp(token));
      assert.match(second.out(), /Staff token: from .*staff-token/);
      assert.equal((await fetch(`${second.url}/api/export`, { headers: staffHeaders(token) })).status, 200);
    } finally { await second.stop(); }
  });
});

describe('rd-receiver: submissions, export, bad input (SQLite, the real command)', () => {
  let r;
  let dir;
  before(async () => {
    dir = tmp();
    r = await spawnReceiver(['--db', join(dir, 'r.sqlite'), '--content', join(ROOT, 'demo', 'content'), '--allow-origin', PORTAL, '--rate-limit', '0']);
  });
  after(async () => { await r?.stop(); });

  it('accepts a submission (201), a resend is 200 with the same receipt', async () => {
    const b = feedback();
    const a = await post(r.url, FK, b);
    assert.equal(a.status, 201);
    assert.match(a.json.receipt, /^FK-\d{4}-\d{6}$/);
    const again = await post(r.url, FK, b);
    assert.deepEqual([again.status, again.json.receipt], [200, a.json.receipt]);
  });

  it('the Idempotency-Key in upper case is the same submission (one row)', async () => {
    const b = feedback();
    const upper = await post(r.url, FK, { ...b, id: b.id.toUpperCase() }, { key: b.id.toUpperCase() });
    assert.equal(upper.status, 201);
    const lower = await post(r.url, FK, b);
    assert.deepEqual([lower.status, lower.json.receipt], [200, upper.json.receipt]);
    const mixed = await post(r.url, FK, b, { key: b.id.toUpperCase() });
    assert.deepEqual([mixed.status, mixed.json.receipt], [200, upper.json.receipt]);
    const rows = (await exported(r.url)).filter((x) => x.idempotency_key === b.id);
    assert.equal(rows.length, 1);
  });

  const snapshot = async () => (await exported(r.url)).map((x) => JSON.stringify(x)).join('\n');
  const bad = [
    { name: 'invalid JSON', status: 400, send: () => post(r.url, FK, '{"type":', { key: randomUUID() }) },
    { name: 'NUL in a text', status: 400, path: 'data.comments.0.text', send: () => post(r.url, FK, feedback({ text: '意见\u0000尾巴' })) },
    { name: 'NUL in a key of the body', status: 400, send: () => { const b = feedback(); b.data['x\u0000'] = 1; return post(r.url, FK, b); } },
    { name: 'a javascript: source.url', status: 400, path: 'source.url', send: () => post(r.url, FK, feedback({ url: 'javascript:alert(1)' })) },
    { name: 'a data: source.url', status: 400, path: 'source.url', send: () => post(r.url, FK, feedback({ url: 'data:text/html,<b>x</b>' })) },
    { name: 'an ftp: source.url', status: 400, path: 'source.url', send: () => post(r.url, FK, feedback({ url: 'ftp://example.com/x' })) },
    { name: 'a relative source.url', status: 400, path: 'source.url', send: () => post(r.url, FK, feedback({ url: '/lf' })) },
    { name: 'export without a token', status: 401, send: async () => { const x = await fetch(`${r.url}/api/export`); return { status: x.status, json: await x.json(), headers: x.headers }; } },
    { name: 'export with a wrong token', status: 403, send: async () => { const x = await fetch(`${r.url}/api/export`, { headers: staffHeaders('wrong-token-wrong-token') }); return { status: x.status, json: await x.json() }; } },
    { name: 'export with a token of another scheme', status: 401, send: async () => { const x = await fetch(`${r.url}/api/export`, { headers: { Authorization: `Basic ${STAFF}` } }); return { status: x.status, json: await x.json(), headers: x.headers }; } },
    { name: 'an unknown route', status: 404, send: async () => { const x = await fetch(`${r.url}/api/nothing-here`); return { status: x.status, json: await x.json() }; } },
    { name: 'a static path (the command serves /api only)', status: 404, send: async () => { const x = await fetch(`${r.url}/data/r.sqlite`); return { status: x.status, json: await x.json() }; } },
    { name: 'a body over 1 MB', status: 413, send: () => post(r.url, FK, feedback({ text: '长'.repeat(400_000) })) },
    { name: 'text/plain', status: 415, send: () => { const b = feedback(); return post(r.url, FK, b, { headers: { 'Content-Type': 'text/plain' } }); } },
    { name: 'a key reused with another body', status: 422, send: async () => {
      const b = feedback();
      assert.equal((await post(r.url, FK, b)).status, 201);
      return post(r.url, FK, { ...b, data: { ...b.data, comments: [{ target: { kind: 'general' }, text: '另一条' }] } });
    }, stores: 1 },
    { name: 'a survey code used twice', status: 409, send: async () => {
      assert.equal((await post(r.url, '/api/survey-responses', surveyBody('RDTEST-MSSX-001'))).status, 201);
      return post(r.url, '/api/survey-responses', surveyBody('rdtest-mssx-001'));
    }, stores: 1 },
    { name: 'an unknown export type', status: 400, send: async () => { const x = await fetch(`${r.url}/api/export?type=nope`, { headers: staffHeaders() }); return { status: x.status, json: await x.json() }; } },
    { name: 'an export date that is not a date', status: 400, send: async () => { const x = await fetch(`${r.url}/api/export?from=yesterday`, { headers: staffHeaders() }); return { status: x.status, json: await x.json() }; } },
  ];
  for (const c of bad) {
    it(`${c.name}: ${c.status} with a JSON message, nothing else stored, still running`, async () => {
      const before = await snapshot();
      const res = await c.send();
      assert.equal(res.status, c.status);
      const json = res.json;
      assert.ok(json && (typeof json.message === 'string' || Array.isArray(json.errors)), JSON.stringify(json));
      const msg = json.message ?? json.errors[0].message;
      assert.match(msg, /[\u4e00-\u9fff]/);
      if (c.path) assert.equal(json.errors[0].path, c.path);
      if (c.status === 401) assert.match(res.headers.get('WWW-Authenticate') ?? 'Bearer', /Bearer/);
      const afterRows = (await snapshot()).split('\n').filter(Boolean);
      const beforeRows = before.split('\n').filter(Boolean);
      // Unchanged, but for the one valid submission some cases make first.
      assert.equal(afterRows.length, beforeRows.length + (c.stores ?? 0));
      assert.deepEqual(afterRows.slice(0, beforeRows.length), beforeRows);
      assert.equal((await fetch(`${r.url}/api`)).status, 200);
    });
  }

  it('CORS: a listed origin gets its origin and credentials; a stranger or "null" gets neither', async () => {
    const pre = (origin) => fetch(r.url + FK, { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type, idempotency-key' } });
    const ok = await pre(PORTAL);
    assert.equal(ok.headers.get('access-control-allow-origin'), PORTAL);
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    for (const stranger of ['https://evil.example', 'null', `${PORTAL}.evil.example`, 'http://rd.example.gov.cn']) {
      const res = await pre(stranger);
      assert.equal(res.headers.get('access-control-allow-origin'), null, stranger);
      assert.equal(res.headers.get('access-control-allow-credentials'), null, stranger);
    }
    const get = await fetch(`${r.url}/api`, { headers: { Origin: 'https://evil.example' } });
    assert.equal(get.headers.get('access-control-allow-origin'), null);
  });

  it('a POST from a page of a stranger site is refused (403) and not stored; same-origin and listed origins pass', async () => {
    const b = feedback();
    const res = await post(r.url, FK, b, { headers: { Origin: 'https://evil.example' } });
    assert.equal(res.status, 403);
    assert.equal((await exported(r.url)).some((x) => x.idempotency_key === b.id), false);
    assert.equal((await post(r.url, FK, b, { headers: { Origin: PORTAL } })).status, 201);
    const host = new URL(r.url).host;
    assert.equal((await post(r.url, FK, feedback(), { headers: { Origin: `http://${host}` } })).status, 201);
  });

  it('export CSV: BOM, formulas neutralised (also full-width ＝), personal details included', async () => {
    const tricky = ['=1+1', '＝HYPERLINK("http://evil.example")', '＋1', '@SUM(A1)', '-2', '逗号,引号"'];
    const draftId = `csv-${Date.now()}`;
    for (const text of tricky) assert.equal((await post(r.url, FK, feedback({ text, draftId, name: '王五' }))).status, 201);
    const res = await fetch(`${r.url}/api/export?format=csv&draft=${draftId}`, { headers: staffHeaders() });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(res.headers.get('content-disposition'), /^attachment; filename="rd-all-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n').filter(Boolean);
    assert.equal(lines.length, 1 + tricky.length);
    const header = lines[0].split(',');
    assert.ok(header.includes('data.comments.0.text'));
    assert.ok(header.includes('data.respondent.name'));
    for (const t of ['\'=1+1', '"\'＝HYPERLINK(""http://evil.example"")"', '\'＋1', '\'@SUM(A1)', '\'-2', '"逗号,引号"""']) {
      assert.ok(lines.some((l) => l.includes(`,${t},`) || l.endsWith(`,${t}`)), `${t} in\n${text}`);
    }
    assert.ok(lines.slice(1).every((l) => l.includes('王五')));
  });

  it('export filters: type, draft, date range; JSON Lines', async () => {
    const draftId = `flt-${Date.now()}`;
    const mine = [];
    for (let i = 0; i < 3; i++) mine.push((await post(r.url, FK, feedback({ draftId }))).json.receipt);
    const rows = await exported(r.url, `draft=${draftId}`);
    assert.deepEqual(rows.map((x) => x.receipt), mine);
    assert.equal((await exported(r.url, `type=appointment&draft=${draftId}`)).length, 0);
    assert.equal((await exported(r.url, `type=legislation-feedback&draft=${draftId}`)).length, 3);
    const today = new Date().toISOString().slice(0, 10);
    assert.equal((await exported(r.url, `draft=${draftId}&from=2000-01-01&to=2000-12-31`)).length, 0);
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    assert.equal((await exported(r.url, `draft=${draftId}&from=2000-01-01&to=${tomorrow}`)).length, 3);
    assert.equal((await exported(r.url, `draft=${draftId}&from=${tomorrow}`)).length, 0);
    assert.ok(today);
    const res = await fetch(`${r.url}/api/export?format=jsonl&draft=${draftId}`, { headers: staffHeaders() });
    assert.equal(res.headers.get('content-type'), 'application/x-ndjson; charset=utf-8');
    const json = await (await fetch(`${r.url}/api/export?format=json&draft=${draftId}`, { headers: staffHeaders() })).json();
    assert.equal(json.count, 3);
  });

  it('every export is in the audit log (who, what, when)', async () => {
    await fetch(`${r.url}/api/export?format=csv&type=appointment`, { headers: staffHeaders() });
    const s = await openStorage({ dbFile: join(dir, 'r.sqlite') });
    try {
      const log = await s.auditLog('');
      const last = log.at(-1);
      assert.equal(last.action, 'export');
      assert.match(last.actor, /^staff:[0-9a-f]{8}$/);
      assert.deepEqual([last.detail.format, last.detail.type], ['csv', 'appointment']);
      assert.ok(Date.parse(last.at) > Date.now() - 3600_000);
    } finally { await s.close(); }
  });

  it('submissions are answered while an export is held open by a slow reader; the export is a snapshot', async () => {
    // Enough rows that the export cannot fit in the socket buffers.
    const s = await openStorage({ dbFile: join(dir, 'r.sqlite') });
    const draftId = `big-${Date.now()}`;
    const filler = 'x'.repeat(800);
    try {
      for (let i = 0; i < 8000; i++) {
        await s.insert({ key: randomUUID(), type: 'legislation-feedback', prefix: 'FK', year: 2026, createdAt: new Date().toISOString(), receivedAt: new Date().toISOString(),
          body: JSON.stringify({ ...feedback({ draftId, text: `${i} ${filler}` }), id: undefined }), personal: null, hash: `h${i}`, subjectId: draftId, surveyId: null, code: null });
      }
    } finally { await s.close(); }
    const u = new URL(`${r.url}/api/export?format=csv&draft=${draftId}`);
    const res = await new Promise((ok, fail) => request({ host: u.hostname, port: u.port, path: u.pathname + u.search, headers: staffHeaders() }, ok).on('error', fail).end());
    assert.equal(res.statusCode, 200);
    // Read one chunk, then stop reading: the server must wait (backpressure), not buffer it all.
    let text = '';
    res.setEncoding('utf8');
    await new Promise((ok) => res.once('data', (c) => { text += c; ok(); }));
    res.pause();
    const during = await post(r.url, FK, feedback({ draftId }));
    assert.equal(during.status, 201);
    res.on('data', (c) => { text += c; });
    res.resume();
    await new Promise((ok) => res.on('end', ok));
    // 8,000 rows; the submission made during the export came after its snapshot.
    assert.equal(text.split('\r\n').filter((l) => l.includes(filler)).length, 8000);
    assert.equal(text.includes(during.json.receipt), false);
  });
});

describe('rd-receiver: limits (in-process, tight settings)', () => {
  let r;
  before(async () => {
    r = await startReceiver({
      dbFile: join(tmp(), 'l.sqlite'), staffToken: STAFF, quiet: true,
      limits: { submissions: { perMinute: 6, burst: 3 }, staffFailures: { perMinute: 1, burst: 2 }, maxConnections: 3, headersTimeoutMs: 600, requestTimeoutMs: 1200 },
    });
  });
  after(async () => { await r?.close(); });

  it('per-client rate limit: 429 with Retry-After and a JSON message, not stored', async () => {
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await post(r.url, FK, feedback()));
    assert.deepEqual(answers.map((a) => a.status), [201, 201, 201, 429, 429]);
    const limited = answers[3];
    assert.ok(Number(limited.headers.get('retry-after')) >= 1);
    assert.match(limited.json.message, /请求过于频繁/);
    assert.equal(await r.storage.count(), 3);
  });

  it('guessing the staff token: 403, 403, then 429', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${r.url}/api/export`, { headers: staffHeaders(`guess-${i}-guess-guess`) })).status);
    assert.deepEqual(statuses, [403, 403, 429]);
  });

  it('a client that never finishes its headers is answered 408 and disconnected', async () => {
    const u = new URL(r.url);
    const sock = connect(Number(u.port), u.hostname);
    let got = '';
    sock.on('data', (c) => { got += c; });
    sock.write('POST /api/legislation-feedback HTTP/1.1\r\nHost: x\r\nContent-Type: app');
    await new Promise((ok) => sock.on('close', ok));
    assert.match(got, /^HTTP\/1\.1 408/);
  });

  it('a client that never finishes its body is answered 408 and nothing is stored', async () => {
    const before = await r.storage.count();
    const u = new URL(r.url);
    const sock = connect(Number(u.port), u.hostname);
    let got = '';
    sock.on('data', (c) => { got += c; });
    sock.write(`POST /api/legislation-feedback HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nIdempotency-Key: ${randomUUID()}\r\nContent-Length: 500\r\n\r\n{"type":`);
    await new Promise((ok) => sock.on('close', ok));
    assert.match(got, /408/);
    assert.equal(await r.storage.count(), before);
  });

  it('connections are bounded: past maxConnections a new one is closed; later ones are served again', async () => {
    // Its own server with long timeouts, so the idle connections held below are not closed by
    // the header timeout on a slow machine.
    const r = await startReceiver({ dbFile: join(tmp(), 'c.sqlite'), staffToken: STAFF, quiet: true, limits: { maxConnections: 3, headersTimeoutMs: 120_000, requestTimeoutMs: 120_000 } });
    try {
      const u = new URL(r.url);
      const open = [];
      for (let i = 0; i < 3; i++) {
        const s = connect(Number(u.port), u.hostname);
        await new Promise((ok) => s.on('connect', ok));
        s.on('error', () => {});
        open.push(s);
      }
      await new Promise((ok) => setImmediate(ok));
      const extra = connect(Number(u.port), u.hostname);
      extra.on('error', () => {});
      let answered = '';
      extra.on('data', (c) => { answered += c; });
      extra.write('GET /api HTTP/1.1\r\nHost: x\r\n\r\n');
      await new Promise((ok) => extra.on('close', ok));
      assert.equal(answered, '');
      for (const s of open) s.destroy();
      // Once they are gone, the server answers again.
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = await fetch(`${r.url}/api`).then((x) => x.status, () => 0);
        if (status !== 200) await new Promise((ok) => setTimeout(ok, 50));
      }
      assert.equal(status, 200);
    } finally { await r.close(); }
  });
});

describe('rd-receiver: nothing private is served as a static file', () => {
  let r;
  let root;
  before(async () => {
    root = tmp('rd-static-');
    mkdirSync(join(root, 'content'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>portal</title>');
    writeFileSync(join(root, 'content', 'survey-codes.json'), JSON.stringify({ s: ['SECRETCODE'] }));
    writeFileSync(join(root, 'content', 'public.json'), '{"ok":true}');
    writeFileSync(join(root, '.env'), 'SECRETCODE=1');
    r = await startReceiver({
      dbFile: join(root, 'data', 'receiver.sqlite'), staffToken: STAFF, quiet: true, contentDir: join(root, 'content'),
      staticRoots: [{ prefix: '/', dir: root }],
    });
    writeFileSync(join(root, 'data', 'staff-token'), 'SECRETCODE');
    await post(r.url, FK, feedback({ text: 'SECRETCODE in a stored comment' }));
  });
  after(async () => { await r?.close(); });

  it('serves the public files', async () => {
    assert.equal((await rawGet(r.url, '/')).status, 200);
    assert.equal((await rawGet(r.url, '/content/public.json')).status, 200);
  });
  const paths = [
    '/content/survey-codes.json', '/content/survey-codes.json/', '/content/survey-codes.json//', '/content/survey-codes.json%2f',
    '/content/survey-codes.json%2F', '/content/%73urvey-codes.json', '/content/./survey-codes.json', '/content/%2e/survey-codes.json',
    '/content//survey-codes.json', '/x/../content/survey-codes.json', '/x/%2e%2e/content/survey-codes.json', '/content%2fsurvey-codes.json',
    '/data/receiver.sqlite', '/data/receiver.sqlite/', '/data/receiver.sqlite-wal', '/data/staff-token', '/data/staff-token/', '/data/',
    '/data', '/%64ata/staff-token', '/data%2fstaff-token', '/./data/staff-token', '/%2e/data/staff-token', '/.env', '/%2eenv',
    '/..%2f..%2fetc%2fpasswd', '/data/..%2fdata/staff-token', '/data%00/staff-token',
  ];
  for (const p of paths) {
    it(`refuses ${p}`, async () => {
      const res = await rawGet(r.url, p);
      assert.ok([400, 404].includes(res.status) || (res.status === 301 && !/data/.test(res.headers.location ?? '')), `${p}: ${res.status}`);
      assert.doesNotMatch(res.body, /SECRETCODE|SQLite format|root:/);
    });
  }
});

describe('rd-receiver: personal data retention', () => {
  it('--retention-days deletes older personal details at start; the comments and receipts stay', async () => {
    const dir = tmp();
    const db = join(dir, 'p.sqlite');
    const s = await openStorage({ dbFile: db });
    const old = await s.insert({ key: randomUUID(), type: 'legislation-feedback', prefix: 'FK', year: 2025, createdAt: '2025-01-01T00:00:00.000Z', receivedAt: '2025-01-01T00:00:00.000Z',
      body: JSON.stringify({ ...feedback({ text: '旧意见' }), data: { ...feedback().data, respondent: { identity: 'resident' } } }), personal: JSON.stringify({ respondent: { name: '赵六', phone: '13800000000' } }), hash: 'h', subjectId: 'd', surveyId: null, code: null });
    await s.close();
    const r = await spawnReceiver(['--db', db, '--retention-days', '30']);
    try {
      const fresh = await post(r.url, FK, feedback({ name: '钱七', phone: '13900000000' }));
      assert.equal(fresh.status, 201);
      const rows = await exported(r.url);
      const o = rows.find((x) => x.receipt === old.receipt);
      assert.ok(o);
      assert.equal(o.data.respondent.name, undefined);
      assert.equal(o.data.respondent.phone, undefined);
      assert.equal(o.data.respondent.identity, 'resident');
      const f = rows.find((x) => x.receipt === fresh.json.receipt);
      assert.deepEqual([f.data.respondent.name, f.data.respondent.phone], ['钱七', '13900000000']);
      // Stored apart: the submission's own body holds no name or phone.
      const s2 = await openStorage({ dbFile: db });
      try {
        const stored = await s2.findByReceipt(fresh.json.receipt);
        assert.doesNotMatch(stored.body, /钱七|13900000000/);
        assert.match(stored.personal, /钱七/);
        assert.equal((await s2.findByReceipt(old.receipt)).personal, null);
      } finally { await s2.close(); }
    } finally { await r.stop(); }
  });
});

describe('rd-receiver: the audit log is kept six months', () => {
  it('purges audit entries older than six months, keeps younger ones', async () => {
    const r = await startReceiver({ dbFile: join(tmp(), 'a.sqlite'), staffToken: STAFF, quiet: true });
    try {
      const day = 86_400_000;
      await r.storage.audit({ actor: 'staff:old', action: 'export', at: new Date(Date.now() - 190 * day).toISOString() });
      await r.storage.audit({ actor: 'staff:recent', action: 'export', at: new Date(Date.now() - 170 * day).toISOString() });
      const res = await r.purge();
      assert.equal(res.audit, 1);
      assert.deepEqual((await r.storage.auditLog('')).map((a) => a.actor), ['staff:recent']);
    } finally { await r.close(); }
  });
});

describe('npm start (demo/server.mjs): demo and receiver on one port, PORT honoured', () => {
  it('serves the demo page and the API together', async () => {
    const port = await freePort();
    const dir = tmp();
    const { spawn } = await import('node:child_process');
    const proc = spawn(process.execPath, [join(ROOT, 'demo', 'server.mjs'), '--db', join(dir, 'demo.sqlite')], { env: { ...process.env, PORT: String(port), RD_STAFF_TOKEN: STAFF }, stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      let out = '';
      proc.stdout.on('data', (c) => { out += c; });
      await new Promise((ok, fail) => { proc.stdout.on('data', () => { if (out.includes('API endpoint')) ok(); }); proc.on('exit', () => fail(new Error(out))); });
      assert.match(out, new RegExp(`localhost:${port}/`));
      const page = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(page.status, 200);
      assert.match(await page.text(), /<html/i);
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/drafts/2026-yq-01`)).status, 200);
      assert.equal((await post(`http://127.0.0.1:${port}`, FK, feedback())).status, 201);
      assert.equal((await fetch(`http://127.0.0.1:${port}/content/survey-codes.json/`)).status, 404);
      assert.equal((await fetch(`http://127.0.0.1:${port}/api/export`)).status, 401);
    } finally {
      proc.kill('SIGTERM');
      await new Promise((ok) => proc.once('exit', ok));
    }
  });
});
