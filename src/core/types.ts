// The engine's boundary types, defined once. Everything that crosses a module,
// a process or an extension context (content script ⇄ background ⇄ popup, the
// Node API, the CLI's --json output) is one of these.

/** A language tag as EU Reporter spells its editions: 'en', 'az', 'zh-CN', 'iw', 'hmn'. */
export type Lang = string;

export type FigureKind = 'money' | 'percent' | 'year' | 'date' | 'count' | 'ordinal' | 'number';

/** One number found in a paragraph, with the role the surrounding words give it. */
export interface Figure {
  kind: FigureKind;
  /** The value with any scale word applied: "523.7 milyon" → 523_700_000. For a date, the day of month. */
  value: number;
  /** The value as written, before the scale word: 523.7. Tells a scale change from a digit change. */
  mantissa: number;
  /** Decimal places as written, where the value drops trailing zeros ("7,0": 1, "5.60": 2); else absent. */
  decimals?: number;
  /** Multiplier of the scale word ("milyon" 1e6, "万" 1e4, "crore" 1e7); 1 when there is none. */
  scale: number;
  /**
   * The other multiplier a scale word may mean: CLDR gives the long-scale 1e12 to "billion" cognates
   * (es "billón", eu "bilioi", de "Billion") that translators also use for 1e9. `scale` holds the 1e9 reading.
   */
  altScale?: number;
  /**
   * The scale word is a word for 10^9 that is no "billion" cognate ("Milliarden", "miljard", "mil millones"):
   * an edition that writes one tells 10^9 from 10^12, so its cognates mean 10^12 (see settleLongScale).
   */
  milliard?: boolean;
  /** ISO 4217 code when a currency symbol, code or name is attached ('USD'). */
  currency?: string;
  /** CLDR simple unit when a unit word is attached ('kilometer', 'hour', 'inch'). */
  unit?: string;
  /** 1–12, for dates that name a month. */
  month?: number;
  /** UTF-16 offsets of the whole figure (digits plus its scale, currency and percent words) in the paragraph. */
  start: number;
  end: number;
  /** The paragraph's text between start and end. */
  text: string;
}

/** A person, place or organisation named in a paragraph. */
export interface NameMention {
  /** UTF-16 offsets in the paragraph. */
  start: number;
  end: number;
  text: string;
  /** Script-independent comparison key (transliterated, lower-cased, inflection-tolerant stem). */
  key: string;
  /** ISO 3166 region code when the name is a country ("Belçika" → 'BE'). */
  country?: string;
}

/** An article as extracted from one edition's page. */
export interface Article {
  url: string;
  lang: Lang;
  /** Title first, then the body paragraphs, whitespace-normalised. */
  paragraphs: string[];
  /** The path that identifies the article across editions ('/kazakhstan-and-belgium-hold-…/'). */
  path: string;
  /** Publication date (ISO 8601) when the page states it; a reference with another date is another article. */
  published?: string;
}

export type FlagKind = 'figure' | 'order' | 'missing' | 'name';

/** What one reference edition says at the flagged place, quoted from its own text. */
export interface Evidence {
  lang: Lang;
  text: string;
  url?: string;
  /** UTF-16 offsets in `text` of what this reference says at the flagged place ("1.7%"), when it says something there. */
  start?: number;
  end?: number;
}

export interface Flag {
  kind: FlagKind;
  /** Index into Report.paragraphs. */
  paragraph: number;
  /** UTF-16 offsets into that paragraph; for `missing`, where the figure belongs (start === end allowed). */
  start: number;
  end: number;
  text: string;
  /** Plain-language English explanation (the UI composes its own localised wording from kind and evidence). */
  message: string;
  evidence: Evidence[];
}

export type ReferenceStatus = 'ok' | 'error' | 'mismatch';

export interface ReferenceReport {
  url: string;
  lang: Lang;
  status: ReferenceStatus;
  /** Why a reference is 'error' or 'mismatch', in plain words ("not reachable", "another article"). */
  reason?: string;
  /** Figures of this reference that were compared with the current edition, and how many of them agreed. */
  compared?: number;
  agreed?: number;
}

export interface Report {
  lang: Lang;
  paragraphs: string[];
  references: ReferenceReport[];
  flags: Flag[];
}

export type Strictness = 'majority' | 'all';

export interface CheckOptions {
  /** Which kinds of flag to raise; all are on by default. */
  checks?: Partial<Record<FlagKind, boolean>>;
  /** 'majority': flag where most comparable references disagree; 'all': only where every one does. */
  strictness?: Strictness;
}

/** A reference edition as handed to the engine: its extracted article, or why there is none. */
export interface ReferenceInput {
  url: string;
  lang: Lang;
  article: Article | null;
  /** Set when the edition could not be had (fetch failed, not an article page). */
  error?: string;
}
