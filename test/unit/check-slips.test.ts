// Digit slips the references state beside something that looks like them: a
// speed given in both units ("800 kph (497 mph)"), whose conversion must not
// vouch for a slip in the kept unit, and a clock time ("5 a.m." against
// "5:00", which the reader takes for no figure) beside the one number left
// unmatched, which must not hide that number's changed digit.
import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../src/core/check';
import type { Article, ReferenceInput } from '../../src/core/types';

const article = (lang: string, paragraphs: string[]): Article => ({ url: `https://${lang}.eureporter.co/storm/`, lang, path: '/storm', paragraphs });
const ref = (lang: string, paragraphs: string[]): ReferenceInput => ({ url: `https://${lang}.eureporter.co/storm/`, lang, article: article(lang, paragraphs) });
const flagged = (a: Article, refs: ReferenceInput[]) => checkArticles(a, refs).flags.map((f) => [f.kind, f.text]);

describe('a reference that gives a speed in both units', () => {
  const REFS = [
    ref('en', ['Storm reaches the coast', 'The wave crossed the bay at 800 kph (497 mph) before it reached the harbour, officials said on Friday.']),
    ref('fr', ['La tempête atteint la côte', 'La vague a traversé la baie à 800 km/h avant d’atteindre le port, ont indiqué vendredi les autorités.']),
    ref('de', ['Sturm erreicht die Küste', 'Die Welle überquerte die Bucht mit 800 km/h, bevor sie den Hafen erreichte, teilten die Behörden am Freitag mit.']),
  ];
  const dutch = (speed: string) => article('nl', ['Storm bereikt de kust', `De golf stak de baai over met ${speed} voordat hij de haven bereikte, zeiden de autoriteiten vrijdag.`]);

  it('compares the kept unit with the kilometres, not the miles', () => {
    expect(flagged(dutch('809 km/u'), REFS)).toEqual([['figure', '809 km/u']]);
  });

  it('still agrees when the speed is kept', () => {
    expect(flagged(dutch('800 km/u'), REFS)).toEqual([]);
  });
});

describe('the one number left beside a clock time', () => {
  const REFS = [
    ref('en', ['Hurricane nears Mexico', 'The storm had winds of 85 mph, a Category 2 hurricane, as of 5 a.m. on Sunday, and was 385 miles from the coast.']),
    ref('fr', ['L’ouragan approche du Mexique', 'Les vents soufflaient à 135 km/h (ouragan de catégorie 2) dimanche à 5 h du matin, à 620 km de la côte.']),
    ref('es', ['El huracán se acerca a México', 'La tormenta tenía vientos de 136 km/h, un huracán de categoría 2, el domingo a las 5 de la mañana, a 620 kilómetros de la costa.']),
  ];
  const german = (time: string, category: string) =>
    article('de', ['Hurrikan nähert sich Mexiko', `Am Sonntag um ${time} Uhr hatte der Sturm Windgeschwindigkeiten von 136 km/h, ein Hurrikan der Kategorie ${category}, und war 620 Kilometer von der Küste entfernt.`]);

  it('flags the changed category whatever the references write at the hour', () => {
    expect(flagged(german('5:00', '4'), REFS)).toEqual([['figure', '4']]);
    expect(flagged(german('05:00', '4'), REFS)).toEqual([['figure', '4']]);
  });

  it('flags nothing when the category is kept', () => {
    expect(flagged(german('5:00', '2'), REFS)).toEqual([]);
    expect(flagged(german('05:00', '2'), REFS)).toEqual([]);
  });
});
