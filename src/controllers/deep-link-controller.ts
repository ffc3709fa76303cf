// Deep links into a widget: the page address's hash (`…/draft.html#第十二条`) names a place inside
// the widget, which goes there once its content is on screen, and again each time the hash
// changes while the page is open (docs/architecture.md#srccontrollers--lit-reactive-controllers;
// what `#第十二条` means for a legal text is docs/domain.md#numbering-and-references).
//
// Generic: what a hash means and how to go there are the host's callbacks; the controller only
// knows the page's location, the host's lifecycle and its `deep-link` switch. It needs no more of
// its host than `DeepLinkHost` (any RdHost is one), never a component.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** What the controller needs from its element. */
export type DeepLinkHost = ReactiveControllerHost & Pick<HTMLElement, 'getAttribute'>;

export interface DeepLinkOptions<T> {
  /**
   * The hash without its `#`, as the address has it (percent-encoded or not) → the place it
   * names, or `undefined` when it names none of this host's places (then nothing happens).
   */
  resolve(hash: string): T | undefined;
  /** Goes to the place (scroll, focus). Called only when the host is `ready`. */
  jump(target: T): unknown;
  /**
   * True once the content is rendered. The hash found on load is followed after the first update
   * in which this holds (and again after `rearm()`); a hash change before then waits for it too.
   * Default: always.
   */
  ready?(): boolean;
  /**
   * False switches deep links off for this host (several widgets on one page: only one follows
   * the address). Default: the host's `deep-link` attribute is not `off`.
   */
  enabled?(): boolean;
  /** The window whose address is followed (default: the page's). */
  window?: Window;
}

export class DeepLinkController<T = unknown> implements ReactiveController {
  private pending = true;
  private listening?: Window;

  constructor(private readonly host: DeepLinkHost, private readonly opts: DeepLinkOptions<T>) {
    host.addController(this);
  }

  private get win(): Window | undefined {
    return this.opts.window ?? (typeof window === 'undefined' ? undefined : window);
  }

  get enabled(): boolean {
    return this.opts.enabled ? this.opts.enabled() : this.host.getAttribute('deep-link') !== 'off';
  }

  hostConnected(): void {
    const w = this.win;
    if (!w || this.listening) return;
    w.addEventListener('hashchange', this.onHashChange);
    this.listening = w;
  }

  hostDisconnected(): void {
    this.listening?.removeEventListener('hashchange', this.onHashChange);
    this.listening = undefined;
  }

  hostUpdated(): void {
    if (!this.pending || !(this.opts.ready?.() ?? true)) return;
    this.pending = false;
    this.follow();
  }

  /** Follows the address again after the next update in which the host is ready (e.g. new content). */
  rearm(): void {
    this.pending = true;
  }

  /**
   * Goes where the current hash points, if it names one of the host's places, deep links are on
   * and the host is ready. Returns the `jump` callback's answer, or false when nothing was done.
   */
  follow(): boolean {
    if (!this.enabled || !(this.opts.ready?.() ?? true)) return false;
    let hash = '';
    try { hash = this.win?.location.hash ?? ''; } catch { return false; }
    if (hash.length < 2) return false;
    const target = this.opts.resolve(hash.slice(1));
    if (target === undefined) return false;
    return this.opts.jump(target) !== false;
  }

  private readonly onHashChange = (): void => {
    // Before the content is ready the pending first follow picks the new hash up.
    if (!this.pending) this.follow();
  };
}
