// Registers <rd-appointment-form> (docs/architecture.md#elements). Importing this module is how a page, an
// entry point or another element's registration pulls the element in; the class itself lives in
// rd-appointment-form.component.ts and registers nothing.
import { RdAppointmentForm } from './rd-appointment-form.component.js';
import { defineElement } from '../shared/define.js';
// Every widget works inside a provider, also when only its own entry is loaded.
import '../rd-provider/rd-provider.js';

defineElement('rd-appointment-form', RdAppointmentForm);

export * from './rd-appointment-form.component.js';

declare global {
  interface HTMLElementTagNameMap {
    'rd-appointment-form': RdAppointmentForm;
  }
}
