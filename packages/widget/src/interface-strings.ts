import type { InterfaceStrings } from './interface-strings-type';

export type { InterfaceStrings };

/** The languages Attune ships interface strings for; each is a small chunk fetched when needed. */
export const LOCALES = ['en', 'de', 'fr', 'es', 'ar'] as const;

/** Fetches one shipped language's strings (a separate chunk, so a card loads only its own). */
const load = (tag: (typeof LOCALES)[number]): Promise<{ default: InterfaceStrings }> =>
  tag === 'de'
    ? import('./locales/de')
    : tag === 'fr'
      ? import('./locales/fr')
      : tag === 'es'
        ? import('./locales/es')
        : tag === 'ar'
          ? import('./locales/ar')
          : import('./locales/en');

const RTL = ['ar', 'he', 'iw', 'fa', 'ur', 'ps', 'yi', 'dv', 'ckb'];

/**
 * Picks the best available locale for a BCP 47 tag by dropping subtags from the end:
 * `fr-CA` → `fr` → `en`. Matching ignores case and accepts `_` as a separator.
 *
 * @example
 * pickLocale('fr-CA', ['en', 'fr']) // 'fr'
 * pickLocale('pt-BR', ['en', 'fr']) // 'en'
 */
export const pickLocale = (requested: string | undefined, available: readonly string[], fallback = 'en'): string => {
  const wanted = (requested ?? '').trim().toLowerCase().replace(/_/g, '-').split('-');
  const byLower = new Map(available.map((tag) => [tag.toLowerCase(), tag]));
  for (let n = wanted.length; n > 0; n--) {
    const hit = byLower.get(wanted.slice(0, n).join('-'));
    if (hit) return hit;
  }
  return fallback;
};

/** `rtl` for right-to-left scripts (Arabic, Hebrew, Persian, Urdu, …), `ltr` otherwise. */
export const textDirection = (locale: string | undefined): 'ltr' | 'rtl' =>
  RTL.includes((locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '') ? 'rtl' : 'ltr';

// Languages already warned about: a missing translation is reported once per page.
const warned = new Set<string>();

/**
 * The interface strings for a locale, with fallback `fr-CA` → `fr` → `en`, then `overrides`
 * on top (for a language Attune does not ship, or a site's own wording). A string still
 * missing in the requested language is shown in English, with one `[attune]` warning.
 * Fetches the language's chunk (and English, when it is needed as the fallback).
 *
 * @example
 * (await interfaceStrings('de-AT')).dismiss // 'Schließen'
 * (await interfaceStrings('he', { dismiss: 'סגירה' })).dismiss // 'סגירה'
 */
export const interfaceStrings = async (locale: string | undefined, overrides?: Partial<InterfaceStrings>): Promise<InterfaceStrings> => {
  const lang = (locale ?? '').toLowerCase().split(/[-_]/)[0] || 'en';
  const picked = pickLocale(locale, LOCALES) as (typeof LOCALES)[number];
  // Each shipped language has every string (interface-strings.test.ts); another language is
  // translated only where the site's strings cover it.
  if (picked === lang) return { ...(await load(picked)).default, ...overrides };
  const en = (await load('en')).default;
  const missing = (Object.keys(en) as (keyof InterfaceStrings)[]).filter((key) => !overrides?.[key]);
  if (missing.length && !warned.has(lang)) {
    warned.add(lang);
    console.warn(`[attune] no "${lang}" translation for ${missing.join(', ')}: shown in English; pass them as strings`);
  }
  return { ...en, ...overrides };
};
