// The content script's wording, composed from the extension's catalogue
// (content_* keys in extension/_locales) in the reader's UI language.
import type { FlagKind, Lang } from '../core/types';
import { formatList, t, tPlural, uiLanguage, type MessageKey } from '../ui/i18n';
import { languageName } from '../ui/languages';

export const KIND_TEXT: Record<FlagKind, MessageKey> = {
  figure: 'content_kind_figure',
  order: 'content_kind_order',
  missing: 'content_kind_missing',
  name: 'content_kind_name',
};

/**
 * Reasons arrive in plain English from the background ("not found (404)") and
 * the engine ("another article (different address)"); each known beginning has
 * a localised wording. A status code in parentheses is kept, other English
 * detail is dropped; an unknown reason is shown as it is.
 */
const REASON_TEXT: ReadonlyArray<[prefix: string, key: MessageKey]> = [
  ['not reachable', 'content_reason_unreachable'],
  ['timed out', 'content_reason_timeout'],
  ['not found', 'content_reason_not_found'],
  ['server error', 'content_reason_server'],
  ['rate limited', 'content_reason_rate_limited'],
  ['too large', 'content_reason_too_large'],
  ['not an article', 'content_reason_not_article'],
  ['another article', 'content_reason_other_article'],
  ['redirected off-site', 'content_reason_offsite'],
];

export function reasonText(reason: string | undefined): string {
  const r = reason ?? '';
  const hit = REASON_TEXT.find(([prefix]) => r.startsWith(prefix));
  if (!hit) return r;
  const code = /\((\d{3})\)\s*$/.exec(r);
  return code ? `${t(hit[1])} (${code[1]})` : t(hit[1]);
}

/** "fr: not reachable". */
export const failureText = (lang: Lang, reason: string | undefined): string => t('content_ref_failed', lang, reasonText(reason));

export const langName = (lang: Lang): string => languageName(lang, uiLanguage());

export const langList = (langs: Lang[]): string => formatList(langs.map(langName));

/** "3 figures and 1 name differ from the English, French and German editions". */
export function differText(figures: number, names: number, langs: Lang[]): string {
  const parts = [
    figures > 0 ? tPlural('content_banner_figures', figures) : '',
    names > 0 ? tPlural('content_banner_names', names) : '',
  ].filter(Boolean);
  return tPlural('content_banner_differ', figures + names, formatList(parts), langList(langs));
}

export { t, uiLanguage };
