// Dev measurement for names (src/core/names.ts) on the NTREX documents:
//   npx tsx test/bench/names-dev.ts [data dir] [--examples N]
// (a) false alarms: share of clean (document, language) articles where some
//     name of the checked edition is lacked by the majority of the references
//     that can tell (English, French, German; Spanish replaces the checked one);
// (b) recall: the accuracy benchmark's own name injection (a name shared with
//     English replaced by another, or 2–3 of its letters changed) and whether
//     the changed name is then lacked by that majority.
// Paragraphs are built as the accuracy benchmark builds them (ntrexArticle).
import { compareNames, type NameComparison } from '../../src/core/names';
import { type ArticleText, loadNtrex, ntrexArticle } from '../fixtures/render';
import { injectError } from './inject';

const args = process.argv.slice(2);
const examplesArg = args.indexOf('--examples');
const EXAMPLES = examplesArg >= 0 ? Number(args[examplesArg + 1]) : 0;
const dir = args.find((a, i) => !a.startsWith('--') && i !== examplesArg + 1) ?? '../shared/data/ntrex-dev';

const REFERENCES = ['en', 'fr', 'de'];
const referencesFor = (lang: string) => REFERENCES.map((r) => (r === lang ? 'es' : r));

/** The verdict engine's rule: flagged when most references that can tell lack the name. */
function flagged(c: NameComparison): boolean {
  const lacks = c.refs.filter((r) => r.support === 'lacks').length;
  const found = c.refs.filter((r) => r.support === 'found').length;
  return lacks > 0 && lacks > found;
}

const paragraphsOf = (a: ArticleText) => [a.title, ...a.paragraphs];

/** Flagged names of each paragraph of `article` against the references' paragraphs at the same index. */
function flaggedNames(article: ArticleText, lang: string, refs: { lang: string; article: ArticleText }[]) {
  return paragraphsOf(article).map((text, i) =>
    compareNames(
      { text, lang },
      refs.map((r) => {
        const p = paragraphsOf(r.article)[i];
        return p === undefined ? null : { text: p, lang: r.lang };
      }),
    ).filter(flagged),
  );
}

const isLatinEdition = (a: ArticleText) => {
  const letters = paragraphsOf(a).join(' ').match(/\p{L}/gu) ?? [];
  return letters.filter((c) => /\p{Script=Latin}/u.test(c)).length > letters.length / 2;
};

interface Row {
  articles: number;
  falseAlarms: number;
  injected: Record<string, number>;
  caught: Record<string, number>;
  latin: boolean;
}

const docs = loadNtrex(dir);
const rows = new Map<string, Row>();
const alarmExamples: string[] = [];
const missExamples: string[] = [];
const started = performance.now();
let calls = 0;

for (const doc of docs) {
  const english = ntrexArticle(doc, 'en');
  if (!english) continue;
  for (const lang of Object.keys(doc.editions)) {
    if (lang === 'en') continue;
    const article = ntrexArticle(doc, lang);
    if (!article) continue;
    const refs = referencesFor(lang).flatMap((r) => {
      const a = ntrexArticle(doc, r);
      return a ? [{ lang: r, article: a }] : [];
    });
    const row = rows.get(lang) ?? { articles: 0, falseAlarms: 0, injected: {}, caught: {}, latin: isLatinEdition(article) };
    rows.set(lang, row);
    row.articles++;
    const clean = flaggedNames(article, lang, refs);
    calls += clean.length;
    const alarms = clean.flat();
    if (alarms.length > 0) {
      row.falseAlarms++;
      alarmExamples.push(`${lang} ${doc.id}: ${alarms.map((c) => c.mention.text).join(', ')}`);
    }
    const injected = injectError('name', article, english, lang, doc.id.length * 7919 + lang.charCodeAt(0));
    if (!injected) continue;
    const { subtype, paragraph, ranges, change } = injected.injection;
    row.injected[subtype] = (row.injected[subtype] ?? 0) + 1;
    const after = flaggedNames(injected.article, lang, refs)[paragraph] ?? [];
    const hit = after.some((c) => ranges.some((r) => c.mention.start < r.end && r.start < c.mention.end));
    if (hit) row.caught[subtype] = (row.caught[subtype] ?? 0) + 1;
    else missExamples.push(`${lang} ${doc.id} ${subtype}: ${change}`);
  }
}

const pct = (n: number, d: number) => (d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const sum = (f: (r: Row) => number, filter: (r: Row) => boolean = () => true) =>
  [...rows.values()].filter(filter).reduce((s, r) => s + f(r), 0);

console.log('lang  articles  false-alarms  replace-recall  letters-recall');
for (const [lang, r] of [...rows].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(
    `${lang.padEnd(6)}${String(r.articles).padStart(8)}  ${pct(r.falseAlarms, r.articles).padStart(12)}  ` +
      `${pct(r.caught.replace ?? 0, r.injected.replace ?? 0).padStart(14)}  ${pct(r.caught.letters ?? 0, r.injected.letters ?? 0).padStart(14)}`,
  );
}
const latin = (r: Row) => r.latin;
const recall = (subtype: string, filter?: (r: Row) => boolean) =>
  pct(sum((r) => r.caught[subtype] ?? 0, filter), sum((r) => r.injected[subtype] ?? 0, filter));
const worst = [...rows].sort(([, a], [, b]) => b.falseAlarms / b.articles - a.falseAlarms / a.articles)[0];
console.log(`\nfalse alarms overall: ${pct(sum((r) => r.falseAlarms), sum((r) => r.articles))} of articles; worst ${worst[0]} ${pct(worst[1].falseAlarms, worst[1].articles)}`);
console.log(`recall, Latin-script editions: replace ${recall('replace', latin)}, letters ${recall('letters', latin)}`);
console.log(`recall, all editions:          replace ${recall('replace')}, letters ${recall('letters')}`);
console.log(`${calls} paragraph comparisons in ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (EXAMPLES > 0) {
  console.log('\nfalse alarms:\n' + alarmExamples.slice(0, EXAMPLES).join('\n'));
  console.log('\nmissed:\n' + missExamples.slice(0, EXAMPLES).join('\n'));
}
