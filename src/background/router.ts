// The background's one entry point for messages. Only known shapes (isRequest)
// from known senders are answered: content requests from a tab's top frame,
// UI requests from the extension's own pages. A fetch URL is never taken from
// the message: it is derived from the sender tab's own URL and the requested
// language, and must be an EU Reporter edition (for fetch-edition and
// check-article alike).
import type { Lang } from '../core/types';
import { isRequest, type FetchEditionResponse, type Request, type TabState } from '../shared/messages';
import type { Checker } from './checker';
import type { Fetcher } from './fetcher';
import type { TabStates } from './tabs';

/** The parts of runtime.MessageSender the router reads. */
export interface Sender {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number; url?: string };
}

export interface RouterDeps {
  extensionId: string;
  /** The extension's own origin ('chrome-extension://…/', 'moz-extension://…/'): where UI requests come from. */
  extensionOrigin: string;
  fetcher: Fetcher;
  checker: Checker;
  tabs: TabStates;
  /** The URL of `lang`'s edition of the article at `pageUrl`; undefined when there is none. */
  editionUrl: (pageUrl: string, lang: Lang) => string | undefined;
  /** True only for EU Reporter edition URLs: the single gate for every fetch. */
  isEuReporterUrl: (url: string) => boolean;
}

type Handler<T extends Request['type']> = (msg: Extract<Request, { type: T }>, sender: Sender, deps: RouterDeps) => Promise<unknown>;

const fromContent = (s: Sender, d: RouterDeps) => s.id === d.extensionId && !!s.tab && Number.isInteger(s.tab.id) && (s.frameId ?? 0) === 0;
const fromExtensionPage = (s: Sender, d: RouterDeps) => s.id === d.extensionId && !!s.url?.startsWith(d.extensionOrigin);

const fetchEdition: Handler<'fetch-edition'> = async (msg, sender, deps): Promise<FetchEditionResponse> => {
  const pageUrl = sender.tab?.url ?? '';
  const url = deps.isEuReporterUrl(pageUrl) ? deps.editionUrl(pageUrl, msg.lang) : undefined;
  if (!url || !deps.isEuReporterUrl(url)) return { ok: false, url: url ?? '', reason: 'not an EU Reporter edition' };
  deps.checker.warm(pageUrl, msg.lang);
  const page = await deps.fetcher.get(url);
  return page.ok ? { ok: true, url: page.url } : page;
};

const checkArticle: Handler<'check-article'> = (msg, sender, deps) =>
  deps.checker.check(sender.tab?.url ?? '', msg.article, msg.langs, msg.options);

/** Keeps only what the popup and badge read, so a malformed state cannot break them. */
function cleanState(state: TabState, sender: Sender): TabState {
  return {
    ...state,
    url: typeof state.url === 'string' ? state.url : (sender.tab?.url ?? ''),
    editions: Array.isArray(state.editions) ? state.editions : [],
  };
}

const tabState: Handler<'tab-state'> = async (msg, sender, deps) => {
  await deps.tabs.set(sender.tab!.id!, cleanState(msg.state, sender));
  return true;
};

const getTabState: Handler<'get-tab-state'> = (msg, _sender, deps) => deps.tabs.get(msg.tabId);

const clearCache: Handler<'clear-cache'> = async (_msg, _sender, deps) => {
  await deps.fetcher.clear();
  return true;
};

/** Each request type: its handler and who may send it. */
const ROUTES: { [T in Request['type']]: { handle: Handler<T>; allowed: (s: Sender, d: RouterDeps) => boolean } } = {
  'fetch-edition': { handle: fetchEdition, allowed: fromContent },
  'tab-state': { handle: tabState, allowed: fromContent },
  'check-article': { handle: checkArticle, allowed: fromContent },
  'get-tab-state': { handle: getTabState, allowed: fromExtensionPage },
  'clear-cache': { handle: clearCache, allowed: fromExtensionPage },
};

/** The response for a message, or undefined when the message is not ours to answer (unknown shape or sender). */
export function route(msg: unknown, sender: Sender, deps: RouterDeps): Promise<unknown> | undefined {
  if (!isRequest(msg)) return undefined;
  const r = ROUTES[msg.type] as { handle: Handler<Request['type']>; allowed: (s: Sender, d: RouterDeps) => boolean };
  if (!r.allowed(sender, deps)) return undefined;
  return r.handle(msg, sender, deps);
}
