// The engine's Intl-derived data for a set of languages, as one JSON value.
// Node has full ICU and derives it live; Chromium ships trimmed ICU data (a
// third of the editions missing, others cut down), so the build takes this
// snapshot in Node and the extension primes the engine with it at start-up.
import { namesData, primeNames, type NamesData } from './names';
import type { Lang } from './types';
import { primeVocab, vocabData, type VocabData } from './vocab';

export interface CldrSnapshot {
  vocab: Record<Lang, VocabData>;
  names: Record<Lang, NamesData>;
}

/**
 * The snapshot as shipped: each language's data as its own JSON text. A
 * service worker restarts often and a check needs four or five languages of
 * the 94, so each is parsed on first use (parsing all 1.5 MB costs ~50 ms).
 */
export interface PackedCldrSnapshot {
  vocab: Record<Lang, string>;
  names: Record<Lang, string>;
}

/** The vocabulary and name lists this engine's Intl gives for `langs` ('en' always: every language's lists include English). */
export function takeCldrSnapshot(langs: readonly Lang[]): CldrSnapshot {
  const all = [...new Set(['en', ...langs])];
  return {
    vocab: Object.fromEntries(all.map((lang) => [lang, vocabData(lang)])),
    names: Object.fromEntries(all.map((lang) => [lang, namesData(lang)])),
  };
}

const packRecord = <T>(record: Record<Lang, T>): Record<Lang, string> =>
  Object.fromEntries(Object.entries(record).map(([lang, data]) => [lang, JSON.stringify(data)]));

export const packCldrSnapshot = (s: CldrSnapshot): PackedCldrSnapshot => ({ vocab: packRecord(s.vocab), names: packRecord(s.names) });

/** A record whose languages are parsed when first read, once. */
function lazyRecord<T>(texts: Record<Lang, string>): Record<Lang, T> {
  const out: Record<Lang, T> = {};
  for (const [lang, text] of Object.entries(texts)) {
    let parsed: T | undefined;
    Object.defineProperty(out, lang, { enumerable: true, get: () => (parsed ??= JSON.parse(text) as T) });
  }
  return out;
}

/** From now on the engine builds these languages' data from the snapshot, not from Intl. */
export function primeCldrSnapshot(packed: PackedCldrSnapshot): void {
  primeVocab(lazyRecord<VocabData>(packed.vocab));
  primeNames(lazyRecord<NamesData>(packed.names));
}
