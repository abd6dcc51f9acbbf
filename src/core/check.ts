// Verdicts: compares the current edition with its references, paragraph by
// aligned paragraph, and raises a flag only where the references that could be
// compared agree among themselves and disagree with this edition. Precision
// over recall: every rule below abstains when in doubt.
import type { Article, CheckOptions, Evidence, Figure, Flag, FlagKind, Lang, NameMention, ReferenceInput, ReferenceReport, Report } from './types';
import { alignParagraphs, type Bead } from './align';
import { extractFigures, settleLongScale } from './figures';
import { compareNames, extractNames, isAcronym, withNameMemo, type NameComparison, occurrences, wordIndex } from './names';
import { sameQuantity, toBase } from './units';
import { fractionDigits, normaliseDigits } from './digits';
import { spellsNumbers, spellsValue } from './spelled';
import { localeFor } from './vocab';
import { describeFigure, editionList, flagMessage, quote, sentenceAt, sentenceBounds, type Span } from './wording';

// ---------------------------------------------------------------------------
// Analysis of one edition

interface Para {
  text: string;
  figures: Figure[];
  names: NameMention[];
  sentences: Span[];
  /** Every digit run of the text (ASCII, separators removed), figure or not: what a reader of it sees. */
  digitRuns: Set<string>;
  /** How often each run is written, zero-padded runs counted as they read ("05" as 5). */
  digitCounts: ReadonlyMap<string, number>;
}

interface Edition {
  article: Article;
  paras: Para[];
}

function analyse(article: Article): Edition {
  const paras = article.paragraphs.map((text) => {
    const { runs, counts } = digitRunsOf(text);
    return {
      text,
      figures: extractFigures(text, article.lang),
      names: extractNames(text, article.lang),
      sentences: sentenceBounds(text),
      digitRuns: runs,
      digitCounts: counts,
    };
  });
  settleLongScale(paras.map((p) => p.figures));
  return { article, paras };
}

/** Separators between digits, as locales and MT leave them ("360 000", "2,53", "1.994"). */
const DIGIT_SEPARATORS = /(?<=\d)[.,\s'’\u066B\u066C](?=\d)/g;

/** Digit runs as written (`runs`), and how often each is written, a zero-padded run as its value reads ("05:00" writes a 5). */
function digitRunsOf(text: string): { runs: Set<string>; counts: Map<string, number> } {
  const runs = new Set<string>();
  const counts = new Map<string, number>();
  for (const written of normaliseDigits(text).replace(DIGIT_SEPARATORS, '').match(/\d+/g) ?? []) {
    runs.add(written);
    const run = written.replace(/^0+(?=\d)/, '');
    counts.set(run, (counts.get(run) ?? 0) + 1);
  }
  return { runs, counts };
}

/** Digits as written, independent of role and scale: what survives when MT shuffles roles. */
const mantissaKey = (f: Figure) => `m${+f.mantissa.toPrecision(12)}`;

/**
 * Alignment anchors: figure digits and countries, which read the same in every
 * edition. Other names are left out: their keys carry each language's
 * inflection, so exact keys would count as disagreement.
 */
function anchorsOf(p: Para): string[] {
  return [...p.figures.flatMap(figureKeys), ...p.names.flatMap((n) => (n.country ? [`c${n.country}`] : []))];
}

/**
 * A figure's significant digits, whatever the separators and scale words: languages count in other scale
 * words ("380 ming", "36만" for 380,000 and 360,000) and write other decimal marks, so only these survive.
 */
const figureKeys = (f: Figure): string[] => [`d${digitsOf(f).replace(/0+$/, '') || '0'}`];

// ---------------------------------------------------------------------------
// Is the reference the same article?

const DAY_MS = 86_400_000;
/** Roles that carry a figure's identity across editions; plain numbers vary with spelling-out. */
const STRONG = new Set<Figure['kind']>(['money', 'percent', 'year', 'date']);

const normPath = (p: string) => p.replace(/\/+$/, '').toLowerCase();

function strongMantissas(e: Edition): Set<string> {
  const out = new Set<string>();
  for (const p of e.paras) for (const f of p.figures) if (STRONG.has(f.kind)) out.add(mantissaKey(f));
  return out;
}

/** Why `ref` is another article than `cur`, or undefined when it is the same one. */
function mismatchReason(cur: Edition, ref: Edition): string | undefined {
  if (normPath(cur.article.path) !== normPath(ref.article.path)) return 'another article (different address)';
  const a = Date.parse(cur.article.published ?? '');
  const b = Date.parse(ref.article.published ?? '');
  if (Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) >= DAY_MS) return 'another article (different publication date)';
  const x = strongMantissas(cur);
  const y = strongMantissas(ref);
  // MT scrambles roles but keeps digits, so shared digits survive even in a bad
  // edition; a handful of figures with almost none in common is another story.
  if (Math.min(x.size, y.size) >= 4) {
    let shared = 0;
    for (const k of x) if (y.has(k)) shared++;
    if (shared * 4 < Math.min(x.size, y.size)) return 'another article (its figures differ)';
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// Figure relations

/** Pairs of roles that cannot both describe one quantity. Anything not listed is lenient (a role word may be spelled out or missed). */
const CONFLICTING: ReadonlySet<string> = new Set(
  [
    ['money', 'percent'],
    ['money', 'year'],
    ['money', 'date'],
    ['percent', 'year'],
    ['percent', 'date'],
    ['year', 'date'],
    ['count', 'percent'],
    ['count', 'year'],
    ['count', 'date'],
    // An ordinal ("18-də", "5th") never stands for an amount or a share.
    ['ordinal', 'money'],
    ['ordinal', 'percent'],
  ].flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]),
);

/** CONFLICTING as a lookup by kind, since it is asked for every pair of figures compared. */
const CONFLICTS_WITH = new Map<string, Set<string>>();
for (const pair of CONFLICTING) {
  const [a, b] = pair.split('|');
  CONFLICTS_WITH.set(a, (CONFLICTS_WITH.get(a) ?? new Set()).add(b));
}
/** Roles no measurement can have: an amount of money or a share is never "34 years" or "20 feet". */
const UNMEASURED = new Set<Figure['kind']>(['money', 'percent']);
const measuredAgainst = (a: Figure, b: Figure) => !!a.unit && UNMEASURED.has(b.kind);
const conflictingKinds = (a: Figure, b: Figure) => (CONFLICTS_WITH.get(a.kind)?.has(b.kind) ?? false) || measuredAgainst(a, b) || measuredAgainst(b, a);

const halfUnits = new WeakMap<Figure, number>();

/** Half a unit of the last written digit: "524 million" covers 523.7 million. */
function halfUnit(f: Figure): number {
  let h = halfUnits.get(f);
  if (h === undefined) halfUnits.set(f, (h = (0.5 * f.scale) / 10 ** (f.decimals ?? fractionDigits(f.mantissa))));
  return h;
}

/** The multipliers a figure's scale word may mean: one, or two for a "billion" cognate (Figure.altScale). */
const readings = (f: Figure): number[] => (f.altScale ? [f.scale, f.altScale] : [f.scale]);

const ROUNDING_SHARE = 0.05;

/** Converting units, translators round and use approximate factors (1.6 km a mile): at least this share … */
const CONVERSION_SLACK = 0.02;
/** … and at most this one, however round the numbers ("10 inches" for "25 cm"). */
const CONVERSION_MAX = 0.1;

/**
 * How far apart, as a share of the larger, two measurements in different units may be and still be one
 * converted into the other: as far as either side's rounding reaches, the written precision (half the place
 * of its last non-zero digit, as "600 km" may be 620 rounded). A fixed 10% would take "670 km" for 385
 * miles (620 km).
 */
function conversionShare(a: Figure, b: Figure): number {
  const x = toBase(a.value, a.unit!);
  const y = toBase(b.value, b.unit!);
  if (!x || !y) return CONVERSION_SLACK;
  const size = Math.max(Math.abs(x.value), Math.abs(y.value));
  const rounding = Math.max(baseSpan(roundedTo(a), a.unit!), baseSpan(roundedTo(b), b.unit!));
  return size === 0 ? CONVERSION_MAX : Math.min(CONVERSION_MAX, Math.max(CONVERSION_SLACK, rounding / size));
}

/** Half the place of the last non-zero digit written, in the figure's unit: 0.05 for "2.5", 50 for "600", 0.5 for "385". */
function roundedTo(f: Figure): number {
  if (!Number.isInteger(f.mantissa) || f.decimals || f.mantissa === 0) return halfUnit(f);
  let place = 1;
  while ((f.mantissa / (place * 10)) % 1 === 0) place *= 10;
  return 0.5 * place * f.scale;
}

/** A difference in `unit` as a difference in its dimension's base unit (no temperature offset). */
const baseSpan = (d: number, unit: string) => (toBase(d, unit)?.value ?? 0) - (toBase(0, unit)?.value ?? 0);

function sameValue(a: Figure, b: Figure): boolean {
  if (a.month && b.month && a.month !== b.month) return false;
  if (a.unit && b.unit && a.unit !== b.unit) return sameQuantity(a.value, a.unit, b.value, b.unit, conversionShare(a, b));
  // Rounding covers half a unit of the last written digit, but no more than a twentieth of the value: "6 m" for
  // 5.5, "2" for 2.13, "7" for 7.5 are other values, where "524 million" for 523.7 million is rounding.
  const size = Math.max(Math.abs(a.value), Math.abs(b.value));
  const tol = Math.min(Math.max(halfUnit(a), halfUnit(b)), ROUNDING_SHARE * size) + 1e-9 * size;
  if (Math.abs(a.value - b.value) <= tol) return true;
  // Either reading of an ambiguous scale word agrees: the choice between 1e9 and 1e12 is no evidence of an error.
  if (!a.altScale && !b.altScale) return false;
  const within = (sa: number, sb: number) =>
    Math.abs(a.mantissa * sa - b.mantissa * sb) <= Math.max((halfUnit(a) * sa) / a.scale, (halfUnit(b) * sb) / b.scale) + 1e-9 * Math.abs(a.mantissa * sa);
  return readings(a).some((sa) => readings(b).some((sb) => within(sa, sb)));
}

const sameMantissa = (a: Figure, b: Figure) => Math.abs(a.mantissa - b.mantissa) <= 1e-9 * Math.max(1, Math.abs(a.mantissa));

const agrees = (a: Figure, b: Figure) => !conflictingKinds(a, b) && sameValue(a, b);

/** Digits only, as written ("7,0": 70), for telling a one-digit slip in a plain number from a different number. */
const digitsOf = (f: Figure) => (f.decimals ? Math.abs(f.mantissa).toFixed(f.decimals) : String(f.mantissa)).replace(/\D/g, '');

/** Same number of digits, one of them different; `minDigits` 2 keeps single digits out, which any two are. */
function oneDigitApart(a: Figure, b: Figure, minDigits = 2): boolean {
  const x = digitsOf(a);
  const y = digitsOf(b);
  if (x.length !== y.length || x.length < minDigits) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) diff++;
  return diff === 1;
}

/**
 * The same digits with the decimal point moved one place or a zero added: 5.2 →
 * 52, 30 → 300. Only one place: "5" for "500" is more often a hundreds word the
 * reader did not know than a slip.
 */
function tenfold(a: Figure, b: Figure): boolean {
  const strip = (f: Figure) => digitsOf(f).replace(/0+$/, '');
  if (strip(a) !== strip(b) || a.value === 0 || b.value === 0) return false;
  return Math.abs(Math.abs(Math.log10(Math.abs(a.value / b.value))) - 1) < 1e-9;
}

/**
 * Digit slips a reader could not tell from the original: one digit changed, or
 * the scale shifted. A shift by ten is no slip where units are about: metric
 * conversions are powers of ten ("25 až 100 mm" for "2,5 et 10 cm").
 */
const slipped = (a: Figure, b: Figure, converting: boolean) => oneDigitApart(a, b) || ((!converting || sameUnit(a, b)) && tenfold(a, b));

/** Both name one unit: no conversion moves the decimals of "300 km" to "3000 km". */
const sameUnit = (a: Figure, b: Figure) => !!a.unit && a.unit === b.unit;

/** Units clash only when both sides name one; a unit word one side leaves out is no evidence. */
const unitsClash = (a: Figure, b: Figure) => !!a.unit && !!b.unit && a.unit !== b.unit;

/** Whether two figures left over after value matching are the same slot with a changed value. */
function sameSlotChanged(a: Figure, b: Figure, converting: boolean): boolean {
  if (a.kind !== b.kind || unitsClash(a, b)) return false;
  if (a.kind === 'number') return slipped(a, b, converting);
  return a.kind !== 'ordinal';
}

// ---------------------------------------------------------------------------
// Matching the figures of one bead

/** A figure placed in its edition: paragraph, index in that paragraph, relative place in the bead. */
interface Placed {
  p: number;
  k: number;
  f: Figure;
  /** 0..1 position in the bead's text, for tie-breaking between equal candidates. */
  rel: number;
}

type Relation = 'agree' | 'lenient' | 'conflict';

interface Pair {
  c: Placed;
  r: Placed;
  relation: Relation;
}

interface BeadMatch {
  pairs: Pair[];
  unmatchedRef: Placed[];
}

function place(e: Edition, paras: number[]): Placed[] {
  const total = paras.reduce((s, p) => s + e.paras[p].text.length + 1, 0) || 1;
  const out: Placed[] = [];
  let offset = 0;
  for (const p of paras) {
    e.paras[p].figures.forEach((f, k) => out.push({ p, k, f, rel: (offset + f.start) / total }));
    offset += e.paras[p].text.length + 1;
  }
  return out;
}

/**
 * Matching passes, most certain first. Each pass pairs figures left unpaired by
 * the previous ones: equal value (agree); equal digits in compatible roles
 * (lenient: a scale or role word one side did not recognise); equal digits in
 * contradictory roles or scales (conflict: the seed's 303% vs $303 million); the
 * same role in the same slot with another value (conflict: a digit or scale change).
 */
const PASSES: ReadonlyArray<{ relation: Relation; test: (c: Figure, r: Figure) => boolean }> = [
  // The same value in the same unit before a conversion: in "45 milje (70 km)" against "72 km", 72 km is the
  // conversion's partner, not 45 miles, and 70 km is left to compare with it.
  { relation: 'agree', test: (c, r) => (c.unit ?? '') === (r.unit ?? '') && agrees(c, r) },
  { relation: 'agree', test: agrees },
  { relation: 'lenient', test: (c, r) => sameMantissa(c, r) && !conflictingKinds(c, r) && !scaleChanged(c, r) },
  { relation: 'conflict', test: (c, r) => sameMantissa(c, r) && (conflictingKinds(c, r) || scaleChanged(c, r)) },
];

/**
 * Both sides wrote a scale word, the same digits, and different scales: million
 * → billion. The roles must be the same, or this edition's the stronger one (it
 * read a currency the reference's reader missed, "100 millions" for "€100
 * million"), or a count where the reference read money: this edition's reader
 * missed a currency name after the scale word ("1.5 milyard funt-sterlinq",
 * "200 их наяд ам.доллар"), whose misread scale words are fixed where found.
 */
const scaleChanged = (c: Figure, r: Figure) =>
  (c.kind === r.kind || (STRONG.has(c.kind) && !STRONG.has(r.kind)) || (c.kind === 'count' && r.kind === 'money')) && c.scale > 1 && r.scale > 1 && !readings(c).some((s) => readings(r).includes(s));

/**
 * Figures compared with one another: those within this many places of the same
 * proportional position. Paragraphs hold far fewer, so this only bounds time on
 * pathological input (thousands of figures), keeping it linear.
 */
const WINDOW = 48;

/** The reference figures near each current figure's proportional position. */
function windows(cur: Placed[], ref: Placed[]): Map<Placed, Placed[]> {
  const out = new Map<Placed, Placed[]>();
  cur.forEach((c, i) => {
    const centre = Math.round((i * ref.length) / Math.max(1, cur.length));
    out.set(c, ref.slice(Math.max(0, centre - WINDOW), centre + WINDOW + 1));
  });
  return out;
}

/** The digit runs written anywhere in a bead's paragraphs on each side, figure or not. */
interface BeadDigits {
  cur: ReadonlyMap<string, number>;
  ref: ReadonlyMap<string, number>;
}

const NO_DIGITS: BeadDigits = { cur: new Map(), ref: new Map() };

/** The matching passes of one bead, before its leftovers are paired as slots. */
interface Passed {
  pairs: Pair[];
  freeC: Set<Placed>;
  freeR: Set<Placed>;
  near: Map<Placed, Placed[]>;
}

/**
 * Units in which a reference figure's paragraph also gives its quantity: "800 kph (497 mph)" gives 497 mph in
 * kph too. A current figure in one of those units is compared with the reference's figure in that unit, never
 * vouched for by the conversion beside it, which rounds wide enough to hide a slip ("809 km/h" is 503 mph).
 */
function echoedUnits(ref: Placed[]): Map<Placed, Set<string>> {
  const out = new Map<Placed, Set<string>>();
  for (const r of ref) {
    for (const o of ref) {
      if (o === r || o.p !== r.p || !o.f.unit || !convertedFrom(o.f, r.f)) continue;
      const units = out.get(r) ?? new Set<string>();
      units.add(o.f.unit);
      out.set(r, units);
    }
  }
  return out;
}

function matchPasses(cur: Placed[], ref: Placed[]): Passed {
  const pairs: Pair[] = [];
  const near = windows(cur, ref);
  const freeC = new Set(cur);
  const freeR = new Set(ref);
  const echoed = echoedUnits(ref);
  // An agreement across units where the reference also writes the current figure's unit is no agreement.
  const echo = (c: Placed, r: Placed) => !!c.f.unit && unitsClash(c.f, r.f) && !!echoed.get(r)?.has(c.f.unit);
  for (const pass of PASSES) {
    // Closest pairs first, not the current figures in order: where this edition writes a value twice ("1 … 1",
    // one of them a slip of the references' 2), the reference's one goes to the copy in its place.
    const edges: Array<{ c: Placed; r: Placed; rank: number; gap: number }> = [];
    for (const c of cur) {
      if (!freeC.has(c)) continue;
      for (const r of near.get(c)!) if (freeR.has(r) && pass.test(c.f, r.f) && !echo(c, r)) edges.push({ c, r, rank: r.f.kind === c.f.kind ? 0 : 1, gap: Math.abs(r.rel - c.rel) });
    }
    edges.sort((x, y) => x.rank - y.rank || x.gap - y.gap);
    for (const { c, r } of edges) {
      if (!freeC.has(c) || !freeR.has(r)) continue;
      pairs.push({ c, r, relation: pass.relation });
      freeC.delete(c);
      freeR.delete(r);
    }
  }
  return { pairs, freeC, freeR, near };
}

const NONE: ReadonlySet<Figure> = new Set();

/**
 * `vouched`: current figures that some reference gives as they are. No verdict can go against them, so they
 * take no part in pairing leftovers as slots, where they would only compete for another figure's changed
 * value ("19 h … 290 de setembre" against "7 p.m. … September 29": 290, not 19, is the slip of 29).
 */
function matchBead(
  cur: Placed[],
  ref: Placed[],
  digits: BeadDigits = NO_DIGITS,
  vouched: ReadonlySet<Figure> = NONE,
  passed: Passed = matchPasses(cur, ref),
): BeadMatch {
  // Copies: the leftovers are paired below, and `passed` may be a bead's shared passes (passesOf).
  const pairs = [...passed.pairs];
  const freeR = new Set(passed.freeR);
  const { freeC, near } = passed;
  const open = [...freeC].filter((c) => !vouched.has(c.f));
  const converted = new Set(pairs.filter((x) => x.relation === 'agree' && unitsClash(x.c.f, x.r.f)).map((x) => x.r));
  pairs.push(...pairSlots(open, [...freeR], freeR, near, converts(cur, ref), digits, converted));
  return { pairs: crossRoles(pairs), unmatchedRef: [...freeR] };
}

/** A confident bead's figures on each side and their matching passes, worked out once per check. */
interface BeadFigures {
  cur: Placed[];
  ref: Placed[];
  passed: Passed;
}

const beadFigures = new WeakMap<Bead, BeadFigures>();

/** The bead's figures and passes: both vouchedFigures and compareReference need them. */
function passesOf(cur: Edition, run: RefRun, bead: Bead): BeadFigures {
  let x = beadFigures.get(bead);
  if (!x) {
    const [c, r] = [place(cur, bead.cur), place(run.edition, bead.ref)];
    beadFigures.set(bead, (x = { cur: c, ref: r, passed: matchPasses(c, r) }));
  }
  return x;
}

/** Current figures that a confidently aligned reference gives with the same value or digits. */
function vouchedFigures(cur: Edition, runs: RefRun[]): Set<Figure> {
  const out = new Set<Figure>();
  for (const run of runs) {
    for (const bead of new Set(run.beadOf.values())) {
      if (!bead.confident) continue;
      for (const x of passesOf(cur, run, bead).passed.pairs) if (x.relation !== 'conflict') out.add(x.c.f);
    }
  }
  return out;
}

/** A role word a figure carries: one of the strong kinds, or a unit ("24 hours", "20 feet"). */
interface Role {
  has: (f: Figure) => boolean;
  /**
   * Whether a pair may take part. A unit counts only where neither side reads
   * the figure as a calendar year or date: "2014-yilda" (in 2014) reads as a
   * number of years beside the year 2014, and is no exchange with "29 years".
   */
  eligible: (x: Pair) => boolean;
}

const CALENDAR = new Set<Figure['kind']>(['year', 'date']);

function rolesOf(pairs: Pair[]): Role[] {
  const units = new Set(pairs.flatMap((x) => [x.c.f.unit, x.r.f.unit]).filter((u): u is string => !!u));
  return [
    ...[...STRONG].map((kind): Role => ({ has: (f) => f.kind === kind, eligible: () => true })),
    // A count ("142 million followers") too, its scale word staying in the slot, where neither side reads a
    // stronger role: a count against money is a currency word one reader missed, not an exchange.
    { has: (f) => f.kind === 'count', eligible: (x) => !STRONG.has(x.c.f.kind) && !STRONG.has(x.r.f.kind) },
    ...[...units].map((unit): Role => ({ has: (f) => f.unit === unit, eligible: (x) => !CALENDAR.has(x.c.f.kind) && !CALENDAR.has(x.r.f.kind) })),
  ];
}

/**
 * Roles exchanged between two figures whose digits both survive: this edition
 * calls 63 a year where the references' 63 is an ordinal, and writes their year
 * 1945 in a slot of another role ("умер в 63 году … 1945-летия"); it counts 183
 * hours where they count 183 emissions over 24 hours. Each lenient match alone
 * looks harmless; together they are the seed's error. Both become conflicts,
 * each quoting what the references give that role.
 */
function crossRoles(pairs: Pair[]): Pair[] {
  const out = [...pairs];
  for (const { has, eligible } of rolesOf(pairs)) {
    const open = (x: Pair) => x.relation !== 'conflict' && eligible(x);
    const claims = out.findIndex((x) => open(x) && has(x.c.f) && !has(x.r.f));
    const hides = out.findIndex((x) => open(x) && has(x.r.f) && !has(x.c.f));
    if (claims < 0 || hides < 0 || claims === hides) continue;
    const [a, b] = [out[claims], out[hides]];
    out[claims] = { c: a.c, r: b.r, relation: 'conflict' };
    out[hides] = { c: b.c, r: a.r, relation: 'conflict' };
  }
  return out;
}

/**
 * Whether one side measures a dimension in a unit the other does not use for it, the two a power of ten
 * apart: a metric conversion ("25 až 100 mm" for "2,5 et 10 cm"), where decimals shift legitimately. Miles
 * for kilometres or hours for years shift no decimals, so beside them "71" for "7.1" is still a slip.
 */
function converts(cur: Placed[], ref: Placed[]): boolean {
  const units = (xs: Placed[]) => new Set(xs.flatMap((x) => (x.f.unit ? [x.f.unit] : [])));
  const [a, b] = [units(cur), units(ref)];
  const unmatched = (xs: Set<string>, ys: Set<string>) => [...xs].some((u) => !ys.has(u) && [...ys].some((v) => decimalApart(u, v)));
  return unmatched(a, b) || unmatched(b, a);
}

/** Two units of one dimension whose sizes differ by a power of ten (mm and cm, g and kg, not miles and km). */
function decimalApart(u: string, v: string): boolean {
  const [x, y] = [toBase(1, u), toBase(1, v)];
  if (!x || !y || x.dimension !== y.dimension || x.value === 0 || y.value === 0) return false;
  const exponent = Math.log10(x.value / y.value);
  return Math.abs(exponent - Math.round(exponent)) < 1e-9;
}

/** How far apart (in relative position) two figures may sit and still be one slot. */
const SLOT_DRIFT = 0.35;

/**
 * Last passes over the leftovers (`converting`: the two sides convert units, so
 * metric conversions may look like shifted decimals). Per role, when both sides have the same
 * number of leftovers, pair them in order; then pair any leftover whose digits
 * are one slip away from exactly one leftover of the other side (and vice
 * versa): an unequal count (a number one edition spelled out) does not hide a
 * changed digit.
 */
function pairSlots(
  cur: Placed[],
  ref: Placed[],
  freeR: Set<Placed>,
  near: Map<Placed, Placed[]>,
  converting: boolean,
  digits: BeadDigits,
  converted: ReadonlySet<Placed> = new Set(),
): Pair[] {
  const pairs: Pair[] = [];
  const taken = new Set<Placed>();
  // A reference figure that matched only as a conversion ("45 milje" for "72 km") is still the original of a
  // slip in its own unit: "45 milje (70 km)" converts correctly and misstates the kilometres.
  const shadow = new Set(converted);
  const take = (c: Placed, r: Placed) => {
    pairs.push({ c, r, relation: 'conflict' });
    taken.add(c);
    freeR.delete(r);
    shadow.delete(r);
  };
  const open = (r: Placed) => freeR.has(r) || shadow.has(r);
  for (const kind of new Set(cur.map((c) => c.f.kind))) {
    const cs = cur.filter((c) => c.f.kind === kind);
    const rs = ref.filter((r) => r.f.kind === kind);
    if (cs.length !== rs.length) continue;
    cs.forEach((c, i) => {
      const r = rs[i];
      // Word order moves a lone figure anywhere in its paragraph; among several, drift tells slots apart.
      if (sameSlotChanged(c.f, r.f, converting) && (cs.length === 1 || Math.abs(c.rel - r.rel) <= SLOT_DRIFT)) take(c, r);
    });
  }
  const left = cur.filter((c) => !taken.has(c));
  // A unit on one side only may be a conversion ("1 inch (2.5 cm)"), so slips need the same unit, or none,
  // unless neither side writes the other's digits anywhere ("200 anys" for "Simpson, 20,").
  const unitsAllow = (c: Figure, r: Figure) => (c.unit ?? '') === (r.unit ?? '') || (!unitsClash(c, r) && foreign(c, r, digits));
  const slips = new Map(
    left.map((c) => [c, near.get(c)!.filter((r) => open(r) && !conflictingKinds(c.f, r.f) && unitsAllow(c.f, r.f) && slipped(c.f, r.f, converting))] as const),
  );
  const claims = new Map<Placed, number>();
  for (const rs of slips.values()) for (const r of rs) claims.set(r, (claims.get(r) ?? 0) + 1);
  for (const [c, rs] of slips) if (rs.length === 1 && claims.get(rs[0]) === 1 && open(rs[0])) take(c, rs[0]);
  // A leftover whose digits the other side writes as often, as a figure or not ("5 a.m." against "5:00", a clock
  // the reader takes for no figure), has its counterpart there: it is no candidate for the one slot left.
  const lastC = left.filter((c) => !taken.has(c) && unaccounted(digitsOf(c.f), digits.cur, digits.ref));
  const lastR = ref.filter((r) => freeR.has(r) && unaccounted(digitsOf(r.f), digits.ref, digits.cur));
  if (lastC.length === 1 && lastR.length === 1 && loneSlot(lastC[0].f, lastR[0].f, converting, digits)) take(lastC[0], lastR[0]);
  else {
    // Beside leftovers of other sizes (a conversion, "85 mph" for "135 km/h"), the one single digit left on each side.
    const [c1, r1] = [lastC.filter((x) => singleDigit(x.f)), lastR.filter((x) => singleDigit(x.f))];
    if (c1.length === 1 && r1.length === 1 && c1[0].f.kind === r1[0].f.kind && loneSlot(c1[0].f, r1[0].f, converting, digits)) take(c1[0], r1[0]);
  }
  return pairs;
}

/**
 * The one figure left on each side of a bead is one slot with a changed value
 * when neither side writes the other's digits anywhere in the bead (not even
 * as a word the extractor gave no role): "Louis Pasteur 3" for "Louis Pasteur
 * 2", "1194 годзе" (read as a duration) for the year 1994, "Mbudzi 4" for
 * 6 November. A number a translator spelled out leaves the reference's digits
 * unmatched but adds none of its own, so it is no lone pair; the two values
 * must be a slip apart (one digit, even of a single-digit number, or tenfold),
 * so a dropped figure and an unrelated extra one stay apart. Roles must be
 * compatible: the same, or a plain number where the extractor missed the role word.
 */
function loneSlot(c: Figure, r: Figure, converting: boolean, digits: BeadDigits): boolean {
  if (conflictingKinds(c, r) || unitsClash(c, r) || c.kind === 'ordinal' || r.kind === 'ordinal') return false;
  if (c.kind !== r.kind && c.kind !== 'number' && r.kind !== 'number') return false;
  // A slip, not just any two values: a dropped figure and an unrelated extra one are no pair.
  if (!oneDigitApart(c, r, 1) && !slipped(c, r, converting)) return false;
  return foreign(c, r, digits);
}

/** A digit run one side writes more often than the other, anywhere in the bead (absent counts: 1 mine, 0 theirs). */
const unaccounted = (run: string, mine: ReadonlyMap<string, number>, theirs: ReadonlyMap<string, number>) => (theirs.get(run) ?? 0) < (mine.get(run) ?? 1);

const singleDigit = (f: Figure) => Number.isInteger(f.mantissa) && f.mantissa >= 0 && f.mantissa < 10 && !f.decimals;

/**
 * Each side writes its own figure's digits more often than the other side does, anywhere in the bead, as a
 * figure or not: neither is the other's number written elsewhere, nor one a translator spelled out. Counted,
 * not just looked for, so a digit the slip turned into another one of the paragraph's numbers ("5-2" → "5-5")
 * still tells: this edition writes one 5 too many and one 2 too few.
 */
const foreign = (c: Figure, r: Figure, digits: BeadDigits) => {
  const [x, y] = [digitsOf(c), digitsOf(r)];
  return (digits.ref.get(x) ?? 0) < (digits.cur.get(x) ?? 1) && (digits.cur.get(y) ?? 0) < (digits.ref.get(y) ?? 1);
};

// ---------------------------------------------------------------------------
// Order: same-role figures whose places are exchanged

/**
 * Pairs of agreeing figures that sit in exchanged places, where the context
 * shows it: another agreeing figure between them keeps its place, they sit in
 * exchanged sentences of paragraphs with the same number of sentences, a name
 * between them keeps its place (nameKeptBetween), a name is written with the
 * other figure (nameBeside), a date's year stands before its day against the
 * language's order (dateAgainstLocale), a score, range or list is written the
 * other way round (joinedPair), or the digits put back read as the references'
 * (rolesRestored). A third figure written together with the other one
 * (partnerTraded) tells whatever the pair's order. Returns
 * keys "p:k|p:k" of the two current figures in current order.
 */
/** Exchanged figures are looked for this many agreeing figures apart at most, and checked against as many around them. */
const SWAP_SPAN = 8;

function swaps(cur: Edition, ref: Edition, pairs: Pair[], spelled: ReadonlySet<string>): Array<{ key: string; a: Pair; b: Pair }> {
  const agreed = pairs.filter((x) => x.relation !== 'conflict').sort((x, y) => x.c.rel - y.c.rel);
  const out: Array<{ key: string; a: Pair; b: Pair }> = [];
  for (let i = 0; i < agreed.length; i++) {
    for (let j = i + 1; j < Math.min(agreed.length, i + SWAP_SPAN); j++) {
      const a = agreed[i];
      const b = agreed[j];
      if (sameValue(a.c.f, b.c.f)) continue;
      // A figure written together with one of them in the references and with the other here tells in any
      // order: the exchange may have left the two in the references' order ("16.5-2018 … 10.5 সালের").
      if (partnerTraded(cur, ref, agreed, i, j)) {
        out.push({ key: `${a.c.p}:${a.c.k}|${b.c.p}:${b.c.k}`, a, b });
        continue;
      }
      // Already in the references' order: this edition's translator put them the other way round and the
      // exchange put them back. Its role words stayed in place, so only digits that put back read as the
      // references' figures in every respect tell ("29年9月2018日" for "September 29, 2018").
      if (a.r.rel <= b.r.rel) {
        if (rolesRestored(cur, a, b, 'roles')) out.push({ key: `${a.c.p}:${a.c.k}|${b.c.p}:${b.c.k}`, a, b });
        continue;
      }
      const between = agreed.slice(i + 1, j);
      const inPlace = sameRole(a, b) && between.length > 0 && between.every((x) => x.r.rel > b.r.rel && x.r.rel < a.r.rel) && !backwards(between);
      const around = agreed.slice(Math.max(0, i - SWAP_SPAN), j + SWAP_SPAN);
      const aloneInverted = around.every((x) => x === a || x === b || (x.c.rel < a.c.rel) === (x.r.rel < b.r.rel));
      // Where other figures moved too ("1994 kilometrů (45 mil)" for "45 miles (72 km) … since 1994"), only
      // digits that put back read as both references' figures in every respect still tell the exchange:
      // a merely better reading there is as often one language's reader knowing one role word and not another.
      if (!aloneInverted) {
        if (rolesRestored(cur, a, b, 'fully')) out.push({ key: `${a.c.p}:${a.c.k}|${b.c.p}:${b.c.k}`, a, b });
        continue;
      }
      // None of these is a translator's reordering, whatever the figures' roles.
      const traded =
        sentencesExchanged(cur, ref, a, b) || nameKeptBetween(cur, ref, a, b) || nameBeside(cur, ref, a, b, spelled) || dateAgainstLocale(cur, a, b) || joinedPair(cur, ref, a, b) || rolesRestored(cur, a, b);
      if (inPlace || traded) {
        out.push({ key: `${a.c.p}:${a.c.k}|${b.c.p}:${b.c.k}`, a, b });
      }
    }
  }
  return out;
}

/**
 * Two or more figures in exactly the references' order reversed: a sentence read backwards (a head-final
 * language putting "when 66% voted in 2016" before "34%" before "16%"), whose two ends traded places with
 * the rest, not with each other. `xs` in current order.
 */
const backwards = (xs: Pair[]) => xs.length >= 2 && xs.every((x, k) => k === 0 || xs[k - 1].r.rel > x.r.rel);

const dayFirstCache = new Map<Lang, boolean>();

/** Whether the language writes the day before the year in a full date (CLDR: "29 Eylül 2018", not "2018. szeptember 29."). */
function dayFirst(lang: Lang): boolean {
  let first = dayFirstCache.get(lang);
  if (first === undefined) {
    try {
      // Without the language's own data (Chromium ships trimmed ICU) the order is unknown: abstain rather than take English's.
      const locale = localeFor(lang);
      const fmt = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', calendar: 'gregory', timeZone: 'UTC' });
      const types = fmt.formatToParts(Date.UTC(2018, 8, 29)).map((x) => x.type);
      first = (locale !== 'en' || lang === 'en') && types.indexOf('day') < types.indexOf('year');
    } catch {
      first = false;
    }
    dayFirstCache.set(lang, first);
  }
  return first;
}

/** Characters between a year and the date beside it that still make one date ("2018 Eylül 29", "2018, 29 Eylül"). */
const DATE_GAP = 3;

/**
 * A year written right before the day-and-month it belongs to, in a language
 * that writes the day first, where the references have them the other way
 * round: "2018 Eylül 29" for "29 Eylül 2018" is two figures exchanged, not the
 * language's order (CLDR's full date gives that order per language). The year
 * must be bare digits: with its own year word it is a phrase of running text,
 * which may put the year first ("1968-ci il oktyabrın 2-də", in the year 1968, on 2 October).
 */
function dateAgainstLocale(cur: Edition, a: Pair, b: Pair): boolean {
  if (a.c.p !== b.c.p || a.c.f.kind !== 'year' || b.c.f.kind !== 'date' || !b.c.f.month || !/^\d+$/.test(normaliseDigits(a.c.f.text))) return false;
  const gap = cur.paras[a.c.p].text.slice(a.c.f.end, b.c.f.start);
  return gap.trim().length <= DATE_GAP && !/\p{L}/u.test(gap) && dayFirst(cur.article.lang);
}

/** A figure's digits as written, separators included ("360.000" of "360.000etik", "2,25" of "2,25 milliards"). */
const DIGITS_WRITTEN = /\p{Nd}(?:[\p{Nd}.,\u066B\u066C'’\s]*\p{Nd})?/u;

function writtenDigits(text: string, f: Figure): Span | undefined {
  const m = DIGITS_WRITTEN.exec(text.slice(f.start, f.end));
  return m ? { start: f.start + m.index, end: f.start + m.index + m[0].length } : undefined;
}

/** What readsAs gives a figure that reads as the reference's in every respect. */
const READS_FULLY = 3;

/**
 * How well a figure reads as the reference's: nothing unless the value (and month) is the same; then two for
 * the same role and one for the same unit or none on both sides ("40 roku", in the year 40, is no plain 40).
 */
const readsAs = (f: Figure | undefined, r: Figure): number =>
  !f || unitsClash(f, r) || (f.month ?? r.month) !== (r.month ?? f.month) || !sameValue(f, r) ? 0 : 2 * +(f.kind === r.kind) + +((f.unit ?? '') === (r.unit ?? ''));

const rereadCache = new WeakMap<Para, Map<string, Figure[]>>();
/**
 * Most exchanges re-read per paragraph: each reading is the whole paragraph's,
 * and a paragraph of a news article has a handful of candidate pairs, where
 * hostile text (a long run of figures) could otherwise have hundreds.
 */
const REREADS_MAX = 4;

/**
 * Two figures of one paragraph, of different roles in the reference, whose
 * digits put back in each other's place read as the reference's figures
 * better than they do where they stand: the role words stayed in their slots
 * while the digits moved ("el 2018 de setembre de 30" reads as a year and a
 * plain 30; "el 30 de setembre de 2018" as 30 September and a year, as the
 * references have it). Each figure alone still agrees in value, and a year's
 * digits read as a year wherever they stand, so only the slot's words can show
 * the exchange. A translator who reorders a sentence moves the role words with
 * their figures, and exchanging the digits back then reads worse, not better.
 * The language's own reader judges both readings. `fully`: put back, both must
 * read as the reference's in every respect, not just better than they stand;
 * `roles`: that, and one of them reads another role where it stands (a unit
 * alone is not enough: a year's digits read as a year anywhere, so "52 tahun …
 * 2016" put back as "2016 tahun … 52" gains the references' bare 52).
 */
function rolesRestored(cur: Edition, a: Pair, b: Pair, mode: 'better' | 'fully' | 'roles' = 'better'): boolean {
  if (a.c.p !== b.c.p || (a.r.f.kind === b.r.f.kind && (a.r.f.unit ?? '') === (b.r.f.unit ?? ''))) return false;
  const before = readsAs(a.c.f, a.r.f) + readsAs(b.c.f, b.r.f);
  if (before === 2 * READS_FULLY) return false;
  if (mode === 'roles' && sameKind(a.c.f, a.r.f) && sameKind(b.c.f, b.r.f)) return false;
  const para = cur.paras[a.c.p];
  const [x, y] = [writtenDigits(para.text, a.c.f), writtenDigits(para.text, b.c.f)];
  if (!x || !y || x.end > y.start) return false;
  const [dx, dy] = [para.text.slice(x.start, x.end), para.text.slice(y.start, y.end)];
  const key = `${x.start}:${x.end}|${y.start}:${y.end}`;
  let cache = rereadCache.get(para);
  if (!cache) rereadCache.set(para, (cache = new Map()));
  let figures = cache.get(key);
  if (!figures) {
    if (cache.size >= REREADS_MAX) return false;
    const text = para.text.slice(0, x.start) + dy + para.text.slice(x.end, y.start) + dx + para.text.slice(y.end);
    cache.set(key, (figures = extractFigures(text, cur.article.lang)));
  }
  // Where each set of digits now starts: b's at a's place, a's shifted by the difference in length.
  const at = (p: number) => figures!.find((f) => f.start <= p && p < f.end);
  const [bHere, aThere] = [at(x.start), at(y.start + dy.length - dx.length)];
  const after = readsAs(bHere, b.r.f) + readsAs(aThere, a.r.f);
  return mode === 'better' ? after > before : after === 2 * READS_FULLY;
}

/** The figure reads as the reference's in value and role, whatever its unit (readsAs gives two for the role). */
const sameKind = (f: Figure, r: Figure) => readsAs(f, r) >= 2;

/** Right-to-left scripts: the order of "18-7" depends on how the text was stored around the bidirectional digits. */
const RTL = /[\p{sc=Arabic}\p{sc=Hebrew}\p{sc=Syriac}\p{sc=Thaana}\p{sc=Nko}]/u;

/** What joins the two figures of a score, range or list: a dash, slash, colon or comma, or one short word ("and", "to", "à", "ile"). */
const JOINT = /^(?:\s?[-–—/,:]\s?|\s[\p{L}\p{M}]{1,4}\s)$/u;

/** Two figures joined by a dash, slash, colon, comma or one short word only ("27-31", "10:6", "33, 39", "30 and 43"): a score, range or list. */
function joined(text: string, first: Figure, second: Figure): boolean {
  return first.end <= second.start && JOINT.test(text.slice(first.end, second.start));
}

/**
 * Figures a score, range or list joins: of one role, or a date and its year. A short word between a count and a
 * year is a phrase ("379,800 in 2017", "379.800 en 2017"), which a translator turns round at will.
 */
const listed = (f: Figure, g: Figure) => f.kind === g.kind || (CALENDAR.has(f.kind) && CALENDAR.has(g.kind));

/** A score, range or list written in the other order than every reference: translators keep such orders, so the two were exchanged. */
function joinedPair(cur: Edition, ref: Edition, a: Pair, b: Pair): boolean {
  if (a.c.p !== b.c.p || a.r.p !== b.r.p || !listed(a.r.f, b.r.f)) return false;
  const text = cur.paras[a.c.p].text;
  return !RTL.test(text) && joined(text, a.c.f, b.c.f) && joined(ref.paras[a.r.p].text, b.r.f, a.r.f);
}

/** Words that must separate an anchoring name from each figure: a name beside its figure ("Ronaldo, 33") moves with it. */
const ANCHOR_GAP_WORDS = 2;

/**
 * A name between the two figures on both sides keeps its place while they
 * trade theirs: "12. Ryder Cup … Mickelson … 47. Mal" for "47th Ryder Cup …
 * Mickelson … 12th time". A translator who reorders clauses moves a name with
 * its clause, so it no longer sits between them. The name must be written
 * once in each paragraph, as a name rather than an acronym ("ERA"), and be
 * apart from both figures.
 */
function nameKeptBetween(cur: Edition, ref: Edition, a: Pair, b: Pair): boolean {
  if (a.c.p !== b.c.p || a.r.p !== b.r.p) return false;
  const [cp, rp] = [cur.paras[a.c.p], ref.paras[a.r.p]];
  const once = (ns: NameMention[], key: string) => ns.filter((n) => n.key === key).length === 1;
  const apart = (t: string, from: number, to: number) => t.slice(from, to).split(/\s+/).filter(Boolean).length >= ANCHOR_GAP_WORDS;
  // Here a comes before b; in the reference b's figure comes before a's.
  const between = (text: string, n: NameMention, first: Figure, second: Figure) =>
    n.start >= first.end && n.end <= second.start && apart(text, first.end, n.start) && apart(text, n.end, second.start);
  return cp.names.some((n) => {
    if (isAcronym(n) || !between(cp.text, n, a.c.f, b.c.f) || !once(cp.names, n.key) || !once(rp.names, n.key)) return false;
    return between(rp.text, rp.names.find((m) => m.key === n.key)!, b.r.f, a.r.f);
  });
}

/**
 * What may separate a name from the figure it is written with: "Jones, 52", "Channel 5", "Patrick (38"; or,
 * after a comma, an apposition's few short words ("Jones, âgé de 52 ans", "Jones, de 52 años"). Without the
 * comma, short words make a clause ("Capp in 2016"), which a translator may build round another figure.
 */
const BESIDE = /^(?:[\s,:(\[–—-]{0,3}|,\s(?:[\p{L}\p{M}]{1,4}\s){1,2})$/u;

/**
 * The figure right after the name, as an apposition or a number of its own. Not a name after the figure: a
 * clause's last figure before "…, Vassilenko said" changes with the order of the clauses.
 */
const beside = (text: string, n: Span, f: Figure) => n.end <= f.start && BESIDE.test(text.slice(n.end, f.start));

/** Where `word` is written in `text` as a word of its own, when it is written there exactly once. */
function writtenOnce(text: string, word: string): Span | undefined {
  const whole = (i: number) => !/[\p{L}\p{M}\p{Nd}]/u.test(text[i - 1] ?? '') && !/[\p{L}\p{M}\p{Nd}]/u.test(text[i + word.length] ?? '');
  let found: Span | undefined;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (!whole(i)) continue;
    if (found) return undefined;
    found = { start: i, end: i + word.length };
  }
  return found;
}

/** Names as any edition's reader writes them, acronyms aside: where one reader finds none, another may. */
function spelledNames(cur: Edition, runs: RefRun[]): Set<string> {
  const out = new Set<string>();
  for (const e of [cur, ...runs.map((r) => r.edition)]) for (const p of e.paras) for (const n of p.names) if (!isAcronym(n)) out.add(n.text);
  return out;
}

/**
 * A name written with one figure in the references ("Jones, 52", "Channel 5") and with the other one here:
 * a translator moves a name's apposition or number with the name, so the figures were exchanged. The name
 * must be written once in each paragraph, letter for letter, and beside only one of the two figures on each
 * side. Any edition's reader may have found it (`spelled`): German capitalises every noun and finds few
 * names, and a sentence's first word is no name to any reader ("Jones, 2016, ise" in Turkish).
 */
function nameBeside(cur: Edition, ref: Edition, a: Pair, b: Pair, spelled: ReadonlySet<string>): boolean {
  if (a.c.p !== b.c.p || a.r.p !== b.r.p) return false;
  const [ct, rt] = [cur.paras[a.c.p].text, ref.paras[a.r.p].text];
  const withOne = (text: string, n: Span, yes: Figure, no: Figure) => beside(text, n, yes) && !beside(text, n, no);
  for (const name of spelled) {
    const n = writtenOnce(ct, name);
    const m = n && writtenOnce(rt, name);
    if (m && ((withOne(ct, n, a.c.f, b.c.f) && withOne(rt, m, b.r.f, a.r.f)) || (withOne(ct, n, b.c.f, a.c.f) && withOne(rt, m, a.r.f, b.r.f)))) return true;
  }
  return false;
}

/**
 * What may stand between two figures written together: here, only spaces, dashes, slashes, colons and dots
 * ("16.5-2018", "18/7"), as a list's comma joins nothing; in the reference, which only names the partner, any
 * punctuation ("Oct. 2, 1968"). No word: a preposition joins figures of any two phrases ("40 per cent of 11").
 */
const TOGETHER = /^[\s\p{Pd}/:.]*$/u;
const TOGETHER_LINKED = /^[\s\p{P}]*$/u;

function together(text: string, f: Figure, g: Figure, gap: RegExp): boolean {
  const [first, second] = f.start < g.start ? [f, g] : [g, f];
  return first.end <= second.start && gap.test(text.slice(first.end, second.start));
}

/**
 * A third agreeing figure written together with one of the two in the reference (a score's other end, the
 * day of a year's date) and with the other one here, and with only one of them on each side: the digits
 * moved, not the pair, which a translator keeps together.
 */
function partnerTraded(cur: Edition, ref: Edition, agreed: Pair[], i: number, j: number): boolean {
  const [a, b] = [agreed[i], agreed[j]];
  if (a.c.p !== b.c.p || a.r.p !== b.r.p) return false;
  const [ct, rt] = [cur.paras[a.c.p].text, ref.paras[a.r.p].text];
  const withOne = (x: Pair, here: Pair, there: Pair) =>
    together(ct, x.c.f, here.c.f, TOGETHER) &&
    !together(ct, x.c.f, there.c.f, TOGETHER_LINKED) &&
    together(rt, x.r.f, there.r.f, TOGETHER_LINKED) &&
    !together(rt, x.r.f, here.r.f, TOGETHER_LINKED);
  // Written together here means no figure between, so the partner is a neighbour of a or b in
  // agreed's current order: only those four are asked, not the whole bead's figures.
  const neighbours = [agreed[i - 1], agreed[i + 1], agreed[j - 1], agreed[j + 1]];
  return neighbours.some((x) => x && x !== a && x !== b && x.c.p === a.c.p && x.r.p === a.r.p && (withOne(x, a, b) || withOne(x, b, a)));
}

/** Both pairs read as one role on both sides, a role whose slots carry meaning (not a loose plain number). */
const ORDERED = new Set<Figure['kind']>([...STRONG, 'count']);
const sameRole = (a: Pair, b: Pair) =>
  ORDERED.has(a.c.f.kind) && [a.r, b.c, b.r].every((x) => x.f.kind === a.c.f.kind && (x.f.unit ?? '') === (a.c.f.unit ?? ''));

function sentenceOf(e: Edition, x: Placed): number {
  return sentenceAt(e.paras[x.p].sentences, x.f.start);
}

function sentencesExchanged(cur: Edition, ref: Edition, a: Pair, b: Pair): boolean {
  const same = (x: Pair) => cur.paras[x.c.p].sentences.length === ref.paras[x.r.p].sentences.length && x.c.p === a.c.p && x.r.p === a.r.p;
  if (!same(a) || !same(b)) return false;
  const [ca, cb, ra, rb] = [sentenceOf(cur, a.c), sentenceOf(cur, b.c), sentenceOf(ref, a.r), sentenceOf(ref, b.r)];
  return ca !== cb && ca === rb && cb === ra;
}

// ---------------------------------------------------------------------------
// Votes

/** What one reference says about one current figure (or, for missing/order/name, one finding). */
// Quotes and wording are worked out only for the votes that end in a flag:
// most ballots are outvoted, and quoting costs more than counting.
interface Vote {
  ref: number;
  /** The reference text to quote. */
  evidence: () => Evidence;
  /** Tells whether two references say the same thing (a value, a swap, a lacking name). */
  key: string;
  /** What the reference says, in plain English, for the message. */
  say: () => string;
  /** The reference's figure, for a figure vote. */
  figure?: Figure;
}

/** References agree on a figure when they give one value, whatever role word each language's reader found. */
const valueKey = (f: Figure) => `${+f.value.toPrecision(6)}${f.month ? `/${f.month}` : ''}`;

interface Ballot {
  flag: Omit<Flag, 'message' | 'evidence'>;
  /** How this edition's side reads, for the message. */
  says: () => string;
  votes: Vote[];
  /** References that vouch for this edition at this place. */
  against: number;
  /** Current paragraphs whose comparable references decide. */
  paragraph: number;
  /** References that compared this figure although their paragraphs aligned without confidence (voteSlips). */
  loose?: number;
}

interface RefRun {
  index: number;
  input: ReferenceInput;
  edition: Edition;
  /** Bead per current paragraph. */
  beadOf: Map<number, Bead>;
}

/** References that aligned this current paragraph with confidence. */
function comparableRefs(runs: RefRun[], p: number): number {
  return runs.filter((r) => r.beadOf.get(p)?.confident).length;
}

/**
 * A verdict needs two comparable references when two or more could be had: one
 * reference alone, where the others could not be aligned, is too often the odd one.
 */
const quorumOf = (usable: number) => Math.min(2, usable);

function decide(b: Ballot, comparable: number, quorum: number, strictness: CheckOptions['strictness']): Vote[] | undefined {
  // The largest group of references saying the same thing.
  // One vote per reference: a figure a reference repeats is still one voice.
  const groups = new Map<string, Vote[]>();
  for (const v of b.votes) {
    const g = groups.get(v.key);
    if (!g) groups.set(v.key, [v]);
    else if (!g.some((x) => x.ref === v.ref)) g.push(v);
  }
  let best: Vote[] = [];
  for (const g of groups.values()) if (g.length > best.length) best = g;
  // Any reference that vouches for this edition means the references disagree among themselves: abstain.
  if (best.length === 0 || b.against > 0 || comparable < quorum) return undefined;
  // A dropped figure needs every comparable reference: one edition's extra figure is a translator's addition.
  const all = strictness === 'all' || b.flag.kind === 'missing';
  const enough = all ? best.length === comparable : best.length * 2 > comparable;
  return enough ? best.sort((x, y) => x.ref - y.ref) : undefined;
}

// ---------------------------------------------------------------------------
// The check

const DEFAULT_CHECKS: Record<FlagKind, boolean> = { figure: true, order: true, missing: true, name: true };

/** Compares `current` with each reference and returns the report: reference statuses and flags. */
export function checkArticles(current: Article, refs: ReferenceInput[], options: CheckOptions = {}): Report {
  return withNameMemo(() => check(current, refs, options));
}

function check(current: Article, refs: ReferenceInput[], options: CheckOptions): Report {
  const checks = { ...DEFAULT_CHECKS, ...options.checks };
  const cur = analyse(current);
  const references: ReferenceReport[] = [];
  const runs: RefRun[] = [];
  refs.forEach((input, index) => {
    const { report, run } = prepareReference(cur, input, index);
    references.push(report);
    if (run) runs.push(run);
  });
  const ballots = new Map<string, Ballot>();
  const scan = { ...checks, missing: checks.missing && writesDigits(cur, runs) };
  const vouched = vouchedFigures(cur, runs);
  const spelled = spelledNames(cur, runs);
  for (const run of runs) compareReference(cur, run, references[run.index], ballots, scan, vouched, spelled);
  supportConversions(cur, runs, ballots);
  if (checks.name) voteNames(cur, runs, ballots);
  const flags: Flag[] = [];
  for (const b of ballots.values()) {
    if (!checks[b.flag.kind]) continue;
    const votes = decide(b, comparableRefs(runs, b.paragraph) + (b.loose ?? 0), quorumOf(runs.length), options.strictness);
    if (votes) flags.push(finish(b, votes));
  }
  flags.splice(0, flags.length, ...withoutSpelledOut(flags));
  flags.sort((x, y) => x.paragraph - y.paragraph || x.start - y.start || x.kind.localeCompare(y.kind));
  return { lang: current.lang, paragraphs: [...current.paragraphs], references, flags };
}

/** Share of the references' figures an edition must write in digits for its missing ones to mean anything. */
const DIGIT_HABIT = 0.75;
const DIGIT_SLACK = 2;

/**
 * Whether this edition writes numbers in digits about as often as its
 * references. Some translations spell most numbers out ("ẹgbẹrun marun"); in
 * them a figure without digits is their habit, not a loss.
 */
function writesDigits(cur: Edition, runs: RefRun[]): boolean {
  const count = (e: Edition) => e.paras.reduce((n, p) => n + p.figures.length, 0);
  if (runs.length === 0) return true;
  const refs = runs.reduce((n, r) => n + count(r.edition), 0) / runs.length;
  // The slack keeps a short article with one dropped figure checkable.
  return count(cur) + DIGIT_SLACK >= DIGIT_HABIT * refs;
}

/** More figures "left out" than this in one edition is a translator's habit of spelling them out, not a loss. */
const MISSING_MAX = 1;

function withoutSpelledOut(flags: Flag[]): Flag[] {
  const missing = flags.filter((f) => f.kind === 'missing').length;
  return missing > MISSING_MAX ? flags.filter((f) => f.kind !== 'missing') : flags;
}

function prepareReference(cur: Edition, input: ReferenceInput, index: number): { report: ReferenceReport; run?: RefRun } {
  const base = { url: input.url, lang: input.lang };
  if (!input.article || input.error) return { report: { ...base, status: 'error', reason: input.error ?? 'not an article' } };
  const edition = analyse(input.article);
  const reason = mismatchReason(cur, edition);
  if (reason) return { report: { ...base, status: 'mismatch', reason } };
  const beads = alignParagraphs(
    cur.paras.map((p) => ({ length: p.text.length, anchors: anchorsOf(p) })),
    edition.paras.map((p) => ({ length: p.text.length, anchors: anchorsOf(p) })),
  );
  const beadOf = new Map<number, Bead>();
  for (const b of beads) for (const p of b.cur) beadOf.set(p, b);
  return { report: { ...base, status: 'ok', compared: 0, agreed: 0 }, run: { index, input, edition, beadOf } };
}

function compareReference(
  cur: Edition,
  run: RefRun,
  report: ReferenceReport,
  ballots: Map<string, Ballot>,
  checks: Record<FlagKind, boolean>,
  vouched: ReadonlySet<Figure>,
  spelled: ReadonlySet<string>,
): void {
  const matched: Array<{ bead: Bead; match: BeadMatch }> = [];
  for (const bead of new Set(run.beadOf.values())) {
    if (!bead.confident) {
      if (bead.cur.length > 0 && bead.ref.length > 0) voteSlips(cur, run, bead, ballots, vouched);
      continue;
    }
    const { cur: c, ref: r, passed } = passesOf(cur, run, bead);
    const match = matchBead(c, r, beadDigits(cur, run.edition, bead), vouched, passed);
    matched.push({ bead, match });
    report.compared = (report.compared ?? 0) + match.pairs.length;
    report.agreed = (report.agreed ?? 0) + match.pairs.filter((x) => x.relation !== 'conflict').length;
  }
  const missable = missableIn(cur, run.edition, matched);
  for (const { bead, match } of matched) {
    // Figures are always voted on: their ballots also count what each reference compared.
    voteFigures(cur, run, match, ballots);
    if (checks.order) voteOrder(cur, run, match, ballots, spelled);
    if (checks.missing) voteMissing(cur, run, bead, match, ballots, missable);
  }
}

function beadDigits(cur: Edition, ref: Edition, bead: Bead): BeadDigits {
  const union = (e: Edition, ps: number[]): ReadonlyMap<string, number> => {
    if (ps.length === 1) return e.paras[ps[0]].digitCounts;
    const out = new Map<string, number>();
    for (const p of ps) for (const [run, n] of e.paras[p].digitCounts) out.set(run, (out.get(run) ?? 0) + n);
    return out;
  };
  return { cur: union(cur, bead.cur), ref: union(ref, bead.ref) };
}

function ballot(ballots: Map<string, Ballot>, key: string, make: () => Omit<Ballot, 'votes' | 'against'>): Ballot {
  let b = ballots.get(key);
  if (!b) ballots.set(key, (b = { ...make(), votes: [], against: 0 }));
  return b;
}

function evidenceAt(run: RefRun, x: Placed): () => Evidence {
  return () => {
    const text = run.edition.paras[x.p].text;
    return { lang: run.input.lang, url: run.input.url, ...quote(text, x.f.start, x.f.end, run.edition.paras[x.p].sentences) };
  };
}

const saying = (f: Figure) => () => describeFigure(f);

function figureBallot(ballots: Map<string, Ballot>, kind: FlagKind, x: Placed): Ballot {
  return ballot(ballots, `${kind}:${x.p}:${x.k}`, () => ({
    flag: { kind, paragraph: x.p, start: x.f.start, end: x.f.end, text: x.f.text },
    says: saying(x.f),
    paragraph: x.p,
  }));
}

/**
 * Sums of money in two different currencies: a translator's conversion ("561,65 euroseid" for £500), which
 * says nothing for or against the figure, as no exchange rate is known here. Not the same digits under
 * another scale word, nor a slip of one digit or a tenfold: a currency read differently changes no digits.
 */
const converted = (a: Figure, b: Figure) => !!a.currency && !!b.currency && a.currency !== b.currency && !sameMantissa(a, b) && !slipped(a, b, false);

function voteFigures(cur: Edition, run: RefRun, match: BeadMatch, ballots: Map<string, Ballot>): void {
  for (const pair of match.pairs) {
    if (pair.relation === 'conflict' && converted(pair.c.f, pair.r.f)) continue;
    const b = figureBallot(ballots, 'figure', pair.c);
    if (pair.relation !== 'conflict') b.against++;
    else b.votes.push({ ref: run.index, evidence: evidenceAt(run, pair.r), key: valueKey(pair.r.f), say: saying(pair.r.f), figure: pair.r.f });
  }
}

/**
 * A reference that converted a measurement ("25 cm" for "10 inches") can neither vouch for nor contradict a
 * figure in the original unit, so where a slip in the original unit is found ("100 inches" against "10
 * inches"), only the references that kept the unit could vote, and one reference alone is no quorum. A
 * reference whose aligned paragraphs give the same quantity converted (within the rounding of a conversion)
 * says what the voting reference says, in its unit: it votes with it. Not where this edition itself gives that
 * value or those digits (a conversion of its own), and not a reference that took part in the ballot.
 */
function supportConversions(cur: Edition, runs: RefRun[], ballots: Map<string, Ballot>): void {
  for (const b of ballots.values()) {
    if (b.flag.kind !== 'figure' || b.against > 0 || !b.votes.some((v) => v.figure?.unit)) continue;
    const c = cur.paras[b.paragraph].figures.find((f) => f.start === b.flag.start && f.end === b.flag.end);
    for (const run of runs) {
      const bead = run.beadOf.get(b.paragraph);
      if (!c || !bead || bead.ref.length === 0 || b.votes.some((v) => v.ref === run.index)) continue;
      const placed = place(run.edition, bead.ref);
      const found = b.votes.flatMap((v) => {
        if (!v.figure || withinConversion(c, v.figure)) return [];
        const y = placed.find((r) => convertedFrom(v.figure, r.f) && !sameValue(c, r.f) && !sameMantissa(c, r.f));
        return y ? [{ v, y }] : [];
      })[0];
      if (!found) continue;
      b.votes.push({ ref: run.index, evidence: evidenceAt(run, found.y), key: found.v.key, say: saying(found.y.f), figure: found.y.f });
      if (!bead.confident) b.loose = (b.loose ?? 0) + 1;
    }
  }
}

/** Within a conversion's rounding of each other, whatever the units: "137" (a conversion of its own, its unit unread) beside "135 km/h". */
const withinConversion = (a: Figure, b: Figure) => Math.abs(a.value - b.value) <= CONVERSION_MAX * Math.max(Math.abs(a.value), Math.abs(b.value));

/** `r` gives the quantity `f` gives, in another unit. */
const convertedFrom = (f: Figure | undefined, r: Figure) => !!f && unitsClash(f, r) && !conflictingKinds(f, r) && sameValue(f, r);

/** One role, or a plain number where the reader missed the role word ("5020" is no year); no clash of units. */
const compatible = (a: Figure, b: Figure) => !unitsClash(a, b) && (a.kind === b.kind || (a.kind === 'number' && !a.unit) || (b.kind === 'number' && !b.unit));

/**
 * An unconfident bead is still the aligner's best guess, and what makes it unconfident is often the error
 * itself: a paragraph whose one figure changed shares no anchor with its reference. There only slips count: a
 * figure one digit or a tenfold from a reference figure (a single digit only as the one leftover on each
 * side), or the same digits under another scale word, in compatible roles, where neither side writes the
 * other's value anywhere in the bead and one side has nothing else left unmatched (leftovers on both sides are
 * a conversion, "80 degrees" for "26 grados", or another paragraph). A figure compared so makes its reference
 * comparable for it, whichever way the comparison went; order and missing figures are not judged here.
 */
function voteSlips(cur: Edition, run: RefRun, bead: Bead, ballots: Map<string, Ballot>, vouched: ReadonlySet<Figure>): void {
  const c = place(cur, bead.cur);
  const r = place(run.edition, bead.ref);
  const digits = beadDigits(cur, run.edition, bead);
  const { pairs, unmatchedRef } = matchBead(c, r, digits, vouched);
  const open = pairs.filter((x) => x.relation === 'conflict');
  const leftC = c.length - pairs.length + open.length;
  const leftR = unmatchedRef.length + open.length;
  const has = (xs: Placed[], f: Figure) => xs.some((x) => sameValue(x.f, f));
  for (const pair of pairs) {
    const [a, b] = [pair.c.f, pair.r.f];
    if (pair.relation === 'conflict') {
      if (!compatible(a, b) || Math.min(leftC, leftR) > 1 || has(r, a) || has(c, b)) continue;
      const lone = leftC === 1 && leftR === 1;
      if (!(sameMantissa(a, b) ? scaleChanged(a, b) : (slipped(a, b, false) || (lone && oneDigitApart(a, b, 1))) && foreign(a, b, digits))) continue;
    }
    const ballotOf = figureBallot(ballots, 'figure', pair.c);
    ballotOf.loose = (ballotOf.loose ?? 0) + 1;
    if (pair.relation !== 'conflict') ballotOf.against++;
    else ballotOf.votes.push({ ref: run.index, evidence: evidenceAt(run, pair.r), key: valueKey(b), say: saying(b) });
  }
}

function voteOrder(cur: Edition, run: RefRun, match: BeadMatch, ballots: Map<string, Ballot>, spelled: ReadonlySet<string>): void {
  for (const s of swaps(cur, run.edition, match.pairs, spelled)) {
    // Each of the two figures stands where the reference has the other one.
    for (const [here, there] of [
      [s.a, s.b],
      [s.b, s.a],
    ] as const) {
      const b = figureBallot(ballots, 'order', here.c);
      b.votes.push({ ref: run.index, evidence: evidenceAt(run, there.r), key: s.key, say: saying(there.r.f) });
    }
  }
}

/** Roles whose loss is news, whatever the edition's habits. */
const MISSABLE = new Set<Figure['kind']>(['money', 'percent', 'year', 'date', 'count']);
/** Plain numbers from this size on are written in digits by translators too (ordinals of any size are often spelled out). */
const SPELLED_OUT_BELOW = 13;
/**
 * Whether a reference figure absent here counts as dropped in any edition.
 * Plain numbers with a unit do not: translators convert and paraphrase them
 * ("24 hours" → "a day"); small ones are often written as words. Decimals
 * ("7.5") are not.
 */
const alwaysMissable = (f: Figure) =>
  MISSABLE.has(f.kind) || (f.kind === 'number' && !f.unit && (Math.abs(f.value) >= SPELLED_OUT_BELOW || !Number.isInteger(f.value)));
/** Small plain numbers, which some editions write as words; with a unit they are paraphrased too ("24 hours" → "a day"), so never. */
const spellable = (f: Figure) => f.kind === 'number' && !f.unit && !alwaysMissable(f);

/** Spans of years that have a word of their own, which a translator may write instead ("a decade", "a century"). */
const YEARS_WORDED = new Set([10, 100]);

/**
 * An age or a span of years ("the 19-year-old", "39 ans", "for 25 years").
 * Years are not converted into another unit as hours are ("24 hours" for "a
 * day"), but many languages write ages as one word ("Pedesetšestogodišnjak",
 * "ventitreenne"): they count as dropped only where the edition keeps them in digits.
 */
const yearSpan = (f: Figure) => f.kind === 'number' && f.unit === 'year' && Number.isInteger(f.value) && f.value >= SPELLED_OUT_BELOW && !YEARS_WORDED.has(f.value);

/**
 * Figures an edition may write in words by habit, and how many of them it must
 * keep in digits, against one reference, before one it lacks counts as dropped.
 */
const HABITS: ReadonlyArray<{ has: (f: Figure) => boolean; keptMin: number }> = [
  { has: spellable, keptMin: 2 },
  { has: yearSpan, keptMin: 1 },
];

/**
 * Which reference figures count as dropped when absent here. Small plain
 * numbers ("Louis Pasteur 2", "a 5-2 win") and ages do too when this edition
 * shows, against this reference, that it writes such figures in digits: it
 * keeps the habit's minimum of them and lacks at most one. An edition that
 * spells them out ("ẹgbẹrun marun", "six heures") lacks several, or keeps none.
 */
function missableIn(cur: Edition, ref: Edition, matched: Array<{ bead: Bead; match: BeadMatch }>): (f: Figure) => boolean {
  const open = HABITS.filter(({ has, keptMin }) => {
    let kept = 0;
    let lacking = 0;
    for (const { bead, match } of matched) {
      kept += match.pairs.filter((x) => x.relation !== 'conflict' && has(x.r.f)).length;
      lacking += match.unmatchedRef.filter((r) => has(r.f) && !presentIn(cur, ref, bead, r.f)).length;
    }
    return kept >= keptMin && lacking <= 1;
  });
  return (f) => alwaysMissable(f) || open.some(({ has }) => has(f));
}

function voteMissing(cur: Edition, run: RefRun, bead: Bead, match: BeadMatch, ballots: Map<string, Ballot>, missable: (f: Figure) => boolean): void {
  const anchors = anchorIndex(run, match);
  for (const r of match.unmatchedRef) {
    if (!missable(r.f) || presentIn(cur, run.edition, bead, r.f)) continue;
    // A number written in words where the figure belongs may be it; years are written in digits all the same.
    if (r.f.kind !== 'year' && bead.cur.some((p) => spellsHere(cur, p))) continue;
    // Or that very number in words ("kümne protsendi" for 10 per cent, the "tenth" of a date).
    if (r.f.scale === 1 && bead.cur.some((p) => spellsValue(cur.paras[p].text, cur.article.lang, r.f.mantissa))) continue;
    const at = missingPlace(cur, run, bead, anchors, r);
    const b = ballot(ballots, `missing:${at.p}:${valueKey(r.f)}`, () => ({
      flag: { kind: 'missing', paragraph: at.p, start: at.offset, end: at.offset, text: '' },
      says: () => '',
      paragraph: at.p,
    }));
    b.votes.push({ ref: run.index, evidence: evidenceAt(run, r), key: valueKey(r.f), say: saying(r.f) });
  }
}

/**
 * The leading digits of a round figure in thousands or more, its zeros left for a scale word
 * ("38만", "380 ezres", "25-тысячную", "16 мыңнан" for 380,000, 25,000 and 16,000): a reader that
 * misses the scale word's derived form leaves only them. Two digits at least, as one is in any text.
 */
function scaledDigits(f: Figure): string | undefined {
  if (!Number.isInteger(f.mantissa) || f.decimals) return undefined;
  const m = /^(\d*[1-9])(0{3,})$/.exec(String(Math.abs(f.mantissa)));
  return m && m[1].length >= 2 ? m[1] : undefined;
}

const spelledCache = new WeakMap<Para, boolean>();

/** Whether a current paragraph writes a number in words (spelled.ts), read once and only where a figure is found lacking. */
function spellsHere(cur: Edition, p: number): boolean {
  const para = cur.paras[p];
  let w = spelledCache.get(para);
  if (w === undefined) spelledCache.set(para, (w = spellsNumbers(para.text, cur.article.lang)));
  return w;
}

/** Digits a figure with a unit needs before its mentions are tallied paragraph by paragraph (see presentIn). */
const TALLIED_DIGITS = 3;

const runCache = new WeakMap<Edition, Map<string, number>>();
const pieceCache = new WeakMap<Para, Set<string>>();
/** Digit strings longer than this are looked up whole: figures rarely have more digits. */
const SUBSTRING_MAX = 8;

/** How many paragraphs of an edition write each digit run. */
function editionRuns(e: Edition): Map<string, number> {
  let d = runCache.get(e);
  if (!d) {
    d = new Map();
    for (const p of e.paras) for (const run of p.digitRuns) d.set(run, (d.get(run) ?? 0) + 1);
    runCache.set(e, d);
  }
  return d;
}

/**
 * A paragraph's digit runs and every piece of them up to SUBSTRING_MAX digits:
 * a figure whose digits sit inside a longer run there was misread or glued to
 * a neighbour ("2,1968" for 2 October 1968, "21968" for 1968), not dropped.
 * Only the paragraph itself is searched for pieces: short figures ("18", "20")
 * are pieces of some number in almost any article.
 */
function pieces(para: Para): Set<string> {
  let d = pieceCache.get(para);
  if (!d) {
    d = new Set<string>();
    for (const run of para.digitRuns) {
      for (let i = 0; i < run.length; i++) for (let k = i + 1; k <= Math.min(run.length, i + SUBSTRING_MAX); k++) d.add(run.slice(i, k));
    }
    pieceCache.set(para, d);
  }
  return d;
}

/**
 * Whether this edition still has a figure its aligned paragraphs lack: in a
 * piece of a run there, or moved to another paragraph. A mention elsewhere
 * counts as moved only when this edition writes those digits in more
 * paragraphs than the reference does outside the bead: a figure the reference
 * repeats (a title's "832 dead", a "20" for two people of that age) is still
 * lost where this edition's only mention is the other one. Small numbers are
 * tallied too: one that recurs here by chance only makes it present.
 */
function presentIn(cur: Edition, ref: Edition, bead: Bead, f: Figure): boolean {
  const d = digitsOf(f);
  if (bead.cur.some((p) => pieces(cur.paras[p]).has(d))) return true;
  const lead = scaledDigits(f);
  if (lead && bead.cur.some((p) => [...cur.paras[p].digitRuns].some((run) => run.replace(/0+$/, '') === lead))) return true;
  // Titles are shortened and reworded freely: a figure the body still gives is not lost from one. Small
  // numbers with a unit are not tallied either: many editions write one mention of an age or a span as a
  // single word ("dvacetiletého", twenty-year-old) and keep another in digits.
  if (bead.cur.includes(0) || (f.unit && d.length < TALLIED_DIGITS)) return editionRuns(cur).has(d);
  const refHere = bead.ref.filter((q) => ref.paras[q].digitRuns.has(d)).length;
  return (editionRuns(cur).get(d) ?? 0) > (editionRuns(ref).get(d) ?? 0) - refHere;
}

/** Agreeing pairs by reference paragraph and sentence, in reference order: where dropped figures are placed from. */
function anchorIndex(run: RefRun, match: BeadMatch): Map<string, Pair[]> {
  const out = new Map<string, Pair[]>();
  for (const x of match.pairs) {
    if (x.relation === 'conflict') continue;
    const key = `${x.r.p}:${sentenceOf(run.edition, x.r)}`;
    const list = out.get(key);
    if (list) list.push(x);
    else out.set(key, [x]);
  }
  for (const xs of out.values()) xs.sort((a, b) => a.r.f.start - b.r.f.start);
  return out;
}

/**
 * Where a dropped figure belongs: the end of the current sentence holding the
 * nearest agreeing figure before it in the same reference sentence, else the
 * end of the sentence at the same place in the paragraph.
 */
function missingPlace(cur: Edition, run: RefRun, bead: Bead, anchors: Map<string, Pair[]>, r: Placed): { p: number; offset: number } {
  const refSentence = sentenceOf(run.edition, r);
  const same = anchors.get(`${r.p}:${refSentence}`) ?? [];
  const before = same[lastBefore(same, r.f.start)];
  if (before) return { p: before.c.p, offset: sentenceEnd(cur.paras[before.c.p], before.c.f.start) };
  const p = bead.cur[Math.min(bead.cur.length - 1, Math.floor(r.rel * bead.cur.length))];
  const para = cur.paras[p];
  const refCount = Math.max(1, run.edition.paras[r.p].sentences.length);
  const idx = Math.min(para.sentences.length - 1, Math.floor((Math.max(0, refSentence) * para.sentences.length) / refCount));
  const s = para.sentences[Math.max(0, idx)];
  return { p, offset: s ? trimEnd(para.text, s.end) : para.text.length };
}

/** Index of the last pair whose reference figure starts before `offset` (binary search), or -1. */
function lastBefore(pairs: Pair[], offset: number): number {
  let lo = 0;
  let hi = pairs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (pairs[mid].r.f.start < offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function sentenceEnd(para: Para, offset: number): number {
  const s = para.sentences[sentenceAt(para.sentences, offset)];
  return s ? trimEnd(para.text, s.end) : para.text.length;
}

/** Back over trailing spaces, closing quotes and the full stop, so the mark sits inside the sentence. */
function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /[\s.!?。！？؟।۔"'”’»)\]]/.test(text[e - 1])) e--;
  return e;
}

const beadText = (run: RefRun, bead: Bead) => bead.ref.map((q) => run.edition.paras[q].text).join(' ');

/** Names checked: Latin-script ones, which editions that keep names as written copy letter for letter. */
const LATIN = /\p{Script=Latin}/u;
const checkable = (m: NameMention) => !m.country && LATIN.test(m.text) && !isAcronym(m);

/**
 * How far an edition's habits let a replaced name be believed, by how many of
 * its names no reference supports. An edition with a few such names (a
 * translated title, a respelling) copies names, and a paragraph's only
 * unsupported name standing right where an original vanished is a change; one
 * with more translates or respells names by habit, and a changed name cannot
 * be told from its habit.
 */
const FEW_IN_EDITION = 9;
/**
 * How many of an edition's names may stand where an original vanished: an
 * edition that respells names by ear ("Uillobi", "Birmingemda") leaves many
 * such pairs, one that copies names leaves one or two (a changed name, a
 * translated title word).
 */
const FEW_REPLACED = 2;
/** The same for a misspelt name, itself better evidence than another name in an original's place. */
const FEW_REPLACED_MISSPELT = 3;
/** How near (as a share of the paragraph) the original must have stood. */
const NEAR_ORIGINAL = 0.1;
/** How many names of its paragraph, a misspelt one included, may stand where an original vanished. */
const MISSPELT_NEIGHBOURS = 2;
/**
 * How near (as a share of the paragraph) a misspelt name must stand to its original in an
 * edition that respells names by habit ("Euqeniya" for "Eugenia" there); in one that copies
 * names, its letters alone tie it to its original wherever the translation moved it.
 */
const NEAR_MISSPELT = 0.2;

/**
 * Names of each current paragraph against the confidently aligned reference
 * text. names.ts says, per paragraph, which unsupported name stands where a
 * name every reference writes alike has vanished; the edition as a whole says
 * whether to believe it: the word must occur nowhere in any reference's
 * article nor elsewhere in this edition (a translation or a respelling of the
 * edition's own recurs, and a reference may word a sentence differently), and
 * the edition must keep its other names as the references do.
 */
function voteNames(cur: Edition, runs: RefRun[], ballots: Map<string, Ballot>): void {
  const compared = cur.paras.map((para, p) => {
    if (!para.names.some(checkable)) return undefined;
    const aligned = runs.map((run) => {
      const bead = run.beadOf.get(p);
      return bead?.confident ? bead : undefined;
    });
    const texts = runs.map((run, i) => (aligned[i] ? { text: beadText(run, aligned[i]!), lang: run.input.lang } : null));
    return { aligned, comparisons: compareNames({ text: para.text, lang: cur.article.lang }, texts) };
  });
  const unsupported = (cs: NameComparison[]) => cs.filter((c) => c.unsupported && checkable(c.mention)).length;
  const replacing = (cs: NameComparison[]) => cs.filter((c) => c.replaced && checkable(c.mention)).length;
  const inEdition = compared.reduce((n, x) => n + (x ? unsupported(x.comparisons) : 0), 0);
  const replacedInEdition = compared.reduce((n, x) => n + (x ? replacing(x.comparisons) : 0), 0);
  if (replacedInEdition === 0 || replacedInEdition > FEW_REPLACED_MISSPELT) return;
  let novel: ReturnType<typeof novelty> | undefined;
  compared.forEach((x, p) => {
    if (!x) return;
    const alone = unsupported(x.comparisons) === 1;
    const few = replacing(x.comparisons) <= MISSPELT_NEIGHBOURS;
    x.comparisons.forEach(({ mention: m, refs, replaced }) => {
      // A translated title counts among the edition's own words above, but is no error.
      if (!replaced || replaced.translated || !checkable(m)) return;
      // A misspelt original is evidence on its own; another name in its place
      // only where the edition keeps names and the paragraph has no other unknown one.
      if (replaced.misspelt ? !few || (replaced.distance > NEAR_MISSPELT && inEdition > FEW_IN_EDITION) : !alone || inEdition > FEW_IN_EDITION || replacedInEdition > FEW_REPLACED || replaced.distance > NEAR_ORIGINAL) return;
      novel ??= novelty(cur, runs);
      if (!novel.word(replaced.word.key) || novel.common(replaced.original) || novel.foreign(replaced.word.text)) return;
      const { word, original } = replaced;
      const b = ballot(ballots, `name:${p}:${word.start}`, () => ({
        flag: { kind: 'name', paragraph: p, start: word.start, end: word.end, text: word.text },
        says: () => `“${word.text}”`,
        paragraph: p,
      }));
      refs.forEach((r, i) => {
        if (r.support === 'found') b.against++;
        if (r.support === 'lacks' && r.match) b.votes.push({ ref: runs[i].index, evidence: () => beadEvidence(runs[i], x.aligned[i]!, r.match!), key: 'lacks', say: () => `“${original}”` });
      });
    });
  });
}

/**
 * What the articles as a whole say about a replacement. `foreign`: the word has a
 * letter beyond a–z that no reference writes ("Białym", "Nemčiji", "Osvienčimu"): this edition's own
 * spelling, a translation or a respelling by ear, not a name it copied and changed.
 * `word`: the new word
 * occurs nowhere in the references' articles and at most once (here) in this
 * edition, as an edition's own spelling or translation of a name recurs and a
 * word a reference has elsewhere is no invention. `common`: the original is
 * also written in lower case in a reference's article, so it is a word of a
 * title ("Save the Children", "children") that editions translate.
 */
function novelty(cur: Edition, runs: RefRun[]): { word: (key: string) => boolean; common: (original: string) => boolean; foreign: (word: string) => boolean } {
  // The edition's own words in lower case count: a word of its language is no invented name.
  const refs = wordIndex(runs.flatMap((r) => r.edition.article.paragraphs), true);
  const own = wordIndex(cur.article.paragraphs);
  const lower = new Set(runs.flatMap((r) => r.edition.article.paragraphs.flatMap((p) => p.match(LOWER_WORD) ?? [])));
  const letters = new Set(runs.flatMap((r) => r.edition.article.paragraphs.flatMap((p) => p.toLowerCase().match(BEYOND_ASCII) ?? [])));
  return {
    word: (key) => occurrences(refs, key) === 0 && occurrences(own, key) <= 1,
    common: (original) => lower.has(original.toLowerCase()),
    foreign: (word) => (word.toLowerCase().match(BEYOND_ASCII) ?? []).some((c) => !letters.has(c)),
  };
}

/** Letters beyond the basic Latin alphabet, which every Latin-script language shares: an orthography's own. */
const BEYOND_ASCII = /[^\p{ASCII}]/gu;

/** Words that start in lower case. */
const LOWER_WORD = /(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu;

/** Evidence quoting a name found in a bead's joined reference text (beadText), in its own paragraph. */
function beadEvidence(run: RefRun, bead: Bead, m: NameMention): Evidence {
  let offset = 0;
  for (const [k, q] of bead.ref.entries()) {
    const para = run.edition.paras[q];
    if (m.start < offset + para.text.length || k === bead.ref.length - 1) {
      return { lang: run.input.lang, url: run.input.url, ...quote(para.text, m.start - offset, m.end - offset, para.sentences) };
    }
    offset += para.text.length + 1;
  }
  return { lang: run.input.lang, url: run.input.url, text: '' };
}

// ---------------------------------------------------------------------------
// Messages (their wording lives in wording.ts)

function finish(b: Ballot, votes: Vote[]): Flag {
  const evidence = votes.map((v) => v.evidence());
  const who = editionList(evidence.map((e) => e.lang));
  const message = flagMessage(b.flag.kind, b.says(), who, votes[0].say(), votes.length > 1);
  return { ...b.flag, message, evidence };
}
