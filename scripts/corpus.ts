// What the local EU Reporter mirror serves: the seed article (five editions,
// test/fixtures/seed), a handful of NTREX news documents in all their ~93
// editions, and a generated article with 2,000 figures for the performance and
// fault tests. Data only; scripts/mirror.ts turns it into pages.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNtrex, ntrexArticle, type ArticleText, type NtrexDoc } from '../test/fixtures/render';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** `../shared` next to the repository (CI clones it there); FACT_FLAGS_SHARED overrides. */
export const SHARED_DIR = process.env.FACT_FLAGS_SHARED ?? join(ROOT, '..', 'shared');

export interface MirrorArticle {
  /** '/kazakhstan-and-belgium-…/': the same in every edition. */
  path: string;
  published?: string;
  /** Category label per edition, shown on listing pages. */
  category?: Record<string, string>;
  editions: Record<string, ArticleText>;
}

const SEED_DIR = join(ROOT, 'test', 'fixtures', 'seed');
export const SEED_LANGS = ['az', 'sw', 'en', 'fr', 'de'] as const;

/** Title on the first line, then paragraphs separated by blank lines. Only line breaks are folded: no-break spaces ("1,7 %") are part of the text. */
function parseEditionText(text: string): ArticleText {
  const [title, ...paragraphs] = text
    .split(/\n[ \t]*\n/)
    .map((b) => b.replace(/[ \t]*\r?\n[ \t]*/g, ' ').trim())
    .filter(Boolean);
  return { title, paragraphs };
}

export function seedArticle(): MirrorArticle {
  const meta = JSON.parse(readFileSync(join(SEED_DIR, 'article.json'), 'utf8')) as Omit<MirrorArticle, 'editions'>;
  const editions = Object.fromEntries(
    SEED_LANGS.map((lang) => [lang, parseEditionText(readFileSync(join(SEED_DIR, `${lang}.txt`), 'utf8'))]),
  );
  return { ...meta, editions };
}

export const SEED_PATH: string = JSON.parse(readFileSync(join(SEED_DIR, 'article.json'), 'utf8')).path;

/**
 * NTREX documents the mirror publishes: chosen for the variety of their figures
 * (money with thousands separators, a death toll, a sports score, a count
 * written as a word in the body and as digits in the headline, pounds with a glued scale).
 */
export const NTREX_IDS = ['cnn.304404', 'euronews-en.153835', 'reuters.218923', 'upi.176275', 'dailymail.co.uk.298595'];

export function slugify(title: string): string {
  return (
    '/' +
    title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 80) +
    '/'
  );
}

export function ntrexMirrorArticle(doc: NtrexDoc): MirrorArticle {
  const editions: Record<string, ArticleText> = {};
  for (const lang of Object.keys(doc.editions)) {
    const a = ntrexArticle(doc, lang);
    if (a) editions[lang] = a;
  }
  // NTREX's sources date from the autumn of 2018; the exact day does not matter, only that every edition agrees.
  return { path: slugify(doc.editions.en[0]), published: '2018-10-01', editions };
}

export function ntrexArticles(ids: readonly string[] = NTREX_IDS): MirrorArticle[] {
  const dir = join(SHARED_DIR, 'data', 'ntrex-dev');
  if (!existsSync(dir)) throw new Error(`NTREX data not found at ${dir} (set FACT_FLAGS_SHARED to the shared/ directory)`);
  const wanted = new Set(ids);
  return loadNtrex(dir)
    .filter((d) => wanted.has(d.id))
    .map(ntrexMirrorArticle);
}

// ------------------------------------------------------------ many figures

/** One sentence per language, five figures each: a district number, a count, a money amount, a percent and a year. */
const MANY_FIGURES_SENTENCE: Record<string, (f: FigureSet) => string> = {
  en: (f) => `In district ${f.district}, ${f.count} households paid €${f.money.en} million in total, ${f.pct.en}% more than in ${f.year}.`,
  fr: (f) => `Dans le district ${f.district}, ${f.count} ménages ont payé au total ${f.money.fr} millions d’euros, soit ${f.pct.fr} % de plus qu’en ${f.year}.`,
  de: (f) => `Im Bezirk ${f.district} zahlten ${f.count} Haushalte insgesamt ${f.money.de} Millionen Euro, ${f.pct.de} % mehr als ${f.year}.`,
  az: (f) => `${f.district} saylı rayonda ${f.count} ailə cəmi ${f.money.az} milyon avro ödəyib, bu, ${f.year}-ci ildəkindən ${f.pct.az}% çoxdur.`,
};

interface FigureSet {
  district: number;
  count: number;
  year: number;
  money: Record<string, string>;
  pct: Record<string, string>;
}

// French and German write a decimal comma; the Azerbaijani edition keeps the point, as machine translation from English does.
const DECIMAL_COMMA = new Set(['fr', 'de']);
const decimal = (lang: string, x: number) => (DECIMAL_COMMA.has(lang) ? x.toFixed(1).replace('.', ',') : x.toFixed(1));

function figureSet(i: number, langs: readonly string[]): FigureSet {
  // Deterministic and varied, with no two sentences alike; no randomness so runs compare.
  const money = 10 + ((i * 37) % 900) / 10;
  const pct = 1 + ((i * 13) % 250) / 10;
  return {
    district: i + 1,
    count: 100 + ((i * 7919) % 9000),
    year: 2000 + (i % 24),
    money: Object.fromEntries(langs.map((l) => [l, decimal(l, money)])),
    pct: Object.fromEntries(langs.map((l) => [l, decimal(l, pct)])),
  };
}

export const MANY_FIGURES_PATH = '/regional-household-spending-district-by-district/';

/**
 * An article with `figureCount` figures (five per sentence, five sentences per
 * paragraph) in English, French, German and Azerbaijani. The Azerbaijani
 * edition has one percent changed in every tenth paragraph, so the check has
 * work to do and marks to place, the way a long machine-translated table would.
 */
export function manyFiguresArticle(figureCount = 2000): MirrorArticle {
  const langs = Object.keys(MANY_FIGURES_SENTENCE);
  const sentences = Math.ceil(figureCount / 5);
  const titles: Record<string, string> = {
    en: 'Household spending, district by district',
    fr: 'Les dépenses des ménages, district par district',
    de: 'Haushaltsausgaben, Bezirk für Bezirk',
    az: 'Ev təsərrüfatlarının xərcləri, rayon-rayon',
  };
  const editions: Record<string, ArticleText> = {};
  for (const lang of langs) {
    const paragraphs: string[] = [];
    for (let s = 0; s < sentences; s += 5) {
      const para = Math.floor(s / 5);
      const parts: string[] = [];
      for (let k = s; k < Math.min(s + 5, sentences); k++) {
        const f = figureSet(k, langs);
        if (lang === 'az' && para % 10 === 0 && k === s) f.pct.az = decimal('az', Number(f.pct.az) + 40);
        parts.push(MANY_FIGURES_SENTENCE[lang](f));
      }
      paragraphs.push(parts.join(' '));
    }
    editions[lang] = { title: titles[lang], paragraphs };
  }
  return { path: MANY_FIGURES_PATH, published: '2024-09-02', editions };
}

/** Everything the mirror serves by default. */
export function defaultCorpus(): MirrorArticle[] {
  return [seedArticle(), ...ntrexArticles(), manyFiguresArticle()];
}
