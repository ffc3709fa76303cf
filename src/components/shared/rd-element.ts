// The base every widget extends: common attributes (docs/contract.md#configuration), configuration resolved through
// the nearest <rd-provider>, locale and translations, large-text and kiosk modes, guarded
// registration, and an error boundary so a broken widget never breaks the page.
import { LitElement, html, render, type PropertyDeclarations, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { rdConfigContext } from '../../controllers/context.js';
import { LocaleController } from '../../controllers/locale-controller.js';
import type { RdHost } from '../../controllers/host.js';
import { configProperties } from './config-properties.js';
import { defineElement } from './define.js';
import { layerConfig, ownConfig, resolveConfig, type ConfigAttributes, type ConfigInput, type RdConfig } from '../../services/config.js';
import { createTranslator, loadCatalogues, type Catalogues, type Locale, type Translate } from '../../services/i18n/index.js';
import { sharedCatalogues } from '../../services/i18n/shared.js';
import { baseStyles } from './styles.js';

/** The configuration settings (one list: CONFIG_PROPERTIES in services/config.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-unsafe-declaration-merging
export interface RdElement extends ConfigAttributes {}

export abstract class RdElement extends LitElement implements RdHost {
  static override styles = [baseStyles];
  /** The configuration settings (`kiosk` and `large` reflect, for host-page CSS). */
  static override properties: PropertyDeclarations = configProperties(['kiosk', 'large']);

  /** Widget catalogues, merged over the shared one (set by each widget). */
  static catalogues: ReadonlyArray<Catalogues<string>> = [];

  /** Registers the element once (an existing definition wins): see shared/define.ts. */
  static define(tag: string, ctor: CustomElementConstructor = this as unknown as CustomElementConstructor): void {
    defineElement(tag, ctor);
  }

  private readonly localeCtl = new LocaleController(this, () => undefined);

  @consume({ context: rdConfigContext, subscribe: true })
  @state()
  protected providerConfig?: ConfigInput;

  // The configuration settings: one list shared with <rd-provider> (CONFIG_PROPERTIES).
  // Typed by the interface of the same name (ConfigAttributes) declared above; only the switches get defaults.
  draftContact = false;
  kiosk = false;
  large = false;
  /** URL of the widget's data as JSON (the widget's own, never a provider's). */
  @property() src?: string;
  /** Overrides the whole POST URL (the widget's own). */
  @property({ attribute: 'submit-url' }) submitUrl?: string;
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
