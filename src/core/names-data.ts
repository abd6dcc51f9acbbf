// Small hand-written tables for name detection and matching. Everything that
// CLDR knows (country, month, weekday and language names) comes from Intl at
// run time in names.ts; this file holds only what Intl cannot tell.

/**
 * Scripts whose writers capitalise proper names, so a capital letter is
 * evidence of a name. In every other script (Arabic, Hebrew, Georgian, CJK,
 * Thai, Indic, Ethiopic…) only Latin-script tokens can be name candidates.
 */
export const CASED_SCRIPT = /^[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Armenian}]/u;

/** Latin-script tokens: the only candidates inside text of an uncased script. */
export const LATIN_SCRIPT = /^\p{Script=Latin}/u;

/**
 * Languages that capitalise every noun, so a lone capitalised word is no
 * evidence of a name there: only multiword runs, acronyms and countries count.
 */
export const NOUN_CAPITALISING: ReadonlySet<string> = new Set(['de', 'lb']);

/**
 * Greek letter pairs whose sound any-ascii spells letter by letter
 * ("ου" → "oy", "γκ" → "gk"); mapped first so Greek matches the Latin
 * spelling of the same name ("Κούρεμαν" ~ "Cooreman").
 */
export const GREEK_DIGRAPHS: ReadonlyArray<readonly [RegExp, string]> = [
  [/ου/gu, 'u'],
  [/^γκ|^γγ/u, 'g'],
  [/γκ|γγ/gu, 'ng'],
  [/^μπ/u, 'b'],
  [/μπ/gu, 'mb'],
  [/^ντ/u, 'd'],
  [/ντ/gu, 'nd'],
  [/αι/gu, 'e'],
  [/ει|οι/gu, 'i'],
  [/αυ/gu, 'av'],
  [/ευ/gu, 'ev'],
];

/**
 * Spelling variants that transliteration conventions disagree on, applied in
 * order to a lower-case ASCII spelling. Each row folds a family of spellings of
 * one sound into one letter, so "Schwarzenegger" and "Шварценеггер"
 * (shvartsenegger) reach the same key. Longer patterns come first.
 */
export const VARIANT_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // Affricates and sibilants: tsch/tch/dzh/dj are single sounds.
  [/dzh|dj|dz/g, 'j'],
  [/tsch|tch|tsh/g, 'c'],
  [/sch|sh|zh|ts|tz|sz|cz/g, 's'],
  [/ch/g, 'c'],
  // Aspirated and doubled-letter spellings of plain consonants.
  [/ph/g, 'f'],
  [/th/g, 't'],
  [/dh/g, 'd'],
  // Not "ngh", where the h opens a syllable ("Birmingham", "Nottingham").
  [/kh|(?<!n)gh/g, 'k'],
  [/x/g, 'ks'],
  [/qu|ck|q/g, 'k'],
  [/c/g, 'k'],
  [/z/g, 's'],
  // English ow/aw/ew are vowels ("Rowlett" ~ "Роулетт"), but not in Slavic "-owski", "-owicz"; any other w is a v.
  [/ow(?=sk|ic)/g, 'ov'],
  [/([aeiou])w(?![aeiou])/g, '$1u'],
  [/w/g, 'v'],
  // Vowel spellings: Dutch oe/ou, Cyrillic-style y before vowels, y/j as i.
  [/oe|ou|oo/g, 'u'],
  [/ae/g, 'e'],
  [/ij/g, 'i'],
  [/^[jy](?=[aeiou])/, ''],
  [/([^aeiou])y(?=[aeiou])/g, '$1'],
  [/[yj]/g, 'i'],
  // A silent h after a consonant.
  [/([^aeiou])h/g, '$1'],
];

/** Language codes whose names (in the page's language) are capitalised words but not names of anything a reference must echo. */
export const LANGUAGE_CODES: readonly string[] = (
  'en fr de es it pt nl ru uk pl ar zh ja ko tr az kk uz sw el bg sr hr bs sl sk cs hu ro fi sv da no is et lv lt ' +
  'ga cy mt sq mk hy ka fa he hi ur bn ta te ml kn mr gu pa ne si th lo km my vi id ms tl af zu xh ha yo ig so am'
).split(' ');

/** Opening punctuation and spacing that may stand between a sentence boundary and its first word. */
export const SENTENCE_OPENER = /[\s"'“”„«»‹›‘’‚()[\]¿¡–—\-•*]/u;

/** What ends a sentence (or a headline's lead-in before a colon). */
export const SENTENCE_ENDER = /[.!?…:;。！？]/u;
