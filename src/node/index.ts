// The Node API: check one edition's page against reference editions' pages.
// This is the contract the acceptance benchmark calls; keep its shape stable.
//
//   import { checkEditions } from 'fact-flags';
//   const report = checkEditions({ url, html }, [{ url, html }, …]);
//
// checkEditions is synchronous (the engine does no I/O); `await checkEditions(…)`
// works the same, for callers that treat it as asynchronous.
import type { CheckOptions, Lang, ReferenceInput, Report } from '../core/types';
import { parseHtml } from '../core/html';
import { extractArticle, pageLang } from '../core/extract';
import { checkArticles } from '../core/check';
import { langFromUrl } from '../site/urls';

export interface Page {
  url: string;
  html: string;
}

/** A reference edition that could not be had at all (the CLI's failed fetches), with why. */
export interface FailedPage {
  url: string;
  lang?: Lang;
  error: string;
}

const NOT_AN_ARTICLE = 'not an article';
const NOT_COMPARED = 'not compared: the current page is not an article';

function referenceInput(page: Page | FailedPage): ReferenceInput {
  if ('error' in page) return { url: page.url, lang: page.lang ?? langFromUrl(page.url) ?? 'und', article: null, error: page.error };
  const root = parseHtml(page.html);
  const extracted = extractArticle(root, page.url);
  if (!extracted) return { url: page.url, lang: pageLang(root, page.url), article: null, error: NOT_AN_ARTICLE };
  return { url: page.url, lang: extracted.article.lang, article: extracted.article };
}

/**
 * Like checkEditions, but a reference may also be a page that could not be
 * fetched; it is reported with its error and never compared.
 */
export function checkPages(current: Page, references: readonly (Page | FailedPage)[], options?: CheckOptions): Report {
  const refs = references.map(referenceInput);
  const root = parseHtml(current.html);
  const extracted = extractArticle(root, current.url);
  if (!extracted) {
    return {
      lang: pageLang(root, current.url),
      paragraphs: [],
      references: refs.map((r) => ({ url: r.url, lang: r.lang, status: 'error', reason: r.error ?? NOT_COMPARED })),
      flags: [],
    };
  }
  return checkArticles(extracted.article, refs, options);
}

/**
 * Checks the current edition's page against reference editions' pages.
 * Each page is parsed and its article extracted; a reference that is not an
 * article page is reported with status 'error' and reason 'not an article'.
 * When the current page is not an article, the report has no paragraphs and no
 * flags, and lists the references as not compared.
 */
export function checkEditions(current: Page, references: readonly Page[], options?: CheckOptions): Report {
  return checkPages(current, references, options);
}

export { parseHtml } from '../core/html';
export type { HtmlElement, HtmlNode, HtmlText } from '../core/html';
export { extractArticle, pageLang, canonicalUrl } from '../core/extract';
export type { Extraction, ParagraphSource, SourceSegment } from '../core/extract';
export { checkArticles } from '../core/check';
export { discoverSiblings } from '../site/siblings';
export { editionUrl, isArticlePath, isEuReporterUrl, langFromUrl } from '../site/urls';
export { EDITION_TAGS, getEditions } from '../site/editions';
export type * from '../core/types';
