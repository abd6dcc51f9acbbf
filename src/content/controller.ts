// One check of the page, from detection to marks, and what starts one: page
// load, a popup command, a settings change, the article body being injected or
// replaced, in-page navigation. A newer run supersedes an older one at its next
// step (a generation counter), so nothing stale is ever drawn.
import type { Extraction } from '../core/extract';
import type { Flag, FlagKind, Lang, Report } from '../core/types';
import { chooseReferences, type Settings } from '../shared/settings';
import { articlePath } from '../site/urls';
import { createBanner, type BannerModel } from './banner';
import { createCardView, type CardModel } from './card';
import { detectArticle } from './detect';
import { checkInBackground, fetchEdition, urlFor, type Send } from './editions';
import { createInteractions } from './interact';
import { MARK_TAG, markNode, piecesOf, planMarks, removeMarks, sortMarks, type MarkRequest } from './marks';
import { createState } from './state';
import { KIND_TEXT, t } from './text';

export type Trigger = 'load' | 'command' | 'settings' | 'mutation';

export interface ControllerDeps {
  doc: Document;
  href: () => string;
  send: Send;
  loadSettings: () => Promise<Settings>;
  /** Ends the current task so long steps never block the page; defaults to yieldToPage. */
  yieldTask?: () => Promise<void>;
}

/**
 * Ends the current task. scheduler.yield() lets the page run what is pending
 * and then resumes us ahead of other queued work, so a check is not delayed
 * behind every image decode of a loading page; setTimeout is the fallback.
 */
export function yieldToPage(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return typeof s?.yield === 'function' ? s.yield() : new Promise<void>((r) => setTimeout(r, 0));
}

/** A main-thread slice: marking yields to the page after this long. */
const SLICE_MS = 12;

const NAME_KINDS: ReadonlySet<FlagKind> = new Set(['name']);

interface Checked {
  extraction: Extraction;
  report: Report;
  /** Flags that got a mark (a flag whose text the page changed meanwhile gets none). */
  marked: number;
}

export function createController(deps: ControllerDeps) {
  const { doc } = deps;
  const yieldTask = deps.yieldTask ?? yieldToPage;
  const state = createState(doc, deps.send, deps.href);
  const banner = createBanner(doc);
  const card = createCardView(doc);
  let generation = 0;
  let running = false;
  /** The page changed while a run was under way: look again when it ends, or its marks may sit on detached nodes. */
  let changedDuringRun = false;
  let last: Checked | undefined;
  /** The extraction the current run works on, for the banner if the run fails. */
  let checking: Extraction | undefined;
  let lastPath = '';
  let settings: Settings | undefined;

  const interactions = createInteractions(doc, card, (index) => cardModel(index));

  function cardModel(index: number): CardModel | undefined {
    const flag = last?.report.flags[index];
    if (!last || !flag) return undefined;
    const failures = last.report.references.filter((r) => r.status !== 'ok').map((r) => ({ lang: r.lang, reason: r.reason }));
    return { flag, paragraph: last.report.paragraphs[flag.paragraph] ?? '', pageLang: last.report.lang, failures };
  }

  /** Our own DOM changes, made with the mutation observer paused so they never look like the page's. */
  let quiet: <T>(fn: () => T) => T = (fn) => fn();
  function setQuiet(q: typeof quiet): void {
    quiet = q;
  }

  /** Where the banner goes: above the article body's first paragraph (the title stays on top). */
  function bannerAnchor(ex: Extraction): Element | null {
    const src = ex.sources[1] ?? ex.sources[0];
    const text = src?.segments[0]?.node.ref as Text | undefined;
    const parent = text?.parentElement ?? null;
    return parent?.closest('p, h2, h3, h4, h5, h6, li, blockquote, div, section, article') ?? parent;
  }

  function renderBanner(ex: Extraction, phase: BannerModel['phase'], report?: Report): void {
    const flags = report?.flags ?? [];
    const names = flags.filter((f) => NAME_KINDS.has(f.kind)).length;
    quiet(() => banner.render({ phase, editions: state.get().editions, figures: flags.length - names, names }, bannerAnchor(ex)));
  }

  function clearPage(): void {
    interactions.close(false);
    quiet(() => {
      removeMarks(doc.body ?? doc.documentElement);
      banner.remove();
    });
    last = undefined;
  }

  const controls = () => doc.querySelectorAll(`${MARK_TAG}[role="button"]`);
  const markLabel = (f: Flag) => t('content_mark_label', f.end > f.start ? f.text : t(KIND_TEXT[f.kind]));

  /** Wraps the flags, a slice at a time; stops when a newer run starts. */
  async function mark(ex: Extraction, report: Report, gen: number): Promise<number> {
    const requests: MarkRequest[] = [];
    report.flags.forEach((flag, index) => {
      const pieces = piecesOf(flag, ex.sources[flag.paragraph]);
      if (pieces) requests.push({ flag, index, pieces, label: markLabel(flag) });
    });
    const marks = new Map<number, HTMLElement[]>();
    let sliceStart = performance.now();
    for (const [node, list] of planMarks(requests)) {
      quiet(() => markNode(doc, node, list, marks));
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldTask();
        if (gen !== generation) return 0;
        sliceStart = performance.now();
      }
    }
    sortMarks(marks);
    return controls().length;
  }

  /** Per-edition progress while the background fetches; the pages themselves stay there for the check. */
  async function loadReferences(ex: Extraction, langs: Lang[], gen: number): Promise<void> {
    const url = deps.href();
    await Promise.all(
      langs.map(async (lang) => {
        state.edition(lang, { state: 'loading' });
        const res = await fetchEdition(deps.send, lang, url);
        if (gen !== generation) return;
        state.edition(lang, res.ok ? { state: 'ok', url: res.url } : { state: 'error', url: res.url, reason: res.reason });
        renderBanner(ex, 'checking');
      }),
    );
  }

  async function run(trigger: Trigger): Promise<void> {
    const gen = ++generation;
    running = true;
    checking = undefined;
    try {
      // Start in a task of our own: not inside the script's evaluation or the event that triggered the run.
      await yieldTask();
      if (gen !== generation) return;
      clearPage();
      const url = deps.href();
      lastPath = articlePath(url);
      // Settings come over IPC: read them while the page is being detected.
      const [loaded, found] = await Promise.all([settings ?? deps.loadSettings(), detectArticle(doc, url, yieldTask)]);
      settings = loaded;
      if (gen !== generation) return;
      if (found.kind !== 'article') {
        state.reset(found.kind);
        return;
      }
      const { extraction: ex, siblings } = found;
      checking = ex;
      if (trigger === 'load' && !settings.autoCheck) {
        state.reset('idle', ex.article);
        return;
      }
      state.reset('checking', ex.article);
      const langs = chooseReferences(settings, ex.article.lang, siblings);
      state.begin(langs.map((lang) => ({ lang, url: urlFor(lang, url) })));
      renderBanner(ex, 'checking');
      // The check waits in the background for the same fetches, so asking at once saves a round trip.
      const checked = checkInBackground(deps.send, ex.article, langs, { checks: settings.checks, strictness: settings.strictness });
      checked.catch(() => undefined); // awaited below; this only keeps an early failure from counting as unhandled
      await loadReferences(ex, langs, gen);
      const report = await checked;
      if (gen !== generation) return;
      last = { extraction: ex, report, marked: 0 };
      last.marked = await mark(ex, report, gen);
      if (gen !== generation) return;
      state.done(report);
      renderBanner(ex, 'done', report);
    } catch (e) {
      if (gen !== generation) return;
      console.warn('Fact Flags: check failed', e);
      state.fail();
      if (checking) renderBanner(checking, 'error');
    } finally {
      if (gen === generation) {
        running = false;
        if (changedDuringRun) {
          changedDuringRun = false;
          void onPageChanged();
        }
      }
    }
  }

  /**
   * After the page changed: re-run when the article moved to another path
   * (in-page navigation), was not there before, or its text or our marks
   * changed. Parsed references are kept, so nothing is fetched again.
   */
  async function onPageChanged(): Promise<void> {
    if (running) {
      changedDuringRun = true;
      return;
    }
    const phase = state.get().phase;
    if (phase === 'idle' && !settings?.autoCheck) return;
    const url = deps.href();
    if (articlePath(url) !== lastPath) {
      void run('mutation');
      return;
    }
    if (phase === 'not-article') {
      if ((await detectArticle(doc, url, yieldTask)).kind === 'article') void run('mutation');
      return;
    }
    if (phase !== 'done' || !last) return;
    // The page replaced the body (our marks went with it, or the run marked nodes that were already gone) or changed its text.
    const marksIntact = controls().length === last.marked && stillAttached(last.extraction);
    const found = marksIntact ? await detectArticle(doc, url, yieldTask) : undefined;
    const same = found?.kind === 'article' && sameParagraphs(found.extraction, last.extraction);
    if (!same) void run('mutation');
  }

  return {
    run,
    onPageChanged,
    reveal: (index: number) => interactions.reveal(index),
    /** Settings changed in storage: re-read them, and re-run if this page was checked or now should be. */
    async onSettingsChanged(): Promise<void> {
      try {
        settings = await deps.loadSettings();
      } catch {
        return; // storage unavailable (extension reloading): keep the settings we have
      }
      const phase = state.get().phase;
      if (phase === 'done' || phase === 'checking' || phase === 'error' || (phase === 'idle' && settings.autoCheck)) void run('settings');
    },
    /** Leaving the page: whatever runs stops at its next step. */
    cancel(): void {
      generation++;
      running = false;
      changedDuringRun = false;
    },
    /**
     * Back from the back/forward cache: an interrupted check starts again; a
     * finished one is published again, since the background reset the tab when it navigated away.
     */
    resume(): void {
      if (state.get().phase === 'checking') void run('load');
      else state.republish();
    },
    setQuiet,
    get ourNodes(): Node[] {
      return [banner.host, card.host];
    },
  };
}

/** Whether the text nodes an extraction points at are still in the document (our own marking keeps them there). */
function stillAttached(ex: Extraction): boolean {
  return ex.sources.every((src) => src.segments.every((seg) => (seg.node.ref as Node | undefined)?.isConnected !== false));
}

function sameParagraphs(a: Extraction, b: Extraction): boolean {
  const x = a.article.paragraphs;
  const y = b.article.paragraphs;
  return x.length === y.length && x.every((p, i) => p === y[i]);
}

export type Controller = ReturnType<typeof createController>;
