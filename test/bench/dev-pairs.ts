// The (document, edition) pairs the dev benches walk, in one seeded order, and
// each pair's article and references as checkArticles takes them. verdict-dev
// and names-why share them so a miss one prints is a miss the other explains.
import type { Article, ReferenceInput } from '../../src/core/types';
import { type ArticleText, type NtrexDoc, ntrexArticle, seededRandom } from '../fixtures/render';

const REFERENCE_LANGS = ['en', 'fr', 'de'];
/** English, French and German; Spanish stands in for the checked language. */
export const referencesFor = (lang: string) => REFERENCE_LANGS.map((l) => (l === lang ? 'es' : l));

export const paragraphsOf = (t: ArticleText) => [t.title, ...t.paragraphs];

export const asArticle = (id: string, lang: string, t: ArticleText): Article => ({
  url: `https://${lang}.eureporter.co/${id}/`,
  lang,
  path: `/${id}/`,
  paragraphs: paragraphsOf(t),
});

/**
 * Every non-English edition of every document, in a seeded shuffle so a run cut
 * short by its time budget still spans every language; `limit` keeps the first
 * pairs, to compare two engine versions on the same articles whatever their speed.
 */
export function devPairs(docs: NtrexDoc[], only?: ReadonlySet<string>, limit?: number): { doc: NtrexDoc; lang: string }[] {
  const pairs = docs.flatMap((doc) => Object.keys(doc.editions).filter((l) => l !== 'en' && (!only || only.has(l))).map((lang) => ({ doc, lang })));
  const rng = seededRandom(7);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  if (limit !== undefined) pairs.splice(limit);
  return pairs;
}

/** The pair's article text and its references (text and as inputs), or undefined where either is lacking. */
export function pairInputs(doc: NtrexDoc, lang: string): { text: ArticleText; refTexts: { lang: string; t: ArticleText }[]; refs: ReferenceInput[] } | undefined {
  const text = ntrexArticle(doc, lang);
  const refTexts = referencesFor(lang).flatMap((l) => {
    const t = ntrexArticle(doc, l);
    return t ? [{ lang: l, t }] : [];
  });
  if (!text || refTexts.length === 0) return undefined;
  const refs = refTexts.map(({ lang: l, t }) => {
    const a = asArticle(doc.id, l, t);
    return { url: a.url, lang: l, article: a };
  });
  return { text, refTexts, refs };
}
