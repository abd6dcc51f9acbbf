// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { domToTree } from '../../src/content/dom-tree';
import { parseHtml } from '../../src/core/html';
import { extractArticle, sourceRanges } from '../../src/core/extract';
import { LAYOUTS, renderArticlePage } from '../fixtures/render';

const meta = JSON.parse(readFileSync('test/fixtures/seed/article.json', 'utf8')) as { path: string; published: string };

function seedPage(lang: string, layout: (typeof LAYOUTS)[number]) {
  const [title, ...paragraphs] = readFileSync(`test/fixtures/seed/${lang}.txt`, 'utf8').trim().split(/\n\s*\n/);
  const url = `https://${lang}.eureporter.co${meta.path}`;
  return { url, html: renderArticlePage({ lang, url, title, paragraphs, layout, published: meta.published, noiseSeed: 3 }) };
}

const parseDom = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('domToTree', () => {
  for (const layout of LAYOUTS) {
    it(`${layout}: extraction from the DOM equals extraction from the HTML string`, () => {
      const { url, html } = seedPage('az', layout);
      const fromString = extractArticle(parseHtml(html), url);
      const fromDom = extractArticle(domToTree(parseDom(html).documentElement), url);
      expect(fromString).not.toBeNull();
      expect(fromDom?.article).toEqual(fromString?.article);
    });
  }

  it('keeps each DOM Text node as ref, so a flagged range wraps exactly the figure in the page', () => {
    const { url, html } = seedPage('az', 'newspaper');
    document.documentElement.innerHTML = parseDom(html).documentElement.innerHTML;
    const r = extractArticle(domToTree(document.documentElement), url);
    if (!r) throw new Error('not an article');
    const i = r.article.paragraphs.findIndex((p) => p.includes('303%'));
    const start = r.article.paragraphs[i].indexOf('303%');
    const [range] = sourceRanges(r.sources[i], start, start + 4);
    const node = range.node.ref as Text;
    expect(node).toBeInstanceOf(Text);
    expect(document.contains(node)).toBe(true);
    const dom = document.createRange();
    dom.setStart(node, range.start);
    dom.setEnd(node, range.end);
    const mark = document.createElement('mark');
    dom.surroundContents(mark);
    expect(mark.textContent).toBe('303%');
    expect(mark.closest('.td-post-content')).not.toBeNull();
  });

  it('mirrors tags lower-case, attributes, and text in document order; drops comments and template content', () => {
    const host = document.createElement('div');
    host.innerHTML = '<P CLASS="a" data-x="1">one<!-- c --><B>two</B>three</P><template><p>t</p></template>';
    const tree = domToTree(host);
    expect(tree.tag).toBe('div');
    const [p, template] = tree.children as [any, any];
    expect(p.tag).toBe('p');
    expect(p.attrs).toEqual({ class: 'a', 'data-x': '1' });
    expect(p.children.map((c: any) => (c.type === 'text' ? c.text : c.tag))).toEqual(['one', 'b', 'three']);
    expect(template.children).toEqual([]);
  });

  it('walks deep nesting without recursion', () => {
    const root = document.createElement('div');
    let cur: Element = root;
    for (let i = 0; i < 20_000; i++) cur = cur.appendChild(document.createElement('div'));
    cur.textContent = 'deep';
    const tree = domToTree(root);
    let node: any = tree;
    let depth = 0;
    while (node.children[0]?.type === 'element') (node = node.children[0]), depth++;
    expect(depth).toBe(20_000);
    expect(node.children[0].text).toBe('deep');
  });
});
