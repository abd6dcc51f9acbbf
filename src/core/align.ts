// Paragraph alignment between two editions of one article.
//
// Editions are mostly translated paragraph by paragraph, but machine translation
// and editors merge, split and drop some. This is a Gale–Church-style dynamic
// programme over paragraphs: each step ("bead") takes 1:1, 1:2, 2:1, 1:0 or 0:1
// paragraphs, priced by how far the length shares disagree plus how many anchors
// (figure values, names) the two sides do not share. Paragraph 0 is the title on
// both sides and always aligns to itself.

/** What the aligner needs to know about one paragraph. */
export interface ParagraphShape {
  /** Length in UTF-16 units; only its share of the article's length matters. */
  length: number;
  /** Script-independent keys of the figures and names in the paragraph. */
  anchors: readonly string[];
}

/** One step of the alignment: these current paragraphs correspond to those reference paragraphs. */
export interface Bead {
  cur: number[];
  ref: number[];
  /** Anchors the two sides share, and the anchors on either side. */
  shared: number;
  anchors: number;
  /** True when both sides are present and lengths or anchors vouch for the pairing. */
  confident: boolean;
}

/** Bead shapes with the prior cost of each (−log of Gale & Church's 1993 frequencies). */
const MOVES: ReadonlyArray<{ dc: number; dr: number; prior: number }> = [
  { dc: 1, dr: 1, prior: -Math.log(0.89) },
  { dc: 1, dr: 2, prior: -Math.log(0.089 / 2) },
  { dc: 2, dr: 1, prior: -Math.log(0.089 / 2) },
  { dc: 1, dr: 0, prior: -Math.log(0.0099 / 2) },
  { dc: 0, dr: 1, prior: -Math.log(0.0099 / 2) },
];

/** Cost per anchor present on one side of a bead only, and reward per anchor on both. */
const ANCHOR_MISS = 1.5;
const ANCHOR_HIT = 2.5;
/** Length-share disagreement (in log units) a confident bead may show when anchors cannot vouch for it. */
const CONFIDENT_LOG_RATIO = Math.log(1.8);
/** This many anchors with none in common mark a pairing as unreliable. */
const UNSHARED_LIMIT = 4;
/** Paragraph lengths are smoothed by this share so that very short paragraphs do not dominate the ratio. */
const SHARE_FLOOR = 0.01;
/**
 * Half-width of the diagonal band the programme explores. Editions rarely drift
 * further than a few paragraphs from the diagonal; the band keeps time linear in
 * article length.
 */
const BAND = 12;

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

interface Side {
  shares: number[];
  anchors: Array<ReadonlySet<string>>;
}

function side(paragraphs: readonly ParagraphShape[]): Side {
  // Paragraph 0 (title) is aligned on its own, so shares are over the body.
  const lengths = paragraphs.map((p, i) => (i === 0 ? 0 : Math.max(1, p.length)));
  const total = Math.max(1, sum(lengths));
  return {
    shares: lengths.map((l) => l / total),
    anchors: paragraphs.map((p) => new Set(p.anchors)),
  };
}

function groupAnchors(s: Side, from: number, count: number): Set<string> {
  if (count === 1) return s.anchors[from] as Set<string>;
  const out = new Set<string>();
  for (let i = from; i < from + count; i++) for (const a of s.anchors[i]) out.add(a);
  return out;
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let n = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const x of small) if (large.has(x)) n++;
  return n;
}

interface Priced {
  cost: number;
  shared: number;
  anchors: number;
  logRatio: number;
}

function price(c: Side, r: Side, i: number, j: number, dc: number, dr: number): Priced {
  const ac = dc ? groupAnchors(c, i, dc) : new Set<string>();
  const ar = dr ? groupAnchors(r, j, dr) : new Set<string>();
  const shared = overlap(ac, ar);
  const anchors = ac.size + ar.size - shared;
  const sc = dc ? sum(c.shares.slice(i, i + dc)) : 0;
  const sr = dr ? sum(r.shares.slice(j, j + dr)) : 0;
  const logRatio = Math.abs(Math.log((sc + SHARE_FLOOR) / (sr + SHARE_FLOOR)));
  // A dropped paragraph has no length to compare; its own share is what goes missing.
  const lengthCost = dc && dr ? 8 * logRatio * logRatio : 8 * (sc + sr);
  const cost = lengthCost + ANCHOR_MISS * (anchors - shared) - ANCHOR_HIT * shared;
  return { cost, shared, anchors, logRatio };
}

/**
 * Aligns the paragraphs of the current edition to a reference edition. Returns
 * the beads in order; every paragraph of both sides appears in exactly one bead.
 */
export function alignParagraphs(current: readonly ParagraphShape[], reference: readonly ParagraphShape[]): Bead[] {
  const n = current.length;
  const m = reference.length;
  if (n === 0 || m === 0) {
    return [
      ...current.map((_, i) => ({ cur: [i], ref: [], shared: 0, anchors: 0, confident: false })),
      ...reference.map((_, j) => ({ cur: [], ref: [j], shared: 0, anchors: 0, confident: false })),
    ];
  }
  const c = side(current);
  const r = side(reference);
  const title = bead(c, r, 0, 0, 1, 1);
  return [title, ...alignBody(c, r, n, m)];
}

function bead(c: Side, r: Side, i: number, j: number, dc: number, dr: number): Bead {
  const p = price(c, r, i, j, dc, dr);
  return {
    cur: range(i, dc),
    ref: range(j, dr),
    shared: p.shared,
    anchors: p.anchors,
    confident: isConfident(p, dc, dr),
  };
}

function isConfident(p: Priced, dc: number, dr: number): boolean {
  if (!dc || !dr) return false;
  // Several anchors and none shared: different content, whatever the lengths say.
  // A few unshared anchors are what one changed figure looks like, so lengths decide.
  if (p.shared === 0 && p.anchors >= UNSHARED_LIMIT) return false;
  return p.logRatio < CONFIDENT_LOG_RATIO || p.shared * 2 >= p.anchors;
}

const range = (from: number, count: number) => Array.from({ length: count }, (_, k) => from + k);

/** Banded DP over body paragraphs 1..n-1 × 1..m-1. */
function alignBody(c: Side, r: Side, n: number, m: number): Bead[] {
  // Cell (i, j): paragraphs before i (current) and before j (reference) are aligned.
  const width = 2 * BAND + 1;
  const centre = (i: number) => Math.round(1 + ((i - 1) * (m - 1)) / Math.max(1, n - 1));
  const key = (i: number, j: number) => {
    const off = j - centre(i) + BAND;
    return off < 0 || off >= width ? -1 : (i - 1) * width + off;
  };
  const rows = n; // i from 1..n
  const cost = new Float64Array(rows * width).fill(Infinity);
  const from = new Int8Array(rows * width).fill(-1);
  const start = key(1, 1);
  if (start < 0) return fallbackDiagonal(c, r, n, m);
  cost[start] = 0;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, centre(i) - BAND);
    const hi = Math.min(m, centre(i) + BAND);
    for (let j = lo; j <= hi; j++) {
      const k = key(i, j);
      if (k < 0 || cost[k] === Infinity) continue;
      MOVES.forEach((mv, mi) => {
        const ni = i + mv.dc;
        const nj = j + mv.dr;
        if (ni > n || nj > m) return;
        const nk = key(ni, nj);
        if (nk < 0) return;
        const total = cost[k] + mv.prior + price(c, r, i, j, mv.dc, mv.dr).cost;
        if (total < cost[nk]) {
          cost[nk] = total;
          from[nk] = mi;
        }
      });
    }
  }
  const end = key(n, m);
  if (end < 0 || cost[end] === Infinity) return fallbackDiagonal(c, r, n, m);
  const beads: Bead[] = [];
  for (let i = n, j = m; i > 1 || j > 1; ) {
    const mv = MOVES[from[key(i, j)]];
    i -= mv.dc;
    j -= mv.dr;
    beads.push(bead(c, r, i, j, mv.dc, mv.dr));
  }
  return beads.reverse();
}

/** When the band cannot reach the corner (very different paragraph counts): pair in order, drop the rest. */
function fallbackDiagonal(c: Side, r: Side, n: number, m: number): Bead[] {
  const beads: Bead[] = [];
  for (let k = 1; k < Math.max(n, m); k++) {
    beads.push(bead(c, r, k, k, k < n ? 1 : 0, k < m ? 1 : 0));
  }
  return beads;
}
