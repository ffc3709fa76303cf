// Registers <rd-deputy-card> (docs/architecture.md#elements). Importing this module is how a page, an
// entry point or another element's registration pulls the element in; the class itself lives in
// rd-deputy-card.component.ts and registers nothing.
import { RdDeputyCard, RdDeputyOpenEvent } from './rd-deputy-card.component.js';
import { defineElement } from '../shared/define.js';
// Every widget works inside a provider, also when only its own entry is loaded.
import '../rd-provider/rd-provider.js';
// Its booking form (<rd-appointment-form>) is imported when the citizen first opens it.

defineElement('rd-deputy-card', RdDeputyCard);

export * from './rd-deputy-card.component.js';
// The page-wide transport and loader, also for pages that load only this element (docs/integrating.md).
export { setTransport, setLoader } from '../../services/transport.js';
export type { Transport, Loader } from '../../services/transport.js';

declare global {
  interface HTMLElementTagNameMap {
    'rd-deputy-card': RdDeputyCard;
  }
  interface GlobalEventHandlersEventMap {
    'rd-deputy-open': RdDeputyOpenEvent;
  }
}
