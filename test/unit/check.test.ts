// Verdict logic with a small, predictable figure and name reader standing in for
// the real ones, so that these tests pin down alignment, voting and wording
// without depending on how each language is read (seed.test.ts covers that).
import { describe, expect, it, vi } from 'vitest';
import type { Article, Figure, NameMention, ReferenceInput } from '../../src/core/types';

vi.mock('../../src/core/figures', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../src/core/figures')>()), extractFigures: toyFigures }));
vi.mock('../../src/core/names', () => ({
  extractNames: toyNames,
  nameTerms: toyNames,
  isAcronym: (m: NameMention) => /^[A-Z]{2,}$/.test(m.text),
  findName: toyFind,
  compareNames: toyCompare,
  wordIndex: (texts: string[]) => texts.join(' ').toLowerCase().match(/[a-z]+/g) ?? [],
  occurrences: (index: string[], key: string) => index.filter((w) => w === key).length,
  withNameMemo: <T>(fn: () => T) => fn(),
}));

function toyFind(m: NameMention, cs: NameMention[]): NameMention | undefined {
  return cs.find((c) => c.key === m.key);
}

/** A name no reference has replaced the first name of the first reference that this paragraph lacks. */
function toyCompare(cur: { text: string }, refs: Array<{ text: string } | null>) {
  const mentions = toyNames(cur.text);
  const present = refs.filter((r): r is { text: string } => r !== null);
  return mentions.map((mention) => {
    const found = refs.map((r) => !!r && !!toyFind(mention, toyNames(r.text)));
    const unsupported = present.length >= 2 && !found.some(Boolean);
    const original = unsupported ? toyNames(present[0].text).find((n) => !toyFind(n, mentions)) : undefined;
    return {
      mention,
      unsupported,
      // Misspelt, as names.ts tells it, stands in here for the same length and first letter.
      ...(original ? { replaced: { word: mention, original: original.text, distance: Math.abs(mention.start / cur.text.length - original.start / present[0].text.length), misspelt: mention.text.length === original.text.length && mention.text[0] === original.text[0] } } : {}),
      refs: refs.map((r, i) => {
        if (!r) return { support: 'abstain' };
        if (found[i]) return { support: 'found' };
        return original ? { support: 'lacks', match: toyNames(r.text).find((n) => n.key === original.key) } : { support: 'abstain' };
      }),
    };
  });
}

const { checkArticles } = await import('../../src/core/check');
const { quote, sentenceBounds, describeFigure } = await import('../../src/core/wording');

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };
const UNIT: Record<string, string> = { hours: 'hour', km: 'kilometer', miles: 'mile', inches: 'inch', cm: 'centimeter' };

/** "$303 million", "1.7%", "in 2023", "18 October", "24 hours", "300 km"; other digits are plain numbers. */
function toyFigures(text: string): Figure[] {
  const out: Figure[] = [];
  const re = /(\$)?(\d+(?:\.\d+)?)(%| (?:thousand|million|billion))?( October)?( (?:hours|km|miles|inches|cm)\b)?/g;
  for (const m of text.matchAll(re)) {
    const mantissa = Number(m[2]);
    const scale = m[3] && m[3] !== '%' ? SCALE[m[3].trim()] : 1;
    const kind: Figure['kind'] = m[1] ? 'money' : m[3] === '%' ? 'percent' : m[4] ? 'date' : /^(19|20)\d\d$/.test(m[2]) ? 'year' : scale > 1 ? 'count' : 'number';
    out.push({
      kind,
      value: mantissa * scale,
      mantissa,
      scale,
      currency: m[1] ? 'USD' : undefined,
      month: m[4] ? 10 : undefined,
      unit: m[5] ? UNIT[m[5].trim()] : undefined,
      start: m.index!,
      end: m.index! + m[0].length,
      text: m[0],
    });
  }
  return out;
}

/** Capitalised words after the first of each sentence. */
function toyNames(text: string): NameMention[] {
  return [...text.matchAll(/(?<![.!?]\s|^)\b[A-Z][a-z]+/g)].map((m) => ({
    start: m.index!,
    end: m.index! + m[0].length,
    text: m[0],
    key: m[0].toLowerCase(),
  }));
}

const PATH = '/trade-grows/';
const article = (lang: string, paragraphs: string[], extra: Partial<Article> = {}): Article => ({
  url: `https://${lang}.example.org${PATH}`,
  lang,
  path: PATH,
  paragraphs,
  published: '2024-10-20T10:00:00Z',
  ...extra,
});
const ref = (a: Article): ReferenceInput => ({ url: a.url, lang: a.lang, article: a });

const ORIGINAL = [
  'Trade grows between the two countries',
  'Officials met on 18 October in the capital with Roman Vassilenko. They agreed to meet again.',
  'Trade reached $523.7 million in 2023, up 1.7% from 2022. Exports were $220.7 million in value while imports reached $303 million, Vassilenko said.',
  'In the first eight months of 2024, trade was $289 million.',
];
const refs = (paras = ORIGINAL) => ['en', 'fr', 'de'].map((l) => ref(article(l, paras)));
const edit = (p: number, from: string, to: string) => ORIGINAL.map((x, i) => (i === p ? x.replace(from, to) : x));
const check = (paras: string[], options = {}, references = refs()) => checkArticles(article('az', paras), references, options);

describe('checkArticles: clean editions', () => {
  it('raises nothing when every edition agrees, and counts what it compared', () => {
    const report = check(ORIGINAL);
    expect(report.flags).toEqual([]);
    expect(report.references.map((r) => r.status)).toEqual(['ok', 'ok', 'ok']);
    expect(report.references[0]).toMatchObject({ compared: 9, agreed: 9 });
    expect(report.paragraphs).toEqual(ORIGINAL);
  });

  it('accepts rounding and a scale written differently', () => {
    const report = check(edit(2, '$523.7 million', '$524 million'));
    expect(report.flags).toEqual([]);
    expect(check(edit(2, '$523.7 million', '$0.5237 billion')).flags).toEqual([]);
    // Half a unit of the last digit, up to a twentieth of the value: "$0.2 billion" is no rounding of $220.7 million.
    expect(check(edit(2, '$220.7 million', '$0.22 billion')).flags).toEqual([]);
    expect(check(edit(2, '$220.7 million', '$0.2 billion')).flags.map((f) => f.text)).toEqual(['$0.2 billion']);
  });

  it('does not call a spelled-out small number missing', () => {
    const refsWithNumber = refs(ORIGINAL.map((x, i) => (i === 1 ? x.replace('again', 'again within 3 weeks') : x)));
    expect(check(edit(1, 'again', 'again within three weeks'), {}, refsWithNumber).flags).toEqual([]);
  });
});

describe('checkArticles: figure flags', () => {
  it('flags a role change (1.7% becoming $1.7 million) with each reference quoted', () => {
    const { flags } = check(edit(2, 'up 1.7%', 'up $1.7 million'));
    expect(flags).toHaveLength(1);
    const [f] = flags;
    expect(f).toMatchObject({ kind: 'figure', paragraph: 2, text: '$1.7 million' });
    expect(ORIGINAL[2].length).toBeGreaterThan(0);
    expect(edit(2, 'up 1.7%', 'up $1.7 million')[2].slice(f.start, f.end)).toBe('$1.7 million');
    expect(f.evidence.map((e) => e.lang)).toEqual(['en', 'fr', 'de']);
    expect(f.evidence[0].text).toContain('1.7%');
    expect(f.evidence[0].url).toBe('https://en.example.org/trade-grows/');
    expect(f.message).toBe('Says $1.7 million, where the English, French and German editions say 1.7%.');
  });

  it('flags a digit change and a scale change', () => {
    expect(check(edit(3, '$289 million', '$239 million')).flags.map((f) => f.text)).toEqual(['$239 million']);
    expect(check(edit(3, '$289 million', '$289 billion')).flags.map((f) => f.text)).toEqual(['$289 billion']);
  });

  it('flags a year that took money digits', () => {
    const { flags } = check(edit(2, 'million in 2023', 'million in 2022').map((x, i) => (i === 2 ? x.replace('from 2022', 'from 2023') : x)));
    // Both years still appear, only exchanged: that is an order question, not a value one.
    expect(flags.every((f) => f.kind !== 'figure')).toBe(true);
  });

  it('flags the one figure left on each side when its digits are a slip of the reference\'s', () => {
    const gate = (g: string) => ORIGINAL.map((x, i) => (i === 1 ? x.replace('They agreed', `Gate ${g} opened. They agreed`) : x));
    // A single-digit plain number: no other figure of the paragraph explains either value.
    expect(check(gate('3'), {}, refs(gate('2'))).flags.map((f) => [f.kind, f.text])).toEqual([['figure', '3']]);
    // A year whose changed digit left it unreadable as a year (1194 for 1994).
    const since = (y: string) => ORIGINAL.map((x, i) => (i === 1 ? x.replace('They agreed', `Talks began in ${y}. They agreed`) : x));
    expect(check(since('1194'), {}, refs(since('1994'))).flags.map((f) => f.text)).toEqual(['1194']);
  });

  it('compares slips in a paragraph the changed figure left aligned without confidence', () => {
    // The changed figure was the paragraph's one anchor: 983 against 183 shares none, and the extra 18 and 7 make
    // the pairing unconfident. A slip whose value neither side writes elsewhere is still a changed figure.
    const volcano = (cur: string, tail: string) => [...ORIGINAL, `It registered ${cur} emissions of gas and ash${tail}.`];
    const references = refs(volcano('183', ''));
    expect(check(volcano('983', ', 18 of them in 7 hours'), {}, references).flags.map((f) => [f.kind, f.text])).toEqual([['figure', '983']]);
    // Leftovers on both sides are a conversion or another paragraph: no verdict.
    const other = refs([...ORIGINAL, 'It registered 183 emissions of gas and ash, 15 of them in 4 hours.']);
    expect(check(volcano('983', ', 62 of them in 9 hours'), {}, other).flags.filter((f) => f.kind === 'figure')).toEqual([]);
  });

  it('pairs the one single digit left on each side beside a converted figure', () => {
    const storm = (category: string, speed: string) => ORIGINAL.map((x, i) => (i === 3 ? `${x} A category ${category} storm at ${speed}.` : x));
    // 85 and 135 (mph and km/h, which this reader does not know) stay apart; 9 and 1 are the one slot left.
    const { flags } = check(storm('9', '85'), {}, refs(storm('1', '135')));
    expect(flags.filter((f) => f.kind === 'figure').map((f) => f.text)).toEqual(['9']);
  });

  it('does not pair a dropped figure with an unrelated extra one', () => {
    const paras = edit(3, ', trade was $289 million', ', trade grew at 45 ports');
    expect(check(paras).flags.map((f) => f.kind)).toEqual(['missing']);
  });

  it('flags values that exchanged their units', () => {
    const emissions = (a: string, b: string) => ORIGINAL.map((x, i) => (i === 3 ? `${x} It registered ${a} emissions over ${b}.` : x));
    const { flags } = check(emissions('24', '183 hours'), {}, refs(emissions('183', '24 hours')));
    expect(flags.map((f) => [f.kind, f.text])).toEqual([
      ['figure', '24'],
      ['figure', '183 hours'],
    ]);
  });

  it('flags a shifted decimal in one unit, even beside a converted one', () => {
    const coast = (km: string, port: string) => ORIGINAL.map((x, i) => (i === 3 ? `${x} The coast runs ${km} km, the port lies ${port}.` : x));
    // French and German convert the miles: a conversion beside it is no licence for ×10 within one unit.
    const references = [ref(article('en', coast('300', '40 miles'))), ...['fr', 'de'].map((l) => ref(article(l, coast('300', '64 km'))))];
    expect(check(coast('3000', '40 miles'), {}, references).flags.map((f) => f.text)).toEqual(['3000 km']);
    expect(check(coast('300', '40 miles'), {}, references).flags).toEqual([]);
  });

  it('flags a changed scale word whichever reader missed the currency', () => {
    const budget = (amount: string) => ORIGINAL.map((x, i) => (i === 3 ? `${x} The budget is ${amount}.` : x));
    // The references' reader missed the currency ("100 million"); this edition's "$100 billion" still contradicts them.
    expect(check(budget('$100 billion'), {}, refs(budget('100 million'))).flags.map((f) => f.text)).toEqual(['$100 billion']);
    // The other way round this edition's reader missed the currency name, and the scale still changed.
    expect(check(budget('100 billion'), {}, refs(budget('$100 million'))).flags.map((f) => f.text)).toEqual(['100 billion']);
    // A count and money with one scale are one figure, whichever reader missed the currency.
    expect(check(budget('100 million'), {}, refs(budget('$100 million'))).flags).toEqual([]);
  });

  it('follows the majority, and with strictness "all" needs every reference', () => {
    // English says nothing about the amount: two of three comparable references contradict.
    const silent = [ref(article('en', edit(3, ', trade was $289 million', ', trade grew'))), ...refs().slice(1)];
    const paras = edit(3, '$289', '$239');
    expect(check(paras, {}, silent).flags).toHaveLength(1);
    expect(check(paras, { strictness: 'all' }, silent).flags).toEqual([]);
    expect(check(paras, { strictness: 'all' }).flags).toHaveLength(1);
  });

  it('abstains when one reference vouches for this edition', () => {
    const vouching = [ref(article('en', edit(3, '$289', '$239'))), ...refs().slice(1)];
    expect(check(edit(3, '$289', '$239'), {}, vouching).flags).toEqual([]);
  });

  it('abstains when the references disagree among themselves', () => {
    const split = ['$280', '$281', '$282'].map((v, i) => ref(article(['en', 'fr', 'de'][i], edit(3, '$289', v))));
    expect(check(ORIGINAL, {}, split).flags).toEqual([]);
  });

  it('raises nothing of a kind that is switched off', () => {
    expect(check(edit(3, '$289', '$239'), { checks: { figure: false } }).flags).toEqual([]);
  });
});

describe('checkArticles: order, missing, name', () => {
  it('flags two same-role figures exchanged around a figure that kept its place', () => {
    const swapped = edit(2, 'Exports were $220.7 million in value while imports reached $303 million', 'Exports were $303 million in value while imports reached $220.7 million');
    const withAnchor = ORIGINAL.map((x, i) => (i === 2 ? x.replace('in value', 'in 2023') : x));
    const cur = swapped.map((x, i) => (i === 2 ? x.replace('in value', 'in 2023') : x));
    const { flags } = check(cur, {}, refs(withAnchor));
    expect(flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', '$303 million'],
      ['order', '$220.7 million'],
    ]);
    expect(flags[0].message).toContain('$220.7 million');
  });

  it('does not call adjacent figures exchanged without context', () => {
    const swapped = edit(2, '$220.7 million in value while imports reached $303 million', '$303 million in value while imports reached $220.7 million');
    expect(check(swapped).flags).toEqual([]);
  });

  it('flags a score or list written the other way round, but not in a right-to-left script', () => {
    const withScore = ORIGINAL.map((x, i) => (i === 3 ? `${x} The vote was 10-6 in favour.` : x));
    const flipped = withScore.map((x, i) => (i === 3 ? x.replace('10-6', '6-10') : x));
    expect(check(flipped, {}, refs(withScore)).flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', '6'],
      ['order', '10'],
    ]);
    const rtl = (x: string) => x.replace('The vote was', 'التصويت');
    expect(check(flipped.map(rtl), {}, refs(withScore)).flags).toEqual([]);
  });

  it('flags figures exchanged around a name that kept its place, not a name that moved with its figure', () => {
    const line = (a: string, b: string) => ORIGINAL.map((x, i) => (i === 3 ? `${x} Officials counted ${a} of the votes before Kowalczyk arrived with the other ${b} in a box.` : x));
    const { flags } = check(line('47', '12'), {}, refs(line('12', '47')));
    expect(flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', '47'],
      ['order', '12'],
    ]);
    // "Ronaldo, 33" became "33-year-old Ronaldo": the name travelled with its figure, a translator's reordering.
    const moved = ORIGINAL.map((x, i) => (i === 3 ? `${x} He spoke to 142 followers, said Ronaldo, 33, on Sunday.` : x));
    const reordered = ORIGINAL.map((x, i) => (i === 3 ? `${x} He, 33 years Ronaldo, spoke to 142 followers on Sunday.` : x));
    expect(check(reordered, {}, refs(moved)).flags).toEqual([]);
  });

  it('flags a bare year before its day where the language writes the day first (CLDR)', () => {
    const dated = (d: string) => ORIGINAL.map((x, i) => (i === 1 ? x.replace('on 18 October', `on ${d}`) : x));
    const references = refs(dated('18 October 2023'));
    // Azerbaijani writes "18 oktyabr 2023": a year first is two figures exchanged.
    expect(check(dated('2023 18 October'), {}, references).flags.map((f) => [f.kind, f.text])).toEqual([
      ['order', '2023'],
      ['order', '18 October'],
    ]);
    // Hungarian writes the year first ("2023. október 18."): that is its order, not an exchange.
    expect(checkArticles(article('hu', dated('2023 18 October')), references).flags).toEqual([]);
  });

  it('calls a small number missing only where this edition writes such numbers in digits', () => {
    const staff = (aides: string, guards: string, weeks: string) =>
      ORIGINAL.map((x, i) => (i === 1 ? x.replace('They agreed to meet again.', `They brought ${aides} aides and ${guards} guards. They agreed to meet again within ${weeks} weeks.`) : x));
    const references = refs(staff('2', '4', '3'));
    const kept = check(staff('2', '4', 'a few'), {}, references).flags;
    expect(kept.map((f) => [f.kind, f.paragraph])).toEqual([['missing', 1]]);
    expect(kept[0].message).toContain('Leaves out 3');
    // An edition that spells its small numbers out lacks them all: its habit, not a loss.
    expect(check(staff('two', 'four', 'a few'), {}, references).flags).toEqual([]);
  });

  it('flags a dropped figure at the end of its sentence', () => {
    const paras = edit(3, ', trade was $289 million', ', trade grew');
    const { flags } = check(paras);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ kind: 'missing', paragraph: 3, text: '' });
    expect(flags[0].start).toBe(flags[0].end);
    expect(paras[3].slice(0, flags[0].start)).toBe('In the first eight months of 2024, trade grew');
    expect(flags[0].message).toBe('Leaves out $289 million, which the English, French and German editions give here.');
  });

  it('flags a figure dropped from a paragraph although the title still gives it', () => {
    const titled = (title: string, paras: string[]) => [title, ...paras.slice(1)];
    const references = refs(titled('Trade reached $289 million', ORIGINAL));
    const dropped = titled('Trade reached $289 million', edit(3, ', trade was $289 million', ', trade grew'));
    // The references give $289 million twice, this edition once: the one in the title is the other mention.
    expect(check(dropped, {}, references).flags.map((f) => [f.kind, f.paragraph])).toEqual([['missing', 3]]);
    // A title that leaves out a figure its body gives is a shorter title, not a loss.
    expect(check(titled('Trade grows', ORIGINAL), {}, references).flags).toEqual([]);
  });

  it('calls a small number the references give twice missing where this edition gives it once, unless it moved', () => {
    const twice = (p3: string, p2 = '') =>
      ORIGINAL.map((x, i) => (i === 1 ? x.replace('They agreed', 'They brought 40 guards. They agreed') : i === 2 ? x + p2 : i === 3 ? x + p3 : x));
    const references = refs(twice(' Some 40 ships sailed.'));
    // "40" in paragraph 1 is the other mention: the one in paragraph 3 is lost.
    expect(check(twice(' Some ships sailed.'), {}, references).flags.map((f) => [f.kind, f.paragraph])).toEqual([['missing', 3]]);
    // Given in more paragraphs here than the references give it elsewhere: moved, not lost.
    expect(check(twice(' Some ships sailed.', ' Some 40 ships sailed.'), {}, references).flags).toEqual([]);
  });

  it('does not call a figure missing where a language that spells numbers out writes one in words', () => {
    const yo = (text: string) => checkArticles(article('yo', edit(3, ', trade was $289 million', text)), refs()).flags;
    // "ẹgbẹ̀rún" (thousand): a number in words where the figure belongs.
    expect(yo(', trade was ẹgbẹ̀rún dollars')).toEqual([]);
    expect(yo(', trade grew').map((f) => f.kind)).toEqual(['missing']);
  });

  it('flags a name changed where this edition keeps it elsewhere, with the original quoted', () => {
    const { flags } = check(edit(1, 'Vassilenko', 'Kowalczyk'));
    expect(flags.map((f) => [f.kind, f.text])).toEqual([['name', 'Kowalczyk']]);
    expect(flags[0].evidence[0].text).toBe('Officials met on 18 October in the capital with Roman Vassilenko.');
  });

  it('believes a changed name only in an edition that keeps its other names as the references do', () => {
    const others = (names: string) => edit(3, '$289 million.', `$289 million, said ${names}.`).map((x, i) => (i === 1 ? x.replace('Vassilenko', 'Kowalczyk') : x));
    // Two other names no reference has (a translated title, a respelling): still an edition that copies names.
    expect(check(others('Alpha and Beta')).flags.map((f) => f.text)).toEqual(['Kowalczyk']);
    // Seven in all: a long article's share of translated titles and respellings, still a copying edition.
    expect(check(others('Alpha, Beta, Gamma, Delta, Epsilon and Zeta')).flags.map((f) => f.text)).toEqual(['Kowalczyk']);
    // Ten: this edition writes names its own way, and a changed one cannot be told from its habit.
    expect(check(others('Alpha, Beta, Gamma, Delta, Epsilon, Zeta, Eta, Theta and Iota')).flags).toEqual([]);
  });

  it('believes a misspelt name beside another unknown one, but not another name there', () => {
    // "Alpha" stands where "Vassilenko" vanished too: only the misspelling is evidence enough.
    expect(check(edit(1, 'Vassilenko.', 'Vossalenko and Alpha.')).flags.map((f) => f.text)).toEqual(['Vossalenko']);
    expect(check(edit(1, 'Vassilenko.', 'Kowalczyk and Alpha.')).flags).toEqual([]);
  });

  it('believes a misspelt name far from its original only in an edition that copies names', () => {
    const moved = ORIGINAL.map((x, i) => (i === 1 ? 'In the capital, Vossalenko met officials on 18 October with Roman. They agreed to meet again.' : x));
    const near = edit(1, 'Vassilenko', 'Vossalenko');
    const byEar = (paras: string[]) => paras.map((x, i) => (i === 3 ? x.replace('$289 million.', '$289 million, said Alpha, Beta, Gamma, Delta, Epsilon, Zeta, Eta, Theta and Iota.') : x));
    expect(check(moved).flags.map((f) => f.text)).toEqual(['Vossalenko']);
    // Ten names no reference has: an edition that writes names by ear, where only a misspelling in its original's place is believed.
    expect(check(byEar(moved)).flags).toEqual([]);
    expect(check(byEar(near)).flags.map((f) => f.text)).toEqual(['Vossalenko']);
  });

  it('believes fewer names the more of them stand where originals vanished in the edition', () => {
    const twoMore = (p1: string, more: string) => edit(1, 'Vassilenko', p1).map((x, i) => (i === 2 ? x.replace('Vassilenko said', `${more} said`) : x));
    // Three: a misspelt name is still believed, another name in an original's place no longer.
    expect(check(twoMore('Vossalenko', 'Vossilenka and Alpha')).flags.map((f) => f.text)).toEqual(['Vossalenko', 'Vossilenka']);
    expect(check(twoMore('Kowalczyk', 'Alpha and Beta')).flags).toEqual([]);
    // Four: this edition writes names by ear, and nothing is believed.
    expect(check(twoMore('Vossalenko', 'Vossilenka, Alpha and Beta')).flags).toEqual([]);
  });

  it('leaves alone a word that a reference writes elsewhere in its article', () => {
    const references = refs(ORIGINAL.map((x, i) => (i === 3 ? `${x} Kowalczyk agreed.` : x)));
    expect(check(edit(1, 'Vassilenko', 'Kowalczyk'), {}, references).flags).toEqual([]);
  });

  it('leaves alone a name this edition never writes as the references do (a translation)', () => {
    const translated = ORIGINAL.map((x) => x.replaceAll('Vassilenko', 'Vasilenko'));
    expect(check(translated).flags).toEqual([]);
  });

  it('keeps verdicts on the right paragraph when this edition merged two', () => {
    const merged = [ORIGINAL[0], ORIGINAL[1], `${ORIGINAL[2]} ${ORIGINAL[3].replace('$289', '$239')}`];
    const { flags } = check(merged);
    expect(flags.map((f) => [f.paragraph, f.text])).toEqual([[2, '$239 million']]);
  });
});

describe('checkArticles: references that cannot be compared', () => {
  it('reports errors and other articles, and never flags from them', () => {
    const bad = edit(3, '$289', '$239');
    const report = check(ORIGINAL, {}, [
      { url: 'https://en.example.org/x/', lang: 'en', article: null, error: 'not reachable' },
      ref(article('fr', bad, { path: '/another-story/' })),
      ref(article('de', bad, { published: '2023-01-02' })),
      ref(article('es', ['Other news', 'Sales of $1 million, 2%, 1999, 2001 and $7 billion.'])),
    ]);
    expect(report.references.map((r) => [r.lang, r.status])).toEqual([
      ['en', 'error'],
      ['fr', 'mismatch'],
      ['de', 'mismatch'],
      ['es', 'mismatch'],
    ]);
    expect(report.references[0].reason).toBe('not reachable');
    expect(report.flags).toEqual([]);
  });
});

describe('wording', () => {
  it('splits sentences without breaking decimals', () => {
    const t = 'It rose 1.7% to $523.7 million. Then it fell! 然后。Done';
    expect(sentenceBounds(t).map((s) => t.slice(s.start, s.end))).toEqual(['It rose 1.7% to $523.7 million.', 'Then it fell!', '然后。', 'Done']);
  });

  it('quotes the sentence, or about 160 characters around the figure', () => {
    const long = `${'word '.repeat(60)}the figure 42% is here ${'more '.repeat(60)}`;
    const { text: q, start, end } = quote(long, long.indexOf('42%'), long.indexOf('42%') + 3);
    expect(q.slice(start, end)).toBe('42%');
    expect(q.length).toBeLessThanOrEqual(164);
    expect(q.startsWith('…') && q.endsWith('…')).toBe(true);
  });

  it('locates the quoted figure in a whole sentence, past leading space', () => {
    const t = 'First sentence. \n  Trade rose 1.7% from 2022.';
    const { text: q, start, end } = quote(t, t.indexOf('1.7%'), t.indexOf('1.7%') + 4);
    expect(q).toBe('Trade rose 1.7% from 2022.');
    expect(q.slice(start, end)).toBe('1.7%');
  });

  it('describes figures in plain English', () => {
    const f = (kind: Figure['kind'], value: number, extra: Partial<Figure> = {}): Figure => ({ kind, value, mantissa: value, scale: 1, start: 0, end: 1, text: '', ...extra });
    expect(describeFigure(f('money', 523.7e6, { currency: 'USD' }))).toBe('$523.7 million');
    expect(describeFigure(f('year', 523.7))).toBe('the year 523.7');
    expect(describeFigure(f('date', 18, { month: 10 }))).toBe('18 October');
    expect(describeFigure(f('ordinal', 2))).toBe('2nd');
    expect(describeFigure(f('number', 25, { unit: 'centimeter' }))).toBe('25 centimeters');
  });
});

describe('checkArticles: slips beside conversions and repeated digits', () => {
  /** This edition's paragraph 1 replaced, and the references' paragraph 1 in en, fr, de. */
  const para = (cur: string, en: string, fr = en, de = fr) => {
    const with1 = (x: string) => ORIGINAL.map((p, i) => (i === 1 ? x : p));
    const references = [ref(article('en', with1(en))), ref(article('fr', with1(fr))), ref(article('de', with1(de)))];
    return checkArticles(article('az', with1(cur)), references).flags.filter((f) => f.kind === 'figure');
  };

  it('flags a shifted decimal beside a miles-to-kilometres conversion, which moves no decimals', () => {
    const flags = para('It sits 45 miles (72 km) away since a 71 quake.', 'It sits 45 miles (72 km) away since a 7.1 quake.', 'It sits 72 km away since a 7.1 quake.');
    expect(flags.map((f) => [f.text, f.evidence.length])).toEqual([['71', 3]]);
  });

  it('flags a digit changed into another number of the paragraph ("5-2" → "5-5")', () => {
    const flags = para('Officials won 5-5 on Friday.', 'Officials won 5-2 on Friday.');
    expect(flags).toHaveLength(1);
    expect(flags[0].start).toBe('Officials won 5-'.length);
  });

  it('leaves figures some reference vouches for out of the slots, so the slip finds its original', () => {
    // "19" is one digit from 29 too, but the French edition gives 19 as it is.
    const flags = para('Doors open at 19 and the count is 290.', 'Doors open at 7 and the count is 29.', 'Doors open at 19 and the count is 29.', 'Doors open early and the count is 29.');
    expect(flags.map((f) => [f.text, f.evidence.length])).toEqual([['290', 3]]);
  });

  it('flags the copy of a repeated value that stands where the references have another one', () => {
    const flags = para('Johnson fell 1 and 1 to Poulter, who scored 25.5 points.', 'Johnson fell 2 and 1 to Poulter, who scored 25.5 points.');
    expect(flags.map((f) => [f.text, f.start])).toEqual([['1', 'Johnson fell '.length]]);
  });

  it('counts references that converted the unit as agreeing with the one that kept it', () => {
    const flags = para('Rosa will bring up to 100 inches of rain.', 'Rosa will bring up to 10 inches of rain.', 'Rosa will bring up to 25 cm of rain.');
    expect(flags.map((f) => [f.text, f.evidence.map((e) => e.lang)])).toEqual([['100 inches', ['en', 'fr', 'de']]]);
    // Within a conversion's rounding of the original: this edition may have converted it itself.
    expect(para('Rosa will bring up to 11 inches of rain.', 'Rosa will bring up to 10 inches of rain.', 'Rosa will bring up to 25 cm of rain.')).toEqual([]);
  });

  it('compares a slip in a unit the references also converted from ("45 miles (70 km)" for 72 km)', () => {
    const flags = para('It sits 45 miles (70 km) away.', 'It sits 45 miles (72 km) away.', 'It sits 72 km away.');
    expect(flags.map((f) => [f.text, f.evidence.length])).toEqual([['70 km', 3]]);
  });

  it('takes conversions as equal only within the written precision: 670 km is not 385 miles', () => {
    const flags = para('It lies 670 km southwest.', 'It lies 385 miles southwest.', 'It lies 620 km southwest.');
    expect(flags.map((f) => f.text)).toEqual(['670 km']);
    expect(para('It lies 620 km southwest.', 'It lies 385 miles southwest.', 'It lies 620 km southwest.')).toEqual([]);
    expect(para('It lies 600 km southwest.', 'It lies 385 miles southwest.', 'It lies 600 km southwest.')).toEqual([]);
  });
});
