// The base every widget extends: common attributes (docs/contract.md#configuration), configuration resolved through
// the nearest <rd-provider>, locale and translations, large-text and kiosk modes, guarded
// registration, and an error boundary so a broken widget never breaks the page.
import { LitElement, adoptStyles, html, render, type CSSResultOrNative, type PropertyDeclarations, type PropertyValues } from 'lit';
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

/**
 * The shared design tokens (shared/styles.ts), read by every widget:
 *
 * @cssprop --rd-color-primary - Buttons, links, accents (default #b4001e).
 * @cssprop --rd-color-primary-contrast - Text on the primary colour (default #ffffff).
 * @cssprop --rd-color-text - Body text (default #1b1b1b).
 * @cssprop --rd-color-muted - Secondary text (default #505a5f).
 * @cssprop --rd-color-border - Borders of fields and boxes (default #6f777b).
 * @cssprop --rd-color-surface - Background (default #ffffff).
 * @cssprop --rd-color-subtle - Background of notices and panels (default #f3f2f1).
 * @cssprop --rd-color-error - Errors (default #c00000).
 * @cssprop --rd-color-success - Success and receipts (default #00703c).
 * @cssprop --rd-color-focus - Focus ring (default #ffbf47).
 * @cssprop --rd-space-1 - Spacing step 1 (default 4px).
 * @cssprop --rd-space-2 - Spacing step 2 (default 8px).
 * @cssprop --rd-space-3 - Spacing step 3 (default 12px).
 * @cssprop --rd-space-4 - Spacing step 4 (default 16px).
 * @cssprop --rd-space-6 - Spacing step 6 (default 24px).
 * @cssprop --rd-radius - Corner radius (default 4px).
 * @cssprop --rd-font-size - Base text size in px, immune to the page's root font size (default 16px).
 * @cssprop --rd-font-size-large - Text size in large mode (default 20px).
 */
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

  private translatorCache?: { locale: Locale; messages: unknown; provider: unknown; sets: unknown; t: Translate<string> };
  /** Catalogues of parts loaded later (the form machinery, a form half): see `useCatalogues`. */
  private laterCatalogues: ReadonlyArray<Catalogues<string>> = [];
  /** Stylesheets of parts loaded later: see `useStyles`. */
  private readonly laterStyles: CSSResultOrNative[] = [];
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
    if (!c || c.locale !== locale || c.messages !== this.messages || c.provider !== this.providerConfig?.messages || c.sets !== this.laterCatalogues) {
      const t = createTranslator<string>(this.allCatalogues(), locale, this.config.messages);
      this.translatorCache = { locale, messages: this.messages, provider: this.providerConfig?.messages, sets: this.laterCatalogues, t };
      return t(key, params);
    }
    return c.t(key, params);
  };

  /**
   * Before an update in a locale whose messages are not bundled (English), load them first, so a
   * page in English never flashes Chinese. `updateComplete` waits for this too.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = loadCatalogues(this.allCatalogues(), this.localeCtl.current());
    if (!pending) return super.scheduleUpdate();
    // A translator made while they loaded is made again; strings a part added meanwhile (their
    // own load started only now) are waited for too, before anything is drawn.
    return pending.then(() => { this.translatorCache = undefined; return this.scheduleUpdate(); });
  }

  /** The shared catalogue, the widget's own, then those its later parts brought. */
  private allCatalogues(): ReadonlyArray<Catalogues<string>> {
    return [sharedCatalogues, ...(this.constructor as typeof RdElement).catalogues, ...this.laterCatalogues];
  }

  /**
   * Adds the catalogues of a part that arrived after the first screen (README "Figures": a form
   * half, the directory, the form machinery's own strings). The next update uses them, after
   * loading the locale's catalogue if it is not bundled — an English page never flashes Chinese.
   * For the element's own parts and controllers, not a page's API.
   * @internal
   */
  useCatalogues(...sets: ReadonlyArray<Catalogues<string>>): void {
    const add = sets.filter((set) => !this.laterCatalogues.includes(set));
    if (!add.length) return;
    this.laterCatalogues = [...this.laterCatalogues, ...add];
    this.requestUpdate();
  }

  /**
   * Adds the stylesheets of a part that arrived after the first screen (a form half, the survey's
   * review and results) to the element's shadow root, after the element's own.
   * For the element's own parts, not a page's API.
   * @internal
   */
  useStyles(...styles: CSSResultOrNative[]): void {
    const add = styles.filter((s) => !this.laterStyles.includes(s));
    if (!add.length) return;
    this.laterStyles.push(...add);
    if (this.renderRoot instanceof ShadowRoot) this.adoptAll(this.renderRoot);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    if (this.laterStyles.length && root instanceof ShadowRoot) this.adoptAll(root);
    return root;
  }

  private adoptAll(root: ShadowRoot) {
    adoptStyles(root, [...(this.constructor as typeof RdElement).elementStyles, ...this.laterStyles]);
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
