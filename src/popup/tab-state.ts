// The active tab's check, as the background knows it, kept fresh while it runs.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { TabPhase, TabState, TabCommand } from '../shared/messages';
import { isEuReporterUrl } from '../site/urls';

/** While a check runs the popup asks again this often, in case a pushed update was missed. */
export const POLL_MS = 500;

export interface ActiveTab {
  id: number;
  url?: string;
}

/** What the popup shows: the background's phase, or one derived when the background knows nothing of the tab. */
export type ViewPhase = TabPhase | 'loading';

export interface TabView {
  tab: ActiveTab | null;
  state: TabState | null;
  phase: ViewPhase;
  /** Sends a command to the tab's content script; false when no content script answered. */
  send(command: TabCommand): Promise<boolean>;
}

/**
 * The tab the summary is about: the active one, or the one named by
 * `popup.html?tab=<id>` when the summary is opened as a page of its own
 * (beside the article, or by the browser tests, where the page is itself the active tab).
 */
async function queryTargetTab(search: string): Promise<ActiveTab | null> {
  const named = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(named) && named > 0) {
    const tab = await browser.tabs.get(named);
    return { id: named, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

async function askTabState(tabId: number): Promise<TabState | null> {
  try {
    const state = (await browser.runtime.sendMessage({ type: 'get-tab-state', tabId })) as TabState | null | undefined;
    return state && typeof state === 'object' && typeof state.phase === 'string' ? state : null;
  } catch {
    return null;
  }
}

/** No state means no content script ran: on EU Reporter it may yet, anywhere else it never will. */
export function viewPhase(tab: ActiveTab | null, state: TabState | null, loaded: boolean): ViewPhase {
  if (state) return state.phase;
  if (!loaded) return 'loading';
  return tab?.url && isEuReporterUrl(tab.url) ? 'idle' : 'not-eureporter';
}

/** Polls while a check runs, and on an EU Reporter tab whose content script has not reported yet. */
const shouldPoll = (phase: ViewPhase, state: TabState | null) => phase === 'checking' || (phase === 'idle' && !state);

export function useTabState(): TabView {
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [state, setState] = useState<TabState | null>(null);
  const [loaded, setLoaded] = useState(false);
  const phase = viewPhase(tab, state, loaded);

  useEffect(() => {
    let live = true;
    void (async () => {
      const active = await queryTargetTab(location.search).catch(() => null);
      const first = active ? await askTabState(active.id) : null;
      if (!live) return;
      setTab(active);
      setState(first);
      setLoaded(true);
    })();
    return () => {
      live = false;
    };
  }, []);

  // Content scripts broadcast their state with runtime.sendMessage, which reaches the popup too: take it as it comes.
  useEffect(() => {
    if (!tab) return;
    const onMessage = (message: unknown, sender: browser.Runtime.MessageSender) => {
      const m = message as { type?: string; state?: TabState };
      if (m?.type === 'tab-state' && sender.tab?.id === tab.id && m.state && typeof m.state.phase === 'string') setState(m.state);
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => browser.runtime.onMessage.removeListener(onMessage);
  }, [tab]);

  const polling = !!tab && shouldPoll(phase, state);
  useEffect(() => {
    if (!polling || !tab) return;
    const timer = setInterval(async () => {
      const next = await askTabState(tab.id);
      if (next) setState(next);
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [polling, tab]);

  const send = async (command: TabCommand): Promise<boolean> => {
    if (!tab) return false;
    try {
      await browser.tabs.sendMessage(tab.id, command);
      // Show progress at once; the content script's own state replaces this within a poll.
      if (command.type !== 'reveal-flag') setState({ url: tab.url ?? '', editions: [], ...state, phase: 'checking', report: undefined });
      return true;
    } catch {
      return false;
    }
  };

  return { tab, state, phase, send };
}
