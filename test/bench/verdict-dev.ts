// Dev measurement for the verdict engine, straight on the articles' text (no
// HTML): false alarms on clean NTREX documents per language, and recall of the
// official benchmark's injected errors (./inject, the same injector and judge).
// bench:accuracy renders pages and runs the baseline too; this isolates
// checkArticles so a verdict change can be judged in a fraction of the time.
//
//   npx tsx test/bench/verdict-dev.ts [--docs N] [--langs az,sw] [--types digit,drop|none] [--max-seconds S] [--pairs N]
//                                     [--show clean|miss-digit|miss-scale|miss-drop|miss-swap|miss-name|all]
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { checkArticles } from '../../src/core/check';
import type { Flag, ReferenceInput } from '../../src/core/types';
import { hashString, loadNtrex } from '../fixtures/render';
import { asArticle, devPairs, pairInputs } from './dev-pairs';
import { ERROR_TYPES, type ErrorType, type Injection, injectError, judge } from './inject';

const { values: argv } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/data/ntrex-dev') },
    docs: { type: 'string' },
    langs: { type: 'string' },
    types: { type: 'string' },
    show: { type: 'string' },
    'max-seconds': { type: 'string', default: '120' },
    pairs: { type: 'string' },
  },
});

const types = (argv.types === 'none' ? [] : (argv.types?.split(',') ?? ERROR_TYPES)) as ErrorType[];
const show = argv.show;

interface Tally {
  n: number;
  k: number;
}
const bump = (m: Map<string, Tally>, key: string, hit: boolean) => {
  const t = m.get(key) ?? { n: 0, k: 0 };
  t.n++;
  if (hit) t.k++;
  m.set(key, t);
};
const clean = new Map<string, Tally>();
const recall = new Map<string, Tally>();
const alarmKinds = new Map<string, number>();

const describe = (f: Flag) => `${f.kind}@${f.paragraph} «${f.text}» ${f.message}`;

function printMiss(lang: string, id: string, inj: Injection, flags: Flag[], refs: ReferenceInput[]) {
  console.log(`\n[miss ${inj.type}/${inj.subtype} ${lang} ${id}] ${inj.change} in ¶${inj.paragraph}\n   cur: ${inj.text.slice(0, 400)}`);
  for (const r of refs) console.log(`   ${r.lang}: ${r.article?.paragraphs[inj.paragraph]?.slice(0, 400)}`);
  for (const f of flags) console.log(`   flag ${describe(f)}`);
}

const docs = loadNtrex(argv.data!).slice(0, Number(argv.docs ?? 1e9));
const pairs = devPairs(docs, argv.langs ? new Set(argv.langs.split(',')) : undefined, argv.pairs ? Number(argv.pairs) : undefined);
const started = performance.now();
let done = 0;
for (const { doc, lang } of pairs) {
  if (performance.now() - started > Number(argv['max-seconds']) * 1000) break;
  const inputs = pairInputs(doc, lang);
  if (!inputs) continue;
  const { text, refTexts, refs } = inputs;
  done++;
  const report = checkArticles(asArticle(doc.id, lang, text), refs);
  bump(clean, lang, report.flags.length > 0);
  for (const f of report.flags) {
    alarmKinds.set(f.kind, (alarmKinds.get(f.kind) ?? 0) + 1);
    if (show === 'clean' || show === 'all') console.log(`\n[clean ${lang} ${doc.id}] ${describe(f)}\n   cur: ${report.paragraphs[f.paragraph].slice(0, 300)}\n   ref: ${f.evidence[0]?.text}`);
  }
  for (const type of types) {
    const injected = injectError(type, text, refTexts.map((r) => r.t), lang, hashString(`${doc.id}|${lang}|${type}`));
    if (!injected) continue;
    const inj = injected.injection;
    const flags = checkArticles(asArticle(doc.id, lang, injected.article), refs).flags;
    const hit = judge({ paragraphs: [injected.article.title, ...injected.article.paragraphs], flags }, inj).outcome === 'hit';
    bump(recall, type, hit);
    bump(recall, `${type}:${inj.subtype}`, hit);
    if (!hit && (show === `miss-${type}` || show === 'all')) printMiss(lang, doc.id, inj, flags, refs);
  }
}

const pct = (t: Tally) => (t.n ? `${((100 * t.k) / t.n).toFixed(1)}%` : '-');
const total = [...clean.values()].reduce((s, t) => ({ n: s.n + t.n, k: s.k + t.k }), { n: 0, k: 0 });
const worst = [...clean].sort((a, b) => b[1].k / b[1].n - a[1].k / a[1].n);
console.log(`\n${done} of ${pairs.length} (document, edition) pairs in ${((performance.now() - started) / 1000).toFixed(0)} s`);
console.log(`clean articles with any flag: ${pct(total)} (${total.k}) of ${total.n}; flags by kind: ${JSON.stringify(Object.fromEntries(alarmKinds))}`);
console.log(`worst languages: ${worst.slice(0, 10).map(([l, t]) => `${l} ${pct(t)} (${t.k}/${t.n})`).join(', ')}`);
for (const [k, t] of [...recall].sort()) console.log(`recall ${k.padEnd(24)} ${pct(t).padStart(6)} of ${t.n}`);
