// dist/custom-elements.json is what editors, docs generators and framework wrappers read: every
// element is declared with its tag, its attributes are exactly those the element observes and its
// public reactive properties are all declared. (Parts, tokens and events against the source, and
// every element folder declared: test/e2e/manifest.test.mjs.)
import { expect } from '@open-wc/testing';
import '../../src/index.js';

interface Decl { kind: string; name: string; tagName?: string; customElement?: boolean; attributes?: Array<{ name: string }>; members?: Array<{ name: string; kind: string; static?: boolean; privacy?: string; type?: { text: string } }> }
let decls: Decl[] = [];
// Every declared element (which folders must be declared: test/e2e/manifest.test.mjs).
let TAGS: string[] = [];
before(async () => {
  const m = await (await fetch('/dist/custom-elements.json')).json();
  decls = m.modules.flatMap((mod: { declarations?: Decl[] }) => mod.declarations ?? []);
  TAGS = decls.filter((d) => d.customElement && d.tagName).map((d) => d.tagName!);
});

describe('custom elements manifest', () => {
  it('declares the elements', () => {
    for (const t of ['rd-provider', 'rd-legislation-feedback', 'rd-deputy-card', 'rd-satisfaction-survey', 'rd-station-map', 'rd-appointment-form']) expect(TAGS).to.include(t);
  });

  it('every public reactive property of every element is a declared, typed field', () => {
    for (const tag of TAGS) {
      const decl = decls.find((d) => d.tagName === tag)!;
      const ctor = customElements.get(tag) as unknown as { elementProperties: Map<string, { state?: boolean }> };
      const fields = new Map((decl.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy).map((m) => [m.name, m]));
      for (const [name, opts] of ctor.elementProperties) {
        if (opts.state) continue;
        expect(fields.has(name), `${tag}.${name} in the manifest`).to.equal(true);
        expect(fields.get(name)!.type?.text, `${tag}.${name} typed`).to.be.a('string');
      }
    }
  });

  it("each element's declared attributes are the ones it observes", () => {
    for (const tag of TAGS) {
      const decl = decls.find((d) => d.tagName === tag);
      const ctor = customElements.get(tag) as unknown as { observedAttributes: string[] };
      expect(ctor, `${tag} registered by src/index.ts`).to.not.equal(undefined);
      const observed = [...ctor.observedAttributes].sort();
      const declared = [...new Set((decl!.attributes ?? []).map((a) => a.name))].sort();
      expect(declared, tag).to.deep.equal(observed);
    }
  });

  it('the transport and loader properties are typed on every widget and the provider', () => {
    for (const tag of TAGS) {
      const decl = decls.find((d) => d.tagName === tag)!;
      expect(decl.members?.find((m) => m.name === 'transport')?.type?.text, tag).to.equal('Transport | undefined');
      expect(decl.members?.find((m) => m.name === 'loader')?.type?.text, tag).to.equal('Loader | undefined');
    }
  });
});
