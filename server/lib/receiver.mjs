// The reference receiver: a small Node server that serves the demo portal and `dist/`, answers
// the GET data routes from demo/content/, and accepts every POST route of CONTRACT.md ("HTTP"),
// validating bodies with the very zod schemas the widgets use (dist/server/schemas.mjs, built
// from src/services/schemas/index.ts). Integrators can read it as the contract in code.
//
//   import { startReceiver } from './demo/receiver.mjs';
//   const r = await startReceiver({ port: 0 });   // r.url = 'http://127.0.0.1:PORT'
//   // widgets: <rd-provider endpoint="{r.url}/api">
//   await r.close();
//
// Routes (all answers are JSON unless said otherwise; CORS on every response):
//   POST /api/<route of each registered payload>  201 {receipt, message} | 200 (repeat) |
//        400/422 {errors:[{path, message}]} | 409 (survey code used) | 413 | 415
//   GET  /api/drafts/:id  /api/deputies  /api/deputies/:id  /api/surveys/:id
//        /api/surveys/:id/results  /api/stations
//   GET  /api/export?type=<type>&format=csv|json
//   GET  /            static files from demo/ (index.html for folders), /dist/ from dist/
//   with { faults: true } only (tests):
//     POST /__faults {route: '/api/…', statuses: [503, 503], key?, retryAfter?, delayMs?, body?}
//          queues answers for the next POSTs to `route` (only those with Idempotency-Key `key`,
//          when given), served before any handling and never stored; each status is used once;
//          `body` replaces the default {message}; `null` as a status = wait delayMs, then handle
//          normally.  DELETE /__faults[?route=…][&key=…] clears; GET /__faults lists.
//     GET /__rows?type=…[&key=…]  → {count, rows: [{id, type, idempotency_key, receipt,
//          created_at, received_at, body}]}
//     GET /__log?route=…[&key=…]  → [{at, route, key, status, fault?}] of every POST received
//     and a generic payload type `rd-test` at POST /api/__test-submissions (receipts TS-…).
import { createServer } from 'node:http';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { mkdirSync, realpathSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { z } from 'zod/mini';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { payloadSchemas, dataSchemas, tallyResponses } from '../dist/server/schemas.mjs';

const DEMO_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT_DIR = resolve(DEMO_DIR, '..');
export const DEFAULT_DB_FILE = join(DEMO_DIR, 'data', 'receiver.sqlite');
export const MAX_BODY_BYTES = 1024 * 1024;

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const CORS_ALLOW_HEADERS = 'Content-Type, Idempotency-Key, X-Captcha-Token, X-CSRF-Token, Authorization';
const KEY_REUSED = 'Idempotency-Key reused with a different body';
const CODE_USED = '此测评码已提交过，不能重复提交';

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

/**
 * A generic payload type used only by the receiver's own tests (registered when `faults` is on),
 * so the generic behaviour can be tested whatever widget schemas exist yet.
 */
const testPayload = {
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
    }),
  }),
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

/** zod issues → CONTRACT.md field errors: `{path: 'a.b.0', message}`. */
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
// CSV export (Excel in China opens UTF-8 only with a BOM).

/** Neutralises spreadsheet formulas: text starting with = + - @ (or tab/CR) gets a leading '. */
export function csvGuard(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
export function csvCell(v) {
  const s = csvGuard(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** Leaf values of `obj` keyed by dotted path (`comments.0.text`); [] and {} become "". */
export function flatten(obj, prefix = '', out = {}) {
  if (obj !== null && typeof obj === 'object') {
    const keys = Object.keys(obj);
    if (!keys.length && prefix) out[prefix] = '';
    for (const k of keys) flatten(obj[k], prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out[prefix] = obj;
  return out;
}
export function toCsv(rows) {
  const fixed = ['receipt', 'type', 'idempotency_key', 'created_at', 'received_at', 'locale', 'source_url'];
  const flat = rows.map((r) => flatten(r.body?.data ?? {}, 'data'));
  const dataCols = [];
  const seen = new Set();
  for (const f of flat) for (const k of Object.keys(f)) if (!seen.has(k)) { seen.add(k); dataCols.push(k); }
  const lines = [[...fixed, ...dataCols].map(csvCell).join(',')];
  rows.forEach((r, i) => {
    const base = [r.receipt, r.type, r.idempotency_key, r.created_at, r.received_at, r.body?.locale, r.body?.source?.url];
    lines.push([...base, ...dataCols.map((c) => flat[i][c])].map(csvCell).join(','));
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
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
 * and more, in src/services/survey-logic.ts): answers only to questions of the survey; a ballot
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
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(d));
}

// ---------------------------------------------------------------------------------------------

class HttpError extends Error {
  constructor(status, body, headers = {}) {
    super(typeof body?.message === 'string' ? body.message : `HTTP ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }
}
const fieldError = (status, path, message) => new HttpError(status, { errors: [{ path, message }] });

/**
 * Starts the reference receiver.
 * @param {object} [o]
 * @param {number} [o.port=0] 0 picks a free port
 * @param {string} [o.host='127.0.0.1']
 * @param {string} [o.dbFile] SQLite file (default demo/data/receiver.sqlite; its folder is created)
 * @param {boolean} [o.quiet=false] no request-problem logging
 * @param {boolean} [o.faults=false] test helpers: /__faults, /__rows and the `rd-test` payload
 * @param {Record<string, {route: string, schema: {safeParse: Function}, receiptPrefix: string}>} [o.extraPayloads]
 *        more payload types (tests, integrators' own forms)
 * @param {string} [o.contentDir] demo content folder (default demo/content)
 * @param {string[]} [o.allowOrigins] origins allowed by CORS (default: any origin, reflected —
 *        right for a demo; a real receiver lists the portal's origins)
 * @returns {Promise<{url: string, endpoint: string, server: import('node:http').Server, db: import('better-sqlite3').Database, close(): Promise<void>}>}
 */
export async function startReceiver({
  port = 0,
  host = '127.0.0.1',
  dbFile = DEFAULT_DB_FILE,
  quiet = false,
  faults = false,
  extraPayloads = {},
  contentDir = join(DEMO_DIR, 'content'),
  allowOrigins = null,
} = {}) {
  const log = (...a) => { if (!quiet) console.warn('[receiver]', ...a); };
  const info = (...a) => { if (!quiet) console.log('[receiver]', ...a); };

  // Payload routes, as registered at start-up.
  const payloads = { ...payloadSchemas, ...(faults ? { 'rd-test': testPayload } : {}), ...extraPayloads };
  const routes = new Map();
  for (const [type, p] of Object.entries(payloads)) {
    if (!p || typeof p.route !== 'string' || !p.schema) continue;
    const path = p.route.startsWith('/api/') ? p.route : `/api${p.route.startsWith('/') ? '' : '/'}${p.route}`;
    routes.set(path, { type, schema: p.schema, prefix: p.receiptPrefix || type.slice(0, 2).toUpperCase() });
  }

  // Storage.
  if (dbFile !== ':memory:') mkdirSync(dirname(resolve(dbFile)), { recursive: true });
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 3000');
  db.exec(`
    CREATE TABLE IF NOT EXISTS submissions (
      id TEXT PRIMARY KEY,
      type TEXT NOT NULL,
      idempotency_key TEXT NOT NULL UNIQUE,
      receipt TEXT NOT NULL UNIQUE,
      created_at TEXT NOT NULL,
      received_at TEXT NOT NULL,
      body TEXT NOT NULL CHECK (json_valid(body)),
      body_hash TEXT NOT NULL,
      survey_id TEXT,
      survey_code TEXT
    );
    CREATE INDEX IF NOT EXISTS submissions_type ON submissions(type, received_at);
    CREATE UNIQUE INDEX IF NOT EXISTS submissions_survey_code ON submissions(survey_id, survey_code)
      WHERE survey_code IS NOT NULL;
    CREATE TABLE IF NOT EXISTS receipt_counters (
      type TEXT NOT NULL, year INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (type, year)
    );
  `);
  const q = {
    byKey: db.prepare('SELECT * FROM submissions WHERE idempotency_key = ?'),
    byCode: db.prepare('SELECT receipt FROM submissions WHERE survey_id = ? AND survey_code = ?'),
    bump: db.prepare(`INSERT INTO receipt_counters (type, year, n) VALUES (?, ?, 1)
      ON CONFLICT (type, year) DO UPDATE SET n = n + 1 RETURNING n`),
    insert: db.prepare(`INSERT INTO submissions
      (id, type, idempotency_key, receipt, created_at, received_at, body, body_hash, survey_id, survey_code)
      VALUES (@id, @type, @key, @receipt, @createdAt, @receivedAt, @body, @hash, @surveyId, @code)`),
    rows: db.prepare('SELECT * FROM submissions WHERE (@type IS NULL OR type = @type) ORDER BY received_at, receipt'),
    surveyBodies: db.prepare(`SELECT body FROM submissions WHERE type = 'survey-response' AND survey_id = ?`),
  };
  const store = db.transaction((row) => {
    const { n } = q.bump.get(row.type, row.year);
    const receipt = `${row.prefix}-${row.year}-${String(n).padStart(6, '0')}`;
    q.insert.run({ ...row, receipt });
    return receipt;
  });
  const rowOut = (r) => ({ ...r, body: JSON.parse(r.body), body_hash: undefined });

  // Demo content.
  const contentPath = (...parts) => join(contentDir, ...parts);
  async function readJson(file) {
    let text;
    try { text = await readFile(file, 'utf8'); } catch (e) { if (e.code === 'ENOENT' || e.code === 'EISDIR') return undefined; throw e; }
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

  // Fault injection (tests only).
  let faultQueue = [];
  function takeFault(path, key) {
    const i = faultQueue.findIndex((f) => f.route === path && (!f.key || f.key === key));
    if (i < 0) return undefined;
    const f = faultQueue[i];
    const status = f.statuses.shift();
    if (!f.statuses.length) faultQueue.splice(i, 1);
    return { status, retryAfter: f.retryAfter, delayMs: f.delayMs, body: f.body };
  }
  /** Every POST to a payload route (tests only): what arrived and what it was answered. */
  const requestLog = [];

  // -------------------------------------------------------------------------------------------
  function cors(req) {
    const h = {
      Vary: 'Origin',
      'Access-Control-Allow-Credentials': 'true',
      'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
      'Access-Control-Allow-Methods': 'GET, HEAD, POST, DELETE, OPTIONS',
      'Access-Control-Expose-Headers': 'Retry-After, Content-Disposition',
    };
    const origin = req.headers.origin;
    if (origin && origin.length < 500 && !/[\r\n]/.test(origin) && (!allowOrigins || allowOrigins.includes(origin))) {
      h['Access-Control-Allow-Origin'] = origin;
    }
    // Chrome's Private Network Access: a public page calling a receiver on localhost / intranet.
    if (req.method === 'OPTIONS' && req.headers['access-control-request-private-network'] === 'true') {
      h['Access-Control-Allow-Private-Network'] = 'true';
    }
    return h;
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

  // -------------------------------------------------------------------------------------------
  async function handleSubmit(req, res, path, route) {
    const key = String(req.headers['idempotency-key'] ?? '').trim();
    if (faults) {
      const entry = { at: new Date().toISOString(), route: path, key, status: 0 };
      requestLog.push(entry);
      if (requestLog.length > 2000) requestLog.shift();
      res.on('finish', () => { entry.status = res.statusCode; });
      const f = takeFault(path, key);
      if (f) {
        entry.fault = true;
        if (f.delayMs) await new Promise((r) => setTimeout(r, Math.min(f.delayMs, 60_000)));
        if (f.status !== null) {
          await drain(req);
          const h = f.retryAfter !== undefined ? { 'Retry-After': String(f.retryAfter) } : {};
          send(req, res, f.status, f.body ?? { message: `injected fault ${f.status}` }, h);
          return;
        }
        // null: a delay only; then handled normally.
      }
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

    const parsed = route.schema.safeParse(body, { error: zhErrorMap });
    if (!parsed.success) {
      const errors = issuesToErrors(parsed.error.issues);
      info(`400 ${path}: ${errors.slice(0, 3).map((e) => `${e.path || '(body)'}: ${e.message}`).join('; ')}${errors.length > 3 ? ' …' : ''}`);
      throw new HttpError(400, { errors });
    }
    if (String(body.id).toLowerCase() !== key.toLowerCase()) throw fieldError(400, 'id', 'id 必须与 Idempotency-Key 请求头相同');

    const en = String(body.locale ?? '').toLowerCase().startsWith('en');
    const message = RECEIPT_MESSAGES[route.type]?.[en ? 1 : 0] ?? (en ? 'Received.' : '已收到。');
    // Compared on what the schema accepted (unknown keys dropped, strings trimmed): bounded, and
    // two serialisations of one submission (key order, spacing) compare equal.
    const hash = createHash('sha256').update(canonicalJson(parsed.data)).digest('hex');
    const existing = q.byKey.get(key);
    if (existing) {
      if (existing.body_hash !== hash) throw fieldError(422, '', KEY_REUSED);
      send(req, res, 200, { receipt: existing.receipt, message });
      return;
    }

    let surveyId = null;
    let code = null;
    if (route.type === 'survey-response') ({ surveyId, code } = await checkSurvey(parsed.data.data ?? {}));

    const receivedAt = new Date();
    let receipt;
    try {
      receipt = store({
        id: key, type: route.type, key, prefix: route.prefix, year: chinaYear(receivedAt),
        createdAt: String(body.createdAt), receivedAt: receivedAt.toISOString(),
        body: JSON.stringify(parsed.data), hash, surveyId, code,
      });
    } catch (e) {
      if (e?.code !== 'SQLITE_CONSTRAINT_UNIQUE' && e?.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw e;
      // Another process sharing the file got there first: answer as for a repeat.
      const again = q.byKey.get(key);
      if (again) {
        if (again.body_hash !== hash) throw fieldError(422, '', KEY_REUSED);
        send(req, res, 200, { receipt: again.receipt, message });
        return;
      }
      const used = code && q.byCode.get(surveyId, code);
      if (used) throw new HttpError(409, { message: CODE_USED, receipt: used.receipt });
      throw e;
    }
    info(`201 ${receipt} ${route.type}`);
    send(req, res, 201, { receipt, message });
  }

  /** One response per code; closed surveys (access 'code') accept only their listed codes. */
  async function checkSurvey(data) {
    const surveyId = typeof data.surveyId === 'string' ? data.surveyId : null;
    const code = typeof data.code === 'string' && data.code.trim() ? normCode(data.code) : null;
    if (code && surveyId) {
      const used = q.byCode.get(surveyId, code);
      if (used) throw new HttpError(409, { message: CODE_USED, receipt: used.receipt });
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
      checkData('draft', d, `drafts/${id}.json`);
      return ok(d);
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
      const bodies = q.surveyBodies.all(id).map((r) => JSON.parse(r.body));
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

  function handleExport(req, res, url) {
    const type = url.searchParams.get('type') || null;
    const format = (url.searchParams.get('format') || 'csv').toLowerCase();
    if (type !== null && ![...routes.values()].some((r) => r.type === type)) {
      throw fieldError(400, 'type', `未知的提交类型：${type.slice(0, 60)}`);
    }
    if (format !== 'csv' && format !== 'json') throw fieldError(400, 'format', 'format 只能是 csv 或 json');
    const rows = q.rows.all({ type }).map(rowOut);
    const stamp = new Date().toISOString().slice(0, 10);
    const name = `rd-${type ?? 'all'}-${stamp}.${format}`;
    if (format === 'json') {
      const out = rows.map((r) => ({
        receipt: r.receipt, type: r.type, idempotency_key: r.idempotency_key, created_at: r.created_at,
        received_at: r.received_at, locale: r.body.locale, source_url: r.body.source?.url, data: r.body.data,
      }));
      return send(req, res, 200, { type, count: out.length, rows: out }, { 'Content-Disposition': `inline; filename="${name}"` });
    }
    send(req, res, 200, toCsv(rows), { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${name}"` });
  }

  async function handleFaults(req, res, url) {
    if (req.method === 'DELETE') {
      const route = url.searchParams.get('route');
      const key = url.searchParams.get('key');
      faultQueue = faultQueue.filter((f) => (route && f.route !== route) || (key && f.key !== key));
      return send(req, res, 204);
    }
    if (req.method === 'GET') return send(req, res, 200, { faults: faultQueue });
    if (req.method !== 'POST') throw new HttpError(405, { message: 'Method not allowed' }, { Allow: 'GET, POST, DELETE' });
    let f;
    try { f = JSON.parse(await readBody(req)); } catch (e) { if (e instanceof HttpError) throw e; throw fieldError(400, '', 'not JSON'); }
    const okStatus = (s) => s === null || (Number.isInteger(s) && s >= 200 && s <= 599);
    if (!f || typeof f.route !== 'string' || !Array.isArray(f.statuses) || !f.statuses.length || !f.statuses.every(okStatus)
      || (f.body !== undefined && (typeof f.body !== 'object' || f.body === null))) {
      throw fieldError(400, '', 'expected {route: "/api/…", statuses: [503, …, or null = pass after delayMs], key?, retryAfter?, delayMs?, body?}');
    }
    faultQueue.push({
      route: f.route, key: typeof f.key === 'string' ? f.key : undefined, statuses: [...f.statuses],
      retryAfter: f.retryAfter, delayMs: Number(f.delayMs) || 0, body: f.body,
    });
    send(req, res, 201, { queued: f.statuses.length });
  }

  // -------------------------------------------------------------------------------------------
  const staticRoots = [
    { prefix: '/dist/', dir: join(ROOT_DIR, 'dist') },
    { prefix: '/', dir: DEMO_DIR },
  ];
  /** Never served: the database folder, server-side code lists, dotfiles. */
  const privateFile = (rel) => /(^|\/)\./.test(rel) || /^data(\/|$)/.test(rel) || /(^|\/)survey-codes\.json$/.test(rel);

  async function handleStatic(req, res, url) {
    let pathname;
    try { pathname = decodeURIComponent(url.pathname); } catch { throw new HttpError(400, { message: 'Bad path' }); }
    if (pathname.includes('\0') || pathname.includes('\\')) throw new HttpError(400, { message: 'Bad path' });
    const root = staticRoots.find((r) => pathname.startsWith(r.prefix) || `${pathname}/` === r.prefix);
    const rel = pathname.slice(root.prefix.length);
    const segments = rel.split('/');
    if (segments.includes('..') || (root.prefix === '/' && privateFile(rel))) throw new HttpError(404, { message: '找不到该页面' });
    let file = resolve(root.dir, rel);
    if (file !== root.dir && !file.startsWith(root.dir + sep)) throw new HttpError(404, { message: '找不到该页面' });
    let st = await stat(file).catch(() => null);
    if (st?.isDirectory()) {
      if (!url.pathname.endsWith('/')) return send(req, res, 301, undefined, { Location: `${url.pathname}/${url.search}` });
      file = join(file, 'index.html');
      st = await stat(file).catch(() => null);
    }
    if (!st?.isFile()) throw new HttpError(404, { message: '找不到该页面' });
    // Symlinks must not lead out of the served folder either.
    const real = realpathSync(file);
    const realRoot = realpathSync(root.dir);
    if (!real.startsWith(realRoot + sep)) throw new HttpError(404, { message: '找不到该页面' });
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
    if (req.method === 'OPTIONS') {
      return send(req, res, 204, undefined, { 'Access-Control-Max-Age': '600' });
    }
    if (faults && path === '/__faults') return handleFaults(req, res, url);
    if (faults && path === '/__log' && req.method === 'GET') {
      const route = url.searchParams.get('route');
      const key = url.searchParams.get('key');
      return send(req, res, 200, requestLog.filter((e) => (!route || e.route === route) && (!key || e.key === key)));
    }
    if (faults && path === '/__rows' && req.method === 'GET') {
      const rows = q.rows.all({ type: url.searchParams.get('type') || null }).map(rowOut);
      const key = url.searchParams.get('key');
      const list = key ? rows.filter((r) => r.idempotency_key === key) : rows;
      return send(req, res, 200, { count: list.length, rows: list });
    }
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
          payloads: [...routes].map(([route, r]) => ({ type: r.type, route, receiptPrefix: r.prefix })),
          data: ['/api/drafts/{id}', '/api/deputies', '/api/deputies/{id}', '/api/surveys/{id}', '/api/surveys/{id}/results', '/api/stations'],
          export: '/api/export?type={type}&format=csv|json',
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
    return handleStatic(req, res, url);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (e instanceof HttpError) return send(req, res, e.status, e.body, e.headers);
      if (req.destroyed || e?.code === 'ECONNRESET' || e?.message === 'aborted') return res.destroy(); // client went away
      log(`${req.method} ${req.url}:`, e?.stack ?? e);
      send(req, res, 500, { message: '服务器内部错误，请稍后再试' });
    }).catch(() => res.destroy());
  });
  server.on('clientError', (_e, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  try {
    await new Promise((ok, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => { server.off('error', fail); ok(); });
    });
  } catch (e) {
    db.close();
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
    db,
    close() {
      closed ??= new Promise((ok) => {
        server.close(() => { db.close(); ok(); });
        server.closeAllConnections();
      });
      return closed;
    },
  };
}
