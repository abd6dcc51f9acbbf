// The background's check: references fetched for the tab's own article only,
// parsed once per page version, failures reported (never flagged), and the
// message's own URL ignored.
import { describe, expect, it, vi } from 'vitest';
import { cleanOptions, createChecker } from '../../src/background/checker';
import type { FetchedPage, Fetcher } from '../../src/background/fetcher';
import { editionUrl, isEuReporterUrl } from '../../src/site/urls';

const PATH = '/trade-grows/';
const TAB = `https://az.eureporter.co${PATH}`;

const page = (lang: string, body: string) =>
  `<html lang="${lang}"><head><meta property="og:type" content="article"></head><body><article><h1 class="entry-title">Title ${lang}</h1>` +
  `<div class="entry-content"><p>${body}</p></div></article></body></html>`;

const PAGES: Record<string, string> = {
  en: page('en', 'Trade between the two countries reached 523.7 million dollars in 2023, up 1.7 percent on the year before.'),
  fr: page('fr', 'Le commerce entre les deux pays a atteint 523,7 millions de dollars en 2023, en hausse de 1,7 pour cent sur un an.'),
};

function setup() {
  const get = vi.fn(async (url: string): Promise<FetchedPage> => {
    const lang = new URL(url).hostname.split('.')[0].replace('www', 'en');
    return PAGES[lang] ? { ok: true, url, html: PAGES[lang] } : { ok: false, url, reason: 'not found (404)' };
  });
  const checker = createChecker({ fetcher: { get, clear: async () => {} } as unknown as Fetcher, editionUrl, isEuReporterUrl });
  return { get, checker };
}

const article = {
  url: 'https://evil.example/other/',
  lang: 'az',
  path: '/other/',
  paragraphs: ['Title az', 'İki ölkə arasında ticarət 2023-cü ildə 523.7 milyon dollara çatıb, bir il əvvəlkindən 1.7 faiz çoxdur.'],
};

describe('checker', () => {
  it("fetches the tab's editions, reports failures as errors, and uses the tab's URL for the article", async () => {
    const { get, checker } = setup();
    const res = await checker.check(TAB, article, ['en', 'fr', 'de'], {});
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    expect(get.mock.calls.map((c) => c[0]).sort()).toEqual([editionUrl(TAB, 'de'), editionUrl(TAB, 'en'), editionUrl(TAB, 'fr')].sort());
    expect(res.report.references.map((r) => [r.lang, r.status])).toEqual([
      ['en', 'ok'],
      ['fr', 'ok'],
      ['de', 'error'],
    ]);
    expect(res.report.references[2].reason).toBe('not found (404)');
    expect(res.report.flags.every((f) => f.evidence.every((e) => e.lang !== 'de'))).toBe(true);
  });

  it('refuses a tab that is not on EU Reporter', async () => {
    const { get, checker } = setup();
    expect(await checker.check('https://evil.example/a/', article, ['en'], {})).toMatchObject({ ok: false });
    expect(get).not.toHaveBeenCalled();
  });

  it('answers a repeated check from its caches', async () => {
    const { checker } = setup();
    const a = await checker.check(TAB, article, ['en', 'fr'], {});
    const b = await checker.check(TAB, article, ['en', 'fr'], {});
    expect(a.ok && b.ok && a.report === b.report).toBe(true);
    const c = await checker.check(TAB, article, ['en', 'fr'], { strictness: 'all' });
    expect(c.ok && a.ok && c.report !== a.report).toBe(true);
  });

  it('warms without throwing, once per language', async () => {
    vi.useFakeTimers();
    try {
      const { checker } = setup();
      checker.warm(TAB, 'en');
      checker.warm(TAB, 'en');
      expect(vi.getTimerCount()).toBe(1);
      expect(() => vi.runAllTimers()).not.toThrow();
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps only known option values', () => {
    const dirty = { checks: { figure: false, name: 'yes', evil: true }, strictness: 'bogus' } as unknown as Parameters<typeof cleanOptions>[0];
    expect(cleanOptions(dirty)).toEqual({ checks: { figure: false }, strictness: 'majority' });
  });
});
