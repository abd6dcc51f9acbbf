// Numbers written as words. Some translations spell out most figures
// ("ẹgbẹ̀rin" for 800, "പത്ത് ശതമാനം" for 10 per cent); in them a figure without
// digits is the edition's habit, not a loss. Intl exposes no spell-out (CLDR's
// rule-based number formats stay inside ICU), so the few languages whose
// editions do this often get a short hand-written list here.
import { memoised } from './memo';
import type { Lang } from './types';

/**
 * Beginnings of number words, lower case, Latin letters without their accents
 * and tone marks (see plain()). Only tens and larger and ordinals, which are specific: small
 * cardinals double as everyday words ("ọ̀kan", one; "ആറ്", six and river), and
 * so does Yoruba "ogun" (twenty, and war). Words glue on endings and join into
 * compounds ("kọkàndínlọ́gbọ́n", 29th; "അയ്യായിരത്തിലധികം", more than 5,000), so a
 * word only has to begin with one of these.
 */
const NUMBER_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  yo: [
    // Tens, hundreds and thousands: ọgbọ̀n 30, ogójì 40, àádọ́ta 50, ọgọ́ta 60, àádọ́rin 70, ọgọ́rin 80, àádọ́rùn-ún 90,
    // ọgọ́rùn-ún 100, ẹ̀ẹ́dẹ́gbẹ̀ta 500, ẹgbẹ̀ta 600, ẹgbẹ̀rin 800, ẹgbẹ̀rún 1000, ẹgbàá 2000.
    'ogbon', 'ogoji', 'aadota', 'ogota', 'aadorin', 'ogorin', 'aadorun', 'ogorun', 'ogoorun', 'eedegbeta', 'eedegberin', 'egbeta', 'egberin', 'egberun', 'egbaa',
    // ẹ̀wá / mẹ́wàá 10, and ordinals from the 6th (dates: "ọjọ́ kẹfà", the 6th day): kẹfà, keje, kẹjọ, kẹsàn-án, kẹwàá, kọkànlá, kejìlá…
    'mewa', 'kefa', 'keje', 'kejo', 'kesan', 'kewa', 'kokan', 'kejila', 'ketala',
  ],
  ml: [
    // പത്ത് 10, ഇരുപത് 20, മുപ്പത് 30, നാൽപ്പത് 40, അമ്പത് 50, അറുപത് 60, എഴുപത് 70, എൺപത് 80, തൊണ്ണൂറ് 90, നൂറ് 100,
    // ആയിരം 1000, അയ്യായിരം 5000, ലക്ഷം 100,000, കോടി 10 million; stems, since endings replace the final letter.
    'പത്ത', 'ഇരുപത', 'മുപ്പത', 'നാൽപ്പത', 'നാല്പത', 'അമ്പത', 'അൻപത', 'അറുപത', 'എഴുപത', 'എൺപത', 'തൊണ്ണൂറ', 'നൂറ', 'ആയിര', 'അയ്യായിര', 'ലക്ഷ', 'കോടി',
  ],
};

/** Any of `words` opening a word, longest first, or null for none. */
const wordStarts = (words: readonly string[] | undefined, flags: string): RegExp | null =>
  words?.length ? new RegExp(`(?<![\\p{L}\\p{M}])(?:${[...words].sort((a, b) => b.length - a.length).join('|')})`, flags) : null;

/** Languages an engine meets: each pattern is built once. */
const LANGUAGES_MAX = 256;

const patternOf = memoised(LANGUAGES_MAX, (lang) => wordStarts(NUMBER_WORDS[lang], 'u'));

/** Lower case, Latin letters stripped of combining marks ("ẹ̀ẹ́dẹ̀gbẹ̀ta" → "eedegbeta"); other scripts keep theirs, which are vowels. */
const plain = (text: string) => text.normalize('NFD').replace(/(\p{sc=Latin})\p{M}+/gu, '$1').toLowerCase();

/** Whether `text` writes a number in words, in a language whose editions are known to; false for every other language. */
export function spellsNumbers(text: string, lang: Lang): boolean {
  const re = patternOf(lang);
  return re !== null && re.test(plain(text));
}

/**
 * Number words with their values, for editions that spell out a figure here and there rather than most of
 * them: there a word stands only for its own value ("kümne protsendi" for 10 per cent, "اتلس ځله" for 18
 * times), so a paragraph's other figures stay checkable. Beginnings of words, as above (plain()); tens also
 * open the compounds of their decade ("kolmkümmend kaks", 32). Not words for vague quantities: German
 * "tausende" and Estonian "tuhandeid" are thousands of something, no figure.
 */
const NUMBER_VALUES: Readonly<Record<Lang, Readonly<Record<string, number>>>> = {
  // The letters ی/ي/ې vary between editions. Not سل 100, which opens سلنه (per cent), nor نوي 90 (also "new").
  ps: {
    لس: 10, یوولس: 11, يوولس: 11, دولس: 12, دیارلس: 13, ديارلس: 13, څوارلس: 14, پنځلس: 15, شپاړس: 16, اوولس: 17, اتلس: 18, نولس: 19,
    شل: 20, دېرش: 30, دیرش: 30, ديرش: 30, څلوېښت: 40, څلویښت: 40, څلويښت: 40, پنځوس: 50, شپېته: 60, شپیته: 60, شپيته: 60, اویا: 70, اويا: 70, اتیا: 80, اتيا: 80,
  },
  et: {
    kumme: 10, kumne: 10, uksteist: 11, kaksteist: 12, kolmteist: 13, neliteist: 14, viisteist: 15, kuusteist: 16, seitseteist: 17, kaheksateist: 18, uheksateist: 19,
    kakskumm: 20, kahekumne: 20, kolmkumm: 30, kolmekumne: 30, nelikumm: 40, neljakumne: 40, viiskumm: 50, viiekumne: 50,
    kuuskumm: 60, kuuekumne: 60, seitsekumm: 70, seitsmekumne: 70, kaheksakumm: 80, kaheksakumne: 80, uheksakumm: 90, uheksakumne: 90,
  },
  de: {
    zehn: 10, elf: 11, zwolf: 12, dreizehn: 13, vierzehn: 14, funfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18, neunzehn: 19,
    zwanzig: 20, dreissig: 30, dreißig: 30, vierzig: 40, funfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
  },
};

const valuePatternOf = memoised(LANGUAGES_MAX, (lang) => wordStarts(NUMBER_VALUES[lang] && Object.keys(NUMBER_VALUES[lang]), 'gu'));

/** Whether `text` writes `value` in words: the word itself, or a ten opening a compound of its decade ("kolmkümmend kaks"). */
export function spellsValue(text: string, lang: Lang, value: number): boolean {
  const re = valuePatternOf(lang);
  if (!re || !Number.isInteger(value) || value < 10 || value > 99) return false;
  for (const m of plain(text).matchAll(re)) {
    const v = NUMBER_VALUES[lang][m[0]];
    if (v === value || (v >= 20 && v % 10 === 0 && value > v && value < v + 10)) return true;
  }
  return false;
}
