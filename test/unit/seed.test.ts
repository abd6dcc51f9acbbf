// The product's acceptance case (issue 2): the Azerbaijani edition of the seed
// article, whose machine translation scrambled the trade figures, checked
// against the faithful Swahili edition, both rendered as EU Reporter-like pages
// and run through the Node API exactly as a caller would.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkEditions } from '../../src/node/index';
import { renderArticlePage } from '../fixtures/render';

const PATH = '/kazakhstan-and-belgium-hold-political-consultations-on-expanding-bilateral-ties/';
const PUBLISHED = '2024-10-21';
const url = (lang: string) => `https://${lang === 'en' ? 'www' : lang}.eureporter.co${PATH}`;

/**
 * A seed page dump: blocks separated by blank lines; block 2 is the title, the
 * body runs from block 6 (after "Share:", "Published", "on") to the "share this
 * article" block, the first later one ending in a colon.
 */
function seedArticle(file: string): { title: string; paragraphs: string[] } {
  const blocks = readFileSync(file, 'utf8').split(/\n\s*\n/).map((b) => b.trim());
  const end = blocks.findIndex((b, i) => i > 6 && b.endsWith(':'));
  return { title: blocks[2], paragraphs: blocks.slice(6, end) };
}

/** The cleaned edition files next to the mirror (title, then paragraphs). */
function fixtureArticle(lang: string): { title: string; paragraphs: string[] } {
  const [title, ...paragraphs] = readFileSync(`test/fixtures/seed/${lang}.txt`, 'utf8').trim().split(/\n\s*\n/).map((b) => b.trim());
  return { title, paragraphs };
}

function page(lang: string, a: { title: string; paragraphs: string[] }, noiseSeed: number) {
  return { url: url(lang), html: renderArticlePage({ lang, url: url(lang), title: a.title, paragraphs: a.paragraphs, published: PUBLISHED, noiseSeed }) };
}

const az = page('az', seedArticle('/work/shared/seeds/000_9003eafc1a33b890.txt'), 1);
const sw = page('sw', seedArticle('/work/shared/seeds/002_07b5fc17f5211f9e.txt'), 2);

/** The four scrambled figures, in page order, with what the faithful editions have in their place. */
const EXPECTED = [
  { text: /^523\.7-cü/, says: '$523.7 million' },
  { text: /^303%/, says: '$303 million' },
  { text: /^1\.7 milyon dollar/, says: '1.7%' },
  { text: /^2022 milyon dollar/, says: 'the year 2022' },
];

describe('seed: Azerbaijani against Swahili', () => {
  const report = checkEditions(az, [sw]);

  it('compares with the Swahili edition as the same article', () => {
    expect(report.lang).toBe('az');
    expect(report.references).toEqual([expect.objectContaining({ lang: 'sw', status: 'ok' })]);
    expect(report.references[0].agreed).toBeGreaterThan(5);
  });

  it('flags exactly 523.7 (a year), 303%, 1.7 milyon dollar and 2022 milyon dollar', () => {
    expect(report.flags).toHaveLength(4);
    report.flags.forEach((f, i) => {
      expect(f.kind).toBe('figure');
      expect(f.text).toMatch(EXPECTED[i].text);
      expect(report.paragraphs[f.paragraph].slice(f.start, f.end)).toBe(f.text);
      expect(f.message).toContain(`where the Swahili edition says ${EXPECTED[i].says}`);
    });
    expect(report.flags[0].message).toContain('the year 523.7');
  });

  it('quotes the Swahili text as evidence for each flag', () => {
    const swText = report.flags.map((f) => f.evidence);
    const quoted = ['523.7', '303', '1.7%', '2022'];
    swText.forEach((evidence, i) => {
      expect(evidence).toHaveLength(1);
      expect(evidence[0].lang).toBe('sw');
      expect(evidence[0].url).toBe(url('sw'));
      expect(evidence[0].text).toContain(quoted[i]);
      expect(evidence[0].text.length).toBeLessThanOrEqual(170);
      // The quote points at the Swahili figure the flag was compared with.
      expect(evidence[0].text.slice(evidence[0].start, evidence[0].end)).toContain(quoted[i]);
    });
  });

  it('raises nothing on the Swahili edition checked against another rendering of itself', () => {
    expect(checkEditions(sw, [page('sw', seedArticle('/work/shared/seeds/002_07b5fc17f5211f9e.txt'), 3)]).flags).toEqual([]);
  });

  it('follows its references: against the scrambled edition alone, Swahili is flagged at the same places', () => {
    // A lone reference is the whole majority; this is why three references are the default.
    expect(checkEditions(sw, [az]).flags.map((f) => f.paragraph)).toEqual([4, 4, 4, 4]);
  });
});

describe('seed: Azerbaijani against the mirror editions (Swahili, English, French, German)', () => {
  const refs = ['sw', 'en', 'fr', 'de'].map((l, i) => page(l, fixtureArticle(l), 10 + i));
  const report = checkEditions(page('az', fixtureArticle('az'), 9), refs);

  it('flags the same four figures, each with every edition as evidence', () => {
    expect(report.references.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(report.flags.map((f) => f.kind)).toEqual(['figure', 'figure', 'figure', 'figure']);
    report.flags.forEach((f, i) => {
      expect(f.text).toMatch(EXPECTED[i].text);
      expect(f.evidence.map((e) => e.lang)).toEqual(['sw', 'en', 'fr', 'de']);
    });
  });

  it('reports another article at a sibling address as a mismatch, and flags nothing from it', () => {
    const other = page('fr', { title: 'Autre chose', paragraphs: ['Le budget atteint 12 milliards d’euros en 2019, soit 4 % de plus, pour 7 régions et 31 départements.'] }, 20);
    const r = checkEditions(page('az', fixtureArticle('az'), 9), [{ ...other, url: `https://fr.eureporter.co/another-story/` }]);
    expect(r.references[0].status).toBe('mismatch');
    expect(r.flags).toEqual([]);
  });
});
