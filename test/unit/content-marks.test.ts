// @vitest-environment happy-dom
// Inline marks, the card and the banner on a DOM: exact wrapping across text
// nodes, text content unchanged, hostile reference text shown as text only.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { extractArticle } from '../../src/core/extract';
import type { Flag } from '../../src/core/types';
import { resetFake } from './ui-fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./ui-fake-browser')).fakeBrowser }));

const { domToTree } = await import('../../src/content/dom-tree');
const { applyMarks, piecesOf, removeMarks, MARK_TAG } = await import('../../src/content/marks');
const { buildCard, createCardView } = await import('../../src/content/card');
const { bannerText, createBanner, BANNER_ID } = await import('../../src/content/banner');
const { createInteractions } = await import('../../src/content/interact');

const URL_AZ = 'https://az.eureporter.co/world/2024/10/20/kazakhstan-and-belgium/';

const PAGE = `
  <article>
    <h1 class="entry-title">Qazaxıstan və Belçika məsləhətləşmələr aparırlar</h1>
    <div class="entry-content">
      <p>Nazir müavini oktyabrın 18-də Brüsseldə olub və   danışıqlar aparıb, ticarət artıb.</p>
      <p>İxrac <b>523.</b>7 milyon dollar, idxal <a href="/x">1,7 milyon</a> dollar təşkil edib.</p>
    </div>
  </article>`;

function load() {
  document.body.innerHTML = PAGE;
  const ex = extractArticle(domToTree(document.documentElement), URL_AZ);
  if (!ex) throw new Error('fixture is not an article');
  return ex;
}

/** A flag on `text` in paragraph `p` of the extracted article. */
function flagOn(paragraphs: string[], p: number, text: string, kind: Flag['kind'] = 'figure'): Flag {
  const start = paragraphs[p].indexOf(text);
  if (start < 0) throw new Error(`"${text}" not in paragraph ${p}`);
  return { kind, paragraph: p, start, end: start + text.length, text, message: '', evidence: [] };
}

beforeEach(() => {
  resetFake();
  document.body.innerHTML = '';
});

describe('marks', () => {
  it('wraps exactly the flagged range across several text nodes, leaving text and elements in place', () => {
    const ex = load();
    const before = document.body.textContent;
    const flag = flagOn(ex.article.paragraphs, 2, '523.7 milyon dollar');
    const pieces = piecesOf(flag, ex.sources[2])!;
    expect(pieces).toHaveLength(2);
    const marks = applyMarks(document, [{ flag, index: 0, pieces, label: 'x' }]).get(0)!;
    expect(marks.map((m) => m.textContent).join('')).toBe('523.7 milyon dollar');
    expect(marks[0].parentElement!.tagName).toBe('B');
    expect(marks[0].getAttribute('role')).toBe('button');
    expect(marks[0].getAttribute('tabindex')).toBe('0');
    expect(marks[1].hasAttribute('tabindex')).toBe(false);
    expect(marks.every((m) => m.dataset.kind === 'figure' && m.dataset.flagIndex === '0')).toBe(true);
    expect(document.body.textContent).toBe(before);
    expect(document.querySelector('b')!.textContent).toBe('523.');
  });

  it('maps through collapsed whitespace and inside links', () => {
    const ex = load();
    const before = document.body.textContent;
    const spaced = flagOn(ex.article.paragraphs, 1, 'və danışıqlar');
    const linked = flagOn(ex.article.paragraphs, 2, '1,7 milyon');
    const marks = applyMarks(document, [
      { flag: spaced, index: 0, pieces: piecesOf(spaced, ex.sources[1])!, label: 'a' },
      { flag: linked, index: 1, pieces: piecesOf(linked, ex.sources[2])!, label: 'b' },
    ]);
    expect(marks.get(0)![0].textContent).toBe('və   danışıqlar');
    expect(marks.get(1)![0].parentElement!.tagName).toBe('A');
    expect(document.querySelector('a')!.getAttribute('href')).toBe('/x');
    expect(document.body.textContent).toBe(before);
  });

  it('puts a point mark (missing figure) as an empty element that adds no text', () => {
    const ex = load();
    const before = document.body.textContent;
    const p = ex.article.paragraphs[1];
    const at = p.indexOf('olub');
    const flag: Flag = { kind: 'missing', paragraph: 1, start: at, end: at, text: '', message: '', evidence: [] };
    const marks = applyMarks(document, [{ flag, index: 0, pieces: piecesOf(flag, ex.sources[1])!, label: 'missing' }]);
    const el = marks.get(0)![0];
    expect(el.textContent).toBe('');
    expect(el.nextSibling!.textContent!.startsWith('olub')).toBe(true);
    expect(document.body.textContent).toBe(before);
  });

  it('several flags in one text node keep their own ranges; overlapping flags mark once', () => {
    const ex = load();
    const ps = ex.article.paragraphs;
    const a = flagOn(ps, 1, '18-də');
    const b = flagOn(ps, 1, 'ticarət');
    const c = flagOn(ps, 1, '18', 'name');
    const marks = applyMarks(document, [a, b, c].map((flag, index) => ({ flag, index, pieces: piecesOf(flag, ex.sources[1])!, label: '' })));
    expect(marks.get(0)![0].textContent).toBe('18-də');
    expect(marks.get(1)![0].textContent).toBe('ticarət');
    expect(marks.has(2)).toBe(false);
    expect(document.querySelectorAll(MARK_TAG)).toHaveLength(2);
  });

  it('skips a flag whose text the page changed after extraction', () => {
    const ex = load();
    const flag = flagOn(ex.article.paragraphs, 1, 'Brüsseldə');
    document.querySelector('p')!.firstChild!.textContent = 'replaced';
    expect(piecesOf(flag, ex.sources[1])).toBeUndefined();
  });

  it('removeMarks restores the original markup', () => {
    const ex = load();
    const original = document.body.innerHTML;
    const flags = [flagOn(ex.article.paragraphs, 2, '523.7 milyon'), flagOn(ex.article.paragraphs, 1, 'Brüsseldə')];
    applyMarks(document, flags.map((flag, index) => ({ flag, index, pieces: piecesOf(flag, ex.sources[flag.paragraph])!, label: '' })));
    expect(document.body.innerHTML).not.toBe(original);
    removeMarks(document.body);
    expect(document.body.innerHTML).toBe(original);
  });
});

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><svg onload="window.__pwned=3">';

describe('card', () => {
  const flag: Flag = {
    kind: 'figure',
    paragraph: 0,
    start: 6,
    end: 18,
    text: '523.7 milyon',
    message: '',
    evidence: [
      { lang: 'en', text: 'Exports were $52.37 million.', url: 'https://www.eureporter.co/a/', start: 13, end: 27 },
      { lang: 'fr', text: HOSTILE, url: 'javascript:alert(1)' },
      { lang: 'ar', text: 'بلغت الصادرات 52.37 مليون دولار.' },
    ],
  };
  const paragraph = 'İxrac 523.7 milyon dollar təşkil edib.';

  it('shows this edition, each reference in its own words with a link, the kind, and failures', () => {
    const card = buildCard(document, { flag, paragraph, pageLang: 'az', failures: [{ lang: 'de', reason: 'timed out' }] });
    const text = card.textContent!;
    expect(text).toContain('A figure differs from the other editions');
    expect(text).toContain('This edition (Azerbaijani)');
    expect(card.querySelector('.current mark')!.textContent).toBe('523.7 milyon');
    expect(card.querySelector('.current .quote')!.getAttribute('lang')).toBe('az');
    const links = Array.from(card.querySelectorAll('a'));
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([['English', 'https://www.eureporter.co/a/']]);
    expect(text).toContain('Exports were $52.37 million.');
    expect(Array.from(card.querySelectorAll('.refs mark')).map((m) => m.textContent)).toEqual(['$52.37 million']);
    expect(text).toContain('de: timed out');
    const arabic = Array.from(card.querySelectorAll('.quote')).find((q) => q.getAttribute('lang') === 'ar')!;
    expect(arabic.getAttribute('dir')).toBe('rtl');
  });

  it('renders hostile reference text as plain text and never makes a javascript: link', () => {
    const card = buildCard(document, { flag, paragraph, pageLang: 'az', failures: [] });
    document.body.append(card);
    expect(card.querySelector('img, script, svg')).toBeNull();
    expect(card.textContent).toContain(HOSTILE);
    expect(card.querySelector('a[href^="javascript"]')).toBeNull();
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('opens on focus, closes on Escape and returns focus to the mark', async () => {
    const ex = load();
    const f = { ...flagOn(ex.article.paragraphs, 2, '523.7 milyon'), evidence: flag.evidence };
    applyMarks(document, [{ flag: f, index: 0, pieces: piecesOf(f, ex.sources[2])!, label: 'mark' }]);
    const view = createCardView(document);
    const ui = createInteractions(document, view, () => ({ flag: f, paragraph: ex.article.paragraphs[2], pageLang: 'az', failures: [] }));
    const control = document.querySelector(`${MARK_TAG}[role="button"]`) as HTMLElement;
    control.focus();
    expect(view.open).toBe(true);
    expect(control.getAttribute('aria-expanded')).toBe('true');
    expect(view.host.shadowRoot!.textContent).toContain('Exports were $52.37 million.');
    control.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(view.open).toBe(false);
    expect(control.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(control);
    expect(ui.reveal(0)).toBe(true);
    expect(view.open).toBe(true);
    ui.destroy();
    expect(view.host.isConnected).toBe(false);
  });
});

describe('banner', () => {
  const editions = [
    { lang: 'en', url: 'https://www.eureporter.co/a/', state: 'ok' as const },
    { lang: 'fr', url: 'https://fr.eureporter.co/a/', state: 'error' as const, reason: 'not reachable' },
    { lang: 'de', url: 'https://de.eureporter.co/a/', state: 'ok' as const },
  ];

  it('says how many figures differ from which editions, and which failed', () => {
    const { summary, details } = bannerText({ phase: 'done', editions, figures: 3, names: 0 });
    expect(summary).toBe('3 figures differ from the English and German editions');
    expect(details).toEqual(['fr: not reachable']);
    expect(bannerText({ phase: 'done', editions, figures: 1, names: 2 }).summary).toBe('1 figure and 2 names differ from the English and German editions');
    expect(bannerText({ phase: 'done', editions, figures: 0, names: 0 }).summary).toContain('No figure or name differs');
  });

  it('shows progress while editions load', () => {
    const loading = [{ ...editions[0] }, { ...editions[1], state: 'loading' as const }, { ...editions[2], state: 'pending' as const }];
    const { summary, details } = bannerText({ phase: 'checking', editions: loading, figures: 0, names: 0 });
    expect(summary).toMatch(/^Comparing with the English, French,? and German editions…$/);
    expect(details[0]).toBe('1 of 3 loaded');
  });

  it('sits before the anchor in an open shadow root and can be dismissed', () => {
    document.body.innerHTML = '<div class="entry-content"><p id="first">text</p></div>';
    const banner = createBanner(document);
    const anchor = document.getElementById('first')!;
    banner.render({ phase: 'done', editions, figures: 2, names: 0 }, anchor);
    const host = document.getElementById(BANNER_ID)!;
    expect(host.nextElementSibling).toBe(anchor);
    expect(host.shadowRoot!.textContent).toContain('2 figures differ');
    expect(host.getAttribute('aria-label')).toContain('fr: not reachable');
    (host.shadowRoot!.querySelector('.dismiss') as HTMLElement).click();
    expect(document.getElementById(BANNER_ID)).toBeNull();
    banner.render({ phase: 'done', editions, figures: 2, names: 0 }, anchor);
    expect(document.getElementById(BANNER_ID)).toBeNull();
  });
});
