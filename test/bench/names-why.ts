// Where the engine loses each injected name change it misses (dev diagnosis):
//   npx tsx test/bench/names-why.ts [--pairs N] [--langs az,sw] [--show STAGE]
// Runs the verdict-dev pairs and seeds; for each name injection checkArticles
// misses, replays names.ts on the same-index paragraphs (NTREX paragraphs are
// aligned) and names the first stage that drops it: not extracted as a name,
// supported by a reference (fuzzy match), not standing where an original
// vanished (original still written here / no orphan), or stopped by one of
// check.ts's edition gates (how many unsupported / replaced names the edition has).
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkArticles } from '../../src/core/check';
import { compareNames, extractNames, type NameComparison } from '../../src/core/names';
import { hashString, loadNtrex } from '../fixtures/render';
import { asArticle, devPairs, pairInputs, paragraphsOf } from './dev-pairs';
import { injectError, judge } from './inject';

const { values: argv } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/data/ntrex-dev') },
    langs: { type: 'string' },
    show: { type: 'string' },
    pairs: { type: 'string' },
  },
});
const docs = loadNtrex(argv.data!);
const pairs = devPairs(docs, argv.langs ? new Set(argv.langs.split(',')) : undefined, argv.pairs ? Number(argv.pairs) : undefined);

const LATIN = /\p{Script=Latin}/u;
const counted = (c: NameComparison) => LATIN.test(c.mention.text) && !c.mention.country;
const stages = new Map<string, number>();
let n = 0;
let hits = 0;
for (const { doc, lang } of pairs) {
  const inputs = pairInputs(doc, lang);
  if (!inputs) continue;
  const { text, refTexts, refs } = inputs;
  const injected = injectError('name', text, refTexts.map((r) => r.t), lang, hashString(`${doc.id}|${lang}|name`));
  if (!injected) continue;
  n++;
  const inj = injected.injection;
  const flags = checkArticles(asArticle(doc.id, lang, injected.article), refs).flags;
  if (judge({ paragraphs: paragraphsOf(injected.article), flags }, inj).outcome === 'hit') {
    hits++;
    continue;
  }
  const paras = paragraphsOf(injected.article);
  const compare = (p: number) => compareNames({ text: paras[p], lang }, refTexts.map((r) => (paragraphsOf(r.t)[p] === undefined ? null : { text: paragraphsOf(r.t)[p], lang: r.lang })));
  const all = paras.map((_, p) => compare(p));
  const at = inj.ranges[0].start;
  const cs = all[inj.paragraph];
  const c = cs.find((x) => x.mention.start <= at && at < x.mention.end);
  const unsupportedInEdition = all.flat().filter((x) => x.unsupported && counted(x)).length;
  const replacedInEdition = all.flat().filter((x) => x.replaced && counted(x)).length;
  const original = inj.change.split(' → ')[0].replace(/\p{Ll}{0,4}$/u, '');
  let stage: string;
  if (!c) stage = extractNames(paras[inj.paragraph], lang).some((m) => m.start <= at && at < m.end) ? 'not-compared' : 'not-extracted';
  else if (!c.unsupported) stage = 'supported';
  else if (!c.replaced) stage = paras[inj.paragraph].includes(original) ? 'no-orphan:original-still-here' : 'no-replacement';
  else if (replacedInEdition > 3) stage = 'gate:replaced-in-edition>3';
  else if (!c.replaced.misspelt && cs.filter((x) => x.unsupported && counted(x)).length > 1) stage = 'gate:other-unknown-in-paragraph';
  else if (!c.replaced.misspelt && unsupportedInEdition > 9) stage = 'gate:unsupported-in-edition>9';
  else if (!c.replaced.misspelt && replacedInEdition > 2) stage = 'gate:replaced-in-edition>2';
  else if (!c.replaced.misspelt && c.replaced.distance > 0.1) stage = 'gate:distance>0.1';
  else stage = 'other (novelty/vote/alignment)';
  const key = `${inj.subtype} ${stage}`;
  stages.set(key, (stages.get(key) ?? 0) + 1);
  if (argv.show && (stage.startsWith(argv.show) || key.startsWith(argv.show)))
    console.log(`\n[${inj.subtype} ${stage} ${lang} ${doc.id}] ${inj.change} ¶${inj.paragraph}\n   cur: ${paras[inj.paragraph].slice(0, 300)}\n   ${refTexts[0].lang}: ${paragraphsOf(refTexts[0].t)[inj.paragraph]?.slice(0, 300)}${c ? `\n   mention «${c.mention.text}» refs ${c.refs.map((r) => r.support).join(',')}` : ''}\n   unsupported here: ${cs.filter((x) => x.unsupported && counted(x)).map((x) => `${x.mention.text}${x.replaced ? `→${x.replaced.original}@${x.replaced.distance.toFixed(2)}` : ''}`).join(' | ')}; in edition ${unsupportedInEdition}, replaced ${replacedInEdition}`);
}
console.log(`\nname injections ${n}, caught ${hits} (${((100 * hits) / n).toFixed(1)}%); misses by first stage that drops them:`);
for (const [k, v] of [...stages].sort((a, b) => b[1] - a[1])) console.log(`${String(v).padStart(5)}  ${k}`);
