// Loads and validates a widget's data. Sources, first found (docs/contract.md#data-sources): the `data` property;
// an inline <script type="application/json"> child; `src`; `endpoint` + the widget's id.
// Status model after @lit/task: initial | pending | complete | error.
import { html, nothing, type ReactiveController, type TemplateResult } from 'lit';
import type { z } from 'zod/mini';
import type { RdHost } from './host.js';
import { loadJson, loadThrough, type LoadResult } from '../services/http-load.js';
import { pageLoader, type DataKind } from '../services/transport.js';
import { checkData, type Problem } from '../services/validation.js';
import { RdReadyEvent } from '../events/events.js';

export type DataStatus = 'initial' | 'pending' | 'complete' | 'error';

/** What a route loads, for a loader: `/surveys/x/results` → results, `/deputies` → deputies… */
export function kindOf(route: string): DataKind {
  const path = route.replace(/[?#].*$/, '');
  if (/\/results\/?$/.test(path)) return 'results';
  if (/\/drafts\//.test(path)) return 'draft';
  if (/\/deputies\/?$/.test(path)) return 'deputies';
  if (/\/deputies\//.test(path)) return 'deputy';
  if (/\/surveys\//.test(path)) return 'survey';
  if (/\/stations\/?$/.test(path)) return 'stations';
  return 'form';
}

export interface DataControllerOptions<S extends z.ZodMiniType> {
  schema: S;
  /** The widget's id for `endpoint` loading (e.g. the draft-id attribute); undefined when none. */
  id?: () => string | undefined | null;
  /** Route under the endpoint for the id, e.g. (id) => `/drafts/${id}`; without id, a fixed route. */
  route?: (id: string | undefined) => string | undefined;
  /** Called with valid data (after a load or a `data` change). */
  /** Called with valid data; a promise returned (a part the element needs first) delays `rd-ready` until it settles. */
  onData?: (value: z.infer<S>) => void | Promise<unknown>;
}

export type DataError =
  | { kind: 'invalid'; problems: Problem[]; count: number }
  | { kind: 'load'; reason: Exclude<LoadResult, { ok: true }>['reason'] | 'no-source'; status?: number };

export class DataController<S extends z.ZodMiniType> implements ReactiveController {
  status: DataStatus = 'initial';
  value: z.infer<S> | undefined;
  error: DataError | undefined;
  private signature: unknown[] = [];
  private run = 0;
  private announced = false;

  constructor(private readonly host: RdHost & { data?: unknown }, private readonly opts: DataControllerOptions<S>) {
    host.addController(this);
  }

  hostConnected() {
    // Moved in the page with the same source: keep what is loaded (no second download, nothing
    // reset). After a failure, or while a load was cut short, try again.
    if (this.status !== 'complete') this.signature = [];
  }

  hostUpdate() {
    const cfg = this.host.config;
    const sig = [this.host.data, this.host.src, this.opts.id?.(), cfg.endpoint, cfg.loader];
    if (sig.length === this.signature.length && sig.every((v, i) => v === this.signature[i])) return;
    this.signature = sig;
    void this.load();
  }

  /** Loads again from the current source. */
  async load(): Promise<void> {
    const run = ++this.run;
    const host = this.host;
    const cfg = host.config;
    let raw: unknown;
    let source: string;
    if (host.data !== undefined && host.data !== null) {
      raw = host.data;
      source = 'data';
    } else {
      const inline = [...host.children].find((c) => c.localName === 'script' && (c as HTMLScriptElement).type === 'application/json');
      if (inline) {
        source = 'inline JSON';
        try {
          raw = JSON.parse(inline.textContent ?? '');
        } catch {
          return this.fail(run, { kind: 'invalid', problems: [{ path: '', key: 'data.problem.format' }], count: 1 }, source);
        }
      } else {
        const id = this.opts.id?.() ?? undefined;
        const route = this.opts.route?.(id || undefined);
        const loader = cfg.loader ?? pageLoader();
        const routed = route && (id || !this.opts.id) ? route : undefined;
        const url = host.src
          ? host.src
          : cfg.endpoint && routed
            ? `${cfg.endpoint}/${routed.replace(/^\/+/, '')}`
            : loader && routed // a loader may not need an endpoint: the route names the data
              ? routed
              : undefined;
        if (!url) return this.fail(run, { kind: 'load', reason: 'no-source' }, 'none');
        source = url;
        this.status = 'pending';
        host.requestUpdate();
        const kind = kindOf(routed ?? url);
        const res = loader
          ? await loadThrough(loader, { url, kind, ...(id ? { id } : {}) }, cfg.timeout)
          : await loadJson(url, { credentials: cfg.credentials, headers: cfg.headers, timeout: cfg.timeout });
        if (run !== this.run) return;
        if (!res.ok) return this.fail(run, { kind: 'load', reason: res.reason, status: res.status }, source);
        raw = res.json;
      }
    }
    const checked = checkData(this.opts.schema, raw);
    if (run !== this.run) return;
    if (!checked.ok) {
      for (const issue of checked.issues.slice(0, 20)) {
        console.warn(`[rd-widgets] <${host.localName}> invalid data from ${source} at "${issue.path.join('.') || '(root)'}": ${issue.code}`);
      }
      return this.fail(run, { kind: 'invalid', problems: checked.problems, count: checked.issues.length }, source);
    }
    this.value = checked.value;
    this.error = undefined;
    this.status = 'complete';
    const preparing = this.opts.onData?.(checked.value);
    host.requestUpdate();
    if (!this.announced) {
      this.announced = true;
      // The element may need a part first (a plain-text draft: the parser) to show the data.
      if (preparing) await preparing.catch(() => {});
      await host.updateComplete;
      host.dispatchEvent(new RdReadyEvent());
    }
  }

  private fail(run: number, error: DataError, source: string) {
    if (run !== this.run) return;
    if (error.kind === 'load') console.warn(`[rd-widgets] <${this.host.localName}> could not load data from ${source}: ${error.reason}`);
    this.status = 'error';
    this.error = error;
    this.value = undefined;
    this.host.requestUpdate();
  }

  /** Loading indicator or the localized error notice; `nothing` once complete. */
  renderStatus(): TemplateResult | typeof nothing {
    const t = this.host.t;
    if (this.status === 'initial' || this.status === 'pending') {
      return html`<p class="rd-loading" role="status"><span class="rd-spinner" aria-hidden="true"></span> ${t('common.loading')}</p>`;
    }
    if (this.status === 'error' && this.error) {
      const e = this.error;
      if (e.kind === 'invalid') {
        return html`<div class="rd-notice rd-notice--error" part="error-message" role="alert">
          <p><strong>${t('data.invalidTitle')}</strong></p>
          <ul>
            ${e.problems.map((p) => html`<li>${t('data.invalidItem', { path: p.path || t('data.root'), problem: t(p.key, p.params) })}</li>`)}
            ${e.count > e.problems.length ? html`<li>…（+${e.count - e.problems.length}）</li>` : nothing}
          </ul>
        </div>`;
      }
      const msg = e.reason === 'no-source'
        ? t('data.noSource')
        : e.reason === 'not-found'
          ? t('data.notFound')
          : t('data.loadFailed', { reason: t(`data.reason.${e.reason === 'http' || e.reason === 'not-json' ? e.reason : e.reason === 'timeout' ? 'timeout' : 'network'}`, { status: e.status ?? '' }) });
      return html`<div class="rd-notice rd-notice--error" part="error-message" role="alert"><p>${msg}</p></div>`;
    }
    return nothing;
  }
}
