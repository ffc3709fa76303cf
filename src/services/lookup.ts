// Looking a submission up and rating the reply (docs/contract.md#looking-up-a-submission): plain
// functions over fetch for <rd-receipt-lookup>. Never throw: every outcome is a result. A backend
// without the routes (404/405 without our "receipt-not-found" code) is `unsupported`, so the
// widget can say the site does not offer online lookup and still show the receipt.
import { endpointUrl, type Credentials } from './config.js';
import { parseRetryAfter } from './http.js';
import { stringifyJson } from './json.js';
import { normalizeLookupCode, receiptLookupSchema, type Rating, type ReceiptLookup } from './schemas/loop.js';

export type LookupFailure =
  | 'not-found' | 'unsupported' | 'rate-limited' | 'network' | 'timeout' | 'server' | 'invalid'
  | 'already-rated' | 'not-replied' | 'rejected';

export type LookupResult =
  | { ok: true; data: ReceiptLookup; status: number }
  | { ok: false; reason: LookupFailure; status?: number; retryAfterMs?: number; message?: string };

export interface LookupOptions {
  credentials?: Credentials;
  headers?: Readonly<Record<string, string>>;
  timeout?: number;
}

export { normalizeLookupCode };
// The link every receipt view shows: in a module of its own, so the widgets' shared layer does not
// carry the lookup client and its schema (README "Figures").
export { lookupLink } from './lookup-link.js';
/** "7KQMX4PB" → "7KQM-X4PB". */
export const groupLookupCode = (c: string): string => {
  const n = normalizeLookupCode(c);
  return n ? `${n.slice(0, 4)}-${n.slice(4)}` : c;
};
/** A receipt number as typed → trimmed, upper case. */
export const normalizeReceipt = (input: string): string => input.trim().toUpperCase().replace(/\s+/g, '');

async function call(url: string, init: RequestInit, timeout: number): Promise<{ status: number; json: unknown; retryAfter?: string } | { failed: 'network' | 'timeout' }> {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, timeout);
  try {
    const res = await fetch(url, { ...init, signal: ctrl.signal });
    const text = await res.text();
    let json: unknown;
    try { json = text ? JSON.parse(text) : undefined; } catch { json = undefined; }
    return { status: res.status, json, retryAfter: res.headers.get('Retry-After') ?? undefined };
  } catch {
    return { failed: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

const codeOf = (json: unknown) => (json && typeof json === 'object' ? (json as { code?: unknown }).code : undefined);
const messageOf = (json: unknown) => {
  const m = json && typeof json === 'object' ? (json as { message?: unknown }).message : undefined;
  return typeof m === 'string' ? m.slice(0, 500) : undefined;
};

function read(r: Awaited<ReturnType<typeof call>>): LookupResult {
  if ('failed' in r) return { ok: false, reason: r.failed };
  const { status, json } = r;
  if (status >= 200 && status < 300) {
    const parsed = receiptLookupSchema.safeParse(json);
    return parsed.success ? { ok: true, data: parsed.data, status } : { ok: false, reason: 'invalid', status };
  }
  const code = codeOf(json);
  if (status === 404 && code === 'receipt-not-found') return { ok: false, reason: 'not-found', status };
  // Our contract's 404 carries the code above; any other 404/405 is a backend without the route.
  if (status === 404 || status === 405 || status === 501) return { ok: false, reason: 'unsupported', status };
  if (status === 429) return { ok: false, reason: 'rate-limited', status, retryAfterMs: parseRetryAfter(r.retryAfter) };
  if (status === 409 && code === 'already-rated') return { ok: false, reason: 'already-rated', status, message: messageOf(json) };
  if (status === 422 && code === 'not-replied') return { ok: false, reason: 'not-replied', status, message: messageOf(json) };
  if (status >= 400 && status < 500) return { ok: false, reason: 'rejected', status, message: messageOf(json) };
  return { ok: false, reason: 'server', status };
}

/** GET {endpoint}/receipts/{receipt}?code= */
export async function lookupReceipt(endpoint: string, receipt: string, code: string, o: LookupOptions = {}): Promise<LookupResult> {
  const url = `${endpointUrl(endpoint, `/receipts/${encodeURIComponent(receipt)}`)}?code=${encodeURIComponent(code)}`;
  return read(await call(url, { headers: { Accept: 'application/json', ...o.headers }, credentials: o.credentials ?? 'omit' }, o.timeout ?? 15_000));
}

/** POST {endpoint}/receipts/{receipt}/rating with an Idempotency-Key (the same on a retry). */
export async function rateReceipt(
  endpoint: string, receipt: string, body: { code: string; rating: Rating; comment?: string }, idempotencyKey: string, o: LookupOptions = {},
): Promise<LookupResult> {
  const url = endpointUrl(endpoint, `/receipts/${encodeURIComponent(receipt)}/rating`);
  return read(await call(url, {
    method: 'POST',
    headers: { ...o.headers, 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: stringifyJson(body),
    credentials: o.credentials ?? 'omit',
  }, o.timeout ?? 15_000));
}
