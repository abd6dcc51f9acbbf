// `npm start` (after scripts/setup.mjs and the build): serve the local EU
// Reporter mirror, open the Azerbaijani edition of the seed article in Chromium
// with the extension loaded, print the flags the page shows and save a
// screenshot. Headed when a display is available (then it keeps serving until
// Ctrl+C, so you can browse the other editions), headless otherwise.
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { editionUrl } from '../test/fixtures/render';
import { launchChromium } from '../test/e2e/harness';
import type { Page } from 'puppeteer-core';
import { bannerText, cardText, readFlags, waitChecked } from '../test/e2e/reader';
import { ROOT, SEED_PATH } from './corpus';
import { startMirror } from './mirror';

/** Fixed ports, so a headed session can be pointed at again by hand; override with env. */
const HTTPS_PORT = Number(process.env.MIRROR_PORT ?? 8443);
const PROXY_PORT = Number(process.env.MIRROR_PROXY_PORT ?? 8444);
const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.FACT_FLAGS_HEADLESS;

interface ShownFlag {
  index: number;
  kind: string;
  text: string;
  /** The card's text as a reader sees it when the mark is focused: the disagreement and each edition's words. */
  card: string;
}

async function shownFlags(page: Page): Promise<ShownFlag[]> {
  const flags: ShownFlag[] = [];
  for (const f of await readFlags(page)) flags.push({ ...f, card: await cardText(page, f.index) });
  return flags;
}

function printFlags(flags: ShownFlag[], banner: string): void {
  console.log(`\nBanner: ${banner || '(none)'}`);
  console.log(`Flags on the page: ${flags.length}`);
  for (const f of flags) {
    console.log(`\n  [${f.index}] ${f.kind}: "${f.text}"`);
    for (const line of (f.card || '(no card opened)').split('\n')) console.log(`      ${line}`);
  }
  console.log('');
}

async function main(): Promise<void> {
  const mirror = await startMirror({ port: HTTPS_PORT, proxyPort: PROXY_PORT });
  console.log(`Mirror: https://<lang>.eureporter.co/ served on 127.0.0.1:${mirror.httpsPort}, browser proxy ${mirror.proxy}`);
  const session = await launchChromium({ extensionDir: join(ROOT, 'dist', 'chrome'), proxy: mirror.proxy, headless: !headed });
  const shutdown = async () => {
    await session.close().catch(() => undefined);
    await mirror.close();
  };
  process.once('SIGINT', () => void shutdown().then(() => process.exit(0)));

  const url = editionUrl('az', SEED_PATH);
  console.log(`Opening ${url} in Chromium (${headed ? 'headed' : 'headless'}) with the extension ${session.extensionOrigin}`);
  const page = await session.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await waitChecked(page, 60_000);
  printFlags(await shownFlags(page), await bannerText(page));

  mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
  const shot = join(ROOT, 'artifacts', 'start.png') as `${string}.png`;
  await page.screenshot({ path: shot });
  console.log(`Screenshot: ${relative(process.cwd(), shot) || shot}`);
  if (session.errors.length) console.warn(`Errors in the browser:\n  ${session.errors.join('\n  ')}`);

  if (headed) {
    console.log('Serving the mirror; browse the other editions from the language switcher. Ctrl+C (or closing the browser) stops.');
    session.browser.once('disconnected', () => void mirror.close().then(() => process.exit(0)));
    return;
  }
  await shutdown();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
