import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseHtml, selectAll, type HtmlText } from '../../src/core/html';
import { canonicalUrl, extractArticle, pageLang, sourceRanges, type Extraction } from '../../src/core/extract';
import { LAYOUTS, escapeHtml, loadNtrex, ntrexArticle, renderArticlePage, renderCategoryPage, renderHomePage } from '../fixtures/render';

const SEEDS = '/work/shared/seeds';
const DATA = '/work/shared/data/ntrex-dev';
const PATH = '/kazakhstan-and-belgium-hold-political-consultations-on-expanding-bilateral-ties/';

/** A seed dump's blocks: the page text as the reader saw it, chrome included, one block per blank-line-separated chunk. */
function seedBlocks(prefix: string): string[] {
  const file = readdirSync(SEEDS).find((f) => f.startsWith(prefix)) as string;
  return readFileSync(`${SEEDS}/${file}`, 'utf8').split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
}

/**
 * The seed dump's blocks put back where EU Reporter's tagDiv Newspaper page has
 * them: contact link and category in the header menu, the title, the share bar,
 * "Published … on" byline, the body, then — inside the post content, as plain
 * paragraphs, the hardest case — "Share this article:" and the disclaimer, and
 * the "Trending" sidebar (with figures) after it.
 */
function seedPage(prefix: string, lang: string): { html: string; title: string; body: string[] } {
  const b = seedBlocks(prefix);
  const [contact, category, title, share, published, on] = b;
  const [shareArticle, disclaimer, trending] = b.slice(-3);
  const body = b.slice(6, -3);
  const p = (t: string) => `<p>${escapeHtml(t)}</p>`;
  const html = `<!DOCTYPE html><html lang="${lang}" dir="ltr"><head><meta charset="utf-8">
<title>${escapeHtml(title)} - EU Reporter</title>
<meta property="og:type" content="article"><meta property="og:title" content="${escapeHtml(title)}">
<meta property="article:published_time" content="2024-10-21T09:15:00+00:00">
<link rel="canonical" href="https://${lang}.eureporter.co${PATH}">
<style>.td-post-content{font-size:17px}</style><script>var tdLocalCache = {"x": "523.7 303% 2022"};</script>
</head><body class="post-template-default single single-post td-has-sidebar">
<div class="td-header-wrap"><div class="td-header-top-menu"><ul class="top-header-menu"><li><a href="/contact-us/">${escapeHtml(contact)}</a></li></ul></div>
<div class="gtranslate_wrapper"><a href="#" class="glink nturl notranslate" data-gt-lang="en" title="English">English</a><a href="#" class="glink nturl notranslate gt-current-lang" data-gt-lang="${lang}">${lang}</a></div>
<nav class="td-header-menu-wrap"><ul class="sf-menu"><li><a href="/category/belgium/">${escapeHtml(category)}</a></li></ul></nav></div>
<div class="td-main-content-wrap"><div class="td-pb-row"><div class="td-pb-span8 td-main-content" role="main">
<article class="post type-post">
<div class="td-post-header"><ul class="td-category"><li class="entry-category"><a href="/category/belgium/">${escapeHtml(category)}</a></li></ul>
<header class="td-post-title"><h1 class="entry-title">${escapeHtml(title)}</h1>
<div class="td-module-meta-info"><div class="td-post-author-name"><div class="td-author-by">${escapeHtml(published)}</div></div>
<span class="td-post-date"><time class="entry-date" datetime="2024-10-21T09:15:00+00:00">${escapeHtml(on)} 21 October 2024</time></span></div></header></div>
<div class="td-post-sharing td-post-sharing-top"><span class="td-post-share-title">${escapeHtml(share)}</span><a class="td-social-sharing-button" href="https://www.facebook.com/sharer.php">Facebook</a></div>
<div class="td-post-content tagdiv-type">
<figure class="wp-caption aligncenter"><img src="/x.jpg" alt=""><figcaption class="wp-caption-text">Roman Vassilenko, 18 October 2024</figcaption></figure>
${body.slice(0, 2).map(p).join('\n')}
<div class="td-a-rec td-a-rec-id-content_inline"><span class="td-adspot-title">- Advertisement -</span><a href="https://ads.example/">Save 40%</a></div>
<noscript><p>Enable JavaScript: 99 readers</p></noscript>
<p hidden>Hidden 12%</p><p style="color:red; display: none">Also hidden 7 million</p><div aria-hidden="true">Screen 5%</div>
${body.slice(2).map(p).join('\n')}
${p(shareArticle)}
${p(disclaimer)}
</div>
<footer><div class="td-post-source-tags"><ul class="td-tags"><li><a href="/tag/kazakhstan/">Kazakhstan</a></li></ul></div></footer>
</article></div>
<div class="td-pb-span4 td-main-sidebar"><aside class="widget"><h4 class="block-title">${escapeHtml(trending)}</h4>
<div class="td_module_6"><h3 class="entry-title"><a href="/x/">EU budget rises 4.2% to €189 billion for 2026</a></h3></div></aside></div>
</div></div>
<div class="td-footer-wrapper">EU Reporter, 21 Rue de la Loi, 1040 Brussels. © 2012–2024</div>
</body></html>`;
  return { html, title, body };
}

function extract(html: string, url: string): Extraction {
  const r = extractArticle(parseHtml(html), url);
  if (!r) throw new Error('not an article');
  return r;
}

/** Rebuilds each paragraph from its source segments; any mapping error shows up as a different string. */
function fromSources(r: Extraction): string[] {
  return r.article.paragraphs.map((text, i) => {
    const chars = [...Array(text.length)].map(() => '\u0000');
    for (const g of r.sources[i].segments) {
      const piece = g.node.text.slice(g.nodeStart, g.nodeEnd).replace(/[ \t\n\f\r]/g, ' ');
      expect(piece.length).toBe(g.end - g.start);
      for (let k = 0; k < piece.length; k++) chars[g.start + k] = piece[k];
    }
    // Characters without a source may only be the spaces that block edges and <br> produce.
    return chars.map((c, k) => (c === '\u0000' ? (text[k] === ' ' ? ' ' : '¿') : c)).join('');
  });
}

describe('extractArticle on the seed pages', () => {
  const cases = [
    ['000', 'az'],
    ['002', 'sw'],
  ] as const;
  for (const [prefix, lang] of cases) {
    it(`${lang}: title and the four body paragraphs, no chrome`, () => {
      const { html, title, body } = seedPage(prefix, lang);
      const r = extract(html, `https://${lang}.eureporter.co${PATH}`);
      expect(body).toHaveLength(4);
      expect(r.article.paragraphs).toEqual([title, ...body]);
      expect(r.article.lang).toBe(lang);
      expect(r.article.path).toBe(PATH);
      expect(r.article.published).toBe('2024-10-21T09:15:00.000Z');
      expect(fromSources(r)).toEqual(r.article.paragraphs);
    });
  }

  it('keeps the scrambled figures of the Azerbaijani edition verbatim', () => {
    const { html } = seedPage('000', 'az');
    const last = extract(html, `https://az.eureporter.co${PATH}`).article.paragraphs.at(-1) as string;
    for (const figure of ['523.7-cü ildə', '303%', '1.7 milyon dollara', '2022 milyon dollar']) expect(last).toContain(figure);
  });
});

describe('extractArticle on every rendered layout', () => {
  const docs = loadNtrex(DATA).slice(0, 6);
  for (const layout of LAYOUTS) {
    it(`${layout}: exactly the headline and body paragraphs, in several scripts`, () => {
      for (const doc of docs) {
        for (const lang of ['en', 'az', 'ar', 'zh-CN', 'hi', 'ru']) {
          const a = ntrexArticle(doc, lang);
          if (!a) continue;
          const url = `https://${lang === 'en' ? 'www' : lang.toLowerCase()}.eureporter.co/${doc.id}/`;
          const html = renderArticlePage({ lang, url, title: a.title, paragraphs: a.paragraphs, layout, noiseSeed: lang.length * 31, published: '2023-05-02T08:00:00Z' });
          const r = extract(html, url);
          expect(r.article.paragraphs).toEqual([a.title, ...a.paragraphs]);
          expect(r.article.lang).toBe(lang);
          expect(r.article.published).toBe('2023-05-02T08:00:00.000Z');
          expect(fromSources(r)).toEqual(r.article.paragraphs);
        }
      }
    });
  }
});

describe('tagDiv cloud templates (tdb blocks)', () => {
  it('reads the title from h1.tdb-title-text and the body from .tdb_single_content .tdb-block-inner', () => {
    const html = `<html lang="fr"><head><meta property="og:type" content="article"></head><body><div class="td-main-content-wrap">
      <div class="tdb_single_categories"><div class="tdb-block-inner"><a href="/category/belgique/">Belgique</a></div></div>
      <div class="tdb_title"><h1 class="tdb-title-text">Le commerce a progressé de 1,7 %</h1></div>
      <div class="tdb_single_date"><div class="tdb-block-inner"><time datetime="2024-10-21T09:00:00+02:00">21 octobre 2024</time></div></div>
      <div class="tdb_single_post_share"><div class="tdb-block-inner"><span>PARTAGER :</span></div></div>
      <div class="tdb_single_content"><div class="tdb-block-inner td-fix-index"><p>Les échanges ont atteint 523,7 millions de dollars en 2023.</p>
      <p>Les exportations se sont élevées à 220,7 millions de dollars.</p></div></div>
      <div class="tdb_single_related"><div class="tdb-block-inner"><p>Le budget augmente de 4 % en 2026, avec 3 milliards.</p></div></div>
      </div></body></html>`;
    const r = extract(html, 'https://fr.eureporter.co/commerce/');
    expect(r.article.paragraphs).toEqual([
      'Le commerce a progressé de 1,7 %',
      'Les échanges ont atteint 523,7 millions de dollars en 2023.',
      'Les exportations se sont élevées à 220,7 millions de dollars.',
    ]);
    expect(r.article.published).toBe('2024-10-21T07:00:00.000Z');
  });
});

describe('pages that are not articles', () => {
  const stories = [{ title: 'Parliament votes 412 to 88', url: 'https://www.eureporter.co/vote/', excerpt: 'The vote, held on 3 May 2024, passed.' }];
  it('returns null for listing URLs, listing pages and pages without a body', () => {
    const home = renderHomePage({ lang: 'en', url: 'https://www.eureporter.co/', stories });
    expect(extractArticle(parseHtml(home), 'https://www.eureporter.co/')).toBeNull();
    const cat = renderCategoryPage({ lang: 'az', url: 'https://az.eureporter.co/category/belgium/', stories, category: 'Belçika' });
    expect(extractArticle(parseHtml(cat), 'https://az.eureporter.co/category/belgium/')).toBeNull();
    // Saved to disk the URL says nothing; og:type "website" still does.
    expect(extractArticle(parseHtml(cat), 'file:///tmp/category.html')).toBeNull();
    expect(extractArticle(parseHtml('<html><body><h1>Only a title</h1></body></html>'), 'https://www.eureporter.co/x/')).toBeNull();
    expect(extractArticle(parseHtml(''), 'https://www.eureporter.co/x/')).toBeNull();
  });
});

describe('page language', () => {
  const page = (htmlAttrs: string, head = '') => parseHtml(`<html ${htmlAttrs}><head>${head}</head><body></body></html>`);
  const cases: [string, string, string, string][] = [
    ['lang="az-AZ"', '', 'https://az.eureporter.co/a/', 'az'],
    ['lang="he"', '', 'https://iw.eureporter.co/a/', 'iw'],
    ['lang="zh-Hant"', '', 'https://zh-tw.eureporter.co/a/', 'zh-TW'],
    ['lang="zh-CN"', '', 'file:///x.html', 'zh-CN'],
    ['', '<meta property="og:locale" content="sw_KE">', 'file:///x.html', 'sw'],
    ['', '<link rel="alternate" hreflang="fr" href="https://fr.eureporter.co/a/">', 'https://fr.eureporter.co/a/', 'fr'],
    ['', '', 'https://de.eureporter.co/a/', 'de'],
    ['', '', 'https://www.eureporter.co/a/', 'en'],
    // A translation proxy that leaves the original's lang="en" on a translated subdomain: the subdomain wins.
    ['lang="en-US"', '', 'https://az.eureporter.co/a/', 'az'],
    ['', '', 'file:///x.html', 'und'],
  ];
  it.each(cases)('<html %s> %s at %s → %s', (attrs, head, url, want) => {
    expect(pageLang(page(attrs, head), url)).toBe(want);
  });
});

describe('paragraph text and its sources', () => {
  const wrap = (body: string) => `<html lang="en"><head><meta property="og:type" content="article"></head><body><article><h1>A  title
 here</h1><div class="entry-content">${body}</div></article></body></html>`;
  const url = 'https://www.eureporter.co/story/';

  it('collapses ASCII whitespace, keeps NBSP and U+202F, decodes entities, turns <br> into a space', () => {
    const r = extract(wrap('<p>  Trade\n\t grew&nbsp;by <b>303</b>% &amp; reached 1\u202f000<br>tonnes.  </p>'), url);
    expect(r.article.paragraphs).toEqual(['A title here', 'Trade grew\u00a0by 303% & reached 1\u202f000 tonnes.']);
    expect(fromSources(r)).toEqual(r.article.paragraphs);
  });

  it('maps a flagged range across inline elements to exactly the text nodes it covers', () => {
    const r = extract(wrap('<p>Exports rose <strong>303</strong>% in <a href="/y/">2023</a>.</p>'), url);
    const text = r.article.paragraphs[1];
    const start = text.indexOf('303');
    const ranges = sourceRanges(r.sources[1], start, start + '303%'.length);
    expect(ranges.map((x) => x.node.text.slice(x.start, x.end))).toEqual(['303', '%']);
    const year = text.indexOf('2023');
    const [y] = sourceRanges(r.sources[1], year, year + 4);
    expect(y.node.text).toBe('2023');
    expect([y.start, y.end]).toEqual([0, 4]);
  });

  it('splits paragraphs at block edges and drops empty ones, h1 inside the body included', () => {
    const r = extract(wrap('<h1>A title here</h1><p>One, two.</p><p> </p><div>Three<p>Four.</p>Five</div><ul><li>Six</li><li>Seven</li></ul><blockquote><p>Eight.</p></blockquote>'), url);
    expect(r.article.paragraphs).toEqual(['A title here', 'One, two.', 'Three', 'Four.', 'Five', 'Six', 'Seven', 'Eight.']);
  });

  it('leaves out scripts, styles, templates, hidden and chrome elements inside the body', () => {
    const r = extract(
      wrap(
        '<p>Kept 1.</p><script>var a = "2%";</script><style>p{}</style><template><p>3%</p></template>' +
          '<p aria-hidden="true">4%</p><span style="display:none">5%</span><div class="sharedaddy"><p>Share: 6</p></div>' +
          '<div class="jp-relatedposts"><p>Related 7%</p></div><figure><img src="a.jpg"><figcaption>Photo 8</figcaption></figure>' +
          '<p class="wp-caption-text">Caption 9</p><div class="td-a-rec"><p>Ad 10%</p></div><p>Kept 11.</p>' +
          '<span class="screen-reader-text">Opens in 12 windows</span><div class="overflow-hidden has-sidebar"><p>Kept 13.</p></div>' +
          '<p>Share this article:</p><p><em>EU Reporter publishes articles from a variety of outside sources.</em></p>',
      ),
      url,
    );
    expect(r.article.paragraphs).toEqual(['A title here', 'Kept 1.', 'Kept 11.', 'Kept 13.']);
  });

  it('prefers the first h1 for the title when it says what og:title says, so the title can be marked too', () => {
    const html = `<html><head><meta property="og:title" content="Budget up 4%"></head><body><div><h1>Budget  up 4%</h1>
      <div><p>The budget, which the council approved on Monday, rose by 4%, officials said, to a record.</p>
      <p>Ministers welcomed it, saying that it would fund, among other things, new schools and roads.</p></div></div></body></html>`;
    const r = extract(html, url);
    expect(r.article.paragraphs[0]).toBe('Budget up 4%');
    expect(r.sources[0].segments.length).toBeGreaterThan(0);
  });

  it('falls back to og:title when no heading names the article', () => {
    const html = `<html><head><meta property="og:title" content="Budget up 4%"></head><body><article>
      <p>The budget, which the council approved on Monday, rose by 4%, officials said, to a record.</p></article></body></html>`;
    const r = extract(html, url);
    expect(r.article.paragraphs).toEqual(['Budget up 4%', 'The budget, which the council approved on Monday, rose by 4%, officials said, to a record.']);
    expect(r.sources[0].segments).toEqual([]);
  });

  it('normalises the path and reads the canonical URL', () => {
    const root = parseHtml(`<html><head><link rel="canonical" href="/a//b"></head></html>`);
    expect(canonicalUrl(root, 'https://az.eureporter.co/x')).toBe('https://az.eureporter.co/a//b');
    const r = extract(wrap('<p>Some text that is long enough to be a body.</p>'), 'https://www.eureporter.co//some/story?utm=1#top');
    expect(r.article.path).toBe('/some/story/');
    expect(extract(wrap('<p>Some text that is long enough to be a body.</p>'), 'file:///tmp/a.html').article.path).toBe('');
  });
});

describe('parseHtml character references', () => {
  const textOf = (html: string, tag: string) =>
    selectAll(parseHtml(html), tag)[0].children.map((c) => (c as HtmlText).text).join('');

  it('decodes named, decimal and hex references in text and in RCDATA titles', () => {
    expect(textOf('<p>Trade &amp; exports rose 1,7&nbsp;% to &#8364;5&#x202F;bn</p>', 'p')).toBe('Trade & exports rose 1,7\u00a0% to €5\u202fbn');
    expect(textOf('<title>A &lt;b&gt; &amp; c</title>', 'title')).toBe('A <b> & c');
  });

  it('decodes legacy references without a semicolon as a browser does in text', () => {
    expect(textOf('<p>&copy 2024 &amp; AT&T</p>', 'p')).toBe('© 2024 & AT&T');
  });

  it('decodes attribute values, leaving "&param=" in URLs alone as a browser does', () => {
    const [a] = selectAll(parseHtml('<a href="/x?a=1&amp;b=2&copy=3" title="Fish &amp; chips">x</a>'), 'a');
    expect(a.attrs.href).toBe('/x?a=1&b=2&copy=3');
    expect(a.attrs.title).toBe('Fish & chips');
  });

  it('keeps the text of raw-text elements as written', () => {
    expect(textOf('<script type="application/ld+json">{"headline":"A &amp; B"}</script>', 'script')).toBe('{"headline":"A &amp; B"}');
    expect(textOf('<style>a::after{content:"&amp;"}</style>', 'style')).toBe('a::after{content:"&amp;"}');
  });
});

describe('hostile and broken input', () => {
  const url = 'https://www.eureporter.co/story/';

  it('survives deep nesting, unclosed tags and 1 MB of digits without throwing', () => {
    const inputs = [
      '<div>'.repeat(300_000),
      '<article>' + '<p><b>x, y, z and more words here'.repeat(20_000),
      '<html><body><article><h1>T</h1><p>' + '1,234.567 '.repeat(100_000) + '</p></article></body></html>',
      '<<<>>></p></div><p>unbalanced</span></article>',
      '<svg><p>' + '<math>'.repeat(50_000),
    ];
    for (const html of inputs) {
      expect(() => extractArticle(parseHtml(html), url)).not.toThrow();
    }
    const big = extractArticle(parseHtml(inputs[2]), url);
    expect(big?.article.paragraphs[1].length).toBe('1,234.567 '.repeat(100_000).trim().length);
  });

  it('never throws on arbitrary markup, and every source segment lies inside its paragraph and its node', () => {
    const tag = fc.constantFrom('p', 'div', 'article', 'h1', 'h2', 'li', 'span', 'b', 'br', 'script', 'figure', 'aside', 'template');
    const piece = fc.oneof(
      fc.string(),
      fc.constantFrom(' ', '\n', '&amp;', '&nbsp;', '523.7', '١٢٣', '303%', '<!--', '-->', '<br>'),
      tag.map((t) => `<${t} class="entry-content">`),
      tag.map((t) => `</${t}>`),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const r = extractArticle(parseHtml(pieces.join('')), url);
        if (!r) return;
        expect(r.sources).toHaveLength(r.article.paragraphs.length);
        r.sources.forEach((s, i) => {
          for (const g of s.segments) {
            expect(g.start).toBeGreaterThanOrEqual(0);
            expect(g.end).toBeLessThanOrEqual(r.article.paragraphs[i].length);
            expect(g.nodeEnd).toBeLessThanOrEqual((g.node as HtmlText).text.length);
          }
        });
      }),
      { numRuns: 300 },
    );
  });

  it('parses into one text node per text run, however htmlparser2 splits it', () => {
    const root = parseHtml('<p>a &amp; b &lt; c</p>');
    const [p] = selectAll(root, 'p');
    expect(p.children).toEqual([{ type: 'text', text: 'a & b < c' }]);
  });
});
