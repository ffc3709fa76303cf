// dist/custom-elements.json against the source (docs/architecture.md#elements): every element folder
// is declared with its tag, and the CSS parts, `--rd-*` tokens and events its code exposes are
// exactly the ones its manifest entry declares — a part added to a template, a token read by a
// stylesheet or an event dispatched without its JSDoc line fails here, and so does a stale line.
// (The attributes and reactive properties are compared in the browser: test/components/manifest.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { elementTags, scanElement, dynamicParts, eventClasses } from '../../scripts/manifest-scan.mjs';

const manifest = JSON.parse(readFileSync('dist/custom-elements.json', 'utf8'));
const decls = manifest.modules.flatMap((m) => m.declarations ?? []);
const names = (list) => [...new Set((list ?? []).map((x) => x.name))].sort();

test('every element folder is declared as a custom element with its tag, and nothing else is', () => {
  const tags = elementTags();
  assert.ok(tags.includes('rd-legislation-feedback') && tags.includes('rd-provider'), tags.join());
  // RdElement, the abstract base, is a custom element class without a tag.
  const declared = decls.filter((d) => d.customElement && d.name !== 'RdElement').map((d) => d.tagName).sort();
  assert.deepEqual(declared, tags);
});

test('no part="${…}" the scan could not read', () => {
  assert.deepEqual(dynamicParts(), []);
});

for (const tag of elementTags()) {
  test(`<${tag}>: parts, tokens and events in the code are the ones in the manifest`, () => {
    const decl = decls.find((d) => d.tagName === tag);
    assert.ok(decl, `${tag} declared`);
    const code = scanElement(tag);
    assert.deepEqual(names(decl.cssParts), code.parts, 'CSS parts (@csspart)');
    assert.deepEqual(names(decl.cssProperties), code.tokens, 'CSS custom properties (@cssprop)');
    assert.deepEqual(names(decl.events), code.events, 'events (@event)');
  });

  test(`<${tag}>: every attribute, event, part and token is typed or described`, () => {
    const decl = decls.find((d) => d.tagName === tag);
    assert.ok(decl.summary || decl.description, 'a summary');
    for (const a of decl.attributes ?? []) {
      assert.ok(a.type?.text, `attribute ${a.name} has a type`);
      assert.ok(a.fieldName, `attribute ${a.name} names its property`);
      if (/^boolean$/.test(a.type.text)) assert.equal(a.default, 'false', `boolean attribute ${a.name} defaults to false`);
    }
    const classes = [...eventClasses().values()];
    for (const e of decl.events ?? []) {
      const c = classes.find((x) => x.name === e.name);
      assert.ok(c, `event ${e.name} has a class`);
      assert.match(e.type?.text ?? '', /^Rd\w+Event$/, `event ${e.name} typed by its class`);
      assert.ok(e.detail?.text, `event ${e.name} has a detail type`);
      assert.ok(e.description, `event ${e.name} described`);
    }
    for (const p of [...(decl.cssParts ?? []), ...(decl.cssProperties ?? [])]) assert.ok(p.description, `${p.name} described`);
  });
}

test('the configuration attributes carry their defaults (DEFAULT_CONFIG)', () => {
  const card = decls.find((d) => d.tagName === 'rd-deputy-card');
  const attr = (n) => card.attributes.find((a) => a.name === n);
  assert.equal(attr('timeout').default, '15000');
  assert.equal(attr('drafts').default, "'on'");
  assert.equal(attr('draft-ttl').default, '30');
  assert.equal(attr('kiosk').default, 'false');
  const submit = card.events.find((e) => e.name === 'rd-submit');
  assert.equal(submit.detail.text, '{ payload: unknown; headers: Record<string, string> }');
  assert.equal(submit.cancelable, true);
});

test("each element's README lists the CSS parts its manifest entry declares", async () => {
  const { existsSync } = await import('node:fs');
  for (const tag of elementTags()) {
    const file = `src/components/${tag}/README.md`;
    if (!existsSync(file)) continue;
    // "Parts: `a`, `b` (…), `c`." — up to the first ';' or the sentence's end.
    const sentence = /^Parts: ([\s\S]*?)(?:;|\.\s*$)/m.exec(readFileSync(file, 'utf8'));
    assert.ok(sentence, `${file} has a "Parts:" line`);
    const listed = [...sentence[1].replace(/\([^)]*\)/g, '').matchAll(/`([\w-]+)`/g)].map((m) => m[1]).sort();
    assert.deepEqual(listed, names(decls.find((d) => d.tagName === tag).cssParts), file);
  }
});
