// Which other editions of this article exist, and where. EU Reporter announces
// them twice: `<link rel="alternate" hreflang>` in the head and the GTranslate
// language switcher in the header. GTranslate renders the switcher in several
// styles: links (`a.glink` with `data-gt-lang`, or `onclick="doGTranslate('en|fr')"`,
// or `hreflang`), and a `<select>` whose options' values are 'en|fr' or URLs.
//
// Security: a discovered link only tells us that an edition exists. The URL we
// hand back is always rebuilt from the current article's URL (same scheme,
// port and path, the edition's subdomain), and only when the link itself
// pointed at that same path on an eureporter.co host. Nothing a page writes
// can make us fetch another site or another article.
import type { Lang } from '../core/types';
import { type HtmlElement, walk } from '../core/html';
import { EDITION_TAGS, canonicalLang, isEdition } from './editions';
import { articlePath, editionUrl, isEuReporterUrl, langFromUrl } from './urls';

interface Candidate {
  lang?: string;
  href?: string;
}

const GT_CALL = /doGTranslate\(\s*['"][\w-]*\|([\w-]+)['"]/;
const GT_PAIR = /^[\w-]+\|([\w-]+)$/;

/** Each way a switcher or head element names an edition, tried on every element; the first that yields a candidate wins. */
const READERS: readonly ((el: HtmlElement) => Candidate | undefined)[] = [
  (el) =>
    el.tag === 'link' && el.attrs.hreflang && /(^|\s)alternate(\s|$)/i.test(el.attrs.rel ?? '')
      ? { lang: el.attrs.hreflang, href: el.attrs.href }
      : undefined,
  (el) => (el.tag === 'a' && el.attrs['data-gt-lang'] ? { lang: el.attrs['data-gt-lang'], href: el.attrs.href } : undefined),
  (el) => (el.tag === 'a' && el.attrs.hreflang ? { lang: el.attrs.hreflang, href: el.attrs.href } : undefined),
  (el) => {
    const m = el.attrs.onclick ? GT_CALL.exec(el.attrs.onclick) : null;
    return m ? { lang: m[1], href: el.tag === 'a' ? el.attrs.href : undefined } : undefined;
  },
  (el) => {
    if (el.tag !== 'option' || !el.attrs.value) return undefined;
    const pair = GT_PAIR.exec(el.attrs.value);
    return pair ? { lang: pair[1] } : { href: el.attrs.value };
  },
];

function resolve(href: string | undefined, base: string): string | undefined {
  if (!href || href.startsWith('#') || /^\s*javascript:/i.test(href)) return undefined;
  try {
    return new URL(href, base).href;
  } catch {
    return undefined;
  }
}

/** The edition a candidate names, if it is a usable sibling of the article at `url`. */
function acceptedLang(c: Candidate, url: string): Lang | undefined {
  const target = resolve(c.href, url);
  const lang = canonicalLang(c.lang) ?? (target ? langFromUrl(target) : undefined);
  if (!lang || !isEdition(lang)) return undefined;
  if (target === undefined) return lang; // '#' links: the switcher names the edition, we derive its URL
  const sameArticle = isEuReporterUrl(target) && articlePath(target) === articlePath(url) && langFromUrl(target) === lang;
  return sameArticle ? lang : undefined;
}

/**
 * The article's other editions, lang → URL, from hreflang links and the
 * GTranslate switcher; when the page names none, every edition's derived URL.
 * The page's own edition is left out. Empty when `url` is not an EU Reporter URL.
 */
export function discoverSiblings(root: HtmlElement, url: string): Map<Lang, string> {
  const own = langFromUrl(url);
  const found = new Set<Lang>();
  walk(root, {
    enter: (el) => {
      for (const read of READERS) {
        const c = read(el);
        if (!c) continue;
        const lang = acceptedLang(c, url);
        if (lang) found.add(lang);
        break;
      }
    },
  });
  const langs = found.size > 0 ? EDITION_TAGS.filter((l) => found.has(l)) : EDITION_TAGS;
  const out = new Map<Lang, string>();
  for (const lang of langs) {
    const u = lang === own ? undefined : editionUrl(url, lang);
    if (u) out.set(lang, u);
  }
  return out;
}
