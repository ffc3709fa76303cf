// Custom elements manifest (dist/custom-elements.json), read by editors, docs generators and
// framework wrappers. The analyzer reads decorators and JSDoc; the configuration settings are one
// computed list (CONFIG_PROPERTIES in src/services/config.ts, shared by every widget and
// <rd-provider>), so this plugin writes them into the manifest from that list, with their types
// and descriptions from the RdConfig interface.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

function configSettings() {
  const src = readFileSync(new URL('./src/services/config.ts', import.meta.url), 'utf8');
  const defaults = Object.fromEntries(
    [.../export const DEFAULT_CONFIG[^{]*\{([\s\S]*?)\n\}/.exec(src)[1].matchAll(/^\s*(\w+):\s*([^,\n]+),/gm)]
      .filter(([, , v]) => !/^(Object\.freeze|undefined)/.test(v))
      .map(([, k, v]) => [k, v.replace(/_/g, '')]),
  );
  const list = /export const CONFIG_PROPERTIES[^=]*=\s*\{([\s\S]*?)\n\};/.exec(src)[1];
  const iface = /export interface RdConfig \{([\s\S]*?)\n\}/.exec(src)[1];
  const docs = {};
  const types = {};
  let pending = '';
  for (const line of iface.split('\n')) {
    const doc = /\/\*\*\s*(.*?)\s*\*\//.exec(line);
    if (doc) { pending = doc[1]; continue; }
    const field = /^\s*(\w+):\s*([^;]+);/.exec(line);
    if (field) { docs[field[1]] = pending; types[field[1]] = field[2].trim(); pending = ''; }
  }
  return [...list.matchAll(/^\s*(\w+):\s*\{([^}]*)\}/gm)].map(([, name, body]) => {
    const attr = /attribute:\s*(false|'([^']+)')/.exec(body);
    return {
      name,
      attribute: attr ? (attr[1] === 'false' ? null : attr[2]) : name.toLowerCase(),
      type: types[name] ?? 'unknown',
      default: defaults[name],
      description: docs[name] || `Configuration setting \`${name}\` (README "Configuration").`,
    };
  });
}

const configPlugin = () => ({
  name: 'rd-config-settings',
  packageLinkPhase({ customElementsManifest }) {
    const settings = configSettings();
    const base = { name: 'RdElement', module: 'src/components/shared/rd-element.ts' };
    for (const mod of customElementsManifest.modules) {
      for (const decl of mod.declarations ?? []) {
        if (decl.kind !== 'class') continue;
        // Declared on the base element and the provider; inherited by every widget (the analyzer
        // has already copied inherited members when this runs, so the widgets get them here).
        const own = decl.name === 'RdElement' || decl.name === 'RdProvider';
        if (!own && decl.superclass?.name !== 'RdElement') continue;
        const from = own ? {} : { inheritedFrom: base };
        decl.members ??= [];
        decl.attributes ??= [];
        for (const s of settings) {
          if (!decl.members.some((m) => m.name === s.name)) {
            decl.members.push({ kind: 'field', name: s.name, type: { text: /undefined/.test(s.type) ? s.type : `${s.type} | undefined` }, ...(s.default !== undefined ? { default: s.default } : {}), description: s.description, ...(s.attribute ? { attribute: s.attribute } : {}), ...from });
          }
          if (s.attribute && !decl.attributes.some((a) => a.name === s.attribute)) {
            decl.attributes.push({ name: s.attribute, type: { text: s.type }, ...(s.default !== undefined ? { default: s.default } : {}), description: s.description, fieldName: s.name, ...from });
          }
        }
      }
    }
  },
});

// The public event classes (src/events/ and the elements' own, docs/architecture.md#the-rest-of-the-repository):
// every `class X extends Event` with its name and the type of its `detail`, read from the source.
function eventClasses() {
  const root = new URL('./src/', import.meta.url).pathname;
  const out = new Map();
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) { walk(p); continue; }
      if (!p.endsWith('.ts')) continue;
      const code = readFileSync(p, 'utf8');
      for (const m of code.matchAll(/class (\w+) extends Event \{([\s\S]*?)\n\}/g)) {
        const name = /super\(\s*'([\w-]+)'/.exec(m[2])?.[1];
        if (!name) continue;
        const at = m[2].search(/readonly detail(?:\??):\s*/);
        let detail = 'undefined';
        if (at >= 0) {
          const start = m[2].indexOf(':', at) + 1;
          let depth = 0, i = start;
          for (; i < m[2].length; i++) {
            const c = m[2][i];
            if ('{<(['.includes(c)) depth++;
            else if ('}>)]'.includes(c)) { if (depth === 0) break; depth--; }
            else if (depth === 0 && (c === '=' || c === ';' || c === ',')) break;
          }
          detail = m[2].slice(start, i).trim().replace(/\s+/g, ' ');
        }
        const cancelable = /cancelable:\s*true|init\(true\)/.test(m[2]);
        out.set(name, { className: m[1], detail, cancelable, module: relative(new URL('.', import.meta.url).pathname, p) });
      }
    }
  };
  walk(root);
  return out;
}

// Each event: named (the analyzer also lists `dispatchEvent(new X())` calls without a name: dropped,
// the JSDoc @event lines name them), typed by its class and, as `detail`, the type of its detail.
const eventsPlugin = () => ({
  name: 'rd-event-types',
  packageLinkPhase({ customElementsManifest }) {
    const classes = eventClasses();
    for (const mod of customElementsManifest.modules) {
      for (const decl of mod.declarations ?? []) {
        if (!decl.events) continue;
        const seen = new Set();
        decl.events = decl.events.filter((e) => e.name && !seen.has(e.name) && seen.add(e.name)).map((e) => {
          const c = classes.get(e.name);
          if (!c) throw new Error(`manifest: no event class for ${e.name} (${decl.name})`);
          return { ...e, type: { text: c.className, references: [{ name: c.className, module: c.module }] }, detail: { text: c.detail }, ...(c.cancelable ? { cancelable: true } : {}) };
        });
      }
    }
  },
});

// Private members are the element's own business: not in the published manifest (a third of it).
const publicOnly = () => ({
  name: 'rd-public-only',
  packageLinkPhase({ customElementsManifest }) {
    for (const mod of customElementsManifest.modules) {
      for (const decl of mod.declarations ?? []) {
        if (decl.members) decl.members = decl.members.filter((m) => m.privacy !== 'private' && !m.name.startsWith('#'));
      }
    }
  },
});

export default {
  litelement: true,
  plugins: [configPlugin(), eventsPlugin(), publicOnly()],
};
