// A real local HTTP server that misbehaves on purpose, for the submission-client tests.
// Route: /s/<scenario>/<run-id>[/...]. Each run id keeps its own request log and counters, so
// tests running side by side never see each other's traffic. GET /log/<run-id> returns what
// arrived (method, headers, body) so a test can assert the exact request.
import { createServer } from 'node:http';

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'Content-Type, Idempotency-Key, X-Captcha-Token, X-CSRF-Token, Authorization',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Expose-Headers': 'Retry-After',
};

export function startChaosServer(port = 0) {
  const runs = new Map();
  const run = (id) => {
    if (!runs.has(id)) runs.set(id, { log: [], receipts: new Map(), n: 0 });
    return runs.get(id);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const parts = url.pathname.split('/').filter(Boolean);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'Access-Control-Allow-Headers': req.headers['access-control-request-headers'] ?? CORS['Access-Control-Allow-Headers'] });
      res.end();
      return;
    }
    if (parts[0] === 'log') {
      res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' });
      res.end(JSON.stringify(run(parts[1]).log));
      return;
    }
    if (parts[0] !== 's' || parts.length < 3) { res.writeHead(404, CORS); res.end(); return; }
    const [, scenario, id] = parts;
    let body = '';
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      const r = run(id);
      r.n += 1;
      r.log.push({ method: req.method, path: url.pathname, headers: req.headers, body, at: Date.now() });
      const json = (status, obj, extra = {}) => {
        res.writeHead(status, { ...CORS, 'Content-Type': 'application/json', ...extra });
        res.end(JSON.stringify(obj));
      };
      const receipt = () => {
        const key = req.headers['idempotency-key'] ?? `n${r.n}`;
        if (!r.receipts.has(key)) r.receipts.set(key, `FK-2026-${String(100000 + r.receipts.size + 1).slice(1)}`);
        return r.receipts.get(key);
      };
      switch (scenario) {
        case 'ok': return json(201, { receipt: receipt(), message: '已收到' });
        case '503x2': return r.n <= 2 ? json(503, { error: 'busy' }) : json(201, { receipt: receipt() });
        case '503x4': return r.n <= 4 ? json(503, { error: 'busy' }) : json(201, { receipt: receipt() });
        case '503': return json(503, { error: 'busy' });
        case '500': return json(500, { error: 'boom' });
        case '429': return r.n <= 1 ? json(429, { error: 'slow down' }, { 'Retry-After': '1' }) : json(201, { receipt: receipt() });
        case '422': return json(422, { errors: [{ path: 'respondent.phone', message: '手机号码格式不正确' }, { path: 'comments.0.text', message: '意见内容过长' }] });
        case '400': return json(400, { errors: [{ path: 'code', message: '测评码无效' }] });
        case '409': return json(409, { message: '此测评码已使用', receipt: 'CP-2026-000007' });
        case 'fields': return json(422, { errors: JSON.parse(url.searchParams.get('errors') ?? '[]') }); // ?errors=[{path, message}]
        case 'malformed': res.writeHead(200, { ...CORS, 'Content-Type': 'application/json' }); res.end('<html>ok</html>'); return;
        case 'no-receipt': return json(200, { ok: true });
        case 'hang': return; // never answers; the client must time out
        case 'slow': setTimeout(() => json(201, { receipt: receipt() }), Number(url.searchParams.get('ms') ?? 300)); return;
        case 'data': return json(200, JSON.parse(decodeURIComponent(url.searchParams.get('json') ?? '{}')));
        case 'text': res.writeHead(200, { ...CORS, 'Content-Type': 'text/plain' }); res.end(url.searchParams.get('body') ?? ''); return;
        case '404': return json(404, { error: 'not found' });
        case '401': return json(401, { error: 'login required' });
        case '413': return json(413, { error: 'too large' });
        case 'html200': res.writeHead(200, { ...CORS, 'Content-Type': 'text/html' }); res.end('<html><body>代理错误页</body></html>'); return;
        default: return json(404, { error: `unknown scenario ${scenario}` });
      }
    });
  });
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}` }));
  });
}

/** A port that nothing listens on: bind, read the port, close. */
export async function refusedUrl() {
  const s = createServer();
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise((r) => s.close(r));
  return `http://127.0.0.1:${port}`;
}
