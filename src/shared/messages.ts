// Messages between the extension's contexts, defined once. The background
// validates every incoming message against these shapes (isRequest) and ignores
// anything else: a page script must not be able to steer it.
import type { Article, CheckOptions, Flag, Lang, Report } from '../core/types';

/** Where a tab's check stands; the popup and the badge render this. */
export type TabPhase = 'idle' | 'not-eureporter' | 'not-article' | 'checking' | 'done' | 'error';

export type EditionState = 'pending' | 'loading' | 'ok' | 'error' | 'mismatch';

export interface EditionProgress {
  lang: Lang;
  url: string;
  state: EditionState;
  /** For error and mismatch: "not reachable", "timed out", "another article", … */
  reason?: string;
  compared?: number;
  agreed?: number;
}

export interface TabState {
  phase: TabPhase;
  url: string;
  lang?: Lang;
  title?: string;
  editions: EditionProgress[];
  /** Present once the check is done. */
  report?: Report;
}

/** Content script → background. */
export type ContentRequest =
  /** Fetch one sibling edition of the sender tab's article. The background derives the URL itself from the tab's URL. */
  | { type: 'fetch-edition'; lang: Lang }
  /** Publish this tab's state for the popup and the toolbar badge. */
  | { type: 'tab-state'; state: TabState }
  /**
   * Check this tab's article against the editions in `langs`. The background
   * fetches them (from its cache after fetch-edition) as for fetch-edition,
   * parses and checks them off the page's main thread, and answers a CheckArticleResponse.
   */
  | { type: 'check-article'; article: Article; langs: Lang[]; options?: CheckOptions };

/** Popup / options → background. */
export type UiRequest =
  | { type: 'get-tab-state'; tabId: number }
  | { type: 'clear-cache' };

/** Popup → content script (tabs.sendMessage). */
export type TabCommand =
  /** Run the check again, refetching nothing that is cached. */
  | { type: 'recheck' }
  /** Run the check on a page the automatic detection skipped. */
  | { type: 'check-now' }
  /** Scroll to the flag and open its card. */
  | { type: 'reveal-flag'; index: number };

/**
 * The answer to fetch-edition: whether the edition could be had. The page's HTML
 * stays in the background, which parses and checks it (check-article); copying
 * megabytes into the page's process only to show progress would be waste.
 */
export type FetchEditionResponse = { ok: true; url: string } | { ok: false; url: string; reason: string };

export type CheckArticleResponse = { ok: true; report: Report } | { ok: false; reason: string };

export type Request = ContentRequest | UiRequest;

const LANG = /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/;

function isArticle(a: unknown): a is Article {
  if (!a || typeof a !== 'object') return false;
  const x = a as Record<string, unknown>;
  return typeof x.url === 'string' && typeof x.lang === 'string' && typeof x.path === 'string' && Array.isArray(x.paragraphs) && x.paragraphs.every((p) => typeof p === 'string');
}

/** True only for messages of a known shape; everything else is dropped unanswered. */
export function isRequest(m: unknown): m is Request {
  if (!m || typeof m !== 'object') return false;
  const r = m as Record<string, unknown>;
  switch (r.type) {
    case 'fetch-edition':
      return typeof r.lang === 'string' && LANG.test(r.lang);
    case 'tab-state':
      return !!r.state && typeof r.state === 'object' && typeof (r.state as TabState).phase === 'string';
    case 'check-article':
      return isArticle(r.article) && Array.isArray(r.langs) && r.langs.length <= 8 && r.langs.every((l) => typeof l === 'string' && LANG.test(l)) && (r.options === undefined || (!!r.options && typeof r.options === 'object'));
    case 'get-tab-state':
      return Number.isInteger(r.tabId);
    case 'clear-cache':
      return true;
    default:
      return false;
  }
}

export function isTabCommand(m: unknown): m is TabCommand {
  if (!m || typeof m !== 'object') return false;
  const r = m as Record<string, unknown>;
  return r.type === 'recheck' || r.type === 'check-now' || (r.type === 'reveal-flag' && Number.isInteger(r.index));
}

export type { Flag };
