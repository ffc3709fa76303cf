// Registers <rd-satisfaction-survey> (docs/architecture.md#elements). Importing this module is how a page, an
// entry point or another element's registration pulls the element in; the class itself lives in
// rd-satisfaction-survey.component.ts and registers nothing.
import { RdSatisfactionSurvey } from './rd-satisfaction-survey.component.js';
import { defineElement } from '../shared/define.js';
// Every widget works inside a provider, also when only its own entry is loaded.
import '../rd-provider/rd-provider.js';

defineElement('rd-satisfaction-survey', RdSatisfactionSurvey);

export * from './rd-satisfaction-survey.component.js';
// The page-wide transport and loader, also for pages that load only this element (docs/integrating.md).
export { setTransport, setLoader } from '../../services/transport.js';
export type { Transport, Loader } from '../../services/transport.js';

declare global {
  interface HTMLElementTagNameMap {
    'rd-satisfaction-survey': RdSatisfactionSurvey;
  }
}
