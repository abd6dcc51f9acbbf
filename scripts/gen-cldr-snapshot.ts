// Entry point build.mjs bundles and runs in Node (full ICU) to take the CLDR
// snapshot the extension ships: every edition language's vocabulary and name
// lists, packed as the background bundle embeds them (src/background/cldr.ts).
import { packCldrSnapshot, takeCldrSnapshot, type PackedCldrSnapshot } from '../src/core/cldr-snapshot';
import { EDITION_TAGS } from '../src/site/editions';

export const snapshot = (): PackedCldrSnapshot => packCldrSnapshot(takeCldrSnapshot(EDITION_TAGS));
