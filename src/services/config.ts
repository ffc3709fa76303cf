// Configuration resolution (docs/contract.md#configuration): the widget's own attributes/properties, then the nearest
// <rd-provider>, then built-in defaults. Plain data in, plain data out.
import type { MessageOverrides } from './i18n/index.js';
import type { Loader, Transport } from './transport.js';

export type Credentials = 'omit' | 'same-origin' | 'include';

export interface RdConfig {
  endpoint: string;
  lang: string;
  credentials: Credentials;
  drafts: 'on' | 'off';
  draftTtl: number;
  /** Opt-in: write contact details (phone, e-mail, ID-like fields) into drafts. */
  draftContact: boolean;
  kiosk: boolean;
  large: boolean;
  /** Seconds of inactivity before a kiosk clears itself. */
  kioskTimeout: number;
  /** Request timeout in milliseconds. */
  timeout: number;
  headers: Readonly<Record<string, string>>;
  messages: MessageOverrides;
  /** Privacy notice: link to the full text, version recorded with the consent. */
  privacyUrl: string;
  privacyVersion: string;
  /** Reply window promised to citizens, shown with receipts (e.g. "一个月内"). */
  replyWindow: string;
  /** The portal's lookup page (a page with <rd-receipt-lookup>): receipts link to it with number and code filled in. */
  lookupUrl: string;
  /** Sends submissions instead of fetch (docs/integrating.md); else the page's, else fetch. */
  transport: Transport | undefined;
  /** Loads the widget's data instead of fetch (docs/integrating.md); else the page's, else fetch. */
  loader: Loader | undefined;
}

export type ConfigInput = { [K in keyof RdConfig]?: RdConfig[K] | null | undefined };

export const DEFAULT_CONFIG: RdConfig = Object.freeze({
  endpoint: '',
  lang: '',
  credentials: 'omit',
  drafts: 'on',
  draftTtl: 30,
  draftContact: false,
  kiosk: false,
  large: false,
  kioskTimeout: 120,
  timeout: 15_000,
  headers: Object.freeze({}),
  messages: Object.freeze({}),
  privacyUrl: '',
  privacyVersion: '1',
  replyWindow: '',
  lookupUrl: '',
  transport: undefined,
  loader: undefined,
}) as RdConfig;

/** The configuration attributes/properties an element (widget or provider) carries. */
export type ConfigSource = { [K in Exclude<keyof RdConfig, 'lang'>]?: RdConfig[K] | null } & {
  getAttribute(name: string): string | null;
};

/** How one setting is carried on an element: its attribute (false: property only) and type. */
export interface ConfigProperty {
  attribute?: string | false;
  type?: typeof Number | typeof Boolean;
}

/**
 * Every configuration setting, as both a widget and <rd-provider> carry it: one list for the two
 * elements (README "Configuration"). Adding a setting here adds it to both.
 */
export const CONFIG_PROPERTIES: { readonly [K in Exclude<keyof RdConfig, 'lang'>]: ConfigProperty } = {
  endpoint: {},
  credentials: {},
  drafts: {},
  draftTtl: { attribute: 'draft-ttl', type: Number },
  draftContact: { attribute: 'draft-contact', type: Boolean },
  kiosk: { type: Boolean },
  kioskTimeout: { attribute: 'kiosk-timeout', type: Number },
  large: { type: Boolean },
  timeout: { type: Number },
  privacyUrl: { attribute: 'privacy-url' },
  privacyVersion: { attribute: 'privacy-version' },
  replyWindow: { attribute: 'reply-window' },
  lookupUrl: { attribute: 'lookup-url' },
  headers: { attribute: false },
  messages: { attribute: false },
  transport: { attribute: false },
  loader: { attribute: false },
};

/** The configuration settings as typed properties of an element (widget or provider). */
export type ConfigAttributes = { -readonly [K in keyof typeof CONFIG_PROPERTIES]?: RdConfig[K] };

/** Reads an element's own configuration layer (`lang` from its attribute, not the inherited one). */
export function ownConfig(el: ConfigSource): ConfigInput {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(CONFIG_PROPERTIES) as Array<keyof typeof CONFIG_PROPERTIES>) out[key] = el[key];
  out.lang = el.getAttribute('lang') ?? undefined;
  return out as ConfigInput;
}

export class RdConfigError extends Error {
  override readonly name = 'RdConfigError';
}

const CREDENTIALS: readonly Credentials[] = ['omit', 'same-origin', 'include'];

/** Reads an attribute-ish value into the typed config field; invalid values are dropped (→ next layer). */
function normalise<K extends keyof RdConfig>(key: K, value: unknown): RdConfig[K] | undefined {
  if (value === null || value === undefined) return undefined;
  switch (key) {
    case 'credentials':
      return (CREDENTIALS.includes(value as Credentials) ? value : undefined) as RdConfig[K] | undefined;
    case 'drafts': {
      const v = String(value).trim().toLowerCase();
      if (v === 'off' || v === 'false' || v === 'no') return 'off' as RdConfig[K];
      if (v === 'on' || v === 'true' || v === 'yes' || v === '') return 'on' as RdConfig[K];
      return undefined;
    }
    case 'draftTtl':
    case 'timeout':
    case 'kioskTimeout': {
      const n = typeof value === 'number' ? value : Number(String(value).trim());
      return (Number.isFinite(n) && n > 0 ? n : undefined) as RdConfig[K] | undefined;
    }
    case 'kiosk':
    case 'large':
    case 'draftContact':
      return (typeof value === 'boolean' ? (value || undefined) : undefined) as RdConfig[K] | undefined;
    case 'endpoint':
      return (typeof value === 'string' && value.trim() ? value.trim().replace(/\/+$/, '') : undefined) as RdConfig[K] | undefined;
    case 'headers':
    case 'messages':
      return (typeof value === 'object' ? value : undefined) as RdConfig[K] | undefined;
    case 'transport':
    case 'loader':
      return (typeof value === 'function' ? value : undefined) as RdConfig[K] | undefined;
    default:
      return (typeof value === 'string' && value !== '' ? value : undefined) as RdConfig[K] | undefined;
  }
}

/**
 * Layers configuration inputs: a defined value of `upper` wins over `lower`; `headers` and
 * `messages` merge key by key. For a widget inside another (the booking form inside the station
 * map): the outer widget's own settings sit between the inner one's and the provider's.
 */
export function layerConfig(upper: ConfigInput = {}, lower: ConfigInput = {}): ConfigInput {
  const out: Record<string, unknown> = { ...lower };
  for (const [k, v] of Object.entries(upper) as Array<[keyof ConfigInput, unknown]>) {
    if (k === 'headers' || k === 'messages') {
      if (v && typeof v === 'object') out[k] = { ...((lower[k] as object | undefined) ?? {}), ...(v as object) };
    } else if (normalise(k as keyof RdConfig, v) !== undefined) out[k] = v;
  }
  return out as ConfigInput;
}

/**
 * Resolves the effective configuration. `own` wins over `provider`, which wins over defaults.
 * Booleans only switch on (a widget cannot switch off a provider's `kiosk` by omission).
 * `headers` and `messages` merge key by key (own keys win).
 */
export function resolveConfig(own: ConfigInput = {}, provider: ConfigInput = {}): RdConfig {
  const out = { ...DEFAULT_CONFIG } as Record<keyof RdConfig, unknown>;
  for (const key of Object.keys(DEFAULT_CONFIG) as Array<keyof RdConfig>) {
    const p = normalise(key, provider[key]);
    const o = normalise(key, own[key]);
    if (key === 'headers' || key === 'messages') {
      out[key] = { ...(DEFAULT_CONFIG[key] as object), ...((p as object) ?? {}), ...((o as object) ?? {}) };
      continue;
    }
    if (o !== undefined) out[key] = o;
    else if (p !== undefined) out[key] = p;
  }
  const cfg = out as unknown as RdConfig;
  // Kiosk: shared device. No drafts, large text.
  if (cfg.kiosk) return { ...cfg, drafts: 'off', large: true };
  return cfg;
}

/** Joins the endpoint and a route; throws RdConfigError when there is no endpoint to join. */
export function endpointUrl(endpoint: string, route: string): string {
  if (!endpoint) throw new RdConfigError(`No endpoint configured for ${route}`);
  return `${endpoint.replace(/\/+$/, '')}/${route.replace(/^\/+/, '')}`;
}
