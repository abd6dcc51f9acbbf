import { describe, expect, it } from 'vitest';
import type { ArticleText } from '../fixtures/render';
import { digitRuns } from '../bench/baseline';
import {
  ERROR_TYPES,
  type Injection,
  REPLACEMENT_NAMES,
  checkableRuns,
  englishNames,
  englishRole,
  injectError,
  judge,
  locate,
  nameSites,
  scaleUpPairs,
} from '../bench/inject';

const english: ArticleText = {
  title: 'Kazakhstan and Belgium hold talks',
  paragraphs: [
    'Deputy Minister Roman Vassilenko met Jeroen Cooreman in Brussels on 18 October.',
    'Trade reached $523.7 million in 2023, up 1.7% from 2022.',
  ],
};
const az: ArticleText = {
  title: 'Qazaxıstan və Belçika danışıqlar aparır',
  paragraphs: [
    'Nazir müavini Roman Vassilenkonun Jeroen Cooreman ilə görüşü oktyabrın 18-də Brüsseldə olub.',
    'Ticarət 2023-cü ildə 523.7 milyon dollara çatıb, 2022-ci illə müqayisədə 1.7% artıb.',
  ],
};

/** Characters that differ between two equal-length strings. */
const diffPositions = (a: string, b: string) => [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
const seeds = Array.from({ length: 40 }, (_, i) => i + 1);
const inject = (type: (typeof ERROR_TYPES)[number], seed: number, article = az) => injectError(type, article, [english], 'az', seed);
const rangeText = (inj: Injection, k = 0) => inj.text.slice(inj.ranges[k].start, inj.ranges[k].end);

describe('target finding', () => {
  it('takes only digit runs the English paragraph shares, once each', () => {
    expect(checkableRuns(az.paragraphs[1], [english.paragraphs[1]]).map((r) => r.text)).toEqual(['2023', '523.7', '2022', '1.7']);
    expect(checkableRuns('Saat 19:30-da 5 nəfər, 5 ev', ['At 19:30, 5 people'])).toEqual([]);
  });

  it('skips script digits used as letters (Zawgyi Burmese)', () => {
    // ၀ inside "ေလ၀သ" is the letter wa; ၁၀ after a space is the number 10.
    expect(checkableRuns('ေလ၀သ ၁၀ လက္မ', ['10 inches, 0 wind']).map((r) => r.text)).toEqual(['၁၀']);
  });

  it('takes only figures most references back', () => {
    // The English 10 became 25 cm in two references: only 1.7, backed by all, remains.
    const refs = ['Up to 10 inches, 1.7 more.', 'Jusqu’à 25 cm, 1,7 de plus.', 'Bis zu 25 cm, 1,7 mehr.'];
    expect(checkableRuns('До 10 дюймов, на 1,7 больше.', refs).map((r) => r.text)).toEqual(['1,7']);
  });

  it.each([
    ['Trade reached $523.7 million', '523.7', 'money'],
    ['up 1.7% from', '1.7', 'percent'],
    ['up 3 per cent', '3', 'percent'],
    ['in 2023, up', '2023', 'year'],
    ['on 18 October', '18', 'date'],
    ['on October 18', '18', 'date'],
    ['some 20 million people', '20', 'scaled'],
    ['killed 300 people', '300', 'number'],
    ['cost 5 billion euros', '5', 'money'],
  ])('reads the role in "%s"', (text, digits, role) => {
    const run = digitRuns(text).find((r) => r.text === digits)!;
    expect(englishRole(text, run)).toBe(role);
  });

  it('finds English names away from sentence starts, with inflected forms in the edition', () => {
    // Title-case nouns ("Minister") pass too; they only become targets where the edition kept the English word.
    expect([...englishNames(english.paragraphs[0])].sort()).toEqual(['Brussels', 'Cooreman', 'Jeroen', 'Minister', 'October', 'Roman', 'Vassilenko']);
    expect(englishNames('The man told The Telegraph.').size).toBe(1);
    const sites = nameSites(az.paragraphs[0], [english.paragraphs[0]]);
    expect(sites.map((s) => `${s.stem}+${s.suffix}`)).toEqual(['Roman+', 'Vassilenko+nun', 'Jeroen+', 'Cooreman+']);
    // A name most references write otherwise (exonyms) is no target.
    const refs = ['They met in Brussels.', 'Ils se sont réunis à Bruxelles.', 'Sie trafen sich in Brüssel.'];
    expect(nameSites('Walikutana Brussels.', refs)).toEqual([]);
  });

  it('pairs CLDR scale words with the next scale, per plural form', () => {
    expect(scaleUpPairs('az')).toContainEqual(['milyon', 'milyard']);
    expect(scaleUpPairs('ru')).toContainEqual(['миллионов', 'миллиардов']);
    expect(scaleUpPairs('zh-CN')).toContainEqual(['万', '亿']);
  });
});

describe('injectError', () => {
  it('digit: changes exactly one digit of a checkable figure, inside the recorded range', () => {
    for (const seed of seeds) {
      const { article, injection } = inject('digit', seed)!;
      const before = az.paragraphs[injection.paragraph - 1];
      expect(injection.text).toBe(article.paragraphs[injection.paragraph - 1]);
      const diff = diffPositions(before, injection.text);
      expect(diff).toHaveLength(1);
      expect(diff[0]).toBeGreaterThanOrEqual(injection.ranges[0].start);
      expect(diff[0]).toBeLessThan(injection.ranges[0].end);
      expect(injection.text[diff[0]]).toMatch(/\d/);
      expect(article.paragraphs.filter((p, i) => p !== az.paragraphs[i])).toHaveLength(1);
    }
  });

  it('digit: keeps the edition’s own digit set', () => {
    const ar: ArticleText = { title: 't', paragraphs: ['بلغت التجارة ٥٢٣ مليون دولار في عام ٢٠٢٣.'] };
    const en: ArticleText = { title: 't', paragraphs: ['Trade reached 523 million dollars in 2023.'] };
    const { injection } = injectError('digit', ar, [en], 'ar', 3)!;
    expect(rangeText(injection)).toMatch(/^[٠-٩]+$/);
  });

  it('scale: raises the scale word next to the figure, and the range covers figure and word', () => {
    const { injection } = inject('scale', 1)!;
    expect(injection.subtype).toBe('scale-word');
    expect(injection.text).toBe(az.paragraphs[1].replace('milyon', 'milyard'));
    expect(rangeText(injection)).toBe('523.7 milyard');
  });

  it('scale: CJK 万 becomes 亿', () => {
    const zh: ArticleText = { title: 't', paragraphs: ['该国有2000万人口。'] };
    const en: ArticleText = { title: 't', paragraphs: ['The country has 20 million people, or 2000 ten-thousands.'] };
    const { injection } = injectError('scale', zh, [en], 'zh-CN', 1)!;
    expect(injection.text).toBe('该国有2000亿人口。');
  });

  it('scale: without a scale word, multiplies the mantissa by ten', () => {
    const fr: ArticleText = { title: 't', paragraphs: ['Il a plu 5,2 jours et 30 heures.'] };
    const en: ArticleText = { title: 't', paragraphs: ['It rained 5.2 days and 30 hours.'] };
    const changes = new Set(seeds.map((s) => injectError('scale', fr, [en], 'fr', s)!.injection.change));
    expect([...changes].sort()).toEqual(['30 → 300', '5,2 → 52']);
    for (const s of seeds) {
      const { injection } = injectError('scale', fr, [en], 'fr', s)!;
      expect(injection.subtype).toBe('mantissa');
      expect(['52', '300']).toContain(rangeText(injection));
    }
  });

  it('drop: removes a figure with its unit words and marks where it was', () => {
    const texts = new Set<string>();
    for (const seed of seeds) {
      const { injection } = inject('drop', seed)!;
      const r = injection.ranges[0];
      expect(r.start).toBe(r.end);
      expect(injection.text).not.toMatch(/ {2}/);
      texts.add(injection.change);
    }
    expect(texts).toContain('1.7% → ∅');
    expect(texts).toContain('523.7 milyon → ∅');
    const dropped = seeds.map((s) => inject('drop', s)!.injection).find((i) => i.change.startsWith('1.7%'))!;
    expect(dropped.text).toBe('Ticarət 2023-cü ildə 523.7 milyon dollara çatıb, 2022-ci illə müqayisədə artıb.');
  });

  it('swap: exchanges two figures and records both new places and the role pair', () => {
    const subtypes = new Set<string>();
    for (const seed of seeds) {
      const { injection } = inject('swap', seed)!;
      subtypes.add(injection.subtype);
      const [a, b] = [rangeText(injection, 0), rangeText(injection, 1)];
      const before = az.paragraphs[1];
      // Swapping the two recorded ranges back restores the original paragraph exactly.
      const [r0, r1] = injection.ranges;
      const t = injection.text;
      expect(t.slice(0, r0.start) + b + t.slice(r0.end, r1.start) + a + t.slice(r1.end)).toBe(before);
      expect(t).not.toBe(before);
      expect(injection.change).toBe(`${b} ⇄ ${a}`);
    }
    // 2023 ⇄ 2022 is a same-role swap (two years); 523.7 ⇄ 1.7 a money/percent one.
    expect([...subtypes].sort()).toEqual(['different-role', 'same-role']);
  });

  it('name: replaces a shared name or changes 2–3 of its letters, keeping the inflection suffix', () => {
    const subtypes = new Set<string>();
    for (const seed of seeds) {
      const { injection } = inject('name', seed)!;
      subtypes.add(injection.subtype);
      const token = rangeText(injection);
      const original = injection.change.split(' → ')[0];
      if (original === 'Vassilenkonun') expect(token.endsWith('nun')).toBe(true);
      if (injection.subtype === 'replace') expect(REPLACEMENT_NAMES.some((n) => token.startsWith(n))).toBe(true);
      if (injection.subtype === 'letters') {
        expect(token).toHaveLength(original.length);
        expect(token[0]).toBe(original[0]);
        expect(diffPositions(original, token).length).toBeGreaterThanOrEqual(2);
        expect(diffPositions(original, token).length).toBeLessThanOrEqual(3);
      }
      expect(injection.text.slice(0, injection.ranges[0].start)).toBe(az.paragraphs[0].slice(0, injection.ranges[0].start));
    }
    expect([...subtypes].sort()).toEqual(['letters', 'replace']);
  });

  it('returns undefined when the article offers no target, and is deterministic per seed', () => {
    const none: ArticleText = { title: 't', paragraphs: ['вообще без цифр'] };
    for (const t of ERROR_TYPES) expect(injectError(t, none, [english], 'ru', 1)).toBeUndefined();
    expect(inject('swap', 9)).toEqual(inject('swap', 9));
    // A lone article stands for the English reference.
    expect(injectError('swap', az, english, 'az', 9)).toEqual(inject('swap', 9));
  });
});

describe('judge', () => {
  const inj: Injection = { type: 'digit', subtype: 'digit', paragraph: 2, text: 'Up 5.3% in 2020.', ranges: [{ start: 3, end: 6 }], change: '5.2 → 5.3' };
  const paragraphs = ['Title', 'Lead. Up 5.3% in 2020.'];
  const flag = (start: number, end: number, kind = 'figure', paragraph = 1) => ({ kind, paragraph, start, end });

  it('locates the injected text inside a longer extracted paragraph', () => {
    expect(locate(paragraphs, 'Up 5.3%\u00A0in')).toEqual({ paragraph: 1, offset: 6 });
    expect(locate(paragraphs, 'absent')).toBeUndefined();
  });

  it('counts a flag overlapping the injected range, shifted by the offset', () => {
    expect(judge({ paragraphs, flags: [flag(9, 13)] }, inj).outcome).toBe('hit');
    expect(judge({ paragraphs, flags: [flag(16, 20)] }, inj).outcome).toBe('other-place');
    expect(judge({ paragraphs, flags: [flag(9, 13, 'figure', 0)] }, inj)).toEqual({ outcome: 'no-flag', extraFlags: 1 });
    expect(judge({ paragraphs: ['x'], flags: [] }, inj).outcome).toBe('not-extracted');
  });

  it('needs a missing flag for a drop', () => {
    const drop: Injection = { ...inj, type: 'drop', ranges: [{ start: 3, end: 3 }] };
    expect(judge({ paragraphs, flags: [flag(9, 9)] }, drop).outcome).toBe('other-place');
    expect(judge({ paragraphs, flags: [flag(0, 0, 'missing')] }, drop).outcome).toBe('hit');
  });
});
