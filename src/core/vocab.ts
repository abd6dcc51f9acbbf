// Per-language vocabulary for figure extraction, derived from Intl (CLDR) at
// run time and built once per language: scale words (compact notation at
// several values, to collect plural forms), percent words, currency symbols,
// codes and names, month names (nominative and the day+month form), unit names
// and "year" words. Only what CLDR lacks is hand-written, as small data tables.
import type { Lang } from './types';
import { foldWord, isLetter, isNoSpaceScript } from './digits';
import { INTL_UNITS } from './units';

export type EntryType = 'scale' | 'currency' | 'percent' | 'month' | 'unit' | 'year' | 'yearLabel' | 'monthMark' | 'dayMark' | 'dateLink' | 'ordinal' | 'ordinalPrefix' | 'linker' | 'place';

export interface Entry {
  type: EntryType;
  /** Folded word as matched. */
  word: string;
  /** Scale multiplier, month number 1–12; 0 when meaningless. */
  value: number;
  /** ISO 4217 code (currency) or CLDR unit id (unit). */
  code?: string;
  /** An ISO code: only matches where the page writes it in capitals ("USD", not "usd"). */
  upper?: boolean;
  /** A one- or two-letter abbreviation ("m", "bn", "K"): only matches glued to the number ("5bn"). */
  glued?: boolean;
  /** A scale abbreviation that counts only after a currency symbol ("£11m"), except in English. */
  money?: boolean;
  /** An abbreviation that counts only with its dot ("nov." but not Tagalog "may", Tamil "நவ"). */
  dotted?: boolean;
  /**
   * A scale word with a second meaning (see AMBIGUOUS_SCALE): `value` is the short-scale reading, `alt` the
   * long-scale one. Year words: `alt` 1 marks a form that only names a calendar year ("в 63 году").
   */
  alt?: number;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  entries?: Entry[];
}

/** `alt` of a year word that names a calendar year whatever its number ("в 63 году" is the year 63, not 63 years). */
export const CALENDAR_YEAR = 1;
/**
 * `alt` of a year word that only counts years: CLDR's plural for many years where it differs from the singular,
 * the field's name and the date's own word ("ans", "Jahre", "лет", not "an", "Jahr", "года"). No calendar year
 * takes it, so "2016 ans" is an age of 2016 years, whatever its digits look like.
 */
export const DURATION_YEARS = 2;

export interface Vocab {
  lang: Lang;
  /** The Intl locale the vocabulary was built from ('he' for 'iw'; 'en' where CLDR has nothing). */
  locale: string;
  /** The locale's own decimal and grouping separators, folded ('.' / ',' / ' ' / "'"). */
  decimal: string;
  group: string;
  trie: TrieNode;
  /** Case endings on every noun ("euroya", "foizdan", "dollardan"): words take longer endings, and shorter stems do. */
  suffixing: boolean;
}

/** Languages that mark case with endings on every noun, currency names included ("euroluk", "eurosta", "dolların"). */
const SUFFIXING = new Set(['tr', 'az', 'uz', 'kk', 'ky', 'ba', 'tg', 'fi', 'et', 'hu', 'mn', 'is', 'lt', 'lv', 'pl', 'cs', 'sk', 'sl', 'hr', 'bs', 'sr', 'ru', 'uk', 'be', 'el', 'ka', 'hy', 'eu', 'ml', 'ta', 'te', 'kn']);

/** EU Reporter (Google Translate) language tags that Intl spells differently. */
const LOCALE_ALIASES: Record<string, string> = { iw: 'he', jw: 'jv', tl: 'fil', no: 'nb', 'zh-CN': 'zh-Hans-CN', 'zh-TW': 'zh-Hant-TW' };

export function localeFor(lang: Lang): string {
  const tag = LOCALE_ALIASES[lang] ?? lang;
  try {
    return Intl.NumberFormat.supportedLocalesOf(tag).length > 0 ? tag : 'en';
  } catch {
    return 'en';
  }
}

/** Currencies recognised by name and symbol, most likely first: where two share a word ("$"), the first keeps it. */
// Currencies whose symbols are everyday words somewhere are left out (Kyrgyz "som" is Swedish "as", the
// Belarusian "р." is Ukrainian "year"); families below may still name them.
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'JPY', 'CHF', 'RUB', 'INR', 'CAD', 'AUD', 'KZT', 'AZN', 'TRY', 'UAH', 'KRW', 'BRL', 'ZAR', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'HUF', 'RON', 'BGN', 'ILS', 'NGN', 'EGP', 'SAR', 'AED', 'PKR', 'BDT', 'IDR', 'THB', 'VND', 'MXN', 'HKD', 'SGD', 'NZD', 'GEL', 'AMD', 'IRR'];

/**
 * Currencies that share a generic word (dollar, pound, rupee, franc): the word
 * common to all their CLDR names in a language ("dolları" in "ABŞ dolları" and
 * "Kanada dolları") is that language's word for the first one, as MT writes it.
 */
const FAMILIES: readonly (readonly string[])[] = [
  ['USD', 'CAD', 'AUD', 'NZD', 'HKD', 'SGD'],
  ['GBP', 'EGP'],
  ['INR', 'PKR'],
  ['CHF', 'XOF'],
  ['RUB', 'BYN'],
];

/** Hand-written words of one type, all with the same value and code. */
type WordList = Omit<Entry, 'word'> & { words: string[] };
const scale = (value: number, ...words: string[]): WordList => ({ type: 'scale', value, words });
const percent = (...words: string[]): WordList => ({ type: 'percent', value: 0, words });
const link = (...words: string[]): WordList => ({ type: 'dateLink', value: 0, words });
/**
 * The locative of "year" in Slavic languages ("в 1945 году", "у 2018 році", "v roce 2018"): it says "in the year",
 * never "for N years" (that is "года"/"лет", which CLDR's duration forms give), so the number is a year at any value.
 */
const calendarYear = (...words: string[]): WordList => ({ type: 'year', value: 0, alt: CALENDAR_YEAR, words });

/** What CLDR lacks, for every language: English words MT leaves untranslated, symbols, common abbreviations. */
const UNIVERSAL: readonly WordList[] = [
  { type: 'scale', value: 1e3, words: ['thousand', 'thousands'] },
  { type: 'scale', value: 1e6, words: ['million', 'millions', 'mln', 'mio', 'mio.'] },
  { type: 'scale', value: 1e9, words: ['billion', 'billions', 'mld', 'mlrd', 'mrd', 'mrd.'] },
  { type: 'scale', value: 1e12, words: ['trillion', 'trillions'] },
  // British news abbreviations ("£5m", "$3bn"), which MT leaves in place: only glued, and outside English only after
  // a currency symbol (Basque "40k" is an ergative ending).
  { type: 'scale', value: 1e3, words: ['k'], glued: true, money: true },
  { type: 'scale', value: 1e6, words: ['m', 'mn'], glued: true, money: true },
  { type: 'scale', value: 1e9, words: ['bn', 'b'], glued: true, money: true },
  { type: 'scale', value: 1e12, words: ['tn'], glued: true, money: true },
  { type: 'scale', value: 1e5, words: ['lakh', 'lakhs'] },
  { type: 'scale', value: 1e7, words: ['crore', 'crores'] },
  { type: 'percent', value: 0, words: ['%', 'percent', 'per cent', 'pct'] },
  { type: 'currency', value: 0, code: 'USD', words: ['$', 'us$', 'u.s.$', 'dollar', 'dollars', 'us dollars', 'dolar', 'dolari', 'dólar', 'dólares', 'dollari'] },
  { type: 'currency', value: 0, code: 'EUR', words: ['€', 'euro', 'euros'] },
  { type: 'currency', value: 0, code: 'GBP', words: ['£', 'pound', 'pounds', 'sterling', 'pounds sterling'] },
  { type: 'currency', value: 0, code: 'JPY', words: ['¥', 'yen'] },
  { type: 'currency', value: 0, code: 'CNY', words: ['yuan', 'renminbi', 'rmb'] },
  { type: 'currency', value: 0, code: 'RUB', words: ['₽', 'rouble', 'roubles', 'ruble', 'rubles'] },
  { type: 'currency', value: 0, code: 'INR', words: ['₹', 'rupee', 'rupees', 'rs', 'rs.'] },
  { type: 'currency', value: 0, code: 'TRY', words: ['₺'] },
  { type: 'currency', value: 0, code: 'AZN', words: ['₼', 'manat'] },
  { type: 'currency', value: 0, code: 'KZT', words: ['₸', 'tenge'] },
  { type: 'currency', value: 0, code: 'UAH', words: ['₴', 'hryvnia'] },
  { type: 'currency', value: 0, code: 'KRW', words: ['₩'] },
  { type: 'currency', value: 0, code: 'ILS', words: ['₪', 'shekel', 'shekels'] },
  { type: 'currency', value: 0, code: 'NGN', words: ['₦', 'naira'] },
  { type: 'unit', value: 0, code: 'square-kilometer', words: ['km²', 'km2', 'sq km', 'square kilometres', 'square kilometers', 'square kilometre', 'square kilometer'] },
  { type: 'unit', value: 0, code: 'square-mile', words: ['sq mi', 'square miles', 'square mile'] },
  { type: 'unit', value: 0, code: 'square-meter', words: ['m²', 'm2', 'sq m', 'square metres', 'square meters'] },
  { type: 'unit', value: 0, code: 'tonne', words: ['tonnes', 'tonne', 'tons', 'ton', 't'] },
  { type: 'unit', value: 0, code: 'kilometer-per-hour', words: ['kph', 'kmph'] },
  { type: 'year', value: 0, words: ['年', '년'] },
  { type: 'monthMark', value: 0, words: ['月', '월'] },
  // value 1: the day alone is a date ("18日"); 0: only after a month ("10月18号"; "17号" alone is "No. 17").
  { type: 'dayMark', value: 1, words: ['日', '일'] },
  { type: 'dayMark', value: 0, words: ['号', '號'] },
  { type: 'ordinalPrefix', value: 0, words: ['第', '제'] },
  { type: 'ordinal', value: 0, words: ['º', 'ª', '.º', '.ª'] },
];

/**
 * Zulu and Xhosa put a relative concord with the copula between a noun and the number that counts it
 * ("amaphesenti angu-40", 40 percent; "ezigidi ezingu-11", 11 million): it links a role word to its number.
 */
const NGUNI_LINKERS: WordList = {
  type: 'linker',
  value: 0,
  words: ['angu', 'engu', 'ezingu', 'ongu', 'elingu', 'abangu', 'lingu', 'zingu', 'ayi', 'eziyi', 'angama', 'ezingama', 'abangama'],
};

/** Possessive concords fused with "izigidi" (millions) and "izigidigidi" (billions): "sezigidi", "yezigidigidi" ("of millions"). */
const NGUNI_OF = ['se', 'ze', 'we', 'ye', 'le', 'be', 'ke'];

/** Per-language additions CLDR lacks: ordinal suffixes, and words MT uses that CLDR's forms don't cover. */
const EXTRA: Record<string, readonly WordList[]> = {
  en: [{ type: 'ordinal', value: 0, words: ['st', 'nd', 'rd', 'th'] }],
  az: [{ type: 'ordinal', value: 0, words: ['-ci', '-cı', '-cu', '-cü', '-ci', '-inci', '-ıncı', '-üncü', '-uncu'] }],
  tr: [{ type: 'currency', value: 0, code: 'GBP', words: ['sterlin'] }, { type: 'ordinal', value: 0, words: ["'inci", "'ıncı", "'üncü", "'uncu", "'nci", "'ncı", "'ncü", "'ncu", '-inci', '-ıncı', '-üncü', '-uncu'] }],
  uz: [{ type: 'ordinal', value: 0, words: ['-chi', '-nchi', '-inchi'] }],
  kk: [{ type: 'ordinal', value: 0, words: ['-ші', '-шы', '-інші', '-ыншы'] }],
  ky: [{ type: 'ordinal', value: 0, words: ['-чи', '-чы', '-нчи', '-нчы'] }],
  fr: [{ type: 'ordinal', value: 0, words: ['e', 'er', 'ère', 'ème', 'eme', 'e', 'è'] }],
  bg: [{ type: 'ordinal', value: 0, words: ['-и', '-ви', '-ри', '-ти', '-ата', '-ия', '-ия'] }],
  mk: [{ type: 'ordinal', value: 0, words: ['-ти', '-ви', '-ри', '-от', '-та'] }],
  sw: [{ type: 'currency', value: 0, code: 'USD', words: ['dola', 'dola za kimarekani', 'dola za marekani'] }],
  // Abbreviations and short names CLDR's full currency names don't give.
  ru: [
    calendarYear('году'),
    { type: 'currency', value: 0, code: 'USD', words: ['долл.', 'долл'] },
    { type: 'ordinal', value: 0, words: ['-й', '-я', '-е', '-го', '-м', '-х', '-ом', '-ой', '-ый', '-ий', '-ая', '-ое', '-ей'] },
  ],
  uk: [
    calendarYear('році'),
    { type: 'currency', value: 0, code: 'USD', words: ['дол.', 'дол'] },
    { type: 'ordinal', value: 0, words: ['-й', '-я', '-е', '-го', '-му', '-ї', '-ий', '-та', '-ти', '-ої'] },
  ],
  id: [{ type: 'ordinalPrefix', value: 0, words: ['ke-'] }],
  ms: [{ type: 'ordinalPrefix', value: 0, words: ['ke-'] }],
  // Percent words CLDR lacks (its unit 'percent' gives "%" only, or another synonym).
  am: [percent('በመቶ', 'ከመቶ')],
  be: [calendarYear('годзе'), percent('адсоткаў', 'адсоткі', 'адсотак', 'адсотка'), { type: 'ordinal', value: 0, words: ['-ы', '-і', '-я', '-га', '-ай', '-м'] }],
  tl: [percent('porsiyento', 'bahagdan'), { type: 'ordinalPrefix', value: 0, words: ['ika-', 'ika'] }],
  hmn: [percent('feem pua'), scale(1e3, 'txhiab'), scale(1e6, 'lab')],
  ig: [percent('pasentị', 'pasent'), scale(1e6, 'nde'), scale(1e9, 'ijeri'), scale(1e3, 'puku')],
  lb: [percent('prozent', 'proznt')],
  ny: [percent('peresenti'), scale(1e6, 'miliyoni'), scale(1e9, 'biliyoni')],
  pa: [percent('ਫੀਸਦੀ', 'ਪ੍ਰਤੀਸ਼ਤ'), scale(1e6, 'ਮਿਲੀਅਨ'), scale(1e9, 'ਬਿਲੀਅਨ')],
  ps: [
    percent('سلنه', 'سلنې', 'فیصده'),
    scale(1e6, 'میلیون', 'میلیونه', 'میلیونو', 'میلونه'),
    scale(1e9, 'بیلیون', 'بیلیونه', 'بیلیونو', 'ملیارد'),
    { type: 'currency', value: 0, code: 'USD', words: ['ډالر', 'ډالري', 'ډالرو', 'ډالره'] },
  ],
  si: [percent('සියයට', 'ප්‍රතිශතය'), scale(1e6, 'මිලියන'), scale(1e9, 'බිලියන')],
  sn: [percent('kubva muzana', 'muzana'), scale(1e6, 'miriyoni', 'mamiriyoni'), scale(1e9, 'bhiriyoni', 'mabhiriyoni')],
  sd: [percent('سيڪڙو', 'سيڪڙي'), scale(1e6, 'ملين'), scale(1e9, 'بلين', 'ارب'), scale(1e7, 'ڪروڙ'), scale(1e5, 'لک')],
  tg: [percent('фоиз', 'фоиза', 'фоизи')],
  // Nguni nouns take locative and relative prefixes ("ezigidi", "ezigidini"); 10^9 is "millions of millions".
  xh: [
    percent('pesenti', 'ipesenti', 'ekhulwini', 'amaphesenti', 'ngamaphesenti', 'iipesenti'),
    scale(1e9, 'iibhiliyoni', 'ibhiliyoni', 'izigidigidi', 'ezigidigidi', 'isigidigidi', ...NGUNI_OF.map((of) => of + 'zigidigidi')),
    scale(1e6, 'izigidi', 'sigidi', 'ezigidi', 'ezigidini', 'kwizigidi', 'miliyoni', 'isigidi', ...NGUNI_OF.map((of) => of + 'zigidi')),
    NGUNI_LINKERS,
  ],
  zu: [
    percent('amaphesenti', 'iphesenti', 'ngamaphesenti'),
    scale(1e9, 'amabhiliyoni', 'ibhiliyoni', 'izigidigidi', 'ezigidigidi', 'isigidigidi', ...NGUNI_OF.map((of) => of + 'zigidigidi')),
    scale(1e6, 'izigidi', 'sigidi', 'ezigidi', 'ezigidini', 'ngezigidi', 'isigidi', ...NGUNI_OF.map((of) => of + 'zigidi')),
    NGUNI_LINKERS,
  ],
  bs: [percent('posto', 'odsto', 'procenata', 'procenta')],
  hr: [percent('posto', 'postotak', 'postotaka', 'postotka')],
  sr: [percent('посто', 'одсто', 'процената', 'posto', 'odsto')],
  kn: [percent('ಪ್ರತಿಶತ', 'ಶೇಕಡಾ', 'ಶೇ.'), scale(1e6, 'ಮಿಲಿಯನ್'), scale(1e9, 'ಬಿಲಿಯನ್')],
  ml: [percent('ശതമാനം', 'ശതമാന'), scale(1e6, 'മില്യൺ', 'മില്യണ്‍'), scale(1e9, 'ബില്യൺ', 'ബില്യണ്‍')],
  mg: [percent('isan-jato', 'isanjato'), scale(1e6, 'tapitrisa'), scale(1e9, 'lavitrisa', 'miliara'), scale(1e3, 'arivo')],
  ta: [percent('சதவிகிதம்', 'சதவீதம்', 'சதவீத', 'சதவிகித', 'சதம்', 'விழுக்காடு'), scale(1e6, 'மில்லியன்'), scale(1e9, 'பில்லியன்')],
  ar: [percent('في المائة', 'في المئة', 'بالمئة', 'بالمائة')],
  sq: [percent('për qind', 'përqind')],
  vi: [percent('phần trăm')],
  ku: [percent('sedî', 'ji sedî')],
  mr: [percent('टक्के', 'टक्क्यां', 'टक्का'), scale(1e6, 'मिलियन'), scale(1e9, 'बिलियन')],
  et: [percent('protsendi', 'protsent')],
  // Consonant gradation changes the stem CLDR gives ("punta" → "punnan", of pounds).
  fi: [percent('prosentin', 'prosenttia', 'prosentilla', 'prosenttiin'), { type: 'currency', value: 0, code: 'GBP', words: ['punnan', 'punnalla', 'punnasta', 'puntaa'] }],
  // "ថ្ងៃទី 2 ខែតុលា": Khmer writes "month" before the month's name ("month October"), glued on.
  km: [link('ខែ')],
  // Words between day and month that CLDR doesn't have: "30 ta' Settembru", "30 o Mahuru", "30 ga Satumba".
  mt: [percent('fil-mija'), scale(1e6, 'miljun', 'miljuni'), scale(1e9, 'biljun', 'biljuni'), link("ta'")],
  mi: [
    percent('ōrau', 'paiheneti'),
    scale(1e6, 'miriona'),
    scale(1e9, 'piriona'),
    scale(1e3, 'mano'),
    link('o'),
    // The Māori month names translators use; CLDR has transliterations ("Hepetema").
    ...['Kohitātea', 'Huitanguru', 'Poutūterangi', 'Paengawhāwhā', 'Haratua', 'Pipiri', 'Hōngongoi', 'Here-turi-kōkā', 'Mahuru', 'Whiringa-ā-nuku', 'Whiringa-ā-rangi', 'Hakihea'].map(
      (word, i): WordList => ({ type: 'month', value: i + 1, words: [word] }),
    ),
  ],
  sm: [percent('pasene'), scale(1e6, 'miliona'), scale(1e9, 'piliona'), link('o')],
  ha: [percent('cikin ɗari', 'cikin dari'), link('ga')],
  // "10 nínú ìdá ọgọ́rùn-ún": "in the hundredth part" (accents fold away).
  yo: [percent('ninu ida ogorun', 'ninu ida ogorun-un', 'ida ogorun', 'ida ogorun-un')],
  // The dative plural changes the stem's vowel ("milljarðar" → "milljörðum"), which stemming can't follow.
  is: [{ type: 'currency', value: 0, code: 'GBP', words: ['pund', 'sterlingspund'] }, scale(1e9, 'milljörðum')],
  gu: [percent('ટકા', 'પ્રતિશત'), scale(1e6, 'મિલિયન'), scale(1e9, 'બિલિયન')],
  th: [percent('เปอร์เซนต์', 'เปอร์เซ็นต์', 'ร้อยละ')],
  ko: [percent('퍼센트', '프로'), { type: 'ordinal', value: 0, words: ['번째', '째', '회'] }],
  // "thousand million" languages whose CLDR compact data starts at a million.
  eu: [scale(1e3, 'mila'), percent('ehuneko')],
  gl: [percent('por cento'), scale(1e3, 'mil')],
  // "9-р сарын 30": the month by its number ("month 9"), as in CJK.
  // The ordinal may stand apart, in either vowel harmony: "11 дүгээр сарын 8", "10 дугаар сар".
  mn: [
    percent('хувийн', 'хувь', 'хувиар'),
    { type: 'monthMark', value: 0, words: ['', 'дүгээр ', 'дугаар '].flatMap((ordinal) => ['сарын', 'сар', 'сард', 'сараас'].map((month) => ordinal + month)) },
  ],
  'zh-CN': [
    percent('百分之'),
    { type: 'currency', value: 0, code: 'CNY', words: ['元', '人民币'] },
    scale(1e3, '千'),
    scale(1e6, '百万'),
    scale(1e7, '千万'),
    scale(1e9, '十亿'),
  ],
  'zh-TW': [percent('百分之'), { type: 'currency', value: 0, code: 'CNY', words: ['人民幣'] }, scale(1e3, '千'), scale(1e6, '百萬'), scale(1e7, '千萬'), scale(1e9, '十億')],
  // Transliterated English scale words, which CLDR's compact forms (native words) don't cover.
  bn: [scale(1e6, 'মিলিয়ন'), scale(1e9, 'বিলিয়ন')],
  hi: [scale(1e6, 'मिलियन'), scale(1e9, 'बिलियन')],
  ne: [scale(1e6, 'मिलियन'), scale(1e9, 'बिलियन')],
  te: [scale(1e6, 'మిలియన్'), scale(1e9, 'బిలియన్')],
  ur: [scale(1e6, 'ملین'), scale(1e9, 'بلین', 'ارب'), scale(1e7, 'کروڑ'), scale(1e5, 'لاکھ')],
  hy: [scale(1e6, 'միլլիոն'), scale(1e9, 'բիլլիոն')],
  // Burmese pages still often use the Zawgyi encoding, which spells CLDR's scale words its own way: the vowel
  // sign e before its consonant, the virama for the asat ("သန္း" for "သန်း", 10^6).
  my: [scale(1e3, 'ေထာင္'), scale(1e4, 'ေသာင္း'), scale(1e5, 'သိန္း'), scale(1e6, 'သန္း'), scale(1e7, 'ကုေဋ')],
  // Languages CLDR gives no compact words (or only "M"/"G"): the words their translators use.
  ja: [
    { type: 'currency', value: 0, code: 'USD', words: ['ドル'] },
    { type: 'currency', value: 0, code: 'JPY', words: ['円'] },
    { type: 'scale', value: 1e3, words: ['千'] },
    { type: 'scale', value: 1e6, words: ['百万'] },
  ],
};

/** Words of at least STEM_FROM letters also match by their first (length − STEM_CUT) letters plus an ending. */
const STEM_FROM = 7;
const STEMMED: ReadonlySet<EntryType> = new Set(['month', 'scale', 'percent', 'currency']);
/** Alphabets of languages that inflect by endings and write words apart. */
const INFLECTING_SCRIPT = /^[\p{sc=Latin}\p{sc=Greek}\p{sc=Cyrillic}\p{sc=Georgian}\p{sc=Armenian}]+$/u;
const STEM_CUT = 2;
const SAMPLE_MULTIPLIERS = [1, 2, 3, 5, 21, 1.5];
/** Candidate values, one of which falls in each plural category of any language (1e6: French and Spanish "many"). */
const PLURAL_CANDIDATES = [1, 2, 3, 5, 11, 21, 22, 100, 101, 1.5, 0.5, 1e6];

/** One value per plural category of the locale: the fewest formats that still collect every plural form. */
function pluralSamples(locale: string): number[] {
  let samples = samplesCache.get(locale);
  if (!samples) {
    const rules = new Intl.PluralRules(locale);
    const byCategory = new Map<string, number>();
    for (const v of PLURAL_CANDIDATES) if (!byCategory.has(rules.select(v))) byCategory.set(rules.select(v), v);
    samples = [...byCategory.values()];
    samplesCache.set(locale, samples);
  }
  return samples;
}
const samplesCache = new Map<string, number[]>();
const NUMBER_PARTS = new Set(['integer', 'group', 'decimal', 'fraction', 'minusSign', 'plusSign']);

class Builder {
  readonly trie: TrieNode = { next: new Map() };
  /** Every entry the trie kept, in order: replaying them rebuilds the same trie without Intl (see vocabData). */
  readonly kept: Entry[] = [];

  add(type: EntryType, raw: string, value: number, extra: Partial<Entry> = {}): void {
    const word = extra.upper ? raw.toLowerCase() : foldWord(raw);
    if (word === '' || /[0-9]/.test(word)) return;
    // Entries carry only the fields that say something: an `alt: undefined` would differ from a replayed snapshot's.
    const fields = Object.fromEntries(Object.entries(extra).filter(([, x]) => x !== undefined));
    this.insert({ type, word, value, ...fields });
    // "Mio." also appears without its dot, and "Mio" with one at a sentence end.
    if (word.endsWith('.') && word.length > 2) this.insert({ type, word: word.slice(0, -1), value, ...fields });
  }

  /**
   * Inflected forms CLDR doesn't list share a stem with the ones it does
   * ("октобар" → "октобра", "εκατομμύρια" → "εκατομμυρίων"): long month and
   * scale words also match by their stem, which then takes an ending.
   */
  addStems(): void {
    const walk = (node: TrieNode, word: string): void => {
      for (const e of node.entries ?? []) {
        const letters = [...word];
        if (STEMMED.has(e.type) && letters.length >= STEM_FROM && INFLECTING_SCRIPT.test(word)) {
          this.insert({ ...e, word: letters.slice(0, -STEM_CUT).join('') });
        }
      }
      for (const [ch, child] of [...node.next]) walk(child, word + ch);
    };
    walk(this.trie, '');
  }

  /** An entry as kept by another builder: inserted as is, no folding, no second form. */
  replay(entry: Entry): void {
    this.insert(entry);
  }

  private insert(entry: Entry): void {
    let node = this.trie;
    for (const ch of entry.word) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map() }));
      node = child;
    }
    const list = (node.entries ??= []);
    // First source wins per type: sources are added from the most to the least specific.
    if (list.some((e) => e.type === entry.type)) return;
    list.push(entry);
    this.kept.push(entry);
  }

  addList(items: readonly WordList[]): void {
    for (const { words, type, value, ...rest } of items) for (const w of words) this.add(type, w, value, rest);
  }
}

/** Non-number chunks of a formatted value ("5 milyon", "asilimia 5", "5,00 US$"), trimmed. */
function wordsAround(parts: Intl.NumberFormatPart[], keep: (type: string) => boolean = () => true): string[] {
  const out: string[] = [];
  let cur = '';
  for (const p of parts) {
    if (NUMBER_PARTS.has(p.type) || !keep(p.type)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += p.value;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const numberOf = (parts: Intl.NumberFormatPart[]): number =>
  Number(parts.filter((p) => p.type === 'integer' || p.type === 'decimal' || p.type === 'fraction').map((p) => (p.type === 'decimal' ? '.' : p.value)).join(''));

/**
 * `abbreviations`: 'glued' keeps one- and two-letter forms ("5K", "5 Md") for numbers glued to them;
 * 'money' keeps them only after a currency symbol: MT leaves English "£11m" in every language, but
 * elsewhere a letter after a number is grammar (Basque "40k").
 */
function addScales(b: Builder, locale: string, abbreviations: 'glued' | 'money' = 'glued'): void {
  for (const compactDisplay of ['long', 'short'] as const) {
    const nf = new Intl.NumberFormat(`${locale}-u-nu-latn`, { notation: 'compact', compactDisplay, maximumFractionDigits: 1 });
    for (let exp = 3; exp <= 14; exp++) {
      for (const m of SAMPLE_MULTIPLIERS) {
        const parts = nf.formatToParts(m * 10 ** exp);
        const shown = numberOf(parts);
        const scale = Math.round((m * 10 ** exp) / shown);
        if (!(shown > 0) || !Number.isInteger(Math.log10(scale)) || scale < 1000) continue;
        const words = wordsAround(parts, (t) => t === 'compact' || t === 'literal');
        // A pattern with words on both sides of the number (Burmese "ဋေ 1.5 ထ", 10^7 × 1.5 thousand) is a
        // product of two scales; neither of its halves means the whole on its own ("ထ" alone is no 10^10).
        if (words.filter((w) => /\p{L}/u.test(w)).length > 1) continue;
        for (const w of words) {
          const short = isGluedAbbreviation(w);
          const reading = ambiguousScale(w, scale);
          b.add('scale', w, reading?.value ?? scale, { glued: short, money: short && abbreviations === 'money', alt: reading?.alt });
        }
      }
    }
  }
}

/**
 * Long-scale languages name 10^12 with the cognate of English "billion" (CLDR: eu "bilioi", es "billón",
 * fr "billion", de "Billion", nl "biljoen", sr "билион"). EU Reporter's editions are machine translations of
 * English, and MT and translators alike often carry "billion" over in its English sense (NTREX: eu "37 bilioi $"
 * and af "$200 biljoen" for $37 and $200 billion), so such a word says 10^9 or 10^12 and the page can't tell
 * which. It reads as 10^9, the English source's sense, with 10^12 as its `alt`, and the verdicts don't
 * contradict a figure on the choice between the two.
 */
const BILLION_COGNATE = /^(?:bh?il|бил|біл)/u;
const LONG_BILLION = 1e12;
const SHORT_BILLION = 1e9;

/** A cognate of "billion" (folded word): English "billion" itself, es "billón", de "Billion", sr "билион". */
export const isBillionCognate = (word: string): boolean => BILLION_COGNATE.test(word);

function ambiguousScale(word: string, scale: number): { value: number; alt: number } | undefined {
  return scale === LONG_BILLION && isBillionCognate(foldWord(word)) ? { value: SHORT_BILLION, alt: LONG_BILLION } : undefined;
}

/** One or two Latin letters ("K", "Md", "bn") read as a scale only when glued to the number. */
const isGluedAbbreviation = (w: string): boolean => /^[A-Za-z]{1,2}\.?$/.test(w);

function addPercent(b: Builder, locale: string): void {
  for (const unitDisplay of ['long', 'short', 'narrow'] as const) {
    const nf = new Intl.NumberFormat(locale, { style: 'unit', unit: 'percent', unitDisplay });
    for (const v of pluralSamples(locale)) for (const w of wordsAround(nf.formatToParts(v))) b.add('percent', w, 0);
  }
  for (const w of wordsAround(new Intl.NumberFormat(locale, { style: 'percent' }).formatToParts(0.05))) b.add('percent', w, 0);
}

function currencyNames(locale: string, code: string): string[] {
  // Whole numbers only: with cents, CLDR picks the fraction plural form ("5,00 доллара") for every sample.
  const nf = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay: 'name', minimumFractionDigits: 0, maximumFractionDigits: 1 });
  return pluralSamples(locale).flatMap((v) => wordsAround(nf.formatToParts(v)));
}

const MIN_SHARED = 4;
/** Scripts whose one character is a syllable: two of them make a whole word ("달러"), unlike "de" or "za". */
const SYLLABIC = /[\p{sc=Hangul}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;

function commonPrefix(a: string, b: string): string {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return a.slice(0, i);
}

/** What several names share: whole words ("dolları"), or in unspaced scripts a common head or tail ("ดอลลาร์", "ドル"). */
function sharedParts(a: string, b: string): string[] {
  const wordsB = b.split(/[\s-]+/);
  const out: string[] = [];
  for (const w of a.split(/[\s-]+/)) {
    for (const v of wordsB) {
      // Whole words, or the stem two inflected forms share ("фунт" of "фунт стерлингі" and "Мысыр фунты").
      const common = commonPrefix(w, v);
      if ((w === v && (w.length >= 3 || SYLLABIC.test(w))) || (common.length >= MIN_SHARED && common.length * 3 >= Math.min(w.length, v.length) * 2)) out.push(common);
    }
  }
  if (!isNoSpaceScript(a[0] ?? '') && !isNoSpaceScript(a[a.length - 1] ?? '')) return out;
  let head = 0;
  while (head < a.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  if (head >= 2) out.push(a.slice(0, head));
  if (tail >= 2) out.push(a.slice(a.length - tail));
  return out;
}

/** A currency name without its country ("บาทไทย" → "บาท", "Bangladeshi taka" → "taka"), as MT often shortens it. */
function withoutCountry(name: string, country: string): string | undefined {
  if (!country) return undefined;
  let rest: string;
  if (name.includes(' ')) {
    // Drop the words made from the country's name ("российских" from "Россия", "magyar" from "Magyarország").
    const countryWords = country.split(' ');
    const words = name.split(' ');
    rest = words.filter((w) => !countryWords.some((c) => commonPrefix(w, c).length >= MIN_SHARED)).join(' ');
    if (rest.split(' ').length === words.length) return undefined;
  } else {
    if (!name.includes(country)) return undefined;
    rest = name.replace(country, '');
  }
  // What remains must be a name, not the preposition of a plural form ("de" of Romanian "21 de euro").
  return [...rest.trim()].length >= MIN_SHORT_NAME ? rest.trim() : undefined;
}
const MIN_SHORT_NAME = 3;


function addCurrencies(b: Builder, locale: string): void {
  const names = new Map(CURRENCIES.map((code) => [code, currencyNames(locale, code)]));
  // Generic words first, so "dollar" goes to USD before any other dollar's name is shortened to it.
  for (const family of FAMILIES) {
    const [first, ...others] = family.map((c) => (names.get(c) ?? currencyNames(locale, c)).map(foldWord));
    for (const a of first) for (const other of others) for (const bName of other) for (const w of sharedParts(a, bName)) b.add('currency', w, 0, { code: family[0] });
  }
  const regions = new Intl.DisplayNames(locale, { type: 'region' });
  const home = new Intl.Locale(locale).maximize().region ?? '';
  for (const code of CURRENCIES) {
    // Shortened names only for the language's own currency ("บาท", "forint", "гривень"): elsewhere what remains
    // of a name without its country is often an everyday word (Turkish "Japon yeni" → "yeni", "new").
    const country = code.startsWith(home) ? foldWord(regions.of(home) ?? '') : '';
    for (const w of names.get(code)!) {
      // Where CLDR has no name it gives the ISO code, which counts only in capitals.
      b.add('currency', w, 0, { code, upper: /^[A-Z]{3}$/.test(w) });
      const short = withoutCountry(foldWord(w), country);
      if (short) b.add('currency', short, 0, { code });
    }
    // Symbols of the main currencies and the language's own; other symbols are ISO codes or in UNIVERSAL, and each
    // formatter costs a fraction of a millisecond of the first check in a language.
    if (CURRENCIES.indexOf(code) >= SYMBOL_CURRENCIES && !code.startsWith(home)) continue;
    for (const currencyDisplay of ['symbol', 'narrowSymbol'] as const) {
      const nf = new Intl.NumberFormat(locale, { style: 'currency', currency: code, currencyDisplay });
      for (const w of wordsAround(nf.formatToParts(5))) {
        if (/^[A-Z]{3}$/.test(w)) b.add('currency', w, 0, { code, upper: true });
        // Only one-letter symbols ("R") need the number glued on; "Rp 5", "zł", "kr" stand apart.
        else b.add('currency', w, 0, { code, glued: /^[A-Za-z]\.?$/.test(w) });
      }
    }
  }
  for (const code of CURRENCIES) b.add('currency', code, 0, { code, upper: true });
}
const SYMBOL_CURRENCIES = 12;

function addMonths(b: Builder, locale: string): void {
  const calendar = `${locale}-u-ca-gregory-nu-latn`;
  const formats: Intl.DateTimeFormatOptions[] = [
    { day: 'numeric', month: 'long', timeZone: 'UTC' },
    { month: 'long', timeZone: 'UTC' },
    { day: 'numeric', month: 'short', timeZone: 'UTC' },
    { month: 'short', timeZone: 'UTC' },
  ];
  for (const options of formats) {
    const df = new Intl.DateTimeFormat(calendar, options);
    // Short forms are words in other languages ("May", "mar"); English news writes "Sept 30" undotted.
    const dotted = options.month === 'short' && locale !== 'en';
    for (let m = 1; m <= 12; m++) {
      for (const p of df.formatToParts(Date.UTC(2023, m - 1, 18))) {
        const w = p.value.trim().replace(/\.$/, '');
        if (p.type === 'month' && !/\d/.test(w) && [...w].length >= 3) b.add('month', w, m, { dotted });
        // The word CLDR puts between day and month ("18 de octubre").
        if (p.type === 'literal' && isLetter([...w][0] ?? '')) b.add('dateLink', w, 0);
      }
    }
  }
}

/**
 * Two-letter unit symbols that are never words, so they stand apart from the number ("72 km").
 * Other short symbols are words somewhere ("in", "ha", "mi", "hr") and count only glued ("10in").
 */
const FREE_UNIT_SYMBOLS: Readonly<Record<string, string>> = { km: 'kilometer', kg: 'kilogram', cm: 'centimeter', mm: 'millimeter', ml: 'milliliter' };

function addUnits(b: Builder, locale: string): void {
  for (const [w, code] of Object.entries(FREE_UNIT_SYMBOLS)) b.add('unit', w, 0, { code });
  for (const unit of INTL_UNITS) {
    for (const unitDisplay of ['long', 'short'] as const) {
      const nf = new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay });
      for (const v of pluralSamples(locale)) {
        for (const w of wordsAround(nf.formatToParts(v))) {
          const length = [...w].length;
          if (length >= 2 || isNoSpaceScript(w)) b.add('unit', w, 0, { code: unit, glued: unitDisplay === 'short' && length <= 2 && !isNoSpaceScript(w) });
        }
      }
    }
  }
}

/** Regions whose names start with a currency's ("Europa", "യൂറോപ്പ്", "यूरोप" with the euro's "euro", "യൂറോ", "यूरो"). */
const CURRENCY_LIKE_REGIONS = ['150', 'EU'];

/**
 * The words of those regions' names in the language: where one of them matches, the currency name that starts
 * it doesn't, whatever the language's inflection allows ("Europan 1993" is "in Europe in 1993", not €1,993).
 */
function addPlaces(b: Builder, locale: string): void {
  const regions = new Intl.DisplayNames(locale, { type: 'region' });
  for (const code of CURRENCY_LIKE_REGIONS) {
    for (const w of (regions.of(code) ?? '').split(' ')) {
      const letters = [...w];
      if (letters.length < MIN_PLACE) continue;
      b.add('place', w, 0);
      // Its stem too, for the cases that change its last letter ("Европа" → "Европе", "Європі").
      if (letters.length > MIN_PLACE) b.add('place', letters.slice(0, -1).join(''), 0);
    }
  }
}
const MIN_PLACE = 4;

/** A count of years that takes the plural of many ("5 ans", "5 лет"): the form no calendar year takes. */
const MANY_YEARS = 5;

function addYearWords(b: Builder, locale: string): void {
  let field = '';
  try {
    field = new Intl.DisplayNames(locale, { type: 'dateTimeField' }).of('year') ?? '';
    b.add('year', field, 0);
  } catch {
    // Older engines lack dateTimeField display names; the unit forms below still cover "year".
  }
  // The literal CLDR writes after a year ("2023年", "2023 m.", "2023. g.").
  const df = new Intl.DateTimeFormat(`${locale}-u-ca-gregory-nu-latn`, { year: 'numeric', timeZone: 'UTC' });
  const literals = wordsAround(df.formatToParts(Date.UTC(2023, 5, 1)) as Intl.NumberFormatPart[], (t) => t === 'literal').filter((w) => isLetter([...w][0] ?? ''));
  const nf = new Intl.NumberFormat(locale, { style: 'unit', unit: 'year', unitDisplay: 'long' });
  const forms = (v: number) => wordsAround(nf.formatToParts(v));
  const calendarLike = new Set([field, ...literals, ...forms(1)].map(foldWord));
  const duration = new Set(forms(MANY_YEARS).filter((w) => !calendarLike.has(foldWord(w))));
  // A longer form built on one counts years too: Romanian's "de ani" from twenty on, so "1945 de ani" is an age.
  const counts = (w: string) => duration.has(w) || w.split(/\s+/).some((x) => duration.has(x));
  for (const v of pluralSamples(locale)) for (const w of forms(v)) b.add('year', w, 0, counts(w) ? { alt: DURATION_YEARS } : {});
  for (const w of literals) b.add('year', w, 0);
  // Where a count of years puts the number first ("52 Jahre", "52 tahun", "۵۲ سال"), the field's name before a
  // number labels a calendar year ("im Jahr 52", "tahun 2016", "سال ۲۰۱۶"). Not where the count puts the word
  // first ("miaka 52", "shekaru 52"): there a word before the number counts years.
  const numberFirst = nf.formatToParts(MANY_YEARS).findIndex((x) => x.type === 'integer') === 0;
  if (field && numberFirst) b.add('yearLabel', field, 0);
}

function derive(lang: Lang): { vocab: Vocab; kept: Entry[] } {
  const locale = localeFor(lang);
  const b = new Builder();
  b.addList(EXTRA[lang] ?? []);
  addPercent(b, locale);
  addScales(b, locale);
  addCurrencies(b, locale);
  addMonths(b, locale);
  addYearWords(b, locale);
  addUnits(b, locale);
  addPlaces(b, locale);
  b.addStems();
  b.addList(UNIVERSAL);
  if (locale !== 'en') {
    // MT leaves English scale, percent and currency words in place; English month names are left out on purpose
    // ("may" is a common word in several languages).
    addScales(b, 'en', 'money');
    addPercent(b, 'en');
  }
  const parts = new Intl.NumberFormat(`${locale}-u-nu-latn`).formatToParts(1234567.5);
  const sep = (type: string, fallback: string) => foldWord(parts.find((p) => p.type === type)?.value ?? fallback) || ' ';
  return { vocab: { lang, locale, decimal: sep('decimal', '.'), group: sep('group', ','), trie: b.trie, suffixing: SUFFIXING.has(lang) }, kept: b.kept };
}

// ------------------------------------------------------------- snapshot ---
// Chromium ships trimmed ICU data (Azerbaijani compact numbers read "1.7M", a
// third of the editions have no locale at all), so the extension carries this
// vocabulary as derived in Node, with full ICU, and primes the engine with it.

/**
 * A run of consecutive kept entries that differ only in their word: type, value,
 * the other fields (0 when none; a string when only code and flags, see packExtra)
 * and the words. Runs keep the entries' order, and with it which type a shared word lists first.
 */
export type EntryRun = [EntryType, number, Partial<Entry> | string | 0, ...string[]];

/** Flags as one letter each after a '|': "USD|u" is { code: 'USD', upper: true }. */
const FLAG_LETTERS = { upper: 'u', glued: 'g', dotted: 'd' } as const;
type Flag = keyof typeof FLAG_LETTERS;

/** The fields an entry has besides type, value and word, packed: a third of the snapshot is repeated { code } objects. */
function packExtra(extra: Partial<Entry>): Partial<Entry> | string | 0 {
  const keys = Object.keys(extra);
  if (keys.length === 0) return 0;
  if (!keys.every((k) => k === 'code' || k in FLAG_LETTERS)) return extra;
  const flags = keys.filter((k): k is Flag => k in FLAG_LETTERS).map((k) => FLAG_LETTERS[k]);
  return (extra.code ?? '') + (flags.length ? '|' + flags.join('') : '');
}

function unpackExtra(packed: Partial<Entry> | string | 0): Partial<Entry> {
  if (typeof packed !== 'string') return packed || {};
  const [code, flags = ''] = packed.split('|');
  const extra: Partial<Entry> = code ? { code } : {};
  for (const [flag, letter] of Object.entries(FLAG_LETTERS) as [Flag, string][]) if (flags.includes(letter)) extra[flag] = true;
  return extra;
}

/** A language's vocabulary as plain JSON: its fields but the trie (so new fields travel too), whose entries come as runs. */
export type VocabData = Omit<Vocab, 'lang' | 'trie'> & { entries: EntryRun[] };

/** An entry's fields but its word, without the empty ones: what a run shares. */
function runKey(e: Entry): { type: EntryType; value: number; extra: Partial<Entry> | string | 0 } {
  const { type, value, word: _word, ...rest } = e;
  return { type, value, extra: packExtra(Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined && v !== false))) };
}

/** The vocabulary `getVocab` would derive from this engine's Intl, as plain JSON. */
export function vocabData(lang: Lang): VocabData {
  const { vocab, kept } = derive(lang);
  const entries: EntryRun[] = [];
  let last = '';
  for (const e of kept) {
    const { type, value, extra } = runKey(e);
    const key = JSON.stringify([type, value, extra]);
    if (key === last) entries[entries.length - 1].push(e.word);
    else entries.push([type, value, extra, e.word]);
    last = key;
  }
  const { lang: _lang, trie: _trie, ...fields } = vocab;
  return { ...fields, entries };
}

/** The vocabulary that `data` describes, built without Intl. */
export function vocabFromData(lang: Lang, data: VocabData): Vocab {
  const { entries, ...fields } = data;
  const b = new Builder();
  for (const [type, value, extra, ...words] of entries) for (const word of words) b.replay({ type, word, value, ...unpackExtra(extra) });
  return { lang, ...fields, trie: b.trie };
}

/** Primed records by language, each read only when its language is built: a record may parse its languages on demand. */
const primed = new Map<Lang, Readonly<Record<Lang, VocabData>>>();

/** Vocabularies to use instead of this engine's Intl (the extension's snapshot), from the next getVocab on. */
export function primeVocab(data: Readonly<Record<Lang, VocabData>>): void {
  for (const lang of Object.keys(data)) {
    primed.set(lang, data);
    cache.delete(lang);
  }
}

function build(lang: Lang): Vocab {
  const data = primed.get(lang)?.[lang];
  return data ? vocabFromData(lang, data) : derive(lang).vocab;
}

const cache = new Map<Lang, Vocab>();

/** The vocabulary of a language, built on first use and cached for the life of the process. */
export function getVocab(lang: Lang): Vocab {
  let v = cache.get(lang);
  if (!v) cache.set(lang, (v = build(lang)));
  return v;
}
