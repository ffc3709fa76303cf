// dist/custom-elements.json is what editors, docs generators and framework wrappers read: every
// element is declared with its tag, and its attributes are exactly those the element observes.
import { expect } from '@open-wc/testing';
import '../../src/index.js';

interface Decl { kind: string; name: string; tagName?: string; customElement?: boolean; attributes?: Array<{ name: string }>; members?: Array<{ name: string; type?: { text: string } }> }
let decls: Decl[] = [];
before(async () => {
  const m = await (await fetch('/dist/custom-elements.json')).json();
  decls = m.modules.flatMap((mod: { declarations?: Decl[] }) => mod.declarations ?? []);
});

const TAGS = ['rd-provider', 'rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map', 'rd-appointment-form'];

describe('custom elements manifest', () => {
  for (const tag of TAGS) {
    it(`<${tag}>: declared with its tag; its attributes are the ones the element observes`, () => {
      const decl = decls.find((d) => d.tagName === tag);
      expect(decl, `${tag} in the manifest`).to.not.equal(undefined);
      const ctor = customElements.get(tag) as unknown as { observedAttributes: string[] };
      const observed = [...ctor.observedAttributes].sort();
      const declared = [...new Set((decl!.attributes ?? []).map((a) => a.name))].sort();
      expect(declared).to.deep.equal(observed);
    });
  }

  it('the transport and loader properties are typed on every widget and the provider', () => {
    for (const tag of TAGS) {
      const decl = decls.find((d) => d.tagName === tag)!;
      expect(decl.members?.find((m) => m.name === 'transport')?.type?.text, tag).to.equal('Transport | undefined');
      expect(decl.members?.find((m) => m.name === 'loader')?.type?.text, tag).to.equal('Loader | undefined');
    }
  });
});
