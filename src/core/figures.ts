// Typed figures: every number in a paragraph with its value and the role the
// words around it give it (money, percent, year, date, count, ordinal, number).
// Works on the folded text (ASCII digits, one space, lower case) and reports
// offsets in the original. Every step looks a bounded distance around one
// number, so the whole pass is linear in the text's length.
import type { Figure, FigureKind, Lang } from './types';
import { conventionOf, fold, fractionDigits, isDigit, isLetter, isNoSpaceScript, normaliseDigits, readNumber, scanNumber, type Folded, type RawNumber, type ReadNumber } from './digits';
import { CALENDAR_YEAR, DURATION_YEARS, getVocab, isBillionCognate, type Entry, type EntryType, type Vocab } from './vocab';

type ParsedNumber = ReadNumber & { start: number; end: number; integer: boolean };


interface Match {
  entry: Entry;
  start: number;
  end: number;
}

/** Words that end in inflection ("dollara", "oktyabrın", "процентов"→"процент"): how many letters may follow a stem. */
const MAX_INFLECTION = 5;
const MIN_STEM = 4;
const INFLECTED: ReadonlySet<EntryType> = new Set(['scale', 'currency', 'percent', 'month', 'unit', 'year', 'yearLabel']);
const HANGUL = /\p{sc=Hangul}/u;
/** Korean particles written onto the word before them ("달러를", "10퍼센트가", "3월에", "150만 파운드까지"), longest first. */
const KO_PARTICLES = ['에서는', '으로', '에서', '까지', '부터', '보다', '이상', '이하', '에게', '가량', '정도', '을', '를', '이', '가', '은', '는', '의', '에', '로', '와', '과', '도', '씩'];
/**
 * A year word after a number inflects even when short ("il" → "ildə", "ilin"); a currency needs a longer stem
 * ("euro" + "pe" is Europe) except where every noun takes case endings ("euroya").
 */
const minStem = (v: Vocab, type: EntryType, word: string): number => {
  if (type === 'year' || type === 'yearLabel' || !ALPHABET.test(word)) return SHORT_STEM;
  return type === 'currency' && !v.suffixing ? MIN_STEM + 1 : MIN_STEM;
};
/** Alphabets write vowels as letters; in abugidas and abjads ("ટકા", "ডলার", "دلار") two or three letters are a long word. */
const ALPHABET = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Georgian}\p{sc=Armenian}]/u;
const SHORT_STEM = 2;
/** Letters without their combining marks: in Indic scripts vowel signs are marks and don't lengthen a stem. */
const baseLetters = (w: string): number => w.replace(/\p{M}/gu, '').length;
/** How far back a word before the number may start ("dola za Marekani 5"). */
const LOOKBACK_TOKENS = 3;
const LOOKBACK_CHARS = 40;
/** Longest word allowed between a scale and its currency (a preposition or an adjective of origin). */
const MAX_CONNECTOR = 12;
const YEAR_MIN = 1800;
/** Years of the calendars still in use besides the Gregorian start above this (Solar Hijri 1403, Buddhist 2567). */
const OTHER_CALENDARS = 1000;
const YEAR_MAX = 2100;

// ---------------------------------------------------------------- vocabulary matching

/** Every vocabulary word that starts at `pos`, shortest first. */
function walk(v: Vocab, t: string, pos: number): { entries: Entry[]; end: number }[] {
  const out: { entries: Entry[]; end: number }[] = [];
  let node = v.trie;
  for (let p = pos; p < t.length; p++) {
    const child = node.next.get(t[p]);
    if (!child) break;
    node = child;
    if (node.entries) out.push({ entries: node.entries, end: p + 1 });
  }
  return out;
}

/** Where a matched word really ends: at a word boundary, possibly after a few inflection letters; -1 if mid-word. */
function wordEnd(v: Vocab, t: string, entry: Entry, end: number): number {
  const lastChar = entry.word[entry.word.length - 1];
  if (HANGUL.test(lastChar) && HANGUL.test(t[end] ?? '')) {
    const particle = KO_PARTICLES.find((x) => t.startsWith(x, end) && !HANGUL.test(t[end + x.length] ?? ''));
    return particle ? end + particle.length : -1;
  }
  if (!isLetter(lastChar) || isNoSpaceScript(lastChar) || !isLetter(t[end] ?? '')) return end;
  if (!INFLECTED.has(entry.type) || baseLetters(entry.word) < minStem(v, entry.type, entry.word)) return -1;
  if (entry.type === 'currency' && BRAHMIC.test(lastChar) && !brahmicEndingOk(v, t, end)) return -1;
  let p = end;
  while (p < t.length && p - end <= MAX_INFLECTION * 2 && isLetter(t[p]) && !isNoSpaceScript(t[p])) p++;
  return baseLetters(t.slice(end, p)) <= maxEnding(v, entry) && !isLetter(t[p] ?? '') ? p : -1;
}

/** Indic scripts, Devanagari to Sinhala. */
const BRAHMIC = /[\u0900-\u0DFF]/u;
/**
 * How case endings begin in the Dravidian languages, which glue them to every noun: a glide after a vowel
 * ("യൂറോയുടെ", "யூரோவில்"), a vowel sign, or a case consonant ("டாலர்களை", "ಡಾಲರ್‌ನ").
 */
const ENDING_ONSETS: Readonly<Record<string, readonly string[]>> = {
  ml: ['യ', 'വ', 'ക്ക', 'ും'],
  ta: ['வ', 'ய', 'க', 'ும்'],
  te: ['ల', 'క', 'న', 'వ', 'య'],
  kn: ['ಗ', 'ದ', 'ನ', 'ವ', 'ಯ', 'ಲ'],
};
const MARK = /\p{M}/u;

/**
 * Whether the letters after a currency name in an Indic script can be its ending (names of currencies are
 * loanwords, so a prefix of one is often another loanword). An ending starts with a vowel sign
 * ("डॉलरों", "ডলারের") or one of the language's case onsets; a consonant that starts a syllable of its own
 * makes another word: "യൂറോ" (euro) + "പ്പ്" is "യൂറോപ്പ്" (Europe), "यूरो" + "प" is "यूरोप".
 */
function brahmicEndingOk(v: Vocab, t: string, end: number): boolean {
  return MARK.test(t[end] ?? '') || (ENDING_ONSETS[v.lang] ?? []).some((onset) => t.startsWith(onset, end));
}

/**
 * An ending no longer than half its stem ("dollar|a", "sterlin|lik"), so "tenge|rész" (sailor) stays a word of
 * its own; year words and languages built on case endings take longer ones ("il|ində", "foiz|dan").
 */
const maxEnding = (v: Vocab, entry: Entry): number =>
  entry.type === 'year' || entry.type === 'yearLabel' || v.suffixing ? MAX_INFLECTION : Math.min(entry.type === 'unit' ? UNIT_ENDING : MAX_INFLECTION, Math.max(2, Math.ceil(baseLetters(entry.word) / 2)));

/**
 * CLDR lists a unit's plural forms, so outside the case languages what may follow is a short case ending
 * ("Zentimeter|n", "kilometr|a"): "secondary" is no "second".
 */
const UNIT_ENDING = 2;

const startsWord = (t: string, s: number, entry: Entry): boolean =>
  s === 0 || !isLetter(t[s - 1]) || !isLetter(entry.word[0]) || isNoSpaceScript(entry.word[0]) || isNoSpaceScript(t[s - 1]);

/** Where the longest place name among the words of a walk ends, or -1: a currency name inside it is none. */
function placeEnd(steps: { entries: Entry[]; end: number }[]): number {
  let end = -1;
  for (const step of steps) if (step.entries.some((e) => e.type === 'place')) end = step.end;
  return end;
}

class Matcher {
  constructor(
    readonly v: Vocab,
    readonly f: Folded,
    readonly original: string,
  ) {}

  get t(): string {
    return this.f.text;
  }

  /** ISO codes count only in capitals, so "all" or "try" never reads as a currency. */
  private casingOk(entry: Entry, s: number, e: number): boolean {
    if (!entry.upper) return true;
    const raw = this.original.slice(this.f.start[s], this.f.end[e - 1]);
    return raw === raw.toUpperCase();
  }

  /** The longest word of one of `types` starting at `pos`. */
  after(pos: number, types: readonly EntryType[], glued: boolean): Match | undefined {
    // walk() yields shorter words first, so the last acceptable one is the longest.
    let best: Match | undefined;
    const steps = walk(this.v, this.t, pos);
    const place = placeEnd(steps);
    for (const { entries, end } of steps) {
      for (const entry of entries) {
        if (!types.includes(entry.type) || (entry.glued && !glued) || !this.casingOk(entry, pos, end)) continue;
        if (entry.type === 'currency' && end < place) continue;
        if (!startsWord(this.t, pos, entry) && !glued) continue;
        const e = entry.dotted ? (this.t[end] === '.' ? end + 1 : -1) : wordEnd(this.v, this.t, entry, end);
        if (e >= 0) best = { entry, start: pos, end: e };
      }
    }
    return best;
  }

  /** The longest word of one of `types` ending at `end` (inflected words may end a few letters later), not before `floor`. */
  before(end: number, types: readonly EntryType[], floor: number, glued: boolean): Match | undefined {
    let best: Match | undefined;
    for (const s of this.candidateStarts(end, floor)) {
      const steps = walk(this.v, this.t, s);
      const place = placeEnd(steps);
      for (const { entries, end: e } of steps) {
        for (const entry of entries) {
          if (!types.includes(entry.type) || (entry.glued && !glued) || !startsWord(this.t, s, entry) || !this.casingOk(entry, s, e)) continue;
          if (entry.type === 'currency' && e < place) continue;
          const we = entry.dotted ? e : wordEnd(this.v, this.t, entry, e);
          // "Oct. 2": an abbreviation's dot may stand between the word and the number.
          const dotted = we >= 0 && this.t[we] === '.' && we + 1 === end;
          if (entry.dotted ? !dotted : we !== end && !dotted) continue;
          // The earliest start, and there the longest word: "ezigidigidi" (10^9) is no inflected "ezigidi" (10^6).
          if (!best || s < best.start || (s === best.start && entry.word.length > best.entry.word.length)) best = { entry, start: s, end };
        }
      }
    }
    return best;
  }

  /** Whether a word of one of `types` stands among the few tokens before `end`, with no number between ("اکتوبر میاشت په 2"). */
  near(end: number, types: readonly EntryType[], floor: number): boolean {
    return this.candidateStarts(end, floor).some((s) => {
      const found = this.after(s, types, false);
      return !!found && found.end <= end && !/[0-9]/.test(this.t.slice(found.end, end));
    });
  }

  /** Starts of the last few space-separated tokens before `end`, and every position inside the last one (for "US$" and unspaced scripts). */
  private candidateStarts(end: number, floor: number): number[] {
    const t = this.t;
    const out: number[] = [];
    const limit = Math.max(floor, end - LOOKBACK_CHARS);
    let tokens = 0;
    for (let p = end - 1; p >= limit && tokens < LOOKBACK_TOKENS; p--) {
      if (t[p] === ' ') continue;
      if (p === limit || t[p - 1] === ' ') tokens++;
      if (tokens === 0 || p === limit || t[p - 1] === ' ') out.push(p);
    }
    return out;
  }
}

// ---------------------------------------------------------------- roles

interface Draft {
  start: number;
  end: number;
  mantissa: number;
  scale: number;
  kind?: FigureKind;
  currency?: string;
  unit?: string;
  month?: number;
  ordinal: boolean;
  /** The long-scale reading of an ambiguous scale word ("bilioi": 1e12 where `scale` is 1e9). */
  altScale?: number;
  /** A month number written "10月" with no day: a month, not a figure. */
  silent?: boolean;
  /** See Figure.milliard. */
  milliard?: boolean;
}

const skipSpace = (t: string, p: number): number => (t[p] === ' ' ? p + 1 : p);
const skipSpaceBack = (t: string, p: number): number => (t[p - 1] === ' ' ? p - 1 : p);

/** Ordinal or case suffix right after the digits: "5th", "2023-cü", "18-də", "2023'te". */
function readSuffix(m: Matcher, d: Draft): void {
  const t = m.t;
  const ord = m.after(d.end, ['ordinal'], true);
  if (ord) {
    d.ordinal = true;
    d.end = ord.end;
    return;
  }
  if ((t[d.end] === '-' || t[d.end] === "'") && isLetter(t[d.end + 1] ?? '') && !isNoSpaceScript(t[d.end + 1])) {
    if (t[d.end] === '-' && yearCompound(m, d.end + 1)) {
      if (HYPHEN_ORDINAL.has(m.v.lang) && Number.isInteger(d.mantissa) && d.mantissa >= YEAR_MIN && d.mantissa <= YEAR_MAX) d.kind = 'year';
      else d.unit = 'year';
    }
    let p = d.end + 1;
    while (p < t.length && p - d.end <= MAX_INFLECTION && isLetter(t[p])) p++;
    if (!isLetter(t[p] ?? '')) d.end = p;
  }
}

const MIN_COMPOUND_YEAR = 3;

/**
 * Languages whose hyphen after a number makes it an ordinal ("5-oktabr", the 5th of October): there
 * "2014-yilda", "2014-жылы" is "in the 2014th year", a calendar year, where "63-летия" is an age.
 */
const HYPHEN_ORDINAL: ReadonlySet<Lang> = new Set(['uz', 'kk', 'ky']);

/**
 * "63-летия", "52-летний", "63-jährige", "20-year-old": a word glued on by a hyphen that starts with the
 * language's word for years makes an age or an anniversary, a number of years whatever its value
 * ("1945-летия" is no year). Case endings ("2023-də", "1945-го") don't start with it.
 */
function yearCompound(m: Matcher, p: number): boolean {
  return walk(m.v, m.t, p).some(({ entries, end }) => end - p >= MIN_COMPOUND_YEAR && entries.some((e) => e.type === 'year'));
}

/** Scale then currency after the number: "milyon dollar", "millions de dollars", "万美元", "bn", and "डॉलर बिलियन". */
function readScaleCurrency(m: Matcher, d: Draft, glued: number): boolean {
  const t = m.t;
  const scale = readScale(m, d, glued);
  const p = skipSpace(t, d.end);
  const found = m.after(p, ['currency'], p === d.end) ?? (scale ? viaConnector(m, p) : undefined);
  // "1.5bn and €3.1bn": a symbol right before the next number is that number's.
  const currency = found && !isDigit(t[skipSpace(t, found.end)] ?? '') ? found : undefined;
  if (currency) {
    d.currency = currency.entry.code;
    d.end = currency.end;
    if (!scale) readScale(m, d, -1);
  }
  return Boolean(scale || currency);
}

/** A currency symbol ("$", "£", "€") right before the digits. */
const afterSymbol = (t: string, start: number): boolean => /\p{Sc}/u.test(t[start - 1] ?? '') || /\p{Sc}/u.test(t[start - 2] ?? '');

/** A scale word, with the CJK myriad chain ("1億2000万") or a larger word multiplying it ("thousand million"). */
function readScale(m: Matcher, d: Draft, glued: number): boolean {
  const t = m.t;
  const p = skipSpace(t, d.end);
  const found = m.after(p, ['scale'], p === glued);
  const scale = found?.entry.money && m.v.lang !== 'en' && !afterSymbol(t, d.start) ? undefined : found;
  if (!scale) return false;
  setScale(d, scale.entry);
  d.end = scale.end;
  readMyriadChain(m, d);
  const q = skipSpace(t, d.end);
  // Unspaced scripts glue the larger word on: Khmer "ពាន់លាន" (thousand million) is 10^9.
  const larger = q > d.end || !isLetter(t[q] ?? '') || isNoSpaceScript(t[q]) ? m.after(q, ['scale'], false) : undefined;
  if (larger && larger.entry.value > d.scale) {
    const [scale0, alt0, milliard0] = [d.scale, d.altScale, d.milliard || isPlainScale(scale.entry)];
    setScale(d, larger.entry);
    if (d.altScale || alt0) d.altScale = (alt0 ?? scale0) * (d.altScale ?? d.scale);
    d.scale *= scale0;
    d.end = larger.end;
    // "mil millones", "mila milioi": 10^9 in words that are no "billion".
    d.milliard = d.scale === SHORT_BILLION && milliard0 && isPlainScale(larger.entry);
  }
  return true;
}

const SHORT_BILLION = 1e9;

/** A scale word with one reading that is no cognate of "billion" nor an abbreviation MT carries over ("bn"). */
const isPlainScale = (e: Entry): boolean => !e.alt && !e.glued && !isBillionCognate(e.word);

function setScale(d: Draft, entry: Entry): void {
  d.scale = entry.value;
  d.altScale = entry.type === 'scale' && entry.alt ? entry.alt : undefined;
  d.milliard = entry.value === SHORT_BILLION && isPlainScale(entry);
}

/** "1億2000万": a larger CJK scale followed by digits and a smaller one is one number (120,000,000). */
function readMyriadChain(m: Matcher, d: Draft): void {
  const t = m.t;
  while (isNoSpaceScript(t[d.end - 1]) && isDigit(t[d.end] ?? '')) {
    let p = d.end;
    while (p < t.length && isDigit(t[p]) && p - d.end < 4) p++;
    const next = m.after(p, ['scale'], true);
    if (!next || next.entry.value >= d.scale || !isNoSpaceScript(t[p])) return;
    d.mantissa = (d.mantissa * d.scale + Number(t.slice(d.end, p)) * next.entry.value) / next.entry.value;
    d.scale = next.entry.value;
    d.end = next.end;
  }
}

/** One word between the scale and its currency: "millions de dollars", "milioni di euro", "Millionen britischen Pfund". */
function viaConnector(m: Matcher, p: number): Match | undefined {
  let q = p;
  while (q < m.t.length && q - p <= MAX_CONNECTOR && isLetter(m.t[q])) q++;
  if (q === p || q - p > MAX_CONNECTOR || m.t[q] !== ' ') return undefined;
  const currency = m.after(q + 1, ['currency'], false);
  // Only a currency name ("de dollars"): a symbol after a word belongs to what follows it.
  return currency && isLetter(currency.entry.word[0]) ? currency : undefined;
}

/** Dates by month number: "10月18日", "10월 18일", "9-р сарын 30"; "18日" (day alone); "10月" alone is a month, not a figure. */
function readNumericDate(m: Matcher, d: Draft, value: number): boolean {
  const t = m.t;
  const p = skipSpace(t, d.end);
  const day = m.after(p, ['dayMark'], true);
  if (day && day.entry.value === 1 && value >= 1 && value <= 31) {
    Object.assign(d, { kind: 'date', end: day.end });
    return true;
  }
  const mark = m.after(p, ['monthMark'], true);
  if (!mark || value < 1 || value > 12) return false;
  const q = skipSpace(t, mark.end);
  let r = q;
  while (r < t.length && isDigit(t[r]) && r - q < 3) r++;
  const dayValue = Number(t.slice(q, r));
  if (r > q && r - q <= 2 && dayValue >= 1 && dayValue <= 31) {
    const dayMark = m.after(skipSpace(t, r), ['dayMark'], true);
    Object.assign(d, { kind: 'date', month: value, mantissa: dayValue, end: dayMark ? dayMark.end : r });
    readSuffix(m, d);
  } else {
    Object.assign(d, { silent: true, end: mark.end });
  }
  return true;
}

/** "30 de setembro", "30-sentabr": the month after CLDR's day–month link word or a hyphen. */
function monthAfterLink(m: Matcher, q: number): Match | undefined {
  if (m.t[q] === '-') return m.after(q + 1, ['month'], true);
  // The link may be glued to the month, as Hebrew's "ב" ("30 בספטמבר"): any link that a month follows.
  for (const { entries, end } of walk(m.v, m.t, q)) {
    if (!entries.some((e) => e.type === 'dateLink')) continue;
    const month = m.after(skipSpace(m.t, end), ['month'], true);
    if (month) return month;
  }
  return undefined;
}

/** The words after the number, in the order they can follow it. */
function readAfter(m: Matcher, d: Draft, n: ParsedNumber): void {
  const t = m.t;
  readSuffix(m, d);
  if (d.kind) return;
  const glued = d.end;
  const p = skipSpace(t, d.end);
  const percent = m.after(p, ['percent'], true);
  if (percent) {
    Object.assign(d, { kind: 'percent', end: percent.end });
    return;
  }
  if (readNumericDate(m, d, n.value)) return;
  if (readScaleCurrency(m, d, glued)) return;
  const q = skipSpace(t, d.end);
  // "18. Oktober": the ordinal dot of day numbers in German, Nordic and Slavic dates.
  const dayDot = t[d.end] === '.' && t[d.end + 1] === ' ' ? d.end + 2 : q;
  const month = n.integer && n.value >= 1 && n.value <= 31 ? (m.after(q, ['month'], false) ?? m.after(dayDot, ['month'], false) ?? monthAfterLink(m, q)) : undefined;
  if (month) {
    Object.assign(d, { kind: 'date', month: month.entry.value, end: month.end });
    return;
  }
  const year = d.unit === 'year' ? undefined : m.after(q, ['year'], true);
  // The word decides where it can ("в 63 году" is the year 63); otherwise a year-like value does ("2023 il").
  const calendar = year?.entry.alt === CALENDAR_YEAR && n.integer && !n.grouped;
  const yearLike = n.integer && !n.grouped && n.value >= YEAR_MIN && n.value <= YEAR_MAX && year?.entry.alt !== DURATION_YEARS;
  if (year && (d.ordinal || calendar || yearLike)) {
    Object.assign(d, { kind: 'year', end: year.end });
    return;
  }
  const unit = m.after(q, ['unit'], q === glued) ?? (year ? { ...year, entry: { ...year.entry, code: 'year' } } : undefined);
  if (unit) Object.assign(d, { unit: unit.entry.code, end: unit.end });
}

/**
 * Where the role word before a number would end: before the linker word standing between them, if any
 * (Nguni relative concords: "amaphesenti angu-40", "ezigidi ezingu-11", percent/millions "which are" N).
 */
function pastLinker(m: Matcher, e: number, floor: number): number {
  const hyphen = m.t[e - 1] === '-' ? e - 1 : e;
  const linker = m.before(hyphen, ['linker'], floor, true);
  return linker ? skipSpaceBack(m.t, linker.start) : e;
}

/** Words before the number: "$", "US$", "dola milioni", "asilimia", "%", "Oktoba", "第". */
function readBefore(m: Matcher, d: Draft, n: ParsedNumber, floor: number): void {
  const t = m.t;
  const glued = d.start;
  const e = pastLinker(m, skipSpaceBack(t, d.start), floor);
  if (d.kind === undefined && !d.currency) {
    const percent = m.before(e, ['percent'], floor, e === glued);
    if (percent && d.scale === 1) {
      Object.assign(d, { kind: 'percent', start: percent.start });
      return;
    }
    const month = n.integer && n.value >= 1 && n.value <= 31 && d.scale === 1 ? m.before(e, ['month'], floor, false) : undefined;
    if (month) {
      Object.assign(d, { kind: 'date', month: month.entry.value, start: month.start });
      return;
    }
    // "im Jahr 52": a calendar year whatever its value, as "в 63 году" is; below the years other calendars
    // count now ("ปี 2556", Buddhist; "سال ۱۳۹۷", Solar Hijri), which a Gregorian year would take for a slip.
    const label = n.integer && !n.grouped && n.value < OTHER_CALENDARS && d.scale === 1 && !d.unit ? m.before(e, ['yearLabel'], floor, e === glued) : undefined;
    if (label) {
      Object.assign(d, { kind: 'year', start: label.start });
      return;
    }
  }
  if (d.kind !== undefined) return;
  let s = e;
  if (d.scale === 1 && !d.currency) {
    const scale = m.before(s, ['scale'], floor, s === glued);
    if (scale) {
      setScale(d, scale.entry);
      d.start = scale.start;
      s = skipSpaceBack(t, scale.start);
    }
  }
  if (!d.currency) {
    const currency = m.before(s, ['currency'], floor, s === d.start);
    if (currency) {
      d.currency = currency.entry.code;
      d.start = currency.start;
    }
  }
  const prefix = m.before(d.start, ['ordinalPrefix'], floor, true);
  if (prefix) {
    d.ordinal = true;
    d.start = prefix.start;
  }
}

function kindOf(d: Draft, n: ParsedNumber): FigureKind {
  if (d.kind) return d.kind;
  if (d.currency) return 'money';
  if (d.scale !== 1) return 'count';
  if (d.ordinal) return 'ordinal';
  if (n.integer && !n.grouped && !d.unit && n.value >= YEAR_MIN && n.value <= YEAR_MAX) return 'year';
  return 'number';
}

const MAX_CODE_PREFIX = 12;
const CODE_SCRIPT = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]/u;

/** A digit glued to a word or code ("G20", "COVID-19", "A320"): part of a name, not a figure. */
function isIdentifier(m: Matcher, start: number): boolean {
  const t = m.t;
  const end = t[start - 1] === '-' ? start - 1 : start;
  // Only alphabets that write codes: Ethiopic, Arabic or Burmese glue prepositions to numbers ("በ24", "ከ1994").
  if (!CODE_SCRIPT.test(t[end - 1] ?? '')) return false;
  // "G20", "COVID-19", "F-16" are codes; a lower-case prefix is grammar ("muna1994", "ngo-2014", "ke-50").
  let p = end - 1;
  while (p > 0 && end - p < MAX_CODE_PREFIX && isLetter(t[p - 1])) p--;
  const head = m.original.slice(m.f.start[p], m.f.end[end - 1]);
  if (head === head.toLowerCase()) return false;
  // "Ngo-1992" opening a sentence is "ngo-1992" (in 1992) capitalised; codes are capitals ("F-16", "COVID-19").
  return !(CAPITALISED.test(head) && sentenceStart(m.original, m.f.start[p]));
}

/** A word with only its first letter a capital, as a sentence's first word is written. */
const CAPITALISED = /^\p{Lu}[\p{Ll}\p{M}]+$/u;

/** Whether `at` opens the text or a sentence: only spaces, opening quotes or brackets after a full stop before it. */
function sentenceStart(text: string, at: number): boolean {
  let p = at;
  while (p > 0 && /[\s"'“‘«(\[]/u.test(text[p - 1])) p--;
  return p === 0 || /[.!?。؟।]/u.test(text[p - 1]);
}

/** Burmese writes clock times with the visarga: "၁၂း၀၀". */
const TIME_SEPARATORS = new Set([':', '\u1038']);

/**
 * "10:30", "19:00": clock times are written so differently across languages
 * ("7 p.m.", "19 h", "19:00 Uhr") that they are not compared. A colon before a
 * number of other length is a score ("5:4", "10:6"), whose numbers count.
 */
function isTime(t: string, n: { start: number; end: number }): boolean {
  const minutesAfter = (p: number) => isDigit(t[p] ?? '') && isDigit(t[p + 1] ?? '') && !isDigit(t[p + 2] ?? '');
  if (TIME_SEPARATORS.has(t[n.end]) && minutesAfter(n.end + 1) && n.end - n.start <= 2) return true;
  return TIME_SEPARATORS.has(t[n.start - 1]) && isDigit(t[n.start - 2] ?? '') && n.end - n.start === 2;
}

/** mantissa × scale; toPrecision drops binary noise from the product (523.7 × 1e6 = 523700000.00000006). */
const scaled = (mantissa: number, scale: number): number => Number((mantissa * scale).toPrecision(15));

function toFigure(d: Draft, n: ParsedNumber, text: string, f: Folded): Figure {
  const start = f.start[d.start];
  const end = f.end[d.end - 1];
  const kind = kindOf(d, n);
  const fig: Figure = { kind, value: scaled(d.mantissa, d.scale), mantissa: d.mantissa, scale: d.scale, start, end, text: text.slice(start, end) };
  if (d.currency) fig.currency = d.currency;
  if (d.unit) fig.unit = d.unit;
  if (d.month) fig.month = d.month;
  if (d.altScale) fig.altScale = d.altScale;
  if (d.milliard) fig.milliard = true;
  // "7,0" is precise to a tenth, and its digits are 7 and 0: neither survives in the value 7.
  if (d.mantissa === n.value && n.decimals > fractionDigits(n.value)) fig.decimals = n.decimals;
  return fig;
}

/** What may stand between the two ends of a range: a dash or tilde, or one short word ("to", "bis", "à", "ila", "至"). */
const RANGE_LINK = /^ ?(?:[-~\u301C\uFF5E]|[\p{L}\p{M}]{1,4}) ?$/u;
const RANGE_LINK_MAX = 8;

/**
 * "5 to 10 percent", "yüzde 30 ila 43", "$5-10 million": one end of a range
 * carries the role words for both, so a bare end takes the role of the other.
 */
function shareRangeRoles(figs: Figure[], text: string): void {
  for (let i = 0; i + 1 < figs.length; i++) {
    const [a, b] = [figs[i], figs[i + 1]];
    if (b.start - a.end > RANGE_LINK_MAX || !RANGE_LINK.test(fold(text.slice(a.end, b.start)).text)) continue;
    // The role word stands at the far end of the range: after the second number, or before the first.
    if (isBare(a) && !isBare(b) && wordsAfterDigits(b)) adopt(a, b);
    else if (isBare(b) && !isBare(a) && !wordsAfterDigits(a)) adopt(b, a);
    else if (a.kind === 'money' && a.scale === 1 && b.kind === 'count') {
      // "$5-10 million": the currency before the first end, the scale after the second.
      a.scale = b.scale;
      a.value = scaled(a.mantissa, b.scale);
      shareAltScale(a, b);
      b.kind = 'money';
      b.currency = a.currency;
    }
  }
}

const isBare = (x: Figure): boolean => x.kind === 'number' && x.scale === 1 && !x.unit;
/** "10 percent" (role after the digits) rather than "yüzde 30", "$5" (role before them). */
const wordsAfterDigits = (x: Figure): boolean => isDigit(normaliseDigits(x.text[0]));

const ROLE_KINDS: ReadonlySet<FigureKind> = new Set(['percent', 'money', 'count']);

/** The end that borrows the other's scale word borrows its second reading too ("2-3 bilioi"). */
function shareAltScale(to: Figure, from: Figure): void {
  if (from.altScale) to.altScale = from.altScale;
}

function adopt(bare: Figure, other: Figure): void {
  if (!ROLE_KINDS.has(other.kind) && !other.unit) return;
  bare.kind = other.kind;
  bare.scale = other.scale;
  bare.value = scaled(bare.mantissa, other.scale);
  shareAltScale(bare, other);
  if (other.currency) bare.currency = other.currency;
  if (other.unit) bare.unit = other.unit;
}


/** Every number of the folded text, left to right, each scanned once. */
function numbersOf(t: string): RawNumber[] {
  const out: RawNumber[] = [];
  for (let i = 0; i < t.length; ) {
    if (!isDigit(t[i])) {
      i++;
      continue;
    }
    const n = scanNumber(t, i);
    out.push(n);
    i = n.end;
  }
  return out;
}

/**
 * "26.750 ដុល្លារ" where the locale's decimal mark is the dot: an amount of money without a scale word has
 * cents, never three decimals, so a lone mark before exactly three digits groups thousands ($26,750).
 */
function regroupMoney(d: Draft, raw: RawNumber): void {
  const [head, tail] = raw.runs;
  if (!d.currency || d.scale !== 1 || raw.seps.length !== 1 || raw.seps[0] === ' ' || tail.length !== 3 || head === '0') return;
  d.mantissa = Number(head + tail);
}

const MAX_DAY = 31;

/**
 * "ਅਕਤੂਬਰ 2,1968", "October 2,1968", "اکتوبر میاشت په 2,1968": after a month name, a day, a comma and a four-digit year are two
 * numbers whose space after the comma went missing, not the decimal 2.1968. A year after a comma has four
 * digits, where a decimal in such a place has any number and a thousands group three.
 */
function splitDayYear(m: Matcher, raw: RawNumber): RawNumber[] {
  const [day, year] = raw.runs;
  if (raw.seps.length !== 1 || raw.seps[0] !== ',' || day.length > 2 || year.length !== 4) return [raw];
  if (Number(day) < 1 || Number(day) > MAX_DAY || Number(year) < YEAR_MIN || Number(year) > YEAR_MAX) return [raw];
  if (!m.near(raw.start, ['month'], 0)) return [raw];
  const dayEnd = raw.start + day.length;
  return [
    { start: raw.start, end: dayEnd, runs: [day], seps: [] },
    { start: dayEnd + 1, end: raw.end, runs: [year], seps: [] },
  ];
}

/**
 * Long-scale languages name 10^9 "milliard" and 10^12 with the cognate of "billion", which MT also carries
 * over in its English sense, so alone the cognate reads both ways (Figure.altScale). An edition that writes
 * the milliard word anywhere (the paragraphs' figures, in order) keeps the two apart: its cognates take their
 * own, long-scale reading only ("3,1 Billionen €" beside "2,2 Milliarden €" is 3.1 trillion).
 */
export function settleLongScale(paragraphs: readonly Figure[][]): void {
  if (!paragraphs.some((figs) => figs.some((f) => f.milliard))) return;
  for (const figs of paragraphs) {
    for (const f of figs) {
      if (!f.altScale) continue;
      f.scale = f.altScale;
      f.value = scaled(f.mantissa, f.scale);
      delete f.altScale;
    }
  }
}

/** Every figure in `text` (one paragraph in language `lang`), sorted by start, non-overlapping, offsets in UTF-16 units of `text`. */
export function extractFigures(text: string, lang: Lang): Figure[] {
  const v = getVocab(lang);
  const f = fold(text);
  const t = f.text;
  const m = new Matcher(v, f, text);
  const raws = numbersOf(t).flatMap((raw) => splitDayYear(m, raw));
  const convention = conventionOf(raws);
  const out: Figure[] = [];
  let floor = 0;
  for (const raw of raws) {
    if (raw.start < floor) continue;
    const read = readNumber(raw, convention, v.group);
    if (!read || isTime(t, raw)) continue;
    const n: ParsedNumber = { start: raw.start, end: raw.end, ...read, integer: Number.isInteger(read.value) };
    if (isIdentifier(m, n.start) && !m.before(n.start, ['ordinalPrefix'], floor, true)) continue;
    const d: Draft = { start: n.start, end: n.end, mantissa: n.value, scale: 1, ordinal: false };
    readAfter(m, d, n);
    if (!d.silent) readBefore(m, d, n, floor);
    regroupMoney(d, raw);
    floor = d.end;
    if (!d.silent) out.push(toFigure(d, n, text, f));
  }
  shareRangeRoles(out, text);
  return out;
}
