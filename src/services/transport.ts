// Any backend, not only ours (docs/integrating.md): a `transport` replaces the HTTP call of a
// submission and a `loader` the GET of a widget's data, while the widgets keep everything around
// them — one Idempotency-Key per submission, retries with Retry-After, the outbox, receipts,
// field errors, validation of loaded data. No Lit, no DOM beyond `globalThis`.
import type { PayloadType } from './schemas/common.js';
import type { Credentials } from './config.js';

/** What a transport is asked to deliver: one try of one submission. */
export interface TransportRequest {
  /** `{endpoint}/{route}` (or `submit-url`); the route alone when no endpoint is set. */
  url: string;
  method: 'POST';
  /** The headers the widget would send: the integrator's, `rd-submit`'s, Content-Type, Idempotency-Key. */
  headers: Record<string, string>;
  /** The envelope (docs/contract.md#the-envelope), as an object. */
  body: { type: PayloadType; id: string; data: unknown; [k: string]: unknown };
  /** The same on every try and every outbox flush of this submission. Pass it through, or dedupe on it. */
  idempotencyKey: string;
  type: PayloadType;
  /** Aborted when the try times out. */
  signal: AbortSignal;
  credentials: Credentials;
}

/** The answer, as our contract reads it: 2xx `{receipt, message?}`, 4xx `{errors, message?}`, 5xx/429 retried. */
export interface TransportResponse {
  status: number;
  /** An object, or JSON text. */
  body?: unknown;
  /** `Retry-After` is read from here (a Headers object or a plain record). */
  headers?: Headers | Record<string, string>;
}

/** Throwing means "could not reach the backend": the submission is retried, then queued. */
export type Transport = (req: TransportRequest) => Promise<TransportResponse>;

export type DataKind = 'draft' | 'deputy' | 'deputies' | 'survey' | 'results' | 'stations' | 'form';

export interface LoaderRequest {
  /** The URL the widget would fetch (`src`, or `{endpoint}/{route}`; the route alone without an endpoint). */
  url: string;
  kind: DataKind;
  id?: string;
  signal: AbortSignal;
}

/**
 * Returns the widget's data (validated by the widget as if fetched). Throwing is a load failure;
 * an error with `status: 404` reads as "not found".
 */
export type Loader = (req: LoaderRequest) => Promise<unknown>;

/**
 * The page-wide settings live on `globalThis.rdWidgets`, not in this module: every copy of the
 * library on a page (one classic script per widget, a module build beside them) and a page
 * script that ran before any of them share it. `window.rdWidgets = { transport }` set before the
 * scripts load works as well as `setTransport(fn)` after.
 */
interface PageSettings { transport?: Transport | null; loader?: Loader | null }
const page = (): PageSettings | undefined => (globalThis as { rdWidgets?: PageSettings }).rdWidgets;
const pageForWrite = (): PageSettings => ((globalThis as { rdWidgets?: PageSettings }).rdWidgets ??= {});

/** The event widgets listen for to send what waits in the outbox with a newly set transport. */
export const TRANSPORT_CHANGE_EVENT = 'rd-transport-change';

/** The page's transport, used where no widget or provider sets one. */
export function pageTransport(): Transport | undefined {
  const t = page()?.transport;
  return typeof t === 'function' ? t : undefined;
}

/** The page's loader, used where no widget or provider sets one. */
export function pageLoader(): Loader | undefined {
  const l = page()?.loader;
  return typeof l === 'function' ? l : undefined;
}

/** Sets (or with null, removes) the page-wide transport; the outbox is sent with it at once. */
export function setTransport(fn: Transport | null): void {
  if (fn !== null && typeof fn !== 'function') throw new TypeError('setTransport: expected a function or null');
  pageForWrite().transport = fn;
  globalThis.dispatchEvent?.(new Event(TRANSPORT_CHANGE_EVENT));
}

/** Sets (or with null, removes) the page-wide loader. */
export function setLoader(fn: Loader | null): void {
  if (fn !== null && typeof fn !== 'function') throw new TypeError('setLoader: expected a function or null');
  pageForWrite().loader = fn;
}

/** A header of a transport's answer, case-insensitively. */
export function headerOf(headers: TransportResponse['headers'], name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const want = name.toLowerCase();
  for (const [k, v] of Object.entries(headers)) if (k.toLowerCase() === want) return String(v);
  return undefined;
}
