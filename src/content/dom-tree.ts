// A DOM (the live page, or a reference edition parsed inertly with DOMParser)
// as the engine's HtmlNode tree, so extraction runs on exactly the same
// structure in the browser as in Node. Each text node keeps `ref`, the DOM Text
// node it mirrors, which is how a flagged range of paragraph text maps back to
// the live page (see ParagraphSource in src/core/extract.ts).
//
// Iterative, like every traversal of page trees: a hostile page may nest
// deeper than the call stack allows.
import type { HtmlElement, HtmlNode } from '../core/html';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CDATA_SECTION_NODE = 4;

function attrsOf(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Array.from(el.attributes)) out[a.name.toLowerCase()] = a.value;
  return out;
}

/** `el`'s tag as the HTML parser would spell it: lower-case, without an SVG/MathML prefix. */
const tagOf = (el: Element) => (el.localName || el.nodeName).toLowerCase();

/**
 * Mirrors `root` and everything below it. Comments and processing instructions
 * are dropped, and so is a <template>'s content.
 */
export function domToTree(root: Element): HtmlElement {
  const top: HtmlElement = { type: 'element', tag: tagOf(root), attrs: attrsOf(root), children: [] };
  const stack: [Node, HtmlElement][] = [[root, top]];
  while (stack.length > 0) {
    const [dom, tree] = stack.pop() as [Node, HtmlElement];
    for (let c = dom.firstChild; c; c = c.nextSibling) {
      let node: HtmlNode | undefined;
      if (c.nodeType === ELEMENT_NODE) {
        const el = c as Element;
        const mirrored: HtmlElement = { type: 'element', tag: tagOf(el), attrs: attrsOf(el), children: [] };
        // A <template>'s content is inert markup, never article text; some DOMs
        // (happy-dom) expose it as children, browsers as a separate fragment.
        if (mirrored.tag !== 'template') stack.push([el, mirrored]);
        node = mirrored;
      } else if (c.nodeType === TEXT_NODE || c.nodeType === CDATA_SECTION_NODE) {
        node = { type: 'text', text: (c as Text).data, ref: c };
      }
      if (node) tree.children.push(node);
    }
  }
  return top;
}
