#!/usr/bin/env node
// The demo portal and the reference receiver on one port (used by `npm start` / `npm run serve`).
//   node demo/server.mjs [--port 8000] [--host 127.0.0.1] [--db demo/data/receiver.sqlite]
// Fault injection is off here; tests start the receiver themselves (see web-test-runner.config.mjs).
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node demo/server.mjs [--port 8000] [--host 127.0.0.1] [--db <file.sqlite>]';

function parseArgs(argv) {
  const o = { port: 8000, host: '127.0.0.1', db: undefined };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--port' || flag === '-p') o.port = Number(value());
    else if (flag === '--host') o.host = value();
    else if (flag === '--db') o.db = value();
    else if (flag === '--help' || flag === '-h') { console.log(USAGE); process.exit(0); }
    else { console.error(`Unknown option ${argv[i]}\n${USAGE}`); process.exit(2); }
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) {
    console.error(`--port must be a number from 0 to 65535\n${USAGE}`);
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
const { startReceiver } = await import('./receiver.mjs');

let receiver;
try {
  receiver = await startReceiver({ port: opts.port, host: opts.host, dbFile: opts.db, faults: false });
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
console.log(`  API endpoint: ${base}api   (export: ${base}api/export?type=legislation-feedback&format=csv)`);
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
