// Custom elements manifest (dist/custom-elements.json), read by editors, docs generators and
// framework wrappers. The analyzer reads decorators and JSDoc; the configuration settings are one
// computed list (CONFIG_PROPERTIES in src/services/config.ts, shared by every widget and
// <rd-provider>), so this plugin writes them into the manifest from that list, with their types
// and descriptions from the RdConfig interface.
import { readFileSync } from 'node:fs';

function configSettings() {
  const src = readFileSync(new URL('./src/services/config.ts', import.meta.url), 'utf8');
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
            decl.members.push({ kind: 'field', name: s.name, type: { text: /undefined/.test(s.type) ? s.type : `${s.type} | undefined` }, description: s.description, ...(s.attribute ? { attribute: s.attribute } : {}), ...from });
          }
          if (s.attribute && !decl.attributes.some((a) => a.name === s.attribute)) {
            decl.attributes.push({ name: s.attribute, type: { text: s.type }, description: s.description, fieldName: s.name, ...from });
          }
        }
      }
    }
  },
});

export default {
  litelement: true,
  plugins: [configPlugin()],
};
