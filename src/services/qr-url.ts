// The address a deputy's QR code holds, built from the integrator's pattern: apart from the
// encoder (src/services/qr.ts, with uqr), so the deputy card can check its url-pattern on its
// first screen and import the encoder only when a code is shown (README "Figures").

export class RdQrError extends Error {
  override name = 'RdQrError';
  constructor(
    readonly reason: 'pattern-missing-id' | 'bad-url' | 'unsafe-scheme' | 'bad-id' | 'too-long',
    message: string,
  ) {
    super(message);
  }
}

/** Placeholder replaced by the (percent-encoded) deputy id. `{ID}` and `{ id }` are accepted too. */
const ID_PLACEHOLDER = /\{\s*id\s*\}/gi;

/**
 * The URL of a deputy's own page from the integrator's pattern, e.g.
 * `https://rd.example.gov.cn/deputy/{id}` or `/deputy.html?id={id}`. The id is percent-encoded
 * (`encodeURIComponent`), so it can never add a path segment, a query or a fragment. A relative
 * pattern is resolved against `base` (the page URL): a printed code must hold an absolute URL.
 * Only http and https URLs are produced.
 */
export function deputyPageUrl(pattern: string, id: string, base?: string): string {
  const p = pattern.trim();
  if (!p.match(ID_PLACEHOLDER)) throw new RdQrError('pattern-missing-id', `URL pattern "${p}" has no {id} placeholder`);
  if (!id) throw new RdQrError('bad-id', 'empty deputy id');
  let encoded: string;
  try {
    encoded = encodeURIComponent(id);
  } catch {
    throw new RdQrError('bad-id', 'deputy id is not valid Unicode');
  }
  const filled = p.replace(ID_PLACEHOLDER, encoded);
  let u: URL;
  try {
    u = base ? new URL(filled, base) : new URL(filled);
  } catch {
    throw new RdQrError('bad-url', `"${filled}" is not a URL${base ? '' : ' (a relative pattern needs a base URL)'}`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') {
    throw new RdQrError('unsafe-scheme', `only http and https URLs are allowed, not ${u.protocol}`);
  }
  return u.href;
}
