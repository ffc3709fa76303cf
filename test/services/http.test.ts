// The submission client against a real local HTTP server (test/server/chaos-server.mjs).
import { expect } from '@open-wc/testing';
import { send, sendOnce, parseRetryAfter, backoffDelay, uuidv4, loadJson, loadThrough, readReceipt, readErrors } from '../../src/services/http.js';
import type { Transport, TransportRequest, TransportResponse } from '../../src/services/transport.js';
import { chaosUrl, chaosLog, uid, env, installPrototypeArrays } from '../helpers/env.js';

const body = (id: string) => ({ type: 'deputy-message', version: 1, id, data: { text: '你好' } });
const fast = { baseDelay: 20, maxDelay: 3000, random: () => 0.5 };

describe('http: send', () => {
  it('503 twice then 201: three tries, one Idempotency-Key, the receipt', async () => {
    const run = uid('h');
    const key = uuidv4();
    const retries: number[] = [];
    const r = await send({ url: chaosUrl('503x2', run), body: body(key), idempotencyKey: key }, { ...fast, onRetry: (a) => retries.push(a) });
    expect(r).to.include({ ok: true, status: 201 });
    if (r.ok) expect(r.receipt).to.match(/^FK-2026-\d{5}$/);
    const log = await chaosLog(run);
    expect(log).to.have.length(3);
    expect(new Set(log.map((l) => l.headers['idempotency-key']))).to.deep.equal(new Set([key]));
    expect(log.every((l) => l.headers['content-type'] === 'application/json')).to.equal(true);
    expect(JSON.parse(log[2].body)).to.deep.equal(body(key));
    expect(retries).to.deep.equal([2, 3]);
  });

  it('connection refused → network, after every attempt', async () => {
    const key = uuidv4();
    const r = await send({ url: `${env().refused}/x`, body: body(key), idempotencyKey: key }, { ...fast, attempts: 2 });
    expect(r).to.deep.equal({ ok: false, kind: 'network' });
  });

  it('a hang past the timeout → timeout', async () => {
    const run = uid('h');
    const key = uuidv4();
    const t0 = performance.now();
    const r = await send({ url: chaosUrl('hang', run), body: body(key), idempotencyKey: key }, { ...fast, attempts: 2, timeout: 300 });
    expect(r).to.deep.equal({ ok: false, kind: 'timeout' });
    expect(performance.now() - t0).to.be.lessThan(5000);
    expect(await chaosLog(run)).to.have.length(2);
  });

  it('422 with field errors → rejected, no retry', async () => {
    const run = uid('h');
    const key = uuidv4();
    const r = await send({ url: chaosUrl('422', run), body: body(key), idempotencyKey: key }, fast);
    expect(r.ok).to.equal(false);
    if (!r.ok && r.kind === 'rejected') {
      expect(r.status).to.equal(422);
      expect(r.errors).to.deep.equal([{ path: 'respondent.phone', message: '手机号码格式不正确' }, { path: 'comments.0.text', message: '意见内容过长' }]);
    } else expect.fail(`expected rejected, got ${JSON.stringify(r)}`);
    expect(await chaosLog(run)).to.have.length(1);
  });

  it('429 with Retry-After: 1 waits at least a second, then succeeds', async () => {
    const run = uid('h');
    const key = uuidv4();
    const waits: number[] = [];
    const r = await send({ url: chaosUrl('429', run), body: body(key), idempotencyKey: key }, { ...fast, onRetry: (_a, w) => waits.push(w) });
    expect(r.ok).to.equal(true);
    expect(waits[0]).to.be.at.least(1000);
    const log = await chaosLog(run);
    expect(log[1].at - log[0].at).to.be.at.least(950);
  });

  it('a Retry-After longer than maxDelay stops retrying (the caller queues)', async () => {
    const run = uid('h');
    const key = uuidv4();
    const r = await send({ url: chaosUrl('429', run), body: body(key), idempotencyKey: key }, { ...fast, maxDelay: 500 });
    expect(r).to.deep.include({ ok: false, kind: 'server', status: 429 });
    expect(await chaosLog(run)).to.have.length(1);
  });

  it('a malformed 200 is not a receipt: retried with the same key, then reported as server', async () => {
    const run = uid('h');
    const key = uuidv4();
    const r = await send({ url: chaosUrl('malformed', run), body: body(key), idempotencyKey: key }, { ...fast, attempts: 2 });
    expect(r).to.deep.include({ ok: false, kind: 'server', status: 200 });
    const r2 = await sendOnce({ url: chaosUrl('no-receipt', run), body: body(key), idempotencyKey: key });
    expect(r2).to.deep.include({ ok: false, kind: 'server' });
  });

  it('409 is final and carries the message and first receipt', async () => {
    const key = uuidv4();
    const r = await send({ url: chaosUrl('409', uid('h')), body: body(key), idempotencyKey: key }, fast);
    expect(r).to.deep.include({ ok: false, kind: 'rejected', status: 409, message: '此测评码已使用', receipt: 'CP-2026-000007' });
  });

  it('sends extra headers and the credentials mode', async () => {
    const run = uid('h');
    const key = uuidv4();
    await send({ url: chaosUrl('ok', run), body: body(key), idempotencyKey: key, headers: { 'X-Captcha-Token': 'abc' } }, fast);
    const [req] = await chaosLog(run);
    expect(req.headers['x-captcha-token']).to.equal('abc');
    expect(req.headers['idempotency-key']).to.equal(key);
  });
});

describe('http: helpers', () => {
  const now = Date.parse('2026-11-25T08:00:00Z');
  const retryAfter: Array<[string | null | undefined, number | undefined]> = [
    [null, undefined], ['', undefined], ['0', 0], ['1', 1000], ['120', 120000], [' 5 ', 5000],
    ['Wed, 25 Nov 2026 08:00:30 GMT', 30000], ['Wed, 25 Nov 2026 07:00:00 GMT', 0], ['soon', undefined], ['-1', undefined],
  ];
  for (const [v, want] of retryAfter) it(`parseRetryAfter(${JSON.stringify(v)}) → ${want}`, () => expect(parseRetryAfter(v, now)).to.equal(want));

  const backoff: Array<[number, number, number, number, number]> = [
    // attempt, base, max, random, expected
    [1, 800, 30000, 0, 400], [1, 800, 30000, 1, 800], [2, 800, 30000, 0.5, 1200], [3, 800, 30000, 1, 3200],
    [10, 800, 30000, 1, 30000], [10, 800, 30000, 0, 15000],
  ];
  for (const [a, b, m, r, want] of backoff) it(`backoff attempt ${a} random ${r} → ${want}`, () => expect(backoffDelay(a, b, m, () => r)).to.equal(want));

  it('uuidv4 is a v4 UUID and unique', () => {
    const ids = new Set(Array.from({ length: 200 }, uuidv4));
    expect(ids.size).to.equal(200);
    for (const id of ids) expect(id).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('loadJson: ok, 404, not JSON, refused, timeout', async () => {
    const run = uid('l');
    expect(await loadJson(`${chaosUrl('data', run)}?json=${encodeURIComponent('{"a":1}')}`)).to.deep.equal({ ok: true, json: { a: 1 } });
    expect(await loadJson(chaosUrl('404', run))).to.deep.equal({ ok: false, reason: 'not-found', status: 404 });
    expect(await loadJson(`${chaosUrl('text', run)}?body=hello`)).to.deep.equal({ ok: false, reason: 'not-json', status: 200 });
    expect(await loadJson(`${chaosUrl('500', run)}`)).to.deep.equal({ ok: false, reason: 'http', status: 500 });
    expect(await loadJson(`${env().refused}/x`)).to.deep.equal({ ok: false, reason: 'network' });
    expect(await loadJson(chaosUrl('hang', run), { timeout: 200 })).to.deep.equal({ ok: false, reason: 'timeout' });
  });
});

describe('http: response readers', () => {

  const receipts: Array<[unknown, unknown]> = [
    [{ receipt: 'FK-2026-000001' }, { receipt: 'FK-2026-000001', message: undefined }],
    [{ receipt: 'X', message: '已收到' }, { receipt: 'X', message: '已收到' }],
    [{ receipt: '' }, undefined], [{ receipt: 12 }, undefined], [null, undefined], ['FK', undefined], [[{ receipt: 'a' }], undefined],
    [{ receipt: 'x'.repeat(101) }, undefined], [{ receipt: 'X', message: 5 }, { receipt: 'X', message: undefined }],
  ];
  for (const [input, want] of receipts) it(`readReceipt(${JSON.stringify(input)?.slice(0, 40)})`, () => expect(readReceipt(input)).to.deep.equal(want));
  const errs: Array<[unknown, unknown]> = [
    [{ errors: [{ path: 'a.b', message: 'm' }] }, { errors: [{ path: 'a.b', message: 'm' }], message: undefined, receipt: undefined }],
    [{ errors: [{ path: 1, message: 'm' }, { path: 'ok', message: 'y' }, 'junk'] }, { errors: [{ path: 'ok', message: 'y' }], message: undefined, receipt: undefined }],
    [{ message: '已提交', receipt: 'CP-1' }, { errors: [], message: '已提交', receipt: 'CP-1' }],
    ['<html>', { errors: [], message: undefined, receipt: undefined }],
    [undefined, { errors: [], message: undefined, receipt: undefined }],
  ];
  for (const [input, want] of errs) it(`readErrors(${JSON.stringify(input)?.slice(0, 40)})`, () => expect(readErrors(input)).to.deep.equal(want));
});

describe('http: a page that changed toJSON (Prototype.js)', () => {
  // A submission with arrays at several depths, as the widgets send them.
  const withArrays = (id: string) => ({
    type: 'legislation-feedback', version: 1, id,
    data: { comments: [{ target: { kind: 'article', article: '第十二条', paragraph: 2 }, text: '意见', choices: ['a', 'b'] }], tags: [], grid: [[1, 2], [3]] },
  });
  const pages: Array<[string, () => () => void]> = [
    // The snippet old portals were probed with: it calls JSON.stringify on a copy, which recurses.
    ['Array.prototype.toJSON = function () { return JSON.stringify(this.slice()); }', () => {
      const P = Array.prototype as unknown as { toJSON?: unknown };
      P.toJSON = function (this: unknown[]) { return JSON.stringify(this.slice()); };
      return () => { delete P.toJSON; };
    }],
    // Prototype 1.6's Array#toJSON (arrays become strings) and its $A as Array.from, plus
    // toJSON on Object.prototype and String.prototype from other scripts.
    ["Prototype 1.6's Array#toJSON and Array.from, Object#toJSON, String#toJSON", () => {
      const restore = installPrototypeArrays();
      const O = Object.prototype as unknown as { toJSON?: unknown };
      const S = String.prototype as unknown as { toJSON?: unknown };
      O.toJSON = function () { return 'object'; };
      S.toJSON = function () { return 'string'; };
      return () => { delete O.toJSON; delete S.toJSON; restore(); };
    }],
  ];
  for (const [name, install] of pages) {
    it(`the request body is the same JSON: ${name}`, async () => {
      const run = uid('h');
      const key = uuidv4();
      const b = withArrays(key);
      const remove = install();
      const pageToJson = (Array.prototype as unknown as { toJSON?: unknown }).toJSON;
      let sending: ReturnType<typeof send>;
      let after: unknown;
      try {
        // The body is written synchronously, before send's first await; the page's functions are
        // taken away again right after, so the test runner never meets them.
        sending = send({ url: chaosUrl('ok', run), body: b, idempotencyKey: key }, { ...fast, attempts: 1 });
        after = (Array.prototype as unknown as { toJSON?: unknown }).toJSON;
      } finally {
        remove();
      }
      expect(after, "the page's own toJSON is put back").to.equal(pageToJson);
      const r = await sending;
      expect(r.ok, JSON.stringify(r)).to.equal(true);
      const log = await chaosLog(run);
      expect(log).to.have.length(1);
      expect(log[0].body).to.equal(JSON.stringify(b));
      expect(JSON.parse(log[0].body).data.comments[0].choices).to.deep.equal(['a', 'b']);
    });
  }
});

describe('http: through a transport (docs/integrating.md)', () => {
  const req = (key = uuidv4()) => ({ url: '/legislation-feedback', body: { ...body(key), type: 'legislation-feedback' }, idempotencyKey: key, headers: { 'X-Site': 'a' } });
  const answer = (res: unknown): Transport => async () => res as TransportResponse;
  const cases: Array<[string, Transport, Record<string, unknown>]> = [
    ['201 with a receipt object', answer({ status: 201, body: { receipt: 'HD1', message: '好' } }), { ok: true, status: 201, receipt: 'HD1', message: '好' }],
    ['200 with the receipt as JSON text', answer({ status: 200, body: '{"receipt":"HD2"}' }), { ok: true, status: 200, receipt: 'HD2' }],
    ['2xx without a receipt: the server may have stored it → retry', answer({ status: 200, body: { ok: true } }), { ok: false, kind: 'server', status: 200 }],
    ['422 with field errors → refusal at the fields', answer({ status: 422, body: { errors: [{ path: 'data.text', message: '太长' }] } }), { ok: false, kind: 'rejected', status: 422 }],
    ['409 with the first receipt', answer({ status: 409, body: { message: '已提交', receipt: 'HD3' } }), { ok: false, kind: 'rejected', status: 409, receipt: 'HD3' }],
    ['503 with Retry-After in a plain record (any case)', answer({ status: 503, headers: { 'retry-after': '7' } }), { ok: false, kind: 'server', status: 503, retryAfterMs: 7000 }],
    ['429 with Retry-After in a Headers object', answer({ status: 429, headers: new Headers({ 'Retry-After': '2' }) }), { ok: false, kind: 'server', status: 429, retryAfterMs: 2000 }],
    ['a status that is no HTTP answer (0) → retry, never a refusal', answer({ status: 0 }), { ok: false, kind: 'server', status: 0 }],
    ['no answer object at all → server', answer(undefined), { ok: false, kind: 'server' }],
    ['a throw → network failure', async () => { throw new TypeError('Failed to fetch'); }, { ok: false, kind: 'network' }],
  ];
  for (const [name, transport, want] of cases) {
    it(name, async () => {
      const r = await sendOnce(req(), 2000, transport);
      expect(r).to.deep.include(want);
    });
  }

  it('the transport is asked with the envelope, the key, the type, the headers and a signal', async () => {
    const seen: TransportRequest[] = [];
    const key = uuidv4();
    await sendOnce(req(key), 2000, async (r) => { seen.push(r); return { status: 201, body: { receipt: 'X' } }; });
    expect(seen[0]).to.include({ url: '/legislation-feedback', method: 'POST', idempotencyKey: key, type: 'legislation-feedback', credentials: 'omit' });
    expect(seen[0].headers).to.deep.equal({ 'X-Site': 'a', 'Content-Type': 'application/json', 'Idempotency-Key': key });
    expect(seen[0].body.id).to.equal(key);
    expect(seen[0].signal).to.be.instanceOf(AbortSignal);
  });

  it('a transport slower than the timeout → timeout, its signal aborted', async () => {
    let signal: AbortSignal | undefined;
    const r = await sendOnce(req(), 150, (x) => { signal = x.signal; return new Promise((resolve) => x.signal.addEventListener('abort', () => resolve({ status: 201, body: { receipt: 'late' } }))); });
    expect(r).to.deep.equal({ ok: false, kind: 'timeout' });
    expect(signal!.aborted).to.equal(true);
  });

  it('send(): 503, 503, 201 through the transport — three tries, one key', async () => {
    const keys: string[] = [];
    let n = 0;
    const r = await send(req(), { ...fast, transport: async (x) => { keys.push(x.idempotencyKey); return ++n <= 2 ? { status: 503 } : { status: 201, body: { receipt: 'R' } }; } });
    expect(r).to.include({ ok: true, receipt: 'R' });
    expect(keys).to.have.length(3);
    expect(new Set(keys).size).to.equal(1);
  });

  it('loadThrough: data, JSON text, nothing (not found), a 404 error, another status, a throw, not JSON, a timeout', async () => {
    const base = { url: '/drafts/x', kind: 'draft' as const, id: 'x' };
    expect(await loadThrough(async () => ({ a: 1 }), base)).to.deep.equal({ ok: true, json: { a: 1 } });
    expect(await loadThrough(async () => '{"a":2}', base)).to.deep.equal({ ok: true, json: { a: 2 } });
    expect(await loadThrough(async () => undefined, base)).to.deep.include({ ok: false, reason: 'not-found' });
    expect(await loadThrough(async () => { throw Object.assign(new Error(), { status: 404 }); }, base)).to.deep.include({ ok: false, reason: 'not-found' });
    expect(await loadThrough(async () => { throw Object.assign(new Error(), { status: 500 }); }, base)).to.deep.equal({ ok: false, reason: 'http', status: 500 });
    expect(await loadThrough(async () => { throw new Error('x'); }, base)).to.deep.equal({ ok: false, reason: 'network' });
    expect(await loadThrough(async () => '<html>', base)).to.deep.equal({ ok: false, reason: 'not-json' });
    expect(await loadThrough(() => new Promise(() => undefined), base, 100)).to.deep.equal({ ok: false, reason: 'timeout' });
  });
});
