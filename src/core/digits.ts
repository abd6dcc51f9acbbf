// Unicode decimal digits → ASCII, and the one text folding that both figure
// extraction and the vocabulary use, so a word from CLDR and the same word in a
// page compare equal whatever digits, spaces, apostrophes or case they carry.

const ND = /\p{Nd}/u;
const LETTER = /[\p{L}\p{M}]/u;
/** Scripts written without spaces between words: a vocabulary word there needs no word boundary. */
const NO_SPACE_SCRIPT = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u;

const digitCache = new Map<number, number>();

/**
 * Nd ranges that pages in our languages use as letters: the Zawgyi Burmese
 * encoding (still common on Burmese sites and in MT output) writes letters with
 * the Myanmar Shan digits.
 */
const NOT_DIGITS: readonly (readonly [number, number])[] = [[0x1090, 0x1099]];

/**
 * Zawgyi also writes the letters wa (ဝ), ၎ and ရ with the Myanmar digits zero,
 * four and seven: a lone such digit glued to a Myanmar letter is that letter.
 */
const ZAWGYI_LETTER_DIGITS = new Set([0x1040, 0x1044, 0x1047]);
const isMyanmarLetter = (cp: number): boolean => cp >= 0x1000 && cp <= 0x109f && !(cp >= 0x1040 && cp <= 0x1049) && !(cp >= 0x1090 && cp <= 0x1099);

const isMyanmarDigit = (cp: number): boolean => cp >= 0x1040 && cp <= 0x1049;
/** Longest run of letter-digits looked at: "ေ၀၀" is a word, longer runs of them are numbers. */
const MAX_ZAWGYI_RUN = 3;

/**
 * Whether the Myanmar digit at `i` is a Zawgyi letter: alone after a letter ("သဘာ၀", nature), or in a short run
 * of letter-digits with letters on both sides ("ေ၀း", "သ၀၀ါ"). A number glued to one side only stays a number:
 * Burmese writes counters onto numbers ("၃ေယာက္", three people; "လူ၃၀၀", 300 people).
 */
function isZawgyiLetter(s: string, i: number, cp: number): boolean {
  if (!isMyanmarDigit(cp) || !ZAWGYI_LETTER_DIGITS.has(cp)) return false;
  if (isMyanmarLetter(s.charCodeAt(i - 1)) && !isMyanmarDigit(s.charCodeAt(i + 1))) return true;
  let a = i;
  while (a > 0 && i - a < MAX_ZAWGYI_RUN && isMyanmarDigit(s.charCodeAt(a - 1))) a--;
  let b = i + 1;
  while (b - a <= MAX_ZAWGYI_RUN && isMyanmarDigit(s.charCodeAt(b))) b++;
  if (b - a > MAX_ZAWGYI_RUN || !isMyanmarLetter(s.charCodeAt(a - 1)) || !isMyanmarLetter(s.charCodeAt(b))) return false;
  for (let k = a; k < b; k++) if (!ZAWGYI_LETTER_DIGITS.has(s.charCodeAt(k))) return false;
  return true;
}

/**
 * The value 0–9 of a Unicode decimal digit (General Category Nd), or -1.
 * Nd digits come in contiguous runs of ten starting at zero (Unicode stability
 * policy), some runs adjacent (mathematical digits), so the value is the
 * distance from the start of the contiguous run, modulo ten.
 */
export function digitValue(cp: number): number {
  if (cp >= 48 && cp <= 57) return cp - 48;
  if (cp < 0x660 || NOT_DIGITS.some(([a, b]) => cp >= a && cp <= b)) return -1;
  const cached = digitCache.get(cp);
  if (cached !== undefined) return cached;
  let value = -1;
  if (ND.test(String.fromCodePoint(cp))) {
    let start = cp;
    while (start > 0 && ND.test(String.fromCodePoint(start - 1))) start--;
    value = (cp - start) % 10;
  }
  digitCache.set(cp, value);
  return value;
}

/** Replaces every Unicode decimal digit with its ASCII digit; other characters are kept. */
export function normaliseDigits(s: string): string {
  let out = '';
  for (const ch of s) {
    const d = digitValue(ch.codePointAt(0)!);
    out += d >= 0 ? String(d) : ch;
  }
  return out;
}

export const isLetter = (ch: string): boolean => ch !== '' && LETTER.test(ch);
export const isNoSpaceScript = (ch: string): boolean => ch !== '' && NO_SPACE_SCRIPT.test(ch);
export const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';

/** Characters folded to one ASCII stand-in (separators, percent and dashes as scripts and MT write them). */
const FOLD: Record<string, string> = {
  '\u066B': '.', // Arabic decimal separator
  '\u066C': ',', // Arabic thousands separator
  '\u060C': ',', // Arabic comma
  '\u066A': '%', '\uFE6A': '%',
  '\u2019': "'", '\u2018': "'", '\u02BC': "'", '\u2032': "'", '\u00B4': "'", '`': "'",
  // Hebrew abbreviations take the gershayim, which pages and MT type as a double quote ("מ“מ", CLDR "מ״מ": mm).
  '\u05F4': '"', '\u201C': '"', '\u201D': '"',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2212': '-', '\u2015': '-',
  '\u0130': 'i', // Turkish dotted capital I: lower-casing would add a combining dot
  // Arabic and Persian letter variants that CLDR and pages mix: Arabic yeh and kaf, alef maksura.
  '\u064A': '\u06CC', '\u0649': '\u06CC', '\u0643': '\u06A9',
};

/** Invisible characters (bidi marks, zero-width spaces/joiners, soft hyphen) that CLDR and pages sprinkle unevenly. */
const DROP = new Set([
  ...['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u2060', '\uFEFF', '\u00AD', '\u061C'],
  // Arabic short-vowel marks and the tatweel, written in some words and not others.
  ...Array.from({ length: 0x0653 - 0x064b }, (_, i) => String.fromCharCode(0x064b + i)),
  '\u0670',
  '\u0640',
]);

const SPACE = /\s/u;

/** Folded text plus, for each folded UTF-16 unit, the original range it came from. */
export interface Folded {
  text: string;
  /** start[i]: offset in the original of the character that produced folded unit i. */
  start: Int32Array;
  /** end[i]: offset in the original just after that character. */
  end: Int32Array;
}

function foldChar(ch: string, cp: number): string {
  const d = digitValue(cp);
  if (d >= 0) return String(d);
  const mapped = FOLD[ch];
  if (mapped !== undefined) return mapped;
  if (DROP.has(ch)) return '';
  if (cp >= 0xff01 && cp <= 0xff5e) return String.fromCharCode(cp - 0xfee0).toLowerCase(); // full-width ASCII
  if (cp < 128) return cp <= 32 ? ' ' : ch.toLowerCase();
  if (SPACE.test(ch)) return ' ';
  return stripAccents(ch.toLowerCase());
}

const ALPHABETIC = /[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}]/u;
const MARKS = /\p{M}/gu;
const accentCache = new Map<string, string>();

/**
 * Latin, Greek and Cyrillic letters lose their accents ("bílíọ́nù" = "bilíọ̀nù",
 * "εκατομμυρίων" ~ "εκατομμύρια"): pages and CLDR place tone and stress marks
 * unevenly. Other scripts keep their marks, which there are vowels.
 */
function stripAccents(ch: string): string {
  if (!ALPHABETIC.test(ch)) return ch;
  let out = accentCache.get(ch);
  if (out === undefined) accentCache.set(ch, (out = ch.normalize('NFD').replace(MARKS, '') || ch));
  return out;
}

/** A combining mark on a Latin, Greek or Cyrillic letter (written decomposed): dropped with the accents. */
const isAccentOn = (s: string, i: number, cp: number): boolean =>
  cp >= 0x300 && cp <= 0x36f && i > 0 && ALPHABETIC.test(s[i - 1]);

/**
 * Folds text for matching: ASCII digits, one space character, one apostrophe,
 * one dash, lower case, invisible marks dropped. Keeps the mapping back to the
 * original so offsets found in the folded text can be reported in the original.
 */
export function fold(s: string): Folded {
  // Code units, not a list of small strings: a megabyte of text would otherwise be a million strings to collect.
  let units = new Uint16Array(s.length + 8);
  let start = new Int32Array(s.length + 8);
  let end = new Int32Array(s.length + 8);
  let n = 0;
  for (let i = 0; i < s.length; ) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const out = isZawgyiLetter(s, i, cp) ? s[i] : isAccentOn(s, i, cp) ? '' : foldCached(s, i, width, cp);
    if (n + out.length > units.length) {
      units = grow(units);
      start = grow(start);
      end = grow(end);
    }
    for (let k = 0; k < out.length; k++, n++) {
      units[n] = out.charCodeAt(k);
      start[n] = i;
      end[n] = i + width;
    }
    i += width;
  }
  return { text: unitsToString(units, n), start: start.subarray(0, n), end: end.subarray(0, n) };
}

const CHUNK = 8192;

function unitsToString(units: Uint16Array, n: number): string {
  const parts: string[] = [];
  // apply, not spread: spreading a typed array walks its iterator, five times slower on paragraph-sized text.
  for (let i = 0; i < n; i += CHUNK) parts.push(String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]));
  return parts.join('');
}

function grow<T extends Int32Array | Uint16Array>(a: T): T {
  const b = new (a.constructor as new (n: number) => T)(a.length * 2);
  b.set(a);
  return b;
}

const foldCache = new Map<number, string>();
const ASCII_FOLD: readonly string[] = Array.from({ length: 128 }, (_, cp) => foldChar(String.fromCharCode(cp), cp));

/** foldChar, memoised per code point: its regex tests dominate on long non-ASCII text. */
function foldCached(s: string, i: number, width: number, cp: number): string {
  if (cp < 128) return ASCII_FOLD[cp];
  let out = foldCache.get(cp);
  if (out === undefined) foldCache.set(cp, (out = foldChar(s.slice(i, i + width), cp)));
  return out;
}

/** The folded form of a vocabulary word (no offsets needed). */
export const foldWord = (s: string): string => fold(s).text.replace(/ +/g, ' ').trim();

// ---------------------------------------------------------------- numbers and their separators

/** Digits and the separators between them, as written, before deciding which separator is the decimal point. */
export interface RawNumber {
  start: number;
  end: number;
  runs: string[];
  seps: string[];
}

/** Which mark is the decimal point in a text: 'dot' (523.7, 1,234), 'comma' (523,7, 1.234), or unknown. */
export type Convention = 'dot' | 'comma' | undefined;

export interface ReadNumber {
  value: number;
  /** Written with a grouping separator ("2,023"): never a year. */
  grouped: boolean;
  /** Digits written after the decimal mark, trailing zeros included ("7,0": 1). */
  decimals: number;
}

const MAX_RUN = 64;
const isSep = (c: string): boolean => c === ',' || c === '.' || c === "'" || c === ' ';

/**
 * Reads the number starting at `i` in folded text: digit runs joined by
 * separators; a space or apostrophe joins only an exact group of three after
 * a head of at most three digits ("1 234 567", "1'000"), so "in 2018 300
 * people" stays two numbers. Stops before a separator not followed by a digit.
 */
export function scanNumber(t: string, i: number): RawNumber {
  const runs: string[] = [];
  const seps: string[] = [];
  let p = i;
  for (;;) {
    const s = p;
    while (p < t.length && isDigit(t[p])) p++;
    runs.push(t.slice(s, p));
    const sep = t[p];
    if (!isSep(sep ?? '') || !isDigit(t[p + 1] ?? '')) break;
    let q = p + 1;
    while (q < t.length && isDigit(t[q])) q++;
    const thin = sep === ' ' || sep === "'";
    if (thin && (q - p - 1 !== 3 || runs[0].length > 3 || seps.some((x) => x !== sep))) break;
    seps.push(sep);
    p++;
  }
  return { start: i, end: p, runs, seps };
}

/** The convention a number shows unambiguously (mixed separators, a repeated group mark, a decimal not of three digits). */
function evidence(n: RawNumber): Convention {
  const { runs, seps } = n;
  const marks = seps.filter((s) => s === ',' || s === '.');
  if (marks.length === 0) return undefined;
  const last = seps[seps.length - 1];
  const decimalIs = (mark: string): Convention => (mark === '.' ? 'dot' : mark === ',' ? 'comma' : undefined);
  if (new Set(seps).size > 1) return decimalIs(last);
  if (seps.length > 1) return last === ',' ? 'dot' : last === '.' ? 'comma' : undefined;
  return runs[runs.length - 1].length !== 3 ? decimalIs(last) : undefined;
}

/** The majority convention of the unambiguous numbers of one text, used to read its ambiguous ones ("26,750"). */
export function conventionOf(numbers: readonly RawNumber[]): Convention {
  let score = 0;
  for (const n of numbers) {
    const e = evidence(n);
    score += e === 'dot' ? 1 : e === 'comma' ? -1 : 0;
  }
  return score > 0 ? 'dot' : score < 0 ? 'comma' : undefined;
}

/**
 * The value of a raw number, or undefined when its separators make no number
 * ("18.10.2023", "1,23,4"). A lone separator before exactly three digits is
 * ambiguous: the text's own convention decides; without one, a comma groups
 * (decimals of exactly three digits are rare, MT keeps "26,750" in every
 * language) and a dot groups only where the locale groups with dots.
 */
export function readNumber(n: RawNumber, convention: Convention, localeGroup: string): ReadNumber | undefined {
  const { runs, seps } = n;
  if (runs.some((r) => r.length > MAX_RUN)) return undefined;
  if (seps.length === 0) return { value: Number(runs[0]), grouped: false, decimals: 0 };
  const last = seps[seps.length - 1];
  const lastRun = runs[runs.length - 1];
  let decimal = false;
  if (new Set(seps).size > 1) {
    if (seps.slice(0, -1).includes(last) || last === ' ' || last === "'") return undefined;
    decimal = true;
  } else if (seps.length === 1 && (last === ',' || last === '.')) {
    decimal = lastRun.length !== 3 || runs[0] === '0' || runs[0].length > 3 || ambiguousIsDecimal(last, convention, localeGroup);
  }
  const groupRuns = decimal ? runs.slice(0, -1) : runs;
  if (!validGroups(groupRuns)) return undefined;
  const digits = groupRuns.join('');
  return { value: Number(decimal ? `${digits}.${lastRun}` : digits), grouped: groupRuns.length > 1, decimals: decimal ? lastRun.length : 0 };
}

/** Decimal places of a value as JavaScript writes it (no trailing zeros: 7.50 has one). */
export function fractionDigits(x: number): number {
  const s = String(x);
  const dot = s.indexOf('.');
  return dot < 0 || s.includes('e') ? 0 : s.length - dot - 1;
}

function ambiguousIsDecimal(mark: string, convention: Convention, localeGroup: string): boolean {
  if (convention) return (mark === '.') === (convention === 'dot');
  return mark === '.' && localeGroup !== '.';
}

/** Head of 1–3 digits, then groups of three (Western) or of two ending in three (Indian lakh grouping). */
function validGroups(runs: string[]): boolean {
  if (runs.length === 1) return true;
  if (runs[0].length < 1 || runs[0].length > 3) return false;
  const tail = runs.slice(1);
  if (tail[tail.length - 1].length !== 3) return false;
  const middle = tail.slice(0, -1);
  return middle.every((r) => r.length === 3) || middle.every((r) => r.length === 2);
}
