// Strings that travel with a part of <rd-legislation-feedback> loaded when first needed (the form
// half, the legal-text parser's report: README "Figures"), not with the first screen: the part
// translates with the element first — its catalogues and the integrator's `messages` overrides —
// then with its own catalogue (zh-CN bundled in the part, English with the element's English).
import type { RdHost } from '../../controllers/host.js';
import { catalogueFor, format, loadCatalogues, type Catalogue, type Catalogues, type Locale } from '../../services/i18n/index.js';
import type { T } from '../../services/form-errors.js';

export interface PartMessages {
  /** The translator for `el`. */
  t(el: RdHost): T;
  /** Loads the part's strings for `locale` (undefined when at hand already, as loadCatalogues). */
  load(locale: Locale): Promise<void> | undefined;
  readonly catalogues: Catalogues<string>;
}

export function partMessages<K extends string>(set: Catalogues<K>): PartMessages {
  const zh: Readonly<Record<string, string>> = set['zh-CN'];
  const any = set as unknown as Catalogues<string>;
  return {
    catalogues: any,
    load: (locale) => loadCatalogues([any], locale),
    t: (el) => (key, params) => {
      const v = el.t(key, params);
      if (v !== key) return v;
      const own: Readonly<Record<string, string>> = (catalogueFor(any, el.locale) as Catalogue | undefined) ?? zh;
      return format(own[key] ?? zh[key] ?? key, params);
    },
  };
}
