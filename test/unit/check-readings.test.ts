// Verdicts with the real figure reader: a "billion" cognate that CLDR calls
// 10^12 (es "billones", de "Billionen") but translators also use for 10^9
// agrees with a reference under either reading, and a real scale change is
// still flagged.
import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../src/core/check';
import type { Article, ReferenceInput } from '../../src/core/types';

const article = (lang: string, paragraphs: string[]): Article => ({ url: `https://${lang}.eureporter.co/debt/`, lang, path: '/debt', paragraphs });
const ref = (lang: string, paragraphs: string[]): ReferenceInput => ({ url: `https://${lang}.eureporter.co/debt/`, lang, article: article(lang, paragraphs) });

const REFS = [
  ref('en', ['Public debt hits record', 'Public debt reached €3 trillion in 2023, the finance ministry said on Monday.', 'Interest costs rose 4.5% to €80 billion.']),
  ref('fr', ['La dette publique atteint un record', 'La dette publique a atteint 3 000 milliards d’euros en 2023, a indiqué lundi le ministère des Finances.', 'Les intérêts ont augmenté de 4,5 % pour atteindre 80 milliards d’euros.']),
  ref('it', ['Il debito pubblico tocca un record', 'Il debito pubblico ha raggiunto 3.000 miliardi di euro nel 2023, ha dichiarato lunedì il ministero delle Finanze.', 'Gli interessi sono aumentati del 4,5% a 80 miliardi di euro.']),
];

const spanish = (debt: string) =>
  article('es', ['La deuda pública marca un récord', `La deuda pública alcanzó ${debt} en 2023, informó el lunes el Ministerio de Hacienda.`, 'Los intereses subieron un 4,5 % hasta 80.000 millones de euros.']);

describe('scale words with two readings', () => {
  it('"3 billones de euros" agrees with €3 trillion', () => {
    expect(checkArticles(spanish('3 billones de euros'), REFS).flags).toEqual([]);
  });

  it('"3 millones de euros" is still a scale change', () => {
    const flags = checkArticles(spanish('3 millones de euros'), REFS).flags;
    expect(flags.map((f) => [f.kind, f.text])).toEqual([['figure', '3 millones de euros']]);
  });
});

describe('long scale settled by the edition', () => {
  const german = (debt: string) =>
    article('de', ['Die Staatsverschuldung erreicht einen Rekord', `Die Staatsverschuldung erreichte 2023 ${debt}, teilte das Finanzministerium am Montag mit.`, 'Die Zinskosten stiegen um 4,5 % auf 80 Milliarden Euro.']);

  it('an edition that writes "Milliarden" means 10^12 by "Billionen"', () => {
    expect(checkArticles(german('3 Billionen Euro'), REFS).flags).toEqual([]);
    // 3 000 "Milliarden" in the references, "3 Milliarden" here: a scale change either way.
    expect(checkArticles(german('3 Milliarden Euro'), REFS).flags.map((f) => f.text)).toEqual(['3 Milliarden Euro']);
  });

  it('"Billionen" beside "Milliarden" is no 10^9', () => {
    const refs = REFS.map((r) => ({ ...r, article: { ...r.article!, paragraphs: r.article!.paragraphs.map((p) => p.replace(/3 000 milliards|3\.000 miliardi|€3 trillion/, (m) => (m.startsWith('€') ? '€3 billion' : m.startsWith('3 000') ? '3 milliards' : '3 miliardi'))) } }));
    expect(checkArticles(german('3 Billionen Euro'), refs).flags.map((f) => f.text)).toEqual(['3 Billionen Euro']);
  });
});

describe('decimals as written', () => {
  const quake = (lang: string, m: string) => article(lang, ['Quake', `A quake of magnitude ${m} struck on Friday.`]);
  const refs = ['en', 'fr', 'it'].map((l) => ({ url: `https://${l}.eureporter.co/debt/`, lang: l, article: quake(l, '7.5') }));

  it('"7.0" is no rounding of 7.5, "7.50" is', () => {
    expect(checkArticles(quake('en', '7.0'), refs).flags.map((f) => f.text)).toEqual(['7.0']);
    expect(checkArticles(quake('en', '7.50'), refs).flags).toEqual([]);
  });
});
