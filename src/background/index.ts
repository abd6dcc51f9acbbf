// Background entry: wires the router, the fetcher, the checker and the tab
// states to the browser. It makes no network request of its own: only edition fetches the
// content script asks for, derived from the tab's URL.
import browser from 'webextension-polyfill';
import { editionUrl, isEuReporterUrl } from '../site/urls';
import type { TabState } from '../shared/messages';
import { createChecker } from './checker';
import { primeEngineFromBuild } from './cldr';
import { createFetcher, type CacheEntry, type CacheStore } from './fetcher';
import { route, type Sender } from './router';
import { createTabStates, type StateStore } from './tabs';

/** storage.session where the browser has it; otherwise the memory caches are all there is. */
const session = browser.storage.session as typeof browser.storage.session | undefined;

function sessionStore<T>(prefix: string) {
  if (!session) return undefined;
  return {
    async get(key: string): Promise<T | undefined> {
      const k = prefix + key;
      return ((await session.get(k)) as Record<string, T>)[k];
    },
    async set(key: string, value: T): Promise<void> {
      await session.set({ [prefix + key]: value });
    },
    async remove(key: string): Promise<void> {
      await session.remove(prefix + key);
    },
    async clear(): Promise<void> {
      const all = await session.get(null);
      await session.remove(Object.keys(all).filter((k) => k.startsWith(prefix)));
    },
  };
}

// Before any check: the engine builds each language's data once, on first use.
primeEngineFromBuild();

const fetcher = createFetcher({ store: sessionStore<CacheEntry>('page:') as CacheStore | undefined, allowUrl: isEuReporterUrl });
const tabs = createTabStates(browser.action, sessionStore<TabState>('state:') as StateStore | undefined);

const deps = {
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  fetcher,
  checker: createChecker({ fetcher, editionUrl, isEuReporterUrl }),
  tabs,
  editionUrl,
  isEuReporterUrl,
};

// Returning undefined leaves a message unanswered: unknown shapes and senders get nothing.
browser.runtime.onMessage.addListener((msg: unknown, sender: Sender) => route(msg, sender, deps));

browser.tabs.onRemoved.addListener((tabId) => void tabs.clear(tabId, false));
// A new document in the tab: its content script reports afresh, the old page's flags no longer apply.
browser.tabs.onUpdated.addListener((tabId, change) => {
  if (change.status === 'loading') void tabs.clear(tabId, true);
});
