// The staff page (docs/contract.md#the-staff-page): a small page served by rd-receiver at
// /staff/, a client of the staff routes (./loop.mjs). It holds no data of its own: staff paste
// the staff token, which stays in this browser tab (sessionStorage) and goes with each request
// as `Authorization: Bearer …`, so no cookie can be ridden by another site. Strict CSP: the
// page runs only its own script, and every text it shows is set as text.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'staff');
const FILES = {
  '/staff/': ['index.html', 'text/html; charset=utf-8'],
  '/staff/staff.js': ['staff.js', 'text/javascript; charset=utf-8'],
  '/staff/staff.css': ['staff.css', 'text/css; charset=utf-8'],
};
export const STAFF_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

export async function serveStaffPage(req, res, url, { send, HttpError, drain }) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    await drain(req);
    throw new HttpError(405, { message: 'Method not allowed' }, { Allow: 'GET, HEAD' });
  }
  if (url.pathname === '/staff') return send(req, res, 301, undefined, { Location: '/staff/' });
  const f = FILES[url.pathname];
  if (!f) throw new HttpError(404, { message: '找不到该页面' });
  send(req, res, 200, await readFile(join(DIR, f[0])), {
    'Content-Type': f[1],
    'Content-Security-Policy': STAFF_CSP,
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY',
    'Cache-Control': 'no-store',
  });
}
