// Typed message catalogues. zh-CN is the default and the source of keys; every other locale must
// have every key (the type system checks it, and a test checks it at run time).

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Catalogue<K extends string = string> = Readonly<Record<K, string>>;
export type Catalogues<K extends string> = { readonly [L in Locale]: Catalogue<K> };

/** Per-string overrides: flat `{key: text}` for every locale, or `{ 'en': {key: text} }` per locale. */
export type MessageOverrides = Readonly<Record<string, string | Readonly<Record<string, string>>>>;

/** Maps any BCP 47 tag to a supported locale: `en`, `en-GB` → en; `zh`, `zh-Hans-CN`, '' → zh-CN. */
export function resolveLocale(tag: string | null | undefined): Locale {
  const t = (tag ?? '').trim().toLowerCase();
  if (!t) return DEFAULT_LOCALE;
  const exact = SUPPORTED_LOCALES.find((l) => l.toLowerCase() === t);
  if (exact) return exact;
  const lang = t.split(/[-_]/)[0];
  if (lang === 'en') return 'en';
  return DEFAULT_LOCALE;
}

/** Replaces `{name}` placeholders; unknown placeholders stay as written. */
export function format(template: string, params?: Readonly<Record<string, string | number>>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

export type Translate<K extends string> = (key: K, params?: Readonly<Record<string, string | number>>) => string;

/** Builds a translator over one or more catalogue sets (later sets win), then the overrides. */
export function createTranslator<K extends string>(
  sets: ReadonlyArray<Catalogues<string>>,
  locale: Locale,
  overrides?: MessageOverrides | null,
): Translate<K> {
  const merged: Record<string, string> = {};
  for (const set of sets) Object.assign(merged, set[DEFAULT_LOCALE], set[locale]);
  if (overrides) {
    for (const [k, v] of Object.entries(overrides)) {
      if (typeof v === 'string') merged[k] = v;
    }
    const perLocale = overrides[locale];
    if (perLocale && typeof perLocale === 'object') Object.assign(merged, perLocale);
  }
  return (key, params) => format(merged[key] ?? key, params);
}

/** Keys present in the default catalogue but missing (or empty) in another locale. */
export function missingKeys(set: Catalogues<string>): Array<{ locale: Locale; key: string }> {
  const out: Array<{ locale: Locale; key: string }> = [];
  const keys = new Set<string>();
  for (const l of SUPPORTED_LOCALES) for (const k of Object.keys(set[l])) keys.add(k);
  for (const l of SUPPORTED_LOCALES) for (const k of keys) if (!set[l][k]) out.push({ locale: l, key: k });
  return out;
}

/** Dates and times in the citizen's locale, in a given IANA time zone (Asia/Shanghai default). */
export function formatDateTime(
  value: Date | string | number,
  locale: Locale,
  opts: Intl.DateTimeFormatOptions = { dateStyle: 'long', timeStyle: 'short' },
  timeZone = 'Asia/Shanghai',
): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return new Intl.DateTimeFormat(locale, { ...opts, timeZone }).format(d);
}
