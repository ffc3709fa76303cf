// The receiver as the browser and end-to-end tests use it: rd-receiver with test-only fault
// injection (which lives here, not in the server) and a generic payload type.
//
//   const r = await startTestReceiver({ dbFile, allowOrigins });  // r.url, r.staffToken
//
// Added routes (tests only):
//   POST /__faults {route: '/api/…', statuses: [503, 503], key?, retryAfter?, delayMs?, body?}
//        queues answers for the next POSTs to `route` (only those with Idempotency-Key `key`,
//        when given), served before any handling and never stored; each status is used once;
//        `body` replaces the default {message}; `null` as a status = wait delayMs, then handle
//        normally; `0` = the connection is dropped without an answer (the API unreachable).  DELETE /__faults[?route=…][&key=…] clears; GET /__faults lists.
//   GET /__rows?type=…[&key=…]  → {count, rows: [{id, type, idempotency_key, receipt,
//        created_at, received_at, body}]}
//   GET /__log?route=…[&key=…]  → [{at, route, key, status, fault?}] of every POST received
// and a payload type `rd-test` at POST /api/__test-submissions (receipts TS-…).
import { join } from 'node:path';
import { z } from 'zod/mini';
import { startReceiver, mergePersonal, ROOT_DIR } from '../../server/lib/receiver.mjs';
import { createLegacyCms } from '../../demo/examples/legacy-cms.mjs';
import { streamRows } from '../../server/lib/storage/index.mjs';

export const TEST_STAFF_TOKEN = 'test-staff-token-0123456789';
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A generic payload type, so generic behaviour is tested whatever widget schemas exist. */
export const testPayload = {
  route: '/__test-submissions',
  receiptPrefix: 'TS',
  schema: z.object({
    type: z.literal('rd-test'),
    version: z.literal(1),
    id: z.string().check(z.regex(UUID_RE)),
    createdAt: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T/)),
    locale: z.string().check(z.minLength(2), z.maxLength(35)),
    source: z.object({ url: z.string().check(z.maxLength(2000)) }),
    data: z.object({
      text: z.string().check(z.trim(), z.minLength(1, { error: '请填写内容' }), z.maxLength(2000)),
      items: z.optional(z.array(z.object({ n: z.number() })).check(z.maxLength(5))),
      contact: z.optional(z.object({ name: z.optional(z.string()), phone: z.optional(z.string()) })),
      draftId: z.optional(z.string()),
    }),
  }),
};

/** The onRequest hook: fault injection, request log, stored rows. */
export function faultInjection() {
  let queue = [];
  const requestLog = [];
  function take(path, key) {
    const i = queue.findIndex((f) => f.route === path && (!f.key || f.key === key));
    if (i < 0) return undefined;
    const f = queue[i];
    const status = f.statuses.shift();
    if (!f.statuses.length) queue.splice(i, 1);
    return { status, retryAfter: f.retryAfter, delayMs: f.delayMs, body: f.body };
  }
  return async function onRequest({ req, res, url, path, send, readBody, drain, storage, routes, HttpError }) {
    if (path === '/__faults') {
      if (req.method === 'DELETE') {
        const route = url.searchParams.get('route');
        const key = url.searchParams.get('key');
        queue = queue.filter((f) => (route && f.route !== route) || (key && f.key !== key));
        send(req, res, 204);
        return true;
      }
      if (req.method === 'GET') { send(req, res, 200, { faults: queue }); return true; }
      if (req.method === 'OPTIONS') return false;
      if (req.method !== 'POST') throw new HttpError(405, { message: 'Method not allowed' }, { Allow: 'GET, POST, DELETE' });
      let f;
      try { f = JSON.parse(await readBody(req)); } catch (e) { if (e instanceof HttpError) throw e; throw new HttpError(400, { message: 'not JSON' }); }
      const okStatus = (s) => s === null || s === 0 || (Number.isInteger(s) && s >= 200 && s <= 599);
      if (!f || typeof f.route !== 'string' || !Array.isArray(f.statuses) || !f.statuses.length || !f.statuses.every(okStatus)
        || (f.body !== undefined && (typeof f.body !== 'object' || f.body === null))) {
        throw new HttpError(400, { message: 'expected {route: "/api/…", statuses: [503, …, 0 = drop the connection, or null = pass after delayMs], key?, retryAfter?, delayMs?, body?}' });
      }
      queue.push({
        route: f.route, key: typeof f.key === 'string' ? f.key.toLowerCase() : undefined, statuses: [...f.statuses],
        retryAfter: f.retryAfter, delayMs: Number(f.delayMs) || 0, body: f.body,
      });
      send(req, res, 201, { queued: f.statuses.length });
      return true;
    }
    if (path === '/__log' && req.method === 'GET') {
      const route = url.searchParams.get('route');
      const key = url.searchParams.get('key')?.toLowerCase();
      send(req, res, 200, requestLog.filter((e) => (!route || e.route === route) && (!key || e.key === key)));
      return true;
    }
    if (path === '/__rows' && req.method === 'GET') {
      const key = url.searchParams.get('key')?.toLowerCase();
      const list = [];
      for await (const r of streamRows(storage, { type: url.searchParams.get('type') || null })) {
        if (key && r.idempotency_key !== key) continue;
        list.push({
          id: r.idempotency_key, type: r.type, idempotency_key: r.idempotency_key, receipt: r.receipt,
          created_at: r.created_at, received_at: r.received_at,
          body: mergePersonal(JSON.parse(r.body), r.personal ? JSON.parse(r.personal) : null),
        });
      }
      send(req, res, 200, { count: list.length, rows: list });
      return true;
    }
    if (req.method === 'POST' && routes.has(path)) {
      const key = String(req.headers['idempotency-key'] ?? '').trim().toLowerCase();
      const entry = { at: new Date().toISOString(), route: path, key, status: 0 };
      requestLog.push(entry);
      if (requestLog.length > 2000) requestLog.shift();
      res.on('finish', () => { entry.status = res.statusCode; });
      const f = take(path, key);
      if (f) {
        entry.fault = true;
        if (f.delayMs) await new Promise((r) => setTimeout(r, Math.min(f.delayMs, 60_000)));
        if (f.status === 0) {
          req.socket.destroy();
          return true;
        }
        if (f.status !== null) {
          await drain(req);
          const h = f.retryAfter !== undefined ? { 'Retry-After': String(f.retryAfter) } : {};
          send(req, res, f.status, f.body ?? { message: `injected fault ${f.status}` }, h);
          return true;
        }
        // null: a delay only; then handled normally.
      }
    }
    return false;
  };
}

/**
 * Pages served as given, bytes and headers (`pages`: path → () => {body, headers}): a GB2312
 * page with no charset in its Content-Type, a page under a Content-Security-Policy header.
 */
function withPages(pages, next) {
  return async (ctx) => {
    const page = Object.hasOwn(pages, ctx.path) ? pages[ctx.path]() : null;
    if (!page) return next(ctx);
    ctx.res.writeHead(200, { 'Cache-Control': 'no-cache', ...page.headers });
    ctx.res.end(page.body);
    return true;
  };
}

/** The demo's example vendor CMS (docs/integrating.md) at /legacy-cms/, as `npm start` mounts it. */
function withLegacyCms(next) {
  const legacy = createLegacyCms('/legacy-cms');
  return async (ctx) => legacy.handle(ctx.req, ctx.res) || next(ctx);
}

/**
 * rd-receiver with the test additions, the demo's static files and content, a known staff
 * token and no rate limit (tests send many submissions from one address).
 * @param {Parameters<typeof startReceiver>[0] & {extraStaticRoots?: Array<{prefix: string, dir: string}>, pages?: Record<string, () => {body: Buffer|string, headers: Record<string, string>}>}} [o]
 */
export async function startTestReceiver({ extraStaticRoots = [], pages = {}, ...o } = {}) {
  const r = await startReceiver({
    port: 0,
    quiet: true,
    staffToken: TEST_STAFF_TOKEN,
    contentDir: join(ROOT_DIR, 'demo', 'content'),
    // `extraStaticRoots` first (the journeys serve test/fixtures/ at /fixtures/).
    staticRoots: [...extraStaticRoots, { prefix: '/dist/', dir: join(ROOT_DIR, 'dist') }, { prefix: '/', dir: join(ROOT_DIR, 'demo') }],
    extraPayloads: { 'rd-test': testPayload },
    // As demo/server.mjs: the demo's own database folder (left by `npm start`) is never served.
    privatePaths: [join(ROOT_DIR, 'demo', 'data')],
    onRequest: withPages(pages, withLegacyCms(faultInjection())),
    ...o,
    limits: { submissions: null, staffFailures: null, ...(o.limits ?? {}) },
  });
  return { ...r, staffToken: TEST_STAFF_TOKEN };
}
