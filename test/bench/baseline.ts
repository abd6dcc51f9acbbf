// The digit-matching check that translation QA tools run (Xbench "numeric
// mismatch", Okapi CheckMate, Trados Number Verifier, OpusCleaner num_mismatch):
// per aligned segment, the multiset of digit sequences must be the same in the
// source and the target. Here every reference edition plays the source, and a
// paragraph is flagged when its multiset differs from most references'. The
// benchmark runs it next to the engine so the engine's numbers have a yardstick.
//
// It is deliberately written from scratch, independent of src/core: the bench
// also uses these digit runs to choose where to inject errors, and must not
// inherit the engine's notion of a figure.

/** Zero code points of every Unicode decimal digit set, found once by scanning for \p{Nd} runs. */
const DIGIT_ZEROS: number[] = (() => {
  const isNd = /^\p{Nd}$/u;
  const zeros: number[] = [];
  for (let cp = 0; cp <= 0x1ffff; cp++) {
    if (!isNd.test(String.fromCodePoint(cp))) continue;
    // Sets are contiguous blocks of ten, some of them adjacent (mathematical digits).
    zeros.push(cp);
    cp += 9;
  }
  return zeros;
})();

/** The ASCII digit for one Unicode decimal digit character; the character itself when it is not one. */
export function asciiDigit(ch: string): string {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x30 && cp <= 0x39) return ch;
  for (const z of DIGIT_ZEROS) if (cp >= z && cp < z + 10) return String(cp - z);
  return ch;
}

/** The zero of the digit set `ch` belongs to, so a changed digit stays in the edition's script. */
export function digitZero(ch: string): number | undefined {
  const cp = ch.codePointAt(0)!;
  return DIGIT_ZEROS.find((z) => cp >= z && cp < z + 10);
}

export interface DigitRun {
  start: number;
  end: number;
  /** The run as written ("1,500.5", "٢٠٢٣"). */
  text: string;
  /** ASCII digits only, separators stripped ("15005"): what QA tools compare. */
  digits: string;
}

// Digits joined by the separators editions use inside one number: . , Arabic
// decimal/group marks, apostrophes (de-CH), no-break and narrow no-break spaces.
// A plain space is not one: "10 20" are two numbers.
const RUN = /\p{Nd}+(?:[.,\u066B\u066C'\u2019\u00A0\u202F]\p{Nd}+)*/gu;

/** Every digit sequence of a text, in order. */
export function digitRuns(text: string): DigitRun[] {
  return [...text.matchAll(RUN)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    text: m[0],
    digits: [...m[0]].map(asciiDigit).filter((c) => c >= '0' && c <= '9').join(''),
  }));
}

/** The multiset of a paragraph's digit sequences, as a sorted list. */
export function digitMultiset(text: string): string[] {
  return digitRuns(text)
    .map((r) => r.digits)
    .sort();
}

const sameMultiset = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Flags paragraph i of `current` when its digit multiset differs from that of
 * paragraph i in a strict majority of the references that have a paragraph i.
 * Paragraphs are compared by index: the segments QA tools check are aligned.
 */
export function baselineFlags(current: string[], references: string[][]): number[] {
  const flagged: number[] = [];
  current.forEach((para, i) => {
    const mine = digitMultiset(para);
    const comparable = references.filter((r) => i < r.length);
    const differing = comparable.filter((r) => !sameMultiset(mine, digitMultiset(r[i]))).length;
    if (comparable.length > 0 && differing * 2 > comparable.length) flagged.push(i);
  });
  return flagged;
}
