// Inline marks: wraps exactly a flagged text range of the live page in
// <fact-flag> elements, one per Text node the range touches (a range may cross
// element boundaries, "523.<b>7</b> milyon"; the page's elements stay where
// they are). Only Text nodes are split; the page's text content is unchanged.
// The marker glyph and the mark's look live in each element's shadow root, so
// they add no text to the page and page CSS cannot restyle them.
import type { Flag, FlagKind } from '../core/types';
import type { HtmlText } from '../core/html';
import { sourceRanges, type ParagraphSource } from '../core/extract';
import { style } from './dom';

export const MARK_TAG = 'fact-flag';

/** One piece of a flag: [start, end) of a live Text node; start === end for a point (a missing figure). */
export interface TextPiece {
  node: Text;
  start: number;
  end: number;
}

const MARK_CSS = `
:host { all: unset; display: inline; border-radius: 2px; cursor: help;
  background: rgba(234, 88, 12, .16); text-decoration: underline wavy #ea580c; text-decoration-skip-ink: none;
  text-underline-offset: .18em; }
:host(:focus-visible) { outline: 2px solid #ea580c; outline-offset: 1px; }
.marker { display: inline-block; min-width: .95em; height: .95em; margin-inline-start: .12em; border-radius: 50%;
  background: #c2410c; color: #fff; font: bold .62em/0.95em system-ui, sans-serif; text-align: center;
  vertical-align: super; text-decoration: none; user-select: none; }
.marker::before { content: "!"; }
`;

const isLiveText = (t: HtmlText): t is HtmlText & { ref: Text } => {
  const ref = t.ref as Text | undefined;
  // The page may have changed the node since extraction: then its offsets no longer mean anything.
  return !!ref && ref.nodeType === 3 && ref.isConnected && ref.data === t.text;
};

/** The live Text pieces of a flag, or undefined when the page changed under them (the flag is then skipped). */
export function piecesOf(flag: Flag, source: ParagraphSource | undefined): TextPiece[] | undefined {
  if (!source) return undefined;
  const ranges = flag.end > flag.start ? sourceRanges(source, flag.start, flag.end) : pointRange(source, flag.start);
  if (ranges.length === 0 || !ranges.every((r) => isLiveText(r.node))) return undefined;
  // A collapsed whitespace run maps to its first character only; joining pieces of one node keeps the run inside the mark.
  const pieces: TextPiece[] = [];
  for (const r of ranges) {
    const prev = pieces[pieces.length - 1];
    if (prev && prev.node === r.node.ref) prev.end = r.end;
    else pieces.push({ node: r.node.ref as Text, start: r.start, end: r.end });
  }
  return pieces;
}

/** Where paragraph offset `at` falls in the live text: the end of the text before it, else the start of the text after. */
function pointRange(source: ParagraphSource, at: number): { node: HtmlText; start: number; end: number }[] {
  const segs = source.segments;
  const before = [...segs].reverse().find((g) => g.start < at && at <= g.end);
  if (before) return [{ node: before.node, start: before.nodeStart + (at - before.start), end: before.nodeStart + (at - before.start) }];
  const after = segs.find((g) => g.start >= at);
  return after ? [{ node: after.node, start: after.nodeStart, end: after.nodeStart }] : [];
}

/** A mark element: its shadow root holds the look, and the first piece of a flag the marker. */
function createMark(doc: Document, p: Planned): HTMLElement {
  const el = doc.createElement(MARK_TAG);
  el.dataset.kind = p.kind;
  el.dataset.flagIndex = String(p.flagIndex);
  if (p.first) {
    // The first piece is the flag's control: focusable, announced as a button that opens the card.
    el.setAttribute('role', 'button');
    el.setAttribute('tabindex', '0');
    el.setAttribute('aria-expanded', 'false');
    el.setAttribute('aria-label', p.label);
  }
  const root = el.attachShadow({ mode: 'open' });
  root.append(style(doc, MARK_CSS), doc.createElement('slot'));
  if (p.first) {
    const marker = doc.createElement('span');
    marker.className = 'marker';
    marker.setAttribute('aria-hidden', 'true');
    root.append(marker);
  }
  return el;
}

export interface MarkRequest {
  flag: Flag;
  /** Index into Report.flags: the mark's data-flag-index. */
  index: number;
  pieces: TextPiece[];
  /** Accessible name of the flag's control. */
  label: string;
}

export interface Planned {
  piece: TextPiece;
  flagIndex: number;
  kind: FlagKind;
  first: boolean;
  label: string;
}

/** Keeps flags in order, dropping any flag that would overlap one already kept: one mark per character. */
function withoutOverlaps(planned: Planned[]): Planned[] {
  const taken = new Map<Text, [number, number][]>();
  const byFlag = new Map<number, Planned[]>();
  for (const p of planned) byFlag.set(p.flagIndex, [...(byFlag.get(p.flagIndex) ?? []), p]);
  const overlaps = (p: Planned) => (taken.get(p.piece.node) ?? []).some(([a, b]) => p.piece.start < b && a < p.piece.end);
  const kept: Planned[] = [];
  for (const pieces of byFlag.values()) {
    if (pieces.some(overlaps)) continue;
    for (const p of pieces) taken.set(p.piece.node, [...(taken.get(p.piece.node) ?? []), [p.piece.start, p.piece.end]]);
    kept.push(...pieces);
  }
  return kept;
}

/** Each Text node's pieces, overlaps dropped; a node's pieces must be wrapped together (see markNode). */
export function planMarks(flags: MarkRequest[]): Map<Text, Planned[]> {
  const planned = withoutOverlaps(
    flags.flatMap(({ flag, index, pieces, label }) => pieces.map((piece, i) => ({ piece, flagIndex: index, kind: flag.kind, first: i === 0, label }))),
  );
  const byNode = new Map<Text, Planned[]>();
  for (const p of planned) byNode.set(p.piece.node, [...(byNode.get(p.piece.node) ?? []), p]);
  return byNode;
}

/**
 * Wraps one Text node's pieces, splitting from the end backwards so that the
 * offsets of the pieces before stay valid. Adds the marks to `out` by flag index.
 */
export function markNode(doc: Document, node: Text, list: Planned[], out: Map<number, HTMLElement[]>): void {
  if (!node.isConnected || !node.parentNode) return;
  const sorted = [...list].sort((a, b) => b.piece.start - a.piece.start || b.piece.end - a.piece.end);
  for (const p of sorted) {
    const el = createMark(doc, p);
    wrap(node, p.piece.start, p.piece.end, el);
    out.set(p.flagIndex, [...(out.get(p.flagIndex) ?? []), el]);
  }
}

/** Puts each flag's marks in document order (the first one is its control). */
export function sortMarks(marks: Map<number, HTMLElement[]>): void {
  for (const els of marks.values()) els.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
}

/** Wraps every flag's pieces at once; returns, per flag index, its marks in document order. */
export function applyMarks(doc: Document, flags: MarkRequest[]): Map<number, HTMLElement[]> {
  const marks = new Map<number, HTMLElement[]>();
  for (const [node, list] of planMarks(flags)) markNode(doc, node, list, marks);
  sortMarks(marks);
  return marks;
}

/** Moves node.data[start, end) into `el`; `node` keeps the text before start. A point inserts an empty `el`. */
function wrap(node: Text, start: number, end: number, el: HTMLElement): void {
  if (end < node.length) node.splitText(end);
  const parent = node.parentNode!;
  if (start === end) {
    parent.insertBefore(el, node.nextSibling);
    return;
  }
  const mid = start > 0 ? node.splitText(start) : node;
  parent.insertBefore(el, mid);
  el.append(mid);
}

/** Removes every mark below `root`, putting its text back and re-joining the Text nodes the marks split. */
export function removeMarks(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll(MARK_TAG))) {
    if (!el.parentNode) continue;
    const texts = Array.from(el.childNodes);
    let left = el.previousSibling;
    const next = el.nextSibling;
    el.replaceWith(...texts);
    for (const node of [...texts, next]) {
      if (left && node && left.nodeType === 3 && node.nodeType === 3 && left.nextSibling === node) {
        (left as Text).appendData((node as Text).data);
        node.parentNode?.removeChild(node);
      } else {
        left = node;
      }
    }
  }
}
