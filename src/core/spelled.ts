// Numbers written as words. Some translations spell out most figures
// ("ẹgbẹ̀rin" for 800, "പത്ത് ശതമാനം" for 10 per cent); in them a figure without
// digits is the edition's habit, not a loss. Intl exposes no spell-out (CLDR's
// rule-based number formats stay inside ICU), so the few languages whose
// editions do this often get a short hand-written list here.
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

const patterns = new Map<Lang, RegExp | null>();

function patternOf(lang: Lang): RegExp | null {
  let re = patterns.get(lang);
  if (re === undefined) {
    const words = NUMBER_WORDS[lang];
    re = words ? new RegExp(`(?<![\\p{L}\\p{M}])(?:${words.join('|')})`, 'u') : null;
    patterns.set(lang, re);
  }
  return re;
}

/** Lower case, Latin letters stripped of combining marks ("ẹ̀ẹ́dẹ̀gbẹ̀ta" → "eedegbeta"); other scripts keep theirs, which are vowels. */
const plain = (text: string) => text.normalize('NFD').replace(/(\p{sc=Latin})\p{M}+/gu, '$1').toLowerCase();

/** Whether `text` writes a number in words, in a language whose editions are known to; false for every other language. */
export function spellsNumbers(text: string, lang: Lang): boolean {
  const re = patternOf(lang);
  return re !== null && re.test(plain(text));
}
