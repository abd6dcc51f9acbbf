// The reader's settings, stored in storage.sync. Defined once here; the options
// page writes them, the content script and background read them.
import type { FlagKind, Lang, Strictness } from '../core/types';

export interface Settings {
  /** Reference editions in order of preference. The page's own language is skipped. */
  references: Lang[];
  /** Check every article on load, or only when the reader asks. */
  autoCheck: boolean;
  /** Which checks are on. */
  checks: Record<FlagKind, boolean>;
  strictness: Strictness;
}

/** How many references one check uses at most. */
export const MAX_REFERENCES = 3;

/** Editions filled in, in this order, when the page's own language removes one of the reader's choices. */
export const FALLBACK_REFERENCES: readonly Lang[] = ['en', 'fr', 'de', 'es', 'it', 'pt'];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  references: ['en', 'fr', 'de'],
  autoCheck: true,
  checks: { figure: true, order: true, missing: true, name: true },
  strictness: 'majority',
});

const isLangList = (v: unknown): v is Lang[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string' && /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(x));

/** Accepts whatever storage holds (older versions, hand edits) and returns complete, valid settings. */
export function normaliseSettings(raw: unknown): Settings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Partial<Record<keyof Settings, unknown>>;
  const checks = { ...DEFAULT_SETTINGS.checks };
  if (r.checks && typeof r.checks === 'object') {
    for (const k of Object.keys(checks) as FlagKind[]) {
      const v = (r.checks as Record<string, unknown>)[k];
      if (typeof v === 'boolean') checks[k] = v;
    }
  }
  return {
    references: isLangList(r.references) && r.references.length > 0 ? [...new Set(r.references)] : [...DEFAULT_SETTINGS.references],
    autoCheck: typeof r.autoCheck === 'boolean' ? r.autoCheck : DEFAULT_SETTINGS.autoCheck,
    checks,
    strictness: r.strictness === 'all' || r.strictness === 'majority' ? r.strictness : DEFAULT_SETTINGS.strictness,
  };
}

/** The reference editions to fetch for a page in `pageLang`: the reader's choices minus the page's own language, topped up from the fallbacks. */
export function chooseReferences(settings: Settings, pageLang: Lang, available?: ReadonlySet<Lang>): Lang[] {
  const ok = (l: Lang) => l !== pageLang && (!available || available.has(l));
  const chosen = settings.references.filter(ok).slice(0, MAX_REFERENCES);
  if (chosen.length < Math.min(MAX_REFERENCES, settings.references.length)) {
    for (const l of FALLBACK_REFERENCES) {
      if (chosen.length >= MAX_REFERENCES) break;
      if (ok(l) && !chosen.includes(l)) chosen.push(l);
    }
  }
  return chosen;
}
