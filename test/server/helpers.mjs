// Helpers of the Node-side receiver tests: the real command (server/bin/rd-receiver.mjs) in a
// child process, real HTTP, valid and invalid payloads.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'server', 'bin', 'rd-receiver.mjs');
export const STAFF = 'staff-token-for-tests-0123456789';

export const tmp = (name = 'rd-srv-') => mkdtempSync(join(tmpdir(), name));

/**
 * Starts `rd-receiver` with `args` (port 0 unless given). Resolves once it prints its address.
 * @returns {Promise<{url: string, proc: import('node:child_process').ChildProcess, out: () => string, stop(): Promise<number|null>, kill9(): Promise<void>}>}
 */
export function spawnReceiver(args = [], { env = {}, cwd = ROOT } = {}) {
  const proc = spawn(process.execPath, [BIN, ...(args.includes('--port') || env.PORT ? [] : ['--port', '0']), ...args], {
    cwd,
    env: { ...process.env, RD_STAFF_TOKEN: STAFF, DATABASE_URL: '', PORT: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (c) => { out += c; });
  proc.stderr.on('data', (c) => { out += c; });
  const exited = new Promise((r) => proc.once('exit', (code) => r(code)));
  return new Promise((resolveStart, reject) => {
    const check = () => {
      const m = out.match(/listening on (http:\/\/\S+)/);
      if (m && /Staff token[^\n]*\n(\s+\S+\n)?/.test(out)) {
        proc.stdout.off('data', check);
        resolveStart({
          url: m[1].replace('0.0.0.0', '127.0.0.1'),
          proc,
          out: () => out,
          exited,
          async stop() { if (proc.exitCode === null) proc.kill('SIGTERM'); return exited; },
          async kill9() { if (proc.exitCode === null) proc.kill('SIGKILL'); await exited; },
        });
      }
    };
    proc.stdout.on('data', check);
    exited.then((code) => reject(new Error(`rd-receiver exited (${code}) before listening:\n${out}`)));
  });
}

/** Runs the command to completion (for flag errors): {code, out}. */
export function runReceiver(args, { env = {}, cwd = ROOT } = {}) {
  return new Promise((r) => {
    const proc = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, RD_STAFF_TOKEN: STAFF, DATABASE_URL: '', PORT: '', ...env } });
    let out = '';
    proc.stdout.on('data', (c) => { out += c; });
    proc.stderr.on('data', (c) => { out += c; });
    proc.on('exit', (code) => r({ code, out }));
  });
}

/** A valid legislation-feedback envelope (with optional personal details). */
export function feedback({ id = randomUUID(), text = '建议第十条增加听证程序。', draftId = '2026-yq-01', name, phone, url = 'https://www.example.gov.cn/lf' } = {}) {
  const respondent = { identity: 'resident', wantsReply: !!phone, ...(name ? { name } : {}), ...(phone ? { phone } : {}) };
  return {
    type: 'legislation-feedback', version: 1, id, createdAt: new Date().toISOString(), locale: 'zh-CN', source: { url },
    data: {
      draftId, stage: 'first-reading', respondent, channel: 'online',
      comments: [{ target: { kind: 'general' }, text }],
      ...(name || phone ? { consent: { version: 'v1', at: new Date().toISOString() } } : {}),
      publish: false,
    },
  };
}

/** POST a JSON body (string bodies are sent as they are). */
export async function post(base, route, body, { key = body?.id, headers = {} } = {}) {
  const h = { 'Content-Type': 'application/json', ...headers };
  if (key) h['Idempotency-Key'] = key;
  const send = () => fetch(base + route, { method: 'POST', headers: h, body: typeof body === 'string' ? body : JSON.stringify(body) });
  // Like the widgets: a connection that failed before any answer is tried once more, with the
  // same key (on a loaded machine a kept-alive socket may close under a request).
  const res = await send().catch(() => send());
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { status: res.status, headers: res.headers, json, text };
}

export const staffHeaders = (token = STAFF) => ({ Authorization: `Bearer ${token}` });

/** Stored rows via the staff export (JSON Lines). */
export async function exported(base, query = '', token = STAFF) {
  const res = await fetch(`${base}/api/export?format=jsonl${query ? `&${query}` : ''}`, { headers: staffHeaders(token) });
  if (res.status !== 200) throw new Error(`export: ${res.status} ${await res.text()}`);
  return (await res.text()).split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** A raw HTTP request (no client-side path normalisation): {status, body}. */
export function rawGet(base, path, headers = {}) {
  const u = new URL(base);
  return new Promise((resolveReq, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: 'GET', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolveReq({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
