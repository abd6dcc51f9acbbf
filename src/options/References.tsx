// Choosing the reference editions: an ordered list (first preferred) with
// move and remove buttons, and a search over every EU Reporter edition to add from.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lang } from '../core/types';
import { MAX_REFERENCES } from '../shared/settings';
import { t, formatNumber, uiLanguage } from '../ui/i18n';
import { intlTag } from '../site/editions';
import { foldForSearch, languageName, nativeName } from '../ui/languages';

export interface EditionEntry {
  lang: Lang;
  /** In the UI language: "German". */
  name: string;
  /** In its own language: "Deutsch". */
  native: string;
  /** Folded names and tag, and the English name so a reader can always search in English. */
  haystack: string;
}

export function editionEntries(langs: readonly Lang[], ui: string): EditionEntry[] {
  const entries = langs.map((lang) => {
    const name = languageName(lang, ui);
    const native = nativeName(lang);
    return { lang, name, native, haystack: foldForSearch([name, native, languageName(lang, 'en'), lang].join('\n')) };
  });
  const collator = new Intl.Collator(ui);
  return entries.sort((a, b) => collator.compare(a.name, b.name));
}

/** Editions whose names or tag contain the query (case- and accent-insensitive). */
export function searchEditions(entries: readonly EditionEntry[], query: string): EditionEntry[] {
  const q = foldForSearch(query.trim());
  return q ? entries.filter((e) => e.haystack.includes(q)) : [...entries];
}

export function move<T>(list: readonly T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length) return [...list];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item as T);
  return next;
}

/** "Deutsch (German)", with the native name marked in its language for screen readers. */
function Label({ e }: { e: EditionEntry }) {
  if (e.name === e.native) return <span class="lang-name">{e.name}</span>;
  return (
    <span class="lang-name">
      <span lang={intlTag(e.lang)}>{e.native}</span> <span class="ui-name">({e.name})</span>
    </span>
  );
}

interface Props {
  editions: readonly Lang[];
  chosen: readonly Lang[];
  onChange: (next: Lang[]) => void;
}

/** A button to focus after a re-render, since moving a list item can drop focus. */
type FocusTarget = { lang: Lang; action: 'up' | 'down' | 'remove' } | null;

export function References({ editions, chosen, onChange }: Props) {
  const ui = uiLanguage();
  const entries = useMemo(() => editionEntries(editions, ui), [editions, ui]);
  const byLang = useMemo(() => new Map(entries.map((e) => [e.lang, e])), [entries]);
  const [query, setQuery] = useState('');
  const [focus, setFocus] = useState<FocusTarget>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!focus) return;
    const list = listRef.current;
    // The same button if it is still enabled (an item moved to the top disables "up"), else its row's first enabled one.
    const target =
      list?.querySelector<HTMLButtonElement>(`[data-lang="${focus.lang}"][data-action="${focus.action}"]:not([disabled])`) ??
      list?.querySelector<HTMLButtonElement>(`[data-lang="${focus.lang}"]:not([disabled])`);
    target?.focus();
    setFocus(null);
  }, [focus]);

  const entry = (lang: Lang): EditionEntry => byLang.get(lang) ?? { lang, name: lang, native: lang, haystack: lang };
  const found = searchEditions(entries, query).filter((e) => !chosen.includes(e.lang));

  const shift = (i: number, by: -1 | 1) => {
    onChange(move(chosen, i, i + by));
    setFocus({ lang: chosen[i] as Lang, action: by < 0 ? 'up' : 'down' });
  };

  // The added edition's button leaves the results; the search box is where the reader goes on from.
  const add = (lang: Lang) => {
    onChange([...chosen, lang]);
    searchRef.current?.focus();
  };

  const removeAt = (i: number) => {
    const next = chosen.filter((_, j) => j !== i);
    onChange(next);
    const neighbour = next[Math.min(i, next.length - 1)];
    if (neighbour) setFocus({ lang: neighbour, action: 'remove' });
  };

  return (
    <section aria-labelledby="refs-heading">
      <h2 id="refs-heading">{t('editionsHeading')}</h2>
      <p class="hint" id="refs-hint">
        {t('refsHint', formatNumber(MAX_REFERENCES))}
      </p>
      <ol class="chosen" ref={listRef} aria-label={t('refsListLabel')} aria-describedby="refs-hint">
        {chosen.map((lang, i) => {
          const e = entry(lang);
          return (
            <li key={lang} class={i < MAX_REFERENCES ? 'in-use' : 'spare'}>
              <span class="rank" aria-hidden="true">{formatNumber(i + 1)}</span>
              <Label e={e} />
              <span class="row-buttons">
                <button type="button" class="icon" data-lang={lang} data-action="up" disabled={i === 0} aria-label={t('moveUp', e.name)} title={t('moveUp', e.name)} onClick={() => shift(i, -1)}>
                  ↑
                </button>
                <button type="button" class="icon" data-lang={lang} data-action="down" disabled={i === chosen.length - 1} aria-label={t('moveDown', e.name)} title={t('moveDown', e.name)} onClick={() => shift(i, 1)}>
                  ↓
                </button>
                <button type="button" class="icon" data-lang={lang} data-action="remove" disabled={chosen.length === 1} aria-label={t('remove', e.name)} title={t('remove', e.name)} onClick={() => removeAt(i)}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <label class="search" for="edition-search">
        {t('searchLabel')}
      </label>
      <input
        id="edition-search"
        ref={searchRef}
        type="search"
        value={query}
        placeholder={t('searchPlaceholder')}
        aria-controls="edition-results"
        autocomplete="off"
        spellcheck={false}
        onInput={(ev) => setQuery((ev.currentTarget as HTMLInputElement).value)}
      />
      <ul id="edition-results" class="results" aria-label={t('resultsLabel')}>
        {found.map((e) => (
          <li key={e.lang}>
            <Label e={e} />
            <span class="tag">{e.lang}</span>
            <button type="button" class="icon add" aria-label={t('add', e.name)} title={t('add', e.name)} onClick={() => add(e.lang)}>
              +
            </button>
          </li>
        ))}
      </ul>
      {found.length === 0 && <p class="hint" role="status">{t('searchNone')}</p>}
    </section>
  );
}
