// A tiny in-memory stand-in for the WebExtension `browser` object, just the
// parts the popup and options pages use. Messages come from the real
// extension/_locales catalogues, so tests also prove the keys exist.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TabState } from '../../src/shared/messages';

type Catalogue = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

const catalogues = new Map<string, Catalogue>();
export function catalogue(lang: string): Catalogue {
  if (!catalogues.has(lang)) {
    // vitest runs from the repository root; happy-dom's import.meta.url is not a file URL.
    const file = join(process.cwd(), 'extension/_locales', lang, 'messages.json');
    catalogues.set(lang, JSON.parse(readFileSync(file, 'utf8')) as Catalogue);
  }
  return catalogues.get(lang)!;
}

/** Chrome's substitution: $NAME$ → its placeholder's content, whose $n is the n-th substitution. */
export function formatMessage(cat: Catalogue, key: string, subs: string[] = []): string {
  const entry = cat[key];
  if (!entry) return '';
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
    const content = entry.placeholders?.[name.toLowerCase()]?.content ?? '';
    return content.replace(/\$(\d)/g, (__, n: string) => subs[Number(n) - 1] ?? '');
  });
}

type Listener = (...args: any[]) => unknown;
const listeners = () => new Set<Listener>();
const event = (set: Set<Listener>) => ({
  addListener: (l: Listener) => void set.add(l),
  removeListener: (l: Listener) => void set.delete(l),
  hasListener: (l: Listener) => set.has(l),
});

export interface FakeOptions {
  uiLanguage?: string;
  tab?: { id: number; url?: string } | null;
  /** The active tab when it is not `tab`: the summary opened as a page is itself the active tab. */
  activeTab?: { id: number; url?: string };
  tabState?: TabState | null;
  /** False: tabs.sendMessage rejects, as when no content script runs in the tab. */
  tabReachable?: boolean;
  sync?: Record<string, unknown>;
}

export const fake = {
  uiLanguage: 'en',
  tab: null as { id: number; url?: string } | null,
  activeTab: undefined as { id: number; url?: string } | undefined,
  tabState: null as TabState | null,
  tabReachable: true,
  sync: {} as Record<string, unknown>,
  runtimeSent: [] as unknown[],
  tabSent: [] as { tabId: number; message: unknown }[],
  optionsOpened: 0,
  messageListeners: listeners(),
  storageListeners: listeners(),
};

export function resetFake(o: FakeOptions = {}): void {
  fake.uiLanguage = o.uiLanguage ?? 'en';
  fake.tab = o.tab === undefined ? { id: 7, url: 'https://az.eureporter.co/belgium/2024/10/20/story/' } : o.tab;
  fake.activeTab = o.activeTab;
  fake.tabState = o.tabState ?? null;
  fake.tabReachable = o.tabReachable ?? true;
  fake.sync = structuredClone(o.sync ?? {});
  fake.runtimeSent = [];
  fake.tabSent = [];
  fake.optionsOpened = 0;
  fake.messageListeners.clear();
  fake.storageListeners.clear();
}

/** Delivers a runtime message to the page as a content script in `tabId` would send it. */
export function pushFromTab(tabId: number, message: unknown): void {
  for (const l of fake.messageListeners) l(message, { id: 'fact-flags', tab: { id: tabId } });
}

/** Writes to storage.sync as another window would, firing onChanged. */
export function writeSync(items: Record<string, unknown>): void {
  const changes = Object.fromEntries(Object.entries(items).map(([k, v]) => [k, { oldValue: fake.sync[k], newValue: v }]));
  Object.assign(fake.sync, structuredClone(items));
  for (const l of fake.storageListeners) l(changes, 'sync');
}

export const fakeBrowser = {
  i18n: {
    getUILanguage: () => fake.uiLanguage,
    getMessage: (key: string, subs?: string | string[]) => {
      if (key === '@@bidi_dir') return 'ltr';
      const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
      return formatMessage(catalogue(fake.uiLanguage.split('-')[0]!), key, list) || formatMessage(catalogue('en'), key, list);
    },
  },
  runtime: {
    async sendMessage(message: { type?: string; tabId?: number }) {
      fake.runtimeSent.push(structuredClone(message));
      if (message.type === 'get-tab-state') return fake.tab && message.tabId === fake.tab.id ? structuredClone(fake.tabState) : null;
      if (message.type === 'clear-cache') return true;
      return undefined;
    },
    onMessage: event(fake.messageListeners),
    async openOptionsPage() {
      fake.optionsOpened++;
    },
  },
  tabs: {
    async query() {
      const active = fake.activeTab ?? fake.tab;
      return active ? [{ ...active, active: true }] : [];
    },
    async get(tabId: number) {
      if (fake.tab?.id !== tabId) throw new Error(`No tab with id: ${tabId}.`);
      return { ...fake.tab };
    },
    async sendMessage(tabId: number, message: unknown) {
      if (!fake.tabReachable) throw new Error('Could not establish connection. Receiving end does not exist.');
      fake.tabSent.push({ tabId, message: structuredClone(message) });
      return true;
    },
  },
  storage: {
    sync: {
      async get(keys: null | string | string[]) {
        const all = structuredClone(fake.sync);
        if (keys === null) return all;
        return Object.fromEntries((Array.isArray(keys) ? keys : [keys]).filter((k) => k in all).map((k) => [k, all[k]]));
      },
      async set(items: Record<string, unknown>) {
        writeSync(items);
      },
    },
    onChanged: event(fake.storageListeners),
  },
};
