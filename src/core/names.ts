// Names: people, places and organisations, compared across editions written in
// different scripts and languages.
//
// Detection leans on capitalisation, so it only trusts scripts that have case
// (Latin, Cyrillic, Greek, Armenian); inside any other script only Latin-script
// words can be names. Comparison goes through a key: any-ascii
// transliteration, lower case, folded spelling variants (k/c/q, v/w, sh/sch/ş…)
// and doubled letters collapsed, then a bounded edit distance that also
// tolerates an inflection suffix ("Brüsseldə" ~ "Brussels"). Countries are
// recognised through CLDR's region names (Intl.DisplayNames) in the page's
// language and in English, so "Belçika", "Ubelgiji" and "Belgium" are all BE.
//
// Deciding that a reference LACKS a name is compareNames' job, not findName's:
// translations legitimately capitalise words no other edition has (a German
// noun, a translated ministry, an exonym), so a name is held against the
// references only where a name they all write alike has vanished near it.
import anyAscii from 'any-ascii';
import { intlTag } from '../site/editions';
import type { Lang, NameMention } from './types';
import { memoised } from './memo';
import {
  CASED_SCRIPT,
  GREEK_DIGRAPHS,
  LATIN_SCRIPT,
  LANGUAGE_CODES,
  NOUN_CAPITALISING,
  SENTENCE_ENDER,
  SENTENCE_OPENER,
  VARIANT_RULES,
} from './names-data';

// ---------------------------------------------------------------- tokens ---

/**
 * One word of a text. Its comparison key (tokenKey: transliteration and
 * spelling rules, the dearest step) is worked out on first use: most words of
 * an edition in another script are never looked at as names.
 */
class Token {
  private k: string | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    readonly text: string,
    /** Written in a script with case, starting with a capital. */
    readonly capital: boolean,
    /** Two or more letters, all capitals ("OSCE", "ATƏT"). */
    readonly acronym: boolean,
    /** A capital after the first letter of a word that is not all capitals ("McDonald", "iPhone"). */
    readonly camel: boolean,
    /** A capital opening a sentence, where it says nothing about names (false for any other word). */
    readonly initial: boolean,
  ) {}

  get key(): string {
    return (this.k ??= tokenKey(this.text));
  }
}

const WORD = /[\p{L}\p{M}]+/gu;
const UPPER_START = /^[\p{Lu}\p{Lt}]/u;
const HAS_LOWER = /\p{Ll}/u;
const INNER_UPPER = /.\p{Lu}/u;
const GREEK = /\p{Script=Greek}/u;
/** Between two words of one name: spaces, a hyphen or an apostrophe, nothing else. */
const NAME_GAP = /^[ \u00a0\-‐‑'’]{1,2}$/u;

/** Keys shorter than this are compared only for equality: too little to tolerate a difference. */
const MIN_FUZZY = 4;
/** Longest inflection suffix tolerated after a name's stem ("-nın", "-issä", "-ben"). */
const MAX_SUFFIX = 5;

function isSentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  // A quotation opens a sentence of its own (said: "We wouldn't…").
  if (i > 0 && OPENING_QUOTE.test(text[i]) && /\s/u.test(text[i - 1])) return true;
  while (i >= 0 && SENTENCE_OPENER.test(text[i])) i--;
  return i < 0 || SENTENCE_ENDER.test(text[i]);
}

/** Marks that open a quotation when a space comes before them (an apostrophe may be a word's). */
const OPENING_QUOTE = /["“„«‹]/u;

function tokenize(text: string): Token[] {
  return remembered('tokens', text, '', () => readTokens(text));
}

function readTokens(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index ?? 0;
    const cased = CASED_SCRIPT.test(word);
    const capital = cased && UPPER_START.test(word);
    const acronym = capital && word.length >= 2 && !HAS_LOWER.test(word);
    // Only a capital can be a sentence's capital: the test is spared for the rest.
    tokens.push(new Token(start, start + word.length, word, capital, acronym, capital && !acronym && INNER_UPPER.test(word), capital && isSentenceInitial(text, start)));
  }
  return tokens;
}

// ------------------------------------------------------------------- keys ---

// Keys are remembered in two generations: when the young one fills, it becomes
// the old one and the words still in use (the references' vocabulary, read
// again for every edition) are promoted back instead of being worked out anew.
let youngKeys = new Map<string, string>();
let oldKeys = new Map<string, string>();
const KEY_GENERATION = 50_000;

/** One word → its comparison key: the same for the word's spellings in every script. */
function tokenKey(word: string): string {
  const young = youngKeys.get(word);
  if (young !== undefined) return young;
  const key = oldKeys.get(word) ?? readKey(word);
  if (youngKeys.size >= KEY_GENERATION) {
    oldKeys = youngKeys;
    youngKeys = new Map();
  }
  youngKeys.set(word, key);
  return key;
}

function readKey(word: string): string {
  let s = word.toLowerCase();
  if (GREEK.test(s)) {
    // Accents off first, so "ού" is seen as the digraph "ου".
    s = s.normalize('NFD').replace(/\p{M}/gu, '');
    for (const [pattern, replacement] of GREEK_DIGRAPHS) s = s.replace(pattern, replacement);
  }
  s = anyAscii(s).toLowerCase().replace(/[^a-z]/g, '');
  for (const [pattern, replacement] of VARIANT_RULES) s = s.replace(pattern, replacement);
  return s.replace(/(.)\1+/g, '$1');
}

/** A name's script-independent key: each word's key, space-separated. */
export function nameKey(s: string, _lang?: Lang): string {
  return Array.from(s.matchAll(WORD), (m) => tokenKey(m[0]))
    .filter(Boolean)
    .join(' ');
}

/**
 * Optimal-string-alignment distance (Damerau–Levenshtein with adjacent
 * transpositions), giving up as soon as it must exceed `max`: names are short,
 * and most pairs compared are far apart.
 */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = row;
  }
  return prev[b.length];
}

/** Differences tolerated between two keys of this length: one letter, two in long names. */
const tolerance = (length: number): number => (length >= 12 ? 2 : 1);

/**
 * Whether two word keys spell the same name: equal, within the edit tolerance,
 * or one is the other's stem plus an inflection suffix ("bruselde" ~ "brusels",
 * "kasakstanu" ~ "kasakstan"). `loose` is for a pair transliterated from
 * different scripts, which loses vowels: then consonant skeletons that agree
 * also match ("Сэнфорд" senford ~ "Sanford", "Квинтон" kvinton ~ "Quinton").
 * Within one script vowels are kept, so that "Obrador" and "Obridur" differ.
 */
export function keysMatch(a: string, b: string, loose = false): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  // No rule below bridges a length difference beyond an inflection suffix
  // (plus the consonants a transliteration may add): a cheap first cut.
  if (l.length - s.length > MAX_SUFFIX + 2) return false;
  if (s.length >= MIN_FUZZY ? stemsMatch(s, l) : shortStemMatch(s, l)) return true;
  return loose && skeletonsMatch(skeleton(s), skeleton(l));
}

function stemsMatch(s: string, l: string): boolean {
  const tol = tolerance(s.length);
  if (editDistance(s, l, tol) <= tol) return true;
  if (l.length - s.length > MAX_SUFFIX) return false;
  // An inflection replaces at most the shorter word's last letter (a case
  // vowel, the English plural "s") and adds a suffix: the rest is its stem,
  // which must open the longer word exactly.
  const stem = s.length > MIN_FUZZY ? s.slice(0, -1) : s;
  return l.startsWith(stem);
}

/** Longest case ending tolerated after a short name ("Kim" → "Kima", "Dan" → "Danem"). */
const MAX_SHORT_SUFFIX = 2;

/** A short name is only ever inflected, never misspelt: it must open the other word. */
const shortStemMatch = (s: string, l: string): boolean =>
  s.length >= 2 && l.startsWith(s) && l.length - s.length <= MAX_SHORT_SUFFIX;

const skeleton = memoised(KEY_GENERATION, (key) => key.replace(/[aeiou]/g, ''));

/** Shortest skeleton compared at all: two consonants ("hl") fit too many words. */
const MIN_SKELETON = 3;
/** Longest inflection suffix, in consonants, tolerated on a skeleton ("-om", "-ov", "-nın"). */
const MAX_SKELETON_SUFFIX = 2;

function skeletonsMatch(a: string, b: string): boolean {
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  if (s.length < MIN_SKELETON) return false;
  if (l.startsWith(s) && l.length - s.length <= MAX_SKELETON_SUFFIX) return true;
  return s.length > MIN_SKELETON && editDistance(s, l, 1) <= 1;
}

// -------------------------------------------------------------- countries ---

interface CountryName {
  keys: string[];
  code: string;
}

/** Region codes that name no place a text would mention. */
const NOT_PLACES: ReadonlySet<string> = new Set(['ZZ', 'QO', 'XA', 'XB', 'EZ']);

let regionCodes: string[] | undefined;

/** Every region code CLDR names, found by asking for all 676 letter pairs once. */
function allRegionCodes(): string[] {
  if (regionCodes) return regionCodes;
  const en = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_PLACES.has(code)) continue;
      try {
        // A retired code ("DD", "SU") is an alias of a current one, whose name it shares.
        if (en.of(code) && new Intl.Locale(`und-${code}`).region === code) codes.push(code);
      } catch {
        // Not a well-formed region for this engine's Intl.
      }
    }
  }
  regionCodes = codes;
  return codes;
}

/** A CLDR region name and its spoken-alone forms: "Myanmar (Burma)" → itself and "Myanmar". */
function nameVariants(name: string): string[] {
  const variants = [name];
  // The parenthesis qualifies ("U.S. Outlying Islands (США)"), it is not a name alone.
  const paren = /^(.*?)\s*\((.+)\)$/.exec(name);
  if (paren) variants.push(paren[1]);
  const dash = name.split(/\s+[-–]\s+/);
  if (dash.length > 1) variants.push(dash[0]);
  // A leading article ("Yr Almaen", "An Ghearmáin") that
  // a preposition may absorb or lower-case in running text.
  const article = /^\p{L}{1,2}\s+(\p{L}{4,}.*)$/u.exec(name);
  if (article) variants.push(article[1]);
  return variants;
}

const countryIndexes = new Map<string, Map<string, CountryName[]>>();

/** Index key for a country name: the first three letters of its first word's key. */
const indexKey = (key: string): string => key.slice(0, 3);

/** Country names in this language and in English (MT often keeps English names), indexed by first word. */
function countryIndex(lang: Lang): Map<string, CountryName[]> {
  const cached = countryIndexes.get(lang);
  if (cached) return cached;
  const index = new Map<string, CountryName[]>();
  const locales = lang === 'en' ? ['en'] : [intlTag(lang), 'en'];
  for (const locale of locales) {
    for (const [code, name] of primedNames.get(locale)?.().regions ?? regionNames(locale)) {
      for (const variant of nameVariants(name)) {
        const keys = Array.from(variant.matchAll(WORD), (m) => tokenKey(m[0])).filter(Boolean);
        if (keys.length === 0) continue;
        const bucket = index.get(indexKey(keys[0])) ?? [];
        bucket.push({ keys, code });
        index.set(indexKey(keys[0]), bucket);
      }
    }
  }
  countryIndexes.set(lang, index);
  return index;
}

/** CLDR's region names in `locale`, long then short forms, each distinct [code, name] once. */
function regionNames(locale: string): [string, string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const style of ['long', 'short'] as const) {
    let names: Intl.DisplayNames;
    try {
      names = new Intl.DisplayNames([locale], { type: 'region', style, fallback: 'none' });
    } catch {
      continue;
    }
    for (const code of allRegionCodes()) {
      const name = names.of(code);
      // A short form equal to the long one would only index the same keys twice.
      if (!name || seen.has(code + name)) continue;
      seen.add(code + name);
      out.push([code, name]);
    }
  }
  return out;
}

/** A country's words may carry an inflection ("Belçikanın", "Kazakhstanu", "Korei Północnej"). */
function countryWordMatches(nameKey: string, wordKey: string): boolean {
  if (nameKey === wordKey) return true;
  if (nameKey.length < MIN_FUZZY) return false;
  if (wordKey.startsWith(nameKey)) return wordKey.length - nameKey.length <= MAX_SUFFIX;
  // Or the name's final vowel gives way to a case ending that starts with a
  // vowel ("Německo" → "Německu", "Korea" → "Korei"; not "Kongo" → "Kongres").
  const stem = nameKey.slice(0, -1);
  const ending = wordKey.slice(stem.length);
  return /[aeiou]$/.test(nameKey) && wordKey.startsWith(stem) && /^[aeiou]/.test(ending) && ending.length <= 3;
}

interface CountrySpan {
  first: number;
  last: number;
  code: string;
}

const openerMemos = new WeakMap<Map<string, CountryName[]>, Map<string, CountryName[]>>();

/**
 * The country names whose first word this word can be. Every word of every
 * text is asked, and the same words again and again (the references' for each
 * edition): the answer is remembered per word key.
 */
function openers(index: Map<string, CountryName[]>, memo: Map<string, CountryName[]>, key: string): CountryName[] {
  let found = memo.get(key);
  if (!found) memo.set(key, (found = (index.get(indexKey(key)) ?? []).filter((e) => countryWordMatches(e.keys[0], key))));
  return found;
}

/** The longest country name starting at token i, if any. */
function countryAt(tokens: Token[], i: number, index: Map<string, CountryName[]>, memo: Map<string, CountryName[]>): CountrySpan | undefined {
  let best: CountrySpan | undefined;
  let bestLength = 0;
  for (const entry of openers(index, memo, tokens[i].key)) {
    const n = entry.keys.length;
    if (i + n > tokens.length) continue;
    const fits = entry.keys.every((k, j) => j === 0 || countryWordMatches(k, tokens[i + j].key));
    const length = entry.keys.join('').length;
    if (fits && length > bestLength) {
      best = { first: i, last: i + n - 1, code: entry.code };
      bestLength = length;
    }
  }
  return best;
}

/** Country names in a token list, left to right, not overlapping. */
function findCountries(tokens: Token[], lang: Lang, startsAt: (t: Token) => boolean): CountrySpan[] {
  const index = countryIndex(lang);
  let memo = openerMemos.get(index);
  if (!memo || memo.size >= KEY_GENERATION) openerMemos.set(index, (memo = new Map()));
  const spans: CountrySpan[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!startsAt(tokens[i])) continue;
    const span = countryAt(tokens, i, index, memo);
    if (span) {
      spans.push(span);
      i = span.last;
    }
  }
  return spans;
}

// ------------------------------------------------------------ common words ---

const commonWordSets = new Map<string, Set<string>>();

/**
 * Capitalised words that are not names a reference must echo: month, weekday
 * and language names, in this language and in English, from CLDR.
 */
function commonWords(lang: Lang): Set<string> {
  const cached = commonWordSets.get(lang);
  if (cached) return cached;
  const words = new Set<string>();
  for (const locale of new Set([intlTag(lang), 'en'])) {
    for (const s of primedNames.get(locale)?.().words ?? commonWordSource(locale)) for (const m of s.matchAll(WORD)) words.add(tokenKey(m[0]));
  }
  commonWordSets.set(lang, words);
  return words;
}

/** The month, weekday and language names CLDR gives in `locale`, as written. */
function commonWordSource(locale: string): string[] {
  const seen = new Set<string>();
  const add = (s: string | undefined) => {
    if (s) seen.add(s);
  };
  try {
    const formats = [
      new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }),
      new Intl.DateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' }),
    ];
    // The 15th of each month, and 1–7 January 2024 (Monday to Sunday).
    const dates = [
      ...Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2024, m, 15))),
      ...Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2024, 0, d + 1))),
    ];
    for (const date of dates) {
      for (const f of formats) {
        for (const part of f.formatToParts(date)) if (part.type === 'month' || part.type === 'weekday') add(part.value);
      }
    }
    const languages = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' });
    for (const code of LANGUAGE_CODES) add(languages.of(code));
  } catch {
    // A locale this engine's Intl cannot format: English alone then.
  }
  return [...seen];
}

// --------------------------------------------------------------- snapshot ---
// Chromium's trimmed ICU data lacks region, month and language names for a
// third of the editions; the extension primes these lists, derived in Node.

/** What names.ts takes from Intl for one locale, as plain JSON. */
export interface NamesData {
  /** Region code and name pairs, long forms then short. */
  regions: [string, string][];
  /** Month, weekday and language names, as written. */
  words: string[];
}

/**
 * Primed lists by Intl locale, each read only on first use: the extension's
 * snapshot parses a language's JSON when it is read (src/core/cldr-snapshot.ts).
 */
const primedNames = new Map<string, () => NamesData>();

/**
 * The Intl data names.ts uses for `lang`'s own locale. Every language's common
 * words include English's (a set), so those are left out; region names all stay,
 * as their order decides which country an ambiguous name ("Congo") is.
 */
export function namesData(lang: Lang): NamesData {
  const locale = intlTag(lang);
  const english = locale === 'en' ? new Set<string>() : new Set(commonWordSource('en'));
  return { regions: regionNames(locale), words: commonWordSource(locale).filter((w) => !english.has(w)) };
}

/** Lists to use instead of this engine's Intl, by edition language, from the next use on. */
export function primeNames(data: Readonly<Record<Lang, NamesData>>): void {
  // Keys only: reading the values here would parse every language at start-up.
  for (const lang of Object.keys(data)) primedNames.set(intlTag(lang), () => data[lang]);
  countryIndexes.clear();
  commonWordSets.clear();
}

/** A common word, also when inflected ("Oktyabrın" after "oktyabr"). */
function isCommonWord(key: string, common: Set<string>): boolean {
  if (common.has(key)) return true;
  for (let cut = 1; cut <= MAX_SUFFIX && key.length - cut >= MIN_FUZZY; cut++) {
    if (common.has(key.slice(0, -cut))) return true;
  }
  return false;
}

// ------------------------------------------------------------- extraction ---

/** Share of long capitalised words above which a text is in Title Case and capitals say nothing. */
const TITLE_CASE_SHARE = 0.75;
const TITLE_CASE_MIN_WORDS = 5;

function isTitleCase(text: string, tokens: Token[]): boolean {
  // Only a headline (no sentence end) may be in Title Case; a sentence full
  // of names is not.
  if (/[.!?。]\s*$/u.test(text)) return false;
  const long = tokens.filter((t) => t.text.length >= 4 && CASED_SCRIPT.test(t.text));
  if (long.length < TITLE_CASE_MIN_WORDS) return false;
  return long.filter((t) => t.capital).length / long.length >= TITLE_CASE_SHARE;
}

function mention(text: string, tokens: Token[], first: number, last: number, country?: string): NameMention {
  const start = tokens[first].start;
  const end = tokens[last].end;
  const key =
    first === last
      ? tokens[first].key
      : tokens
          .slice(first, last + 1)
          .map((t) => t.key)
          .filter(Boolean)
          .join(' ');
  return country ? { start, end, text: text.slice(start, end), key, country } : { start, end, text: text.slice(start, end), key };
}

/**
 * Which capitalised words are names: not a common word, and not merely the
 * first word of a sentence, unless the text also capitalises it mid-sentence
 * or its shape (acronym, inner capital) says it is a name.
 */
function nameWords(tokens: Token[], lang: Lang): boolean[] {
  const common = commonWords(lang);
  const midSentence = new Set(tokens.filter((t) => t.capital && !t.initial).map((t) => t.key));
  // A Latin word in a text of another script is foreign to its sentences:
  // its capital is no sentence start's ("Long Lartin 监狱…").
  const letters = (ts: Token[]) => ts.reduce((n, t) => n + t.text.length, 0);
  const latinMinority = letters(tokens.filter((t) => LATIN_SCRIPT.test(t.text))) * 2 < letters(tokens);
  const foreign = (t: Token) => latinMinority && LATIN_SCRIPT.test(t.text);
  return tokens.map((t) => {
    if (!t.capital || t.key.length === 0) return false;
    if (t.acronym || t.camel) return true;
    if (t.key.length < 3 || isCommonWord(t.key, common)) return false;
    return !t.initial || midSentence.has(t.key) || foreign(t);
  });
}

/**
 * Consecutive name words with only a space, hyphen or apostrophe between them,
 * as [first, last] pairs; a Latin word and one of another script are two names
 * ("Lindqvist Բժշկական": a kept name, then a translated word).
 */
function runs(text: string, tokens: Token[], isName: boolean[]): [number, number][] {
  const out: [number, number][] = [];
  const latin = tokens.map((t) => LATIN_SCRIPT.test(t.text));
  for (let i = 0; i < tokens.length; i++) {
    if (!isName[i]) continue;
    let j = i;
    while (j + 1 < tokens.length && isName[j + 1] && latin[j] === latin[j + 1] && NAME_GAP.test(text.slice(tokens[j].end, tokens[j + 1].start))) j++;
    out.push([i, j]);
    i = j;
  }
  return out;
}

// One check reads the same texts several times (a paragraph when it is analysed,
// again as a bead's text, again as match candidates): within a call, each is
// tokenised and read once. The memo lives only as long as withNameMemo's call.
let memo: Map<string, unknown> | undefined;

/** Runs `fn` with the readings of this module remembered per text, then forgets them. */
export function withNameMemo<T>(fn: () => T): T {
  const outer = memo;
  memo = outer ?? new Map();
  try {
    return fn();
  } finally {
    memo = outer;
  }
}

function remembered<T>(kind: string, text: string, lang: Lang, read: () => T): T {
  if (!memo) return read();
  const id = `${kind}\u0000${lang}\u0000${text}`;
  let v = memo.get(id) as T | undefined;
  if (v === undefined) memo.set(id, (v = read()));
  return v;
}

/**
 * Names mentioned in one paragraph, sorted by start, with UTF-16 offsets.
 * Precision first: a capitalised word that may be an ordinary word is left out.
 */
export function extractNames(text: string, lang: Lang): NameMention[] {
  return remembered('names', text, lang, () => readNames(text, lang));
}

function readNames(text: string, lang: Lang): NameMention[] {
  const tokens = tokenize(text);
  const countries = findCountries(tokens, lang, (t) => t.capital);
  const isName = nameWords(tokens, lang);
  for (const c of countries) for (let i = c.first; i <= c.last; i++) isName[i] = false;
  const titleCase = isTitleCase(text, tokens);
  const single = NOUN_CAPITALISING.has(lang) ? (i: number) => tokens[i].acronym || tokens[i].camel : () => true;
  const names = titleCase
    ? []
    : runs(text, tokens, isName)
        .filter(([first, last]) => first < last || single(first))
        .map(([first, last]) => mention(text, tokens, first, last));
  const found = [...names, ...countries.map((c) => mention(text, tokens, c.first, c.last, c.code))];
  return found.sort((a, b) => a.start - b.start);
}

/**
 * Every word of a paragraph as a name candidate, capitalised or not, plus its
 * countries: what a name from another edition may be matched against, since a
 * translation may write in lower case, or in an uncased script, what the
 * other edition capitalises.
 */
export function nameTerms(text: string, lang: Lang): NameMention[] {
  return remembered('terms', text, lang, () => readTerms(text, lang));
}

function readTerms(text: string, lang: Lang): NameMention[] {
  const tokens = tokenize(text);
  const countries = findCountries(tokens, lang, () => true);
  const words: NameMention[] = [];
  tokens.forEach((t, i) => {
    if (t.key.length >= 2) words.push(mention(text, tokens, i, i));
  });
  // Capitalised runs too, so that a name of several words is found whole (for evidence).
  const capitalRuns = runs(text, tokens, tokens.map((t) => t.capital && t.key.length > 0)).filter(([first, last]) => first < last);
  const found = [
    ...words,
    ...capitalRuns.map(([first, last]) => mention(text, tokens, first, last)),
    ...countries.map((c) => mention(text, tokens, c.first, c.last, c.code)),
  ];
  return found.sort((a, b) => a.start - b.start);
}

// --------------------------------------------------------------- matching ---

const ACRONYM = /^[\p{Lu}\p{M}]{2,}$/u;

/** An all-capitals name ("OSCE", "ATƏT"): acronyms are translated per language, so they are never evidence of an error. */
export const isAcronym = (m: NameMention): boolean => m.text.split(/[\s\-‐‑]+/u).every((w) => ACRONYM.test(w));

const LATIN_START = /^[^\p{L}]*\p{Script=Latin}/u;

interface Shape {
  words: string[];
  latin: boolean;
}

// Mentions are compared many times each (every word of three references):
// their split key and script are worked out once.
const shapes = new WeakMap<NameMention, Shape>();

function shape(m: NameMention): Shape {
  let s = shapes.get(m);
  if (!s) {
    // Most mentions are one word: no split for them.
    const words = m.key.includes(' ') ? m.key.split(' ').filter(Boolean) : m.key ? [m.key] : [];
    s = { words, latin: LATIN_START.test(m.text) };
    shapes.set(m, s);
  }
  return s;
}

/**
 * The candidate that is the same name as `m`: the same country, or a mention
 * containing every word of `m` (transliterated, inflection-tolerant). For a
 * name of several words, each word must be found, though they may sit in
 * different candidates; the candidate holding most of them is returned.
 */
export function findName(m: NameMention, candidates: NameMention[]): NameMention | undefined {
  // The same name is looked up in the same candidates again and again (each
  // occurrence, each reference's agreement): remember the answers per list.
  let memo = memos.get(candidates);
  if (!memo) {
    memo = new Map();
    memos.set(candidates, memo);
  }
  const id = `${m.country ?? ''}|${shape(m).latin ? 'l' : 'x'}|${m.key}`;
  if (memo.has(id)) return memo.get(id);
  const found = lookUp(m, candidates);
  memo.set(id, found);
  return found;
}

/** Whether one word or country is the same name as one candidate. */
function sameName(word: NameMention, candidate: NameMention): boolean {
  if (word.country && word.country === candidate.country) return true;
  const w = shape(word);
  const c = shape(candidate);
  const loose = w.latin !== c.latin;
  return w.words.every((k) => c.words.some((ck) => keysMatch(k, ck, loose)));
}

const exactIndexes = new WeakMap<NameMention[], Map<string, NameMention>>();

/** Each word key of a candidate list → the longest candidate holding it. */
function exactIndex(candidates: NameMention[]): Map<string, NameMention> {
  let index = exactIndexes.get(candidates);
  if (!index) {
    index = new Map();
    // The longest candidate holding a word: a whole name rather than its first word.
    for (const c of candidates) {
      for (const w of shape(c).words) {
        const held = index.get(w);
        if (!held || shape(held).words.length < shape(c).words.length) index.set(w, c);
      }
    }
    exactIndexes.set(candidates, index);
  }
  return index;
}

const memos = new WeakMap<NameMention[], Map<string, NameMention | undefined>>();

function lookUp(m: NameMention, candidates: NameMention[]): NameMention | undefined {
  if (m.country) {
    const same = candidates.find((c) => c.country === m.country);
    if (same) return same;
  }
  const { words, latin } = shape(m);
  if (words.length === 0) return undefined;
  // Most names are copied as they are: an exact key spares the fuzzy pass.
  const exact = exactIndex(candidates);
  if (words.every((w) => exact.has(w))) return exact.get(words[0]);
  const found = words.map(() => false);
  let best: NameMention | undefined;
  let bestHits = 0;
  for (const c of candidates) {
    const cShape = shape(c);
    // Names written in different scripts are transliterations of each other.
    const loose = cShape.latin !== latin;
    let hits = 0;
    for (let i = 0; i < words.length; i++) {
      if (cShape.words.some((cw) => keysMatch(words[i], cw, loose))) {
        found[i] = true;
        hits++;
      }
    }
    if (hits > bestHits) {
      best = c;
      bestHits = hits;
    }
  }
  return found.every(Boolean) ? best : undefined;
}

// ------------------------------------------------------------ comparison ---

/** What one reference says about a name: has it, lacks it, or cannot tell. */
export type NameSupport = 'found' | 'lacks' | 'abstain';

/** The reference name a mention seems to stand in for. */
export interface Replacement {
  /** The mention's one word that no reference has ("Kowalczyk" in "Michael Kowalczyk"). */
  word: NameMention;
  /** The vanished original, as the references write it ("Sanford"). */
  original: string;
  /** How far apart the two stand, each as a share of its paragraph (0–1). */
  distance: number;
  /** The word is the original misspelt: as long, the same first letter, a few letters substituted ("Kevomaugh"). */
  misspelt: boolean;
  /**
   * The original's name was translated as words of this language, not changed into another name: no error,
   * but still a word this edition writes its own way (its habits count it).
   */
  translated?: boolean;
}

export interface NameComparison {
  mention: NameMention;
  /** One entry per reference, in the order given; a reference that lacks the name matches its original. */
  refs: { support: NameSupport; match?: NameMention }[];
  /** A checkable name that two or more references could be asked about and none has. */
  unsupported: boolean;
  /** Set when the name stands where a name every reference writes alike has vanished. */
  replaced?: Replacement;
}

export interface NameText {
  text: string;
  lang: Lang;
}

interface RefNames {
  lang: Lang;
  text: string;
  /** The paragraph's length, to place names relative to it. */
  length: number;
  /** Every word and country of the paragraph. */
  terms: NameMention[];
  /** Its names, acronyms and countries left out, one mention per word. */
  words: NameMention[];
  /** Each word's name, as its words. */
  nameOf: Map<NameMention, NameMention[]>;
  /** Each word's title: its name and the names joined to it by a preposition ("Institute for Policy Research"). */
  titleOf: Map<NameMention, NameMention[]>;
}

/** A mention split into one mention per word; a country stays whole. */
function wordsOf(m: NameMention): NameMention[] {
  if (m.country) return [m];
  return Array.from(m.text.matchAll(WORD), (w) => {
    const start = m.start + (w.index ?? 0);
    return { start, end: start + w[0].length, text: w[0], key: tokenKey(w[0]) };
  }).filter((w) => w.key.length > 0);
}

function refNames(ref: NameText, terms: NameMention[]): RefNames {
  const names = extractNames(ref.text, ref.lang).filter((m) => !isAcronym(m) && !m.country).map(wordsOf);
  const nameOf = new Map(names.flatMap((words) => words.map((w) => [w, words] as const)));
  const titles: NameMention[][] = [];
  for (const words of names) {
    const last = titles.at(-1);
    if (last && words.length > 0 && JOINING.test(ref.text.slice(last.at(-1)!.end, words[0].start))) last.push(...words);
    else titles.push([...words]);
  }
  const titleOf = new Map(titles.flatMap((words) => words.map((w) => [w, words] as const)));
  return { lang: ref.lang, text: ref.text, length: Math.max(1, ref.text.length), terms, words: names.flat(), nameOf, titleOf };
}

/**
 * What joins two names into one title: a preposition ("Institute for Policy Research", "University of
 * Michigan"). Not a possessive: "BBC Scotland's Sportsound" is two names.
 */
const JOINING = /^\s+(?:for|of|de|du|des|del|für)\s+$/u;

/**
 * A word as a whole word, letter for letter and in the same case, optionally
 * with the genitive "s" the references' languages add ("Trumps", "Trump's").
 */
function asWritten(word: string): RegExp {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{M}])${escaped}(?:s|['’]s)?(?![\\p{L}\\p{M}])`, 'u');
}

const LETTER_RUN = /[\p{L}\p{M}]+/gu;
const wordSets = new WeakMap<RefNames, Set<string>>();

/**
 * Whether the reference writes `word` as asWritten() would find it. A word of
 * letters only is looked up in the set of the text's letter runs (built once
 * per reference paragraph): one RegExp per name word per reference was a
 * quarter of a check's time.
 */
function writes(ref: RefNames, word: string): boolean {
  if (!/^[\p{L}\p{M}]+$/u.test(word)) return asWritten(word).test(ref.text);
  let words = wordSets.get(ref);
  if (!words) wordSets.set(ref, (words = new Set(ref.text.match(LETTER_RUN))));
  // "Trump's" is the run "Trump" and the run "s"; "Trumps" is one run.
  return words.has(word) || words.has(`${word}s`);
}

/** Shortest key of a word that can be an original: "Al", "de" are too common to be missed. */
const MIN_ORIGINAL = 3;

/**
 * The anchor reference's name words that every other reference writes letter
 * for letter ("Sanford" in English, French and German; not "Senate"/"Sénat",
 * nor "Arctic"/"Arctique"): names that editions copy rather than translate.
 */
function invariantWords(anchor: RefNames, refs: RefNames[], majority: boolean): NameMention[] {
  const others = refs.filter((r) => r !== anchor);
  // A majority: all references but one, and at least two of them.
  const needed = majority ? Math.max(1, others.length - 1) : others.length;
  const alike = new Map<string, boolean>();
  return anchor.words.filter((w) => {
    if (w.key.length < MIN_ORIGINAL || !LATIN_START.test(w.text)) return false;
    let a = alike.get(w.text);
    if (a === undefined) alike.set(w.text, (a = others.filter((r) => writes(r, w.text)).length >= needed));
    return a;
  });
}

/** The same word, at most inflected: the shorter key, less its last letter, opens the longer one. */
function sameSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length <= b.length ? [a, b] : [b, a];
  return s.length >= MIN_FUZZY && l.length - s.length <= MAX_SUFFIX && l.startsWith(s.slice(0, -1));
}

/** An invariant name of a reference with no counterpart in the current paragraph. */
interface Orphan {
  word: NameMention;
  /** Relative position in the reference's paragraph (0–1). */
  refAt: number;
  /** Where it would stand in the current paragraph (0–1), placed between the places both share. */
  at: number;
  /** Only a misspelling of it counts (replacedNames). */
  weak?: boolean;
  /** For a weak original, the references that do not write it. */
  dissent?: RefNames[];
  /** A word of a name whose other words the current paragraph translates (weak too). */
  partial?: boolean;
  /** The other words of its name that the current paragraph keeps. */
  siblings?: NameMention[];
  /** Its title's later words were translated (see orphansOf): a word in its place translates it too. */
  translated?: boolean;
}

/** Digit runs: a number is written with the same digits in every edition ("2018", "6321"). */
const DIGITS = /[0-9]{2,}/g;

/** Each digit run written exactly once in the text, with its offset. */
function numbersOnce(text: string): Map<string, number> {
  const seen = new Map<string, number>();
  for (const m of text.matchAll(DIGITS)) seen.set(m[0], seen.has(m[0]) ? -1 : (m.index ?? 0));
  for (const [k, v] of seen) if (v < 0) seen.delete(k);
  return seen;
}

/**
 * Maps an offset of the reference's paragraph to the current paragraph's,
 * linearly between shared landmarks (a name or number each writes once): a
 * translation that lengthens one clause or reorders a sentence shifts every
 * later word's share of the paragraph, but not its place between landmarks.
 */
function placeMapper(landmarks: [number, number][], refLength: number, currentLength: number): (offset: number) => number {
  const points: [number, number][] = [[0, 0]];
  for (const [r, c] of [...landmarks].sort((a, b) => a[0] - b[0])) {
    const [lr, lc] = points[points.length - 1];
    // Landmarks out of order (a clause moved) would fold the map: the first in order wins.
    if (r > lr && c > lc && c < currentLength) points.push([r, c]);
  }
  points.push([Math.max(refLength, points[points.length - 1][0] + 1), currentLength]);
  return (offset) => {
    let i = 0;
    while (i < points.length - 2 && points[i + 1][0] <= offset) i++;
    const [r0, c0] = points[i];
    const [r1, c1] = points[i + 1];
    return c0 + ((offset - r0) * (c1 - c0)) / (r1 - r0);
  };
}

/**
 * The invariant words that have no counterpart in the current paragraph,
 * occurrence by occurrence: a name the reference writes three times and the
 * current paragraph twice leaves one orphan, the occurrence farthest from the
 * current ones. Positions are relative (0–1).
 */
function orphansOf(ref: RefNames, invariant: NameMention[], currentTerms: NameMention[], currentText: string): Orphan[] {
  const orphans: Orphan[] = [];
  const currentLength = Math.max(1, currentText.length);
  const at = (w: NameMention) => w.start / ref.length;
  // Word by word: a run of words ("Michael Sanford", "Пустите Chaquods") would count its words twice, in another script loosely.
  const words = currentTerms.filter((t) => !t.key.includes(' '));
  const copied = new Set(invariant);
  const counterpartsOf = new Map(invariant.map((w) => [w, words.filter((t) => sameName(w, t))]));
  const occurrencesOf = new Map(invariant.map((w) => [w, invariant.filter((v) => sameSpelling(v.key, w.key))]));
  const landmarks: [number, number][] = invariant.flatMap((w) => (occurrencesOf.get(w)!.length === 1 && counterpartsOf.get(w)!.length === 1 ? [[w.start, counterpartsOf.get(w)![0].start] as [number, number]] : []));
  const numbers = numbersOnce(currentText);
  for (const [n, offset] of numbersOnce(ref.text)) if (numbers.has(n)) landmarks.push([offset, numbers.get(n)!]);
  const place = placeMapper(landmarks, ref.length, currentLength);
  for (const word of invariant) {
    const counterparts = counterpartsOf.get(word)!.map((t) => t.start / currentLength);
    const occurrences = occurrencesOf.get(word)!;
    const deficit = occurrences.length - counterparts.length;
    if (deficit <= 0) continue;
    const distance = (w: NameMention) => Math.min(Infinity, ...counterparts.map((c) => Math.abs(c - at(w))));
    const farthest = [...occurrences].sort((x, y) => distance(y) - distance(x)).slice(0, deficit);
    // A name changed into another keeps its other words ("Michael Kowalczyk"); one
    // that lost some was translated ("Vanderbilt Medical Center" → "Pusat Perubatan Vanderbilt").
    // A title before the name that the references translate too ("Prime Minister
    // Zoran Zaev", "Mrs Laperouse") is no part of it; a word after it is
    // ("Mutiara Airport Palu", "League One").
    const name = ref.nameOf.get(word) ?? [];
    const title = (w: NameMention) => !copied.has(w) && name.every((v) => !copied.has(v) || v.start > w.start);
    const siblings = name.filter((w) => w !== word && !title(w));
    const kept = siblings.every((w) => words.some((t) => sameName(w, t)));
    if (!farthest.includes(word)) continue;
    // A name whose other words were translated ("Harvard University" → "Jaamacada Harvard") may
    // have lost this one to the translation too: only a misspelling of it can stand in its place.
    if (!kept) {
      orphans.push({ word, refAt: at(word), at: place(word.start) / currentLength, weak: true, partial: true, dissent: [] });
      continue;
    }
    // Words of the title after the name count where every reference copies them: a name changed into another
    // keeps them (all but one it may have replaced), a title translated loses them all with it ("Istituto
    // macedone per l'analisi politica" for "Institute for Policy Research"). The original is still an orphan,
    // as the edition's own word for it. Not words before it: "District of", "Center for" are translated where
    // the name they lead to is kept.
    const joined = (ref.titleOf.get(word) ?? []).filter((w) => copied.has(w) && !name.includes(w) && w.start > word.start);
    const translated = joined.length > 0 && !joined.some((w) => words.some((t) => sameName(w, t)));
    orphans.push({ word, refAt: at(word), at: place(word.start) / currentLength, siblings, translated });
  }
  return orphans;
}

/**
 * Whether the word stands on the other side of a copied word of the original's name than the original does
 * ("Mahadum Southern", "Universidad de West Virginia" for "Southern University", "West Virginia University"):
 * a translation puts a title's words in its own order, while a name changed into another keeps its place.
 * Only copies letter for letter count: a word of the name translated ("Кубка Rykir" for "Ryder Cup") moved
 * with the translation, not the name.
 */
function reordered(word: NameMention, orphan: Orphan, currentTerms: NameMention[]): boolean {
  return (orphan.siblings ?? []).some((s) => {
    const before = s.start < orphan.word.start;
    // Every copy next to the word, not just the nearest: "Leave Means Leave" has one on each side.
    const near = currentTerms.filter((t) => t.text === s.text && (t.start < word.start ? word.start - t.end : t.start - word.end) <= TITLE_GAP);
    return near.length > 0 && near.every((t) => t.start < word.start !== before);
  });
}

/** Most UTF-16 units between a word and another word of its title: a space, or a short word ("de", "học"). */
const TITLE_GAP = 8;

/** How far (as a share of the paragraph) a name may stand from a vanished original and still have replaced it. */
const ORPHAN_WINDOW = 0.2;

/**
 * Whether a word is the original written another way rather than another name:
 * the original inside a compound or with a case ending ("Washingtonskvaller",
 * "Jokoom", "Jokas" for "Joko"), one letter apart but for a case ending, or
 * the same consonants with other vowels and perhaps a case ending ("Qaida"
 * for "Qaeda", "Káidához"). A changed name differs in two letters or more.
 */
function respells(word: string, original: string): boolean {
  if (word.includes(original) || original.includes(word) || sameSpelling(word, original)) return true;
  // One letter apart once a case ending is off ("Dumartonu" for "Dumbarton", "Heatsin" for "Hearts").
  for (let cut = 0; cut <= MAX_SHORT_SUFFIX && word.length - cut >= MIN_FUZZY; cut++) {
    const stem = word.slice(0, word.length - cut);
    if (editDistance(stem, original, 1) <= 1) return true;
  }
  return sameConsonants(word, original) || (word.length >= MIN_FUZZY && sameLetters(word, original));
}

/**
 * The same letters in another order: moved by ear ("Rolando" for "Ronaldo",
 * "Doland" for "Donald"), where a misspelling brings in others.
 */
const sameLetters = (a: string, b: string): boolean => [...a].sort().join('') === [...b].sort().join('');

/** The same consonants, perhaps with a case ending: what other vowels make of a name ("Qaida", "Káidához" for "Qaeda"). */
function sameConsonants(word: string, original: string): boolean {
  const [s, l] = [skeleton(word), skeleton(original)].sort((a, b) => a.length - b.length);
  return l.startsWith(s) && l.length - s.length <= MAX_SKELETON_SUFFIX;
}

/** Letters of a name's opening that a translation or transliteration keeps ("Instytut", "Universidad", "Glaskoyêl"). */
const COGNATE_OPENING = 4;

/**
 * Whether a word opens as the original does: the edition's own form of it (a
 * translated title word, a respelling with its own ending), not another name,
 * which shares a whole opening syllable with it only by chance.
 */
const cognate = (word: string, original: string): boolean =>
  word.length >= COGNATE_OPENING && original.length >= COGNATE_OPENING && word.slice(0, COGNATE_OPENING) === original.slice(0, COGNATE_OPENING);

/** Most letters a misspelling substitutes, and the share of the name it may touch. */
const MAX_MISSPELT = 3;

/**
 * Whether a word is the original with a few letters substituted in place,
 * once a short case ending is off ("Kevomaugh" for "Kavanaugh", "Sutufoya" for "Sutopo"):
 * the same length and first letter, two or three letters changed, under half
 * the name. A respelling by ear changes the length ("Pitsburgut", "Uolles",
 * "Xochilco") or only one letter (respells); a garbled name changes neither.
 * `translated`: the original is a word of a name the paragraph translates.
 */
export function misspelt(word: string, original: string, translated = false): boolean {
  const w = word.toLowerCase();
  const o = original.toLowerCase();
  const cut = w.length - o.length;
  if (cut < 0 || cut > MAX_SHORT_CASE || w[0] !== o[0] || !/^\p{Ll}*$/u.test(word.slice(o.length)) || sameLetters(w.slice(0, o.length), o)) return false;
  let changed = 0;
  let firstChange = o.length;
  for (let i = 0; i < o.length; i++) {
    if (w[i] === o[i]) continue;
    // Two neighbours exchanged: letters moved by ear ("Kavanuaggh"), as in sameLetters.
    if (w[i] === o[i + 1] && w[i + 1] === o[i]) return false;
    changed++;
    firstChange = Math.min(firstChange, i);
  }
  // Every letter from the first change on differs, and more follow: the same beginning with
  // a longer ending of its own is a cognate or a derived form ("Universidade", "Londres"), not
  // a garbled name. In a name whose other words were translated, so is one as long ("Distrito").
  const newEnding = changed === o.length - firstChange && (translated || w.length > o.length);
  return changed >= 2 && changed <= MAX_MISSPELT && changed * 2 < o.length && !newEnding;
}

/**
 * Whether a misspelling may stand for an original only a majority of the
 * references write alike: the edition's word must be nothing like any word of
 * a reference that translates it ("Evropy" is "Europa", not "Europe" misspelt).
 */
function weakFits(word: NameMention, o: Orphan): boolean {
  // A name whose other words were translated: every reference writes this one, none dissents.
  if (!o.dissent?.length) return true;
  // Without a case ending: an ending on it is the edition's own inflection of its own form ("Hampuriin").
  if (word.text.length !== o.word.text.length) return false;
  const like = (t: NameMention) => !t.key.includes(' ') && (keysMatch(word.key, t.key) || respells(word.key, t.key) || misspelt(word.text, t.text));
  return !(o.dissent ?? []).some((r) => r.terms.some(like));
}

/** Longest case ending a misspelt name may carry ("-a", "-om", "-nın"). */
const MAX_SHORT_CASE = 4;

/**
 * The nearest vanished original the word may stand in for, unless it respells
 * one of them; an original it misspells with other consonants comes first, as
 * consonants substituted in place are no respelling by ear ("Pozpoe" for
 * "Pompeo"), while other vowels may be ("Qaidə", "Keron" for "Karen").
 */
function replacementOf(word: NameMention, length: number, orphans: Orphan[]): (Replacement & { orphan: Orphan }) | undefined {
  const garbled = orphans.filter((o) => misspelt(word.text, o.word.text, o.partial) && !sameConsonants(word.key, o.word.key) && (!o.weak || weakFits(word, o)));
  const sure = orphans.filter((o) => !o.weak);
  // A word of a translated name is no original another name may respell ("Kowalczyk" is no "Civil").
  if (orphans.some((o) => !garbled.includes(o) && (cognate(word.key, o.word.key) || (!o.partial && respells(word.key, o.word.key))))) return undefined;
  const at = word.start / length;
  const nearest = (pool: Orphan[], window: number) => {
    let best: (Replacement & { orphan: Orphan }) | undefined;
    for (const o of pool) {
      const distance = Math.abs(o.at - at);
      if (distance <= window && (!best || distance < best.distance)) best = { word, original: o.word.text, distance, orphan: o, misspelt: garbled.includes(o) };
    }
    return best;
  };
  // A misspelling names its original by its letters: a translation that moves a clause moves it anywhere in the paragraph.
  return nearest(garbled, 1) ?? nearest(sure, ORPHAN_WINDOW);
}

/**
 * Whether a reference's silence about this mention can count against it:
 * only Latin-script names, as editions in other scripts respell names by ear
 * ("Хейл" for "Hale") beyond what a key can tell from another name; and no
 * acronyms, which are translated per language ("OSCE", "ATƏT", "OSZE").
 */
const checkable = (m: NameMention): boolean => LATIN_START.test(m.text) && !isAcronym(m);

/** A word in Latin letters only: "Arena组织的" is a Latin name run into text of another script, not a name. */
const ALL_LATIN = /^[\p{Script=Latin}\p{M}]+$/u;

/**
 * The one word of the mention found in no reference, if exactly one is: a
 * name changed into another changes one word ("Michael Martinelli" for
 * "Michael Sanford"), while two or more unknown capitalised words in a row
 * are a translated title ("Centro Nacional", "Salud Asequible").
 */
function oneWordAmiss(m: NameMention, refs: RefNames[]): NameMention | undefined {
  const known = (w: NameMention) => refs.some((r) => findName(w, r.terms));
  const amiss = wordsOf(m).filter((w) => !known(w));
  if (amiss.length !== 1 || !ALL_LATIN.test(amiss[0].text)) return undefined;
  // A class prefix joined to a word ("UMongameli", "eBarnsley") makes it a word of this language's
  // grammar, whatever it names; an acronym with a case ending ("BBCren") is that acronym.
  if (PREFIXED.test(amiss[0].text)) return undefined;
  const joined = SUFFIXED.exec(amiss[0].text);
  if (joined && known({ ...amiss[0], text: joined[1], key: tokenKey(joined[1]) })) return undefined;
  return amiss[0];
}

/** A word of a few letters and then a capitalised word: the word with a class or case prefix joined to it. */
const PREFIXED = /^\p{L}{1,3}(\p{Lu}\p{Ll}{2,})$/u;
/** An acronym with a case ending written on ("BBCren", "NATOn"). */
const SUFFIXED = /^(\p{Lu}{2,})\p{Ll}{1,5}$/u;

/** Longest paragraph, in UTF-16 units, whose names are compared. */
const MAX_COMPARED = 20_000;

/**
 * Each name of the current paragraph against each reference's aligned
 * paragraph (null when the reference has none). A reference "lacks" a name
 * only when no reference contains it AND it stands where a name that every
 * reference writes letter for letter has vanished from the current paragraph
 * (`replaced`): a name changed into another leaves such an orphan behind,
 * while a word merely capitalised in this language (a translated ministry, a
 * title) stands where the references' words were translated too. With fewer
 * than two references nothing is invariant, so every reference abstains.
 * Only checkable names (above) are ever lacked.
 */
export function compareNames(current: NameText, refs: (NameText | null)[]): NameComparison[] {
  const mentions = extractNames(current.text, current.lang);
  // Fuzzy search is mentions × words; no real paragraph comes near this size,
  // so a longer one (or reference) says nothing rather than taking quadratic time.
  refs = refs.map((ref) => (ref && ref.text.length <= MAX_COMPARED ? ref : null));
  const abstain = () => refs.map(() => ({ support: 'abstain' as const }));
  if (current.text.length > MAX_COMPARED || !mentions.some(checkable)) return mentions.map((mention) => ({ mention, refs: abstain(), unsupported: false }));
  const terms = refs.map((ref) => (ref ? nameTerms(ref.text, ref.lang) : undefined));
  const asked = terms.filter(Boolean).length;
  const matches = mentions.map((m) => terms.map((t) => (t && checkable(m) ? findName(m, t) : undefined)));
  const unsupported = mentions.map((m, i) => checkable(m) && asked >= 2 && matches[i].every((x) => !x));
  // A sentence's first word is no name by its capital, but may be an original misspelt.
  const initials = asked >= 2 ? initialWords(current, mentions, refs).filter((m) => terms.every((t) => !t || !findName(m, t))) : [];
  const candidates = mentions.filter((_, i) => unsupported[i]);
  const replaced = candidates.length + initials.length > 0 ? replacedNames(current, refs, terms, candidates, initials) : new Map();
  const misspeltInitials = initials.filter((m) => replaced.has(m));
  return [...mentions, ...misspeltInitials].sort((a, b) => a.start - b.start).map((m) => {
    const i = mentions.indexOf(m);
    const r = replaced.get(m);
    return {
      mention: m,
      refs: refs.map((ref, j) => {
        const match = i < 0 ? undefined : matches[i][j];
        if (!ref || !checkable(m)) return { support: 'abstain' as const };
        if (match) return { support: 'found' as const, match };
        const original = r?.originals[j];
        return original ? { support: 'lacks' as const, match: original } : { support: 'abstain' as const };
      }),
      unsupported: i < 0 || unsupported[i],
      ...(r ? { replaced: r.replacement } : {}),
    };
  });
}

interface Replaced {
  replacement: Replacement;
  /** Each reference's occurrence of the original (offsets in its text), where it has one. */
  originals: (NameMention | undefined)[];
}

/**
 * Which of the names no reference supports stand where an invariant name of
 * the references has vanished. The references' names are extracted only
 * here, as most paragraphs have no unsupported name at all.
 */
function replacedNames(
  current: NameText,
  refs: (NameText | null)[],
  terms: (NameMention[] | undefined)[],
  unsupported: NameMention[],
  initials: NameMention[],
): Map<NameMention, Replaced> {
  const out = new Map<NameMention, Replaced>();
  const present = refs.flatMap((ref, j) => (ref && terms[j] ? [refNames(ref, terms[j])] : []));
  // Invariant names are the same in every reference: one reference's orphans are all of them.
  const anchor = present.find((r) => !NOUN_CAPITALISING.has(r.lang)) ?? present[0];
  if (present.length < 2 || !anchor) return out;
  const length = Math.max(1, current.text.length);
  const currentTerms = nameTerms(current.text, current.lang);
  const sure = orphansOf(anchor, invariantWords(anchor, present, false), currentTerms, current.text);
  // Weaker evidence of a vanished original, good only for a word that misspells it:
  // all references but one write it alike (that one translates it).
  const weak =
    present.length >= 3
      ? orphansOf(anchor, invariantWords(anchor, present, true), currentTerms, current.text)
          .filter((o) => !sure.some((x) => x.word === o.word))
          .map((o) => ({ ...o, weak: true, dissent: present.filter((r) => !writes(r, o.word.text)) }))
      : [];
  const orphans = [...sure, ...weak];
  if (orphans.length === 0) return out;
  for (const m of unsupported) {
    const word = oneWordAmiss(m, present);
    // Where every noun is capitalised, a run may open with a plain noun ("Schauspiller Roy Rogers").
    if (!word || (NOUN_CAPITALISING.has(current.lang) && word.start === m.start)) continue;
    const found = replacementOf(word, length, orphans);
    if (!found) continue;
    if (found.orphan.translated || reordered(word, found.orphan, currentTerms)) found.translated = true;
    out.set(m, replacedBy(found, refs, anchor));
  }
  for (const m of initials) {
    const found = replacementOf(m, length, orphans);
    if (found?.misspelt) out.set(m, replacedBy(found, refs, anchor));
  }
  return out;
}

/**
 * Capitalised Latin words opening a sentence that extraction left out as
 * ordinary words: not part of a name, not a month or language name, and a
 * misspelling of some capitalised word of a reference (a cheap first cut:
 * replacedNames asks for a vanished original).
 */
function initialWords(current: NameText, mentions: NameMention[], refs: (NameText | null)[]): NameMention[] {
  const tokens = tokenize(current.text);
  const common = commonWords(current.lang);
  const named = (t: Token) => mentions.some((m) => m.start <= t.start && t.end <= m.end);
  const refCapitals = () => refs.flatMap((r) => (r ? tokenize(r.text).filter((t) => t.capital) : []));
  let capitals: Token[] | undefined;
  return tokens.flatMap((t, i) => {
    if (!t.initial || t.acronym || t.key.length < MIN_FUZZY || !ALL_LATIN.test(t.text) || isCommonWord(t.key, common) || named(t)) return [];
    capitals ??= refCapitals();
    return capitals.some((c) => misspelt(t.text, c.text)) ? [mention(current.text, tokens, i, i)] : [];
  });
}

function replacedBy({ orphan, ...replacement }: Replacement & { orphan: Orphan }, refs: (NameText | null)[], anchor: RefNames): Replaced {
  return { replacement, originals: refs.map((ref) => (ref ? originalIn(ref.text, orphan, anchor) : undefined)) };
}

/** The reference's occurrence of the original nearest its place in the anchor reference. */
function originalIn(text: string, orphan: Orphan, anchor: RefNames): NameMention | undefined {
  if (text === anchor.text) return orphan.word;
  const written = new RegExp(asWritten(orphan.word.text).source, 'gu');
  let best: NameMention | undefined;
  for (const m of text.matchAll(written)) {
    const start = m.index ?? 0;
    const found = { start, end: start + orphan.word.text.length, text: orphan.word.text, key: orphan.word.key };
    if (!best || Math.abs(start / text.length - orphan.refAt) < Math.abs(best.start / text.length - orphan.refAt)) best = found;
  }
  return best;
}

// ------------------------------------------------------------ word index ---

/** The words of whole texts by comparison key, to ask whether a word occurs in them at all. */
export type WordIndex = Map<string, Map<string, number>>;

/** Keys that may be the same word share their first letters: sameSpelling needs the shorter, less one letter, to open the longer. */
const bucketOf = (key: string) => key.slice(0, MIN_FUZZY - 1);

const LOWER_START = /^\p{Ll}/u;
/** Shortest lower-case word that says a name is a word of the text: a shorter one opens too many by chance. */
const MIN_LOWER_OCCURRENCE = MIN_FUZZY + 1;

/**
 * The words of `texts`. With `names`, a word in lower case only when it is
 * long enough to be no chance opening of a name: a reference's "more" is no
 * occurrence of "Moreau", while its "stade" says "Stadion" is a word.
 */
export function wordIndex(texts: string[], names = false): WordIndex {
  const index: WordIndex = new Map();
  for (const text of texts) {
    for (const m of text.matchAll(WORD)) {
      const key = tokenKey(m[0]);
      if (!key || (names && key.length < MIN_LOWER_OCCURRENCE && LOWER_START.test(m[0]))) continue;
      const bucket = index.get(bucketOf(key)) ?? new Map<string, number>();
      bucket.set(key, (bucket.get(key) ?? 0) + 1);
      index.set(bucketOf(key), bucket);
    }
  }
  return index;
}

/** How many words of the index are this word, inflected or not ("Kowalczyk", "Kowalczyka"). */
export function occurrences(index: WordIndex, key: string): number {
  let n = 0;
  for (const [k, count] of index.get(bucketOf(key)) ?? []) if (sameSpelling(k, key)) n += count;
  return n;
}
