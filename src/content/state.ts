// This tab's check as others see it: the TabState published to the background
// (badge, popup) and the phase on <html data-fact-flags> (tests, page tools).
import type { Article, Lang, Report } from '../core/types';
import type { EditionProgress, EditionState, TabPhase, TabState } from '../shared/messages';
import type { Send } from './editions';

/** What <html data-fact-flags> says; absent until a check is asked for. */
export type DocPhase = 'checking' | 'done' | 'not-article' | 'error';

const DOC_PHASE: Partial<Record<TabPhase, DocPhase>> = {
  checking: 'checking',
  done: 'done',
  error: 'error',
  'not-article': 'not-article',
  'not-eureporter': 'not-article',
};

const STATUS_STATE: Record<string, EditionState> = { ok: 'ok', error: 'error', mismatch: 'mismatch' };

export function createState(doc: Document, send: Send, href: () => string) {
  let state: TabState = { phase: 'idle', url: href(), editions: [] };
  let queued = false;

  function flush(): void {
    queued = false;
    // The background may be restarting or the extension reloaded: a lost update is replaced by the next one.
    send({ type: 'tab-state', state }).catch(() => undefined);
  }

  /** The page attribute changes at once; the message goes once per burst of updates (several editions settle together). */
  function publish(): void {
    const phase = DOC_PHASE[state.phase];
    if (phase) doc.documentElement.dataset.factFlags = phase;
    else delete doc.documentElement.dataset.factFlags;
    if (!queued) {
      queued = true;
      queueMicrotask(flush);
    }
  }

  return {
    get: () => state,
    /** Starts a new state for the page (phase and, for an article, its language and title). */
    reset(phase: TabPhase, article?: Article): void {
      state = { phase, url: href(), lang: article?.lang, title: article?.paragraphs[0], editions: [] };
      publish();
    },
    begin(editions: Array<{ lang: Lang; url: string }>): void {
      state = { ...state, phase: 'checking', editions: editions.map((e) => ({ ...e, state: 'pending' })), report: undefined };
      publish();
    },
    edition(lang: Lang, patch: Partial<EditionProgress>): void {
      state = { ...state, editions: state.editions.map((e) => (e.lang === lang ? { ...e, ...patch } : e)) };
      publish();
    },
    /** The engine's verdict on each reference replaces the fetch progress: an edition may turn out to be another article. */
    done(report: Report): void {
      const editions = state.editions.map((e): EditionProgress => {
        const r = report.references.find((x) => x.lang === e.lang);
        if (!r) return e;
        return { lang: e.lang, url: r.url || e.url, state: STATUS_STATE[r.status] ?? 'error', reason: r.reason, compared: r.compared, agreed: r.agreed };
      });
      state = { ...state, phase: 'done', editions, report };
      publish();
    },
    republish: publish,
    fail(): void {
      state = { ...state, phase: 'error' };
      publish();
    },
  };
}

export type PageState = ReturnType<typeof createState>;
