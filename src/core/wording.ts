// Wording: the English a flag is told in — its message, the quote of each
// reference's words, figures and editions in plain English, and the sentence
// bounds quotes are cut at. The verdicts (check.ts) decide; this module says.
import type { Figure, FlagKind, Lang } from './types';

const verb = (plural: boolean) => (plural ? 'say' : 'says');

const MESSAGES: Record<FlagKind, (says: string, who: string, say: string, plural: boolean) => string> = {
  figure: (says, who, say, pl) => `Says ${says}, where ${who} ${verb(pl)} ${say}.`,
  order: (says, who, say, pl) => `Says ${says} here, where ${who} ${verb(pl)} ${say}: the figures look exchanged.`,
  missing: (_says, who, say, pl) => `Leaves out ${say}, which ${who} ${pl ? 'give' : 'gives'} here.`,
  name: (says, who, say, pl) => `Names ${says}, where ${who} ${pl ? 'name' : 'names'} ${say}.`,
};

/** A flag's message: what this edition says (`says`), and what the editions `who` say instead (`say`). */
export function flagMessage(kind: FlagKind, says: string, who: string, say: string, plural: boolean): string {
  return MESSAGES[kind](says, who, say, plural);
}

export interface Span {
  start: number;
  end: number;
}

/** Sentence ends: terminal punctuation, closing quotes, then a space and no lower-case letter or digit ("Oct. 2"), or the end; CJK stops need no space. */
const SENTENCE_END = /[.!?؟।॥።။۔]+["'”’»)\]]*(?=\s+(?![\p{Ll}\p{Nd}])|$)|[。！？]+["'”’»)\]」』]*/gu;

export function sentenceBounds(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    const end = (m.index ?? 0) + m[0].length;
    if (end > start) out.push({ start, end });
    start = end;
  }
  if (start < text.length) out.push({ start, end: text.length });
  return out.map((s) => ({ start: s.start + leadingSpace(text, s.start, s.end), end: s.end })).filter((s) => s.end > s.start);
}

function leadingSpace(text: string, start: number, end: number): number {
  let k = 0;
  while (start + k < end && /\s/.test(text[start + k])) k++;
  return k;
}

/** Index of the sentence holding `offset` (binary search: paragraphs may be long), or -1 between sentences. */
export function sentenceAt(sentences: Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < sentences[mid].start) hi = mid - 1;
    else if (offset >= sentences[mid].end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Longest quote shown as evidence. */
const QUOTE_MAX = 160;

/** A reference's words as evidence, with where the compared figure or name stands in them (when the quote holds it whole). */
export interface Quote {
  text: string;
  start?: number;
  end?: number;
}

/** The sentence holding [start, end), or a window of about QUOTE_MAX characters around it cut at spaces. */
export function quote(text: string, start: number, end: number, sentences = sentenceBounds(text)): Quote {
  const s = sentences[sentenceAt(sentences, start)] ?? { start: 0, end: text.length };
  let a = s.start;
  let b = s.end;
  if (b - a > QUOTE_MAX) {
    const room = Math.max(0, QUOTE_MAX - (end - start));
    a = Math.max(s.start, start - Math.floor(room / 2));
    b = Math.min(s.end, a + QUOTE_MAX);
    a = Math.max(s.start, Math.min(a, b - QUOTE_MAX));
    a = cutAtSpace(text, a, start, 1);
    b = cutAtSpace(text, b, end, -1);
  }
  const body = text.slice(a, b);
  const lead = body.length - body.trimStart().length;
  const prefix = a > s.start ? '…' : '';
  const quoted = `${prefix}${body.trim()}${b < s.end ? '…' : ''}`;
  if (start < a + lead || end > b || end <= start) return { text: quoted };
  const at = prefix.length + start - a - lead;
  return { text: quoted, start: at, end: at + (end - start) };
}

/** Moves a cut to the nearest space towards `limit`, unless there is none within 20 characters (unspaced scripts). */
function cutAtSpace(text: string, at: number, limit: number, dir: 1 | -1): number {
  for (let k = 0; k < 20; k++) {
    const i = at + k * dir;
    if ((dir === 1 && i >= limit) || (dir === -1 && i <= limit)) break;
    if (/\s/.test(text[i] ?? '')) return dir === 1 ? i + 1 : i;
  }
  return at;
}

const SCALES: ReadonlyArray<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

const CURRENCY_SIGNS: Readonly<Record<string, string>> = { USD: '$', EUR: '€', GBP: '£', JPY: '¥' };

const plain = (n: number) => (Number.isInteger(n) ? n : +n.toPrecision(10)).toLocaleString('en', { maximumFractionDigits: 6 });

function amount(value: number): string {
  const [size, word] = SCALES.find(([s]) => Math.abs(value) >= s) ?? [1, ''];
  return word ? `${plain(value / size)} ${word}` : plain(value);
}

/** As written when the scale is a word English has ("2,022 million"), else in the largest English scale. */
function scaled(f: Figure): string {
  const word = SCALES.find(([s]) => s === f.scale)?.[1];
  return word ? `${plain(f.mantissa)} ${word}` : amount(f.value);
}

function ordinal(n: number): string {
  const rule = new Intl.PluralRules('en', { type: 'ordinal' }).select(n);
  return `${n}${{ one: 'st', two: 'nd', few: 'rd' }[rule as 'one' | 'two' | 'few'] ?? 'th'}`;
}

function unitName(value: number, unit: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 6 }).format(value);
  } catch {
    return `${amount(value)} ${unit}`;
  }
}

const monthName = (m: number) => new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, m - 1, 1));

const DESCRIBE: Record<Figure['kind'], (f: Figure) => string> = {
  money: (f) => {
    const sign = f.currency ? CURRENCY_SIGNS[f.currency] : undefined;
    if (sign) return `${sign}${scaled(f)}`;
    return f.currency ? `${scaled(f)} ${f.currency}` : `${scaled(f)} (money)`;
  },
  percent: (f) => `${plain(f.value)}%`,
  year: (f) => `the year ${+f.value.toPrecision(12)}`,
  date: (f) => (f.month ? `${f.value} ${monthName(f.month)}` : `day ${plain(f.value)}`),
  count: (f) => scaled(f),
  ordinal: (f) => (Number.isInteger(f.value) ? ordinal(f.value) : plain(f.value)),
  number: (f) => amount(f.value),
};

/** A figure in plain English: "$523.7 million", "1.7%", "the year 2023", "18 October", "25 centimeters". */
export function describeFigure(f: Figure): string {
  if (f.unit && f.kind !== 'money' && f.kind !== 'percent') return unitName(f.value, f.unit);
  return DESCRIBE[f.kind](f);
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return undefined;
  }
})();

function languageName(lang: Lang): string {
  try {
    return languageNames?.of(lang) ?? lang;
  } catch {
    return lang;
  }
}

/** "the Swahili edition", "the English, French and German editions". */
export function editionList(langs: Lang[]): string {
  const names = [...new Set(langs)].map(languageName);
  const list = new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names);
  return `the ${list} edition${names.length > 1 ? 's' : ''}`;
}
