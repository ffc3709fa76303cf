// Registers <rd-provider> (docs/architecture.md#elements). Importing this module is how a page, an
// entry point or another element's registration pulls the element in; the class itself lives in
// rd-provider.component.ts and registers nothing.
import { RdProvider } from './rd-provider.component.js';
import { defineElement } from '../shared/define.js';

defineElement('rd-provider', RdProvider);

export * from './rd-provider.component.js';

declare global {
  interface HTMLElementTagNameMap {
    'rd-provider': RdProvider;
  }
}
