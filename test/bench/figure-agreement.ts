// Dev measurement for figure extraction: on the NTREX documents (human
// translations, so figures agree across languages), how often does a
// sentence's multiset of typed figures in each language equal English's?
//
//   npx tsx test/bench/figure-agreement.ts [--data DIR] [--lang xx --show N]
//
// Kinds compare by class: year, ordinal, count and number are one class (a bare
// "2000" reads as a year whatever the language), a date compares by its day (a
// day without a recognised month still agrees).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFigures } from '../../src/core/figures';
import type { Figure } from '../../src/core/types';

interface Doc {
  id: string;
  editions: Record<string, string[]>;
}

const args = process.argv.slice(2);
const opt = (name: string, fallback: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const dataDir = opt('data', join(import.meta.dirname, '../../../shared/data/ntrex-dev'));
const showLang = opt('lang', '');
const showCount = Number(opt('show', '15'));

const CLASS: Record<Figure['kind'], string> = { money: 'money', percent: 'percent', date: 'date', year: 'num', ordinal: 'num', count: 'num', number: 'num' };

/** One figure as the comparison sees it: class, value to 6 significant digits, currency. */
const key = (f: Figure): string => `${CLASS[f.kind]}:${Number(f.value.toPrecision(6))}${f.currency ? ':' + f.currency : ''}`;
const keys = (figs: Figure[]): string => figs.map(key).sort().join(' ');

const docs: Doc[] = readdirSync(dataDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(join(dataDir, f), 'utf8')) as Doc);

/** Whether two figure lists differ only in numbers up to ten, which one translation may write as words ("three"). */
function onlySmallNumbers(a: Figure[], b: Figure[]): boolean {
  const rest = b.map(key);
  const extra: string[] = [];
  for (const k of a.map(key)) {
    const i = rest.indexOf(k);
    if (i >= 0) rest.splice(i, 1);
    else extra.push(k);
  }
  return [...extra, ...rest].every((k) => /^num:(\d|10)$/.test(k));
}

let smallOnly = 0;
const perLang = new Map<string, { total: number; agree: number }>();
const shown: string[] = [];
let calls = 0;
const t0 = performance.now();
for (const doc of docs) {
  const en = doc.editions.en.map((s) => s.trim());
  for (const [lang, sentences] of Object.entries(doc.editions)) {
    if (lang === 'en') continue;
    const stat = perLang.get(lang) ?? { total: 0, agree: 0 };
    perLang.set(lang, stat);
    sentences.forEach((raw, i) => {
      const ref = extractFigures(en[i] ?? '', 'en');
      if (ref.length === 0) return;
      const sentence = raw.trim();
      const figs = extractFigures(sentence, lang);
      calls += 2;
      stat.total++;
      if (keys(figs) === keys(ref)) stat.agree++;
      else if (onlySmallNumbers(figs, ref)) smallOnly++;
      if (keys(figs) !== keys(ref) && lang === showLang && shown.length < showCount) shown.push(`${doc.id}#${i}\n  en: ${keys(ref)}\n  ${lang}: ${keys(figs)}\n  ${en[i]}\n  ${sentence}`);
    });
  }
}
const elapsed = performance.now() - t0;

const rows = [...perLang].map(([lang, s]) => ({ lang, pct: (100 * s.agree) / Math.max(1, s.total), ...s })).sort((a, b) => a.pct - b.pct);
const total = rows.reduce((a, r) => a + r.total, 0);
const agree = rows.reduce((a, r) => a + r.agree, 0);
const fmt = (r: { lang: string; pct: number; agree: number; total: number }) => `${r.lang.padEnd(6)} ${r.pct.toFixed(1).padStart(5)}%  (${r.agree}/${r.total})`;
console.log(rows.map(fmt).join('\n'));
console.log(`\nworst 10: ${rows.slice(0, 10).map((r) => `${r.lang} ${r.pct.toFixed(1)}%`).join(', ')}`);
console.log(`overall: ${((100 * agree) / total).toFixed(1)}% of ${total} sentence pairs where English has a figure (${docs.length} docs, ${rows.length} languages)`);
console.log(`disagreements that differ only in numbers up to ten (words in one edition, digits in the other): ${smallOnly} of ${total - agree}`);
console.log(`time: ${elapsed.toFixed(0)} ms for ${calls} extractFigures calls (vocabulary construction for every language included)`);
if (shown.length) console.log(`\nDisagreements for ${showLang}:\n${shown.join('\n')}`);

// Linear time on adversarial input: long digit runs, separator chains, mixed scripts and vocabulary words.
const chunk = `${'9'.repeat(200)} ${'1,'.repeat(100)}2 1.000.000,5 ٣٤٥٫٦ ५ करोड़ 2000万美元 $5bn oktyabrın 18-də %5 ${'1 '.repeat(50)}milyon dollar `;
/** Best of three runs, so JIT warm-up and a collector pause don't pass for non-linearity. */
const timeOf = (size: number): number => {
  const text = chunk.repeat(Math.ceil(size / chunk.length)).slice(0, size);
  let best = Infinity;
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    extractFigures(text, 'az');
    best = Math.min(best, performance.now() - start);
  }
  return best;
};
const small = timeOf(100_000);
const large = timeOf(1_000_000);
console.log(`adversarial: 100 KB ${small.toFixed(0)} ms, 1 MB ${large.toFixed(0)} ms (ratio ${(large / small).toFixed(1)}, linear ≈ 10)`);
