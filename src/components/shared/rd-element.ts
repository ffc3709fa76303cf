// The base every widget extends: common attributes (CONTRACT.md), configuration resolved through
// the nearest <rd-provider>, locale and translations, large-text and kiosk modes, guarded
// registration, and an error boundary so a broken widget never breaks the page.
import { LitElement, html, render, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { rdConfigContext } from '../../controllers/context.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import { layerConfig, ownConfig, resolveConfig, type ConfigInput, type Credentials, type RdConfig } from '../../services/config.js';
import { createTranslator, loadCatalogues, type Catalogues, type Locale, type MessageOverrides, type Translate } from '../../services/i18n/index.js';
import { sharedCatalogues } from '../../services/i18n/shared.js';
import { baseStyles } from './styles.js';

export abstract class RdElement extends LitElement {
  static override styles = [baseStyles];

  /** Widget catalogues, merged over the shared one (set by each widget). */
  static catalogues: ReadonlyArray<Catalogues<string>> = [];

  /**
   * Registers the element once. Loading the script twice, or two versions on one page, must not
   * throw: an existing definition wins.
   */
  static define(tag: string, ctor: CustomElementConstructor = this as unknown as CustomElementConstructor): void {
    if (!customElements.get(tag)) {
      try {
        customElements.define(tag, ctor);
      } catch {
        /* defined concurrently by another copy */
      }
    }
  }

  private readonly localeCtl = new LocaleController(this, () => undefined);

  @consume({ context: rdConfigContext, subscribe: true })
  @state()
  protected providerConfig?: ConfigInput;

  /** Base URL of the integrator's API. */
  @property() endpoint?: string;
  /** URL of the widget's data as JSON. */
  @property() src?: string;
  /** Credentials for requests: `omit` (default), `same-origin`, `include`. */
  @property() credentials?: Credentials;
  /** `on` (default) or `off`: keep unfinished input on this device. */
  @property() drafts?: 'on' | 'off';
  /** Days a draft is kept (default 30). */
  @property({ attribute: 'draft-ttl', type: Number }) draftTtl?: number;
  /** Also keep contact details (phone, e-mail, ID-like fields) in drafts. Off by default. */
  @property({ attribute: 'draft-contact', type: Boolean }) draftContact = false;
  /** Shared touch-screen mode: no drafts, large text, clears itself after inactivity. */
  @property({ type: Boolean, reflect: true }) kiosk = false;
  /** Kiosk: seconds without input before the form clears itself (default 120). */
  @property({ attribute: 'kiosk-timeout', type: Number }) kioskTimeout?: number;
  /** 适老化 large-text mode. */
  @property({ type: Boolean, reflect: true }) large = false;
  /** Overrides the whole POST URL. */
  @property({ attribute: 'submit-url' }) submitUrl?: string;
  /** Request timeout in ms (default 15000). */
  @property({ type: Number }) timeout?: number;
  /** Link to the full personal-information notice. */
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;
  /** Version of the notice the citizen consents to (recorded with the consent). */
  @property({ attribute: 'privacy-version' }) privacyVersion?: string;
  /** Reply window promised with receipts, e.g. "一个月内". */
  @property({ attribute: 'reply-window' }) replyWindow?: string;
  /** Extra request headers (property only). */
  @property({ attribute: false }) headers?: Record<string, string>;
  /** Per-string message overrides (property only). */
  @property({ attribute: false }) messages?: MessageOverrides;
  /**
   * For a widget rendered inside another (the booking form in the station map and the deputy
   * card): the outer widget's own settings, between this one's and the provider's.
   */
  @property({ attribute: false }) hostConfig?: ConfigInput;

  private translatorCache?: { locale: Locale; messages: unknown; provider: unknown; t: Translate<string> };
  private kioskTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly onActivity = () => this.armKioskTimer();

  /** Effective configuration: own attributes > nearest provider > defaults. */
  get config(): RdConfig {
    return resolveConfig(ownConfig(this), this.hostConfig ? layerConfig(this.hostConfig, this.providerConfig) : this.providerConfig);
  }

  /** The locale in use: `zh-CN` (default) or `en`. */
  get locale(): Locale {
    return this.localeCtl.value;
  }

  /** Translates a key with the shared + widget catalogues and the integrator's overrides. */
  t = (key: string, params?: Readonly<Record<string, string | number>>): string => {
    const locale = this.locale;
    const c = this.translatorCache;
    if (!c || c.locale !== locale || c.messages !== this.messages || c.provider !== this.providerConfig?.messages) {
      const ctor = this.constructor as typeof RdElement;
      const t = createTranslator<string>([sharedCatalogues, ...ctor.catalogues], locale, this.config.messages);
      this.translatorCache = { locale, messages: this.messages, provider: this.providerConfig?.messages, t };
      return t(key, params);
    }
    return c.t(key, params);
  };

  /**
   * Before an update in a locale whose messages are not bundled (English), load them first, so a
   * page in English never flashes Chinese. `updateComplete` waits for this too.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const ctor = this.constructor as typeof RdElement;
    const pending = loadCatalogues([sharedCatalogues, ...ctor.catalogues], this.localeCtl.current());
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Kiosk: called after `kioskTimeout` seconds without input. Widgets clear their form here. */
  protected kioskReset(): void {}

  override connectedCallback(): void {
    super.connectedCallback();
    for (const type of ['pointerdown', 'keydown', 'input', 'focusin']) this.addEventListener(type, this.onActivity, { passive: true });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.kioskTimer);
    for (const type of ['pointerdown', 'keydown', 'input', 'focusin']) this.removeEventListener(type, this.onActivity);
  }

  private armKioskTimer() {
    clearTimeout(this.kioskTimer);
    const cfg = this.config;
    if (!cfg.kiosk) return;
    this.kioskTimer = setTimeout(() => this.kioskReset(), cfg.kioskTimeout * 1000);
  }

  /** Error boundary: a rendering error shows a notice inside this widget only. */
  protected override update(changed: PropertyValues): void {
    try {
      super.update(changed);
    } catch (err) {
      console.error(`[rd-widgets] <${this.localName}> failed to render`, err);
      render(html`<div class="rd-notice rd-notice--error" role="alert">${this.t('widget.crashed')}</div>`, this.renderRoot as HTMLElement);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const cfg = this.config;
    this.toggleAttribute('data-rd-large', cfg.large);
    if (cfg.kiosk && this.kioskTimer === undefined) this.armKioskTimer();
  }
}
