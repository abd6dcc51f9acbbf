// The UI's catalogues: every message in English exists in every other UI
// language with the same placeholders, so no reader meets a raw key or a hole.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIR = join(process.cwd(), 'extension/_locales');
type Entry = { message: string; placeholders?: Record<string, { content: string }> };
const load = (lang: string) => JSON.parse(readFileSync(join(DIR, lang, 'messages.json'), 'utf8')) as Record<string, Entry>;
const en = load('en');
const placeholdersOf = (e: Entry) => Object.fromEntries(Object.entries(e.placeholders ?? {}).map(([k, v]) => [k, v.content]));
const used = (e: Entry) => [...e.message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('UI locales', () => {
  it('ships at least en, fr, de, es, az and sw', () => {
    expect(readdirSync(DIR)).toEqual(expect.arrayContaining(['en', 'fr', 'de', 'es', 'az', 'sw']));
  });

  for (const lang of readdirSync(DIR).filter((l) => l !== 'en')) {
    it(`${lang} translates every English message with the same placeholders`, () => {
      const cat = load(lang);
      for (const [key, entry] of Object.entries(en)) {
        expect(cat[key], `${lang}: ${key}`).toBeDefined();
        expect(placeholdersOf(cat[key]!), `${lang}: ${key}`).toEqual(placeholdersOf(entry));
        expect(new Set(used(cat[key]!)), `${lang}: ${key}`).toEqual(new Set(used(entry)));
      }
    });
  }

  it('every $NAME$ in a message has a placeholder', () => {
    for (const lang of readdirSync(DIR)) {
      for (const [key, entry] of Object.entries(load(lang))) {
        for (const name of used(entry)) expect(entry.placeholders?.[name], `${lang}: ${key} ${name}`).toBeDefined();
      }
    }
  });
});
