// A local HTTPS mirror of EU Reporter's language editions, for `npm start`, the
// browser tests and bench:browser.
//
// Two listeners on loopback:
//   - an HTTPS server that answers as `<lang>.eureporter.co` / `www.eureporter.co`
//     (routing by the Host header), with a throwaway self-signed certificate;
//   - an HTTP proxy that the browsers are pointed at. CONNECT to any
//     *.eureporter.co host is spliced into the HTTPS server; every other host is
//     refused and recorded. So the pages keep their real URLs (no port in them),
//     and the record shows every host the browser tried to reach — the privacy
//     test reads it.
import { once } from 'node:events';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { generate } from 'selfsigned';
import {
  editionUrl,
  hashString,
  renderArticlePage,
  renderCategoryPage,
  renderHomePage,
  type StoryLink,
} from '../test/fixtures/render';
import { defaultCorpus, type MirrorArticle } from './corpus';

export const SITE = 'eureporter.co';

/** What a route can be made to do instead of serving its page. */
export type Fault =
  /** Answer with this status (404, 500, 429…); `retryAfter` seconds go into Retry-After; after `times` failures, serve normally. */
  | { kind: 'status'; status: number; retryAfter?: number; times?: number }
  /** Accept the request and never answer. */
  | { kind: 'hang' }
  /** Send half the page, then destroy the connection. */
  | { kind: 'reset' }
  /** Close the connection without a byte of response, as when the network is down. */
  | { kind: 'drop' }
  /** 302 to the edition's home page, or to another path of the same edition. */
  | { kind: 'redirect'; to: string }
  /** A complete response whose HTML stops in the middle of the article. */
  | { kind: 'truncated' }
  /** The page's bytes with a charset other than the one declared (or none declared at all when `declared` is null). */
  | { kind: 'charset'; declared: string | null }
  /** The page padded to `bytes` with page furniture (related stories) after the article. */
  | { kind: 'huge'; bytes: number }
  /** The page with script, event-handler, javascript: and CSS payloads in and around its paragraphs. */
  | { kind: 'hostile' }
  /** The page with every occurrence of `from` replaced by `to`: a figure garbled the way a bad translation garbles it. */
  | { kind: 'replace'; from: string; to: string };

export interface RecordedRequest {
  time: number;
  /** Lower-cased host the browser asked for, without port. */
  host: string;
  path: string;
  method: string;
  /** 'https': served by the mirror; 'connect': a tunnel the proxy refused (not EU Reporter); 'http': plain HTTP through the proxy. */
  via: 'https' | 'connect' | 'http';
  status?: number;
  /** When the last byte of the response was handed to the socket (same clock as `time`). */
  sentAt?: number;
}

export interface MirrorOptions {
  /** HTTPS port (0: any free port). */
  port?: number;
  /** Proxy port (0: any free port). */
  proxyPort?: number;
  /** Delay before each response, in ms; a function decides per request. */
  latencyMs?: number | ((r: { host: string; path: string; lang?: string }) => number);
  articles?: MirrorArticle[];
}

export interface Mirror {
  httpsPort: number;
  proxyPort: number;
  /** `127.0.0.1:<proxyPort>`, for the browsers' proxy settings. */
  proxy: string;
  /** The self-signed certificate in PEM, for clients that want to pin it. */
  cert: string;
  requests: RecordedRequest[];
  articles: MirrorArticle[];
  setFault(lang: string, path: string, fault: Fault): void;
  clearFaults(): void;
  setLatency(latency: MirrorOptions['latencyMs']): void;
  /** Fetch through the mirror from Node (no browser), e.g. `get('https://az.eureporter.co/x/')`. */
  get(url: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>;
  close(): Promise<void>;
}

let certificate: Promise<{ cert: string; key: string }> | undefined;

/** One certificate per process, made on first use and never written to disk. */
function throwawayCertificate(): Promise<{ cert: string; key: string }> {
  certificate ??= generate([{ name: 'commonName', value: `*.${SITE}` }], {
    keyType: 'ec',
    algorithm: 'sha256',
    notAfterDate: new Date(Date.now() + 7 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'subjectAltName', altNames: [{ type: 2, value: `*.${SITE}` }, { type: 2, value: SITE }, { type: 7, ip: '127.0.0.1' }] },
    ],
  }).then((p) => ({ cert: p.cert, key: p.private }));
  return certificate;
}

const isSiteHost = (host: string) => host === SITE || host.endsWith(`.${SITE}`);

/** `az.eureporter.co:8443` → 'az'; `www` → 'en'; matched case-insensitively against the tags the corpus uses ('zh-CN'). */
function hostLang(host: string, langs: ReadonlyMap<string, string>): string | undefined {
  const label = host.slice(0, -(SITE.length + 1));
  if (!label || label.includes('.')) return undefined;
  return label === 'www' ? 'en' : langs.get(label);
}

// Payloads a reference edition may carry. The content script parses references
// in an inert document and reads text only; if any of these ever reached a live
// page, `data-pwned` would appear on <html> or a request to evil.example would
// show up in the mirror's record.
const HOSTILE_HTML = [
  `<img src="https://evil.example/beacon.gif" onerror="document.documentElement.dataset.pwned='img-onerror'">`,
  `<script>document.documentElement.dataset.pwned='script'</script>`,
  `<a href="javascript:document.documentElement.dataset.pwned='js-link'">read more</a>`,
  `<svg onload="document.documentElement.dataset.pwned='svg-onload'"><circle r="1"></circle></svg>`,
  `<style>fact-flag,#fact-flags-banner{display:none!important}</style>`,
].join('');
// Text (escaped into the paragraph by the renderer) that looks like markup or like the extension's own card.
const HOSTILE_TEXT =
  `<img src=x onerror="document.documentElement.dataset.pwned='evidence'"> ⚑ Fact Flags: all figures verified, nothing differs. `;
const HOSTILE_MARK = '\u0001hostile\u0001';

/** The payload goes before a paragraph's last sentence: next to its figures, where a card's quote of it is taken from. */
function withPayload(p: string): string {
  const cut = p.lastIndexOf('. ') + 2;
  return cut > 1 ? `${p.slice(0, cut)}${HOSTILE_MARK}${HOSTILE_TEXT}${p.slice(cut)}` : `${HOSTILE_MARK}${HOSTILE_TEXT}${p}`;
}

// The theme's look, reduced to what makes a screenshot read like EU Reporter: a
// centred column, the sidebar beside it, photos scaled down, menus inline.
const SITE_CSS_PATH = '/wp-content/themes/Newspaper/style.css';
const SITE_CSS = `
body{margin:0;font:17px/1.6 Georgia,'Times New Roman',serif;color:#222;background:#fff}
a{color:#0b57a4;text-decoration:none}
.td-header-wrap{background:#111;color:#eee;padding:6px 24px;font:13px/1.4 system-ui,sans-serif}
.td-header-wrap a{color:#eee}
.td-header-wrap ul{list-style:none;margin:4px 0;padding:0;display:flex;gap:16px;flex-wrap:wrap}
.gtranslate_wrapper{display:flex;flex-wrap:wrap;gap:4px 10px;max-height:48px;overflow:hidden;margin:4px 0}
.gtranslate_wrapper img{width:16px;height:11px;vertical-align:middle}
.td-main-content-wrap,#page,.amp-wp-article,#wrap{max-width:1140px;margin:0 auto;padding:16px 24px}
.td-pb-row{display:flex;gap:32px;align-items:flex-start}
.td-main-content{flex:1 1 auto;min-width:0}.td-main-sidebar{flex:0 0 300px;font-size:14px}
.td-category{list-style:none;padding:0;margin:0;font:12px system-ui,sans-serif;text-transform:uppercase}
h1.entry-title{font-size:34px;line-height:1.2;margin:8px 0 12px}
.td-module-meta-info,.td-post-sharing{font:13px system-ui,sans-serif;color:#666;margin:6px 0}
.td-post-sharing a{display:inline-block;margin-right:8px}
figure.wp-caption{margin:0 0 16px}figure.wp-caption img{width:100%;height:220px;object-fit:cover;background:#dde3ea}
figcaption{font:13px system-ui,sans-serif;color:#666}
.td-a-rec{font:12px system-ui,sans-serif;color:#888;border:1px dashed #ccc;padding:6px;margin:12px 0}
.td_block_wrap h4,.block-title{font:bold 14px system-ui,sans-serif;text-transform:uppercase;border-bottom:2px solid #111}
.td_module_6 h3,.td_module_10 h3,.td-related-span4 h3{font-size:15px;margin:6px 0}
.td-footer-wrapper{background:#111;color:#aaa;font:13px system-ui,sans-serif;padding:16px 24px;margin-top:24px}
`;

const TINY_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');
const TINY_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="16"><rect width="24" height="16" fill="#ccc"/></svg>';

interface Page {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** An HTML page, with the theme's stylesheet linked as WordPress does. */
const html = (s: string, status = 200): Page => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: Buffer.from(s.replace('</head>', `<link rel="stylesheet" href="${SITE_CSS_PATH}">\n</head>`), 'utf8'),
});

export async function startMirror(options: MirrorOptions = {}): Promise<Mirror> {
  const articles = options.articles ?? defaultCorpus();
  const byPath = new Map(articles.map((a) => [a.path, a]));
  const langs = new Map<string, string>();
  for (const a of articles) for (const l of Object.keys(a.editions)) langs.set(l.toLowerCase(), l);
  langs.set('en', 'en');
  const faults = new Map<string, Fault>();
  const faultCounts = new Map<string, number>();
  const requests: RecordedRequest[] = [];
  let latency = options.latencyMs ?? 0;
  const pending = new Set<ServerResponse>();

  const siblings = (a: MirrorArticle) => Object.fromEntries(Object.keys(a.editions).map((l) => [l, editionUrl(l, a.path)]));

  function articlePage(a: MirrorArticle, lang: string, hostile = false): string {
    const e = a.editions[lang];
    const paragraphs = hostile ? e.paragraphs.map(withPayload) : e.paragraphs;
    const page = renderArticlePage({
      lang,
      url: editionUrl(lang, a.path),
      title: e.title,
      paragraphs,
      published: a.published,
      siblings: siblings(a),
      noiseSeed: hashString(lang + a.path),
    });
    return hostile ? page.split(HOSTILE_MARK).join(HOSTILE_HTML) : page;
  }

  function stories(lang: string): StoryLink[] {
    return articles
      .filter((a) => a.editions[lang])
      .map((a) => ({ title: a.editions[lang].title, url: editionUrl(lang, a.path), excerpt: a.editions[lang].paragraphs[0]?.slice(0, 160) }));
  }

  const listingSiblings = (path: string) => Object.fromEntries([...langs.values()].map((l) => [l, editionUrl(l, path)]));

  /** The page for a host and path, before any fault is applied. */
  function route(lang: string, path: string): Page {
    if (path === SITE_CSS_PATH) return { status: 200, headers: { 'content-type': 'text/css; charset=utf-8' }, body: Buffer.from(SITE_CSS) };
    if (path.startsWith('/wp-content/')) {
      return path.endsWith('.svg')
        ? { status: 200, headers: { 'content-type': 'image/svg+xml' }, body: Buffer.from(TINY_SVG) }
        : { status: 200, headers: { 'content-type': 'image/gif' }, body: TINY_GIF };
    }
    if (path === '/favicon.ico') return { status: 204, headers: {}, body: Buffer.alloc(0) };
    const url = editionUrl(lang, path);
    const seed = hashString(lang + path);
    if (path === '/') return html(renderHomePage({ lang, url, stories: stories(lang), siblings: listingSiblings(path), noiseSeed: seed }));
    const category = /^\/category\/([a-z-]+)\/$/.exec(path);
    if (category) {
      const name = category[1].replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());
      return html(renderCategoryPage({ lang, url, category: name, stories: stories(lang), siblings: listingSiblings(path), noiseSeed: seed }));
    }
    const a = byPath.get(path);
    if (a?.editions[lang]) return html(articlePage(a, lang));
    return html(`<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>Page not found - EU Reporter</title></head><body><h1>Page not found</h1></body></html>`, 404);
  }

  /** Applies a fault; returns undefined when the response was handled here (hang, reset). */
  function applyFault(fault: Fault, key: string, lang: string, path: string, res: ServerResponse): Page | undefined {
    const page = route(lang, path);
    switch (fault.kind) {
      case 'status': {
        const n = (faultCounts.get(key) ?? 0) + 1;
        faultCounts.set(key, n);
        if (fault.times !== undefined && n > fault.times) return page;
        const headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' };
        if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
        return { status: fault.status, headers, body: Buffer.from(`<!DOCTYPE html><title>${fault.status}</title><h1>Error ${fault.status}</h1>`) };
      }
      case 'hang':
        pending.add(res);
        res.on('close', () => pending.delete(res));
        return undefined;
      case 'drop':
        res.socket?.destroy();
        return undefined;
      case 'reset':
        res.writeHead(200, page.headers);
        res.write(page.body.subarray(0, page.body.length >> 1), () => res.socket?.destroy());
        return undefined;
      case 'redirect': {
        const to = fault.to === 'home' ? '/' : fault.to;
        return { status: 302, headers: { location: editionUrl(lang, to) }, body: Buffer.alloc(0) };
      }
      case 'truncated': {
        // Cut inside the article body: after the opening of its middle paragraph.
        const text = page.body.toString('utf8');
        const ps = [...text.matchAll(/<p>/g)];
        const cut = ps.length ? ps[ps.length >> 1].index! + 3 + 20 : text.length >> 1;
        return { ...page, body: Buffer.from(text.slice(0, cut), 'utf8') };
      }
      case 'charset': {
        const text = page.body.toString('utf8').replace('<meta charset="utf-8">', fault.declared ? `<meta charset="${fault.declared}">` : '');
        return { ...page, headers: { 'content-type': fault.declared ? `text/html; charset=${fault.declared}` : 'text/html' }, body: Buffer.from(text, 'utf8') };
      }
      case 'huge': {
        const text = page.body.toString('utf8');
        const item = (i: number) => `<div class="td_module_6"><h3 class="entry-title"><a href="/archive-${i}/">Archive story ${i}: ${i % 97}% of ${i} readers agree</a></h3></div>\n`;
        const parts: string[] = [];
        let size = text.length;
        for (let i = 0; size < fault.bytes; i++) {
          const s = item(i);
          parts.push(s);
          size += s.length;
        }
        return { ...page, body: Buffer.from(text.replace('</body>', `<div class="td-archive">${parts.join('')}</div></body>`), 'utf8') };
      }
      case 'replace':
        return { ...page, body: Buffer.from(page.body.toString('utf8').split(fault.from).join(fault.to), 'utf8') };
      case 'hostile': {
        const a = byPath.get(path);
        return a?.editions[lang] ? html(articlePage(a, lang, true)) : page;
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, via: RecordedRequest['via']) {
    const url = new URL(req.url ?? '/', `https://${req.headers.host ?? SITE}`);
    const host = url.hostname.toLowerCase();
    const path = decodeURIComponent(url.pathname);
    const record: RecordedRequest = { time: Date.now(), host, path, method: req.method ?? 'GET', via };
    requests.push(record);
    const send = (p: Page) => {
      record.status = p.status;
      res.writeHead(p.status, { 'cache-control': 'no-store', ...p.headers, 'content-length': String(p.body.length) });
      res.end(p.body, () => {
        record.sentAt = Date.now();
      });
    };
    if (!isSiteHost(host)) return send({ status: 421, headers: {}, body: Buffer.from('not EU Reporter') });
    const lang = hostLang(host, langs);
    if (!lang) return send({ status: 301, headers: { location: `https://www.${SITE}${url.pathname}` }, body: Buffer.alloc(0) });
    const delay = typeof latency === 'function' ? latency({ host, path, lang }) : latency;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    const key = `${lang} ${path}`;
    const fault = faults.get(key);
    const page = fault ? applyFault(fault, key, lang, path, res) : route(lang, path);
    if (page) send(page);
    else record.status = fault?.kind === 'reset' ? 200 : 0; // 0: no status line was sent
  }

  const onError = (res: ServerResponse) => (err: unknown) => {
    if (!res.headersSent) res.writeHead(500);
    res.end(String(err));
  };

  const { cert, key } = await throwawayCertificate();
  const httpsServer = https.createServer({ cert, key }, (req, res) => void handle(req, res, 'https').catch(onError(res)));
  const proxyServer = http.createServer((req, res) => {
    // Plain HTTP through the proxy: absolute-form request URLs.
    void handle(req, res, 'http').catch(onError(res));
  });
  proxyServer.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
    const [rawHost] = (req.url ?? '').split(':');
    const host = rawHost.toLowerCase();
    if (!isSiteHost(host)) {
      requests.push({ time: Date.now(), host, path: '', method: 'CONNECT', via: 'connect', status: 403 });
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length) socket.unshift(head);
    // The tunnel's bytes are TLS for the HTTPS server: hand it the socket as if it had accepted it.
    httpsServer.emit('connection', socket);
  });
  for (const s of [httpsServer, proxyServer]) s.on('clientError', (_e, sock: Socket) => sock.destroy());
  // Tunnelled sockets leave the proxy's books once CONNECT is answered; track every socket so close() ends them all.
  const sockets = new Set<Socket>();
  proxyServer.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  httpsServer.listen(options.port ?? 0, '127.0.0.1');
  proxyServer.listen(options.proxyPort ?? 0, '127.0.0.1');
  await Promise.all([once(httpsServer, 'listening'), once(proxyServer, 'listening')]);
  const httpsPort = (httpsServer.address() as AddressInfo).port;
  const proxyPort = (proxyServer.address() as AddressInfo).port;

  function get(target: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
    const u = new URL(target);
    return new Promise((resolve, reject) => {
      const req = https.request(
        { host: '127.0.0.1', port: httpsPort, path: u.pathname + u.search, servername: u.hostname, headers: { host: u.host }, rejectUnauthorized: false },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end();
    });
  }

  return {
    httpsPort,
    proxyPort,
    proxy: `127.0.0.1:${proxyPort}`,
    cert,
    requests,
    articles,
    setFault: (lang, path, fault) => {
      faults.set(`${lang} ${path}`, fault);
      faultCounts.delete(`${lang} ${path}`);
    },
    clearFaults: () => {
      faults.clear();
      faultCounts.clear();
    },
    setLatency: (l) => {
      latency = l ?? 0;
    },
    get,
    close: async () => {
      for (const res of pending) res.destroy();
      for (const s of sockets) s.destroy();
      for (const s of [httpsServer, proxyServer]) s.closeAllConnections();
      await Promise.all([new Promise((r) => httpsServer.close(r)), new Promise((r) => proxyServer.close(r))]);
    },
  };
}
