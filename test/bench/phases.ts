// Where a checkEditions call spends its time, per phase, on the NTREX articles
// rendered as the accuracy benchmark renders them (dev tool, not a target):
//   npx tsx test/bench/phases.ts [--docs N] [--langs az,sw]
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { parseHtml } from '../../src/core/html';
import { extractArticle } from '../../src/core/extract';
import { checkArticles } from '../../src/core/check';
import { extractFigures } from '../../src/core/figures';
import { extractNames } from '../../src/core/names';
import { LAYOUTS, editionUrl, loadNtrex, ntrexArticle, renderArticlePage, slug } from '../fixtures/render';

const { values: argv } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/data/ntrex-dev') },
    docs: { type: 'string', default: '8' },
    langs: { type: 'string' },
  },
});
const only = argv.langs ? new Set(argv.langs.split(',')) : undefined;
const phases = { parse: [] as number[], extract: [] as number[], figures: [] as number[], names: [] as number[], check: [] as number[], total: [] as number[] };
const page = (lang: string, path: string, t: { title: string; paragraphs: string[] }, i: number) => {
  const url = editionUrl(lang, path);
  return { url, html: renderArticlePage({ lang, url, title: t.title, paragraphs: t.paragraphs, layout: LAYOUTS[i % LAYOUTS.length], noiseSeed: i, published: '2020-01-01T00:00:00+00:00', siblings: {}, inlineMarkup: true }) };
};
for (const doc of loadNtrex(argv.data!).slice(0, Number(argv.docs))) {
  const en = ntrexArticle(doc, 'en');
  if (!en) continue;
  const path = `/${slug(en.title)}/`;
  const langs = Object.keys(doc.editions).filter((l) => !['en', 'fr', 'de'].includes(l) && (!only || only.has(l)));
  const refPages = ['en', 'fr', 'de'].map((l, i) => page(l, path, ntrexArticle(doc, l)!, i));
  langs.forEach((lang, i) => {
    const t = ntrexArticle(doc, lang);
    if (!t) return;
    const pages = [page(lang, path, t, i), ...refPages];
    const t0 = performance.now();
    const roots = pages.map((p) => parseHtml(p.html));
    const t1 = performance.now();
    const arts = roots.map((r, k) => extractArticle(r, pages[k].url)!.article);
    const t2 = performance.now();
    for (const a of arts) for (const p of a.paragraphs) extractFigures(p, a.lang);
    const t3 = performance.now();
    for (const a of arts) for (const p of a.paragraphs) extractNames(p, a.lang);
    const t4 = performance.now();
    checkArticles(arts[0], arts.slice(1).map((a) => ({ url: a.url, lang: a.lang, article: a })));
    const t5 = performance.now();
    phases.parse.push(t1 - t0);
    phases.extract.push(t2 - t1);
    phases.figures.push(t3 - t2);
    phases.names.push(t4 - t3);
    phases.check.push(t5 - t4);
    phases.total.push(t1 - t0 + (t2 - t1) + (t5 - t4));
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [k, xs] of Object.entries(phases)) console.log(`${k.padEnd(8)} median ${median(xs).toFixed(2)} ms`);
console.log(`(figures and names are measured separately; check includes them again; total = parse + extract + check; N=${phases.total.length})`);
