// A part of a widget fetched when first needed, not on its first screen (README "Figures": the
// booking form, the QR code, the survey's results view, the legal-text parser …): `import()` of a
// chunk from the script's own folder. While it loads the part says so; if it cannot be loaded
// (offline, a 404, blocked by the page's CSP) it says so in the widget's language with a 重试
// button, and everything else of the widget — what the citizen typed included — stays as it is:
// only the place where the part would be shows the notice.
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { RdHost } from './host.js';

export type LazyPartState = 'idle' | 'loading' | 'ready' | 'failed';

export class LazyPart<T> implements ReactiveController {
  state: LazyPartState = 'idle';
  value: T | undefined;
  private waiting: Promise<T> | undefined;
  /** Loaded by 重试: the part is drawn in a focusable box that takes the focus the button had. */
  private retried = false;
  /**
   * Failed loads so far. From the second on, the notice also suggests reloading the page: Firefox
   * keeps a failed module import failed for the page's life (WebKit and Chromium fetch it again).
   */
  private failedLoads = 0;

  /** Failed loads so far (a part that arrives after one may move the focus back, say). */
  get failures(): number {
    return this.failedLoads;
  }

  /**
   * `load`: the dynamic import (and whatever it returns); `what`: the message key naming the part;
   * `onReady`: called each time it has loaded (after a 重试 too), before the host updates.
   */
  constructor(
    private readonly host: RdHost,
    private readonly load: () => Promise<T>,
    private readonly what: string,
    private readonly onReady?: (value: T) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Starts loading (once; again after a failure only through `retry`). The value when loaded. */
  ensure(): T | undefined {
    if (this.state === 'idle') void this.get().catch(() => {});
    return this.value;
  }

  /** The part, loading it if needed: for code that needs it now (e.g. to parse data). */
  get(): Promise<T> {
    if (this.state === 'ready') return Promise.resolve(this.value as T);
    if (this.waiting) return this.waiting;
    this.state = 'loading';
    this.waiting = this.load().then(
      (v) => {
        this.value = v;
        this.state = 'ready';
        this.waiting = undefined;
        this.onReady?.(v);
        this.host.requestUpdate();
        if (this.retried) {
          void this.host.updateComplete.then(() => this.host.shadowRoot?.querySelector<HTMLElement>(`[data-lazy-ready="${this.what}"]`)?.focus());
        }
        return v;
      },
      (e: unknown) => {
        console.warn(`[rd-widgets] <${this.host.localName}> could not load a part (${this.what}): ${e instanceof Error ? e.message : String(e)}`);
        this.state = 'failed';
        this.failedLoads++;
        this.waiting = undefined;
        this.host.requestUpdate();
        throw e;
      },
    );
    this.host.requestUpdate();
    return this.waiting;
  }

  /** Tries again (the 重试 button): the browser fetches a failed module again. */
  retry(): void {
    if (this.state !== 'failed') return;
    this.state = 'idle';
    this.retried = true;
    this.ensure();
  }

  /**
   * `ready(value)` once loaded; before that a loading line, or the failure notice with its retry
   * button. Starts loading when first rendered.
   */
  render(ready: (value: T) => TemplateResult | typeof nothing): TemplateResult | typeof nothing {
    this.ensure();
    if (this.state === 'ready') {
      return this.retried
        ? html`<div class="rd-lazy" tabindex="-1" data-lazy-ready=${this.what}>${ready(this.value as T)}</div>`
        : ready(this.value as T);
    }
    const t = this.host.t;
    if (this.state === 'failed') {
      return html`<div class="rd-notice rd-notice--error" part="error-message" role="alert" data-lazy-failed>
        <p>${t('lazy.failed', { what: t(this.what) })}</p>
        ${this.failedLoads > 1 ? html`<p>${t('lazy.reload')}</p>` : nothing}
        <p><button type="button" class="rd-button rd-button--secondary" @click=${() => this.retry()}>${t('lazy.retry')}</button></p>
      </div>`;
    }
    return html`<p class="rd-loading" role="status"><span class="rd-spinner" aria-hidden="true"></span> ${t('common.loading')}</p>`;
  }
}
