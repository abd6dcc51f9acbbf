// Network faults and hostile references, in both browsers (issue 5). For each
// fault on the French reference of the faithful Swahili edition: the check
// finishes, the banner says what happened to that edition, nothing is marked
// (a failure must never look like a disagreement), nothing from the reference
// runs, and no context logs an error.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { editionUrl } from '../fixtures/render';
import { NTREX_IDS, SEED_PATH, ntrexArticles } from '../../scripts/corpus';
import type { Fault } from '../../scripts/mirror';
import { clearExtensionCache, screenshot } from './harness';
import { bannerText, cardText, openChecked, readFlags, waitChecked } from './reader';
import { offsiteRequests } from './privacy';
import { BROWSERS, browserSuite, takeErrors } from './suite';

const [otherArticle] = ntrexArticles([NTREX_IDS[0]]);
const FRENCH = /\bfr\b|French|Français/i;

interface FaultCase {
  name: string;
  fault: Fault;
  /** What the banner must say about the French edition; undefined when the edition ends up fine. */
  reason?: RegExp;
}

/** One row per fault in docs/RELIABILITY.md. */
const FAULTS: FaultCase[] = [
  { name: '404 Not Found', fault: { kind: 'status', status: 404 }, reason: /not found|404/i },
  { name: '500 Internal Server Error', fault: { kind: 'status', status: 500 }, reason: /server error|500/i },
  { name: '429 with Retry-After: 1, then success', fault: { kind: 'status', status: 429, retryAfter: 1, times: 1 } },
  { name: 'connection reset mid-body', fault: { kind: 'reset' }, reason: /not reachable|unreachable|failed/i },
  { name: 'redirect to the home page', fault: { kind: 'redirect', to: 'home' }, reason: /another article|not an article|different article/i },
  { name: 'redirect to another article', fault: { kind: 'redirect', to: otherArticle.path }, reason: /another article|different article/i },
  { name: 'truncated HTML', fault: { kind: 'truncated' } },
  { name: 'wrong charset declared (ISO-8859-1 for UTF-8 bytes)', fault: { kind: 'charset', declared: 'iso-8859-1' } },
  { name: 'no charset declared at all', fault: { kind: 'charset', declared: null } },
  { name: '5 MB page', fault: { kind: 'huge', bytes: 5_000_000 } },
  { name: 'hostile markup and card-like text', fault: { kind: 'hostile' } },
];

const HANG: FaultCase = { name: 'response that never ends (timeout)', fault: { kind: 'hang' }, reason: /timed out|timeout/i };

/** Nothing from a reference ran in the page: no payload left its mark, no mark or banner holds foreign elements. */
async function assertNothingRan(page: Page): Promise<void> {
  const seen = await page.evaluate(() => {
    const foreign: string[] = [];
    const hosts = [document.getElementById('fact-flags-banner'), ...document.querySelectorAll('fact-flag')];
    for (const host of hosts) {
      const roots = [host, host?.shadowRoot].filter(Boolean) as ParentNode[];
      for (const r of roots) for (const el of r.querySelectorAll('img, svg, script, iframe, a[href^="javascript:"]')) foreign.push(el.outerHTML);
    }
    return { pwned: document.documentElement.dataset.pwned ?? null, foreign };
  });
  expect(seen).toEqual({ pwned: null, foreign: [] });
}

describe.each(BROWSERS)('%s', (browserName) => {
  const ctx = browserSuite(browserName);
  const swUrl = editionUrl('sw', SEED_PATH);

  afterEach(async () => {
    ctx.mirror.clearFaults();
    ctx.mirror.setLatency(0);
    await clearExtensionCache(ctx.session);
    expect(takeErrors(ctx.session)).toEqual([]);
  });

  async function checkWithFault(c: FaultCase, lang = 'fr', url = swUrl): Promise<Page> {
    ctx.mirror.setFault(lang, SEED_PATH, c.fault);
    const page = await openChecked(ctx.session, url);
    await assertNothingRan(page);
    if (c.reason) {
      const banner = await bannerText(page);
      expect(banner).toMatch(FRENCH);
      expect(banner).toMatch(c.reason);
    }
    return page;
  }

  it.each([...FAULTS, HANG])('French reference: $name → reported, no false flag', async (c) => {
    const page = await checkWithFault(c);
    expect(await readFlags(page)).toEqual([]);
    await screenshot(page, `fault-${c.fault.kind}-${browserName}`);
    await page.close();
    expect(offsiteRequests(ctx.mirror.requests)).toEqual([]);
  });

  it('honours Retry-After: the second request waits for it', async () => {
    const start = ctx.mirror.requests.length;
    const page = await checkWithFault(FAULTS[2]);
    const fr = ctx.mirror.requests.slice(start).filter((r) => r.host === 'fr.eureporter.co' && r.path === SEED_PATH);
    expect(fr.map((r) => r.status)).toEqual([429, 200]);
    expect(fr[1].time - fr[0].time).toBeGreaterThanOrEqual(950);
    await page.close();
  });

  it('still marks the Azerbaijani edition from the two references left when the French one is 404', async () => {
    const page = await checkWithFault(FAULTS[0], 'fr', editionUrl('az', SEED_PATH));
    expect((await readFlags(page)).map((f) => f.kind)).toEqual(['figure', 'figure', 'figure', 'figure']);
    await screenshot(page, `fault-az-fr404-${browserName}`);
    await page.close();
  });

  it('quotes a hostile reference in the cards as plain text, running nothing', async () => {
    ctx.mirror.setFault('en', SEED_PATH, { kind: 'hostile' });
    const page = await openChecked(ctx.session, editionUrl('az', SEED_PATH));
    const flags = await readFlags(page);
    expect(flags.length).toBeGreaterThan(0);
    const cards: string[] = [];
    for (const f of flags) cards.push(await cardText(page, f.index));
    await screenshot(page, `fault-hostile-card-${browserName}`);
    await assertNothingRan(page);
    // The markup-looking text reached a card, as characters.
    expect(cards.join('\n')).toContain('onerror=');
    await page.close();
  });

  it('with every reference unreachable, says so and marks nothing', async () => {
    for (const lang of ['en', 'fr', 'de']) ctx.mirror.setFault(lang, SEED_PATH, { kind: 'status', status: 503 });
    const page = await openChecked(ctx.session, editionUrl('az', SEED_PATH));
    expect(await readFlags(page)).toEqual([]);
    expect(await bannerText(page)).toMatch(FRENCH);
    await screenshot(page, `fault-all-down-${browserName}`);
    await page.close();
  });

  it('with the network down (every connection dropped), reports each edition unreachable and marks nothing', async () => {
    for (const lang of ['en', 'fr', 'de']) ctx.mirror.setFault(lang, SEED_PATH, { kind: 'drop' });
    const page = await openChecked(ctx.session, editionUrl('az', SEED_PATH));
    expect(await readFlags(page)).toEqual([]);
    const banner = await bannerText(page);
    for (const lang of [/\ben\b|English/, FRENCH, /\bde\b|German/]) expect(banner).toMatch(lang);
    expect(banner).toMatch(/not reachable/i);
    await screenshot(page, `fault-offline-${browserName}`);
    await page.close();
  });

  it('marks the re-rendered article when the page replaces its body mid-check, fetching nothing twice', async () => {
    const azUrl = editionUrl('az', SEED_PATH);
    const baseline = await openChecked(ctx.session, azUrl);
    const expected = (await readFlags(baseline)).map((f) => f.text);
    await baseline.close();
    await clearExtensionCache(ctx.session);
    ctx.mirror.setLatency(({ lang }) => (lang === 'az' ? 0 : 1_000));
    const since = ctx.mirror.requests.length;
    const page = await ctx.session.newPage();
    await page.goto(azUrl, { waitUntil: 'domcontentloaded' });
    // Once the extension has started (its banner shows progress), the theme re-renders the article: every node is new.
    await page.waitForSelector('#fact-flags-banner');
    await page.evaluate(() => {
      const body = document.querySelector('.td-post-content')!;
      body.innerHTML = body.innerHTML;
    });
    await waitChecked(page);
    // The re-check after a change is debounced; give it time, then compare with an undisturbed visit.
    await page
      .waitForFunction((n) => document.querySelectorAll('.td-post-content fact-flag').length >= n, { timeout: 5_000 }, expected.length)
      .catch(() => undefined);
    await screenshot(page, `re-render-${browserName}`);
    expect((await readFlags(page)).map((f) => f.text)).toEqual(expected);
    const refs = ctx.mirror.requests.slice(since).filter((r) => r.path === SEED_PATH && r.host !== 'az.eureporter.co');
    expect(refs.map((r) => r.host).sort()).toEqual(['de.eureporter.co', 'fr.eureporter.co', 'www.eureporter.co']);
    await page.close();
  });

  it('survives the tab being closed mid-check', async () => {
    ctx.mirror.setLatency(({ lang }) => (lang === 'az' ? 0 : 2_000));
    const page = await ctx.session.newPage();
    await page.goto(editionUrl('az', SEED_PATH), { waitUntil: 'domcontentloaded' });
    await new Promise((r) => setTimeout(r, 300));
    await page.close();
    // Let the slow references arrive for a tab that is gone.
    await new Promise((r) => setTimeout(r, 2_500));
  });

  it('keeps working when the page navigates within itself during the check', async () => {
    ctx.mirror.setLatency(({ lang }) => (lang === 'az' ? 0 : 800));
    const page = await ctx.session.newPage();
    await page.goto(editionUrl('az', SEED_PATH), { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => {
      history.pushState({}, '', '#comments');
      location.hash = 'respond';
    });
    await waitChecked(page);
    expect((await readFlags(page)).length).toBe(4);
    await page.close();
  });
});
