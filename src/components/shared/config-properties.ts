// Lit property declarations for the configuration settings, from the one list in
// services/config.ts: the base element and <rd-provider> both declare them from here.
import type { PropertyDeclaration, PropertyDeclarations } from 'lit';
import { CONFIG_PROPERTIES } from '../../services/config.js';

export function configProperties(reflect: readonly string[] = []): PropertyDeclarations {
  const out: Record<string, PropertyDeclaration> = {};
  for (const [name, d] of Object.entries(CONFIG_PROPERTIES)) {
    out[name] = { attribute: d.attribute ?? name.toLowerCase(), ...(d.type ? { type: d.type } : {}), ...(reflect.includes(name) ? { reflect: true } : {}) };
  }
  return out;
}
