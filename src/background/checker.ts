// The engine's heavy half, run in the background: parse each reference edition
// (htmlparser2, so no DOMParser is needed in a service worker), extract its
// article and check the tab's article against them. This keeps parsing and
// checking — hundreds of milliseconds on a long article — off the page's main
// thread; the content script only extracts the live page and draws the marks.
import { checkArticles } from '../core/check';
import { extractArticle } from '../core/extract';
import { parseHtml } from '../core/html';
import type { Article, CheckOptions, FlagKind, Lang, ReferenceInput, Report } from '../core/types';
import type { CheckArticleResponse } from '../shared/messages';
import { articlePath, langFromUrl } from '../site/urls';
import type { Fetcher } from './fetcher';

export interface CheckerDeps {
  fetcher: Fetcher;
  editionUrl: (pageUrl: string, lang: Lang) => string | undefined;
  isEuReporterUrl: (url: string) => boolean;
}

/** Parsed references kept; a page's HTML string identifies the version that was parsed. */
const MAX_PARSED = 24;

const FLAG_KINDS: readonly FlagKind[] = ['figure', 'order', 'missing', 'name'];

/** Only the option values the engine knows, whatever the message carried. */
export function cleanOptions(o: CheckOptions | undefined): CheckOptions {
  const checks: Partial<Record<FlagKind, boolean>> = {};
  for (const k of FLAG_KINDS) if (typeof o?.checks?.[k] === 'boolean') checks[k] = o.checks[k];
  return { checks, strictness: o?.strictness === 'all' ? 'all' : 'majority' };
}

/** Reports kept for revisits: the same article against the same pages gives the same report. */
const MAX_REPORTS = 8;

/** A tiny article in `lang`: checking it makes the engine build that language's vocabulary. */
const probe = (lang: Lang): Article => ({ url: '', lang, path: '/', paragraphs: ['2024', '1.5% 3 000 000 1 2'] });

export function createChecker(deps: CheckerDeps) {
  const parsed = new Map<string, { html: string; article: Article | null }>();
  const warmed = new Set<Lang>();
  const reports = new Map<string, { refs: ReferenceInput[]; report: Report }>();

  /** The report for these inputs, computed once while the reference pages stay the same objects. */
  function checkCached(current: Article, refs: ReferenceInput[], options: CheckOptions): Report {
    const key = JSON.stringify([current, refs.map((r) => [r.lang, r.url, r.error]), options]);
    const hit = reports.get(key);
    if (hit && hit.refs.every((r, i) => r.article === refs[i].article)) return hit.report;
    const report = checkArticles(current, refs, options);
    reports.delete(key);
    reports.set(key, { refs, report });
    if (reports.size > MAX_REPORTS) reports.delete(reports.keys().next().value!);
    return report;
  }

  function parse(url: string, html: string): Article | null {
    const hit = parsed.get(url);
    if (hit && hit.html === html) return hit.article;
    const article = extractArticle(parseHtml(html), url)?.article ?? null;
    parsed.delete(url);
    parsed.set(url, { html, article });
    if (parsed.size > MAX_PARSED) parsed.delete(parsed.keys().next().value!);
    return article;
  }

  async function reference(pageUrl: string, lang: Lang): Promise<ReferenceInput> {
    const url = deps.editionUrl(pageUrl, lang);
    if (!url || !deps.isEuReporterUrl(url)) return { url: url ?? '', lang, article: null, error: 'not an EU Reporter edition' };
    const res = await deps.fetcher.get(url);
    if (!res.ok) return { url: res.url, lang, article: null, error: res.reason };
    const article = parse(res.url, res.html);
    return article ? { url: res.url, lang, article } : { url: res.url, lang, article: null, error: 'not an article' };
  }

  return {
    /**
     * Builds the engine's per-language data for the page's and `lang`'s
     * languages while the edition is still on the network, so the check that
     * follows the last arrival does not pay for it. Once per language.
     */
    warm(pageUrl: string, lang: Lang): void {
      const langs = [langFromUrl(pageUrl), lang].filter((l): l is Lang => !!l && !warmed.has(l));
      if (langs.length === 0) return;
      langs.forEach((l) => warmed.add(l));
      setTimeout(() => {
        try {
          const [first, ...rest] = langs;
          checkArticles(probe(first), (rest.length ? rest : [first]).map((l) => ({ url: '', lang: l, article: probe(l) })));
        } catch {
          // Warming is an optimisation only; the real check reports its own errors.
        }
      }, 0);
    },
    /** Checks `article`, the tab's own, against the tab's `langs` editions. Never throws. */
    async check(pageUrl: string, article: Article, langs: Lang[], options?: CheckOptions): Promise<CheckArticleResponse> {
      if (!deps.isEuReporterUrl(pageUrl)) return { ok: false, reason: 'not an EU Reporter page' };
      try {
        const refs = await Promise.all(langs.map((lang) => reference(pageUrl, lang)));
        // The article's address is the tab's, not whatever the message says.
        const current: Article = { ...article, url: pageUrl, path: articlePath(pageUrl) };
        return { ok: true, report: checkCached(current, refs, cleanOptions(options)) };
      } catch (e) {
        return { ok: false, reason: e instanceof Error ? e.message : String(e) };
      }
    },
  };
}

export type Checker = ReturnType<typeof createChecker>;
