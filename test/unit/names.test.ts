import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareNames, extractNames, findName, isAcronym, keysMatch, misspelt, nameKey, nameTerms, occurrences, withNameMemo, wordIndex } from '../../src/core/names';
import type { NameMention } from '../../src/core/types';

const texts = (ms: NameMention[]) => ms.map((m) => m.text);
const mentionOf = (text: string, lang: string, name: string): NameMention => {
  const m = extractNames(text, lang).find((x) => x.text === name);
  if (!m) throw new Error(`"${name}" not extracted from "${text}"`);
  return m;
};
/** Whether `name` in `a` is found among every word of `b` (what a reference's support is judged against). */
const matches = (a: string, langA: string, name: string, b: string, langB: string) =>
  findName(mentionOf(a, langA, name), nameTerms(b, langB));

describe('extractNames', () => {
  it('finds multiword names and skips capitalised sentence openers', () => {
    const ms = extractNames('Disorder broke out at HMP Long Lartin in Worcestershire on Sunday.', 'en');
    expect(texts(ms)).toEqual(['HMP Long Lartin', 'Worcestershire']);
  });

  it('keeps a sentence-initial word the text also capitalises mid-sentence', () => {
    const ms = extractNames('Vassilenko said trade grew. Officials thanked Vassilenko.', 'en');
    expect(texts(ms)).toEqual(['Vassilenko', 'Vassilenko']);
  });

  it('leaves out month, weekday and language names', () => {
    expect(extractNames('They met on Sunday in October and spoke French with Roman Vassilenko.', 'en').map((m) => m.text)).toEqual([
      'Roman Vassilenko',
    ]);
  });

  it('reports UTF-16 offsets sorted by start', () => {
    const text = '𝐀 note: Roman Vassilenko met Jeroen Cooreman in Brussels.';
    const ms = extractNames(text, 'en');
    expect(ms.map((m) => text.slice(m.start, m.end))).toEqual(texts(ms));
    expect(ms.map((m) => m.start)).toEqual([...ms.map((m) => m.start)].sort((a, b) => a - b));
    expect(texts(ms)).toContain('Jeroen Cooreman');
  });

  it('recognises countries through CLDR names, inflected too', () => {
    expect(mentionOf('Qazaxıstan və Belçika ikitərəfli əlaqələr', 'az', 'Belçika').country).toBe('BE');
    expect(mentionOf('görüş Belçikanın xarici işlər nazirliyində', 'az', 'Belçikanın').country).toBe('BE');
    expect(mentionOf('Kazakhstan na Ubelgiji hufanya mashauriano', 'sw', 'Ubelgiji').country).toBe('BE');
    expect(mentionOf('Soud v Německu rozhodl', 'cs', 'Německu').country).toBe('DE');
    expect(mentionOf('Trade with Belgium grew.', 'en', 'Belgium').country).toBe('BE');
  });

  it('does not take a word that merely starts like a country for one', () => {
    const ms = extractNames('Seneti ilisema Chanzo cha Chama kilisema hivyo.', 'sw');
    expect(ms.every((m) => m.country === undefined)).toBe(true);
  });

  it('in uncased scripts takes only Latin-script words', () => {
    expect(texts(extractNames('Long Lartin 监狱:六名狱警在骚乱中受伤', 'zh-CN'))).toEqual(['Long Lartin']);
    expect(texts(extractNames('اندلعت الفوضى في سجن HMP Long Lartin يوم الأحد', 'ar'))).toEqual(['HMP Long Lartin']);
    expect(extractNames('ლონგ ლარტინის ციხე: არეულობაში დაშავდა ექვსი ოფიცერი', 'ka')).toEqual([]);
  });

  it('in cased scripts other than Latin uses capitals too', () => {
    expect(texts(extractNames('В тюрьме Лонг-Лартин ранено шестеро полицейских.', 'ru'))).toEqual(['Лонг-Лартин']);
    expect(texts(extractNames('Στις φυλακές Λονγκ Λάρτιν ξέσπασαν ταραχές.', 'el'))).toEqual(['Λονγκ Λάρτιν']);
  });

  it('does not take a lone German noun for a name, but a multiword name', () => {
    const ms = extractNames('Die Unruhen brachen am Sonntag in HMP Long Lartin in Worcestershire aus.', 'de');
    expect(texts(ms)).toEqual(['HMP Long Lartin']);
    // Known limit: a noun right before a name joins its run, as German capitalises both.
    expect(texts(extractNames('Die Unruhen brachen im Gefängnis Long Lartin aus.', 'de'))).toEqual(['Gefängnis Long Lartin']);
  });

  it('says nothing of Title Case text, where capitals carry no information', () => {
    expect(extractNames('Prison Officers Hurt During Long Disorder At Famous Jail', 'en')).toEqual([]);
  });

  it('marks all-capital names as acronyms', () => {
    const ms = extractNames('Hər iki tərəf BMT və ATƏT çərçivəsində Roman Vassilenko ilə', 'az');
    expect(ms.filter(isAcronym).map((m) => m.text)).toEqual(['BMT', 'ATƏT']);
  });
});

describe('matching across scripts and inflections', () => {
  it.each([
    ['Brüsseldə', 'Brussels'],
    ['Василенко', 'Vassilenko'],
    ['Шварценеггер', 'Schwarzenegger'],
    ['Κούρεμαν', 'Cooreman'],
    ['Kazakhstanu', 'Kazakhstan'],
    ['Джокович', 'Đoković'],
    ['Лонг Лартин', 'Long Lartin'],
    ['Λονγκ Λάρτιν', 'Long Lartin'],
    ['Լոնգ Լարթին', 'Long Lartin'],
  ])('%s ~ %s', (a, b) => {
    const [ka, kb] = [nameKey(a).split(' '), nameKey(b).split(' ')];
    const loose = /\p{Script=Latin}/u.test(a) !== /\p{Script=Latin}/u.test(b);
    expect(ka.every((k, i) => keysMatch(k, kb[i], loose))).toBe(true);
  });

  it.each([
    // "ngh" is n-g and a silent h, not the "gh" of "Ghana"; "-owski" is Slavic "-ovski", not an English "ow".
    ['Birmingam', 'Birmingham'],
    ['Nottingam', 'Nottingham'],
    ['Yakubovskiy', 'Jakubowski'],
    ['Якубовский', 'Jakubowski'],
  ])('%s has the key of %s', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['Vassilenko', 'Vasilescu'],
    ['Cooreman', 'Coleman'],
    ['Obrador', 'Obridur'],
    ['Sanford', 'Martinelli'],
  ])('%s is not %s', (a, b) => {
    expect(keysMatch(nameKey(a), nameKey(b))).toBe(false);
  });

  it('finds names of one edition among the words of another', () => {
    expect(matches('oktyabrın 18-də Brüsseldə iştirak ediblər', 'az', 'Brüsseldə', 'on 18 October in Brussels', 'en')?.text).toBe('Brussels');
    expect(matches('Заместитель министра Роман Василенко заявил', 'ru', 'Роман Василенко', 'Deputy Minister Roman Vassilenko said', 'en')).toBeDefined();
    expect(matches('Заместник-министърът Роман Василенко заяви', 'bg', 'Роман Василенко', 'Roman Vassilenko said', 'en')).toBeDefined();
    expect(matches('Заступник міністра Роман Василенко заявив', 'uk', 'Роман Василенко', 'Roman Vassilenko said', 'en')).toBeDefined();
    expect(matches('Тенисер Новак Ђоковић је победио', 'sr', 'Новак Ђоковић', 'Novak Djokovic won', 'en')).toBeDefined();
    expect(matches('Ο Ρόμαν Βασιλένκο δήλωσε', 'el', 'Ρόμαν Βασιλένκο', 'Roman Vassilenko said', 'en')).toBeDefined();
  });

  it('matches countries by region code whatever the words', () => {
    const az = mentionOf('Qazaxıstan və Belçika', 'az', 'Belçika');
    const sw = nameTerms('Kazakhstan na Ubelgiji', 'sw');
    expect(findName(az, sw)?.text).toBe('Ubelgiji');
    expect(findName(az, nameTerms('Kazakhstan and Belgium', 'en'))?.country).toBe('BE');
  });

  it('does not match a different name', () => {
    expect(matches('Officials met Vasilescu today.', 'en', 'Vasilescu', 'Officials met Vassilenko today.', 'en')).toBeUndefined();
    expect(matches('They met Jeroen Coleman there.', 'en', 'Jeroen Coleman', 'They met Jeroen Cooreman there.', 'en')).toBeUndefined();
  });
});

describe('compareNames', () => {
  const refs = [
    { lang: 'en', text: 'When data showed his phone was with Chambers, he said he was with his friend Michael Sanford, so police went to talk to Sanford.' },
    { lang: 'fr', text: 'Les données montraient que son portable était chez Chambers alors qu’il disait être avec son ami Michael Sanford ; la police est allée parler à Sanford.' },
    { lang: 'de', text: 'Die Daten zeigten, dass sein Handy bei Chambers war, als er angab, bei seinem Freund Michael Sanford zu sein; die Polizei sprach mit Sanford.' },
  ];
  const lacked = (text: string, lang: string, references = refs) =>
    compareNames({ text, lang }, references)
      .filter((c) => c.refs.filter((r) => r.support === 'lacks').length > c.refs.filter((r) => r.support === 'found').length)
      .map((c) => c.mention.text);

  it('flags a name changed into another, where the references agree on the original', () => {
    const text = 'Os dados mostraram que o telemóvel estava com Chambers quando disse estar com o amigo Michael Martinelli; a polícia foi falar com Sanford.';
    expect(lacked(text, 'pt')).toEqual(['Michael Martinelli']);
  });

  it('flags nothing in a faithful edition', () => {
    const text = 'Os dados mostraram que o telemóvel estava com Chambers quando disse estar com o amigo Michael Sanford; a polícia foi falar com Sanford.';
    expect(lacked(text, 'pt')).toEqual([]);
    const found = compareNames({ text, lang: 'pt' }, refs).find((c) => c.mention.text === 'Michael Sanford');
    // Each reference's evidence is the whole name (German runs take in the noun before it).
    expect(found?.refs.map((r) => r.match?.text)).toEqual(['Michael Sanford', 'Michael Sanford', 'Freund Michael Sanford']);
  });

  it('never flags with a single reference, nor acronyms, nor names in other scripts', () => {
    const text = 'Os dados mostraram que o telemóvel estava com Chambers quando disse estar com o amigo Michael Martinelli; a polícia foi falar com Sanford.';
    expect(lacked(text, 'pt', refs.slice(0, 1))).toEqual([]);
    expect(lacked('Данные показали, что он был с Чемберс и другом Майклом Мартинелли; полиция говорила с Сэнфордом.', 'ru')).toEqual([]);
    const acronym = compareNames({ text: 'Hər iki tərəf ATƏT çərçivəsində razılaşdı.', lang: 'az' }, refs).find((c) => c.mention.text === 'ATƏT');
    expect(acronym?.refs.every((r) => r.support === 'abstain')).toBe(true);
  });

  it('says which original a changed name stands for, and quotes it in each reference', () => {
    const text = 'Os dados mostraram que o telemóvel estava com Chambers quando disse estar com o amigo Michael Martinelli; a polícia foi falar com Sanford.';
    const changed = compareNames({ text, lang: 'pt' }, refs).find((c) => c.mention.text === 'Michael Martinelli');
    expect(changed?.unsupported).toBe(true);
    expect(changed?.replaced).toMatchObject({ original: 'Sanford', word: { text: 'Martinelli' } });
    expect(changed?.replaced?.distance).toBeLessThan(0.2);
    // Each reference's own "Sanford", the one of "Michael Sanford" (farthest from the Sanford still here).
    changed?.refs.forEach((r, i) => {
      expect(r.support).toBe('lacks');
      expect(refs[i].text.slice(r.match!.start, r.match!.end)).toBe('Sanford');
      expect(refs[i].text.slice(r.match!.start - 8, r.match!.start)).toBe('Michael ');
    });
  });

  it('flags a name with letters changed, but not the original respelt or inflected', () => {
    const with_ = (name: string) => `Os dados mostraram que o telemóvel estava com Chambers quando disse estar com o amigo Michael ${name}; a polícia foi falar com Sanford.`;
    expect(lacked(with_('Sinfert'), 'pt')).toEqual(['Michael Sinfert']);
    // Other vowels, a letter dropped before a case ending, or the name inside a compound: the same name.
    for (const respelt of ['Senfurd', 'Sanforda', 'Sanfordilla', 'Sandfordu']) expect(lacked(with_(respelt), 'pt'), respelt).toEqual([]);
  });

  it('tells a misspelt original from another name standing in its place', () => {
    const with_ = (name: string) => `Os dados mostraram que o telemóvel estava com Chambers quando disse estar com o amigo Michael ${name}; a polícia foi falar com Sanford.`;
    const replaced = (name: string) => compareNames({ text: with_(name), lang: 'pt' }, refs).find((c) => c.replaced)?.replaced;
    expect(replaced('Sinfert')).toMatchObject({ original: 'Sanford', misspelt: true });
    expect(replaced('Martinelli')).toMatchObject({ original: 'Sanford', misspelt: false });
  });

  it('takes two letters exchanged for a respelling, not a misspelling', () => {
    expect(misspelt('Rolando', 'Ronaldo')).toBe(false);
    expect(misspelt('Rosalnd', 'Ronaldo')).toBe(true);
  });

  it('calls misspelt a name as long as the original, same first letter, two or three letters substituted', () => {
    expect(misspelt('Kevomaugh', 'Kavanaugh')).toBe(true);
    // A short case ending after the misspelt stem ("Putrupka" for "Patrick" + a).
    expect(misspelt('Putrupka', 'Patrick')).toBe(true);
    expect(misspelt('Sutufoya', 'Sutopo')).toBe(true);
    // One letter is a respelling; a changed length or first letter a spelling by ear; half the name another name.
    for (const [word, original] of [['Nugroxo', 'Nugroho'], ['Pitsburgut', 'Pittsburgh'], ['Uolles', 'Wallace'], ['Xochilco', 'Xochimilco'], ['Mubar', 'Mayor'], ['SutufoYA', 'Sutopo']]) {
      expect(misspelt(word, original), word).toBe(false);
    }
  });

  it('does not take a name translated whole, nor a title word, for a changed one', () => {
    const center = [
      { lang: 'en', text: 'He was taken to the Medical Center, where Dr Sanford operated on him.' },
      { lang: 'fr', text: 'Il a été transporté au Medical Center, où le Dr Sanford l’a opéré.' },
      { lang: 'de', text: 'Er wurde ins Medical Center gebracht, wo Dr. Sanford ihn operierte.' },
    ];
    // "Medical Center" became "Pusat perubatan": the name's other word went with it.
    expect(compareNames({ text: 'Dia dibawa ke Pusat perubatan, di mana Dr Sanford membedahnya.', lang: 'ms' }, center).some((c) => c.replaced)).toBe(false);
    // Whereas a name that kept its other word changed one ("Medical Kowalczyk").
    expect(compareNames({ text: 'Dia dibawa ke Medical Kowalczyk, di mana Dr Sanford membedahnya.', lang: 'ms' }, center).find((c) => c.replaced)?.replaced?.original).toBe('Center');
    // A word the references translate ("Senate", "Sénat", "Senat") is no original either.
    const senate = [
      { lang: 'en', text: 'The vote in the Senate was delayed, said Michael Sanford.' },
      { lang: 'fr', text: 'Le vote au Sénat a été reporté, a déclaré Michael Sanford.' },
      { lang: 'de', text: 'Die Abstimmung im Senat wurde verschoben, sagte Michael Sanford.' },
    ];
    expect(compareNames({ text: 'Kura katika Bunge ilicheleweshwa, alisema Michael Sanford.', lang: 'sw' }, senate).some((c) => c.replaced)).toBe(false);
  });

  it('marks a title word translated with the rest of its title, not a name changed in place', () => {
    const university = [
      { lang: 'en', text: 'Sims was shot near Southern University on Friday, Chief Paul said.' },
      { lang: 'fr', text: 'Sims a été abattu près de la Southern University vendredi, a dit le chef Paul.' },
      { lang: 'de', text: 'Sims wurde am Freitag nahe der Southern University erschossen, sagte Chef Paul.' },
    ];
    const replacedIn = (text: string, lang: string) => compareNames({ text, lang }, university).find((c) => c.replaced)?.replaced;
    // The word on the other side of the copied one: translated in the language's own order.
    expect(replacedIn('Sims alipigwa risasi karibu na Chuo Southern Ijumaa, alisema mkuu Paul.', 'sw')).toMatchObject({ original: 'University', translated: true });
    // Changed in place, the other word copied where the references have it: an error.
    const changed = replacedIn('Sims alipigwa risasi karibu na Kowalczyk University Ijumaa, alisema mkuu Paul.', 'sw');
    expect(changed?.original).toBe('Southern');
    expect(changed?.translated).toBeFalsy();
    const institute = [
      { lang: 'en', text: 'A poll by the Institute for Policy Research said 43 percent would vote.' },
      { lang: 'fr', text: 'Un sondage de l’Institute for Policy Research estimait que 43 % voteraient.' },
      { lang: 'de', text: 'Eine Umfrage des Institute for Policy Research ergab, dass 43 Prozent wählen würden.' },
    ];
    const inInstitute = (text: string) => compareNames({ text, lang: 'it' }, institute).find((c) => c.replaced)?.replaced;
    // The names joined to it by "for" are gone too: the whole title was translated.
    expect(inInstitute('Un sondaggio dell’Istituto per l’analisi politica ha riportato il 43% di votanti.')?.translated).toBe(true);
    // They are kept: "Kowalczyk" was put in the place of "Institute".
    const inPlace = inInstitute('Un sondaggio del Kowalczyk for Policy Research ha riportato il 43% di votanti.');
    expect(inPlace?.original).toBe('Institute');
    expect(inPlace?.translated).toBeFalsy();
  });

  it('takes a name changed after a title the references translate, but not a place whose later word was translated', () => {
    const minister = [
      { lang: 'en', text: 'The vote was called by Prime Minister Zoran Zaev, who spoke in Skopje on Sunday.' },
      { lang: 'fr', text: 'Le vote a été convoqué par le Premier ministre Zoran Zaev, qui a parlé à Skopje dimanche.' },
      { lang: 'de', text: 'Die Abstimmung wurde von Ministerpräsident Zoran Zaev angesetzt, der am Sonntag in Skopje sprach.' },
    ];
    // The title was translated with the rest; "Zaev" is still the name's to keep.
    const changed = compareNames({ text: 'A votação foi convocada pelo primeiro-ministro Zoran Kowalczyk, que falou em Skopje no domingo.', lang: 'pt' }, minister);
    expect(changed.find((c) => c.replaced)?.replaced?.original).toBe('Zaev');
    const airport = [
      { lang: 'en', text: 'He stayed in the tower at Mutiara Airport Palu while the ground shook.' },
      { lang: 'fr', text: 'Il est resté dans la tour de l’aéroport Mutiara Palu pendant que le sol tremblait.' },
      { lang: 'de', text: 'Er blieb im Turm des Flughafens Mutiara Palu, während die Erde bebte.' },
    ];
    // "Airport" comes after a word every reference keeps: part of the name, so "Palu" went with its translation.
    expect(compareNames({ text: 'Alibaki kwenye mnara wa Uwanja wa ndege wa Mutiara wakati ardhi ikitetemeka.', lang: 'sw' }, airport).some((c) => c.replaced)).toBe(false);
  });

  it('takes consonants substituted in place for a misspelling, even one letter from the original once a case ending is off', () => {
    const brett = [
      { lang: 'en', text: 'The committee heard Brett Kavanaugh on Thursday, senators said.' },
      { lang: 'fr', text: 'La commission a entendu Brett Kavanaugh jeudi, ont dit les sénateurs.' },
      { lang: 'de', text: 'Der Ausschuss hörte Brett Kavanaugh am Donnerstag, sagten Senatoren.' },
    ];
    const replaced = (name: string) => compareNames({ text: `A comissão ouviu ${name} Kavanaugh na quinta-feira, disseram senadores.`, lang: 'pt' }, brett).find((c) => c.replaced)?.replaced;
    // "Bdet" is one letter from "Brett" ("bret"), but two consonants were substituted in place.
    expect(replaced('Bdetm')).toMatchObject({ original: 'Brett', misspelt: true });
    // Other vowels keep the consonants: a respelling by ear.
    expect(replaced('Brotte')).toBeUndefined();
  });

  it('takes a misspelt original opening a sentence, but no other word there', () => {
    const brett = [
      { lang: 'en', text: 'The committee heard Brett Kavanaugh on Thursday. Kavanaugh denied it, senators said.' },
      { lang: 'fr', text: 'La commission a entendu Brett Kavanaugh jeudi. Kavanaugh a nié, ont dit les sénateurs.' },
      { lang: 'de', text: 'Der Ausschuss hörte Brett Kavanaugh am Donnerstag. Kavanaugh bestritt es, sagten Senatoren.' },
    ];
    const opening = (name: string) => compareNames({ text: `A comissão ouviu Brett Kavanaugh na quinta-feira. ${name} negou, disseram senadores.`, lang: 'pt' }, brett).find((c) => c.mention.text === name);
    expect(opening('Kevomaugh')).toMatchObject({ unsupported: true, replaced: { original: 'Kavanaugh', misspelt: true } });
    // Another word opening the sentence may be any word of the language.
    expect(opening('Martinelli')).toBeUndefined();
  });

  it('takes an original two of three references write alike, the third translating it, only for a word that misspells it', () => {
    const chequers = [
      { lang: 'en', text: 'The plan agreed at Chequers in July was attacked on Sunday by Boris Johnson.' },
      { lang: 'fr', text: 'Le plan adopté à la résidence de campagne en juillet a été attaqué dimanche par Boris Johnson.' },
      { lang: 'de', text: 'Der im Juli in Chequers vereinbarte Plan wurde am Sonntag von Boris Johnson angegriffen.' },
    ];
    const replaced = (name: string) => compareNames({ text: `O plano acordado em ${name} em julho foi atacado no domingo por Boris Johnson.`, lang: 'pt' }, chequers).find((c) => c.replaced);
    const misspelt_ = replaced('Chaguers');
    expect(misspelt_?.replaced).toMatchObject({ original: 'Chequers', misspelt: true });
    // The translating reference abstains; the two that write the original lack the word.
    expect(misspelt_?.refs.map((r) => r.support)).toEqual(['lacks', 'abstain', 'lacks']);
    // Another name there may be the edition's own translation, as the French one is; so may a form with its own case ending.
    expect(replaced('Martinelli')).toBeUndefined();
    expect(replaced('Chaguersin')).toBeUndefined();
    const europe = [
      { lang: 'en', text: 'On national security and on Europe, Jeremy Corbyn disagreed with previous leaders.' },
      { lang: 'fr', text: 'Sur la sécurité nationale et sur Europe, Jeremy Corbyn était en désaccord avec les dirigeants précédents.' },
      { lang: 'de', text: 'Bei der nationalen Sicherheit und bei Europa war Jeremy Corbyn mit früheren Vorsitzenden uneins.' },
    ];
    // "Evropy" is the German reference's "Europa" respelt, not "Europe" misspelt.
    expect(compareNames({ text: 'Ohledně národní bezpečnosti a Evropy Jeremy Corbyn nesouhlasil s předchozími lídry.', lang: 'cs' }, europe).some((c) => c.replaced)).toBe(false);
  });

  it('takes the same beginning with a longer ending of its own for a cognate, not a misspelling', () => {
    for (const [word, original] of [['Universidade', 'University'], ['Londres', 'London'], ['Institiúid', 'Institute']]) {
      expect(misspelt(word, original), word).toBe(false);
    }
    // As long as the original: a misspelling, unless the name's other words were translated.
    expect(misspelt('Trurf', 'Trump')).toBe(true);
    expect(misspelt('Distrito', 'District', true)).toBe(false);
    expect(misspelt('Hirvovd', 'Harvard', true)).toBe(true);
  });

  it('ties a misspelling to its original wherever the translation moved it', () => {
    const assad = [
      { lang: 'en', text: 'The United States has some 2,000 troops in Syria, mainly training and advising both Kurdish forces and Syrian Arabs opposed to President Bashar al-Assad.' },
      { lang: 'fr', text: 'Les États-Unis comptent quelque 2 000 soldats en Syrie, dont la plupart forment et conseillent à la fois les forces kurdes et les Arabes syriens qui s’opposent au président Bachar al-Assad.' },
      { lang: 'de', text: 'Die Vereinigten Staaten haben etwa 2000 Soldaten in Syrien stationiert, die hauptsächlich kurdische Streitkräfte und syrische Araber, die gegen Präsident Bashar al-Assad eingestellt sind, ausbilden und beraten.' },
    ];
    const eu = (name: string) => `2.000 soldadu ditu AEBk Sirian, gehien bat Bashar al-${name} presidentearen aurka dauden indar kurduak eta Siriako arabiarrak trebatzen eta aholkatzen.`;
    const replaced = compareNames({ text: eu('Apsud'), lang: 'eu' }, assad).find((c) => c.replaced)?.replaced;
    expect(replaced).toMatchObject({ original: 'Assad', misspelt: true });
    expect(replaced!.distance).toBeGreaterThan(0.2);
    // Another name there is too far from the original to have replaced it.
    expect(compareNames({ text: eu('Kowalczyk'), lang: 'eu' }, assad).some((c) => c.replaced)).toBe(false);
  });

  it('takes a misspelling for a name whose other words were translated', () => {
    const harvard = [
      { lang: 'en', text: 'A new course at Harvard University this year has got all its undergraduates getting more sleep.' },
      { lang: 'fr', text: 'Cette année, l’Université de Harvard a mis en place un nouveau cours pour dormir davantage.' },
      { lang: 'de', text: 'Ein neuer Kurs an der Universität Harvard sorgt dafür, dass alle Studenten mehr Schlaf bekommen.' },
    ];
    const replaced = (name: string) =>
      compareNames({ text: `Kooraska cusub ee jaamacadda ${name} sanadkan waxay doonaysa in ardaydu seexdaan.`, lang: 'so' }, harvard).find((c) => c.replaced)?.replaced;
    expect(replaced('Hirvovd')).toMatchObject({ original: 'Harvard', misspelt: true });
    // Another name in a translated name's place is no evidence: the name may be translated whole.
    expect(replaced('Kowalczyk')).toBeUndefined();
  });

  it('takes letters moved within a name for a spelling by ear, not a misspelling', () => {
    expect(misspelt('Doland', 'Donald')).toBe(false);
    // Two neighbours exchanged and a letter doubled: respelt by ear, though three letters differ in place.
    expect(misspelt('Kavanuaggh', 'Kavanaugh')).toBe(false);
    expect(misspelt('Donapt', 'Donald')).toBe(true);
  });

  it('takes a capital after an opening quotation mark for a sentence start', () => {
    const names = texts(extractNames('O porta-voz disse "Agora vamos esperar" e Sanford saiu da sala com Chambers.', 'pt'));
    expect(names).not.toContain('Agora');
    expect(names).toEqual(expect.arrayContaining(['Sanford', 'Chambers']));
  });

  it('places a vanished original between the names and numbers both paragraphs share', () => {
    const refs3 = [
      { lang: 'en', text: 'In 2018 the firm, which Sanford founded, hired 6321 people, and Chambers said the plan was agreed with the board in the spring.' },
      { lang: 'fr', text: 'En 2018 la société, que Sanford a fondée, a embauché 6321 personnes, et Chambers a dit que le plan avait été convenu avec le conseil au printemps.' },
      { lang: 'de', text: 'Im Jahr 2018 stellte die Firma, die Sanford gründete, 6321 Menschen ein, und Chambers sagte, der Plan sei im Frühjahr mit dem Vorstand vereinbart worden.' },
    ];
    // A long clause before "2018" moves the name's share of the paragraph, not its place after "2018".
    const text = 'Segundo vários relatos publicados ao longo de muitos meses por jornais de todo o país e do estrangeiro, em 2018 a empresa, que Martinelli fundou, contratou 6321 pessoas, e Chambers disse que o plano foi acordado.';
    const changed = compareNames({ text, lang: 'pt' }, refs3).find((c) => c.replaced)?.replaced;
    expect(changed).toMatchObject({ original: 'Sanford' });
    expect(changed!.distance).toBeLessThan(0.1);
  });

  it('does not take a word opening as the original does for another name in its place', () => {
    const encinitas = [
      { lang: 'en', text: 'Officials closed the beach at Encinitas for 48 hours, said Michael Sanford.' },
      { lang: 'fr', text: 'Les autorités ont fermé la plage d’Encinitas pendant 48 heures, a déclaré Michael Sanford.' },
      { lang: 'de', text: 'Die Behörden sperrten den Strand von Encinitas für 48 Stunden, sagte Michael Sanford.' },
    ];
    const replaced = (name: string) =>
      compareNames({ text: `As autoridades fecharam a praia de ${name} durante 48 horas, disse Michael Sanford.`, lang: 'pt' }, encinitas).find((c) => c.replaced)?.replaced;
    // Letters dropped, the opening kept: the edition's own spelling of the place, as a translation keeps it ("Instytut").
    expect(replaced('Encitas')).toBeUndefined();
    expect(replaced('Kowalczyk')).toMatchObject({ original: 'Encinitas' });
  });

  it('gives one entry per reference, abstaining where a reference has no paragraph', () => {
    const out = compareNames({ text: 'Politsei rääkis Michael Sanfordiga.', lang: 'et' }, [refs[0], null, refs[2]]);
    expect(out.length).toBeGreaterThan(0);
    for (const c of out) {
      expect(c.refs).toHaveLength(3);
      expect(c.refs[1].support).toBe('abstain');
    }
  });
});

describe('wordIndex', () => {
  it('finds a word inflected; for names, no short lower-case word that merely opens one', () => {
    const text = 'There is more to it, said the stade manager, and Kowalczyka agreed.';
    expect(occurrences(wordIndex([text]), nameKey('Moreau'))).toBe(1);
    const names = wordIndex([text], true);
    expect(occurrences(names, nameKey('Moreau'))).toBe(0);
    // A longer word is no chance: "Stadion" is the word "stade".
    expect(occurrences(names, nameKey('Stadion'))).toBe(1);
    expect(occurrences(names, nameKey('Kowalczyk'))).toBe(1);
  });
});

describe('the seed article', () => {
  const paragraphs = (file: string) =>
    readFileSync(new URL(`../../../shared/seeds/${file}`, import.meta.url), 'utf8')
      .split(/\n+/)
      .filter((p) => p.length > 200);
  const az = paragraphs('000_9003eafc1a33b890.txt');
  const sw = paragraphs('002_07b5fc17f5211f9e.txt');

  it('finds the names of the Azerbaijani edition in the Swahili one', () => {
    const names = extractNames(az[0], 'az');
    expect(texts(names)).toEqual(expect.arrayContaining(['Roman Vassilenko', 'Jeroen Cooreman', 'Brüsseldə', 'Qazaxıstan', 'Belçika']));
    const swTerms = nameTerms(sw[0], 'sw');
    for (const name of ['Roman Vassilenko', 'Jeroen Cooreman', 'Brüsseldə', 'Qazaxıstan', 'Belçika']) {
      expect(findName(mentionOf(az[0], 'az', name), swTerms), name).toBeDefined();
    }
  });

  it('raises no name against the Swahili edition alone', () => {
    for (let i = 0; i < Math.min(az.length, sw.length); i++) {
      const out = compareNames({ text: az[i], lang: 'az' }, [{ text: sw[i], lang: 'sw' }]);
      expect(out.every((c) => c.refs.every((r) => r.support !== 'lacks'))).toBe(true);
    }
  });
});

describe('properties', () => {
  const scriptChars = fc.constantFrom(...'aZ Éə.,:;!?"«»-’\'ДжΛλԱაاש中ทक0123456789 \u00a0\u0301'.split(''), '𝐀', 'İ');
  const text = fc.oneof(fc.string({ maxLength: 200 }), fc.array(scriptChars, { maxLength: 200 }).map((cs) => cs.join('')));
  const lang = fc.constantFrom('en', 'az', 'de', 'ru', 'zh-CN', 'ar', 'ka', 'xx', 'iw');

  it('never throws, and offsets always lie inside the text', () => {
    fc.assert(
      fc.property(text, lang, (t, l) => {
        for (const m of [...extractNames(t, l), ...nameTerms(t, l)]) {
          expect(m.start).toBeGreaterThanOrEqual(0);
          expect(m.end).toBeLessThanOrEqual(t.length);
          expect(m.start).toBeLessThan(m.end);
          expect(t.slice(m.start, m.end)).toBe(m.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('compares any texts without throwing', () => {
    fc.assert(
      fc.property(text, lang, text, text, (a, l, b, c) => {
        const out = compareNames({ text: a, lang: l }, [{ text: b, lang: 'en' }, { text: c, lang: 'fr' }, null]);
        for (const r of out) expect(r.refs).toHaveLength(3);
      }),
      { numRuns: 200 },
    );
  });
});

describe('withNameMemo', () => {
  it('reads a text once within the call, and the same as without the memo', () => {
    const [names, terms, memo] = [extractNames, nameTerms, withNameMemo];
    const text = 'Vassilenko met Kallas in Brussels on Monday.';
    const plain = names(text, 'en');
    const [first, again, t1, t2] = memo(() => [names(text, 'en'), names(text, 'en'), terms(text, 'en'), terms(text, 'en')]);
    expect(first).toBe(again);
    expect(t1).toBe(t2);
    expect(first).toEqual(plain);
    // Outside the call nothing is remembered: each read is a new one.
    expect(names(text, 'en')).not.toBe(names(text, 'en'));
  });
});
