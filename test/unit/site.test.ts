import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../src/core/html';
import { EDITION_TAGS, canonicalLang, direction, getEditions, intlTag, nativeName } from '../../src/site/editions';
import { articlePath, editionUrl, isArticlePath, isEuReporterUrl, langFromUrl, normalisePath } from '../../src/site/urls';
import { discoverSiblings } from '../../src/site/siblings';
import { renderArticlePage } from '../fixtures/render';

const DATA = '/work/shared/data/ntrex-dev';

describe('editions', () => {
  it('covers every language of the NTREX editions, English first, without duplicates', () => {
    const tags = new Set<string>();
    for (const f of readdirSync(DATA).filter((f) => f.endsWith('.json'))) {
      for (const t of Object.keys(JSON.parse(readFileSync(`${DATA}/${f}`, 'utf8')).editions)) tags.add(t);
    }
    expect([...tags].filter((t) => !EDITION_TAGS.includes(t))).toEqual([]);
    expect(EDITION_TAGS[0]).toBe('en');
    expect(new Set(EDITION_TAGS).size).toBe(EDITION_TAGS.length);
  });

  it('names each language in itself, from CLDR', () => {
    expect(nativeName('az')).toBe('azərbaycan');
    expect(nativeName('sw')).toBe('Kiswahili');
    expect(nativeName('iw')).toBe('עברית');
    expect(nativeName('de')).toBe('Deutsch');
    const editions = getEditions();
    expect(editions).toHaveLength(EDITION_TAGS.length);
    expect(editions.every((e) => e.name.length > 0)).toBe(true);
    expect(getEditions()).toBe(editions);
  });

  it('knows the right-to-left editions', () => {
    const rtl = getEditions().filter((e) => e.dir === 'rtl').map((e) => e.lang);
    expect(rtl.sort()).toEqual(['ar', 'fa', 'iw', 'ps', 'sd', 'ur']);
    expect(direction('en')).toBe('ltr');
  });

  it.each([
    ['az-AZ', 'az'], ['az_AZ', 'az'], ['EN', 'en'], ['en-GB', 'en'], ['he', 'iw'], ['he-IL', 'iw'], ['iw', 'iw'],
    ['fil', 'tl'], ['nb', 'no'], ['zh', 'zh-CN'], ['zh-cn', 'zh-CN'], ['zh-Hans-CN', 'zh-CN'], ['zh-Hant-TW', 'zh-TW'],
    ['zh-HK', 'zh-TW'], ['pt-BR', 'pt'], ['hmn', 'hmn'], ['la', 'la'],
  ])('canonicalLang(%s) = %s', (input, want) => {
    expect(canonicalLang(input)).toBe(want);
  });

  it('rejects what is not a language tag, and maps edition tags to Intl tags', () => {
    for (const bad of ['', 'x', 'english!', '12', '<script>', undefined, null]) expect(canonicalLang(bad)).toBeUndefined();
    expect(intlTag('iw')).toBe('he');
    expect(intlTag('zh-TW')).toBe('zh-Hant');
    expect(intlTag('az')).toBe('az');
  });
});

describe('URLs', () => {
  it.each([
    ['https://az.eureporter.co/a/', 'az'],
    ['https://www.eureporter.co/a/', 'en'],
    ['https://eureporter.co/a/', 'en'],
    ['https://zh-CN.eureporter.co/a/', 'zh-CN'],
    ['https://iw.eureporter.co:8443/a/', 'iw'],
    ['https://shop.eureporter.co/a/', undefined],
    ['https://az.eureporter.co.evil.com/a/', undefined],
    ['https://az.evil.eureporter.co/a/', undefined],
    ['file:///az.eureporter.co/a/', undefined],
    ['not a url', undefined],
  ])('langFromUrl(%s) = %s', (url, want) => {
    expect(langFromUrl(url)).toBe(want);
  });

  it('recognises EU Reporter URLs on any port and only over http(s)', () => {
    expect(isEuReporterUrl('https://fr.eureporter.co:8443/x/')).toBe(true);
    expect(isEuReporterUrl('http://www.eureporter.co/x/')).toBe(true);
    expect(isEuReporterUrl('https://eureporter.co.evil.com/')).toBe(false);
    expect(isEuReporterUrl('https://evileureporter.co/')).toBe(false);
    expect(isEuReporterUrl('javascript:alert(1)//eureporter.co')).toBe(false);
    expect(isEuReporterUrl('ftp://www.eureporter.co/')).toBe(false);
  });

  it('derives an edition URL keeping scheme, port and path, dropping query and fragment', () => {
    expect(editionUrl('https://az.eureporter.co/some-story/', 'en')).toBe('https://www.eureporter.co/some-story/');
    expect(editionUrl('https://www.eureporter.co/some-story', 'fr')).toBe('https://fr.eureporter.co/some-story/');
    expect(editionUrl('https://az.eureporter.co:8443/a/?utm=x#c', 'zh-CN')).toBe('https://zh-cn.eureporter.co:8443/a/');
    expect(editionUrl('http://eureporter.co/a/', 'he')).toBe('http://iw.eureporter.co/a/');
    expect(editionUrl('https://example.com/a/', 'fr')).toBeUndefined();
    expect(editionUrl('https://www.eureporter.co/a/', 'xx')).toBeUndefined();
  });

  it('normalises article paths', () => {
    expect(normalisePath('/a/b')).toBe('/a/b/');
    expect(normalisePath('//a//b/')).toBe('/a/b/');
    expect(normalisePath('/caf%c3%a9')).toBe('/caf%C3%A9/');
    expect(articlePath('https://az.eureporter.co/x?y=1')).toBe('/x/');
    expect(articlePath('file:///tmp/x.html')).toBe('');
  });

  it.each([
    ['https://www.eureporter.co/kazakhstan-and-belgium-hold-political-consultations/', true],
    ['https://az.eureporter.co/2024/10/21/some-story/', true],
    ['https://www.eureporter.co/', false],
    ['https://www.eureporter.co', false],
    ['https://www.eureporter.co/category/belgium/', false],
    ['https://www.eureporter.co/category/belgium/page/2/', false],
    ['https://www.eureporter.co/tag/kazakhstan/', false],
    ['https://www.eureporter.co/author/staff/', false],
    ['https://www.eureporter.co/page/3/', false],
    ['https://www.eureporter.co/?s=budget', false],
    ['https://www.eureporter.co/some-story/?s=x', false],
    ['https://www.eureporter.co/feed/', false],
    ['https://www.eureporter.co/category/belgium/feed/', false],
    ['https://www.eureporter.co/wp-admin/post.php', false],
    ['https://www.eureporter.co/wp-json/wp/v2/posts', false],
    ['https://www.eureporter.co/2024/10/', false],
    ['https://www.eureporter.co/contact-us/', false],
    ['file:///tmp/a.html', false],
  ])('isArticlePath(%s) = %s', (url, want) => {
    expect(isArticlePath(url)).toBe(want);
  });
});

describe('discoverSiblings', () => {
  const url = 'https://az.eureporter.co:8443/some-story/';
  const page = (body: string, head = '') => parseHtml(`<html><head>${head}</head><body>${body}</body></html>`);

  it('reads hreflang alternates, rebuilding each URL from the current one (scheme, port, path)', () => {
    const root = page(
      '',
      '<link rel="alternate" hreflang="en" href="https://www.eureporter.co/some-story/">' +
        '<link rel="alternate" hreflang="fr" href="https://fr.eureporter.co/some-story/">' +
        '<link rel="alternate" hreflang="az" href="https://az.eureporter.co/some-story/">',
    );
    expect([...discoverSiblings(root, url)]).toEqual([
      ['en', 'https://www.eureporter.co:8443/some-story/'],
      ['fr', 'https://fr.eureporter.co:8443/some-story/'],
    ]);
  });

  it('reads every GTranslate switcher style: data-gt-lang, doGTranslate onclick, a[hreflang], <option>', () => {
    const root = page(
      '<div class="gtranslate_wrapper"><a href="#" class="glink nturl notranslate" data-gt-lang="de">Deutsch</a>' +
        `<a href="#" onclick="doGTranslate('en|es');return false;" class="glink">Español</a>` +
        '<a hreflang="it" href="https://it.eureporter.co/some-story/">Italiano</a>' +
        '<select onchange="doGTranslate(this);"><option value="">Select Language</option><option value="en|iw">עברית</option>' +
        '<option value="https://ja.eureporter.co/some-story/">日本語</option></select></div>',
    );
    expect([...discoverSiblings(root, url).keys()]).toEqual(['de', 'es', 'it', 'iw', 'ja']);
  });

  it('finds the siblings a rendered EU Reporter page announces', () => {
    const siblings = { en: 'https://www.eureporter.co/x/', fr: 'https://fr.eureporter.co/x/', az: 'https://az.eureporter.co/x/' };
    const html = renderArticlePage({ lang: 'az', url: siblings.az, title: 'T', paragraphs: ['P.'], siblings });
    expect(Object.fromEntries(discoverSiblings(parseHtml(html), siblings.az))).toEqual({ en: siblings.en, fr: siblings.fr });
  });

  it('ignores links to other sites, other articles and mislabelled editions', () => {
    const root = page(
      '<a data-gt-lang="de" href="https://de.evil.com/some-story/">x</a>' +
        '<a data-gt-lang="fr" href="https://fr.eureporter.co/another-story/">x</a>' +
        '<a data-gt-lang="es" href="https://it.eureporter.co/some-story/">x</a>' +
        '<a data-gt-lang="xx" href="#">x</a>' +
        '<a data-gt-lang="pt" href="javascript:fetch(1)">x</a>',
      '<link rel="alternate" hreflang="ru" href="https://eureporter.co.evil.com/some-story/">',
    );
    expect([...discoverSiblings(root, url).keys()]).toEqual(['pt']);
  });

  it('derives every other edition when the page names none', () => {
    const siblings = discoverSiblings(page('<p>no switcher</p>'), url);
    expect(siblings.size).toBe(EDITION_TAGS.length - 1);
    expect(siblings.has('az')).toBe(false);
    expect(siblings.get('zh-TW')).toBe('https://zh-tw.eureporter.co:8443/some-story/');
  });

  it('finds nothing for a page that is not on EU Reporter', () => {
    expect(discoverSiblings(page('<a data-gt-lang="de" href="#">x</a>'), 'https://example.com/some-story/').size).toBe(0);
  });
});
