// Changed names through the whole engine (real name reader, alignment and
// edition-level gates): what the articles as a whole say about a word that
// stands where a name every reference writes alike has vanished.
import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../src/core/check';
import type { Article, ReferenceInput } from '../../src/core/types';

const article = (lang: string, paragraphs: string[]): Article => ({ url: `https://${lang}.eureporter.co/quake/`, lang, path: '/quake', paragraphs });
const ref = (lang: string, paragraphs: string[]): ReferenceInput => ({ url: `https://${lang}.eureporter.co/quake/`, lang, article: article(lang, paragraphs) });
const flagged = (paragraphs: string[]) => checkArticles(article('pt', paragraphs), REFS).flags.filter((f) => f.kind === 'name').map((f) => f.text);

const REFS = [
  ref('en', [
    'Quake hits the island',
    'At least 384 people were killed when the quake hit the island on Friday, said agency spokesman Sutopo Nugroho in Jakarta.',
    'On Saturday more than 300 rescuers reached the coast, and the port of Palu reopened in the afternoon.',
  ]),
  ref('fr', [
    'Un séisme frappe l’île',
    'Au moins 384 personnes ont été tuées lorsque le séisme a frappé l’île vendredi, a déclaré le porte-parole Sutopo Nugroho à Jakarta.',
    'Plus de 300 secouristes ont atteint la côte samedi, et le port de Palu a rouvert dans l’après-midi.',
  ]),
  ref('de', [
    'Beben trifft die Insel',
    'Mindestens 384 Menschen wurden getötet, als das Beben die Insel am Freitag traf, sagte Behördensprecher Sutopo Nugroho in Jakarta.',
    'Mehr als 300 Retter erreichten am Samstag die Küste, und der Hafen von Palu wurde am Nachmittag wieder geöffnet.',
  ]),
];
const edition = (name: string) => [
  'Sismo atinge a ilha',
  `Pelo menos 384 pessoas morreram quando o sismo atingiu a ilha na sexta-feira, disse o porta-voz Sutopo ${name} em Jacarta.`,
  'Mais de 300 socorristas chegaram à costa no sábado, e o porto de Palu reabriu à tarde.',
];

describe('a name changed into another', () => {
  it('is flagged, and a faithful edition is not', () => {
    expect(flagged(edition('Nugroho'))).toEqual([]);
    expect(flagged(edition('Kowalczyk'))).toEqual(['Kowalczyk']);
  });

  it('is new even where a reference writes a lower-case word it opens with ("more" is not "Moreau")', () => {
    expect(flagged(edition('Moreau'))).toEqual(['Moreau']);
  });

  it('is left alone when written with a letter no reference writes: the edition\'s own spelling', () => {
    expect(flagged(edition('Kowałczyk'))).toEqual([]);
  });
});
