import { LitElement, css, html, type PropertyDeclarations } from 'lit';
import { consume, provide } from '@lit/context';
import { state } from 'lit/decorators.js';
import { rdConfigContext } from '../../controllers/context.js';
import { layerConfig, ownConfig, type ConfigInput, type Credentials } from '../../services/config.js';
import type { MessageOverrides } from '../../services/i18n/index.js';
import { configProperties } from '../shared/config-properties.js';

/**
 * @summary Shares configuration (endpoint, credentials, drafts, kiosk, large, headers, messages…)
 * with every rd-widget inside it. A widget's own attributes win over the provider's.
 * @slot - The widgets and any other page content.
 */
export class RdProvider extends LitElement {
  static override styles = css`:host { display: contents; }`;

  /** The configuration settings: the same list the widgets carry (CONFIG_PROPERTIES). */
  static override properties: PropertyDeclarations = configProperties();
  declare endpoint?: string;
  declare credentials?: Credentials;
  declare drafts?: 'on' | 'off';
  declare draftTtl?: number;
  draftContact = false;
  kiosk = false;
  declare kioskTimeout?: number;
  large = false;
  declare timeout?: number;
  declare privacyUrl?: string;
  declare privacyVersion?: string;
  declare replyWindow?: string;
  declare headers?: Record<string, string>;
  declare messages?: MessageOverrides;

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
