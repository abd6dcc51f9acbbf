// The one way content code builds DOM: elements, attributes and text nodes.
// Strings always become Text nodes or attribute values, never markup, so page
// and reference text cannot inject anything.

type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = doc.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(typeof c === 'string' ? doc.createTextNode(c) : c);
  return el;
}

/** A stylesheet for a shadow root, as a <style> element whose text is ours. */
export function style(doc: Document, css: string): HTMLStyleElement {
  const s = doc.createElement('style');
  s.textContent = css;
  return s;
}

/** Only web links may become hrefs: a `javascript:` or `data:` URL from a reference must never be clickable. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Editions written right to left. Kurdish on EU Reporter is Kurmanji, in Latin script. */
const RTL = new Set(['ar', 'fa', 'iw', 'he', 'ur', 'ps', 'sd', 'yi', 'ug', 'dv', 'ckb']);
export const dirOf = (lang: string | undefined): 'rtl' | 'ltr' => (lang && RTL.has(lang.split('-')[0]) ? 'rtl' : 'ltr');
