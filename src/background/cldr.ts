// The CLDR snapshot build.mjs takes in Node (full ICU) and compiles into the
// background bundle. Chromium ships trimmed ICU data: without the snapshot a
// third of the editions' vocabularies and country names fall back to English.
import { primeCldrSnapshot, type PackedCldrSnapshot } from '../core/cldr-snapshot';

/** Defined by build.mjs for background.js only; absent under vitest and in Node. */
declare const CLDR_SNAPSHOT: PackedCldrSnapshot | undefined;

/**
 * Primes the engine with the build's snapshot, preferred to the browser's own
 * Intl wherever the snapshot has the language: it is the complete CLDR, and the
 * same in every browser. Returns whether there was one.
 */
export function primeEngineFromBuild(snapshot: PackedCldrSnapshot | undefined = typeof CLDR_SNAPSHOT === 'object' ? CLDR_SNAPSHOT : undefined): boolean {
  if (!snapshot) return false;
  primeCldrSnapshot(snapshot);
  return true;
}
