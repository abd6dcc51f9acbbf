import { describe, expect, it } from 'vitest';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import {
  DISCLAIMER,
  LAYOUTS,
  editionUrl,
  escapeHtml,
  loadNtrex,
  ntrexArticle,
  paragraphGroups,
  renderArticlePage,
  renderCategoryPage,
  renderHomePage,
} from '../fixtures/render';

const siblings = { en: editionUrl('en', '/a/'), az: editionUrl('az', '/a/'), 'zh-CN': editionUrl('zh-CN', '/a/') };
const base = {
  lang: 'az',
  url: editionUrl('az', '/a/'),
  title: 'Ticarət 1.7% artıb',
  paragraphs: ['Birinci abzas 523.7 milyon dollar.', 'İkinci abzas 2023-cü ildə.'],
  published: '2024-10-21T09:00:00+00:00',
  siblings,
};

const dom = (html: string) => parseDocument(html);
const all = (html: string, test: (e: Element) => boolean) => DomUtils.findAll(test, dom(html).children);
const hasClass = (e: Element, c: string) => (e.attribs.class ?? '').split(/\s+/).includes(c);
const byClass = (html: string, c: string) => all(html, (e) => hasClass(e, c));
const text = (e: Element) => DomUtils.textContent(e);
/** Text of the page outside the given element, where the noise lives. */
const noiseText = (html: string) =>
  all(html, (e) => hasClass(e, 'td-main-sidebar') || hasClass(e, 'wp-caption-text') || hasClass(e, 'td-a-rec'))
    .map(text)
    .join('\n');

describe('renderArticlePage', () => {
  it('sets <html lang> and the hreflang alternates', () => {
    const html = renderArticlePage(base);
    const htmlEl = all(html, (e) => e.name === 'html')[0];
    expect(htmlEl.attribs.lang).toBe('az');
    const alts = all(html, (e) => e.name === 'link' && e.attribs.rel === 'alternate');
    expect(Object.fromEntries(alts.map((a) => [a.attribs.hreflang, a.attribs.href]))).toEqual(siblings);
  });

  it('carries the GTranslate switcher with one glink per edition', () => {
    const links = byClass(renderArticlePage(base), 'glink');
    expect(links.map((a) => a.attribs['data-gt-lang'])).toEqual(['en', 'az', 'zh-CN']);
    expect(links[2].attribs.href).toBe('https://zh-cn.eureporter.co/a/');
  });

  it('puts title and paragraphs in the Newspaper theme containers', () => {
    const html = renderArticlePage(base);
    expect(text(all(html, (e) => e.name === 'h1' && hasClass(e, 'entry-title'))[0])).toBe(base.title);
    const content = byClass(html, 'td-post-content')[0];
    const ps = DomUtils.findAll((e) => e.name === 'p', content.children).map(text);
    expect(ps.slice(0, 2)).toEqual(base.paragraphs);
    expect(ps.at(-1)).toBe(DISCLAIMER);
    expect(byClass(html, 'td-post-share-title').map(text)).toContain('SHARE:');
    expect(html).toContain('datetime="2024-10-21T09:00:00+00:00"');
  });

  it.each(LAYOUTS)('layout %s contains every paragraph once, in order', (layout) => {
    const html = renderArticlePage({ ...base, layout });
    const ps = all(html, (e) => e.name === 'p').map(text);
    const at = base.paragraphs.map((p) => ps.indexOf(p));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });

  it('gives each layout its own body container', () => {
    const container = (layout: (typeof LAYOUTS)[number]) => renderArticlePage({ ...base, layout });
    expect(byClass(container('newspaper'), 'td-post-content')).toHaveLength(1);
    expect(all(container('classic'), (e) => e.name === 'article' && DomUtils.findAll((c) => hasClass(c, 'entry-content'), e.children).length === 1)).toHaveLength(1);
    expect(all(container('amp'), (e) => e.attribs.itemprop === 'articleBody')).toHaveLength(1);
    const plain = container('plain');
    for (const c of ['td-post-content', 'entry-content', 'entry-title']) expect(byClass(plain, c)).toHaveLength(0);
    expect(all(plain, (e) => e.attribs.itemprop !== undefined || e.name === 'article')).toHaveLength(0);
  });

  it('fills sidebar, caption and ads with figures that differ per noise seed', () => {
    const a = noiseText(renderArticlePage({ ...base, noiseSeed: 1 }));
    const b = noiseText(renderArticlePage({ ...base, noiseSeed: 2 }));
    expect(a).toMatch(/Trending/);
    expect(a).toMatch(/\d+(\.\d)?%/);
    expect(a).not.toBe(b);
    // Same seed, same page: the mirror and the benchmark are reproducible.
    expect(renderArticlePage({ ...base, noiseSeed: 7 })).toBe(renderArticlePage({ ...base, noiseSeed: 7 }));
  });

  it('escapes text so markup in a paragraph stays text', () => {
    const evil = '<script>alert(1)</script> & "quoted" <img src=x onerror=alert(2)>';
    const html = renderArticlePage({ ...base, title: evil, paragraphs: [evil] });
    expect(all(html, (e) => e.name === 'img' && e.attribs.onerror !== undefined)).toHaveLength(0);
    // Only the page's own two scripts; the title inside JSON-LD stays JSON data that parses back to it.
    const scripts = all(html, (e) => e.name === 'script');
    expect(scripts).toHaveLength(2);
    expect(JSON.parse(text(scripts.find((e) => e.attribs.type === 'application/ld+json')!)).headline).toBe(evil);
    expect(all(html, (e) => e.name === 'p').map(text)).toContain(evil);
    expect(all(html, (e) => e.name === 'meta' && e.attribs.property === 'og:title')[0].attribs.content).toBe(evil);
  });

  it.each(LAYOUTS)('layout %s: inline markup splits nodes but keeps every paragraph’s text', (layout) => {
    const paragraphs = ['Trade with Belgium reached 523.7 million & more <b>.', 'No figure here, only Brussels.', 'plain'];
    const html = renderArticlePage({ ...base, paragraphs, layout, inlineMarkup: true });
    const ps = all(html, (e) => e.name === 'p').map(text);
    for (const p of paragraphs) expect(ps).toContain(p);
    expect(all(html, (e) => e.name === 'strong').map(text)).toContain('523.7');
    const links = all(html, (e) => e.name === 'a' && (e.attribs.href ?? '').startsWith('/tag/'));
    expect(links.map((a) => [text(a), a.attribs.href])).toEqual([
      ['Belgium', '/tag/belgium/'],
      ['Brussels', '/tag/brussels/'],
    ]);
  });

  it('marks right-to-left editions', () => {
    expect(all(renderArticlePage({ ...base, lang: 'ar' }), (e) => e.name === 'html')[0].attribs.dir).toBe('rtl');
  });
});

describe('listing pages', () => {
  const stories = [{ title: 'A <b> story', url: editionUrl('en', '/s/'), excerpt: 'Up 3%' }];
  it('render teasers without article markers', () => {
    for (const html of [renderHomePage({ lang: 'en', url: editionUrl('en', '/'), stories }), renderCategoryPage({ lang: 'en', url: editionUrl('en', '/category/belgium/'), stories, category: 'Belgium' })]) {
      expect(html).not.toContain('article:published_time');
      expect(html).toContain('content="website"');
      expect(byClass(html, 'td-module-title').map(text)).toContain('A <b> story');
      expect(byClass(html, 'td-post-content')).toHaveLength(0);
    }
  });
  it('names the category', () => {
    const html = renderCategoryPage({ lang: 'fr', url: editionUrl('fr', '/category/belgium/'), stories, category: 'Belgium' });
    expect(text(byClass(html, 'td-page-title')[0])).toBe('Belgium');
  });
});

describe('NTREX documents', () => {
  const docs = loadNtrex('/work/shared/data/ntrex-dev');
  it('loads every document', () => {
    expect(docs.length).toBeGreaterThan(50);
    expect(docs[0].editions.en.length).toBeGreaterThan(1);
  });

  it('groups sentences 1–3 to a paragraph, covering each sentence once', () => {
    const g = paragraphGroups('doc.1', 20);
    expect(g.flat()).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(g.every((p) => p.length >= 1 && p.length <= 3)).toBe(true);
    expect(paragraphGroups('doc.1', 20)).toEqual(g);
  });

  it('gives every edition of a document the same grouping, headline as title', () => {
    const doc = docs[0];
    const en = ntrexArticle(doc, 'en')!;
    const de = ntrexArticle(doc, 'de')!;
    expect(en.title).toBe(doc.editions.en[0].trim());
    expect(de.paragraphs).toHaveLength(en.paragraphs.length);
    expect(en.paragraphs.join(' ')).toBe(doc.editions.en.slice(1).map((s) => s.trim()).join(' '));
    expect(ntrexArticle(doc, 'xx')).toBeUndefined();
  });

  it('joins Chinese sentences without spaces', () => {
    const zh = ntrexArticle(docs[0], 'zh-CN')!;
    expect(zh.paragraphs.join('')).toBe(docs[0].editions['zh-CN'].slice(1).map((s) => s.trim()).join(''));
  });

  it('escapes helper covers both quote styles', () => {
    expect(escapeHtml(`a&b<c>"d"'e'`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;');
  });
});
