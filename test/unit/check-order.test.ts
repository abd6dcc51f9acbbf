// Exchanged figures and dropped figures with the real figure reader: the role
// words of a slot stay where they are when two figures trade places, and what
// counts as dropped depends on whether an edition writes such figures in digits.
import { describe, expect, it } from 'vitest';
import { checkArticles } from '../../src/core/check';
import type { Article, ReferenceInput } from '../../src/core/types';

const article = (lang: string, paragraphs: string[]): Article => ({ url: `https://${lang}.eureporter.co/vote/`, lang, path: '/vote', paragraphs });
const ref = (lang: string, paragraphs: string[]): ReferenceInput => ({ url: `https://${lang}.eureporter.co/vote/`, lang, article: article(lang, paragraphs) });

const TITLE = ['Macedonia votes on its name'];
const REFS = [
  ref('en', [...TITLE, 'Zoran Zaev cast his ballot in Strumica, Macedonia, on September 30, 2018.', 'A poll said 57 percent of voters would take part.']),
  ref('fr', ['La Macédoine vote sur son nom', 'Zoran Zaev a voté à Strumica, en Macédoine, le 30 septembre 2018.', 'Un sondage estimait la participation à 57 %.']),
  ref('de', ['Mazedonien stimmt über seinen Namen ab', 'Zoran Zaev gab am 30. September 2018 in Strumica, Mazedonien, seine Stimme ab.', 'Laut einer Umfrage wollen 57 Prozent der Wähler abstimmen.']),
];
const catalan = (date: string) =>
  article('ca', ['Macedònia vota sobre el seu nom', `Zoran Zaev va votar a Strumica, Macedònia, el ${date}.`, 'Una enquesta deia que el 57 per cent dels votants hi participarien.']);

describe('figures exchanged across slots of different roles', () => {
  it('flags a day and a year that traded places: put back, the digits read as the references’ date', () => {
    const flags = checkArticles(catalan('2018 de setembre de 30'), REFS).flags;
    expect(flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', '2018'],
      ['order', '30'],
    ]);
  });

  it('leaves the language’s own order alone', () => {
    expect(checkArticles(catalan('30 de setembre de 2018'), REFS).flags).toEqual([]);
    // Reordered with its words ("setembre 30, 2018" is no Catalan, but each figure keeps its role words).
    expect(checkArticles(catalan('setembre de 2018, dia 30'), REFS).flags.filter((f) => f.kind === 'order')).toEqual([]);
  });
});

describe('a distance and a year exchanged across a figure that kept its place', () => {
  const REFS_VOLCANO = [
    ref('en', ['Volcano', 'The volcano sits 45 miles (72 kilometers) southeast of the capital. An earthquake struck in September 2017. The volcano has been active since 1994.']),
    ref('fr', ['Volcan', 'Le volcan est situé à 45 milles (72 km) de la capitale. Un tremblement de terre a frappé en septembre 2017. Le volcan est actif depuis 1994.']),
    ref('de', ['Vulkan', 'Der Vulkan liegt 45 Meilen (72 Kilometer) südöstlich der Hauptstadt. Ein Erdbeben erschütterte im September 2017 das Land. Der Vulkan ist seit 1994 aktiv.']),
  ];
  const czech = (km: string, since: string, year = '') =>
    article('cs', ['Sopka', `Sopka se nachází ${km} kilometrů (45 mil) jihovýchodně od hlavního města. Zemětřesení otřáslo zemí v září 2017. Vulkán je aktivní od ${year}${since}.`]);

  it('flags digits that read fully as the references’ figures once put back, though the miles moved with them', () => {
    expect(checkArticles(czech('1994', '72'), REFS_VOLCANO).flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', '1994 kilometrů'],
      ['order', '72'],
    ]);
  });

  it('flags the roles outright where a year word labels the slot ("od roku 72" is the year 72)', () => {
    expect(checkArticles(czech('1994', '72', 'roku '), REFS_VOLCANO).flags.map((f) => [f.kind, f.text])).toEqual([
      ['figure', '1994 kilometrů'],
      ['figure', 'roku 72'],
    ]);
  });

  it('leaves each figure in its slot alone', () => {
    expect(checkArticles(czech('72', '1994'), REFS_VOLCANO).flags).toEqual([]);
  });
});

describe('an age and a year exchanged', () => {
  const REFS_AGE = [
    ref('en', ['Truly', 'Truly was founded in 2016. Jones, 52, joined in March.']),
    ref('fr', ['Truly', 'Truly a été fondée en 2016. Jones, âgé de 52 ans, a rejoint en mars.']),
    ref('de', ['Truly', 'Truly wurde 2016 gegründet. Jones, 52, kam im März.']),
  ];
  const spanish = (age: string, year: string) => article('es', ['Truly', `Truly fue fundada en ${year} y Jones, de ${age} años, se unió en marzo.`]);

  it('flags a year written with the plural of many years and an age in its slot', () => {
    expect(checkArticles(spanish('2016', '52'), REFS_AGE).flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', '52'],
      ['order', '2016 años'],
    ]);
  });

  it('leaves the same sentence with each figure in its slot alone', () => {
    expect(checkArticles(spanish('52', '2016'), REFS_AGE).flags).toEqual([]);
  });
});

describe('a name written with the other figure', () => {
  const REFS_NAME = [
    ref('en', ['Truly', 'Willoughby set up Truly with Capp in 2016 and Jones, 52, joined as chairman in March.']),
    ref('fr', ['Truly', 'Holly Willoughby créa Truly avec Capp en 2016 ; Jones, âgé de 52 ans, a rejoint le groupe en mars.']),
    ref('de', ['Truly', 'Willoughby gründete Truly im Jahr 2016 mit Capp, und Jones, 52, kam im März als Vorsitzender hinzu.']),
  ];
  const danish = (text: string) => article('da', ['Truly', text]);

  it('flags an age and a year exchanged around the name the age goes with', () => {
    const flags = checkArticles(danish('Willoughby oprettede Truly sammen med Capp i 52, og Jones, 2016, tiltrådte som bestyrelsesformand i marts.'), REFS_NAME).flags;
    expect(flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', '52'],
      ['order', '2016'],
    ]);
  });

  it('leaves a reordered sentence alone where the name keeps its figure', () => {
    expect(checkArticles(danish('Jones, 52, tiltrådte i marts, og Willoughby oprettede Truly sammen med Capp i 2016.'), REFS_NAME).flags).toEqual([]);
  });
});

describe('a range written the other way round', () => {
  const REFS_POLL = [
    ref('en', ['Poll', 'A poll said between 30 and 43 percent of voters would take part.']),
    ref('fr', ['Sondage', 'Selon un sondage, entre 30 et 43 % des votants y participeraient.']),
    ref('de', ['Umfrage', 'Laut einer Umfrage würden zwischen 30 und 43 Prozent der Wähler teilnehmen.']),
  ];
  const spanish = (range: string) => article('es', ['Encuesta', `Una encuesta decía que entre ${range} por ciento de los votantes participarían.`]);

  it('flags the two ends joined by a short word in the other order', () => {
    expect(checkArticles(spanish('43 y 30'), REFS_POLL).flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', '43'],
      ['order', '30 por ciento'],
    ]);
    expect(checkArticles(spanish('30 y 43'), REFS_POLL).flags).toEqual([]);
  });
});

describe('a figure written together with the other one', () => {
  const REFS_DATE = [
    ref('en', ['Tlatelolco', 'Troops fired on a demonstration on Oct. 2, 1968, killing 300 people.']),
    ref('fr', ['Tlatelolco', 'Le 2 octobre 1968, les troupes ont tué 300 personnes.']),
    ref('de', ['Tlatelolco', 'Am 2. Oktober 1968 töteten Soldaten 300 Menschen.']),
  ];
  const dutch = (year: string, dead: string) => article('nl', ['Tlatelolco', `Op 2 oktober ${year} doodden troepen ${dead} mensen.`]);

  it('flags the year of a date exchanged with another figure', () => {
    expect(checkArticles(dutch('300', '1968'), REFS_DATE).flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', '300'],
      ['order', '1968'],
    ]);
    expect(checkArticles(dutch('1968', '300'), REFS_DATE).flags).toEqual([]);
  });
});

describe('a count exchanged with a plain number', () => {
  const REFS_FANS = [
    ref('en', ['Ronaldo', 'Ronaldo, 33, spoke to his 142 million followers.']),
    ref('fr', ['Ronaldo', 'Ronaldo, 33 ans, a parlé à ses 142 millions d’abonnés.']),
    ref('de', ['Ronaldo', 'Ronaldo, 33, sprach zu seinen 142 Millionen Followern.']),
  ];
  const spanish = (age: string, fans: string) => article('es', ['Ronaldo', `Ronaldo, ${age}, habló con sus ${fans} millones de seguidores.`]);

  it('flags both figures where the scale word stayed in its slot', () => {
    expect(checkArticles(spanish('142', '33'), REFS_FANS).flags.map((f) => [f.kind, f.text])).toEqual([
      ['figure', '142'],
      ['figure', '33 millones'],
    ]);
    expect(checkArticles(spanish('33', '142'), REFS_FANS).flags).toEqual([]);
  });
});

describe('money against a measurement', () => {
  const REFS_SUIT = [
    ref('en', ['Suit', 'The 34-year-old wants to overturn the €100 million deal.']),
    ref('fr', ['Procès', 'Cette femme de 34 ans veut annuler l’accord à 100 millions.']),
    ref('de', ['Klage', 'Die 34-Jährige will die Einigung über 100 Millionen Euro aufheben.']),
  ];
  const spanish = (age: string, amount: string) => article('es', ['Demanda', `La mujer, ${age}, quiere anular el acuerdo de ${amount} millones de euros.`]);

  it('does not let an age vouch for an amount of money with its digits', () => {
    expect(checkArticles(spanish('100', '34'), REFS_SUIT).flags.map((f) => [f.kind, f.text])).toContainEqual(['figure', '34 millones de euros']);
    expect(checkArticles(spanish('34', '100'), REFS_SUIT).flags).toEqual([]);
  });
});

describe('dropped figures', () => {
  const quake = (magnitude: string) => [
    'Quake hits Sulawesi',
    `The ${magnitude} magnitude earthquake struck on Friday, and 832 people died.`,
  ];
  const REFS_QUAKE = [
    ref('en', quake('7.5')),
    ref('fr', ['Un séisme frappe Sulawesi', 'Le séisme de magnitude 7,5 a frappé vendredi, et 832 personnes sont mortes.']),
    ref('de', ['Erdbeben trifft Sulawesi', 'Das Erdbeben der Stärke 7,5 ereignete sich am Freitag, 832 Menschen starben.']),
  ];

  it('calls a decimal missing in any edition: decimals are not written in words', () => {
    const flags = checkArticles(article('it', ['Un terremoto colpisce Sulawesi', 'Il terremoto di magnitudo ha colpito venerdì e 832 persone sono morte.']), REFS_QUAKE).flags;
    expect(flags.map((f) => [f.kind, f.message])).toEqual([['missing', expect.stringContaining('7.5')]]);
  });

  const REFS_AGES = (a = '19', b = '29') => [
    ref('en', ['Arrests in Radstock', `A ${b}-year-old and a ${a}-year-old were arrested overnight.`]),
    ref('fr', ['Arrestations à Radstock', `Un homme de ${b} ans et un autre de ${a} ans ont été arrêtés dans la nuit.`]),
    ref('de', ['Festnahmen in Radstock', `Ein ${b}-Jähriger und ein ${a}-Jähriger wurden in der Nacht festgenommen.`]),
  ];

  it('calls an age missing only where this edition keeps ages in digits', () => {
    const spanish = (text: string) => article('es', ['Detenciones en Radstock', text]);
    const kept = checkArticles(spanish('Un hombre de 29 años y otro de años fueron detenidos durante la noche.'), REFS_AGES()).flags;
    expect(kept.map((f) => [f.kind, f.message])).toEqual([['missing', expect.stringContaining('19')]]);
    // An edition that writes its ages in words keeps none in digits: its habit, not a loss.
    const worded = checkArticles(spanish('Un hombre de veintinueve años y otro de diecinueve años fueron detenidos.'), REFS_AGES()).flags;
    expect(worded).toEqual([]);
  });
});

describe('figures exchanged back into the references’ order', () => {
  const chinese = (date: string) => article('zh-CN', ['马其顿就国名投票', `佐兰·扎埃夫于${date}在马其顿斯特鲁米察投票。`, '一项民调显示，57%的选民将参加投票。']);
  const indonesian = (text: string) => article('id', ['Truly', text]);
  const REFS_NAME = [
    ref('en', ['Truly', 'Willoughby set up Truly with Capp in 2016 and Jones, 52, joined as chairman in March.']),
    ref('fr', ['Truly', 'Holly Willoughby créa Truly avec Capp en 2016 ; Jones, âgé de 52 ans, a rejoint le groupe en mars.']),
    ref('de', ['Truly', 'Willoughby gründete Truly im Jahr 2016 mit Capp, und Jones, 52, kam im März als Vorsitzender hinzu.']),
  ];

  it('flags a year and a day that the exchange put in the references’ order, where the digits put back read as their roles', () => {
    expect(checkArticles(chinese('30年9月2018日'), REFS).flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', '30年'],
      ['order', '2018'],
    ]);
    expect(checkArticles(chinese('2018年9月30日'), REFS).flags).toEqual([]);
  });

  it('leaves figures alone that already read as the references’ roles and would only gain a unit', () => {
    const text = 'Willoughby mendirikan Truly bersama dengan Capp pada 2016, dan Jones yang berumur 52 tahun bergabung sebagai ketua pada bulan Maret.';
    expect(checkArticles(indonesian(text), REFS_NAME).flags).toEqual([]);
  });
});

describe('a name written with the other figure, found by either side’s reader', () => {
  const REFS_NAME = [
    ref('en', ['Truly', 'Willoughby set up Truly with Capp in 2016 and Jones, 52, joined as chairman in March.']),
    ref('fr', ['Truly', 'Holly Willoughby créa Truly avec Capp en 2016 ; Jones, âgé de 52 ans, a rejoint le groupe en mars.']),
    ref('es', ['Truly', 'Willoughby fundó Truly con Capp en 2016 y Jones, de 52 años, se unió como presidente en marzo.']),
  ];
  const turkish = (first: string, second: string) =>
    article('tr', ['Truly', `Willoughby, Truly'yi ${first}'da Capp ile birlikte kurdu. Jones, ${second}, ise Mart ayında başkan olarak dahil oldu.`]);

  it('flags an age and a year exchanged around a name that opens its sentence, set apart by a few words in one reference', () => {
    expect(checkArticles(turkish('52', '2016'), REFS_NAME).flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', "52'da"],
      ['order', '2016'],
    ]);
    expect(checkArticles(turkish('2016', '52'), REFS_NAME).flags).toEqual([]);
  });
});

describe('a count and a year joined by a short word', () => {
  const REFS_PALU = [
    ref('en', ['Palu', 'Palu is the capital of Central Sulawesi, with an estimated population of 379,800 in 2017.']),
    ref('es', ['Palu', 'Palu es la capital de Célebes Central, con una población estimada de 379.800 en 2017.']),
    ref('de', ['Palu', 'Palu ist die Hauptstadt von Zentral-Sulawesi, mit einer geschätzten Bevölkerung von 379.800 im Jahr 2017.']),
  ];
  it('leaves a phrase turned round alone: a year and a count make no score, range or list', () => {
    const lithuanian = article('lt', ['Palu', '2017 metais apie 379 800 gyventojų turėjęs Palu yra Centrinio Sulavesio sostinė.']);
    expect(checkArticles(lithuanian, REFS_PALU).flags).toEqual([]);
  });
});

describe('same-role figures around others', () => {
  const REFS_TURNOUT = [
    ref('en', ['Turnout', 'Turnout stood at only 16 percent, compared to 34 percent in the 2016 election, when 48 percent of voters cast ballots.']),
    ref('fr', ['Participation', 'La participation n’était que de 16 %, contre 34 % lors de l’élection de 2016, où 48 % des électeurs avaient voté.']),
    ref('de', ['Beteiligung', 'Die Beteiligung lag bei nur 16 Prozent, verglichen mit 34 Prozent bei der Wahl 2016, als 48 Prozent der Wähler abstimmten.']),
  ];
  const turkish = (sentence: string) => article('tr', ['Katılım', sentence]);

  it('flags the two ends exchanged where the figures between keep their order', () => {
    const flags = checkArticles(turkish('Katılım yalnızca yüzde 48 oldu, yüzde 34 ile karşılaştırıldığında 2016 seçiminde, seçmenlerin yüzde 16’sının oy kullandığı.'), REFS_TURNOUT).flags;
    expect(flags.filter((f) => f.kind === 'order').map((f) => f.text)).toEqual(['yüzde 48', 'yüzde 16’sının']);
  });

  it('leaves a sentence read backwards alone: the figures between turned round too', () => {
    const flags = checkArticles(turkish('Seçmenlerin yüzde 48’inin oy kullandığı 2016 seçimindeki yüzde 34’e kıyasla katılım yalnızca yüzde 16’da kaldı.'), REFS_TURNOUT).flags;
    expect(flags).toEqual([]);
  });
});

describe('figures that are not lost', () => {
  const REFS_CROWD = [
    ref('en', ['Erdogan in Cologne', 'Police blocked a 25,000-strong crowd from the mosque in 2018.', 'Paul told the media on Saturday, per 247sports, that 12 officers were there.']),
    ref('fr', ['Erdogan à Cologne', 'La police a bloqué une foule de 25 000 personnes devant la mosquée en 2018.', 'Paul a déclaré samedi aux médias, selon 247sports, que 12 policiers étaient présents.']),
    ref('de', ['Erdogan in Köln', 'Die Polizei hielt 2018 eine 25.000-köpfige Menge von der Moschee fern.', 'Paul sagte am Samstag laut 247sports, dass 12 Beamte dort waren.']),
  ];
  const russian = (crowd: string, media: string) => article('ru', ['Эрдоган в Кёльне', `Полиция не подпустила ${crowd} к мечети в 2018 году.`, media]);
  const missing = (a: Article) => checkArticles(a, REFS_CROWD).flags.filter((f) => f.kind === 'missing');

  const media = 'Пол заявил в субботу журналистам, по данным 247sports, что там было 12 полицейских.';

  it('takes the leading digits of a round figure beside a scale word it cannot read for the figure', () => {
    expect(missing(russian('25-тысячную толпу', media))).toEqual([]);
    // Without them, the crowd's size is lost.
    expect(missing(russian('огромную толпу', media)).map((f) => f.evidence[0].text)).toEqual(['Police blocked a 25,000-strong crowd from the mosque in 2018.']);
  });

});

describe('sums converted into another currency', () => {
  const REFS_ATM = [
    ref('en', ['ATM robbery', 'Two men stole $26,750 from a worker refilling an ATM on Friday.']),
    ref('fr', ['Vol au distributeur', 'Deux hommes ont volé 26 750 dollars à un employé qui remplissait un distributeur vendredi.']),
    ref('de', ['Geldautomat', 'Zwei Männer stahlen am Freitag 26.750 Dollar von einem Mitarbeiter, der einen Geldautomaten auffüllte.']),
  ];
  const estonian = (sum: string) => article('et', ['Pangaautomaat', `Kaks meest varastasid reedel automaati täitvalt töötajalt ${sum}.`]);

  it('leaves a conversion alone: another currency, and no rate to check it by', () => {
    expect(checkArticles(estonian('23 585,88 eurot'), REFS_ATM).flags).toEqual([]);
  });

  it('still flags a changed sum in the references’ currency', () => {
    expect(checkArticles(estonian('26 850 dollarit'), REFS_ATM).flags.map((f) => [f.kind, f.text])).toEqual([['figure', '26 850 dollarit']]);
  });
});
