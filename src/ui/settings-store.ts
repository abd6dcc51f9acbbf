// Where the reader's settings live: storage.sync, one key per Settings field,
// so storage.onChanged tells every open tab exactly which setting moved.
import browser from 'webextension-polyfill';
import { normaliseSettings, type Settings } from '../shared/settings';

export async function loadSettings(): Promise<Settings> {
  return normaliseSettings(await browser.storage.sync.get(null));
}

/** Writes normalised settings and returns what was stored. */
export async function saveSettings(next: Settings): Promise<Settings> {
  const settings = normaliseSettings(next);
  await browser.storage.sync.set({ ...settings });
  return settings;
}
