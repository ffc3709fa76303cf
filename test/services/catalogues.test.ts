// Every key of every catalogue (shared + each widget's) exists, non-empty, in every locale.
import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { RdElement } from '../../src/components/shared/rd-element.js';
import { missingKeys, SUPPORTED_LOCALES } from '../../src/services/i18n/index.js';
import { sharedCatalogues } from '../../src/services/i18n/shared.js';
import { formCatalogues } from '../../src/services/i18n/forms.js';

const WIDGETS = ['rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map', 'rd-receipt-lookup'];

describe('message catalogues', () => {
  it('the shared catalogue and the form machinery\'s are complete in every locale', async () => {
    expect(await missingKeys(sharedCatalogues)).to.deep.equal([]);
    expect(await missingKeys(formCatalogues)).to.deep.equal([]);
    expect(SUPPORTED_LOCALES).to.deep.equal(['zh-CN', 'en']);
  });

  for (const tag of WIDGETS) {
    it(`<${tag}>: registered by the all-in-one entry, catalogues complete`, async () => {
      const ctor = customElements.get(tag) as unknown as typeof RdElement | undefined;
      expect(ctor, `${tag} is registered`).to.exist;
      expect(ctor!.prototype).to.be.instanceOf(RdElement);
      expect(ctor!.catalogues.length, 'has its own catalogue').to.be.greaterThan(0);
      for (const set of ctor!.catalogues) expect(await missingKeys(set)).to.deep.equal([]);
    });
  }
});
