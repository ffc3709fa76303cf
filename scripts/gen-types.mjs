// Framework types and editor metadata, generated from dist/custom-elements.json by the build
// (README "Frameworks and editors"): nothing here is written by hand, so an element added to the
// manifest is typed everywhere.
//
//   react.d.ts                   React 19 JSX: attributes, properties and `on<event>` props
//   vue.d.ts                     Vue's GlobalComponents: props and `on…` handlers for @event
//   web-types.json               JetBrains editors
//   vscode.html-custom-data.json VS Code (`html.customData`)
//
// Types are not copied from the manifest's text: each is the element's own property type
// (`HTMLElementTagNameMap[tag][field]`) and each event its own class
// (`GlobalEventHandlersEventMap[name]`), both declared by the registration modules, so the
// generated files stay exact and need no import list.
//   node scripts/gen-types.mjs <custom-elements.json> <out dir> <types entry, relative to out dir>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const HEADER = '// Generated from custom-elements.json by scripts/gen-types.mjs: do not edit.\n';

/** The elements of a manifest: tag, summary, attributes, properties without one, events, parts, tokens, slots. */
export function elementsOf(manifest) {
  const out = [];
  for (const mod of manifest.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const attributes = (d.attributes ?? []).filter((a) => a.fieldName);
      const withAttr = new Set(attributes.map((a) => a.fieldName));
      const properties = (d.members ?? []).filter((m) => m.kind === 'field' && !m.static && !m.privacy && !m.readonly && m.type?.text && !withAttr.has(m.name));
      out.push({
        tag: d.tagName,
        className: d.name,
        summary: d.summary ?? d.description ?? '',
        attributes,
        properties,
        events: (d.events ?? []).filter((e) => e.name),
        parts: d.cssParts ?? [],
        tokens: d.cssProperties ?? [],
        slots: d.slots ?? [],
      });
    }
  }
  return out.sort((a, b) => a.tag.localeCompare(b.tag));
}

const q = (s) => JSON.stringify(s);
const camel = (s) => s.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
const oneLine = (s = '') => s.replace(/\s+/g, ' ').replace(/\*\//g, '* /').trim();
const doc = (s, pad) => (s ? `${pad}/** ${oneLine(s)} */\n` : '');

/** Members shared by the React and Vue declarations: attribute or property name → element type. */
function typedMembers(el, attrName) {
  const E = `HTMLElementTagNameMap[${q(el.tag)}]`;
  return [
    ...el.attributes.map((a) => [attrName(a), `${E}[${q(a.fieldName)}]`, a.description]),
    ...el.properties.map((p) => [p.name, `${E}[${q(p.name)}]`, p.description]),
  ];
}

export function reactTypes(elements, typesEntry) {
  let s = `${HEADER}// React 19 passes props of custom elements as properties when the element has one, else as
// attributes, and \`on<event name>\` props as listeners of that event: <rd-deputy-card
// deputy-id="dep-001" onrd-submitted={(e) => e.detail.receipt} />.
import type {} from ${q(typesEntry)};
import type { DetailedHTMLProps, HTMLAttributes } from 'react';

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
`;
  for (const el of elements) {
    const E = `HTMLElementTagNameMap[${q(el.tag)}]`;
    const members = typedMembers(el, (a) => a.name);
    const events = el.events.map((e) => [`on${e.name}`, `(event: GlobalEventHandlersEventMap[${q(e.name)}]) => void`, e.description]);
    const own = [...members, ...events];
    s += doc(el.summary, '      ');
    s += `      ${q(el.tag)}: Omit<DetailedHTMLProps<HTMLAttributes<${E}>, ${E}>, ${own.map(([n]) => q(n)).join(' | ') || 'never'}> & {\n`;
    for (const [n, t, d] of own) s += `${doc(d, '        ')}        ${q(n)}?: ${t};\n`;
    s += '      };\n';
  }
  s += '    }\n  }\n}\n';
  return s;
}

export function vueTypes(elements, typesEntry) {
  let s = `${HEADER}// Vue templates: props in either case (deputy-id / deputyId), and @rd-submit listeners typed by
// the event (Vue passes them as onRdSubmit). Tell Vue's compiler the rd-* tags are custom elements
// (compilerOptions.isCustomElement) so it renders them as such.
import type {} from ${q(typesEntry)};
import type { DefineComponent } from 'vue';

declare module 'vue' {
  interface GlobalComponents {
`;
  for (const el of elements) {
    const members = typedMembers(el, (a) => camel(a.name));
    const events = el.events.map((e) => [`on${camel(`-${e.name}`)}`, `(event: GlobalEventHandlersEventMap[${q(e.name)}]) => void`, e.description]);
    s += doc(el.summary, '    ');
    s += `    ${q(el.tag)}: DefineComponent<{\n`;
    for (const [n, t, d] of [...members, ...events]) s += `${doc(d, '      ')}      ${q(n)}?: ${t};\n`;
    s += '    }>;\n';
  }
  s += '  }\n}\n';
  return s;
}

export function webTypes(elements, pkg) {
  return {
    $schema: 'https://json.schemastore.org/web-types',
    name: pkg.name,
    version: pkg.version,
    'description-markup': 'markdown',
    contributions: {
      html: {
        elements: elements.map((el) => ({
          name: el.tag,
          description: el.summary,
          attributes: el.attributes.map((a) => ({
            name: a.name,
            description: a.description ?? '',
            ...(a.default !== undefined ? { default: a.default } : {}),
            value: { type: a.type?.text ?? 'string', required: false },
          })),
          js: {
            properties: [...el.attributes.map((a) => ({ name: a.fieldName, type: a.type?.text, description: a.description ?? '' })), ...el.properties.map((p) => ({ name: p.name, type: p.type.text, description: p.description ?? '' }))],
            events: el.events.map((e) => ({ name: e.name, description: `${e.description ?? ''} (detail: \`${e.detail?.text ?? 'undefined'}\`)` })),
          },
          slots: el.slots.map((x) => ({ name: x.name, description: x.description ?? '' })),
          'css-parts': el.parts.map((p) => ({ name: p.name, description: p.description ?? '' })),
        })),
      },
      css: {
        properties: [...new Map(elements.flatMap((el) => el.tokens).map((t) => [t.name, { name: t.name, description: t.description ?? '' }])).values()],
        parts: [...new Map(elements.flatMap((el) => el.parts).map((p) => [p.name, { name: p.name, description: p.description ?? '' }])).values()],
      },
    },
  };
}

/** Literal values of a union of string literals ('on' | 'off'), for the editor's completion list. */
const literals = (type = '') => {
  const parts = type.split('|').map((x) => x.trim()).filter((x) => x !== 'undefined');
  return parts.length && parts.every((x) => /^'[^']*'$/.test(x)) ? parts.map((x) => ({ name: x.slice(1, -1) })) : undefined;
};

export function vscodeData(elements) {
  return {
    version: 1.1,
    tags: elements.map((el) => ({
      name: el.tag,
      description: [el.summary, el.events.length ? `Events: ${el.events.map((e) => e.name).join(', ')}.` : '', el.parts.length ? `CSS parts: ${el.parts.map((p) => p.name).join(', ')}.` : ''].filter(Boolean).join('\n\n'),
      attributes: el.attributes.map((a) => {
        const values = literals(a.type?.text);
        return {
          name: a.name,
          description: `${a.description ?? ''}${a.default !== undefined ? ` (default ${a.default})` : ''}`.trim(),
          ...(a.type?.text === 'boolean' ? { valueSet: 'v' } : values ? { values } : {}),
        };
      }),
    })),
  };
}

export function generate(manifestFile, outDir, typesEntry) {
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
  const elements = elementsOf(manifest);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'react.d.ts'), reactTypes(elements, typesEntry));
  writeFileSync(join(outDir, 'vue.d.ts'), vueTypes(elements, typesEntry));
  writeFileSync(join(outDir, 'web-types.json'), `${JSON.stringify(webTypes(elements, pkg), null, 2)}\n`);
  writeFileSync(join(outDir, 'vscode.html-custom-data.json'), `${JSON.stringify(vscodeData(elements), null, 2)}\n`);
  return elements.map((e) => e.tag);
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').replace(/^.*\/scripts\//, '/scripts/'))) {
  const [manifestFile = 'dist/custom-elements.json', outDir = 'dist', typesEntry = './index.js'] = process.argv.slice(2);
  generate(manifestFile, outDir, typesEntry);
}
