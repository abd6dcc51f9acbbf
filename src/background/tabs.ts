// Per-tab check state: what the popup shows and what the toolbar badge and icon
// say. Kept in memory and mirrored to storage.session, because Chrome stops an
// idle service worker and the popup may ask after it restarts.
import type { TabPhase, TabState } from '../shared/messages';

/** The browser surface this module needs; the extension passes browser.action and storage.session. */
export interface TabUi {
  setBadgeText(details: { tabId: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { tabId: number; color: string }): Promise<void>;
  setIcon(details: { tabId: number; path: Record<string, string> }): Promise<void>;
}

export interface StateStore {
  get(key: string): Promise<TabState | undefined>;
  set(key: string, state: TabState): Promise<void>;
  remove(key: string): Promise<void>;
}

const ICON_SIZES = [16, 32, 48, 128];
const iconSet = (prefix: string) => Object.fromEntries(ICON_SIZES.map((s) => [String(s), `icons/${prefix}-${s}.png`]));
export const ICONS = { normal: iconSet('icon'), flagged: iconSet('flagged') };

/** Badge per phase: text and colour. `done` shows the flag count instead (see badgeFor). */
const BADGE: Record<TabPhase, { text: string; color: string }> = {
  idle: { text: '', color: '#6b7280' },
  'not-eureporter': { text: '', color: '#6b7280' },
  'not-article': { text: '', color: '#6b7280' },
  checking: { text: '…', color: '#6b7280' },
  done: { text: '', color: '#15803d' },
  error: { text: '!', color: '#6b7280' },
};
const FLAGGED_COLOR = '#c2410c';

export function flagCount(state: TabState | undefined): number {
  return state?.phase === 'done' && Array.isArray(state.report?.flags) ? state.report.flags.length : 0;
}

export function badgeFor(state: TabState | undefined): { text: string; color: string; flagged: boolean } {
  const n = flagCount(state);
  if (n > 0) return { text: n > 999 ? '999+' : String(n), color: FLAGGED_COLOR, flagged: true };
  const b = BADGE[state?.phase ?? 'idle'] ?? BADGE.idle;
  return { ...b, flagged: false };
}

const key = (tabId: number) => `tab:${tabId}`;

export function createTabStates(ui: TabUi, store?: StateStore) {
  const memory = new Map<number, TabState>();
  /** What each tab's badge and icon show now: a check publishes often, and setIcon loads images each time. */
  const painted = new Map<number, ReturnType<typeof badgeFor>>();

  async function paint(tabId: number, state: TabState | undefined): Promise<void> {
    const b = badgeFor(state);
    const was = painted.get(tabId);
    painted.set(tabId, b);
    // A tab may close between the message and the paint; the browser then rejects, which is harmless.
    await Promise.all([
      was?.text === b.text ? undefined : ui.setBadgeText({ tabId, text: b.text }),
      was?.color === b.color ? undefined : ui.setBadgeBackgroundColor({ tabId, color: b.color }),
      was?.flagged === b.flagged ? undefined : ui.setIcon({ tabId, path: b.flagged ? ICONS.flagged : ICONS.normal }),
    ]).catch(() => undefined);
  }

  return {
    async set(tabId: number, state: TabState): Promise<void> {
      memory.set(tabId, state);
      await Promise.all([store?.set(key(tabId), state).catch(() => undefined), paint(tabId, state)]);
    },
    async get(tabId: number): Promise<TabState | null> {
      const m = memory.get(tabId);
      if (m) return m;
      const stored = await store?.get(key(tabId)).catch(() => undefined);
      if (stored) memory.set(tabId, stored);
      return stored ?? null;
    },
    /** Forgets a tab (closed) or resets it (navigated away: the new page's content script reports afresh). */
    async clear(tabId: number, repaint: boolean): Promise<void> {
      memory.delete(tabId);
      // After a navigation the browser may have reset the badge itself: paint afresh.
      painted.delete(tabId);
      await store?.remove(key(tabId)).catch(() => undefined);
      if (repaint) await paint(tabId, undefined);
    },
  };
}

export type TabStates = ReturnType<typeof createTabStates>;
