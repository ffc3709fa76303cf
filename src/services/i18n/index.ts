// Typed message catalogues. zh-CN is the default and the source of keys; every other locale must
// have every key (the type system checks it, and a test checks it at run time).

export const SUPPORTED_LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof SUPPORTED_LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

export type Catalogue<K extends string = string> = Readonly<Record<K, string>>;
/** A locale's catalogue, or a loader that fetches it on first use (a separate chunk). */
export type CatalogueEntry<K extends string = string> = Catalogue<K> | (() => Promise<Catalogue<K>>);
/** Every locale of one catalogue set; the default locale is always bundled, others may load on demand. */
export type Catalogues<K extends string> = { readonly 'zh-CN': Catalogue<K> } & { readonly [L in Exclude<Locale, 'zh-CN'>]: CatalogueEntry<K> };

// Loaded catalogues by loader; null when loading failed (the default locale is used instead).
const loaded = new WeakMap<object, Catalogue | null>();
const inflight = new WeakMap<object, Promise<void>>();

/** A set's catalogue for a locale if it is at hand (bundled or already loaded), else undefined. */
export function catalogueFor<K extends string>(set: Catalogues<K>, locale: Locale): Catalogue<K> | undefined {
  const entry = set[locale];
  if (typeof entry !== 'function') return entry;
  return (loaded.get(entry) as Catalogue<K> | null | undefined) ?? undefined;
}

/**
 * Loads what `sets` need for `locale`. Returns undefined when everything is already at hand (so
 * callers stay synchronous), else a promise that settles once loaded — or once loading failed,
 * after a warning: the default locale's text is then shown, never a bare key.
 */
export function loadCatalogues(sets: ReadonlyArray<Catalogues<string>>, locale: Locale): Promise<void> | undefined {
  const pending: Promise<void>[] = [];
  for (const set of sets) {
    const entry = set[locale];
    if (typeof entry !== 'function' || loaded.has(entry)) continue;
    let p = inflight.get(entry);
    if (!p) {
      p = entry().then(
        (c) => void loaded.set(entry, c),
        (err: unknown) => {
          console.warn(`[rd-widgets] could not load the ${locale} messages; showing ${DEFAULT_LOCALE}`, err);
          loaded.set(entry, null);
        },
      );
      inflight.set(entry, p);
    }
    pending.push(p);
  }
  return pending.length ? Promise.all(pending).then(() => undefined) : undefined;
}

/** One set's catalogue for a locale, loading it if needed (undefined if it could not be loaded). */
export async function loadCatalogue<K extends string>(set: Catalogues<K>, locale: Locale): Promise<Catalogue<K> | undefined> {
  await loadCatalogues([set as Catalogues<string>], locale);
  return catalogueFor(set, locale);
}

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
  for (const set of sets) Object.assign(merged, set[DEFAULT_LOCALE], catalogueFor(set, locale));
  if (overrides) {
    for (const [k, v] of Object.entries(overrides)) {
      if (typeof v === 'string') merged[k] = v;
    }
    const perLocale = overrides[locale];
    if (perLocale && typeof perLocale === 'object') Object.assign(merged, perLocale);
  }
  return (key, params) => format(merged[key] ?? key, params);
}

/** Keys present in one locale's catalogue but missing (or empty) in another; loads every locale. */
export async function missingKeys(set: Catalogues<string>): Promise<Array<{ locale: Locale; key: string }>> {
  const out: Array<{ locale: Locale; key: string }> = [];
  const all = await Promise.all(SUPPORTED_LOCALES.map(async (l) => [l, (await loadCatalogue(set, l)) ?? {}] as const));
  const keys = new Set<string>();
  for (const [, c] of all) for (const k of Object.keys(c)) keys.add(k);
  for (const [l, c] of all) for (const k of keys) if (!(c as Record<string, string>)[k]) out.push({ locale: l, key: k });
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

/**
 * A widget's catalogues: zh-CN bundled, English loaded on first use from its own chunk. The
 * loader is `() => import('./x.messages.en.js')` written in the catalogue's file, so bundlers see
 * the chunk.
 */
export function catalogues<K extends string>(zh: Catalogue<K>, en: () => Promise<{ en: Catalogue<K> }>): Catalogues<K> {
  return { 'zh-CN': zh, en: () => en().then((m) => m.en) };
}
