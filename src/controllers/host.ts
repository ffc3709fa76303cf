// What a controller needs from the element it serves. Controllers depend on this interface, never
// on src/components/ (docs/architecture.md#layers): the base element implements it, and a test
// can hand a controller any object that does.
import type { ReactiveControllerHost } from 'lit';
import type { RdConfig } from '../services/config.js';
import type { Catalogues, Locale } from '../services/i18n/index.js';

export type Translate = (key: string, params?: Readonly<Record<string, string | number>>) => string;

export interface RdHost extends ReactiveControllerHost, HTMLElement {
  /** Effective configuration (own attributes > hostConfig > nearest provider > defaults). */
  readonly config: RdConfig;
  /** The locale in use. */
  readonly locale: Locale;
  /** Translates with the shared and the element's catalogues. */
  readonly t: Translate;
  /** The element's own POST URL override (`submit-url`), if any. */
  readonly submitUrl?: string;
  /** URL of the element's data (`src`), if any. */
  readonly src?: string;
  readonly shadowRoot: ShadowRoot | null;
  /** Adds message catalogues a controller's strings come from (RdElement.useCatalogues). */
  useCatalogues?(...sets: ReadonlyArray<Catalogues<string>>): void;
}
