// The reference receiver (rd-receiver, server/), over real HTTP from the browser, cross-origin
// (the test page and the receiver run on different ports, so every call also exercises CORS;
// the test page's origin is an allowed origin). The WTR config starts it through
// test/server/test-receiver.mjs, which adds the test payload type `rd-test` at
// /api/__test-submissions (so generic behaviour does not depend on any widget's schema) and the
// /__faults and /__rows helpers. Node-side tests of the server are in test/server/.
import { expect } from '@open-wc/testing';

const R = (): string => {
  const url = window.__RD_TEST__?.receiver;
  if (!url) throw new Error('The reference receiver is not running: run `node scripts/build.mjs --schemas-only` first.');
  return url;
};
const TEST_ROUTE = '/api/__test-submissions';
/** Export is staff-only: the test receiver's staff token. */
const staff = (): RequestInit => ({ headers: { Authorization: `Bearer ${window.__RD_TEST__?.staffToken ?? ''}` } });
const HAN = /[\u4e00-\u9fff]/;

interface FieldError { path: string; message: string }
interface StoredRow { id: string; type: string; idempotency_key: string; receipt: string; created_at: string; received_at: string; body: Envelope }
interface Envelope { type: string; version: number; id: string; createdAt: string; locale: string; source: { url: string }; data: Record<string, unknown> }

const uuid = (): string => crypto.randomUUID();
const envelope = (type: string, data: Record<string, unknown>, id = uuid()): Envelope => ({
  type, version: 1, id, createdAt: new Date().toISOString(), locale: 'zh-CN', source: { url: location.origin + location.pathname }, data,
});
const testBody = (text = '测试意见', id = uuid()) => envelope('rd-test', { text }, id);

async function post(route: string, body: unknown, o: { key?: string | null; headers?: Record<string, string> } = {}): Promise<Response> {
  const key = o.key === undefined ? (body as Envelope)?.id : o.key;
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...o.headers };
  if (key !== null && key !== undefined) headers['Idempotency-Key'] = key;
  return fetch(R() + route, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
}
async function rows(type: string, key?: string): Promise<{ count: number; rows: StoredRow[] }> {
  const q = new URLSearchParams({ type, ...(key ? { key } : {}) });
  const res = await fetch(`${R()}/__rows?${q}`);
  expect(res.status).to.equal(200);
  return res.json();
}
async function queueFaults(f: { route: string; key?: string; statuses: Array<number | null>; retryAfter?: number; delayMs?: number; body?: object }) {
  const res = await fetch(`${R()}/__faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(f) });
  expect(res.status).to.equal(201);
}

/** RFC 4180 parser, enough to read back the export. */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); out.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell || row.length) { row.push(cell); out.push(row); }
  return out;
}

describe('reference receiver', () => {
  describe('POST validation', () => {
    const cases: Array<{ name: string; body: () => unknown; key?: (b: unknown) => string | null; contentType?: string; status: number; paths: string[]; message?: RegExp | string }> = [
      { name: 'invalid JSON', body: () => '{"type": "rd-test",', key: () => uuid(), status: 400, paths: [''], message: HAN },
      { name: 'a JSON array', body: () => [testBody()], key: () => uuid(), status: 400, paths: [''] },
      { name: 'type not matching the route', body: () => envelope('legislation-feedback', { text: 'x' }), status: 400, paths: ['type'], message: HAN },
      { name: 'no Idempotency-Key header', body: () => testBody(), key: () => null, status: 400, paths: [''], message: /Idempotency-Key/ },
      { name: 'an Idempotency-Key that is not a UUID', body: () => testBody(), key: () => 'abc-123', status: 400, paths: [''], message: /UUID/ },
      { name: 'Idempotency-Key different from id', body: () => testBody(), key: () => uuid(), status: 400, paths: ['id'], message: HAN },
      { name: 'an empty required text (schema message)', body: () => testBody('   '), status: 400, paths: ['data.text'], message: '请填写内容' },
      { name: 'missing fields, nested paths joined with dots', body: () => { const b = testBody(); return { ...b, createdAt: undefined, data: { text: 'ok', items: [{ n: 1 }, { n: 'two' }] } }; }, status: 400, paths: ['createdAt', 'data.items.1.n'], message: HAN },
      { name: 'version 2', body: () => ({ ...testBody(), version: 2 }), status: 400, paths: ['version'] },
      { name: 'too many items (array max)', body: () => ({ ...testBody(), data: { text: 'x', items: [1, 2, 3, 4, 5, 6].map((n) => ({ n })) } }), status: 400, paths: ['data.items'], message: '最多选择 5 项' },
      { name: 'a text/plain body', body: () => testBody(), contentType: 'text/plain', status: 415, paths: [''] },
    ];
    for (const c of cases) {
      it(`refuses ${c.name} with ${c.status} and field errors, storing nothing`, async () => {
        const body = c.body();
        const key = c.key ? c.key(body) : (body as Envelope).id;
        const res = await post(TEST_ROUTE, body, { key, headers: c.contentType ? { 'Content-Type': c.contentType } : {} });
        expect(res.status).to.equal(c.status);
        const json = (await res.json()) as { errors: FieldError[] };
        expect(json.errors.map((e) => e.path)).to.deep.equal(c.paths);
        for (const e of json.errors) expect(e.message).to.be.a('string').and.not.equal('');
        if (c.message instanceof RegExp) expect(json.errors[0].message).to.match(c.message);
        else if (c.message) expect(json.errors[0].message).to.equal(c.message);
        if (key) expect((await rows('rd-test', key)).count).to.equal(0);
      });
    }

    it('refuses a body over 1 MB with 413', async () => {
      const body = testBody('长'.repeat(400_000)); // 1.2 MB of UTF-8
      const res = await post(TEST_ROUTE, body);
      expect(res.status).to.equal(413);
      expect(((await res.json()) as { errors: FieldError[] }).errors[0].message).to.match(HAN);
      expect((await rows('rd-test', body.id)).count).to.equal(0);
    });

    it('validates every registered widget route with its schema (as listed by GET /api)', async () => {
      const index = (await (await fetch(`${R()}/api`)).json()) as { payloads: Array<{ type: string; route: string; receiptPrefix: string }> };
      const widgetRoutes = index.payloads.filter((p) => p.type !== 'rd-test');
      // The four routes and receipt prefixes of docs/contract.md#post-routes.
      expect(widgetRoutes.map((p) => [p.type, p.route, p.receiptPrefix])).to.have.deep.members([
        ['legislation-feedback', '/api/legislation-feedback', 'FK'],
        ['deputy-message', '/api/deputy-messages', 'LY'],
        ['appointment', '/api/appointments', 'YY'],
        ['survey-response', '/api/survey-responses', 'CP'],
      ]);
      for (const { route, type } of widgetRoutes) {
        const res = await post(route, envelope(type, {}));
        expect(res.status, route).to.equal(400);
        const { errors } = (await res.json()) as { errors: FieldError[] };
        expect(errors.length, route).to.be.greaterThan(0);
        for (const e of errors) expect(e.path, route).to.match(/^data(\.|$)/);
        const wrong = await post(route, envelope(type === 'appointment' ? 'deputy-message' : 'appointment', {}));
        expect(((await wrong.json()) as { errors: FieldError[] }).errors[0].path).to.equal('type');
      }
    });
  });

  describe('accepting and idempotency', () => {
    it('stores an accepted submission and answers 201 with a receipt', async () => {
      const body = testBody('关于第十二条的意见');
      const res = await post(TEST_ROUTE, body);
      expect(res.status).to.equal(201);
      const json = (await res.json()) as { receipt: string; message: string };
      expect(json.receipt).to.match(new RegExp(`^TS-${new Date().getFullYear()}-\\d{6}$`));
      expect(json.message).to.match(HAN);
      const stored = await rows('rd-test', body.id);
      expect(stored.count).to.equal(1);
      expect(stored.rows[0]).to.include({ id: body.id, type: 'rd-test', idempotency_key: body.id, receipt: json.receipt, created_at: body.createdAt });
      expect(stored.rows[0].body.data).to.deep.equal({ text: '关于第十二条的意见' });
      expect(Date.parse(stored.rows[0].received_at)).to.be.closeTo(Date.now(), 60_000);
    });

    it('numbers receipts per type in sequence', async () => {
      const a = (await (await post(TEST_ROUTE, testBody('一'))).json()) as { receipt: string };
      const b = (await (await post(TEST_ROUTE, testBody('二'))).json()) as { receipt: string };
      const n = (r: string) => Number(r.split('-')[2]);
      expect(n(b.receipt)).to.equal(n(a.receipt) + 1);
    });

    it('answers a repeat with the same key with the first receipt (200) and stores one row', async () => {
      const body = testBody('重复提交');
      const first = await post(TEST_ROUTE, body);
      expect(first.status).to.equal(201);
      const { receipt } = (await first.json()) as { receipt: string };
      // The same submission again, also with its keys in another order (a different serialiser).
      const reordered = { data: body.data, source: body.source, locale: body.locale, createdAt: body.createdAt, id: body.id, version: 1, type: 'rd-test' };
      for (const b of [body, reordered, body]) {
        const again = await post(TEST_ROUTE, b);
        expect(again.status).to.equal(200);
        expect(((await again.json()) as { receipt: string }).receipt).to.equal(receipt);
      }
      expect((await rows('rd-test', body.id)).count).to.equal(1);
    });

    it('stores one row when the same submission arrives five times at once', async () => {
      const body = testBody('同时到达');
      const answers = await Promise.all([1, 2, 3, 4, 5].map(() => post(TEST_ROUTE, body)));
      expect(answers.map((r) => r.status).sort()).to.deep.equal([200, 200, 200, 200, 201]);
      const receipts = await Promise.all(answers.map(async (r) => ((await r.json()) as { receipt: string }).receipt));
      expect(new Set(receipts).size).to.equal(1);
      expect((await rows('rd-test', body.id)).count).to.equal(1);
    });

    it('refuses the same key with a different body (422) and keeps the first', async () => {
      const body = testBody('原始内容');
      expect((await post(TEST_ROUTE, body)).status).to.equal(201);
      const res = await post(TEST_ROUTE, { ...body, data: { text: '改过的内容' } });
      expect(res.status).to.equal(422);
      expect(await res.json()).to.deep.equal({ errors: [{ path: '', message: '此 Idempotency-Key 已用于另一份不同的内容。Idempotency-Key reused with a different body' }] });
      const stored = await rows('rd-test', body.id);
      expect(stored.count).to.equal(1);
      expect(stored.rows[0].body.data).to.deep.equal({ text: '原始内容' });
    });
  });

  describe('CORS', () => {
    it('reflects the origin with credentials and allows the contract headers (preflight)', async () => {
      const body = testBody('跨域');
      // A credentialed cross-origin request with custom headers: only succeeds when the preflight
      // allows every header and the answer names this origin (not "*") with credentials allowed.
      const res = await fetch(R() + TEST_ROUTE, {
        method: 'POST',
        credentials: 'include',
        headers: {
          'Content-Type': 'application/json', 'Idempotency-Key': body.id,
          'X-Captcha-Token': 'tok', 'X-CSRF-Token': 'csrf', Authorization: 'Bearer demo',
        },
        body: JSON.stringify(body),
      });
      expect(res.status).to.equal(201);
    });

    it('answers OPTIONS with 204', async () => {
      const res = await fetch(`${R()}/api/deputy-messages`, { method: 'OPTIONS' });
      expect(res.status).to.equal(204);
    });

    it('refuses a header outside the allowed list at the preflight', async () => {
      let error: unknown;
      try {
        await fetch(R() + TEST_ROUTE, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Not-Allowed': '1' }, body: '{}' });
      } catch (e) { error = e; }
      expect(error).to.be.instanceOf(TypeError);
    });

    it('exposes Retry-After and Content-Disposition to scripts', async () => {
      const body = testBody();
      await queueFaults({ route: TEST_ROUTE, key: body.id, statuses: [429], retryAfter: 7 });
      const res = await post(TEST_ROUTE, body);
      expect(res.status).to.equal(429);
      expect(res.headers.get('Retry-After')).to.equal('7');
      const exp = await fetch(`${R()}/api/export?type=rd-test&format=csv`, staff());
      expect(exp.headers.get('Content-Disposition')).to.match(/^attachment; filename="rd-rd-test-\d{4}-\d{2}-\d{2}\.csv"$/);
    });
  });

  describe('fault injection', () => {
    it('503, 503 (with Retry-After), then success: one row, stored only on success', async () => {
      const body = testBody('重试三次');
      await queueFaults({ route: TEST_ROUTE, key: body.id, statuses: [503, 503], retryAfter: 1 });
      for (let i = 0; i < 2; i++) {
        const res = await post(TEST_ROUTE, body);
        expect(res.status).to.equal(503);
        expect(res.headers.get('Retry-After')).to.equal('1');
        expect((await rows('rd-test', body.id)).count).to.equal(0);
      }
      const ok = await post(TEST_ROUTE, body);
      expect(ok.status).to.equal(201);
      expect((await post(TEST_ROUTE, body)).status).to.equal(200);
      expect((await rows('rd-test', body.id)).count).to.equal(1);
      const log = (await (await fetch(`${R()}/__log?key=${body.id}`)).json()) as Array<{ route: string; key: string; status: number; fault?: boolean }>;
      expect(log.map((e) => [e.route, e.status, !!e.fault])).to.deep.equal([
        [TEST_ROUTE, 503, true], [TEST_ROUTE, 503, true], [TEST_ROUTE, 201, false], [TEST_ROUTE, 200, false],
      ]);
    });

    it('serves a queued body (422 with field errors) and stores nothing', async () => {
      const body = testBody();
      const errors = [{ path: 'data.text', message: '意见内容过长' }];
      await queueFaults({ route: TEST_ROUTE, key: body.id, statuses: [422], body: { errors } });
      const res = await post(TEST_ROUTE, body);
      expect(res.status).to.equal(422);
      expect(await res.json()).to.deep.equal({ errors });
      expect((await rows('rd-test', body.id)).count).to.equal(0);
    });

    it('null in statuses delays, then handles the request normally', async () => {
      const body = testBody();
      await queueFaults({ route: TEST_ROUTE, key: body.id, statuses: [null], delayMs: 250 });
      const t0 = performance.now();
      const res = await post(TEST_ROUTE, body);
      expect(res.status).to.equal(201);
      expect(performance.now() - t0).to.be.at.least(230);
      expect((await rows('rd-test', body.id)).count).to.equal(1);
    });

    it('a fault queued for one key leaves other submissions alone', async () => {
      const mine = testBody();
      const other = testBody();
      await queueFaults({ route: TEST_ROUTE, key: mine.id, statuses: [500, 502] });
      expect((await post(TEST_ROUTE, other)).status).to.equal(201);
      expect((await post(TEST_ROUTE, mine)).status).to.equal(500);
      expect((await post(TEST_ROUTE, mine)).status).to.equal(502);
      expect((await post(TEST_ROUTE, mine)).status).to.equal(201);
      expect((await rows('rd-test', mine.id)).count).to.equal(1);
    });

    it('delays a fault by delayMs, and DELETE /__faults clears a queue', async () => {
      const slow = testBody();
      await queueFaults({ route: TEST_ROUTE, key: slow.id, statuses: [503], delayMs: 300 });
      const t0 = performance.now();
      expect((await post(TEST_ROUTE, slow)).status).to.equal(503);
      expect(performance.now() - t0).to.be.at.least(280);

      const cleared = testBody();
      await queueFaults({ route: TEST_ROUTE, key: cleared.id, statuses: [503, 503] });
      const del = await fetch(`${R()}/__faults?key=${cleared.id}`, { method: 'DELETE' });
      expect(del.status).to.equal(204);
      expect((await post(TEST_ROUTE, cleared)).status).to.equal(201);
    });

    it('refuses a malformed fault description', async () => {
      const res = await fetch(`${R()}/__faults`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ route: TEST_ROUTE, statuses: [42] }) });
      expect(res.status).to.equal(400);
    });
  });

  describe('export', () => {
    const tricky = ['=HYPERLINK("http://evil.example","点我")', '+1', '-2+3', '@SUM(A1)', '逗号,引号"和\n换行'];
    let receipts: string[] = [];
    before(async () => {
      receipts = [];
      for (const text of tricky) {
        const res = await post(TEST_ROUTE, testBody(text));
        receipts.push(((await res.json()) as { receipt: string }).receipt);
      }
    });

    it('CSV: UTF-8 BOM, header row, proper quoting, formula guard', async () => {
      const res = await fetch(`${R()}/api/export?type=rd-test&format=csv`, staff());
      expect(res.status).to.equal(200);
      expect(res.headers.get('Content-Type')).to.equal('text/csv; charset=utf-8');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).slice(1);
      expect(text.endsWith('\r\n')).to.equal(true);
      const table = parseCsv(text);
      const [header, ...data] = table;
      expect(header.slice(0, 5)).to.deep.equal(['receipt', 'type', 'idempotency_key', 'created_at', 'received_at']);
      const textCol = header.indexOf('data.text');
      expect(textCol).to.be.greaterThan(4);
      for (const row of data) expect(row.length).to.equal(header.length);
      const cells = receipts.map((r) => data.find((row) => row[0] === r)?.[textCol]);
      expect(cells).to.deep.equal([
        `'=HYPERLINK("http://evil.example","点我")`, "'+1", "'-2+3", "'@SUM(A1)", '逗号,引号"和\n换行',
      ]);
    });

    it('JSON: the stored rows with their data', async () => {
      const res = await fetch(`${R()}/api/export?type=rd-test&format=json`, staff());
      expect(res.status).to.equal(200);
      const json = (await res.json()) as { count: number; rows: Array<{ receipt: string; type: string; data: { text: string } }> };
      expect(json.count).to.equal(json.rows.length);
      const mine = receipts.map((r) => json.rows.find((x) => x.receipt === r));
      expect(mine.map((x) => x?.data.text)).to.deep.equal(tricky); // JSON keeps the raw text
      expect(json.rows.every((x) => x.type === 'rd-test')).to.equal(true);
    });

    it('refuses an unknown type or format with 400', async () => {
      expect((await fetch(`${R()}/api/export?type=nope&format=csv`, staff())).status).to.equal(400);
      expect((await fetch(`${R()}/api/export?type=rd-test&format=xlsx`, staff())).status).to.equal(400);
    });
  });

  describe('survey responses: one per code', () => {
    const response = (code: string | undefined, surveyId = '2027-mssx-pj') =>
      envelope('survey-response', { surveyId, anonymity: 'anonymous', role: 'deputy', ...(code ? { code } : {}), answers: { projects: { selected: ['m01'] } } });

    it('accepts a valid code once; a second response with it is 409 with the first receipt', async () => {
      const first = await post('/api/survey-responses', response('RDTEST-MSSX-001'));
      expect(first.status).to.equal(201);
      const { receipt } = (await first.json()) as { receipt: string };
      expect(receipt).to.match(/^CP-\d{4}-\d{6}$/);
      const second = response('rdtest-mssx-001 '); // codes compare trimmed and case-insensitively
      const res = await post('/api/survey-responses', second);
      expect(res.status).to.equal(409);
      expect(await res.json()).to.deep.equal({ message: '此测评码已提交过，不能重复提交', receipt });
      expect((await rows('survey-response', second.id)).count).to.equal(0);
    });

    it('refuses a response outside the survey window (a page left open past closing), storing nothing', async () => {
      const late = envelope('survey-response', { surveyId: '2025-mssx-zj', anonymity: 'anonymous', role: 'public', answers: {} });
      const res = await post('/api/survey-responses', late);
      expect(res.status).to.equal(422);
      expect(((await res.json()) as { message: string }).message).to.contain('已截止');
      expect((await rows('survey-response', late.id)).count).to.equal(0);
    });

    it('lets only one of two simultaneous responses with one code through', async () => {
      const [a, b] = await Promise.all([response('RDTEST-MSSX-005'), response('RDTEST-MSSX-005')].map((x) => post('/api/survey-responses', x)));
      expect([a.status, b.status].sort()).to.deep.equal([201, 409]);
      const [ok, refused] = a.status === 201 ? [a, b] : [b, a];
      expect(((await refused.json()) as { receipt: string }).receipt).to.equal(((await ok.json()) as { receipt: string }).receipt);
    });

    const refusals: Array<[string, () => Envelope, string]> = [
      ['an unknown code', () => response('RDTEST-NOPE-999'), 'code'],
      ['no code for a closed survey', () => response(undefined), 'code'],
      ['a code from another survey', () => response('RDTEST-JYBL-001'), 'code'],
      ['an unknown survey', () => response('RDTEST-MSSX-002', 'no-such-survey'), 'surveyId'],
    ];
    it('computes matrix results per subject and dimension, and never publishes free text', async () => {
      type Row = { id: string; dimensions?: Array<{ id: string; counts: Record<string, number> }> };
      type Results = { surveyId: string; respondents: number; sections: Array<{ kind: string; questionId: string; rows?: Row[] }> };
      const secret = `私密意见-${uuid()}`;
      const matrix = (tier: string) => Object.fromEntries(['org', 'attitude', 'consult', 'reply', 'implement', 'overall'].map((d) => [d, tier]));
      const respond = (code: string, tier: string) => envelope('survey-response', {
        surveyId: '2026-jybl-myd', anonymity: 'identified', role: 'deputy', code, respondent: { name: '测试代表' },
        answers: { handling: { s101: matrix(tier), s117: matrix('satisfied') }, 'dissatisfied-reason': secret, comments: secret },
      });
      expect((await post('/api/survey-responses', respond('RDTEST-JYBL-001', 'dissatisfied'))).status).to.equal(201);
      expect((await post('/api/survey-responses', respond('RDTEST-JYBL-002', 'basically-satisfied'))).status).to.equal(201);
      const res = await fetch(`${R()}/api/surveys/2026-jybl-myd/results`);
      const text = await res.text();
      expect(text).not.to.contain(secret);
      expect(text).not.to.contain('测试代表');
      const results = JSON.parse(text) as Results;
      expect(results.respondents).to.equal(2);
      const rows = results.sections.find((x) => x.questionId === 'handling')!.rows!;
      const dim = (subject: string, d: string) => rows.find((r) => r.id === subject)!.dimensions!.find((x) => x.id === d)!.counts;
      expect(dim('s101', 'reply')).to.deep.equal({ satisfied: 0, 'basically-satisfied': 1, dissatisfied: 1 });
      expect(dim('s117', 'overall')).to.deep.equal({ satisfied: 2, 'basically-satisfied': 0, dissatisfied: 0 });
      expect(dim('s132', 'org')).to.deep.equal({ satisfied: 0, 'basically-satisfied': 0, dissatisfied: 0 });
    });

    const ballot = (answers: Record<string, unknown>) =>
      envelope('survey-response', { surveyId: '2027-mssx-pj', anonymity: 'anonymous', role: 'deputy', code: 'RDTEST-MSSX-002', answers });
    const eleven = ['m01', 'm02', 'm03', 'm04', 'm05', 'm06', 'm07', 'm08', 'm09', 'm10', 'm11'];
    refusals.push(
      ['an 11th choice on a choose-10 ballot', () => ballot({ projects: { selected: eleven } }), 'data.answers.projects'],
      ['10 choices plus a write-in on a choose-10 ballot', () => ballot({ projects: { selected: eleven.slice(0, 10), writeIns: ['另一个项目'] } }), 'data.answers.projects'],
      ['a candidate not on the ballot', () => ballot({ projects: { selected: ['m01', 'x99'] } }), 'data.answers.projects.selected'],
      ['the same candidate twice', () => ballot({ projects: { selected: ['m01', 'm01'] } }), 'data.answers.projects.selected'],
      ['an answer to a question the survey does not have', () => ballot({ projects: { selected: ['m01'] }, extra: 'x' }), 'data.answers.extra'],
      ['a role the survey does not list', () => ({ ...ballot({ projects: { selected: ['m01'] } }), data: { ...ballot({}).data, role: 'public' } }), 'data.role'],
      ['identity sent to an anonymous survey', () => {
        const b = ballot({ projects: { selected: ['m01'] } });
        return { ...b, data: { ...b.data, anonymity: 'identified', respondent: { name: '王某' } } };
      }, 'data.anonymity'],
    );
    for (const [name, make, path] of refusals) {
      it(`refuses ${name} with 400 at "${path}"`, async () => {
        const body = make();
        const res = await post('/api/survey-responses', body);
        expect(res.status).to.equal(400);
        const { errors } = (await res.json()) as { errors: FieldError[] };
        expect(errors.map((e) => e.path)).to.deep.equal([path]);
        expect(errors[0].message).to.match(HAN);
        expect((await rows('survey-response', body.id)).count).to.equal(0);
      });
    }

    it('counts stored responses into the published results (ballot votes)', async () => {
      type Results = { respondents: number; sections: Array<{ kind: string; candidates?: Array<{ id: string; votes: number }> }> };
      const vote = (code: string, selected: string[]) =>
        envelope('survey-response', { surveyId: '2027-mssx-pj', anonymity: 'anonymous', role: 'deputy', code, answers: { projects: { selected } } });
      const results = async () => (await (await fetch(`${R()}/api/surveys/2027-mssx-pj/results`)).json()) as Results;
      const votes = (r: Results, id: string) => r.sections.find((s) => s.kind === 'ballot')?.candidates?.find((c) => c.id === id)?.votes;
      // At least one stored response: from then on results are computed, not the published file.
      expect((await post('/api/survey-responses', vote('RDTEST-MSSX-003', ['m03']))).status).to.equal(201);
      const before = await results();
      expect((await post('/api/survey-responses', vote('RDTEST-MSSX-004', ['m01', 'm02']))).status).to.equal(201);
      const after = await results();
      expect(after.respondents).to.equal(before.respondents + 1);
      expect(votes(after, 'm01')).to.equal(votes(before, 'm01')! + 1);
      expect(votes(after, 'm02')).to.equal(votes(before, 'm02')! + 1);
      expect(votes(after, 'm03')).to.equal(votes(before, 'm03'));
      expect(votes(after, 'm03')).to.be.at.least(1);
    });
  });

  describe('GET routes and static files', () => {
    const notFound = [
      '/api/nope', '/api/drafts/no-such-draft', '/api/deputies/no-such-deputy', '/api/surveys/no-such-survey',
      '/api/surveys/no-such-survey/results', '/api/drafts/a%20b', '/api/stations/extra', '/no-such-page.html',
    ];
    for (const path of notFound) {
      it(`answers ${path} with a JSON 404`, async () => {
        const res = await fetch(R() + path);
        expect(res.status).to.equal(404);
        expect(res.headers.get('Content-Type')).to.match(/^application\/json/);
        expect(((await res.json()) as { message: string }).message).to.match(HAN);
      });
    }

    const content: Array<[string, (json: Record<string, unknown>) => void]> = [
      ['/api/surveys/2026-jybl-myd', (j) => expect(j.id).to.equal('2026-jybl-myd')],
      ['/api/drafts/2026-yq-01', (j) => expect(j.id).to.equal('2026-yq-01')],
      ['/api/stations', (j) => expect(j.stations).to.be.an('array').that.is.not.empty],
      ['/api/deputies', (j) => expect(j.deputies).to.be.an('array').that.is.not.empty],
      ['/api/surveys/2026-szpy-ldr/results', (j) => expect(j).to.include.keys('surveyId', 'respondents', 'sections')],
    ];
    for (const [path, check] of content) {
      it(`serves ${path} from demo content`, async () => {
        const res = await fetch(R() + path);
        expect(res.status).to.equal(200);
        expect(res.headers.get('Content-Type')).to.equal('application/json; charset=utf-8');
        check((await res.json()) as Record<string, unknown>);
      });
    }

    it('serves one deputy of the directory by id', async () => {
      const { deputies } = (await (await fetch(`${R()}/api/deputies`)).json()) as { deputies: Array<{ id: string }> };
      const last = deputies[deputies.length - 1];
      const res = await fetch(`${R()}/api/deputies/${encodeURIComponent(last.id)}`);
      expect(res.status).to.equal(200);
      expect(await res.json()).to.deep.equal(last);
    });

    it('answers GET on a POST route with 405', async () => {
      expect((await fetch(`${R()}/api/survey-responses`)).status).to.equal(405);
    });

    const types: Array<[string, RegExp]> = [
      ['/', /^text\/html; charset=utf-8$/],
      ['/index.html', /^text\/html; charset=utf-8$/],
      ['/lf-long-draft.mjs', /^text\/javascript; charset=utf-8$/],
      ['/content/README.md', /^text\/plain; charset=utf-8$/],
      ['/dist/openapi.json', /^application\/json; charset=utf-8$/],
    ];
    for (const [path, type] of types) {
      it(`serves ${path} as ${type.source}`, async () => {
        const res = await fetch(R() + path);
        expect(res.status).to.equal(200);
        expect(res.headers.get('Content-Type')).to.match(type);
      });
    }

    const refused: Array<[string, number]> = [
      ['/..%2f..%2fpackage.json', 404],
      ['/..%2fpackage.json', 404],
      ['/dist/..%2f..%2fpackage.json', 404],
      ['/dist/..%2fdemo%2fcontent%2fsurvey-codes.json', 404],
      ['/content/..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', 404],
      ['/..%5c..%5cpackage.json', 400],
      ['/index.html%00.json', 400],
      ['/content/survey-codes.json', 404],
      ['/data/receiver.sqlite', 404],
      ['/content/survey-codes.json/', 404],
      ['/content/survey-codes.json%2f', 404],
      ['/content/%73urvey-codes.json', 404],
      ['/content/%2e/survey-codes.json', 404],
      ['/%2e%2e/%2e%2e/package.json', 404],
    ];
    for (const [path, status] of refused) {
      it(`refuses ${path} (${status})`, async () => {
        const res = await fetch(R() + path);
        expect(res.status).to.equal(status);
        const text = await res.text();
        expect(text).not.to.contain('"devDependencies"');
        expect(text).not.to.contain('RDTEST');
        expect(text).not.to.contain('root:');
      });
    }
  });
});
