import { expect } from '@open-wc/testing';
import { deputyPageUrl, qrPath, qrSvg, escapeXml, RdQrError, QR_MAX_LENGTH } from '../../src/services/qr.js';
import { installPrototypeArrays } from '../helpers/env.js';

describe('qr: deputyPageUrl', () => {
  const base = 'https://www.qhx.example.gov.cn/rd/index.html';
  const ok: Array<[string, string, string | undefined, string]> = [
    ['https://rd.example.gov.cn/deputy/{id}', 'dep-001', undefined, 'https://rd.example.gov.cn/deputy/dep-001'],
    ['https://rd.example.gov.cn/deputy.html?id={id}', 'dep-001', undefined, 'https://rd.example.gov.cn/deputy.html?id=dep-001'],
    ['https://rd.example.gov.cn/d/{ID}#card', 'dep-002', undefined, 'https://rd.example.gov.cn/d/dep-002#card'],
    ['https://rd.example.gov.cn/d/{ id }', 'x', undefined, 'https://rd.example.gov.cn/d/x'],
    ['  https://rd.example.gov.cn/d/{id}  ', 'x', undefined, 'https://rd.example.gov.cn/d/x'],
    ['https://rd.example.gov.cn/d/{id}', 'a/../../admin', undefined, 'https://rd.example.gov.cn/d/a%2F..%2F..%2Fadmin'],
    ['https://rd.example.gov.cn/d?id={id}', 'x&admin=1#frag', undefined, 'https://rd.example.gov.cn/d?id=x%26admin%3D1%23frag'],
    ['https://rd.example.gov.cn/d/{id}', '代表 1', undefined, 'https://rd.example.gov.cn/d/%E4%BB%A3%E8%A1%A8%201'],
    ['https://rd.example.gov.cn/d/{id}', '<script>', undefined, 'https://rd.example.gov.cn/d/%3Cscript%3E'],
    ['https://rd.example.gov.cn/{id}/{id}', 'a', undefined, 'https://rd.example.gov.cn/a/a'],
    ['/deputy/{id}', 'dep-003', base, 'https://www.qhx.example.gov.cn/deputy/dep-003'],
    ['deputy.html?id={id}', 'dep-003', base, 'https://www.qhx.example.gov.cn/rd/deputy.html?id=dep-003'],
    ['http://intranet.example/{id}', 'x', undefined, 'http://intranet.example/x'],
  ];
  for (const [pattern, id, b, expected] of ok) {
    it(`${pattern} + ${JSON.stringify(id)} → ${expected}`, () => expect(deputyPageUrl(pattern, id, b)).to.equal(expected));
  }

  const bad: Array<[string, string, string | undefined, RdQrError['reason']]> = [
    ['https://rd.example.gov.cn/deputy/', 'x', undefined, 'pattern-missing-id'],
    ['', 'x', undefined, 'pattern-missing-id'],
    ['https://rd.example.gov.cn/{id}', '', undefined, 'bad-id'],
    ['https://rd.example.gov.cn/{id}', '\uD800', undefined, 'bad-id'],
    ['/deputy/{id}', 'x', undefined, 'bad-url'],
    ['javascript:alert({id})', 'x', undefined, 'unsafe-scheme'],
    ['data:text/html,{id}', 'x', undefined, 'unsafe-scheme'],
    ['JavaScript:alert({id})', 'x', base, 'unsafe-scheme'],
    ['ftp://example.com/{id}', 'x', undefined, 'unsafe-scheme'],
  ];
  for (const [pattern, id, b, reason] of bad) {
    it(`refuses ${JSON.stringify(pattern)} + ${JSON.stringify(id)}: ${reason}`, () => {
      let err: unknown;
      try {
        deputyPageUrl(pattern, id, b);
      } catch (e) {
        err = e;
      }
      expect(err).to.be.instanceOf(RdQrError);
      expect((err as RdQrError).reason).to.equal(reason);
      expect((err as RdQrError).name).to.equal('RdQrError');
    });
  }
});

/** Rebuilds the module grid from the path data (each run is `M{x} {y}h{w}v1h-{w}z`). */
function gridOf(path: string, size: number): boolean[][] {
  const g = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const m of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-(\d+)z/g)) {
    const [x, y, w, w2] = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
    expect(w2).to.equal(w);
    for (let i = 0; i < w; i++) {
      expect(g[y]![x + i], `module ${x + i},${y} drawn twice`).to.equal(false);
      g[y]![x + i] = true;
    }
  }
  return g;
}

/** The 7×7 finder pattern: dark ring, light ring, dark 3×3 core. */
function hasFinder(g: boolean[][], ox: number, oy: number): boolean {
  for (let y = 0; y < 7; y++)
    for (let x = 0; x < 7; x++) {
      const ring = x === 0 || y === 0 || x === 6 || y === 6;
      const core = x >= 2 && x <= 4 && y >= 2 && y <= 4;
      if (g[oy + y]![ox + x] !== (ring || core)) return false;
    }
  return true;
}

describe('qr: qrPath', () => {
  const cases: Array<[string, string, { ecc?: 'L' | 'M' | 'Q' | 'H'; border?: number }, number]> = [
    ['short URL, default M, border 4', 'https://rd.example.gov.cn/deputy/dep-001', {}, 3],
    ['short URL, L', 'https://rd.example.gov.cn/deputy/dep-001', { ecc: 'L' }, 3],
    ['short URL (40 bytes), H needs version 5 (46 bytes)', 'https://rd.example.gov.cn/deputy/dep-001', { ecc: 'H' }, 5],
    ['Chinese text as UTF-8 (39 bytes fit 3-M)', 'https://rd.example.gov.cn/代表/张伟', {}, 3],
    ['numeric', '1234567890', {}, 1],
  ];
  for (const [title, text, opts, version] of cases) {
    it(`${title}: version ${version}, finders in three corners, quiet zone empty`, () => {
      const border = opts.border ?? 4;
      const r = qrPath(text, opts);
      expect(r.version).to.equal(version);
      expect(r.size).to.equal(17 + 4 * version + 2 * border);
      const g = gridOf(r.path, r.size);
      const inner = r.size - 2 * border;
      expect(hasFinder(g, border, border)).to.equal(true);
      expect(hasFinder(g, border + inner - 7, border)).to.equal(true);
      expect(hasFinder(g, border, border + inner - 7)).to.equal(true);
      expect(hasFinder(g, border + inner - 7, border + inner - 7)).to.equal(false);
      for (let y = 0; y < r.size; y++)
        for (let x = 0; x < r.size; x++)
          if (x < border || y < border || x >= r.size - border || y >= r.size - border) expect(g[y]![x]).to.equal(false);
    });
  }

  it('border is clamped and 0 is allowed', () => {
    expect(qrPath('x', { border: 0 }).size).to.equal(21);
    expect(qrPath('x', { border: 99 }).size).to.equal(21 + 20);
    expect(qrPath('x', { border: -3 }).size).to.equal(21);
  });

  it('is deterministic and differs for different text', () => {
    expect(qrPath('https://a.example/dep-001').path).to.equal(qrPath('https://a.example/dep-001').path);
    expect(qrPath('https://a.example/dep-001').path).to.not.equal(qrPath('https://a.example/dep-002').path);
  });

  it('refuses empty and over-long text', () => {
    expect(() => qrPath('')).to.throw(RdQrError);
    expect(() => qrPath('x'.repeat(QR_MAX_LENGTH + 1))).to.throw(RdQrError);
    expect(qrPath('x'.repeat(QR_MAX_LENGTH)).version).to.be.greaterThan(20);
  });
});

describe('qr: qrSvg and escapeXml', () => {
  const esc: Array<[string, string]> = [
    ['扫码找代表：张伟', '扫码找代表：张伟'],
    ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    [`a&b "c" 'd'`, 'a&amp;b &quot;c&quot; &apos;d&apos;'],
  ];
  for (const [input, out] of esc) it(`escapeXml ${JSON.stringify(input)}`, () => expect(escapeXml(input)).to.equal(out));

  it('is a well-formed SVG with an escaped title that parses to the same text', () => {
    const title = '扫码找代表：<b>张伟</b> & "co"';
    const svg = qrSvg('https://rd.example.gov.cn/deputy/dep-001', { title, pixelSize: 4 });
    const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).to.equal(null);
    const root = doc.documentElement;
    expect(root.getAttribute('viewBox')).to.equal('0 0 37 37');
    expect(root.getAttribute('width')).to.equal(String(37 * 4));
    expect(root.querySelector('title')!.textContent).to.equal(title);
    expect(root.querySelector('b')).to.equal(null);
    expect(root.querySelector('path')!.getAttribute('d')).to.equal(qrPath('https://rd.example.gov.cn/deputy/dep-001').path);
  });

  it('ignores colours that are not plain colour values', () => {
    const svg = qrSvg('x', { dark: 'red" onload="alert(1)', light: '#abcdef' });
    expect(svg).to.not.contain('onload');
    expect(svg).to.contain('fill="#000"');
    expect(svg).to.contain('fill="#abcdef"');
  });
});

describe('qr: a page with Prototype.js 1.6 (Array.from without mapping, Array#reduce returns the array)', () => {
  it("the same code as without it; the page's own functions are in place afterwards", () => {
    const url = 'https://rd.example.gov.cn/deputy/dep-001';
    const want = qrPath(url);
    const native = [Array.from, Array.prototype.reduce];
    const restore = installPrototypeArrays();
    const page = [Array.from, Array.prototype.reduce];
    let got: unknown;
    let during: unknown[];
    try {
      got = qrPath(url);
      during = [Array.from, Array.prototype.reduce];
    } finally {
      restore();
    }
    expect(got).to.deep.equal(want);
    expect(page[0]).not.to.equal(native[0]);
    expect(page[1]).not.to.equal(native[1]);
    expect(during).to.deep.equal(page);
    expect([Array.from, Array.prototype.reduce]).to.deep.equal(native);
  });
});
