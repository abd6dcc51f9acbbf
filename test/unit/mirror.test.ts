// The local EU Reporter mirror: routing by host, the seed article's five
// editions, faults, latency, the request record and the proxy that refuses
// every host but EU Reporter's.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANY_FIGURES_PATH, SEED_LANGS, SEED_PATH, manyFiguresArticle, seedArticle, slugify } from '../../scripts/corpus';
import { startMirror, type Mirror } from '../../scripts/mirror';

const url = (lang: string, path = SEED_PATH) => `https://${lang === 'en' ? 'www' : lang}.eureporter.co${path}`;

describe('seed corpus', () => {
  const seed = seedArticle();

  it('has the five editions, each a title and the same four body paragraphs', () => {
    expect(Object.keys(seed.editions).sort()).toEqual([...SEED_LANGS].sort());
    for (const lang of SEED_LANGS) {
      expect(seed.editions[lang].title.length, lang).toBeGreaterThan(20);
      expect(seed.editions[lang].paragraphs, lang).toHaveLength(4);
    }
  });

  it('keeps the page chrome out of the seed editions', () => {
    const all = Object.values(seed.editions).flatMap((e) => [e.title, ...e.paragraphs]).join('\n');
    for (const chrome of ['Bizimlə əlaqə', 'Paylaş:', 'Nəşr', 'Eğilimleri', 'SHARE:', 'Imechapishwa', 'Trending', 'EU Reporter']) expect(all).not.toContain(chrome);
  });

  it('writes the trade figures of the last paragraph faithfully in en, fr and de', () => {
    const figures: Record<string, string[]> = {
      en: ['$523.7 million', '2023', '$220.7 million', '$303 million', '1.7%', '2022', '$514.9 million', '$289 million', '$114.3 million', '$174.7 million', '2024'],
      fr: ['523,7 millions de dollars', '220,7 millions', '303 millions', '1,7\u00a0%', '514,9 millions', '289 millions', '114,3 millions', '174,7 millions'],
      de: ['523,7 Millionen US-Dollar', '220,7 Millionen', '303 Millionen', '1,7 %', '514,9 Millionen', '289 Millionen', '114,3 Millionen', '174,7 Millionen'],
    };
    for (const [lang, expected] of Object.entries(figures)) {
      const last = seed.editions[lang].paragraphs[3];
      for (const f of expected) expect(last, `${lang}: ${f}`).toContain(f);
    }
    for (const lang of ['en', 'fr', 'de']) expect(seed.editions[lang].paragraphs[0]).toMatch(/Roman Vassilenko[\s\S]*Jeroen Cooreman/);
  });

  it('derives article paths from titles', () => {
    expect(slugify("Death toll from Indonesia tsunami rises to 832")).toBe('/death-toll-from-indonesia-tsunami-rises-to-832/');
    expect(slugify('Peter Jones \u2018furious\u2019 after £11million deal')).toBe('/peter-jones-furious-after-11million-deal/');
  });

  it('generates 2,000 figures, five per sentence, in every language of the long article', () => {
    const a = manyFiguresArticle(2000);
    expect(a.path).toBe(MANY_FIGURES_PATH);
    for (const [lang, e] of Object.entries(a.editions)) {
      const digitRuns = e.paragraphs.join(' ').match(/\d+(?:[.,]\d+)?/g) ?? [];
      expect(digitRuns.length, lang).toBe(2000);
    }
    // Same paragraphs everywhere; only the Azerbaijani edition differs, in the first sentence of every tenth paragraph.
    expect(a.editions.az.paragraphs).toHaveLength(a.editions.en.paragraphs.length);
    const percents = (lang: string, i: number) => (a.editions[lang].paragraphs[i].match(/\d+[.,]\d(?=\s?%)/g) ?? []).map((x) => x.replace(',', '.'));
    expect(percents('az', 0)).not.toEqual(percents('en', 0));
    expect(percents('az', 1)).toEqual(percents('en', 1));
    expect(percents('fr', 0)).toEqual(percents('en', 0));
  });
});

describe('mirror', () => {
  let mirror: Mirror;
  beforeAll(async () => {
    mirror = await startMirror();
  });
  afterAll(() => mirror.close());

  it('serves each edition of the seed article by Host, with hreflang siblings', async () => {
    for (const lang of SEED_LANGS) {
      const r = await mirror.get(url(lang));
      expect(r.status, lang).toBe(200);
      expect(r.body).toContain(`<html lang="${lang}"`);
      for (const l of SEED_LANGS) expect(r.body).toContain(`hreflang="${l}" href="${url(l)}"`);
    }
  });

  it('answers 404 for an edition the seed article does not have, and serves home and category pages', async () => {
    expect((await mirror.get(url('it'))).status).toBe(404);
    const home = await mirror.get(url('az', '/'));
    expect(home.status).toBe(200);
    expect(home.body).toContain(seedArticle().editions.az.title);
    expect((await mirror.get(url('fr', '/category/belgium/'))).body).toContain('Belgium');
  });

  it('maps lower-cased host labels back to the corpus tags (zh-cn → zh-CN)', async () => {
    const [thieves] = mirror.articles.filter((a) => a.editions['zh-CN']);
    const r = await mirror.get(`https://zh-cn.eureporter.co${thieves.path}`);
    expect(r.status).toBe(200);
    expect(r.body).toContain('<html lang="zh-CN"');
  });

  it('records every request with host, path and status', async () => {
    const before = mirror.requests.length;
    await mirror.get(url('de'));
    expect(mirror.requests.slice(before)).toMatchObject([{ host: 'de.eureporter.co', path: SEED_PATH, status: 200, via: 'https' }]);
  });

  it.each([
    [{ kind: 'status', status: 500 } as const, 500],
    [{ kind: 'redirect', to: 'home' } as const, 302],
  ])('applies a fault to one edition only: %o', async (fault, status) => {
    mirror.setFault('fr', SEED_PATH, fault);
    try {
      expect((await mirror.get(url('fr'))).status).toBe(status);
      expect((await mirror.get(url('de'))).status).toBe(200);
    } finally {
      mirror.clearFaults();
    }
  });

  it('fails a 429 only `times` times, with Retry-After', async () => {
    mirror.setFault('en', SEED_PATH, { kind: 'status', status: 429, retryAfter: 2, times: 1 });
    const first = await mirror.get(url('en'));
    expect([first.status, first.headers['retry-after']]).toEqual([429, '2']);
    expect((await mirror.get(url('en'))).status).toBe(200);
    mirror.clearFaults();
  });

  it('truncates, mis-declares the charset, pads to 5 MB and injects hostile markup on request', async () => {
    const full = (await mirror.get(url('fr'))).body;
    mirror.setFault('fr', SEED_PATH, { kind: 'truncated' });
    const cut = await mirror.get(url('fr'));
    expect(cut.body.length).toBeLessThan(full.length);
    expect(cut.body).not.toContain('</html>');
    mirror.setFault('fr', SEED_PATH, { kind: 'charset', declared: 'iso-8859-1' });
    expect((await mirror.get(url('fr'))).headers['content-type']).toBe('text/html; charset=iso-8859-1');
    mirror.setFault('fr', SEED_PATH, { kind: 'huge', bytes: 5_000_000 });
    expect(Buffer.byteLength((await mirror.get(url('fr'))).body)).toBeGreaterThanOrEqual(5_000_000);
    mirror.setFault('fr', SEED_PATH, { kind: 'hostile' });
    const hostile = (await mirror.get(url('fr'))).body;
    expect(hostile).toContain('<script>document.documentElement.dataset.pwned');
    expect(hostile).toContain('&lt;img src=x onerror=');
    mirror.setFault('fr', SEED_PATH, { kind: 'replace', from: '523,7', to: '253,7' });
    const garbled = (await mirror.get(url('fr'))).body;
    expect([garbled.includes('253,7 millions'), garbled.includes('523,7')]).toEqual([true, false]);
    mirror.clearFaults();
  });

  it('drops and resets connections', async () => {
    mirror.setFault('fr', SEED_PATH, { kind: 'drop' });
    await expect(mirror.get(url('fr'))).rejects.toThrow();
    mirror.setFault('fr', SEED_PATH, { kind: 'reset' });
    await expect(mirror.get(url('fr'))).rejects.toThrow();
    mirror.clearFaults();
  });

  it('delays responses by the configured latency', async () => {
    mirror.setLatency(120);
    const t = Date.now();
    await mirror.get(url('de'));
    expect(Date.now() - t).toBeGreaterThanOrEqual(115);
    mirror.setLatency(0);
  });

  it('tunnels CONNECT to EU Reporter hosts and refuses and records any other host', async () => {
    const connect = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: mirror.proxyPort, method: 'CONNECT', path: `${host}:443` });
        req.on('connect', (res, socket) => {
          socket.destroy();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        req.end();
      });
    expect(await connect('az.eureporter.co')).toBe(200);
    expect(await connect('evil.example')).toBe(403);
    expect(mirror.requests.filter((r) => r.via === 'connect').map((r) => r.host)).toEqual(['evil.example']);
  });

  it('closes with a hanging request still open', async () => {
    const m = await startMirror({ articles: [seedArticle()] });
    m.setFault('de', SEED_PATH, { kind: 'hang' });
    const pending = m.get(url('de')).catch((e: Error) => e);
    await new Promise((r) => setTimeout(r, 100));
    expect(m.requests.map((r) => r.path)).toEqual([SEED_PATH]);
    await m.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
