import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractFigures, settleLongScale } from '../../src/core/figures';
import { digitValue, fold, normaliseDigits } from '../../src/core/digits';
import { sameQuantity, toBase } from '../../src/core/units';
import type { Figure } from '../../src/core/types';

/** A figure as "kind value [currency] [mMonth] [unit] «text»", compact enough for a table. */
const show = (f: Figure): string =>
  [f.kind, f.value, f.currency, f.month ? `m${f.month}` : undefined, f.unit, `«${f.text}»`].filter((x) => x !== undefined).join(' ');
const figs = (text: string, lang: string): string[] => extractFigures(text, lang).map(show);

describe('digits', () => {
  it.each([
    ['٥٢٣٫٧', '523.7'], // Arabic-Indic, Arabic decimal separator folds in fold(), not here
    ['۱۴۰۲', '1402'], // Persian
    ['२०२३', '2023'], // Devanagari
    ['২০২৩', '2023'], // Bengali
    ['๒๕๖๖', '2566'], // Thai
    ['၂၀၂၃', '2023'], // Myanmar
    ['២០២៣', '2023'], // Khmer
    ['໒໐໒໓', '2023'], // Lao
    ['２０２３', '2023'], // full-width
    ['𝟐𝟎𝟐𝟑', '2023'], // mathematical bold (astral, adjacent runs of ten)
  ])('normaliseDigits(%s) = %s', (input, expected) => {
    expect(normaliseDigits(input).replace('٫', '.')).toBe(expected);
  });

  it('gives -1 for non-digits and for the Shan digits Zawgyi uses as letters', () => {
    expect(digitValue('a'.codePointAt(0)!)).toBe(-1);
    expect(digitValue(0x1095)).toBe(-1);
    expect(digitValue(0x0669)).toBe(9);
  });

  it('folds separators, spaces and case while mapping back to the original offsets', () => {
    const src = 'A\u00A01\u202F234٫5 %';
    const f = fold(src);
    expect(f.text).toBe('a 1 234.5 %');
    expect(f.start[2]).toBe(2);
    expect(f.end[f.text.length - 1]).toBe(src.length);
  });
});

describe('extractFigures: a table of real-world cases', () => {
  it.each<[string, string, string[]]>([
    ['en', 'The $5bn deal', ['money 5000000000 USD «$5bn»']],
    ['en', 'More than 1,000 people', ['number 1000 «1,000»']],
    ['en', 'the 50th anniversary', ['ordinal 50 «50th»']],
    ['en', 'up 2.5 per cent', ['percent 2.5 «2.5 per cent»']],
    ['en', 'on Oct. 2, 1968', ['date 2 m10 «Oct. 2»', 'year 1968 «1968»']],
    ['en', 'up to 10 inches of rain', ['number 10 inch «10 inches»']],
    ['en', 'a £35 million grant', ['money 35000000 GBP «£35 million»']],
    ['en', 'COVID-19 and the G20 summit', []],
    ['en', 'at 12:00 BST', []],
    ['de', 'mit 10:6 in Führung', ['number 10 «10»', 'number 6 «6»']],
    ['fr', 'le 18 octobre, 1 234 millions de dollars', ['date 18 m10 «18 octobre»', 'money 1234000000 USD «1 234 millions de dollars»']],
    ['fr', 'hausse de 5 pour cent', ['percent 5 «5 pour cent»']],
    ['de', 'am 18. Oktober 2023: 1.234 Mio. Euro', ['date 18 m10 «18. Oktober»', 'year 2023 «2023»', 'money 1234000000 EUR «1.234 Mio. Euro»']],
    ['de', 'um 5 Prozent', ['percent 5 «5 Prozent»']],
    ['es', '5 mil millones de dólares', ['money 5000000000 USD «5 mil millones de dólares»']],
    ['ru', '18 октября 2023 года', ['date 18 m10 «18 октября»', 'year 2023 «2023 года»']],
    ['ru', '5,5 млн долларов, 3 процента', ['money 5500000 USD «5,5 млн долларов»', 'percent 3 «3 процента»']],
    ['tr', "%5 artış, 2023'te 5 milyar dolar", ['percent 5 «%5»', "year 2023 «2023'te»", 'money 5000000000 USD «5 milyar dolar»']],
    ['sw', 'dola milioni 523.7 mnamo 2023', ['money 523700000 USD «dola milioni 523.7»', 'year 2023 «2023»']],
    ['sw', 'ongezeko la asilimia 1.7', ['percent 1.7 «asilimia 1.7»']],
    ['sw', 'mnamo Oktoba 18 huko', ['date 18 m10 «Oktoba 18»']],
    ['zh-CN', '2023年10月18日，2000万美元，增长5%，第5届', ['year 2023 «2023年»', 'date 18 m10 «10月18日»', 'money 20000000 USD «2000万美元»', 'percent 5 «5%»', 'ordinal 5 «第5»']],
    ['zh-CN', '10月份', []],
    ['zh-TW', '2000萬人', ['count 20000000 «2000萬»']],
    ['ja', '1億2000万円、50パーセント', ['money 120000000 JPY «1億2000万円»', 'percent 50 «50パーセント»']],
    ['ko', '2023년 10월 18일 5억 달러', ['year 2023 «2023년»', 'date 18 m10 «10월 18일»', 'money 500000000 USD «5억 달러»']],
    ['ar', 'بلغ ٥٢٣٫٧ مليون دولار في عام ٢٠٢٣ بنسبة ٥٪', ['money 523700000 USD «٥٢٣٫٧ مليون دولار»', 'year 2023 «٢٠٢٣»', 'percent 5 «٥٪»']],
    ['fa', '۵۲۳٫۷ میلیون دلار', ['money 523700000 USD «۵۲۳٫۷ میلیون دلار»']],
    ['hi', '₹5 करोड़ और 3 लाख लोग, 5 प्रतिशत', ['money 50000000 INR «₹5 करोड़»', 'count 300000 «3 लाख»', 'percent 5 «5 प्रतिशत»']],
    ['hi', '१२,३४,५६७ रुपये', ['number 1234567 «१२,३४,५६७»']],
    ['th', '๕๐ ล้านบาท', ['money 50000000 THB «๕๐ ล้านบาท»']],
    ['my', '၁၈ ရာခိုင်နှုန်း', ['percent 18 «၁၈ ရာခိုင်နှုန်း»']],
    ['my', 'သဘာ၀ေဘး', []], // Zawgyi: the "digit zero" is the letter wa
    ['am', 'በ24 ሰዓታት ውስጥ', ['number 24 «24»']], // a preposition glued to the number, not a code
    ['xh', 'ngo-2014 kwiimayile ezingama-45', ['year 2014 «2014»', 'number 45 «45»']],
    ['id', 'peringatan ke-50', ['ordinal 50 «ke-50»']],
    ['en', 'in 2018 Europe was', ['year 2018 «2018»']], // "euro" + "pe" is no inflection
    ['en', 'at 6 in the morning, 10in of rain', ['number 6 «6»', 'number 10 inch «10in»']],
    ['tl', 'may 13 panalo', ['number 13 «13»']], // Tagalog "may" (there is) is not May
    ['zh-CN', '新的17号选区', ['number 17 «17»']],
    ['ko', '3월에 승리했다', []],
    ['mn', '9-р сарын 30-ний Ням гаригт', ['date 30 m9 «9-р сарын 30-ний»']],
    ['pt', 'no dia 30 de setembro', ['date 30 m9 «30 de setembro»']],
    ['de', '5 Millionen britischen Pfund', ['money 5000000 GBP «5 Millionen britischen Pfund»']],
    ['eu', '10 mila milioi euro', ['money 10000000000 EUR «10 mila milioi euro»']],
    ['el', '5 εκατομμυρίων ευρώ', ['money 5000000 EUR «5 εκατομμυρίων ευρώ»']],
    ['yo', 'bílíọ́nù 5', ['count 5000000000 «bílíọ́nù 5»']],
    ['sn', 'muna1994', ['year 1994 «1994»']],
    ['en', 'US$1.5bn and €3.1bn (£2.7bn)', ['money 1500000000 USD «US$1.5bn»', 'money 3100000000 EUR «€3.1bn»', 'money 2700000000 GBP «£2.7bn»']],
    ['ru', '2,5 млрд рублей', ['money 2500000000 RUB «2,5 млрд рублей»']],
    ['hu', '5 millió forint', ['money 5000000 HUF «5 millió forint»']],
    ['id', 'Rp 5 miliar', ['money 5000000000 IDR «Rp 5 miliar»']],
    ['fr', 'le 1er janvier, 3,5 % du PIB', ['date 1 m1 «1er janvier»', 'percent 3.5 «3,5 %»']],
    ['es', 'el 5º aniversario, 1.500 personas', ['ordinal 5 «5º»', 'number 1500 «1.500»']],
    ['ko', '26,750 달러를 훔쳤다, 10퍼센트가 넘는', ['money 26750 USD «26,750 달러를»', 'percent 10 «10퍼센트가»']],
    ['iw', '30 בספטמבר 2018', ['date 30 m9 «30 בספטמבר»', 'year 2018 «2018»']],
    ['gu', 'ફક્ત 10 ટકાએ જ', ['percent 10 «10 ટકાએ»']],
    ['bn', '৩৭ বিলিয়ন ডলারের বেশি', ['money 37000000000 USD «৩৭ বিলিয়ন ডলারের»']],
    ['is', '11 milljón punda', ['money 11000000 GBP «11 milljón punda»']],
    ['mi', 'i te 30 o Mahuru', ['date 30 m9 «30 o Mahuru»']],
    ['eu', 'ehuneko 40k bi profil', ['percent 40 «ehuneko 40»']], // "-k" is the ergative, not thousands
    ['ps', '500 یورو', ['money 500 EUR «500 یورو»']], // CLDR writes Arabic yeh, pages Persian yeh
    // Ranges: the role word at the far end covers both numbers.
    ['en', 'up 5 to 10 percent', ['percent 5 «5»', 'percent 10 «10 percent»']],
    ['tr', "yüzde 30 ila 43'ü", ['percent 30 «yüzde 30»', "percent 43 «43'ü»"]],
    ['en', '$5-10 million', ['money 5000000 USD «$5»', 'money 10000000 USD «10 million»']],
    ['hi', '30 से 43 प्रतिशत', ['percent 30 «30»', 'percent 43 «43 प्रतिशत»']],
    ['en', '40 per cent of 11 to 18 year-olds', ['percent 40 «40 per cent»', 'number 11 year «11»', 'number 18 year «18 year»']],
    ['pl', '2,5 mld zł', ['money 2500000000 PLN «2,5 mld zł»']],
    ['pl', '2,5 mld osób', ['count 2500000000 «2,5 mld»']],
    ['it', '5 milioni di euro', ['money 5000000 EUR «5 milioni di euro»']],
    ['pt', 'US$ 3,5 bilhões', ['money 3500000000 USD «US$ 3,5 bilhões»']],
    ['uk', '5 відсотків', ['percent 5 «5 відсотків»']],
    ['he', '5 מיליון דולר', ['money 5000000 USD «5 מיליון דולר»']],
    ['bn', '৫ কোটি', ['count 50000000 «৫ কোটি»']],
  ])('%s: %s', (lang, text, expected) => {
    expect(figs(text, lang)).toEqual(expected);
  });
});

describe('extractFigures: reported misreadings, each a general rule', () => {
  it.each<[string, string, string[]]>([
    // The year's role comes from the word, not from the value: "in the year 63"; "N-year" compounds are ages.
    ['ru', 'умер в 63 году, накануне 1945-летия', ['year 63 «63 году»', 'number 1945 year «1945-летия»']],
    ['uk', 'у 63 році', ['year 63 «63 році»']],
    ['ru', 'ему 63 года', ['number 63 year «63 года»']], // the duration forms stay durations
    ['ro', 'împlinește 1945 de ani', ['number 1945 year «1945 de ani»']], // Romanian's count from twenty on, built on "ani"
    // The field's name before the number labels a calendar year where a count of years puts the number first.
    ['de', 'im Jahr 52 mit Capp', ['year 52 «Jahr 52»']],
    ['fa', 'در سال ۵۲ تاسیس', ['year 52 «سال ۵۲»']],
    ['sw', 'miaka 52 iliyopita', ['number 52 «52»']], // Swahili counts years with the word first: no label
    ['th', 'ในปี 2556', ['number 2556 «2556»']], // a Buddhist-era year is no Gregorian one
    ['de', 'der 1945-jährige Streit', ['number 1945 year «1945»']],
    ['en', 'a 2010-year-old tree', ['number 2010 year «2010-year»']],
    ['az', "2023-cü ildə", ['year 2023 «2023-cü ildə»']], // an ordinal suffix is no year compound
    // A comma and a four-digit year after a month name and day: a list, not a decimal.
    ['pa', 'ਅਕਤੂਬਰ 2,1968 ਨੂੰ', ['date 2 m10 «ਅਕਤੂਬਰ 2»', 'year 1968 «1968»']],
    ['en', 'on October 2,1968 and 2,1968 tons', ['date 2 m10 «October 2»', 'year 1968 «1968»', 'number 2.1968 tonne «2,1968 tons»']],
    ['ps', 'اکتوبر میاشت په 2,1968 کې', ['number 2 «2»', 'year 1968 «1968»']],
    // A currency name is no prefix of a longer loanword in Indic scripts; case endings still attach.
    ['ml', 'ടീം യൂറോപ്പ് 2018 ലെ', ['year 2018 «2018»']],
    ['hi', 'यूरोप 2018 में', ['year 2018 «2018»']],
    ['ml', '10 യൂറോയുടെ', ['money 10 EUR «10 യൂറോയുടെ»']],
    ['bn', '10 ডলারের', ['money 10 USD «10 ডলারের»']],
    // Nor of the name of Europe (CLDR's region 150 and EU names), in any script or case.
    ['eu', 'Europan 1993an, 100 eurotan', ['year 1993 «1993»', 'money 100 EUR «100 eurotan»']],
    ['ru', 'в Европе 2018 года и 5 евро', ['year 2018 «2018 года»', 'money 5 EUR «5 евро»']],
    ['de', 'Europa 2018 und 5 Euro', ['year 2018 «2018»', 'money 5 EUR «5 Euro»']],
    // The Arabic comma between digits is a decimal mark or a group separator, as translators write it.
    ['ps', 'د ریختر په کچه ۷،۵ زلزلې', ['number 7.5 «۷،۵»']],
    ['fa', 'مبلغ ۲۶،۷۵۰ دلار', ['money 26750 USD «۲۶،۷۵۰ دلار»']],
    ['ur', '4،700 ٹویٹس', ['number 4700 «4،700»']],
    ['ps', '۷، ۸ او ۹', ['number 7 «۷»', 'number 8 «۸»', 'number 9 «۹»']],
    // Money without a scale word has cents, not three decimals; with a scale word it may ("$1.250 billion").
    ['km', 'ចោរយកប្រាក់ 26.750 ដុល្លារ', ['money 26750 USD «26.750 ដុល្លារ»']],
    ['en', 'stole $26.750 and 1.250 billion dollars', ['money 26750 USD «$26.750»', 'money 1250000000 USD «1.250 billion dollars»']],
    ['de', '3,5 Euro', ['money 3.5 EUR «3,5 Euro»']],
    // Zawgyi letters written with the digits zero and four, between Myanmar letters.
    ['my', 'ေ၀းလံေသာ', []],
    ['my', 'သ၀၀ါ', []],
    ['my', 'လူ၃၀၀ ေသဆံုး', ['number 300 «၃၀၀»']], // a counter glued on one side: still a number
    ['my', '၁၉၆၈၊ ေအာက္တိုဘာ', ['year 1968 «၁၉၆၈»']],
    // Nguni relative concords between the role word and its number.
    ['zu', 'amaphesenti angu-40 ohlelweni', ['percent 40 «amaphesenti angu-40»']],
    ['zu', 'sezigidi ezingu-11.', ['count 11000000 «sezigidi ezingu-11»']],
    ['xh', 'ngamaphesenti angu-38', ['percent 38 «ngamaphesenti angu-38»']],
    ['zu', 'ezigidigidi ezingu 2.25', ['count 2250000000 «ezigidigidi ezingu 2.25»']], // the longer word wins
    ['xh', '$ 200 yezigidigidi', ['money 200000000000 USD «$ 200 yezigidigidi»']],
    ['zu', 'ezingu-11 abantu', ['number 11 «11»']], // a concord with no role word before it adds nothing
    // Month names written after the word "month".
    ['km', 'ថ្ងៃទី 2 ខែតុលាឆ្នាំ 1968', ['date 2 m10 «2 ខែតុលា»', 'year 1968 «1968»']],
    ['yo', '10 nínú ìdá ọgọ́rùn-ún sọ pe', ['percent 10 «10 nínú ìdá ọgọ́rùn-ún»']],
    ['fi', '11 miljoonan punnan sopimuksesta', ['money 11000000 GBP «11 miljoonan punnan»']],
    // Scale words: a larger one glued on in an unspaced script, a stem vowel that changes, no half of a two-sided CLDR pattern.
    ['km', '៣.១ ពាន់លានអឺរ៉ូ', ['money 3100000000 EUR «៣.១ ពាន់លានអឺរ៉ូ»']],
    ['is', '10 milljörðum dala', ['count 10000000000 «10 milljörðum»']],
    // Zawgyi's spelling of "သန်း" (million) is a scale word too.
    ['my', '၁.၅သန္းတန္', ['count 1500000 «၁.၅သန္း»']],
    // Where a hyphen makes an ordinal, "the 2014th year" is a calendar year, not 2,014 years.
    ['uz', '2014-yilda Rossiya', ['year 2014 «2014-yilda»']],
    ['kk', '2014-жылы', ['year 2014 «2014-жылы»']],
    ['mn', 'АНУ 11 дүгээр сарын 8 буюу', ['date 8 m11 «11 дүгээр сарын 8»']],
  ])('%s: %s', (lang, text, expected) => {
    expect(figs(text, lang)).toEqual(expected);
  });

  /** Each figure's value under its two readings (the second undefined when the scale word has one). */
  const scales = (text: string, lang: string) =>
    extractFigures(text, lang).map((f) => [f.value, f.altScale === undefined ? undefined : f.mantissa * f.altScale]);

  it.each<[string, string, [number, number | undefined][]]>([
    // Long-scale languages whose CLDR word for 10^12 is the cognate of "billion", which MT and translators
    // use in the English sense: the short-scale reading, with the long one beside it.
    ['eu', '37 bilioi $', [[37e9, 37e12]]],
    ['es', '3 billones de euros', [[3e9, 3e12]]],
    ['de', '1,5 Billionen Euro', [[1.5e9, 1.5e12]]],
    ['af', '$200 biljoen', [[200e9, 200e12]]],
    ['sr', '5 билиона', [[5e9, 5e12]]],
    ['eu', '2-3 bilioi', [[2e9, 2e12], [3e9, 3e12]]], // a range's bare end borrows both readings
    // Unambiguous words have one reading: the 10^9 words, and short-scale "billion" cognates.
    ['fr', '5 milliards de dollars', [[5e9, undefined]]],
    ['ms', '5 bilion', [[5e9, undefined]]],
    ['en', '5 billion', [[5e9, undefined]]],
    ['eu', '10 mila milioi euro', [[10e9, undefined]]],
  ])('%s: %s', (lang, text, expected) => {
    expect(scales(text, lang)).toEqual(expected);
  });

  it('settles a cognate to 10^12 in an edition that writes its word for 10^9', () => {
    const edition = (...paragraphs: string[]) => paragraphs.map((p) => extractFigures(p, 'de'));
    const mixed = edition('3,1 Billionen €', 'ab 2,2 Milliarden €');
    expect(mixed[1][0].milliard).toBe(true);
    settleLongScale(mixed);
    expect(mixed.map((figs) => figs.map((f) => [f.value, f.altScale]))).toEqual([[[3.1e12, undefined]], [[2.2e9, undefined]]]);
    // Alone the cognate keeps both readings.
    const alone = edition('3,1 Billionen €', '5 Prozent');
    settleLongScale(alone);
    expect(alone[0][0]).toMatchObject({ value: 3.1e9, altScale: 1e12 });
    // Chained plain words make 10^9 too ("mil millones"); English "billion" and "bn" don't.
    expect(extractFigures('3 mil millones', 'es')[0].milliard).toBe(true);
    expect(extractFigures('£3bn and 3 billion', 'de').some((f) => f.milliard)).toBe(false);
  });

  it('keeps the decimals a value drops ("7,0")', () => {
    expect(extractFigures('7,0 und 7,5 und 7,50 Euro', 'de').map((f) => [f.value, f.decimals])).toEqual([
      [7, 1],
      [7.5, undefined],
      [7.5, 2],
    ]);
  });
});

describe('separators', () => {
  it.each<[string, string, number]>([
    ['en', '1,234', 1234],
    ['en', '1,5', 1.5],
    ['en', '1.234', 1.234],
    ['en', '1,234.5', 1234.5],
    ['en', '0,125', 0.125],
    ['de', '1.234', 1234],
    ['de', '1.234,5', 1234.5],
    ['de', '1,234', 1234], // a lone comma before three digits groups, in every language
    ['az', '$26,750', 26750],
    ['en', '26 750', 26750],
    ['az', '523.7', 523.7],
    ['az', '523,7', 523.7],
    ['az', '1.234', 1234],
    ['fr', '1 234 567', 1234567],
    ['fr', '1\u202F234,5', 1234.5],
    ['de-CH', "1'234", 1234],
    ['hi', '12,34,567', 1234567],
  ])('%s reads %s as %d', (lang, text, value) => {
    expect(extractFigures(text, lang).map((f) => f.value)).toEqual([value]);
  });

  it("reads an ambiguous number by the text's own convention", () => {
    expect(extractFigures('1,5 und 2,345', 'de').map((f) => f.value)).toEqual([1.5, 2.345]);
    expect(extractFigures('523.7 və 1.234', 'az').map((f) => f.value)).toEqual([523.7, 1.234]);
    expect(extractFigures('1.234.567 və 2.345', 'az').map((f) => f.value)).toEqual([1234567, 2345]);
  });

  it('stops a number at a sentence-final dot and ignores dotted dates', () => {
    expect(extractFigures('It cost 5.', 'en').map((f) => f.value)).toEqual([5]);
    expect(extractFigures('18.10.2023', 'de')).toEqual([]);
  });
});

describe('the seed article', () => {
  const seeds = '/work/shared/seeds';
  const files = (() => {
    try {
      return readdirSync(seeds);
    } catch {
      return [];
    }
  })();
  const paragraph = (prefix: string) => {
    const file = files.find((f) => f.startsWith(prefix));
    return file ? readFileSync(join(seeds, file), 'utf8').split('\n').find((p) => p.includes('303')) ?? '' : '';
  };

  it.runIf(files.length > 0)('reads the garbled Azerbaijani figures as the text literally says them', () => {
    const got = figs(paragraph('000'), 'az');
    expect(got).toEqual(
      expect.arrayContaining([
        'year 523.7 «523.7-cü ildə»',
        'year 2023 «2023-ci illə»',
        'money 220700000 USD «220.7 milyon dollar»',
        'percent 303 «303%»',
        'money 1700000 USD «1.7 milyon dollara»',
        'money 2022000000 USD «2022 milyon dollar»',
        'money 514900000 USD «514.9 milyon dollar»',
      ]),
    );
  });

  it.runIf(files.length > 0)('reads the faithful Swahili figures', () => {
    const got = figs(paragraph('002'), 'sw');
    expect(got.slice(0, 7)).toEqual([
      'money 523700000 USD «dola milioni 523.7»',
      'year 2023 «2023»',
      'money 220700000 USD «$ 220.7 milioni»',
      'money 303000000 USD «$ 303 milioni»',
      'percent 1.7 «1.7%»',
      'year 2022 «2022»',
      'money 514900000 USD «$ 514.9 milioni»',
    ]);
  });

  it('reads the Azerbaijani date with its case endings', () => {
    expect(figs('oktyabrın 18-də Brüsseldə', 'az')).toEqual(['date 18 m10 «oktyabrın 18-də»']);
  });
});

describe('units', () => {
  it('converts to base units and compares converted quantities', () => {
    expect(toBase(10, 'inch')).toEqual({ dimension: 'length', value: 0.254 });
    expect(toBase(5, 'furlong')).toBeUndefined();
    expect(toBase(212, 'fahrenheit')!.value).toBeCloseTo(100);
    expect(sameQuantity(10, 'inch', 25, 'centimeter')).toBe(true);
    expect(sameQuantity(45, 'mile', 72, 'kilometer')).toBe(true);
    expect(sameQuantity(10, 'inch', 50, 'centimeter')).toBe(false);
    expect(sameQuantity(10, 'inch', 10, 'kilogram')).toBe(false);
  });

  it('attaches unit words in several languages', () => {
    expect(extractFigures('72 kilometers', 'en')[0].unit).toBe('kilometer');
    expect(extractFigures('72 km', 'fr')[0].unit).toBe('kilometer');
    expect(extractFigures('72 километра', 'ru')[0].unit).toBe('kilometer');
    expect(extractFigures('72公里', 'zh-CN')[0].unit).toBe('kilometer');
  });
});

describe('properties', () => {
  const langs = ['en', 'az', 'zh-CN', 'ar', 'hi', 'my', 'ru', 'de'];
  const alphabet = fc.constantFrom(...'0123456789٠١٢٣٤٥६७၀၁,.\'  -%$€年万億 millionfaizoktyabrınMio.₹٫'.split(''));

  it('never throws; figures are sorted, disjoint, inside the text and quote it', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: alphabet, maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 60 })), fc.constantFrom(...langs), (text, lang) => {
        const found = extractFigures(text, lang);
        let last = 0;
        for (const f of found) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          expect(f.text).toBe(text.slice(f.start, f.end));
          expect(Number.isFinite(f.value) || f.value === Infinity).toBe(true);
          last = f.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('handles long digit runs and separator chains without blowing up', () => {
    const text = `${'9'.repeat(5000)} ${'1,'.repeat(3000)}2 ${'1.000'.repeat(500)} ${'٣'.repeat(2000)}`;
    expect(() => extractFigures(text, 'en')).not.toThrow();
  });
});

describe('extractFigures: words around the digits', () => {
  const read = (text: string, lang: string) => extractFigures(text, lang).map((f) => ({ kind: f.kind, value: f.value, unit: f.unit, text: f.text }));

  it('reads a lower-case prefix capitalised at a sentence start as grammar, not a code', () => {
    expect(read('Ngo-1992, u-Berners-Lee waguqula i-Inthanethi.', 'zu')).toMatchObject([{ kind: 'year', value: 1992 }]);
    expect(read('Kwathi. Ngo-2014 wafika.', 'zu')).toMatchObject([{ kind: 'year', value: 2014 }]);
    // Mid-sentence, and in capitals, it stays a code.
    expect(read('Bathi Ngo-1992 yena.', 'zu')).toEqual([]);
    expect(read('F-16 jets and COVID-19 cases.', 'en')).toEqual([]);
  });

  it('reads year-shaped digits before the plural of many years as a count of years, not a calendar year', () => {
    expect(read('Jones, de 2016 años; en 2016', 'es')).toMatchObject([{ kind: 'number', value: 2016, unit: 'year' }, { kind: 'year', value: 2016 }]);
    expect(read('2016 лет; в мае 2022 года; в 2016 году', 'ru')).toMatchObject([{ kind: 'number', unit: 'year' }, { kind: 'year', value: 2022 }, { kind: 'year', value: 2016 }]);
    // Where the language has one word for both ("il", "Jahr"), the digits decide as before.
    expect(read('2016 il', 'az')).toMatchObject([{ kind: 'year', value: 2016 }]);
    expect(read('im Jahr 2016; 2016 Jahre', 'de')).toMatchObject([{ kind: 'year' }, { kind: 'number', unit: 'year' }]);
  });

  it('does not read a unit inside a longer word ("secondary" is no "second")', () => {
    expect(read('The 20,000 secondary schools', 'en')).toMatchObject([{ kind: 'number', value: 20000, unit: undefined }]);
    expect(read('bis zu 25 Zentimetern Niederschlag', 'de')).toMatchObject([{ unit: 'centimeter' }]);
  });

  it('reads Burmese scale words in the Zawgyi encoding', () => {
    expect(read('၅ သန္း', 'my')).toMatchObject([{ kind: 'count', value: 5e6 }]);
    expect(read('၃ ေထာင္ေက်ာ္', 'my')).toMatchObject([{ kind: 'count', value: 3000 }]);
  });

  it('reads Hebrew unit abbreviations with the gershayim typed as a quote', () => {
    expect(read('גשמים בכמויות של 50 עד 100 מ“מ', 'iw')).toMatchObject([{ unit: 'millimeter' }, { unit: 'millimeter', value: 100 }]);
  });
});
