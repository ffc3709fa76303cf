// Loading a widget's data: GET through fetch or through the integrator's loader
// (docs/integrating.md), with a timeout; never throws. Apart from sending (http.ts, which
// re-exports this), so the shared layer every widget loads does not carry the submission client.
import type { Credentials } from './config.js';
import type { Loader, LoaderRequest } from './transport.js';

export type LoadResult =
  | { ok: true; json: unknown }
  | { ok: false; reason: 'network' | 'timeout' | 'not-found' | 'http' | 'not-json'; status?: number };

/** GETs JSON data for a widget. Never throws. */
export async function loadJson(
  url: string,
  opts: { credentials?: Credentials; headers?: Readonly<Record<string, string>>; timeout?: number; signal?: AbortSignal } = {},
): Promise<LoadResult> {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, opts.timeout ?? 15_000);
  opts.signal?.addEventListener('abort', () => ctrl.abort(), { once: true });
  try {
    const res = await fetch(url, {
      headers: { Accept: 'application/json', ...opts.headers },
      credentials: opts.credentials ?? 'omit',
      signal: ctrl.signal,
    });
    if (res.status === 404) return { ok: false, reason: 'not-found', status: 404 };
    if (!res.ok) return { ok: false, reason: 'http', status: res.status };
    const text = await res.text();
    try {
      return { ok: true, json: JSON.parse(text) };
    } catch {
      return { ok: false, reason: 'not-json', status: res.status };
    }
  } catch {
    return { ok: false, reason: timedOut ? 'timeout' : 'network' };
  } finally {
    clearTimeout(timer);
  }
}

/** Loads a widget's data through the integrator's loader (docs/integrating.md). Never throws. */
export async function loadThrough(loader: Loader, req: Omit<LoaderRequest, 'signal'>, timeout = 15_000): Promise<LoadResult> {
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; ctrl.abort(); }, timeout);
  try {
    const data = await Promise.race([
      loader({ ...req, signal: ctrl.signal }),
      new Promise<never>((_, reject) => ctrl.signal.addEventListener('abort', () => reject(new Error('timeout')), { once: true })),
    ]);
    if (data === undefined || data === null) return { ok: false, reason: 'not-found' };
    if (typeof data !== 'string') return { ok: true, json: data };
    try { return { ok: true, json: JSON.parse(data) }; } catch { return { ok: false, reason: 'not-json' }; }
  } catch (e) {
    if (timedOut) return { ok: false, reason: 'timeout' };
    const status = (e as { status?: unknown } | null)?.status;
    if (status === 404) return { ok: false, reason: 'not-found', status: 404 };
    return typeof status === 'number' ? { ok: false, reason: 'http', status } : { ok: false, reason: 'network' };
  } finally {
    clearTimeout(timer);
  }
}
