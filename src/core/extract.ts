// Article extraction: from one edition's page tree, the title and the body
// paragraphs, and nothing else. Everything a figure checker must not read —
// navigation, the language switcher, share bars, bylines, captions, ads,
// "Trending" and related lists, the disclaimer, comments — stays out, because
// that chrome differs per edition and would raise false alarms.
//
// The body is found by a table of known containers (WordPress, tagDiv
// Newspaper, schema.org), else by a Readability-style score. Mozilla's
// Readability needs a DOM, and the engine runs without one (in Node, and on
// this module's own tree in the extension), so the few scoring rules it needs
// are re-stated here.
//
// Each paragraph's text is whitespace-normalised the way a browser renders it
// (ASCII whitespace runs collapse; NBSP and U+202F, which locales use as group
// separators, are kept), and ParagraphSource maps every UTF-16 offset of that
// text back to the tree's text nodes so the content script can wrap exactly a
// flagged range in the live page.
import type { Article, Lang } from './types';
import { type HtmlElement, type HtmlText, classList, matches, normaliseSpace, parseSelector, walk, type Selector } from './html';
import { canonicalLang } from '../site/editions';
import { memoised } from './memo';
import { articlePath, isArticlePath, langFromUrl } from '../site/urls';

/** Offsets [start, end) of a paragraph are the text node's [nodeStart, nodeEnd), character for character. */
export interface SourceSegment {
  node: HtmlText;
  nodeStart: number;
  nodeEnd: number;
  start: number;
  end: number;
}

/** Where paragraph i of Article.paragraphs came from; gaps (a space made by <br> or a block edge) have no segment. */
export interface ParagraphSource {
  segments: SourceSegment[];
}

export interface Extraction {
  article: Article;
  sources: ParagraphSource[];
}

// ---------------------------------------------------------------- what to skip

/** Elements whose content is never article text. */
const SKIP_TAGS: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'nav', 'aside', 'header', 'footer', 'form', 'button', 'select', 'textarea', 'input', 'label', 'menu', 'dialog',
  'figcaption', 'head', 'title', 'meta', 'link',
]);

/**
 * Role words in class and id names that mark page chrome: share bars, social
 * buttons, related/trending lists, ads (tagDiv's td-a-rec), bylines and meta,
 * captions, the disclaimer, comments, widgets, menus, screen-reader-only text.
 * Matched as whole '-'/'_'-separated words, so 'entry-content' or 'shadow' never hit.
 */
const CHROME_WORDS =
  'share|sharing|sharedaddy|social|related|relatedposts|trending|popular|comments?|respond|sidebar|widget|' +
  'ad|ads|advert|advertisement|adspot|a-rec|banner|promo|sponsored|newsletter|subscribe|' +
  'footer|menu|nav|navigation|breadcrumbs?|pagination|pager|byline|author|meta|tags|caption|wp-caption|disclaimer|' +
  'gtranslate|glink|skip-link|modal|popup|cookie|gdpr';
const CHROME_HINT = new RegExp(`(?:^|[-_])(?:${CHROME_WORDS})(?:$|[-_])`, 'i');

/** 'has-sidebar', 'no-comments', 'with-ads' describe the page's state, not the element's role. */
const STATE_CLASS = /^(?:has|no|with|without|is|show|hide|enable|disable)[-_]/i;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;

/**
 * Whole class names that hide an element (WordPress, Bootstrap, Tailwind).
 * Whole names only: 'overflow-hidden' or 'md:hidden' hide nothing on a desktop reader's page.
 */
const HIDDEN_CLASSES: ReadonlySet<string> = new Set(['hidden', 'd-none', 'sr-only', 'screen-reader-text', 'visually-hidden', 'hide']);

function isHidden(el: HtmlElement): boolean {
  const a = el.attrs;
  if ('hidden' in a || a['aria-hidden'] === 'true') return true;
  if (a.style !== undefined && HIDDEN_STYLE.test(a.style)) return true;
  return a.class !== undefined && classList(el).some((c) => HIDDEN_CLASSES.has(c));
}

// Pages repeat the same few dozen class names on thousands of elements.
const isChromeWord = memoised(10_000, (w) => !STATE_CLASS.test(w) && CHROME_HINT.test(w));

function isChrome(el: HtmlElement): boolean {
  if (SKIP_TAGS.has(el.tag) || isHidden(el) || el.attrs.role === 'navigation' || el.attrs.role === 'complementary') return true;
  return classList(el).some(isChromeWord) || (el.attrs.id !== undefined && isChromeWord(el.attrs.id));
}

/** Elements that end one paragraph and start the next. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'figure', 'hr', 'address', 'details', 'summary', 'center',
]);

// ---------------------------------------------------------------- paragraph text with its sources

const WS = /[ \t\n\f\r]+/g;

/** Accumulates one paragraph: collapses whitespace as a browser does and records which node each character came from. */
class ParagraphBuilder {
  text = '';
  segments: SourceSegment[] = [];
  /** A space is owed before the next visible character; `ws` is where it came from (none for <br>). */
  private pending = false;
  private ws: { node: HtmlText; at: number } | undefined;

  addText(node: HtmlText): void {
    const s = node.text;
    let from = 0;
    for (const m of s.matchAll(WS)) {
      this.copy(node, from, m.index);
      if (!this.pending) this.ws = { node, at: m.index };
      this.pending = true;
      from = m.index + m[0].length;
    }
    this.copy(node, from, s.length);
  }

  /** A line break: a space that no source character stands for. */
  softBreak(): void {
    if (!this.pending) this.ws = undefined;
    this.pending = true;
  }

  private copy(node: HtmlText, a: number, b: number): void {
    if (a >= b) return;
    if (this.pending && this.text.length > 0) {
      // The collapsed run is written as one ' ' and mapped to its first character.
      if (this.ws) this.push(this.ws.node, this.ws.at, this.ws.at + 1, ' ');
      else this.text += ' ';
    }
    this.pending = false;
    this.ws = undefined;
    this.push(node, a, b, node.text.slice(a, b));
  }

  /** Appends `text` (node.text[a, b), whitespace as ' ') and maps it, extending the last segment when it continues the same node. */
  private push(node: HtmlText, a: number, b: number, text: string): void {
    const start = this.text.length;
    this.text += text;
    const last = this.segments[this.segments.length - 1];
    if (last && last.node === node && last.nodeEnd === a && last.end === start) {
      last.nodeEnd = b;
      last.end = this.text.length;
    } else {
      this.segments.push({ node, nodeStart: a, nodeEnd: b, start, end: this.text.length });
    }
  }
}

interface Paragraphs {
  texts: string[];
  sources: ParagraphSource[];
}

/**
 * The paragraphs below `container`: text between block edges, chrome and
 * hidden elements skipped, the title (h1) left to title extraction.
 */
function collectParagraphs(container: HtmlElement, skipH1: boolean): Paragraphs {
  const out: Paragraphs = { texts: [], sources: [] };
  let b = new ParagraphBuilder();
  const flush = () => {
    if (b.text.length > 0) {
      out.texts.push(b.text);
      out.sources.push({ segments: b.segments });
    }
    b = new ParagraphBuilder();
  };
  walk(container, {
    enter: (el) => {
      if (el === container) return;
      if (isChrome(el) || (skipH1 && el.tag === 'h1')) return false;
      if (el.tag === 'br') b.softBreak();
      else if (BLOCK_TAGS.has(el.tag)) flush();
    },
    leave: (el) => {
      if (BLOCK_TAGS.has(el.tag)) flush();
    },
    text: (t) => b.addText(t),
  });
  flush();
  return out;
}

// ---------------------------------------------------------------- trimming what containers carry at their edges

/** "SHARE:", "Paylaş:", "Share this article:" — a label, not content. */
const isLabel = (p: string) => p.length <= 40 && /[:：]$/.test(p) && p.split(' ').length <= 5;

/**
 * The disclaimer EU Reporter prints under every article, in every edition's
 * translation; the brand name survives machine translation, so it identifies it.
 * Only ever looked for at the end of the body: a closing paragraph that names
 * EU Reporter is dropped in every edition alike, so it costs recall there, never
 * a false alarm.
 */
const isDisclaimer = (p: string) => p.length <= 500 && /EU\s?Reporter/i.test(p);

/** Drops share labels and the disclaimer that WordPress themes leave as the body's last paragraphs, and labels at its start. */
function trimEdges(ps: Paragraphs): Paragraphs {
  let start = 0;
  let end = ps.texts.length;
  while (start < end && isLabel(ps.texts[start])) start++;
  while (end > start && (isLabel(ps.texts[end - 1]) || isDisclaimer(ps.texts[end - 1]))) end--;
  return { texts: ps.texts.slice(start, end), sources: ps.sources.slice(start, end) };
}

// ---------------------------------------------------------------- finding the body

/** Known article-body containers, most specific first. */
const CONTAINERS: readonly Selector[] = [
  '.td-post-content',
  '.tdb_single_content .tdb-block-inner',
  '.entry-content',
  '[itemprop=articleBody]',
  'article',
  '[role=main]',
  'main',
].map(parseSelector);

const TITLES: readonly Selector[] = ['h1.entry-title', 'h1.tdb-title-text', 'h1[itemprop=headline]', 'article h1'].map(parseSelector);

/** Text length below which a container is taken to be empty (a stray wrapper, a teaser). */
const MIN_BODY_CHARS = 15;

const bodyChars = (ps: Paragraphs) => ps.texts.reduce((n, t) => n + t.length, 0);

interface PageScan {
  htmlLang?: string;
  meta: Map<string, string>;
  alternates: { hreflang: string; href: string }[];
  canonical?: string;
  times: string[];
  /** Outermost matches per CONTAINERS entry, outside chrome (nested matches would only repeat their text). */
  containers: HtmlElement[][];
  /** Matches per TITLES entry, outside hidden elements (titles sit in <header>, which is chrome for the body). */
  titles: HtmlElement[][];
  firstH1?: HtmlElement;
}

/** Elements under which nothing is visible text at all, not even a title. */
const isInvisible = (el: HtmlElement) => isHidden(el) || (SKIP_TAGS.has(el.tag) && el.tag !== 'header');

/** html and body carry the theme's page-wide classes ('has-sidebar', 'single-post'): never chrome. */
const isPageRoot = (el: HtmlElement) => el.tag === 'html' || el.tag === 'body' || el.tag === '#document';

/** One pass over the page gathering everything extraction looks at. */
function scan(root: HtmlElement): PageScan {
  const s: PageScan = { meta: new Map(), alternates: [], times: [], containers: CONTAINERS.map(() => []), titles: TITLES.map(() => []) };
  // Per open element: was it chrome / invisible / a container match? Popped on leave.
  const flags: number[] = [];
  let chrome = 0;
  let invisible = 0;
  const inContainer = CONTAINERS.map(() => 0);
  walk(root, {
    enter: (el, anc) => {
      readHead(el, s);
      let f = 0;
      // Inside chrome (or an invisible subtree) every element is chrome (invisible) already: no need to ask.
      if (chrome === 0 && !isPageRoot(el) && isChrome(el)) (f |= 1), chrome++;
      if (invisible === 0 && !isPageRoot(el) && isInvisible(el)) (f |= 2), invisible++;
      if (chrome === 0) {
        CONTAINERS.forEach((sel, i) => {
          if (!matches(el, sel, anc)) return;
          if (inContainer[i] === 0) s.containers[i].push(el);
          inContainer[i]++;
          f |= 4 << i;
        });
        if (el.tag === 'h1') s.firstH1 ??= el;
      }
      if (invisible === 0) TITLES.forEach((sel, i) => matches(el, sel, anc) && s.titles[i].push(el));
      flags.push(f);
    },
    leave: () => {
      const f = flags.pop() ?? 0;
      if (f & 1) chrome--;
      if (f & 2) invisible--;
      CONTAINERS.forEach((_, i) => f & (4 << i) && inContainer[i]--);
    },
  });
  return s;
}

/** Metadata: <html lang>, <meta property|name content>, hreflang alternates, canonical, <time datetime>. */
function readHead(el: HtmlElement, s: PageScan): void {
  const a = el.attrs;
  switch (el.tag) {
    case 'html':
      s.htmlLang ??= a.lang ?? a['xml:lang'];
      break;
    case 'meta': {
      const key = (a.property ?? a.name ?? a.itemprop)?.toLowerCase();
      if (key && a.content !== undefined && !s.meta.has(key)) s.meta.set(key, a.content);
      break;
    }
    case 'link': {
      const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
      if (rel.includes('alternate') && a.hreflang && a.href) s.alternates.push({ hreflang: a.hreflang, href: a.href });
      if (rel.includes('canonical') && a.href) s.canonical ??= a.href;
      break;
    }
    case 'time':
      if (a.datetime) s.times.push(a.datetime);
      break;
  }
}

/** The known container of the first selector that holds a body; among several matches, the one with the most text. */
function knownBody(s: PageScan): Paragraphs | undefined {
  for (const matched of s.containers) {
    let best: Paragraphs | undefined;
    for (const el of matched) {
      const ps = trimEdges(collectParagraphs(el, true));
      if (!best || bodyChars(ps) > bodyChars(best)) best = ps;
    }
    if (best && bodyChars(best) >= MIN_BODY_CHARS) return best;
  }
  return undefined;
}

// Readability's signals: paragraphs score by length and commas, their parent
// takes the score and the grandparent half; class/id words push a container up
// or down; link-heavy blocks (menus, lists of headlines) are discounted.
const POSITIVE_HINT = /(?:^|[-_])(?:article|body|content|entry|main|post|story|text|prose)(?:$|[-_])/i;
const SCORED_TAGS: ReadonlySet<string> = new Set(['p', 'pre', 'td', 'blockquote', 'li', 'h2', 'h3', 'h4']);
const MIN_SCORED_CHARS = 25;
/** Commas in any script: Latin, Arabic, CJK full-width and ideographic. */
const COMMAS = /[,،，、]/g;

function classWeight(el: HtmlElement): number {
  const words = el.attrs.id ? [...classList(el), el.attrs.id] : classList(el);
  let w = 0;
  for (const word of words) {
    if (STATE_CLASS.test(word)) continue;
    if (POSITIVE_HINT.test(word)) w += 25;
    if (isChromeWord(word)) w -= 25;
  }
  return w;
}

interface Tally {
  text: number;
  link: number;
  commas: number;
}

/**
 * The block a Readability-style score picks as the body, for pages no known
 * container fits. Subtree tallies are summed bottom-up on leave, so the pass is
 * linear however deep the page nests.
 */
function scoredBody(root: HtmlElement): Paragraphs | undefined {
  const tallies = new Map<HtmlElement, Tally>();
  const scores = new Map<HtmlElement, number>();
  const tally = (el: HtmlElement) => tallies.get(el) ?? { text: 0, link: 0, commas: 0 };
  walk(root, {
    enter: (el) => (el !== root && !isPageRoot(el) && (isChrome(el) || el.tag === 'h1') ? false : undefined),
    leave: (el, anc) => {
      const t: Tally = { text: 0, link: 0, commas: 0 };
      for (const c of el.children) {
        const sub = c.type === 'text' ? { text: normaliseSpace(c.text).length, link: 0, commas: c.text.match(COMMAS)?.length ?? 0 } : tallies.get(c);
        if (!sub) continue;
        t.text += sub.text;
        t.link += sub.link;
        t.commas += sub.commas;
      }
      if (el.tag === 'a') t.link = t.text;
      tallies.set(el, t);
      if (!SCORED_TAGS.has(el.tag) || t.text < MIN_SCORED_CHARS) return;
      const score = 1 + t.commas + Math.min(Math.floor(t.text / 100), 3);
      const [parent, grand] = [anc[anc.length - 1], anc[anc.length - 2]];
      if (parent) scores.set(parent, (scores.get(parent) ?? 0) + score);
      if (grand) scores.set(grand, (scores.get(grand) ?? 0) + score / 2);
    },
  });
  let best: HtmlElement | undefined;
  let bestScore = 0;
  for (const [el, raw] of scores) {
    const t = tally(el);
    const score = (raw + classWeight(el)) * (1 - t.link / Math.max(1, t.text));
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  if (!best) return undefined;
  const ps = trimEdges(collectParagraphs(best, true));
  return bodyChars(ps) >= MIN_BODY_CHARS ? ps : undefined;
}

// ---------------------------------------------------------------- title, language, date

function titleParagraph(s: PageScan): Paragraphs | undefined {
  const fromElement = (el: HtmlElement | undefined) => {
    if (!el) return undefined;
    const ps = collectParagraphs(el, false);
    if (ps.texts.length === 0) return undefined;
    // A heading split by <br> or inner blocks is still one title.
    const segments = ps.sources.flatMap((src, i) => {
      const offset = ps.texts.slice(0, i).reduce((n, t) => n + t.length + 1, 0);
      return src.segments.map((g) => ({ ...g, start: g.start + offset, end: g.end + offset }));
    });
    return { texts: [ps.texts.join(' ')], sources: [{ segments }] };
  };
  for (const matched of s.titles) {
    const t = fromElement(matched[0]);
    if (t) return t;
  }
  // The page's first h1 when it is the title og:title states (it carries text nodes to mark); else og:title itself.
  const meta = normaliseSpace(s.meta.get('og:title') ?? '');
  const h1 = fromElement(s.firstH1);
  if (h1 && (!meta || h1.texts[0] === meta)) return h1;
  if (meta) return { texts: [meta], sources: [{ segments: [] }] };
  return h1;
}

/**
 * The page's edition: <html lang>, then og:locale, then the hreflang link that
 * points at this URL, then the subdomain. One exception: a translation proxy may
 * leave the English original's <html lang="en"> on a translated subdomain, so
 * an EU Reporter edition host that names another language wins over "en".
 */
export function pageLang(root: HtmlElement, url: string): Lang {
  return langOf(scan(root), url);
}

function langOf(s: PageScan, url: string): Lang {
  const fromHost = langFromUrl(url);
  const self = s.alternates.find((a) => sameUrl(a.href, url));
  const declared = canonicalLang(s.htmlLang) ?? canonicalLang(s.meta.get('og:locale')) ?? canonicalLang(self?.hreflang);
  if (declared && !(declared === 'en' && fromHost && fromHost !== 'en')) return declared;
  return fromHost ?? declared ?? 'und';
}

function sameUrl(a: string, b: string): boolean {
  try {
    const x = new URL(a, b);
    const y = new URL(b);
    return x.host === y.host && articlePath(x.href) === articlePath(y.href);
  } catch {
    return false;
  }
}

/** ISO 8601 publication date from article:published_time or the first <time datetime>. */
function publishedOf(s: PageScan): string | undefined {
  const candidates = [s.meta.get('article:published_time'), s.meta.get('datepublished'), ...s.times];
  for (const c of candidates) {
    const t = c ? Date.parse(c.trim()) : NaN;
    if (Number.isFinite(t)) return new Date(t).toISOString();
  }
  return undefined;
}

// ---------------------------------------------------------------- the entry point

/**
 * The article on a page: title first, then body paragraphs, with the source of
 * each paragraph's text. Null when the page is not an article: a listing URL
 * (home, category, tag, author, search…), og:type other than "article", or no
 * title and body to be found.
 */
export function extractArticle(root: HtmlElement, url: string): Extraction | null {
  if (/^https?:/i.test(url) && !isArticlePath(url)) return null;
  const s = scan(root);
  const ogType = s.meta.get('og:type');
  if (ogType !== undefined && ogType.trim().toLowerCase() !== 'article') return null;
  const body = knownBody(s) ?? scoredBody(root);
  const title = titleParagraph(s);
  if (!body || !title) return null;
  const article: Article = {
    url,
    lang: langOf(s, url),
    paragraphs: [...title.texts, ...body.texts],
    path: articlePath(url),
  };
  const published = publishedOf(s);
  if (published) article.published = published;
  return { article, sources: [...title.sources, ...body.sources] };
}

/** The page's canonical URL (<link rel=canonical>, else og:url), resolved against `base`; what a saved page says it is. */
export function canonicalUrl(root: HtmlElement, base?: string): string | undefined {
  const s = scan(root);
  const href = s.canonical ?? s.meta.get('og:url');
  if (!href) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/** The live-DOM ranges [start, end) of paragraph text [start, end): one per text node touched. */
export function sourceRanges(source: ParagraphSource, start: number, end: number): { node: HtmlText; start: number; end: number }[] {
  const out: { node: HtmlText; start: number; end: number }[] = [];
  for (const g of source.segments) {
    const a = Math.max(start, g.start);
    const b = Math.min(end, g.end);
    if (a < b) out.push({ node: g.node, start: g.nodeStart + (a - g.start), end: g.nodeStart + (b - g.start) });
  }
  return out;
}
