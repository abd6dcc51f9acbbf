// Machine-translation-like errors, injected one at a time into one edition's
// paragraph text, each with the exact place a checker should flag. Targets are
// chosen with the bench's own digit-run finder (./baseline) and its own small
// role and name heuristics, never with the engine's extractors: the benchmark
// must not grade the engine against the engine's own idea of a figure.
//
// A target is "checkable" when most references' aligned paragraphs have the
// same digit sequence (or the same name): only then can the references
// contradict the change at all. Roles and names are read from the English one.
import type { ArticleText } from '../fixtures/render';
import { seededRandom } from '../fixtures/render';
import { type DigitRun, asciiDigit, digitRuns, digitZero } from './baseline';

export type ErrorType = 'digit' | 'scale' | 'drop' | 'name' | 'swap';
export const ERROR_TYPES: readonly ErrorType[] = ['digit', 'scale', 'drop', 'name', 'swap'];

export interface Range {
  start: number;
  end: number;
}

export interface Injection {
  type: ErrorType;
  /** swap: 'different-role' | 'same-role'; scale: 'scale-word' | 'mantissa'; name: 'replace' | 'letters'; else = type. */
  subtype: string;
  /** Index into [title, ...paragraphs], as in the engine's Report.paragraphs. */
  paragraph: number;
  /** The paragraph's text after injection. */
  text: string;
  /** Where a flag must land, as UTF-16 offsets into `text`; for `drop`, where the figure was (start === end). */
  ranges: Range[];
  /** What was changed, for the report: "523.7 → 52.37". */
  change: string;
}

export interface Injected {
  article: ArticleText;
  injection: Injection;
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)];

/** Replaces [start, end) of s. */
const splice = (s: string, start: number, end: number, by: string) => s.slice(0, start) + by + s.slice(end);

// ---------------------------------------------------------------- checkable figures

// A run touching a colon is part of a clock time ("19:30") or a ratio, not one of
// the figure kinds the issue names; changing half of it tests nothing useful.
const inClockTime = (para: string, r: DigitRun) => para[r.start - 1] === ':' || para[r.end] === ':';

// Zawgyi-encoded Burmese writes the letters wa and ra with the digit code points
// ၀ and ၄ ("ေလ၀သ"): a script's own digit glued to a preceding letter of
// that script is a letter, not a figure. ASCII digits are exempt ("COVID19").
const inWord = (para: string, r: DigitRun) => !/^[0-9]/.test(r.text) && /[\p{L}\p{M}]$/u.test(para.slice(Math.max(0, r.start - 2), r.start));

/** True when `has` holds for a strict majority of the references: what the engine's majority verdict can rest on. */
const inMajority = (refs: readonly string[], has: (ref: string) => boolean) => refs.filter(has).length * 2 > refs.length;

/**
 * Digit runs of `para` whose digit sequence also occurs in the aligned paragraph
 * of most references, and only once in `para`. A number a translator converted
 * ("10 inches" → "25 cm") is no target: the references do not back it.
 */
export function checkableRuns(para: string, refs: readonly string[]): DigitRun[] {
  const refDigits = refs.map((r) => new Set(digitRuns(r).map((x) => x.digits)));
  const runs = digitRuns(para);
  const count = (d: string) => runs.filter((r) => r.digits === d).length;
  return runs.filter(
    (r) => refDigits.filter((set) => set.has(r.digits)).length * 2 > refs.length && count(r.digits) === 1 && !inClockTime(para, r) && !inWord(para, r),
  );
}

// ---------------------------------------------------------------- roles (from English context)

export type Role = 'percent' | 'money' | 'date' | 'year' | 'scaled' | 'number';

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const SCALES = 'thousand|million|billion|trillion|bn|m';
const CURRENCY_WORDS = 'dollars?|euros?|pounds?|yen|yuan|rupees?|roubles?|rubles?|pesos?|francs?';

// First matching rule wins; each looks at the English text just before and after the run.
const ROLE_RULES: readonly { role: Role; before?: RegExp; after?: RegExp; value?: (v: number, run: string) => boolean }[] = [
  { role: 'percent', after: /^\s?(%|per ?cent|percentage points?)/i },
  { role: 'money', before: /([$€£¥₹]|US\$|\b(USD|EUR|GBP)) ?$/ },
  { role: 'money', after: new RegExp(`^\\s?((${SCALES})\\s)?(${CURRENCY_WORDS})\\b`, 'i') },
  { role: 'date', after: new RegExp(`^(st|nd|rd|th)?\\s(of\\s)?(${MONTHS})\\b`), value: (v) => v >= 1 && v <= 31 },
  { role: 'date', before: new RegExp(`\\b(${MONTHS})\\.? $`), value: (v) => v >= 1 && v <= 31 },
  { role: 'year', value: (v, run) => /^\d{4}$/.test(run) && v >= 1800 && v <= 2100 },
  { role: 'scaled', after: new RegExp(`^\\s?(${SCALES})\\b`, 'i') },
];

/** The role the English text gives a run, by its neighbouring words. */
export function englishRole(english: string, run: DigitRun): Role {
  const before = english.slice(Math.max(0, run.start - 8), run.start);
  const after = english.slice(run.end, run.end + 24);
  const value = Number(run.text.replace(/,/g, ''));
  const rule = ROLE_RULES.find(
    (r) => (!r.before || r.before.test(before)) && (!r.after || r.after.test(after)) && (!r.value || r.value(value, run.text)),
  );
  return rule?.role ?? 'number';
}

function roleOf(english: string, digits: string): Role {
  const run = digitRuns(english).find((r) => r.digits === digits);
  return run ? englishRole(english, run) : 'number';
}

// ---------------------------------------------------------------- per-language words from CLDR

/** CLDR's compact long scale words of a language by exponent: 6 → Map(sample mantissa → "milyon"). */
function scaleWords(lang: string): Map<number, Map<number, string>> {
  const byExp = new Map<number, Map<number, string>>();
  let fmt: Intl.NumberFormat;
  try {
    fmt = new Intl.NumberFormat(lang, { notation: 'compact', compactDisplay: 'long', maximumFractionDigits: 1 });
  } catch {
    return byExp;
  }
  // Several mantissas, so each plural form of a word is collected (миллион, миллиона, миллионов).
  for (let exp = 3; exp <= 12; exp++) {
    for (const m of [1, 2, 3, 5, 11, 21, 1.5]) {
      const parts = fmt.formatToParts(m * 10 ** exp);
      const word = parts.find((p) => p.type === 'compact')?.value.trim();
      const mantissa = Number(parts.filter((p) => p.type === 'integer' || p.type === 'fraction' || p.type === 'decimal').map((p) => (p.type === 'decimal' ? '.' : p.value)).join(''));
      // Only words that scale by exactly 10^exp ("500万" for 5e6 means 万 is 1e4, not 1e6);
      // single Latin letters are CLDR's fallback symbols (M, G), never written in running text.
      if (!word || mantissa !== m || /^[A-Za-z]$/.test(word)) continue;
      if (!byExp.has(exp)) byExp.set(exp, new Map());
      byExp.get(exp)!.set(m, word);
    }
  }
  return byExp;
}

const scalePairCache = new Map<string, [string, string][]>();

/** Pairs each scale word with the next larger scale's word of the same plural form: milyon → milyard, 万 → 亿. */
export function scaleUpPairs(lang: string): [string, string][] {
  let pairs = scalePairCache.get(lang);
  if (!pairs) scalePairCache.set(lang, (pairs = buildScalePairs(lang)));
  return pairs;
}

function buildScalePairs(lang: string): [string, string][] {
  const words = scaleWords(lang);
  const exps = [...words.keys()].sort((a, b) => a - b);
  const pairs = new Map<string, string>();
  exps.forEach((e, i) => {
    const next = exps[i + 1];
    if (next === undefined) return;
    for (const [m, w] of words.get(e)!) {
      const up = words.get(next)!.get(m);
      if (up && up.toLowerCase() !== w.toLowerCase() && !pairs.has(w)) pairs.set(w, up);
    }
  });
  // Longest first, so "millions" is matched before "million".
  return [...pairs].sort((a, b) => b[0].length - a[0].length);
}

/** CLDR's long percent unit words ("faiz", "asilimia", "процента"), for removing a figure with its unit. */
function percentWords(lang: string): string[] {
  try {
    const f = new Intl.NumberFormat(lang, { style: 'unit', unit: 'percent', unitDisplay: 'long' });
    const words = [1, 2, 5, 1.5].map((v) => f.formatToParts(v).find((p) => p.type === 'unit')?.value.trim() ?? '');
    return [...new Set(words.filter((w) => w.length > 1))];
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------- word matching

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const GAP = '[ \\u00A0\\u202F]?';

/** A word found next to a run: before it ("milioni 523.7") or after it ("523.7 milyon"). */
interface Adjacent {
  start: number;
  end: number;
  word: string;
}

// Scripts written without spaces between words: a scale word there is followed by
// more letters ("2000万人", "33 ล้านคน"), so no word boundary can be required.
const UNSPACED = /[\p{Script=Han}\p{Script=Hangul}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;

/** The first of `words` written right next to the run (one space at most), case-insensitively, not inside a longer word. */
function adjacentWord(para: string, run: Range, words: readonly string[]): Adjacent | undefined {
  for (const w of words) {
    const [lookahead, lookbehind] = UNSPACED.test(w) ? ['', ''] : ['(?![\\p{L}\\p{M}])', '(?<![\\p{L}\\p{M}])'];
    const after = new RegExp(`^${GAP}(${escapeRe(w)})${lookahead}`, 'iu').exec(para.slice(run.end));
    if (after) return { start: run.end + after[0].length - after[1].length, end: run.end + after[0].length, word: after[1] };
    const before = new RegExp(`${lookbehind}(${escapeRe(w)})${GAP}$`, 'iu').exec(para.slice(0, run.start));
    if (before) return { start: before.index, end: before.index + before[1].length, word: before[1] };
  }
  return undefined;
}

/** `to` with the capitalisation of `like`'s first letter. */
const matchCase = (to: string, like: string) =>
  like[0] === like[0].toUpperCase() && like[0] !== like[0].toLowerCase() ? to[0].toUpperCase() + to.slice(1) : to[0].toLowerCase() + to.slice(1);

// ---------------------------------------------------------------- the injections

/** One candidate change in one paragraph. */
interface Edit {
  subtype: string;
  text: string;
  ranges: Range[];
  change: string;
}

/** Finds and makes one change in `para`; `refs` are the references' aligned paragraphs, English first. */
type Injector = (para: string, refs: readonly string[], lang: string, rng: Rng) => Edit | undefined;

/** One digit of a checkable figure changed, in the edition's own digit set; never a leading zero. */
const injectDigit: Injector = (para, refs, _lang, rng) => {
  const runs = checkableRuns(para, refs);
  if (runs.length === 0) return undefined;
  const run = pick(rng, runs);
  const positions = [...run.text].map((c, i) => ({ c, i })).filter(({ c }) => digitZero(c) !== undefined);
  const { c, i } = pick(rng, positions);
  const old = Number(asciiDigit(c));
  const choices = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => d !== old && !(d === 0 && i === 0));
  const replacement = String.fromCodePoint(digitZero(c)! + pick(rng, choices));
  // Digits are single UTF-16 units in every script editions use, so offsets are stable.
  const newRun = splice(run.text, i, i + 1, replacement);
  return { subtype: 'digit', text: splice(para, run.start, run.end, newRun), ranges: [{ start: run.start, end: run.end }], change: `${run.text} → ${newRun}` };
};

/** The scale word next to a checkable figure raised one step (milyon → milyard, 万 → 亿). */
const injectScaleWord: Injector = (para, refs, lang, rng) => {
  const runs = checkableRuns(para, refs);
  const pairs = scaleUpPairs(lang);
  const words = pairs.map(([w]) => w);
  const withWord = runs.map((run) => ({ run, adj: adjacentWord(para, run, words) })).filter((x) => x.adj);
  if (withWord.length > 0) {
    const { run, adj } = pick(rng, withWord);
    const up = pairs.find(([w]) => w.toLowerCase() === adj!.word.toLowerCase())![1];
    const to = matchCase(up, adj!.word);
    const text = splice(para, adj!.start, adj!.end, to);
    const shift = to.length - adj!.word.length;
    const start = Math.min(run.start, adj!.start);
    const end = Math.max(run.end, adj!.end) + shift;
    return { subtype: 'scale-word', text, ranges: [{ start, end }], change: `${adj!.word} → ${to}` };
  }
  return undefined;
};

const isYearLike = (r: DigitRun) => r.digits.length === 4 && Number(r.digits) >= 1800 && Number(r.digits) <= 2100;

/** 5.2 → 52, 5.25 → 52.5, 30 → 300: the decimal separator moved one place right, or a zero appended. */
const injectMantissa: Injector = (para, refs, _lang, rng) => {
  const runs = checkableRuns(para, refs);
  // Runs with group separators ("1,500") would read oddly with a zero appended; years ×10 are not scale slips.
  // Exactly three digits after the separator may be a group ("77.000" is 77 thousand in bs): ambiguous, so skipped.
  const simple = runs.filter((r) => !isYearLike(r) && /^\p{Nd}+([.,\u066B](\p{Nd}{1,2}|\p{Nd}{4,}))?$/u.test(r.text));
  if (simple.length === 0) return undefined;
  const run = pick(rng, simple);
  const m = /^(\p{Nd}+)(?:([.,\u066B])(\p{Nd})(\p{Nd}*))?$/u.exec(run.text)!;
  const zero = String.fromCodePoint(digitZero(run.text[0])!);
  const newRun = m[2] === undefined ? m[1] + zero : m[1] + m[3] + (m[4] ? m[2] + m[4] : '');
  return {
    subtype: 'mantissa',
    text: splice(para, run.start, run.end, newRun),
    ranges: [{ start: run.start, end: run.start + newRun.length }],
    change: `${run.text} → ${newRun}`,
  };
};

const CURRENCY_SIGNS = ['US$', '$', '€', '£', '¥', '₹', '₽', 'USD', 'EUR', 'GBP'];
const PERCENT_SIGNS = ['%', '٪', '％'];

/** A checkable figure removed with its scale, percent and currency words, as MT sometimes drops a clause's number. */
const injectDrop: Injector = (para, refs, lang, rng) => {
  const runs = checkableRuns(para, refs);
  if (runs.length === 0) return undefined;
  const run = pick(rng, runs);
  const words = [...scaleUpPairs(lang).flat(), ...percentWords(lang), ...PERCENT_SIGNS, ...CURRENCY_SIGNS];
  let span: Range = { start: run.start, end: run.end };
  // Grow the span over adjacent unit words until none is left ("$ 220.7 milioni").
  for (let adj = adjacentWord(para, span, words); adj; adj = adjacentWord(para, span, words)) {
    span = { start: Math.min(span.start, adj.start), end: Math.max(span.end, adj.end) };
  }
  const before = para.slice(0, span.start).replace(/[ \u00A0\u202F]+$/, '');
  const after = para.slice(span.end).replace(/^[ \u00A0\u202F]+/, '');
  const joiner = before && after && !/^[\p{P}]/u.test(after) ? ' ' : '';
  const text = before + joiner + after;
  return { subtype: 'drop', text, ranges: [{ start: before.length, end: before.length }], change: `${para.slice(span.start, span.end)} → ∅` };
};

/** Two checkable figures of one paragraph exchanged, of different roles or of the same role (read from the English text). */
const injectSwap =
  (different: boolean): Injector =>
  (para, refs, _lang, rng) => {
    const runs = checkableRuns(para, refs);
    const english = refs[0];
    const pairs: { a: DigitRun; b: DigitRun }[] = [];
    for (let i = 0; i < runs.length; i++)
      for (let j = i + 1; j < runs.length; j++)
        if (runs[i].digits !== runs[j].digits && (roleOf(english, runs[i].digits) !== roleOf(english, runs[j].digits)) === different)
          pairs.push({ a: runs[i], b: runs[j] });
    if (pairs.length === 0) return undefined;
    const { a, b } = pick(rng, pairs);
    const text = para.slice(0, a.start) + b.text + para.slice(a.end, b.start) + a.text + para.slice(b.end);
    const bStart = b.start + b.text.length - a.text.length;
    return {
      subtype: different ? 'different-role' : 'same-role',
      text,
      ranges: [
        { start: a.start, end: a.start + b.text.length },
        { start: bStart, end: bStart + a.text.length },
      ],
      change: `${a.text} ⇄ ${b.text}`,
    };
  };

// ---------------------------------------------------------------- names

/** Plausible surnames and places MT might substitute; none is a common word in any language. */
export const REPLACEMENT_NAMES = ['Kowalczyk', 'Martinelli', 'Johansson', 'Dubois', 'Novak', 'Schneider', 'Fernandes', 'Horvath', 'Jansen', 'Petrescu', 'Lindqvist', 'Moreau'];

const LATIN_WORD = /(?<![\p{L}\p{M}\p{Nd}])\p{Lu}[\p{L}\p{M}]+/gu;
const isLatin = (s: string) => /^\p{Script=Latin}+$/u.test(s);

// Function words English capitalises inside titles ("told The Telegraph"); MT copies them, but they are not names.
const TITLE_WORDS = new Set(['The', 'And', 'For', 'Of', 'With', 'From', 'This', 'That']);

/** Capitalised Latin names of the English paragraph that occur somewhere other than a sentence start. */
export function englishNames(english: string): Set<string> {
  const names = new Set<string>();
  for (const m of english.matchAll(LATIN_WORD)) {
    const prev = english.slice(0, m.index).trimEnd();
    const sentenceStart = prev === '' || /[.!?:"“”‘’'(\[«]$/.test(prev);
    if (!sentenceStart && m[0].length >= 3 && /^\p{Lu}\p{Ll}+$/u.test(m[0]) && !TITLE_WORDS.has(m[0])) names.add(m[0]);
  }
  return names;
}

interface NameSite extends Range {
  stem: string;
  suffix: string;
}

/**
 * Tokens of `para` that are a name of the English paragraph, optionally followed
 * by a short inflection suffix ("Obradorun"), and that most references write the same way.
 */
export function nameSites(para: string, refs: readonly string[]): NameSite[] {
  const names = [...englishNames(refs[0])].filter((n) => inMajority(refs, (r) => r.includes(n)));
  const sites: NameSite[] = [];
  for (const m of para.matchAll(LATIN_WORD)) {
    if (!isLatin(m[0])) continue;
    const stem = names.filter((n) => m[0].startsWith(n) && m[0].length - n.length <= 4).sort((x, y) => y.length - x.length)[0];
    const suffix = stem === undefined ? '' : m[0].slice(stem.length);
    if (stem !== undefined && /^\p{Ll}*$/u.test(suffix)) sites.push({ start: m.index, end: m.index + m[0].length, stem, suffix });
  }
  return sites;
}

/** Fisher–Yates on a copy, driven by the seeded generator. */
function shuffle<T>(xs: readonly T[], rng: Rng): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const VOWELS = 'aeiou';
const CONSONANTS = 'bcdfghklmnprstvz';

/** 2–3 letters of the stem after its first changed to another letter of the same class. */
function garble(stem: string, rng: Rng): string | undefined {
  const positions = [...stem].map((c, i) => ({ c, i })).filter(({ c, i }) => i > 0 && (VOWELS.includes(c) || CONSONANTS.includes(c)));
  if (positions.length < 2) return undefined;
  const n = Math.min(positions.length, 2 + Math.floor(rng() * 2));
  const chars = [...stem];
  for (const { c, i } of shuffle(positions, rng).slice(0, n)) {
    const pool = VOWELS.includes(c) ? VOWELS : CONSONANTS;
    chars[i] = pick(rng, [...pool].filter((x) => x !== c));
  }
  return chars.join('');
}

/** A name shared with English replaced by another plausible name, or 2–3 of its letters changed; the inflection suffix is kept. */
const injectName =
  (letters: boolean): Injector =>
  (para, refs, _lang, rng) => {
    const english = refs[0];
    const sites = nameSites(para, refs).filter((s) => !letters || s.stem.length >= 5);
    if (sites.length === 0) return undefined;
    const site = pick(rng, sites);
    const other = letters
      ? garble(site.stem, rng)
      : pick(rng, REPLACEMENT_NAMES.filter((n) => !english.includes(n) && !para.includes(n) && n.slice(0, 3) !== site.stem.slice(0, 3)));
    if (!other || other === site.stem) return undefined;
    const token = other + site.suffix;
    return {
      subtype: letters ? 'letters' : 'replace',
      text: splice(para, site.start, site.end, token),
      ranges: [{ start: site.start, end: site.start + token.length }],
      change: `${para.slice(site.start, site.end)} → ${token}`,
    };
  };

/**
 * The variants of each error type. `ordered`: try them in this order (a scale
 * word where the article has one, else the mantissa); otherwise the order is
 * drawn per article, so both variants are measured about equally often.
 */
const INJECTORS: Record<ErrorType, { variants: Injector[]; ordered: boolean }> = {
  digit: { variants: [injectDigit], ordered: true },
  scale: { variants: [injectScaleWord, injectMantissa], ordered: true },
  drop: { variants: [injectDrop], ordered: true },
  name: { variants: [injectName(false), injectName(true)], ordered: false },
  swap: { variants: [injectSwap(true), injectSwap(false)], ordered: false },
};

/** Every paragraph where `inject` finds a target and changes the text. */
function candidates(inject: Injector, article: ArticleText, refs: readonly ArticleText[], lang: string, rng: Rng) {
  return article.paragraphs
    .map((para, i) => ({ i, edit: refs.every((r) => i < r.paragraphs.length) ? inject(para, refs.map((r) => r.paragraphs[i]), lang, rng) : undefined }))
    .filter((c): c is { i: number; edit: Edit } => c.edit !== undefined && c.edit.text !== article.paragraphs[c.i]);
}

/**
 * Injects one error of `type` into one body paragraph of `article` (an edition
 * in `lang`), choosing among paragraphs that offer a checkable target. `references`
 * are the editions the check will use, English first, paragraphs aligned by index.
 * Undefined when the article offers no target for this type.
 */
export function injectError(
  type: ErrorType,
  article: ArticleText,
  references: ArticleText | readonly ArticleText[],
  lang: string,
  seed: number,
): Injected | undefined {
  // One article is taken as the English reference alone (the form other dev benches call).
  const refs: readonly ArticleText[] = 'paragraphs' in references ? [references] : references;
  const rng = seededRandom(seed);
  const { variants, ordered } = INJECTORS[type];
  let found: { i: number; edit: Edit }[] = [];
  for (const inject of ordered ? variants : shuffle(variants, rng)) {
    found = candidates(inject, article, refs, lang, rng);
    if (found.length > 0) break;
  }
  if (found.length === 0) return undefined;
  const { i, edit } = pick(rng, found);
  const paragraphs = article.paragraphs.map((p, k) => (k === i ? edit.text : p));
  return {
    article: { title: article.title, paragraphs },
    injection: { type, subtype: edit.subtype, paragraph: i + 1, text: edit.text, ranges: edit.ranges, change: edit.change },
  };
}

// ---------------------------------------------------------------- judging a report

/** The part of the engine's report (Node API contract) a verdict needs. */
export interface FlaggedReport {
  paragraphs: string[];
  flags: { kind: string; paragraph: number; start: number; end: number }[];
}

export type Outcome = 'hit' | 'other-place' | 'no-flag' | 'not-extracted';

// Whitespace of any kind compares as a plain space; the replacement keeps lengths, so offsets survive.
const flatSpace = (s: string) => s.replace(/\s/g, ' ');

/** Where the report holds the injected paragraph: its index and the offset of the injected text in it. */
export function locate(paragraphs: string[], text: string): { paragraph: number; offset: number } | undefined {
  const needle = flatSpace(text);
  for (let i = 0; i < paragraphs.length; i++) {
    const at = flatSpace(paragraphs[i]).indexOf(needle);
    if (at >= 0) return { paragraph: i, offset: at };
  }
  return undefined;
}

/** A flag covers a range when they share a character; an empty flag (a `missing` position) when it lies within or at its edge. */
const overlaps = (f: Range, r: Range) => (f.start === f.end ? f.start >= r.start && f.start <= r.end : f.start < r.end && r.start < f.end);

/**
 * Did the report flag the injected place? A flag overlapping one of the
 * injected ranges; for a drop, a `missing` flag anywhere in that paragraph
 * (where a dropped figure "belongs" is a matter of judgement). `extraFlags`
 * counts flags in other paragraphs: false alarms around a true one.
 */
export function judge(report: FlaggedReport, inj: Injection): { outcome: Outcome; extraFlags: number } {
  const at = locate(report.paragraphs, inj.text);
  if (!at) return { outcome: 'not-extracted', extraFlags: report.flags.length };
  const ranges = inj.ranges.map((r) => ({ start: r.start + at.offset, end: r.end + at.offset }));
  const inPara = report.flags.filter((f) => f.paragraph === at.paragraph);
  const hit = inj.type === 'drop' ? inPara.some((f) => f.kind === 'missing') : inPara.some((f) => ranges.some((r) => overlaps(f, r)));
  return { outcome: hit ? 'hit' : inPara.length > 0 ? 'other-place' : 'no-flag', extraFlags: report.flags.length - inPara.length };
}
