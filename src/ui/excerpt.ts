// This edition's flagged figure inside its sentence, for the popup and the card:
// the whole paragraph is too much and the figure alone says too little.

export interface Excerpt {
  before: string;
  figure: string;
  after: string;
}

/** Longest context kept on either side of the figure before it is cut with an ellipsis. */
const SIDE = 110;
const ELLIPSIS = '…';

/** [start, end) of the sentence(s) covering [from, to), by the paragraph's own language rules. */
function sentenceBounds(paragraph: string, from: number, to: number, lang: string): [number, number] {
  if (typeof Intl.Segmenter !== 'function') return [0, paragraph.length];
  let start = 0;
  let end = paragraph.length;
  for (const s of new Intl.Segmenter(lang, { granularity: 'sentence' }).segment(paragraph)) {
    const segEnd = s.index + s.segment.length;
    if (segEnd <= from && segEnd < paragraph.length) start = segEnd;
    if (s.index >= Math.max(to, from + 1) && s.index < end) end = s.index;
  }
  return [start, end];
}

/** Cuts at a space near the limit so words stay whole. */
function clipStart(s: string): string {
  if (s.length <= SIDE) return s;
  const cut = s.slice(-SIDE);
  const space = cut.indexOf(' ');
  return ELLIPSIS + (space >= 0 && space < SIDE / 3 ? cut.slice(space + 1) : cut);
}

function clipEnd(s: string): string {
  if (s.length <= SIDE) return s;
  const cut = s.slice(0, SIDE);
  const space = cut.lastIndexOf(' ');
  return (space > (SIDE * 2) / 3 ? cut.slice(0, space) : cut) + ELLIPSIS;
}

/** The sentence around paragraph[start, end), split so the figure can be highlighted. Offsets are clamped, never trusted. */
export function excerpt(paragraph: string, start: number, end: number, lang: string): Excerpt {
  const from = Math.max(0, Math.min(start, paragraph.length));
  const to = Math.max(from, Math.min(end, paragraph.length));
  const [s, e] = sentenceBounds(paragraph, from, to, lang);
  return {
    before: clipStart(paragraph.slice(s, from).trimStart()),
    figure: paragraph.slice(from, to),
    after: clipEnd(paragraph.slice(to, e).trimEnd()),
  };
}
