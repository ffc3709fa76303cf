// The portal's lookup page for a receipt (docs/contract.md#looking-up-a-submission): the link every
// receipt view shows, apart from the lookup client (services/lookup.ts, which re-exports it).

/**
 * The portal's lookup page with receipt and code filled in, or undefined when `lookupUrl` is not
 * an http(s) or relative address.
 */
export function lookupLink(lookupUrl: string, receipt: string, code?: string): string | undefined {
  if (!lookupUrl) return undefined;
  let u: URL;
  try { u = new URL(lookupUrl, globalThis.location?.href ?? 'http://localhost/'); } catch { return undefined; }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
  u.searchParams.set('receipt', receipt);
  if (code) u.searchParams.set('code', code);
  return u.href;
}
