// Launches real Chromium and Firefox ESR with the built extension, pointed at the
// local EU Reporter mirror (scripts/mirror.ts) through its proxy, so pages keep
// their real https://<lang>.eureporter.co/ URLs. Collects every console error,
// uncaught exception and unhandled rejection of the page, the content script and
// the background, so a test can fail on any of them.
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ConsoleMessage, type Page, type Target } from 'puppeteer-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const ROOT = resolve(import.meta.dirname, '..', '..');
export const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

export type BrowserName = 'chromium' | 'firefox';

export interface LaunchOptions {
  /** The unpacked extension (dist/chrome or dist/firefox); the browser loads a private copy of it. */
  extensionDir: string;
  /** `host:port` of the mirror's proxy. */
  proxy: string;
  /** Defaults to headless unless FACT_FLAGS_HEADED is set. */
  headless?: boolean;
  /** Extra browser arguments (Chromium) — bench:browser adds tracing flags. */
  args?: string[];
  /**
   * Firefox only: the colour scheme pages see. Puppeteer emulates prefers-color-scheme
   * over CDP alone, so Firefox gets it as a launch preference instead.
   */
  colorScheme?: 'light' | 'dark';
}

export interface BrowserSession {
  name: BrowserName;
  browser: Browser;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`: where popup.html and options.html live. */
  extensionOrigin: string;
  /** Errors from every context, as `context: message`. */
  errors: string[];
  /** A new tab whose console and exceptions feed `errors`. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const headlessDefault = () => !process.env.FACT_FLAGS_HEADED;

/** Console messages that are errors in the sense of the tests: console.error and uncaught exceptions. */
function watchPage(page: Page, errors: string[], label: string): void {
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') errors.push(`${label} console: ${m.text()} ${m.location()?.url ?? ''}`.trim());
  });
  page.on('pageerror', (e: unknown) => errors.push(`${label} pageerror: ${e instanceof Error ? e.message : String(e)}`));
}

interface Manifest {
  background?: { service_worker?: string; scripts?: string[] };
  content_scripts?: { js?: string[] }[];
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  browser_specific_settings?: { gecko?: { id?: string } };
}

function readManifest(dir: string): Manifest {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run \`node build.mjs\` first`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every file the manifest names exists in `dir`. */
function isComplete(dir: string): boolean {
  try {
    const m = readManifest(dir);
    const files = [
      m.background?.service_worker,
      ...(m.background?.scripts ?? []),
      ...(m.content_scripts ?? []).flatMap((c) => c.js ?? []),
      m.action?.default_popup,
      m.options_ui?.page,
    ].filter((f): f is string => !!f);
    return files.every((f) => existsSync(join(dir, f)));
  } catch {
    return false;
  }
}

/**
 * A private copy of the built extension for one browser session, so a rebuild
 * of dist/ while the tests run (`node build.mjs --watch`, another terminal)
 * cannot pull files from under a running extension. Copies again while the
 * source is caught mid-build.
 */
async function snapshotExtension(dir: string): Promise<string> {
  readManifest(dir);
  for (let attempt = 0; attempt < 20; attempt++) {
    const copy = mkdtempSync(join(tmpdir(), 'fact-flags-ext-'));
    cpSync(dir, copy, { recursive: true });
    if (isComplete(copy)) return copy;
    rmSync(copy, { recursive: true, force: true });
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${dir} stayed incomplete: is a build failing?`);
}

// ------------------------------------------------------------------ Chromium

/** The session both launchers hand out: pages watched for errors, and the private extension copy removed on close. */
function session(name: BrowserName, browser: Browser, extensionOrigin: string, errors: BrowserSession['errors'], extensionDir: string): BrowserSession {
  return {
    name,
    browser,
    extensionOrigin,
    errors,
    newPage: async () => {
      const page = await browser.newPage();
      watchPage(page, errors, 'page');
      return page;
    },
    close: async () => {
      await browser.close();
      rmSync(extensionDir, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(o: LaunchOptions): Promise<BrowserSession> {
  const extensionDir = await snapshotExtension(o.extensionDir);
  const errors: string[] = [];
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: o.headless ?? headlessDefault(),
    // Extensions load over the DevTools pipe (Extensions.loadUnpacked): works in
    // builds where --load-extension is switched off, and gives us the id.
    pipe: true,
    enableExtensions: [extensionDir],
    acceptInsecureCerts: true,
    args: [
      '--no-sandbox',
      `--proxy-server=http://${o.proxy}`,
      // Belt and braces: nothing resolves through real DNS; everything goes through the mirror's proxy.
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
      '--ignore-certificate-errors',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--window-size=1280,900',
      ...(o.args ?? []),
    ],
    defaultViewport: { width: 1280, height: 900 },
  });
  // The extension registers as it starts; its service worker's URL carries the id.
  const sw = await browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 15_000 });
  const ext = { id: new URL(sw.url()).host };
  // A worker that stops when idle comes back as a new target; each one is watched once.
  const watched = new WeakSet<Target>();
  const watchTarget = async (t: Target) => {
    if (t.type() !== 'service_worker' || !t.url().startsWith(`chrome-extension://${ext.id}/`) || watched.has(t)) return;
    watched.add(t);
    const worker = await t.worker();
    worker?.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') errors.push(`background console: ${m.text()}`);
    });
    worker?.on('error', (e: Error) => errors.push(`background error: ${e.message}`));
    // Uncaught exceptions and unhandled rejections of a service worker reach only the raw protocol.
    worker?.client.on('Runtime.exceptionThrown', (e) =>
      errors.push(`background exception: ${e.exceptionDetails.exception?.description ?? e.exceptionDetails.text}`),
    );
  };
  browser.on('targetcreated', (t: Target) => void watchTarget(t).catch(() => undefined));
  for (const t of browser.targets()) await watchTarget(t).catch(() => undefined);
  return session('chromium', browser, `chrome-extension://${ext.id}`, errors, extensionDir);
}

// ------------------------------------------------------------------ Firefox

/**
 * Firefox prints the console of every context (including the extension's
 * background page and content scripts, which WebDriver BiDi does not expose) to
 * stdout when these prefs are on; we read errors from there.
 */
const FIREFOX_ERROR_LINE = /^(JavaScript error:|console\.error:)|Unhandled promise rejection/;

/** Firefox preferences that make every page, extension pages included, see this colour scheme. */
function colorSchemePrefs(scheme: 'light' | 'dark'): Record<string, number> {
  const dark = scheme === 'dark';
  // content-override: 0 dark, 1 light; systemUsesDarkTheme covers pages that follow the system.
  return { 'layout.css.prefers-color-scheme.content-override': dark ? 0 : 1, 'ui.systemUsesDarkTheme': dark ? 1 : 0 };
}

export async function launchFirefox(o: LaunchOptions): Promise<BrowserSession> {
  const extensionDir = await snapshotExtension(o.extensionDir);
  const geckoId = readManifest(extensionDir).browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('dist/firefox/manifest.json has no browser_specific_settings.gecko.id');
  const uuid = randomUUID();
  const [proxyHost, proxyPort] = o.proxy.split(':');
  const errors: string[] = [];
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: o.headless ?? headlessDefault(),
    acceptInsecureCerts: true,
    // Firefox 153+ lets WebDriver open only web URLs unless this is set; the tests open moz-extension:// pages.
    env: { ...process.env, MOZ_REMOTE_ALLOW_SYSTEM_ACCESS: '1' },
    extraPrefsFirefox: {
      // Fixed internal UUID, so moz-extension://<uuid>/popup.html is known in advance.
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'network.proxy.type': 1,
      'network.proxy.http': proxyHost,
      'network.proxy.http_port': Number(proxyPort),
      'network.proxy.ssl': proxyHost,
      'network.proxy.ssl_port': Number(proxyPort),
      'network.proxy.no_proxies_on': '',
      // Anything that bypassed the proxy would still land on loopback, never on the internet.
      'network.dns.forceResolve': '127.0.0.1',
      'devtools.console.stdout.chrome': true,
      'devtools.console.stdout.content': true,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'app.normandy.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      ...(o.colorScheme ? colorSchemePrefs(o.colorScheme) : {}),
    },
    defaultViewport: { width: 1280, height: 900 },
  });
  const proc = browser.process();
  let buffered = '';
  const onData = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (FIREFOX_ERROR_LINE.test(line) && isOurs(line, uuid)) errors.push(`firefox: ${line}`);
  };
  proc?.stdout?.on('data', onData);
  proc?.stderr?.on('data', onData);
  await browser.installExtension(extensionDir);
  return session('firefox', browser, `moz-extension://${uuid}`, errors, extensionDir);
}

/** Firefox's own chrome logs errors too (telemetry, remote agent); only ours and the pages' count. */
function isOurs(line: string, uuid: string): boolean {
  return line.includes(`moz-extension://${uuid}`) || line.includes('eureporter.co') || line.includes('Unhandled promise rejection');
}

/**
 * Opens one of the extension's own pages (popup.html, options.html) in a new
 * tab. Firefox performs the navigation but never reports it finished for
 * moz-extension:// URLs, so readiness is read from the page itself.
 */
export async function openExtensionPage(session: BrowserSession, file: string, timeout = 20_000): Promise<Page> {
  const url = `${session.extensionOrigin}/${file}`;
  const page = await session.newPage();
  void page.goto(url, { timeout }).catch(() => undefined);
  const end = Date.now() + timeout;
  while (!(await page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false))) {
    if (Date.now() > end) throw new Error(`${url} did not load`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return page;
}

/** Empties the background's edition cache, as the options page does, so the next check fetches afresh. */
export async function clearExtensionCache(session: BrowserSession): Promise<void> {
  const page = await openExtensionPage(session, 'options.html');
  await page.evaluate(() => {
    type Api = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const g = globalThis as unknown as { browser?: Api; chrome: Api };
    return (g.browser ?? g.chrome).runtime.sendMessage({ type: 'clear-cache' });
  });
  await page.close();
}

export function launch(name: BrowserName, o: LaunchOptions): Promise<BrowserSession> {
  return name === 'chromium' ? launchChromium(o) : launchFirefox(o);
}

export const extensionDirFor = (name: BrowserName) => join(ROOT, 'dist', name === 'chromium' ? 'chrome' : 'firefox');

/**
 * Saves artifacts/screenshots/<name>.png of the viewport, scrolled so the reader
 * sees what matters: the first mark (or the banner when nothing is marked).
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.evaluate(() => {
    const target = document.querySelector('fact-flag') ?? document.getElementById('fact-flags-banner') ?? document.querySelector('h1');
    target?.scrollIntoView({ block: 'center' });
  });
  const path = join(SCREENSHOTS, `${name}.png`) as `${string}.png`;
  await page.screenshot({ path });
  return path;
}
