// The widget's locale: `lang` on the element, else the closest `[lang]` ancestor (crossing shadow
// roots, so a provider or the page's <html lang> counts). Follows later changes of `lang`.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { resolveLocale, type Locale } from '../services/i18n/index.js';

export function closestLang(el: Element): string | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

export class LocaleController implements ReactiveController {
  value: Locale = 'zh-CN';
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement, private readonly override: () => string | undefined) {
    host.addController(this);
  }

  hostConnected() {
    this.refresh();
    this.observer = new MutationObserver(() => this.refresh());
    const watch = { attributes: true, attributeFilter: ['lang'], subtree: true };
    this.observer.observe(document.documentElement, watch);
    // Inside someone else's shadow DOM (a framework component), `lang` there counts too.
    for (let root = this.host.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
      this.observer.observe(root, watch);
    }
  }

  hostDisconnected() {
    this.observer?.disconnect();
  }

  hostUpdate() {
    this.value = this.current();
  }

  /** The locale the next update will use (read fresh from `lang`). */
  current(): Locale {
    return resolveLocale(this.override() || closestLang(this.host));
  }

  private refresh() {
    const next = this.current();
    if (next !== this.value) {
      this.value = next;
      this.host.requestUpdate();
    }
  }
}
