// The background's message gate: unknown shapes and senders are ignored, and a
// fetch URL is always derived from the sender tab's own URL, never from the message.
import { describe, expect, it, vi } from 'vitest';
import type { Checker } from '../../src/background/checker';
import type { Fetcher } from '../../src/background/fetcher';
import { route, type RouterDeps, type Sender } from '../../src/background/router';
import { badgeFor, createTabStates, ICONS, type TabUi } from '../../src/background/tabs';
import type { TabState } from '../../src/shared/messages';

const EXT = 'ext-id';
const ORIGIN = 'chrome-extension://ext-id/';
const ARTICLE = 'https://az.eureporter.co/politics/2025/01/02/some-article/';

function setup() {
  const get = vi.fn(async (url: string) => ({ ok: true as const, url, html: '<p>x</p>' }));
  const clear = vi.fn(async () => {});
  const check = vi.fn(async (pageUrl: string) => ({ ok: true as const, report: { lang: 'az', paragraphs: [pageUrl], references: [], flags: [] } }));
  const ui: TabUi = { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}), setIcon: vi.fn(async () => {}) };
  const deps: RouterDeps = {
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    fetcher: { get, clear } as unknown as Fetcher,
    checker: { check, warm: () => {} } as unknown as Checker,
    tabs: createTabStates(ui),
    // A stand-in with the site module's contract: same path on the language's subdomain.
    editionUrl: (pageUrl, lang) => {
      const u = new URL(pageUrl);
      u.hostname = `${lang === 'en' ? 'www' : lang}.eureporter.co`;
      return u.href;
    },
    isEuReporterUrl: (u) => {
      try {
        const { protocol, hostname } = new URL(u);
        return /^https?:$/.test(protocol) && /(^|\.)eureporter\.co$/.test(hostname);
      } catch {
        return false;
      }
    },
  };
  return { deps, get, clear, check, ui };
}

const contentSender = (url = ARTICLE, tabId = 7): Sender => ({ id: EXT, url, frameId: 0, tab: { id: tabId, url } });
const popupSender: Sender = { id: EXT, url: `${ORIGIN}popup.html` };

describe('route', () => {
  it('ignores messages of unknown shape', () => {
    const { deps, get } = setup();
    for (const m of [null, 'fetch-edition', { type: 'fetch' }, { type: 'fetch-edition', lang: 'not a lang' }, { type: 'get-tab-state', tabId: 'x' }, { type: 'tab-state' }]) {
      expect(route(m, contentSender(), deps)).toBeUndefined();
    }
    expect(get).not.toHaveBeenCalled();
  });

  it("derives the fetch URL from the sender tab's URL and ignores any URL in the message", async () => {
    const { deps, get } = setup();
    const r = await route({ type: 'fetch-edition', lang: 'fr', url: 'https://evil.example/steal' }, contentSender(), deps);
    expect(get).toHaveBeenCalledTimes(1);
    expect(get).toHaveBeenCalledWith('https://fr.eureporter.co/politics/2025/01/02/some-article/');
    // Progress only: the page's HTML stays in the background, which checks it.
    expect(r).toEqual({ ok: true, url: 'https://fr.eureporter.co/politics/2025/01/02/some-article/' });
  });

  it('never fetches for a tab that is not on EU Reporter', async () => {
    const { deps, get } = setup();
    for (const url of ['https://evil.example/a/', 'https://eureporter.co.evil.example/a/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const r = await route({ type: 'fetch-edition', lang: 'en' }, contentSender(url), deps);
      expect(r).toMatchObject({ ok: false });
    }
    expect(get).not.toHaveBeenCalled();
  });

  it('refuses a derived URL outside EU Reporter', async () => {
    const { deps, get } = setup();
    deps.editionUrl = () => 'https://elsewhere.example/x';
    expect(await route({ type: 'fetch-edition', lang: 'en' }, contentSender(), deps)).toMatchObject({ ok: false });
    expect(get).not.toHaveBeenCalled();
  });

  it('answers content requests only from a tab top frame of this extension', () => {
    const { deps } = setup();
    const msg = { type: 'fetch-edition', lang: 'en' };
    expect(route(msg, { ...contentSender(), id: 'other-ext' }, deps)).toBeUndefined();
    expect(route(msg, { ...contentSender(), frameId: 3 }, deps)).toBeUndefined();
    expect(route(msg, popupSender, deps)).toBeUndefined();
  });

  it('checks against editions of the sender tab, and only for content scripts', async () => {
    const { deps, check } = setup();
    const article = { url: 'https://evil.example/', lang: 'az', path: '/x/', paragraphs: ['a'] };
    const msg = { type: 'check-article', article, langs: ['en', 'fr'] };
    expect(route({ ...msg, langs: ['en', 'javascript:'] }, contentSender(), deps)).toBeUndefined();
    expect(route({ ...msg, article: { ...article, paragraphs: [1] } }, contentSender(), deps)).toBeUndefined();
    expect(route(msg, popupSender, deps)).toBeUndefined();
    await route(msg, contentSender(), deps);
    expect(check).toHaveBeenCalledWith(ARTICLE, article, ['en', 'fr'], undefined);
  });

  it('answers UI requests only from extension pages', async () => {
    const { deps, clear } = setup();
    expect(route({ type: 'clear-cache' }, contentSender(), deps)).toBeUndefined();
    expect(route({ type: 'get-tab-state', tabId: 7 }, contentSender(), deps)).toBeUndefined();
    expect(await route({ type: 'clear-cache' }, popupSender, deps)).toBe(true);
    expect(clear).toHaveBeenCalledTimes(1);
  });

  it('stores the tab state from the sender tab and hands it to the popup', async () => {
    const { deps, ui } = setup();
    const state: TabState = {
      phase: 'done',
      url: ARTICLE,
      lang: 'az',
      editions: [],
      report: { lang: 'az', paragraphs: ['a'], references: [], flags: [{ kind: 'figure', paragraph: 0, start: 0, end: 1, text: 'a', message: '', evidence: [] }] },
    };
    await route({ type: 'tab-state', state }, contentSender(ARTICLE, 7), deps);
    expect(await route({ type: 'get-tab-state', tabId: 7 }, popupSender, deps)).toEqual(state);
    expect(await route({ type: 'get-tab-state', tabId: 8 }, popupSender, deps)).toBeNull();
    expect(ui.setBadgeText).toHaveBeenLastCalledWith({ tabId: 7, text: '1' });
    expect(ui.setIcon).toHaveBeenLastCalledWith({ tabId: 7, path: ICONS.flagged });
  });
});

describe('tab states', () => {
  const base: TabState = { phase: 'checking', url: ARTICLE, editions: [] };
  it('badges the phase, and the flag count once done', () => {
    expect(badgeFor(base)).toMatchObject({ text: '…', flagged: false });
    expect(badgeFor({ ...base, phase: 'done', report: { lang: 'az', paragraphs: [], references: [], flags: [] } })).toMatchObject({ text: '', flagged: false });
    expect(badgeFor(undefined)).toMatchObject({ text: '' });
    expect(badgeFor({ ...base, phase: 'error' })).toMatchObject({ text: '!' });
  });

  it('clears a tab and repaints the normal icon on navigation', async () => {
    const { ui } = setup();
    const tabs = createTabStates(ui);
    await tabs.set(3, { ...base, phase: 'error' });
    await tabs.clear(3, true);
    expect(await tabs.get(3)).toBeNull();
    expect(ui.setBadgeText).toHaveBeenLastCalledWith({ tabId: 3, text: '' });
    expect(ui.setIcon).toHaveBeenLastCalledWith({ tabId: 3, path: ICONS.normal });
  });

  it('repaints only what changed: setIcon loads images, and a check publishes often', async () => {
    const { ui } = setup();
    const tabs = createTabStates(ui);
    await tabs.set(4, base);
    await tabs.set(4, { ...base, editions: [{ lang: 'en', url: ARTICLE, state: 'ok' }] });
    expect(ui.setIcon).toHaveBeenCalledTimes(1);
    expect(ui.setBadgeText).toHaveBeenCalledTimes(1);
    await tabs.clear(4, true);
    expect(ui.setIcon).toHaveBeenCalledTimes(2);
  });

  it('survives a failing badge API (tab closed mid-check)', async () => {
    const ui: TabUi = { setBadgeText: async () => Promise.reject(new Error('No tab with id')), setBadgeBackgroundColor: async () => {}, setIcon: async () => {} };
    const tabs = createTabStates(ui);
    await expect(tabs.set(9, base)).resolves.toBeUndefined();
    expect(await tabs.get(9)).toEqual(base);
  });
});
