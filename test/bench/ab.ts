// A/B of two checkouts' engines in one process (dev tool, not a target): the
// same checkEditions calls, alternately through each, on pages rendered as
// bench:accuracy renders them. Prints per-call medians of both and their
// ratio, and whether the two give identical reports (flags, messages and
// evidence; paragraphs and reference statuses too on clean articles) on
// clean and injected articles. One process and alternate calls
// keep the comparison fair on a machine that is busy with other work, where
// two separate wall-clock runs are not.
//
//   npx tsx test/bench/ab.ts --against ../other-checkout [--calls 800] [--cpu]
//
// --cpu times per-call CPU (process.cpuUsage) instead of wall clock.
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { Report } from '../../src/core/types';
import { type ArticleText, LAYOUTS, editionUrl, hashString, loadNtrex, ntrexArticle, renderArticlePage, seededRandom, slug } from '../fixtures/render';
import { ERROR_TYPES, injectError } from './inject';

const { values: argv } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/data/ntrex-dev') },
    against: { type: 'string' },
    calls: { type: 'string', default: '800' },
    cpu: { type: 'boolean', default: false },
  },
});
if (!argv.against) throw new Error('--against <checkout> is required');

interface Page {
  url: string;
  html: string;
}
type Check = (current: Page, refs: Page[]) => Promise<Report> | Report;
const load = async (root: string): Promise<Check> => (await import(pathToFileURL(resolve(root, 'src/node/index.ts')).href)).checkEditions;
const [A, B] = [await load(argv.against), await load(resolve(import.meta.dirname, '../..'))];

interface Trial {
  clean: Page;
  injected: Page[];
  refs: Page[];
}

function trials(): Trial[] {
  const out: Trial[] = [];
  loadNtrex(argv.data!).forEach((doc, index) => {
    const en = ntrexArticle(doc, 'en');
    if (!en) return;
    const path = `/${slug(en.title)}/`;
    const siblings = Object.fromEntries(Object.keys(doc.editions).map((l) => [l, editionUrl(l, path)]));
    const page = (lang: string, t: ArticleText, layout: number): Page => ({
      url: editionUrl(lang, path),
      html: renderArticlePage({ lang, url: editionUrl(lang, path), title: t.title, paragraphs: t.paragraphs, layout: LAYOUTS[layout % LAYOUTS.length], noiseSeed: hashString(`${doc.id}|${lang}`), published: '2020-01-01T00:00:00+00:00', siblings, inlineMarkup: true }),
    });
    const refLangs = ['en', 'fr', 'de', 'es'].filter((l) => ntrexArticle(doc, l));
    const refPages = new Map(refLangs.map((l, j) => [l, page(l, ntrexArticle(doc, l)!, index + j + 1)]));
    Object.keys(doc.editions)
      .filter((l) => l !== 'en')
      .sort()
      .forEach((lang, li) => {
        const t = ntrexArticle(doc, lang);
        const langs = ['en', 'fr', 'de'].map((l) => (l === lang ? 'es' : l)).filter((l) => refPages.has(l));
        if (!t || langs.length === 0) return;
        const refTexts = langs.map((l) => ntrexArticle(doc, l)!);
        const injected = ERROR_TYPES.flatMap((type) => injectError(type, t, refTexts, lang, hashString(`${doc.id}|${lang}|${type}`)) ?? []).map((x) => page(lang, x.article, index + li));
        out.push({ clean: page(lang, t, index + li), injected, refs: langs.map((l) => refPages.get(l)!) });
      });
  });
  const rng = seededRandom(2024);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

async function timed(check: Check, t: Trial): Promise<[number, Report]> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const report = await check(t.clean, t.refs);
  const c = process.cpuUsage(c0);
  return [argv.cpu ? (c.user + c.system) / 1000 : performance.now() - t0, report];
}

const all = trials();
const n = Math.min(Number(argv.calls), all.length);
// Warm both engines (JIT, each language's vocabulary) on calls outside the sample.
for (const t of all.slice(n, n + 400)) {
  await A(t.clean, t.refs);
  await B(t.clean, t.refs);
}
const times = { a: [] as number[], b: [] as number[] };
const digest = { a: createHash('sha256'), b: createHash('sha256') };
let differing = 0;
for (const [i, t] of all.slice(0, n).entries()) {
  // Alternate which engine goes first, so neither always runs on a warmer cache.
  const order = i % 2 ? (['a', 'b'] as const) : (['b', 'a'] as const);
  const reports: Partial<Record<'a' | 'b', string>> = {};
  for (const side of order) {
    const [ms, report] = await timed(side === 'a' ? A : B, t);
    times[side].push(ms);
    const injected = await Promise.all(t.injected.map((p) => (side === 'a' ? A : B)(p, t.refs)));
    reports[side] = JSON.stringify([report, ...injected.map((r) => r.flags)]);
    digest[side].update(reports[side]!);
  }
  if (reports.a !== reports.b) differing++;
}
const q = (xs: number[], f: number) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length * f)];
const ratios = times.a.map((a, i) => times.b[i] / a);
const unit = argv.cpu ? 'ms CPU' : 'ms';
console.log(`${n} clean calls each (plus their injected variants for identity), ${unit} per call:`);
console.log(`  against ${argv.against}: median ${q(times.a, 0.5).toFixed(2)}, p95 ${q(times.a, 0.95).toFixed(2)}`);
console.log(`  this checkout:          median ${q(times.b, 0.5).toFixed(2)}, p95 ${q(times.b, 0.95).toFixed(2)}`);
console.log(`  this / against, per call: median ${q(ratios, 0.5).toFixed(3)} (quartiles ${q(ratios, 0.25).toFixed(3)}–${q(ratios, 0.75).toFixed(3)})`);
console.log(`  reports: ${differing === 0 ? 'identical' : `${differing} of ${n} trials differ`} (sha ${digest.a.digest('hex').slice(0, 12)} / ${digest.b.digest('hex').slice(0, 12)})`);
