// Closing the loop (docs/contract.md#looking-up-a-submission): the citizen's lookup and rating,
// the staff routes that move a submission along, the adoption report of a draft and a deputy's
// published messages. Mounted by receiver.mjs; the staff page (./staff-page.mjs) is a client of
// the staff routes.
//
//   GET  /api/receipts/{receipt}?code=        the status, history, reply and rating
//   POST /api/receipts/{receipt}/rating       {code, rating, comment?} + Idempotency-Key, once
//   GET  /api/drafts/{id}/adoption            the published adoption report
//   GET  /api/staff/submissions?type=&status=&subject=&rated=&before=&limit=
//   GET  /api/staff/receipts/{receipt}        one submission, with personal details (audited)
//   POST /api/staff/receipts/{receipt}/status {status, note?, reply?, replyBy?}
//   GET  /api/staff/drafts/{id}/adoption      comment counts per article + what staff wrote
//   PUT  /api/staff/drafts/{id}/adoption      {summary?, articles: [{article, outcome?, explanation?}]}
//   GET  /api/staff/audit?since=              the audit log (last six months)
import { createHash, createHmac, randomBytes } from 'node:crypto';
import {
  ratingRequestSchema, staffStatusSchema, adoptionInputSchema, RECEIPT_STATUSES, LOOKUP_ALPHABET, LOOKUP_CODE_LENGTH, normalizeLookupCode,
} from '../../dist/server/schemas.mjs';
import { mergePersonal } from './export.mjs';
import { streamRows } from './storage/index.mjs';
import { RateLimiter } from './rate-limit.mjs';

const RECEIPT_RE = /^[A-Za-z0-9][A-Za-z0-9-]{0,99}$/;
const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Days within which a deputy is expected to answer a message (一个月). */
export const REPLY_WINDOW_DAYS = 30;
const DAY = 86_400_000;
/** A path segment, decoded; an undecodable one names nothing. */
const segment = (s) => { try { return decodeURIComponent(s); } catch { return ''; } };

/** The same answer for an unknown receipt and a wrong code: receipts cannot be enumerated. */
export const NOT_FOUND = { code: 'receipt-not-found', message: '没有找到这条记录：请核对编号和查询码。No submission matches this receipt number and code.' };

// ---------------------------------------------------------------------------------------------
// Lookup codes

/**
 * The lookup code of a submission: derived from its Idempotency-Key with the receiver's secret,
 * so a repeated POST (a retry after a lost answer) gets the same code back although only its
 * hash is stored. 8 characters of a 32-letter alphabet: 40 bits.
 */
export function lookupCodeFor(secret, key) {
  const mac = createHmac('sha256', secret).update(String(key).toLowerCase()).digest();
  let out = '';
  // 256 is a multiple of 32: every letter equally likely.
  for (let i = 0; i < LOOKUP_CODE_LENGTH; i++) out += LOOKUP_ALPHABET[mac[i] % LOOKUP_ALPHABET.length];
  return out;
}
/** "7KQMX4PB" → "7KQM-X4PB", as the widgets show it. */
export const formatLookupCode = (c) => `${c.slice(0, 4)}-${c.slice(4)}`;
/** What a person typed → the bare code, or null (the widgets' own rule, src/services/schemas/loop.ts). */
export { normalizeLookupCode };
/** What is stored: a hash of the code, salted with the submission's key. */
export const lookupHash = (key, code) => createHash('sha256').update(`${String(key).toLowerCase()}:${code}`).digest('hex');

/** The secret lookup codes are derived with: one per database, made by whichever process asks first. */
export const lookupSecret = (storage) => storage.setting('lookup-secret', () => randomBytes(32).toString('hex'));

// ---------------------------------------------------------------------------------------------
// What a citizen sees of a stored submission

/** What the loop stored for one receipt: its status history, replies and rating. */
export async function loopRecords(storage, receipt) {
  const [history, replies, rating] = await Promise.all([storage.history(receipt), storage.replies(receipt), storage.rating(receipt)]);
  return { history, replies, rating };
}

/** {receipt, type, status, history, reply?, rating?}: no content, no personal details. */
export async function publicView(storage, row, records) {
  const { history, replies, rating } = records ?? (await loopRecords(storage, row.receipt));
  const out = {
    receipt: row.receipt,
    type: row.type,
    status: row.status,
    history: [{ status: 'received', at: row.received_at }, ...history.map((h) => ({ status: h.status, at: h.at, ...(h.note ? { note: h.note } : {}) }))],
  };
  const reply = replies.at(-1);
  if (reply) out.reply = { text: reply.text, at: reply.at, ...(reply.by_name ? { by: reply.by_name } : {}) };
  if (rating) out.rating = { rating: rating.rating, at: rating.at, ...(rating.comment ? { comment: rating.comment } : {}) };
  return out;
}

/** A line for the staff list: what the submission is about, without personal details. */
export function excerpt(type, body) {
  const d = body?.data ?? {};
  const cut = (s, n = 80) => (typeof s === 'string' ? (s.length > n ? `${s.slice(0, n)}…` : s) : '');
  if (type === 'legislation-feedback' && Array.isArray(d.comments)) {
    const first = d.comments[0];
    const where = first?.target?.kind === 'article' ? `${first.target.article}：` : '';
    return `${d.comments.length} 条意见 · ${where}${cut(first?.text)}`;
  }
  if (type === 'deputy-message') return `${cut(d.subject, 60)} · ${cut(d.text, 60)}`;
  if (type === 'appointment') return [d.date, d.slot?.start ?? d.time, cut(d.topic ?? d.subject, 60)].filter(Boolean).join(' · ');
  if (type === 'survey-response') return `测评 ${d.surveyId ?? ''}`;
  return '';
}

/** Comments per article of one draft, counted from stored legislation-feedback. */
export async function commentCounts(storage, draftId) {
  const perArticle = new Map();
  let comments = 0;
  let people = 0;
  for await (const row of streamRows(storage, { type: 'legislation-feedback', subject: draftId })) {
    const body = JSON.parse(row.body);
    const list = Array.isArray(body?.data?.comments) ? body.data.comments : [];
    people += 1;
    comments += list.length;
    for (const c of list) {
      if (c?.target?.kind !== 'article' || typeof c.target.article !== 'string') continue;
      perArticle.set(c.target.article, (perArticle.get(c.target.article) ?? 0) + 1);
    }
  }
  return { comments, people, perArticle };
}

/**
 * A deputy's published messages (the citizen agreed, a reply exists; subject, text, reply only)
 * and the reply rate within the promised window. Undefined when nothing was ever stored.
 */
export async function deputyLoop(storage, deputyId, now = Date.now()) {
  const messages = [];
  let due = 0;
  let replied = 0;
  let any = false;
  // The replies of all the deputy's messages in one query, not one per message.
  const byReceipt = new Map();
  for (const r of await storage.subjectReplies('deputy-message', deputyId)) {
    if (!byReceipt.has(r.receipt)) byReceipt.set(r.receipt, []);
    byReceipt.get(r.receipt).push(r);
  }
  for await (const row of streamRows(storage, { type: 'deputy-message', subject: deputyId })) {
    any = true;
    const received = Date.parse(row.received_at);
    const replies = byReceipt.get(row.receipt) ?? [];
    const first = replies[0];
    const inTime = first && Date.parse(first.at) - received <= REPLY_WINDOW_DAYS * DAY;
    if (first || now - received > REPLY_WINDOW_DAYS * DAY) due += 1;
    if (inTime) replied += 1;
    const d = JSON.parse(row.body)?.data ?? {};
    const last = replies.at(-1);
    if (d.publish === true && last) {
      messages.push({
        subject: String(d.subject ?? ''), text: String(d.text ?? ''), askedAt: row.received_at,
        ...(d.category ? { category: String(d.category) } : {}),
        reply: { text: last.text, at: last.at, ...(last.by_name ? { by: last.by_name } : {}) },
      });
    }
  }
  if (!any) return undefined;
  return {
    messages: messages.reverse().slice(0, 100),
    replyRate: { withinDays: REPLY_WINDOW_DAYS, due, replied, asOf: new Date(now).toISOString() },
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * The loop's routes, for receiver.mjs. `ctx` brings what the receiver already has: storage,
 * send/readBody/drain, requireStaff, clientOf, foreignOrigin, the submission limiter, HttpError,
 * zhErrorMap/issuesToErrors, readDraft.
 */
export function loopRoutes(ctx) {
  const { storage, send, readBody, drain, requireStaff, clientOf, foreignOrigin, HttpError, zhErrorMap, issuesToErrors } = ctx;
  const limits = ctx.limits ?? {};
  // Wrong codes: per client, and per receipt (a guesser spread over many addresses).
  const failures = limits.lookupFailures === null ? null : new RateLimiter(limits.lookupFailures ?? { perMinute: 10, burst: 20 });
  const perReceipt = limits.lookupFailures === null ? null : new RateLimiter({ perMinute: 2, burst: 30 });
  const secret = lookupSecret(storage);
  const tooMany = (waitMs) => new HttpError(429, { message: '查询过于频繁，请稍后再试。Too many attempts, please retry later.' },
    { 'Retry-After': String(Math.max(1, Math.ceil(waitMs / 1000))) });
  const notFound = () => new HttpError(404, NOT_FOUND);
  const bad = (status, path, message) => new HttpError(status, { errors: [{ path, message }] });

  /** The row the citizen may see: the receipt exists and the code matches. */
  async function citizenRow(req, receipt, code) {
    const client = clientOf(req);
    const wait = failures?.peek(client) || perReceipt?.peek(receipt);
    if (wait) throw tooMany(wait);
    const norm = normalizeLookupCode(code);
    const row = RECEIPT_RE.test(receipt) ? await storage.findByReceipt(receipt) : undefined;
    const ok = row && norm && (row.lookup_hash ? row.lookup_hash === lookupHash(row.idempotency_key, norm)
      : lookupCodeFor(await secret, row.idempotency_key) === norm);
    if (!ok) {
      failures?.take(client);
      perReceipt?.take(receipt);
      throw notFound();
    }
    return row;
  }

  async function jsonBody(req) {
    const ctype = String(req.headers['content-type'] ?? '');
    if (!/^application\/json\s*(;|$)/i.test(ctype)) { await drain(req); throw bad(415, '', '请以 application/json 格式提交'); }
    try {
      const v = JSON.parse(await readBody(req));
      if (!v || typeof v !== 'object' || Array.isArray(v)) throw new Error('not an object');
      return v;
    } catch (e) {
      if (e instanceof HttpError) throw e;
      throw bad(400, '', '提交内容不是有效的 JSON 对象');
    }
  }
  function parse(schema, body) {
    const r = schema.safeParse(body, { error: zhErrorMap });
    if (!r.success) throw new HttpError(400, { errors: issuesToErrors(r.error.issues) });
    return r.data;
  }

  async function rating(req, res, receipt) {
    if (foreignOrigin(req)) { await drain(req); throw new HttpError(403, { message: '此网站未获准向本服务器提交。This site is not allowed to submit here.' }); }
    const wait = ctx.submitLimiter?.take(clientOf(req));
    if (wait) { await drain(req); throw tooMany(wait); }
    const key = String(req.headers['idempotency-key'] ?? '').trim().toLowerCase();
    const body = await jsonBody(req);
    if (!UUID_RE.test(key)) throw bad(400, '', '缺少 Idempotency-Key 请求头（UUID）');
    const row = await citizenRow(req, receipt, body.code);
    const r = parse(ratingRequestSchema, body);
    const view = await publicView(storage, row);
    if (!view.reply) throw new HttpError(422, { code: 'not-replied', message: '尚未答复，答复后才能评价。You can rate once there is a reply.' });
    const stored = await storage.rate(row.receipt, { rating: r.rating, comment: r.comment || null, key });
    if (!stored.stored) {
      if (stored.existing?.idempotency_key === key) return send(req, res, 200, await publicView(storage, row));
      throw new HttpError(409, { code: 'already-rated', message: '这条记录已经评价过，每条只能评价一次。This submission has been rated already.' });
    }
    send(req, res, 201, await publicView(storage, row));
  }

  // --------------------------------------------------------------------------------- staff
  async function staffList(req, res, url) {
    const actor = requireStaff(req);
    const p = url.searchParams;
    const pick = (name, ok) => {
      const v = p.get(name);
      if (v === null || v === '') return null;
      if (!ok(v)) throw bad(400, name, `${name} 的值不正确`);
      return v;
    };
    const type = pick('type', (v) => ID_RE.test(v));
    const status = pick('status', (v) => RECEIPT_STATUSES.includes(v));
    const subject = pick('subject', (v) => ID_RE.test(v));
    const rated = pick('rated', (v) => v === 'true' || v === 'false');
    const before = pick('before', (v) => /^\d{1,15}$/.test(v));
    const limit = Math.min(200, Math.max(1, Number(pick('limit', (v) => /^\d{1,3}$/.test(v)) ?? 50)));
    const rows = await storage.list({ type, status, subject, rated: rated === null ? null : rated === 'true', beforeSeq: before === null ? null : Number(before), limit: limit + 1 });
    const more = rows.length > limit;
    const items = rows.slice(0, limit).map((r) => ({
      receipt: r.receipt, type: r.type, status: r.status, receivedAt: r.received_at, subjectId: r.subject_id,
      excerpt: excerpt(r.type, JSON.parse(r.body)), ...(r.rating ? { rating: r.rating, ratedAt: r.rated_at } : {}),
    }));
    await storage.audit({ actor, action: 'list', detail: { type, status, subject, rated, before, count: items.length }, ip: clientOf(req) });
    send(req, res, 200, { items, next: more ? String(rows[limit - 1].seq) : null });
  }

  async function staffRow(receipt) {
    const row = RECEIPT_RE.test(receipt) ? await storage.findByReceipt(receipt) : undefined;
    if (!row) throw new HttpError(404, { message: `找不到编号 ${receipt.slice(0, 100)}` });
    return row;
  }

  async function staffView(req, res, receipt) {
    const actor = requireStaff(req);
    const row = await staffRow(receipt);
    const records = await loopRecords(storage, receipt);
    const { history, replies } = records;
    const view = await publicView(storage, row, records);
    await storage.audit({ actor, action: 'view', detail: { receipt }, ip: clientOf(req) });
    send(req, res, 200, {
      ...view,
      receivedAt: row.received_at,
      subjectId: row.subject_id,
      submission: mergePersonal(JSON.parse(row.body), row.personal ? JSON.parse(row.personal) : null),
      history: [{ status: 'received', at: row.received_at }, ...history.map((h) => ({ status: h.status, at: h.at, ...(h.note ? { note: h.note } : {}), ...(h.actor ? { actor: h.actor } : {}) }))],
      replies: replies.map((r) => ({ text: r.text, at: r.at, ...(r.by_name ? { by: r.by_name } : {}), ...(r.actor ? { actor: r.actor } : {}) })),
    });
  }

  async function staffStatus(req, res, receipt) {
    const actor = requireStaff(req);
    const s = parse(staffStatusSchema, await jsonBody(req));
    if (s.status === 'replied' && !s.reply) throw bad(400, 'reply', '状态为“已答复”时请填写答复内容');
    await staffRow(receipt);
    await storage.setStatus(receipt, { status: s.status, note: s.note || null, reply: s.reply || null, replyBy: s.replyBy || null, actor });
    await storage.audit({ actor, action: 'status', detail: { receipt, status: s.status, reply: !!s.reply }, ip: clientOf(req) });
    send(req, res, 200, await publicView(storage, await storage.findByReceipt(receipt)));
  }

  /**
   * A draft's adoption report: comment counts from the stored comments, with what staff wrote
   * (`words`: the input of a PUT, or a report saved before).
   */
  async function adoptionReport(draftId, words, publishedAt) {
    const counts = await commentCounts(storage, draftId);
    const byArticle = new Map((words?.articles ?? []).map((a) => [a.article, a]));
    const labels = new Set([...counts.perArticle.keys(), ...byArticle.keys()]);
    return {
      publishedAt,
      comments: counts.comments,
      people: counts.people,
      ...(words?.summary ? { summary: words.summary } : {}),
      articles: [...labels].map((article) => ({
        article,
        comments: counts.perArticle.get(article) ?? 0,
        ...(byArticle.get(article)?.outcome ? { outcome: byArticle.get(article).outcome } : {}),
        ...(byArticle.get(article)?.explanation ? { explanation: byArticle.get(article).explanation } : {}),
      })),
    };
  }

  /**
   * The published report (for the draft's data), or undefined when none was published. Stored
   * whole when staff publish it (counts included: the window has closed), so a citizen loading the
   * draft never makes the receiver read every comment again.
   */
  async function publishedAdoption(draftId) {
    const saved = await storage.adoption(draftId);
    return saved ? JSON.parse(saved.body) : undefined;
  }

  async function staffAdoption(req, res, draftId) {
    const actor = requireStaff(req);
    if (!ID_RE.test(draftId)) throw new HttpError(404, { message: '编号格式不正确' });
    if (req.method === 'PUT') {
      const input = parse(adoptionInputSchema, await jsonBody(req));
      const report = await adoptionReport(draftId, input, new Date().toISOString());
      await storage.setAdoption(draftId, { body: JSON.stringify(report), at: report.publishedAt, actor });
      await storage.audit({ actor, action: 'adoption', detail: { draftId, articles: input.articles.length }, ip: clientOf(req) });
      return send(req, res, 200, { draftId, ...report });
    }
    // As staff edit it: counts as they stand now, with the words published so far.
    const saved = await publishedAdoption(draftId);
    send(req, res, 200, { draftId, ...(await adoptionReport(draftId, saved ?? null, saved?.publishedAt ?? null)) });
  }

  async function auditLog(req, res, url) {
    requireStaff(req);
    const since = url.searchParams.get('since') ?? '';
    const entries = await storage.auditLog(since);
    send(req, res, 200, { entries: entries.slice(-500).reverse() });
  }

  /** True when the request was one of the loop's routes (answered or refused). */
  async function handle(req, res, url, path) {
    let m;
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    const allow = (...ok) => {
      if (ok.includes(method)) return true;
      throw new HttpError(405, { message: 'Method not allowed' }, { Allow: [...ok, 'OPTIONS'].join(', ') });
    };
    if ((m = /^\/api\/receipts\/([^/]+)$/.exec(path))) {
      allow('GET');
      const row = await citizenRow(req, segment(m[1]), url.searchParams.get('code'));
      send(req, res, 200, await publicView(storage, row));
      return true;
    }
    if ((m = /^\/api\/receipts\/([^/]+)\/rating$/.exec(path))) {
      if (method !== 'POST') await drain(req);
      allow('POST');
      await rating(req, res, segment(m[1]));
      return true;
    }
    if ((m = /^\/api\/drafts\/([^/]+)\/adoption$/.exec(path))) {
      allow('GET');
      const report = ID_RE.test(m[1]) ? await publishedAdoption(m[1]) : undefined;
      if (!report) throw new HttpError(404, { message: '尚未公布意见采纳情况' });
      send(req, res, 200, report);
      return true;
    }
    if (!path.startsWith('/api/staff/')) return false;
    if (path === '/api/staff/submissions') { allow('GET'); await staffList(req, res, url); return true; }
    if (path === '/api/staff/audit') { allow('GET'); await auditLog(req, res, url); return true; }
    if ((m = /^\/api\/staff\/receipts\/([^/]+)$/.exec(path))) { allow('GET'); await staffView(req, res, segment(m[1])); return true; }
    if ((m = /^\/api\/staff\/receipts\/([^/]+)\/status$/.exec(path))) { allow('POST'); await staffStatus(req, res, segment(m[1])); return true; }
    if ((m = /^\/api\/staff\/drafts\/([^/]+)\/adoption$/.exec(path))) { allow('GET', 'PUT'); await staffAdoption(req, res, m[1]); return true; }
    requireStaff(req);
    throw new HttpError(404, { message: '找不到该地址' });
  }

  return { handle, secret, publishedAdoption, deputyLoop: (id) => deputyLoop(storage, id) };
}
