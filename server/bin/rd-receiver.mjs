#!/usr/bin/env node
// rd-receiver: the receiving server of rd-widgets, as a command.
//   npx rd-receiver --port 8080 --host 0.0.0.0 --db data/receiver.sqlite --allow-origin https://www.example.gov.cn
// See `rd-receiver --help` and the "Running the receiver" section of README.md.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parseArgs, resolveStaffToken, UsageError, USAGE } from '../lib/cli.mjs';

// Files created from here on (the database's WAL, exports an admin redirects) are owner-only.
process.umask(0o077);

const ROOT = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', '..');

let opts;
let staff;
try {
  opts = parseArgs(process.argv.slice(2));
  if (opts.help) { console.log(USAGE); process.exit(0); }
  staff = resolveStaffToken(opts.tokenFile);
} catch (e) {
  if (!(e instanceof UsageError)) throw e;
  console.error(`rd-receiver: ${e.message}\n\n${USAGE}`);
  process.exit(2);
}

// The receiver validates with the widgets' own schemas, bundled by the build. A fresh clone
// after `npm install` has no dist/ yet: build just that part (a second or two).
if (!existsSync(join(ROOT, 'dist', 'server', 'schemas.mjs'))) {
  console.log('rd-receiver: building the schemas (dist/server/schemas.mjs)…');
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--schemas-only'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) { console.error('rd-receiver: could not build the schemas; run `npm run build` in the project folder.'); process.exit(1); }
}
const { startReceiver } = await import('../lib/receiver.mjs');

let receiver;
try {
  receiver = await startReceiver({
    port: opts.port,
    host: opts.host,
    ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : { dbFile: opts.dbFile }),
    staffToken: staff.token,
    allowOrigins: opts.allowOrigins,
    retentionDays: opts.retentionDays,
    contentDir: opts.contentDir,
    trustProxy: opts.trustProxy,
    quiet: opts.quiet,
    limits: {
      submissions: opts.rateLimit ? { perMinute: opts.rateLimit, burst: Math.max(10, Math.ceil(opts.rateLimit / 2)) } : null,
      maxConnections: opts.maxConnections,
    },
  });
} catch (e) {
  if (e?.code === 'EADDRINUSE') console.error(`rd-receiver: port ${opts.port} is already in use; choose another with --port.`);
  else if (e?.code === 'EACCES') console.error(`rd-receiver: not allowed to listen on port ${opts.port}; choose a port above 1024.`);
  else console.error(`rd-receiver: could not start: ${e?.message ?? e}`);
  process.exit(1);
}

const { port } = receiver.server.address();
const where = opts.databaseUrl ? `PostgreSQL ${opts.databaseUrl.replace(/\/\/[^@/]*@/, '//…@')}` : `SQLite ${resolve(opts.dbFile)}`;
// One machine-readable line first (tests and scripts read the port from it).
console.log(`rd-receiver listening on http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port} (${where})`);
if (staff.generated) {
  console.log(`Staff token (shown once; stored in ${staff.source}, mode 0600):\n  ${staff.token}`);
} else {
  console.log(`Staff token: from ${staff.source === 'RD_STAFF_TOKEN' ? 'RD_STAFF_TOKEN' : staff.source}`);
}
if (!opts.allowOrigins.length) console.log('No --allow-origin: only pages served from this address can submit from a browser.');

let stopping = false;
async function stop(signal) {
  if (stopping) process.exit(1);
  stopping = true;
  if (!opts.quiet) console.log(`${signal}: stopping…`);
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  await receiver.close();
  process.exit(0);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
