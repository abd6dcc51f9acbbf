// The CLI, spawned as users run it: bundled the way build.mjs bundles it (ESM,
// platform node, shebang), against temporary HTML files and local HTTP servers.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/core/types';
import { renderArticlePage, renderCategoryPage, renderHomePage } from '../fixtures/render';
import { checkEditions } from '../../src/node/index';

const ROOT = process.cwd();
const meta = JSON.parse(readFileSync('test/fixtures/seed/article.json', 'utf8')) as { path: string; published: string };
const EDITIONS = ['az', 'sw', 'en', 'fr', 'de'];
const originOf = (lang: string) => `https://${lang === 'en' ? 'www' : lang}.eureporter.co`;

/** The seed article's edition as EU Reporter serves it; `noise` varies the sidebar, `origin` where it claims to live. */
function seedHtml(lang: string, noise = 1, origin = originOf(lang)): string {
  const [title, ...paragraphs] = readFileSync(`test/fixtures/seed/${lang}.txt`, 'utf8').trim().split(/\n\s*\n/);
  const siblings = Object.fromEntries(EDITIONS.map((l) => [l, originOf(l) + meta.path]));
  return renderArticlePage({ lang, url: origin + meta.path, title, paragraphs, published: meta.published, noiseSeed: noise, siblings });
}

let dir: string;
let cli: string;
let preload: string;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], opts: { preload?: boolean } = {}): Promise<Run> {
  const nodeArgs = opts.preload ? ['--import', preload, cli, ...args] : [cli, ...args];
  return new Promise((resolve) => {
    execFile(process.execPath, nodeArgs, { cwd: dir, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}

function file(name: string, html: string): string {
  const p = join(dir, name);
  writeFileSync(p, html);
  return p;
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const portOf = (s: Server) => (s.address() as AddressInfo).port;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fact-flags-cli-'));
  mkdirSync(join(dir, 'dist', 'node'), { recursive: true });
  cli = join(dir, 'dist', 'node', 'cli.js');
  // Same shape as build.mjs's Node bundle, but self-contained so it runs outside the checkout.
  await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/node/cli.ts'],
    outfile: cli,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    logLevel: 'error',
  });
  // The CLI reads its version from the package.json two levels above it, as in the checkout.
  writeFileSync(join(dir, 'package.json'), readFileSync(join(ROOT, 'package.json')));
  // Test-only name resolution: *.eureporter.co → loopback, as the e2e tests do for browsers.
  preload = join(dir, 'resolve-loopback.mjs');
  writeFileSync(
    preload,
    `import dns from 'node:dns';
const lookup = dns.lookup;
dns.lookup = function (host, options, callback) {
  if (!/(^|\\.)eureporter\\.co$/i.test(host)) return lookup.apply(this, arguments);
  const cb = typeof options === 'function' ? options : callback;
  const all = typeof options === 'object' && options && options.all;
  process.nextTick(() => (all ? cb(null, [{ address: '127.0.0.1', family: 4 }]) : cb(null, '127.0.0.1', 4)));
};
`,
  );
}, 60_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('usage', () => {
  it('--help documents the exit codes and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: fact-flags check <current>');
    for (const code of ['0  no disagreement', '1  flags found', '2  usage error', '3  a file could not be read', '4  the current page is not an article']) {
      expect(r.stdout).toContain(code);
    }
  });

  it('--version prints the package version', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version);
  });

  it.each([[[]], [['check']], [['compare', 'a.html']], [['check', 'a.html', '--bogus']], [['check', 'a.html', '--refs', 'en,xx']], [['check', 'a.html', '--timeout', 'soon']]])(
    'exits 2 on %j',
    async (args) => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/^fact-flags: /);
    },
  );
});

describe('local files', () => {
  it('flags the scrambled figures of the Azerbaijani edition, marked, with what the Swahili edition says', async () => {
    const r = await run(['check', file('az.html', seedHtml('az')), file('sw.html', seedHtml('sw', 2))]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^az edition, 5 paragraphs, compared with sw\n/);
    for (const figure of ['»303%«', '»2022 milyon dollar«']) expect(r.stdout).toContain(figure);
    expect(r.stdout).toMatch(/\n {2}sw: .*303/);
  });

  it('--json prints the report', async () => {
    const r = await run(['check', '--json', file('az.html', seedHtml('az')), file('sw.html', seedHtml('sw', 2))]);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.lang).toBe('az');
    expect(report.paragraphs).toHaveLength(5);
    expect(report.references).toMatchObject([{ lang: 'sw', status: 'ok', url: `https://sw.eureporter.co${meta.path}` }]);
    const figures = report.flags.filter((f) => f.kind === 'figure').map((f) => f.text);
    expect(figures).toContain('303%');
    for (const f of report.flags) expect(f.text).toBe(report.paragraphs[f.paragraph].slice(f.start, f.end));
  });

  it('exits 0 when the editions agree, even with different sidebar noise', async () => {
    const r = await run(['check', file('sw.html', seedHtml('sw', 1)), file('sw-copy.html', seedHtml('sw', 99))]);
    expect(r.stdout).toContain('No disagreement found.');
    expect(r.code).toBe(0);
  });

  it('exits 3 with one line for an unreadable file', async () => {
    const r = await run(['check', join(dir, 'missing.html'), file('sw.html', seedHtml('sw'))]);
    expect(r.code).toBe(3);
    expect(r.stderr.trim().split('\n')).toEqual([`fact-flags: cannot read ${join(dir, 'missing.html')}: ENOENT`]);
  });

  it('exits 4 when the current page is not an article', async () => {
    const cat = renderCategoryPage({ lang: 'az', url: 'https://az.eureporter.co/category/belgium/', stories: [], category: 'Belçika' });
    const r = await run(['check', file('cat.html', cat), file('sw.html', seedHtml('sw'))]);
    expect(r.code).toBe(4);
    expect(r.stderr).toContain('is not an article page');
  });

  it('reports a reference that is not an article, and compares with the others', async () => {
    const cat = renderCategoryPage({ lang: 'fr', url: 'https://fr.eureporter.co/category/belgique/', stories: [], category: 'Belgique' });
    const r = await run(['check', '--json', file('az.html', seedHtml('az')), file('cat.html', cat), file('sw.html', seedHtml('sw'))]);
    const report = JSON.parse(r.stdout) as Report;
    expect(report.references.map((x) => [x.lang, x.status, x.reason])).toEqual([
      ['fr', 'error', 'not an article'],
      ['sw', 'ok', undefined],
    ]);
    expect(r.code).toBe(1);
  });

  it('exits 2 for a local file without references or an EU Reporter URL to find them', async () => {
    const html = seedHtml('az').replace(/<link rel="canonical"[^>]*>|<meta property="og:url"[^>]*>/g, '');
    const r = await run(['check', file('anon.html', html)]);
    expect(r.code).toBe(2);
  });
});

describe('URLs', () => {
  const servers: Server[] = [];
  afterAll(() => servers.forEach((s) => s.close()));

  /**
   * Serves the seed editions by Host subdomain, like the real site; `fail` lists
   * editions that answer 500, `moved` those that redirect to their home page.
   */
  async function eureporter(fail: string[] = [], moved: string[] = []): Promise<number> {
    const server = await listen((req, res) => {
      const label = (req.headers.host ?? '').split('.')[0];
      const lang = label === 'www' ? 'en' : label;
      if (req.url === '/') {
        res.writeHead(200, { 'content-type': 'text/html' }).end(renderHomePage({ lang, url: `http://${req.headers.host}/`, stories: [] }));
        return;
      }
      if (moved.includes(lang)) {
        res.writeHead(302, { location: '/' }).end();
        return;
      }
      if (req.url !== meta.path || !EDITIONS.includes(lang) || fail.includes(lang)) {
        res.writeHead(fail.includes(lang) ? 500 : 404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(seedHtml(lang, lang.length));
    });
    servers.push(server);
    return portOf(server);
  }

  it('with one URL, discovers the sibling editions, fetches en, fr, de with progress on stderr, and checks', async () => {
    const port = await eureporter();
    const r = await run(['check', '--json', `http://az.eureporter.co:${port}${meta.path}`], { preload: true });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.references.map((x) => [x.lang, x.status, x.url])).toEqual(
      ['en', 'fr', 'de'].map((l) => [l, 'ok', `http://${l === 'en' ? 'www' : l}.eureporter.co:${port}${meta.path}`]),
    );
    expect(r.stderr).toContain('fetching en, fr, de');
    expect(r.stderr).toMatch(/ {2}fr {2}ok \(\d+ ms\)/);
    expect(report.flags.some((f) => f.text === '303%')).toBe(true);
    expect(r.code).toBe(1);
  });

  it('--refs chooses the editions; one that fails is reported, not fatal', async () => {
    const port = await eureporter(['fr']);
    const r = await run(['check', `http://az.eureporter.co:${port}${meta.path}`, '--refs', 'fr,sw'], { preload: true });
    expect(r.stderr).toMatch(/ {2}fr {2}not reachable/);
    expect(r.stdout).toMatch(/compared with fr \(not reachable\), sw\n/);
    expect(r.code).toBe(1);
  });

  it('follows redirects, so an edition that redirects to its home page is reported as not an article', async () => {
    const port = await eureporter([], ['de']);
    const r = await run(['check', '--json', `http://az.eureporter.co:${port}${meta.path}`], { preload: true });
    const report = JSON.parse(r.stdout) as Report;
    expect(report.references.map((x) => [x.lang, x.status, x.reason, x.url])).toContainEqual(['de', 'error', 'not an article', `http://de.eureporter.co:${port}/`]);
    expect(r.code).toBe(1);
  });

  it('exits 3 when the current URL cannot be fetched or times out', async () => {
    const closed = await listen(() => undefined);
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    const refused = await run(['check', `http://127.0.0.1:${port}${meta.path}`]);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toMatch(/^fact-flags: cannot fetch http:\/\/127\.0\.0\.1/);

    const silent = await listen(() => undefined); // accepts, never answers
    servers.push(silent);
    const slow = await run(['check', '--timeout', '300', `http://127.0.0.1:${portOf(silent)}${meta.path}`]);
    expect(slow.code).toBe(3);
    expect(slow.stderr).toContain('timed out');
  });

  it('exits 3 when a reference URL given on the command line answers 404', async () => {
    const port = await eureporter();
    const r = await run(['check', file('az.html', seedHtml('az')), `http://ja.eureporter.co:${port}${meta.path}`], { preload: true });
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('HTTP 404');
  });
});

describe('checkEditions, the Node API behind the CLI', () => {
  const page = (lang: string, noise = 1) => ({ url: originOf(lang) + meta.path, html: seedHtml(lang, noise) });
  const category = (lang: string) => {
    const url = `${originOf(lang)}/category/belgium/`;
    return { url, html: renderCategoryPage({ lang, url, stories: [], category: 'Belgium' }) };
  };

  it('returns the report synchronously, and awaiting it works too', async () => {
    const report = checkEditions(page('az'), [page('sw')]);
    expect(report.paragraphs).toHaveLength(5);
    expect(report.flags.map((f) => f.text)).toContain('303%');
    expect(await checkEditions(page('az'), [page('sw')])).toEqual(report);
  });

  it('reports a reference page that is not an article as an error, never comparing it', () => {
    const report = checkEditions(page('az'), [category('fr'), page('sw')]);
    expect(report.references.map((r) => [r.lang, r.status, r.reason])).toEqual([
      ['fr', 'error', 'not an article'],
      ['sw', 'ok', undefined],
    ]);
    expect(report.flags.every((f) => f.evidence.every((e) => e.lang === 'sw'))).toBe(true);
  });

  it('gives no paragraphs and no flags when the current page is not an article, listing the references', () => {
    const report = checkEditions(category('az'), [page('sw'), category('fr')]);
    expect(report).toEqual({
      lang: 'az',
      paragraphs: [],
      flags: [],
      references: [
        { url: page('sw').url, lang: 'sw', status: 'error', reason: 'not compared: the current page is not an article' },
        { url: category('fr').url, lang: 'fr', status: 'error', reason: 'not an article' },
      ],
    });
  });
});
