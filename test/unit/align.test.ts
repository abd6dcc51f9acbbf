import { describe, expect, it } from 'vitest';
import { alignParagraphs, type ParagraphShape } from '../../src/core/align';

const para = (length: number, ...anchors: string[]): ParagraphShape => ({ length, anchors });

/** Beads as "cur→ref" strings, e.g. "1,2→1" for a merge. */
const shape = (cur: ParagraphShape[], ref: ParagraphShape[]) =>
  alignParagraphs(cur, ref).map((b) => `${b.cur.join(',')}→${b.ref.join(',')}`);

describe('alignParagraphs', () => {
  const body = [para(40, 'mT'), para(300, 'm1', 'm2'), para(120, 'nAstana'), para(500, 'm3', 'nBrussels'), para(200, 'm4')];

  it('aligns identical editions one to one, confidently', () => {
    const beads = alignParagraphs(body, body);
    expect(beads.map((b) => [b.cur, b.ref])).toEqual(body.map((_, i) => [[i], [i]]));
    expect(beads.every((b) => b.confident)).toBe(true);
  });

  it('tolerates a uniform length ratio between scripts', () => {
    const cjk = body.map((p) => para(Math.round(p.length / 3), ...p.anchors));
    expect(shape(body, cjk)).toEqual(['0→0', '1→1', '2→2', '3→3', '4→4']);
  });

  it('finds a merge where the current edition joined two paragraphs', () => {
    const merged = [body[0], body[1], para(620, 'm3', 'nBrussels'), body[4]];
    expect(shape(merged, body)).toEqual(['0→0', '1→1', '2→2,3', '3→4']);
  });

  it('finds a split where the current edition cut one paragraph in two', () => {
    const split = [body[0], para(150, 'm1'), para(150, 'm2'), ...body.slice(2)];
    expect(shape(split, body)).toEqual(['0→0', '1,2→1', '3→2', '4→3', '5→4']);
  });

  it('leaves a dropped paragraph unpaired and not confident', () => {
    const dropped = [body[0], body[2], body[3], body[4]];
    const beads = alignParagraphs(dropped, body);
    expect(beads.map((b) => `${b.cur.join(',')}→${b.ref.join(',')}`)).toEqual(['0→0', '→1', '1→2', '2→3', '3→4']);
    expect(beads.find((b) => b.cur.length === 0)?.confident).toBe(false);
  });

  it('does not vouch for paragraphs whose anchors disagree', () => {
    const other = [body[0], para(300, 'm7', 'm8', 'nOther'), ...body.slice(2)];
    const beads = alignParagraphs(other, body);
    expect(beads[1]).toMatchObject({ cur: [1], ref: [1], confident: false });
    expect(beads[2].confident).toBe(true);
  });

  it('always pairs the titles, even when body lengths differ wildly', () => {
    const beads = alignParagraphs([para(10), para(5000)], [para(90), para(50), para(60)]);
    expect(beads[0]).toMatchObject({ cur: [0], ref: [0] });
    expect(beads.flatMap((b) => b.cur).sort()).toEqual([0, 1]);
    expect(beads.flatMap((b) => b.ref).sort()).toEqual([0, 1, 2]);
  });

  it('covers every paragraph exactly once, for empty and very uneven inputs', () => {
    const cases: Array<[number, number]> = [
      [0, 0],
      [0, 3],
      [1, 1],
      [2, 60],
      [60, 2],
      [400, 380],
    ];
    for (const [n, m] of cases) {
      const cur = Array.from({ length: n }, (_, i) => para(100 + (i % 7) * 30, `m${i}`));
      const ref = Array.from({ length: m }, (_, i) => para(100 + (i % 7) * 30, `m${i}`));
      const beads = alignParagraphs(cur, ref);
      expect(beads.flatMap((b) => b.cur)).toEqual(cur.map((_, i) => i));
      expect(beads.flatMap((b) => b.ref)).toEqual(ref.map((_, i) => i));
    }
  });
});
