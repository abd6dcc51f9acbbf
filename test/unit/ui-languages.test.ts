// Language names in the banner, cards, popup and options under Chromium's
// trimmed ICU data, which has an Azerbaijani locale but no language names in it.
import { afterEach, expect, it, vi } from 'vitest';

/** Intl.DisplayNames as Chromium ships it: locales in `trimmed` resolve, but name nothing. */
function trimDisplayNames(trimmed: string[]): void {
  const Real = Intl.DisplayNames;
  class Trimmed extends Real {
    private readonly empty: boolean;
    constructor(locales: string | string[], options: Intl.DisplayNamesOptions) {
      super(locales, options);
      this.empty = trimmed.includes([locales].flat()[0]);
    }
    of(code: string): string | undefined {
      return this.empty ? undefined : super.of(code);
    }
  }
  vi.stubGlobal('Intl', { ...Intl, DisplayNames: Trimmed });
}

afterEach(() => vi.unstubAllGlobals());

it('names languages in English where the UI language has no names, not by their tags', async () => {
  trimDisplayNames(['az']);
  vi.resetModules();
  const { languageName } = await import('../../src/ui/languages');
  expect(languageName('fr', 'az')).toBe('French');
  expect(languageName('zh-CN', 'az')).toBe('Simplified Chinese');
  expect(languageName('fr', 'de')).toBe('Französisch');
});
