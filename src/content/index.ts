// Content script entry: connects the controller to the browser — settings in
// storage.sync, the background for editions and state, popup commands, page
// mutations, in-page navigation, and leaving the page.
import browser from 'webextension-polyfill';
import { isTabCommand, type ContentRequest, type TabCommand } from '../shared/messages';
import { loadSettings } from '../ui/settings-store';
import { createController, type Controller } from './controller';
import { MARK_TAG } from './marks';

/** Quiet time after the page's last change before we look at it again. */
const MUTATION_DEBOUNCE_MS = 500;

const send = (msg: ContentRequest) => browser.runtime.sendMessage(msg);

const controller = createController({
  doc: document,
  href: () => location.href,
  send,
  loadSettings,
});

/** A change is the page's when it touches something other than our marks, banner and card. */
function isOurs(node: Node, ours: Node[]): boolean {
  if (ours.some((o) => o === node || o.contains(node))) return true;
  return node.nodeType === 1 && (node as Element).localName === MARK_TAG;
}

/** Only changes that can alter article text matter; attribute flips and empty ad slots do not. */
function carriesText(r: MutationRecord, ours: Node[]): boolean {
  if (isOurs(r.target, ours)) return false;
  if (r.type === 'characterData') return true;
  const nodes = [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)];
  return nodes.some((n) => !isOurs(n, ours) && !!n.textContent?.trim());
}

function watchPage(c: Controller): MutationObserver {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const target = document.documentElement;
  const options: MutationObserverInit = { childList: true, subtree: true, characterData: true };
  const observer = new MutationObserver((records) => {
    const ours = c.ourNodes;
    if (!records.some((r) => carriesText(r, ours))) return;
    clearTimeout(timer);
    timer = setTimeout(() => void c.onPageChanged(), MUTATION_DEBOUNCE_MS);
  });
  observer.observe(target, options);
  c.setQuiet((fn) => {
    observer.disconnect();
    try {
      return fn();
    } finally {
      observer.observe(target, options);
    }
  });
  return observer;
}

function onCommand(cmd: TabCommand): Promise<boolean> {
  if (cmd.type === 'reveal-flag') return Promise.resolve(controller.reveal(cmd.index));
  void controller.run('command');
  return Promise.resolve(true);
}

// Only the popup's commands are answered; anything else is left to other listeners.
browser.runtime.onMessage.addListener((msg: unknown) => (isTabCommand(msg) ? onCommand(msg) : undefined));

browser.storage.onChanged.addListener((_changes, area) => {
  if (area === 'sync') void controller.onSettingsChanged();
});

// Leaving the page cancels the check; coming back from the back/forward cache resumes it.
addEventListener('pagehide', () => controller.cancel());
addEventListener('pageshow', (e) => {
  if (e.persisted) controller.resume();
});
// In-page navigation (history API, hash): the controller compares article paths.
addEventListener('popstate', () => void controller.onPageChanged());

watchPage(controller);
void controller.run('load');
