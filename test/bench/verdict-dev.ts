// Dev measurement for the verdict engine, straight on extracted articles (no
// HTML): false alarms on clean NTREX documents per language, and recall of
// simple injected errors. The official benchmark (bench:accuracy) renders pages;
// this one isolates checkArticles so verdict changes can be judged quickly.
//
//   npx tsx test/bench/verdict-dev.ts [--docs N] [--langs az,sw,zh-CN] [--show kind]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkArticles } from '../../src/core/check';
import { extractFigures } from '../../src/core/figures';
import { extractNames } from '../../src/core/names';
import type { Article, Flag, ReferenceInput } from '../../src/core/types';

const DATA = '/work/shared/data/ntrex-dev';
const args = process.argv.slice(2);
const arg = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};

interface Doc {
  id: string;
  editions: Record<string, string[]>;
}

const docs: Doc[] = readdirSync(DATA)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .slice(0, Number(arg('docs') ?? 1e9))
  .map((f) => JSON.parse(readFileSync(join(DATA, f), 'utf8')));

function rng(seed: string): () => number {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return ((h ^= h >>> 16) >>> 0) / 4294967296;
  };
}

/** Title, then paragraphs of 1–3 sentences, the same grouping in every edition of a document. */
function grouping(doc: Doc): number[] {
  const n = doc.editions.en.length;
  const rand = rng(doc.id);
  const sizes = [1];
  for (let used = 1; used < n; ) {
    const k = Math.min(n - used, 1 + Math.floor(rand() * 3));
    sizes.push(k);
    used += k;
  }
  return sizes;
}

function article(doc: Doc, lang: string): Article | null {
  const sentences = doc.editions[lang];
  if (!sentences) return null;
  const paragraphs: string[] = [];
  let at = 0;
  for (const k of grouping(doc)) {
    paragraphs.push(sentences.slice(at, at + k).map((s) => s.trim()).join(' '));
    at += k;
  }
  return { url: `https://${lang}.eureporter.co/${doc.id}/`, lang, path: `/${doc.id}/`, paragraphs };
}

const REFS = ['en', 'fr', 'de'];
const refLangs = (lang: string) => [...REFS.filter((l) => l !== lang), ...(REFS.includes(lang) ? ['es'] : [])];

type Injection = 'digit' | 'scale' | 'swap' | 'drop' | 'name';
interface Injected {
  paragraphs: string[];
  p: number;
  start: number;
  end: number;
}

const replaceAt = (s: string, start: number, end: number, by: string) => s.slice(0, start) + by + s.slice(end);

/** One MT-like error in one paragraph, or null when the article offers no place for it. */
function inject(a: Article, kind: Injection, rand: () => number): Injected | null {
  const figs = a.paragraphs.map((t) => extractFigures(t, a.lang));
  const pick = <T>(xs: T[]) => (xs.length ? xs[Math.floor(rand() * xs.length)] : undefined);
  const withP = figs.flatMap((fs, p) => fs.map((f) => ({ p, f })));
  const edit = (p: number, text: string) => a.paragraphs.map((t, i) => (i === p ? text : t));
  switch (kind) {
    case 'digit': {
      const c = pick(withP.filter(({ f }) => /\d/.test(f.text)));
      if (!c) return null;
      const digits = [...c.f.text.matchAll(/\d/g)];
      const d = pick(digits)!;
      const at = c.f.start + d.index!;
      const by = String((Number(d[0]) + 1 + Math.floor(rand() * 8)) % 10);
      return { paragraphs: edit(c.p, replaceAt(a.paragraphs[c.p], at, at + 1, by)), p: c.p, start: c.f.start, end: c.f.end };
    }
    case 'scale': {
      const c = pick(withP.filter(({ f }) => f.scale > 1 && /\d/.test(f.text)));
      if (!c) return null;
      const m = /\d+/.exec(c.f.text)!;
      const at = c.f.start + m.index + m[0].length;
      return { paragraphs: edit(c.p, replaceAt(a.paragraphs[c.p], at, at, '0')), p: c.p, start: c.f.start, end: c.f.end + 1 };
    }
    case 'swap': {
      const pairs = withP.flatMap((x, i) => withP.slice(i + 1).filter((y) => y.p === x.p && y.f.kind !== x.f.kind && x.f.mantissa !== y.f.mantissa).map((y) => [x, y] as const));
      const pair = pick(pairs.filter(([x, y]) => /\d/.test(x.f.text) && /\d/.test(y.f.text)));
      if (!pair) return null;
      const [x, y] = pair;
      const dx = /\d[\d.,]*/.exec(x.f.text)!;
      const dy = /\d[\d.,]*/.exec(y.f.text)!;
      let t = a.paragraphs[x.p];
      t = replaceAt(t, y.f.start + dy.index, y.f.start + dy.index + dy[0].length, dx[0]);
      t = replaceAt(t, x.f.start + dx.index, x.f.start + dx.index + dx[0].length, dy[0]);
      return { paragraphs: edit(x.p, t), p: x.p, start: x.f.start, end: y.f.end };
    }
    case 'drop': {
      const c = pick(withP.filter(({ f }) => ['money', 'percent', 'year', 'date', 'count'].includes(f.kind)));
      if (!c) return null;
      return { paragraphs: edit(c.p, replaceAt(a.paragraphs[c.p], c.f.start, c.f.end, '')), p: c.p, start: c.f.start, end: c.f.start };
    }
    case 'name': {
      const names = a.paragraphs.flatMap((t, p) => extractNames(t, a.lang).filter((n) => /^[A-Za-z][a-z]{3,}/.test(n.text) && !n.country).map((n) => ({ p, n })));
      const c = pick(names);
      if (!c) return null;
      const at = c.n.start + 1 + Math.floor(rand() * Math.min(3, c.n.text.length - 2));
      const ch = a.paragraphs[c.p][at];
      const by = ch === 'e' ? 'a' : ch === 'a' ? 'o' : 'e';
      return { paragraphs: edit(c.p, replaceAt(a.paragraphs[c.p], at, at + 1, by)), p: c.p, start: c.n.start, end: c.n.end };
    }
  }
}

/** A flag on the injected span; a dropped figure is found by a missing flag anywhere in its paragraph (it marks the sentence end). */
const caught = (flags: Flag[], inj: Injected, kind: Injection) =>
  flags.some((f) => f.paragraph === inj.p && (kind === 'drop' ? f.kind === 'missing' : f.start <= inj.end && f.end >= inj.start));

const KINDS: Injection[] = ['digit', 'scale', 'swap', 'drop', 'name'];
const only = arg('langs')?.split(',');
const show = arg('show');
const langs = [...new Set(docs.flatMap((d) => Object.keys(d.editions)))].filter((l) => !only || only.includes(l)).sort();

const perLang = new Map<string, { clean: number; alarms: number }>();
const recall = new Map<Injection, { n: number; hit: number }>(KINDS.map((k) => [k, { n: 0, hit: 0 }]));
const alarmKinds = new Map<string, number>();
const times: number[] = [];

for (const doc of docs) {
  for (const lang of langs) {
    const cur = article(doc, lang);
    if (!cur) continue;
    const refs: ReferenceInput[] = refLangs(lang).flatMap((l) => {
      const a = article(doc, l);
      return a ? [{ url: a.url, lang: l, article: a }] : [];
    });
    const t0 = performance.now();
    const report = checkArticles(cur, refs);
    times.push(performance.now() - t0);
    const row = perLang.get(lang) ?? { clean: 0, alarms: 0 };
    row.clean++;
    if (report.flags.length) row.alarms++;
    perLang.set(lang, row);
    for (const f of report.flags) {
      alarmKinds.set(f.kind, (alarmKinds.get(f.kind) ?? 0) + 1);
      if (show === f.kind || show === 'all') console.log(`[clean ${lang} ${doc.id}] ${f.kind} «${f.text}» ${f.message}\n   cur: ${cur.paragraphs[f.paragraph].slice(0, 200)}\n   ref: ${f.evidence[0]?.text}`);
    }
    const rand = rng(`${doc.id}:${lang}`);
    for (const kind of KINDS) {
      const inj = inject(cur, kind, rand);
      if (!inj) continue;
      const r = recall.get(kind)!;
      r.n++;
      const flags = checkArticles({ ...cur, paragraphs: inj.paragraphs }, refs).flags;
      if (caught(flags, inj, kind)) r.hit++;
      else if (show === `miss-${kind}`) console.log(`[miss ${kind} ${lang} ${doc.id}] ${inj.paragraphs[inj.p].slice(Math.max(0, inj.start - 60), inj.end + 60)}\n   flags: ${flags.map((f) => `${f.kind}@${f.paragraph}:${f.text}`).join(', ')}`);
    }
  }
}

const pct = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '-');
const rows = [...perLang].sort((a, b) => b[1].alarms / b[1].clean - a[1].alarms / a[1].clean);
const total = rows.reduce((s, [, r]) => ({ clean: s.clean + r.clean, alarms: s.alarms + r.alarms }), { clean: 0, alarms: 0 });
console.log(`clean articles with any flag: ${pct(total.alarms, total.clean)}% of ${total.clean}; flags by kind: ${JSON.stringify(Object.fromEntries(alarmKinds))}`);
console.log(`worst languages: ${rows.slice(0, 12).map(([l, r]) => `${l} ${pct(r.alarms, r.clean)}%`).join(', ')}`);
console.log(`languages above 15%: ${rows.filter(([, r]) => r.alarms / r.clean > 0.15).length}`);
for (const [k, r] of recall) console.log(`recall ${k.padEnd(6)} ${pct(r.hit, r.n)}% of ${r.n}`);
times.sort((a, b) => a - b);
console.log(`checkArticles ms: median ${times[Math.floor(times.length / 2)]?.toFixed(2)}, p95 ${times[Math.floor(times.length * 0.95)]?.toFixed(2)}`);
