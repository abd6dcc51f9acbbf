// EU Reporter's language editions. The site translates every English article
// with GTranslate into one subdomain per language, named by Google Translate's
// language codes: mostly BCP 47, with a few legacy spellings (iw, tl, zh-CN, zh-TW).
import type { Lang } from '../core/types';

/** Every edition tag, English (the original, on `www`) first. */
export const EDITION_TAGS: readonly Lang[] = Object.freeze(
  (
    'en af am ar az ba be bg bn bs ca cs cy da de el es et eu fa fi fr ga gl gu ha hi hmn hr hu hy id ig is it iw ja ' +
    'ka kk km kn ko ku ky lb lo lt lv mg mi mk ml mn mr ms mt my ne nl no ny pa pl ps pt ro ru sd si sk sl sm sn so ' +
    'sq sr sv sw ta te tg th tl tr uk ur uz vi xh yo zh-CN zh-TW zu'
  ).split(' '),
);

const EDITION_SET: ReadonlySet<string> = new Set(EDITION_TAGS);

export const isEdition = (lang: string): boolean => EDITION_SET.has(lang);

/** Google Translate spellings ⇄ the BCP 47 tags Intl (CLDR) knows them by. */
const TO_INTL: Readonly<Record<string, string>> = { iw: 'he', tl: 'fil', jw: 'jv', 'zh-CN': 'zh-Hans', 'zh-TW': 'zh-Hant' };

/** Tags pages and browsers write, mapped onto the edition that serves them. */
const FROM_PAGE: Readonly<Record<string, Lang>> = {
  he: 'iw', fil: 'tl', jv: 'jw', nb: 'no', nn: 'no',
  zh: 'zh-CN', 'zh-cn': 'zh-CN', 'zh-hans': 'zh-CN', 'zh-sg': 'zh-CN', 'zh-my': 'zh-CN',
  'zh-tw': 'zh-TW', 'zh-hant': 'zh-TW', 'zh-hk': 'zh-TW', 'zh-mo': 'zh-TW',
};

/** The BCP 47 tag to hand to Intl for an edition tag ('iw' → 'he'). */
export const intlTag = (lang: Lang): string => TO_INTL[lang] ?? lang;

/**
 * Any language tag as a page, a header or a URL spells it ('az-AZ', 'az_AZ',
 * 'he', 'zh-Hant-TW', 'EN') → the EU Reporter edition tag ('az', 'iw', 'zh-TW', 'en').
 * Languages EU Reporter has no edition for keep their primary subtag.
 * Undefined for something that is not a language tag at all.
 */
export function canonicalLang(tag: string | undefined | null): Lang | undefined {
  if (!tag) return undefined;
  const t = tag.trim().replace(/_/g, '-').toLowerCase();
  if (!/^[a-z]{2,3}(-[a-z0-9]{1,8})*$/.test(t)) return undefined;
  const parts = t.split('-');
  // Longest prefix first: 'zh-hant-tw' → 'zh-hant' → 'zh'.
  for (let n = parts.length; n >= 1; n--) {
    const prefix = parts.slice(0, n).join('-');
    if (FROM_PAGE[prefix]) return FROM_PAGE[prefix];
    const exact = EDITION_TAGS.find((e) => e.toLowerCase() === prefix);
    if (exact) return exact;
  }
  return parts[0];
}

// Firefox has no Intl.Locale text info; these are the right-to-left scripts'
// languages among Google Translate's, for when it is missing.
const RTL_FALLBACK: ReadonlySet<string> = new Set(['ar', 'fa', 'iw', 'he', 'ps', 'sd', 'ur', 'yi', 'ug', 'dv', 'ckb']);

type LocaleWithTextInfo = Intl.Locale & { textInfo?: { direction?: string }; getTextInfo?: () => { direction?: string } };

export function direction(lang: Lang): 'ltr' | 'rtl' {
  try {
    const loc = new Intl.Locale(intlTag(lang)) as LocaleWithTextInfo;
    const info = loc.getTextInfo?.() ?? loc.textInfo;
    if (info?.direction === 'rtl' || info?.direction === 'ltr') return info.direction;
  } catch {
    // Not a tag Intl accepts: fall through to the table.
  }
  return RTL_FALLBACK.has(lang.split('-')[0]) ? 'rtl' : 'ltr';
}

/** The language's own name for itself ("azərbaycan", "Kiswahili"), from CLDR; the English name when CLDR has no native one. */
export function nativeName(lang: Lang): string {
  const tag = intlTag(lang);
  for (const locales of [[tag], ['en']]) {
    try {
      const name = new Intl.DisplayNames(locales, { type: 'language', fallback: 'none' }).of(tag);
      if (name) return name;
    } catch {
      // An unknown tag: try the next locale, then give the tag itself.
    }
  }
  return lang;
}

export interface Edition {
  lang: Lang;
  /** The name readers of that edition know their language by. */
  name: string;
  dir: 'ltr' | 'rtl';
}

let editions: readonly Edition[] | undefined;

/** Every edition with its native name and writing direction, computed once on first use (Intl is not free). */
export function getEditions(): readonly Edition[] {
  editions ??= Object.freeze(EDITION_TAGS.map((lang) => Object.freeze({ lang, name: nativeName(lang), dir: direction(lang) })));
  return editions;
}
