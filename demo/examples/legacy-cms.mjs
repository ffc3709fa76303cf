// An example of the backend many portals already have: a vendor CMS's 互动交流 module with its own
// API — a form-encoded POST, its own field names, answers as `{code, msg, data}` with HTTP 200 even
// for errors, a session cookie and a one-time token per submission (after a captcha). It is not
// our contract; docs/integrating.md shows the transport that adapts the widgets to it
// (demo/examples/legacy-transport.js). Used by the demo page demo/integrating-legacy.html and by
// the browser tests. Memory only; one process.
//
//   GET  {base}/token                 → sets the session cookie, answers {code:'0000', data:{token}}
//   POST {base}/interact/submit.do    form fields: token, requestId, lmbh, title, content, lxr, lxdh, yx, payload
//        ?fail=N                       the first N tries of each requestId answer HTTP 503 (an overloaded CMS)
//   GET  {base}/log                   what arrived (tests)
import { randomBytes } from 'node:crypto';

const FIELDS = ['token', 'requestId', 'lmbh', 'title', 'content', 'lxr', 'lxdh', 'yx', 'payload'];

export function createLegacyCms(base = '/legacy-cms') {
  const sessions = new Map(); // sid → Set of unused tokens
  const byRequest = new Map(); // requestId → { cxbh, tries }
  const log = [];
  let seq = 0;

  const send = (res, status, obj, headers = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
    res.end(JSON.stringify(obj));
  };
  const sidOf = (req) => /(?:^|;\s*)JSESSIONID=([\w-]+)/.exec(req.headers.cookie ?? '')?.[1];

  /** Handles the request when it is under `base`; returns false otherwise. */
  function handle(req, res) {
    const url = new URL(req.url, 'http://x');
    if (!url.pathname.startsWith(`${base}/`)) return false;
    const path = url.pathname.slice(base.length);
    if (req.method === 'GET' && path === '/log') { send(res, 200, log); return true; }
    if (req.method === 'GET' && path === '/token') {
      let sid = sidOf(req);
      const headers = {};
      if (!sid || !sessions.has(sid)) {
        sid = randomBytes(12).toString('hex');
        sessions.set(sid, new Set());
        headers['Set-Cookie'] = `JSESSIONID=${sid}; Path=${base}; HttpOnly; SameSite=Lax`;
      }
      const token = randomBytes(6).toString('hex');
      sessions.get(sid).add(token);
      send(res, 200, { code: '0000', msg: 'ok', data: { token } }, headers);
      return true;
    }
    if (req.method === 'POST' && path === '/interact/submit.do') {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c) => { body += c; if (body.length > 1_000_000) req.destroy(); });
      req.on('end', () => {
        const type = String(req.headers['content-type'] ?? '');
        const form = new URLSearchParams(type.startsWith('application/x-www-form-urlencoded') ? body : '');
        const fields = Object.fromEntries(FIELDS.map((f) => [f, form.get(f) ?? '']));
        const sid = sidOf(req);
        log.push({ at: Date.now(), contentType: type, sid: sid ?? null, fields });
        if (!type.startsWith('application/x-www-form-urlencoded')) return send(res, 200, { code: '4000', msg: '请求格式错误' });
        const rec = byRequest.get(fields.requestId) ?? { cxbh: undefined, tries: 0 };
        if (fields.requestId) byRequest.set(fields.requestId, rec);
        rec.tries += 1;
        const fail = Number(url.searchParams.get('fail') ?? 0);
        if (rec.tries <= fail) return send(res, 503, { code: '5030', msg: '系统繁忙' }, { 'Retry-After': '1' });
        // The same request again (a retry whose answer was lost): the first number, no second record.
        if (rec.cxbh) return send(res, 200, { code: '0000', msg: '提交成功', data: { cxbh: rec.cxbh } });
        const tokens = sid ? sessions.get(sid) : undefined;
        if (!tokens || !tokens.delete(fields.token)) return send(res, 200, { code: '4003', msg: '验证码已失效，请刷新后重试' });
        if (!fields.content.trim()) return send(res, 200, { code: '1001', msg: '请填写留言内容', field: 'content' });
        if (fields.lxdh && !/^1\d{10}$/.test(fields.lxdh)) return send(res, 200, { code: '1001', msg: '联系电话须为11位手机号码', field: 'lxdh' });
        seq += 1;
        rec.cxbh = `HD${new Date().getFullYear()}${String(seq).padStart(6, '0')}`;
        send(res, 200, { code: '0000', msg: '提交成功，请记住查询编号', data: { cxbh: rec.cxbh } });
      });
      return true;
    }
    send(res, 404, { code: '4040', msg: '接口不存在' });
    return true;
  }
  return { handle, log };
}
