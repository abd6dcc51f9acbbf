// The edition fetcher against a real local HTTP server: cache and TTL, shared
// in-flight requests, the concurrency cap, 429 handling, timeouts, size caps and
// charset decoding.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFetcher, retryAfterMs, REASONS, type CacheEntry, type CacheStore } from '../../src/background/fetcher';
import { decodeHtml, sniffCharset } from '../../src/background/charset';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let base = '';
const routes = new Map<string, Route>();
const hits = new Map<string, number>();
let active = 0;
let peak = 0;

const page = (body: string, delayMs = 0): Route => (_req, res) => {
  setTimeout(() => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body);
  }, delayMs);
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = req.url ?? '/';
    hits.set(path, (hits.get(path) ?? 0) + 1);
    active++;
    peak = Math.max(peak, active);
    res.on('close', () => active--);
    (routes.get(path) ?? ((_q, r) => r.writeHead(404).end('missing')))(req, res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  routes.clear();
  hits.clear();
  peak = 0;
});

describe('fetcher', () => {
  it('returns the page text and caches it until the TTL runs out', async () => {
    routes.set('/a', page('<p>hello</p>'));
    let clock = 1_000;
    const f = createFetcher({ now: () => clock, ttlMs: 60_000 });
    const first = await f.get(`${base}/a`);
    expect(first).toEqual({ ok: true, url: `${base}/a`, html: '<p>hello</p>' });
    clock += 59_000;
    await f.get(`${base}/a`);
    expect(hits.get('/a')).toBe(1);
    clock += 2_000;
    await f.get(`${base}/a`);
    expect(hits.get('/a')).toBe(2);
  });

  it('serves from the persistent store after the memory cache is gone (a restarted worker)', async () => {
    routes.set('/s', page('stored'));
    const data = new Map<string, CacheEntry>();
    const store: CacheStore = {
      get: async (k) => data.get(k),
      set: async (k, v) => void data.set(k, v),
      remove: async (k) => void data.delete(k),
      clear: async () => data.clear(),
    };
    await createFetcher({ store }).get(`${base}/s`);
    const again = await createFetcher({ store }).get(`${base}/s`);
    expect(again.ok && again.html).toBe('stored');
    expect(hits.get('/s')).toBe(1);
  });

  it('shares one request among concurrent callers for the same URL', async () => {
    routes.set('/d', page('x', 50));
    const f = createFetcher();
    const all = await Promise.all([1, 2, 3, 4].map(() => f.get(`${base}/d`)));
    expect(all.every((r) => r.ok)).toBe(true);
    expect(hits.get('/d')).toBe(1);
  });

  it('runs at most maxConcurrent requests at once', async () => {
    for (let i = 0; i < 7; i++) routes.set(`/c${i}`, page(String(i), 60));
    const f = createFetcher({ maxConcurrent: 3 });
    const all = await Promise.all([...Array(7).keys()].map((i) => f.get(`${base}/c${i}`)));
    expect(all.map((r) => r.ok && r.html)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(peak).toBe(3);
  });

  it('waits as Retry-After asks on 429, then succeeds', async () => {
    let n = 0;
    routes.set('/r', (_q, res) => {
      if (n++ === 0) res.writeHead(429, { 'retry-after': '2' }).end();
      else page('after')(_q, res);
    });
    const waits: number[] = [];
    const f = createFetcher({ sleep: async (ms) => void waits.push(ms) });
    const r = await f.get(`${base}/r`);
    expect(r.ok && r.html).toBe('after');
    expect(waits).toEqual([2000]);
  });

  it('gives up on 429 when Retry-After exceeds the bound, and backs off exponentially without one', async () => {
    routes.set('/long', (_q, res) => res.writeHead(429, { 'retry-after': '3600' }).end());
    routes.set('/busy', (_q, res) => res.writeHead(503).end());
    const waits: number[] = [];
    const f = createFetcher({ sleep: async (ms) => void waits.push(ms), maxRetries: 2 });
    expect(await f.get(`${base}/long`)).toMatchObject({ ok: false, reason: REASONS.rateLimited });
    expect(hits.get('/long')).toBe(1);
    expect(await f.get(`${base}/busy`)).toMatchObject({ ok: false, reason: `${REASONS.server} (503)` });
    expect(hits.get('/busy')).toBe(3);
    expect(waits).toEqual([1000, 2000]);
  });

  it('reports non-2xx statuses as reasons and does not cache them', async () => {
    routes.set('/500', (_q, res) => res.writeHead(500).end('boom'));
    const f = createFetcher();
    expect(await f.get(`${base}/nope`)).toEqual({ ok: false, url: `${base}/nope`, reason: `${REASONS.notFound} (404)` });
    expect(await f.get(`${base}/500`)).toMatchObject({ ok: false, reason: `${REASONS.server} (500)` });
    await f.get(`${base}/nope`);
    expect(hits.get('/nope')).toBe(2);
  });

  it('times out a response that never ends', async () => {
    routes.set('/hang', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<p>start');
    });
    const f = createFetcher({ timeoutMs: 150 });
    expect(await f.get(`${base}/hang`)).toMatchObject({ ok: false, reason: REASONS.timeout });
  });

  it('refuses bodies over the size cap, declared or streamed', async () => {
    const big = 'x'.repeat(5000);
    routes.set('/declared', page(big));
    routes.set('/streamed', (_q, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      for (let i = 0; i < 10; i++) res.write('y'.repeat(1000));
      res.end();
    });
    const f = createFetcher({ maxBytes: 4000 });
    expect(await f.get(`${base}/declared`)).toMatchObject({ ok: false, reason: REASONS.tooLarge });
    expect(await f.get(`${base}/streamed`)).toMatchObject({ ok: false, reason: REASONS.tooLarge });
  });

  it('reports an unreachable host and a redirect to a disallowed URL', async () => {
    routes.set('/away', (_q, res) => res.writeHead(302, { location: `${base}/elsewhere` }).end());
    routes.set('/elsewhere', page('other'));
    const f = createFetcher({ allowUrl: (u) => !u.endsWith('/elsewhere') });
    expect(await f.get('http://127.0.0.1:1/x')).toMatchObject({ ok: false, reason: REASONS.unreachable });
    expect(await f.get(`${base}/away`)).toMatchObject({ ok: false, reason: REASONS.offsite });
  });

  it('decodes the charset the server declares', async () => {
    // "Привет" in windows-1251.
    const cp1251 = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]);
    routes.set('/ru', (_q, res) => res.writeHead(200, { 'content-type': 'text/html; charset=windows-1251' }).end(cp1251));
    const r = await createFetcher().get(`${base}/ru`);
    expect(r.ok && r.html).toBe('Привет');
  });
});

describe('charset', () => {
  const enc = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
  it('prefers BOM, then Content-Type, then <meta>, else UTF-8', () => {
    expect(sniffCharset(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]), 'text/html; charset=iso-8859-2')).toBe('utf-8');
    expect(sniffCharset(enc('<meta charset="koi8-r">'), 'text/html; charset=iso-8859-2')).toBe('iso-8859-2');
    expect(sniffCharset(enc('<html><head><meta charset="koi8-r">'), 'text/html')).toBe('koi8-r');
    expect(sniffCharset(enc('<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'), null)).toBe('windows-1252');
    expect(sniffCharset(enc('<p>plain</p>'), null)).toBe('utf-8');
    expect(sniffCharset(enc('<meta charset="no-such-thing">'), 'text/html; charset=bogus')).toBe('utf-8');
  });
  it('decodes a Latin-1 page declared in <meta> and survives invalid UTF-8', () => {
    expect(decodeHtml(enc('<meta charset=iso-8859-1><p>caf\xe9</p>'), null)).toContain('café');
    expect(decodeHtml(new Uint8Array([0x61, 0xff, 0x62]), 'text/html')).toBe('a\ufffdb');
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates', () => {
    expect(retryAfterMs('5', 0)).toBe(5000);
    expect(retryAfterMs(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(retryAfterMs('soon', 0)).toBeUndefined();
    expect(retryAfterMs(null, 0)).toBeUndefined();
  });
});
