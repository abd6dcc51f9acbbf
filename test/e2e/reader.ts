// What a reader sees, read from a live page: the marked spans, their cards, the
// banner, the article's text. The extension's stable hooks:
//   <fact-flag data-kind data-flag-index>  one per flag, wrapping exactly the flagged text
//   #fact-flags-banner                     the banner host (open shadow root)
//   <html data-fact-flags="done">          set when the check has finished
import type { Page } from 'puppeteer-core';
import type { BrowserSession } from './harness';

export interface SeenFlag {
  index: number;
  kind: string;
  text: string;
}

/** Opens a URL in a new tab and waits until the extension says the check is done. */
export async function openChecked(session: BrowserSession, url: string, timeout = 45_000): Promise<Page> {
  const page = await session.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await waitChecked(page, timeout);
  return page;
}

export async function waitChecked(page: Page, timeout = 45_000): Promise<void> {
  await page.waitForFunction(() => document.documentElement.dataset.factFlags === 'done', { timeout, polling: 50 });
}

/** The flags on the page in document order; a flag wrapped in several pieces (it crosses an element) is joined. */
export function readFlags(page: Page): Promise<SeenFlag[]> {
  return page.evaluate(() => {
    const flags = new Map<number, { index: number; kind: string; text: string }>();
    for (const el of document.querySelectorAll<HTMLElement>('fact-flag[data-flag-index]')) {
      const index = Number(el.dataset.flagIndex);
      const f = flags.get(index) ?? { index, kind: el.dataset.kind ?? '', text: '' };
      f.text += el.textContent ?? '';
      flags.set(index, f);
    }
    return [...flags.values()];
  });
}

/** All text under a node, shadow roots included, in document order; a line break after each block. */
const DEEP_TEXT = `(function deepText(node) {
  if (node.nodeType === 3) return node.data;
  if (node.nodeType !== 1 && node.nodeType !== 11) return '';
  if (node.nodeName === 'STYLE' || node.nodeName === 'SCRIPT') return '';
  let s = node.shadowRoot ? deepText(node.shadowRoot) : '';
  for (const c of node.childNodes) s += deepText(c);
  return /^(DIV|P|H[1-6]|LI|UL|OL|SECTION|HEADER|FOOTER|BLOCKQUOTE|DL|DT|DD)$/.test(node.nodeName) ? s + '\\n' : s;
})`;

/** Spaces collapsed, one line per block. */
const LINES = `.replace(/[^\\S\\n]+/g, ' ').replace(/ *\\n[\\s]*/g, '\\n').trim()`;

export async function bannerText(page: Page): Promise<string> {
  const text = await page.evaluate(`(() => {
    const host = document.getElementById('fact-flags-banner');
    if (!host) return '';
    // What a screen reader announces (the host's label), else what is drawn.
    return (host.getAttribute('aria-label') || ${DEEP_TEXT}(host)).replace(/\\s+/g, ' ').trim();
  })()`);
  return String(text);
}

/**
 * Opens the card of one flag the way a keyboard user does (focus on the mark's
 * control) and returns its text, one line per block, read where assistive
 * technology reads it: the element the control's aria-describedby names,
 * shadow root included.
 */
export async function cardText(page: Page, index: number): Promise<string> {
  const control = `fact-flag[data-flag-index="${index}"][role="button"]`;
  await page.focus(control);
  await page.waitForSelector(`${control}[aria-expanded="true"][aria-describedby]`, { timeout: 5_000 });
  const text = await page.evaluate(`(() => {
    const id = document.querySelector(${JSON.stringify(control)}).getAttribute('aria-describedby');
    const card = document.getElementById(id);
    return card ? ${DEEP_TEXT}(card)${LINES} : '';
  })()`);
  return String(text);
}

/**
 * The page's body paragraphs as HTML, with every <fact-flag> unwrapped back to
 * its text and the extension's own hosts removed: equal to the served page's
 * paragraphs exactly when the extension touched nothing but the wrapped ranges.
 */
export function unwrappedParagraphs(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const doc = document.cloneNode(true) as Document;
    doc.getElementById('fact-flags-banner')?.remove();
    for (const f of doc.querySelectorAll('fact-flag')) f.replaceWith(doc.createTextNode(f.textContent ?? ''));
    return [...doc.querySelectorAll('p')].map((p) => {
      p.normalize();
      return p.outerHTML;
    });
  });
}

/** The same, for the HTML the mirror served, parsed by the same browser. */
export function servedParagraphs(page: Page, html: string): Promise<string[]> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'text/html');
    return [...doc.querySelectorAll('p')].map((p) => {
      p.normalize();
      return p.outerHTML;
    });
  }, html);
}
