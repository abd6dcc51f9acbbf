// fact-flags: check an EU Reporter article's edition against its other editions
// from the command line. Each argument is a local HTML file or an http(s) URL.
// Given one URL alone, the sibling editions are discovered (hreflang links, the
// GTranslate switcher, else <lang>.eureporter.co/<same path>) and fetched.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { CheckOptions, Flag, Lang, Report } from '../core/types';
import { parseHtml, type HtmlElement } from '../core/html';
import { canonicalUrl, extractArticle, pageLang } from '../core/extract';
import { sentenceBounds } from '../core/wording';
import { DEFAULT_SETTINGS, chooseReferences } from '../shared/settings';
import { decodeHtml } from '../background/charset';
import { discoverSiblings } from '../site/siblings';
import { canonicalLang, isEdition } from '../site/editions';
import { isEuReporterUrl } from '../site/urls';
import { type FailedPage, type Page, checkPages } from './index';

/** Exit codes, as --help documents them. */
const EXIT = { clean: 0, flags: 1, usage: 2, unreadable: 3, notArticle: 4, internal: 5 } as const;

const USAGE = `Usage: fact-flags check <current> [<reference>…] [options]

Checks the figures and names of one edition of an EU Reporter article against
other editions of the same article. Each argument is a local HTML file or an
http(s) URL. With a single URL (or a saved page whose canonical URL is on
eureporter.co) and no references, the other editions are found on the page and
fetched: by default the English, French and German ones.

Options:
  --json            print the report as JSON instead of text
  --refs en,fr,de   reference editions to fetch when none are given (in order of preference)
  --strict          flag only where every comparable reference disagrees
  --timeout <ms>    per-request timeout for fetched pages (default 15000)
  -h, --help        show this help
  -v, --version     show the version

Exit codes:
  0  no disagreement found
  1  flags found
  2  usage error
  3  a file could not be read or a URL could not be fetched
  4  the current page is not an article page
  5  internal error (a bug: please report it with the page)
`;

class CliError extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message);
  }
}

const isUrl = (s: string) => /^https?:\/\//i.test(s);

interface Loaded {
  page: Page;
  root: HtmlElement;
}

/** Fetches a page; `url` is where it ended up after redirects, so a redirect to another article or the home page shows. */
async function fetchPage(url: string, timeoutMs: number): Promise<Page> {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), timeoutMs);
  try {
    const res = await fetch(url, { signal: ctl.signal, redirect: 'follow', headers: { accept: 'text/html' } });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const html = decodeHtml(new Uint8Array(await res.arrayBuffer()), res.headers.get('content-type'));
    return { url: res.url || url, html };
  } catch (e) {
    throw new Error(ctl.signal.aborted ? 'timed out' : e instanceof Error ? e.message : String(e));
  } finally {
    clearTimeout(timer);
  }
}

/** Reads a file or fetches a URL. A saved page names itself by its canonical URL, so its path and edition are the article's. */
async function load(arg: string, timeoutMs: number): Promise<Loaded> {
  if (isUrl(arg)) {
    const page = await fetchPage(arg, timeoutMs).catch((e: Error) => {
      throw new CliError(`fact-flags: cannot fetch ${arg}: ${e.message}`, EXIT.unreadable);
    });
    return { page, root: parseHtml(page.html) };
  }
  const bytes = await readFile(arg).catch((e: NodeJS.ErrnoException) => {
    throw new CliError(`fact-flags: cannot read ${arg}: ${e.code ?? e.message}`, EXIT.unreadable);
  });
  const html = decodeHtml(new Uint8Array(bytes), null);
  const root = parseHtml(html);
  return { page: { url: canonicalUrl(root) ?? pathToFileURL(arg).href, html }, root };
}

/** Runs `tasks` at most `limit` at a time, results in input order. */
async function pool<T>(tasks: (() => Promise<T>)[], limit: number): Promise<T[]> {
  const out = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      out[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return out;
}

const MAX_PARALLEL = 3;

/** Fetches the chosen sibling editions, reporting each on stderr; failures become FailedPages, never exceptions. */
async function fetchSiblings(current: Loaded, refs: Lang[], timeoutMs: number): Promise<(Page | FailedPage)[]> {
  const siblings = discoverSiblings(current.root, current.page.url);
  const chosen = chooseReferences({ ...DEFAULT_SETTINGS, references: refs }, pageLang(current.root, current.page.url), new Set(siblings.keys()));
  if (chosen.length === 0) throw new CliError('fact-flags: no other edition of this article to compare with', EXIT.unreadable);
  process.stderr.write(`fact-flags: fetching ${chosen.join(', ')}\n`);
  return pool(
    chosen.map((lang) => async () => {
      const url = siblings.get(lang) as string;
      const t0 = Date.now();
      try {
        const page = await fetchPage(url, timeoutMs);
        process.stderr.write(`  ${lang}  ok (${Date.now() - t0} ms)  ${url}\n`);
        return page;
      } catch (e) {
        const error = (e as Error).message === 'timed out' ? 'timed out' : 'not reachable';
        process.stderr.write(`  ${lang}  ${error}  ${url}\n`);
        return { url, lang, error };
      }
    }),
    MAX_PARALLEL,
  );
}

// ---------------------------------------------------------------- output for people

interface Style {
  mark: (s: string) => string;
  dim: (s: string) => string;
}

const TTY_STYLE: Style = { mark: (s) => `\x1b[4;1m${s}\x1b[0m`, dim: (s) => `\x1b[2m${s}\x1b[0m` };
const PLAIN_STYLE: Style = { mark: (s) => `»${s}«`, dim: (s) => s };

const KIND_WORDS: Record<Flag['kind'], string> = {
  figure: 'figure differs',
  order: 'figures exchanged',
  missing: 'figure missing',
  name: 'name not in the other editions',
};

/** The sentence of the paragraph holding the flag, with the flagged range marked. */
function markedSentence(paragraph: string, f: Flag, style: Style): string {
  const s = sentenceBounds(paragraph).find((b) => b.start <= f.start && f.start <= b.end) ?? { start: 0, end: paragraph.length };
  const marked = f.end > f.start ? style.mark(paragraph.slice(f.start, f.end)) : style.mark('‸');
  return paragraph.slice(s.start, f.start) + marked + paragraph.slice(f.end, s.end);
}

function formatReport(report: Report, style: Style): string {
  const lines: string[] = [];
  const refs = report.references.map((r) => (r.status === 'ok' ? r.lang : `${r.lang} (${r.reason ?? r.status})`)).join(', ');
  lines.push(`${report.lang} edition, ${report.paragraphs.length} paragraphs, compared with ${refs || 'no edition'}`);
  if (report.flags.length === 0) lines.push('No disagreement found.');
  else lines.push(`${report.flags.length} flag${report.flags.length === 1 ? '' : 's'}:`);
  for (const f of report.flags) {
    lines.push('', `[${f.paragraph === 0 ? 'title' : `paragraph ${f.paragraph}`}] ${KIND_WORDS[f.kind]}: ${f.message}`);
    lines.push(`  ${report.lang}: ${markedSentence(report.paragraphs[f.paragraph] ?? '', f, style)}`);
    for (const e of f.evidence) lines.push(style.dim(`  ${e.lang}: ${e.text}`));
  }
  return lines.join('\n') + '\n';
}

// ---------------------------------------------------------------- main

function parseRefs(value: string | undefined): Lang[] {
  if (value === undefined) return [...DEFAULT_SETTINGS.references];
  const langs = value.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = langs.filter((l) => !isEdition(canonicalLang(l) ?? ''));
  if (langs.length === 0 || bad.length > 0) throw new CliError(`fact-flags: --refs: not an EU Reporter edition: ${bad.join(', ') || value}`, EXIT.usage);
  return langs.map((l) => canonicalLang(l) as Lang);
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        refs: { type: 'string' },
        strict: { type: 'boolean' },
        timeout: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new CliError(`fact-flags: ${(e as Error).message}\n${USAGE}`, EXIT.usage);
  }
  const { values, positionals } = args;
  if (values.help) return void process.stdout.write(USAGE), EXIT.clean;
  if (values.version) return void process.stdout.write(version() + '\n'), EXIT.clean;
  const [command, currentArg, ...refArgs] = positionals;
  if (command !== 'check' || !currentArg) throw new CliError(`fact-flags: expected "check <current> [<reference>…]"\n\n${USAGE}`, EXIT.usage);
  const timeoutMs = values.timeout === undefined ? 15_000 : Number(values.timeout);
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new CliError('fact-flags: --timeout must be a positive number of milliseconds', EXIT.usage);
  const refLangs = parseRefs(values.refs);
  const options: CheckOptions = { strictness: values.strict ? 'all' : 'majority' };

  const current = await load(currentArg, timeoutMs);
  if (!extractArticle(current.root, current.page.url)) throw new CliError(`fact-flags: ${currentArg} is not an article page`, EXIT.notArticle);

  let refs: (Page | FailedPage)[];
  if (refArgs.length > 0) refs = (await pool(refArgs.map((a) => () => load(a, timeoutMs)), MAX_PARALLEL)).map((l) => l.page);
  else if (isEuReporterUrl(current.page.url)) refs = await fetchSiblings(current, refLangs, timeoutMs);
  else throw new CliError('fact-flags: no references given, and the page has no EU Reporter URL to find its other editions from', EXIT.usage);

  const report = checkPages(current.page, refs, options);
  const style = process.stdout.isTTY ? TTY_STYLE : PLAIN_STYLE;
  process.stdout.write(values.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report, style));
  return report.flags.length > 0 ? EXIT.flags : EXIT.clean;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write((e instanceof CliError ? e.message : `fact-flags: ${e instanceof Error ? e.stack : String(e)}`) + '\n');
    process.exitCode = e instanceof CliError ? e.code : EXIT.internal;
  },
);
