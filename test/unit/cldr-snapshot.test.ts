// The CLDR snapshot the extension ships (build.mjs → src/background/cldr.ts):
// an engine primed with it, and with no working Intl at all (Chromium's trimmed
// ICU, at worst), reads figures and countries exactly as the live engine does.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { packCldrSnapshot, takeCldrSnapshot, type CldrSnapshot } from '../../src/core/cldr-snapshot';
import { extractFigures } from '../../src/core/figures';
import { extractNames } from '../../src/core/names';
import type { Figure, Lang, NameMention } from '../../src/core/types';
import { getVocab, vocabData, vocabFromData, type TrieNode } from '../../src/core/vocab';
import { namesData, primeNames } from '../../src/core/names';
import { EDITION_TAGS } from '../../src/site/editions';
import { primeEngineFromBuild } from '../../src/background/cldr';

/** Sentences whose figures hang on CLDR words: scale, percent and currency names, months. */
const FIGURES: readonly [Lang, string][] = [
  ['az', 'İxrac 523.7 milyon dollar təşkil edib, artım 1,7 faiz olub.'],
  ['az', '2022-ci ildə 1,7 milyon dollar, 15 oktyabr 2023-cü il.'],
  ['sw', 'Biashara ilifikia dola milioni 523.7, ongezeko la asilimia 303.'],
  ['zh-CN', '贸易额达到2000万美元，增长了303%。'],
  ['ar', 'بلغ حجم التجارة 523.7 مليون دولار أمريكي بزيادة 303 في المائة.'],
  // "रुपये" is an inflected form CLDR does not list: the live engine reads a count of 5 crore, which is what must carry over.
  ['hi', 'व्यापार 5 करोड़ रुपये और 1.7 अरब डॉलर तक पहुँचा।'],
  ['ru', 'Товарооборот составил 3 миллиона рублей и 523,7 млн долларов США, рост на 303%.'],
  ['de', 'Der Handel erreichte 523,7 Millionen US-Dollar, ein Plus von 303 Prozent am 15. Oktober 2023.'],
];

/** Sentences with country names in the page's language, inflected or not. */
const COUNTRIES: readonly [Lang, string][] = [
  ['az', 'Qazaxıstan və Belçika arasında ticarət, Belçikanın xarici işlər naziri.'],
  ['sw', 'Kazakhstan na Ubelgiji hufanya mashauriano.'],
  ['ru', 'Казахстан и Бельгия провели переговоры в Брюсселе.'],
  ['de', 'Kasachstan und Belgien verhandeln in Brüssel.'],
  ['hi', 'कज़ाखस्तान और Belgium के बीच व्यापार।'],
];

const LANGS = [...new Set([...FIGURES, ...COUNTRIES].map(([lang]) => lang))];

const figuresOf = (): Figure[][] => FIGURES.map(([lang, text]) => extractFigures(text, lang));
const namesOf = (): NameMention[][] => COUNTRIES.map(([lang, text]) => extractNames(text, lang));

/** Every Intl constructor the engine derives data from, made to throw: an engine with no CLDR data at all. */
function withoutIntl<T>(run: () => T): T {
  const broken = () => {
    throw new Error('no Intl here');
  };
  vi.stubGlobal('Intl', { ...Intl, NumberFormat: broken, DateTimeFormat: broken, DisplayNames: broken, PluralRules: broken, Locale: broken });
  try {
    return run();
  } finally {
    vi.unstubAllGlobals();
  }
}

let live: { figures: Figure[][]; names: NameMention[][] };
let snapshot: CldrSnapshot;

beforeAll(() => {
  live = { figures: figuresOf(), names: namesOf() };
  snapshot = takeCldrSnapshot(LANGS);
});
afterAll(() => vi.unstubAllGlobals());

describe('the live engine (what the snapshot must reproduce)', () => {
  it('reads the CLDR words in the sample sentences', () => {
    const values = live.figures.map((fs) => fs.map((f) => [f.kind, f.value, f.currency ?? f.month ?? ''].join(' ')));
    expect(values[0]).toEqual(expect.arrayContaining(['money 523700000 USD', 'percent 1.7 ']));
    expect(values[1]).toEqual(expect.arrayContaining(['money 1700000 USD']));
    expect(values[3]).toEqual(expect.arrayContaining(['money 20000000 USD', 'percent 303 ']));
    expect(values[5]).toEqual(expect.arrayContaining(['count 50000000 ', 'money 1700000000 USD']));
    expect(values[6]).toEqual(expect.arrayContaining(['money 3000000 RUB', 'money 523700000 USD']));
    expect(live.names.map((ms) => ms.map((m) => m.country).filter(Boolean))).toEqual([['KZ', 'BE', 'BE'], ['KZ', 'BE'], ['KZ', 'BE'], ['KZ', 'BE'], ['BE']]);
  });
});

describe('snapshot data, language by language', () => {
  /** Every entry with its path, in trie order: the order decides which type a shared word gives first. */
  const entries = (root: TrieNode): string[] => {
    const out: string[] = [];
    const walk = (node: TrieNode, path: string) => {
      // Flags that are false mean the same as absent ones, which the snapshot leaves out.
      for (const e of node.entries ?? []) out.push(path + JSON.stringify(Object.entries(e).filter(([, v]) => v !== false).sort()));
      for (const [ch, child] of node.next) walk(child, path + ch);
    };
    walk(root, '');
    return out;
  };

  // Languages Chromium lacks (hy, ka, mk, mn, sq, zu, my) and ones with suffixes, unspaced scripts or lakh/crore.
  it.each(['hy', 'ka', 'mk', 'mn', 'sq', 'zu', 'my', 'tr', 'fi', 'ja', 'ko', 'th', 'bn', 'iw', 'zh-TW'])('%s: the same trie, entry for entry', (lang) => {
    const live = getVocab(lang);
    const rebuilt = vocabFromData(lang, JSON.parse(JSON.stringify(vocabData(lang))));
    expect(entries(rebuilt.trie)).toEqual(entries(live.trie));
    expect(rebuilt).toMatchObject({ locale: live.locale, decimal: live.decimal, group: live.group });
  });

  it('every edition: the same countries, in region-name order ("Congo" is CG before CD in Igbo)', () => {
    // Each language's own region names, forty at a time, mid-sentence so that capitals mark them.
    const texts = EDITION_TAGS.map((lang) => [lang, 'Talks between ' + namesData(lang).regions.slice(0, 40).map(([, n]) => n).join(', ') + ' and Belgium.']);
    const live = texts.map(([lang, text]) => extractNames(text, lang));
    expect(live.flat().filter((m) => m.country).length).toBeGreaterThan(2000);
    primeNames(JSON.parse(JSON.stringify(Object.fromEntries(EDITION_TAGS.map((lang) => [lang, namesData(lang)])))));
    expect(withoutIntl(() => texts.map(([lang, text]) => extractNames(text, lang)))).toEqual(live);
  });
});

describe('an engine primed with the snapshot', () => {
  it('survives a JSON round trip unchanged', () => {
    const text = JSON.stringify(snapshot);
    expect(JSON.parse(text)).toEqual(snapshot);
    expect(JSON.stringify(JSON.parse(text))).toBe(text);
  });

  it('always includes English, whose lists every language shares', () => {
    expect(Object.keys(snapshot.vocab)).toContain('en');
    expect(snapshot.names.en.regions).toContainEqual(['BE', 'Belgium']);
    expect(snapshot.names.de.regions).toContainEqual(['BE', 'Belgien']);
    // Other languages' common words leave out English's, which every language's set includes.
    expect(snapshot.names.en.words).toContain('January');
    expect(snapshot.names.de.words).toContain('Januar');
    expect(snapshot.names.de.words).not.toContain('January');
  });

  it('finds the same figures and countries as the live engine, with no Intl to fall back on', () => {
    const primed = withoutIntl(() => {
      expect(primeEngineFromBuild(JSON.parse(JSON.stringify(packCldrSnapshot(snapshot))))).toBe(true);
      return { figures: figuresOf(), names: namesOf() };
    });
    expect(primed.figures).toEqual(live.figures);
    expect(primed.names).toEqual(live.names);
  });

  it('takes the snapshot over Intl: a word the snapshot lacks is not read', () => {
    const trimmed: CldrSnapshot = JSON.parse(JSON.stringify(snapshot));
    const az = trimmed.vocab.az;
    az.entries = az.entries.map(([type, value, extra, ...words]) => [type, value, extra, ...words.filter((w) => w !== 'milyon')]);
    trimmed.names.az.regions = trimmed.names.az.regions.filter(([code]) => code !== 'BE');
    primeEngineFromBuild(packCldrSnapshot(trimmed));
    const values = extractFigures('523.7 milyon dollar', 'az').map((f) => f.value);
    expect(values).not.toContain(523.7e6);
    expect(values).toContain(523.7);
    expect(extractNames('Qazaxıstan və Belçika arasında', 'az').map((m) => m.country)).not.toContain('BE');
  });

  it('parses a language only when the engine first needs it', () => {
    const packed = packCldrSnapshot(snapshot);
    packed.vocab.ru = 'not JSON';
    packed.names.ru = 'not JSON';
    primeEngineFromBuild(packed);
    expect(extractFigures('523.7 milyon dollar', 'az').map((f) => f.value)).toContain(523.7e6);
    expect(extractNames('Qazaxıstan və Belçika arasında', 'az').map((m) => m.country)).toContain('BE');
    expect(() => extractFigures('3 миллиона рублей', 'ru')).toThrow(SyntaxError);
    expect(() => extractNames('Казахстан и Бельгия', 'ru')).toThrow(SyntaxError);
  });

  it('is not primed without a build-time snapshot (vitest and Node derive live)', () => {
    expect(primeEngineFromBuild(undefined)).toBe(false);
  });
});
