import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import { consume, provide } from '@lit/context';
import { state } from 'lit/decorators.js';
import { rdConfigContext } from '../../controllers/context.js';
import { layerConfig, ownConfig, type ConfigAttributes, type ConfigInput } from '../../services/config.js';
import { configProperties } from '../shared/config-properties.js';

/** The configuration settings (one list: CONFIG_PROPERTIES in services/config.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-unsafe-declaration-merging
export interface RdProvider extends ConfigAttributes {}

/**
 * @tag rd-provider
 * @summary Shares configuration (endpoint, credentials, drafts, kiosk, large, headers, messages…)
 * with every rd-widget inside it. A widget's own attributes win over the provider's.
 * @slot - The widgets and any other page content.
 */
export class RdProvider extends LitElement {
  static override styles = css`:host { display: contents; }`;

  /** The configuration settings: the same list the widgets carry (CONFIG_PROPERTIES). */
  static override properties: PropertyDeclarations = configProperties();
  // Typed by the interface of the same name (ConfigAttributes) declared above; only the switches get defaults.
  draftContact = false;
  kiosk = false;
  large = false;

  @provide({ context: rdConfigContext })
  protected shared: ConfigInput = {};

  /** An enclosing provider's settings: a nested provider only overrides what it sets itself. */
  @consume({ context: rdConfigContext, subscribe: true })
  @state()
  protected outer?: ConfigInput;

  protected override willUpdate(): void {
    this.shared = this.outer ? layerConfig(ownConfig(this), this.outer) : ownConfig(this);
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}
