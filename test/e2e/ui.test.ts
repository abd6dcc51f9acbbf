// The popup and the options page in both real browsers: opened from the built
// extension (chrome-extension:// and moz-extension:// URLs), checked with
// axe-core, screenshotted per colour scheme, and driven like a reader: a change of
// reference languages in the options reaches the content script of an open tab.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { NTREX_IDS, SEED_PATH, ntrexArticles } from '../../scripts/corpus';
import { editionUrl } from '../fixtures/render';
import { screenshot, type BrowserName, type BrowserSession } from './harness';
import { bannerText, openChecked, readFlags, waitChecked } from './reader';
import { BROWSERS, browserSuite, takeErrors } from './suite';

// Firefox 153+ lets WebDriver navigate only to web URLs unless system access is
// allowed; opening moz-extension:// pages is this file's whole point. Firefox
// inherits the variable from this process when the suite launches it.
process.env.MOZ_REMOTE_ALLOW_SYSTEM_ACCESS = '1';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * axe-core's violations on the page, WCAG 2.x A/AA and best practices.
 * Evaluated through the DevTools/BiDi channel rather than a <script> tag: the
 * extension pages' CSP (script-src 'self') rightly refuses injected scripts.
 */
async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

type Scheme = 'light' | 'dark';

/**
 * Colour schemes each browser can be switched to from within a test: puppeteer
 * emulates prefers-color-scheme over CDP only, so Firefox (WebDriver BiDi) is
 * seen light here and dark in a browser launched dark (the last block of this file).
 */
const SCHEMES: Record<BrowserName, Scheme[]> = { chromium: ['light', 'dark'], firefox: ['light'] };

const delay = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Waits until `predicate` holds in a UI page. Polls with single evaluations
 * instead of waitForFunction: Firefox's remote agent sometimes fails one
 * evaluation on a moz-extension:// page, and a poller must survive that.
 */
async function until(page: Page, predicate: (arg: string) => boolean, arg: string, timeout = 20_000): Promise<void> {
  const end = Date.now() + timeout;
  while (!(await page.evaluate(predicate, arg).catch(() => false))) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${predicate.toString()} (${String(arg)})`);
    await delay(50);
  }
}
const present = (page: Page, selector: string) => until(page, (sel) => !!document.querySelector(sel), selector);

/**
 * Opens an extension page. Firefox performs the navigation but never reports
 * it finished for moz-extension:// URLs, so readiness is read from the page itself.
 */
async function openUi(session: BrowserSession, url: string, viewport = { width: 900, height: 1000 }): Promise<Page> {
  // A fresh tab per page: Firefox's remote agent trips over evaluations racing a moz-extension:// to moz-extension:// navigation.
  const page = await session.newPage();
  await page.setViewport(viewport);
  void page.goto(url, { timeout: 20_000 }).catch(() => undefined);
  await until(page, (u) => location.href === u && document.readyState === 'complete', url);
  // Tabs opened later may hold the foreground; a background tab renders no frames to click in or screenshot.
  await page.bringToFront();
  return page;
}

const POPUP_VIEWPORT = { width: 380, height: 600 };

/** The slice of the WebExtension API the tests call inside extension pages: `browser` in Firefox, `chrome` in Chromium. */
interface PageApi {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: { sync: { get(key: string): Promise<Record<string, unknown>>; clear(): Promise<void> } };
}
type PageGlobals = { browser?: PageApi; chrome?: PageApi };

/** One stored setting, read inside an extension page. */
function readSync(page: Page, key: string): Promise<unknown> {
  return page.evaluate(async (k) => {
    const g = globalThis as unknown as PageGlobals;
    return (await (g.browser ?? g.chrome)!.storage.sync.get(k))[k];
  }, key);
}

/** Back to the default settings, so each test starts from what a new reader has. */
async function resetSettings(session: BrowserSession): Promise<void> {
  const page = await openUi(session, `${session.extensionOrigin}/options.html`);
  await page.evaluate(async () => {
    const g = globalThis as unknown as PageGlobals;
    await (g.browser ?? g.chrome)!.storage.sync.clear();
  });
  await page.close();
}

/** The browser's id of the tab showing `url`, asked from an extension page (only those may use the tabs API). */
async function tabIdOf(session: BrowserSession, origin: string, url: string): Promise<number> {
  const helper = await openUi(session, `${origin}/options.html`);
  const id = await helper.evaluate(async (u) => {
    const g = globalThis as unknown as PageGlobals;
    const tabs = await (g.browser ?? g.chrome)!.tabs.query({});
    return tabs.find((t) => t.url === u)?.id;
  }, url);
  await helper.close();
  if (typeof id !== 'number') throw new Error(`no tab shows ${url}`);
  return id;
}

/** The reference editions the popup lists for a tab, by their language names. */
async function popupEditions(page: Page): Promise<string[]> {
  return page.$$eval('.edition .edition-name', (els) => els.map((e) => e.textContent ?? ''));
}

/** Screenshots of a UI page in each scheme the browser can show, with axe run in each (contrast differs). */
async function auditSchemes(page: Page, browserName: BrowserName, name: string): Promise<AxeViolation[]> {
  const found: AxeViolation[] = [];
  for (const scheme of SCHEMES[browserName]) {
    if (browserName === 'chromium') await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await delay(100);
    await screenshot(page, `${name}-${browserName}-${scheme}`);
    found.push(...(await axeViolations(page)));
  }
  return found;
}

// A faithful article that every edition of the mirror carries, so any reference choice can be fetched.
const [article] = ntrexArticles([NTREX_IDS[0]]);

describe.each(BROWSERS)('%s', (browserName) => {
  const ctx = browserSuite(browserName);
  const ui = (file: string) => `${ctx.session.extensionOrigin}/${file}`;
  beforeEach(() => resetSettings(ctx.session));

  it('options page: defaults shown, no axe violations, screenshots per colour scheme', async () => {
    const page = await openUi(ctx.session, ui('options.html'));
    await present(page, 'ol.chosen li');
    const chosen = await page.$$eval('ol.chosen .lang-name', (els) => els.map((e) => e.textContent));
    expect(chosen).toEqual(['English', 'Français (French)', 'Deutsch (German)']);
    expect(await auditSchemes(page, browserName, 'options')).toEqual([]);
    await page.close();
    expect(takeErrors(ctx.session)).toEqual([]);
  });

  it('options page works from the keyboard alone, with a visible focus ring', async () => {
    const page = await openUi(ctx.session, ui('options.html'));
    await present(page, 'ol.chosen li');
    const focused = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const style = el ? getComputedStyle(el) : null;
        return { label: el?.getAttribute('aria-label') ?? '', outline: style ? `${style.outlineStyle} ${style.outlineWidth}` : '' };
      });
    // The first control is "Move English up", disabled at the top, so Tab lands on "Move English down".
    await page.keyboard.press('Tab');
    expect(await focused()).toEqual({ label: 'Move English down', outline: 'solid 2px' });
    await page.keyboard.press('Enter');
    await expect.poll(() => readSync(page, 'references')).toEqual(['fr', 'en', 'de']);
    expect((await focused()).label).toBe('Move English down');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect((await focused()).label).toBe('Move English up');
    await page.keyboard.press('Enter');
    await expect.poll(() => readSync(page, 'references')).toEqual(['en', 'fr', 'de']);
    await page.close();
    expect(takeErrors(ctx.session)).toEqual([]);
  });

  it('popup on the scrambled seed article: flags grouped by paragraph, references, no axe violations', async () => {
    const azUrl = editionUrl('az', SEED_PATH);
    const articlePage = await openChecked(ctx.session, azUrl);
    const tabId = await tabIdOf(ctx.session, ctx.session.extensionOrigin, azUrl);
    const page = await openUi(ctx.session, ui(`popup.html?tab=${tabId}`), POPUP_VIEWPORT);
    await present(page, '.flags .flag');
    // The popup lists what the page marks: the same texts, in reading order (a left-out figure has no text to compare).
    const onPage = (await readFlags(articlePage)).filter((f) => f.kind !== 'missing').map((f) => f.text);
    const marks = await page.$$eval('.flags .flag:not(.flag-missing) .flag-sentence mark', (els) => els.map((e) => e.textContent ?? ''));
    expect(onPage.length).toBeGreaterThan(0);
    expect(marks).toEqual(onPage);
    expect(marks).toContain('303%');
    // Each reference's quote marks what it says there: the English 1.7% where this edition has 1.7 milyon dollara.
    expect(await page.$$eval('.evidence mark.evidence-figure', (els) => els.map((e) => e.textContent ?? ''))).toContain('1.7%');
    expect(await popupEditions(page)).toEqual(['English', 'French', 'German']);
    const total = await page.$$eval('.flags .flag', (els) => els.length);
    expect(await page.$eval('[role="status"]', (e) => e.textContent)).toContain(`${total} places disagree`);
    expect(await auditSchemes(page, browserName, 'popup')).toEqual([]);
    await page.close();
    await articlePage.close();
    expect(takeErrors(ctx.session)).toEqual([]);
  });

  it('a change of reference languages in the options reaches an open tab', async () => {
    const url = editionUrl('ru', article!.path);
    const tab = await openChecked(ctx.session, url);
    expect(await bannerText(tab)).toMatch(/English/);

    const options = await openUi(ctx.session, ui('options.html'));
    await present(options, 'ol.chosen li');
    // Put Spanish first and Italian second, then drop the defaults: as a reader would, with the search and buttons.
    for (const [query, name] of [['espa', 'Spanish'], ['ital', 'Italian']] as const) {
      await options.locator('input[type="search"]').fill(query);
      await options.locator(`button[aria-label="Add ${name}"]`).click();
      await present(options, `ol.chosen button[aria-label="Remove ${name}"]`);
    }
    for (const name of ['English', 'French', 'German']) {
      await options.locator(`button[aria-label="Remove ${name}"]`).click();
      await until(options, (n) => !document.querySelector(`ol.chosen button[aria-label="Remove ${n}"]`), name);
    }
    expect(await readSync(options, 'references')).toEqual(['es', 'it']);

    // The tab re-checks on its own: its banner and the popup now name the new references.
    await tab.bringToFront();
    await tab.waitForFunction(
      `(() => { const h = document.getElementById('fact-flags-banner'); const s = h && h.shadowRoot ? h.shadowRoot.textContent : ''; return /Spanish/.test(s) && /Italian/.test(s); })()`,
      { timeout: 20_000, polling: 100 },
    );
    await waitChecked(tab);
    const banner = await bannerText(tab);
    expect(banner).not.toMatch(/English|French|German/);
    await options.close();
    const tabId = await tabIdOf(ctx.session, ctx.session.extensionOrigin, url);
    const popup = await openUi(ctx.session, ui(`popup.html?tab=${tabId}`), POPUP_VIEWPORT);
    await present(popup, '.edition');
    expect(await popupEditions(popup)).toEqual(['Spanish', 'Italian']);
    await popup.close();
    await tab.close();
    expect(takeErrors(ctx.session)).toEqual([]);
  });

  it('with checks on request only, the popup\'s "Check this page" runs the check', async () => {
    const options = await openUi(ctx.session, ui('options.html'));
    await present(options, 'ol.chosen li');
    await options.locator('::-p-text(Only when I ask)').click();
    await expect.poll(() => readSync(options, 'autoCheck')).toBe(false);

    const url = editionUrl('de', article!.path);
    const tab = await ctx.session.newPage();
    await tab.goto(url, { waitUntil: 'load' });
    await delay(1000);
    expect(await tab.evaluate(() => document.documentElement.dataset.factFlags ?? '')).not.toBe('done');

    const tabId = await tabIdOf(ctx.session, ctx.session.extensionOrigin, url);
    const popup = await openUi(ctx.session, ui(`popup.html?tab=${tabId}`), POPUP_VIEWPORT);
    await popup.locator('::-p-text(Check this page)').click();
    await waitChecked(tab);
    await until(popup, (re) => new RegExp(re).test(document.querySelector('[role="status"]')?.textContent ?? ''), 'Compared with');
    await screenshot(popup, `popup-${browserName}-checked-on-request`);
    await popup.close();
    await options.close();
    await tab.close();
    expect(takeErrors(ctx.session)).toEqual([]);
  });
});

describe.runIf(BROWSERS.includes('firefox'))('firefox launched with a dark colour scheme', () => {
  const ctx = browserSuite('firefox', {}, { colorScheme: 'dark' });
  const ui = (file: string) => `${ctx.session.extensionOrigin}/${file}`;

  it('options page and popup: dark palette, no axe violations', async () => {
    const azUrl = editionUrl('az', SEED_PATH);
    const articlePage = await openChecked(ctx.session, azUrl);
    const tabId = await tabIdOf(ctx.session, ctx.session.extensionOrigin, azUrl);
    const pages: [string, string, { width: number; height: number } | undefined, string][] = [
      ['options', ui('options.html'), undefined, 'ol.chosen li'],
      ['popup', ui(`popup.html?tab=${tabId}`), POPUP_VIEWPORT, '.flags .flag'],
    ];
    for (const [name, url, viewport, ready] of pages) {
      const page = await openUi(ctx.session, url, viewport);
      await present(page, ready);
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
      // The page really is dark: its background is darker than mid-grey.
      const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      const [r, g, b] = (bg.match(/\d+/g) ?? ['255', '255', '255']).map(Number);
      expect(0.2126 * r + 0.7152 * g + 0.0722 * b).toBeLessThan(128);
      await screenshot(page, `${name}-firefox-dark`);
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
    }
    await articlePage.close();
    expect(takeErrors(ctx.session)).toEqual([]);
  });
});
