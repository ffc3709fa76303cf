// rd-receiver: the receiving side of rd-widgets. Accepts every POST route of the HTTP contract
// (docs/contract.md), validating bodies with the very zod schemas the widgets use
// (dist/server/schemas.mjs, built from src/services/schemas/index.ts), stores them in SQLite or
// PostgreSQL (./storage/), answers the GET data routes from a content folder, and streams
// staff-only exports. Started by bin/rd-receiver.mjs; the demo (demo/server.mjs) starts it with
// the demo pages as static files.
//
//   import { startReceiver } from 'rd-receiver';
//   const r = await startReceiver({ port: 0, dbFile: 'data/receiver.sqlite', staffToken, allowOrigins: ['https://www.example.gov.cn'] });
//   // widgets: <rd-provider endpoint="{r.url}/api">
//   await r.close();
//
// Routes (answers are JSON unless said otherwise):
//   POST /api/<route of each registered payload>  201 {receipt, message} | 200 (repeat) |
//        400/422 {errors:[{path, message}]} | 409 (survey code used) | 413 | 415 | 429
//   GET  /api/drafts/:id  /api/deputies  /api/deputies/:id  /api/surveys/:id
//        /api/surveys/:id/results  /api/stations           (from the content folder)
//   GET  /api/export?type=&format=csv|jsonl|json&from=&to=&draft=&survey=   staff only
//   GET  /api/receipts/:receipt?code=  POST /api/receipts/:receipt/rating
//   GET  /api/drafts/:id/adoption      /api/staff/…                   (./loop.mjs)
//   GET  /staff/                        the staff page (./staff-page.mjs)
//   GET  /api                                              what this receiver accepts
//   GET  other paths: static files, only when static roots are given (the demo)
import { createServer } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { payloadSchemas, dataSchemas, tallyResponses } from '../../dist/server/schemas.mjs';
import { openStorage } from './storage/index.mjs';
import { splitPersonal, streamExport } from './export.mjs';
import { RateLimiter } from './rate-limit.mjs';
import { formatLookupCode, lookupCodeFor, lookupHash, loopRoutes } from './loop.mjs';
import { serveStaffPage } from './staff-page.mjs';

export { csvGuard, csvCell, flatten, splitPersonal, mergePersonal } from './export.mjs';
export { openStorage } from './storage/index.mjs';

const SERVER_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT_DIR = resolve(SERVER_DIR, '..', '..');
export const MAX_BODY_BYTES = 1024 * 1024;
/** Audit entries are kept this long (PIPL: staff access to personal data, six months). */
export const AUDIT_RETENTION_DAYS = 183;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;
const CORS_ALLOW_HEADERS = 'Content-Type, Idempotency-Key, X-Captcha-Token, X-CSRF-Token, Authorization';
const KEY_REUSED = '此 Idempotency-Key 已用于另一份不同的内容。Idempotency-Key reused with a different body';
const CODE_USED = '此测评码已提交过，不能重复提交';

/** Defaults of `limits` (each can be overridden; rate limits accept null = off). */
export const DEFAULT_LIMITS = {
  /** Submissions per client (IP address): a burst, then one every 60/perMinute s. */
  submissions: { perMinute: 60, burst: 30 },
  /** Wrong staff tokens per client before 429 (guessing the token). */
  staffFailures: { perMinute: 5, burst: 10 },
  /** Wrong lookup codes per client before 429 (guessing a code; docs/contract.md#looking-up-a-submission). */
  lookupFailures: { perMinute: 10, burst: 20 },
  maxConnections: 512,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
};

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Receipt messages per payload type, by locale (zh-CN default). */
const RECEIPT_MESSAGES = {
  'legislation-feedback': ['已收到您对法规草案的意见，感谢参与立法。', 'Your comments on the draft have been received. Thank you.'],
  'deputy-message': ['留言已送达代表联络站，一般在一个月内答复。', 'Your message has reached the liaison station; a reply usually follows within a month.'],
  appointment: ['预约已登记，请按时到站。', 'Your appointment is booked. Please arrive on time.'],
  'survey-response': ['测评已提交，感谢参与。', 'Your response has been recorded. Thank you.'],
};

// ---------------------------------------------------------------------------------------------
// Validation messages: the schema's own message wins; then a few plain Chinese ones for the
// common cases; then zod's zh-CN locale.
const zhLocale = zhCN().localeError;
export function zhErrorMap(iss) {
  if (iss.code === 'invalid_type' && iss.input === undefined) return '此项为必填项';
  if (iss.code === 'too_small' && iss.origin === 'string') return Number(iss.minimum) <= 1 ? '此项不能为空' : `至少填写 ${iss.minimum} 个字`;
  if (iss.code === 'too_big' && iss.origin === 'string') return `不能超过 ${iss.maximum} 个字`;
  if (iss.code === 'too_small' && iss.origin === 'array') return `至少选择 ${iss.minimum} 项`;
  if (iss.code === 'too_big' && iss.origin === 'array') return `最多选择 ${iss.maximum} 项`;
  return zhLocale(iss);
}

/** zod issues → field errors (docs/contract.md#field-errors): `{path: 'a.b.0', message}`. */
export function issuesToErrors(issues) {
  return issues.map((i) => ({ path: (i.path ?? []).map(String).join('.'), message: i.message }));
}

/** JSON with object keys sorted, so two bodies that mean the same compare equal. */
export function canonicalJson(v) {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(v[k])}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

// ---------------------------------------------------------------------------------------------
// Survey results, computed from stored responses in the shape of the `survey-results` data schema
// (src/services/schemas/survey.ts: {surveyId, title, generatedAt, respondents, sections}):
//   satisfaction → a `scale` section with one row (tier counts, or score sum/count/pass);
//   matrix       → a `scale` section, one row per subject (with per-dimension counts) or per row;
//   ballot       → a `ballot` section: votes per candidate, ballots cast, write-ins counted only;
//   single/multiple → a `choice` section: count per option, "other" counted only.
// Text, number, ranking and proposal answers are never published. Scales follow the presets of
// src/services/survey-logic.ts (三档 satisfied / basically-satisfied / dissatisfied by default).
/**
 * Published results of a survey, counted from stored responses by the same `tallyResponses`
 * (src/services/survey-results.ts) the widget's results view is tested against.
 */
export function computeSurveyResults(surveyId, bodies, survey) {
  const answers = bodies.map((b) => {
    const a = b?.data?.answers;
    return a && typeof a === 'object' && !Array.isArray(a) ? a : {};
  });
  return { ...tallyResponses(survey, answers), surveyId };
}

function surveyQuestions(survey) {
  if (!survey || typeof survey !== 'object') return [];
  const out = [];
  const visit = (qs) => { if (Array.isArray(qs)) for (const q of qs) if (q && typeof q === 'object' && q.id) out.push(q); };
  visit(survey.questions);
  if (Array.isArray(survey.pages)) for (const p of survey.pages) visit(p?.questions);
  return out;
}

function surveyAccess(survey) {
  const a = survey?.access;
  if (typeof a === 'string') return a;
  if (a && typeof a === 'object') return a.mode ?? a.kind ?? a.type ?? 'open';
  return 'open';
}

const normCode = (c) => String(c).trim().toUpperCase();

/**
 * The server-side rules a ballot must keep whatever the page did (the widget checks the same,
 * and more, in src/services/survey-response.ts): answers only to questions of the survey; a ballot
 * names known candidates, each once, and never more than N choices (write-ins counted within
 * N), nor fewer than M. Returns field errors (paths under `data.answers`).
 */
export function surveyAnswerErrors(survey, answers) {
  const errors = [];
  const questions = new Map(surveyQuestions(survey).map((q) => [q.id, q]));
  const subjectIds = new Set((survey?.subjects ?? []).map((x) => x.id));
  for (const [qid, a] of Object.entries(answers ?? {})) {
    const at = `data.answers.${qid}`;
    const q = questions.get(qid);
    if (!q) { errors.push({ path: at, message: '测评中没有这道题' }); continue; }
    if (q.type !== 'ballot' || !a || typeof a !== 'object' || Array.isArray(a)) continue;
    const selected = Array.isArray(a.selected) ? a.selected : [];
    const writeIns = Array.isArray(a.writeIns) ? a.writeIns : [];
    const candidates = new Set(q.candidates ?? subjectIds);
    if (selected.some((id) => !candidates.has(id))) errors.push({ path: `${at}.selected`, message: '选票中有不在候选名单中的项目' });
    if (new Set(selected).size !== selected.length) errors.push({ path: `${at}.selected`, message: '同一候选项目只能选一次' });
    if (writeIns.length && !q.writeIn) errors.push({ path: `${at}.writeIns`, message: '本次票决不接受另选' });
    else if (writeIns.length > (q.writeInMax ?? 1)) errors.push({ path: `${at}.writeIns`, message: `最多另选 ${q.writeInMax ?? 1} 项` });
    const n = selected.length + writeIns.length;
    if (n > q.max) errors.push({ path: at, message: `最多选择 ${q.max} 项，已选 ${n} 项` });
    if (n < (q.min ?? 0)) errors.push({ path: at, message: `至少选择 ${q.min} 项` });
  }
  return errors;
}

/** Current year in China (receipts are numbered per type and year). */
function chinaYear(d = new Date()) {
  // China keeps UTC+8 all year (no daylight saving): no Intl formatter per request.
  return new Date(d.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** Path of the first string (value or key) holding a NUL character, or null. */
export function findNul(v, path = []) {
  if (typeof v === 'string') return v.includes('\0') ? path : null;
  if (v && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      if (k.includes('\0')) return [...path, k];
      const p = findNul(x, [...path, k]);
      if (p) return p;
    }
  }
  return null;
}

/** Compares two secrets in constant time (hashing first, so lengths do not leak either). */
export function sameSecret(a, b) {
  const ha = createHash('sha256').update(String(a)).digest();
  const hb = createHash('sha256').update(String(b)).digest();
  return timingSafeEqual(ha, hb);
}

/** Normalises an origin for comparison: scheme://host[:port], lower-case, no trailing slash. */
export function normOrigin(o) {
  try {
    const u = new URL(String(o));
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin.toLowerCase();
  } catch { return null; }
}



// ---------------------------------------------------------------------------------------------

export class HttpError extends Error {
  constructor(status, body, headers = {}) {
    super(typeof body?.message === 'string' ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}
const fieldError = (status, path, message) => new HttpError(status, { errors: [{ path, message }] });

/**
 * Starts the receiver.
 * @param {object} [o]
 * @param {number} [o.port=0] 0 picks a free port
 * @param {string} [o.host='127.0.0.1']
 * @param {object} [o.storage] an opened storage (./storage/index.mjs); else one is opened from:
 * @param {string} [o.dbFile] SQLite file (its folder is created, owner-only)
 * @param {string} [o.databaseUrl] postgres://… (instead of dbFile)
 * @param {string|null} [o.staffToken] the Bearer token of staff routes (export); null = staff routes refused
 * @param {string[]} [o.allowOrigins] origins whose pages may call the public routes (CORS, with
 *        credentials); '*' = any origin, without credentials. Same-origin calls always work.
 * @param {Array<{prefix: string, dir: string}>} [o.staticRoots] folders served as static files (demo)
 * @param {string[]} [o.privatePaths] files or folders never served, whatever the static roots
 * @param {string|null} [o.contentDir] folder of drafts/, surveys/, deputies.json… (GET data routes)
 * @param {number|null} [o.retentionDays] personal details older than this are deleted
 * @param {boolean} [o.trustProxy=false] rate limits by the first X-Forwarded-For address (behind a reverse proxy)
 * @param {Partial<typeof DEFAULT_LIMITS>} [o.limits]
 * @param {boolean} [o.quiet=false] no request logging
 * @param {Record<string, {route: string, schema: {safeParse: Function}, receiptPrefix: string}>} [o.extraPayloads]
 *        more payload types (tests, integrators' own forms)
 * @param {(ctx: object) => Promise<boolean>} [o.onRequest] called first for every request; true =
 *        answered (the tests' fault injection, test/server/faults.mjs)
 */
export async function startReceiver({
  port = 0,
  host = '127.0.0.1',
  storage = null,
  dbFile = undefined,
  databaseUrl = undefined,
  staffToken = null,
  allowOrigins = [],
  staticRoots = [],
  privatePaths = [],
  contentDir = null,
  retentionDays = null,
  trustProxy = false,
  limits: limitsIn = {},
  quiet = false,
  extraPayloads = {},
  onRequest = null,
} = {}) {
  const log = (...a) => { if (!quiet) console.warn('[receiver]', ...a); };
  const info = (...a) => { if (!quiet) console.log('[receiver]', ...a); };
  const limits = { ...DEFAULT_LIMITS, ...limitsIn };

  // Payload routes, as registered at start-up.
  const payloads = { ...payloadSchemas, ...extraPayloads };
  const routes = new Map();
  for (const [type, p] of Object.entries(payloads)) {
    if (!p || typeof p.route !== 'string' || !p.schema) continue;
    const path = p.route.startsWith('/api/') ? p.route : `/api${p.route.startsWith('/') ? '' : '/'}${p.route}`;
    routes.set(path, { type, schema: p.schema, prefix: p.receiptPrefix || type.slice(0, 2).toUpperCase() });
  }

  const ownStorage = !storage;
  if (!storage) {
    if (!dbFile && !databaseUrl) throw new Error('startReceiver: give `dbFile` (SQLite) or `databaseUrl` (PostgreSQL)');
    storage = await openStorage({ dbFile, databaseUrl });
  }

  // Origins: exact matches (normalised); '*' allows any origin without credentials.
  const anyOrigin = allowOrigins.includes('*');
  const allowed = new Set(allowOrigins.filter((o) => o !== '*').map(normOrigin).filter(Boolean));

  const submitLimiter = limits.submissions ? new RateLimiter(limits.submissions) : null;
  const authLimiter = limits.staffFailures ? new RateLimiter(limits.staffFailures) : null;
  let loop; // the loop's routes (./loop.mjs), made once the helpers below exist

  // Never served as static files: the database (and its WAL, the staff token beside it), the
  // survey access codes, whatever the caller adds. Compared on real paths, after decoding.
  const privateReal = [];
  const addPrivate = (p) => { try { privateReal.push(realpathSync(p)); } catch { privateReal.push(resolve(p)); } };
  if (dbFile && dbFile !== ':memory:') {
    const dbDir = dirname(resolve(dbFile));
    const servesAncestorOfDb = staticRoots.some((r) => resolve(r.dir) === dbDir);
    // The database folder itself, unless it is a served root (then at least its files).
    if (!servesAncestorOfDb) addPrivate(dbDir);
    for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`, join(dbDir, 'staff-token')]) addPrivate(f);
  }
  if (contentDir) addPrivate(join(contentDir, 'survey-codes.json'));
  for (const p of privatePaths) addPrivate(p);
  const isPrivate = (real) => privateReal.some((p) => real === p || real.startsWith(p + sep));

  // Demo content.
  const contentPath = (...parts) => (contentDir ? join(contentDir, ...parts) : null);
  async function readJson(file) {
    if (!file) return undefined;
    let text;
    try { text = await readFile(file, 'utf8'); } catch (e) { if (e.code === 'ENOENT' || e.code === 'EISDIR' || e.code === 'ENOTDIR') return undefined; throw e; }
    try { return JSON.parse(text); } catch (e) { log(`${file}: not valid JSON (${e.message})`); throw new HttpError(500, { message: `数据文件格式错误：${file.slice(contentDir.length + 1)}` }); }
  }
  function checkData(name, value, what) {
    const schema = dataSchemas[name];
    if (!schema) return;
    const r = schema.safeParse(value);
    if (!r.success) log(`${what} does not match the "${name}" schema:`, JSON.stringify(issuesToErrors(r.error.issues).slice(0, 5)));
  }
  async function deputiesList() {
    const d = await readJson(contentPath('deputies.json'));
    if (d === undefined) return undefined;
    return { raw: d, list: Array.isArray(d) ? d : Array.isArray(d?.deputies) ? d.deputies : [] };
  }
  const surveyFile = (id) => contentPath('surveys', `${id}.json`);

  // -------------------------------------------------------------------------------------------
  /** The client address the limits count by. */
  function clientOf(req) {
    if (trustProxy) {
      const fwd = String(req.headers['x-forwarded-for'] ?? '').split(',')[0].trim();
      if (fwd) return fwd;
    }
    return req.socket.remoteAddress ?? '?';
  }

  /** Same-origin: the Origin names this very host (a page served by the receiver itself). */
  function sameOrigin(req, origin) {
    const h = String(req.headers.host ?? '').toLowerCase();
    return !!h && (origin === `http://${h}` || origin === `https://${h}`);
  }

  function cors(req) {
    const h = { Vary: 'Origin' };
    const raw = req.headers.origin;
    if (!raw || raw.length > 500 || /[\r\n]/.test(raw)) return h;
    const origin = normOrigin(raw);
    const common = {
      'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
      'Access-Control-Expose-Headers': 'Retry-After, Content-Disposition',
    };
    if (origin && allowed.has(origin)) {
      Object.assign(h, common, { 'Access-Control-Allow-Origin': raw, 'Access-Control-Allow-Credentials': 'true' });
      // Chrome's Private Network Access: a listed public portal calling an intranet receiver.
      if (req.method === 'OPTIONS' && req.headers['access-control-request-private-network'] === 'true') {
        h['Access-Control-Allow-Private-Network'] = 'true';
      }
    } else if (anyOrigin && origin) {
      // Any site may call, but never with the visitor's cookies.
      Object.assign(h, common, { 'Access-Control-Allow-Origin': '*' });
    }
    return h;
  }

  /** A POST from a page of a site that is neither this receiver nor listed: refused. */
  function foreignOrigin(req) {
    const raw = req.headers.origin;
    if (!raw) return false; // not a browser page (curl, the server of a CMS)
    const origin = normOrigin(raw);
    if (origin && (allowed.has(origin) || anyOrigin || sameOrigin(req, origin))) return false;
    return true;
  }

  function send(req, res, status, body, headers = {}) {
    if (res.headersSent) return;
    const isBuf = Buffer.isBuffer(body) || typeof body === 'string';
    let payload = body === undefined ? '' : isBuf ? body : JSON.stringify(body);
    const h = {
      ...cors(req),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      ...(body !== undefined && !isBuf ? { 'Content-Type': 'application/json; charset=utf-8' } : {}),
      ...headers,
    };
    // gzip text over 1 KB, as any real host or CDN would (the benchmarks measure what pages download).
    const type = String(h['Content-Type'] ?? '');
    if (Buffer.byteLength(payload) > 1024 && /^(text\/|application\/(json|javascript|manifest)|image\/svg)/.test(type)
      && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      payload = gzipSync(payload, { level: 6 });
      h['Content-Encoding'] = 'gzip';
    }
    h.Vary = 'Origin, Accept-Encoding';
    h['Content-Length'] = String(Buffer.byteLength(payload));
    res.writeHead(status, h);
    res.end(req.method === 'HEAD' ? undefined : payload);
  }

  function readBody(req) {
    return new Promise((resolveBody, reject) => {
      const declared = Number(req.headers['content-length'] ?? 0);
      let size = 0;
      let tooBig = declared > MAX_BODY_BYTES;
      const chunks = [];
      req.on('data', (c) => {
        size += c.length;
        if (size > MAX_BODY_BYTES) tooBig = true;
        if (size > 16 * MAX_BODY_BYTES) { req.destroy(); return; } // stop draining a flood
        if (!tooBig) chunks.push(c);
      });
      req.on('end', () => {
        if (tooBig) reject(new HttpError(413, { errors: [{ path: '', message: '提交内容过大（不能超过 1 MB）' }] }));
        else resolveBody(Buffer.concat(chunks).toString('utf8'));
      });
      req.on('error', reject);
    });
  }
  const drain = (req) => new Promise((r) => { req.on('end', r); req.on('error', r); req.on('close', r); req.resume(); });

  /** Staff routes: `Authorization: Bearer <token>`, compared in constant time. */
  function requireStaff(req) {
    const m = /^Bearer[ \t]+([^\s]+)[ \t]*$/i.exec(String(req.headers.authorization ?? ''));
    if (!m) {
      throw new HttpError(401, { message: '需要工作人员凭据（Authorization: Bearer …）。Staff token required.' },
        { 'WWW-Authenticate': 'Bearer realm="rd-receiver"' });
    }
    const client = clientOf(req);
    const wait = authLimiter?.peek(client);
    if (wait) throw tooMany(wait);
    if (!staffToken || !sameSecret(m[1], staffToken)) {
      authLimiter?.take(client);
      throw new HttpError(403, { message: '工作人员凭据无效。Invalid staff token.' });
    }
    return `staff:${createHash('sha256').update(staffToken).digest('hex').slice(0, 8)}`;
  }
  const tooMany = (waitMs) => new HttpError(429, { message: '请求过于频繁，请稍后再试。Too many requests, please retry later.' },
    { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) });

  loop = loopRoutes({
    storage, send, readBody, drain, requireStaff, clientOf, foreignOrigin, HttpError, zhErrorMap, issuesToErrors,
    submitLimiter, limits,
  });
  const secret = await loop.secret;

  // -------------------------------------------------------------------------------------------
  async function handleSubmit(req, res, path, route) {
    // Keys are UUIDs; compared lower-case everywhere (header, body id, database), so a resend
    // with the key in upper case is the same submission.
    const key = String(req.headers['idempotency-key'] ?? '').trim().toLowerCase();
    if (foreignOrigin(req)) {
      await drain(req);
      throw new HttpError(403, { message: '此网站未获准向本服务器提交。This site is not allowed to submit here.' });
    }
    if (submitLimiter) {
      const wait = submitLimiter.take(clientOf(req));
      if (wait) { await drain(req); throw tooMany(wait); }
    }
    const ctype = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(ctype)) {
      await drain(req);
      throw new HttpError(415, { errors: [{ path: '', message: '请以 application/json 格式提交' }] });
    }
    const text = await readBody(req);
    let body;
    try { body = JSON.parse(text); } catch { throw fieldError(400, '', '提交内容不是有效的 JSON'); }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw fieldError(400, '', '提交内容必须是 JSON 对象');
    if (body.type !== route.type) throw fieldError(400, 'type', `类型不符：此地址只接受 "${route.type}"`);
    if (!key) throw fieldError(400, '', '缺少 Idempotency-Key 请求头');
    if (!UUID_RE.test(key)) throw fieldError(400, '', 'Idempotency-Key 必须是 UUID');
    // NUL never belongs in text (PostgreSQL cannot even store it; CSV readers cut at it).
    const nul = findNul(body);
    if (nul) throw fieldError(400, nul.join('.'), '内容中含有不允许的控制字符（NUL）');

    const parsed = route.schema.safeParse(body, { error: zhErrorMap });
    if (!parsed.success) {
      const errors = issuesToErrors(parsed.error.issues);
      info(`400 ${path}: ${errors.slice(0, 3).map((e) => `${e.path || '(body)'}: ${e.message}`).join('; ')}${errors.length > 3 ? ' …' : ''}`);
      throw new HttpError(400, { errors });
    }
    if (String(body.id).toLowerCase() !== key) throw fieldError(400, 'id', 'id 必须与 Idempotency-Key 请求头相同');
    const sourceUrl = parsed.data.source?.url;
    if (sourceUrl !== undefined) {
      let protocol = null;
      try { protocol = new URL(String(sourceUrl)).protocol; } catch { /* not a URL */ }
      if (protocol !== 'http:' && protocol !== 'https:') throw fieldError(400, 'source.url', '来源网址必须是 http 或 https 地址');
    }
    const envelope = { ...parsed.data, id: key };

    const en = String(body.locale ?? '').toLowerCase().startsWith('en');
    const message = RECEIPT_MESSAGES[route.type]?.[en ? 1 : 0] ?? (en ? 'Received.' : '已收到。');
    // Compared on what the schema accepted (unknown keys dropped, strings trimmed): bounded, and
    // two serialisations of one submission (key order, spacing) compare equal.
    const hash = createHash('sha256').update(canonicalJson(envelope)).digest('hex');
    // The lookup code is derived from the key: a repeat answers with the same one.
    const code = lookupCodeFor(secret, key);
    const lookupCode = formatLookupCode(code);
    const repeat = (row) => {
      if (row.body_hash !== hash) throw fieldError(422, '', KEY_REUSED);
      send(req, res, 200, { receipt: row.receipt, lookupCode, message });
    };
    const existing = await storage.findByKey(key);
    if (existing) return repeat(existing);

    let surveyId = null;
    let surveyCode = null;
    if (route.type === 'survey-response') ({ surveyId, code: surveyCode } = await checkSurvey(envelope.data ?? {}));
    const data = envelope.data ?? {};
    const subjectId = [data.draftId, data.surveyId, data.deputyId, data.stationId].find((x) => typeof x === 'string') ?? null;

    const receivedAt = new Date();
    const { body: stored, personal } = splitPersonal(envelope);
    const r = await storage.insert({
      type: route.type, key, prefix: route.prefix, year: chinaYear(receivedAt),
      createdAt: String(body.createdAt), receivedAt: receivedAt.toISOString(),
      body: JSON.stringify(stored), personal: personal ? JSON.stringify(personal) : null, hash,
      subjectId, surveyId, code: surveyCode, lookupHash: lookupHash(key, code),
    });
    if (!r.ok && r.conflict === 'key') return repeat(r.row); // another process got there first
    if (!r.ok) throw new HttpError(409, { message: CODE_USED, receipt: r.receipt });
    info(`201 ${r.receipt} ${route.type}`);
    send(req, res, 201, { receipt: r.receipt, lookupCode, message });
  }

  /** One response per code; closed surveys (access 'code') accept only their listed codes. */
  async function checkSurvey(data) {
    const surveyId = typeof data.surveyId === 'string' ? data.surveyId : null;
    const code = typeof data.code === 'string' && data.code.trim() ? normCode(data.code) : null;
    if (code && surveyId) {
      const used = await storage.findByCode(surveyId, code);
      if (used) throw new HttpError(409, { message: CODE_USED, receipt: used });
    }
    const survey = surveyId && ID_RE.test(surveyId) ? await readJson(surveyFile(surveyId)) : undefined;
    if (survey === undefined) throw fieldError(400, 'surveyId', '找不到这项测评');
    // The server is the judge of the window too: a page left open past `closes` cannot vote.
    const now = Date.now();
    if (survey.window && now < Date.parse(survey.window.opens)) throw new HttpError(422, { message: '本次测评尚未开始，未能提交。' });
    if (survey.window && now >= Date.parse(survey.window.closes)) throw new HttpError(422, { message: '本次测评已截止，未能提交。' });
    if (survey.anonymity && data.anonymity !== survey.anonymity) {
      throw fieldError(400, 'data.anonymity', survey.anonymity === 'anonymous' ? '这是匿名测评，不能提交身份信息' : '这项测评需要填写身份信息');
    }
    const roles = Array.isArray(survey.roles) ? survey.roles.map((r) => (typeof r === 'string' ? r : r?.id)) : [];
    if (roles.length && !roles.includes(data.role)) throw fieldError(400, 'data.role', '请选择本次测评列出的身份');
    const answerErrors = surveyAnswerErrors(survey, data.answers);
    if (answerErrors.length) throw new HttpError(400, { errors: answerErrors });
    if (surveyAccess(survey) === 'code') {
      if (!code) throw fieldError(400, 'code', '请输入测评码');
      const codes = (await readJson(contentPath('survey-codes.json'))) ?? {};
      const valid = Array.isArray(codes[surveyId]) ? codes[surveyId].map(normCode) : [];
      if (!valid.includes(code)) throw fieldError(400, 'code', '测评码无效，请核对后重新输入');
    }
    return { surveyId, code };
  }


  // -------------------------------------------------------------------------------------------
  async function handleData(req, res, parts) {
    // parts: path segments after /api
    const notFound = (what) => new HttpError(404, { message: `找不到${what}` });
    const ok = (v) => send(req, res, 200, v);
    const [head, id, tail, ...rest] = parts;
    if (rest.length) throw notFound('该地址');
    if (id !== undefined && !ID_RE.test(id)) throw notFound('该编号');
    if (head === 'drafts' && id && !tail) {
      const d = await readJson(contentPath('drafts', `${id}.json`));
      if (d === undefined) throw notFound(`草案 ${id}`);
      // The adoption report staff published wins over one in the file.
      const adoption = await loop.publishedAdoption(id);
      const out = adoption ? { ...d, adoption } : d;
      checkData('draft', out, `drafts/${id}.json`);
      return ok(out);
    }
    if (head === 'deputies' && !tail) {
      const d = await deputiesList();
      if (!id) {
        if (d === undefined) throw notFound('代表名单');
        checkData('deputies', d.raw, 'deputies.json');
        return ok(d.raw);
      }
      let one = d?.list.find((x) => x && String(x.id) === id);
      if (one === undefined) one = await readJson(contentPath('deputies', `${id}.json`));
      if (one === undefined) throw notFound(`代表 ${id}`);
      // Published messages and the reply rate: what this receiver stored, before what the content
      // file already published (an import from an earlier system); the stored rate once it counts any.
      const loopInfo = await loop.deputyLoop(id);
      if (loopInfo) {
        const messages = [...loopInfo.messages, ...(Array.isArray(one.messages) ? one.messages : [])].slice(0, 100);
        const replyRate = loopInfo.replyRate.due > 0 || !one.replyRate ? loopInfo.replyRate : one.replyRate;
        one = { ...one, messages, replyRate };
      }
      checkData('deputy', one, `deputy ${id}`);
      return ok(one);
    }
    if (head === 'surveys' && id && !tail) {
      const s = await readJson(surveyFile(id));
      if (s === undefined) throw notFound(`测评 ${id}`);
      checkData('survey', s, `surveys/${id}.json`);
      return ok(s);
    }
    if (head === 'surveys' && id && tail === 'results') {
      // Computed from stored responses when there are any; else the published file, if any;
      // else computed with zero responses (every tier and option at 0).
      const survey = await readJson(surveyFile(id));
      const bodies = (await storage.surveyBodies(id)).map((b) => JSON.parse(b));
      if (bodies.length && survey !== undefined) {
        const results = computeSurveyResults(id, bodies, survey);
        checkData('survey-results', results, `computed results of ${id}`);
        return ok(results);
      }
      const file = await readJson(contentPath('survey-results', `${id}.json`));
      if (file !== undefined) { checkData('survey-results', file, `survey-results/${id}.json`); return ok(file); }
      if (survey === undefined) throw notFound(`测评 ${id}`);
      return ok(computeSurveyResults(id, [], survey));
    }
    if (head === 'stations' && !id) {
      const s = await readJson(contentPath('stations.json'));
      if (s === undefined) throw notFound('联络站数据');
      checkData('stations', s, 'stations.json');
      return ok(s);
    }
    throw notFound('该地址');
  }

  // -------------------------------------------------------------------------------------------
  /** Staff export, streamed: ?type= &format=csv|jsonl|json &from= &to= &draft= &survey= */
  async function handleExport(req, res, url) {
    const actor = requireStaff(req);
    const p = url.searchParams;
    const type = p.get('type') || null;
    const format = (p.get('format') || 'csv').toLowerCase();
    if (type !== null && ![...routes.values()].some((r) => r.type === type)) {
      throw fieldError(400, 'type', `未知的提交类型：${type.slice(0, 60)}`);
    }
    if (!['csv', 'jsonl', 'json'].includes(format)) throw fieldError(400, 'format', 'format 只能是 csv、jsonl 或 json');
    const date = (name) => {
      const v = p.get(name);
      if (!v) return null;
      if (!DATE_RE.test(v) || Number.isNaN(Date.parse(v))) throw fieldError(400, name, `${name} 须为日期，如 2026-01-31`);
      return new Date(v.length === 10 ? `${v}T00:00:00+08:00` : v).toISOString(); // a bare date is a day in China
    };
    const from = date('from');
    let to = date('to');
    // `to` as a bare date includes that whole day.
    if (to && p.get('to').length === 10) to = new Date(Date.parse(to) + 86_400_000).toISOString();
    const subjects = ['draft', 'survey', 'subject'].map((k) => p.get(k)).filter(Boolean);
    if (subjects.length > 1) throw fieldError(400, 'draft', 'draft、survey 只能选一个');
    const subject = subjects[0] ?? null;
    if (subject && !ID_RE.test(subject)) throw fieldError(400, p.get('draft') ? 'draft' : 'survey', '编号格式不正确');
    const filter = { type, from, to, subject };

    await storage.audit({ actor, action: 'export', detail: { format, ...filter }, ip: clientOf(req) });
    const stamp = new Date().toISOString().slice(0, 10);
    const name = `rd-${type ?? 'all'}-${stamp}.${format}`;
    const headers = {
      ...cors(req),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : format === 'jsonl' ? 'application/x-ndjson; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `${format === 'json' ? 'inline' : 'attachment'}; filename="${name}"`,
    };
    res.writeHead(200, headers);
    if (req.method === 'HEAD') return res.end();
    await streamExport(storage, res, { format, filter });
  }

  // -------------------------------------------------------------------------------------------
  async function handleStatic(req, res, url) {
    const notFound = () => new HttpError(404, { message: '找不到该页面' });
    // Decoded segment by segment: an encoded slash, backslash or NUL is refused, and "." / ".."
    // / dotfiles never reach the file system, however they were spelled.
    const segments = [];
    for (const raw of url.pathname.split('/').slice(1)) {
      let s;
      try { s = decodeURIComponent(raw); } catch { throw new HttpError(400, { message: 'Bad path' }); }
      if (s.includes('\0') || s.includes('\\')) throw new HttpError(400, { message: 'Bad path' });
      if (s.includes('/') || s === '..' || s === '.' || s.startsWith('.')) throw notFound();
      segments.push(s);
    }
    const wantsDir = segments.at(-1) === '';
    if (wantsDir) segments.pop();
    if (segments.includes('')) throw notFound(); // "a//b"
    const path = `/${segments.join('/')}`;
    const root = staticRoots.find((r) => path === r.prefix.replace(/\/$/, '') || path.startsWith(r.prefix.endsWith('/') ? r.prefix : `${r.prefix}/`) || r.prefix === '/');
    if (!root) throw notFound();
    const rel = path.slice(root.prefix.replace(/\/$/, '').length).replace(/^\//, '');
    let file = resolve(root.dir, rel);
    const rootDir = resolve(root.dir);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) throw notFound();
    let st = await stat(file).catch(() => null);
    if (st && isPrivate(realpathSync(file))) throw notFound(); // before any redirect: not even "exists"
    if (st?.isDirectory()) {
      if (!wantsDir) return send(req, res, 301, undefined, { Location: `${url.pathname}/${url.search}` });
      file = join(file, 'index.html');
      st = await stat(file).catch(() => null);
    } else if (wantsDir) throw notFound(); // "file.json/" is not a folder
    if (!st?.isFile()) throw notFound();
    // Symlinks must not lead out of the served folder, nor into a private one.
    const real = realpathSync(file);
    const realRoot = realpathSync(rootDir);
    if (!real.startsWith(realRoot + sep) || isPrivate(real)) throw notFound();
    const data = await readFile(real);
    send(req, res, 200, data, {
      'Content-Type': CONTENT_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
  }

  // -------------------------------------------------------------------------------------------
  async function handle(req, res) {
    // Origin-form ("/path?query"; "//x" must not be read as a host) or absolute-form (proxies).
    let raw = String(req.url ?? '/');
    if (/^https?:\/\//i.test(raw)) { try { const a = new URL(raw); raw = a.pathname + a.search; } catch { raw = '/'; } }
    const url = new URL(raw.startsWith('/') ? raw.replace(/^\/+/, '/') : '/', 'http://receiver.invalid');
    const path = url.pathname;
    if (onRequest && (await onRequest({ req, res, url, path, send, readBody, drain, storage, routes, HttpError }))) return;
    if (req.method === 'OPTIONS') {
      return send(req, res, 204, undefined, { 'Access-Control-Max-Age': '600' });
    }
    if (path.startsWith('/api/receipts/') || path.startsWith('/api/staff/') || /^\/api\/drafts\/[^/]+\/adoption$/.test(path)) {
      if (await loop.handle(req, res, url, path)) return;
    }
    if (path === '/staff' || path.startsWith('/staff/')) return serveStaffPage(req, res, url, { send, HttpError, drain });
    const route = routes.get(path);
    if (route) {
      if (req.method !== 'POST') throw new HttpError(405, { message: 'Method not allowed' }, { Allow: 'POST, OPTIONS' });
      return handleSubmit(req, res, path, route);
    }
    if (path === '/api' || path.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        await drain(req);
        throw new HttpError(404, { message: '找不到该地址' });
      }
      if (path === '/api/export') return handleExport(req, res, url);
      if (path === '/api' || path === '/api/') {
        // What this receiver accepts and serves (the schemas registered when it started).
        return send(req, res, 200, {
          payloads: [...routes].map(([r, x]) => ({ type: x.type, route: r, receiptPrefix: x.prefix })),
          data: ['/api/drafts/{id}', '/api/deputies', '/api/deputies/{id}', '/api/surveys/{id}', '/api/surveys/{id}/results', '/api/stations'],
          export: '/api/export?type={type}&format=csv|jsonl|json&from=&to=&draft=&survey= (Authorization: Bearer <staff token>)',
          lookup: ['/api/receipts/{receipt}?code={lookupCode}', 'POST /api/receipts/{receipt}/rating', '/api/drafts/{id}/adoption'],
          staff: ['/api/staff/submissions', '/api/staff/receipts/{receipt}', 'POST /api/staff/receipts/{receipt}/status', '/api/staff/drafts/{id}/adoption (GET, PUT)', '/api/staff/audit', '/staff/'],
          openapi: '/dist/openapi.json',
        });
      }
      const parts = path.slice('/api/'.length).split('/');
      if (parts.at(-1) === '') parts.pop();
      return handleData(req, res, parts);
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      await drain(req);
      throw new HttpError(405, { message: 'Method not allowed' }, { Allow: 'GET, HEAD, OPTIONS' });
    }
    if (!staticRoots.length) throw new HttpError(404, { message: '找不到该地址。rd-receiver serves /api only.' });
    return handleStatic(req, res, url);
  }

  const server = createServer({
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    // How often Node checks the two timeouts above (its default, 30 s, would let a slow client
    // hold a connection up to 30 s past them).
    connectionsCheckingInterval: Math.max(250, Math.min(1000, Math.floor(limits.headersTimeoutMs / 2))),
  }, (req, res) => {
    handle(req, res).catch((e) => {
      if (e instanceof HttpError) {
        // A refused request whose body was not read: close the connection after answering.
        return send(req, res, e.status, e.body, e.headers);
      }
      if (req.destroyed || e?.code === 'ECONNRESET' || e?.message === 'aborted') return res.destroy(); // client went away
      log(`${req.method} ${req.url}:`, e?.stack ?? e);
      if (res.headersSent) return res.destroy();
      send(req, res, 500, { message: '服务器内部错误，请稍后再试' });
    }).catch(() => res.destroy());
  });
  if (limits.maxConnections) server.maxConnections = limits.maxConnections;
  server.on('clientError', (e, socket) => {
    if (!socket.writable) return socket.destroy();
    const status = e?.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : e?.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const body = JSON.stringify({ message: status.startsWith('408') ? '请求超时。Request timeout.' : '请求格式错误。Bad request.' });
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });

  // PIPL: personal details past --retention-days, audit entries past six months.
  async function purge() {
    const day = 86_400_000;
    try {
      const r = await storage.purge({
        personalBefore: retentionDays ? new Date(Date.now() - retentionDays * day).toISOString() : null,
        auditBefore: new Date(Date.now() - AUDIT_RETENTION_DAYS * day).toISOString(),
      });
      if (r.personal || r.audit) info(`retention: ${r.personal} personal record(s), ${r.audit} audit entr(ies) deleted`);
      return r;
    } catch (e) {
      log('retention purge failed:', e?.message ?? e);
      return { personal: 0, audit: 0 };
    }
  }
  await purge();
  const purgeTimer = setInterval(purge, 3600_000);
  purgeTimer.unref();

  try {
    await new Promise((ok, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => { server.off('error', fail); ok(); });
    });
  } catch (e) {
    clearInterval(purgeTimer);
    if (ownStorage) await storage.close();
    throw e;
  }
  const addr = server.address();
  const shownHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  const base = `http://${shownHost}:${addr.port}`;
  let closed;
  return {
    url: base,
    endpoint: `${base}/api`,
    server,
    storage,
    purge,
    close() {
      closed ??= new Promise((ok) => {
        clearInterval(purgeTimer);
        server.close(() => { (ownStorage ? storage.close() : Promise.resolve()).then(ok, ok); });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
