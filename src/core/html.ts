// The engine's view of a page: a minimal, JSON-like element tree. Node builds
// it from a string with htmlparser2 (parseHtml, below); the content script
// builds the same tree from a live or DOMParser'd document (src/content/dom-tree.ts),
// keeping a pointer to each DOM Text node in `ref`. Extraction only ever sees
// this tree, so it behaves identically in both places.
//
// Every traversal here is iterative: pages can be nested tens of thousands of
// levels deep (malformed or hostile HTML) and must not overflow the call stack.
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { Parser } from 'htmlparser2';
import { memoised } from './memo';

export interface HtmlText {
  type: 'text';
  text: string;
  /** The live DOM Text node this text came from (content script only). */
  ref?: unknown;
}

export interface HtmlElement {
  type: 'element';
  /** Lower-case tag name; '#document' for the root that parseHtml returns. */
  tag: string;
  /** Attribute names lower-case, values entity-decoded. */
  attrs: Record<string, string>;
  children: HtmlNode[];
}

export type HtmlNode = HtmlElement | HtmlText;

export function element(tag: string, attrs: Record<string, string> = {}, children: HtmlNode[] = []): HtmlElement {
  return { type: 'element', tag, attrs, children };
}

/**
 * Nesting beyond this ends the parse. htmlparser2 keeps its open-element stack
 * with Array.unshift, so each level costs time proportional to the depth and a
 * hostile page of 200,000 unclosed <div>s takes seconds. Real pages nest a few
 * dozen levels (Chrome's parser itself flattens below 512); what lies past the
 * cap is dropped, which at worst makes such a page "not an article".
 */
const MAX_DEPTH = 1024;

/** Elements whose text is raw: a browser decodes no character references in them. */
const RAW_TEXT = new Set(['script', 'style', 'iframe', 'noembed', 'noframes', 'xmp', 'plaintext']);

const decodeText = (text: string, parent: string) => (text.includes('&') && !RAW_TEXT.has(parent) ? decodeHTML(text) : text);

function decodeAttributes(attrs: Record<string, string>): Record<string, string> {
  for (const name in attrs) if (attrs[name].includes('&')) attrs[name] = decodeHTMLAttribute(attrs[name]);
  return attrs;
}

/**
 * Parses a whole page (or fragment) into a tree under a synthetic '#document'
 * root. htmlparser2 is forgiving (implied end tags, void elements, raw text in
 * script/style) and streams through callbacks, so no DOM is built twice.
 * Never throws: whatever the input, some tree comes back.
 *
 * Character references are decoded here, with the `entities` library that
 * htmlparser2 itself uses, rather than by the tokenizer: with decoding on, the
 * tokenizer steps through all text a character at a time looking for '&';
 * with it off, it jumps to the next '<'. Most text holds no '&' at all, and
 * the parse of a page takes about a third less time.
 */
export function parseHtml(html: string): HtmlElement {
  const root = element('#document');
  const stack: HtmlElement[] = [root];
  const top = () => stack[stack.length - 1];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const el = element(name, decodeAttributes(attribs));
        top().children.push(el);
        stack.push(el);
        if (stack.length > MAX_DEPTH) parser.pause();
      },
      ontext(text) {
        // htmlparser2 may report one text run in pieces;
        // a DOM has one Text node there, and so must we.
        const parent = top();
        const kids = parent.children;
        const last = kids[kids.length - 1];
        const decoded = decodeText(text, parent.tag);
        if (last && last.type === 'text') last.text += decoded;
        else kids.push({ type: 'text', text: decoded });
      },
      onclosetag(name) {
        // htmlparser2 reports closes in stack order; the guard only protects the root.
        if (stack.length > 1 && top().tag === name) stack.pop();
      },
    },
    { decodeEntities: false, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  try {
    parser.end(html);
  } catch {
    // A parser bug on hostile input must not take the check down: keep what was built.
  }
  return root;
}

// ---------------------------------------------------------------- traversal

/** What a visitor returns on entering an element: false skips its subtree. */
export type Visit = (el: HtmlElement, ancestors: readonly HtmlElement[]) => boolean | void;

export interface Visitor {
  enter?: Visit;
  leave?: (el: HtmlElement, ancestors: readonly HtmlElement[]) => void;
  text?: (node: HtmlText, ancestors: readonly HtmlElement[]) => void;
}

/**
 * Depth-first, document-order walk below `root` (root itself is entered too).
 * `ancestors` holds the open elements, root first, the current one excluded.
 */
export function walk(root: HtmlElement, v: Visitor): void {
  if (v.enter && v.enter(root, []) === false) return;
  const ancestors: HtmlElement[] = [root];
  const indices: number[] = [0];
  while (ancestors.length > 0) {
    const depth = ancestors.length - 1;
    const parent = ancestors[depth];
    const i = indices[depth]++;
    if (i >= parent.children.length) {
      ancestors.pop();
      indices.pop();
      v.leave?.(parent, ancestors);
      continue;
    }
    const child = parent.children[i];
    if (child.type === 'text') {
      v.text?.(child, ancestors);
    } else if (!v.enter || v.enter(child, ancestors) !== false) {
      ancestors.push(child);
      indices.push(0);
    }
  }
}

export const normaliseSpace = (s: string): string => s.replace(/[ \t\n\f\r]+/g, ' ').trim();

// ---------------------------------------------------------------- selectors

/**
 * A compound selector: tag, classes, id and attributes, all of which must hold.
 * Enough for the fixed selector tables of extraction and sibling discovery;
 * deliberately not a CSS engine.
 */
export interface Compound {
  tag?: string;
  id?: string;
  classes: string[];
  /** [name, value]; value undefined means "present". */
  attrs: [string, string | undefined][];
}

/** Descendant chain, outermost first: '.a .b' → [a, b]. */
export type Selector = Compound[];

const COMPOUND_PART = /([.#]?)([\w-]+|\[([\w:-]+)(?:=["']?([^\]"']*)["']?)?\])/g;

/** Parses 'h1.entry-title', '[itemprop=articleBody]', '.tdb_single_content .tdb-block-inner', 'link[rel=alternate][hreflang]'. */
export function parseSelector(source: string): Selector {
  return source
    .trim()
    .split(/\s+/)
    .map((part) => {
      const c: Compound = { classes: [], attrs: [] };
      for (const m of part.matchAll(COMPOUND_PART)) {
        if (m[3] !== undefined) c.attrs.push([m[3].toLowerCase(), m[4]]);
        else if (m[1] === '.') c.classes.push(m[2]);
        else if (m[1] === '#') c.id = m[2];
        else c.tag = m[2].toLowerCase();
      }
      return c;
    });
}

const NO_CLASSES: readonly string[] = [];
// Extraction asks every element for its classes several times, and a page
// repeats a few dozen class attributes thousands of times: split each once.
const splitClasses = memoised(10_000, (c): readonly string[] => c.split(/\s+/).filter(Boolean));

export function classList(el: HtmlElement): readonly string[] {
  const c = el.attrs.class;
  return c ? splitClasses(c) : NO_CLASSES;
}

export function matchesCompound(el: HtmlElement, c: Compound): boolean {
  if (c.tag && el.tag !== c.tag) return false;
  if (c.id !== undefined && el.attrs.id !== c.id) return false;
  if (c.classes.length > 0) {
    const own = classList(el);
    if (!c.classes.every((x) => own.includes(x))) return false;
  }
  return c.attrs.every(([name, value]) => (value === undefined ? name in el.attrs : el.attrs[name] === value));
}

/** True when `el` matches the selector's last compound and its ancestors match the rest, in order. */
export function matches(el: HtmlElement, sel: Selector, ancestors: readonly HtmlElement[]): boolean {
  if (sel.length === 0 || !matchesCompound(el, sel[sel.length - 1])) return false;
  let need = sel.length - 2;
  for (let i = ancestors.length - 1; i >= 0 && need >= 0; i--) {
    if (matchesCompound(ancestors[i], sel[need])) need--;
  }
  return need < 0;
}

/** Every element below root (root included) matching the selector, in document order. */
export function selectAll(root: HtmlElement, selector: string | Selector): HtmlElement[] {
  const sel = typeof selector === 'string' ? parseSelector(selector) : selector;
  const out: HtmlElement[] = [];
  walk(root, {
    enter: (el, anc) => {
      if (matches(el, sel, anc)) out.push(el);
    },
  });
  return out;
}
