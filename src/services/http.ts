// HTTP for the widgets: reading data and sending submissions per docs/contract.md#submitting
// (answers: #responses, retries: #retries-and-backoff).
// No Lit, no DOM beyond fetch/AbortController.
import type { FieldError } from './schemas/common.js';
import type { Credentials } from './config.js';
import { stringifyJson } from './json.js';
import { headerOf, type Transport, type TransportRequest, type TransportResponse } from './transport.js';
import type { PayloadType } from './schemas/common.js';

/** RFC 4122 version 4 UUID (crypto.randomUUID where available, e.g. not on plain-http pages). */
export function uuidv4(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') {
    try { return c.randomUUID(); } catch { /* insecure context */ }
  }
  const b = new Uint8Array(16);
  c.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// Response shapes are checked by hand here (not with zod) to keep zod out of the shared layer;
// the same shapes are published as JSON Schema from schemas/common.ts.
const isStr = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const obj = (v: unknown): Record<string, unknown> | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

/** `{receipt, lookupCode?, message?}` from a 2xx, or undefined when it is not one. */
export function readReceipt(json: unknown): { receipt: string; lookupCode?: string; message?: string } | undefined {
  const o = obj(json);
  if (!o || !isStr(o.receipt, 100) || !o.receipt) return undefined;
  // A code is shown and copied as it is: only letters, digits and dashes, never markup.
  const lookupCode = typeof o.lookupCode === 'string' && /^[A-Za-z0-9-]{4,20}$/.test(o.lookupCode) ? o.lookupCode : undefined;
  return { receipt: o.receipt, ...(lookupCode ? { lookupCode } : {}), message: isStr(o.message, 2000) ? o.message : undefined };
}

/** `{errors?, message?, receipt?}` from a 4xx; malformed parts are dropped. */
export function readErrors(json: unknown): { errors: FieldError[]; message?: string; receipt?: string } {
  const o = obj(json) ?? {};
  const errors = Array.isArray(o.errors)
    ? o.errors.flatMap((e) => {
        const x = obj(e);
        return x && typeof x.path === 'string' && isStr(x.message, 2000) ? [{ path: x.path, message: x.message }] : [];
      })
    : [];
  return {
    errors,
    message: isStr(o.message, 2000) ? o.message : undefined,
    receipt: isStr(o.receipt, 100) ? o.receipt : undefined,
  };
}

export type SendResult =
  | { ok: true; status: number; receipt: string; lookupCode?: string; message?: string }
  | { ok: false; kind: 'rejected'; status: number; errors: FieldError[]; message?: string; receipt?: string }
  | { ok: false; kind: 'network' | 'timeout' | 'server'; status?: number; retryAfterMs?: number };

export interface SendRequest {
  url: string;
  body: unknown;
  idempotencyKey: string;
  headers?: Readonly<Record<string, string>>;
  credentials?: Credentials;
  /** E.g. `no-referrer` for anonymous surveys: the page address (with its query) is not sent. */
  referrerPolicy?: ReferrerPolicy;
}

export interface SendOptions {
  /** Per-attempt timeout (ms). Default 15 s. */
  timeout?: number;
  /** Total attempts including the first. Default 3. */
  attempts?: number;
  /** Base of the exponential backoff (ms). Default 800. */
  baseDelay?: number;
  /** Longest wait between tries, also the cap for Retry-After (ms). Default 30 s. */
  maxDelay?: number;
  /** Injected for tests. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** The integrator's transport instead of fetch (docs/integrating.md). */
  transport?: Transport;
  /** Called before each retry with the attempt number (2, 3, …) and the wait. */
  onRetry?: (attempt: number, waitMs: number) => void;
}

const RETRYABLE = new Set([408, 425, 429]);
const isRetryableStatus = (s: number) => RETRYABLE.has(s) || s >= 500;

/** Parses Retry-After (delta-seconds or HTTP-date) into milliseconds from `now`. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/^[A-Za-z]{3},? /.test(v)) return undefined; // an HTTP-date starts with the day name
  const t = Date.parse(v);
  if (Number.isNaN(t)) return undefined;
  return Math.max(0, t - now);
}

/** Exponential backoff with full jitter: random in [base·2^(n-1)/2, base·2^(n-1)], capped. */
export function backoffDelay(attempt: number, baseDelay: number, maxDelay: number, random: () => number): number {
  const exp = Math.min(maxDelay, baseDelay * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Reads an answer as our contract does: 2xx with a receipt, retryable, or a refusal. */
function interpret(status: number, json: unknown, retryAfter: string | undefined): SendResult {
  if (status >= 200 && status < 300) {
    const parsed = readReceipt(json);
    // A 2xx without a readable receipt: the server may have stored it; the same key makes a
    // retry safe and returns the first receipt.
    if (!parsed) return { ok: false, kind: 'server', status };
    return { ok: true, status, ...parsed };
  }
  if (isRetryableStatus(status) || !Number.isInteger(status) || status < 400) {
    return { ok: false, kind: 'server', status, retryAfterMs: parseRetryAfter(retryAfter) };
  }
  return { ok: false, kind: 'rejected', status, ...readErrors(json) };
}

const parseText = (text: string): unknown => {
  try { return text ? JSON.parse(text) : undefined; } catch { return undefined; }
};

/** One try through the integrator's transport (docs/integrating.md): a throw is a network failure. */
async function sendThrough(transport: Transport, req: SendRequest, signal: AbortSignal, timedOut: () => boolean): Promise<SendResult> {
  let res: TransportResponse;
  try {
    res = await transport({
      url: req.url,
      method: 'POST',
      headers: { ...req.headers, 'Content-Type': 'application/json', 'Idempotency-Key': req.idempotencyKey },
      body: req.body as TransportRequest['body'],
      idempotencyKey: req.idempotencyKey,
      type: (req.body as { type?: PayloadType } | undefined)?.type as PayloadType,
      signal,
      credentials: req.credentials ?? 'omit',
    });
  } catch {
    return { ok: false, kind: timedOut() ? 'timeout' : 'network' };
  }
  if (timedOut()) return { ok: false, kind: 'timeout' };
  if (!res || typeof res !== 'object' || typeof res.status !== 'number') return { ok: false, kind: 'server' };
  const json = typeof res.body === 'string' ? parseText(res.body) : res.body;
  return interpret(res.status, json, headerOf(res.headers, 'Retry-After'));
}

/** One try. Never throws: every outcome is a SendResult. */
export async function sendOnce(req: SendRequest, timeout = 15_000, transport?: Transport): Promise<SendResult> {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, timeout);
  if (transport) {
    try { return await sendThrough(transport, req, ctrl.signal, () => timedOut); } finally { clearTimeout(timer); }
  }
  let res: Response;
  try {
    res = await fetch(req.url, {
      method: 'POST',
      headers: { ...req.headers, 'Content-Type': 'application/json', 'Idempotency-Key': req.idempotencyKey },
      body: stringifyJson(req.body), // not JSON.stringify: a page's Array.prototype.toJSON (Prototype.js) would change it
      credentials: req.credentials ?? 'omit',
      ...(req.referrerPolicy ? { referrerPolicy: req.referrerPolicy } : {}),
      signal: ctrl.signal,
      keepalive: false,
    });
  } catch {
    clearTimeout(timer);
    return { ok: false, kind: timedOut ? 'timeout' : 'network' };
  }
  let text = '';
  try {
    text = await res.text();
  } catch {
    clearTimeout(timer);
    return { ok: false, kind: timedOut ? 'timeout' : 'network', status: res.status };
  }
  clearTimeout(timer);
  return interpret(res.status, parseText(text), res.headers.get('Retry-After') ?? undefined);
}

/**
 * Sends with retries: 408/425/429/5xx, network failure and timeout are retried with exponential
 * backoff and jitter, honouring Retry-After (a Retry-After longer than maxDelay ends the tries, so
 * the caller can queue). The same Idempotency-Key is used on every try. 4xx is final.
 */
export async function send(req: SendRequest, opts: SendOptions = {}): Promise<SendResult> {
  const attempts = Math.max(1, opts.attempts ?? 3);
  const baseDelay = opts.baseDelay ?? 800;
  const maxDelay = opts.maxDelay ?? 30_000;
  const sleep = opts.sleep ?? defaultSleep;
  const random = opts.random ?? Math.random;
  let last: SendResult = { ok: false, kind: 'network' };
  for (let attempt = 1; attempt <= attempts; attempt++) {
    last = await sendOnce(req, opts.timeout ?? 15_000, opts.transport);
    if (last.ok || last.kind === 'rejected') return last;
    if (attempt === attempts) break;
    let wait = backoffDelay(attempt, baseDelay, maxDelay, random);
    if (last.retryAfterMs !== undefined) {
      if (last.retryAfterMs > maxDelay) break;
      wait = Math.max(wait, last.retryAfterMs);
    }
    opts.onRetry?.(attempt + 1, wait);
    await sleep(wait);
  }
  return last;
}

// Loading a widget's data (GET) is in http-load.ts: every widget's first screen needs it, and it
// needs none of the sending above (README "Figures").
export { loadJson, loadThrough, type LoadResult } from './http-load.js';
