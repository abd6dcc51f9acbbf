// Fetches edition pages for the content script: one request per URL at a time
// (in-flight requests are shared), at most a few requests at once, each with a
// timeout and a size cap, 429/503 answered by waiting as the server asks (within
// a bound), and successful pages cached with a TTL so a recheck or a revisit
// refetches nothing. Failures come back as plain reasons, never as exceptions.
import { decodeHtml } from './charset';

/** Why an edition could not be had, as the banner and card show it ("fr: not reachable"). */
export const REASONS = {
  unreachable: 'not reachable',
  timeout: 'timed out',
  notFound: 'not found',
  server: 'server error',
  rateLimited: 'rate limited',
  tooLarge: 'too large',
  notHtml: 'not a web page',
  offsite: 'redirected off-site',
} as const;

/** Persistent second level for the cache (storage.session in the extension), so a restarted worker keeps it. */
export interface CacheStore {
  get(key: string): Promise<CacheEntry | undefined>;
  set(key: string, entry: CacheEntry): Promise<void>;
  remove(key: string): Promise<void>;
  clear(): Promise<void>;
}

/** One edition's page as fetched: its final URL and decoded HTML, or why it could not be had. */
export type FetchedPage = { ok: true; url: string; html: string } | { ok: false; url: string; reason: string };

export interface CacheEntry {
  at: number;
  url: string;
  html: string;
}

export interface FetcherOptions {
  fetch?: typeof fetch;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  store?: CacheStore;
  /** Which final URLs (after redirects) are acceptable. */
  allowUrl?: (url: string) => boolean;
  ttlMs?: number;
  timeoutMs?: number;
  maxConcurrent?: number;
  maxBytes?: number;
  /** Retries after a 429/503; the wait each time is Retry-After, else exponential, never above maxRetryWaitMs. */
  maxRetries?: number;
  maxRetryWaitMs?: number;
}

const DEFAULTS = {
  ttlMs: 15 * 60_000,
  timeoutMs: 15_000,
  maxConcurrent: 3,
  maxBytes: 6 * 1024 * 1024,
  maxRetries: 2,
  maxRetryWaitMs: 10_000,
};

/** Pages bigger than this stay in the memory cache only, to keep storage.session within its quota. */
const MAX_STORED_CHARS = 1_500_000;

const RETRYABLE = new Set([429, 503]);

/** Retry-After as milliseconds: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const s = header.trim();
  if (/^\d+$/.test(s)) return Number(s) * 1000;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function statusReason(status: number): string {
  if (status === 404 || status === 410) return `${REASONS.notFound} (${status})`;
  if (status === 429) return REASONS.rateLimited;
  return status >= 500 ? `${REASONS.server} (${status})` : `HTTP ${status}`;
}

/** Counting semaphore: run() waits for a free slot. */
class Slots {
  private waiting: Array<() => void> = [];
  private busy = 0;
  constructor(private readonly max: number) {}
  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.busy >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy++;
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next waiter, or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.busy--;
    }
  }
}

class Failure extends Error {}

/** Reads a body up to `max` bytes; larger bodies fail without being held in memory. */
async function readCapped(res: Response, max: number): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (declared > max) throw new Failure(REASONS.tooLarge);
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw new Failure(REASONS.tooLarge);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

const isHtmlType = (type: string | null) => !type || /html|xml|text\/plain/i.test(type);

export function createFetcher(options: FetcherOptions = {}) {
  const o = { ...DEFAULTS, ...options };
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const allowUrl = options.allowUrl ?? (() => true);
  const memory = new Map<string, CacheEntry>();
  const inFlight = new Map<string, Promise<FetchedPage>>();
  const slots = new Slots(o.maxConcurrent);

  const fresh = (e: CacheEntry | undefined): e is CacheEntry => !!e && now() - e.at < o.ttlMs;

  async function cached(url: string): Promise<CacheEntry | undefined> {
    const m = memory.get(url);
    if (fresh(m)) return m;
    memory.delete(url);
    const stored = await options.store?.get(url).catch(() => undefined);
    if (fresh(stored)) {
      memory.set(url, stored);
      return stored;
    }
    if (stored) await options.store?.remove(url).catch(() => undefined);
    return undefined;
  }

  /** One HTTP attempt under a slot and a timeout; the response's status decides what happens next. */
  async function attempt(url: string): Promise<{ retryIn?: number; result?: FetchedPage }> {
    return slots.run(async () => {
      const ctl = new AbortController();
      const timer = setTimeout(() => ctl.abort(), o.timeoutMs);
      try {
        const res = await doFetch(url, { signal: ctl.signal, credentials: 'omit', redirect: 'follow', headers: { Accept: 'text/html' } });
        if (RETRYABLE.has(res.status)) {
          await res.body?.cancel().catch(() => undefined);
          return { retryIn: retryAfterMs(res.headers.get('retry-after'), now()) ?? -1, result: { ok: false, url, reason: statusReason(res.status) } };
        }
        const finalUrl = res.url || url;
        if (!allowUrl(finalUrl)) throw new Failure(REASONS.offsite);
        if (!res.ok) throw new Failure(statusReason(res.status));
        const type = res.headers.get('content-type');
        if (!isHtmlType(type)) throw new Failure(REASONS.notHtml);
        const html = decodeHtml(await readCapped(res, o.maxBytes), type);
        return { result: { ok: true, url: finalUrl, html } };
      } catch (e) {
        const reason = e instanceof Failure ? e.message : ctl.signal.aborted ? REASONS.timeout : REASONS.unreachable;
        return { result: { ok: false, url, reason } };
      } finally {
        clearTimeout(timer);
      }
    });
  }

  async function load(url: string): Promise<FetchedPage> {
    const hit = await cached(url);
    if (hit) return { ok: true, url: hit.url, html: hit.html };
    for (let tries = 0; ; tries++) {
      const { retryIn, result } = await attempt(url);
      if (retryIn === undefined || tries >= o.maxRetries) return remember(url, result!);
      // -1: the server gave no Retry-After; back off exponentially from one second.
      const wait = retryIn < 0 ? 1000 * 2 ** tries : retryIn;
      if (wait > o.maxRetryWaitMs) return result!;
      await sleep(wait);
    }
  }

  async function remember(url: string, r: FetchedPage): Promise<FetchedPage> {
    if (!r.ok) return r;
    const entry = { at: now(), url: r.url, html: r.html };
    memory.set(url, entry);
    if (r.html.length <= MAX_STORED_CHARS) await options.store?.set(url, entry).catch(() => undefined);
    return r;
  }

  return {
    /** The page at `url`, from the cache when fresh; concurrent calls for one URL share one request. */
    get(url: string): Promise<FetchedPage> {
      let p = inFlight.get(url);
      if (!p) {
        p = load(url).finally(() => inFlight.delete(url));
        inFlight.set(url, p);
      }
      return p;
    },
    async clear(): Promise<void> {
      memory.clear();
      await options.store?.clear().catch(() => undefined);
    },
  };
}

export type Fetcher = ReturnType<typeof createFetcher>;
