// Reference editions, as far as the page is concerned: the background fetches
// each one (deriving its URL from this tab's own URL, caching the page) and
// later parses and checks them off the page's main thread. Here we only ask,
// to show per-edition progress, and then ask for the check.
import type { Article, CheckOptions, Lang, Report } from '../core/types';
import type { CheckArticleResponse, ContentRequest, FetchEditionResponse } from '../shared/messages';
import { editionUrl } from '../site/urls';

export type Send = (msg: ContentRequest) => Promise<unknown>;

export type Fetched = { ok: true; url: string } | { ok: false; url: string; reason: string };

const isFetchResponse = (r: unknown): r is FetchEditionResponse =>
  !!r && typeof r === 'object' && typeof (r as FetchEditionResponse).ok === 'boolean' && typeof (r as FetchEditionResponse).url === 'string';

const isCheckResponse = (r: unknown): r is CheckArticleResponse =>
  !!r && typeof r === 'object' && typeof (r as CheckArticleResponse).ok === 'boolean';

/** The URL the background fetches for `lang` (shown while the answer is pending). */
export const urlFor = (lang: Lang, pageUrl: string): string => editionUrl(pageUrl, lang) ?? '';

/** Has the background fetch (or take from its cache) one edition; the page's HTML stays out of the result. */
export async function fetchEdition(send: Send, lang: Lang, pageUrl: string): Promise<Fetched> {
  let res: unknown;
  try {
    res = await send({ type: 'fetch-edition', lang });
  } catch {
    res = undefined;
  }
  if (!isFetchResponse(res)) return { ok: false, url: urlFor(lang, pageUrl), reason: 'not reachable' };
  return res.ok ? { ok: true, url: res.url } : { ok: false, url: res.url || urlFor(lang, pageUrl), reason: res.reason };
}

/** The engine's report on `article` against `langs`, computed by the background. */
export async function checkInBackground(send: Send, article: Article, langs: Lang[], options: CheckOptions): Promise<Report> {
  const res = await send({ type: 'check-article', article, langs, options });
  if (!isCheckResponse(res)) throw new Error('the background did not answer the check');
  if (!res.ok) throw new Error(res.reason);
  return res.report;
}
