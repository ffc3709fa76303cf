import { LitElement, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { consume, provide } from '@lit/context';
import { state } from 'lit/decorators.js';
import { rdConfigContext } from '../../controllers/context.js';
import { layerConfig, ownConfig, type ConfigInput, type Credentials } from '../../services/config.js';
import type { MessageOverrides } from '../../services/i18n/index.js';
import { RdElement } from '../shared/rd-element.js';

/**
 * @summary Shares configuration (endpoint, credentials, drafts, kiosk, large, headers, messages…)
 * with every rd-widget inside it. A widget's own attributes win over the provider's.
 * @slot - The widgets and any other page content.
 */
export class RdProvider extends LitElement {
  static override styles = css`:host { display: contents; }`;

  /** Base URL of the integrator's API. */
  @property() endpoint?: string;
  /** `omit` (default) | `same-origin` | `include`. */
  @property() credentials?: Credentials;
  /** `on` (default) | `off`. */
  @property() drafts?: 'on' | 'off';
  @property({ attribute: 'draft-ttl', type: Number }) draftTtl?: number;
  @property({ attribute: 'draft-contact', type: Boolean }) draftContact = false;
  @property({ type: Boolean }) kiosk = false;
  @property({ attribute: 'kiosk-timeout', type: Number }) kioskTimeout?: number;
  @property({ type: Boolean }) large = false;
  @property({ type: Number }) timeout?: number;
  @property({ attribute: 'privacy-url' }) privacyUrl?: string;
  @property({ attribute: 'privacy-version' }) privacyVersion?: string;
  @property({ attribute: 'reply-window' }) replyWindow?: string;
  @property({ attribute: false }) headers?: Record<string, string>;
  @property({ attribute: false }) messages?: MessageOverrides;

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

RdElement.define('rd-provider', RdProvider);

declare global {
  interface HTMLElementTagNameMap {
    'rd-provider': RdProvider;
  }
}
