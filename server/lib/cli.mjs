// Command line of rd-receiver (bin/rd-receiver.mjs): flags and environment → startReceiver().
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export const USAGE = `usage: rd-receiver [options]

  --port N              port (default: $PORT, else 8080)
  --host ADDR           address to listen on (default 127.0.0.1; 0.0.0.0 = every interface)
  --db FILE             SQLite database file (default data/receiver.sqlite)
  --database-url URL    PostgreSQL instead (default: $DATABASE_URL), postgres://user@host/db
  --allow-origin URL    a portal origin allowed to call the public routes (repeatable;
                        '*' = any site, without cookies)
  --retention-days N    delete personal details (name, phone, e-mail) older than N days
  --content DIR         folder of drafts/, surveys/, deputies.json… for the GET data routes
  --token-file FILE     where a generated staff token is kept (default: beside the database)
  --rate-limit N        submissions per minute per client (default 60; 0 = no limit)
  --max-connections N   concurrent connections (default 512)
  --trust-proxy         count limits by X-Forwarded-For (only behind your own reverse proxy)
  --quiet               no request log

environment: PORT, DATABASE_URL, RD_STAFF_TOKEN (the staff credential for /api/export; when
unset, one is generated on first start, stored with mode 0600 and printed once).`;

export class UsageError extends Error {}

/** Parses argv (without node and script) and the environment. */
export function parseArgs(argv, env = process.env) {
  const o = {
    port: env.PORT !== undefined && env.PORT !== '' ? Number(env.PORT) : 8080,
    host: '127.0.0.1',
    dbFile: 'data/receiver.sqlite',
    databaseUrl: env.DATABASE_URL || null,
    allowOrigins: [],
    retentionDays: null,
    contentDir: null,
    tokenFile: null,
    rateLimit: 60,
    maxConnections: 512,
    trustProxy: false,
    quiet: false,
    help: false,
  };
  const int = (flag, v, min, max) => {
    const n = Number(v);
    if (v === undefined || v === '' || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith('--') ? argv[i].split(/=(.*)/s, 2) : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': case '-p': o.port = int('--port', value(), 0, 65535); break;
      case '--host': o.host = value(); break;
      case '--db': o.dbFile = value(); break;
      case '--database-url': o.databaseUrl = value(); break;
      case '--allow-origin': {
        const v = value();
        if (v !== '*') {
          let u;
          try { u = new URL(v); } catch { throw new UsageError(`--allow-origin: not a URL: ${v}`); }
          if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new UsageError(`--allow-origin: only http(s) origins: ${v}`);
        }
        o.allowOrigins.push(v);
        break;
      }
      case '--retention-days': o.retentionDays = int('--retention-days', value(), 1, 36500); break;
      case '--content': o.contentDir = value(); break;
      case '--token-file': o.tokenFile = value(); break;
      case '--rate-limit': o.rateLimit = int('--rate-limit', value(), 0, 1_000_000); break;
      case '--max-connections': o.maxConnections = int('--max-connections', value(), 1, 100_000); break;
      case '--trust-proxy': o.trustProxy = true; break;
      case '--quiet': o.quiet = true; break;
      case '--help': case '-h': o.help = true; break;
      default: throw new UsageError(`unknown option ${argv[i]}`);
    }
  }
  if (!Number.isInteger(o.port) || o.port < 0 || o.port > 65535) throw new UsageError('PORT must be a number from 0 to 65535');
  if (o.databaseUrl && !/^postgres(ql)?:\/\//.test(o.databaseUrl)) throw new UsageError('DATABASE_URL must start with postgres://');
  o.tokenFile ??= join(dirname(resolve(o.dbFile)), 'staff-token');
  return o;
}

/**
 * The staff token: RD_STAFF_TOKEN, else the token file, else a new one written there (mode
 * 0600, its folder 0700). `generated` is true only on that first start.
 */
export function resolveStaffToken(tokenFile, env = process.env) {
  if (env.RD_STAFF_TOKEN) {
    if (env.RD_STAFF_TOKEN.length < 16) throw new UsageError('RD_STAFF_TOKEN must be at least 16 characters');
    return { token: env.RD_STAFF_TOKEN, source: 'RD_STAFF_TOKEN', generated: false };
  }
  if (existsSync(tokenFile)) {
    // Someone may have loosened it by hand: the token is the key to every citizen's details.
    if ((statSync(tokenFile).mode & 0o077) !== 0) chmodSync(tokenFile, 0o600);
    const token = readFileSync(tokenFile, 'utf8').trim();
    if (token.length < 16) throw new UsageError(`${tokenFile}: the staff token must be at least 16 characters`);
    return { token, source: tokenFile, generated: false };
  }
  mkdirSync(dirname(tokenFile), { recursive: true, mode: 0o700 });
  const token = randomBytes(24).toString('base64url');
  writeFileSync(tokenFile, `${token}\n`, { mode: 0o600, flag: 'wx' });
  return { token, source: tokenFile, generated: true };
}
