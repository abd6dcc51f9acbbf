import { describe, expect, it } from 'vitest';
import { foldWord } from '../../src/core/digits';
import { CALENDAR_YEAR, getVocab, localeFor, vocabData, vocabFromData, type Entry, type TrieNode } from '../../src/core/vocab';

/** The entries stored for one folded word. */
function lookup(lang: string, word: string): Entry[] {
  let node: TrieNode | undefined = getVocab(lang).trie;
  for (const ch of foldWord(word)) node = node?.next.get(ch);
  return node?.entries ?? [];
}
const has = (lang: string, word: string, type: Entry['type'], value?: number, code?: string) =>
  lookup(lang, word).some((e) => e.type === type && (value === undefined || e.value === value) && (code === undefined || e.code === code));

describe('vocabulary from CLDR', () => {
  it.each<[string, string, number]>([
    ['az', 'milyon', 1e6],
    ['sw', 'milioni', 1e6],
    ['ru', 'миллиона', 1e6],
    ['ru', 'млн', 1e6],
    ['de', 'mio.', 1e6],
    ['de', 'mio', 1e6],
    ['ar', 'مليون', 1e6],
    ['zh-CN', '万', 1e4],
    ['zh-CN', '亿', 1e8],
    ['zh-TW', '億', 1e8],
    ['ko', '만', 1e4],
    ['ko', '억', 1e8],
    ['hi', 'लाख', 1e5],
    ['hi', 'करोड़', 1e7],
    ['hi', 'हज़ार', 1e3],
    ['es', 'mil millones', 1e9],
  ])('%s scale word %s = %d', (lang, word, value) => {
    expect(has(lang, word, 'scale', value)).toBe(true);
  });

  it.each<[string, string]>([
    ['az', 'faiz'],
    ['sw', 'asilimia'],
    ['ru', 'процентов'],
    ['fr', 'pour cent'],
    ['de', 'prozent'],
    ['en', 'per cent'],
    ['ar', '%'],
  ])('%s percent word %s', (lang, word) => {
    expect(has(lang, word, 'percent')).toBe(true);
  });

  it.each<[string, string, string]>([
    ['az', 'dolları', 'USD'],
    ['ru', 'долларов', 'USD'],
    ['th', 'ดอลลาร์', 'USD'],
    ['ja', 'ドル', 'USD'],
    ['th', 'บาท', 'THB'],
    ['en', '$', 'USD'],
    ['en', 'us$', 'USD'],
    ['de', '€', 'EUR'],
    ['en', 'usd', 'USD'],
  ])('%s currency word %s = %s', (lang, word, code) => {
    expect(has(lang, word, 'currency', undefined, code)).toBe(true);
  });

  it('requires ISO codes in capitals and short abbreviations glued to the number', () => {
    expect(lookup('en', 'usd').find((e) => e.type === 'currency')?.upper).toBe(true);
    expect(lookup('en', 'bn').find((e) => e.type === 'scale')?.glued).toBe(true);
  });

  it.each<[string, string, number]>([
    ['az', 'oktyabr', 10],
    ['sw', 'oktoba', 10],
    ['ru', 'октября', 10],
    ['fr', 'octobre', 10],
    ['de', 'oktober', 10],
    ['en', 'oct', 10],
    ['fa', 'اکتبر', 10], // Gregorian months even where the default calendar is Persian
    ['th', 'ตุลาคม', 10], // and where it is Buddhist
  ])('%s month %s = %d', (lang, word, month) => {
    expect(has(lang, word, 'month', month)).toBe(true);
  });

  it('knows unit and year words', () => {
    expect(has('en', 'inches', 'unit', undefined, 'inch')).toBe(true);
    expect(has('ru', 'км', 'unit', undefined, 'kilometer')).toBe(true);
    expect(has('az', 'il', 'year')).toBe(true);
    expect(has('ru', 'года', 'year')).toBe(true);
  });

  it.each<[string, string]>([
    ['eu', 'bilioi'],
    ['es', 'billón'],
    ['es', 'billones'],
    ['de', 'billionen'],
    ['nl', 'biljoen'],
    ['sr', 'билиона'],
  ])('reads the long-scale "billion" %s %s as 10^9 with 10^12 beside it, as CLDR has it for 10^12', (lang, word) => {
    // The premise, from CLDR itself: this language's compact word for 10^12 is a "billion" cognate.
    const long = new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay: 'long' });
    expect(foldWord(long.format(2e12))).toMatch(/bil|бил/);
    expect(lookup(lang, word).find((e) => e.type === 'scale')).toMatchObject({ value: 1e9, alt: 1e12 });
  });

  it.each<[string, string, number]>([
    ['fr', 'milliard', 1e9],
    ['ms', 'bilion', 1e9], // short scale in CLDR: one reading
    ['en', 'billion', 1e9],
    ['eu', 'milioi', 1e6],
  ])('gives %s %s one reading', (lang, word, value) => {
    const entry = lookup(lang, word).find((e) => e.type === 'scale');
    expect(entry?.value).toBe(value);
    expect(entry?.alt).toBeUndefined();
  });

  it('marks the Slavic locative "in the year" as a calendar year, and the duration forms not', () => {
    expect(lookup('ru', 'году').find((e) => e.type === 'year')?.alt).toBe(CALENDAR_YEAR);
    expect(lookup('ru', 'года').find((e) => e.type === 'year')?.alt).toBeUndefined();
    expect(has('zu', 'angu', 'linker')).toBe(true);
    expect(has('en', 'angu', 'linker')).toBe(false);
  });

  it('leaves English month names out of other languages (MT translates months; "may" would be a word)', () => {
    expect(has('id', 'may', 'month')).toBe(false);
    expect(has('id', 'mei', 'month', 5)).toBe(true);
    expect(has('en', 'may', 'month', 5)).toBe(true);
  });

  it('maps EU Reporter tags to Intl locales and falls back to English without CLDR data', () => {
    expect(localeFor('iw')).toBe('he');
    expect(localeFor('tl')).toBe('fil');
    expect(localeFor('hmn')).toBe('en');
  });

  it('reads the locale separators', () => {
    expect(getVocab('de')).toMatchObject({ decimal: ',', group: '.' });
    expect(getVocab('fr')).toMatchObject({ decimal: ',', group: ' ' });
    expect(getVocab('en')).toMatchObject({ decimal: '.', group: ',' });
  });

  it('builds each language once', () => {
    expect(getVocab('pt')).toBe(getVocab('pt'));
  });
});

describe('vocabulary snapshot', () => {
  it('rebuilds, without Intl, a trie that holds the same entries', () => {
    const entries = (root: TrieNode): string[] => {
      const out: string[] = [];
      const walk = (node: TrieNode) => {
        // Flags that are false mean the same as absent ones, which the snapshot leaves out.
        for (const e of node.entries ?? []) out.push(JSON.stringify(Object.entries(e).filter(([, v]) => v !== false)));
        for (const child of node.next.values()) walk(child);
      };
      walk(root);
      return out.sort();
    };
    // eu: ambiguous scale words carry their second reading (alt) through the snapshot.
    for (const lang of ['az', 'zh-CN', 'sw', 'eu', 'ru']) {
      const rebuilt = vocabFromData(lang, JSON.parse(JSON.stringify(vocabData(lang))));
      expect(entries(rebuilt.trie)).toEqual(entries(getVocab(lang).trie));
      expect(rebuilt).toMatchObject({ decimal: getVocab(lang).decimal, group: getVocab(lang).group, suffixing: getVocab(lang).suffixing });
    }
  });
});
