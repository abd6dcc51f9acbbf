// The one way UI code gets its text: browser.i18n, so the popup and options
// follow the browser's UI language with the strings in extension/_locales.
import browser from 'webextension-polyfill';

/** Every key the English catalogue defines; the type keeps call sites honest without bundling the JSON. */
export type MessageKey = keyof typeof import('../../extension/_locales/en/messages.json');

/** Keys that come in CLDR plural forms: `<base>_one`, `<base>_other`, … */
type PluralBase<K> = K extends `${infer B}_other` ? B : never;
export type PluralKey = PluralBase<MessageKey>;

/** The browser's UI language as a BCP 47 tag ('en-US', 'az'); falls back to English if the API has none. */
export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** A localised message; the key itself when the catalogue lacks it, so a gap shows up instead of a blank. */
export function t(key: MessageKey, ...subs: string[]): string {
  return browser.i18n.getMessage(key, subs) || key;
}

/** Intl formatters are costly to build and the UI language does not change while a page is open; keyed anyway so it may. */
function cached<T>(make: (lang: string) => T): () => T {
  let lang: string | undefined;
  let value: T;
  return () => {
    const now = uiLanguage();
    if (now !== lang) [lang, value] = [now, make(now)];
    return value;
  };
}
const numberFormat = cached((lang) => new Intl.NumberFormat(lang));
const pluralRules = cached((lang) => new Intl.PluralRules(lang));
const listFormat = cached((lang) => new Intl.ListFormat(lang, { type: 'conjunction' }));

/** A number written the way the UI language writes it. */
export const formatNumber = (n: number): string => numberFormat().format(n);

/**
 * A message that depends on a count. Chrome's i18n has no plurals, so the
 * catalogue holds one key per CLDR category that the language needs and
 * Intl.PluralRules picks it; `_other` covers categories a language leaves out.
 * $1 is the formatted count, further substitutions follow it.
 */
export function tPlural(base: PluralKey, n: number, ...subs: string[]): string {
  const args = [formatNumber(n), ...subs];
  return browser.i18n.getMessage(`${base}_${pluralRules().select(n)}`, args) || t(`${base}_other` as MessageKey, ...args);
}

/** "English, French and German" in the UI language. */
export const formatList = (items: string[]): string => listFormat().format(items);

/** Marks the document with the UI language and direction, for screen readers and right-to-left layouts. */
export function localiseDocument(doc: Document, titleKey: MessageKey): void {
  doc.documentElement.lang = uiLanguage();
  doc.documentElement.dir = browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
  doc.title = t(titleKey);
}
