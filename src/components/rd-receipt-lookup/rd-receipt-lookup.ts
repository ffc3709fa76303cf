// Registers <rd-receipt-lookup> (docs/architecture.md#elements). Importing this module is how a
// page or an entry point pulls the element in; the class lives in rd-receipt-lookup.component.ts.
import { RdReceiptLookup } from './rd-receipt-lookup.component.js';
import { defineElement } from '../shared/define.js';
// Every widget works inside a provider, also when only its own entry is loaded.
import '../rd-provider/rd-provider.js';

defineElement('rd-receipt-lookup', RdReceiptLookup);

export * from './rd-receipt-lookup.component.js';
export { setTransport, setLoader } from '../../services/transport.js';

declare global {
  interface HTMLElementTagNameMap {
    'rd-receipt-lookup': RdReceiptLookup;
  }
}
