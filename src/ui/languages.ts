// Language names for EU Reporter's edition tags, from CLDR via Intl.DisplayNames,
// so the 90-odd editions need no hand-written name table. Tag spelling
// (iw → he, zh-CN → zh-Hans) is the site module's business.
import type { Lang } from '../core/types';
import { intlTag, nativeName as siteNativeName } from '../site/editions';

/**
 * The few editions the browsers' CLDR data names in no language at all
 * (Chromium and Firefox ship trimmed ICU data): their English and own names.
 */
const UNNAMED: Readonly<Record<Lang, { en: string; native: string }>> = {
  ba: { en: 'Bashkir', native: 'Башҡорт' },
};

const displayNames = new Map<string, Intl.DisplayNames | null>();

function namesIn(locale: string): Intl.DisplayNames | null {
  if (!displayNames.has(locale)) {
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale, 'en'], { type: 'language', fallback: 'none' });
    } catch {
      // An invalid locale tag: callers fall back to the tag itself.
    }
    displayNames.set(locale, names);
  }
  return displayNames.get(locale) ?? null;
}

/** Capitalises the first letter by the language's own rules: lists read "Français", not "français". */
function capitalise(s: string, locale: string): string {
  const first = String.fromCodePoint(s.codePointAt(0) ?? 32);
  let upper = first.toUpperCase();
  try {
    upper = first.toLocaleUpperCase(intlTag(locale));
  } catch {
    // A tag toLocaleUpperCase rejects: the root rules are right for nearly every script.
  }
  return upper + s.slice(first.length);
}

/** The name of `lang` in `inLocale` ("French" in English, "Fransız" in Azerbaijani); the tag when CLDR has no name. */
export function languageName(lang: Lang, inLocale: string): string {
  // English next: Chromium's trimmed ICU has Azerbaijani and Kazakh locales but no
  // language names in them, and locale negotiation never falls back per name.
  for (const locale of [inLocale, 'en']) {
    let name: string | undefined;
    try {
      name = namesIn(locale)?.of(intlTag(lang));
    } catch {
      // A tag Intl rejects: the tag is the best name there is.
    }
    // Intl may hand back the tag itself when it has nothing better.
    if (name && name !== intlTag(lang)) return capitalise(name, locale);
  }
  return UNNAMED[lang]?.en ?? lang;
}

/** The language's name for itself ("Deutsch", "Kiswahili", "简体中文"). */
export function nativeName(lang: Lang): string {
  const own = siteNativeName(lang);
  return own === lang && UNNAMED[lang] ? UNNAMED[lang].native : capitalise(own, lang);
}

/** Lower-cased, accents stripped: "Français" and "francais" match. */
export const foldForSearch = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
