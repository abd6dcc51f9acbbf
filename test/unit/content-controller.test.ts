// @vitest-environment happy-dom
// The content script's whole check on the seed article (Azerbaijani edition,
// figures scrambled by machine translation) against the faithful editions. The
// background is its real router, fetcher and checker with `fetch` answering
// from rendered pages: progress, marks, banner, tab state, a failing
// reference, re-runs without refetching.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createChecker } from '../../src/background/checker';
import { createFetcher } from '../../src/background/fetcher';
import { route, type RouterDeps } from '../../src/background/router';
import { createTabStates } from '../../src/background/tabs';
import type { ContentRequest, TabState } from '../../src/shared/messages';
import { editionUrl as siteEditionUrl, isEuReporterUrl } from '../../src/site/urls';
import { DEFAULT_SETTINGS, type Settings } from '../../src/shared/settings';
import { editionUrl, renderArticlePage } from '../fixtures/render';
import { resetFake } from './ui-fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./ui-fake-browser')).fakeBrowser }));

const { createController } = await import('../../src/content/controller');
const { MARK_TAG } = await import('../../src/content/marks');
const { BANNER_ID } = await import('../../src/content/banner');

const SEED = join(process.cwd(), 'test/fixtures/seed');
const meta = JSON.parse(readFileSync(join(SEED, 'article.json'), 'utf8')) as { path: string; published: string };

function page(lang: string): string {
  const [title, ...paragraphs] = readFileSync(join(SEED, `${lang}.txt`), 'utf8').trim().split(/\n\s*\n/);
  const siblings = Object.fromEntries(['en', 'az', 'sw', 'fr', 'de'].map((l) => [l, editionUrl(l, meta.path)]));
  return renderArticlePage({ lang, url: editionUrl(lang, meta.path), title, paragraphs, published: meta.published, siblings, noiseSeed: lang.length * 7 + lang.charCodeAt(0) });
}

/** Puts a rendered page into the test's document. */
function show(html: string): void {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.setAttribute('lang', parsed.documentElement.getAttribute('lang') ?? '');
  document.head.innerHTML = parsed.head.innerHTML;
  document.body.innerHTML = parsed.body.innerHTML;
  delete document.documentElement.dataset.factFlags;
}

interface Harness {
  sent: ContentRequest[];
  states: TabState[];
  /** Editions that reached the network. */
  fetched: string[];
}

function setup(lang: string, opts: { fail?: Record<string, number>; settings?: Partial<Settings>; onFetch?: () => void } = {}) {
  show(page(lang));
  const h: Harness = { sent: [], states: [], fetched: [] };
  const langOf = (url: string) => new URL(url).hostname.split('.')[0].replace('www', 'en');
  // The network: every edition of the seed article, or the status the test asks for.
  const fakeFetch = (async (input: string) => {
    const l = langOf(input);
    h.fetched.push(l);
    opts.onFetch?.();
    const status = opts.fail?.[l];
    const res = status ? new Response('', { status }) : new Response(page(l), { headers: { 'content-type': 'text/html; charset=utf-8' } });
    Object.defineProperty(res, 'url', { value: input });
    return res;
  }) as unknown as typeof fetch;
  const fetcher = createFetcher({ fetch: fakeFetch, allowUrl: isEuReporterUrl, sleep: async () => {} });
  const noop = async () => {};
  const deps: RouterDeps = {
    extensionId: 'ext',
    extensionOrigin: 'chrome-extension://ext/',
    fetcher,
    checker: createChecker({ fetcher, editionUrl: siteEditionUrl, isEuReporterUrl }),
    tabs: createTabStates({ setBadgeText: noop, setBadgeBackgroundColor: noop, setIcon: noop }),
    editionUrl: siteEditionUrl,
    isEuReporterUrl,
  };
  const tabUrl = editionUrl(lang, meta.path);
  const send = async (msg: ContentRequest): Promise<unknown> => {
    h.sent.push(structuredClone(msg));
    if (msg.type === 'tab-state') h.states.push(structuredClone(msg.state));
    // Through structured cloning both ways, as runtime messaging does.
    const answer = await route(structuredClone(msg), { id: 'ext', url: tabUrl, frameId: 0, tab: { id: 1, url: tabUrl } }, deps);
    return structuredClone(answer);
  };
  const controller = createController({
    doc: document,
    href: () => tabUrl,
    send,
    loadSettings: async () => ({ ...DEFAULT_SETTINGS, ...opts.settings }),
  });
  return { h, controller };
}

const bannerText = () => document.getElementById(BANNER_ID)?.shadowRoot?.textContent ?? '';

beforeEach(() => resetFake());

describe('content controller on the seed article', () => {
  it('flags the scrambled Azerbaijani figures inline without changing the text', async () => {
    const { h, controller } = setup('az');
    const before = document.querySelector('.td-post-content, .entry-content, article')!.textContent;
    await controller.run('load');
    expect(document.documentElement.dataset.factFlags).toBe('done');
    const marks = Array.from(document.querySelectorAll(`${MARK_TAG}[role="button"]`));
    expect(marks.length).toBeGreaterThan(0);
    const final = h.states[h.states.length - 1];
    expect(final.phase).toBe('done');
    expect(marks.length).toBe(final.report!.flags.length);
    // The marked text is the flagged text, and the article text is what it was.
    for (const m of marks) {
      const flag = final.report!.flags[Number((m as HTMLElement).dataset.flagIndex)];
      const all = Array.from(document.querySelectorAll(`${MARK_TAG}[data-flag-index="${(m as HTMLElement).dataset.flagIndex}"]`));
      expect(all.map((x) => x.textContent).join('')).toBe(flag.text);
    }
    expect(document.querySelector('.td-post-content, .entry-content, article')!.textContent).toBe(before);
    expect(bannerText()).toMatch(/differ from the English, French,? and German editions/);
    // Each edition fetched once; only languages went to the background, never a URL.
    expect(h.fetched.sort()).toEqual(['de', 'en', 'fr']);
    expect(h.sent.filter((m) => m.type === 'fetch-edition').every((m) => Object.keys(m).sort().join() === 'lang,type')).toBe(true);
  });

  it('publishes progress: editions loading, then each edition settled', async () => {
    const { h, controller } = setup('az');
    await controller.run('load');
    const phases = h.states.map((s) => s.phase);
    expect(phases[0]).toBe('checking');
    expect(phases[phases.length - 1]).toBe('done');
    // Updates made together go out as one message: the first already has every edition under way.
    expect(h.states[0].editions.map((e) => [e.lang, e.state])).toEqual([
      ['en', 'loading'],
      ['fr', 'loading'],
      ['de', 'loading'],
    ]);
    expect(h.states.some((s) => s.phase === 'checking' && s.editions.some((e) => e.state === 'ok'))).toBe(true);
    const final = h.states[h.states.length - 1];
    expect(final.editions.map((e) => [e.lang, e.state])).toEqual([
      ['en', 'ok'],
      ['fr', 'ok'],
      ['de', 'ok'],
    ]);
    expect(final.lang).toBe('az');
  });

  it('raises no flag on the faithful Swahili edition', async () => {
    const { h, controller } = setup('sw');
    await controller.run('load');
    expect(h.states[h.states.length - 1].report!.flags).toEqual([]);
    expect(document.querySelector(MARK_TAG)).toBeNull();
    expect(bannerText()).toContain('No figure or name differs');
  });

  it('reports failing references and draws no flag from them', async () => {
    const { h, controller } = setup('az', { fail: { fr: 500, de: 404 } });
    await controller.run('load');
    const final = h.states[h.states.length - 1];
    expect(final.editions.find((e) => e.lang === 'fr')).toMatchObject({ state: 'error', reason: 'server error (500)' });
    expect(final.report!.flags.every((f) => f.evidence.every((e) => e.lang === 'en'))).toBe(true);
    expect(bannerText()).toContain('fr: server error (500)');
    expect(bannerText()).toContain('de: not found (404)');
  });

  it('re-runs after the page replaces the article body, without fetching again', async () => {
    const { h, controller } = setup('az');
    await controller.run('load');
    const count = document.querySelectorAll(`${MARK_TAG}[role="button"]`).length;
    show(page('az'));
    controller.onPageChanged();
    await vi.waitFor(() => expect(document.documentElement.dataset.factFlags).toBe('done'));
    await vi.waitFor(() => expect(document.querySelectorAll(`${MARK_TAG}[role="button"]`).length).toBe(count));
    expect(h.fetched).toHaveLength(3);
  });

  it('marks the new article body when the page replaces it while the check is still running', async () => {
    // The theme re-renders the article while the references are being fetched: every node the run extracted is detached.
    let swapped = false;
    const { h, controller } = setup('az', {
      onFetch: () => {
        if (swapped) return;
        swapped = true;
        show(page('az'));
        void controller.onPageChanged();
      },
    });
    await controller.run('load');
    expect(swapped).toBe(true);
    await vi.waitFor(() => expect(document.documentElement.dataset.factFlags).toBe('done'));
    const final = h.states[h.states.length - 1];
    expect(final.report!.flags.length).toBeGreaterThan(0);
    await vi.waitFor(() => expect(document.querySelectorAll(`${MARK_TAG}[role="button"]`).length).toBe(final.report!.flags.length));
    expect(h.fetched).toHaveLength(3);
  });

  it('does nothing on load when automatic checks are off, and checks on command', async () => {
    const { h, controller } = setup('az', { settings: { autoCheck: false } });
    await controller.run('load');
    expect(h.fetched).toEqual([]);
    expect(h.states[h.states.length - 1].phase).toBe('idle');
    await controller.run('command');
    expect(document.documentElement.dataset.factFlags).toBe('done');
  });

  it('says not-article on a listing page and fetches nothing', async () => {
    show(page('az'));
    const sent: ContentRequest[] = [];
    const controller = createController({
      doc: document,
      href: () => 'https://az.eureporter.co/category/belgium/',
      send: async (m) => void sent.push(m),
      loadSettings: async () => DEFAULT_SETTINGS,
    });
    await controller.run('load');
    expect(document.documentElement.dataset.factFlags).toBe('not-article');
    expect(sent.every((m) => m.type === 'tab-state')).toBe(true);
  });

  it('a newer run supersedes one in progress (navigation cancels work)', async () => {
    const { h, controller } = setup('az');
    const first = controller.run('load');
    controller.cancel();
    await first;
    expect(document.querySelector(MARK_TAG)).toBeNull();
    expect(h.states.some((s) => s.phase === 'done')).toBe(false);
  });
});
