// Engine-level properties over random articles: whatever the text (random
// Unicode, digit systems, separators, mixed scripts), checkArticles never
// throws, every flag points inside its paragraph, and the same input gives the
// same report. Timing is measured by the benchmarks, not here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../src/core/check';
import type { Article, Report } from '../../src/core/types';

/** Pieces that exercise the figure and name readers: digits of several systems, separators, scale, percent and currency words, names. */
const PIECES = [
  '523.7', '1,7', '2 022', '٣٠٣', '۱۴۰۲', '१२३', '๒๕๖๖', '၁၇', '%', ' %', '٪', '$', '€', ' milyon', ' million', ' milioni', '万', '亿', ' млн',
  ' dollar', '-cü ildə', ' in 2023', ' October 18', ' 18-də', 'Vassilenko', 'Brüsseldə', 'Kazakhstan', 'Ubelgiji', 'BBC', '. ', '。', ', ', ' ',
  '(', ')', '—', '\u200f', '\u00a0', '1e9', '..', ',,', '0000000000000', '-', '+', '½',
];

const fragment = fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 8 }));
const paragraph = fc.array(fragment, { maxLength: 30 }).map((xs) => xs.join(''));
const LANGS = ['az', 'sw', 'en', 'fr', 'de', 'zh-CN', 'ar', 'hi', 'th', 'my', 'ru', 'ja', 'iw', 'hmn'];

const article = (lang: string, paragraphs: string[]): Article => ({ url: `https://${lang}.eureporter.co/a/`, lang, path: '/a/', paragraphs });

/** An edition and its references, the references partly derived from it so that paragraphs align and figures compare. */
const editions = fc
  .record({
    lang: fc.constantFrom(...LANGS),
    paras: fc.array(paragraph, { minLength: 1, maxLength: 6 }),
    refs: fc.array(
      fc.record({
        lang: fc.constantFrom(...LANGS),
        edits: fc.array(fc.tuple(fc.nat(), paragraph), { maxLength: 3 }),
        drop: fc.option(fc.nat(), { nil: undefined }),
      }),
      { minLength: 0, maxLength: 3 },
    ),
    strictness: fc.constantFrom('majority' as const, 'all' as const),
  })
  .map(({ lang, paras, refs, strictness }) => ({
    current: article(lang, paras),
    references: refs.map((r, i) => {
      const p = [...paras];
      for (const [at, text] of r.edits) p[at % p.length] = text;
      if (r.drop !== undefined && p.length > 1) p.splice(r.drop % p.length, 1);
      return { url: `https://r${i}.eureporter.co/a/`, lang: r.lang, article: article(r.lang, p) };
    }),
    strictness,
  }));

function assertWellFormed(report: Report, paras: string[]) {
  expect(report.paragraphs).toEqual(paras);
  for (const f of report.flags) {
    const text = paras[f.paragraph];
    expect(text).toBeDefined();
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(f.evidence.length).toBeGreaterThan(0);
    expect(f.message.length).toBeGreaterThan(0);
  }
}

describe('checkArticles on random articles', () => {
  it('never throws, keeps flags inside their paragraph, and is deterministic', () => {
    fc.assert(
      fc.property(editions, ({ current, references, strictness }) => {
        const report = checkArticles(current, references, { strictness });
        assertWellFormed(report, current.paragraphs);
        expect(report.references).toHaveLength(references.length);
        expect(checkArticles(current, references, { strictness })).toEqual(report);
      }),
      { numRuns: 300 },
    );
  });

  it('raises nothing when every reference is the same text', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LANGS), fc.array(paragraph, { minLength: 1, maxLength: 6 }), (lang, paras) => {
        const refs = ['en', 'fr', 'de'].map((l) => ({ url: l, lang, article: article(lang, paras) }));
        expect(checkArticles(article(lang, paras), refs).flags).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('survives a long adversarial paragraph of digit runs, separators and mixed scripts', () => {
    const unit = '1234567890.,٣٠٣ 万% $ milyon Brüssel 2023-cü ildə ';
    const long = unit.repeat(Math.ceil(100_000 / unit.length));
    const report = checkArticles(article('az', ['Title 1', long]), [{ url: 'x', lang: 'en', article: article('en', ['Title 1', long.replace(/3/g, '4')]) }]);
    assertWellFormed(report, ['Title 1', long]);
  });
});
