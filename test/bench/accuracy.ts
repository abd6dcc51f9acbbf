// npm run bench:accuracy — the acceptance measurement of issue 2.
//
// For every NTREX document and every non-English edition: render the edition
// and three references (en, fr, de; es stands in for the checked one) as EU
// Reporter-like pages, each with its own layout and sidebar noise, and call the
// Node API exactly as an outside user would: checkEditions({url, html}, refs).
// Measured: false alarms on clean articles (overall and per language), recall
// per injected error type, the digit-matching baseline on the same trials, and
// speed (per call, and at 1×/10×/100× article length). Targets are reported
// with PASS/MISS, never asserted: the exit code is non-zero only on a crash.
//
//   npx tsx test/bench/accuracy.ts [--data DIR] [--docs N] [--langs az,ru] [--types-per-pair 1..5]
//                                  [--max-seconds 300] [--no-speed] [--out FILE] [--trace DOC_ID:LANG]
// --types-per-pair: injected errors tried per (document, edition), rotating over the types (default 1; 5 = all).
// --max-seconds: time budget; pairs run in a seeded shuffled order, so a cut-short run still spans all languages.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import {
  type ArticleText,
  LAYOUTS,
  type Layout,
  type NtrexDoc,
  editionUrl,
  hashString,
  loadNtrex,
  ntrexArticle,
  renderArticlePage,
  seededRandom,
  slug,
} from '../fixtures/render';
import { baselineFlags } from './baseline';
import { ERROR_TYPES, type ErrorType, injectError, judge } from './inject';

// ---------------------------------------------------------------- the Node API contract (issue 2, item 5)

interface PageInput {
  url: string;
  html: string;
}
interface ApiFlag {
  kind: string;
  paragraph: number;
  start: number;
  end: number;
  text: string;
  message: string;
  evidence: { lang: string; text: string }[];
}
interface ApiReport {
  lang: string;
  paragraphs: string[];
  references: { url: string; lang: string; status: string; reason?: string }[];
  flags: ApiFlag[];
}
type CheckEditions = (current: PageInput, refs: PageInput[], options?: unknown) => ApiReport | Promise<ApiReport>;

async function loadApi(): Promise<CheckEditions> {
  const mod = (await import('../../src/node/index')) as { checkEditions?: CheckEditions };
  if (typeof mod.checkEditions !== 'function') throw new Error('src/node/index does not export checkEditions');
  return mod.checkEditions;
}

// ---------------------------------------------------------------- options

const { values: argv } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(import.meta.dirname, '../../../shared/data/ntrex-dev') },
    docs: { type: 'string' },
    langs: { type: 'string' },
    'types-per-pair': { type: 'string', default: '1' },
    'no-speed': { type: 'boolean', default: false },
    'max-seconds': { type: 'string', default: '300' },
    trace: { type: 'string' },
    out: { type: 'string', default: 'artifacts/bench-accuracy.json' },
  },
});

const REFERENCE_LANGS = ['en', 'fr', 'de'];
const STAND_IN = 'es';
/** --trace DOC_ID:LANG checks that one pair with every error type and prints each report's flags: for debugging a miss. */
const TRACE = argv.trace ? { doc: argv.trace.slice(0, argv.trace.lastIndexOf(':')), lang: argv.trace.slice(argv.trace.lastIndexOf(':') + 1) } : undefined;
const TYPES_PER_PAIR = TRACE ? ERROR_TYPES.length : Math.max(1, Math.min(ERROR_TYPES.length, Number(argv['types-per-pair'])));

function trace(what: string, run: Run) {
  if (!TRACE) return;
  console.log(`\n[trace] ${what}`);
  if (run.error) console.log(`  engine error: ${run.error}`);
  run.report?.flags.forEach((f) => console.log(`  flag ${f.kind} ¶${f.paragraph} [${f.start},${f.end}) "${f.text}" — ${f.message}`));
  run.report?.paragraphs.forEach((para, i) => console.log(`  ¶${i} ${para}`));
}

/** en, fr, de; es replaces whichever of them is being checked. */
const referencesFor = (lang: string) => REFERENCE_LANGS.map((l) => (l === lang ? STAND_IN : l));

// ---------------------------------------------------------------- pages

/** A rendered page and the paragraphs it was rendered from (title first): the ground truth the baseline compares. */
type RenderedPage = PageInput & { paragraphs: string[]; layout: Layout };

interface Edition {
  lang: string;
  text: ArticleText;
}

interface DocPages {
  doc: NtrexDoc;
  index: number;
  path: string;
  published: string;
  siblings: Record<string, string>;
  /** Rendered reference pages, by language: the same page whichever edition is checked. */
  refPages: Map<string, RenderedPage>;
}

/** A stable publication date per document, so every edition states the same one. */
function publishedFor(id: string): string {
  const day = hashString(id) % 2500;
  return new Date(Date.UTC(2018, 0, 1) + day * 86_400_000).toISOString().replace('.000Z', '+00:00');
}

function renderEdition(p: DocPages, e: Edition, layoutIndex: number): RenderedPage {
  const url = editionUrl(e.lang, p.path);
  const layout = LAYOUTS[layoutIndex % LAYOUTS.length];
  const html = renderArticlePage({
    lang: e.lang,
    url,
    title: e.text.title,
    paragraphs: e.text.paragraphs,
    layout,
    noiseSeed: hashString(`${p.doc.id}|${e.lang}`),
    published: p.published,
    siblings: p.siblings,
    // Bold figures and tag links split the body's text nodes, as on the real site.
    inlineMarkup: true,
  });
  return { url, html, paragraphs: [e.text.title, ...e.text.paragraphs], layout };
}

function docPages(doc: NtrexDoc, index: number): DocPages | undefined {
  const english = ntrexArticle(doc, 'en');
  if (!english) return undefined;
  const path = `/${slug(english.title)}/`;
  const siblings = Object.fromEntries(Object.keys(doc.editions).map((l) => [l, editionUrl(l, path)]));
  const p: DocPages = { doc, index, path, published: publishedFor(doc.id), siblings, refPages: new Map() };
  [...REFERENCE_LANGS, STAND_IN].forEach((lang, j) => {
    const text = ntrexArticle(doc, lang);
    if (text) p.refPages.set(lang, renderEdition(p, { lang, text }, index + j + 1));
  });
  return p;
}

// ---------------------------------------------------------------- one check

interface Run {
  report?: ApiReport;
  error?: string;
  ms: number;
}

async function timedCheck(api: CheckEditions, current: PageInput, refs: PageInput[]): Promise<Run> {
  const t0 = performance.now();
  try {
    const report = await api(current, refs);
    return { report, ms: performance.now() - t0 };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 };
  }
}

// ---------------------------------------------------------------- tallies

interface Tally {
  n: number;
  k: number;
}
const rate = (t: Tally) => (t.n === 0 ? NaN : t.k / t.n);
const pct = (x: number) => (Number.isNaN(x) ? '   n/a' : `${(100 * x).toFixed(1).padStart(5)}%`);
const bump = (m: Map<string, Tally>, key: string, hit: boolean) => {
  const t = m.get(key) ?? { n: 0, k: 0 };
  t.n++;
  if (hit) t.k++;
  m.set(key, t);
};

interface Example {
  doc: string;
  lang: string;
  detail: string;
}

const state = {
  cleanEngine: new Map<string, Tally>(), // per lang: articles with any flag
  cleanBaseline: new Map<string, Tally>(),
  flagKinds: new Map<string, number>(),
  refStatus: new Map<string, number>(),
  recall: new Map<string, Tally>(), // per type and type:subtype
  recallBaseline: new Map<string, Tally>(),
  recallByLang: new Map<string, Tally>(), // all error types together, per language (JSON only)
  outcomes: new Map<string, number>(),
  extraction: new Map<string, Tally>(), // per layout of the checked page: extracted paragraphs exactly the rendered ones
  cleanByLayout: new Map<string, Tally>(),
  extractionDiffs: [] as Example[],
  injectedWithExtraFlags: { n: 0, k: 0 } as Tally,
  skipped: new Map<string, number>(),
  engineErrors: [] as Example[],
  falseAlarms: [] as Example[],
  misses: [] as Example[],
  times: [] as number[],
};

const count = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);
const MAX_EXAMPLES_PER_LANG = 3;
const examplesOf = (xs: Example[], lang: string) => xs.filter((x) => x.lang === lang).length;

// ---------------------------------------------------------------- trials

async function cleanTrial(api: CheckEditions, p: DocPages, e: Edition, langIndex: number, refs: (RenderedPage)[]) {
  const page = renderEdition(p, e, p.index + langIndex);
  const run = await timedCheck(api, page, refs);
  trace(`clean ${e.lang}`, run);
  state.times.push(run.ms);
  if (!run.report) {
    state.engineErrors.push({ doc: p.doc.id, lang: e.lang, detail: run.error ?? '' });
    bump(state.cleanEngine, e.lang, true);
  } else {
    const flags = run.report.flags;
    bump(state.cleanEngine, e.lang, flags.length > 0);
    bump(state.cleanByLayout, page.layout, flags.length > 0);
    checkExtraction(run.report.paragraphs, page, p.doc.id, e.lang);
    flags.forEach((f) => count(state.flagKinds, f.kind));
    run.report.references.forEach((r) => count(state.refStatus, r.status));
    if (flags.length > 0 && examplesOf(state.falseAlarms, e.lang) < MAX_EXAMPLES_PER_LANG) {
      const f = flags[0];
      state.falseAlarms.push({ doc: p.doc.id, lang: e.lang, detail: `${f.kind} "${f.text}" — ${f.message}` });
    }
  }
  const base = baselineFlags(page.paragraphs, refs.map((r) => r.paragraphs));
  bump(state.cleanBaseline, e.lang, base.length > 0);
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Extraction is right when the report's paragraphs are exactly the rendered title and body: no noise in, no paragraph lost. */
function checkExtraction(extracted: string[], page: RenderedPage, doc: string, lang: string) {
  const want = page.paragraphs.map(norm);
  const got = extracted.map(norm);
  const exact = want.length === got.length && want.every((w, i) => w === got[i]);
  bump(state.extraction, page.layout, exact);
  if (exact || state.extractionDiffs.filter((x) => x.detail.startsWith(page.layout)).length >= MAX_EXAMPLES_PER_LANG) return;
  const extra = got.find((g) => !want.includes(g));
  const lost = want.find((w) => !got.includes(w));
  const detail = `${page.layout}: ${got.length} paragraphs for ${want.length}; ${extra ? `extra "${extra.slice(0, 80)}"` : ''} ${lost ? `lost "${lost.slice(0, 80)}"` : ''}`;
  state.extractionDiffs.push({ doc, lang, detail });
}

/** The error types tried on the pair: a rotation over all types, so each type gets about the same share of pairs. */
function typesFor(docIndex: number, langIndex: number): ErrorType[] {
  const first = (docIndex + langIndex) % ERROR_TYPES.length;
  return ERROR_TYPES.map((_, k) => ERROR_TYPES[(first + k) % ERROR_TYPES.length]);
}

async function injectedTrials(api: CheckEditions, p: DocPages, e: Edition, langIndex: number, refs: (RenderedPage)[]) {
  let done = 0;
  const refTexts = refs.map((r) => ({ title: r.paragraphs[0], paragraphs: r.paragraphs.slice(1) }));
  // Walk the rotation; a type the article offers no target for passes the turn to the next one.
  for (const type of typesFor(p.index, langIndex)) {
    if (done >= TYPES_PER_PAIR) break;
    const injected = injectError(type, e.text, refTexts, e.lang, hashString(`${p.doc.id}|${e.lang}|${type}`));
    if (!injected) {
      count(state.skipped, type);
      continue;
    }
    done++;
    const page = renderEdition(p, { lang: e.lang, text: injected.article }, p.index + langIndex);
    const run = await timedCheck(api, page, refs);
    const inj = injected.injection;
    trace(`${inj.type}/${inj.subtype} ¶${inj.paragraph} ${inj.change} at ${JSON.stringify(inj.ranges)}`, run);
    const { outcome, extraFlags } = run.report ? judge(run.report, inj) : { outcome: 'engine-error', extraFlags: 0 };
    const hit = outcome === 'hit';
    for (const key of [inj.type, `${inj.type}:${inj.subtype}`]) bump(state.recall, key, hit);
    bump(state.recallByLang, e.lang, hit);
    count(state.outcomes, `${inj.type}:${outcome}`);
    // The baseline works on whole paragraphs: it catches the error when the injected paragraph is flagged and was not before.
    const refParas = refs.map((r) => r.paragraphs);
    const baselineHit =
      baselineFlags(page.paragraphs, refParas).includes(inj.paragraph) && !baselineFlags([e.text.title, ...e.text.paragraphs], refParas).includes(inj.paragraph);
    for (const key of [inj.type, `${inj.type}:${inj.subtype}`]) bump(state.recallBaseline, key, baselineHit);
    state.injectedWithExtraFlags.n++;
    if (extraFlags > 0) state.injectedWithExtraFlags.k++;
    if (!hit && examplesOf(state.misses, e.lang) < MAX_EXAMPLES_PER_LANG) {
      state.misses.push({ doc: p.doc.id, lang: e.lang, detail: `${inj.type}/${inj.subtype} ${inj.change} → ${outcome}` });
    }
  }
}

// ---------------------------------------------------------------- speed at 1×, 10×, 100×

const repeatText = (t: ArticleText, k: number): ArticleText => ({ title: t.title, paragraphs: Array.from({ length: k }, () => t.paragraphs).flat() });

async function lengthScaling(api: CheckEditions, p: DocPages, lang: string) {
  const rows: { factor: number; paragraphs: number; bytes: number; ms: number }[] = [];
  for (const factor of [1, 10, 100]) {
    const scaled: DocPages = { ...p, refPages: new Map() };
    const refs = referencesFor(lang).map((l, j) => renderEdition(scaled, { lang: l, text: repeatText(ntrexArticle(p.doc, l)!, factor) }, j + 1));
    const page = renderEdition(scaled, { lang, text: repeatText(ntrexArticle(p.doc, lang)!, factor) }, 0);
    const reps = factor === 100 ? 2 : 5;
    const ms: number[] = [];
    for (let r = 0; r < reps; r++) ms.push((await timedCheck(api, page, refs)).ms);
    rows.push({ factor, paragraphs: page.paragraphs.length, bytes: page.html.length + refs.reduce((s, r) => s + r.html.length, 0), ms: Math.min(...ms) });
  }
  return rows;
}

// ---------------------------------------------------------------- adversarial input (issue 2: 1 MB in linear time)

/** Pieces the engine's readers must not choke on: long digit runs, separator soup, other digit systems, scale and percent words. */
const ADVERSARIAL_PIECES = ['9'.repeat(400), '1,2.3,4.5,6.7,8.9', '١٢٣٬٤٥٦٫٧', '१२,३४,५६७', '2000万亿億', '5,5 milyon 303% faiz', '$$$€€€ 12.000.000,00', 'Qazaxıstan Вассиленко 東京 ', '٪٪ 1.1.1.1.1', '0x1F 1e9 -3'];

/** `bytes` of adversarial text in 2 KB paragraphs, the same for a given seed. */
function adversarialParagraphs(bytes: number, seed: number): string[] {
  const rnd = seededRandom(seed);
  const paragraphs: string[] = [];
  let total = 0;
  while (total < bytes) {
    let p = '';
    while (p.length < 2048) p += ADVERSARIAL_PIECES[Math.floor(rnd() * ADVERSARIAL_PIECES.length)] + ' ';
    paragraphs.push(p);
    total += p.length;
  }
  return paragraphs;
}

async function adversarialScaling(api: CheckEditions) {
  const rows: { bytes: number; ms: number }[] = [];
  for (const bytes of [64 * 1024, 256 * 1024, 1024 * 1024]) {
    const page = (lang: string, seed: number): PageInput => {
      const url = editionUrl(lang, '/adversarial-input/');
      return { url, html: renderArticlePage({ lang, url, title: 'Adversarial 2024', paragraphs: adversarialParagraphs(bytes, seed) }) };
    };
    const current = page('az', 1);
    const refs = [page('en', 2)];
    const ms: number[] = [];
    for (let r = 0; r < 2; r++) ms.push((await timedCheck(api, current, refs)).ms);
    rows.push({ bytes, ms: Math.min(...ms) });
  }
  return rows;
}

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

// ---------------------------------------------------------------- report

interface Target {
  name: string;
  goal: string;
  value: string;
  n: number;
  pass: boolean;
}

const total = (m: Map<string, Tally>, keys?: string[]) =>
  [...m].filter(([k]) => !keys || keys.includes(k)).reduce((s, [, t]) => ({ n: s.n + t.n, k: s.k + t.k }), { n: 0, k: 0 });

function targets(speed: Pick<Speed, 'median' | 'p95' | 'scaling' | 'adversarial'>): Target[] {
  const clean = total(state.cleanEngine);
  const worstLang = [...state.cleanEngine].sort((a, b) => rate(b[1]) - rate(a[1]))[0];
  const r = (key: string) => state.recall.get(key) ?? { n: 0, k: 0 };
  const atLeast = (name: string, key: string, goal: number): Target => ({
    name,
    goal: `≥ ${goal * 100}%`,
    value: pct(rate(r(key))).trim(),
    n: r(key).n,
    pass: rate(r(key)) >= goal,
  });
  const list: Target[] = [
    atLeast('recall: digit change', 'digit', 0.98),
    atLeast('recall: scale ×10', 'scale', 0.98),
    atLeast('recall: altered name', 'name', 0.9),
    atLeast('recall: dropped figure', 'drop', 0.7),
    atLeast('recall: swapped figures', 'swap', 0.5),
    atLeast('recall: swap, different roles ("always")', 'swap:different-role', 0.98),
    { name: 'clean articles with any flag', goal: '≤ 5%', value: pct(rate(clean)).trim(), n: clean.n, pass: rate(clean) <= 0.05 },
    {
      name: `worst language (${worstLang?.[0]})`,
      goal: '≤ 15%',
      value: pct(worstLang ? rate(worstLang[1]) : NaN).trim(),
      n: worstLang?.[1].n ?? 0,
      pass: !!worstLang && rate(worstLang[1]) <= 0.15,
    },
  ];
  if (!Number.isNaN(speed.median)) {
    list.push({ name: 'checkEditions median', goal: '≤ 10 ms', value: `${speed.median.toFixed(1)} ms`, n: state.times.length, pass: speed.median <= 10 });
    list.push({ name: 'checkEditions p95', goal: '≤ 30 ms', value: `${speed.p95.toFixed(1)} ms`, n: state.times.length, pass: speed.p95 <= 30 });
  }
  if (speed.scaling) {
    const [, x10, x100] = speed.scaling;
    // Linear: ten times the text takes at most ~15× the time (allowing for noise on a shared machine).
    const ratio = x100.ms / x10.ms;
    list.push({ name: 'linear growth (time 100× / time 10×)', goal: '≤ 15', value: ratio.toFixed(1), n: 1, pass: ratio <= 15 });
  }
  if (speed.adversarial) {
    const [, quarter, full] = speed.adversarial;
    // Four times the adversarial text: linear is ~4×; allow up to 6× for noise, quadratic would be 16×.
    const ratio = full.ms / quarter.ms;
    list.push({ name: 'adversarial 1 MB linear (time 1 MB / time 256 KB)', goal: '≤ 6', value: `${ratio.toFixed(1)} (${(full.ms / 1000).toFixed(2)} s)`, n: 1, pass: ratio <= 6 });
  }
  return list;
}

function printTable(title: string, header: string[], rows: (string | number)[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: (string | number)[]) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  rows.forEach((r) => console.log(line(r)));
}

function recallRows(): (string | number)[][] {
  const keys = [...state.recall.keys()].sort((a, b) => ERROR_TYPES.indexOf(a.split(':')[0] as ErrorType) - ERROR_TYPES.indexOf(b.split(':')[0] as ErrorType) || a.localeCompare(b));
  return keys.map((k) => {
    const e = state.recall.get(k)!;
    const b = state.recallBaseline.get(k)!;
    return [k, e.n, pct(rate(e)), pct(rate(b))];
  });
}

function langRows(): (string | number)[][] {
  return [...state.cleanEngine]
    .sort((a, b) => rate(b[1]) - rate(a[1]) || a[0].localeCompare(b[0]))
    .map(([lang, t]) => [lang, t.n, pct(rate(t)), pct(rate(state.cleanBaseline.get(lang)!))]);
}

// ---------------------------------------------------------------- main

/** Every (document, edition) pair, in a seeded shuffled order: a run cut short by the time budget still covers every language. */
function pairOrder(pages: DocPages[], langFilter?: Set<string>): { p: DocPages; lang: string; langIndex: number }[] {
  const pairs = pages.flatMap((p) =>
    Object.keys(p.doc.editions)
      .filter((l) => l !== 'en' && (!langFilter || langFilter.has(l)))
      .sort()
      .map((lang, langIndex) => ({ p, lang, langIndex })),
  );
  const rng = seededRandom(2024);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  return pairs;
}

async function main() {
  const api = await loadApi();
  const all = loadNtrex(argv.data!);
  const docs = argv.docs ? all.slice(0, Number(argv.docs)) : all;
  const pages = docs.map((d, i) => docPages(d, i)).filter((p): p is DocPages => !!p);
  const pairs = pairOrder(pages, argv.langs ? new Set(argv.langs.split(',')) : undefined).filter(
    ({ p, lang }) => !TRACE || (p.doc.id === TRACE.doc && lang === TRACE.lang),
  );
  const budgetMs = Number(argv['max-seconds']) * 1000;
  const started = performance.now();
  let done = 0;
  for (const { p, lang, langIndex } of pairs) {
    if (performance.now() - started > budgetMs) break;
    const text = ntrexArticle(p.doc, lang);
    const refs = referencesFor(lang).map((l) => p.refPages.get(l)).filter((r): r is RenderedPage => !!r);
    if (!text || refs.length === 0) continue;
    await cleanTrial(api, p, { lang, text }, langIndex, refs);
    await injectedTrials(api, p, { lang, text }, langIndex, refs);
    if (++done % 100 === 0) process.stderr.write(`\r${done}/${pairs.length} (document, edition) pairs, ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  process.stderr.write('\n');
  const coverage = { pairs: pairs.length, checked: done };
  if (done < pairs.length) console.log(`Time budget (--max-seconds ${argv['max-seconds']}) reached: ${done} of ${pairs.length} (document, edition) pairs checked, in a seeded random order.`);

  const scaling = !argv['no-speed'] && pages[0] ? await lengthScaling(api, pages[0], 'az') : undefined;
  const adversarial = argv['no-speed'] ? undefined : await adversarialScaling(api);
  const speed = { median: quantile(state.times, 0.5), p95: quantile(state.times, 0.95), n: state.times.length, scaling, adversarial };
  report(speed, performance.now() - started, coverage);
}

type Speed = {
  median: number;
  p95: number;
  n: number;
  scaling?: { factor: number; paragraphs: number; bytes: number; ms: number }[];
  adversarial?: { bytes: number; ms: number }[];
};
type Coverage = { pairs: number; checked: number };

function report(speed: Speed, elapsed: number, coverage: Coverage) {
  const clean = total(state.cleanEngine);
  const cleanBase = total(state.cleanBaseline);
  printTable('Recall per injected error (one error per article; N = articles; baseline: the injected paragraph newly flagged)', ['error', 'N', 'engine', 'baseline'], recallRows());
  printTable('Clean articles with any flag', ['', 'N', 'engine', 'baseline'], [['all languages', clean.n, pct(rate(clean)), pct(rate(cleanBase))]]);
  printTable('Clean articles with any flag, per language (worst first)', ['lang', 'N', 'engine', 'baseline'], langRows());
  const layoutRows = LAYOUTS.map((l) => [l, state.extraction.get(l)?.n ?? 0, pct(rate(state.extraction.get(l) ?? { n: 0, k: 0 })), pct(rate(state.cleanByLayout.get(l) ?? { n: 0, k: 0 }))]);
  printTable('Extraction of the checked page, per layout (clean articles)', ['layout', 'N', 'exact', 'any flag'], layoutRows);
  state.extractionDiffs.forEach((x) => console.log(`  ${x.lang} ${x.doc}: ${x.detail}`));
  console.log(`\nFlags on clean articles by kind: ${JSON.stringify(Object.fromEntries(state.flagKinds))}`);
  console.log(`Reference statuses on clean articles: ${JSON.stringify(Object.fromEntries(state.refStatus))}`);
  console.log(`Injected articles with flags outside the injected paragraph: ${pct(rate(state.injectedWithExtraFlags))} (N=${state.injectedWithExtraFlags.n})`);
  console.log(`Outcomes: ${JSON.stringify(Object.fromEntries([...state.outcomes].sort()))}`);
  console.log(`Pairs without a target, by type: ${JSON.stringify(Object.fromEntries(state.skipped))}`);
  if (state.engineErrors.length) console.log(`Engine errors: ${state.engineErrors.length}, first: ${JSON.stringify(state.engineErrors[0])}`);
  if (!Number.isNaN(speed.median)) console.log(`\nSpeed: median ${speed.median.toFixed(1)} ms, p95 ${speed.p95.toFixed(1)} ms per checkEditions call with 3 references, clean articles (N=${speed.n})`);
  if (speed.scaling) {
    const rows = speed.scaling.map((s) => [`${s.factor}×`, s.paragraphs, s.bytes, s.ms.toFixed(1), (s.ms / s.paragraphs).toFixed(2)]);
    printTable('Time vs article length (min of repeats)', ['length', 'paragraphs', 'HTML bytes (4 pages)', 'ms', 'ms/paragraph'], rows);
  }
  if (speed.adversarial) {
    const rows = speed.adversarial.map((a) => [`${a.bytes / 1024} KB`, a.ms.toFixed(0), (a.ms / (a.bytes / 1024)).toFixed(2)]);
    printTable('Adversarial input (digit runs, separators, mixed scripts; current + 1 reference of that size)', ['size', 'ms', 'ms/KB'], rows);
  }
  const t = targets(speed);
  printTable('Targets (issue 2)', ['target', 'goal', 'measured', 'N', ''], t.map((x) => [x.name, x.goal, x.value, x.n, x.pass ? 'PASS' : 'MISS']));
  console.log(`\nExamples of false alarms (first per language, worst languages):`);
  const worst = langRows().slice(0, 10).map((r) => r[0] as string);
  for (const lang of worst) for (const x of state.falseAlarms.filter((e) => e.lang === lang).slice(0, 1)) console.log(`  ${x.lang} ${x.doc}: ${x.detail}`);
  console.log(`\nTotal ${(elapsed / 1000).toFixed(0)} s`);
  writeJson(speed, t, elapsed, coverage);
}

function writeJson(speed: Speed, t: Target[], elapsed: number, coverage: Coverage) {
  const obj = (m: Map<string, Tally>) => Object.fromEntries([...m].map(([k, v]) => [k, { n: v.n, flagged: v.k, rate: rate(v) }]));
  const out = {
    config: { data: argv.data, references: REFERENCE_LANGS, standIn: STAND_IN, typesPerPair: TYPES_PER_PAIR, elapsedMs: Math.round(elapsed), coverage },
    targets: t,
    clean: { engine: obj(state.cleanEngine), baseline: obj(state.cleanBaseline), flagKinds: Object.fromEntries(state.flagKinds), referenceStatus: Object.fromEntries(state.refStatus) },
    recall: { engine: obj(state.recall), baseline: obj(state.recallBaseline), engineByLang: obj(state.recallByLang), outcomes: Object.fromEntries(state.outcomes), skipped: Object.fromEntries(state.skipped) },
    speed,
    extraction: { exact: obj(state.extraction), cleanFlaggedByLayout: obj(state.cleanByLayout) },
    examples: { extraction: state.extractionDiffs, falseAlarms: state.falseAlarms, misses: state.misses, engineErrors: state.engineErrors.slice(0, 50) },
  };
  mkdirSync(dirname(argv.out!), { recursive: true });
  writeFileSync(argv.out!, JSON.stringify(out, null, 2));
  console.log(`Wrote ${argv.out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
