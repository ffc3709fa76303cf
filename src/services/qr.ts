// QR codes for "扫码找代表": the deputy's own page URL, built from the integrator's pattern, drawn as
// SVG path data (rendered by the widget through a template, so no markup string is ever parsed)
// or as a standalone SVG document string (for download/print). Encoding by `uqr`.
import { encode } from 'uqr';

export type QrEcc = 'L' | 'M' | 'Q' | 'H';

export { RdQrError, deputyPageUrl } from './qr-url.js';
import { RdQrError } from './qr-url.js';


export interface QrPath {
  /** Modules per side, including the quiet zone. */
  size: number;
  /** QR version (1–40). */
  version: number;
  /** SVG path data of the dark modules in a `0 0 size size` view box. */
  path: string;
}

export interface QrOptions {
  /** Error correction; default M (15 %: survives a smudged notice-board print). */
  ecc?: QrEcc;
  /** Quiet zone in modules; default 4 (the standard's minimum). */
  border?: number;
}

/** Longest text encoded (a QR code of version 40-M holds 2,331 bytes; long URLs scan badly anyway). */
export const QR_MAX_LENGTH = 1000;

type Reduce = (this: ArrayLike<unknown>, f: (acc: unknown, v: unknown, i: number, a: ArrayLike<unknown>) => unknown, ...init: unknown[]) => unknown;
type From = (items: Iterable<unknown> | ArrayLike<unknown>, map?: (v: unknown, i: number) => unknown) => unknown[];

const standardFrom: From = (items, map) => {
  const src: ArrayLike<unknown> = Symbol.iterator in Object(items) ? [...(items as Iterable<unknown>)] : (items as ArrayLike<unknown>);
  const out: unknown[] = [];
  for (let i = 0; i < src.length; i++) out.push(map ? map(src[i], i) : src[i]);
  return out;
};

const standardReduce: Reduce = function (f, ...init) {
  let i = 0;
  let acc = init[0];
  if (!init.length) {
    if (!this.length) throw new TypeError('Reduce of empty array with no initial value');
    acc = this[0];
    i = 1;
  }
  for (; i < this.length; i++) if (i in this) acc = f(acc, this[i], i, this);
  return acc;
};

const works = (check: () => boolean) => { try { return check(); } catch { return false; } };

/**
 * Runs `run` (the uqr encoder) with a standard Array.from and Array.prototype.reduce. uqr uses
 * both, and Prototype.js 1.6 (on many old portals) replaces them: its Array.from ($A) ignores the
 * mapping function and its reduce returns the array, so the code came out wrong or not at all.
 * Only a replaced one that misbehaves is swapped, for this synchronous call, and the page's own is
 * put back in `finally`.
 */
function withStandardArrays<T>(run: () => T): T {
  const arr = Array as unknown as { from: From };
  const proto = Array.prototype as unknown as { reduce: Reduce };
  const pageFrom = arr.from;
  const pageReduce = proto.reduce;
  const fromOk = works(() => pageFrom.call(Array, { length: 2 }, (_, i) => i + 1)[1] === 2);
  const reduceOk = works(() => pageReduce.call([1, 2], (a, b) => (a as number) + (b as number), 0) === 3);
  if (fromOk && reduceOk) return run();
  try {
    if (!fromOk) arr.from = standardFrom;
    if (!reduceOk) proto.reduce = standardReduce;
    return run();
  } finally {
    if (!fromOk) arr.from = pageFrom;
    if (!reduceOk) proto.reduce = pageReduce;
  }
}

/**
 * Encodes `text` and returns one SVG path covering the dark modules: each horizontal run of dark
 * modules becomes one rectangle, so the path stays short (a typical URL: about 300 runs).
 */
export function qrPath(text: string, opts: QrOptions = {}): QrPath {
  if (!text) throw new RdQrError('bad-url', 'nothing to encode');
  if (text.length > QR_MAX_LENGTH) throw new RdQrError('too-long', `text longer than ${QR_MAX_LENGTH} characters`);
  const border = Math.max(0, Math.min(10, Math.floor(opts.border ?? 4)));
  const qr = withStandardArrays(() => encode(text, { ecc: opts.ecc ?? 'M', border }));
  const parts: string[] = [];
  const { data, size } = qr;
  for (let y = 0; y < size; y++) {
    const row = data[y]!;
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x++;
      parts.push(`M${start} ${y}h${x - start}v1h-${x - start}z`);
    }
  }
  return { size, version: qr.version, path: parts.join('') };
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface QrSvgOptions extends QrOptions {
  /** Accessible name (`<title>`), e.g. "扫码找代表：张伟". Escaped. */
  title?: string;
  /** Width and height in CSS pixels; default 8 per module. */
  pixelSize?: number;
  dark?: string;
  light?: string;
}

const COLOR = /^(#[0-9a-f]{3,8}|[a-z]{3,20})$/i;

/** A standalone SVG document (for download or a print sheet). Every input is escaped or checked. */
export function qrSvg(text: string, opts: QrSvgOptions = {}): string {
  const { size, path } = qrPath(text, opts);
  const px = size * Math.max(1, Math.min(50, Math.floor(opts.pixelSize ?? 8)));
  const dark = opts.dark && COLOR.test(opts.dark) ? opts.dark : '#000';
  const light = opts.light && COLOR.test(opts.light) ? opts.light : '#fff';
  const title = opts.title ? `<title>${escapeXml(opts.title)}</title>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${size} ${size}" width="${px}" height="${px}" shape-rendering="crispEdges"${opts.title ? ' role="img"' : ''}>` +
    `${title}<rect width="${size}" height="${size}" fill="${light}"/><path fill="${dark}" d="${path}"/></svg>`
  );
}
