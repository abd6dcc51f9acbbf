// @vitest-environment happy-dom
// The options page against an in-memory `browser`: search, ordering and
// toggles, each checked by what lands in storage.sync.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EDITION_TAGS } from '../../src/site/editions';
import { DEFAULT_SETTINGS, normaliseSettings } from '../../src/shared/settings';
import { fake, resetFake, writeSync } from './ui-fake-browser';

vi.mock('webextension-polyfill', async () => ({ default: (await import('./ui-fake-browser')).fakeBrowser }));

const { Options } = await import('../../src/options/Options');
const { editionEntries, searchEditions, move } = await import('../../src/options/References');

afterEach(cleanup);

/** Names in the chosen list, in order (UI-language name in parentheses when it differs from the native one). */
const chosen = () =>
  within(screen.getByRole('list', { name: 'Chosen editions, most preferred first' }))
    .getAllByRole('listitem')
    .map((li) => li.querySelector('.lang-name')!.textContent);
const results = () => within(document.getElementById('edition-results')!).queryAllByRole('listitem');
const search = (q: string) => fireEvent.input(screen.getByRole('searchbox'), { target: { value: q } });

async function renderOptions(sync: Record<string, unknown> = {}, uiLanguage = 'en') {
  resetFake({ sync, uiLanguage });
  render(<Options editions={EDITION_TAGS} />);
  // Settings load asynchronously; the chosen list appears with them.
  await waitFor(() => expect(document.querySelector('ol.chosen')).not.toBeNull());
}

describe('options: reference editions', () => {
  it('starts from the defaults, English, French and German in that order', async () => {
    await renderOptions();
    expect(chosen()).toEqual(['English', 'Français (French)', 'Deutsch (German)']);
    expect(results()).toHaveLength(EDITION_TAGS.length - 3);
  });

  it('finds an edition by its native name, its UI-language name or its tag, accents ignored', async () => {
    await renderOptions();
    expect(screen.getByLabelText('Add an edition')).toBe(screen.getByRole('searchbox'));
    for (const q of ['Kiswahili', 'swahili', 'SW']) {
      search(q);
      expect(results().map((li) => li.querySelector('.tag')!.textContent)).toContain('sw');
    }
    search('espanol');
    expect(results().map((li) => li.querySelector('.tag')!.textContent)).toEqual(['es']);
    search('no such language');
    expect(results()).toHaveLength(0);
    expect(screen.getByText('No edition matches.')).toBeTruthy();
  });

  it('searches by names in the UI language too', async () => {
    await renderOptions({}, 'az');
    search('ispan');
    expect(results().map((li) => li.querySelector('.tag')!.textContent)).toEqual(['es']);
  });

  it('adds a found edition at the end and saves', async () => {
    await renderOptions();
    search('azərbaycan');
    fireEvent.click(screen.getByRole('button', { name: 'Add Azerbaijani' }));
    await waitFor(() => expect(fake.sync.references).toEqual(['en', 'fr', 'de', 'az']));
    expect(chosen().at(-1)).toBe('Azərbaycan (Azerbaijani)');
    expect(document.activeElement).toBe(screen.getByRole('searchbox'));
    expect((await screen.findByText(/Saved/)).getAttribute('role')).toBe('status');
  });

  it('reorders with the move buttons and keeps focus on the moved item', async () => {
    await renderOptions();
    const up = screen.getByRole('button', { name: 'Move German up' });
    up.focus();
    fireEvent.click(up);
    await waitFor(() => expect(fake.sync.references).toEqual(['en', 'de', 'fr']));
    fireEvent.click(screen.getByRole('button', { name: 'Move German up' }));
    await waitFor(() => expect(fake.sync.references).toEqual(['de', 'en', 'fr']));
    // At the top "up" is disabled, so focus lands on the row's next enabled button.
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Move German down'));
    expect((screen.getByRole('button', { name: 'Move German up' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Move English down' }));
    await waitFor(() => expect(fake.sync.references).toEqual(['de', 'fr', 'en']));
  });

  it('removes an edition but never the last one', async () => {
    await renderOptions({ references: ['fr', 'de'] });
    fireEvent.click(screen.getByRole('button', { name: 'Remove French' }));
    await waitFor(() => expect(fake.sync.references).toEqual(['de']));
    expect((screen.getByRole('button', { name: 'Remove German' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('follows a change made elsewhere', async () => {
    await renderOptions();
    writeSync({ references: ['sw', 'az'] });
    await waitFor(() => expect(chosen()).toEqual(['Kiswahili (Swahili)', 'Azərbaycan (Azerbaijani)']));
  });
});

describe('options: switches', () => {
  it('writes complete, normalised settings for every toggle', async () => {
    await renderOptions();
    fireEvent.click(screen.getByLabelText('Names of people, places and organisations'));
    await waitFor(() => expect(fake.sync.checks).toEqual({ figure: true, order: true, missing: true, name: false }));
    fireEvent.click(screen.getByLabelText('Only when every reference edition disagrees'));
    await waitFor(() => expect(fake.sync.strictness).toBe('all'));
    fireEvent.click(screen.getByLabelText('Only when I ask, from the toolbar button'));
    await waitFor(() => expect(fake.sync.autoCheck).toBe(false));
    expect(fake.sync).toEqual(normaliseSettings(fake.sync));
    expect(fake.sync).toEqual({ ...DEFAULT_SETTINGS, checks: { ...DEFAULT_SETTINGS.checks, name: false }, strictness: 'all', autoCheck: false });
  });

  it('shows defaults for whatever broken values storage holds', async () => {
    await renderOptions({ references: 'xx', strictness: 'bogus', autoCheck: 'yes', checks: { figure: 'no', order: false } });
    expect(chosen()).toEqual(['English', 'Français (French)', 'Deutsch (German)']);
    expect((screen.getByLabelText('When most reference editions disagree with this one') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Automatically, whenever an article opens') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Figures: amounts, percentages, years, dates') as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Figures that swapped places') as HTMLInputElement).checked).toBe(false);
  });

  it('asks the background to clear the cache and says so', async () => {
    await renderOptions();
    fireEvent.click(screen.getByRole('button', { name: 'Clear the cache' }));
    await waitFor(() => expect(screen.getByText('Cache cleared.')).toBeTruthy());
    expect(fake.runtimeSent).toEqual([{ type: 'clear-cache' }]);
  });

  it('is written in the UI language', async () => {
    await renderOptions({}, 'sw');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Mipangilio ya Fact Flags');
    expect(screen.getByRole('button', { name: 'Futa akiba' })).toBeTruthy();
  });
});

describe('options helpers', () => {
  it('names every edition, sorted by the UI language', () => {
    const entries = editionEntries(EDITION_TAGS, 'en');
    expect(entries).toHaveLength(EDITION_TAGS.length);
    expect(entries.every((e) => e.name && e.native && e.name !== e.lang)).toBe(true);
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...names].sort(new Intl.Collator('en').compare));
    expect(entries.find((e) => e.lang === 'zh-TW')!.native).toBe('繁體中文');
    expect(entries.find((e) => e.lang === 'iw')!.name).toBe('Hebrew');
  });

  it('searchEditions with an empty query lists everything', () => {
    const entries = editionEntries(['en', 'de'], 'en');
    expect(searchEditions(entries, '  ')).toHaveLength(2);
    expect(searchEditions(entries, 'deu').map((e) => e.lang)).toEqual(['de']);
  });

  it('move stays inside the list', () => {
    expect(move(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(move(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(move(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });
});

describe('language names', async () => {
  const { languageName, nativeName } = await import('../../src/ui/languages');
  it('fills in the editions CLDR leaves unnamed, and capitalises names', () => {
    expect(languageName('ba', 'en')).toBe('Bashkir');
    expect(nativeName('ba')).toBe('Башҡорт');
    expect(nativeName('fr')).toBe('Français');
    expect(languageName('de', 'fr')).toBe('Allemand');
  });
});
