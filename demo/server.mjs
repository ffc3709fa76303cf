#!/usr/bin/env node
// The demo portal and rd-receiver on one port (used by `npm start` / `npm run serve`): the
// receiver (server/) with demo/ and dist/ as static files and demo/content as its content.
//   node demo/server.mjs [--port 8000] [--host 127.0.0.1] [--db demo/data/receiver.sqlite] [--allow-origin URL]…
// PORT is honoured when --port is not given. The staff token for the export is RD_STAFF_TOKEN,
// else the one generated beside the database (printed on first start).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEMO = dirname(fileURLToPath(import.meta.url));
const ROOT = join(DEMO, '..');
const USAGE = 'usage: node demo/server.mjs [--port 8000] [--host 127.0.0.1] [--db <file.sqlite>] [--allow-origin URL]…';

function parseArgs(argv) {
  const o = { port: process.env.PORT ? Number(process.env.PORT) : 8000, host: '127.0.0.1', db: join(DEMO, 'data', 'receiver.sqlite'), origins: [] };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--port' || flag === '-p') o.port = Number(value());
    else if (flag === '--host') o.host = value();
    else if (flag === '--db') o.db = value();
    else if (flag === '--allow-origin') o.origins.push(value());
    else if (flag === '--help' || flag === '-h') { console.log(USAGE); process.exit(0); }
    else { console.error(`Unknown option ${argv[i]}\n${USAGE}`); process.exit(2); }
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) {
    console.error(`--port (or PORT) must be a number from 0 to 65535\n${USAGE}`);
    process.exit(2);
  }
  if (!o.host) { console.error(`--host needs a value\n${USAGE}`); process.exit(2); }
  return o;
}

const opts = parseArgs(process.argv.slice(2));

if (!existsSync(join(ROOT, 'dist', 'server', 'schemas.mjs'))) {
  console.error('dist/ is not built yet. Run `npm start` (builds, then serves) or `npm run build` first.');
  process.exit(1);
}
const { startReceiver } = await import('../server/lib/receiver.mjs');
const { resolveStaffToken } = await import('../server/lib/cli.mjs');
const { createLegacyCms } = await import('./examples/legacy-cms.mjs');
const legacy = createLegacyCms('/legacy-cms');

let receiver;
let staff;
try {
  staff = resolveStaffToken(join(dirname(resolve(opts.db)), 'staff-token'));
  receiver = await startReceiver({
    port: opts.port,
    host: opts.host,
    dbFile: opts.db,
    staffToken: staff.token,
    allowOrigins: opts.origins,
    contentDir: join(DEMO, 'content'),
    staticRoots: [{ prefix: '/dist/', dir: join(ROOT, 'dist') }, { prefix: '/', dir: DEMO }],
    // The example vendor CMS of docs/integrating.md (demo/integrating-legacy.html talks to it).
    onRequest: async ({ req, res }) => legacy.handle(req, res),
  });
} catch (e) {
  if (e?.code === 'EADDRINUSE') {
    console.error(`Port ${opts.port} is already in use (is another demo server running?).`);
    console.error(`Stop that process, or choose another port: node demo/server.mjs --port ${opts.port + 1}`);
  } else if (e?.code === 'EACCES') {
    console.error(`Not allowed to listen on port ${opts.port}; choose a port above 1024 with --port.`);
  } else {
    console.error(`Could not start the demo server: ${e?.message ?? e}`);
  }
  process.exit(1);
}

const { port } = receiver.server.address();
const shown = ['127.0.0.1', '::1', 'localhost'].includes(opts.host) ? 'localhost' : opts.host.includes(':') ? `[${opts.host}]` : opts.host;
const base = `http://${shown}:${port}/`;
console.log(`rd-widgets demo: ${base}`);
console.log(`  API endpoint: ${base}api`);
console.log(`  Export (staff): curl -H "Authorization: Bearer <token>" "${base}api/export?type=legislation-feedback&format=csv"`);
console.log(staff.generated ? `  Staff token (shown once; kept in ${staff.source}): ${staff.token}` : `  Staff token: in ${staff.source}`);
console.log('  Press Ctrl+C to stop.');

let stopping = false;
async function stop(signal) {
  if (stopping) process.exit(1); // second Ctrl+C: leave now
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  const force = setTimeout(() => process.exit(1), 5000);
  force.unref();
  await receiver.close();
  process.exit(0);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
