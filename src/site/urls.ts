// EU Reporter's URLs: which host is which edition, where a sibling edition of
// an article lives, and which paths are articles rather than listings.
import type { Lang } from '../core/types';
import { canonicalLang, isEdition } from './editions';

const SITE_HOST = 'eureporter.co';

/** The English original lives on www (and the bare domain); every other edition on its language's subdomain. */
const ENGLISH_HOSTS: ReadonlySet<string> = new Set(['www', '']);

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

const isWeb = (u: URL) => u.protocol === 'https:' || u.protocol === 'http:';

/** The subdomain label below eureporter.co ('' for the bare domain), or undefined for another site. */
function subdomain(u: URL): string | undefined {
  const host = u.hostname.toLowerCase().replace(/\.$/, '');
  if (host === SITE_HOST) return '';
  if (!host.endsWith('.' + SITE_HOST)) return undefined;
  const label = host.slice(0, -SITE_HOST.length - 1);
  return label.includes('.') ? undefined : label;
}

/** An http(s) URL on eureporter.co or one of its subdomains (any port, so local mirrors count). */
export function isEuReporterUrl(url: string): boolean {
  const u = parse(url);
  return !!u && isWeb(u) && subdomain(u) !== undefined;
}

/** The edition a URL belongs to, by its host: 'az.eureporter.co' → 'az', 'www' or bare → 'en'; undefined off-site or for a non-edition subdomain. */
export function langFromUrl(url: string): Lang | undefined {
  const u = parse(url);
  if (!u || !isWeb(u)) return undefined;
  const label = subdomain(u);
  if (label === undefined) return undefined;
  if (ENGLISH_HOSTS.has(label)) return 'en';
  const lang = canonicalLang(label);
  return lang && isEdition(lang) ? lang : undefined;
}

/** Host label of an edition: 'www' for English, the Google Translate code otherwise (hosts are case-insensitive; URL lower-cases them). */
const editionLabel = (lang: Lang) => (lang === 'en' ? 'www' : lang);

/**
 * The same article in another edition: `https://<lang>.eureporter.co/<same path>`
 * (`www` for English). Scheme and port are kept so a local mirror works; query
 * and fragment are dropped. Undefined when the input is not an EU Reporter URL
 * or `lang` is not an edition.
 */
export function editionUrl(articleUrl: string, lang: Lang): string | undefined {
  const u = parse(articleUrl);
  const tag = canonicalLang(lang);
  if (!u || !isWeb(u) || subdomain(u) === undefined || !tag || !isEdition(tag)) return undefined;
  const out = new URL(u.href);
  out.hostname = `${editionLabel(tag)}.${SITE_HOST}`;
  out.pathname = normalisePath(u.pathname);
  out.search = '';
  out.hash = '';
  return out.href;
}

/**
 * The path that names an article in every edition: '//a/b' and '/a/b' both → '/a/b/'.
 * Percent-encoding is upper-cased so 'caf%c3%a9' and 'caf%C3%A9' compare equal.
 */
export function normalisePath(pathname: string): string {
  let p = pathname.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase()).replace(/\/{2,}/g, '/');
  if (!p.startsWith('/')) p = '/' + p;
  return p.endsWith('/') ? p : p + '/';
}

/** The article path of a URL, or '' when the URL is not http(s) (a local file names no article). */
export function articlePath(url: string): string {
  const u = parse(url);
  return u && isWeb(u) ? normalisePath(u.pathname) : '';
}

/** Paths that are never a single article: WordPress listings, archives, feeds, admin and API endpoints. */
const NOT_ARTICLE_PATHS: readonly RegExp[] = [
  /^\/$/, // the home page
  /^\/(category|tag|author|search|topics?)\//i, // archives and listings
  /(^|\/)page\/\d+\/$/i, // paginated listings: /page/2/, /category/x/page/3/
  /(^|\/)(feed|rss|atom)\/$/i, // feeds, also /category/x/feed/
  /^\/(wp-admin|wp-json|wp-content|wp-includes|xmlrpc\.php|wp-login\.php|wp-cron\.php)(\/|$)/i,
  /^\/\d{4}\/(\d{2}\/){0,2}$/, // date archives: /2024/, /2024/10/, /2024/10/21/
  /^\/(contact-us|about|about-us|privacy-policy|cookie-policy|terms|advertise|subscribe|newsletter)\/$/i,
];

/** Query parameters that turn any path into a search or an admin view. */
const NOT_ARTICLE_QUERY: readonly string[] = ['s', 'feed', 'preview'];

/** Whether a URL can be an article page: not the home page, a category, tag, author or date archive, search, feed, admin or API. */
export function isArticlePath(url: string): boolean {
  const u = parse(url);
  if (!u || !isWeb(u)) return false;
  const path = normalisePath(u.pathname);
  if (NOT_ARTICLE_PATHS.some((re) => re.test(path))) return false;
  return !NOT_ARTICLE_QUERY.some((k) => u.searchParams.has(k));
}
