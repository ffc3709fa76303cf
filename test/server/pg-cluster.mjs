// A throwaway PostgreSQL cluster for tests and the bench: Debian's `postgresql` package
// (initdb + pg_ctl from /usr/lib/postgresql/<version>/bin), a temp folder, a free port.
// initdb refuses to run as root, so as root the cluster belongs to the `postgres` user.
//
//   const pg = await startPgCluster();   // null when PostgreSQL is not installed (see pgMissing)
//   process.env.DATABASE_URL = pg.url;  … await pg.stop();
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The bin folder of the newest installed PostgreSQL, or null. */
export function pgBinDir() {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).filter((v) => existsSync(join(base, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(base, versions[0], 'bin') : null;
}

export const PG_MISSING = 'PostgreSQL is not installed (Debian: apt-get install postgresql); the PostgreSQL tests cannot run';

/** For node:test: skip (locally) or fail (CI=true) when PostgreSQL is missing. */
export function pgMissing(t) {
  if (pgBinDir()) return false;
  if (process.env.CI === 'true' || process.env.CI === '1') throw new Error(PG_MISSING);
  t.skip(PG_MISSING);
  return true;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

const isRoot = () => process.getuid?.() === 0;

function asPostgres(bin, args, opts = {}) {
  const cmd = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return spawnSync(cmd[0], cmd[1], { encoding: 'utf8', ...opts });
}

/** @returns {Promise<{url: string, port: number, dir: string, stop(): Promise<void>} | null>} */
export async function startPgCluster({ settings = {} } = {}) {
  const bin = pgBinDir();
  if (!bin) return null;
  const dir = mkdtempSync(join(tmpdir(), 'rd-pg-'));
  chmodSync(dir, 0o755);
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  const init = asPostgres(join(bin, 'initdb'), ['-D', data, '-U', 'rd', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-instructions']);
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr || init.stdout}`);
  const port = await freePort();
  const conf = {
    listen_addresses: "'127.0.0.1'", port, unix_socket_directories: `'${dir}'`, max_connections: 100,
    shared_buffers: "'128MB'", fsync: 'on', ...settings,
  };
  writeFileSync(join(dir, 'extra.conf'), Object.entries(conf).map(([k, v]) => `${k} = ${v}`).join('\n') + '\n');
  if (isRoot()) execFileSync('chown', ['postgres:postgres', join(dir, 'extra.conf')]);
  writeFileSync(join(data, 'postgresql.conf'), `\ninclude '${join(dir, 'extra.conf')}'\n`, { flag: 'a' });
  const start = asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  if (start.status !== 0) throw new Error(`pg_ctl start failed: ${start.stderr || start.stdout}`);
  const create = asPostgres(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'rd', 'receiver']);
  if (create.status !== 0) throw new Error(`createdb failed: ${create.stderr}`);
  let stopped = false;
  // A test run that is interrupted must not leave a postgres server behind.
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
    rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', stopNow);
  for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => { stopNow(); process.exit(130); });
  return {
    url: `postgres://rd@127.0.0.1:${port}/receiver`,
    port,
    dir,
    /** A fresh empty database in the same cluster. */
    createDatabase(name) {
      const r = asPostgres(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'rd', name]);
      if (r.status !== 0) throw new Error(`createdb failed: ${r.stderr}`);
      return `postgres://rd@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      stopNow();
      process.off('exit', stopNow);
    },
  };
}
