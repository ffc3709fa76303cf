// The QR code of a deputy's page (扫码找代表, with `url-pattern`): the block on the profile and the
// printable poster (`view="qr"`), with the encoder (services/qr.ts) — a chunk of its own, loaded
// when a code is first shown (README "Figures").
import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Deputy } from '../../services/schemas/deputy.js';
import { deputyPageUrl } from '../../services/qr-url.js';
import { qrPath, qrSvg, type QrPath } from '../../services/qr.js';
import { sessionText, type ProfileContext } from './deputy-profile-view.js';

/** The QR code of a deputy's page, kept while the page stays the same (and its download link). */
export class DeputyQr {
  private cache?: { url: string; qr: QrPath; download?: string };

  /** The address the code holds, from the widget's `url-pattern`; none if it has none or a bad one. */
  url(pattern: string | undefined, d: Deputy): string | undefined {
    if (!pattern) return undefined;
    try {
      return deputyPageUrl(pattern, d.id, document.baseURI);
    } catch (e) {
      console.warn(`[rd-widgets] <rd-deputy-card> url-pattern: ${(e as Error).message}`);
      return undefined;
    }
  }

  for(url: string): { url: string; qr: QrPath } | undefined {
    if (this.cache?.url === url) return this.cache;
    this.dispose();
    try {
      this.cache = { url, qr: qrPath(url) };
    } catch (e) {
      console.warn(`[rd-widgets] <rd-deputy-card> QR code: ${(e as Error).message}`);
    }
    return this.cache;
  }

  /** An object URL of the code as an SVG file, made once per page address. */
  downloadUrl(url: string, title: string): string {
    if (this.cache?.url === url && this.cache.download) return this.cache.download;
    const href = URL.createObjectURL(new Blob([qrSvg(url, { title, pixelSize: 10 })], { type: 'image/svg+xml' }));
    if (this.cache?.url === url) this.cache.download = href;
    return href;
  }

  dispose(): void {
    if (this.cache?.download) URL.revokeObjectURL(this.cache.download);
    this.cache = undefined;
  }
}

export function qrBlock(c: ProfileContext, d: Deputy, poster = false): TemplateResult | typeof nothing {
  const url = c.qr!.url(c.urlPattern, d);
  if (!url) return nothing;
  const heading = html`<h3 id="qr-title">${c.t('deputy.qr.title')}</h3>`;
  const drawn = (() => {
    const q = c.qr!.for(url);
    if (!q) return nothing;
    const { size, path } = q.qr;
    const label = c.t('deputy.qr.label', { name: d.name, url: q.url });
    const code = html`<svg viewBox="0 0 ${size} ${size}" role="img" aria-label=${label} shape-rendering="crispEdges">
      ${svg`<rect width=${size} height=${size} fill="#fff"></rect><path d=${path} fill="#000"></path>`}
    </svg>`;
    if (poster) return code;
    const download = c.qr!.downloadUrl(q.url, `${c.t('deputy.qr.title')}：${d.name}`);
    return html`<div class="qr">
      ${code}
      <div class="qr-caption">
        <p>${c.t('deputy.qr.caption', { name: d.name })}</p>
        <p class="qr-download"><a href=${download} download="${d.id}-qr.svg">${c.t('deputy.qr.download')}</a></p>
      </div>
    </div>`;
  })();
  if (poster) return drawn;
  return html`<section class="block" part="qr" aria-labelledby="qr-title">
    ${heading}
    ${drawn}
  </section>`;
}

/** The printable 扫码找代表 poster. */
export function qrPoster(c: ProfileContext, d: Deputy): TemplateResult {
  const next = c.sessions(d)[0];
  return html`<article class="poster" part="base card" aria-labelledby="deputy-name">
    <p><strong>${c.t('deputy.qr.title')}</strong></p>
    <h2 class="name" part="name" id="deputy-name">${d.name}</h2>
    <p class="level">${c.t(`deputy.level.${d.level}`)}${d.stations?.length ? ` · ${d.stations.map((s) => s.name).join('、')}` : ''}</p>
    ${qrBlock(c, d, true)}
    ${next ? html`<p>${c.t('deputy.nextReception')}：${sessionText(c, next, d)}</p>` : nothing}
    <p>${c.t('deputy.qr.caption', { name: d.name })}</p>
  </article>`;
}

