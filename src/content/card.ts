// The card a mark opens: what this edition says, what each reference says
// there in its own words (with a link to that edition), the kind of
// disagreement, and which references could not be compared. Rendered in a
// shadow root on one host element, so page CSS neither hides nor restyles it.
// Everything from the page or a reference goes in as text nodes.
import type { Flag, Lang } from '../core/types';
import { dirOf, h, safeHref, style } from './dom';
import { KIND_TEXT, failureText, langName, t, uiLanguage } from './text';
import { excerpt } from '../ui/excerpt';

export const CARD_HOST_ID = 'fact-flags-card';

export interface CardModel {
  flag: Flag;
  /** This edition's paragraph the flag points into. */
  paragraph: string;
  pageLang: Lang;
  /** References that could not be compared: "fr: not reachable". */
  failures: Array<{ lang: Lang; reason?: string }>;
}

const CARD_CSS = `
:host { all: initial; }
.card { box-sizing: border-box; width: min(380px, calc(100vw - 16px)); max-height: min(70vh, 520px); overflow: auto;
  padding: 12px 14px; border-radius: 10px; border: 1px solid #d6d3d1; background: #fff; color: #1c1917;
  box-shadow: 0 6px 24px rgba(0,0,0,.18); font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; }
.head { display: flex; align-items: flex-start; gap: 8px; margin-bottom: 8px; }
.kind { flex: 1; font-weight: 600; color: #9a3412; }
.close { all: unset; cursor: pointer; width: 24px; height: 24px; text-align: center; line-height: 24px; border-radius: 6px; font-size: 18px; color: inherit; }
.close::before { content: "×"; }
.close:hover, .close:focus-visible { background: rgba(0,0,0,.08); outline: 2px solid #ea580c; }
ul { list-style: none; margin: 0; padding: 0; }
li, .current { margin: 8px 0 0; }
.label { font-size: 12px; font-weight: 600; color: #57534e; }
.label a { color: #1d4ed8; }
.quote { display: block; margin-top: 2px; }
mark { background: rgba(234, 88, 12, .22); color: inherit; border-radius: 2px; }
.refs mark { background: rgba(22, 163, 74, .2); font-weight: 600; }
.failed { margin-top: 10px; font-size: 12px; color: #57534e; }
@media (prefers-color-scheme: dark) {
  .card { background: #1c1917; color: #f5f5f4; border-color: #44403c; box-shadow: 0 6px 24px rgba(0,0,0,.6); }
  .kind { color: #fdba74; } .label, .failed { color: #d6d3d1; } .label a { color: #93c5fd; }
  .close:hover, .close:focus-visible { background: rgba(255,255,255,.12); }
}
`;

/** A quote in its own language and direction, with [start, end) highlighted when that is a range inside it. */
function quoted(doc: Document, text: string, lang: Lang, start = -1, end = -1) {
  const parts =
    start >= 0 && end > start && end <= text.length
      ? [text.slice(0, start), h(doc, 'mark', {}, text.slice(start, end)), text.slice(end)]
      : [text];
  return h(doc, 'span', { class: 'quote', lang, dir: dirOf(lang) }, ...parts);
}

function evidenceItem(doc: Document, ev: Flag['evidence'][number]) {
  const name = langName(ev.lang);
  const href = safeHref(ev.url);
  const label = href
    ? h(doc, 'a', { href, target: '_blank', rel: 'noopener noreferrer', title: t('content_open_edition', name) }, name)
    : name;
  return h(doc, 'li', {}, h(doc, 'div', { class: 'label' }, label), quoted(doc, ev.text, ev.lang, ev.start, ev.end));
}

/** The card's content for one flag: a pure function of the model, so it can be tested without a page. */
export function buildCard(doc: Document, m: CardModel): HTMLElement {
  const { flag } = m;
  const cut = flag.end > flag.start ? excerpt(m.paragraph, flag.start, flag.end, m.pageLang) : undefined;
  const ui = uiLanguage();
  return h(
    doc,
    'div',
    { class: 'card', role: 'dialog', 'aria-label': t('extName'), lang: ui, dir: dirOf(ui) },
    h(doc, 'div', { class: 'head' }, h(doc, 'span', { class: 'kind' }, t(KIND_TEXT[flag.kind])), h(doc, 'button', { class: 'close', type: 'button', 'aria-label': t('content_close'), title: t('content_close') })),
    h(
      doc,
      'div',
      { class: 'current' },
      h(doc, 'div', { class: 'label' }, t('content_this_edition', langName(m.pageLang))),
      cut
        ? quoted(doc, cut.before + cut.figure + cut.after, m.pageLang, cut.before.length, cut.before.length + cut.figure.length)
        : h(doc, 'span', { class: 'quote' }, t('content_nothing_here')),
    ),
    h(doc, 'ul', { class: 'refs' }, ...flag.evidence.map((ev) => evidenceItem(doc, ev))),
    m.failures.length > 0 && h(doc, 'ul', { class: 'failed' }, ...m.failures.map((f) => h(doc, 'li', {}, failureText(f.lang, f.reason)))),
  );
}

export interface CardView {
  /** Shows the card for `model` next to `anchor`. */
  show(anchor: HTMLElement, model: CardModel): void;
  hide(): void;
  readonly open: boolean;
  /** The host element: events inside the card bubble to it. */
  readonly host: HTMLElement;
  /** Moves focus to the card's first control. */
  focus(): void;
  contains(node: Node | null): boolean;
}

const GAP = 6;

/** Places the host below the anchor (above when there is no room), inside the viewport horizontally. */
function place(host: HTMLElement, anchor: HTMLElement): void {
  const win = host.ownerDocument.defaultView!;
  const r = anchor.getBoundingClientRect();
  const card = host.getBoundingClientRect();
  const below = r.bottom + GAP + card.height <= win.innerHeight || r.top < card.height + GAP;
  const top = below ? r.bottom + GAP : r.top - GAP - card.height;
  const left = Math.max(8, Math.min(r.left, win.innerWidth - card.width - 8));
  host.style.setProperty('top', `${top + win.scrollY}px`);
  host.style.setProperty('left', `${left + win.scrollX}px`);
}

export function createCardView(doc: Document): CardView {
  const host = doc.createElement('div');
  host.id = CARD_HOST_ID;
  // Inline style: the page's stylesheets cannot outrank it (short of !important on an id they cannot know of in advance).
  host.setAttribute('style', 'all: initial; position: absolute; z-index: 2147483647; top: 0; left: 0; display: none;');
  const root = host.attachShadow({ mode: 'open' });
  let open = false;
  return {
    host,
    get open() {
      return open;
    },
    show(anchor, model) {
      if (!host.isConnected) (doc.body ?? doc.documentElement).append(host);
      root.replaceChildren(style(doc, CARD_CSS), buildCard(doc, model));
      host.style.setProperty('display', 'block');
      place(host, anchor);
      open = true;
    },
    hide() {
      host.style.setProperty('display', 'none');
      root.replaceChildren();
      open = false;
    },
    focus() {
      (root.querySelector('a, button') as HTMLElement | null)?.focus();
    },
    contains: (node) => !!node && (node === host || host.contains(node) || root.contains(node)),
  };
}
