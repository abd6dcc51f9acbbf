// The options page: every setting saves as soon as it changes; open tabs pick
// the change up through storage.onChanged.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { FlagKind, Lang, Strictness } from '../core/types';
import { normaliseSettings, type Settings } from '../shared/settings';
import type { UiRequest } from '../shared/messages';
import { t, type MessageKey } from '../ui/i18n';
import { loadSettings, saveSettings } from '../ui/settings-store';
import { References } from './References';

const CHECKS: readonly { kind: FlagKind; label: MessageKey }[] = [
  { kind: 'figure', label: 'check_figure' },
  { kind: 'order', label: 'check_order' },
  { kind: 'name', label: 'check_name' },
  { kind: 'missing', label: 'check_missing' },
];

const STRICTNESS: readonly { value: Strictness; label: MessageKey }[] = [
  { value: 'majority', label: 'strict_majority' },
  { value: 'all', label: 'strict_all' },
];

const WHEN: readonly { value: boolean; label: MessageKey }[] = [
  { value: true, label: 'auto_on' },
  { value: false, label: 'auto_off' },
];

type Notice = '' | 'saved' | 'saveFailed' | 'cacheCleared' | 'cacheFailed';

function useSettings(onSaved: (ok: boolean) => void) {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    // Another window, or sync from another device, may change them while this page is open.
    const onChanged = (_changes: unknown, area: string) => {
      if (area === 'sync') void loadSettings().then(setSettings);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, []);
  const update = (patch: Partial<Settings>) => {
    if (!settings) return;
    const next = normaliseSettings({ ...settings, ...patch });
    setSettings(next);
    saveSettings(next).then(
      () => onSaved(true),
      () => onSaved(false),
    );
  };
  return [settings, update] as const;
}

function RadioGroup<T extends string | boolean>({ name, heading, options, value, onChange }: {
  name: string;
  heading: MessageKey;
  options: readonly { value: T; label: MessageKey }[];
  value: T;
  onChange: (v: T) => void;
}) {
  return (
    <fieldset>
      <legend>
        <h2>{t(heading)}</h2>
      </legend>
      {options.map((o) => (
        <label class="choice" key={String(o.value)}>
          <input type="radio" name={name} checked={o.value === value} onChange={() => onChange(o.value)} />
          {t(o.label)}
        </label>
      ))}
    </fieldset>
  );
}

export function Options({ editions }: { editions: readonly Lang[] }) {
  const [notice, setNotice] = useState<Notice>('');
  const [settings, update] = useSettings((ok) => setNotice(ok ? 'saved' : 'saveFailed'));

  const clearCache = async () => {
    try {
      await browser.runtime.sendMessage({ type: 'clear-cache' } satisfies UiRequest);
      setNotice('cacheCleared');
    } catch {
      setNotice('cacheFailed');
    }
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {settings && (
        <>
          <References editions={editions} chosen={settings.references} onChange={(references) => update({ references })} />
          <RadioGroup name="when" heading="whenHeading" options={WHEN} value={settings.autoCheck} onChange={(autoCheck) => update({ autoCheck })} />
          <fieldset>
            <legend>
              <h2>{t('checksHeading')}</h2>
            </legend>
            {CHECKS.map((c) => (
              <label class="choice" key={c.kind}>
                <input
                  type="checkbox"
                  checked={settings.checks[c.kind]}
                  onChange={(ev) => update({ checks: { ...settings.checks, [c.kind]: (ev.currentTarget as HTMLInputElement).checked } })}
                />
                {t(c.label)}
              </label>
            ))}
          </fieldset>
          <RadioGroup name="strictness" heading="strictHeading" options={STRICTNESS} value={settings.strictness} onChange={(strictness) => update({ strictness })} />
          <section aria-labelledby="cache-heading">
            <h2 id="cache-heading">{t('cacheHeading')}</h2>
            <p class="hint">{t('cacheHint')}</p>
            <button type="button" onClick={() => void clearCache()}>
              {t('clearCache')}
            </button>
          </section>
        </>
      )}
      <p class="notice" role="status" aria-live="polite">
        {notice && t(notice)}
      </p>
    </main>
  );
}
